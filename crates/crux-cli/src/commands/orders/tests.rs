//! What the flags of `crux orders ...` send.

use clap::Parser;
use serde_json::{Value, json};

use super::OrdersCommand;

#[derive(Debug, Parser)]
struct Cli {
    #[command(subcommand)]
    command: OrdersCommand,
}

fn parse(args: &[&str]) -> OrdersCommand {
    let cli = Cli::try_parse_from(["orders"].iter().chain(args));
    cli.unwrap_or_else(|e| panic!("{args:?}: {e}")).command
}

fn refused(args: &[&str]) -> bool {
    Cli::try_parse_from(["orders"].iter().chain(args)).is_err()
}

/// The body a command would send, as JSON.
fn body(args: &[&str]) -> Value {
    let json = match parse(args) {
        OrdersCommand::Search(a) => serde_json::to_value(a.query.to_query(false)),
        OrdersCommand::ExportBySearch(a) => serde_json::to_value(a.to_query(true)),
        OrdersCommand::Fees(a) => serde_json::to_value(a.body().unwrap()),
        OrdersCommand::AddTracking(a) => serde_json::to_value(a.body().unwrap()),
        OrdersCommand::Allocate(a) => serde_json::to_value(a.body().unwrap()),
        other => panic!("no body: {other:?}"),
    };
    json.unwrap()
}

const LINE_A: &str = "d0000031-0000-4000-8000-000000000001";
const LINE_B: &str = "d0000031-0000-4000-8000-000000000002";
const ORDER: &str = "d0000030-0000-4000-8000-000000000001";

#[test]
fn search_flags_make_the_query_and_nothing_more() {
    let empty = body(&["search"]);
    let empty = empty.as_object().unwrap();
    assert!(empty.values().all(Value::is_null), "{empty:?}");
    let query = body(&[
        "search",
        "PO-7",
        "--allocation",
        "partial",
        "--designation",
        "needs-tracking",
        "--since",
        "2024-07-01",
        "--until",
        "2024-07-02T10:30:00Z",
        "--sort",
        "date",
        "--desc",
        "--limit",
        "5",
    ]);
    assert_eq!(query["term"], "PO-7");
    assert_eq!(query["line_item_allocation_statuses"], json!(["Partial"]));
    assert_eq!(query["line_item_designation"], "NeedsTracking");
    assert_eq!(query["start_date"], "2024-07-01T00:00:00.000Z");
    assert_eq!(query["end_date"], "2024-07-02T10:30:00.000Z");
    assert_eq!(query["sort"], json!({"key": "date", "dir": "desc"}));
    assert_eq!(query["limit"], 5);
    // The export by search sends the designations as a list.
    let export = body(&["export-by-search", "--designation", "backordered"]);
    assert_eq!(export["line_item_designation"], json!(["Backordered"]));
    assert!(refused(&["search", "--since", "July"]));
    assert!(refused(&["search", "--all", "--start", "5"]));
    assert!(refused(&["search", "--desc"]));
}

#[test]
fn fees_from_flags() {
    let fees = body(&[
        "fees",
        "--sku",
        "CH-01=3",
        "--sku",
        "LP=1",
        "--shipping-method",
        "Ground",
    ]);
    let skus = json!([{"sku_id": "CH-01", "quantity": 3}, {"sku_id": "LP", "quantity": 1}]);
    assert_eq!(fees["skus"], skus);
    assert_eq!(fees["shipping_method"], "Ground");
    assert!(refused(&["fees"]));
    assert!(refused(&["fees", "--sku", "CH-01"]));
    assert!(refused(&["fees", "--sku", "CH-01=x"]));
    assert!(refused(&["fees", "--sku", "CH-01=3", "--json", "-"]));
}

#[test]
fn tracking_from_flags() {
    let tracked = body(&[
        "track",
        ORDER,
        "--tracking",
        "1Z999",
        "--carrier",
        "UPS",
        "--method",
        "Ground",
        "--line-item",
        &format!("{LINE_A}=2"),
        "--weight",
        "1.5",
    ]);
    let (order, tracking) = (&tracked[0], &tracked[1]);
    assert_eq!(order, ORDER);
    assert_eq!(tracking["tracking"], "1Z999");
    assert_eq!(
        tracking["line_items"],
        json!([{"line_item_uuid": LINE_A, "quantity": 2}])
    );
    assert!(refused(&[
        "add-tracking",
        ORDER,
        "--tracking",
        "1Z",
        "--carrier",
        "UPS"
    ]));
    assert!(refused(&["add-tracking", ORDER, "--line-item", "nope=2"]));
}

#[test]
fn allocation_from_flags_fills_in_zeros() {
    let allocated = body(&[
        "allocate",
        ORDER,
        "--accept",
        &format!("{LINE_A}=3"),
        "--backorder",
        &format!("{LINE_A}=2"),
        "--reject",
        &format!("{LINE_B}=1"),
    ]);
    let quantities = |a: u32, r: u32, b: u32| json!({"quantity_accepted": a, "quantity_rejected": r, "quantity_backordered": b});
    let lines = &allocated[1]["line_items"];
    assert_eq!(lines[0]["line_item_uuid"], LINE_A);
    assert_eq!(lines[0]["allocation"], quantities(3, 0, 2));
    assert_eq!(lines[1]["line_item_uuid"], LINE_B);
    assert_eq!(lines[1]["allocation"], quantities(0, 1, 0));
    assert!(refused(&["allocate", ORDER]));
}
