//! The payment method on file, returned by Get Payment Methods.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The organization's payment method, as returned by Get Payment Methods
/// (`GET /accounting/payment-methods/`).
///
/// One object, despite the plural name and the page's "list"
/// (docs/spec-decisions.md, E-27).
/// Documented only in the page's prose. `Debug` never shows the full card
/// number (see [`CardNumber`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PaymentMethod {
    /// The kind of payment method, for example `"CREDIT CARD"`.
    ///
    /// A plain string: the page gives that one example, not a list of
    /// values.
    pub payment_type: String,
    /// The full card number (15 or 16 digits), a secret.
    ///
    /// The API sends it in full (docs/spec-decisions.md, E-27); it is
    /// optional so that a response without it still decodes. `None` when `null` or absent;
    /// never serialized when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_number: Option<CardNumber>,
    /// The card's last four digits, for display (`"1111"`).
    pub card_last_four: String,
    /// The card's expiry, sent as a full date (`"2017-11-06"`)
    /// (docs/spec-decisions.md, E-27, E-30).
    pub card_expiration: NaiveDate,
    /// `true` when this is the organization's default payment method.
    pub is_default: bool,
    /// The billing address of the card: one string, lines separated by
    /// `\n`, kept verbatim.
    pub address: String,
}

/// A full payment card number (`PaymentMethod.card_number`), a secret.
///
/// - JSON: the plain string (`#[serde(transparent)]`), kept verbatim.
/// - `Debug` writes `CardNumber(<redacted>)`; there is no `Display`, so the
///   number cannot end up in a log line by accident. Show
///   [`last4`](Self::last4) to a user, and read the full number with
///   [`expose_secret`](Self::expose_secret) only where it is really needed.
///
/// ```
/// use crux_types::CardNumber;
///
/// let number = CardNumber::new("4111111111111111");
/// assert_eq!(format!("{number:?}"), "CardNumber(<redacted>)");
/// assert_eq!(number.last4(), Some("1111"));
/// assert_eq!(number.expose_secret(), "4111111111111111");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardNumber(String);

impl CardNumber {
    /// Wraps `number`. No validation: kept exactly as sent.
    #[must_use]
    pub fn new(number: impl Into<String>) -> Self {
        Self(number.into())
    }

    /// The full card number. Keep it out of logs and error messages.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// The last four digits, for display (`"1111"`).
    ///
    /// `None` unless the number ends with four ASCII digits (after trailing
    /// whitespace, which is skipped).
    #[must_use]
    pub fn last4(&self) -> Option<&str> {
        let number = self.0.trim_end();
        let start = number.len().checked_sub(4)?;
        let last4 = number.get(start..)?;
        last4.bytes().all(|b| b.is_ascii_digit()).then_some(last4)
    }
}

impl From<String> for CardNumber {
    fn from(number: String) -> Self {
        Self(number)
    }
}

/// Writes `CardNumber(<redacted>)` on one line (even with `{:#?}`),
/// whatever the number.
impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CardNumber(<redacted>)")
    }
}
