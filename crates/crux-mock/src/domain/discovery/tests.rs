//! Discovery without HTTP.

use serde_json::json;

use super::*;
use crate::domain::testing::{actor, store};

#[test]
fn initials_match_letters_any_case_and_hash_any_digit() {
    assert!(starts_with("3D Print Depot", '#'));
    assert!(!starts_with("Acme", '#'));
    assert!(starts_with("acorn Toys", 'a'));
    assert!(starts_with("99 Cent Bulk", '9'));
    assert!(!starts_with("", 'a'));
}

#[test]
fn the_suppliers_seen_depend_on_the_callers_connections() {
    let store = store();
    let retailer =
        suppliers(&store, &actor("buyer@retail.demo.example"), Ok(json!({}))).expect("page");
    assert_eq!(retailer["pagination"]["total_count"], 11);
    let names: Vec<&str> = retailer["suppliers"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(!names.contains(&"Demo Supply Co."));
    let faraway = store
        .discovery
        .iter()
        .find(|row| row.name == "Faraway Goods Ltd.")
        .expect("listed");
    assert_eq!(faraway.number_of_skus, 13);
    assert!(
        suppliers(
            &store,
            &actor("buyer@retail.demo.example"),
            Ok(json!({"pagination": "x"}))
        )
        .is_err()
    );
    assert!(
        suppliers(
            &store,
            &actor("buyer@retail.demo.example"),
            Ok(json!({"sort": "-name"}))
        )
        .is_ok()
    );
}
