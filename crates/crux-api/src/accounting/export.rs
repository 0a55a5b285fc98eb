//! `POST /accounting/transactions/export/`.

use crux_types::{ExportRef, TransactionsExportRequest};
use http::Method;

use crate::{Client, request::into_future};

/// Asks for your transactions to be emailed as CSV. `.await` it for the
/// export's id; the file itself never comes back in the response.
///
/// Sends `{}`. As a POST, it is never sent twice: if it fails after it may
/// have reached the server, the error says the outcome is unknown (an export
/// may already be on its way).
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct ExportTransactions<'a> {
    client: &'a Client,
}

impl<'a> ExportTransactions<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

into_future!(ExportTransactions => ExportRef, |request| {
    let path = "/accounting/transactions/export/";
    request.client.send_json(Method::POST, path, &TransactionsExportRequest {}).await
});
