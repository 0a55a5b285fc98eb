//! The 27 product endpoints (catalogue rows 33-59) through crux-api against
//! crux-mock, driven from the catalogue through a table of calls: each one
//! succeeds for its caller, is a 403 for a user without its permission, a
//! 409 for the wrong organization type, and a 404 for an object of another
//! organization.
//!
//! What each answers, the supplier-creates, retailer-finds round trip and
//! `items().search_all` are in `mock_products_answers.rs`.

mod mock_products_support;

use crux_api::Error;
use crux_api::types::endpoint::{ALL, Caller, Endpoint, Section};
use crux_mock::{DEMO_USERS, MockServer};
use crux_types::{NewCatalog, NewInventoryList, NewSku};
use mock_products_support::*;

/// Calls one endpoint with the ids of `ids`; the answer is dropped.
type Call = fn(Client, Ids) -> BoxFuture<Result<(), Error>>;

/// Every product endpoint, by catalogue name, and how to call it.
fn table() -> Vec<(&'static str, Call)> {
    vec![
        ("catalogs.list", |api, _| {
            Box::pin(async move { api.catalogs().list().await.map(drop) })
        }),
        ("catalogs.get", |api, ids| {
            Box::pin(async move { api.catalogs().get(ids.catalog).await.map(drop) })
        }),
        ("catalogs.create", |api, _| {
            Box::pin(async move {
                api.catalogs()
                    .create(&NewCatalog::new("Table catalog"))
                    .await
                    .map(drop)
            })
        }),
        ("catalogs.add_items", |api, ids| {
            Box::pin(async move { api.catalogs().add_items(ids.catalog, &[ids.item]).await })
        }),
        ("catalogs.remove_items", |api, ids| {
            Box::pin(async move { api.catalogs().remove_items(ids.catalog, &[ids.item]).await })
        }),
        ("catalogs.add_items_by_search", |api, ids| {
            Box::pin(async move {
                api.catalogs()
                    .add_items_by_search(ids.catalog, &term(ids.item_code))
                    .await
            })
        }),
        ("catalogs.remove_items_by_search", |api, ids| {
            Box::pin(async move {
                api.catalogs()
                    .remove_items_by_search(ids.catalog, &term(ids.item_code))
                    .await
            })
        }),
        ("catalogs.add_skus", |api, ids| {
            Box::pin(async move { api.catalogs().add_skus(ids.catalog, &[ids.sku]).await })
        }),
        ("catalogs.remove_skus", |api, ids| {
            Box::pin(async move { api.catalogs().remove_skus(ids.catalog, &[ids.sku]).await })
        }),
        ("items.list", |api, _| {
            Box::pin(async move { api.items().list().await.map(drop) })
        }),
        ("items.get", |api, ids| {
            Box::pin(async move { api.items().get(ids.item).await.map(drop) })
        }),
        ("items.create", |api, _| {
            Box::pin(async move {
                api.items()
                    .create(&new_item("TB-0001", "Table item"))
                    .await
                    .map(drop)
            })
        }),
        ("items.search", |api, ids| {
            Box::pin(async move { api.items().search(&term(ids.item_code)).await.map(drop) })
        }),
        ("items.export", |api, ids| {
            Box::pin(async move { api.items().export(&[ids.item]).await.map(drop) })
        }),
        ("items.export_by_search", |api, ids| {
            Box::pin(async move { api.items().export_by_search(&[ids.item]).await.map(drop) })
        }),
        ("skus.list", |api, _| {
            Box::pin(async move { api.skus().list().await.map(drop) })
        }),
        ("skus.get", |api, ids| {
            Box::pin(async move { api.skus().get(ids.sku).await.map(drop) })
        }),
        ("skus.create", |api, ids| {
            Box::pin(async move {
                api.skus()
                    .create(&NewSku::new(ids.item, "TB-SKU-1"))
                    .await
                    .map(drop)
            })
        }),
        ("inventory_lists.list", |api, _| {
            Box::pin(async move { api.inventory_lists().list().await.map(drop) })
        }),
        ("inventory_lists.get", |api, ids| {
            Box::pin(async move { api.inventory_lists().get(ids.list).await.map(drop) })
        }),
        ("inventory_lists.create", |api, _| {
            Box::pin(async move {
                api.inventory_lists()
                    .create(&NewInventoryList::new("Table list"))
                    .await
                    .map(drop)
            })
        }),
        ("inventory_lists.add_items", |api, ids| {
            Box::pin(async move { api.inventory_lists().add_items(ids.list, &[ids.item]).await })
        }),
        ("inventory_lists.remove_items", |api, ids| {
            Box::pin(async move {
                api.inventory_lists()
                    .remove_items(ids.list, &[ids.item])
                    .await
            })
        }),
        ("inventory_lists.add_items_by_search", |api, ids| {
            Box::pin(async move {
                api.inventory_lists()
                    .add_items_by_search(ids.list, &term(ids.item_code))
                    .await
            })
        }),
        ("inventory_lists.remove_items_by_search", |api, ids| {
            Box::pin(async move {
                api.inventory_lists()
                    .remove_items_by_search(ids.list, &term(ids.item_code))
                    .await
            })
        }),
        ("inventory_lists.add_skus", |api, ids| {
            Box::pin(async move { api.inventory_lists().add_skus(ids.list, &[ids.sku]).await })
        }),
        ("inventory_lists.remove_skus", |api, ids| {
            Box::pin(async move {
                api.inventory_lists()
                    .remove_skus(ids.list, &[ids.sku])
                    .await
            })
        }),
    ]
}

fn product_endpoints() -> impl Iterator<Item = &'static Endpoint> {
    ALL.iter().filter(|e| e.section == Section::Product)
}

fn call_for(endpoint: &Endpoint) -> Call {
    table()
        .into_iter()
        .find(|(name, _)| *name == endpoint.name)
        .unwrap_or_else(|| panic!("no call in the table for {}", endpoint.name))
        .1
}

#[test]
fn the_table_covers_exactly_the_27_product_endpoints() {
    let mut catalogue: Vec<&str> = product_endpoints().map(|e| e.name).collect();
    let mut table: Vec<&str> = table().into_iter().map(|(name, _)| name).collect();
    assert_eq!(catalogue.len(), 27, "product rows of the catalogue");
    assert!(product_endpoints().all(|e| e.implemented && (33..=59).contains(&e.row)));
    catalogue.sort_unstable();
    table.sort_unstable();
    let before = table.len();
    table.dedup();
    assert_eq!(table.len(), before, "a name twice in the table");
    assert_eq!(table, catalogue);
}

/// Each endpoint answers 200 through the table for its caller (the supply
/// admin for supplier and shared endpoints, the retail admin for retailer
/// ones, and the retail admin again for the shared ones).
#[tokio::test]
async fn every_product_endpoint_succeeds_for_its_caller_through_the_table() {
    let mock = MockServer::start().await.expect("mock starts");
    for endpoint in product_endpoints() {
        let callers: Vec<(&str, Ids)> = match endpoint.caller {
            Caller::Retailer => vec![(RETAIL_ADMIN, supply_ids())],
            Caller::Supplier => vec![(SUPPLY_ADMIN, supply_ids())],
            _ => vec![(RETAIL_ADMIN, supply_ids()), (SUPPLY_ADMIN, supply_ids())],
        };
        for (username, ids) in callers {
            let result = call_for(endpoint)(client(&mock, demo(username)), ids).await;
            if let Err(error) = result {
                panic!("{} as {username}: {error}", endpoint.name);
            }
        }
    }
}

#[tokio::test]
async fn every_product_endpoint_is_forbidden_without_its_permission() {
    let mock = MockServer::start().await.expect("mock starts");
    for endpoint in product_endpoints() {
        let mut forbidden = 0;
        for user in DEMO_USERS.iter().filter(|u| u.status == "ACTIVE") {
            let org_type = user.org_type.parse().expect("org type");
            if !endpoint.allows(&org_type) {
                continue;
            }
            let lacks = endpoint
                .permissions_for(&org_type)
                .any(|p| !user.has_permission(p));
            if !lacks {
                continue;
            }
            let ids = own_ids(user);
            let result = call_for(endpoint)(client(&mock, user), ids).await;
            let error = result.expect_err(&format!("{} as {}", endpoint.name, user.username));
            assert!(
                error.is_forbidden(),
                "{} as {}: {error}",
                endpoint.name,
                user.username
            );
            let text = error.to_string();
            assert!(
                endpoint
                    .permissions_for(&org_type)
                    .filter(|p| !user.has_permission(p))
                    .all(|p| text.contains(&format!("`{p}`"))),
                "the 403 names every missing permission: {text}"
            );
            forbidden += 1;
        }
        assert!(
            forbidden > 0,
            "no demo user lacks the permission of {}",
            endpoint.name
        );
    }
}

/// A user losing the permission is a 403 with the same token; given back,
/// the call works again (the retail admin, who has every permission).
#[tokio::test]
async fn removing_view_items_makes_the_retail_admin_forbidden() {
    let mock = MockServer::start().await.expect("mock starts");
    let admin = demo(RETAIL_ADMIN);
    let api = client(&mock, admin);
    let view_items = permission_id(&api, "view_items").await;
    api.items().list().await.expect("items with view_items");
    api.users()
        .remove_permissions(user_id(admin), &[view_items])
        .await
        .expect("remove view_items");
    for name in ["items.list", "items.get", "items.search", "skus.get"] {
        let endpoint = crux_api::types::endpoint::by_name(name).expect(name);
        let error = call_for(endpoint)(api.clone(), supply_ids())
            .await
            .expect_err(name);
        assert!(error.is_forbidden(), "{name}: {error}");
    }
}

#[tokio::test]
async fn one_sided_product_endpoints_are_a_conflict_for_the_other_type() {
    let mock = MockServer::start().await.expect("mock starts");
    let mut conflicts = Vec::new();
    for endpoint in product_endpoints() {
        let other = match endpoint.caller {
            Caller::Retailer => "SUPPLIER",
            Caller::Supplier => "RETAILER",
            _ => continue,
        };
        // Every active user of the other type, those without the
        // permission included: the type is checked first (409 before 403).
        let users = DEMO_USERS
            .iter()
            .filter(|u| u.status == "ACTIVE" && u.org_type == other);
        let mut callers = 0;
        for user in users {
            let error = call_for(endpoint)(client(&mock, user), own_ids(user))
                .await
                .expect_err(endpoint.name);
            assert!(
                error.is_conflict(),
                "{} as {}: {error}",
                endpoint.name,
                user.username
            );
            assert!(
                error.to_string().contains(endpoint.name),
                "the 409 names the operation: {error}"
            );
            callers += 1;
        }
        assert!(callers >= 3, "{}: {callers} callers", endpoint.name);
        conflicts.push(endpoint.row);
    }
    assert_eq!(conflicts, (42..=59).collect::<Vec<u8>>());
}

/// Every endpoint with an id in its path, given another organization's
/// object (or, for inventory lists, an id no list has: the demo world has
/// one retailer), is a 404 for a caller who may otherwise call it.
#[tokio::test]
async fn path_ids_of_another_organization_are_not_found() {
    let mock = MockServer::start().await.expect("mock starts");
    let mut not_found = Vec::new();
    for endpoint in product_endpoints() {
        if endpoint.path_params().next().is_none() {
            continue;
        }
        // The caller's own ids in the body; the path's object another's.
        let cases: Vec<(&str, Ids)> = match endpoint.caller {
            Caller::Retailer => vec![(
                RETAIL_ADMIN,
                Ids {
                    list: inventory_list(99),
                    ..supply_ids()
                },
            )],
            Caller::Supplier => vec![
                (
                    SUPPLY_ADMIN,
                    Ids {
                        catalog: faraway_ids().catalog,
                        ..supply_ids()
                    },
                ),
                (
                    FARAWAY_ADMIN,
                    Ids {
                        catalog: supply_ids().catalog,
                        ..faraway_ids()
                    },
                ),
            ],
            _ => vec![
                (RETAIL_ADMIN, faraway_ids()),
                (SUPPLY_ADMIN, faraway_ids()),
                (FARAWAY_ADMIN, supply_ids()),
            ],
        };
        for (username, ids) in cases {
            let error = call_for(endpoint)(client(&mock, demo(username)), ids)
                .await
                .expect_err(endpoint.name);
            assert!(
                error.is_not_found(),
                "{} as {username}: {error}",
                endpoint.name
            );
        }
        not_found.push(endpoint.name);
    }
    not_found.sort_unstable();
    assert_eq!(
        not_found,
        [
            "catalogs.add_items",
            "catalogs.add_items_by_search",
            "catalogs.add_skus",
            "catalogs.get",
            "catalogs.remove_items",
            "catalogs.remove_items_by_search",
            "catalogs.remove_skus",
            "inventory_lists.add_items",
            "inventory_lists.add_items_by_search",
            "inventory_lists.add_skus",
            "inventory_lists.get",
            "inventory_lists.remove_items",
            "inventory_lists.remove_items_by_search",
            "inventory_lists.remove_skus",
            "items.get",
            "skus.get",
        ]
    );
}

/// The supply admin adds Faraway's SKU or item to its own catalog: refused
/// (400), and the catalog is unchanged.
#[tokio::test]
async fn another_suppliers_ids_in_a_body_change_nothing() {
    let mock = MockServer::start().await.expect("mock starts");
    let api = client(&mock, demo(SUPPLY_ADMIN));
    let before = api
        .catalogs()
        .get(supply_ids().catalog)
        .await
        .expect("catalog");
    let error = api
        .catalogs()
        .add_skus(supply_ids().catalog, &[faraway_ids().sku])
        .await
        .expect_err("another supplier's SKU");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400), "{error}");
    let error = api
        .catalogs()
        .add_items(supply_ids().catalog, &[faraway_ids().item])
        .await
        .expect_err("another supplier's item");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400), "{error}");
    let after = api
        .catalogs()
        .get(supply_ids().catalog)
        .await
        .expect("catalog");
    assert_eq!(after.skus, before.skus);
}
