//! Deterministic product and order bodies for the benchmarks, each built from
//! a documented sample in `tests/fixtures` and written compactly as the API
//! sends it:
//!
//! - [`search_page_json`]: a Search Items page (`ItemSearchPage`) from
//!   `product/search_items.json`, its one item repeated with fresh ids and
//!   its facets, filters and pagination kept;
//! - [`items_json`]: a Get Items list (`Vec<Item>`) from
//!   `product/get_items.json`, each item with three SKUs of two price tiers
//!   each (copies of the sample's SKU and tier), attributes kept;
//! - [`orders_json`]: a Get Orders page (`OrderPage`) from
//!   `ordering/get_orders.json`, each order with four line items (copies of
//!   the sample's line item).
//!
//! Every UUID in a copy is replaced by a fresh one from a seeded generator,
//! and the per-object identifiers and titles get the copy's number, so no
//! two objects are equal (nothing can be shared by accident) and every run
//! decodes the same bytes.

use serde_json::{Value, json};

use super::Rng;

const SEARCH_ITEMS: &str = include_str!("../../tests/fixtures/product/search_items.json");
const GET_ITEMS: &str = include_str!("../../tests/fixtures/product/get_items.json");
const GET_ORDERS: &str = include_str!("../../tests/fixtures/ordering/get_orders.json");

/// SKUs per item in [`items_json`].
pub(crate) const SKUS_PER_ITEM: usize = 3;
/// Price tiers per SKU in [`items_json`].
pub(crate) const TIERS_PER_SKU: usize = 2;
/// Line items per order in [`orders_json`].
pub(crate) const LINES_PER_ORDER: usize = 4;

/// Keys whose string values get the copy's number appended.
const NUMBERED: &[&str] = &[
    "item_id",
    "sku_id",
    "title",
    "item_name",
    "sku_name",
    "purchase_order_id",
    "_distinguishing_info_hash",
];

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("a fixture parses")
}

fn is_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, &b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

/// Gives every UUID in `value` a fresh one and numbers the [`NUMBERED`]
/// strings with `n`.
fn renew(value: &mut Value, rng: &mut Rng, n: usize) {
    match value {
        Value::String(text) if is_uuid(text) => {
            text.clear();
            rng.uuid(text);
        }
        Value::Array(values) => values.iter_mut().for_each(|v| renew(v, rng, n)),
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(text) if NUMBERED.contains(&key.as_str()) => {
                        text.push_str(&format!(" {n}"));
                    }
                    _ => renew(v, rng, n),
                }
            }
        }
        _ => {}
    }
}

/// A copy of `template`, renewed as copy number `n`.
fn copy(template: &Value, rng: &mut Rng, n: usize) -> Value {
    let mut value = template.clone();
    renew(&mut value, rng, n);
    value
}

fn compact(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("a Value encodes")
}

/// A Search Items page with `count` items.
pub(crate) fn search_page_json(count: usize) -> Vec<u8> {
    let mut rng = Rng(0x5EA2_C400 ^ count as u64);
    let mut page = parse(SEARCH_ITEMS);
    let template = page["items"][0].clone();
    page["items"] = (0..count).map(|n| copy(&template, &mut rng, n)).collect();
    page["pagination"] = json!({"start": 0, "total_count": count * 10, "limit": count});
    compact(&page)
}

/// A Get Items list with `count` items, each with [`SKUS_PER_ITEM`] SKUs of
/// [`TIERS_PER_SKU`] price tiers.
pub(crate) fn items_json(count: usize) -> Vec<u8> {
    let mut rng = Rng(0x17E3_5000 ^ count as u64);
    let items = parse(GET_ITEMS);
    let mut template = items[0].clone();
    let mut sku = template["skus"][0].clone();
    let tier = sku["price_tiers"][0].clone();
    sku["price_tiers"] = (0..TIERS_PER_SKU)
        .map(|t| {
            let mut tier = tier.clone();
            tier["minimum_tier_quantity"] = json!(1 + t * 10);
            tier
        })
        .collect();
    template["skus"] = (0..SKUS_PER_ITEM).map(|_| sku.clone()).collect();
    let list: Value = (0..count)
        .map(|n| {
            let mut item = copy(&template, &mut rng, n);
            // A SKU refers to its item.
            let uuid = item["uuid"].clone();
            if let Some(skus) = item["skus"].as_array_mut() {
                for sku in skus {
                    sku["item"]["uuid"] = uuid.clone();
                }
            }
            item
        })
        .collect();
    compact(&list)
}

/// A Get Orders page with `count` orders of [`LINES_PER_ORDER`] line items.
pub(crate) fn orders_json(count: usize) -> Vec<u8> {
    let mut rng = Rng(0x02DE_2500 ^ count as u64);
    let mut page = parse(GET_ORDERS);
    let mut template = page["orders"][0].clone();
    let line = template["line_items"][0].clone();
    template["line_items"] = (0..LINES_PER_ORDER).map(|_| line.clone()).collect();
    page["orders"] = (0..count).map(|n| copy(&template, &mut rng, n)).collect();
    page["total_results"] = json!(count * 10);
    compact(&page)
}
