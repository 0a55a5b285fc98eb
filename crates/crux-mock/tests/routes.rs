//! The documented endpoints and the error responses around them.

mod common;

use std::collections::BTreeSet;

use common::{LOGIN, USERS, demo, get, post_json, retailer_admin, send};
use crux_mock::{DEMO_ORGANIZATIONS, DEMO_PERMISSIONS, DEMO_USERS, MockServer};
use crux_types::{LoginResponse, OrgType, User, UserStatus};
use http::{Method, StatusCode, header};
use serde_json::{Value, json};

async fn server() -> MockServer {
    MockServer::start().await.expect("starts")
}

// ---------------------------------------------------------------------------
// GET /organizations/users/all/

#[tokio::test]
async fn users_list_shows_the_callers_organization_only() {
    let server = server().await;
    for org in DEMO_ORGANIZATIONS {
        let admin = DEMO_USERS
            .iter()
            .find(|u| u.organization == org.name && u.description.contains("admin"))
            .expect("each organization has an admin");
        let reply = get(&server, USERS, Some(admin.token)).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/json"));
        let users: Vec<User> = serde_json::from_slice(reply.bytes()).expect("decodes");

        let expected: Vec<_> = DEMO_USERS
            .iter()
            .filter(|u| u.organization == org.name)
            .collect();
        assert_eq!(users.len(), expected.len(), "{}", org.name);
        let visible: Vec<_> = DEMO_PERMISSIONS
            .iter()
            .filter(|p| p.visible_to(org.org_type))
            .collect();
        for (user, demo) in users.iter().zip(expected) {
            assert_eq!(user.uuid.to_string(), demo.user_uuid);
            assert_eq!(user.person.uuid.to_string(), demo.person_uuid);
            assert_eq!(user.person.email, demo.username);
            assert_eq!(user.person.first_name, demo.first_name);
            assert_eq!(user.status, UserStatus::from(demo.status));
            let assignments = &user.permission_assignments;
            assert_eq!(
                assignments.org_user.map(|u| u.uuid.to_string()).as_deref(),
                Some(demo.user_uuid)
            );
            // Every permission visible to the organization type, in order.
            let names: Vec<_> = assignments
                .permissions
                .iter()
                .map(|e| e.permission.name.as_str())
                .collect();
            let visible_names: Vec<_> = visible.iter().map(|p| p.name).collect();
            assert_eq!(names, visible_names);
            let assigned: BTreeSet<_> = assignments.assigned().map(|p| p.name.as_str()).collect();
            assert_eq!(assigned, demo.permissions.iter().copied().collect());
            for entry in &assignments.permissions {
                assert!(entry.permission.visibility.is_some());
                assert!(entry.permission.grouping.is_some());
            }
        }
    }
}

#[tokio::test]
async fn users_list_snapshot_for_the_retailer_admin() {
    let server = server().await;
    let reply = get(&server, USERS, Some(retailer_admin().token)).await;
    assert_eq!(reply.status, StatusCode::OK);
    // Pretty-printed in wire order (a `serde_json::Value` would sort the
    // keys): re-encoding the decoded users gives back the exact bytes sent,
    // so the snapshot shows the body as served.
    let users: Vec<User> = serde_json::from_slice(reply.bytes()).expect("decodes");
    let compact = serde_json::to_string(&users).expect("encodes");
    assert_eq!(compact.as_bytes(), reply.bytes().as_ref());
    insta::assert_snapshot!(serde_json::to_string_pretty(&users).expect("encodes"));
}

#[tokio::test]
async fn users_list_answers_head_without_a_body() {
    let server = server().await;
    let reply = send(
        &server,
        Method::HEAD,
        USERS,
        &[(
            "authorization",
            format!("Token {}", retailer_admin().token).as_bytes(),
        )],
        "",
    )
    .await
    .expect("answered");
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.bytes().is_empty());
}

// ---------------------------------------------------------------------------
// Authentication and permissions.

#[tokio::test]
async fn missing_or_bad_credentials_are_401() {
    let server = server().await;
    let cases: [(&[u8], &str); 6] = [
        (b"", "Authentication credentials were not provided."),
        (
            b"Bearer demoretaileradmin00000000000000000000001",
            "Authentication credentials were not provided.",
        ),
        (b"Token", "Invalid token header. No credentials provided."),
        (
            b"Token a b",
            "Invalid token header. Token string should not contain spaces.",
        ),
        (
            b"Token \xff\xfe",
            "Invalid token header. Token string should not contain invalid characters.",
        ),
        (
            b"Token 0000000000000000000000000000000000000000",
            "Invalid token.",
        ),
    ];
    for (value, expected) in cases {
        let headers: Vec<(&str, &[u8])> = if value.is_empty() {
            Vec::new()
        } else {
            vec![("authorization", value)]
        };
        let reply = send(&server, Method::GET, USERS, &headers, "")
            .await
            .expect("answered");
        let detail = reply.assert_detail(StatusCode::UNAUTHORIZED);
        assert_eq!(detail, expected, "{:?}", String::from_utf8_lossy(value));
        assert_eq!(reply.header(header::WWW_AUTHENTICATE), Some("Token"));
    }
}

#[tokio::test]
async fn inactive_users_tokens_are_401() {
    let server = server().await;
    for user in DEMO_USERS.iter().filter(|u| u.status != "ACTIVE") {
        let reply = get(&server, USERS, Some(user.token)).await;
        let detail = reply.assert_detail(StatusCode::UNAUTHORIZED);
        assert_eq!(detail, "User inactive or deleted.", "{}", user.username);
    }
}

#[tokio::test]
async fn users_list_without_view_org_users_is_403() {
    let server = server().await;
    let without: Vec<_> = DEMO_USERS
        .iter()
        .filter(|u| u.status == "ACTIVE" && !u.has_permission("view_org_users"))
        .collect();
    assert_eq!(without.len(), 2);
    for user in without {
        let reply = get(&server, USERS, Some(user.token)).await;
        let detail = reply.assert_detail(StatusCode::FORBIDDEN);
        assert_eq!(
            detail,
            "You do not have permission to perform this action. (needs `view_org_users`)"
        );
    }
    // With view_org_users but not edit_org_users: allowed.
    let viewer = demo("viewer@retail.demo.example");
    assert_eq!(
        get(&server, USERS, Some(viewer.token)).await.status,
        StatusCode::OK
    );
}

// ---------------------------------------------------------------------------
// Routing errors.

#[tokio::test]
async fn unknown_paths_are_404() {
    let server = server().await;
    for path in [
        "/",
        "/organizations/users/all",
        "/organizations/users/all/extra/",
        "/ORGANIZATIONS/USERS/ALL/",
        "/api/organizations/users/all/",
        "/%FF%FE/",
    ] {
        let reply = get(&server, path, Some(retailer_admin().token)).await;
        assert_eq!(
            reply.assert_detail(StatusCode::NOT_FOUND),
            "Not found.",
            "{path}"
        );
    }
}

#[tokio::test]
async fn wrong_methods_are_405_with_allow() {
    let server = server().await;
    let reply = post_json(&server, USERS, "{}").await;
    assert_eq!(
        reply.assert_detail(StatusCode::METHOD_NOT_ALLOWED),
        "Method \"POST\" not allowed."
    );
    assert_eq!(reply.header(header::ALLOW), Some("GET,HEAD"));

    for method in [Method::GET, Method::PUT, Method::DELETE, Method::PATCH] {
        let reply = send(&server, method.clone(), LOGIN, &[], "")
            .await
            .expect("answered");
        assert_eq!(
            reply.assert_detail(StatusCode::METHOD_NOT_ALLOWED),
            format!("Method \"{method}\" not allowed.")
        );
        assert_eq!(reply.header(header::ALLOW), Some("POST"));
    }
}

// ---------------------------------------------------------------------------
// POST /organizations/user-login/

fn credentials(user: &crux_mock::DemoUser) -> String {
    json!({"username": user.username, "password": user.password}).to_string()
}

#[tokio::test]
async fn login_returns_the_token_and_account() {
    let server = server().await;
    for user in DEMO_USERS.iter().filter(|u| u.status == "ACTIVE") {
        let reply = post_json(&server, LOGIN, credentials(user)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", user.username);
        assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/json"));
        let json = reply.json();
        let login: LoginResponse = serde_json::from_value(json.clone()).expect("decodes");
        let org = user.org().expect("organization");

        assert_eq!(login.auth_token.expose_secret(), user.token);
        assert_eq!(login.user_uuid.to_string(), user.user_uuid);
        assert_eq!(login.org_uuid.to_string(), org.org_uuid);
        assert_eq!(login.org_type, OrgType::from(user.org_type));
        // The id of the other organization type is "" (docs/spec-decisions.md, E-29).
        assert_eq!(json["retailer_uuid"], org.retailer_uuid);
        assert_eq!(json["supplier_uuid"], org.supplier_uuid);
        match login.org_type {
            OrgType::Retailer => {
                assert!(login.retailer_uuid.is_some() && login.supplier_uuid.is_none());
            }
            _ => assert!(login.retailer_uuid.is_none() && login.supplier_uuid.is_some()),
        }
        let assigned: BTreeSet<_> = login
            .permission_assignments
            .assigned()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(assigned, user.permissions.iter().copied().collect());

        // The token works.
        let token = login.auth_token.expose_secret();
        let expected = if user.has_permission("view_org_users") {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(get(&server, USERS, Some(token)).await.status, expected);
    }
}

#[tokio::test]
async fn login_failures_are_identical() {
    let server = server().await;
    let admin = retailer_admin();
    let inactive = demo("former@retail.demo.example");
    let bodies = [
        json!({"username": admin.username, "password": "wrong"}),
        json!({"username": "nobody@demo.example", "password": admin.password}),
        json!({"username": admin.username.to_uppercase(), "password": admin.password}),
        json!({"username": inactive.username, "password": inactive.password}),
    ];
    let mut seen = Vec::new();
    for body in bodies {
        let reply = post_json(&server, LOGIN, body.to_string()).await;
        let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
        assert_eq!(detail, "Unable to log in with provided credentials.");
        seen.push((reply.bytes().clone(), reply.headers.len()));
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
}

#[tokio::test]
async fn login_body_errors_are_400_with_a_detail() {
    let server = server().await;
    let cases = [
        ("{\"username\": ", "JSON parse error - "),
        ("not json", "JSON parse error - "),
        ("", "JSON parse error - "),
        ("{\"username\": \"a\"}", "password: This field is required."),
        (
            "{}",
            "username: This field is required. password: This field is required.",
        ),
        (
            "{\"username\": null, \"password\": \"\"}",
            "username: This field may not be null. password: This field may not be blank.",
        ),
        (
            "{\"username\": 1, \"password\": \"x\"}",
            "username: Not a valid string.",
        ),
        (
            "[1, 2]",
            "Invalid data. Expected a dictionary, but got list.",
        ),
    ];
    for (body, expected) in cases {
        let reply = post_json(&server, LOGIN, body).await;
        let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
        assert!(detail.starts_with(expected), "{body:?}: {detail}");
    }
}

#[tokio::test]
async fn login_without_a_json_content_type_is_415() {
    let server = server().await;
    let body = credentials(retailer_admin());
    for content_type in [
        Some(&b"text/plain"[..]),
        Some(b"application/x-www-form-urlencoded"),
        None,
    ] {
        let headers: Vec<(&str, &[u8])> = content_type
            .map(|value| ("content-type", value))
            .into_iter()
            .collect();
        let reply = send(&server, Method::POST, LOGIN, &headers, body.clone())
            .await
            .expect("answered");
        let detail = reply.assert_detail(StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(detail.starts_with("Unsupported media type"), "{detail}");
    }
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let server = MockServer::builder()
        .max_body_bytes(1024)
        .start()
        .await
        .expect("starts");
    let padding = "x".repeat(2048);
    let body = json!({"username": "a", "password": padding}).to_string();
    let reply = post_json(&server, LOGIN, body).await;
    let detail = reply.assert_detail(StatusCode::PAYLOAD_TOO_LARGE);
    assert!(detail.contains("1024"), "{detail}");

    // At the limit: accepted (and then rejected as bad credentials).
    let body = json!({"username": "a", "password": "p"}).to_string();
    let body = format!("{body:<1024}");
    assert_eq!(body.len(), 1024);
    let reply = post_json(&server, LOGIN, body).await;
    reply.assert_detail(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn default_limit_is_one_mebibyte() {
    let server = server().await;
    let reply = post_json(&server, LOGIN, vec![b' '; 1024 * 1024 + 1]).await;
    reply.assert_detail(StatusCode::PAYLOAD_TOO_LARGE);
    let reply = post_json(&server, LOGIN, vec![b' '; 1024 * 1024]).await;
    // Within the limit, all blanks: not JSON.
    reply.assert_detail(StatusCode::BAD_REQUEST);
}

// ---------------------------------------------------------------------------
// Request counts.

#[tokio::test]
async fn requests_are_counted_per_method_and_path() {
    let server = server().await;
    let token = retailer_admin().token;
    get(&server, USERS, Some(token)).await;
    get(&server, USERS, None).await; // 401
    get(&server, &format!("{USERS}?page=2"), Some(token)).await; // query ignored
    post_json(&server, USERS, "{}").await; // 405
    post_json(&server, LOGIN, credentials(retailer_admin())).await;
    get(&server, "/nope/", None).await; // 404

    assert_eq!(server.request_count(&Method::GET, USERS), 3);
    assert_eq!(server.request_count(&Method::POST, USERS), 1);
    assert_eq!(server.request_count(&Method::POST, LOGIN), 1);
    assert_eq!(server.request_count(&Method::GET, "/nope/"), 1);
    assert_eq!(server.request_count(&Method::GET, LOGIN), 0);
    assert_eq!(
        server.request_count(&Method::GET, "/organizations/users/all"),
        0
    );
    assert_eq!(server.total_requests(), 6);
}

#[tokio::test]
async fn error_bodies_are_single_detail_objects() {
    // A spot check that nothing answers with axum's plain-text rejections.
    let server = server().await;
    let reply = send(
        &server,
        Method::POST,
        LOGIN,
        &[("content-type", b"application/json")],
        "{\"username\": \"a\", \"password\": \"b\", \"extra\": [1, {\"x\": null}]}",
    )
    .await
    .expect("answered");
    // Unknown fields are ignored, so this is a credentials failure.
    let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
    assert_eq!(detail, "Unable to log in with provided credentials.");
    let json: Value = reply.json();
    assert!(json.is_object());
}
