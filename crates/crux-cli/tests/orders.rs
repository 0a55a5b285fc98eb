//! `crux orders ...`, end to end against the orders of `crux-mock`: an
//! order's life across a retailer and a supplier, search, the errors, and
//! a create whose answer is lost.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{
    Sandbox, crux, failure, json,
    orders::{new_order, orderable},
    retail_admin, retail_viewer, run, success, supply_admin,
};
use crux_types::{Order, OrderPage};

/// Creates an order as the retail admin of `sandbox`.
fn create(sandbox: &Sandbox, po: &str, lines: &[(&str, u32)]) -> Order {
    json(
        sandbox
            .crux_as(retail_admin())
            .args(["orders", "create", "--json", "-"])
            .write_stdin(new_order(po, lines)),
    )
}

#[cfg(feature = "mock")]
#[test]
fn the_life_of_an_order_through_the_cli() {
    let skus = orderable(10);
    let (a, b) = (skus[0].as_str(), skus[1].as_str());
    let sandbox = Sandbox::start();
    let order = create(&sandbox, "PO-LIFE-1", &[(a, 10), (b, 4)]);
    let uuid = order.uuid.to_string();
    let (l0, l1) = (
        order.line_items[0].uuid.to_string(),
        order.line_items[1].uuid.to_string(),
    );
    let supplier = || sandbox.crux_as(supply_admin());
    // The supplier finds it by its PO number, and allocates.
    let found: OrderPage = json(supplier().args(["orders", "search", "po-life"]));
    assert_eq!(found.total_results, Some(1));
    assert_eq!(found.orders[0].uuid, order.uuid);
    let run = success(supplier().args([
        "orders",
        "allocate",
        &uuid,
        "--accept",
        &format!("{l0}=6"),
        "--backorder",
        &format!("{l0}=4"),
        "--reject",
        &format!("{l1}=4"),
    ]));
    insta::assert_snapshot!("orders_allocate_table", run.stdout);
    // Tracking, under its alias.
    let run = success(supplier().args([
        "orders",
        "track",
        &uuid,
        "--tracking",
        "1Z999AA10123456784",
        "--carrier",
        "UPS",
        "--method",
        "Ground",
        "--line-item",
        &format!("{l0}=6"),
    ]));
    let line = format!("added tracking 1Z999AA10123456784 to order {uuid}\n");
    assert_eq!(run.stdout, line);
    // The retailer sees the tracking number and the new statuses.
    let run = success(
        sandbox
            .crux_as(retail_admin())
            .args(["orders", "get", &uuid]),
    );
    insta::assert_snapshot!("orders_get_table", run.stdout);
    let got: Order = json(
        sandbox
            .crux_as(retail_admin())
            .args(["orders", "get", &uuid]),
    );
    let numbers = &got.line_items[0].tracking_numbers;
    assert_eq!(numbers.len(), 1, "{got:?}");
    assert_eq!(
        numbers[0].tracking_number.as_deref(),
        Some("1Z999AA10123456784")
    );
    // Nothing allocated can be cancelled any more.
    let line = failure(
        sandbox
            .crux_as(retail_admin())
            .args(["orders", "cancel", &uuid]),
        7,
    );
    assert!(line.contains("422"), "{line}");
}

#[cfg(feature = "mock")]
#[test]
fn search_one_page_and_every_page() {
    let skus = orderable(10);
    let sandbox = Sandbox::start();
    for n in 1..=5 {
        create(&sandbox, &format!("PO-{n}"), &[(skus[0].as_str(), 1)]);
    }
    let crux = || sandbox.crux_as(retail_admin());
    let run = success(crux().args(["orders", "search", "--limit", "2"]));
    insta::assert_snapshot!("orders_search_table", run.stdout);
    let run = success(crux().args(["orders", "search", "--limit", "2", "-o", "json"]));
    insta::assert_snapshot!("orders_search_json", run.stdout);
    let page: OrderPage = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!((page.orders.len(), page.total_results), (2, Some(5)));
    let run = success(crux().args(["orders", "search", "--all", "--limit", "2", "-o", "json"]));
    let orders: Vec<Order> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(orders.len(), 5);
    let mut uuids: Vec<_> = orders.iter().map(|o| o.uuid).collect();
    uuids.sort();
    uuids.dedup();
    assert_eq!(uuids.len(), 5, "every order once");
    let run = success(crux().args(["orders", "search", "--all", "--limit", "2"]));
    assert_eq!(run.stdout.lines().count(), 6, "{}", run.stdout);
}

#[cfg(feature = "mock")]
#[test]
fn fees_and_exports() {
    let skus = orderable(10);
    let run = success(crux().args([
        "--mock",
        "orders",
        "fees",
        "--sku",
        &format!("{}=2", skus[0]),
    ]));
    assert!(
        run.stdout.starts_with("ESTIMATED SHIPPING  $"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\nORDER FEE           $"),
        "{}",
        run.stdout
    );
    let sandbox = Sandbox::start();
    let order = create(&sandbox, "PO-X", &[(skus[0].as_str(), 1)]);
    let run = success(sandbox.crux_as(retail_admin()).args([
        "orders",
        "export",
        &order.uuid.to_string(),
    ]));
    assert!(run.stdout.starts_with("export "), "{}", run.stdout);
    let export: serde_json::Value =
        json(
            sandbox
                .crux_as(retail_admin())
                .args(["orders", "export-by-search", "PO-X"]),
        );
    assert!(export["uuid"].is_string(), "{export}");
}

#[cfg(feature = "mock")]
#[test]
fn the_wrong_organization_type_exits_8_naming_the_type() {
    let sandbox = Sandbox::start();
    let line = failure(
        sandbox
            .crux_as(supply_admin())
            .args(["orders", "create", "--json", "-"])
            .write_stdin(new_order("PO-S", &[("X", 1)])),
        8,
    );
    assert!(
        line.contains("this command is for retailers only"),
        "{line}"
    );
    let uuid = "d0000027-0000-4000-8000-000000000001";
    let line = failure(
        crux().args([
            "--mock",
            "orders",
            "allocate",
            uuid,
            "--accept",
            &format!("{uuid}=1"),
        ]),
        8,
    );
    assert!(
        line.contains("this command is for suppliers only"),
        "{line}"
    );
}

#[test]
fn a_missing_permission_exits_4_naming_it() {
    let sandbox = Sandbox::start();
    let line = failure(
        sandbox
            .crux_as(retail_viewer())
            .args(["orders", "create", "--json", "-"])
            .write_stdin(new_order("PO-V", &[("X", 1)])),
        4,
    );
    assert!(line.contains("this command needs create_order"), "{line}");
}

/// The create's connection closes after the server read it: before the
/// order is made (`close-before-headers`), or after (`close-after-headers`).
/// Either way the create is not sent again, and the order is looked up.
#[cfg(feature = "mock")]
#[test]
fn a_create_whose_answer_is_lost_is_checked() {
    let skus = orderable(10);
    let order = new_order("PO-LOST-1", &[(skus[0].as_str(), 1)]);
    // Created: the order, and a note saying so.
    let created = run(create_cmd(&order, &["close-after-headers"]).args(["-o", "json"]));
    assert_eq!(created.code, Some(0), "{created:#?}");
    let got: Order = serde_json::from_str(&created.stdout).unwrap();
    assert_eq!(got.purchase_order_id.as_deref(), Some("PO-LOST-1"));
    let note = format!(
        "an order with purchase_order_id PO-LOST-1 exists, {}: it was created, do not run the command again",
        got.uuid
    );
    assert!(created.stderr.contains(&note), "{created:#?}");
    // Not created: safe to retry.
    let line = failure(&mut create_cmd(&order, &["close-before-headers"]), 6);
    assert!(
        line.ends_with("no order with purchase_order_id PO-LOST-1 exists: it was not created, and it is safe to run the command again\n"),
        "{line}"
    );
}

/// `crux --mock orders create` of `order` with `faults`; the first is
/// aimed at the create.
fn create_cmd(order: &str, faults: &[&str]) -> assert_cmd::Command {
    let mut cmd = crux();
    cmd.arg("--mock");
    for (i, fault) in faults.iter().enumerate() {
        let on = if i == 0 {
            ",on=POST:/orders/create/"
        } else {
            ""
        };
        cmd.args(["--mock-fault", &format!("{fault}{on}")]);
    }
    cmd.args(["orders", "create", "--json", "-"])
        .write_stdin(order.to_owned());
    cmd
}

/// When the lookup fails too, nothing is known: the error says to check.
#[cfg(feature = "mock")]
#[test]
fn a_lost_create_whose_lookup_fails_says_to_check() {
    let order = new_order("PO-LOST-2", &[("DS-0001-1", 1)]);
    // The search is a read: retried, 3 attempts.
    let search = "status=500,times=3,on=POST:/orders/";
    let line = failure(
        &mut create_cmd(&order, &["close-before-headers", search]),
        6,
    );
    let lookup = "looking the order up failed too (the server failed: POST /orders/: 500";
    assert!(line.contains(lookup), "{line}");
    let check = "check `crux orders search PO-LOST-2` before running it again\n";
    assert!(line.ends_with(check), "{line}");
}
