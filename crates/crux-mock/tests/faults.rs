//! Every fault kind, observed from the client side.

mod common;

use std::time::Duration;

use common::{LOGIN, USERS, get, post_json, raw, retailer_admin, send, split_raw};
use crux_mock::{Fault, MockServer};
use http::{Method, StatusCode, header};

async fn server() -> MockServer {
    MockServer::start().await.expect("starts")
}

fn token() -> Option<&'static str> {
    Some(retailer_admin().token)
}

/// The raw bytes of a users list request with the admin token.
fn raw_users_request() -> Vec<u8> {
    format!(
        "GET {USERS} HTTP/1.1\r\nHost: mock\r\nAuthorization: Token {}\r\nConnection: close\r\n\r\n",
        retailer_admin().token
    )
    .into_bytes()
}

#[tokio::test]
async fn status_with_retry_after_then_normal() {
    let server = server().await;
    server.inject(Fault::status(503).retry_after("1"));
    assert_eq!(server.pending_faults(), 1);

    let reply = get(&server, USERS, token()).await;
    let detail = reply.assert_detail(StatusCode::SERVICE_UNAVAILABLE);
    assert!(!detail.is_empty());
    assert_eq!(reply.header(header::RETRY_AFTER), Some("1"));
    assert_eq!(server.pending_faults(), 0);

    let reply = get(&server, USERS, token()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header(header::RETRY_AFTER), None);
}

#[tokio::test]
async fn status_fault_replaces_authentication() {
    let server = server().await;
    server.inject(Fault::status(429).retry_after("Wed, 21 Oct 2015 07:28:00 GMT"));
    // No token at all: the fault answers before authentication.
    let reply = get(&server, USERS, None).await;
    assert_eq!(
        reply.assert_detail(StatusCode::TOO_MANY_REQUESTS),
        "Request was throttled."
    );
    assert_eq!(
        reply.header(header::RETRY_AFTER),
        Some("Wed, 21 Oct 2015 07:28:00 GMT")
    );
}

#[tokio::test]
async fn times_n_then_normal() {
    let server = server().await;
    server.inject(Fault::status(500).times(2));
    for _ in 0..2 {
        get(&server, USERS, token())
            .await
            .assert_detail(StatusCode::INTERNAL_SERVER_ERROR);
    }
    assert_eq!(get(&server, USERS, token()).await.status, StatusCode::OK);
}

#[tokio::test]
async fn faults_apply_in_injection_order_one_per_request() {
    let server = server().await;
    server.inject(Fault::status(502));
    server.inject(Fault::status(504));
    assert_eq!(
        get(&server, USERS, token()).await.status,
        StatusCode::BAD_GATEWAY
    );
    assert_eq!(
        get(&server, USERS, token()).await.status,
        StatusCode::GATEWAY_TIMEOUT
    );
    assert_eq!(get(&server, USERS, token()).await.status, StatusCode::OK);
}

#[tokio::test]
async fn on_matches_only_its_route() {
    let server = server().await;
    server.inject(Fault::status(503).on(Method::POST, LOGIN));
    // Other routes, and the same path with another method, are not affected.
    assert_eq!(get(&server, USERS, token()).await.status, StatusCode::OK);
    let reply = get(&server, LOGIN, None).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(server.pending_faults(), 1);

    let reply = post_json(&server, LOGIN, "{}").await;
    reply.assert_detail(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(server.pending_faults(), 0);
}

#[tokio::test]
async fn injected_from_the_text_form() {
    let server = server().await;
    let fault: Fault = "status=418,times=2,on=GET:/organizations/users/all/"
        .parse()
        .expect("valid fault");
    server.inject(fault);
    for _ in 0..2 {
        assert_eq!(
            get(&server, USERS, token()).await.status,
            StatusCode::IM_A_TEAPOT
        );
    }
    assert_eq!(get(&server, USERS, token()).await.status, StatusCode::OK);
}

#[tokio::test]
async fn clear_faults_drops_the_queue() {
    let server = server().await;
    server.inject(Fault::status(500).times(10));
    server.clear_faults();
    assert_eq!(server.pending_faults(), 0);
    assert_eq!(get(&server, USERS, token()).await.status, StatusCode::OK);
}

#[tokio::test(start_paused = true)]
async fn stall_waits_then_answers_normally_paused_clock() {
    let server = server().await;
    server.inject(Fault::stall(Duration::from_secs(3600)).retry_after("5"));
    let started = tokio::time::Instant::now();
    let reply = get(&server, USERS, token()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header(header::RETRY_AFTER), Some("5"));
    // The paused clock jumped over the stall.
    assert!(started.elapsed() >= Duration::from_secs(3600));
}

/// On the real clock (the one stall a test really waits, 50 ms): the
/// fault was used, the answer came no sooner than the stall, and it is the
/// normal one.
#[tokio::test]
async fn short_real_stall_answers_normally() {
    let server = server().await;
    let stall = Duration::from_millis(50);
    server.inject(Fault::stall(stall));
    let started = std::time::Instant::now();
    let reply = get(&server, USERS, token()).await;
    let elapsed = started.elapsed();
    assert_eq!(server.faults_applied(), 1);
    assert_eq!(server.pending_faults(), 0);
    assert!(elapsed >= stall, "answered after {elapsed:?}");
    assert_eq!(reply.status, StatusCode::OK);
    let _: Vec<crux_types::User> = serde_json::from_slice(reply.bytes()).expect("decodes");
}

#[tokio::test]
async fn close_before_headers_is_a_connection_error() {
    let server = server().await;
    server.inject(Fault::close_before_headers());
    let err = send(&server, Method::GET, USERS, &[], "")
        .await
        .expect_err("no response");
    assert!(err.is_incomplete_message(), "{err:?}");
    assert_eq!(server.request_count(&Method::GET, USERS), 1);

    // Raw: the request is read, then the connection closes with no byte sent.
    server.inject(Fault::close_before_headers());
    assert!(raw(&server, &raw_users_request()).await.is_empty());

    // With a body: read it all first.
    server.inject(Fault::close_before_headers());
    let err = send(
        &server,
        Method::POST,
        LOGIN,
        &[("content-type", b"application/json")],
        vec![b' '; 100_000],
    )
    .await
    .expect_err("no response");
    assert!(err.is_incomplete_message(), "{err:?}");

    assert_eq!(get(&server, USERS, token()).await.status, StatusCode::OK);
}

#[tokio::test]
async fn close_after_headers_sends_the_head_then_closes() {
    let server = server().await;
    let full = get(&server, USERS, token()).await;
    let full_len = full.bytes().len();

    server.inject(Fault::close_after_headers());
    let reply = send(
        &server,
        Method::GET,
        USERS,
        &[(
            "authorization",
            format!("Token {}", retailer_admin().token).as_bytes(),
        )],
        "",
    )
    .await
    .expect("the head arrives");
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/json"));
    assert_eq!(
        reply.header(header::CONTENT_LENGTH),
        Some(full_len.to_string().as_str())
    );
    assert!(reply.body.is_err(), "{:?}", reply.body);

    // Raw: a complete head, no body byte.
    server.inject(Fault::close_after_headers());
    let response = raw(&server, &raw_users_request()).await;
    let (head, body) = split_raw(&response);
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains(&format!("content-length: {full_len}")),
        "{head}"
    );
    assert!(body.is_empty(), "{body:?}");
}

#[tokio::test]
async fn close_after_headers_keeps_an_error_status() {
    let server = server().await;
    server.inject(Fault::close_after_headers());
    let reply = get(&server, USERS, None).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(reply.body.is_err());
}

#[tokio::test]
async fn truncated_body_sends_half_then_closes() {
    let server = server().await;
    let full = get(&server, USERS, token()).await;
    let full_body = full.bytes().clone();

    server.inject(Fault::truncated_body());
    let reply = get_allowing_body_error(&server).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.header(header::CONTENT_LENGTH),
        Some(full_body.len().to_string().as_str())
    );
    assert!(reply.body.is_err(), "{:?}", reply.body);

    // Raw: exactly the first half of the real body.
    server.inject(Fault::truncated_body());
    let response = raw(&server, &raw_users_request()).await;
    let (head, body) = split_raw(&response);
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert_eq!(body, &full_body[..full_body.len() / 2]);
}

async fn get_allowing_body_error(server: &MockServer) -> common::Reply {
    let auth = format!("Token {}", retailer_admin().token);
    send(
        server,
        Method::GET,
        USERS,
        &[("authorization", auth.as_bytes())],
        "",
    )
    .await
    .expect("the head arrives")
}

#[tokio::test]
async fn malformed_json_is_200_with_an_invalid_body() {
    let server = server().await;
    server.inject(Fault::malformed_json());
    let reply = get(&server, USERS, token()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/json"));
    assert!(!reply.bytes().is_empty());
    assert!(serde_json::from_slice::<serde_json::Value>(reply.bytes()).is_err());
}

#[tokio::test]
async fn faulted_requests_are_counted() {
    let server = server().await;
    server.inject(Fault::close_before_headers());
    server.inject(Fault::status(503).on(Method::POST, LOGIN));
    let _ = send(&server, Method::GET, USERS, &[], "").await;
    post_json(&server, LOGIN, "{}").await;
    get(&server, USERS, token()).await;
    assert_eq!(server.request_count(&Method::GET, USERS), 2);
    assert_eq!(server.request_count(&Method::POST, LOGIN), 1);
    assert_eq!(server.total_requests(), 3);
}
