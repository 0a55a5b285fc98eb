//! The accounting section: subscription, payment method, transactions.
//!
//! **Unconfirmed**: the accounting pages of the API docs were never published
//! (ERRATA E-03), so these endpoints sit behind the `accounting` cargo
//! feature, off by default. Their shapes follow the unpublished pages.

mod export;
mod payment_methods;
mod subscription;
mod transaction;
mod transactions;

pub use export::ExportTransactions;
pub use payment_methods::GetPaymentMethods;
pub use subscription::GetSubscription;
pub use transaction::GetTransaction;
pub use transactions::ListTransactions;

use crux_types::TransactionId;

use crate::Client;

/// Billing and subscription, from [`Client::accounting`].
#[derive(Debug, Clone, Copy)]
pub struct Accounting<'a> {
    client: &'a Client,
}

impl<'a> Accounting<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// `GET /organizations/subscription/`: your plan. Needs
    /// `view_org_subscription_plan`.
    pub fn subscription(self) -> GetSubscription<'a> {
        GetSubscription::new(self.client)
    }

    /// `GET /accounting/payment-methods/`: your payment method (one object,
    /// despite the plural, ERRATA E-27). Needs `view_payment_info`.
    pub fn payment_methods(self) -> GetPaymentMethods<'a> {
        GetPaymentMethods::new(self.client)
    }

    /// `GET /accounting/transactions/`: your billing transactions. Needs
    /// `view_billing_statement`.
    pub fn transactions(self) -> ListTransactions<'a> {
        ListTransactions::new(self.client)
    }

    /// `GET /accounting/transactions/{transaction_id}/`: one transaction.
    /// Needs `view_billing_statement`.
    pub fn transaction(self, id: TransactionId) -> GetTransaction<'a> {
        GetTransaction::new(self.client, id)
    }

    /// `POST /accounting/transactions/export/`: emails your transactions as
    /// CSV and returns the export's id. Needs `view_billing_statement`.
    pub fn export_transactions(self) -> ExportTransactions<'a> {
        ExportTransactions::new(self.client)
    }
}
