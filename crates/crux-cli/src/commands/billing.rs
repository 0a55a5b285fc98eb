//! What `crux subscription`, `crux payment-method` and `crux transactions`
//! share: card data masked, amounts in USD.
//!
//! The payment card is only ever shown by its last four digits
//! (`•••• 4242`), in tables and in JSON alike: the API sends the full
//! number (docs/spec-decisions.md, E-27), and it must never reach a terminal or a log.

use crux_types::{CardNumber, Decimal, PaymentMethod, Subscription};
use serde::Serialize;

/// A value whose card data is masked: built only by `From`, which masks
/// it, and the only form of a payment method or subscription that is
/// printed.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub(super) struct Masked<T>(T);

impl<T> Masked<T> {
    /// The masked value.
    pub(super) fn value(&self) -> &T {
        &self.0
    }
}

/// The payment method with the card number replaced by its masked form
/// (`•••• 4242`) and `card_last_four` kept to four digits: what both the
/// table and the JSON show.
impl From<PaymentMethod> for Masked<PaymentMethod> {
    fn from(mut method: PaymentMethod) -> Self {
        let last4 = method
            .card_number
            .as_ref()
            .and_then(CardNumber::last4)
            .map(str::to_owned)
            .unwrap_or_else(|| last_four(&method.card_last_four));
        if method.card_number.is_some() {
            method.card_number = Some(CardNumber::new(masked(&last4)));
        }
        method.card_last_four = last_four(&method.card_last_four);
        Self(method)
    }
}

/// The subscription with `card_last_four` kept to four digits.
impl From<Subscription> for Masked<Subscription> {
    fn from(mut subscription: Subscription) -> Self {
        let plan = &mut subscription.next_bill_plan;
        plan.card_last_four = last_four(&plan.card_last_four);
        Self(subscription)
    }
}

/// The last four digits of `text` (which should be just those), or `""`
/// when it does not end with four digits: never more than four characters
/// of what may be a card number.
fn last_four(text: &str) -> String {
    CardNumber::new(text)
        .last4()
        .map(str::to_owned)
        .unwrap_or_default()
}

/// `•••• 4242`, or `••••` without digits.
pub(super) fn masked(last4: &str) -> String {
    if last4.is_empty() {
        "••••".to_owned()
    } else {
        format!("•••• {last4}")
    }
}

/// An amount in USD: `$12.00`, `-$5.00`.
pub(super) fn usd(amount: Decimal) -> String {
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}${:.2}", amount.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method(number: Option<&str>, last_four: &str) -> PaymentMethod {
        PaymentMethod {
            payment_type: "CREDIT CARD".to_owned(),
            card_number: number.map(CardNumber::new),
            card_last_four: last_four.to_owned(),
            card_expiration: crux_types::NaiveDate::default(),
            is_default: true,
            address: "1 Main St\nSpringfield".to_owned(),
        }
    }

    fn mask(method: PaymentMethod) -> PaymentMethod {
        Masked::from(method).0
    }

    #[test]
    fn card_numbers_are_masked_everywhere() {
        let masked = mask(method(Some("4111111111114242"), "4242"));
        assert_eq!(
            masked.card_number.as_ref().map(CardNumber::expose_secret),
            Some("•••• 4242")
        );
        let json = serde_json::to_string(&masked).unwrap_or_default();
        assert!(json.contains(r#""card_number":"•••• 4242""#), "{json}");
        assert!(!json.contains("41111111"), "{json}");

        // A full number where only four digits belong is cut to four.
        let masked = mask(method(None, "4111111111111111"));
        assert_eq!(masked.card_last_four, "1111");
        assert_eq!(masked.card_number, None);
        // No digits at all: no digits shown.
        let masked = mask(method(Some("n/a"), "??"));
        assert_eq!(
            masked.card_number.as_ref().map(CardNumber::expose_secret),
            Some("••••")
        );
        assert_eq!(masked.card_last_four, "");
    }

    #[test]
    fn amounts_in_dollars() {
        let amount = |text: &str| text.parse::<Decimal>().map(usd).unwrap_or_default();
        assert_eq!(amount("12"), "$12.00");
        assert_eq!(amount("10.99"), "$10.99");
        assert_eq!(amount("-5.5"), "-$5.50");
        assert_eq!(amount("-0.00"), "$0.00");
    }
}
