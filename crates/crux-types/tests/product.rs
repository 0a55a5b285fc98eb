//! Product models: what the fixtures do not show (edge values, rejected
//! values, request bodies built in code).

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use crux_types::{
    Catalog, Decimal, FacetSelection, Item, ItemSearch, ItemSearchPage, NewCatalog,
    NewInventoryList, NewItem, PageInfo, Sku,
};
use serde_json::{Value, json};

/// The Get Sku Detail fixture as JSON, to edit.
fn sku_json() -> Value {
    common::value("product/get_sku_detail.json")
}

#[test]
fn published_non_uuid_item_sample_ids_are_rejected() {
    // The fixtures repair these (docs/spec-decisions.md, E-45).
    let mut item = common::value("product/get_item_detail.json");
    item["product_videos"][0]["uuid"] = json!("19193e697-6a17-4dd1-939b-3d7ca9676b1c");
    assert!(serde_json::from_value::<Item>(item).is_err());

    let mut items = common::value("product/get_items.json");
    items[0]["product_videos"][0]["uuid"] = json!("846284309-26e0-4f48-9fcf-78f6e84cfdc1");
    assert!(serde_json::from_value::<Vec<Item>>(items).is_err());
}

#[test]
fn quantities_read_from_integers_and_numeric_strings_only() {
    let decode = |value: Value| {
        let mut sku = sku_json();
        sku["quantity_in_stock"] = value;
        serde_json::from_value::<Sku>(sku).map(|sku| sku.quantity_in_stock)
    };
    assert_eq!(decode(json!(19)).ok(), Some(Some(19)));
    assert_eq!(decode(json!("19")).ok(), Some(Some(19)));
    assert_eq!(decode(json!("4294967295")).ok(), Some(Some(u32::MAX)));
    assert_eq!(decode(Value::Null).ok(), Some(None));
    for bad in [
        json!(-1),
        json!("-1"),
        json!("+5"),
        json!(" 5"),
        json!(""),
        json!("1.5"),
        json!(1.5),
        json!("4294967296"),
        json!(true),
    ] {
        assert!(decode(bad.clone()).is_err(), "{bad} decoded");
    }

    let mut sku = sku_json();
    sku["quantity_on_backorder"] = json!("79");
    let sku: Sku = serde_json::from_value(sku).expect("decodes");
    assert_eq!(
        serde_json::to_value(&sku).expect("encodes")["quantity_on_backorder"],
        json!(79),
        "written as an integer"
    );
}

#[test]
fn money_from_a_number_keeps_the_digits_sent() {
    let mut sku = sku_json();
    sku["msrp"] = json!(0.1);
    sku["price_tiers"][0]["cost_per_unit"] = json!(0.9995238095238095);
    sku["minimum_advertised_price"] = json!("40.00");
    let sku: Sku = serde_json::from_value(sku).expect("decodes");
    assert_eq!(sku.msrp, Some(Decimal::new(1, 1)));
    assert_eq!(
        sku.price_tiers[0].cost_per_unit,
        "0.9995238095238095".parse().ok()
    );
    let written = serde_json::to_value(&sku).expect("encodes");
    assert_eq!(written["minimum_advertised_price"], "40.00");
    assert_eq!(written["msrp"], "0.1");
}

#[test]
fn attribute_maps_keep_every_json_value() {
    let attributes = json!({
        "size": 9, "color": "azure", "ratio": 0.25, "tags": ["a", 1],
        "nested": {"x": null}, "flag": true, "none": null
    });
    let mut sku = sku_json();
    sku["sku_distinguishing_attributes"] = attributes.clone();
    sku["sku_nondistinguishing_attributes"] = Value::Null;
    let sku: Sku = serde_json::from_value(sku).expect("decodes");
    assert_eq!(
        Value::Object(sku.sku_distinguishing_attributes.clone()),
        attributes
    );
    assert!(sku.sku_nondistinguishing_attributes.is_empty());
}

#[test]
fn unknown_members_are_ignored_at_every_level() {
    let mut page = common::value("product/search_items.json");
    page["next"] = json!("?");
    page["items"][0]["popularity"] = json!(3);
    page["items"][0]["supplier"]["country"] = json!("AR");
    page["facets"]["colour"] = json!([{"name": "Red", "uuid": "red", "count": 1}]);
    page["facets"]["condition"][0]["rank"] = json!(1);
    page["pagination"]["page"] = json!(1);
    let edited: ItemSearchPage = serde_json::from_value(page).expect("decodes");
    let original: ItemSearchPage = common::decode("product/search_items.json");
    assert_eq!(edited, original);
}

#[test]
fn a_search_page_without_optional_parts_decodes() {
    let page: ItemSearchPage =
        serde_json::from_value(json!({"items": [], "facets": null})).expect("decodes");
    assert!(page.items.is_empty());
    assert_eq!(page.pagination, PageInfo::default());
}

#[test]
fn empty_request_bodies_send_only_what_is_required() {
    assert_eq!(
        serde_json::to_value(ItemSearch::default()).expect("encodes"),
        json!({})
    );
    assert_eq!(
        serde_json::to_value(NewItem::default()).expect("encodes"),
        json!({})
    );
    assert_eq!(
        serde_json::to_value(NewCatalog::default()).expect("encodes"),
        json!({"name": ""})
    );
    assert_eq!(
        serde_json::to_value(NewInventoryList::new("L")).expect("encodes"),
        json!({"name": "L"})
    );
    // `Some(vec![])` is sent; `None` is not.
    let search = ItemSearch {
        facets: Some(FacetSelection {
            catalog_type: Some(vec![]),
            ..FacetSelection::default()
        }),
        ..ItemSearch::default()
    };
    assert_eq!(
        serde_json::to_value(search).expect("encodes"),
        json!({"facets": {"catalog_type": []}})
    );
}

#[test]
fn catalog_read_by_a_retailer_and_as_created() {
    let listed: Vec<Catalog> = common::decode("product/get_catalogs.json");
    assert!(
        listed
            .iter()
            .all(|c| c.retailer.is_some() && c.retailers.is_none())
    );
    let created: Catalog = common::decode("product/create_catalog.json");
    assert_eq!(created.retailer, None);
    assert_eq!(created.retailers, Some(vec![]));
    assert_eq!(created.default_shipping_cost, "5.33".parse().ok());
}
