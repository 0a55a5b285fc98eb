//! Ordering and discovery models: what the fixtures do not show (edge
//! values, other spellings, request bodies built in code).

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use crux_types::{
    AllocationOutcome, AllocationResult, ConnectionRequestCreated, Designations, Fees,
    IntegrationType, LineItemDesignation, LineItemStatus, NewConnectionRequest, NewIntegration,
    Order, OrderPage, OrderQuery, SortDirection, Timestamp,
};
use serde_json::json;

#[test]
fn query_dates_are_written_with_exactly_three_fraction_digits_in_utc() {
    let at = |text: &str| Some(text.parse::<Timestamp>().expect("a timestamp"));
    let query = OrderQuery {
        // Microseconds are cut, not rounded; an offset becomes UTC.
        start_date: at("2017-07-31T06:00:00.999999Z"),
        end_date: at("2018-08-03 08:30:15+02:00"),
        ..OrderQuery::default()
    };
    assert_eq!(
        serde_json::to_value(&query).expect("encodes"),
        json!({
            "start_date": "2017-07-31T06:00:00.999Z",
            "end_date": "2018-08-03T06:30:15.000Z",
        }),
    );
    assert_eq!(
        serde_json::to_string(&OrderQuery::default()).expect("encodes"),
        "{}"
    );
}

#[test]
fn the_query_reads_the_samples_spellings_and_writes_the_documented_ones() {
    let query: OrderQuery = serde_json::from_value(json!({
        "search_term": "po-1",
        "sort": {"key": "status", "value": "des"},
        "line_item_designation": ["NeedsTracking", "Shipped"],
    }))
    .expect("decodes");
    assert_eq!(query.term.as_deref(), Some("po-1"));
    assert_eq!(
        query.sort.as_ref().map(|s| &s.dir),
        Some(&SortDirection::Desc)
    );
    assert_eq!(
        query.line_item_designation,
        Some(Designations::Many(vec![
            LineItemDesignation::NeedsTracking,
            LineItemDesignation::Unknown("Shipped".into()),
        ])),
    );
    assert_eq!(
        serde_json::to_value(&query).expect("encodes"),
        json!({
            "term": "po-1",
            "sort": {"key": "status", "dir": "desc"},
            "line_item_designation": ["NeedsTracking", "Shipped"],
        }),
    );
}

#[test]
fn an_order_keeps_unknown_statuses_and_ignores_unknown_fields() {
    let mut order = common::value("ordering/get_order_detail.json");
    order["line_items"][0]["status"] = json!("Shipped");
    order["line_items"][0]["warehouse"] = json!({"code": "W1"});
    order["fees"] = json!({"per_order_fee": "1.50", "drop_ship_fee": "2"});
    order["address"]["country"] = json!("US");
    order["line_items"][0]["tracking_numbers"] = json!([{
        "tracking_number": "1Z", "shipping_weight": "2.5", "shipping_cost": 7.1, "quantity": "3"
    }]);
    let order: Order = serde_json::from_value(order).expect("decodes");
    let line = &order.line_items[0];
    assert_eq!(line.status, LineItemStatus::Unknown("Shipped".into()));
    assert_eq!(line.tracking_numbers[0].quantity, Some(3));
    assert_eq!(line.tracking_numbers[0].shipping_weight, "2.5".parse().ok());
    assert_eq!(
        order.fees,
        Some(Fees {
            order_fee: "1.50".parse().expect("a decimal"),
            drop_ship_fee: 2.into(),
            estimated_shipping_cost: 0.into(),
        }),
    );
    assert_eq!(order.address.and_then(|a| a.country).as_deref(), Some("US"));
    let written = serde_json::to_value(line).expect("encodes");
    assert_eq!(written["status"], "Shipped");
    assert!(written.get("warehouse").is_none());
}

#[test]
fn special_instructions_are_read_from_both_names_and_written_as_the_line_item_one() {
    let mut order = common::value("ordering/get_order_detail.json");
    order["line_items"][0]["sku_special_instructions"] = json!("fragile");
    let order: Order = serde_json::from_value(order).expect("decodes");
    let line = serde_json::to_value(&order.line_items[0]).expect("encodes");
    assert_eq!(line["line_item_special_instructions"], "fragile");
    assert!(line.get("sku_special_instructions").is_none());
}

#[test]
fn a_page_without_a_total_has_none() {
    let page: OrderPage = serde_json::from_value(json!({"orders": null})).expect("decodes");
    assert_eq!(page.total_results, None);
    assert!(page.orders.is_empty());
}

#[test]
fn allocation_results_flatten_in_order_and_keep_unknown_statuses() {
    let result: AllocationResult = serde_json::from_value(json!([
        {"d3842ec4-d1f8-4cf1-860b-b9eeb8a35680": "Item Not Found"},
        {"9af950c1-5dac-4da4-a86c-f1a0f3bdff40": "Partly"},
    ]))
    .expect("decodes");
    let statuses: Vec<_> = result.lines().map(|(_, status)| status.clone()).collect();
    assert_eq!(
        statuses,
        [
            AllocationOutcome::ItemNotFound,
            AllocationOutcome::Unknown("Partly".into())
        ],
    );
}

#[test]
fn integration_types_read_plurals_and_write_the_documented_singular() {
    for (sent, read) in [
        ("items", IntegrationType::Item),
        ("orders", IntegrationType::Order),
        ("tracking", IntegrationType::Tracking),
        ("feeds", IntegrationType::Unknown("feeds".into())),
    ] {
        assert_eq!(
            serde_json::from_value::<IntegrationType>(json!(sent)).ok(),
            Some(read)
        );
    }
    let mut new = NewConnectionRequest::new("Supply Me", "Pat");
    new.integrations
        .push(NewIntegration::new(IntegrationType::Item));
    assert_eq!(
        serde_json::to_value(&new).expect("encodes"),
        json!({
            "organization_name": "Supply Me",
            "primary_contact_name": "Pat",
            "integrations": [{"type": "item"}],
        }),
    );
}

#[test]
fn the_connection_request_bodies_read_the_pages_names() {
    let new: NewConnectionRequest = serde_json::from_value(json!({
        "organization_name": "S",
        "primary_contact_name": "P",
        "organization_account_number": "A1",
        "requested_integrations": [{"type": "order"}],
    }))
    .expect("decodes");
    assert_eq!(new.retailer_account_number.as_deref(), Some("A1"));
    assert_eq!(new.integrations[0].integration_type, IntegrationType::Order);
    let created: ConnectionRequestCreated = serde_json::from_value(json!({
        "uuid": "b60dc695-cd0f-4538-9211-ea9c4933e0e4"
    }))
    .expect("the page's `uuid`");
    assert_eq!(
        created.request_uuid.to_string(),
        "b60dc695-cd0f-4538-9211-ea9c4933e0e4"
    );
}
