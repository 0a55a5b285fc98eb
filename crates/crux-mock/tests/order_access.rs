//! Rows 17 to 32 against every active demo user of the README's "Who can
//! call what" table, through HTTP: 200-class (through the guard), 403 or
//! 409 as the table says.

mod common;

use common::{call, demo};
use crux_mock::MockServer;
use crux_types::endpoint::{self as e, Endpoint};
use http::Method;

/// The README's users, in its column order.
const USERS: [&str; 6] = [
    "admin@retail.demo.example",
    "buyer@retail.demo.example",
    "viewer@retail.demo.example",
    "admin@supply.demo.example",
    "warehouse@supply.demo.example",
    "finance@supply.demo.example",
];

/// Through the guard (the handler answers: 2xx, 400 or 404).
const OK: u16 = 0;

/// The README's rows: the endpoints and each user's answer.
const MATRIX: [(&[&Endpoint], [u16; 6]); 9] = [
    (
        &[&e::ORDERS_SEARCH, &e::ORDERS_GET],
        [OK, OK, OK, OK, OK, 403],
    ),
    (
        &[&e::ORDERS_EXPORT, &e::ORDERS_EXPORT_BY_SEARCH],
        [OK, OK, 403, OK, 403, 403],
    ),
    (&[&e::ORDERS_CREATE], [OK, OK, 403, 409, 409, 409]),
    (&[&e::ORDERS_FEES], [OK, OK, OK, 409, 409, 409]),
    (
        &[&e::ORDERS_CANCEL, &e::ORDERS_CANCEL_ITEM],
        [OK, OK, 403, 409, 409, 409],
    ),
    (&[&e::ORDERS_ADD_TRACKING], [409, 409, 409, OK, OK, 403]),
    (&[&e::ORDERS_ALLOCATE], [409, 409, 409, OK, OK, 403]),
    (&[&e::CONNECTIONS_LIST], [OK; 6]),
    (
        &[
            &e::DISCOVERY_SUPPLIERS,
            &e::CONNECTIONS_CREATE_REQUEST,
            &e::CONNECTIONS_REQUESTS,
            &e::CONNECTIONS_GET_REQUEST,
            &e::CONNECTIONS_UPDATE_REQUEST,
        ],
        [OK, OK, OK, 409, 409, 409],
    ),
];

#[tokio::test]
async fn every_order_and_discovery_route_answers_every_demo_user_as_documented() {
    let server = MockServer::start().await.expect("starts");
    let mut covered = 0;
    for (endpoints, expected) in MATRIX {
        for endpoint in endpoints {
            covered += 1;
            let ids: Vec<&str> = endpoint
                .path_params()
                .map(|_| "d0000000-0000-4000-8000-000000000000")
                .collect();
            let path = endpoint.path_with(&ids).expect("a path");
            let method = Method::from_bytes(endpoint.method.as_str().as_bytes()).expect("a method");
            for (user, want) in USERS.iter().zip(expected) {
                let body =
                    (method != Method::GET && method != Method::DELETE).then(|| "{}".to_owned());
                let status = call(&server, method.clone(), &path, demo(user), body)
                    .await
                    .status
                    .as_u16();
                let who = format!("{} as {user}", endpoint.name);
                if want == OK {
                    assert!(![401, 403, 405, 409].contains(&status), "{who}: {status}");
                } else {
                    assert_eq!(status, want, "{who}");
                }
            }
        }
    }
    assert_eq!(covered, 16, "rows 17 to 32");
}
