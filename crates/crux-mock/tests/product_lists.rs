//! Inventory lists and bodies through HTTP: add and remove by ids and by
//! search, read back what changed; bad bodies are 400s naming the field.

mod common;

use common::products::{faraway_admin, ids, ok_get, ok_post, search};
use common::{call, retailer_admin, supply_admin};
use crux_mock::{DemoUser, MockServer};
use http::{Method, StatusCode};
use serde_json::{Value, json};

#[tokio::test]
async fn inventory_lists_change_by_ids_and_by_search() {
    let server = MockServer::start().await.expect("starts");
    let retailer = retailer_admin();
    let lists = ok_get(&server, "/products/inventory-lists/", retailer).await;
    assert_eq!(lists[0]["name"], "Summer picks");
    let list = ok_post(
        &server,
        "/products/inventory-lists/",
        retailer,
        json!({"name": "Mine", "description": "d"}),
    )
    .await;
    let id = list["uuid"].as_str().expect("uuid").to_owned();
    assert_eq!(id, "d0000024-0000-4000-8000-000000000002");
    let path = |verb: &str| format!("/products/inventory-lists/{id}/{verb}/");
    let first = "d0000022-0000-4000-8000-000000000001";
    let list = ok_post(
        &server,
        &path("add-items"),
        retailer,
        json!({"item_uuids": [first]}),
    )
    .await;
    let skus = ids(&list["skus"]);
    assert!(!skus.is_empty());
    let list = ok_post(
        &server,
        &path("remove-skus"),
        retailer,
        json!({"sku_uuids": [skus[0]]}),
    )
    .await;
    assert_eq!(list["num_skus"], skus.len() - 1);
    let list = ok_post(
        &server,
        &path("remove-items"),
        retailer,
        json!({"item_uuids": [first]}),
    )
    .await;
    assert_eq!(list["num_skus"], 0);
    let by_search = json!({"search_term": "ds-000", "pagination": {"start": 0, "limit": 1}});
    let list = ok_post(
        &server,
        &path("add-items-by-search"),
        retailer,
        by_search.clone(),
    )
    .await;
    let added = list["num_skus"].as_u64().expect("count");
    assert!(
        added >= 9,
        "every SKU of DS-0001..DS-0009, pagination ignored: {added}"
    );
    let read = ok_get(
        &server,
        &format!("/products/inventory-lists/{id}/"),
        retailer,
    )
    .await;
    assert_eq!(read, list);
    let page = search(
        &server,
        retailer,
        json!({"facets": {"inventory_lists": [id.clone()]}}),
    )
    .await;
    assert_eq!(page["pagination"]["total_count"], 9);
    let list = ok_post(
        &server,
        &path("remove-items-by-search"),
        retailer,
        by_search,
    )
    .await;
    assert_eq!(list["num_skus"], 0);
    // Another supplier's SKU, or an unknown id: 400 naming it, nothing changed.
    let far_sku = ids(&ok_get(&server, "/products/skus/", faraway_admin()).await)[0].clone();
    let reply = call(
        &server,
        Method::POST,
        &path("add-skus"),
        retailer,
        Some(json!({"sku_uuids": [far_sku]}).to_string()),
    )
    .await;
    let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
    assert_eq!(
        detail,
        format!("sku_uuids: Invalid pk \"{far_sku}\" - object does not exist.")
    );
}

#[tokio::test]
async fn bad_bodies_are_400_naming_the_field() {
    let server = MockServer::start().await.expect("starts");
    let cases: [(&str, &DemoUser, Value, &str); 8] = [
        (
            "/products/items/",
            supply_admin(),
            json!({"item_id": "x"}),
            "title: This field is required.",
        ),
        (
            "/products/items/",
            supply_admin(),
            json!({"item_id": "x", "title": "t", "country_of_origin": "USA"}),
            "country_of_origin: \"USA\" is not a two-letter country code.",
        ),
        (
            "/products/skus/",
            supply_admin(),
            json!({"item": {"uuid": "d0000022-0000-4000-8000-000000000025"}, "sku_id": "s"}),
            "item: Invalid pk \"d0000022-0000-4000-8000-000000000025\" - object does not exist.",
        ),
        (
            "/products/skus/",
            supply_admin(),
            json!({"item": {"uuid": "d0000022-0000-4000-8000-000000000001"}, "sku_id": "s", "quantity_in_stock": "many"}),
            "quantity_in_stock: A valid integer is required.",
        ),
        (
            "/products/catalogs/",
            supply_admin(),
            json!({"name": "n", "default_shipping_cost": "cheap"}),
            "default_shipping_cost: A valid number is required.",
        ),
        (
            "/products/inventory-lists/",
            retailer_admin(),
            json!({"description": "d"}),
            "name: This field is required.",
        ),
        (
            "/products/items/search/",
            retailer_admin(),
            json!({"sort": "price"}),
            "sort: \"price\" is not a valid choice.",
        ),
        (
            "/products/items/search/",
            retailer_admin(),
            json!({"pagination": {"limit": -1}}),
            "pagination.limit: A valid integer is required.",
        ),
    ];
    for (path, user, body, expected) in cases {
        let reply = call(&server, Method::POST, path, user, Some(body.to_string())).await;
        assert_eq!(
            reply.assert_detail(StatusCode::BAD_REQUEST),
            expected,
            "{path}"
        );
    }
}
