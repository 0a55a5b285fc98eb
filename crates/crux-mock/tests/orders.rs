//! An order's life through HTTP: the retailer creates, the supplier finds
//! and allocates part and backorders part, tracks; the retailer reads the
//! tracking numbers and statuses; cancels are refused once allocated.

mod common;

use common::orders::{FARAWAY_SUPPLIER, create, new_order, order_call, orderable, search};
use common::products::faraway_admin;
use common::{buyer, retailer_admin, supply_admin, warehouse};
use http::{Method, StatusCode};
use serde_json::{Value, json};

fn status_of(order: &Value, line: usize) -> &str {
    order["line_items"][line]["status"]
        .as_str()
        .unwrap_or_default()
}

#[tokio::test]
async fn the_full_lifecycle() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let skus = orderable(&server, 10).await;
    assert!(skus.len() >= 2, "{skus:?}");
    let (a, b) = (skus[0].0.as_str(), skus[1].0.as_str());
    // The retailer (buyer: create_order) creates.
    let order = order_call(
        &server,
        Method::POST,
        "/orders/create/",
        buyer(),
        Some(new_order("PO-LIFE-1", &[(a, 10), (b, 4)])),
        StatusCode::OK,
    )
    .await;
    let id = order["uuid"].as_str().expect("uuid").to_owned();
    assert_eq!(id, "d0000027-0000-4000-8000-000000000001");
    assert_eq!(order["is_allocated"], false);
    assert_eq!(status_of(&order, 0), "Unallocated");
    assert_eq!(
        order["retailer"]["user"]["email"],
        "buyer@retail.demo.example"
    );
    assert_eq!(order["fees"]["order_fee"], "2.50");
    assert_eq!(order["address"]["country"], Value::Null);
    let lines: Vec<String> = order["line_items"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| l["uuid"].as_str().unwrap_or_default().to_owned())
        .collect();
    // The supplier finds it in its own search, by PO number.
    let found = search(&server, warehouse(), json!({"term": "po-life"})).await;
    assert_eq!(found["total_results"], 1);
    assert_eq!(found["orders"][0]["uuid"], id.as_str());
    // Allocates: line 0 accepts 6, backorders 4; line 1 rejects all.
    let allocation = json!({"line_items": [
        {"line_item_uuid": lines[0], "allocation": {"quantity_accepted": "6", "quantity_rejected": "0", "quantity_backordered": "4"}},
        {"line_item_uuid": lines[1], "allocation": {"quantity_accepted": 0, "quantity_rejected": 4, "quantity_backordered": 0}},
        {"line_item_uuid": "d0000028-0000-4000-8000-999999999999", "allocation": {}},
    ]});
    let path = format!("/orders/allocation/{id}/");
    let result = order_call(
        &server,
        Method::PUT,
        &path,
        warehouse(),
        Some(allocation),
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        result,
        json!([{lines[0].as_str(): "Allocated"}, {lines[1].as_str(): "Rejected"}, {"d0000028-0000-4000-8000-999999999999": "Item Not Found"}])
    );
    // Tracks 5 of the 6 accepted; more than accepted is a 422.
    let tracking = |quantity: u64| {
        json!({"tracking": "1Z999", "carrier": "UPS", "method": "Ground", "weight": "2.5", "ship_cost": "7.10",
               "line_items": [{"line_item_uuid": lines[0], "quantity": quantity, "sku_cost": "27"}]})
    };
    let path = format!("/orders/tracking/{id}/");
    order_call(
        &server,
        Method::POST,
        &path,
        warehouse(),
        Some(tracking(7)),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    order_call(
        &server,
        Method::POST,
        &path,
        warehouse(),
        Some(tracking(5)),
        StatusCode::OK,
    )
    .await;
    // The retailer sees the tracking number and the new statuses.
    let seen = order_call(
        &server,
        Method::GET,
        &format!("/orders/{id}/"),
        retailer_admin(),
        None,
        StatusCode::OK,
    )
    .await;
    assert_eq!(status_of(&seen, 0), "HasTracking");
    assert_eq!(status_of(&seen, 1), "Rejected");
    assert_eq!(seen["is_allocated"], true);
    let number = &seen["line_items"][0]["tracking_numbers"][0];
    assert_eq!(number["tracking_number"], "1Z999");
    assert_eq!(number["quantity"], 5);
    assert_eq!(
        seen["line_items"][0]["allocation"]["quantity_backordered"],
        4
    );
    // Cancels are refused now.
    let detail = order_call(
        &server,
        Method::PATCH,
        "/orders/cancel/",
        buyer(),
        Some(json!({"order_uuid": id})),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(
        detail["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("cannot be cancelled"),
        "{detail}"
    );
    let path = format!("/orders/items/cancel/{}/", lines[1]);
    order_call(
        &server,
        Method::DELETE,
        &path,
        buyer(),
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
}

#[tokio::test]
async fn allocation_must_add_up_and_cancel_works_before_it() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let skus = orderable(&server, 3).await;
    let order = create(
        &server,
        new_order("PO-SUM", &[(&skus[0].0, 3), (&skus[1].0, 2)]),
    )
    .await;
    let id = order["uuid"].as_str().expect("uuid");
    let line = order["line_items"][0]["uuid"].as_str().expect("line");
    let body = json!({"line_items": [{"line_item_uuid": line, "allocation": {"quantity_accepted": 1, "quantity_rejected": 1}}]});
    let path = format!("/orders/allocation/{id}/");
    let reply = order_call(
        &server,
        Method::PUT,
        &path,
        supply_admin(),
        Some(body),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        reply["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("ordered 3"),
        "{reply}"
    );
    // Nothing changed; a line is cancelled, then the whole order.
    let path = format!("/orders/items/cancel/{line}/");
    let after = order_call(
        &server,
        Method::DELETE,
        &path,
        buyer(),
        None,
        StatusCode::OK,
    )
    .await;
    assert_eq!(status_of(&after, 0), "Cancelled");
    assert_eq!(status_of(&after, 1), "Unallocated");
    let after = order_call(
        &server,
        Method::PATCH,
        "/orders/cancel/",
        buyer(),
        Some(json!({"order_uuid": id})),
        StatusCode::OK,
    )
    .await;
    assert_eq!(status_of(&after, 1), "Cancelled");
    // Allocating a cancelled line changes nothing.
    let body =
        json!({"line_items": [{"line_item_uuid": line, "allocation": {"quantity_accepted": 3}}]});
    let path = format!("/orders/allocation/{id}/");
    let result = order_call(
        &server,
        Method::PUT,
        &path,
        supply_admin(),
        Some(body),
        StatusCode::OK,
    )
    .await;
    assert_eq!(result, json!([{line: "Cancelled"}]));
}

#[tokio::test]
async fn stock_connection_and_price_are_checked_naming_the_line() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let skus = orderable(&server, 1).await;
    let (sku, stock) = (&skus[0].0, skus[0].1);
    let detail = |v: Value| v["detail"].as_str().unwrap_or_default().to_owned();
    let over = order_call(
        &server,
        Method::POST,
        "/orders/create/",
        buyer(),
        Some(new_order("PO-X", &[(sku, stock + 1)])),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(detail(over).starts_with(&format!("skus[0] ({sku})")));
    let unknown = order_call(
        &server,
        Method::POST,
        "/orders/create/",
        buyer(),
        Some(new_order("PO-X", &[(sku, 1), ("NOPE-1", 1)])),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(detail(unknown).starts_with("skus[1] (NOPE-1)"));
    let mut faraway = new_order("PO-X", &[("FG-0001-1", 1)]);
    faraway["skus"][0]["supplier_uuid"] = json!(FARAWAY_SUPPLIER);
    let reply = order_call(
        &server,
        Method::POST,
        "/orders/create/",
        buyer(),
        Some(faraway),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(detail(reply).contains("not connected"));
    let mut expected = new_order("PO-X", &[(sku, 1)]);
    expected["skus"][0]["expected_sku_cost"] = json!("0.01");
    order_call(
        &server,
        Method::POST,
        "/orders/create/",
        buyer(),
        Some(expected),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let missing = order_call(
        &server,
        Method::POST,
        "/orders/create/",
        buyer(),
        Some(json!({"skus": []})),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(detail(missing).contains("purchase_order_id"));
    // Nothing was created; the fees of a valid body.
    assert_eq!(
        search(&server, buyer(), json!({})).await["total_results"],
        0
    );
    let fees = order_call(
        &server,
        Method::POST,
        "/orders/fees/",
        buyer(),
        Some(json!({"skus": [{"sku_id": sku, "quantity": 1}]})),
        StatusCode::OK,
    )
    .await;
    assert_eq!(fees["order_fee"], "2.50");
}

#[tokio::test]
async fn another_organizations_order_is_a_404() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let skus = orderable(&server, 1).await;
    let order = create(&server, new_order("PO-MINE", &[(&skus[0].0, 1)])).await;
    let id = order["uuid"].as_str().expect("uuid");
    let line = order["line_items"][0]["uuid"].as_str().expect("line");
    let path = format!("/orders/{id}/");
    order_call(
        &server,
        Method::GET,
        &path,
        faraway_admin(),
        None,
        StatusCode::NOT_FOUND,
    )
    .await;
    order_call(
        &server,
        Method::GET,
        &path,
        supply_admin(),
        None,
        StatusCode::OK,
    )
    .await;
    let body = json!({"line_items": []});
    order_call(
        &server,
        Method::PUT,
        &format!("/orders/allocation/{id}/"),
        faraway_admin(),
        Some(body.clone()),
        StatusCode::NOT_FOUND,
    )
    .await;
    order_call(
        &server,
        Method::POST,
        &format!("/orders/tracking/{id}/"),
        faraway_admin(),
        Some(body),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(
        search(&server, faraway_admin(), json!({})).await["total_results"],
        0
    );
    let export = json!({"uuids": [id]});
    order_call(
        &server,
        Method::POST,
        "/orders/export/",
        faraway_admin(),
        Some(export.clone()),
        StatusCode::BAD_REQUEST,
    )
    .await;
    let reply = order_call(
        &server,
        Method::POST,
        "/orders/export/",
        supply_admin(),
        Some(export),
        StatusCode::OK,
    )
    .await;
    assert_eq!(reply["uuid"], "d0000009-0000-4000-8000-000000000001");
    let reply = order_call(
        &server,
        Method::POST,
        "/orders/search/export/",
        retailer_admin(),
        Some(json!({"term": "PO-MINE"})),
        StatusCode::OK,
    )
    .await;
    assert_eq!(reply["uuid"], "d0000009-0000-4000-8000-000000000002");
    order_call(
        &server,
        Method::DELETE,
        &format!("/orders/items/cancel/{line}/"),
        faraway_admin(),
        None,
        StatusCode::CONFLICT,
    )
    .await;
    order_call(
        &server,
        Method::DELETE,
        "/orders/items/cancel/nope/",
        buyer(),
        None,
        StatusCode::NOT_FOUND,
    )
    .await;
}
