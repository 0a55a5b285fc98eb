//! Every fixture in `tests/fixtures/`, found by `insta::glob!`: each one
//! decodes into its model, matches its snapshot
//! (`snapshots/every_fixture__decoded@<folder>__<name>.snap`),
//! and is written back as the JSON it came from, `null` and absent members
//! being equal, and a number read as money being equal to the same amount
//! written as a string (docs/spec-decisions.md, E-07). A fixture the models
//! deliberately write differently names the rewrite in its line of the
//! fixture table (`common/fixture_table.rs`, shared with the other tests
//! that walk the fixtures), from which [`FIXTURES`] is built.
//!
//! Adding a fixture file adds a test case, which fails until the file has a
//! line in the fixture table saying which model it is and its snapshot is
//! reviewed.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;
#[path = "common/fixture_table.rs"]
mod fixture_table;

use std::path::Path;

use crux_types::{
    AllocationResult, AllocationUpdate, Catalog, Connection, ConnectionRequest,
    ConnectionRequestCreated, ConnectionRequestPage, ConnectionRequestUpdate,
    DashboardNotification, Decimal, ExportRef, FeeQuery, Fees, InventoryList, Item, ItemIdList,
    ItemSearch, ItemSearchPage, LoginRequest, LoginResponse, NewCatalog, NewConnectionRequest,
    NewInventoryList, NewItem, NewOrder, NewSku, NewTracking, NotificationSetting,
    NotificationSettingUpdate, Order, OrderCancellation, OrderIdList, OrderPage, OrderQuery,
    Organization, PaymentMethod, Permission, PermissionAssignments, Sku, SkuIdList, Subscription,
    SupplierPage, SupplierQuery, Transaction, TransactionsExportRequest, User,
    UserPermissionsChange,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Value, json};

/// One fixture: its path under `tests/fixtures/` and its test.
struct Fixture {
    name: &'static str,
    check: fn(&str),
}

/// Builds [`FIXTURES`] from the fixture table's lines:
/// `"folder/file.json" => Model;` or, when the model writes the fixture
/// back differently on purpose, `"folder/file.json" => Model, rewrite;`
/// where `rewrite` turns the fixture's JSON into what the model writes.
macro_rules! fixtures {
    ($($name:literal => $model:ty $(, $rewrite:expr)?;)*) => {
        const FIXTURES: &[Fixture] = &[$(
            Fixture {
                name: $name,
                check: |name| check::<$model>(name, fixtures!(@rewrite $($rewrite)?)),
            },
        )*];
    };
    (@rewrite) => { unchanged };
    (@rewrite $rewrite:expr) => { $rewrite };
}

fixture_table::fixture_table!(fixtures);

#[test]
fn decodes_and_round_trips() {
    insta::glob!("fixtures", "**/*.json", |path| {
        let name = fixture_name(path);
        let fixture = FIXTURES.iter().find(|f| f.name == name).unwrap_or_else(|| {
            panic!("{name} has no model: add it to the table in tests/common/fixture_table.rs")
        });
        (fixture.check)(name.as_str());
    });
}

#[test]
fn every_listed_fixture_exists() {
    for fixture in FIXTURES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture.name);
        assert!(path.is_file(), "{} is listed but missing", fixture.name);
    }
}

/// `path` relative to `tests/fixtures/`, with `/` separators.
fn fixture_name(path: &Path) -> String {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let base = base.canonicalize().unwrap_or(base);
    let relative = path.strip_prefix(&base).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Decodes fixture `name` as `T`, checks the snapshot of the value, and
/// checks that encoding it gives the fixture's JSON after `rewrite` (up to
/// `null` versus absent, and money as number or string) and decodes back to
/// the same value.
fn check<T>(name: &str, rewrite: fn(&mut Value))
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let decoded: T = common::decode(name);
    insta::assert_debug_snapshot!("decoded", decoded);

    let mut expected = common::value(name);
    rewrite(&mut expected);
    let mut encoded = serde_json::to_value(&decoded).expect("models always encode");
    money_as_sent(&expected, &mut encoded);
    assert_eq!(
        common::without_null_members(encoded.clone()),
        common::without_null_members(expected),
        "{name}: the re-encoded JSON differs from the fixture's",
    );
    let decoded_again: T = serde_json::from_value(encoded).expect("encoded JSON decodes");
    assert_eq!(decoded_again, decoded, "{name}: decode(encode(x)) != x");
}

/// Where `expected` has a JSON number and `encoded` the same amount as a
/// decimal string (money is always written as a string), puts the number
/// back in `encoded`, so that only real differences remain.
fn money_as_sent(expected: &Value, encoded: &mut Value) {
    match (expected, encoded) {
        (Value::Number(number), encoded @ Value::String(_)) => {
            let amount = |text: &str| text.parse::<Decimal>().ok();
            if amount(&number.to_string()).is_some()
                && amount(&number.to_string()) == encoded.as_str().and_then(amount)
            {
                *encoded = Value::Number(number.clone());
            }
        }
        (Value::Array(expected), Value::Array(encoded)) => {
            for (e, a) in expected.iter().zip(encoded) {
                money_as_sent(e, a);
            }
        }
        (Value::Object(expected), Value::Object(encoded)) => {
            for (key, e) in expected {
                if let Some(a) = encoded.get_mut(key) {
                    money_as_sent(e, a);
                }
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// What the models write differently, on purpose.

/// Written back exactly as read.
fn unchanged(_: &mut Value) {}

/// The third setting's `"Email"`, an alias of `NotificationVia::Email`, is
/// written as the documented `"email"` (docs/spec-decisions.md, E-33).
fn email_written_as_documented(json: &mut Value) {
    let via = &mut json[2]["notification_type"][0]["notification_via"];
    assert_eq!(via, "Email");
    *via = json!("email");
}

/// `"enabled": "True"` is written as a JSON boolean
/// (docs/spec-decisions.md, E-07).
fn enabled_written_as_a_boolean(json: &mut Value) {
    assert_eq!(json["enabled"], "True");
    json["enabled"] = json!(true);
}

/// Every accepted timestamp format is written in the RFC 3339 `Z` form,
/// with as many fraction digits as needed (docs/spec-decisions.md, E-30).
fn timestamps_written_in_the_z_form(json: &mut Value) {
    for (index, written) in [
        "2017-11-06T20:41:02.497923Z",
        "2018-02-09T17:02:13Z",
        "2018-04-12T23:38:06.923137Z",
        "2017-11-06T00:00:00Z",
        "2018-04-06T01:12:09Z",
    ]
    .into_iter()
    .enumerate()
    {
        json[index]["created_at"] = json!(written);
    }
}

/// Members the models do not know are dropped
/// (docs/spec-decisions.md, E-18).
fn unknown_fields_dropped(json: &mut Value) {
    let remove = |value: &mut Value, keys: &[&str]| {
        let object = value.as_object_mut().expect("an object");
        for key in keys {
            assert!(object.remove(*key).is_some(), "{key} is in the fixture");
        }
    };
    remove(json, &["created"]);
    remove(&mut json["person"], &["middle_name", "address"]);
    let assignments = &mut json["permission_assignments"];
    remove(assignments, &["status", "total_count"]);
    remove(&mut assignments["org_user"], &["org_type"]);
    let entry = &mut assignments["permissions"][0];
    remove(entry, &["assigned_at"]);
    remove(&mut entry["permission"], &["deprecated", "tags"]);
}

/// `plan_addons`, the page text's name, is written as the sample's
/// `plan_add_ons` (docs/spec-decisions.md, E-36).
fn plan_addons_written_as_plan_add_ons(json: &mut Value) {
    let object = json.as_object_mut().expect("an object");
    let add_ons = object.remove("plan_addons").expect("the fixture has it");
    object.insert("plan_add_ons".to_owned(), add_ons);
}

/// `{"export": {"uuid": ...}}` is written as `{"uuid": ...}`
/// (docs/spec-decisions.md, E-24).
fn export_written_flat(json: &mut Value) {
    *json = json!({ "uuid": json["export"]["uuid"] });
}

/// An image's or video's `url`, the samples' name for the documented
/// `uri`, is written as `uri` (docs/spec-decisions.md, E-06).
fn url_written_as_uri(json: &mut Value) {
    match json {
        Value::Object(object) => {
            if let Some(url) = object.remove("url") {
                assert!(object.insert("uri".to_owned(), url).is_none());
            }
            object.values_mut().for_each(url_written_as_uri);
        }
        Value::Array(items) => items.iter_mut().for_each(url_written_as_uri),
        _ => {}
    }
}

/// The SKUs' internal `_`-prefixed members (`_distinguishing_info_hash`,
/// `_sku_measurements`, `_package_measurements`) are not modelled, so not
/// written (docs/spec-decisions.md, E-18).
fn internal_fields_dropped(json: &mut Value) {
    match json {
        Value::Object(object) => {
            object.retain(|key, _| !key.starts_with('_'));
            object.values_mut().for_each(internal_fields_dropped);
        }
        Value::Array(items) => items.iter_mut().for_each(internal_fields_dropped),
        _ => {}
    }
}

/// Both [`internal_fields_dropped`] and [`url_written_as_uri`].
fn internal_fields_dropped_and_url_written_as_uri(json: &mut Value) {
    internal_fields_dropped(json);
    url_written_as_uri(json);
}

/// The sample's quantities, sent as strings (`"500"`), are written as the
/// documented JSON integers (docs/spec-decisions.md, E-07).
fn quantities_written_as_integers(json: &mut Value) {
    for (key, written) in [
        ("quantity_in_stock", 500),
        ("quantity_on_backorder", 100),
        ("number_of_units_bundled", 2),
    ] {
        assert_eq!(json[key], written.to_string(), "{key}");
        json[key] = json!(written);
    }
}

#[test]
fn money_sent_as_a_number_equals_the_same_amount_written_as_a_string() {
    let expected = json!({ "total": 12, "cost": 0.5, "id": 7, "name": "x" });
    let mut encoded = json!({ "total": "12.00", "cost": "0.50", "id": "8", "name": "x" });
    money_as_sent(&expected, &mut encoded);
    assert_eq!(
        encoded,
        json!({ "total": 12, "cost": 0.5, "id": "8", "name": "x" })
    );
}

/// The order query's `search_term` (the get-orders sample's name) is
/// written `term`, and its sort's `value` is written `dir`
/// (docs/spec-decisions.md, E-12).
fn order_query_as_documented(json: &mut Value) {
    let object = json.as_object_mut().expect("an object");
    if let Some(term) = object.remove("search_term") {
        object.insert("term".to_owned(), term);
    }
    let sort = object["sort"].as_object_mut().expect("a sort");
    let dir = sort.remove("value").expect("the samples send `value`");
    sort.insert("dir".to_owned(), dir);
}

/// Wherever they appear: a date-only or space-separated `request_date` is
/// written in the RFC 3339 `Z` form (docs/spec-decisions.md, E-30), and the
/// samples' plural integration types (`items`, `orders`) in the documented
/// singular (docs/spec-decisions.md, E-17).
fn request_dates_and_integration_types_as_written(json: &mut Value) {
    match json {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                match (key.as_str(), value.as_str()) {
                    ("request_date", Some(date)) => {
                        let written: crux_types::Timestamp = date.parse().expect("a timestamp");
                        *value = json!(written.to_string());
                    }
                    ("type" | "integration_type", Some(plural @ ("items" | "orders"))) => {
                        *value = json!(plural.trim_end_matches('s'));
                    }
                    _ => request_dates_and_integration_types_as_written(value),
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(request_dates_and_integration_types_as_written),
        _ => {}
    }
}

/// Wherever they appear, the quantities of the order bodies sent as
/// numeric strings (`"53"`, `"22"`) are written as integers
/// (docs/spec-decisions.md, E-07). Each fixture has at least one.
fn order_quantities_written_as_integers(json: &mut Value) {
    fn walk(json: &mut Value, found: &mut usize) {
        match json {
            Value::Object(object) => {
                for (key, value) in object.iter_mut() {
                    let quantity = key.starts_with("quantity");
                    match value.as_str().map(str::parse::<u32>) {
                        Some(Ok(number)) if quantity => {
                            *value = json!(number);
                            *found += 1;
                        }
                        _ => walk(value, found),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| walk(item, found)),
            _ => {}
        }
    }
    let mut found = 0;
    walk(json, &mut found);
    assert!(found > 0, "the fixture sends a quantity as a string");
}
