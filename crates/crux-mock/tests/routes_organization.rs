//! The organization endpoints (rows 8 to 11): the organization,
//! notifications and notification settings; routing of rows 3 to 11.

mod common;

use std::collections::BTreeSet;

use common::{
    assert_forbidden, buyer, call, finance, get, get_as, retailer_admin, send_json, send_raw,
    supply_admin, viewer, warehouse,
};
use crux_mock::{DEMO_ORGANIZATIONS, DEMO_USERS, DemoUser, MockServer};
use crux_types::{
    DashboardNotification, NotificationFrequency, NotificationSetting, NotificationSettingUpdate,
    NotificationVia, OrgType, Organization, OrganizationStatus,
};
use http::{Method, StatusCode, header};
use serde_json::json;

const ALL_PERMISSIONS: &str = "/organizations/all_permissions/";
const ORGANIZATION: &str = "/organizations/";
const NOTIFICATIONS: &str = "/notifications/";
const SETTINGS: &str = "/notifications/notification-settings/";

async fn server() -> MockServer {
    MockServer::start().await.expect("starts")
}

fn detail_path(uuid: &str) -> String {
    format!("/organizations/users/detail/{uuid}/")
}

fn permissions_path(uuid: &str) -> String {
    format!("/organizations/users/permissions/{uuid}/")
}

// ---------------------------------------------------------------------------
// GET /organizations/

#[tokio::test]
async fn organization_is_the_callers_for_any_valid_token() {
    let server = server().await;
    for user in DEMO_USERS.iter().filter(|u| u.status == "ACTIVE") {
        let org: Organization = get_as(&server, ORGANIZATION, user).await.decode();
        let demo_org = user.org().expect("organization");
        assert_eq!(org.uuid.to_string(), demo_org.org_uuid, "{}", user.username);
        assert_eq!(org.name, demo_org.name);
        assert_eq!(org.org_type, OrgType::from(demo_org.org_type));
        assert_eq!(org.status, OrganizationStatus::Active);
        let manager = org.account_manager.expect("an account manager");
        assert!(manager.person.email.ends_with("@accounts.demo.example"));
    }
    let retail: Organization = get_as(&server, ORGANIZATION, buyer()).await.decode();
    assert_eq!(retail.created_date.to_string(), "2018-02-09T17:02:13Z");
    assert_eq!(
        retail.active_date.map(|t| t.to_string()).as_deref(),
        Some("2018-02-12T09:30:00.123456Z")
    );
    let supply: Organization = get_as(&server, ORGANIZATION, warehouse()).await.decode();
    assert_eq!(supply.active_date, None);
    assert_ne!(retail.account_manager, supply.account_manager);

    get(&server, ORGANIZATION, None)
        .await
        .assert_detail(StatusCode::UNAUTHORIZED);
    assert_eq!(DEMO_ORGANIZATIONS.len(), 3);
}

// ---------------------------------------------------------------------------
// GET /notifications/

#[tokio::test]
async fn notifications_are_per_organization_and_need_view_order() {
    let server = server().await;
    let retail: Vec<DashboardNotification> =
        get_as(&server, NOTIFICATIONS, viewer()).await.decode();
    let supply: Vec<DashboardNotification> =
        get_as(&server, NOTIFICATIONS, warehouse()).await.decode();
    assert_eq!(retail.len(), 3);
    assert_eq!(supply.len(), 3);
    for list in [&retail, &supply] {
        assert!(list.iter().all(|n| n.kind == NotificationVia::Dashboard));
        assert!(list.windows(2).all(|w| w[0].created_at >= w[1].created_at));
    }
    assert!(
        retail
            .iter()
            .all(|r| supply.iter().all(|s| s.uuid != r.uuid))
    );
    // The admin sees the same list as the viewer.
    let admin: Vec<DashboardNotification> = get_as(&server, NOTIFICATIONS, retailer_admin())
        .await
        .decode();
    assert_eq!(admin, retail);
    // finance has no view_order.
    assert_forbidden(&get_as(&server, NOTIFICATIONS, finance()).await);
}

// ---------------------------------------------------------------------------
// GET and PUT /notifications/notification-settings/

fn setting_id(user: &DemoUser, n: &str) -> String {
    let user_n = &user.user_uuid[34..];
    format!("d0000008-0000-4000-8000-00000000{user_n}{n}")
}

#[tokio::test]
async fn settings_are_the_callers_own() {
    let server = server().await;
    for user in [retailer_admin(), buyer(), supply_admin(), warehouse()] {
        let settings: Vec<NotificationSetting> = get_as(&server, SETTINGS, user).await.decode();
        assert_eq!(settings.len(), 4, "{}", user.username);
        for (i, setting) in settings.iter().enumerate() {
            assert_eq!(setting.org_user.uuid.to_string(), user.user_uuid);
            assert_eq!(
                setting.uuid.to_string(),
                setting_id(user, &format!("0{}", i + 1))
            );
            assert!(!setting.notification_type.is_empty());
        }
        // The last one has an email channel only.
        let last = settings.last().expect("settings");
        assert_eq!(last.notification_type.len(), 1);
        assert!(last.channel(&NotificationVia::Email).is_some());
    }
    assert_forbidden(&get_as(&server, SETTINGS, viewer()).await);
    assert_forbidden(&get_as(&server, SETTINGS, finance()).await);
}

#[tokio::test]
async fn put_settings_then_get_returns_the_update() {
    let server = server().await;
    let user = buyer();
    let before: Vec<NotificationSetting> = get_as(&server, SETTINGS, user).await.decode();
    let uuid = before[1].uuid;
    assert!(
        !before[1]
            .channel(&NotificationVia::Dashboard)
            .expect("dashboard")
            .enabled
    );

    let update = NotificationSettingUpdate::new(uuid, NotificationVia::Dashboard)
        .with_enabled(true)
        .with_frequency(NotificationFrequency::RealTime);
    let updated: NotificationSetting = send_json(&server, Method::PUT, SETTINGS, user, &update)
        .await
        .decode();
    let dashboard = updated
        .channel(&NotificationVia::Dashboard)
        .expect("dashboard");
    assert!(dashboard.enabled);
    assert_eq!(
        dashboard.notification_frequency,
        NotificationFrequency::RealTime
    );
    // The other channel is untouched.
    assert_eq!(
        updated.channel(&NotificationVia::Email),
        before[1].channel(&NotificationVia::Email)
    );

    let after: Vec<NotificationSetting> = get_as(&server, SETTINGS, user).await.decode();
    assert_eq!(after[1], updated);
    assert_eq!(after[0], before[0]);
    assert_eq!(after[2..], before[2..]);

    // The docs' sample shape: "enabled" as the string "True", "Email".
    let body = json!({
        "notification_via": "Email",
        "enabled": "False",
        "uuid": uuid.to_string(),
    });
    let updated: NotificationSetting = send_json(&server, Method::PUT, SETTINGS, user, &body)
        .await
        .decode();
    let email = updated.channel(&NotificationVia::Email).expect("email");
    assert!(!email.enabled);
    assert_eq!(email.notification_frequency, NotificationFrequency::Daily);
    let after: Vec<NotificationSetting> = get_as(&server, SETTINGS, user).await.decode();
    assert_eq!(after[1], updated);

    // Per user: the admin's settings did not change.
    let admin: Vec<NotificationSetting> =
        get_as(&server, SETTINGS, retailer_admin()).await.decode();
    assert!(
        !admin[1]
            .channel(&NotificationVia::Dashboard)
            .expect("dashboard")
            .enabled
    );
}

#[tokio::test]
async fn put_settings_errors() {
    let server = server().await;
    let user = supply_admin();
    let own = setting_id(user, "02");
    // 404: unknown, or another user's setting (same organization).
    for uuid in [
        "d0000008-0000-4000-8000-000000009999".to_owned(),
        setting_id(warehouse(), "02"),
    ] {
        let body = json!({"uuid": uuid, "notification_via": "email", "enabled": false});
        let reply = send_json(&server, Method::PUT, SETTINGS, user, &body).await;
        assert_eq!(reply.assert_detail(StatusCode::NOT_FOUND), "Not found.");
    }
    // 400: missing fields, bad types, undocumented values, a channel the
    // setting does not have.
    let cases = [
        (
            json!({}),
            "uuid: This field is required. notification_via: This field is required.",
        ),
        (
            json!({"uuid": own, "notification_via": null}),
            "notification_via: This field may not be null.",
        ),
        (
            json!({"uuid": "nope", "notification_via": "email"}),
            "Invalid data - ",
        ),
        (
            json!({"uuid": own, "notification_via": "email", "enabled": "maybe"}),
            "Invalid data - ",
        ),
        (
            json!({"uuid": own, "notification_via": "SMS"}),
            "notification_via: \"SMS\" is not a valid choice.",
        ),
        (
            json!({"uuid": own, "notification_via": "email", "notification_frequency": "Weekly"}),
            "notification_frequency: \"Weekly\" is not a valid choice.",
        ),
        (
            json!({"uuid": setting_id(user, "04"), "notification_via": "Dashboard", "enabled": true}),
            "notification_via: this notification setting has no \"Dashboard\" channel.",
        ),
        (
            json!([1]),
            "Invalid data. Expected a dictionary, but got list.",
        ),
    ];
    for (body, expected) in cases {
        let reply = send_json(&server, Method::PUT, SETTINGS, user, &body).await;
        let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
        assert!(detail.starts_with(expected), "{body}: {detail}");
    }
    let reply = send_raw(
        &server,
        Method::PUT,
        SETTINGS,
        user,
        Some("text/plain"),
        "{}",
    )
    .await;
    reply.assert_detail(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let reply = call(&server, Method::PUT, SETTINGS, user, Some("{".to_owned())).await;
    reply.assert_detail(StatusCode::BAD_REQUEST);

    // Nothing changed.
    let settings: Vec<NotificationSetting> = get_as(&server, SETTINGS, user).await.decode();
    let fresh: Vec<NotificationSetting> =
        get_as(&MockServer::start().await.unwrap(), SETTINGS, user)
            .await
            .decode();
    assert_eq!(settings, fresh);
}

#[tokio::test]
async fn put_settings_needs_both_permissions() {
    let server = server().await;
    let body = json!({"uuid": setting_id(warehouse(), "01"), "notification_via": "email"});
    // warehouse: view_notifications_settings only; viewer: neither.
    assert_eq!(
        get_as(&server, SETTINGS, warehouse()).await.status,
        StatusCode::OK
    );
    for user in [warehouse(), viewer(), finance()] {
        assert_forbidden(&send_json(&server, Method::PUT, SETTINGS, user, &body).await);
        // 403 before the body.
        assert_forbidden(&send_raw(&server, Method::PUT, SETTINGS, user, None, "x").await);
    }
}

// ---------------------------------------------------------------------------
// Routing.

#[tokio::test]
async fn wrong_methods_list_every_method_of_the_path() {
    let server = server().await;
    let admin = retailer_admin();
    let cases = [
        (
            Method::POST,
            permissions_path(admin.user_uuid),
            "GET,HEAD,PATCH,DELETE",
        ),
        (
            Method::PUT,
            permissions_path("anything"),
            "GET,HEAD,PATCH,DELETE",
        ),
        (Method::POST, SETTINGS.to_owned(), "GET,HEAD,PUT"),
        (Method::DELETE, detail_path(admin.user_uuid), "GET,HEAD"),
        (Method::POST, ALL_PERMISSIONS.to_owned(), "GET,HEAD"),
        (Method::PATCH, ORGANIZATION.to_owned(), "GET,HEAD"),
        (Method::PUT, NOTIFICATIONS.to_owned(), "GET,HEAD"),
    ];
    for (method, path, allow) in cases {
        let reply = call(&server, method.clone(), &path, admin, Some("{}".to_owned())).await;
        let detail = reply.assert_detail(StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(detail, format!("Method \"{method}\" not allowed."));
        let header = reply.header(header::ALLOW).expect("Allow");
        let methods: BTreeSet<&str> = header.split(',').collect();
        assert_eq!(methods, allow.split(',').collect(), "{method} {path}");
    }
    // Slash-less and nested forms are unknown paths.
    for path in [
        "/organizations",
        "/notifications",
        "/organizations/users/detail/",
    ] {
        get_as(&server, path, admin)
            .await
            .assert_detail(StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn new_routes_are_counted_and_answer_head() {
    let server = server().await;
    let admin = retailer_admin();
    let path = permissions_path(admin.user_uuid);
    get_as(&server, &path, admin).await;
    let empty = json!({ "permission_uuids": [] });
    send_json(&server, Method::PATCH, &path, admin, &empty).await;
    send_json(&server, Method::DELETE, &path, admin, &empty).await;
    assert_eq!(server.request_count(&Method::GET, &path), 1);
    assert_eq!(server.request_count(&Method::PATCH, &path), 1);
    assert_eq!(server.request_count(&Method::DELETE, &path), 1);

    let auth = format!("Token {}", admin.token);
    let reply = common::send(
        &server,
        Method::HEAD,
        SETTINGS,
        &[("authorization", auth.as_bytes())],
        "",
    )
    .await
    .expect("answered");
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.bytes().is_empty());
}

// ---------------------------------------------------------------------------
// Snapshots of the bodies as served.

#[tokio::test]
async fn organization_bodies_snapshot_for_the_retailer_admin() {
    let server = server().await;
    let user = retailer_admin();
    insta::assert_snapshot!(
        "retailer_organization",
        get_as(&server, ORGANIZATION, user)
            .await
            .wire::<Organization>()
    );
    insta::assert_snapshot!(
        "retailer_notifications",
        get_as(&server, NOTIFICATIONS, user)
            .await
            .wire::<Vec<DashboardNotification>>()
    );
    insta::assert_snapshot!(
        "retailer_admin_settings",
        get_as(&server, SETTINGS, user)
            .await
            .wire::<Vec<NotificationSetting>>()
    );
}
