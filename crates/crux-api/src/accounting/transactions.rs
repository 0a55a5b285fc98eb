//! `GET /accounting/transactions/`.

use crux_types::Transaction;

use crate::{Client, request::into_future};

/// Lists your billing transactions. `.await` it.
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct ListTransactions<'a> {
    client: &'a Client,
}

impl<'a> ListTransactions<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

into_future!(ListTransactions => Vec<Transaction>, |request| {
    request.client.get_json("/accounting/transactions/").await
});
