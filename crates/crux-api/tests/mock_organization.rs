//! The organization and accounting (feature `accounting`) endpoints against
//! crux-mock: each one succeeds for a demo user with the permission its page
//! names, is a 403 for a user of the same organization without it, and
//! writes are seen by the next read.

use crux_api::{Client, Error, RetryPolicy};
use crux_mock::{DEMO_USERS, DemoUser, MockServer};
use crux_types::{NotificationSettingUpdate, NotificationVia, PermissionId, UserId};

const RETAIL_ADMIN: &str = "admin@retail.demo.example";
const SUPPLY_ADMIN: &str = "admin@supply.demo.example";

fn demo(username: &str) -> &'static DemoUser {
    DemoUser::find(username).expect("demo user")
}

fn client(mock: &MockServer, user: &DemoUser) -> Client {
    Client::builder()
        .token(user.token)
        .base_url(mock.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client builds")
}

/// An active user of `admin`'s organization who lacks `permission`.
fn without(admin: &DemoUser, permission: &str) -> &'static DemoUser {
    DEMO_USERS
        .iter()
        .find(|u| {
            u.organization == admin.organization
                && u.status == "ACTIVE"
                && !u.has_permission(permission)
        })
        .unwrap_or_else(|| {
            panic!(
                "no active demo user of {} lacks {permission}",
                admin.organization
            )
        })
}

fn user_id(user: &DemoUser) -> UserId {
    user.user_uuid.parse().expect("demo uuid")
}

fn assert_forbidden<T: std::fmt::Debug>(result: Result<T, Error>, what: &str) {
    let error = result.expect_err(what);
    assert!(error.is_forbidden(), "{what}: {error}");
}

#[tokio::test]
async fn reads_succeed_with_the_permission_and_are_forbidden_without() {
    let mock = MockServer::start().await.expect("mock starts");
    for admin in [demo(RETAIL_ADMIN), demo(SUPPLY_ADMIN)] {
        let api = client(&mock, admin);
        let me = user_id(admin);
        assert_eq!(
            api.users().get(me).await.expect("user").person.email,
            admin.username
        );
        let assignments = api.users().permissions(me).await.expect("user permissions");
        assert!(
            assignments
                .permissions
                .iter()
                .any(|p| p.assigned && p.permission.name == "view_org_users")
        );
        assert!(
            !api.permissions()
                .list()
                .await
                .expect("all permissions")
                .is_empty()
        );
        assert_eq!(
            api.organization().get().await.expect("organization").name,
            admin.organization
        );
        api.notifications().list().await.expect("notifications");
        assert!(
            !api.notifications()
                .settings()
                .await
                .expect("settings")
                .is_empty()
        );

        let lacking = |permission| client(&mock, without(admin, permission));
        assert_forbidden(
            lacking("view_org_users").users().get(me).await,
            "user detail",
        );
        assert_forbidden(
            lacking("view_org_users").users().permissions(me).await,
            "user permissions",
        );
        assert_forbidden(
            lacking("view_org_users").permissions().list().await,
            "all permissions",
        );
        assert_forbidden(
            lacking("view_notifications_settings")
                .notifications()
                .settings()
                .await,
            "settings",
        );
    }
}

#[tokio::test]
async fn another_organizations_objects_are_not_found() {
    let mock = MockServer::start().await.expect("mock starts");
    let retail = client(&mock, demo(RETAIL_ADMIN));
    let supplier = user_id(demo(SUPPLY_ADMIN));
    let error = retail
        .users()
        .get(supplier)
        .await
        .expect_err("another org's user");
    assert!(error.is_not_found(), "{error}");
    let error = retail
        .users()
        .permissions(supplier)
        .await
        .expect_err("another org's user");
    assert!(error.is_not_found(), "{error}");
}

#[tokio::test]
async fn granted_permissions_are_read_back_and_revoked_ones_are_gone() {
    let mock = MockServer::start().await.expect("mock starts");
    let admin = demo(RETAIL_ADMIN);
    let api = client(&mock, admin);
    let buyer = without(admin, "view_org_users");
    let buyer_id = user_id(buyer);
    let view_users: PermissionId = api
        .permissions()
        .list()
        .await
        .expect("all permissions")
        .into_iter()
        .find(|p| p.name == "view_org_users")
        .expect("view_org_users exists")
        .uuid;
    let assigned = |user: crux_types::User| {
        user.permission_assignments
            .permissions
            .iter()
            .any(|p| p.assigned && p.permission.uuid == view_users)
    };

    api.users()
        .add_permissions(buyer_id, &[view_users])
        .await
        .expect("grant");
    assert!(assigned(api.users().get(buyer_id).await.expect("user")));
    client(&mock, buyer)
        .users()
        .list()
        .await
        .expect("the grant takes effect at once");

    api.users()
        .remove_permissions(buyer_id, &[view_users])
        .await
        .expect("revoke");
    assert!(!assigned(api.users().get(buyer_id).await.expect("user")));
    assert_forbidden(
        client(&mock, buyer).users().list().await,
        "after the revoke",
    );

    let editor_less = client(&mock, without(admin, "edit_org_users"));
    assert_forbidden(
        editor_less
            .users()
            .add_permissions(buyer_id, &[view_users])
            .await,
        "grant without edit_org_users",
    );
}

#[tokio::test]
async fn an_updated_notification_setting_is_what_the_next_read_returns() {
    let mock = MockServer::start().await.expect("mock starts");
    let api = client(&mock, demo(SUPPLY_ADMIN));
    let before = api.notifications().settings().await.expect("settings");
    let setting = &before[0];
    let email = setting
        .notification_type
        .iter()
        .find(|t| t.notification_via == NotificationVia::Email)
        .expect("an email channel");
    let update = NotificationSettingUpdate {
        uuid: setting.uuid,
        notification_via: NotificationVia::Email,
        enabled: Some(!email.enabled),
        notification_frequency: None,
    };
    api.notifications()
        .update_settings(update)
        .await
        .expect("update");

    let after = api.notifications().settings().await.expect("settings");
    let changed = after
        .iter()
        .find(|s| s.uuid == setting.uuid)
        .expect("same setting");
    let email_after = changed
        .notification_type
        .iter()
        .find(|t| t.notification_via == NotificationVia::Email)
        .expect("an email channel");
    assert_eq!(email_after.enabled, !email.enabled);
    assert_eq!(
        email_after.notification_frequency, email.notification_frequency,
        "untouched"
    );
}

#[cfg(feature = "accounting")]
#[tokio::test]
async fn accounting_reads_succeed_with_the_permission_and_are_forbidden_without() {
    let mock = MockServer::start().await.expect("mock starts");
    for admin in [demo(RETAIL_ADMIN), demo(SUPPLY_ADMIN)] {
        let api = client(&mock, admin);
        api.subscription().get().await.expect("subscription");
        api.payment_method().get().await.expect("payment method");
        let transactions = api.transactions().list().await.expect("transactions");
        let first = transactions.first().expect("demo transactions");
        let id = first.transaction_id.clone();
        api.transactions().get(id).await.expect("transaction");
        api.transactions().export().await.expect("export");

        let lacking = |permission| client(&mock, without(admin, permission));
        assert_forbidden(
            lacking("view_org_subscription_plan")
                .subscription()
                .get()
                .await,
            "subscription",
        );
        assert_forbidden(
            lacking("view_payment_info").payment_method().get().await,
            "payment method",
        );
        assert_forbidden(
            lacking("view_billing_statement")
                .transactions()
                .list()
                .await,
            "transactions",
        );
        assert_forbidden(
            lacking("view_billing_statement")
                .transactions()
                .export()
                .await,
            "export",
        );
    }
}

#[cfg(feature = "accounting")]
#[tokio::test]
async fn another_organizations_transaction_is_not_found() {
    let mock = MockServer::start().await.expect("mock starts");
    let retail = client(&mock, demo(RETAIL_ADMIN));
    let supply = client(&mock, demo(SUPPLY_ADMIN));
    let theirs = supply.transactions().list().await.expect("transactions");
    let id = theirs
        .first()
        .expect("demo transactions")
        .transaction_id
        .clone();
    let error = retail
        .transactions()
        .get(id)
        .await
        .expect_err("another org's transaction");
    assert!(error.is_not_found(), "{error}");
}
