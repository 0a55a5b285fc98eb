//! The guard through the router, with endpoints for one organization type
//! served by a test handler instead of their own.

use std::future::poll_fn;
use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use crux_types::endpoint as e;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower_service::Service;

use super::Routes;
use crate::demo::DemoUser;
use crate::domain::Actor;
use crate::shared::Shared;

/// What the test handler answers: the actor's user id.
async fn whoami(actor: Actor) -> Json<String> {
    Json(actor.user.to_string())
}

/// `GET` or `PUT` `path` as `username`: (status, body text).
async fn call(method: &str, path: &str, username: &str) -> (StatusCode, String) {
    let shared = Arc::new(Shared::new(1024).expect("demo data"));
    let mut router = Routes::new(shared)
        .add(&e::INVENTORY_LISTS_LIST, whoami)
        .add(&e::ORDERS_ALLOCATE, whoami)
        .finish();
    let token = DemoUser::find(username).expect("demo user").token;
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Token {token}"))
        .body(Body::empty())
        .expect("request");
    poll_fn(|cx| Service::<Request<Body>>::poll_ready(&mut router, cx))
        .await
        .expect("ready");
    let response = router.call(request).await.expect("infallible");
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn the_other_organization_type_gets_409_naming_endpoint_and_type() {
    let (status, body) = call(
        "GET",
        "/products/inventory-lists/",
        "admin@supply.demo.example",
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        body,
        r#"{"detail":"`inventory_lists.list` (GET /products/inventory-lists/) is for retailer organizations only; the caller's organization is a supplier."}"#
    );
    let (status, body) = call(
        "PUT",
        "/orders/allocation/d0000010-0000-4000-8000-000000000001/",
        "viewer@retail.demo.example",
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("`orders.allocate`") && body.contains("for supplier organizations"));
}

#[tokio::test]
async fn the_right_type_then_needs_the_permission() {
    let buyer = "buyer@retail.demo.example";
    let (status, body) = call("GET", "/products/inventory-lists/", buyer).await;
    assert_eq!(status, StatusCode::OK);
    let id = DemoUser::find(buyer).expect("buyer").user_uuid;
    assert_eq!(body, format!("\"{id}\""));
    // The viewer is a retailer without `view_inventory_lists`.
    let (status, body) = call(
        "GET",
        "/products/inventory-lists/",
        "viewer@retail.demo.example",
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("(needs `view_inventory_lists`)"), "{body}");
    let path = "/orders/allocation/d0000010-0000-4000-8000-000000000001/";
    let (status, _) = call("PUT", path, "warehouse@supply.demo.example").await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = call("PUT", path, "finance@supply.demo.example").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("(needs `allocate_order`)"), "{body}");
}
