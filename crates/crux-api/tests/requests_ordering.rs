//! The 16 ordering and discovery endpoints (rows 17 to 32): each request as
//! sent (method, path and query, content type, body), through the replay
//! transport answering the docs' samples; the bodies are the docs' request
//! samples, decoded into the crux-types request models. A coverage test
//! checks that they reach exactly the implemented rows of the two sections.
//! Then the one
//! write that must never be sent twice, `orders().create`.

mod support;

use crux_api::{
    Client, RetryPolicy,
    transport::{
        TransportError, TransportErrorKind,
        test_util::{ReplayEvent, ReplayTransport},
    },
    types::{
        AllocationOutcome, AllocationUpdate, ConnectionRequestUpdate, FeeQuery,
        NewConnectionRequest, NewOrder, NewTracking, OrderIdList, OrderQuery, SupplierQuery,
        endpoint::{self, Section},
    },
};
use serde_json::{Value, json};
use support::{
    CANARY,
    sent::{Sent, assert_reaches_each_once, checked, checked_count, describe_all},
};

macro_rules! fixture {
    ($path:literal) => {
        include_str!(concat!("../../crux-types/tests/fixtures/", $path))
    };
}

/// A request sample of the docs, decoded into its model.
macro_rules! body {
    ($path:literal) => {
        serde_json::from_str(fixture!($path)).expect(concat!($path, " decodes"))
    };
}

fn client(replay: &ReplayTransport, retry: RetryPolicy) -> Client {
    Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(replay.clone())
        .retry(retry)
        .build()
        .expect("client builds")
}

/// Every order endpoint, in row order.
async fn order_requests() -> Vec<Sent> {
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, fixture!("ordering/get_orders.json")),
        ReplayEvent::json(200, fixture!("ordering/get_order_detail.json")),
        ReplayEvent::json(200, fixture!("ordering/get_orders_export.json")),
        ReplayEvent::json(200, fixture!("ordering/get_orders_export_by_search.json")),
        ReplayEvent::json(201, fixture!("ordering/create_order.json")),
        ReplayEvent::json(200, fixture!("ordering/get_order_fees.json")),
        ReplayEvent::status(200),
        ReplayEvent::json(204, ""),
        ReplayEvent::json(201, "{}"),
        ReplayEvent::json(200, fixture!("ordering/allocate_order.json")),
    ]);
    let client = client(&replay, RetryPolicy::disabled());
    let orders = client.orders();

    let query: OrderQuery = body!("ordering/get_orders_request.json");
    let page = checked(orders.search(&query)).await.expect("one page");
    assert_eq!(page.total_results, Some(102));
    let order = checked(orders.get(page.orders[0].uuid))
        .await
        .expect("order");
    let ids: OrderIdList = body!("ordering/get_orders_export_request.json");
    let export = checked(orders.export(&ids.uuids)).await.expect("export");
    assert_eq!(
        export.uuid.to_string(),
        "521c8baa-1c44-4ca7-88ce-f4eadba37bc0"
    );
    let query: OrderQuery = body!("ordering/get_orders_export_by_search_request.json");
    checked(orders.export_by_search(&query))
        .await
        .expect("export by search");
    let new: NewOrder = body!("ordering/create_order_request.json");
    let created = checked(orders.create(&new)).await.expect("created order");
    let fees: FeeQuery = body!("ordering/get_order_fees_request.json");
    assert_eq!(
        checked(orders.fees(&fees)).await.expect("fees").order_fee,
        0.into()
    );
    checked(orders.cancel(created.uuid))
        .await
        .expect("cancel: any 2xx");
    let line = order.line_items[0].uuid;
    checked(orders.cancel_item(line))
        .await
        .expect("cancel item: 204");
    let tracking: NewTracking = body!("ordering/add_order_tracking_request.json");
    checked(orders.add_tracking(order.uuid, &tracking))
        .await
        .expect("tracking: a body is ignored");
    let update: AllocationUpdate = body!("ordering/allocate_order_request.json");
    let result = checked(orders.allocate(order.uuid, &update))
        .await
        .expect("allocate");
    let lines: Vec<_> = result.lines().collect();
    assert_eq!(
        lines,
        [(
            update.line_items[0].line_item_uuid,
            &AllocationOutcome::Allocated
        )]
    );
    replay.requests()
}

/// Every connection and discovery endpoint, in row order.
async fn discovery_requests() -> Vec<Sent> {
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, fixture!("discovery/get_connections.json")),
        ReplayEvent::json(200, fixture!("discovery/get_discovery_suppliers.json")),
        ReplayEvent::json(201, fixture!("discovery/request_connection.json")),
        ReplayEvent::json(200, fixture!("discovery/get_requested_connections.json")),
        ReplayEvent::json(
            200,
            fixture!("discovery/get_requested_connection_detail.json"),
        ),
        ReplayEvent::json(204, ""),
    ]);
    let client = client(&replay, RetryPolicy::disabled());
    let connections = client.connections();

    let listed = checked(connections.list()).await.expect("connections");
    assert_eq!(listed.len(), 1);
    let query: SupplierQuery = body!("discovery/get_discovery_suppliers_request.json");
    let page = checked(client.discovery().suppliers(&query))
        .await
        .expect("suppliers");
    assert_eq!(page.pagination.total_count, Some(1));
    let new: NewConnectionRequest = body!("discovery/request_connection_request.json");
    let created = checked(connections.create_request(&new))
        .await
        .expect("201");
    // The page's GET "body", `{"start": 0, "limit": 50}`, as query parameters (E-11).
    let page = checked(connections.requests().start(0).limit(50))
        .await
        .expect("page");
    assert_eq!(page.pagination.total_count, Some(9));
    let request = checked(connections.get_request(page.requests[0].record_uuid))
        .await
        .expect("request");
    assert_eq!(request.integrations.len(), 2);
    let update: ConnectionRequestUpdate = body!("discovery/update_connection_request_request.json");
    checked(connections.update_request(created.request_uuid, &update))
        .await
        .expect("update: 204");
    replay.requests()
}

#[tokio::test]
async fn order_endpoints_send_the_documented_requests() {
    insta::assert_snapshot!(describe_all(&order_requests().await));
}

#[tokio::test]
async fn discovery_endpoints_send_the_documented_requests() {
    insta::assert_snapshot!(describe_all(&discovery_requests().await));
}

#[tokio::test]
async fn the_tests_above_reach_every_ordering_and_discovery_endpoint_once() {
    let checks = checked_count();
    let mut sent = order_requests().await;
    sent.extend(discovery_requests().await);
    let rows = assert_reaches_each_once(&sent, checks, |e| {
        matches!(e.section, Section::Ordering | Section::Discovery)
    });
    assert_eq!(rows.len(), 16);
    assert!(
        endpoint::ALL
            .iter()
            .filter(|e| rows.contains(e.name))
            .all(|e| (17..=32).contains(&e.row))
    );
}

// Paused: a retrying policy must never wait for real.
#[tokio::test(start_paused = true)]
async fn a_create_reset_after_it_was_written_is_outcome_unknown_and_names_the_order() {
    // A retrying client: the reset must still not be sent again.
    let replay = ReplayTransport::new([ReplayEvent::error(TransportError::new(
        TransportErrorKind::Io,
    ))]);
    let client = client(&replay, RetryPolicy::default());
    let new: NewOrder = body!("ordering/create_order_request.json");

    let error = checked(client.orders().create(&new))
        .await
        .expect_err("reset");

    assert_eq!(replay.request_count(), 1, "never sent twice");
    assert!(error.is_outcome_unknown(), "{error}");
    assert_eq!(error.purchase_order_id(), Some("po-tH7poMMX"));
    assert_eq!(
        error.to_string(),
        "POST /orders/create/: request failed (outcome unknown: the server may have processed \
         it; look for the order with purchase_order_id \"po-tH7poMMX\" before creating it again)",
    );
}

// Paused: a retrying policy must never wait for real.
#[tokio::test(start_paused = true)]
async fn a_create_refused_by_the_server_names_no_order() {
    let replay = ReplayTransport::new([ReplayEvent::json(
        422,
        r#"{"detail": "line 1: not enough stock"}"#,
    )]);
    let new: NewOrder = body!("ordering/create_order_request.json");
    let error = checked(
        client(&replay, RetryPolicy::default())
            .orders()
            .create(&new),
    )
    .await
    .expect_err("422");
    assert!(
        error.is_unprocessable() && !error.is_outcome_unknown(),
        "{error}"
    );
    assert_eq!(error.purchase_order_id(), None);
}

/// A one-page order search answer: the sample's order under `po`, and a
/// second order whose SKU id happens to be `po`.
fn orders_answering(po: &str) -> String {
    let sample: Value = serde_json::from_str(fixture!("ordering/get_orders.json")).expect("json");
    let mut exact = sample["orders"][0].clone();
    exact["purchase_order_id"] = json!(po);
    let mut by_sku = exact.clone();
    by_sku["uuid"] = json!("310f7b60-8c80-42d8-a3aa-780363f969c8");
    by_sku["purchase_order_id"] = json!("po-other");
    by_sku["line_items"][0]["sku_id"] = json!(po);
    json!({"total_results": 2, "orders": [exact, by_sku]}).to_string()
}

#[tokio::test]
async fn find_by_purchase_order_id_searches_by_term_and_keeps_exact_matches() {
    let replay = ReplayTransport::new([ReplayEvent::json(200, orders_answering("po-tH7poMMX"))]);
    let found = checked(
        client(&replay, RetryPolicy::disabled())
            .orders()
            .find_by_purchase_order_id("po-tH7poMMX"),
    )
    .await
    .expect("found");

    assert_eq!(found.len(), 1);
    assert_eq!(found[0].purchase_order_id.as_deref(), Some("po-tH7poMMX"));
    let sent = replay.requests();
    assert_eq!(sent.len(), 1, "the total is reached: no second page");
    let body: Value = serde_json::from_slice(sent[0].body()).expect("json");
    assert_eq!(
        body,
        json!({"start": 0, "limit": 100, "term": "po-tH7poMMX"})
    );
}

#[tokio::test]
async fn find_by_purchase_order_id_finds_nothing_in_an_empty_search() {
    let replay = ReplayTransport::new([ReplayEvent::json(
        200,
        r#"{"total_results": 0, "orders": []}"#,
    )]);
    let found = checked(
        client(&replay, RetryPolicy::disabled())
            .orders()
            .find_by_purchase_order_id("po-none"),
    )
    .await
    .expect("searched");
    assert!(found.is_empty());
}
