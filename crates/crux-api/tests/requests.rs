//! Every endpoint's request as sent (method, path, headers, body) and the
//! decoding of its documented response, through the replay transport; and a
//! check that together these calls reach every endpoint of the organization
//! and accounting sections the catalogue marks implemented, and no other
//! (the other sections have their own files).

mod support;

use crux_api::{
    Client, RetryPolicy,
    transport::test_util::{ReplayEvent, ReplayTransport},
    types::{NotificationSettingUpdate, NotificationVia, PermissionId, UserId, endpoint},
};
use endpoint::Section::{Accounting, Organization};
use support::{
    CANARY,
    sent::{
        Sent, assert_reaches_each_once, checked, checked_count, checked_for, describe,
        describe_all, header,
    },
};

macro_rules! fixture {
    ($path:literal) => {
        include_str!(concat!("../../crux-types/tests/fixtures/", $path))
    };
}

const USER: &str = "52d13dc7-5463-4f90-9e5b-5b8ec97228ff";
const VIEW_USERS: &str = "68b1647d-b6a7-48b1-9ec2-bf2f1003b6cc";
const EDIT_USERS: &str = "293d9373-c318-4724-881c-a4e5b0b3e952";

fn client(replay: &ReplayTransport) -> Client {
    Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(replay.clone())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client builds")
}

/// `POST /organizations/user-login/` with the docs' credentials, then the
/// user list with the token it returned.
async fn login_and_list_users() -> Vec<Sent> {
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, fixture!("organization/login_response.json")),
        ReplayEvent::json(200, fixture!("organization/get_all_users.json")),
    ]);
    // A token on the builder is ignored by the login, and must not show either.
    let builder = Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(replay.clone())
        .retry(RetryPolicy::disabled());
    let (client, login) = checked(builder)
        .login("user@mycompany.com", "crux_is_awesome")
        .await
        .expect("login");
    assert_eq!(login.user_uuid.to_string(), USER);
    let users = checked_for(login.auth_token.expose_secret(), client.users().list());
    assert!(!users.await.expect("users").is_empty());
    let requests = replay.requests();
    assert_eq!(
        header(&requests[0], "authorization"),
        "-",
        "login sends no token"
    );
    let token = format!("Token {}", login.auth_token.expose_secret());
    assert_eq!(header(&requests[1], "authorization"), token);
    requests
}

/// Every organization endpoint but login and the user list, in order.
async fn organization_requests() -> Vec<Sent> {
    let user: UserId = USER.parse().expect("uuid");
    let permissions: [PermissionId; 2] = [
        VIEW_USERS.parse().expect("uuid"),
        EDIT_USERS.parse().expect("uuid"),
    ];
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, fixture!("organization/get_user.json")),
        ReplayEvent::json(200, fixture!("organization/get_user_permissions.json")),
        ReplayEvent::status(200),
        ReplayEvent::json(204, ""),
        ReplayEvent::json(200, fixture!("organization/get_all_permissions.json")),
        ReplayEvent::json(200, fixture!("organization/get_organization_details.json")),
        ReplayEvent::json(
            200,
            fixture!("organization/get_dashboard_notifications.json"),
        ),
        ReplayEvent::json(200, fixture!("organization/get_notification_settings.json")),
        ReplayEvent::json(200, "{}"),
    ]);
    let client = client(&replay);

    let detail = checked(client.users().get(user)).await.expect("user");
    assert_eq!(detail.uuid, user);
    let assignments = checked(client.users().permissions(user))
        .await
        .expect("permissions");
    assert!(!assignments.permissions.is_empty());
    checked(client.users().add_permissions(user, &permissions))
        .await
        .expect("add: any 2xx, empty body");
    checked(client.users().remove_permissions(user, &permissions[..1]))
        .await
        .expect("remove: 204");
    assert!(
        !checked(client.permissions().list())
            .await
            .expect("all permissions")
            .is_empty()
    );
    checked(client.organization().get())
        .await
        .expect("organization");
    checked(client.notifications().list())
        .await
        .expect("notifications");
    let settings = checked(client.notifications().settings())
        .await
        .expect("settings");
    let update = NotificationSettingUpdate {
        uuid: settings[0].uuid,
        notification_via: NotificationVia::Email,
        enabled: Some(false),
        notification_frequency: None,
    };
    checked(client.notifications().update_settings(update))
        .await
        .expect("update: any 2xx body is ignored");
    replay.requests()
}

/// The answers to the five accounting calls, in order.
#[cfg(feature = "accounting")]
fn accounting_replay() -> ReplayTransport {
    ReplayTransport::new([
        ReplayEvent::json(200, fixture!("accounting/get_subscription.json")),
        ReplayEvent::json(200, fixture!("accounting/get_payment_methods.json")),
        ReplayEvent::json(200, fixture!("accounting/get_transactions.json")),
        ReplayEvent::json(200, fixture!("accounting/get_transaction_details.json")),
        ReplayEvent::json(200, fixture!("accounting/get_transactions_export.json")),
    ])
}

/// Every accounting endpoint, in order.
#[cfg(feature = "accounting")]
async fn accounting_requests() -> Vec<Sent> {
    let replay = accounting_replay();
    let client = client(&replay);

    let subscription = checked(client.subscription().get())
        .await
        .expect("subscription");
    assert_eq!(
        subscription.next_bill_plan.amount.to_string(),
        "10.99",
        "money stays exact"
    );
    let payment = checked(client.payment_method().get())
        .await
        .expect("payment method");
    let card = payment.card_number.as_ref().expect("the sample has a card");
    assert!(
        !format!("{payment:?}").contains(card.expose_secret()),
        "the card number is redacted"
    );
    let transactions = checked(client.transactions().list())
        .await
        .expect("transactions");
    let id = transactions[0].transaction_id.clone();
    checked(client.transactions().get(id))
        .await
        .expect("transaction");
    checked(client.transactions().export())
        .await
        .expect("export");
    replay.requests()
}

#[tokio::test]
async fn login_and_users_list_send_the_documented_requests() {
    let sent: Vec<String> = login_and_list_users().await.iter().map(describe).collect();
    insta::assert_snapshot!(sent.join("\n"));
}

#[tokio::test]
async fn organization_endpoints_send_the_documented_requests() {
    insta::assert_snapshot!(describe_all(&organization_requests().await));
}

#[cfg(feature = "accounting")]
#[tokio::test]
async fn accounting_endpoints_send_the_documented_requests() {
    insta::assert_snapshot!(describe_all(&accounting_requests().await));
}

#[tokio::test]
async fn the_tests_above_reach_every_implemented_endpoint_and_no_other() {
    let checks = checked_count();
    let mut sent = login_and_list_users().await;
    sent.extend(organization_requests().await);
    #[cfg(feature = "accounting")]
    sent.extend(accounting_requests().await);
    let accounting = cfg!(feature = "accounting");
    // The product rows are reached by `requests_product.rs`, the discovery
    // and ordering rows by `requests_ordering.rs`.
    let implemented = assert_reaches_each_once(&sent, checks, |e| {
        matches!(e.section, Organization | Accounting) && (accounting || e.section != Accounting)
    });
    assert_eq!(implemented.len(), if accounting { 16 } else { 11 });
}

#[cfg(feature = "accounting")]
#[tokio::test]
#[allow(deprecated)]
async fn the_deprecated_accounting_names_send_the_same_requests() {
    let replay = accounting_replay();
    let client = client(&replay);
    let accounting = client.accounting();
    checked(accounting.subscription())
        .await
        .expect("subscription");
    let _: crux_api::accounting::GetPaymentMethods<'_> = accounting.payment_methods();
    checked(accounting.payment_methods())
        .await
        .expect("payment method");
    let transactions = checked(accounting.transactions())
        .await
        .expect("transactions");
    let id = transactions[0].transaction_id.clone();
    checked(accounting.transaction(id))
        .await
        .expect("transaction");
    checked(accounting.export_transactions())
        .await
        .expect("export");
    assert_eq!(
        describe_all(&replay.requests()),
        describe_all(&accounting_requests().await)
    );
}

#[tokio::test]
#[allow(deprecated)]
async fn the_deprecated_organization_handle_sends_the_same_request() {
    let replay = ReplayTransport::new([ReplayEvent::json(
        200,
        fixture!("organization/get_organization_details.json"),
    )]);
    let client = client(&replay);
    let handle: crux_api::organization::Organizations<'_> = client.organization();
    checked(handle.get()).await.expect("organization");
    assert_eq!(
        describe_all(&replay.requests()),
        "GET /organizations/\n  content-type: -\n  body: (none)"
    );
}

#[cfg(feature = "accounting")]
#[tokio::test]
async fn a_transaction_id_cannot_escape_its_path_segment() {
    let replay = ReplayTransport::new([ReplayEvent::json(
        200,
        fixture!("accounting/get_transaction_details.json"),
    )]);
    let id = crux_api::types::TransactionId::new("../../organizations/users/all/?x=1");
    checked(client(&replay).transactions().get(id))
        .await
        .expect("decoded");
    assert_eq!(
        replay.requests()[0].uri().path(),
        "/accounting/transactions/..%2F..%2Forganizations%2Fusers%2Fall%2F%3Fx%3D1/"
    );
    assert_eq!(replay.requests()[0].uri().query(), None);
}

#[cfg(feature = "accounting")]
#[tokio::test]
async fn an_empty_transaction_id_is_a_config_error_and_sends_nothing() {
    let replay = ReplayTransport::new([]);
    let id = crux_api::types::TransactionId::new("");
    let error = checked(client(&replay).transactions().get(id))
        .await
        .expect_err("no path without an id");
    assert_eq!(error.kind(), crux_api::ErrorKind::Config);
    let message = error.message().expect("a message");
    assert!(message.contains("transactions.get"), "{message}");
    let source = std::error::Error::source(&error).expect("the path error");
    assert!(source.is::<endpoint::PathError>(), "{source}");
    assert_eq!(replay.request_count(), 0);
}

/// A `Debug` that shows the test token, as a leaking request value would.
struct Leaky;

impl std::fmt::Debug for Leaky {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Leaky {{ authorization: \"Token {CANARY}\" }}")
    }
}

#[test]
#[should_panic(expected = "a request value's Debug shows the token")]
fn the_debug_check_fails_on_a_value_that_shows_the_token() {
    let _ = checked(Leaky);
}
