//! Helpers for the order tests: orderable SKUs and order calls.

use crux_mock::{DemoUser, MockServer};
use http::{Method, StatusCode};
use serde_json::{Value, json};

use super::products::{json_call, ok_get};
use super::retailer_admin;

/// Demo Supply Co.'s `supplier_uuid`.
pub const SUPPLY_SUPPLIER: &str = "d0000002-0000-4000-8000-000000000002";
/// Faraway Goods Ltd.'s `supplier_uuid`.
pub const FARAWAY_SUPPLIER: &str = "d0000002-0000-4000-8000-000000000003";

/// The `sku_id`s of the retailer's SKUs with price tiers and at least
/// `stock` in stock, in store order.
pub async fn orderable(server: &MockServer, stock: u64) -> Vec<(String, u64)> {
    let skus = ok_get(server, "/products/skus/", retailer_admin()).await;
    skus.as_array()
        .expect("a list")
        .iter()
        .filter(|sku| sku["price_tiers"].as_array().is_some_and(|t| !t.is_empty()))
        .filter(|sku| sku["restrictions"].is_null())
        .filter_map(|sku| {
            let n = sku["quantity_in_stock"].as_u64()?;
            (n >= stock).then(|| (sku["sku_id"].as_str().unwrap_or_default().to_owned(), n))
        })
        .collect()
}

/// A create-order body for `(sku_id, quantity)` lines of Demo Supply Co.
pub fn new_order(po: &str, lines: &[(&str, u64)]) -> Value {
    let skus: Vec<Value> = lines
        .iter()
        .map(|(sku, quantity)| json!({"sku_id": sku, "supplier_uuid": SUPPLY_SUPPLIER, "quantity": quantity, "price": "10"}))
        .collect();
    json!({
        "purchase_order_id": po,
        "skus": skus,
        "notes": "leave at the back door",
        "shipping_carrier": "UPS",
        "shipping_method": "Ground",
        "address": {"name": "Bob", "address1": "1 Main St", "city": "Anaheim", "state": "CA", "postal_code": "92802"},
    })
}

/// `method path` as `user` with `body`, expecting `status`.
pub async fn order_call(
    server: &MockServer,
    method: Method,
    path: &str,
    user: &DemoUser,
    body: Option<Value>,
    status: StatusCode,
) -> Value {
    json_call(server, method, path, user, body, status).await
}

/// Creates an order as the retail admin; its JSON.
pub async fn create(server: &MockServer, body: Value) -> Value {
    order_call(
        server,
        Method::POST,
        "/orders/create/",
        retailer_admin(),
        Some(body),
        StatusCode::OK,
    )
    .await
}

/// One order search page as `user`.
pub async fn search(server: &MockServer, user: &DemoUser, body: Value) -> Value {
    order_call(
        server,
        Method::POST,
        "/orders/",
        user,
        Some(body),
        StatusCode::OK,
    )
    .await
}

/// The `uuid`s of `page["orders"]`.
pub fn order_ids(page: &Value) -> Vec<String> {
    page["orders"]
        .as_array()
        .expect("orders")
        .iter()
        .map(|o| o["uuid"].as_str().unwrap_or_default().to_owned())
        .collect()
}
