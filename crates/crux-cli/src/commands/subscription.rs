//! `crux subscription ...` (an unpublished endpoint).

use std::io::{self, Write};

use clap::Subcommand;
use crux_api::types::endpoint::SUBSCRIPTION_GET;
use crux_types::Subscription;

use super::{
    Session,
    billing::{Masked, masked, usd},
};
use crate::{
    cli::about,
    exit::Failure,
    output::{Fields, Render},
};

/// `crux subscription ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum SubscriptionCommand {
    #[command(about = about("Show your subscription plan and next bill", &SUBSCRIPTION_GET))]
    Get,
}

/// Runs `crux subscription ...`.
pub(super) async fn run(s: &Session, command: SubscriptionCommand) -> Result<(), Failure> {
    match command {
        SubscriptionCommand::Get => {
            let request = s.client().subscription().get();
            let subscription = s.call(&SUBSCRIPTION_GET, request).await?;
            s.render(&Masked::from(subscription))
        }
    }
}

/// PLAN, FEATURES, ADD-ONS, AVAILABLE ADD-ONS, NEXT BILL, AMOUNT, STARTED,
/// ENDS, CARD.
impl Render for Masked<Subscription> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        subscription_fields(self.value()).write_to(out)
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

fn list(items: &[String]) -> String {
    items.join(", ")
}
