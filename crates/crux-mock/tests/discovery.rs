//! Discovery, connections and connection requests through HTTP.

mod common;

use common::products::{faraway_admin, json_call, ok_get};
use common::{buyer, retailer_admin, supply_admin};
use http::{Method, StatusCode};
use serde_json::{Value, json};

async fn suppliers(server: &crux_mock::MockServer, body: Value) -> Value {
    json_call(
        server,
        Method::POST,
        "/discovery/suppliers/",
        buyer(),
        Some(body),
        StatusCode::OK,
    )
    .await
}

fn names(page: &Value) -> Vec<&str> {
    page["suppliers"]
        .as_array()
        .expect("suppliers")
        .iter()
        .map(|s| s["name"].as_str().unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn discovery_lists_unconnected_suppliers_filtered_sorted_and_paged() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let all = suppliers(&server, json!({})).await;
    assert_eq!(
        all["pagination"],
        json!({"start": 0, "limit": 50, "total_count": 11})
    );
    assert_eq!(
        names(&all)[..4],
        [
            "3D Print Depot",
            "7 Seas Trading",
            "99 Cent Bulk",
            "Acme Outdoor Supply"
        ]
    );
    assert!(
        !names(&all).contains(&"Demo Supply Co."),
        "connected: not listed"
    );
    assert!(names(&all).contains(&"Faraway Goods Ltd."));
    let digits = suppliers(&server, json!({"initial_character": "#"})).await;
    assert_eq!(
        names(&digits),
        ["3D Print Depot", "7 Seas Trading", "99 Cent Bulk"]
    );
    let a = suppliers(&server, json!({"initial_character": "Apple"})).await;
    assert_eq!(names(&a), ["Acme Outdoor Supply", "acorn Toys"]);
    let recent = suppliers(
        &server,
        json!({"recent": 30, "sort": {"key": "date", "dir": "desc"}}),
    )
    .await;
    assert_eq!(
        names(&recent),
        [
            "99 Cent Bulk",
            "Northwind Wholesale",
            "Bright Home Goods",
            "Zephyr Apparel"
        ]
    );
    let most = suppliers(
        &server,
        json!({"sort": {"key": "number_of_skus", "dir": "desc"}}),
    )
    .await;
    assert_eq!(names(&most)[..2], ["99 Cent Bulk", "7 Seas Trading"]);
    let page = suppliers(&server, json!({"pagination": {"start": 10, "limit": 5}})).await;
    assert_eq!(names(&page), ["Zephyr Apparel"]);
    assert_eq!(
        page["pagination"],
        json!({"start": 10, "limit": 5, "total_count": 11})
    );
    let top = suppliers(&server, json!({"start": 2, "limit": 1000})).await;
    assert_eq!(
        top["pagination"],
        json!({"start": 2, "limit": 100, "total_count": 11})
    );
    let first = &all["suppliers"][0];
    assert_eq!(first["uuid"], "d0000002-0000-4000-8000-000000000015");
    assert_eq!(first["shipping_origin_country_name"], "Germany");
    for body in [
        json!({"initial_character": "?"}),
        json!({"sort": {"key": "size"}}),
        json!({"recent": -1}),
    ] {
        json_call(
            &server,
            Method::POST,
            "/discovery/suppliers/",
            buyer(),
            Some(body),
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
}

#[tokio::test]
async fn connections_are_listed_on_both_sides() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let mine = ok_get(&server, "/organizations/connections/", retailer_admin()).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(1));
    assert_eq!(mine[0]["uuid"], "d0000020-0000-4000-8000-000000000001");
    assert_eq!(
        mine[0]["supplier"]["organization"]["name"],
        "Demo Supply Co."
    );
    assert_eq!(
        mine[0]["retailer"]["uuid"],
        "d0000002-0000-4000-8000-000000000001"
    );
    assert_eq!(
        ok_get(&server, "/organizations/connections/", supply_admin()).await,
        mine
    );
    assert_eq!(
        ok_get(&server, "/organizations/connections/", faraway_admin()).await,
        json!([])
    );
}

#[tokio::test]
async fn a_connection_request_is_created_listed_read_and_updated() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let path = "/organizations/connections/request/";
    let body = json!({
        "organization_name": "Faraway Goods Ltd.",
        "primary_contact_name": "Rita Admin",
        "primary_contact_email": "admin@retail.demo.example",
        "organization_account_number": "R-42",
        "integrations": [{"type": "items", "update_frequency": "0 * * * *", "file_locations": "https://x.example/f.csv"}],
    });
    let created = json_call(
        &server,
        Method::POST,
        path,
        buyer(),
        Some(body),
        StatusCode::CREATED,
    )
    .await;
    let id = created["request_uuid"]
        .as_str()
        .expect("request_uuid")
        .to_owned();
    assert_eq!(id, "d0000029-0000-4000-8000-000000000001");
    assert_eq!(created["request_date"], "2024-07-01T00:00:00Z");
    let second =
        json!({"organization_name": "7 Seas Trading", "primary_contact_name": "Rita Admin"});
    json_call(
        &server,
        Method::POST,
        path,
        buyer(),
        Some(second),
        StatusCode::CREATED,
    )
    .await;
    let missing = json!({"organization_name": "x"});
    json_call(
        &server,
        Method::POST,
        path,
        buyer(),
        Some(missing),
        StatusCode::BAD_REQUEST,
    )
    .await;
    // The list reads start and limit from the query string.
    let list = ok_get(
        &server,
        &format!("{path}?start=1&limit=1"),
        retailer_admin(),
    )
    .await;
    assert_eq!(
        list["pagination"],
        json!({"start": 1, "limit": 1, "total_count": 2})
    );
    assert_eq!(list["requests"][0]["org_name"], "7 Seas Trading");
    json_call(
        &server,
        Method::GET,
        &format!("{path}?limit=x"),
        buyer(),
        None,
        StatusCode::BAD_REQUEST,
    )
    .await;
    // Read, update (204), read again.
    let detail = format!("{path}{id}/");
    let request = ok_get(&server, &detail, buyer()).await;
    assert_eq!(request["org_contact_full_name"], "Rita Admin");
    assert_eq!(request["retailer_account_number"], "R-42");
    assert_eq!(request["is_approved"], false);
    assert_eq!(request["integrations"][0]["integration_type"], "items");
    assert_eq!(
        request["integrations"][0]["feed_source_file_locations"],
        "https://x.example/f.csv"
    );
    let update = json!({"retailer_account_number": "R-43", "integrations": []});
    let reply = common::call(
        &server,
        Method::PATCH,
        &detail,
        buyer(),
        Some(update.to_string()),
    )
    .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    let request = ok_get(&server, &detail, buyer()).await;
    assert_eq!(request["retailer_account_number"], "R-43");
    assert_eq!(request["integrations"], json!([]));
    assert_eq!(request["org_name"], "Faraway Goods Ltd.");
    // Unknown and malformed ids are 404s.
    for id in ["d0000029-0000-4000-8000-000000000099", "nope"] {
        json_call(
            &server,
            Method::GET,
            &format!("{path}{id}/"),
            buyer(),
            None,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
}
