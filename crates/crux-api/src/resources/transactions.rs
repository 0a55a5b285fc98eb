//! `client.transactions()`: your billing transactions (feature
//! `accounting`).

use crux_types::{ExportRef, Transaction, TransactionId, TransactionsExportRequest};

use crate::endpoint_macro::{request, resource};

resource! {
    /// Your billing transactions, from
    /// [`Client::transactions`](crate::Client::transactions).
    Transactions
}

request! {
    /// Lists your billing transactions.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// for transaction in client.transactions().list().await? {
    ///     println!("{:?}", transaction.transaction_id);
    /// }
    /// # Ok(()) }
    /// ```
    Transactions::list() -> ListTransactions: Copy => Vec<Transaction> = TRANSACTIONS_LIST;
}

request! {
    /// Gets one billing transaction. Transaction ids are not UUIDs (docs/spec-decisions.md,
    /// E-45); the id is percent-encoded into the path, so no id can reach
    /// another endpoint.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let id = crux_api::types::TransactionId::new("123456789");
    /// let transaction = client.transactions().get(id).await?;
    /// # Ok(()) }
    /// ```
    Transactions::get(id: TransactionId) -> GetTransaction => Transaction = TRANSACTIONS_GET[id];
}

request! {
    /// Asks for your transactions to be emailed as CSV; `.await` it for the
    /// export's id (the file itself never comes back in the response).
    ///
    /// Sends `{}`. As a POST, it is never sent twice: if it fails after it
    /// may have reached the server, the error says the outcome is unknown
    /// (an export may already be on its way).
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let export = client.transactions().export().await?;
    /// # Ok(()) }
    /// ```
    Transactions::export() -> ExportTransactions: Copy
        => ExportRef = TRANSACTIONS_EXPORT, body: TransactionsExportRequest {};
}
