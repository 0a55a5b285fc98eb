//! The product rules without HTTP: visibility through connections, the
//! search, and what the writes change.

use serde_json::json;

use super::*;
use crate::domain::membership::{Change, Selection};
use crate::domain::testing::{actor, store};
use crate::domain::{DomainError, catalogs, inventory_lists, items};

const RETAIL: &str = "admin@retail.demo.example";
const SUPPLY: &str = "admin@supply.demo.example";
const FARAWAY: &str = "admin@faraway.demo.example";

fn page(store: &Store, user: &str, body: serde_json::Value) -> ItemSearchPage {
    search(store, &actor(user), Ok(body)).expect("a page")
}

#[test]
fn the_demo_world_is_fixed_and_seen_through_connections() {
    let store = store();
    let count = |user| items::list(&store, &actor(user)).expect("items").len();
    assert_eq!((count(RETAIL), count(SUPPLY), count(FARAWAY)), (24, 24, 8));
    assert_eq!(store.catalogs.len(), 4);
    // The counts the README gives.
    let skus = |user| {
        crate::domain::skus::list(&store, &actor(user))
            .expect("skus")
            .len()
    };
    assert_eq!((skus(RETAIL), skus(SUPPLY), skus(FARAWAY)), (52, 52, 13));
    let sizes: Vec<usize> = store.catalogs.iter().map(|c| c.skus.len()).collect();
    assert_eq!(sizes, [17, 13, 16, 12]);
    let list = store
        .inventory_lists
        .iter()
        .map(|l| l.skus.len())
        .collect::<Vec<_>>();
    assert_eq!(list, [2]);
    assert_eq!(store.connections.len(), 1);
    let first = items::get(
        &store,
        &actor(RETAIL),
        "d0000022-0000-4000-8000-000000000001",
    );
    assert!(first.is_ok());
    let far = "d0000022-0000-4000-8000-000000000025";
    assert_eq!(
        items::get(&store, &actor(RETAIL), far).map(|_| ()),
        Err(DomainError::NotFound)
    );
    assert!(items::get(&store, &actor(FARAWAY), far).is_ok());
    // The same seed gives the same world.
    let again = crate::domain::testing::store();
    let titles = |s: &Store| s.items.iter().map(|i| i.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&store), titles(&again));
}

#[test]
fn search_counts_pages_and_sorts() {
    let store = store();
    let all = page(
        &store,
        RETAIL,
        json!({"pagination": {"start": 20, "limit": 10}}),
    );
    assert_eq!(
        (
            all.pagination.start,
            all.pagination.limit,
            all.pagination.total_count
        ),
        (Some(20), Some(10), Some(24))
    );
    assert_eq!(all.items.len(), 4);
    let past = page(&store, RETAIL, json!({"pagination": {"start": 99}}));
    assert_eq!((past.pagination.start, past.items.len()), (Some(24), 0));
    let brand = page(&store, RETAIL, json!({"sort": "brand"}));
    let brands: Vec<_> = matching(
        &store,
        &Viewer::of(&store, actor(RETAIL).org),
        &parse(&json!({"sort": "brand"})).expect("params"),
    )
    .iter()
    .map(|i| i.brand.clone())
    .collect();
    let mut sorted = brands.clone();
    sorted.sort();
    assert_eq!(brands, sorted);
    assert_eq!(brand.sort, ["brand"]);
    let buckets = brand.facets.condition.expect("buckets");
    let counts: Vec<u32> = buckets.iter().map(|b| b.count).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert_eq!(
        parse(&json!({"facets": {"colour": []}})).map(|_| ()),
        Err(DomainError::invalid(
            "facets.colour: is not a facet the search knows."
        ))
    );
    assert_eq!(
        parse(&json!({"filters": {"cost_per_unit": {"min": "x"}}})).map(|_| ()),
        Err(DomainError::invalid(
            "filters.cost_per_unit.min: A valid number is required."
        ))
    );
}

#[test]
fn memberships_change_and_404_comes_before_the_body() {
    let mut store = store();
    let list = "d0000024-0000-4000-8000-000000000001";
    let before = inventory_lists::get(&store, &actor(RETAIL), list)
        .expect("list")
        .num_skus;
    let body = Ok(json!({"item_uuids": ["d0000022-0000-4000-8000-000000000005"]}));
    let after = inventory_lists::change(
        &mut store,
        &actor(RETAIL),
        list,
        body,
        Selection::Items,
        Change::Add,
    )
    .expect("added");
    assert!(after.num_skus > before);
    let bad = Err(DomainError::invalid("JSON parse error"));
    assert_eq!(
        inventory_lists::change(
            &mut store,
            &actor(RETAIL),
            "nope",
            bad,
            Selection::Skus,
            Change::Add
        )
        .map(|_| ()),
        Err(DomainError::NotFound)
    );
    // A supplier cannot touch another supplier's catalog.
    let catalog = "d0000021-0000-4000-8000-000000000004";
    let body = Ok(json!({"sku_uuids": []}));
    assert_eq!(
        catalogs::change(
            &mut store,
            &actor(SUPPLY),
            catalog,
            body,
            Selection::Skus,
            Change::Add
        )
        .map(|_| ()),
        Err(DomainError::NotFound)
    );
}
