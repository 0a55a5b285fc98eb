//! `crux payment-method ...` (an unpublished endpoint): the card only by
//! its last four digits ([`Masked`]).

use std::io::{self, Write};

use clap::Subcommand;
use crux_api::types::endpoint::PAYMENT_METHOD_GET;
use crux_types::PaymentMethod;

use super::{
    Session,
    billing::{Masked, masked},
};
use crate::{
    cli::about,
    exit::Failure,
    output::{Fields, Render},
};

/// `crux payment-method ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum PaymentMethodCommand {
    #[command(about = about(
        "Show your payment method; the card only by its last four digits",
        &PAYMENT_METHOD_GET
    ))]
    Get,
}

/// Runs `crux payment-method ...`. A failure's message has any card number
/// redacted.
pub(super) async fn run(s: &Session, command: PaymentMethodCommand) -> Result<(), Failure> {
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

/// TYPE, CARD, EXPIRES, DEFAULT, ADDRESS (its lines joined by commas).
impl Render for Masked<PaymentMethod> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        payment_method_fields(self.value()).write_to(out)
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
