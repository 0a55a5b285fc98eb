//! `crux orders ...`: searching, reading and exporting orders (both
//! organization types); creating, quoting fees and cancelling (retailers);
//! allocating and tracking (suppliers). The search is in [`search`], the
//! bodies of fees, tracking and allocation in [`bodies`], the safe create
//! in [`create`], how orders print in [`render`].

mod bodies;
mod create;
mod render;
mod search;
#[cfg(test)]
mod tests;

use clap::{Args, Subcommand};
use crux_api::types::endpoint::{
    ORDERS_ADD_TRACKING, ORDERS_ALLOCATE, ORDERS_CANCEL, ORDERS_CANCEL_ITEM, ORDERS_CREATE,
    ORDERS_EXPORT, ORDERS_EXPORT_BY_SEARCH, ORDERS_FEES, ORDERS_GET, ORDERS_SEARCH,
};
use crux_types::{LineItemId, OrderId};

use self::{
    bodies::{AllocateArgs, FeesArgs, TrackingArgs},
    create::CreateArgs,
    search::{OrderSearchArgs, QueryArgs},
};
use super::{Session, done::Done};
use crate::{
    cli::{about, parse_id},
    exit::Failure,
};

/// `crux orders ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum OrdersCommand {
    #[command(about = about(
        "Search orders: one page, or every page with --all",
        &ORDERS_SEARCH
    ))]
    Search(OrderSearchArgs),
    #[command(about = about(
        "Show one order: its lines, allocation and tracking",
        &ORDERS_GET
    ))]
    Get {
        /// The order's UUID
        #[arg(value_name = "ORDER_UUID", value_parser = parse_id::<OrderId>)]
        order: OrderId,
    },
    #[command(about = about(
        "Create an order from JSON; never sent twice",
        &ORDERS_CREATE
    ))]
    Create(CreateArgs),
    #[command(about = about(
        "Quote the fees of an order before creating it",
        &ORDERS_FEES
    ))]
    Fees(FeesArgs),
    #[command(about = about(
        "Cancel an order while nothing of it is allocated",
        &ORDERS_CANCEL
    ))]
    Cancel {
        /// The order's UUID
        #[arg(value_name = "ORDER_UUID", value_parser = parse_id::<OrderId>)]
        order: OrderId,
    },
    #[command(about = about(
        "Cancel one line of an order",
        &ORDERS_CANCEL_ITEM
    ))]
    CancelItem {
        /// The line item's UUID (`uuid` of a `line_items` entry)
        #[arg(value_name = "LINE_ITEM_UUID", value_parser = parse_id::<LineItemId>)]
        line_item: LineItemId,
    },
    #[command(
        visible_alias = "track",
        about = about("Add a shipment's tracking to an order", &ORDERS_ADD_TRACKING)
    )]
    AddTracking(TrackingArgs),
    #[command(about = about(
        "Allocate the lines of an order (accept, reject, backorder)",
        &ORDERS_ALLOCATE
    ))]
    Allocate(AllocateArgs),
    #[command(about = about("Have orders emailed to you as CSV", &ORDERS_EXPORT))]
    Export(ExportArgs),
    #[command(about = about(
        "Have the orders a search finds emailed to you as CSV",
        &ORDERS_EXPORT_BY_SEARCH
    ))]
    ExportBySearch(QueryArgs),
}

/// `crux orders export ORDER...`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The orders' UUIDs
    #[arg(value_name = "ORDER_UUID", required = true, value_parser = parse_id::<OrderId>)]
    orders: Vec<OrderId>,
}

/// Runs `crux orders ...`.
pub(super) async fn run(s: &Session, command: OrdersCommand) -> Result<(), Failure> {
    let orders = s.client().orders();
    match command {
        OrdersCommand::Search(args) => search::run(s, args).await,
        OrdersCommand::Get { order } => s.show(&ORDERS_GET, orders.get(order)).await,
        OrdersCommand::Create(args) => create::run(s, args).await,
        OrdersCommand::Fees(args) => {
            let body = args.body()?;
            s.show(&ORDERS_FEES, orders.fees(&body)).await
        }
        OrdersCommand::Cancel { order } => {
            s.call(&ORDERS_CANCEL, orders.cancel(order)).await?;
            s.render(&Done::cancelled_order(order))
        }
        OrdersCommand::CancelItem { line_item } => {
            s.call(&ORDERS_CANCEL_ITEM, orders.cancel_item(line_item))
                .await?;
            s.render(&Done::cancelled_line(line_item))
        }
        OrdersCommand::AddTracking(args) => {
            let (order, body) = args.body()?;
            s.call(&ORDERS_ADD_TRACKING, orders.add_tracking(order, &body))
                .await?;
            s.render(&Done::tracked(order, &body))
        }
        OrdersCommand::Allocate(args) => {
            let (order, body) = args.body()?;
            s.show(&ORDERS_ALLOCATE, orders.allocate(order, &body))
                .await
        }
        OrdersCommand::Export(args) => s.show(&ORDERS_EXPORT, orders.export(&args.orders)).await,
        OrdersCommand::ExportBySearch(args) => {
            let query = args.to_query(true);
            s.show(&ORDERS_EXPORT_BY_SEARCH, orders.export_by_search(&query))
                .await
        }
    }
}
