//! What the product commands (`catalogs`, `items`, `skus`,
//! `inventory-lists`) share: how amounts and counts print, and the report
//! of an add or remove call.

use std::{
    fmt,
    io::{self, Write},
};

use crux_api::types::endpoint::Endpoint;
use crux_types::{Decimal, PriceRange, SkuRef, SupplierRef, Timestamp};
use serde::Serialize;
use serde_json::{Map, Value};

use super::billing::usd;
use crate::output::{NONE, Render, Table};

/// An amount in USD, or `-`.
pub(super) fn money(amount: Option<Decimal>) -> String {
    amount.map_or_else(|| NONE.to_owned(), usd)
}

/// A price range: `$5.00`, `$5.00-$9.50`, or `-`.
pub(super) fn range(range: Option<&PriceRange>) -> String {
    match range.map(|r| (r.min, r.max)) {
        Some((Some(min), Some(max))) if min != max => format!("{}-{}", usd(min), usd(max)),
        Some((Some(amount), _) | (None, Some(amount))) => usd(amount),
        _ => NONE.to_owned(),
    }
}

/// A count, or `-`.
pub(super) fn count(n: Option<u32>) -> String {
    n.map_or_else(|| NONE.to_owned(), |n| n.to_string())
}

/// A timestamp's date (`2018-04-06`).
pub(super) fn date(at: &Timestamp) -> String {
    at.to_string().chars().take(10).collect()
}

/// `text`, or `""` when there is none (a [`Fields`](crate::output::Fields)
/// line shows it as `-`).
pub(super) fn text(value: Option<&String>) -> &str {
    value.map_or("", String::as_str)
}

/// A supplier: its name, else its UUID.
pub(super) fn supplier_name(supplier: &SupplierRef) -> String {
    match supplier.name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => supplier.uuid.to_string(),
    }
}

/// The SKUs of a catalog or inventory list: a blank line and their UUIDs,
/// or nothing when it has none.
pub(super) fn write_skus(out: &mut dyn Write, skus: &[SkuRef]) -> io::Result<()> {
    if skus.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let mut table = Table::new(&["SKU UUID"]);
    for sku in skus {
        table.row([sku.uuid.to_string()]);
    }
    table.write_to(out)
}

/// What an add or remove call of a catalog or inventory list prints: one
/// line (`added 2 items to catalog <uuid>`), or with `-o json` the change
/// sent: `{"catalog_uuid": ..., "action": "add_items", "item_uuids": [...]}`
/// (`"search": {...}` for the by-search calls).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub(super) struct Change {
    json: Map<String, Value>,
    #[serde(skip)]
    line: String,
}

impl Change {
    /// The change `endpoint` made to `target` (a catalog or an inventory
    /// list, `target_key` its key, `catalog_uuid`), with `members` (the
    /// JSON of the ids, or of the search, under `members_key`).
    pub(super) fn new(
        endpoint: &Endpoint,
        (target_key, target): (&str, &dyn fmt::Display),
        (members_key, members): (&str, Value),
    ) -> Self {
        let action = endpoint.verb();
        let (done, preposition) = if action.starts_with("add") {
            ("added", "to")
        } else {
            ("removed", "from")
        };
        let what = match (&members, members_key) {
            (Value::Array(ids), "item_uuids") => plural(ids.len(), "item", "items"),
            (Value::Array(ids), _) => plural(ids.len(), "SKU", "SKUs"),
            _ => "the items matching the search".to_owned(),
        };
        let kind = target_key.trim_end_matches("_uuid").replace('_', " ");
        let line = format!("{done} {what} {preposition} {kind} {target}");
        let mut json = Map::new();
        json.insert(target_key.to_owned(), Value::String(target.to_string()));
        json.insert("action".to_owned(), Value::String(action.to_owned()));
        json.insert(members_key.to_owned(), members);
        Self { json, line }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `added 2 items to catalog <uuid>`.
impl Render for Change {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", self.line)
    }
}

#[cfg(test)]
mod tests {
    use crux_api::types::endpoint::{CATALOGS_ADD_ITEMS, INVENTORY_LISTS_REMOVE_SKUS};

    use super::*;

    #[test]
    fn changes_say_what_was_done() {
        let change = Change::new(
            &CATALOGS_ADD_ITEMS,
            ("catalog_uuid", &"c1"),
            ("item_uuids", serde_json::json!(["i1", "i2"])),
        );
        assert_eq!(change.line, "added 2 items to catalog c1");
        let json = serde_json::to_value(&change).unwrap();
        let expected = serde_json::json!({
            "catalog_uuid": "c1", "action": "add_items", "item_uuids": ["i1", "i2"]
        });
        assert_eq!(json, expected);
        let change = Change::new(
            &INVENTORY_LISTS_REMOVE_SKUS,
            ("inventory_list_uuid", &"l1"),
            ("sku_uuids", serde_json::json!(["s1"])),
        );
        assert_eq!(change.line, "removed 1 SKU from inventory list l1");
    }

    #[test]
    fn amounts_and_ranges() {
        let d = |s: &str| s.parse::<Decimal>().ok();
        assert_eq!(money(d("5")), "$5.00");
        assert_eq!(money(None), "-");
        let both = PriceRange {
            min: d("5"),
            max: d("9.5"),
        };
        assert_eq!(range(Some(&both)), "$5.00-$9.50");
        let one = PriceRange {
            min: d("5"),
            max: d("5.00"),
        };
        assert_eq!(range(Some(&one)), "$5.00");
        assert_eq!(range(None), "-");
    }
}
