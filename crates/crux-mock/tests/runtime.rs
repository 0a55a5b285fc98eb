//! What the mock creates at run time: ids and times from the server's own
//! sequence and clock (the same on every run), and faults aimed at paths
//! whose ids are not known in advance.

mod common;

use common::{get, get_as, post_json, retailer_admin, send_json, supply_admin};
use crux_mock::{ExportRecord, Fault, MockServer};
use crux_types::endpoint;
use http::{Method, StatusCode};
use serde_json::json;

const EXPORT: &str = "/accounting/transactions/export/";

/// Two exports on a fresh server, as the retail admin then the supply admin.
async fn two_exports() -> (Vec<String>, Vec<ExportRecord>) {
    let server = MockServer::start().await.expect("starts");
    let mut ids = Vec::new();
    for user in [retailer_admin(), supply_admin()] {
        let reply = send_json(&server, Method::POST, EXPORT, user, &json!({})).await;
        let body: crux_types::ExportRef = reply.decode();
        ids.push(body.uuid.to_string());
    }
    (ids, server.exports())
}

#[tokio::test]
async fn run_time_ids_and_times_are_the_same_on_every_server() {
    let (ids, exports) = two_exports().await;
    assert_eq!(
        ids,
        [
            "d0000009-0000-4000-8000-000000000001",
            "d0000009-0000-4000-8000-000000000002"
        ]
    );
    let shown: Vec<_> = exports
        .iter()
        .map(|e| {
            (
                e.id.to_string(),
                e.endpoint,
                e.requested_by.to_string(),
                e.created_at.to_string(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                ids[0].clone(),
                "transactions.export",
                retailer_admin().user_uuid.to_owned(),
                "2024-07-01T00:00:00Z".to_owned()
            ),
            (
                ids[1].clone(),
                "transactions.export",
                supply_admin().user_uuid.to_owned(),
                "2024-07-01T00:00:01Z".to_owned()
            ),
        ]
    );
    assert_eq!(
        exports[0].organization.to_string(),
        "d0000001-0000-4000-8000-000000000001"
    );
    // A second server starts over.
    assert_eq!(two_exports().await, (ids, exports));
}

#[tokio::test]
async fn a_refused_export_creates_nothing() {
    let server = MockServer::start().await.expect("starts");
    let reply = post_json(&server, EXPORT, "{}").await; // no token
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let reply = send_json(&server, Method::POST, EXPORT, retailer_admin(), &json!([])).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(server.exports().is_empty());
}

#[tokio::test]
async fn a_star_fault_hits_every_id_of_a_path_and_nothing_else() {
    let server = MockServer::start().await.expect("starts");
    let admin = retailer_admin();
    server.inject(
        Fault::status(503)
            .times(2)
            .on(Method::GET, "/accounting/transactions/*/"),
    );
    // The list and the export share the prefix, not the pattern.
    let list = get_as(&server, "/accounting/transactions/", admin).await;
    assert_eq!(list.status, StatusCode::OK);
    for id in ["100000001", "100000004"] {
        let reply = get_as(&server, &format!("/accounting/transactions/{id}/"), admin).await;
        reply.assert_detail(StatusCode::SERVICE_UNAVAILABLE);
    }
    let reply = get_as(&server, "/accounting/transactions/100000001/", admin).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(server.pending_faults(), 0);
}

#[tokio::test]
async fn star_and_endpoint_faults_from_the_text_form_and_the_catalogue() {
    let server = MockServer::start().await.expect("starts");
    let admin = retailer_admin();
    server.inject(
        "status=429,on=GET:/organizations/users/detail/*/"
            .parse()
            .expect("a fault"),
    );
    server.inject(Fault::status(502).on_endpoint(&endpoint::USERS_PERMISSIONS));
    let detail = format!("/organizations/users/detail/{}/", admin.user_uuid);
    let permissions = format!("/organizations/users/permissions/{}/", admin.user_uuid);
    // Faults come before authentication: no token needed to see them.
    assert_eq!(
        get(&server, &detail, None).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        get(&server, &permissions, None).await.status,
        StatusCode::BAD_GATEWAY
    );
    assert_eq!(get_as(&server, &detail, admin).await.status, StatusCode::OK);
    assert_eq!(
        get_as(&server, &permissions, admin).await.status,
        StatusCode::OK
    );
}
