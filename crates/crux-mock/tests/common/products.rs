//! Helpers for the product tests: JSON calls and the demo product users.

use crux_mock::{DemoUser, MockServer};
use http::{Method, StatusCode};
use serde_json::Value;

use super::{call, demo};

/// The second supplier's admin (not connected to the retailer).
pub fn faraway_admin() -> &'static DemoUser {
    demo("admin@faraway.demo.example")
}

/// `method path` as `user` with a JSON body (or none); the reply's JSON
/// after checking `status`.
pub async fn json_call(
    server: &MockServer,
    method: Method,
    path: &str,
    user: &DemoUser,
    body: Option<Value>,
    status: StatusCode,
) -> Value {
    let reply = call(server, method, path, user, body.map(|b| b.to_string())).await;
    assert_eq!(reply.status, status, "{path}: {:?}", reply.body);
    reply.json()
}

/// `GET path` as `user`, 200.
pub async fn ok_get(server: &MockServer, path: &str, user: &DemoUser) -> Value {
    json_call(server, Method::GET, path, user, None, StatusCode::OK).await
}

/// `POST path` as `user` with `body`, 200.
pub async fn ok_post(server: &MockServer, path: &str, user: &DemoUser, body: Value) -> Value {
    json_call(server, Method::POST, path, user, Some(body), StatusCode::OK).await
}

/// One search page as `user`.
pub async fn search(server: &MockServer, user: &DemoUser, body: Value) -> Value {
    ok_post(server, "/products/items/search/", user, body).await
}

/// The `uuid`s of a JSON list of objects.
pub fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|o| o["uuid"].as_str().expect("uuid").to_owned())
        .collect()
}
