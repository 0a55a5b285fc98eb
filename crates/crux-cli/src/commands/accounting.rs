//! `crux accounting ...`.
//!
//! The payment card is only ever shown by its last four digits
//! (`•••• 4242`), in tables and in JSON alike: the API sends the full
//! number (ERRATA E-27), and it must never reach a terminal or a log.

use std::io::Write;

use crux_types::{CardNumber, Decimal, PaymentMethod, Subscription, Transaction, TransactionId};

use super::{Session, print};
use crate::{
    cli::{AccountingCommand, OutputFormat},
    exit::Failure,
    output::{Fields, NONE, Table},
};

/// What the transaction commands need.
const BILLING: &str = "view_billing_statement";

/// Runs `crux accounting ...`.
pub(super) async fn run(
    session: &Session,
    command: AccountingCommand,
    format: OutputFormat,
) -> Result<(), Failure> {
    let accounting = session.client().accounting();
    match command {
        AccountingCommand::Subscription => {
            let subscription = accounting
                .subscription()
                .await
                .map_err(|e| session.failure(&e, "view_org_subscription_plan"))?;
            let subscription = masked_subscription(subscription);
            print(format, &subscription, |out| {
                subscription_fields(&subscription).write_to(out)
            })
        }
        AccountingCommand::PaymentMethods => {
            let method = accounting.payment_methods().await.map_err(|e| {
                session
                    .failure(&e, "view_payment_info")
                    .redact_card_numbers()
            })?;
            let method = masked_payment_method(method);
            print(format, &method, |out| {
                payment_method_fields(&method).write_to(out)
            })
        }
        AccountingCommand::Transactions => {
            let transactions = accounting
                .transactions()
                .await
                .map_err(|e| session.failure(&e, BILLING))?;
            print(format, &transactions, |out| {
                transactions_table(&transactions).write_to(out)
            })
        }
        AccountingCommand::Transaction { id } => {
            let transaction = accounting
                .transaction(TransactionId::new(id))
                .await
                .map_err(|e| session.failure(&e, BILLING))?;
            print(format, &transaction, |out| {
                transaction_fields(&transaction).write_to(out)
            })
        }
        AccountingCommand::Export => {
            let export = accounting
                .export_transactions()
                .await
                .map_err(|e| session.failure(&e, BILLING))?;
            print(format, &export, |out| {
                writeln!(
                    out,
                    "export {} requested: the CSV file will be emailed to you",
                    export.uuid
                )
            })
        }
    }
}

/// The payment method with the card number replaced by its masked form
/// (`•••• 4242`) and `card_last_four` kept to four digits: what both the
/// table and the JSON show.
fn masked_payment_method(mut method: PaymentMethod) -> PaymentMethod {
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
    method
}

/// The subscription with `card_last_four` kept to four digits.
fn masked_subscription(mut subscription: Subscription) -> Subscription {
    let plan = &mut subscription.next_bill_plan;
    plan.card_last_four = last_four(&plan.card_last_four);
    subscription
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
fn transactions_table(transactions: &[Transaction]) -> Table {
    let mut table = Table::new(&["DATE", "ID", "TOTAL", "STATUS", "PAID"]);
    for transaction in transactions {
        table.row([
            transaction.statement_date.to_string(),
            transaction.transaction_id.as_str().to_owned(),
            usd(transaction.total),
            transaction.status.clone(),
            paid(transaction),
        ]);
    }
    table
}

fn paid(transaction: &Transaction) -> String {
    transaction
        .payment_date
        .map_or_else(|| NONE.to_owned(), |date| date.to_string())
}

/// ID, STATEMENT DATE, PAYMENT DATE, TOTAL, STATUS.
fn transaction_fields(transaction: &Transaction) -> Fields {
    let mut fields = Fields::new();
    fields
        .field("ID", transaction.transaction_id.as_str())
        .field("STATEMENT DATE", transaction.statement_date.to_string())
        .field("PAYMENT DATE", paid(transaction))
        .field("TOTAL", usd(transaction.total))
        .field("STATUS", &transaction.status);
    fields
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

    #[test]
    fn card_numbers_are_masked_everywhere() {
        let masked = masked_payment_method(method(Some("4111111111114242"), "4242"));
        assert_eq!(
            masked.card_number.as_ref().map(CardNumber::expose_secret),
            Some("•••• 4242")
        );
        let json = serde_json::to_string(&masked).unwrap_or_default();
        assert!(json.contains(r#""card_number":"•••• 4242""#), "{json}");
        assert!(!json.contains("41111111"), "{json}");

        // A full number where only four digits belong is cut to four.
        let masked = masked_payment_method(method(None, "4111111111111111"));
        assert_eq!(masked.card_last_four, "1111");
        assert_eq!(masked.card_number, None);
        // No digits at all: no digits shown.
        let masked = masked_payment_method(method(Some("n/a"), "??"));
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
