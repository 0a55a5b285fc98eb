//! `crux orders search [TERM] [FLAGS] [--all]` and the query
//! `export-by-search` shares ([`QueryArgs`]).

use std::io::{self, Write};

use clap::{Args, ValueEnum};
use crux_api::types::endpoint::ORDERS_SEARCH;
use crux_types::{
    AllocationFilter, Designations, LineItemDesignation, Order, OrderPage, OrderQuery, OrderSort,
    OrderSortKey, OrganizationId, SortDirection, Timestamp,
};
use serde::Serialize;

use super::render::{HEADERS, row, table};
use crate::{
    cli::parse_id,
    commands::{
        Session,
        stream::{Columns, position, print_all},
    },
    exit::Failure,
    output::Render,
};

/// The query: a term, filters, sort and the page.
#[derive(Debug, Args)]
pub(crate) struct QueryArgs {
    /// An order UUID, a purchase order number or a SKU id
    #[arg(value_name = "TERM")]
    term: Option<String>,
    /// Only orders with lines of this allocation status (repeatable)
    #[arg(long, value_enum, value_name = "STATUS", help_heading = "Filters")]
    allocation: Vec<AllocationArg>,
    /// Only orders with lines of this designation (repeatable)
    #[arg(long, value_enum, help_heading = "Filters")]
    designation: Vec<DesignationArg>,
    /// Only orders created at or after this time: `2024-07-01` (midnight UTC) or `2024-07-01T12:00:00Z`
    #[arg(long, value_name = "DATE", value_parser = parse_time, help_heading = "Filters")]
    since: Option<Timestamp>,
    /// Only orders created at or before this time, as --since
    #[arg(long, value_name = "DATE", value_parser = parse_time, help_heading = "Filters")]
    until: Option<Timestamp>,
    /// Only orders of this organization, the other side of the order (repeatable)
    #[arg(long, value_name = "ORG_UUID", value_parser = parse_id::<OrganizationId>, help_heading = "Filters")]
    org: Vec<OrganizationId>,
    /// Sort by this key
    #[arg(long, value_enum, value_name = "KEY")]
    sort: Option<SortArg>,
    /// With --sort: the largest (or latest) first
    #[arg(long, requires = "sort")]
    desc: bool,
    /// The 0-based index of the first result
    #[arg(long, value_name = "N", help_heading = "Pages")]
    start: Option<u32>,
    /// How many results a page holds (with --all, the page size asked for)
    #[arg(long, value_name = "N", help_heading = "Pages")]
    limit: Option<u32>,
}

/// `--allocation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AllocationArg {
    /// Nothing allocated yet
    Unallocated,
    /// Part allocated
    Partial,
    /// All allocated
    Allocated,
}

/// `--designation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DesignationArg {
    HasTracking,
    NeedsTracking,
    Backordered,
    Rejected,
    Cancelled,
}

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SortArg {
    Date,
    Status,
    SkuId,
}

/// A `--since` or `--until` time: a date (midnight UTC) or an RFC 3339
/// time.
fn parse_time(text: &str) -> Result<Timestamp, String> {
    let text = text.trim();
    let full = if text.len() == 10 {
        format!("{text}T00:00:00Z")
    } else {
        text.to_owned()
    };
    full.parse::<Timestamp>()
        .map_err(|e| format!("not a date (2024-07-01) or a time (2024-07-01T12:00:00Z): {e}"))
}

impl QueryArgs {
    /// The query: only what the flags give is sent. One `--designation`
    /// is sent as a string, as the search documents it, unless `as_list`
    /// (the export by search documents a list).
    pub(crate) fn to_query(&self, as_list: bool) -> OrderQuery {
        let statuses = self.allocation.iter().map(|a| match a {
            AllocationArg::Unallocated => AllocationFilter::Unallocated,
            AllocationArg::Partial => AllocationFilter::Partial,
            AllocationArg::Allocated => AllocationFilter::Allocated,
        });
        let mut designations = self.designation.iter().map(|d| match d {
            DesignationArg::HasTracking => LineItemDesignation::HasTracking,
            DesignationArg::NeedsTracking => LineItemDesignation::NeedsTracking,
            DesignationArg::Backordered => LineItemDesignation::Backordered,
            DesignationArg::Rejected => LineItemDesignation::Rejected,
            DesignationArg::Cancelled => LineItemDesignation::Cancelled,
        });
        let designation = match (designations.len(), as_list) {
            (0, _) => None,
            (1, false) => designations.next().map(Designations::One),
            _ => Some(Designations::Many(designations.collect())),
        };
        let sort = self.sort.map(|key| OrderSort {
            key: match key {
                SortArg::Date => OrderSortKey::Date,
                SortArg::Status => OrderSortKey::Status,
                SortArg::SkuId => OrderSortKey::SkuId,
            },
            dir: if self.desc {
                SortDirection::Desc
            } else {
                SortDirection::Asc
            },
        });
        OrderQuery {
            start: self.start,
            limit: self.limit,
            sort,
            line_item_allocation_statuses: (!self.allocation.is_empty())
                .then(|| statuses.collect()),
            line_item_designation: designation,
            start_date: self.since,
            end_date: self.until,
            term: self.term.clone(),
            org_uuids: (!self.org.is_empty()).then(|| self.org.clone()),
        }
    }
}

/// `crux orders search`: the query, and whether to walk every page.
#[derive(Debug, Args)]
pub(crate) struct OrderSearchArgs {
    #[command(flatten)]
    pub(super) query: QueryArgs,
    /// Every page, from the first: rows are printed as they arrive (with -o json, one JSON object per line)
    #[arg(long, conflicts_with = "start")]
    all: bool,
}

/// The columns of `--all`, of fixed widths.
const COLUMNS: Columns<Order> = Columns {
    headers: &HEADERS,
    widths: &[36, 16, 10, 24, 5, 11],
    row: |order| row(order).to_vec(),
    noun: ("order", "orders"),
};

/// Runs `crux orders search`.
pub(super) async fn run(s: &Session, args: OrderSearchArgs) -> Result<(), Failure> {
    let query = args.query.to_query(false);
    let orders = s.client().orders();
    if args.all {
        return print_all(s, &ORDERS_SEARCH, orders.search_all(&query), &COLUMNS).await;
    }
    let page = s.call(&ORDERS_SEARCH, orders.search(&query)).await?;
    s.render(&Page {
        page,
        start: query.start,
    })
}

/// A page of orders and where it starts (the response does not say).
#[derive(Debug, Serialize)]
#[serde(transparent)]
struct Page {
    page: OrderPage,
    #[serde(skip)]
    start: Option<u32>,
}

/// The orders as a table, then which of the results they are:
/// `orders 1 to 25 of 240; next page: --start 25`.
impl Render for Page {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let orders = &self.page.orders;
        table(orders).write_to(out)?;
        writeln!(out)?;
        let total = self.page.total_results;
        writeln!(
            out,
            "{}",
            position("orders", orders.len(), self.start, total)
        )
    }
}
