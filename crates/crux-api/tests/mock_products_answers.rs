//! What the product endpoints answer against crux-mock's seeded world (its
//! README, "Products"): each of the 27 called by the right caller with its
//! answer checked, writes read back; the supplier-creates, retailer-finds
//! round trip; and `items().search_all` against the mock's page-size
//! reading of `limit`.

mod mock_products_support;

use std::collections::BTreeSet;

use crux_api::types::endpoint::{ALL, Section};
use crux_mock::MockServer;
use crux_types::{
    CatalogId, Item, ItemId, NewCatalog, NewInventoryList, NewSku, PageRequest, SkuId, SupplierId,
};
use http::Method;
use mock_products_support::*;

const SEARCH_PATH: &str = "/products/items/search/";

fn demo_supply() -> SupplierId {
    "d0000002-0000-4000-8000-000000000002"
        .parse()
        .expect("supplier id")
}

fn sku_ids(item: &Item) -> Vec<SkuId> {
    let skus = item.skus.as_ref().expect("the item's skus");
    skus.iter().map(|s| s.uuid).collect()
}

async fn catalog_skus(api: &Client, catalog: CatalogId) -> Vec<SkuId> {
    let catalog = api.catalogs().get(catalog).await.expect("catalog");
    catalog.skus.iter().map(|s| s.uuid).collect()
}

async fn item_skus(api: &Client, item: ItemId) -> Vec<SkuId> {
    sku_ids(&api.items().get(item).await.expect("item"))
}

#[tokio::test]
async fn every_product_endpoint_answers_what_the_mock_holds() {
    let mock = MockServer::start().await.expect("mock starts");
    let mut called = BTreeSet::new();

    // The supplier.
    let supplier = client(&mock, demo(SUPPLY_ADMIN));
    let catalogs = supplier.catalogs().list().await.expect("catalogs.list");
    called.insert("catalogs.list");
    let names: Vec<_> = catalogs.iter().map(|c| c.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Demo Supply Standard"),
            Some("Demo Supply Free Shipping"),
            Some("Demo Supply Oversize")
        ]
    );
    assert!(catalogs.iter().all(|c| c.supplier.uuid == demo_supply()));
    let standard = supplier.catalogs().get(catalog(1)).await.expect("get");
    called.insert("catalogs.get");
    assert_eq!(standard.uuid, catalog(1));
    assert_eq!(standard.skus.len(), 17);

    let items = supplier.items().list().await.expect("items.list");
    called.insert("items.list");
    let codes: Vec<_> = items.iter().filter_map(|i| i.item_id.clone()).collect();
    let expected: Vec<_> = (1..=24).map(|n| format!("DS-{n:04}")).collect();
    assert_eq!(codes, expected);
    let first = supplier.items().get(item(1)).await.expect("items.get");
    called.insert("items.get");
    assert_eq!(first.item_id.as_deref(), Some("DS-0001"));
    assert!(sku_ids(&first).contains(&sku(1)));
    let page = supplier
        .items()
        .search(&term("ds-0001"))
        .await
        .expect("search");
    called.insert("items.search");
    assert_eq!(
        page.items.iter().map(|i| i.uuid).collect::<Vec<_>>(),
        [item(1)]
    );
    assert_eq!(page.pagination.total_count, Some(1));
    assert_eq!(page.search_term.as_deref(), Some("ds-0001"));
    // A search result's item: no `skus`, but `sku_count` and `catalog_type`.
    let hit = &page.items[0];
    assert!(hit.skus.is_none(), "{:?}", hit.skus);
    let count = u32::try_from(sku_ids(&first).len()).expect("count");
    assert_eq!(hit.sku_count, Some(count));
    let standard_type = crux_types::CatalogType::Standard;
    assert_eq!(hit.catalog_type.as_deref(), Some(&[standard_type][..]));

    let export = supplier.items().export(&[item(1)]).await.expect("export");
    called.insert("items.export");
    assert_eq!(export.uuid, id("d0000009", 1));
    let export = supplier.items().export_by_search(&[item(2)]).await;
    called.insert("items.export_by_search");
    assert_eq!(export.expect("export_by_search").uuid, id("d0000009", 2));
    assert_eq!(mock.exports().len(), 2);

    let skus = supplier.skus().list().await.expect("skus.list");
    called.insert("skus.list");
    assert_eq!(skus.len(), 52);
    let item_ids: BTreeSet<_> = items.iter().map(|i| i.uuid).collect();
    assert!(skus.iter().all(|s| item_ids.contains(&s.item.uuid)));
    let one = supplier.skus().get(sku(1)).await.expect("skus.get");
    called.insert("skus.get");
    assert_eq!((one.uuid, one.item.uuid), (sku(1), item(1)));
    assert_eq!(one.sku_id.as_deref(), Some("DS-0001-1"));

    let new = new_item("NW-0001", "New widget");
    let created = supplier.items().create(&new).await.expect("items.create");
    called.insert("items.create");
    assert_eq!(created.uuid, item(33));
    assert_eq!(created.item_id.as_deref(), Some("NW-0001"));
    assert_eq!(created.title.as_deref(), Some("New widget"));
    assert_eq!(created.supplier.uuid, demo_supply());
    assert_eq!(created.skus.as_deref().map(<[_]>::len), Some(0));
    let new_sku = NewSku::new(created.uuid, "NW-0001-1");
    let new_sku = supplier.skus().create(&new_sku).await.expect("skus.create");
    called.insert("skus.create");
    assert_eq!(new_sku.uuid, sku(66));
    assert_eq!(new_sku.item.uuid, created.uuid);
    assert_eq!(new_sku.sku_id.as_deref(), Some("NW-0001-1"));
    assert!(new_sku.price_tiers.is_empty(), "in no catalog yet");

    let new_catalog = NewCatalog::new("Fresh");
    let new_catalog = supplier.catalogs().create(&new_catalog).await;
    let new_catalog = new_catalog.expect("catalogs.create");
    called.insert("catalogs.create");
    assert_eq!(new_catalog.uuid, catalog(5));
    assert_eq!(new_catalog.name.as_deref(), Some("Fresh"));
    assert!(new_catalog.skus.is_empty());
    let fresh = new_catalog.uuid;
    let cat = supplier.catalogs();
    cat.add_skus(fresh, &[new_sku.uuid])
        .await
        .expect("add_skus");
    called.insert("catalogs.add_skus");
    assert_eq!(catalog_skus(&supplier, fresh).await, [new_sku.uuid]);
    cat.remove_skus(fresh, &[new_sku.uuid])
        .await
        .expect("rm skus");
    called.insert("catalogs.remove_skus");
    assert_eq!(catalog_skus(&supplier, fresh).await, []);
    cat.add_items(fresh, &[item(1)]).await.expect("add_items");
    called.insert("catalogs.add_items");
    assert_eq!(
        catalog_skus(&supplier, fresh).await,
        item_skus(&supplier, item(1)).await
    );
    cat.remove_items(fresh, &[item(1)])
        .await
        .expect("remove_items");
    called.insert("catalogs.remove_items");
    assert_eq!(catalog_skus(&supplier, fresh).await, []);
    let search = term("DS-0002");
    cat.add_items_by_search(fresh, &search)
        .await
        .expect("add by search");
    called.insert("catalogs.add_items_by_search");
    assert_eq!(
        catalog_skus(&supplier, fresh).await,
        item_skus(&supplier, item(2)).await
    );
    let removed = cat.remove_items_by_search(fresh, &search).await;
    removed.expect("remove by search");
    called.insert("catalogs.remove_items_by_search");
    assert_eq!(catalog_skus(&supplier, fresh).await, []);

    // The retailer: its lists, and the connected supplier's catalogs.
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let seen: Vec<_> = retailer.catalogs().list().await.expect("catalogs");
    let seen: Vec<_> = seen.iter().map(|c| c.uuid).collect();
    assert_eq!(seen, [catalog(1), catalog(2), catalog(3), fresh]);
    let lists = retailer.inventory_lists();
    let all = lists.list().await.expect("inventory_lists.list");
    called.insert("inventory_lists.list");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name.as_deref(), Some("Summer picks"));
    let summer = lists.get(inventory_list(1)).await.expect("get");
    called.insert("inventory_lists.get");
    let summer_skus: Vec<_> = summer.skus.iter().map(|s| s.uuid).collect();
    let mut expected = item_skus(&retailer, item(1)).await;
    expected.extend(item_skus(&retailer, item(2)).await);
    assert_eq!(summer_skus, expected);
    assert_eq!(summer_skus.len(), 2);

    let mine = lists.create(&NewInventoryList::new("Mine")).await;
    let mine = mine.expect("inventory_lists.create");
    called.insert("inventory_lists.create");
    assert_eq!(mine.uuid, inventory_list(2));
    assert_eq!(mine.name.as_deref(), Some("Mine"));
    assert!(mine.skus.is_empty());
    let mine = mine.uuid;
    let list_skus = || async {
        let list = lists.get(mine).await.expect("list");
        list.skus.iter().map(|s| s.uuid).collect::<Vec<_>>()
    };
    lists.add_skus(mine, &[sku(1)]).await.expect("add_skus");
    called.insert("inventory_lists.add_skus");
    assert_eq!(list_skus().await, [sku(1)]);
    lists
        .remove_skus(mine, &[sku(1)])
        .await
        .expect("remove_skus");
    called.insert("inventory_lists.remove_skus");
    assert_eq!(list_skus().await, []);
    lists.add_items(mine, &[item(3)]).await.expect("add_items");
    called.insert("inventory_lists.add_items");
    assert_eq!(list_skus().await, item_skus(&retailer, item(3)).await);
    lists
        .remove_items(mine, &[item(3)])
        .await
        .expect("remove_items");
    called.insert("inventory_lists.remove_items");
    assert_eq!(list_skus().await, []);
    let search = term("DS-0004");
    lists.add_items_by_search(mine, &search).await.expect("add");
    called.insert("inventory_lists.add_items_by_search");
    assert_eq!(list_skus().await, item_skus(&retailer, item(4)).await);
    let removed = lists.remove_items_by_search(mine, &search).await;
    removed.expect("remove by search");
    called.insert("inventory_lists.remove_items_by_search");
    assert_eq!(list_skus().await, []);

    let catalogue: BTreeSet<_> = ALL
        .iter()
        .filter(|e| e.section == Section::Product)
        .map(|e| e.name)
        .collect();
    assert_eq!(called, catalogue);
}

#[tokio::test]
async fn what_the_supplier_creates_its_connected_retailer_finds() {
    let mock = MockServer::start().await.expect("mock starts");
    let supplier = client(&mock, demo(SUPPLY_ADMIN));
    let new = new_item("RT-0001", "Round trip lantern");
    let created = supplier.items().create(&new).await.expect("item");
    let sku = NewSku {
        quantity_in_stock: Some(5),
        ..NewSku::new(created.uuid, "RT-0001-1")
    };
    let sku = supplier.skus().create(&sku).await.expect("sku").uuid;
    let catalog = NewCatalog::new("Round trip");
    let catalog = supplier.catalogs().create(&catalog).await;
    let catalog = catalog.expect("catalog").uuid;
    supplier
        .catalogs()
        .add_skus(catalog, &[sku])
        .await
        .expect("sku in");
    let items = [created.uuid];
    supplier
        .catalogs()
        .add_items(catalog, &items)
        .await
        .expect("in");

    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let listed = retailer.items().list().await.expect("items");
    assert_eq!(listed.len(), SUPPLY_ITEMS + 1);
    let found: Vec<_> = listed.iter().filter(|i| i.uuid == created.uuid).collect();
    assert_eq!(found.len(), 1, "listed once");
    assert_eq!(sku_ids(found[0]), [sku]);
    let got = retailer.items().get(created.uuid).await.expect("get");
    assert_eq!(got.item_id.as_deref(), Some("RT-0001"));
    assert_eq!(got.title.as_deref(), Some("Round trip lantern"));
    assert_eq!(got.supplier.uuid, demo_supply());
    assert_eq!(sku_ids(&got), [sku]);
    let got_sku = retailer.skus().get(sku).await.expect("sku");
    assert_eq!(got_sku.quantity_in_stock, Some(5));
    assert_eq!(got_sku.price_tiers.len(), 2, "the catalog's two tiers");
    assert_eq!(catalog_skus(&retailer, catalog).await, [sku]);

    let search = term("round TRIP lantern");
    let page = retailer.items().search(&search).await.expect("search");
    let ids: Vec<_> = page.items.iter().map(|i| i.uuid).collect();
    assert_eq!(ids, [created.uuid]);
    assert_eq!(page.pagination.total_count, Some(1));
    let streamed = collect(retailer.items().search_all(&search)).await;
    let streamed: Vec<_> = streamed
        .into_iter()
        .map(|i| i.expect("item").uuid)
        .collect();
    assert_eq!(streamed, [created.uuid]);

    // The unconnected supplier's new item: nowhere for the retailer.
    let faraway = client(&mock, demo(FARAWAY_ADMIN));
    let hidden = new_item("FG-RT01", "Faraway lantern");
    let hidden = faraway.items().create(&hidden).await.expect("item").uuid;
    let hidden_sku = NewSku::new(hidden, "FG-RT01-1");
    let hidden_sku = faraway.skus().create(&hidden_sku).await.expect("sku");
    let error = retailer.items().get(hidden).await.expect_err("hidden");
    assert!(error.is_not_found(), "{error}");
    let error = retailer.skus().get(hidden_sku.uuid).await.expect_err("sku");
    assert!(error.is_not_found(), "{error}");
    let error = retailer.items().get(item(25)).await.expect_err("seeded");
    assert!(error.is_not_found(), "{error}");
    let listed = retailer.items().list().await.expect("items");
    assert!(listed.iter().all(|i| i.supplier.uuid == demo_supply()));
    for hidden_term in ["Faraway lantern", "FG-RT01", "FG-0001"] {
        let search = term(hidden_term);
        let page = retailer.items().search(&search).await.expect("search");
        assert!(page.items.is_empty(), "{hidden_term}: {:?}", page.items);
        assert_eq!(page.pagination.total_count, Some(0), "{hidden_term}");
        // The supplier that owns it finds it: the term itself is right.
        let own = faraway.items().search(&search).await.expect("search");
        assert_eq!(own.pagination.total_count, Some(1), "{hidden_term}");
    }
}

/// Walks every item the retailer sees at page size `size`: returns the ids
/// and the search requests the mock counted.
/// A `start` in the query is replaced: the walk begins at item 0.
async fn walk(mock: &MockServer, api: &Client, size: Option<u32>) -> (Vec<ItemId>, usize) {
    let search = crux_types::ItemSearch {
        pagination: Some(PageRequest {
            start: Some(5),
            limit: size,
        }),
        ..crux_types::ItemSearch::default()
    };
    let before = mock.request_count(&Method::POST, SEARCH_PATH);
    let items = collect(api.items().search_all(&search)).await;
    let requests = mock.request_count(&Method::POST, SEARCH_PATH) - before;
    let ids = items.into_iter().map(|i| i.expect("page").uuid).collect();
    (ids, requests)
}

fn assert_each_once(ids: &[ItemId], expected: &[ItemId], size: Option<u32>) {
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "an item twice at size {size:?}");
    assert_eq!(ids, expected, "size {size:?}");
}

/// The mock reads `limit` as a page size and reports `total_count`, so the
/// stream stops at the total without an empty page: `ceil(n / size)`
/// requests, no extra one (pagination.rs, "When the walk stops").
#[tokio::test]
async fn search_all_yields_every_visible_item_once_in_the_fewest_pages() {
    let mock = MockServer::start().await.expect("mock starts");
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let expected: Vec<_> = retailer.items().list().await.expect("items");
    let expected: Vec<_> = expected.iter().map(|i| i.uuid).collect();
    assert_eq!(expected.len(), SUPPLY_ITEMS);
    let sizes = [
        (Some(1), 24),
        (Some(7), 4),
        (Some(100), 1),
        (Some(250), 1),
        (None, 1),
    ];
    for (size, pages) in sizes {
        let (ids, requests) = walk(&mock, &retailer, size).await;
        assert_each_once(&ids, &expected, size);
        assert_eq!(requests, pages, "requests at size {size:?}");
    }

    // 80 more items: 104 visible, more than the default and the cap of 100.
    let supplier = client(&mock, demo(SUPPLY_ADMIN));
    for n in 1..=80 {
        let new = new_item(&format!("MORE-{n:03}"), &format!("More {n}"));
        supplier.items().create(&new).await.expect("item");
    }
    let expected: Vec<_> = retailer.items().list().await.expect("items");
    let expected: Vec<_> = expected.iter().map(|i| i.uuid).collect();
    assert_eq!(expected.len(), SUPPLY_ITEMS + 80);
    // 250 asked, 100 sent (the mock's cap): the next page starts at 100.
    let sizes = [
        (Some(1), 104),
        (Some(7), 15),
        (Some(100), 2),
        (Some(250), 2),
        (None, 2),
    ];
    for (size, pages) in sizes {
        let (ids, requests) = walk(&mock, &retailer, size).await;
        assert_each_once(&ids, &expected, size);
        assert_eq!(requests, pages, "requests at size {size:?}");
    }
    assert_eq!(
        mock.request_count(&Method::POST, SEARCH_PATH),
        24 + 4 + 1 + 1 + 1 + 104 + 15 + 2 + 2 + 2
    );
}

/// The seeded SKU `DS-0001-1` (MSRP 80.90, in Free Shipping, on Summer
/// picks): its price tiers derived from the catalog, money decoded exactly,
/// and the references each side sees.
#[tokio::test]
async fn seeded_prices_and_references_decode_as_the_mock_describes() {
    let mock = MockServer::start().await.expect("mock starts");
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let text = |d: Option<crux_types::Decimal>| d.map(|d| d.to_string());
    let one = retailer.skus().get(sku(1)).await.expect("sku");
    assert_eq!(text(one.msrp).as_deref(), Some("80.90"));
    assert_eq!(one.number_of_units_bundled, Some(1));
    let tiers: Vec<_> = one
        .price_tiers
        .iter()
        .map(|t| {
            (
                t.minimum_tier_quantity,
                t.catalog.as_ref().map(|c| c.uuid),
                text(t.cost),
                text(t.cost_per_unit),
                text(t.shipping_cost),
            )
        })
        .collect();
    let free = Some(catalog(2));
    let (cost, off) = (Some("48.54".to_owned()), Some("46.11".to_owned()));
    let zero = Some("0.00".to_owned());
    assert_eq!(
        tiers,
        [
            (Some(1), free, cost.clone(), cost, zero.clone()),
            (Some(10), free, off.clone(), off, zero),
        ]
    );
    let lists: Vec<_> = one
        .inventory_lists
        .iter()
        .flatten()
        .map(|l| l.uuid)
        .collect();
    assert_eq!(lists, [inventory_list(1)]);
    let catalogs: Vec<_> = one.catalogs.iter().flatten().map(|c| c.uuid).collect();
    assert_eq!(catalogs, [catalog(2)]);

    let retail_co: crux_types::RetailerId = "d0000002-0000-4000-8000-000000000001"
        .parse()
        .expect("retailer id");
    let standard = retailer.catalogs().get(catalog(1)).await.expect("catalog");
    assert_eq!(standard.retailer.map(|r| r.uuid), Some(retail_co));
    assert_eq!(
        text(standard.default_shipping_cost).as_deref(),
        Some("4.99")
    );
    assert_eq!(standard.num_skus, Some(17));
    let summer = retailer.inventory_lists().get(inventory_list(1)).await;
    assert_eq!(summer.expect("list").retailer.uuid, retail_co);

    // The supplier sees no retailer's lists on its SKU.
    let supplier = client(&mock, demo(SUPPLY_ADMIN));
    let own = supplier.skus().get(sku(1)).await.expect("sku");
    assert_eq!(
        own.inventory_lists.as_deref().map(<[_]>::len).unwrap_or(0),
        0
    );
    assert_eq!(own.price_tiers, one.price_tiers);
}
