//! `crux items ...`: suppliers' items; creating them is for suppliers.
//! Searching is in [`search`].

mod search;

use std::{
    io::{self, Write},
    path::PathBuf,
};

use clap::{Args, Subcommand};
use crux_api::types::endpoint::{
    ITEMS_CREATE, ITEMS_EXPORT, ITEMS_EXPORT_BY_SEARCH, ITEMS_GET, ITEMS_LIST, ITEMS_SEARCH,
};
use crux_types::{Item, ItemId, NewCategory, NewItem};

use self::search::ItemsSearchArgs;
pub(crate) use self::search::SearchArgs;
use super::{
    Session, body,
    product::{count, date, range, supplier_name, text},
    skus::attributes,
};
use crate::{
    cli::{about, parse_id},
    exit::Failure,
    output::{Fields, NONE, Render, Table},
};

/// `crux items ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum ItemsCommand {
    #[command(about = about("List the items you can see", &ITEMS_LIST))]
    List,
    #[command(about = about("Show one item and its SKUs", &ITEMS_GET))]
    Get {
        /// The item's UUID
        #[arg(value_name = "ITEM_UUID", value_parser = parse_id::<ItemId>)]
        item: ItemId,
    },
    #[command(about = about("Create an item", &ITEMS_CREATE))]
    Create(CreateArgs),
    #[command(about = about(
        "Search items: one page, or every page with --all",
        &ITEMS_SEARCH
    ))]
    Search(ItemsSearchArgs),
    #[command(about = about("Have items emailed to you as CSV", &ITEMS_EXPORT))]
    Export(ExportArgs),
    #[command(about = about(
        "Have items emailed to you as CSV (the search export; it takes item UUIDs, as documented)",
        &ITEMS_EXPORT_BY_SEARCH
    ))]
    ExportBySearch(ExportArgs),
}

/// `crux items export|export-by-search ITEM...`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The items' UUIDs
    #[arg(value_name = "ITEM_UUID", required = true, value_parser = parse_id::<ItemId>)]
    items: Vec<ItemId>,
}

/// `crux items create`: the body from flags, or as JSON.
#[derive(Debug, Args)]
pub(crate) struct CreateArgs {
    /// The item's title
    #[arg(long, required_unless_present = "json")]
    title: Option<String>,
    /// Your code for the item
    #[arg(long, required_unless_present = "json")]
    item_id: Option<String>,
    /// Its description
    #[arg(long)]
    description: Option<String>,
    /// Its brand
    #[arg(long)]
    brand: Option<String>,
    /// Its manufacturer
    #[arg(long)]
    manufacturer: Option<String>,
    /// The country it is made in, a 2-letter code
    #[arg(long, value_name = "CC")]
    country_of_origin: Option<String>,
    /// The country it ships from, a 2-letter code
    #[arg(long, value_name = "CC")]
    shipping_origin_country: Option<String>,
    /// A category, as its path from the root: `Home > Furniture > Chairs` (repeatable)
    #[arg(long, value_name = "PATH")]
    category: Vec<String>,
    /// The whole body as JSON (`NewItem`), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = [
            "title", "item_id", "description", "brand", "manufacturer",
            "country_of_origin", "shipping_origin_country", "category",
        ]
    )]
    json: Option<PathBuf>,
}

impl CreateArgs {
    fn body(self) -> Result<NewItem, Failure> {
        if let Some(path) = &self.json {
            return body::read_json(path, "item");
        }
        let categories = self
            .category
            .iter()
            .map(|path| NewCategory::new(path.split('>').map(str::trim).filter(|s| !s.is_empty())));
        Ok(NewItem {
            title: self.title,
            item_id: self.item_id,
            description: self.description,
            brand: self.brand,
            manufacturer: self.manufacturer,
            country_of_origin: self.country_of_origin,
            shipping_origin_country: self.shipping_origin_country,
            categories: categories.collect(),
            ..NewItem::default()
        })
    }
}

/// Runs `crux items ...`.
pub(super) async fn run(s: &Session, command: ItemsCommand) -> Result<(), Failure> {
    let items = s.client().items();
    match command {
        ItemsCommand::List => s.show(&ITEMS_LIST, items.list()).await,
        ItemsCommand::Get { item } => s.show(&ITEMS_GET, items.get(item)).await,
        ItemsCommand::Create(args) => {
            let body = args.body()?;
            s.show(&ITEMS_CREATE, items.create(&body)).await
        }
        ItemsCommand::Search(args) => search::run(s, args).await,
        ItemsCommand::Export(args) => s.show(&ITEMS_EXPORT, items.export(&args.items)).await,
        ItemsCommand::ExportBySearch(args) => {
            let request = items.export_by_search(&args.items);
            s.show(&ITEMS_EXPORT_BY_SEARCH, request).await
        }
    }
}

/// The columns of a list of items.
const HEADERS: [&str; 7] = [
    "UUID", "ITEM ID", "TITLE", "BRAND", "SUPPLIER", "SKUS", "COST",
];

/// The cells of an item's row, under [`HEADERS`]; SKUS is `sku_count` (in
/// search results), else the SKUs listed.
fn row(item: &Item) -> [String; 7] {
    let skus = item
        .sku_count
        .or_else(|| item.skus.as_ref().and_then(|s| u32::try_from(s.len()).ok()));
    let or_dash = |value: Option<&String>| {
        let value = text(value).trim();
        if value.is_empty() { NONE } else { value }.to_owned()
    };
    [
        item.uuid.to_string(),
        or_dash(item.item_id.as_ref()),
        or_dash(item.title.as_ref()),
        or_dash(item.brand.as_ref()),
        supplier_name(&item.supplier),
        count(skus),
        range(item.cost_range.as_ref()),
    ]
}

/// A table of `items`.
fn table<'a>(items: impl IntoIterator<Item = &'a Item>) -> Table {
    let mut table = Table::new(&HEADERS);
    for item in items {
        table.row(row(item));
    }
    table
}

/// UUID, ITEM ID, TITLE, BRAND, SUPPLIER, SKUS, COST (the range of its
/// SKUs' costs).
impl Render for Vec<Item> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        table(self).write_to(out)
    }
}

/// The item's fields, then its SKUs.
impl Render for Item {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let categories: Vec<String> = self.categories.iter().map(|c| c.path.join(" > ")).collect();
        let mut fields = Fields::new();
        fields
            .field("UUID", self.uuid.to_string())
            .field("ITEM ID", text(self.item_id.as_ref()))
            .field("TITLE", text(self.title.as_ref()))
            .field("BRAND", text(self.brand.as_ref()))
            .field("MANUFACTURER", text(self.manufacturer.as_ref()))
            .field("SUPPLIER", supplier_name(&self.supplier))
            .field("COST", range(self.cost_range.as_ref()))
            .field("MSRP", range(self.msrp_range.as_ref()))
            .field("MADE IN", text(self.country_of_origin.as_ref()))
            .field("SHIPS FROM", text(self.shipping_origin_country.as_ref()))
            .field("CATEGORIES", categories.join("; "))
            .field("ATTRIBUTES", attributes(&self.item_attributes))
            .field("IMAGES", self.product_images.len().to_string())
            .field("CREATED", date(&self.created))
            .field("UPDATED", date(&self.last_updated));
        fields.write_to(out)?;
        let Some(skus) = self.skus.as_ref().filter(|skus| !skus.is_empty()) else {
            return Ok(());
        };
        writeln!(out)?;
        skus.table(out)
    }
}
