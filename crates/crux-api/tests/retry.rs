//! Retry rules, with tokio's paused clock and a fixed jitter so that every
//! delay is asserted exactly. The replay transport answers at once, so the
//! only time that passes is the client's own waiting.

mod support;

use std::time::Duration;

use crux_api::{
    Client, ErrorKind, RetryPolicy,
    transport::{
        TransportError, TransportErrorKind,
        test_util::{NeverTransport, ReplayEvent, ReplayTransport},
    },
};
use http::StatusCode;
use support::{CANARY, USERS_JSON};
use tokio::time::Instant;

const LOGIN_OK: &str = r#"{"auth_token":"tok123","org_uuid":"757ce28d-fbd6-4b9f-8051-f847482e169f","user_uuid":"52d13dc7-5463-4f90-9e5b-5b8ec97228ff","retailer_uuid":"","supplier_uuid":"b5f05054-dce4-4286-96fc-b9424d6b2137","org_type":"SUPPLIER","permission_assignments":{"permissions":[],"org_user":{"uuid":"52d13dc7-5463-4f90-9e5b-5b8ec97228ff"}}}"#;

fn builder(transport: &ReplayTransport) -> crux_api::ClientBuilder {
    Client::builder()
        .base_url("https://api.example.test")
        .transport(transport.clone())
        .retry(RetryPolicy::new().random(|| 0.5))
}

fn client(transport: &ReplayTransport) -> Client {
    builder(transport)
        .token(CANARY)
        .build()
        .expect("client builds")
}

fn with_header(status: u16, name: &str, value: &str) -> ReplayEvent {
    let mut response = http::Response::new(bytes::Bytes::from_static(br#"{"detail":"slow down"}"#));
    *response.status_mut() = StatusCode::from_u16(status).expect("status");
    response.headers_mut().insert(
        http::HeaderName::from_bytes(name.as_bytes()).expect("name"),
        value.parse().expect("value"),
    );
    ReplayEvent::from(response)
}

fn io_error() -> ReplayEvent {
    ReplayEvent::error(TransportError::new(TransportErrorKind::Io))
}

fn refused() -> ReplayEvent {
    ReplayEvent::error(TransportError::new(TransportErrorKind::Connect).not_sent())
}

#[tokio::test(start_paused = true)]
async fn get_503_503_200_succeeds_after_full_jitter_backoff() {
    let replay = ReplayTransport::new([
        ReplayEvent::json(503, "{}"),
        ReplayEvent::json(503, "{}"),
        ReplayEvent::json(200, USERS_JSON),
    ]);
    let start = Instant::now();
    let users = client(&replay)
        .users()
        .list()
        .await
        .expect("third attempt succeeds");
    assert_eq!(users.len(), 2);
    assert_eq!(replay.request_count(), 3);
    // Full jitter at 0.5: half of 500 ms, then half of 1 s.
    assert_eq!(start.elapsed(), Duration::from_millis(250 + 500));
}

#[tokio::test(start_paused = true)]
async fn every_retryable_status_is_retried_for_get_up_to_the_limit() {
    for status in [429, 500, 502, 503, 504] {
        let replay = ReplayTransport::new((0..3).map(|_| ReplayEvent::json(status, "{}")));
        let error = client(&replay)
            .users()
            .list()
            .await
            .expect_err("always fails");
        assert_eq!(replay.request_count(), 3, "status {status}");
        assert_eq!(error.attempts(), 3);
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
    }
    for status in [400, 401, 403, 404, 409, 422, 501] {
        let replay = ReplayTransport::new([ReplayEvent::json(status, "{}")]);
        client(&replay).users().list().await.expect_err("fails");
        assert_eq!(replay.request_count(), 1, "status {status} is not retried");
    }
}

#[tokio::test(start_paused = true)]
async fn retry_after_seconds_replaces_the_backoff() {
    let replay = ReplayTransport::new([
        with_header(429, "retry-after", "2"),
        ReplayEvent::json(200, "[]"),
    ]);
    let start = Instant::now();
    client(&replay)
        .users()
        .list()
        .await
        .expect("second attempt succeeds");
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn retry_after_as_an_http_date_is_honoured() {
    let at = std::time::SystemTime::now() + Duration::from_secs(5);
    let replay = ReplayTransport::new([
        with_header(503, "retry-after", &httpdate::fmt_http_date(at)),
        ReplayEvent::json(200, "[]"),
    ]);
    let start = Instant::now();
    client(&replay)
        .users()
        .list()
        .await
        .expect("second attempt succeeds");
    let waited = start.elapsed();
    // An HTTP date has whole seconds: the wait is the 5 s minus the sub-second part.
    assert!(
        waited > Duration::from_secs(3) && waited <= Duration::from_secs(5),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn an_unusable_retry_after_falls_back_to_the_normal_backoff() {
    let past = std::time::SystemTime::now() - Duration::from_secs(3600);
    let past = httpdate::fmt_http_date(past);
    for value in ["-5", "", "   ", "soon", "1.5", "0x10", &past] {
        let replay = ReplayTransport::new([
            with_header(503, "retry-after", value),
            ReplayEvent::json(200, "[]"),
        ]);
        let start = Instant::now();
        client(&replay)
            .users()
            .list()
            .await
            .expect("second attempt succeeds");
        assert_eq!(replay.request_count(), 2, "{value:?}");
        // Half of the 500 ms ceiling: neither at once nor what the header says.
        assert_eq!(
            start.elapsed(),
            Duration::from_millis(250),
            "Retry-After: {value:?}"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn retry_after_beyond_the_cap_returns_at_once_with_the_value() {
    let replay = ReplayTransport::new([with_header(503, "retry-after", "60")]);
    let start = Instant::now();
    let error = client(&replay)
        .users()
        .list()
        .await
        .expect_err("not waited");
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(replay.request_count(), 1);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(60)));
}

#[tokio::test(start_paused = true)]
async fn retry_after_beyond_the_call_deadline_returns_at_once() {
    let replay = ReplayTransport::new([with_header(503, "retry-after", "10")]);
    let client = builder(&replay)
        .token(CANARY)
        .call_timeout(Duration::from_secs(5))
        .build()
        .expect("builds");
    let error = client.users().list().await.expect_err("not waited");
    assert_eq!(replay.request_count(), 1);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(10)));
}

#[tokio::test(start_paused = true)]
async fn transport_failures_of_a_get_are_retried_but_tls_is_not() {
    let replay = ReplayTransport::new([io_error(), refused(), ReplayEvent::json(200, "[]")]);
    client(&replay)
        .users()
        .list()
        .await
        .expect("third attempt succeeds");
    assert_eq!(replay.request_count(), 3);

    let replay = ReplayTransport::new([ReplayEvent::error(
        TransportError::new(TransportErrorKind::Tls).not_sent(),
    )]);
    let error = client(&replay).users().list().await.expect_err("tls");
    assert_eq!(replay.request_count(), 1);
    assert_eq!(error.kind(), ErrorKind::Transport);
}

#[tokio::test(start_paused = true)]
async fn a_get_that_times_out_is_retried() {
    let never = NeverTransport::default();
    let client = Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(never.clone())
        .timeout(Duration::from_secs(1))
        .retry(RetryPolicy::new().random(|| 0.0))
        .build()
        .expect("builds");
    let start = Instant::now();
    let error = client.users().list().await.expect_err("times out");
    assert!(error.is_timeout());
    assert_eq!(never.request_count(), 3);
    assert_eq!(start.elapsed(), Duration::from_secs(3));
}

#[tokio::test(start_paused = true)]
async fn disabled_retries_send_once() {
    let replay = ReplayTransport::new([ReplayEvent::json(503, "{}")]);
    let client = builder(&replay)
        .token(CANARY)
        .retry(RetryPolicy::disabled())
        .build()
        .expect("builds");
    client.users().list().await.expect_err("503");
    assert_eq!(replay.request_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn login_sends_the_documented_body_without_a_token() {
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, LOGIN_OK),
        ReplayEvent::json(200, "[]"),
    ]);
    let (client, login) = builder(&replay)
        .login("user@mycompany.com", "crux_is_awesome")
        .await
        .expect("login");
    assert_eq!(login.org_type.as_str(), "SUPPLIER");
    client
        .users()
        .list()
        .await
        .expect("list with the new token");

    let requests = replay.requests();
    let login_request = &requests[0];
    assert_eq!(login_request.method(), http::Method::POST);
    assert_eq!(login_request.uri().path(), "/organizations/user-login/");
    assert_eq!(
        login_request.headers().get("authorization"),
        None,
        "login is the one call without a token"
    );
    assert_eq!(
        login_request
            .headers()
            .get("content-type")
            .map(|v| v.as_bytes()),
        Some(&b"application/json; charset=utf-8"[..])
    );
    insta::assert_snapshot!(String::from_utf8_lossy(login_request.body()), @r#"{"username":"user@mycompany.com","password":"crux_is_awesome"}"#);
    assert_eq!(
        requests[1]
            .headers()
            .get("authorization")
            .map(|v| v.as_bytes()),
        Some(&b"Token tok123"[..])
    );
    assert!(
        !format!("{client:?} {login:?}").contains("tok123"),
        "the new token stays hidden"
    );
}

#[tokio::test(start_paused = true)]
async fn a_post_is_not_retried_on_a_503() {
    let replay = ReplayTransport::new([ReplayEvent::json(503, r#"{"detail":"down"}"#)]);
    let error = builder(&replay).login("u", "p").await.expect_err("503");
    assert_eq!(replay.request_count(), 1);
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert!(!error.is_outcome_unknown(), "the server answered");
}

#[tokio::test(start_paused = true)]
async fn a_post_that_may_have_been_sent_is_not_retried_and_says_so() {
    let replay = ReplayTransport::new([io_error()]);
    let error = builder(&replay).login("u", "p").await.expect_err("reset");
    assert_eq!(replay.request_count(), 1);
    assert!(error.is_outcome_unknown());
    assert!(error.to_string().contains("outcome unknown"), "{error}");

    let never = NeverTransport::default();
    let error = Client::builder()
        .base_url("https://api.example.test")
        .transport(never.clone())
        .timeout(Duration::from_secs(1))
        .login("u", "p")
        .await
        .expect_err("timeout");
    assert!(error.is_timeout() && error.is_outcome_unknown());
    assert_eq!(never.request_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_post_that_provably_never_left_is_retried() {
    let replay = ReplayTransport::new([refused(), ReplayEvent::json(200, LOGIN_OK)]);
    builder(&replay)
        .login("u", "p")
        .await
        .expect("second attempt succeeds");
    assert_eq!(replay.request_count(), 2);
}

#[tokio::test(start_paused = true)]
async fn unbounded_timeouts_do_not_panic() {
    let replay = ReplayTransport::new([ReplayEvent::json(503, "{}"), ReplayEvent::json(200, "[]")]);
    let client = builder(&replay)
        .token(CANARY)
        .timeout(Duration::MAX)
        .call_timeout(Duration::MAX)
        .retry(
            RetryPolicy::new()
                .max_backoff(Duration::MAX)
                .random(|| f64::NAN),
        )
        .build()
        .expect("builds");
    client
        .users()
        .list()
        .await
        .expect("second attempt succeeds");
    assert_eq!(replay.request_count(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_post_answered_503_with_a_long_retry_after_returns_at_once_with_a_known_outcome() {
    let replay = ReplayTransport::new([with_header(503, "retry-after", "60")]);
    let start = Instant::now();
    let error = builder(&replay).login("u", "p").await.expect_err("503");
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(replay.request_count(), 1);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(60)));
    assert_eq!(error.attempts(), 1);
    assert!(!error.is_outcome_unknown(), "the server answered");
}

#[tokio::test(start_paused = true)]
async fn a_post_search_is_a_read_and_is_retried_like_a_get() {
    let page = r#"{"items":[],"facets":{},"filters":{},"sort":[],"pagination":{"start":0,"limit":10,"total_count":0}}"#;
    let replay = ReplayTransport::new([
        ReplayEvent::json(503, "{}"),
        io_error(),
        ReplayEvent::json(200, page),
    ]);
    let search = crux_api::types::ItemSearch::default();
    let found = client(&replay).items().search(&search).await;
    assert!(found.expect("third attempt succeeds").items.is_empty());
    assert_eq!(replay.request_count(), 3);
    assert!(
        replay
            .requests()
            .iter()
            .all(|r| r.method() == http::Method::POST)
    );
}

#[tokio::test(start_paused = true)]
async fn a_post_export_is_not_a_read_and_is_not_retried() {
    let replay = ReplayTransport::new([io_error()]);
    let error = client(&replay)
        .items()
        .export(&[])
        .await
        .expect_err("reset");
    assert_eq!(replay.request_count(), 1);
    assert!(error.is_outcome_unknown());
}
