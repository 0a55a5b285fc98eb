//! Hostile input over raw TCP: the server never panics and keeps answering.

mod common;

use common::{LOGIN, USERS, call, get, post_json, raw, retailer_admin};
use crux_mock::MockServer;
use http::{Method, StatusCode};

/// Checks the server still serves a normal request.
async fn assert_still_serving(server: &MockServer) {
    let reply = get(server, USERS, Some(retailer_admin().token)).await;
    assert_eq!(reply.status, StatusCode::OK);
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
        // hyper answers a parse error with a bare 400, or just closes.
        assert!(
            response.is_empty() || response.starts_with(b"HTTP/1.1 4"),
            "{:?}",
            String::from_utf8_lossy(&response)
        );
    }
    assert_still_serving(&server).await;
}

#[tokio::test]
async fn huge_header() {
    let server = MockServer::start().await.expect("starts");
    let mut request = format!("GET {USERS} HTTP/1.1\r\nHost: mock\r\nX-Big: ").into_bytes();
    request.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
    request.extend_from_slice(b"\r\n\r\n");
    let response = raw(&server, &request).await;
    assert!(
        response.is_empty() || response.starts_with(b"HTTP/1.1 431"),
        "{:?}",
        String::from_utf8_lossy(&response[..response.len().min(200)])
    );
    assert_still_serving(&server).await;
}

#[tokio::test]
async fn invalid_utf8_and_odd_request_lines() {
    let server = MockServer::start().await.expect("starts");
    let requests: [&[u8]; 8] = [
        b"GET /\xff\xfe/ HTTP/1.1\r\nHost: mock\r\n\r\n",
        b"GET /organizations/users/all/ HTTP/1.1\r\nHost: mock\r\nAuthorization: Token \xff\xfe\xfd\r\nConnection: close\r\n\r\n",
        b"GET /%FF%FE/ HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n",
        b"\xff\xff\xff\xff\r\n\r\n",
        b"GET http://mock/organizations/users/all/ HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n",
        b"POST /organizations/user-login/ HTTP/1.1\r\nHost: mock\r\nContent-Length: 999999999999999999999\r\n\r\n",
        b"POST /organizations/user-login/ HTTP/1.1\r\nHost: mock\r\nContent-Length: 10\r\n\r\nabc",
        b"BREW /organizations/users/all/ HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n",
    ];
    for request in requests {
        let response = raw(&server, request).await;
        assert!(
            response.is_empty() || response.starts_with(b"HTTP/1.1 "),
            "{:?}",
            String::from_utf8_lossy(&response)
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
    assert!(
        response.starts_with(b"HTTP/1.1 413"),
        "{:?}",
        String::from_utf8_lossy(&response)
    );
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
                raw(&server, &noise(i, 300)).await;
                None
            } else {
                Some(
                    get(&server, USERS, Some(retailer_admin().token))
                        .await
                        .status,
                )
            }
        });
    }
    while let Some(result) = tasks.join_next().await {
        if let Some(status) = result.expect("no panic") {
            assert_eq!(status, StatusCode::OK);
        }
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
