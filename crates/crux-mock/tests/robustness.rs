//! Hostile input over raw TCP: the server never panics, answers every
//! request (hyper answers what it cannot parse), and keeps answering.
//! Every test ends with [`assert_still_serving`], which also checks that no
//! panic was caught: a panicking handler is answered 500 and counted, so
//! it cannot pass for a dropped connection.

mod common;

use common::{LOGIN, USERS, call, get, post_json, raw, retailer_admin, split_raw};
use crux_mock::{Fault, MockServer};
use http::{Method, StatusCode, header};

/// Checks the server still serves a normal request, and never panicked.
async fn assert_still_serving(server: &MockServer) {
    let reply = get(server, USERS, Some(retailer_admin().token)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(server.panics(), 0, "the server panicked (see stderr)");
}

/// The status code of a raw response; panics when there is none (the
/// connection closed without an answer).
#[track_caller]
fn raw_status(response: &[u8]) -> u16 {
    let text = String::from_utf8_lossy(&response[..response.len().min(200)]);
    response
        .strip_prefix(b"HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| std::str::from_utf8(code).ok())
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP/1.1 answer: {text:?}"))
}

/// Deterministic pseudo-random bytes (xorshift).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}

#[tokio::test]
async fn random_bytes() {
    let server = MockServer::start().await.expect("starts");
    for seed in 1..=20 {
        let response = raw(&server, &noise(seed, 64 + 97 * seed as usize)).await;
        // hyper answers a parse error with a bare 400, then closes.
        assert_eq!(raw_status(&response), 400, "seed {seed}");
    }
    assert_eq!(server.total_requests(), 0);
    assert_still_serving(&server).await;
    // hyper ended each exchange (a parse error), not the mock.
    assert_eq!(server.connection_errors(), 20);
}

#[tokio::test]
async fn huge_header() {
    let server = MockServer::start().await.expect("starts");
    let mut request = format!("GET {USERS} HTTP/1.1\r\nHost: mock\r\nX-Big: ").into_bytes();
    request.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
    request.extend_from_slice(b"\r\n\r\n");
    let response = raw(&server, &request).await;
    assert_eq!(raw_status(&response), 431);
    assert_still_serving(&server).await;
}

#[tokio::test]
async fn invalid_utf8_and_odd_request_lines() {
    let server = MockServer::start().await.expect("starts");
    let requests: [(&[u8], u16); 8] = [
        // Not a valid request target: hyper's 400.
        (b"GET /\xff\xfe/ HTTP/1.1\r\nHost: mock\r\n\r\n", 400),
        (
            b"GET /organizations/users/all/ HTTP/1.1\r\nHost: mock\r\nAuthorization: Token \xff\xfe\xfd\r\nConnection: close\r\n\r\n",
            401,
        ),
        (
            b"GET /%FF%FE/ HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n",
            404,
        ),
        (b"\xff\xff\xff\xff\r\n\r\n", 400),
        (
            b"GET http://mock/organizations/users/all/ HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n",
            401,
        ),
        // A length that does not fit: hyper's 400.
        (
            b"POST /organizations/user-login/ HTTP/1.1\r\nHost: mock\r\nContent-Length: 999999999999999999999\r\n\r\n",
            400,
        ),
        // No content type: 415 without reading the (short) body.
        (
            b"POST /organizations/user-login/ HTTP/1.1\r\nHost: mock\r\nContent-Length: 10\r\n\r\nabc",
            415,
        ),
        (
            b"BREW /organizations/users/all/ HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n",
            405,
        ),
    ];
    for (request, status) in requests {
        let response = raw(&server, request).await;
        assert_eq!(
            raw_status(&response),
            status,
            "{:?}",
            String::from_utf8_lossy(request)
        );
    }
    assert_still_serving(&server).await;
}

#[tokio::test]
async fn chunked_body_over_the_limit() {
    let server = MockServer::builder()
        .max_body_bytes(100)
        .start()
        .await
        .expect("starts");
    let mut request = format!(
        "POST {LOGIN} HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    .into_bytes();
    for _ in 0..10 {
        request.extend_from_slice(b"40\r\n");
        request.extend(std::iter::repeat_n(b' ', 0x40));
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    let response = raw(&server, &request).await;
    assert_eq!(raw_status(&response), 413);
    let (_, body) = split_raw(&response);
    let json: serde_json::Value = serde_json::from_slice(body).expect("a JSON body");
    assert!(json["detail"].as_str().is_some(), "{json}");
    assert_still_serving(&server).await;
}

#[tokio::test]
async fn deeply_nested_json() {
    let server = MockServer::start().await.expect("starts");
    let depth = 100_000;
    let body = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let reply = post_json(&server, LOGIN, body).await;
    let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
    assert!(detail.starts_with("JSON parse error"), "{detail}");
    assert_still_serving(&server).await;
}

#[tokio::test]
async fn many_concurrent_clients() {
    let server = std::sync::Arc::new(MockServer::start().await.expect("starts"));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..50 {
        let server = server.clone();
        tasks.spawn(async move {
            if i % 5 == 0 {
                let response = raw(&server, &noise(i, 300)).await;
                (StatusCode::BAD_REQUEST, raw_status(&response))
            } else {
                let reply = get(&server, USERS, Some(retailer_admin().token)).await;
                (StatusCode::OK, reply.status.as_u16())
            }
        });
    }
    while let Some(result) = tasks.join_next().await {
        let (expected, status) = result.expect("no panic");
        assert_eq!(status, expected.as_u16());
    }
    assert_still_serving(&server).await;
}

#[tokio::test]
async fn hostile_bodies_and_ids_on_the_write_and_detail_routes() {
    let server = MockServer::start().await.expect("starts");
    let admin = retailer_admin();
    let me = admin.user_uuid;
    let long = "9".repeat(10_000);
    let nested = format!("{}{}", "{\"a\":".repeat(5_000), "}".repeat(5_000));
    let bodies = [
        String::new(),
        "null".to_owned(),
        "{\"permission_uuids\": [null, {}, [], 1e400, \"\\u0000\"]}".to_owned(),
        format!("{{\"permission_uuids\": [\"{long}\"]}}"),
        "{\"uuid\": 1e999, \"notification_via\": []}".to_owned(),
        "{\"uuid\": \"d0000008-0000-4000-8000-000000000101\", \"notification_via\": \"email\", \"notification_frequency\": {}}".to_owned(),
        "\u{feff}{}".to_owned(),
        nested,
        "[".repeat(100_000),
    ];
    let writes = [
        (
            Method::PATCH,
            format!("/organizations/users/permissions/{me}/"),
        ),
        (
            Method::DELETE,
            format!("/organizations/users/permissions/{me}/"),
        ),
        (
            Method::PUT,
            "/notifications/notification-settings/".to_owned(),
        ),
        (Method::POST, "/accounting/transactions/export/".to_owned()),
    ];
    for (method, path) in &writes {
        for body in &bodies {
            let reply = call(&server, method.clone(), path, admin, Some(body.clone())).await;
            // Every answer is JSON: a 4xx detail, or (for the export, whose
            // body members are ignored) a 200.
            assert!(
                reply.status.is_client_error() || reply.status == StatusCode::OK,
                "{method} {path} {:?}: {}",
                body.get(..40),
                reply.status
            );
            reply.json();
        }
    }
    let ids = [
        long.as_str(),
        "%00",
        "%E2%82%AC",
        "%C3%28",
        "..%2F..%2F",
        "d0000003-0000-4000-8000-00000000000%2F1",
    ];
    for id in ids {
        for path in [
            format!("/organizations/users/detail/{id}/"),
            format!("/organizations/users/permissions/{id}/"),
            format!("/accounting/transactions/{id}/"),
        ] {
            let reply = get(&server, &path, Some(admin.token)).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
            reply.json();
        }
    }
    // Segments are percent-decoded before matching, as Django does.
    let path = "/organizations/users/detail/d0000003-0000-4000-8000-00000000000%31/";
    assert_eq!(
        get(&server, path, Some(admin.token)).await.status,
        StatusCode::OK
    );
    assert_still_serving(&server).await;
}

#[tokio::test]
async fn a_panicking_handler_is_answered_500_and_counted() {
    let server = MockServer::start().await.expect("starts");
    // The test-only fault: the request pipeline panics.
    server.inject(Fault::panic().on(Method::GET, USERS));
    let reply = get(&server, USERS, Some(retailer_admin().token)).await;
    let detail = reply.assert_detail(StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(detail, "A server error occurred.");
    assert_eq!(server.panics(), 1);

    // The text form, over raw TCP: a complete answer, not a dropped
    // connection.
    server.inject("panic".parse().expect("valid fault"));
    let response = raw(
        &server,
        format!("GET {USERS} HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .await;
    assert_eq!(raw_status(&response), 500);
    let (head, body) = split_raw(&response);
    assert!(
        head.to_ascii_lowercase()
            .contains(&format!("{}: application/json", header::CONTENT_TYPE)),
        "{head}"
    );
    let json: serde_json::Value = serde_json::from_slice(body).expect("a JSON body");
    assert_eq!(json["detail"], "A server error occurred.");
    assert_eq!(server.panics(), 2);

    // The server goes on serving.
    let reply = get(&server, USERS, Some(retailer_admin().token)).await;
    assert_eq!(reply.status, StatusCode::OK);
}
