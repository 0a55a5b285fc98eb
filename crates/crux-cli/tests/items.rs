//! `crux items ...`, end to end against the product world of `crux-mock`:
//! list, get, export, and search, one page or every page.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{Sandbox, crux, failure, json, success, supply_admin};
use crux_types::{Item, ItemSearchPage};

#[cfg(feature = "mock")]
#[test]
fn items_list_table_and_get_json() {
    let run = success(crux().args(["--mock", "items", "list"]));
    insta::assert_snapshot!("items_list_table", run.stdout);
    let items: Vec<Item> = json(crux().args(["--mock", "items", "list"]));
    assert_eq!(run.stdout.lines().count(), items.len() + 1);
    let uuid = items[0].uuid.to_string();
    let run = success(crux().args(["--mock", "items", "get", &uuid, "-o", "json"]));
    insta::assert_snapshot!("items_get_json", run.stdout);
}

#[cfg(feature = "mock")]
#[test]
fn search_prints_one_page_and_where_it_is() {
    let run = success(crux().args(["--mock", "items", "search", "--limit", "5"]));
    insta::assert_snapshot!("items_search_table", run.stdout);
    let page: ItemSearchPage = json(crux().args(["--mock", "items", "search", "--limit", "5"]));
    assert_eq!(page.items.len(), 5);
    let total = page.pagination.total_count.unwrap();
    let last = run.stdout.lines().last().unwrap();
    assert_eq!(
        last,
        format!("items 1 to 5 of {total}; next page: --start 5")
    );
}

#[cfg(feature = "mock")]
#[test]
fn search_all_prints_every_match_as_json_lines() {
    let page: ItemSearchPage = json(crux().args(["--mock", "items", "search", "--limit", "1"]));
    let total = page.pagination.total_count.unwrap() as usize;
    assert!(total > 7, "several pages: {total}");
    let run = success(crux().args([
        "--mock", "items", "search", "--all", "--limit", "3", "-o", "json",
    ]));
    let items: Vec<Item> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(items.len(), total);
    let mut uuids: Vec<_> = items.iter().map(|i| i.uuid).collect();
    uuids.sort();
    uuids.dedup();
    assert_eq!(uuids.len(), total, "every item once");
    // No progress line: stderr is not a terminal.
    assert!(
        run.stderr.lines().all(|l| l.starts_with("note: ")),
        "{}",
        run.stderr
    );

    // --all walks from the first item: --start does not apply.
    let run = common::run(crux().args(["--mock", "items", "search", "--all", "--start", "3"]));
    assert_eq!(run.code, Some(2), "{run:#?}");

    // As a table: the header, then one row per item.
    let run = success(crux().args(["--mock", "items", "search", "--all", "--limit", "4"]));
    assert_eq!(run.stdout.lines().count(), total + 1);
    assert!(run.stdout.starts_with("UUID "), "{}", run.stdout);
}

#[cfg(feature = "mock")]
#[test]
fn search_flags_narrow_the_search() {
    let all: ItemSearchPage = json(crux().args(["--mock", "items", "search"]));
    let some: ItemSearchPage = json(crux().args(["--mock", "items", "search", "lamp"]));
    let n = |page: &ItemSearchPage| page.pagination.total_count.unwrap();
    assert!(
        n(&some) > 0 && n(&some) < n(&all),
        "{} of {}",
        n(&some),
        n(&all)
    );
    assert!(some.items.iter().all(|i| {
        i.title
            .as_deref()
            .unwrap_or_default()
            .to_lowercase()
            .contains("lamp")
    }));
}

#[cfg(feature = "mock")]
#[test]
fn export_prints_the_export_id() {
    let items: Vec<Item> = json(crux().args(["--mock", "items", "list"]));
    let uuid = items[0].uuid.to_string();
    let run = success(crux().args(["--mock", "items", "export", &uuid]));
    assert!(
        run.stdout.starts_with("export ") && run.stdout.contains("emailed"),
        "{}",
        run.stdout
    );
}

#[cfg(feature = "mock")]
#[test]
fn creating_items_is_for_suppliers() {
    let line = failure(
        crux().args([
            "--mock",
            "items",
            "create",
            "--item-id",
            "X-1",
            "--title",
            "X",
        ]),
        8,
    );
    assert!(
        line.contains("this command is for suppliers only"),
        "{line}"
    );
    let sandbox = Sandbox::start();
    let item: Item = json(sandbox.crux_as(supply_admin()).args([
        "items",
        "create",
        "--item-id",
        "LS-1",
        "--title",
        "Lamp stand",
        "--category",
        "home > garden",
    ]));
    assert_eq!(item.categories.len(), 1, "{item:?}");
    assert_eq!(item.categories[0].path, ["home", "garden"]);
}

#[cfg(feature = "mock")]
#[test]
fn export_by_search_takes_item_uuids() {
    let items: Vec<Item> = json(crux().args(["--mock", "items", "list"]));
    let (a, b) = (items[0].uuid.to_string(), items[1].uuid.to_string());
    let export: serde_json::Value =
        json(crux().args(["--mock", "items", "export-by-search", &a, &b]));
    assert!(export["uuid"].is_string(), "{export}");
    let run = common::run(crux().args(["--mock", "items", "export-by-search"]));
    assert_eq!(run.code, Some(2), "{run:#?}");
}
