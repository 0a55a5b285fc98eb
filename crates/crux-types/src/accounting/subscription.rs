//! The organization's subscription, returned by Get Subscription.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The organization's subscription plan, as returned by Get Subscription
/// (`GET /organizations/subscription/`, documented with the accounting
/// pages) (docs/spec-decisions.md, E-03).
///
/// Documented only in the page's prose.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Subscription {
    /// The current plan's name.
    pub plan_name: String,
    /// Other plans the organization could subscribe to.
    ///
    /// Empty when the API sends `[]`, `null` or leaves the field out.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub available_add_ons: Vec<String>,
    /// The features of the current plan.
    ///
    /// Empty when the API sends `[]`, `null` or leaves the field out.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub plan_features: Vec<String>,
    /// Products or services that may be added to the current plan.
    ///
    /// Written as `plan_add_ons`, the sample's name; also read from
    /// `plan_addons`, the page text's name (docs/spec-decisions.md, E-36).
    /// Empty when the API sends `[]`, `null` or leaves the field out.
    #[serde(
        default,
        alias = "plan_addons",
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub plan_add_ons: Vec<String>,
    /// The next bill: when, how much, and the card it goes to.
    pub next_bill_plan: NextBillPlan,
}

/// The next bill of a [`Subscription`] (`next_bill_plan`).
///
/// The page gives these fields no types (docs/spec-decisions.md, E-36);
/// the types follow the sample.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NextBillPlan {
    /// When the account renews (`"2017-11-06"`).
    pub bill_date: NaiveDate,
    /// The amount due on `bill_date`, in USD.
    ///
    /// Sent as a decimal string (`"10.99"`) and written back the same way;
    /// a JSON number is accepted too (docs/spec-decisions.md, E-07).
    #[serde(with = "crate::money")]
    pub amount: Decimal,
    /// When the current subscription started.
    pub start_date: NaiveDate,
    /// When the current subscription ends.
    pub end_date: NaiveDate,
    /// The last four digits of the card billed (`"4897"`).
    pub card_last_four: String,
}
