//! `crux catalogs ...`: suppliers' catalogs; creating them and changing
//! what they hold is for suppliers.

use std::{
    io::{self, Write},
    path::PathBuf,
};

use clap::{Args, Subcommand};
use crux_api::types::endpoint::{
    CATALOGS_ADD_ITEMS, CATALOGS_ADD_ITEMS_BY_SEARCH, CATALOGS_ADD_SKUS, CATALOGS_CREATE,
    CATALOGS_GET, CATALOGS_LIST, CATALOGS_REMOVE_ITEMS, CATALOGS_REMOVE_ITEMS_BY_SEARCH,
    CATALOGS_REMOVE_SKUS,
};
use crux_types::{Catalog, CatalogId, Decimal, ItemId, NewCatalog, SkuId};

use super::{
    Session, body,
    items::SearchArgs,
    product::{Change, count, date, money, supplier_name, text, write_skus},
};
use crate::{
    cli::{about, parse_id},
    exit::Failure,
    output::{Fields, Render, Table, or_none},
};

/// `crux catalogs ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum CatalogsCommand {
    #[command(about = about("List the catalogs you can see", &CATALOGS_LIST))]
    List,
    #[command(about = about("Show one catalog and its SKUs", &CATALOGS_GET))]
    Get {
        /// The catalog's UUID
        #[arg(value_name = "CATALOG_UUID", value_parser = parse_id::<CatalogId>)]
        catalog: CatalogId,
    },
    #[command(about = about("Create a catalog", &CATALOGS_CREATE))]
    Create(CreateArgs),
    #[command(about = about("Add items to a catalog", &CATALOGS_ADD_ITEMS))]
    AddItems(ItemsArgs),
    #[command(about = about("Remove items from a catalog", &CATALOGS_REMOVE_ITEMS))]
    RemoveItems(ItemsArgs),
    #[command(about = about(
        "Add the items a search finds to a catalog",
        &CATALOGS_ADD_ITEMS_BY_SEARCH
    ))]
    AddItemsBySearch(BySearchArgs),
    #[command(about = about(
        "Remove the items a search finds from a catalog",
        &CATALOGS_REMOVE_ITEMS_BY_SEARCH
    ))]
    RemoveItemsBySearch(BySearchArgs),
    #[command(about = about("Add SKUs to a catalog", &CATALOGS_ADD_SKUS))]
    AddSkus(SkusArgs),
    #[command(about = about("Remove SKUs from a catalog", &CATALOGS_REMOVE_SKUS))]
    RemoveSkus(SkusArgs),
}

/// `crux catalogs create`: the body from flags, or as JSON.
#[derive(Debug, Args)]
pub(crate) struct CreateArgs {
    /// The catalog's name
    #[arg(long, required_unless_present = "json")]
    name: Option<String>,
    /// Its description
    #[arg(long)]
    description: Option<String>,
    /// The default shipping cost of its SKUs, in USD
    #[arg(long, value_name = "USD")]
    default_shipping_cost: Option<Decimal>,
    /// The default handling cost of its SKUs, in USD
    #[arg(long, value_name = "USD")]
    default_handling_cost: Option<Decimal>,
    /// The whole body as JSON (`NewCatalog`), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = ["name", "description", "default_shipping_cost", "default_handling_cost"]
    )]
    json: Option<PathBuf>,
}

impl CreateArgs {
    fn body(self) -> Result<NewCatalog, Failure> {
        if let Some(path) = &self.json {
            return body::read_json(path, "catalog");
        }
        Ok(NewCatalog {
            name: self.name.unwrap_or_default(),
            description: self.description,
            default_shipping_cost: self.default_shipping_cost,
            default_handling_cost: self.default_handling_cost,
        })
    }
}

/// `crux catalogs add-items|remove-items CATALOG ITEM...`.
#[derive(Debug, Args)]
pub(crate) struct ItemsArgs {
    /// The catalog's UUID
    #[arg(value_name = "CATALOG_UUID", value_parser = parse_id::<CatalogId>)]
    catalog: CatalogId,
    /// The items' UUIDs
    #[arg(value_name = "ITEM_UUID", required = true, value_parser = parse_id::<ItemId>)]
    items: Vec<ItemId>,
}

/// `crux catalogs add-skus|remove-skus CATALOG SKU...`.
#[derive(Debug, Args)]
pub(crate) struct SkusArgs {
    /// The catalog's UUID
    #[arg(value_name = "CATALOG_UUID", value_parser = parse_id::<CatalogId>)]
    catalog: CatalogId,
    /// The SKUs' UUIDs
    #[arg(value_name = "SKU_UUID", required = true, value_parser = parse_id::<SkuId>)]
    skus: Vec<SkuId>,
}

/// `crux catalogs add-items-by-search|remove-items-by-search CATALOG [TERM]
/// [FILTERS]`.
#[derive(Debug, Args)]
pub(crate) struct BySearchArgs {
    /// The catalog's UUID
    #[arg(value_name = "CATALOG_UUID", value_parser = parse_id::<CatalogId>)]
    catalog: CatalogId,
    #[command(flatten)]
    search: SearchArgs,
}

/// Runs `crux catalogs ...`.
pub(super) async fn run(s: &Session, command: CatalogsCommand) -> Result<(), Failure> {
    let catalogs = s.client().catalogs();
    let items = |a: &ItemsArgs| ("item_uuids", serde_json::json!(a.items));
    let skus = |a: &SkusArgs| ("sku_uuids", serde_json::json!(a.skus));
    match command {
        CatalogsCommand::List => s.show(&CATALOGS_LIST, catalogs.list()).await,
        CatalogsCommand::Get { catalog } => s.show(&CATALOGS_GET, catalogs.get(catalog)).await,
        CatalogsCommand::Create(args) => {
            let body = args.body()?;
            s.show(&CATALOGS_CREATE, catalogs.create(&body)).await
        }
        CatalogsCommand::AddItems(a) => {
            let e = &CATALOGS_ADD_ITEMS;
            s.call(e, catalogs.add_items(a.catalog, &a.items)).await?;
            s.render(&Change::new(e, ("catalog_uuid", &a.catalog), items(&a)))
        }
        CatalogsCommand::RemoveItems(a) => {
            let e = &CATALOGS_REMOVE_ITEMS;
            s.call(e, catalogs.remove_items(a.catalog, &a.items))
                .await?;
            s.render(&Change::new(e, ("catalog_uuid", &a.catalog), items(&a)))
        }
        CatalogsCommand::AddItemsBySearch(a) => {
            let (e, search) = (&CATALOGS_ADD_ITEMS_BY_SEARCH, a.search.to_search());
            s.call(e, catalogs.add_items_by_search(a.catalog, &search))
                .await?;
            let members = ("search", serde_json::json!(search));
            s.render(&Change::new(e, ("catalog_uuid", &a.catalog), members))
        }
        CatalogsCommand::RemoveItemsBySearch(a) => {
            let (e, search) = (&CATALOGS_REMOVE_ITEMS_BY_SEARCH, a.search.to_search());
            s.call(e, catalogs.remove_items_by_search(a.catalog, &search))
                .await?;
            let members = ("search", serde_json::json!(search));
            s.render(&Change::new(e, ("catalog_uuid", &a.catalog), members))
        }
        CatalogsCommand::AddSkus(a) => {
            let e = &CATALOGS_ADD_SKUS;
            s.call(e, catalogs.add_skus(a.catalog, &a.skus)).await?;
            s.render(&Change::new(e, ("catalog_uuid", &a.catalog), skus(&a)))
        }
        CatalogsCommand::RemoveSkus(a) => {
            let e = &CATALOGS_REMOVE_SKUS;
            s.call(e, catalogs.remove_skus(a.catalog, &a.skus)).await?;
            s.render(&Change::new(e, ("catalog_uuid", &a.catalog), skus(&a)))
        }
    }
}

/// The number of SKUs of a catalog: `num_skus`, else the SKUs listed.
fn num_skus(catalog: &Catalog) -> String {
    count(catalog.num_skus.or(u32::try_from(catalog.skus.len()).ok()))
}

/// The supplier of a catalog: its name, else its UUID.
fn supplier(catalog: &Catalog) -> String {
    supplier_name(&catalog.supplier)
}

/// UUID, NAME, SUPPLIER, SKUS, SHIPPING, HANDLING (the default costs).
impl Render for Vec<Catalog> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let headers = ["UUID", "NAME", "SUPPLIER", "SKUS", "SHIPPING", "HANDLING"];
        let mut table = Table::new(&headers);
        for catalog in self {
            table.row([
                catalog.uuid.to_string(),
                or_none(text(catalog.name.as_ref())).to_owned(),
                supplier(catalog),
                num_skus(catalog),
                money(catalog.default_shipping_cost),
                money(catalog.default_handling_cost),
            ]);
        }
        table.write_to(out)
    }
}

/// The catalog's fields, then the UUIDs of its SKUs.
impl Render for Catalog {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let discoverable = self.is_discoverable.map(|d| if d { "yes" } else { "no" });
        let mut fields = Fields::new();
        fields
            .field("UUID", self.uuid.to_string())
            .field("NAME", text(self.name.as_ref()))
            .field("DESCRIPTION", text(self.description.as_ref()))
            .field("SUPPLIER", supplier(self))
            .field("SKUS", num_skus(self))
            .field("SHIPPING COST", money(self.default_shipping_cost))
            .field("HANDLING COST", money(self.default_handling_cost))
            .field("DISCOVERABLE", discoverable.unwrap_or_default())
            .field("CREATED", date(&self.created))
            .field("UPDATED", date(&self.last_updated));
        fields.write_to(out)?;
        write_skus(out, &self.skus)
    }
}
