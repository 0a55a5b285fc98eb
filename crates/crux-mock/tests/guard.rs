//! The router and the guard, for every endpoint of the catalogue: every
//! implemented endpoint routed and no other, 401 without a valid token, 409
//! for the wrong organization type, 403 naming the missing permissions, and
//! otherwise through to the handler. Driven by `crux_types::endpoint::ALL`,
//! so a newly implemented endpoint is checked without a new test.

mod common;

use bytes::Bytes;
use common::{PERMISSION_DENIED, Reply, send};
use crux_mock::{DEMO_USERS, DemoUser, MockServer};
use crux_types::OrgType;
use crux_types::endpoint::{self, Caller, Endpoint};
use http::{Method, StatusCode, header};

/// Any id will do: the guard answers before the path's object is looked up.
const ANY_ID: &str = "d0000000-0000-4000-8000-000000000000";

/// The endpoints the catalogue marks implemented.
fn implemented() -> impl Iterator<Item = &'static Endpoint> {
    endpoint::ALL.iter().filter(|e| e.implemented)
}

/// `endpoint`'s path with [`ANY_ID`] for each placeholder.
fn path(endpoint: &Endpoint) -> String {
    let ids: Vec<&str> = endpoint.path_params().map(|_| ANY_ID).collect();
    endpoint.path_with(&ids).expect("a path")
}

fn method(endpoint: &Endpoint) -> Method {
    Method::from_bytes(endpoint.method.as_str().as_bytes()).expect("a method")
}

/// `endpoint` called with `authorization` (if any) and a `{}` JSON body.
async fn call(server: &MockServer, endpoint: &Endpoint, authorization: Option<&str>) -> Reply {
    let mut headers: Vec<(&str, &[u8])> = vec![("content-type", b"application/json")];
    if let Some(value) = authorization {
        headers.push(("authorization", value.as_bytes()));
    }
    send(
        server,
        method(endpoint),
        &path(endpoint),
        &headers,
        Bytes::from("{}"),
    )
    .await
    .expect("answered")
}

fn org_type(user: &DemoUser) -> OrgType {
    OrgType::from(user.org_type)
}

#[tokio::test]
async fn every_endpoint_needs_a_valid_token_of_an_active_user() {
    let server = MockServer::start().await.expect("starts");
    let inactive: Vec<_> = DEMO_USERS.iter().filter(|u| u.status != "ACTIVE").collect();
    assert!(!inactive.is_empty());
    for endpoint in implemented() {
        let name = endpoint.name;
        if endpoint.caller == Caller::NoToken {
            let reply = call(&server, endpoint, None).await;
            assert_ne!(reply.status, StatusCode::UNAUTHORIZED, "{name}");
            continue;
        }
        let cases: Vec<(Option<String>, &str)> = [
            (None, "Authentication credentials were not provided."),
            (
                Some("Bearer x".into()),
                "Authentication credentials were not provided.",
            ),
            (
                Some("Token".into()),
                "Invalid token header. No credentials provided.",
            ),
            (Some("Token nope".into()), "Invalid token."),
        ]
        .into_iter()
        .chain(inactive.iter().map(|u| {
            (
                Some(format!("Token {}", u.token)),
                "User inactive or deleted.",
            )
        }))
        .collect();
        for (authorization, expected) in cases {
            let reply = call(&server, endpoint, authorization.as_deref()).await;
            let detail = reply.assert_detail(StatusCode::UNAUTHORIZED);
            assert_eq!(detail, expected, "{name} with {authorization:?}");
            assert_eq!(
                reply.header(header::WWW_AUTHENTICATE),
                Some("Token"),
                "{name}"
            );
        }
    }
}

#[tokio::test]
async fn every_endpoint_checks_type_then_permissions_as_the_catalogue_says() {
    let server = MockServer::start().await.expect("starts");
    let mut seen = [0_usize; 3]; // [409, 403, through]
    for endpoint in implemented().filter(|e| e.caller != Caller::NoToken) {
        for user in DEMO_USERS.iter().filter(|u| u.status == "ACTIVE") {
            let org_type = org_type(user);
            let missing: Vec<&str> = endpoint
                .permissions_for(&org_type)
                .filter(|p| !user.has_permission(p))
                .collect();
            let reply = call(&server, endpoint, Some(&format!("Token {}", user.token))).await;
            let who = format!("{} as {}", endpoint.name, user.username);
            if !endpoint.allows(&org_type) {
                let detail = reply.assert_detail(StatusCode::CONFLICT);
                assert!(detail.contains(endpoint.name), "{who}: {detail}");
                assert!(detail.contains(endpoint.caller.as_str()), "{who}: {detail}");
                seen[0] += 1;
            } else if !missing.is_empty() {
                let names: Vec<String> = missing.iter().map(|p| format!("`{p}`")).collect();
                let expected = format!("{PERMISSION_DENIED} (needs {})", names.join(" and "));
                assert_eq!(
                    reply.assert_detail(StatusCode::FORBIDDEN),
                    expected,
                    "{who}"
                );
                seen[1] += 1;
            } else {
                // Through the guard: the handler answers (200, or 404 for
                // the placeholder id, or 400 for the `{}` body).
                let status = reply.status;
                assert!(
                    ![401, 403, 405, 409].contains(&status.as_u16()),
                    "{who}: {status}"
                );
                seen[2] += 1;
            }
        }
    }
    // The product endpoints include retailer-only and supplier-only ones.
    assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    assert!(seen[0] >= 17 * 3, "{seen:?}");
}

#[tokio::test]
async fn endpoints_not_implemented_are_not_routed() {
    let server = MockServer::start().await.expect("starts");
    let admin = &DEMO_USERS[0];
    let token = format!("Token {}", admin.token);
    for endpoint in endpoint::ALL.iter().filter(|e| !e.implemented) {
        let reply = call(&server, endpoint, Some(&token)).await;
        assert!(
            [404, 405].contains(&reply.status.as_u16()),
            "{}: {}",
            endpoint.name,
            reply.status
        );
    }
}

#[tokio::test]
async fn every_implemented_endpoint_is_routed() {
    // The router answers 404 and 405 before the guard: without a token, a
    // routed endpoint gets the guard's 401, and the login (no token needed)
    // its handler's answer. A 404 or 405 means the endpoint is not routed.
    let server = MockServer::start().await.expect("starts");
    assert!(implemented().count() > 0);
    for endpoint in implemented() {
        let status = call(&server, endpoint, None).await.status;
        let name = endpoint.name;
        if endpoint.caller == Caller::NoToken {
            assert!(![404, 405].contains(&status.as_u16()), "{name}: {status}");
        } else {
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{name}: {status}");
        }
    }
}
