//! The 27 product endpoints (rows 33 to 59): each request as sent (method,
//! path, content type, body), through the replay transport answering the
//! docs' samples; the bodies are the docs' request samples, decoded into the
//! crux-types request models. The last test checks that they reach exactly
//! the implemented product rows of the catalogue (`requests.rs` does the
//! same for the other sections).

mod support;

use crux_api::{
    Client, RetryPolicy,
    transport::test_util::{ReplayEvent, ReplayTransport},
    types::{
        ItemSearch, NewCatalog, NewInventoryList, NewItem, NewSku, endpoint, endpoint::Section,
    },
};
use support::{
    CANARY,
    sent::{Sent, assert_reaches_each_once, checked, checked_count, describe_all},
};

macro_rules! fixture {
    ($path:literal) => {
        include_str!(concat!("../../crux-types/tests/fixtures/product/", $path))
    };
}

/// A request sample of the docs, decoded into its model.
macro_rules! body {
    ($path:literal) => {
        serde_json::from_str(fixture!($path)).expect(concat!($path, " decodes"))
    };
}

fn client(replay: &ReplayTransport) -> Client {
    Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(replay.clone())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client builds")
}

/// Every catalog endpoint, in row order of the operations' names.
async fn catalog_requests() -> Vec<Sent> {
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, fixture!("get_catalogs.json")),
        ReplayEvent::json(200, fixture!("create_catalog.json")),
        ReplayEvent::json(200, fixture!("get_catalog_detail.json")),
        ReplayEvent::status(200),
        ReplayEvent::json(204, ""),
        ReplayEvent::json(200, "{}"),
        ReplayEvent::status(201),
        ReplayEvent::status(200),
        ReplayEvent::status(200),
    ]);
    let client = client(&replay);
    let catalogs = client.catalogs();

    let listed = checked(catalogs.list()).await.expect("catalogs");
    let new: NewCatalog = body!("create_catalog_request.json");
    let created = checked(catalogs.create(&new))
        .await
        .expect("created catalog");
    assert_eq!(created.default_shipping_cost, "5.33".parse().ok());
    let catalog = checked(catalogs.get(listed[0].uuid))
        .await
        .expect("catalog");
    let skus: Vec<_> = catalog.skus.iter().map(|sku| sku.uuid).collect();

    let items: crux_api::types::ItemIdList = body!("catalog_add_item_request.json");
    checked(catalogs.add_items(created.uuid, &items.item_uuids))
        .await
        .expect("add items: any 2xx, no body");
    let items: crux_api::types::ItemIdList = body!("catalog_remove_item_request.json");
    checked(catalogs.remove_items(created.uuid, &items.item_uuids))
        .await
        .expect("remove items: 204");
    let search: ItemSearch = body!("catalog_add_item_by_search_request.json");
    checked(catalogs.add_items_by_search(created.uuid, &search))
        .await
        .expect("add by search: a body is ignored");
    let search: ItemSearch = body!("catalog_remove_item_by_search_request.json");
    checked(catalogs.remove_items_by_search(created.uuid, &search))
        .await
        .expect("remove by search: 201");
    checked(catalogs.add_skus(catalog.uuid, &skus))
        .await
        .expect("add skus");
    checked(catalogs.remove_skus(catalog.uuid, &skus[..1]))
        .await
        .expect("remove skus");
    replay.requests()
}

/// Every item and SKU endpoint.
async fn item_and_sku_requests() -> Vec<Sent> {
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, fixture!("get_items.json")),
        ReplayEvent::json(200, fixture!("create_item.json")),
        ReplayEvent::json(200, fixture!("get_item_detail.json")),
        ReplayEvent::json(200, fixture!("search_items.json")),
        ReplayEvent::json(200, fixture!("get_item_export.json")),
        ReplayEvent::json(200, fixture!("get_item_export_by_search.json")),
        ReplayEvent::json(200, fixture!("get_skus.json")),
        ReplayEvent::json(200, fixture!("create_sku.json")),
        ReplayEvent::json(200, fixture!("get_sku_detail.json")),
    ]);
    let client = client(&replay);
    let items = client.items();

    let listed = checked(items.list()).await.expect("items");
    let new: NewItem = body!("create_item_request.json");
    let created = checked(items.create(&new)).await.expect("created item");
    assert_eq!(created.skus, Some(vec![]));
    let item = checked(items.get(listed[0].uuid)).await.expect("item");
    let search: ItemSearch = body!("search_items_request.json");
    let page = checked(items.search(&search)).await.expect("one page");
    assert_eq!(page.pagination.total_count, Some(5));
    assert_eq!(page.items[0].skus, None, "search results carry no SKUs");
    let export = checked(items.export(&[item.uuid])).await.expect("export");
    assert_eq!(
        export.uuid.to_string(),
        "b039dcf4-3509-49f2-a86e-64df0dc51aba"
    );
    let ids: crux_api::types::ItemIdList = body!("get_item_export_by_search_request.json");
    checked(items.export_by_search(&ids.item_uuids))
        .await
        .expect("export by search");

    let skus = client.skus();
    let listed = checked(skus.list()).await.expect("skus");
    let mut new: NewSku = body!("create_sku_request.json");
    new.item.uuid = created.uuid;
    let sku = checked(skus.create(&new)).await.expect("created sku");
    assert!(sku.catalogs.is_some());
    checked(skus.get(listed[0].uuid)).await.expect("sku");
    replay.requests()
}

/// Every inventory-list endpoint.
async fn inventory_list_requests() -> Vec<Sent> {
    let replay = ReplayTransport::new([
        ReplayEvent::json(200, fixture!("get_inventory_lists.json")),
        ReplayEvent::json(200, fixture!("create_inventory_list.json")),
        ReplayEvent::json(200, fixture!("get_inventory_list_detail.json")),
        ReplayEvent::status(200),
        ReplayEvent::status(200),
        ReplayEvent::status(200),
        ReplayEvent::status(200),
        ReplayEvent::status(200),
        ReplayEvent::json(204, ""),
    ]);
    let client = client(&replay);
    let lists = client.inventory_lists();

    let listed = checked(lists.list()).await.expect("lists");
    let new: NewInventoryList = body!("create_inventory_list_request.json");
    let created = checked(lists.create(&new)).await.expect("created list");
    assert!(created.skus.is_empty());
    let list = checked(lists.get(listed[0].uuid)).await.expect("list");

    let items: crux_api::types::ItemIdList = body!("inventory_add_item_request.json");
    checked(lists.add_items(created.uuid, &items.item_uuids))
        .await
        .expect("add items");
    let items: crux_api::types::ItemIdList = body!("inventory_remove_item_request.json");
    checked(lists.remove_items(created.uuid, &items.item_uuids))
        .await
        .expect("remove items");
    let search: ItemSearch = body!("inventory_add_item_by_search_request.json");
    checked(lists.add_items_by_search(created.uuid, &search))
        .await
        .expect("add by search");
    let search: ItemSearch = body!("inventory_remove_item_by_search_request.json");
    checked(lists.remove_items_by_search(created.uuid, &search))
        .await
        .expect("remove by search");
    let skus: crux_api::types::SkuIdList = body!("inventory_add_sku_request.json");
    checked(lists.add_skus(list.uuid, &skus.sku_uuids))
        .await
        .expect("add skus");
    let skus: crux_api::types::SkuIdList = body!("inventory_remove_sku_request.json");
    checked(lists.remove_skus(list.uuid, &skus.sku_uuids))
        .await
        .expect("remove skus: 204");
    replay.requests()
}

#[tokio::test]
async fn catalog_endpoints_send_the_documented_requests() {
    insta::assert_snapshot!(describe_all(&catalog_requests().await));
}

#[tokio::test]
async fn item_and_sku_endpoints_send_the_documented_requests() {
    insta::assert_snapshot!(describe_all(&item_and_sku_requests().await));
}

#[tokio::test]
async fn inventory_list_endpoints_send_the_documented_requests() {
    insta::assert_snapshot!(describe_all(&inventory_list_requests().await));
}

#[tokio::test]
async fn the_tests_above_reach_every_product_endpoint_once() {
    let checks = checked_count();
    let mut sent = catalog_requests().await;
    sent.extend(item_and_sku_requests().await);
    sent.extend(inventory_list_requests().await);
    let product = assert_reaches_each_once(&sent, checks, |e| e.section == Section::Product);
    assert_eq!(product.len(), 27);
    assert!(
        endpoint::ALL
            .iter()
            .filter(|e| product.contains(e.name))
            .all(|e| (33..=59).contains(&e.row))
    );
}
