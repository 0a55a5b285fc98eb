//! Billing transactions, returned by Get Transactions and Get Transaction
//! Details.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::id::TransactionId;

/// A billing transaction of the organization, as listed by Get Transactions
/// (`GET /accounting/transactions/`, a bare array) and returned by Get
/// Transaction Details (`GET /accounting/transactions/{transaction_id}/`).
///
/// Documented only in the pages' prose, which type every field as a string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Transaction {
    /// When the statement was issued (`"2017-11-06"`).
    pub statement_date: NaiveDate,
    /// When the payment posted (`"2017-11-06"`).
    ///
    /// Optional: a transaction that is not paid yet has no payment date to
    /// give (the samples only show paid ones). `None` when `null` or absent;
    /// never serialized when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// Identifies the transaction: a numeric string, not a UUID
    /// (docs/spec-decisions.md, E-45).
    pub transaction_id: TransactionId,
    /// The transaction's total, in USD.
    ///
    /// Sent as a decimal string (`"12.00"`) and written back the same way;
    /// a JSON number is accepted too (docs/spec-decisions.md, E-07).
    #[serde(with = "crate::money")]
    pub total: Decimal,
    /// The transaction's status, for example `"paid"`.
    ///
    /// A plain string: the pages give that one example, not a list of
    /// values.
    pub status: String,
}
