//! `crux discovery suppliers`: the suppliers a retailer is not connected to
//! yet, one page or every page.

use std::io::{self, Write};

use clap::Args;
use clap::Subcommand;
use crux_api::types::endpoint::DISCOVERY_SUPPLIERS;
use crux_types::{
    DiscoverySupplier, PageRequest, SortDirection, SupplierPage, SupplierQuery, SupplierSort,
};

use super::{
    Session,
    product::{count, text},
    stream::{Columns, position, print_all},
};
use crate::{
    cli::about,
    exit::Failure,
    output::{NONE, Render, Table},
};

/// `crux discovery ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum DiscoveryCommand {
    #[command(about = about(
        "Suppliers you are not connected to yet: one page, or every page with --all",
        &DISCOVERY_SUPPLIERS
    ))]
    Suppliers(SuppliersArgs),
}

/// `crux discovery suppliers`: the query, and whether to walk every page.
#[derive(Debug, Args)]
pub(crate) struct SuppliersArgs {
    /// Only suppliers whose name starts with this letter (`#`: with a digit)
    #[arg(long, value_name = "C")]
    initial_character: Option<String>,
    /// Only suppliers that joined discovery in the last N days
    #[arg(long, value_name = "DAYS")]
    recent: Option<u32>,
    /// Sort by this key, e.g. number_of_skus
    #[arg(long, value_name = "KEY")]
    sort: Option<String>,
    /// With --sort: the largest first
    #[arg(long, requires = "sort")]
    desc: bool,
    /// The 0-based index of the first supplier
    #[arg(long, value_name = "N", help_heading = "Pages")]
    start: Option<u32>,
    /// How many suppliers a page holds (at most 100; with --all, the page size asked for)
    #[arg(long, value_name = "N", help_heading = "Pages")]
    limit: Option<u32>,
    /// Every page, from the first: rows are printed as they arrive (with -o json, one JSON object per line)
    #[arg(long, conflicts_with = "start")]
    all: bool,
}

impl SuppliersArgs {
    /// The query: only what the flags give is sent.
    fn to_query(&self) -> SupplierQuery {
        let pagination = (self.start.is_some() || self.limit.is_some()).then_some(PageRequest {
            start: self.start,
            limit: self.limit,
        });
        SupplierQuery {
            initial_character: self.initial_character.clone(),
            recent: self.recent,
            sort: self.sort.clone().map(|key| SupplierSort {
                key,
                dir: if self.desc {
                    SortDirection::Desc
                } else {
                    SortDirection::Asc
                },
            }),
            pagination,
        }
    }
}

/// The columns of a list of suppliers.
const HEADERS: [&str; 5] = ["UUID", "NAME", "SKUS", "FULFILLMENT", "SHIPS FROM"];

/// The columns of `--all`, of fixed widths.
const COLUMNS: Columns<DiscoverySupplier> = Columns {
    headers: &HEADERS,
    widths: &[36, 32, 6, 11, 0],
    row: |supplier| row(supplier).to_vec(),
    noun: ("supplier", "suppliers"),
};

/// Runs `crux discovery ...`.
pub(super) async fn run(s: &Session, command: DiscoveryCommand) -> Result<(), Failure> {
    let DiscoveryCommand::Suppliers(args) = command;
    let query = args.to_query();
    let discovery = s.client().discovery();
    if args.all {
        let suppliers = discovery.suppliers_all(&query);
        return print_all(s, &DISCOVERY_SUPPLIERS, suppliers, &COLUMNS).await;
    }
    s.show(&DISCOVERY_SUPPLIERS, discovery.suppliers(&query))
        .await
}

/// The cells of a supplier's row, under [`HEADERS`].
fn row(supplier: &DiscoverySupplier) -> [String; 5] {
    let or_dash = |value: &str| if value.trim().is_empty() { NONE } else { value }.to_owned();
    let fulfillment = supplier.fulfillment_percentage.map(|p| format!("{p}%"));
    [
        supplier.uuid.to_string(),
        or_dash(text(supplier.name.as_ref())),
        count(supplier.number_of_skus),
        fulfillment.unwrap_or_else(|| NONE.to_owned()),
        or_dash(text(supplier.shipping_origin_country_name.as_ref())),
    ]
}

/// UUID, NAME, SKUS, FULFILLMENT, SHIPS FROM, then which of the suppliers they are.
impl Render for SupplierPage {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&HEADERS);
        for supplier in &self.suppliers {
            table.row(row(supplier));
        }
        table.write_to(out)?;
        writeln!(out)?;
        let info = &self.pagination;
        let n = self.suppliers.len();
        writeln!(
            out,
            "{}",
            position("suppliers", n, info.start, info.total_count)
        )
    }
}
