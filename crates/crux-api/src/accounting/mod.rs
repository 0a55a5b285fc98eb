//! The accounting section under its first names, kept for one release so
//! that existing code compiles: use [`Client::subscription`],
//! [`Client::payment_method`] and [`Client::transactions`], whose handles
//! and requests live in [`crate::resources`].
//!
//! **Unconfirmed**: the accounting pages of the API docs were never published
//! (docs/spec-decisions.md, E-03), so these endpoints sit behind the `accounting` cargo
//! feature, off by default. Their shapes follow the unpublished pages.

#![allow(deprecated)]

use crux_types::TransactionId;

pub use crate::resources::{
    ExportTransactions, GetPaymentMethod, GetSubscription, GetTransaction, ListTransactions,
};
use crate::{
    Client,
    resources::{PaymentMethod, Subscription, Transactions},
};

/// [`GetPaymentMethod`] under its first name (it returns one payment method).
#[deprecated(note = "renamed `GetPaymentMethod`: it returns one payment method")]
pub type GetPaymentMethods<'a> = GetPaymentMethod<'a>;

/// Billing and subscription, from [`Client::accounting`].
#[deprecated(note = "use client.subscription(), client.payment_method() and client.transactions()")]
#[derive(Debug, Clone, Copy)]
pub struct Accounting<'a> {
    client: &'a Client,
}

impl<'a> Accounting<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// Your plan: [`GetSubscription`].
    #[deprecated(note = "use client.subscription().get()")]
    pub fn subscription(self) -> GetSubscription<'a> {
        Subscription::new(self.client).get()
    }

    /// Your payment method: [`GetPaymentMethod`].
    #[deprecated(note = "use client.payment_method().get()")]
    pub fn payment_methods(self) -> GetPaymentMethod<'a> {
        PaymentMethod::new(self.client).get()
    }

    /// Your billing transactions: [`ListTransactions`].
    #[deprecated(note = "use client.transactions().list()")]
    pub fn transactions(self) -> ListTransactions<'a> {
        Transactions::new(self.client).list()
    }

    /// One transaction: [`GetTransaction`].
    #[deprecated(note = "use client.transactions().get(id)")]
    pub fn transaction(self, id: TransactionId) -> GetTransaction<'a> {
        Transactions::new(self.client).get(id)
    }

    /// Emails your transactions as CSV: [`ExportTransactions`].
    #[deprecated(note = "use client.transactions().export()")]
    pub fn export_transactions(self) -> ExportTransactions<'a> {
        Transactions::new(self.client).export()
    }
}
