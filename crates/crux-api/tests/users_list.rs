//! `client.users().list()` over real loopback HTTP.

mod support;

use std::time::Duration;

use crux_api::{Client, ErrorKind};
use crux_types::{UserId, UserStatus};
use support::{CANARY, Reply, TestServer, USERS_JSON, client_for, users_json};

#[tokio::test]
async fn sends_the_documented_request() {
    let server = TestServer::start(|_| Reply::json(200, USERS_JSON)).await;
    client_for(&server.base_url)
        .users()
        .list()
        .await
        .expect("list succeeds");

    let requests = server.requests();
    assert_eq!(requests.len(), 1, "exactly one request");
    let request = &requests[0];
    assert_eq!(request.method, http::Method::GET);
    assert_eq!(request.uri.path(), "/organizations/users/all/");
    assert_eq!(request.uri.query(), None);
    assert!(
        request.body.is_empty(),
        "GET carries no body (docs/spec-decisions.md, E-11)"
    );
    let header = |name: &str| {
        request
            .headers
            .get(name)
            .map(|v| v.to_str().expect("ascii"))
    };
    assert_eq!(
        header("authorization"),
        Some(format!("Token {CANARY}").as_str())
    );
    assert_eq!(header("accept"), Some("application/json"));
    assert_eq!(
        header("user-agent"),
        Some(concat!("crux-rs/", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(header("content-type"), None, "no body, so no content type");
    assert_eq!(header("accept-encoding"), None, "no compression negotiated");
    assert_eq!(
        header("cookie"),
        None,
        "token only (docs/spec-decisions.md, E-43)"
    );
}

#[tokio::test]
async fn decodes_the_seed_sample() {
    let server = TestServer::start(|_| Reply::json(200, USERS_JSON)).await;
    let users = client_for(&server.base_url)
        .users()
        .list()
        .await
        .expect("list succeeds");

    assert_eq!(users.len(), 2);
    let first = &users[0];
    assert_eq!(
        first.uuid,
        "3a7acb28-ab13-437e-8c35-46cf4f0bea49"
            .parse::<UserId>()
            .expect("uuid")
    );
    assert_eq!(first.person.first_name, "Crux ", "strings stay verbatim");
    assert_eq!(first.status, UserStatus::Active);
    assert_eq!(first.permission_assignments.permissions.len(), 3);
}

#[tokio::test]
async fn decodes_ten_thousand_users() {
    let body = users_json(10_000);
    let server = TestServer::start(move |_| Reply::json(200, body.clone())).await;
    let users = client_for(&server.base_url)
        .users()
        .list()
        .await
        .expect("list succeeds");
    assert_eq!(users.len(), 10_000);
    assert_eq!(users[9_999].person.last_name, "9999");
}

#[tokio::test]
async fn error_statuses_have_predicates_and_the_server_message() {
    let cases = [
        (401, "Invalid token."),
        (403, "You do not have permission to perform this action."),
        (404, "Not found."),
        (409, "Wrong organization type."),
        (422, "Cannot act on this identifier."),
        (500, "A server error occurred."),
    ];
    for (status, detail) in cases {
        let body = format!(r#"{{"detail":"{detail}"}}"#);
        let server = TestServer::start(move |_| Reply::json(status, body.clone())).await;
        let error = client_for(&server.base_url)
            .users()
            .list()
            .await
            .expect_err("must fail");

        assert_eq!(error.kind(), ErrorKind::Status);
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(error.message(), Some(detail));
        assert_eq!(error.is_unauthorized(), status == 401);
        assert_eq!(error.is_forbidden(), status == 403);
        assert_eq!(error.is_not_found(), status == 404);
        assert_eq!(error.is_conflict(), status == 409);
        assert_eq!(error.is_unprocessable(), status == 422);
        assert!(!error.is_timeout());
        assert_eq!(error.path(), Some("/organizations/users/all/"));
        let line = error.to_string();
        assert!(
            line.starts_with(&format!("GET /organizations/users/all/: {status} ")),
            "{line}"
        );
        assert!(line.ends_with(detail), "{line}");
    }
}

#[tokio::test]
async fn an_html_error_page_is_a_status_error_with_the_raw_body() {
    let page =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body>\r\n</html>";
    let server = TestServer::start(move |_| Reply::with(502, "text/html", page)).await;
    let error = client_for(&server.base_url)
        .users()
        .list()
        .await
        .expect_err("must fail");

    assert_eq!(error.status(), Some(http::StatusCode::BAD_GATEWAY));
    assert_eq!(error.message(), None, "an HTML page has no JSON detail");
    let body = error.body().expect("raw body kept");
    assert!(
        body.starts_with("<html>\\r\\n<head>"),
        "control characters escaped: {body}"
    );
    let line = error.to_string();
    assert!(
        !line.contains('\n') && !line.contains('\r'),
        "one line: {line}"
    );
    assert!(line.contains("502 Bad Gateway"), "{line}");
}

#[tokio::test]
async fn an_html_page_with_status_200_is_a_decode_error() {
    let server = TestServer::start(|_| Reply::with(200, "text/html", "<html>login</html>")).await;
    let error = client_for(&server.base_url)
        .users()
        .list()
        .await
        .expect_err("must fail");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.status(), Some(http::StatusCode::OK));
    assert_eq!(error.body(), Some("<html>login</html>"));
}

#[tokio::test]
async fn truncated_json_is_a_decode_error_with_its_path() {
    let full = users_json(3);
    // Cut inside the third user's first name.
    let cut = full
        .match_indices(r#""first_name":"Us"#)
        .nth(2)
        .expect("third user")
        .0
        + 16;
    let truncated = full[..cut].to_owned();
    let server = TestServer::start(move |_| Reply::json(200, truncated.clone())).await;
    let error = client_for(&server.base_url)
        .users()
        .list()
        .await
        .expect_err("must fail");

    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.status(), Some(http::StatusCode::OK));
    assert_eq!(error.json_path(), Some("[2].person.first_name"));
    let source = std::error::Error::source(&error).expect("the serde error is chained");
    assert!(source.to_string().contains("EOF"), "{source}");
}

#[tokio::test]
async fn a_wrong_field_reports_the_json_path() {
    let mut users: serde_json::Value = serde_json::from_str(&users_json(5)).expect("json");
    users[3]["person"]["uuid"] = "not-a-uuid".into();
    let body = users.to_string();
    let server = TestServer::start(move |_| Reply::json(200, body.clone())).await;
    let error = client_for(&server.base_url)
        .users()
        .list()
        .await
        .expect_err("must fail");

    assert_eq!(error.json_path(), Some("[3].person.uuid"));
    let line = error.to_string();
    assert!(
        line.starts_with(
            "GET /organizations/users/all/: 200 OK: unexpected response body at [3].person.uuid: "
        ),
        "{line}"
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let body = users_json(100);
    let server = TestServer::start(move |_| Reply::json(200, body.clone())).await;
    let client = Client::builder()
        .token(CANARY)
        .base_url(&server.base_url)
        .max_response_body_bytes(1024)
        .build()
        .expect("client builds");
    let error = client.users().list().await.expect_err("must fail");
    assert_eq!(error.kind(), ErrorKind::BodyTooLarge);
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let server = TestServer::start(|_| Reply::Never).await;
    let client = Client::builder()
        .token(CANARY)
        .base_url(&server.base_url)
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client builds");
    let error = client.users().list().await.expect_err("must time out");
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert_eq!(error.attempts(), 3, "a GET that timed out is retried");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn an_unreachable_server_is_a_transport_error() {
    // Bound, never listening: refused by construction, and no other test
    // can take the port while it is held.
    let refused = support::raw::RefusedAddr::new();
    let error = client_for(&refused.http_url())
        .users()
        .list()
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Transport);
    let transport = error.transport_error().expect("transport error kept");
    assert_eq!(
        transport.kind(),
        crux_api::transport::TransportErrorKind::Connect
    );
    assert!(!transport.may_have_been_sent());
}
