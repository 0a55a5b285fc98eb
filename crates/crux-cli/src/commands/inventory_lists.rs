//! `crux inventory-lists ...`: a retailer's inventory lists, the items and
//! SKUs it collects to sell (retailers only).

use std::{
    io::{self, Write},
    path::PathBuf,
};

use clap::{Args, Subcommand};
use crux_api::types::endpoint::{
    INVENTORY_LISTS_ADD_ITEMS, INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH, INVENTORY_LISTS_ADD_SKUS,
    INVENTORY_LISTS_CREATE, INVENTORY_LISTS_GET, INVENTORY_LISTS_LIST,
    INVENTORY_LISTS_REMOVE_ITEMS, INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH,
    INVENTORY_LISTS_REMOVE_SKUS,
};
use crux_types::{InventoryList, InventoryListId, ItemId, NewInventoryList, SkuId};

use super::{
    Session, body,
    items::SearchArgs,
    product::{Change, count, date, text, write_skus},
};
use crate::{
    cli::{about, parse_id},
    exit::Failure,
    output::{Fields, Render, Table, or_none},
};

/// `crux inventory-lists ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum InventoryListsCommand {
    #[command(about = about("List your inventory lists", &INVENTORY_LISTS_LIST))]
    List,
    #[command(about = about("Show one inventory list and its SKUs", &INVENTORY_LISTS_GET))]
    Get {
        /// The inventory list's UUID
        #[arg(value_name = "INVENTORY_LIST_UUID", value_parser = parse_id::<InventoryListId>)]
        list: InventoryListId,
    },
    #[command(about = about("Create an inventory list", &INVENTORY_LISTS_CREATE))]
    Create(CreateArgs),
    #[command(about = about("Add items to an inventory list", &INVENTORY_LISTS_ADD_ITEMS))]
    AddItems(ItemsArgs),
    #[command(about = about(
        "Remove items from an inventory list",
        &INVENTORY_LISTS_REMOVE_ITEMS
    ))]
    RemoveItems(ItemsArgs),
    #[command(about = about(
        "Add the items a search finds to an inventory list",
        &INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH
    ))]
    AddItemsBySearch(BySearchArgs),
    #[command(about = about(
        "Remove the items a search finds from an inventory list",
        &INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH
    ))]
    RemoveItemsBySearch(BySearchArgs),
    #[command(about = about("Add SKUs to an inventory list", &INVENTORY_LISTS_ADD_SKUS))]
    AddSkus(SkusArgs),
    #[command(about = about("Remove SKUs from an inventory list", &INVENTORY_LISTS_REMOVE_SKUS))]
    RemoveSkus(SkusArgs),
}

/// `crux inventory-lists create`: the body from flags, or as JSON.
#[derive(Debug, Args)]
pub(crate) struct CreateArgs {
    /// The list's name
    #[arg(long, required_unless_present = "json")]
    name: Option<String>,
    /// Its description
    #[arg(long)]
    description: Option<String>,
    /// The whole body as JSON (`NewInventoryList`), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = ["name", "description"]
    )]
    json: Option<PathBuf>,
}

impl CreateArgs {
    fn body(self) -> Result<NewInventoryList, Failure> {
        if let Some(path) = &self.json {
            return body::read_json(path, "inventory list");
        }
        Ok(NewInventoryList {
            name: self.name.unwrap_or_default(),
            description: self.description,
        })
    }
}

/// `crux inventory-lists add-items|remove-items LIST ITEM...`.
#[derive(Debug, Args)]
pub(crate) struct ItemsArgs {
    /// The inventory list's UUID
    #[arg(value_name = "INVENTORY_LIST_UUID", value_parser = parse_id::<InventoryListId>)]
    list: InventoryListId,
    /// The items' UUIDs
    #[arg(value_name = "ITEM_UUID", required = true, value_parser = parse_id::<ItemId>)]
    items: Vec<ItemId>,
}

/// `crux inventory-lists add-skus|remove-skus LIST SKU...`.
#[derive(Debug, Args)]
pub(crate) struct SkusArgs {
    /// The inventory list's UUID
    #[arg(value_name = "INVENTORY_LIST_UUID", value_parser = parse_id::<InventoryListId>)]
    list: InventoryListId,
    /// The SKUs' UUIDs
    #[arg(value_name = "SKU_UUID", required = true, value_parser = parse_id::<SkuId>)]
    skus: Vec<SkuId>,
}

/// `crux inventory-lists add-items-by-search|remove-items-by-search LIST
/// [TERM] [FILTERS]`.
#[derive(Debug, Args)]
pub(crate) struct BySearchArgs {
    /// The inventory list's UUID
    #[arg(value_name = "INVENTORY_LIST_UUID", value_parser = parse_id::<InventoryListId>)]
    list: InventoryListId,
    #[command(flatten)]
    search: SearchArgs,
}

const KEY: &str = "inventory_list_uuid";

/// Runs `crux inventory-lists ...`.
pub(super) async fn run(s: &Session, command: InventoryListsCommand) -> Result<(), Failure> {
    let lists = s.client().inventory_lists();
    let items = |a: &ItemsArgs| ("item_uuids", serde_json::json!(a.items));
    let skus = |a: &SkusArgs| ("sku_uuids", serde_json::json!(a.skus));
    match command {
        InventoryListsCommand::List => s.show(&INVENTORY_LISTS_LIST, lists.list()).await,
        InventoryListsCommand::Get { list } => s.show(&INVENTORY_LISTS_GET, lists.get(list)).await,
        InventoryListsCommand::Create(args) => {
            let body = args.body()?;
            s.show(&INVENTORY_LISTS_CREATE, lists.create(&body)).await
        }
        InventoryListsCommand::AddItems(a) => {
            let e = &INVENTORY_LISTS_ADD_ITEMS;
            s.call(e, lists.add_items(a.list, &a.items)).await?;
            s.render(&Change::new(e, (KEY, &a.list), items(&a)))
        }
        InventoryListsCommand::RemoveItems(a) => {
            let e = &INVENTORY_LISTS_REMOVE_ITEMS;
            s.call(e, lists.remove_items(a.list, &a.items)).await?;
            s.render(&Change::new(e, (KEY, &a.list), items(&a)))
        }
        InventoryListsCommand::AddItemsBySearch(a) => {
            let (e, search) = (&INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH, a.search.to_search());
            s.call(e, lists.add_items_by_search(a.list, &search))
                .await?;
            let members = ("search", serde_json::json!(search));
            s.render(&Change::new(e, (KEY, &a.list), members))
        }
        InventoryListsCommand::RemoveItemsBySearch(a) => {
            let (e, search) = (
                &INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH,
                a.search.to_search(),
            );
            s.call(e, lists.remove_items_by_search(a.list, &search))
                .await?;
            let members = ("search", serde_json::json!(search));
            s.render(&Change::new(e, (KEY, &a.list), members))
        }
        InventoryListsCommand::AddSkus(a) => {
            let e = &INVENTORY_LISTS_ADD_SKUS;
            s.call(e, lists.add_skus(a.list, &a.skus)).await?;
            s.render(&Change::new(e, (KEY, &a.list), skus(&a)))
        }
        InventoryListsCommand::RemoveSkus(a) => {
            let e = &INVENTORY_LISTS_REMOVE_SKUS;
            s.call(e, lists.remove_skus(a.list, &a.skus)).await?;
            s.render(&Change::new(e, (KEY, &a.list), skus(&a)))
        }
    }
}

/// The number of SKUs of a list: `num_skus`, else the SKUs listed.
fn num_skus(list: &InventoryList) -> String {
    count(list.num_skus.or(u32::try_from(list.skus.len()).ok()))
}

/// UUID, NAME, SKUS, UPDATED.
impl Render for Vec<InventoryList> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["UUID", "NAME", "SKUS", "UPDATED"]);
        for list in self {
            table.row([
                list.uuid.to_string(),
                or_none(text(list.name.as_ref())).to_owned(),
                num_skus(list),
                date(&list.last_updated),
            ]);
        }
        table.write_to(out)
    }
}

/// The list's fields, then the UUIDs of its SKUs.
impl Render for InventoryList {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut fields = Fields::new();
        fields
            .field("UUID", self.uuid.to_string())
            .field("NAME", text(self.name.as_ref()))
            .field("DESCRIPTION", text(self.description.as_ref()))
            .field("SKUS", num_skus(self))
            .field("CREATED", date(&self.created))
            .field("UPDATED", date(&self.last_updated));
        fields.write_to(out)?;
        write_skus(out, &self.skus)
    }
}
