//! `crux items search [TERM] [FLAGS] [--all]`, and the search flags the
//! by-search commands of catalogs and inventory lists share
//! ([`SearchArgs`]). Printing every page as it arrives is in
//! [`stream`](crate::commands::stream).

use std::io::{self, Write};

use clap::{Args, ValueEnum};
use crux_api::types::endpoint::ITEMS_SEARCH;
use crux_types::{
    CatalogType, Decimal, FacetSelection, FilterRange, Item, ItemSearch, ItemSearchPage,
    PageRequest, SearchFilters,
};

use super::{HEADERS, row, table};
use crate::{
    commands::{
        Session,
        stream::{Columns, position, print_all},
    },
    exit::Failure,
    output::Render,
};

/// The columns of `--all`: those of `items list`, of fixed widths.
const COLUMNS: Columns<Item> = Columns {
    headers: &HEADERS,
    widths: &[36, 16, 32, 16, 20, 4, 0],
    row: |item| row(item).to_vec(),
    noun: ("item", "items"),
};

/// The search: a term, filters, facets, sort and the page.
#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// Free text to search for
    #[arg(value_name = "TERM")]
    term: Option<String>,
    /// Sort by this attribute, e.g. title
    #[arg(long, value_name = "ATTRIBUTE")]
    sort: Option<String>,
    /// The 0-based index of the first result
    #[arg(long, value_name = "N", help_heading = "Pages")]
    start: Option<u32>,
    /// How many results a page holds (with --all, the page size asked for; default 100)
    #[arg(long, value_name = "N", help_heading = "Pages")]
    limit: Option<u32>,
    /// The lowest cost per unit, in USD
    #[arg(long, value_name = "USD", help_heading = "Filters")]
    min_cost: Option<Decimal>,
    /// The highest cost per unit, in USD
    #[arg(long, value_name = "USD", help_heading = "Filters")]
    max_cost: Option<Decimal>,
    /// The fewest images an item has
    #[arg(long, value_name = "N", help_heading = "Filters")]
    min_images: Option<Decimal>,
    /// The most images an item has
    #[arg(long, value_name = "N", help_heading = "Filters")]
    max_images: Option<Decimal>,
    /// Only this supplier's items, by UUID or name (repeatable)
    #[arg(long, value_name = "SUPPLIER", help_heading = "Facets")]
    supplier: Vec<String>,
    /// Only items in catalogs of this type (repeatable; the API's default: standard)
    #[arg(long, value_enum, help_heading = "Facets")]
    catalog_type: Vec<CatalogTypeArg>,
    /// Only items shipping from this country, a 2-letter code (repeatable)
    #[arg(long, value_name = "CC", help_heading = "Facets")]
    shipping_origin_country: Vec<String>,
    /// Only items made in this country, a 2-letter code (repeatable)
    #[arg(long, value_name = "CC", help_heading = "Facets")]
    country_of_origin: Vec<String>,
    /// Only items with this shipping cost type: fixed, free, variable (repeatable)
    #[arg(long, value_name = "TYPE", help_heading = "Facets")]
    shipping_cost_type: Vec<String>,
    /// Only items of this bundle type, e.g. case_pack, single (repeatable)
    #[arg(long, value_name = "TYPE", help_heading = "Facets")]
    bundle_type: Vec<String>,
    /// Only items in this category, by its facet id (repeatable)
    #[arg(long, value_name = "CATEGORY", help_heading = "Facets")]
    category: Vec<String>,
    /// Only items whose SKUs have this kind of product identifier, e.g. upca (repeatable)
    #[arg(long, value_name = "KIND", help_heading = "Facets")]
    product_identifier: Vec<String>,
}

/// `--catalog-type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CatalogTypeArg {
    /// Catalogs of suppliers you are connected to
    Standard,
    /// Catalogs offered through discovery
    Discovery,
}

impl From<CatalogTypeArg> for CatalogType {
    fn from(kind: CatalogTypeArg) -> Self {
        match kind {
            CatalogTypeArg::Standard => Self::Standard,
            CatalogTypeArg::Discovery => Self::Discovery,
        }
    }
}

/// A range, or `None` when neither bound is given.
fn filter(min: Option<Decimal>, max: Option<Decimal>) -> Option<FilterRange> {
    (min.is_some() || max.is_some()).then_some(FilterRange { min, max })
}

/// The values of a repeatable flag, or `None` when it is not given.
fn facet<T: Clone, U: From<T>>(values: &[T]) -> Option<Vec<U>> {
    (!values.is_empty()).then(|| values.iter().cloned().map(U::from).collect())
}

impl SearchArgs {
    /// The request body: only what the flags give is sent.
    pub(crate) fn to_search(&self) -> ItemSearch {
        let filters = SearchFilters {
            cost_per_unit: filter(self.min_cost, self.max_cost),
            number_of_item_images: filter(self.min_images, self.max_images),
            ..SearchFilters::default()
        };
        let facets = FacetSelection {
            supplier: facet(&self.supplier),
            shipping_cost_type: facet(&self.shipping_cost_type),
            shipping_origin_country: facet(&self.shipping_origin_country),
            country_of_origin: facet(&self.country_of_origin),
            bundle_type: facet(&self.bundle_type),
            product_identifiers: facet(&self.product_identifier),
            categories: facet(&self.category),
            catalog_type: facet(&self.catalog_type),
        };
        let pagination = (self.start.is_some() || self.limit.is_some()).then_some(PageRequest {
            start: self.start,
            limit: self.limit,
        });
        ItemSearch {
            filters: (filters != SearchFilters::default()).then_some(filters),
            facets: (facets != FacetSelection::default()).then_some(facets),
            search_term: self.term.clone(),
            sort: self.sort.clone(),
            pagination,
        }
    }
}

/// `crux items search`: the search, and whether to walk every page.
#[derive(Debug, Args)]
pub(crate) struct ItemsSearchArgs {
    #[command(flatten)]
    search: SearchArgs,
    /// Every page, from the first: rows are printed as they arrive (with -o json, one JSON object per line)
    #[arg(long, conflicts_with = "start")]
    all: bool,
}

/// Runs `crux items search`.
pub(super) async fn run(s: &Session, args: ItemsSearchArgs) -> Result<(), Failure> {
    let search = args.search.to_search();
    if !args.all {
        return s
            .show(&ITEMS_SEARCH, s.client().items().search(&search))
            .await;
    }
    let items = s.client().items().search_all(&search);
    print_all(s, &ITEMS_SEARCH, items, &COLUMNS).await
}

/// The items as a table, then which of the results they are:
/// `items 1 to 25 of 240; next page: --start 25`.
impl Render for ItemSearchPage {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        table(&self.items).write_to(out)?;
        writeln!(out)?;
        let info = &self.pagination;
        let position = position("items", self.items.len(), info.start, info.total_count);
        writeln!(out, "{position}")
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        search: SearchArgs,
    }

    fn search(args: &[&str]) -> serde_json::Value {
        let cli = Cli::try_parse_from(["search"].iter().chain(args)).unwrap();
        serde_json::to_value(cli.search.to_search()).unwrap()
    }

    #[test]
    fn flags_make_the_body_and_nothing_more() {
        assert_eq!(search(&[]), serde_json::json!({}));
        let body = search(&[
            "chair",
            "--max-cost",
            "20",
            "--supplier",
            "Acme",
            "--supplier",
            "Zed",
            "--catalog-type",
            "discovery",
            "--limit",
            "5",
            "--sort",
            "title",
        ]);
        let expected = serde_json::json!({
            "search_term": "chair",
            "sort": "title",
            "filters": {"cost_per_unit": {"max": "20"}},
            "facets": {"supplier": ["Acme", "Zed"], "catalog_type": ["discovery"]},
            "pagination": {"limit": 5},
        });
        assert_eq!(body, expected);
    }
}
