//! Every route of rows 1 to 16 against every demo user: the README's "Who
//! can call what" table, through HTTP.

mod common;

use common::{call, demo};
use crux_mock::{DEMO_USERS, DemoUser, MockServer};
use http::{Method, StatusCode};

/// The README's table: active users in this order.
const USERS: [&str; 6] = [
    "admin@retail.demo.example",
    "buyer@retail.demo.example",
    "viewer@retail.demo.example",
    "admin@supply.demo.example",
    "warehouse@supply.demo.example",
    "finance@supply.demo.example",
];

/// `true`: 200; `false`: 403. Per route group, as the README shows them.
const MATRIX: [(&[&str], [bool; 6]); 9] = [
    (&["view_org_users"], [true, false, true, true, false, true]),
    (
        &["edit_org_users"],
        [true, false, false, true, false, false],
    ),
    (&[], [true; 6]),
    (&["view_order"], [true, true, true, true, true, false]),
    (
        &["view_notifications_settings"],
        [true, true, false, true, true, false],
    ),
    (
        &[
            "view_notifications_settings",
            "edit_email_notifications_preferences",
        ],
        [true, true, false, true, false, false],
    ),
    (
        &["view_org_subscription_plan"],
        [true, false, true, true, false, true],
    ),
    (
        &["view_payment_info"],
        [true, false, false, true, false, true],
    ),
    (
        &["view_billing_statement"],
        [true, false, true, true, false, true],
    ),
];

/// A request of each route, as `user`: (matrix row, method, path, body).
fn requests(user: &DemoUser) -> Vec<(usize, Method, String, Option<String>)> {
    let me = user.user_uuid;
    let setting = format!("d0000008-0000-4000-8000-00000000{}01", &me[34..]);
    let transaction = if user.org_type == "RETAILER" {
        "100000001"
    } else {
        "200000001"
    };
    let empty = Some(r#"{"permission_uuids": []}"#.to_owned());
    vec![
        (0, Method::GET, "/organizations/users/all/".into(), None),
        (
            0,
            Method::GET,
            format!("/organizations/users/detail/{me}/"),
            None,
        ),
        (
            0,
            Method::GET,
            "/organizations/all_permissions/".into(),
            None,
        ),
        (
            0,
            Method::GET,
            format!("/organizations/users/permissions/{me}/"),
            None,
        ),
        (
            1,
            Method::PATCH,
            format!("/organizations/users/permissions/{me}/"),
            empty.clone(),
        ),
        (
            1,
            Method::DELETE,
            format!("/organizations/users/permissions/{me}/"),
            empty,
        ),
        (2, Method::GET, "/organizations/".into(), None),
        (3, Method::GET, "/notifications/".into(), None),
        (
            4,
            Method::GET,
            "/notifications/notification-settings/".into(),
            None,
        ),
        (
            5,
            Method::PUT,
            "/notifications/notification-settings/".into(),
            Some(format!(
                r#"{{"uuid": "{setting}", "notification_via": "email"}}"#
            )),
        ),
        (6, Method::GET, "/organizations/subscription/".into(), None),
        (7, Method::GET, "/accounting/payment-methods/".into(), None),
        (8, Method::GET, "/accounting/transactions/".into(), None),
        (
            8,
            Method::GET,
            format!("/accounting/transactions/{transaction}/"),
            None,
        ),
        (
            8,
            Method::POST,
            "/accounting/transactions/export/".into(),
            Some("{}".into()),
        ),
    ]
}

#[test]
fn the_matrix_follows_the_demo_permissions() {
    for (names, allowed) in MATRIX {
        for (username, expected) in USERS.iter().zip(allowed) {
            let user = demo(username);
            let has = names.iter().all(|name| user.has_permission(name));
            assert_eq!(has, expected, "{username} {names:?}");
        }
    }
}

#[tokio::test]
async fn every_route_answers_every_demo_user_as_documented() {
    let server = MockServer::start().await.expect("starts");
    for (column, username) in USERS.iter().enumerate() {
        let user = demo(username);
        for (row, method, path, body) in requests(user) {
            let reply = call(&server, method.clone(), &path, user, body).await;
            let expected = if MATRIX[row].1[column] {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(reply.status, expected, "{username} {method} {path}");
        }
    }
    // Users who are not ACTIVE: 401 everywhere.
    for user in DEMO_USERS.iter().filter(|u| u.status != "ACTIVE") {
        for (_, method, path, body) in requests(user) {
            let reply = call(&server, method.clone(), &path, user, body).await;
            let detail = reply.assert_detail(StatusCode::UNAUTHORIZED);
            assert_eq!(detail, "User inactive or deleted.", "{method} {path}");
        }
    }
}
