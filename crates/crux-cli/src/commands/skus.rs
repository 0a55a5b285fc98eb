//! `crux skus ...`: the SKUs of items; creating them is for suppliers.

use std::{
    io::{self, Write},
    path::PathBuf,
};

use clap::{Args, Subcommand, ValueEnum};
use crux_api::types::endpoint::{SKUS_CREATE, SKUS_GET, SKUS_LIST};
use crux_types::{Decimal, ItemId, NewSku, PriceTier, Sku, SkuCondition, SkuId};
use serde_json::{Map, Value};

use super::{
    Session, body,
    product::{count, date, money, text},
};
use crate::{
    cli::{about, parse_id},
    exit::Failure,
    output::{Fields, NONE, Render, Table},
};

/// `crux skus ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum SkusCommand {
    #[command(about = about("List the SKUs you can see", &SKUS_LIST))]
    List,
    #[command(about = about("Show one SKU and its price tiers", &SKUS_GET))]
    Get {
        /// The SKU's UUID
        #[arg(value_name = "SKU_UUID", value_parser = parse_id::<SkuId>)]
        sku: SkuId,
    },
    #[command(about = about("Create a SKU of an item", &SKUS_CREATE))]
    Create(CreateArgs),
}

/// `crux skus create`: the body from flags, or as JSON.
#[derive(Debug, Args)]
pub(crate) struct CreateArgs {
    /// The UUID of the item the SKU is of
    #[arg(long, value_name = "ITEM_UUID", required_unless_present = "json", value_parser = parse_id::<ItemId>)]
    item: Option<ItemId>,
    /// Your code for the SKU
    #[arg(long, required_unless_present = "json")]
    sku_id: Option<String>,
    /// Its condition
    #[arg(long, value_enum)]
    condition: Option<ConditionArg>,
    /// How many are in stock
    #[arg(long, value_name = "N")]
    quantity_in_stock: Option<u32>,
    /// The manufacturer's suggested retail price, in USD
    #[arg(long, value_name = "USD")]
    msrp: Option<Decimal>,
    /// The whole body as JSON (`NewSku`), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = ["item", "sku_id", "condition", "quantity_in_stock", "msrp"]
    )]
    json: Option<PathBuf>,
}

/// `--condition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ConditionArg {
    /// New
    New,
    /// Used
    Used,
    /// Refurbished (`refurb`)
    #[value(alias = "refurbished")]
    Refurb,
}

impl From<ConditionArg> for SkuCondition {
    fn from(condition: ConditionArg) -> Self {
        match condition {
            ConditionArg::New => Self::New,
            ConditionArg::Used => Self::Used,
            ConditionArg::Refurb => Self::Refurbished,
        }
    }
}

impl CreateArgs {
    fn body(self) -> Result<NewSku, Failure> {
        if let Some(path) = &self.json {
            return body::read_json(path, "SKU");
        }
        // Both are required without --json (clap checks).
        let (Some(item), Some(sku_id)) = (self.item, self.sku_id) else {
            let message = "--item and --sku-id are required without --json";
            return Err(Failure::new(crate::exit::Exit::Usage, message));
        };
        let mut sku = NewSku::new(item, sku_id);
        sku.condition = self.condition.map(Into::into);
        sku.quantity_in_stock = self.quantity_in_stock;
        sku.msrp = self.msrp;
        Ok(sku)
    }
}

/// Runs `crux skus ...`.
pub(super) async fn run(s: &Session, command: SkusCommand) -> Result<(), Failure> {
    let skus = s.client().skus();
    match command {
        SkusCommand::List => s.show(&SKUS_LIST, skus.list()).await,
        SkusCommand::Get { sku } => s.show(&SKUS_GET, skus.get(sku)).await,
        SkusCommand::Create(args) => {
            let body = args.body()?;
            s.show(&SKUS_CREATE, skus.create(&body)).await
        }
    }
}

/// The lowest cost of the SKU's price tiers.
fn lowest_cost(sku: &Sku) -> String {
    money(sku.price_tiers.iter().filter_map(|tier| tier.cost).min())
}

fn condition(sku: &Sku) -> &str {
    sku.condition.as_ref().map_or("", SkuCondition::as_str)
}

/// UUID, SKU ID, ITEM, CONDITION, IN STOCK, COST (the lowest of its price
/// tiers), MSRP.
impl Render for Vec<Sku> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let headers = [
            "UUID",
            "SKU ID",
            "ITEM",
            "CONDITION",
            "IN STOCK",
            "COST",
            "MSRP",
        ];
        let mut table = Table::new(&headers);
        for sku in self {
            table.row([
                sku.uuid.to_string(),
                text(sku.sku_id.as_ref()).to_owned(),
                sku.item.uuid.to_string(),
                condition(sku).to_owned(),
                count(sku.quantity_in_stock),
                lowest_cost(sku),
                money(sku.msrp),
            ]);
        }
        table.write_to(out)
    }
}

/// `key=value, ...`: strings unquoted, other values as JSON.
pub(super) fn attributes(map: &Map<String, Value>) -> String {
    let pairs: Vec<String> = map
        .iter()
        .map(|(key, value)| match value {
            Value::String(text) => format!("{key}={text}"),
            other => format!("{key}={other}"),
        })
        .collect();
    pairs.join(", ")
}

/// The SKU's fields, then its price tiers.
impl Render for Sku {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let catalogs = self.catalogs.iter().flatten();
        let catalogs = catalogs.map(|c| c.name.clone().unwrap_or_else(|| c.uuid.to_string()));
        let lists = self.inventory_lists.iter().flatten();
        let lists = lists.map(|l| l.name.clone().unwrap_or_else(|| l.uuid.to_string()));
        let mut fields = Fields::new();
        fields
            .field("UUID", self.uuid.to_string())
            .field("SKU ID", text(self.sku_id.as_ref()))
            .field("ITEM", self.item.uuid.to_string())
            .field("CONDITION", condition(self))
            .field(
                "RESTRICTIONS",
                self.restrictions.as_ref().map_or("", |r| r.as_str()),
            )
            .field("IN STOCK", count(self.quantity_in_stock))
            .field("ON BACKORDER", count(self.quantity_on_backorder))
            .field("UNITS BUNDLED", count(self.number_of_units_bundled))
            .field("MSRP", money(self.msrp))
            .field("MAP", money(self.minimum_advertised_price))
            .field(
                "ATTRIBUTES",
                attributes(&self.sku_distinguishing_attributes),
            )
            .field("CATALOGS", catalogs.collect::<Vec<_>>().join(", "))
            .field("INVENTORY LISTS", lists.collect::<Vec<_>>().join(", "))
            .field("CREATED", date(&self.created))
            .field("UPDATED", date(&self.last_updated));
        fields.write_to(out)?;
        if self.price_tiers.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        price_tiers(&self.price_tiers).write_to(out)
    }
}

/// CATALOG, MIN QTY, COST, PER UNIT, SHIPPING (its type and cost),
/// HANDLING.
fn price_tiers(tiers: &[PriceTier]) -> Table {
    let headers = [
        "CATALOG", "MIN QTY", "COST", "PER UNIT", "SHIPPING", "HANDLING",
    ];
    let mut table = Table::new(&headers);
    for tier in tiers {
        let catalog = tier.catalog.as_ref().map(|c| {
            let uuid = c.uuid.to_string();
            c.name.clone().unwrap_or(uuid)
        });
        let kind = tier.shipping_cost_type.as_ref().map(|t| t.as_str());
        let shipping = match (kind, tier.shipping_cost) {
            (Some(kind), Some(cost)) => format!("{kind} {}", money(Some(cost))),
            (Some(kind), None) => kind.to_owned(),
            (None, cost) => money(cost),
        };
        table.row([
            catalog.unwrap_or_else(|| NONE.to_owned()),
            count(tier.minimum_tier_quantity),
            money(tier.cost),
            money(tier.cost_per_unit),
            shipping,
            money(tier.handling_cost),
        ]);
    }
    table
}
