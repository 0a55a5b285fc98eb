//! Orders for the end-to-end tests: SKUs the retailer can order, and the
//! JSON of a new order.

use crux_types::Sku;
use serde_json::{Value, json};

use super::{crux, json};

/// Demo Supply Co.'s `supplier_uuid`.
pub(crate) const SUPPLY_SUPPLIER: &str = "d0000002-0000-4000-8000-000000000002";

/// The `sku_id`s of the SKUs the retailer admin can order at least `stock`
/// of (priced, not restricted), in the sandbox's order.
pub(crate) fn orderable(stock: u32) -> Vec<String> {
    let skus: Vec<Sku> = json(crux().args(["--mock", "skus", "list"]));
    skus.into_iter()
        .filter(|sku| !sku.price_tiers.is_empty() && sku.restrictions.is_none())
        .filter(|sku| sku.quantity_in_stock.is_some_and(|n| n >= stock))
        .filter_map(|sku| sku.sku_id)
        .collect()
}

/// A new order of Demo Supply Co.'s SKUs: `(sku_id, quantity)` lines.
pub(crate) fn new_order(po: &str, lines: &[(&str, u32)]) -> String {
    let skus: Vec<Value> = lines
        .iter()
        .map(|(sku, quantity)| {
            json!({"sku_id": sku, "supplier_uuid": SUPPLY_SUPPLIER, "quantity": quantity, "price": "10"})
        })
        .collect();
    let order = json!({
        "purchase_order_id": po,
        "skus": skus,
        "notes": "leave at the back door",
        "shipping_carrier": "UPS",
        "shipping_method": "Ground",
        "address": {"name": "Bob", "address1": "1 Main St", "city": "Anaheim", "state": "CA", "postal_code": "92802"},
    });
    order.to_string()
}
