//! `crux orders create --json FILE|-`: an order is never sent twice. When
//! the outcome of the create is unknown (the connection failed after the
//! request may have reached the server), the order is looked up by its
//! `purchase_order_id` before anything is reported:
//!
//! - found: the order was created. It is printed as `orders get` prints
//!   it, a note on stderr says what happened, and the exit code is 0;
//! - not found: the error says no order has that purchase order number, so
//!   that running the command again is safe (exit code of the failure);
//! - the lookup fails too, or the order has no `purchase_order_id`: the
//!   error says to check with `crux orders search` before running it again.

use std::path::PathBuf;

use clap::Args;
use crux_api::types::endpoint::{ORDERS_CREATE, ORDERS_SEARCH};
use crux_types::NewOrder;

use crate::{
    commands::{Session, body, note, session::OUTCOME_UNKNOWN_ADVICE},
    exit::Failure,
};

/// `crux orders create`: the order as JSON.
#[derive(Debug, Args)]
pub(crate) struct CreateArgs {
    /// The order as JSON (`NewOrder`: `purchase_order_id`, `skus` with `sku_id`, `supplier_uuid`, `quantity`, `price`; `address`, shipping, `notes`), from a file or - for standard input
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path
    )]
    json: PathBuf,
}

/// Runs `crux orders create`.
pub(super) async fn run(s: &Session, args: CreateArgs) -> Result<(), Failure> {
    let order: NewOrder = body::read_json(&args.json, "order")?;
    let orders = s.client().orders();
    match orders.create(&order).await {
        Ok(created) => s.render(&created),
        Err(error) if error.is_outcome_unknown() => check(s, &order, &error).await,
        Err(error) => Err(s.fail(&ORDERS_CREATE, &error)),
    }
}

/// After a create of unknown outcome: looks the order up by its purchase
/// order number and reports what it found.
async fn check(s: &Session, order: &NewOrder, error: &crux_api::Error) -> Result<(), Failure> {
    let failure = s.fail(&ORDERS_CREATE, error);
    let exit = failure.exit();
    let what = failure
        .message()
        .strip_suffix(OUTCOME_UNKNOWN_ADVICE)
        .unwrap_or(failure.message())
        .to_owned();
    let po = order.purchase_order_id.as_str();
    if po.trim().is_empty() {
        let line = format!(
            "{what}; the order has no purchase_order_id to look it up by: check `crux orders search` before running it again"
        );
        return Err(Failure::new(exit, line));
    }
    let found = s.client().orders().find_by_purchase_order_id(po).await;
    match found.as_deref() {
        // Oldest first: the last is the newest, the one just sent.
        Ok(all @ [.., created]) => {
            let n = all.len();
            let which = if n > 1 {
                format!("{n} orders with purchase_order_id {po} exist, the newest")
            } else {
                format!("an order with purchase_order_id {po} exists")
            };
            note(&format!(
                "the order was sent but its answer was lost ({what}); {which}, {}: it was created, do not run the command again",
                created.uuid
            ));
            s.render(created)
        }
        Ok([]) => Err(Failure::new(
            exit,
            format!(
                "{what}; no order with purchase_order_id {po} exists: it was not created, and it is safe to run the command again"
            ),
        )),
        Err(lookup) => {
            let lookup = s.fail(&ORDERS_SEARCH, lookup);
            Err(Failure::new(
                exit,
                format!(
                    "{what}; looking the order up failed too ({}): check `crux orders search {po}` before running it again",
                    lookup.message()
                ),
            ))
        }
    }
}
