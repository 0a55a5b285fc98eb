//! Order search through HTTP: each filter, the sort keys and pagination.

mod common;

use common::orders::{create, new_order, order_call, order_ids, orderable, search};
use common::{buyer, retailer_admin, warehouse};
use http::{Method, StatusCode};
use serde_json::{Value, json};

/// Five orders (PO-1 .. PO-5), one SKU each (the first five orderable
/// SKUs, in order); PO-2 allocated in full, PO-3 backordered, PO-4
/// shipped, PO-5 cancelled. Their ids, oldest first, and SKU ids.
async fn world(server: &crux_mock::MockServer) -> (Vec<String>, Vec<String>) {
    let skus = orderable(server, 2).await;
    let mut ids = Vec::new();
    let mut lines = Vec::new();
    for (n, (sku, _)) in skus.iter().take(5).enumerate() {
        let order = create(server, new_order(&format!("PO-{}", n + 1), &[(sku, 2)])).await;
        ids.push(order["uuid"].as_str().expect("uuid").to_owned());
        lines.push(
            order["line_items"][0]["uuid"]
                .as_str()
                .expect("line")
                .to_owned(),
        );
    }
    for (i, accepted, backordered) in [(1, 2, 0), (2, 0, 2), (3, 2, 0)] {
        let body = json!({"line_items": [{"line_item_uuid": lines[i], "allocation": {"quantity_accepted": accepted, "quantity_backordered": backordered}}]});
        let path = format!("/orders/allocation/{}/", ids[i]);
        order_call(
            server,
            Method::PUT,
            &path,
            warehouse(),
            Some(body),
            StatusCode::OK,
        )
        .await;
    }
    let tracking =
        json!({"tracking": "T-4", "line_items": [{"line_item_uuid": lines[3], "quantity": 1}]});
    order_call(
        server,
        Method::POST,
        &format!("/orders/tracking/{}/", ids[3]),
        warehouse(),
        Some(tracking),
        StatusCode::OK,
    )
    .await;
    order_call(
        server,
        Method::PATCH,
        "/orders/cancel/",
        buyer(),
        Some(json!({"order_uuid": ids[4]})),
        StatusCode::OK,
    )
    .await;
    let skus = skus.into_iter().take(5).map(|(s, _)| s).collect();
    (ids, skus)
}

fn picked(ids: &[String], which: &[usize]) -> Vec<String> {
    which.iter().map(|&i| ids[i].clone()).collect()
}

#[tokio::test]
async fn filters_select_by_status_designation_date_term_and_organization() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let (ids, skus) = world(&server).await;
    let find = |body: Value| {
        let server = &server;
        async move { order_ids(&search(server, retailer_admin(), body).await) }
    };
    // Newest first without a sort.
    assert_eq!(find(json!({})).await, picked(&ids, &[4, 3, 2, 1, 0]));
    let statuses = json!({"line_item_allocation_statuses": ["Allocated"]});
    assert_eq!(find(statuses).await, picked(&ids, &[3, 2, 1]));
    let unallocated = json!({"line_item_allocation_statuses": ["Unallocated"]});
    assert_eq!(find(unallocated).await, picked(&ids, &[0]));
    for (designation, expected) in [
        ("HasTracking", vec![3]),
        ("NeedsTracking", vec![3, 1]),
        ("Backordered", vec![2]),
        ("Cancelled", vec![4]),
    ] {
        let got = find(json!({"line_item_designation": designation})).await;
        assert_eq!(got, picked(&ids, &expected), "{designation}");
    }
    let both = json!({"line_item_designation": ["Backordered", "Cancelled"]});
    assert_eq!(find(both).await, picked(&ids, &[4, 2]));
    // Term: an order uuid, a PO number (any case), a SKU id.
    assert_eq!(find(json!({"term": ids[1]})).await, picked(&ids, &[1]));
    assert_eq!(
        find(json!({"search_term": "po-3"})).await,
        picked(&ids, &[2])
    );
    assert_eq!(find(json!({"term": skus[4]})).await, picked(&ids, &[4]));
    // Dates: the orders were made on the mock's clock, a second apart at least.
    let all = search(
        &server,
        retailer_admin(),
        json!({"sort": {"key": "date", "dir": "asc"}}),
    )
    .await;
    let created: Vec<&str> = all["orders"]
        .as_array()
        .expect("orders")
        .iter()
        .map(|o| o["created_date"].as_str().unwrap_or_default())
        .collect();
    let window = json!({"start_date": created[1], "end_date": created[2]});
    assert_eq!(find(window).await, picked(&ids, &[2, 1]));
    assert_eq!(
        find(json!({"start_date": "2030-01-01T00:00:00.000Z"})).await,
        Vec::<String>::new()
    );
    // Organizations: the supplier's org uuid or supplier uuid, the retailer's.
    let supply = json!({"org_uuids": ["d0000001-0000-4000-8000-000000000002"]});
    assert_eq!(find(supply).await.len(), 5);
    let faraway = json!({"org_uuids": ["d0000001-0000-4000-8000-000000000003"]});
    assert!(find(faraway).await.is_empty());
    // The supplier's own search finds the same orders.
    assert_eq!(
        search(&server, warehouse(), json!({})).await["total_results"],
        5
    );
    // Bad members are 400s naming them.
    for (body, field) in [
        (
            json!({"line_item_designation": "Lost"}),
            "line_item_designation",
        ),
        (json!({"start_date": "yesterday"}), "start_date"),
        (json!({"sort": {"key": "price"}}), "sort.key"),
        (json!({"limit": "x"}), "limit"),
    ] {
        let reply = order_call(
            &server,
            Method::POST,
            "/orders/",
            buyer(),
            Some(body),
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert!(
            reply["detail"]
                .as_str()
                .unwrap_or_default()
                .starts_with(field),
            "{reply}"
        );
    }
}

#[tokio::test]
async fn sort_and_pagination() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let (ids, skus) = world(&server).await;
    let page = |body: Value| {
        let server = &server;
        async move { search(server, buyer(), body).await }
    };
    let oldest = page(json!({"sort": {"key": "date", "value": "asc"}})).await;
    assert_eq!(order_ids(&oldest), ids);
    let by_sku = page(json!({"sort": {"key": "sku_id", "dir": "des"}})).await;
    let mut expected: Vec<(String, String)> =
        skus.iter().cloned().zip(ids.iter().cloned()).collect();
    expected.sort();
    expected.reverse();
    assert_eq!(
        order_ids(&by_sku),
        expected.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
    );
    let status = page(json!({"sort": {"key": "status"}})).await;
    assert_eq!(
        order_ids(&status)[..3],
        picked(&ids, &[1, 2, 3])[..],
        "Allocated first, ties in creation order"
    );
    // `limit` is a page size; `start` an offset; the total counts all.
    let second = page(json!({"start": 2, "limit": 2, "sort": {"key": "date", "dir": "asc"}})).await;
    assert_eq!(second["total_results"], 5);
    assert_eq!(order_ids(&second), picked(&ids, &[2, 3]));
    let past = page(json!({"start": 9, "limit": 2})).await;
    assert_eq!(past["total_results"], 5);
    assert!(order_ids(&past).is_empty());
}
