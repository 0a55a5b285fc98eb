//! The accounting endpoints (rows 12 to 16): subscription, payment method,
//! transactions and their export.

mod common;

use std::collections::BTreeSet;

use common::{
    assert_forbidden, buyer, call, finance, get, get_as, retailer_admin, send_json, send_raw,
    viewer, warehouse,
};
use crux_mock::{Fault, MockServer};
use crux_types::{
    Decimal, ExportRef, NaiveDate, PaymentMethod, Subscription, Transaction,
    TransactionsExportRequest,
};
use http::{Method, StatusCode, header};

const SUBSCRIPTION: &str = "/organizations/subscription/";
const PAYMENT_METHODS: &str = "/accounting/payment-methods/";
const TRANSACTIONS: &str = "/accounting/transactions/";
const EXPORT: &str = "/accounting/transactions/export/";

async fn server() -> MockServer {
    MockServer::start().await.expect("starts")
}

fn transaction_path(id: &str) -> String {
    format!("{TRANSACTIONS}{id}/")
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

// ---------------------------------------------------------------------------
// GET /organizations/subscription/

#[tokio::test]
async fn subscription_is_per_organization() {
    let server = server().await;
    let retail: Subscription = get_as(&server, SUBSCRIPTION, viewer()).await.decode();
    assert_eq!(retail.plan_name, "Retailer Growth");
    assert_eq!(retail.next_bill_plan.amount.to_string(), "149.00");
    assert_eq!(retail.next_bill_plan.bill_date, date("2024-07-01"));
    assert_eq!(retail.next_bill_plan.card_last_four, "1111");

    let supply: Subscription = get_as(&server, SUBSCRIPTION, finance()).await.decode();
    assert_eq!(supply.plan_name, "Supplier Standard");
    assert!(supply.plan_add_ons.is_empty());
    assert_eq!(supply.next_bill_plan.card_last_four, "0005");

    for user in [buyer(), warehouse()] {
        assert_forbidden(&get_as(&server, SUBSCRIPTION, user).await);
    }
    get(&server, SUBSCRIPTION, None)
        .await
        .assert_detail(StatusCode::UNAUTHORIZED);
}

// ---------------------------------------------------------------------------
// GET /accounting/payment-methods/

#[tokio::test]
async fn payment_method_is_one_object_with_a_test_card() {
    let server = server().await;
    let reply = get_as(&server, PAYMENT_METHODS, retailer_admin()).await;
    assert!(reply.json().is_object(), "one object (E-27)");
    let retail: PaymentMethod = reply.decode();
    let card = retail.card_number.as_ref().expect("full number");
    assert_eq!(card.expose_secret(), "4111111111111111");
    assert_eq!(card.last4(), Some(retail.card_last_four.as_str()));
    assert_eq!(retail.payment_type, "CREDIT CARD");
    assert!(retail.is_default);
    assert_eq!(retail.card_expiration, date("2027-12-31"));

    let supply: PaymentMethod = get_as(&server, PAYMENT_METHODS, finance()).await.decode();
    let card = supply.card_number.as_ref().expect("full number");
    assert_eq!(card.expose_secret().len(), 15, "an Amex test number");
    assert_eq!(supply.card_last_four, "0005");
    assert!(supply.address.contains('\n'));

    // viewer has view_billing_statement but not view_payment_info.
    for user in [viewer(), buyer(), warehouse()] {
        assert_forbidden(&get_as(&server, PAYMENT_METHODS, user).await);
    }
}

// ---------------------------------------------------------------------------
// GET /accounting/transactions/ and /accounting/transactions/{id}/

#[tokio::test]
async fn transactions_are_per_organization() {
    let server = server().await;
    let retail: Vec<Transaction> = get_as(&server, TRANSACTIONS, viewer()).await.decode();
    let supply: Vec<Transaction> = get_as(&server, TRANSACTIONS, finance()).await.decode();
    assert_eq!(retail.len(), 4);
    assert_eq!(supply.len(), 3);
    for list in [&retail, &supply] {
        assert!(
            list.windows(2)
                .all(|w| w[0].statement_date < w[1].statement_date)
        );
        // The last one is not paid yet: no payment date.
        let last = list.last().expect("transactions");
        assert_eq!((last.status.as_str(), last.payment_date), ("due", None));
        assert!(list[..list.len() - 1].iter().all(|t| t.status == "paid"));
    }
    let total: Decimal = retail.iter().map(|t| t.total).sum();
    assert_eq!(total.to_string(), "619.50");
    let ids = |list: &[Transaction]| -> BTreeSet<String> {
        list.iter().map(|t| t.transaction_id.to_string()).collect()
    };
    assert!(ids(&retail).is_disjoint(&ids(&supply)));

    for user in [buyer(), warehouse()] {
        assert_forbidden(&get_as(&server, TRANSACTIONS, user).await);
    }
}

#[tokio::test]
async fn transaction_detail_is_one_of_the_list_or_404() {
    let server = server().await;
    let retail: Vec<Transaction> = get_as(&server, TRANSACTIONS, retailer_admin())
        .await
        .decode();
    for transaction in &retail {
        let path = transaction_path(transaction.transaction_id.as_str());
        let detail: Transaction = get_as(&server, &path, viewer()).await.decode();
        assert_eq!(&detail, transaction);
    }
    // Another organization's transaction, an unknown id, odd ids: 404.
    let supply: Vec<Transaction> = get_as(&server, TRANSACTIONS, finance()).await.decode();
    let foreign = supply[0].transaction_id.as_str();
    for id in [foreign, "999999999", "100000001%20", "%FF", "..", "export2"] {
        let reply = get_as(&server, &transaction_path(id), retailer_admin()).await;
        assert_eq!(
            reply.assert_detail(StatusCode::NOT_FOUND),
            "Not found.",
            "{id}"
        );
    }
    // ... and the supplier sees its own.
    let mine: Transaction = get_as(&server, &transaction_path(foreign), finance())
        .await
        .decode();
    assert_eq!(mine, supply[0]);
    // 403 before 404.
    assert_forbidden(&get_as(&server, &transaction_path("100000001"), buyer()).await);
    assert_forbidden(&get_as(&server, &transaction_path("nope"), warehouse()).await);
}

// ---------------------------------------------------------------------------
// POST /accounting/transactions/export/

#[tokio::test]
async fn exports_return_ids_in_sequence_per_server() {
    let server = server().await;
    let body = TransactionsExportRequest {};
    let mut ids = Vec::new();
    for user in [viewer(), finance(), retailer_admin()] {
        let export: ExportRef = send_json(&server, Method::POST, EXPORT, user, &body)
            .await
            .decode();
        ids.push(export.uuid.to_string());
    }
    assert_eq!(
        ids,
        [
            "d0000009-0000-4000-8000-000000000001",
            "d0000009-0000-4000-8000-000000000002",
            "d0000009-0000-4000-8000-000000000003",
        ]
    );
    // Members of the body are ignored.
    let reply = call(
        &server,
        Method::POST,
        EXPORT,
        viewer(),
        Some("{\"x\": 1}".into()),
    )
    .await;
    assert_eq!(
        reply.json(),
        serde_json::json!({"uuid": "d0000009-0000-4000-8000-000000000004"})
    );

    // A new server starts again at 1.
    let other = server_with_one_export().await;
    assert_eq!(other, "d0000009-0000-4000-8000-000000000001");
}

async fn server_with_one_export() -> String {
    let server = server().await;
    let export: ExportRef = send_json(
        &server,
        Method::POST,
        EXPORT,
        finance(),
        &TransactionsExportRequest {},
    )
    .await
    .decode();
    export.uuid.to_string()
}

#[tokio::test]
async fn export_errors() {
    let server = server().await;
    // 403 before the body.
    for user in [buyer(), warehouse()] {
        assert_forbidden(
            &send_json(
                &server,
                Method::POST,
                EXPORT,
                user,
                &TransactionsExportRequest {},
            )
            .await,
        );
        assert_forbidden(&send_raw(&server, Method::POST, EXPORT, user, None, "").await);
    }
    let user = finance();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let reply = send_raw(&server, Method::POST, EXPORT, user, content_type, "{}").await;
        reply.assert_detail(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    }
    for (body, expected) in [
        ("", "JSON parse error - "),
        ("{", "JSON parse error - "),
        ("[]", "Invalid data. Expected a dictionary, but got list."),
        (
            "null",
            "Invalid data. Expected a dictionary, but got NoneType.",
        ),
    ] {
        let reply = call(&server, Method::POST, EXPORT, user, Some(body.to_owned())).await;
        let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
        assert!(detail.starts_with(expected), "{body:?}: {detail}");
    }
    // No id was used up by the failures.
    let export: ExportRef = send_json(
        &server,
        Method::POST,
        EXPORT,
        user,
        &TransactionsExportRequest {},
    )
    .await
    .decode();
    assert_eq!(
        export.uuid.to_string(),
        "d0000009-0000-4000-8000-000000000001"
    );
}

// ---------------------------------------------------------------------------
// Routing, faults, counts.

#[tokio::test]
async fn wrong_methods_are_405_with_allow() {
    let server = server().await;
    let admin = retailer_admin();
    for (method, path, allow) in [
        (Method::GET, EXPORT.to_owned(), "POST"),
        (Method::POST, TRANSACTIONS.to_owned(), "GET,HEAD"),
        (Method::DELETE, transaction_path("100000001"), "GET,HEAD"),
        (Method::POST, PAYMENT_METHODS.to_owned(), "GET,HEAD"),
        (Method::PUT, SUBSCRIPTION.to_owned(), "GET,HEAD"),
    ] {
        let reply = call(&server, method.clone(), &path, admin, Some("{}".into())).await;
        reply.assert_detail(StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(reply.header(header::ALLOW), Some(allow), "{method} {path}");
    }
    for path in [
        "/accounting/",
        "/accounting/transactions",
        "/accounting/transactions/1/x/",
    ] {
        get_as(&server, path, admin)
            .await
            .assert_detail(StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn faults_and_counts_apply_to_the_new_routes() {
    let server = server().await;
    let path = transaction_path("100000002");
    server.inject(Fault::status(503).retry_after("2").on(Method::GET, &path));
    server.inject(Fault::malformed_json().on(Method::POST, EXPORT));

    let reply = get_as(&server, &path, viewer()).await;
    reply.assert_detail(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reply.header(header::RETRY_AFTER), Some("2"));
    let reply = send_json(
        &server,
        Method::POST,
        EXPORT,
        viewer(),
        &TransactionsExportRequest {},
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(serde_json::from_slice::<serde_json::Value>(reply.bytes()).is_err());
    // Then normal answers again; the faulted export used no id.
    get_as(&server, &path, viewer())
        .await
        .decode::<Transaction>();
    let export: ExportRef = send_json(
        &server,
        Method::POST,
        EXPORT,
        viewer(),
        &TransactionsExportRequest {},
    )
    .await
    .decode();
    assert_eq!(
        export.uuid.to_string(),
        "d0000009-0000-4000-8000-000000000001"
    );

    assert_eq!(server.request_count(&Method::GET, &path), 2);
    assert_eq!(server.request_count(&Method::POST, EXPORT), 2);
    assert_eq!(server.pending_faults(), 0);
}

// ---------------------------------------------------------------------------
// Snapshots of the bodies as served.

#[tokio::test]
async fn accounting_bodies_snapshot_for_the_supplier() {
    let server = server().await;
    let user = finance();
    insta::assert_snapshot!(
        "supplier_subscription",
        get_as(&server, SUBSCRIPTION, user)
            .await
            .wire::<Subscription>()
    );
    insta::assert_snapshot!(
        "supplier_payment_method",
        get_as(&server, PAYMENT_METHODS, user)
            .await
            .wire::<PaymentMethod>()
    );
    insta::assert_snapshot!(
        "supplier_transactions",
        get_as(&server, TRANSACTIONS, user)
            .await
            .wire::<Vec<Transaction>>()
    );
}
