//! The mock refuses before it reads: the route (404, 405), the token
//! (401), the organization type and permissions (409, 403), then a declared
//! `Content-Length` over the limit (413) are all answered without reading a
//! byte of the body; only an authorized request on a route that takes a
//! body reads it, and stops at the limit (413).
//!
//! Over raw loopback sockets: each request sends only its head, declaring
//! a body it never sends; an answer that arrives at all shows the server
//! did not wait for the body. The tests run on tokio's paused clock, so a
//! server that waited for the body would make [`exchange`] time out at
//! once (no real wait).

mod common;

use std::time::Duration;

use common::{LOGIN, USERS, buyer, retailer_admin, split_raw};
use crux_mock::MockServer;
use http::Method;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The body limit of these servers.
const LIMIT: usize = 1000;
/// A declared length far over it.
const HUGE: usize = 10_000_000;
/// A body route for both organization types (`view_billing_statement`).
const EXPORT: &str = "/accounting/transactions/export/";
/// A supplier-only body route.
const ITEMS_CREATE: &str = "/products/items/";

async fn server() -> MockServer {
    MockServer::builder()
        .max_body_bytes(LIMIT)
        .start()
        .await
        .expect("starts")
}

/// A request head: `method path`, the given headers, `Host`, end of head.
fn head(method: &Method, path: &str, headers: &[(&str, String)]) -> Vec<u8> {
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: mock\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.into_bytes()
}

fn token(user: &crux_mock::DemoUser) -> (&'static str, String) {
    ("Authorization", format!("Token {}", user.token))
}

fn length(n: usize) -> (&'static str, String) {
    ("Content-Length", n.to_string())
}

fn json_type() -> (&'static str, String) {
    ("Content-Type", "application/json".to_owned())
}

/// Writes `bytes` (the write side stays open: the declared body may
/// never come) and reads the answer until the server closes the
/// connection; fails if none comes (paused clock: at once when the server
/// waits for input instead). Returns the status and the JSON body.
async fn exchange(server: &MockServer, bytes: &[u8]) -> (u16, Value) {
    let mut stream = TcpStream::connect(server.local_addr())
        .await
        .expect("connects");
    stream.write_all(bytes).await.expect("head sent");
    let mut response = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut response))
        .await
        .expect("answered without waiting for the body")
        .expect("read");
    let (head, body) = split_raw(&response);
    let status = head
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an answer: {head:?}"));
    let json = serde_json::from_slice(body).unwrap_or_else(|err| {
        panic!(
            "{status}: body not JSON ({err}): {:?}",
            String::from_utf8_lossy(body)
        )
    });
    (status, json)
}

/// Sends only the head of a request declaring a `HUGE` JSON body.
async fn huge(
    server: &MockServer,
    method: Method,
    path: &str,
    auth: Option<(&str, String)>,
) -> u16 {
    let mut headers = vec![length(HUGE), json_type()];
    headers.extend(auth);
    exchange(server, &head(&method, path, &headers)).await.0
}

#[tokio::test(start_paused = true)]
async fn unknown_routes_are_404_and_405_before_the_token_and_the_body() {
    let server = server().await;
    assert_eq!(huge(&server, Method::POST, "/nope/", None).await, 404);
    assert_eq!(huge(&server, Method::PUT, USERS, None).await, 405);
    assert_eq!(server.panics(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_bad_token_is_401_before_the_body() {
    let server = server().await;
    assert_eq!(huge(&server, Method::POST, EXPORT, None).await, 401);
    let bad = Some(("Authorization", "Token nope".to_owned()));
    assert_eq!(huge(&server, Method::POST, EXPORT, bad).await, 401);
    assert_eq!(server.panics(), 0);
}

#[tokio::test(start_paused = true)]
async fn organization_type_and_permissions_are_409_and_403_before_the_body() {
    let server = server().await;
    // A retailer on a supplier route.
    let admin = Some(token(retailer_admin()));
    assert_eq!(huge(&server, Method::POST, ITEMS_CREATE, admin).await, 409);
    // The buyer lacks `view_billing_statement`.
    let buyer = Some(token(buyer()));
    assert_eq!(huge(&server, Method::POST, EXPORT, buyer).await, 403);
    assert_eq!(server.panics(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_declared_length_over_the_limit_is_413_before_the_body() {
    let server = server().await;
    let admin = || Some(token(retailer_admin()));
    let (status, json) = exchange(
        &server,
        &head(
            &Method::POST,
            EXPORT,
            &[token(retailer_admin()), length(LIMIT + 1), json_type()],
        ),
    )
    .await;
    assert_eq!(status, 413);
    assert_eq!(
        json["detail"],
        format!("Request body too large: the limit is {LIMIT} bytes.")
    );
    assert_eq!(huge(&server, Method::POST, EXPORT, admin()).await, 413);
    // Login takes no token: the length is the first check.
    assert_eq!(huge(&server, Method::POST, LOGIN, None).await, 413);
    // Before the content type (415), which comes with the body.
    let headers = [
        token(retailer_admin()),
        length(HUGE),
        ("Content-Type", "text/plain".to_owned()),
    ];
    assert_eq!(
        exchange(&server, &head(&Method::POST, EXPORT, &headers))
            .await
            .0,
        413
    );
    assert_eq!(server.panics(), 0);
}

#[tokio::test(start_paused = true)]
async fn expect_continue_is_refused_without_asking_for_the_body() {
    let server = server().await;
    let headers = [
        length(HUGE),
        json_type(),
        ("Expect", "100-continue".to_owned()),
    ];
    let mut stream = TcpStream::connect(server.local_addr())
        .await
        .expect("connects");
    stream
        .write_all(&head(&Method::POST, EXPORT, &headers))
        .await
        .expect("head sent");
    let mut response = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut response))
        .await
        .expect("answered")
        .expect("read");
    // The final answer at once, no `100 Continue` first.
    assert!(
        response.starts_with(b"HTTP/1.1 401 "),
        "{:?}",
        String::from_utf8_lossy(&response)
    );
}

#[tokio::test(start_paused = true)]
async fn a_route_without_a_body_never_reads_one() {
    let server = server().await;
    // Under the limit, never sent: the users list answers without it.
    let headers = [token(retailer_admin()), length(LIMIT)];
    let (status, json) = exchange(&server, &head(&Method::GET, USERS, &headers)).await;
    assert_eq!(status, 200);
    assert!(json.is_array(), "{json}");
}

#[tokio::test(start_paused = true)]
async fn an_authorized_request_with_a_valid_body_is_read_and_served() {
    let server = server().await;
    let body = b"{}";
    let mut request = head(
        &Method::POST,
        EXPORT,
        &[
            token(retailer_admin()),
            length(body.len()),
            json_type(),
            ("Connection", "close".to_owned()),
        ],
    );
    request.extend_from_slice(body);
    let (status, json) = exchange(&server, &request).await;
    assert_eq!(status, 200);
    assert!(json["uuid"].is_string(), "{json}");
    assert_eq!(server.exports().len(), 1);

    // Without the body, the same request waits for it: nothing is answered
    // before the last byte (the paused clock runs out instead).
    let mut stream = TcpStream::connect(server.local_addr())
        .await
        .expect("connects");
    let head_only = head(
        &Method::POST,
        EXPORT,
        &[token(retailer_admin()), length(body.len()), json_type()],
    );
    stream.write_all(&head_only).await.expect("head sent");
    let mut byte = [0_u8; 1];
    let waited = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut byte)).await;
    assert!(waited.is_err(), "answered before the body: {waited:?}");
    stream.write_all(body).await.expect("body sent");
    let mut answer = [0_u8; 12];
    stream.read_exact(&mut answer).await.expect("answered");
    assert_eq!(&answer, b"HTTP/1.1 200");
    assert_eq!(server.exports().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_chunked_body_is_413_as_soon_as_it_passes_the_limit() {
    let server = server().await;
    let mut request = head(
        &Method::POST,
        EXPORT,
        &[
            token(retailer_admin()),
            json_type(),
            ("Transfer-Encoding", "chunked".to_owned()),
        ],
    );
    // Two chunks of 600 bytes, and no last chunk: the body never ends.
    for _ in 0..2 {
        request.extend_from_slice(format!("{:x}\r\n", 600).as_bytes());
        request.extend(std::iter::repeat_n(b' ', 600));
        request.extend_from_slice(b"\r\n");
    }
    let (status, json) = exchange(&server, &request).await;
    assert_eq!(status, 413);
    assert!(json["detail"].is_string());
    assert!(server.exports().is_empty());
    assert_eq!(server.panics(), 0);
}
