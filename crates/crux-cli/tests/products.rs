//! `crux catalogs|skus|inventory-lists ...`, end to end against the product
//! world of `crux-mock`. Items and search are in `items.rs`.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{
    Sandbox, crux, failure, json, retail_admin, retail_viewer, success, supply_admin,
    supply_finance, supply_warehouse,
};
use crux_types::{Catalog, InventoryList, Item, Sku};

#[cfg(feature = "mock")]
#[test]
fn catalogs_list_table_and_get_json() {
    let run = success(crux().args(["--mock", "catalogs", "list"]));
    insta::assert_snapshot!("catalogs_list_table", run.stdout);
    let catalogs: Vec<Catalog> = json(crux().args(["--mock", "catalogs", "list"]));
    assert_eq!(run.stdout.lines().count(), catalogs.len() + 1);
    let uuid = catalogs[0].uuid.to_string();
    let run = success(crux().args(["--mock", "catalogs", "get", &uuid, "-o", "json"]));
    insta::assert_snapshot!("catalogs_get_json", run.stdout);
}

#[cfg(feature = "mock")]
#[test]
fn skus_list_table_and_get_json() {
    let run = success(crux().args(["--mock", "skus", "list"]));
    insta::assert_snapshot!("skus_list_table", run.stdout);
    let skus: Vec<Sku> = json(crux().args(["--mock", "skus", "list"]));
    assert_eq!(run.stdout.lines().count(), skus.len() + 1);
    let uuid = skus[0].uuid.to_string();
    let run = success(crux().args(["--mock", "skus", "get", &uuid, "-o", "json"]));
    insta::assert_snapshot!("skus_get_json", run.stdout);
    let run = success(crux().args(["--mock", "skus", "get", &uuid]));
    assert!(run.stdout.starts_with("UUID  "), "{}", run.stdout);
}

#[cfg(feature = "mock")]
#[test]
fn inventory_lists_list_table_and_get_json() {
    let run = success(crux().args(["--mock", "inventory-lists", "list"]));
    insta::assert_snapshot!("inventory_lists_list_table", run.stdout);
    let lists: Vec<InventoryList> = json(crux().args(["--mock", "inventory-lists", "list"]));
    let uuid = lists[0].uuid.to_string();
    let run = success(crux().args(["--mock", "inventory-lists", "get", &uuid, "-o", "json"]));
    insta::assert_snapshot!("inventory_lists_get_json", run.stdout);
}

/// A supplier creates a catalog, an item and a SKU, then puts the SKU in
/// the catalog and takes it out; each read back.
#[test]
fn supplier_creates_then_gets() {
    let sandbox = Sandbox::start();
    let admin = supply_admin();
    let crux = || sandbox.crux_as(admin);
    let catalog: Catalog = json(crux().args([
        "catalogs",
        "create",
        "--name",
        "Spring",
        "--default-shipping-cost",
        "4.50",
    ]));
    let uuid = catalog.uuid.to_string();
    assert_eq!(catalog.name.as_deref(), Some("Spring"));
    let got: Catalog = json(crux().args(["catalogs", "get", &uuid]));
    assert_eq!(got.uuid, catalog.uuid);
    assert_eq!(got.default_shipping_cost, "4.50".parse().ok());

    let item: Item = json(
        crux()
            .args(["items", "create", "--json", "-"])
            .write_stdin(r#"{"title": "Test chair", "item_id": "TC-1"}"#),
    );
    let got: Item = json(crux().args(["items", "get", &item.uuid.to_string()]));
    assert_eq!(
        (got.uuid, got.title.as_deref()),
        (item.uuid, Some("Test chair"))
    );

    let item_uuid = item.uuid.to_string();
    let sku: Sku = json(crux().args([
        "skus", "create", "--item", &item_uuid, "--sku-id", "TC-1-RED", "--msrp", "59.90",
    ]));
    let sku_uuid = sku.uuid.to_string();
    let got: Sku = json(crux().args(["skus", "get", &sku_uuid]));
    assert_eq!((got.item.uuid, got.msrp), (item.uuid, "59.90".parse().ok()));

    let run = success(crux().args(["catalogs", "add-skus", &uuid, &sku_uuid]));
    assert_eq!(run.stdout, format!("added 1 SKU to catalog {uuid}\n"));
    let got: Catalog = json(crux().args(["catalogs", "get", &uuid]));
    assert!(got.skus.iter().any(|s| s.uuid == sku.uuid), "{got:?}");
    let change: serde_json::Value =
        json(crux().args(["catalogs", "remove-skus", &uuid, &sku_uuid]));
    let expected = serde_json::json!({
        "catalog_uuid": uuid, "action": "remove_skus", "sku_uuids": [sku_uuid]
    });
    assert_eq!(change, expected);
    let got: Catalog = json(crux().args(["catalogs", "get", &uuid]));
    assert!(!got.skus.iter().any(|s| s.uuid == sku.uuid), "{got:?}");
}

/// A retailer creates an inventory list, adds SKUs it can see, by id and
/// by search, and removes them.
#[test]
fn retailer_fills_an_inventory_list() {
    let sandbox = Sandbox::start();
    let admin = retail_admin();
    let crux = || sandbox.crux_as(admin);
    let list: InventoryList = json(crux().args([
        "inventory-lists",
        "create",
        "--name",
        "Picks",
        "--description",
        "for tests",
    ]));
    let uuid = list.uuid.to_string();
    let skus: Vec<Sku> = json(crux().args(["skus", "list"]));
    let sku = skus[0].uuid.to_string();
    let run = success(crux().args(["inventory-lists", "add-skus", &uuid, &sku]));
    assert_eq!(
        run.stdout,
        format!("added 1 SKU to inventory list {uuid}\n")
    );
    let got: InventoryList = json(crux().args(["inventory-lists", "get", &uuid]));
    assert_eq!(got.skus.len(), 1, "{got:?}");
    success(crux().args(["inventory-lists", "remove-skus", &uuid, &sku]));
    let got: InventoryList = json(crux().args(["inventory-lists", "get", &uuid]));
    assert!(got.skus.is_empty(), "{got:?}");

    let run = success(crux().args(["inventory-lists", "add-items-by-search", &uuid, "lamp"]));
    let line = format!("added the items matching the search to inventory list {uuid}\n");
    assert_eq!(run.stdout, line);
    let got: InventoryList = json(crux().args(["inventory-lists", "get", &uuid]));
    assert!(!got.skus.is_empty(), "{got:?}");
}

#[cfg(feature = "mock")]
#[test]
fn the_wrong_organization_type_exits_8_naming_the_type() {
    let line = failure(
        crux().args(["--mock", "catalogs", "create", "--name", "X"]),
        8,
    );
    assert!(
        line.contains("this command is for suppliers only"),
        "{line}"
    );
    let sandbox = Sandbox::start();
    let line = failure(
        sandbox
            .crux_as(supply_admin())
            .args(["inventory-lists", "list"]),
        8,
    );
    assert!(
        line.contains("this command is for retailers only"),
        "{line}"
    );
}

#[test]
fn a_missing_permission_exits_4_naming_it() {
    let sandbox = Sandbox::start();
    let line = failure(sandbox.crux_as(supply_finance()).args(["skus", "list"]), 4);
    assert!(line.contains("this command needs view_items"), "{line}");
    let line = failure(
        sandbox
            .crux_as(retail_viewer())
            .args(["inventory-lists", "create", "--name", "X"]),
        4,
    );
    assert!(line.contains("needs edit_inventory_lists"), "{line}");
}

#[cfg(feature = "mock")]
#[test]
fn create_bodies_from_json_or_flags_not_both() {
    let line = failure(
        crux()
            .args(["--mock", "inventory-lists", "create", "--json", "-"])
            .write_stdin("{\"name\": 42}"),
        2,
    );
    assert!(line.contains("not a valid inventory list body"), "{line}");
    let run =
        common::run(crux().args(["--mock", "catalogs", "create", "--json", "-", "--name", "X"]));
    assert_eq!(run.code, Some(2), "{run:#?}");
    let run = common::run(crux().args(["--mock", "skus", "create", "--sku-id", "X"]));
    assert_eq!(run.code, Some(2), "{run:#?}");
}

/// A supplier fills a catalog with the items a search finds, then empties
/// it the same way.
#[test]
fn supplier_adds_and_removes_items_by_search() {
    let sandbox = Sandbox::start();
    let crux = || sandbox.crux_as(supply_warehouse());
    let catalog: Catalog = json(crux().args(["catalogs", "create", "--name", "Lamps"]));
    let uuid = catalog.uuid.to_string();
    assert!(catalog.skus.is_empty(), "{catalog:?}");
    let add = [
        "catalogs",
        "add-items-by-search",
        &uuid,
        "lamp",
        "--max-cost",
        "500",
    ];
    let change: serde_json::Value = json(crux().args(add));
    let search = serde_json::json!({
        "search_term": "lamp", "filters": {"cost_per_unit": {"max": "500"}}
    });
    let expected = serde_json::json!({
        "catalog_uuid": uuid, "action": "add_items_by_search", "search": search
    });
    assert_eq!(change, expected);
    let got: Catalog = json(crux().args(["catalogs", "get", &uuid]));
    assert!(!got.skus.is_empty(), "{got:?}");
    let run = success(crux().args(["catalogs", "remove-items-by-search", &uuid, "lamp"]));
    let line = format!("removed the items matching the search from catalog {uuid}\n");
    assert_eq!(run.stdout, line);
    let got: Catalog = json(crux().args(["catalogs", "get", &uuid]));
    assert!(got.skus.is_empty(), "{got:?}");
}
