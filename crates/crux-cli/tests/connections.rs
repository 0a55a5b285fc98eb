//! `crux connections ...` and `crux discovery suppliers`, end to end
//! against `crux-mock`.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{Sandbox, crux, failure, json, retail_admin, success, supply_admin};
use crux_types::{
    Connection, ConnectionRequest, ConnectionRequestCreated, ConnectionRequestPage,
    DiscoverySupplier, SupplierPage,
};

#[cfg(feature = "mock")]
#[test]
fn connections_list_table_and_json() {
    let run = success(crux().args(["--mock", "connections", "list"]));
    insta::assert_snapshot!("connections_list_table", run.stdout);
    let run = success(crux().args(["--mock", "connections", "list", "-o", "json"]));
    insta::assert_snapshot!("connections_list_json", run.stdout);
    let connections: Vec<Connection> = serde_json::from_str(&run.stdout).unwrap();
    assert!(!connections.is_empty());
}

#[cfg(feature = "mock")]
#[test]
fn discovery_suppliers_one_page_and_every_page() {
    let run = success(crux().args(["--mock", "discovery", "suppliers", "--limit", "4"]));
    insta::assert_snapshot!("discovery_suppliers_table", run.stdout);
    let page: SupplierPage =
        json(crux().args(["--mock", "discovery", "suppliers", "--limit", "4"]));
    let total = page.pagination.total_count.unwrap() as usize;
    assert!(total > 4, "several pages: {total}");
    let last = run.stdout.lines().last().unwrap();
    assert_eq!(
        last,
        format!("suppliers 1 to 4 of {total}; next page: --start 4")
    );
    let run = success(crux().args([
        "--mock",
        "discovery",
        "suppliers",
        "--all",
        "--limit",
        "3",
        "-o",
        "json",
    ]));
    let suppliers: Vec<DiscoverySupplier> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(suppliers.len(), total);
    let limit = [
        "--mock",
        "discovery",
        "suppliers",
        "--limit",
        "2",
        "-o",
        "json",
    ];
    let run_json = success(crux().args(limit));
    insta::assert_snapshot!("discovery_suppliers_json", run_json.stdout);
    let page: SupplierPage = json(crux().args([
        "--mock",
        "discovery",
        "suppliers",
        "--initial-character",
        "#",
    ]));
    let digits = page.suppliers.iter().filter_map(|s| s.name.as_deref());
    assert!(digits.clone().count() > 0);
    assert!(
        digits
            .clone()
            .all(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    );
}

/// A retailer asks for connections, lists, reads and changes its requests.
#[test]
fn connection_requests_from_create_to_update() {
    let sandbox = Sandbox::start();
    let crux = || sandbox.crux_as(retail_admin());
    let mut created = Vec::new();
    for name in ["Acme Outdoor Supply", "7 Seas Trading", "99 Cent Bulk"] {
        let request: ConnectionRequestCreated = json(crux().args([
            "connections",
            "create-request",
            "--organization-name",
            name,
            "--contact-name",
            "Ann Admin",
            "--contact-email",
            "ann@retail.demo.example",
        ]));
        created.push(request.request_uuid);
    }
    let run = success(crux().args(["connections", "requests", "--limit", "2"]));
    insta::assert_snapshot!("connections_requests_table", run.stdout);
    let page: ConnectionRequestPage = json(crux().args(["connections", "requests"]));
    assert_eq!(page.requests.len(), 3);
    let run = success(crux().args(["connections", "requests", "--all", "-o", "json"]));
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);

    let uuid = created[0].to_string();
    let run = success(crux().args(["connections", "get-request", &uuid, "-o", "json"]));
    insta::assert_snapshot!("connections_get_request_json", run.stdout);
    let run = success(crux().args([
        "connections",
        "update-request",
        &uuid,
        "--info",
        "We sell outdoor gear.",
    ]));
    assert_eq!(run.stdout, format!("updated connection request {uuid}\n"));
    let got: ConnectionRequest = json(crux().args(["connections", "get-request", &uuid]));
    assert_eq!(
        got.additional_information.as_deref(),
        Some("We sell outdoor gear.")
    );
    // Nothing to change is a usage error.
    let run = common::run(crux().args(["connections", "update-request", &uuid]));
    assert_eq!(run.code, Some(2), "{run:#?}");
}

#[test]
fn discovery_and_requests_are_for_retailers() {
    let sandbox = Sandbox::start();
    for args in [
        &["discovery", "suppliers"][..],
        &["connections", "requests"],
    ] {
        let line = failure(sandbox.crux_as(supply_admin()).args(args), 8);
        assert!(
            line.contains("this command is for retailers only"),
            "{line}"
        );
    }
}
