//! crux-api against crux-mock, the offline CRUX sandbox: real HTTP, the
//! documented permission rules, and faults on demand.

use std::time::Duration;

use crux_api::{Client, ErrorKind, RetryPolicy};
use crux_mock::{DEMO_USERS, DemoUser, Fault, MockServer};
use http::Method;

const USERS_PATH: &str = "/organizations/users/all/";
const LOGIN_PATH: &str = "/organizations/user-login/";

fn demo(username: &str) -> &'static DemoUser {
    DemoUser::find(username).expect("demo user")
}

fn client(mock: &MockServer, token: &str) -> Client {
    Client::builder()
        .token(token)
        .base_url(mock.base_url())
        // Zero jitter: retries do not wait, so these tests take no time.
        .retry(RetryPolicy::new().random(|| 0.0))
        .build()
        .expect("client builds")
}

#[tokio::test]
async fn each_admin_sees_only_their_organization() {
    let mock = MockServer::start().await.expect("mock starts");
    for admin in ["admin@retail.demo.example", "admin@supply.demo.example"] {
        let admin = demo(admin);
        let users = client(&mock, admin.token)
            .users()
            .list()
            .await
            .expect("list");
        let expected: Vec<_> = DEMO_USERS
            .iter()
            .filter(|u| u.organization == admin.organization)
            .collect();
        assert_eq!(users.len(), expected.len());
        for (user, demo) in users.iter().zip(expected) {
            assert_eq!(user.uuid.to_string(), demo.user_uuid);
            assert_eq!(user.person.email, demo.username);
        }
    }
}

#[tokio::test]
async fn unknown_token_and_missing_permission() {
    let mock = MockServer::start().await.expect("mock starts");
    let error = client(&mock, "not-a-demo-token")
        .users()
        .list()
        .await
        .expect_err("401");
    assert!(error.is_unauthorized(), "{error}");
    assert!(error.message().is_some(), "the mock sends a detail");

    let buyer = demo("buyer@retail.demo.example");
    assert!(!buyer.has_permission("view_org_users"));
    let error = client(&mock, buyer.token)
        .users()
        .list()
        .await
        .expect_err("403");
    assert!(error.is_forbidden(), "{error}");
    assert_eq!(
        error.message(),
        Some("You do not have permission to perform this action. (needs `view_org_users`)")
    );
}

#[tokio::test]
async fn login_returns_a_working_client() {
    let mock = MockServer::start().await.expect("mock starts");
    let admin = demo("admin@supply.demo.example");
    let (client, login) = Client::builder()
        .base_url(mock.base_url())
        .login(admin.username, admin.password)
        .await
        .expect("login");
    assert_eq!(login.user_uuid.to_string(), admin.user_uuid);
    assert_eq!(login.auth_token.expose_secret(), admin.token);
    assert!(!client.users().list().await.expect("list").is_empty());

    let error = Client::builder()
        .base_url(mock.base_url())
        .login(admin.username, "wrong password")
        .await
        .expect_err("bad password");
    assert_eq!(error.status(), Some(http::StatusCode::BAD_REQUEST));
}

#[tokio::test]
async fn get_503_503_200_succeeds_after_exactly_three_requests() {
    let mock = MockServer::start().await.expect("mock starts");
    mock.inject(Fault::status(503).times(2).on(Method::GET, USERS_PATH));
    let admin = demo("admin@retail.demo.example");
    client(&mock, admin.token)
        .users()
        .list()
        .await
        .expect("third attempt succeeds");
    assert_eq!(mock.request_count(&Method::GET, USERS_PATH), 3);
}

#[tokio::test]
async fn post_503_is_returned_after_exactly_one_request() {
    let mock = MockServer::start().await.expect("mock starts");
    mock.inject(Fault::status(503).times(3).on(Method::POST, LOGIN_PATH));
    let admin = demo("admin@retail.demo.example");
    let error = Client::builder()
        .base_url(mock.base_url())
        .login(admin.username, admin.password)
        .await
        .expect_err("503");
    assert_eq!(error.status(), Some(http::StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(mock.request_count(&Method::POST, LOGIN_PATH), 1);
}

#[tokio::test]
async fn a_reset_after_the_request_was_written_is_retried_for_get_only() {
    let mock = MockServer::start().await.expect("mock starts");
    let admin = demo("admin@retail.demo.example");

    mock.inject(Fault::close_before_headers().on(Method::GET, USERS_PATH));
    client(&mock, admin.token)
        .users()
        .list()
        .await
        .expect("GET retried");
    assert_eq!(mock.request_count(&Method::GET, USERS_PATH), 2);

    mock.inject(Fault::close_before_headers().on(Method::POST, LOGIN_PATH));
    let error = Client::builder()
        .base_url(mock.base_url())
        .login(admin.username, admin.password)
        .await
        .expect_err("POST not retried");
    assert_eq!(mock.request_count(&Method::POST, LOGIN_PATH), 1);
    assert_eq!(error.kind(), ErrorKind::Transport);
    assert!(error.is_outcome_unknown(), "{error}");
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let mock = MockServer::start().await.expect("mock starts");
    mock.inject(
        Fault::status(429)
            .retry_after("1")
            .on(Method::GET, USERS_PATH),
    );
    let admin = demo("admin@retail.demo.example");
    let start = std::time::Instant::now();
    client(&mock, admin.token)
        .users()
        .list()
        .await
        .expect("second attempt succeeds");
    assert_eq!(mock.request_count(&Method::GET, USERS_PATH), 2);
    // Zero jitter would retry at once: the wait comes from Retry-After.
    assert!(start.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn truncated_and_malformed_bodies_are_typed_errors() {
    let mock = MockServer::start().await.expect("mock starts");
    let admin = demo("admin@retail.demo.example");
    let client = Client::builder()
        .token(admin.token)
        .base_url(mock.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client builds");

    mock.inject(Fault::malformed_json());
    let error = client.users().list().await.expect_err("malformed");
    assert_eq!(error.kind(), ErrorKind::Decode);

    mock.inject(Fault::truncated_body());
    let error = client.users().list().await.expect_err("truncated");
    assert_eq!(error.kind(), ErrorKind::Transport, "{error}");
}
