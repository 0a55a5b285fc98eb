//! Every endpoint's request as sent (method, path, headers, body) and the
//! decoding of its documented response, through the replay transport.

mod support;

use crux_api::{
    Client, RetryPolicy,
    transport::test_util::{ReplayEvent, ReplayTransport},
    types::{NotificationSettingUpdate, NotificationVia, PermissionId, UserId},
};
use support::CANARY;

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

/// One line per request: method, path, the content type, and the body.
fn describe(request: &http::Request<bytes::Bytes>) -> String {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .map_or("-", |v| v.to_str().unwrap_or("<binary>"))
            .to_owned()
    };
    assert_eq!(header("authorization"), format!("Token {CANARY}"));
    assert_eq!(header("accept"), "application/json");
    let body = String::from_utf8_lossy(request.body());
    format!(
        "{} {}\n  content-type: {}\n  body: {}",
        request.method(),
        request.uri().path(),
        header("content-type"),
        if body.is_empty() { "(none)" } else { &body },
    )
}

#[tokio::test]
async fn organization_endpoints_send_the_documented_requests() {
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

    let detail = client.users().get(user).await.expect("user");
    assert_eq!(detail.uuid, user);
    let assignments = client.users().permissions(user).await.expect("permissions");
    assert!(!assignments.permissions.is_empty());
    client
        .users()
        .add_permissions(user, &permissions)
        .await
        .expect("add: any 2xx, empty body");
    client
        .users()
        .remove_permissions(user, &permissions[..1])
        .await
        .expect("remove: 204");
    assert!(
        !client
            .permissions()
            .list()
            .await
            .expect("all permissions")
            .is_empty()
    );
    client.organization().get().await.expect("organization");
    client.notifications().list().await.expect("notifications");
    let settings = client.notifications().settings().await.expect("settings");
    let update = NotificationSettingUpdate {
        uuid: settings[0].uuid,
        notification_via: NotificationVia::Email,
        enabled: Some(false),
        notification_frequency: None,
    };
    client
        .notifications()
        .update_settings(update)
        .await
        .expect("update: any 2xx body is ignored");

    let sent: Vec<String> = replay.requests().iter().map(describe).collect();
    insta::assert_snapshot!(sent.join("\n"));
}

#[cfg(feature = "accounting")]
#[tokio::test]
async fn accounting_endpoints_send_the_documented_requests() {
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, fixture!("accounting/get_subscription.json")),
        ReplayEvent::json(200, fixture!("accounting/get_payment_methods.json")),
        ReplayEvent::json(200, fixture!("accounting/get_transactions.json")),
        ReplayEvent::json(200, fixture!("accounting/get_transaction_details.json")),
        ReplayEvent::json(200, fixture!("accounting/get_transactions_export.json")),
    ]);
    let client = client(&replay);

    let subscription = client
        .accounting()
        .subscription()
        .await
        .expect("subscription");
    assert_eq!(
        subscription.next_bill_plan.amount.to_string(),
        "10.99",
        "money stays exact"
    );
    let payment = client
        .accounting()
        .payment_methods()
        .await
        .expect("payment method");
    let card = payment.card_number.as_ref().expect("the sample has a card");
    assert!(
        !format!("{payment:?}").contains(card.expose_secret()),
        "the card number is redacted"
    );
    let transactions = client
        .accounting()
        .transactions()
        .await
        .expect("transactions");
    let id = transactions[0].transaction_id.clone();
    client
        .accounting()
        .transaction(id)
        .await
        .expect("transaction");
    client
        .accounting()
        .export_transactions()
        .await
        .expect("export");

    let sent: Vec<String> = replay.requests().iter().map(describe).collect();
    insta::assert_snapshot!(sent.join("\n"));
}

#[cfg(feature = "accounting")]
#[tokio::test]
async fn a_transaction_id_cannot_escape_its_path_segment() {
    let replay = ReplayTransport::new([ReplayEvent::json(
        200,
        fixture!("accounting/get_transaction_details.json"),
    )]);
    let id = crux_api::types::TransactionId::new("../../organizations/users/all/?x=1");
    client(&replay)
        .accounting()
        .transaction(id)
        .await
        .expect("decoded");
    assert_eq!(
        replay.requests()[0].uri().path(),
        "/accounting/transactions/..%2F..%2Forganizations%2Fusers%2Fall%2F%3Fx%3D1/"
    );
    assert_eq!(replay.requests()[0].uri().query(), None);
}
