//! `crux subscription|payment-method|transactions ...`: the accounting
//! section.
//!
//! The payment card is only ever shown by its last four digits
//! (`•••• 4242`), in tables and in JSON alike: the API sends the full
//! number (docs/spec-decisions.md, E-27), and it must never reach a terminal or a log.

use std::io::{self, Write};

use crux_api::types::endpoint::{
    PAYMENT_METHOD_GET, SUBSCRIPTION_GET, TRANSACTIONS_EXPORT, TRANSACTIONS_GET, TRANSACTIONS_LIST,
};
use crux_types::{
    CardNumber, Decimal, ExportRef, PaymentMethod, Subscription, Transaction, TransactionId,
};
use serde::Serialize;

use super::Session;
use crate::{
    cli::{PaymentMethodCommand, SubscriptionCommand, TransactionsCommand},
    exit::Failure,
    output::{Fields, NONE, Render, Table},
};

/// Runs `crux subscription ...`.
pub(super) async fn subscription(s: &Session, command: SubscriptionCommand) -> Result<(), Failure> {
    match command {
        SubscriptionCommand::Get => {
            let request = s.client().subscription().get();
            let subscription = s.call(&SUBSCRIPTION_GET, request).await?;
            s.render(&Masked::from(subscription))
        }
    }
}

/// Runs `crux payment-method ...`. A failure's message has any card number
/// redacted.
pub(super) async fn payment_method(
    s: &Session,
    command: PaymentMethodCommand,
) -> Result<(), Failure> {
    match command {
        PaymentMethodCommand::Get => {
            let request = s.client().payment_method().get();
            let method = s
                .call(&PAYMENT_METHOD_GET, request)
                .await
                .map_err(Failure::redact_card_numbers)?;
            s.render(&Masked::from(method))
        }
    }
}

/// Runs `crux transactions ...`.
pub(super) async fn transactions(s: &Session, command: TransactionsCommand) -> Result<(), Failure> {
    match command {
        TransactionsCommand::List => {
            let request = s.client().transactions().list();
            s.show(&TRANSACTIONS_LIST, request).await
        }
        TransactionsCommand::Get(args) => {
            let request = s.client().transactions().get(TransactionId::new(args.id));
            s.show(&TRANSACTIONS_GET, request).await
        }
        TransactionsCommand::Export => {
            let request = s.client().transactions().export();
            s.show(&TRANSACTIONS_EXPORT, request).await
        }
    }
}

/// A value whose card data is masked: built only by `From`, which masks
/// it, and the only form of a payment method or subscription that is
/// printed.
#[derive(Debug, Serialize)]
#[serde(transparent)]
struct Masked<T>(T);

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
fn masked(last4: &str) -> String {
    if last4.is_empty() {
        "••••".to_owned()
    } else {
        format!("•••• {last4}")
    }
}

/// An amount in USD: `$12.00`, `-$5.00`.
fn usd(amount: Decimal) -> String {
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}${:.2}", amount.abs())
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

/// PLAN, FEATURES, ADD-ONS, AVAILABLE ADD-ONS, NEXT BILL, AMOUNT, STARTED,
/// ENDS, CARD.
impl Render for Masked<Subscription> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        subscription_fields(&self.0).write_to(out)
    }
}

fn subscription_fields(subscription: &Subscription) -> Fields {
    let bill = &subscription.next_bill_plan;
    let mut fields = Fields::new();
    fields
        .field("PLAN", &subscription.plan_name)
        .field("FEATURES", list(&subscription.plan_features))
        .field("ADD-ONS", list(&subscription.plan_add_ons))
        .field("AVAILABLE ADD-ONS", list(&subscription.available_add_ons))
        .field("NEXT BILL", bill.bill_date.to_string())
        .field("AMOUNT", usd(bill.amount))
        .field("STARTED", bill.start_date.to_string())
        .field("ENDS", bill.end_date.to_string())
        .field("CARD", masked(&bill.card_last_four));
    fields
}

/// TYPE, CARD, EXPIRES, DEFAULT, ADDRESS (its lines joined by commas).
impl Render for Masked<PaymentMethod> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        payment_method_fields(&self.0).write_to(out)
    }
}

fn payment_method_fields(method: &PaymentMethod) -> Fields {
    let card = match &method.card_number {
        Some(masked_number) => masked_number.expose_secret().to_owned(),
        None => masked(&method.card_last_four),
    };
    let address: Vec<&str> = method
        .address
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let mut fields = Fields::new();
    fields
        .field("TYPE", &method.payment_type)
        .field("CARD", card)
        .field("EXPIRES", method.card_expiration.to_string())
        .field("DEFAULT", if method.is_default { "yes" } else { "no" })
        .field("ADDRESS", address.join(", "));
    fields
}

/// DATE (of the statement), ID, TOTAL, STATUS, PAID (the payment date).
impl Render for Vec<Transaction> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["DATE", "ID", "TOTAL", "STATUS", "PAID"]);
        for transaction in self {
            table.row([
                transaction.statement_date.to_string(),
                transaction.transaction_id.as_str().to_owned(),
                usd(transaction.total),
                transaction.status.clone(),
                paid(transaction),
            ]);
        }
        table.write_to(out)
    }
}

/// `export <uuid> requested: ...`.
impl Render for ExportRef {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "export {} requested: the CSV file will be emailed to you",
            self.uuid
        )
    }
}

fn paid(transaction: &Transaction) -> String {
    transaction
        .payment_date
        .map_or_else(|| NONE.to_owned(), |date| date.to_string())
}

/// ID, STATEMENT DATE, PAYMENT DATE, TOTAL, STATUS.
impl Render for Transaction {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut fields = Fields::new();
        fields
            .field("ID", self.transaction_id.as_str())
            .field("STATEMENT DATE", self.statement_date.to_string())
            .field("PAYMENT DATE", paid(self))
            .field("TOTAL", usd(self.total))
            .field("STATUS", &self.status);
        fields.write_to(out)
    }
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
