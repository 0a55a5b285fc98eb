//! `GET /accounting/transactions/{transaction_id}/`.

use crux_types::{Transaction, TransactionId};

use crate::{
    Client,
    request::{into_future, path_segment},
};

/// Gets one billing transaction. `.await` it.
///
/// Transaction ids are not UUIDs (ERRATA E-45); the id is percent-encoded
/// into the path, so no id can reach another endpoint.
#[derive(Debug, Clone)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct GetTransaction<'a> {
    client: &'a Client,
    id: TransactionId,
}

impl<'a> GetTransaction<'a> {
    pub(crate) fn new(client: &'a Client, id: TransactionId) -> Self {
        Self { client, id }
    }
}

into_future!(GetTransaction => Transaction, |request| {
    let path = format!("/accounting/transactions/{}/", path_segment(request.id.as_str()));
    request.client.get_json(&path).await
});
