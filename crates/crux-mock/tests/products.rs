//! The product world through HTTP: what a supplier creates, a connected
//! retailer finds; an unconnected supplier's products are invisible; item
//! exports; the answers are the crux-types models.

mod common;

use common::products::{faraway_admin, ids, ok_get, ok_post, search};
use common::{call, retailer_admin, supply_admin};
use crux_mock::{DemoUser, MockServer};
use http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn what_a_supplier_creates_a_connected_retailer_finds() {
    let server = MockServer::start().await.expect("starts");
    let (supplier, retailer) = (supply_admin(), retailer_admin());
    let item = ok_post(
        &server,
        "/products/items/",
        supplier,
        json!({"item_id": "NEW-1", "title": "The zesty gadget", "brand": "Zest",
               "shipping_origin_country": "US", "item_attributes": {"Size": 3},
               "categories": [{"path": ["home", "gadgets"], "description": "ignored"}]}),
    )
    .await;
    let item_uuid = item["uuid"].as_str().expect("uuid").to_owned();
    assert_eq!(item_uuid, "d0000022-0000-4000-8000-000000000033");
    assert_eq!(item["skus"], json!([]));
    assert_eq!(item["item_attributes"], json!({"Size": 3}));
    let sku = ok_post(
        &server,
        "/products/skus/",
        supplier,
        json!({"item": {"uuid": item_uuid}, "sku_id": "NEW-1-A", "condition": "refurb",
               "quantity_in_stock": "500", "number_of_units_bundled": "2", "msrp": "55.99"}),
    )
    .await;
    let sku_uuid = sku["uuid"].as_str().expect("uuid").to_owned();
    assert_eq!(sku["quantity_in_stock"], 500);
    assert_eq!(sku["price_tiers"], json!([]));
    let catalog = ok_post(
        &server,
        "/products/catalogs/",
        supplier,
        json!({"name": "New things", "default_shipping_cost": "5.33", "default_handling_cost": ""}),
    )
    .await;
    let catalog_uuid = catalog["uuid"].as_str().expect("uuid").to_owned();
    let path = format!("/products/catalogs/{catalog_uuid}/add-items/");
    let catalog = ok_post(&server, &path, supplier, json!({"item_uuids": [item_uuid]})).await;
    assert_eq!(catalog["num_skus"], 1);

    // The retailer finds all of it: detail, lists, search.
    let found = ok_get(&server, &format!("/products/items/{item_uuid}/"), retailer).await;
    assert_eq!(found["title"], "The zesty gadget");
    assert_eq!(ids(&found["skus"]), std::slice::from_ref(&sku_uuid));
    let tier = &found["skus"][0]["price_tiers"][0];
    assert_eq!(tier["catalog"]["uuid"], catalog_uuid.as_str());
    assert_eq!(
        (tier["cost"].as_str(), tier["cost_per_unit"].as_str()),
        (Some("33.59"), Some("16.795"))
    );
    assert_eq!(tier["shipping_cost_type"], "fixed");
    let sku = ok_get(&server, &format!("/products/skus/{sku_uuid}/"), retailer).await;
    assert_eq!(sku["condition"], "refurb");
    assert!(ids(&ok_get(&server, "/products/items/", retailer).await).contains(&item_uuid));
    assert!(ids(&ok_get(&server, "/products/skus/", retailer).await).contains(&sku_uuid));
    let catalogs = ok_get(&server, "/products/catalogs/", retailer).await;
    assert!(ids(&catalogs).contains(&catalog_uuid));
    let page = search(
        &server,
        retailer,
        json!({"search_term": "ZESTY", "facets": {"catalogs": [catalog_uuid]}}),
    )
    .await;
    assert_eq!(ids(&page["items"]), std::slice::from_ref(&item_uuid));
    assert_eq!(page["items"][0]["sku_count"], 1);
    assert_eq!(page["items"][0]["catalog_type"], json!(["standard"]));
    assert_eq!(page["facets"]["catalogs"][0]["selected"], true);

    // Removing it from the catalog shows too.
    let path = format!("/products/catalogs/{catalog_uuid}/remove-skus/");
    let catalog = ok_post(&server, &path, supplier, json!({"sku_uuids": [sku_uuid]})).await;
    assert_eq!(catalog["num_skus"], 0);
    let found = ok_get(&server, &format!("/products/items/{item_uuid}/"), retailer).await;
    assert_eq!(found["skus"][0]["price_tiers"], json!([]));
}

#[tokio::test]
async fn an_unconnected_suppliers_products_are_invisible() {
    let server = MockServer::start().await.expect("starts");
    let (retailer, faraway) = (retailer_admin(), faraway_admin());
    let theirs = ok_get(&server, "/products/items/", faraway).await;
    assert_eq!(ids(&theirs).len(), 8);
    let item = ok_post(
        &server,
        "/products/items/",
        faraway,
        json!({"item_id": "F", "title": "Far"}),
    )
    .await;
    let mut hidden = ids(&theirs);
    hidden.push(item["uuid"].as_str().expect("uuid").to_owned());
    let visible = ids(&ok_get(&server, "/products/items/", retailer).await);
    assert_eq!(visible.len(), 24);
    for id in &hidden {
        assert!(!visible.contains(id));
        let reply = call(
            &server,
            Method::GET,
            &format!("/products/items/{id}/"),
            retailer,
            None,
        )
        .await;
        assert_eq!(reply.assert_detail(StatusCode::NOT_FOUND), "Not found.");
    }
    let catalog = &ok_get(&server, "/products/catalogs/", faraway).await[0]["uuid"];
    let path = format!("/products/catalogs/{}/", catalog.as_str().expect("uuid"));
    let reply = call(&server, Method::GET, &path, retailer, None).await;
    reply.assert_detail(StatusCode::NOT_FOUND);
    // Suppliers do not see each other's products either.
    let reply = call(
        &server,
        Method::GET,
        &format!("/products/items/{}/", hidden[0]),
        supply_admin(),
        None,
    )
    .await;
    reply.assert_detail(StatusCode::NOT_FOUND);
    let page = search(
        &server,
        retailer,
        json!({"facets": {"supplier": ["Faraway Goods Ltd."]}}),
    )
    .await;
    assert_eq!(page["pagination"]["total_count"], 0);
}

#[tokio::test]
async fn item_exports_answer_the_next_export_id() {
    let server = MockServer::start().await.expect("starts");
    let retailer = retailer_admin();
    let body = json!({"item_uuids": ["d0000022-0000-4000-8000-000000000001"]});
    let export = ok_post(&server, "/products/items/export/", retailer, body).await;
    assert_eq!(
        export,
        json!({"export": {"uuid": "d0000009-0000-4000-8000-000000000001"}})
    );
    let export = ok_post(
        &server,
        "/products/items/search/export/",
        retailer,
        json!({"search_term": "lamp"}),
    )
    .await;
    assert_eq!(
        export["export"]["uuid"],
        "d0000009-0000-4000-8000-000000000002"
    );
    let endpoints: Vec<_> = server.exports().iter().map(|e| e.endpoint).collect();
    assert_eq!(endpoints, ["items.export", "items.export_by_search"]);
    let hidden = json!({"item_uuids": ["d0000022-0000-4000-8000-000000000025"]});
    let reply = call(
        &server,
        Method::POST,
        "/products/items/export/",
        retailer,
        Some(hidden.to_string()),
    )
    .await;
    reply.assert_detail(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn responses_are_the_crux_types_models_byte_for_byte() {
    use crux_types::{Catalog, InventoryList, Item, ItemSearchPage, Sku};
    let server = MockServer::start().await.expect("starts");
    let get = |path: &'static str, user: &'static DemoUser| {
        let server = &server;
        async move { call(server, Method::GET, path, user, None).await }
    };
    get("/products/items/", retailer_admin())
        .await
        .wire::<Vec<Item>>();
    get("/products/skus/", supply_admin())
        .await
        .wire::<Vec<Sku>>();
    get("/products/catalogs/", retailer_admin())
        .await
        .wire::<Vec<Catalog>>();
    get("/products/inventory-lists/", retailer_admin())
        .await
        .wire::<Vec<InventoryList>>();
    let body = json!({"sort": "title", "pagination": {"limit": 3}}).to_string();
    let reply = call(
        &server,
        Method::POST,
        "/products/items/search/",
        retailer_admin(),
        Some(body),
    )
    .await;
    let page: ItemSearchPage =
        serde_json::from_str(&reply.wire::<ItemSearchPage>()).expect("a page");
    assert_eq!(page.items.len(), 3);
    assert_eq!(page.pagination.total_count, Some(24));
}

#[tokio::test]
async fn the_generated_world_is_pinned_by_snapshots() {
    use crux_types::{Item, ItemSearchPage};
    let server = MockServer::start().await.expect("starts");
    let path = "/products/items/d0000022-0000-4000-8000-000000000001/";
    let reply = call(&server, Method::GET, path, retailer_admin(), None).await;
    insta::assert_snapshot!("first_item_as_the_retailer", reply.wire::<Item>());
    let body = json!({"sort": "title", "pagination": {"start": 0, "limit": 2}}).to_string();
    let reply = call(
        &server,
        Method::POST,
        "/products/items/search/",
        retailer_admin(),
        Some(body),
    )
    .await;
    insta::assert_snapshot!("first_search_page", reply.wire::<ItemSearchPage>());
}
