//! The product world through HTTP: what a supplier creates, a connected
//! retailer finds; an unconnected supplier's products are invisible; the
//! search's term, facets, sort and pages; inventory lists; bodies.

mod common;

use common::{call, demo, retailer_admin, supply_admin};
use crux_mock::{DemoUser, MockServer};
use http::{Method, StatusCode};
use serde_json::{Value, json};

fn faraway_admin() -> &'static DemoUser {
    demo("admin@faraway.demo.example")
}

/// `method path` as `user` with a JSON body (or none); the reply's JSON
/// after checking `status`.
async fn json_call(
    server: &MockServer,
    method: Method,
    path: &str,
    user: &DemoUser,
    body: Option<Value>,
    status: StatusCode,
) -> Value {
    let reply = call(server, method, path, user, body.map(|b| b.to_string())).await;
    assert_eq!(reply.status, status, "{path}: {:?}", reply.body);
    reply.json()
}

async fn ok_get(server: &MockServer, path: &str, user: &DemoUser) -> Value {
    json_call(server, Method::GET, path, user, None, StatusCode::OK).await
}

async fn ok_post(server: &MockServer, path: &str, user: &DemoUser, body: Value) -> Value {
    json_call(server, Method::POST, path, user, Some(body), StatusCode::OK).await
}

async fn search(server: &MockServer, user: &DemoUser, body: Value) -> Value {
    ok_post(server, "/products/items/search/", user, body).await
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|o| o["uuid"].as_str().expect("uuid").to_owned())
        .collect()
}

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
async fn search_pages_with_limit_as_a_page_size() {
    let server = MockServer::start().await.expect("starts");
    let retailer = retailer_admin();
    let mut seen = Vec::new();
    let mut start = 0;
    loop {
        let page = search(
            &server,
            retailer,
            json!({"sort": "title", "pagination": {"start": start, "limit": 5}}),
        )
        .await;
        let pagination = &page["pagination"];
        assert_eq!(
            (pagination["start"].as_u64(), pagination["limit"].as_u64()),
            (Some(start), Some(5))
        );
        assert_eq!(pagination["total_count"], 24);
        let items = ids(&page["items"]);
        if items.is_empty() {
            break;
        }
        assert!(items.len() <= 5);
        start += items.len() as u64;
        seen.extend(
            page["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|i| i["title"].as_str().expect("title").to_lowercase()),
        );
    }
    assert_eq!(seen.len(), 24);
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted);
    let page = search(&server, retailer, json!({"pagination": {"limit": 1000}})).await;
    assert_eq!(page["pagination"]["limit"], 100);
    assert_eq!(ids(&page["items"]).len(), 24);
    let page = search(
        &server,
        retailer,
        json!({"sort": "-title", "pagination": {"start": 23}}),
    )
    .await;
    assert_eq!(
        page["items"][0]["title"].as_str().map(str::to_lowercase),
        Some(sorted[0].clone())
    );
    assert_eq!(page["sort"], json!(["-title"]));
}

#[tokio::test]
async fn search_facets_count_the_matches_and_filter() {
    let server = MockServer::start().await.expect("starts");
    let retailer = retailer_admin();
    let all = search(&server, retailer, json!({})).await;
    let facets = &all["facets"];
    assert_eq!(
        facets["supplier"],
        json!([{"name": "Demo Supply Co.", "count": 24,
        "uuid": "d0000002-0000-4000-8000-000000000002", "selected": false}])
    );
    assert_eq!(facets["catalog_type"], json!(["standard"]));
    assert!(facets["categories"]["d0000002-0000-4000-8000-000000000002"].is_array());
    assert_eq!(all["filters"]["quantity_in_stock"], json!({}));
    // Each condition bucket's count is the number of items it selects.
    for bucket in facets["condition"].as_array().expect("buckets") {
        let code = bucket["uuid"].as_str().expect("code");
        let page = search(&server, retailer, json!({"facets": {"condition": [code]}})).await;
        assert_eq!(page["pagination"]["total_count"], bucket["count"], "{code}");
        let selected = page["facets"]["condition"].as_array().expect("buckets");
        assert!(
            selected
                .iter()
                .any(|b| b["uuid"] == code && b["selected"] == true)
        );
    }
    // Twenty-one of the 24 items are in a catalog (every eighth is not).
    let standard = search(
        &server,
        retailer,
        json!({"facets": {"catalog_type": ["standard"]}}),
    )
    .await;
    assert_eq!(standard["pagination"]["total_count"], 21);
    let free = search(
        &server,
        retailer,
        json!({"facets": {"shipping_cost_type": ["Free"]}}),
    )
    .await;
    assert_eq!(free["pagination"]["total_count"], 7);
    let stocked = search(
        &server,
        retailer,
        json!({"filters": {"quantity_in_stock": {"min": "150"}}}),
    )
    .await;
    let n = stocked["pagination"]["total_count"]
        .as_u64()
        .expect("count");
    assert!(n > 0 && n < 24, "{n}");
    let cheap = search(
        &server,
        retailer,
        json!({"filters": {"cost_per_unit": {"max": 1}}}),
    )
    .await;
    assert_eq!(cheap["pagination"]["total_count"], 0);
    let term = search(&server, retailer, json!({"search_term": "ds-0003"})).await;
    assert_eq!(term["pagination"]["total_count"], 1);
}

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
