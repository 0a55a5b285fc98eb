//! The demo's dates, amounts, timestamps and enum values, parsed into
//! API values: each failure is a [`SeedError`] naming the value.

use crux_types::{
    CardNumber, Decimal, NaiveDate, NextBillPlan, PaymentMethod, Subscription, Timestamp,
};

use super::SeedError;
use crate::demo::accounting::{DemoPaymentMethod, DemoSubscription};

/// Get Subscription; the next bill goes to `card`.
pub(super) fn subscription(
    demo: &DemoSubscription,
    card: &DemoPaymentMethod,
) -> Result<Subscription, SeedError> {
    let strings = |values: &[&str]| values.iter().map(|&v| v.to_owned()).collect();
    let (bill_date, amount_due, start_date, end_date) = demo.next_bill;
    Ok(Subscription {
        plan_name: demo.plan_name.to_owned(),
        available_add_ons: strings(demo.available_add_ons),
        plan_features: strings(demo.plan_features),
        plan_add_ons: strings(demo.plan_add_ons),
        next_bill_plan: NextBillPlan {
            bill_date: date(bill_date)?,
            amount: amount(amount_due)?,
            start_date: date(start_date)?,
            end_date: date(end_date)?,
            card_last_four: last_four(card.card_number)?,
        },
    })
}

/// Get Payment Methods.
pub(super) fn payment_method(demo: &DemoPaymentMethod) -> Result<PaymentMethod, SeedError> {
    Ok(PaymentMethod {
        payment_type: demo.payment_type.to_owned(),
        card_number: Some(CardNumber::new(demo.card_number)),
        card_last_four: last_four(demo.card_number)?,
        card_expiration: date(demo.card_expiration)?,
        is_default: true,
        address: demo.address.to_owned(),
    })
}

/// The last four characters of a card number.
pub(super) fn last_four(number: &str) -> Result<String, SeedError> {
    number
        .len()
        .checked_sub(4)
        .and_then(|start| number.get(start..))
        .map(str::to_owned)
        .ok_or_else(|| SeedError(format!("card number {number:?}")))
}

/// `Ok` if a value of a documented enum is one of the documented values.
pub(super) fn known(is_known: bool, what: &str, text: &str) -> Result<(), SeedError> {
    if is_known {
        Ok(())
    } else {
        Err(SeedError(format!(
            "{what} {text:?} is not a documented value"
        )))
    }
}

/// A `YYYY-MM-DD` date.
pub(super) fn date(text: &str) -> Result<NaiveDate, SeedError> {
    text.parse()
        .map_err(|_| SeedError(format!("date {text:?}")))
}

/// An RFC 3339 timestamp.
pub(crate) fn timestamp(text: &str) -> Result<Timestamp, SeedError> {
    text.parse()
        .map_err(|_| SeedError(format!("timestamp {text:?}")))
}

/// A decimal amount, scale kept (`"149.00"`).
pub(crate) fn amount(text: &str) -> Result<Decimal, SeedError> {
    Decimal::from_str_exact(text).map_err(|_| SeedError(format!("amount {text:?}")))
}

#[cfg(test)]
mod tests {
    use crux_types::OrgType;

    use super::*;

    #[test]
    fn a_value_that_does_not_parse_is_an_error_naming_it() {
        let message = |result: Result<(), SeedError>| result.map_err(|e| e.to_string());
        assert_eq!(
            message(timestamp("2024-13-01T00:00:00Z").map(drop)),
            Err("crux-mock demo data: timestamp \"2024-13-01T00:00:00Z\"".into())
        );
        assert!(message(date("2024-02-30").map(drop)).is_err());
        assert!(message(amount("1,00").map(drop)).is_err());
        assert!(message(last_four("123").map(drop)).is_err());
        assert_eq!(
            message(known(
                OrgType::from("RETAILR").is_known(),
                "org_type",
                "RETAILR"
            )),
            Err("crux-mock demo data: org_type \"RETAILR\" is not a documented value".into())
        );
        assert_eq!(amount("149.00").map(|a| a.to_string()), Ok("149.00".into()));
    }
}
