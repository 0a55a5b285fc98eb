//! `crux subscription|payment-method|transactions ...`, end to end against
//! `crux-mock`; above all, that the card number never reaches the output.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{
    Sandbox, crux, failure, has_card_number, json, retail_admin, retail_buyer, retail_viewer,
    success, supply_admin,
};
use crux_mock::DemoUser;
use crux_types::{PaymentMethod, Subscription, Transaction};

/// The full card number the API sends to `user`, read with `crux-api`
/// itself (never through the binary).
fn card_number(sandbox: &Sandbox, user: &DemoUser) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = crux_api::Client::builder()
        .base_url(sandbox.url())
        .token(user.token)
        .build()
        .unwrap();
    let method = runtime
        .block_on(async { client.payment_method().get().await })
        .unwrap();
    method.card_number.unwrap().expose_secret().to_owned()
}

#[cfg(feature = "mock")]
#[test]
fn transactions_table_and_payment_method_json() {
    let run = success(crux().args(["--mock", "transactions", "list"]));
    insta::assert_snapshot!("transactions_list_table", run.stdout);
    let run = success(crux().args(["--mock", "payment-method", "get", "-o", "json"]));
    insta::assert_snapshot!("payment_method_get_json", run.stdout);
    let method: PaymentMethod = serde_json::from_str(&run.stdout).unwrap();
    let masked = method.card_number.unwrap();
    assert_eq!(
        masked.expose_secret(),
        format!("•••• {}", method.card_last_four)
    );

    let run = success(crux().args(["--mock", "subscription", "get"]));
    insta::assert_snapshot!("subscription_get_table", run.stdout);
}

#[test]
fn the_card_number_never_reaches_the_output() {
    let sandbox = Sandbox::start();
    for user in [retail_admin(), supply_admin()] {
        let number = card_number(&sandbox, user);
        assert!(has_card_number(&number), "{number}");
        let last4 = &number[number.len() - 4..];
        for command in ["payment-method", "subscription"] {
            for format in ["table", "json"] {
                let run = success(sandbox.crux_as(user).args([command, "get", "-o", format]));
                // `run` has checked every run of 13 digits; be explicit.
                assert!(!run.stdout.contains(&number), "{run:#?}");
                assert!(!run.stdout.contains(&number[..8]), "{run:#?}");
                if command == "payment-method" {
                    assert!(run.stdout.contains(&format!("•••• {last4}")), "{run:#?}");
                }
            }
        }
    }
}

#[test]
fn one_transaction_and_the_export() {
    let sandbox = Sandbox::start();
    let admin = supply_admin();
    let transactions: Vec<Transaction> =
        json(sandbox.crux_as(admin).args(["transactions", "list"]));
    let first = transactions.first().unwrap();
    let id = first.transaction_id.as_str();
    let transaction: Transaction = json(sandbox.crux_as(admin).args(["transactions", "get", id]));
    assert_eq!(&transaction, first);
    let run = success(sandbox.crux_as(admin).args(["transactions", "get", id]));
    assert!(
        run.stdout.starts_with(&format!("ID              {id}\n")),
        "{}",
        run.stdout
    );

    let line = failure(
        sandbox
            .crux_as(admin)
            .args(["transactions", "get", "999999"]),
        5,
    );
    assert!(line.starts_with("error: not found"), "{line}");
    // An id that would leave its path segment stays in it.
    failure(
        sandbox
            .crux_as(admin)
            .args(["transactions", "get", "../../organizations"]),
        5,
    );

    let run = success(sandbox.crux_as(admin).args(["transactions", "export"]));
    assert!(
        run.stdout.starts_with("export ")
            && run
                .stdout
                .ends_with(" requested: the CSV file will be emailed to you\n"),
        "{}",
        run.stdout
    );
    let export: serde_json::Value = json(sandbox.crux_as(admin).args(["transactions", "export"]));
    assert!(export["uuid"].is_string(), "{export}");
}

#[cfg(feature = "mock")]
#[test]
fn subscription_json_is_the_api_s() {
    let subscription: Subscription = json(crux().args(["--mock", "subscription", "get"]));
    assert_eq!(subscription.next_bill_plan.card_last_four.len(), 4);
}

#[test]
fn missing_permissions_exit_4() {
    let sandbox = Sandbox::start();
    // The buyer has no accounting permission at all.
    for (command, permission) in [
        (["subscription", "get"], "view_org_subscription_plan"),
        (["payment-method", "get"], "view_payment_info"),
        (["transactions", "list"], "view_billing_statement"),
        (["transactions", "export"], "view_billing_statement"),
    ] {
        let line = failure(sandbox.crux_as(retail_buyer()).args(command), 4);
        assert!(line.contains(permission), "{command:?}: {line}");
    }
    // The viewer sees the bills but not the card.
    success(
        sandbox
            .crux_as(retail_viewer())
            .args(["transactions", "list"]),
    );
    failure(
        sandbox
            .crux_as(retail_viewer())
            .args(["payment-method", "get"]),
        4,
    );
}
