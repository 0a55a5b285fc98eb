//! The order rules without HTTP.

use serde_json::{Value, json};

use super::*;
use crate::domain::testing::{actor, store};

const BUYER: &str = "buyer@retail.demo.example";
const SUPPLY: &str = "admin@supply.demo.example";
const FARAWAY: &str = "admin@faraway.demo.example";

/// The first SKU of Demo Supply Co. with price tiers and `stock` in stock.
fn orderable(store: &Store, stock: u32) -> String {
    store
        .skus
        .iter()
        .filter(|sku| sku.org == actor(SUPPLY).org && sku.restrictions.is_none())
        .filter(|sku| sku.quantity_in_stock.is_some_and(|n| n >= stock))
        .find(|sku| !super::super::views::price_tiers(store, sku).is_empty())
        .map(|sku| sku.sku_id.clone())
        .expect("an orderable SKU")
}

fn body(sku: &str, quantity: u32) -> Value {
    json!({"purchase_order_id": "PO-1", "skus": [{"sku_id": sku, "supplier_uuid": "d0000002-0000-4000-8000-000000000002", "quantity": quantity}]})
}

fn line_of(order: &Value) -> String {
    order["line_items"][0]["uuid"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn create_prices_from_the_tiers_and_stamps_the_clock() {
    let mut store = store();
    let sku = orderable(&store, 10);
    let one = create(&mut store, &actor(BUYER), Ok(body(&sku, 1))).expect("created");
    let ten = create(&mut store, &actor(BUYER), Ok(body(&sku, 10))).expect("created");
    let cost = |o: &Value| {
        crux_types::Decimal::from_str_exact(o["line_items"][0]["cost"].as_str().unwrap_or_default())
            .expect("cost")
    };
    assert!(cost(&ten) < cost(&one), "the 10-bundle tier is cheaper");
    assert_eq!(one["created_date"], "2024-07-01T00:00:00Z");
    assert_eq!(ten["created_date"], "2024-07-01T00:00:01Z");
    assert_eq!(one["fees"]["order_fee"], "2.50");
}

#[test]
fn create_refuses_suppliers_and_types_it_may_not_use() {
    let mut store = store();
    let sku = orderable(&store, 1);
    let mut far = body("FG-0001-1", 1);
    far["skus"][0]["supplier_uuid"] = json!("d0000002-0000-4000-8000-000000000003");
    assert!(matches!(
        create(&mut store, &actor(BUYER), Ok(far)),
        Err(DomainError::Unprocessable(_))
    ));
    let mut unknown = body(&sku, 1);
    unknown["skus"][0]["supplier_uuid"] = json!("d0000002-0000-4000-8000-000000000099");
    assert!(matches!(
        create(&mut store, &actor(BUYER), Ok(unknown)),
        Err(DomainError::Invalid(_))
    ));
    for bad in [
        json!([]),
        json!({"purchase_order_id": "x", "skus": "no"}),
        json!({"purchase_order_id": "x", "skus": [{"sku_id": sku, "quantity": 0}]}),
    ] {
        assert!(matches!(
            create(&mut store, &actor(BUYER), Ok(bad)),
            Err(DomainError::Invalid(_))
        ));
    }
    assert_eq!(store.orders.iter().count(), 0);
}

#[test]
fn allocation_tracking_and_cancel_follow_the_line_status() {
    let mut store = store();
    let sku = orderable(&store, 5);
    let order = create(&mut store, &actor(BUYER), Ok(body(&sku, 5))).expect("created");
    let (id, line) = (
        order["uuid"].as_str().unwrap_or_default().to_owned(),
        line_of(&order),
    );
    let allocation = |a: u32, r: u32, b: u32| json!({"line_items": [{"line_item_uuid": line, "allocation": {"quantity_accepted": a, "quantity_rejected": r, "quantity_backordered": b}}]});
    assert!(matches!(
        allocate(&mut store, &actor(SUPPLY), &id, Ok(allocation(1, 1, 1))),
        Err(DomainError::Invalid(_))
    ));
    assert_eq!(
        allocate(&mut store, &actor(FARAWAY), &id, Ok(allocation(5, 0, 0))),
        Err(DomainError::NotFound)
    );
    let result =
        allocate(&mut store, &actor(SUPPLY), &id, Ok(allocation(0, 0, 5))).expect("allocated");
    assert_eq!(result, json!([{line.as_str(): "Backordered"}]));
    let result =
        allocate(&mut store, &actor(SUPPLY), &id, Ok(allocation(3, 0, 2))).expect("allocated");
    assert_eq!(result, json!([{line.as_str(): "Allocated"}]));
    let track = |q: u32| json!([{"tracking": "T", "line_items": [{"line_item_uuid": line, "quantity": q}]}]);
    assert!(matches!(
        add_tracking(&mut store, &actor(SUPPLY), &id, Ok(track(4))),
        Err(DomainError::Unprocessable(_))
    ));
    let after = add_tracking(&mut store, &actor(SUPPLY), &id, Ok(track(3))).expect("tracked");
    assert_eq!(after["line_items"][0]["status"], "HasTracking");
    // Accepting fewer than shipped, and cancelling, are refused now.
    assert!(matches!(
        allocate(&mut store, &actor(SUPPLY), &id, Ok(allocation(2, 3, 0))),
        Err(DomainError::Unprocessable(_))
    ));
    assert!(matches!(
        cancel_item(&mut store, &actor(BUYER), &line),
        Err(DomainError::Unprocessable(_))
    ));
    assert!(matches!(
        cancel(&mut store, &actor(BUYER), Ok(json!({"order_uuid": id}))),
        Err(DomainError::Unprocessable(_))
    ));
    assert_eq!(
        cancel(&mut store, &actor(BUYER), Ok(json!({"order_uuid": "nope"}))),
        Err(DomainError::NotFound)
    );
}

#[test]
fn search_reads_every_member_and_pages_by_size() {
    let mut store = store();
    let sku = orderable(&store, 1);
    for _ in 0..3 {
        create(&mut store, &actor(BUYER), Ok(body(&sku, 1))).expect("created");
    }
    let page = search(
        &store,
        &actor(SUPPLY),
        Ok(json!({"start": "1", "limit": 1})),
    )
    .expect("page");
    assert_eq!(page["total_results"], 3);
    assert_eq!(page["orders"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        page["orders"][0]["uuid"],
        "d0000027-0000-4000-8000-000000000002"
    );
    let none = search(&store, &actor(FARAWAY), Ok(json!({}))).expect("page");
    assert_eq!(none["total_results"], 0);
    assert!(search(&store, &actor(BUYER), Ok(json!({"org_uuids": ["x"]}))).is_err());
    assert!(search(&store, &actor(BUYER), Ok(json!({"sort": {"dir": "up"}}))).is_err());
}
