//! Accounting domain: payment method, subscription, billing transactions
//! and their export.
//!
//! Endpoints using these types (rows 12 to 16 of the endpoint table):
//!
//! | Endpoint (its method, path, caller and permissions) | Request body | Returns |
//! |---|---|---|
//! | [`PAYMENT_METHOD_GET`](crate::endpoint::PAYMENT_METHOD_GET) (Get Payment Methods) | none | [`PaymentMethod`] (one object; docs/spec-decisions.md, E-27) |
//! | [`SUBSCRIPTION_GET`](crate::endpoint::SUBSCRIPTION_GET) (Get Subscription) | none | [`Subscription`] |
//! | [`TRANSACTIONS_LIST`](crate::endpoint::TRANSACTIONS_LIST) (Get Transactions) | none | `Vec<`[`Transaction`]`>` |
//! | [`TRANSACTIONS_GET`](crate::endpoint::TRANSACTIONS_GET) (Get Transaction Details) | none | [`Transaction`] |
//! | [`TRANSACTIONS_EXPORT`](crate::endpoint::TRANSACTIONS_EXPORT) (Get Transactions Export) | [`TransactionsExportRequest`] (`{}`) | [`ExportRef`] |
//!
//! # Unconfirmed
//!
//! The accounting pages of the docs are unpublished
//! (docs/spec-decisions.md, E-03): these models follow their samples,
//! which the live API may not match.
//!
//! # Money and dates
//!
//! Amounts are [`Decimal`](rust_decimal::Decimal), read from a decimal
//! string (`"12.00"`, as these pages send them) or a JSON number, and
//! written back as the decimal string with its scale (docs/spec-decisions.md, E-07). Dates
//! are [`NaiveDate`](chrono::NaiveDate), read and written as `YYYY-MM-DD`
//! (docs/spec-decisions.md, E-30).
//!
//! ```
//! use crux_types::{Decimal, Transaction};
//!
//! let body = r#"[
//!     {"statement_date": "2017-11-06", "payment_date": "2017-11-06",
//!      "transaction_id": "123456789", "total": "12.00", "status": "paid"},
//!     {"statement_date": "2017-11-06", "payment_date": "2017-11-06",
//!      "transaction_id": "456789101", "total": "10.99", "status": "paid"}
//! ]"#;
//! let transactions: Vec<Transaction> = serde_json::from_str(body)?;
//! let sum: Decimal = transactions.iter().map(|t| t.total).sum();
//! assert_eq!(sum.to_string(), "22.99");
//! assert_eq!(serde_json::to_value(&transactions[0])?["total"], "12.00");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Compatibility
//!
//! As for the [organization](crate::organization#compatibility) models:
//! public fields, no `#[non_exhaustive]`, unknown fields ignored.

mod export;
mod payment_method;
mod subscription;
mod transaction;

pub use export::{ExportRef, TransactionsExportRequest};
pub use payment_method::{CardNumber, PaymentMethod};
pub use subscription::{NextBillPlan, Subscription};
pub use transaction::Transaction;
