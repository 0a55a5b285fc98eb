//! An order's life through crux-api against crux-mock (its README,
//! "Orders"): the retailer creates, the supplier finds, allocates part and
//! backorders part, tracks what it accepted, the retailer reads the tracking;
//! a cancel refused after allocation, a line cancelled while untouched. And
//! the create whose connection drops after the request was read: one order,
//! never sent twice, found again by its purchase order id.

mod mock_products_support;

use crux_api::Error;
use crux_api::types::endpoint::{ALL, Caller, Endpoint, ORDERS_CREATE, Section};
use crux_mock::{DEMO_USERS, Fault, MockServer};
use crux_types::{
    Address, AllocationOutcome, AllocationUpdate, ConnectionRequestId, ConnectionRequestUpdate,
    Decimal, FeeQuery, LineAllocation, LineItemId, LineItemStatus, NewConnectionRequest, NewOrder,
    NewTracking, Order, OrderId, OrderQuery, OrderSku, PageRequest, SupplierId, SupplierQuery,
};
use http::Method;
use mock_products_support::*;
use std::collections::BTreeSet;

const CREATE_PATH: &str = "/orders/create/";

fn demo_supply() -> SupplierId {
    "d0000002-0000-4000-8000-000000000002"
        .parse()
        .expect("supplier id")
}

fn address() -> Address {
    Address {
        name: Some("Bob Buyer".to_owned()),
        address1: Some("1 Main St".to_owned()),
        city: Some("Anaheim".to_owned()),
        state: Some("CA".to_owned()),
        postal_code: Some("92802".to_owned()),
        country: Some("US".to_owned()),
        ..Address::default()
    }
}

/// The `sku_id`s of Demo Supply's SKUs the retailer can order `stock` of:
/// priced, unrestricted, in stock.
async fn orderable(api: &Client, stock: u32) -> Vec<String> {
    let skus = api.skus().list().await.expect("skus");
    skus.into_iter()
        .filter(|s| !s.price_tiers.is_empty() && s.restrictions.is_none())
        .filter(|s| s.quantity_in_stock.is_some_and(|n| n >= stock))
        .filter_map(|s| s.sku_id)
        .collect()
}

/// An order of Demo Supply's `(sku_id, quantity)` lines.
fn new_order(po: &str, lines: &[(&str, u32)]) -> NewOrder {
    lines
        .iter()
        .fold(NewOrder::new(po, address()), |order, (sku, quantity)| {
            order.sku(OrderSku::new(
                *sku,
                demo_supply(),
                *quantity,
                Decimal::new(10, 0),
            ))
        })
}

/// Every order `api` sees, by one search of the first page.
async fn all_orders(api: &Client) -> Vec<Order> {
    let page = api
        .orders()
        .search(&OrderQuery::default())
        .await
        .expect("order search");
    assert_eq!(page.total_results, Some(page.orders.len() as u32));
    page.orders
}

fn line_statuses(order: &Order) -> Vec<LineItemStatus> {
    order.line_items.iter().map(|l| l.status.clone()).collect()
}

#[tokio::test]
async fn an_orders_whole_life_across_retailer_and_supplier() {
    let mock = MockServer::start().await.expect("mock starts");
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let supplier = client(&mock, demo(SUPPLY_ADMIN));

    let skus = orderable(&retailer, 10).await;
    assert!(skus.len() >= 3, "orderable skus: {skus:?}");

    // The retailer orders 5 of one SKU and 4 of another; and, separately,
    // 2 of a third.
    let order = retailer
        .orders()
        .create(&new_order("PO-LIFE-1", &[(&skus[0], 5), (&skus[1], 4)]))
        .await
        .expect("create");
    assert_eq!(order.purchase_order_id.as_deref(), Some("PO-LIFE-1"));
    assert_eq!(
        line_statuses(&order),
        [LineItemStatus::Unallocated, LineItemStatus::Unallocated]
    );
    assert!(!order.is_allocated);
    let other = retailer
        .orders()
        .create(&new_order("PO-LIFE-2", &[(&skus[2], 2)]))
        .await
        .expect("create the other");
    assert_ne!(other.uuid, order.uuid);

    // The supplier finds both in its own search, with the same line ids.
    let seen = all_orders(&supplier).await;
    let mut seen_ids: Vec<_> = seen.iter().map(|o| o.uuid).collect();
    seen_ids.sort();
    let mut want = vec![order.uuid, other.uuid];
    want.sort();
    assert_eq!(seen_ids, want);
    let found = seen.iter().find(|o| o.uuid == order.uuid).expect("found");
    let line_ids: Vec<_> = found.line_items.iter().map(|l| l.uuid).collect();
    let created_ids: Vec<_> = order.line_items.iter().map(|l| l.uuid).collect();
    assert_eq!(line_ids, created_ids);
    let (first, second) = (created_ids[0], created_ids[1]);

    // It accepts 3 of the first line and backorders 2; backorders the
    // whole second.
    let result = supplier
        .orders()
        .allocate(
            order.uuid,
            &AllocationUpdate::default()
                .line(first, LineAllocation::new(3, 0, 2))
                .line(second, LineAllocation::new(0, 0, 4)),
        )
        .await
        .expect("allocate");
    let outcomes: Vec<_> = result.lines().map(|(id, o)| (id, o.clone())).collect();
    assert_eq!(
        outcomes,
        [
            (first, AllocationOutcome::Allocated),
            (second, AllocationOutcome::Backordered),
        ]
    );

    // It ships the 3 it accepted.
    let cost = order.line_items[0].cost.expect("line cost");
    supplier
        .orders()
        .add_tracking(
            order.uuid,
            &NewTracking::new("1Z999AA10123456784", "UPS", "Ground").line_item(first, 3, cost),
        )
        .await
        .expect("add tracking");

    // The retailer reads the tracking number and the new statuses.
    let read = retailer.orders().get(order.uuid).await.expect("get");
    assert_eq!(
        line_statuses(&read),
        [LineItemStatus::HasTracking, LineItemStatus::Backordered]
    );
    let tracked = &read.line_items[0];
    let numbers: Vec<_> = tracked
        .tracking_numbers
        .iter()
        .map(|t| {
            (
                t.tracking_number.as_deref(),
                t.shipping_carrier.as_deref(),
                t.shipping_method.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        [(Some("1Z999AA10123456784"), Some("UPS"), Some("Ground"))]
    );
    assert!(read.line_items[1].tracking_numbers.is_empty());
    assert!(read.is_allocated, "every line allocated: {read:?}");
    let allocation = tracked.allocation.expect("allocation");
    assert_eq!(
        (
            allocation.quantity_ordered,
            allocation.quantity_allocated,
            allocation.quantity_backordered,
            allocation.quantity_rejected
        ),
        (5, 3, 2, 0)
    );
    let backordered = read.line_items[1].allocation.expect("allocation");
    assert_eq!(
        (
            backordered.quantity_ordered,
            backordered.quantity_allocated,
            backordered.quantity_backordered
        ),
        (4, 0, 4)
    );

    // Too late to cancel it: 422, and nothing changes.
    let refused = retailer
        .orders()
        .cancel(order.uuid)
        .await
        .expect_err("cancel after allocation");
    assert!(refused.is_unprocessable(), "{refused:?}");
    assert!(
        refused.to_string().contains(&first.to_string()),
        "the 422 names the line: {refused}"
    );
    let refused = retailer
        .orders()
        .cancel_item(second)
        .await
        .expect_err("cancel a backordered line");
    assert!(refused.is_unprocessable(), "{refused:?}");
    let after = retailer.orders().get(order.uuid).await.expect("get");
    assert_eq!(line_statuses(&after), line_statuses(&read));

    // The other order's untouched line can still be cancelled.
    let other_line = other.line_items[0].uuid;
    retailer
        .orders()
        .cancel_item(other_line)
        .await
        .expect("cancel the untouched line");
    let other = retailer.orders().get(other.uuid).await.expect("get other");
    assert_eq!(line_statuses(&other), [LineItemStatus::Cancelled]);
}

/// The connection closes once the request was read, before the mock ran
/// it: nothing is stored, the client still cannot know, does not resend
/// (default retry policy), and the look-up by PO finds nothing.
#[tokio::test]
async fn a_create_dropped_before_any_answer_is_not_resent_and_finds_nothing() {
    let mock = MockServer::start().await.expect("mock starts");
    let retailer = Client::builder()
        .token(demo(RETAIL_ADMIN).token)
        .base_url(mock.base_url())
        .build()
        .expect("client builds");
    let skus = orderable(&retailer, 2).await;
    let po = "PO-DROP-1";
    mock.inject(Fault::close_before_headers().on_endpoint(&ORDERS_CREATE));
    let error = retailer
        .orders()
        .create(&new_order(po, &[(&skus[0], 1)]))
        .await
        .expect_err("the connection drops");
    assert_eq!(mock.pending_faults(), 0);
    assert!(error.is_outcome_unknown(), "{error:?}");
    assert_eq!(error.purchase_order_id(), Some(po));
    assert_eq!(mock.request_count(&Method::POST, CREATE_PATH), 1);
    assert!(all_orders(&retailer).await.is_empty());
    let found = retailer
        .orders()
        .find_by_purchase_order_id(po)
        .await
        .expect("find by po");
    assert!(found.is_empty(), "{found:?}");
}

/// An error that is not outcome-unknown names no PO: a 422 (no stock).
#[tokio::test]
async fn a_refused_create_is_not_outcome_unknown_and_names_no_po() {
    let mock = MockServer::start().await.expect("mock starts");
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let skus = orderable(&retailer, 1).await;
    let error = retailer
        .orders()
        .create(&new_order("PO-TOO-MANY", &[(&skus[0], 100_000)]))
        .await
        .expect_err("short of stock");
    assert!(error.is_unprocessable(), "{error:?}");
    assert!(!error.is_outcome_unknown());
    assert_eq!(error.purchase_order_id(), None);
    assert!(all_orders(&retailer).await.is_empty());
}

#[tokio::test]
async fn a_create_whose_connection_drops_is_sent_once_and_found_by_its_po() {
    let mock = MockServer::start().await.expect("mock starts");
    // The client's default retry policy: a create must still not be resent.
    let retailer = Client::builder()
        .token(demo(RETAIL_ADMIN).token)
        .base_url(mock.base_url())
        .build()
        .expect("client builds");
    let skus = orderable(&retailer, 2).await;
    let po = "PO-RESET-1";

    // The mock stores the order and sends its head, then the connection
    // drops before the body: the client cannot know what happened.
    mock.inject(Fault::close_after_headers().on_endpoint(&ORDERS_CREATE));
    let error = retailer
        .orders()
        .create(&new_order(po, &[(&skus[0], 1)]))
        .await
        .expect_err("the connection drops");
    assert_eq!(mock.pending_faults(), 0);
    assert!(error.is_outcome_unknown(), "{error:?}");
    assert_eq!(error.purchase_order_id(), Some(po));
    assert_eq!(mock.request_count(&Method::POST, CREATE_PATH), 1);

    // The mock stored it: exactly one order.
    let orders = all_orders(&retailer).await;
    assert_eq!(orders.len(), 1, "{orders:?}");
    assert_eq!(orders[0].purchase_order_id.as_deref(), Some(po));

    // Another order with another PO: the look-up finds only the first.
    retailer
        .orders()
        .create(&new_order("PO-OTHER-2", &[(&skus[0], 1)]))
        .await
        .expect("create another");
    let found = retailer
        .orders()
        .find_by_purchase_order_id(po)
        .await
        .expect("find by po");
    let found: Vec<_> = found.iter().map(|o| o.uuid).collect();
    assert_eq!(found, [orders[0].uuid]);
}

// ---------------------------------------------------------------------
// The 16 ordering and discovery endpoints, driven from the catalogue.

/// The objects a table call names: a fresh one-line order of Demo Supply's
/// (one bundle, allocated when the call needs it), its line, a connection
/// request of the retailer's, and the SKU code to order.
#[derive(Debug, Clone)]
struct Objects {
    order: OrderId,
    line: LineItemId,
    request: ConnectionRequestId,
    sku_id: String,
}

/// Calls one endpoint with `objects`; the answer is dropped.
type Call = fn(Client, Objects) -> BoxFuture<Result<(), Error>>;

fn table() -> Vec<(&'static str, Call)> {
    vec![
        ("connections.list", |api, _| {
            Box::pin(async move { api.connections().list().await.map(drop) })
        }),
        ("discovery.suppliers", |api, _| {
            Box::pin(async move {
                api.discovery()
                    .suppliers(&SupplierQuery::default())
                    .await
                    .map(drop)
            })
        }),
        ("connections.create_request", |api, _| {
            Box::pin(async move {
                api.connections()
                    .create_request(&NewConnectionRequest::new("Table Co.", "Tina Table"))
                    .await
                    .map(drop)
            })
        }),
        ("connections.requests", |api, _| {
            Box::pin(async move { api.connections().requests().await.map(drop) })
        }),
        ("connections.get_request", |api, o| {
            Box::pin(async move { api.connections().get_request(o.request).await.map(drop) })
        }),
        ("connections.update_request", |api, o| {
            Box::pin(async move {
                let update = ConnectionRequestUpdate {
                    additional_information: Some("updated by the table".to_owned()),
                    ..ConnectionRequestUpdate::default()
                };
                api.connections().update_request(o.request, &update).await
            })
        }),
        ("orders.search", |api, _| {
            Box::pin(async move { api.orders().search(&OrderQuery::default()).await.map(drop) })
        }),
        ("orders.get", |api, o| {
            Box::pin(async move { api.orders().get(o.order).await.map(drop) })
        }),
        ("orders.export", |api, o| {
            Box::pin(async move { api.orders().export(&[o.order]).await.map(drop) })
        }),
        ("orders.export_by_search", |api, _| {
            Box::pin(async move {
                api.orders()
                    .export_by_search(&OrderQuery::default())
                    .await
                    .map(drop)
            })
        }),
        ("orders.create", |api, o| {
            Box::pin(async move {
                api.orders()
                    .create(&new_order("PO-TABLE", &[(&o.sku_id, 1)]))
                    .await
                    .map(drop)
            })
        }),
        ("orders.fees", |api, o| {
            Box::pin(async move {
                api.orders()
                    .fees(&FeeQuery::new().sku(o.sku_id, 1))
                    .await
                    .map(drop)
            })
        }),
        ("orders.cancel", |api, o| {
            Box::pin(async move { api.orders().cancel(o.order).await })
        }),
        ("orders.cancel_item", |api, o| {
            Box::pin(async move { api.orders().cancel_item(o.line).await })
        }),
        ("orders.add_tracking", |api, o| {
            Box::pin(async move {
                let tracking = NewTracking::new("1ZTABLE", "UPS", "Ground").line_item(
                    o.line,
                    1,
                    Decimal::new(10, 0),
                );
                api.orders().add_tracking(o.order, &tracking).await
            })
        }),
        ("orders.allocate", |api, o| {
            Box::pin(async move {
                let update = AllocationUpdate::default().line(o.line, LineAllocation::new(1, 0, 0));
                api.orders().allocate(o.order, &update).await.map(drop)
            })
        }),
    ]
}

fn ordering_endpoints() -> impl Iterator<Item = &'static Endpoint> {
    ALL.iter()
        .filter(|e| matches!(e.section, Section::Ordering | Section::Discovery))
}

fn call_for(endpoint: &Endpoint) -> Call {
    table()
        .into_iter()
        .find(|(name, _)| *name == endpoint.name)
        .unwrap_or_else(|| panic!("no call in the table for {}", endpoint.name))
        .1
}

/// A fresh order of one bundle of the best-stocked orderable SKU, made by
/// the retail admin (allocated by the supply admin when `allocated`), and a
/// fresh connection request.
async fn objects(mock: &MockServer, allocated: bool) -> Objects {
    let retailer = client(mock, demo(RETAIL_ADMIN));
    let sku_id = orderable(&retailer, 150)
        .await
        .into_iter()
        .next()
        .expect("a well-stocked sku");
    let order = retailer
        .orders()
        .create(&new_order("PO-OBJECTS", &[(&sku_id, 1)]))
        .await
        .expect("create");
    let line = order.line_items[0].uuid;
    if allocated {
        client(mock, demo(SUPPLY_ADMIN))
            .orders()
            .allocate(
                order.uuid,
                &AllocationUpdate::default().line(line, LineAllocation::new(1, 0, 0)),
            )
            .await
            .expect("allocate");
    }
    let request = retailer
        .connections()
        .create_request(&NewConnectionRequest::new("Objects Co.", "Oscar Objects"))
        .await
        .expect("create request")
        .request_uuid;
    Objects {
        order: order.uuid,
        line,
        request,
        sku_id,
    }
}

async fn objects_for(mock: &MockServer, endpoint: &Endpoint) -> Objects {
    objects(mock, endpoint.name == "orders.add_tracking").await
}

#[test]
fn the_table_covers_exactly_the_16_ordering_and_discovery_endpoints() {
    let mut catalogue: Vec<&str> = ordering_endpoints().map(|e| e.name).collect();
    let mut rows: Vec<u8> = ordering_endpoints().map(|e| e.row).collect();
    rows.sort_unstable();
    assert_eq!(rows, (17..=32).collect::<Vec<u8>>());
    let mut table: Vec<&str> = table().into_iter().map(|(name, _)| name).collect();
    catalogue.sort_unstable();
    table.sort_unstable();
    let before = table.len();
    table.dedup();
    assert_eq!(table.len(), before, "a name twice in the table");
    assert_eq!(table, catalogue);
}

#[tokio::test]
async fn every_ordering_endpoint_succeeds_for_its_caller() {
    let mock = MockServer::start().await.expect("mock starts");
    for endpoint in ordering_endpoints() {
        let callers: &[&str] = match endpoint.caller {
            Caller::Retailer => &[RETAIL_ADMIN],
            Caller::Supplier => &[SUPPLY_ADMIN],
            _ => &[RETAIL_ADMIN, SUPPLY_ADMIN],
        };
        for username in callers {
            let objects = objects_for(&mock, endpoint).await;
            let result = call_for(endpoint)(client(&mock, demo(username)), objects).await;
            if let Err(error) = result {
                panic!("{} as {username}: {error}", endpoint.name);
            }
        }
    }
}

#[tokio::test]
async fn every_ordering_endpoint_is_forbidden_without_its_permission() {
    let mock = MockServer::start().await.expect("mock starts");
    let mut guarded = Vec::new();
    for endpoint in ordering_endpoints() {
        let mut forbidden = 0;
        for user in DEMO_USERS.iter().filter(|u| u.status == "ACTIVE") {
            let org_type = user.org_type.parse().expect("org type");
            if !endpoint.allows(&org_type) {
                continue;
            }
            if !endpoint
                .permissions_for(&org_type)
                .any(|p| !user.has_permission(p))
            {
                continue;
            }
            let objects = objects_for(&mock, endpoint).await;
            let error = call_for(endpoint)(client(&mock, user), objects)
                .await
                .expect_err(&format!("{} as {}", endpoint.name, user.username));
            assert!(
                error.is_forbidden(),
                "{} as {}: {error}",
                endpoint.name,
                user.username
            );
            forbidden += 1;
        }
        if endpoint.permissions.is_empty() {
            assert_eq!(forbidden, 0, "{}", endpoint.name);
        } else {
            assert!(forbidden > 0, "no demo user lacks {}", endpoint.name);
            guarded.push(endpoint.name);
        }
    }
    guarded.sort_unstable();
    assert_eq!(
        guarded,
        [
            "orders.add_tracking",
            "orders.allocate",
            "orders.cancel",
            "orders.cancel_item",
            "orders.create",
            "orders.export",
            "orders.export_by_search",
            "orders.get",
            "orders.search",
        ]
    );
}

#[tokio::test]
async fn one_sided_ordering_endpoints_are_a_conflict_for_the_other_type() {
    let mock = MockServer::start().await.expect("mock starts");
    let mut one_sided = Vec::new();
    for endpoint in ordering_endpoints() {
        let other = match endpoint.caller {
            Caller::Retailer => "SUPPLIER",
            Caller::Supplier => "RETAILER",
            _ => continue,
        };
        let mut callers = 0;
        for user in DEMO_USERS
            .iter()
            .filter(|u| u.status == "ACTIVE" && u.org_type == other)
        {
            let objects = objects_for(&mock, endpoint).await;
            let error = call_for(endpoint)(client(&mock, user), objects)
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
        one_sided.push(endpoint.name);
    }
    one_sided.sort_unstable();
    assert_eq!(
        one_sided,
        [
            "connections.create_request",
            "connections.get_request",
            "connections.requests",
            "connections.update_request",
            "discovery.suppliers",
            "orders.add_tracking",
            "orders.allocate",
            "orders.cancel",
            "orders.cancel_item",
            "orders.create",
            "orders.fees",
        ]
    );
}

/// Every endpoint with an order, line or request id in its path: the
/// retailer's order for Demo Supply is Faraway's admin's 404 (the demo world
/// has one retailer, so a retailer-only call gets an id nothing has).
#[tokio::test]
async fn path_ids_of_another_organization_are_not_found() {
    let mock = MockServer::start().await.expect("mock starts");
    let unknown = Objects {
        order: "d0000027-0000-4000-8000-000000009999".parse().expect("id"),
        line: "d0000028-0000-4000-8000-000000009999".parse().expect("id"),
        request: "d0000029-0000-4000-8000-000000009999".parse().expect("id"),
        sku_id: String::new(),
    };
    let mut not_found = Vec::new();
    for endpoint in ordering_endpoints() {
        if endpoint.path_params().next().is_none() {
            continue;
        }
        let objects = objects_for(&mock, endpoint).await;
        let cases: Vec<(&str, Objects)> = match endpoint.caller {
            Caller::Retailer => vec![(
                RETAIL_ADMIN,
                Objects {
                    sku_id: objects.sku_id.clone(),
                    ..unknown.clone()
                },
            )],
            Caller::Supplier => vec![(FARAWAY_ADMIN, objects.clone())],
            _ => vec![
                (FARAWAY_ADMIN, objects.clone()),
                (RETAIL_ADMIN, unknown.clone()),
                (SUPPLY_ADMIN, unknown.clone()),
            ],
        };
        for (username, objects) in cases {
            let error = call_for(endpoint)(client(&mock, demo(username)), objects)
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
            "connections.get_request",
            "connections.update_request",
            "orders.add_tracking",
            "orders.allocate",
            "orders.cancel_item",
            "orders.get",
        ]
    );
    // The order the others could not see is untouched.
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    for order in all_orders(&retailer).await {
        assert!(
            order
                .line_items
                .iter()
                .all(|l| l.status == LineItemStatus::Unallocated
                    || l.status == LineItemStatus::Allocated)
        );
    }
}

// ---------------------------------------------------------------------
// The three streams against the mock, which reads `limit` as a page size:
// pages `0/size`, `size/size`, ... and no request past the total
// (pagination.rs's module docs).

#[tokio::test]
async fn orders_search_all_yields_each_of_103_orders_once_in_15_pages_of_7() {
    let mock = MockServer::start().await.expect("mock starts");
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let skus = orderable(&retailer, 20).await;
    assert!(skus.len() * 20 >= 103, "orderable skus: {skus:?}");
    let mut created = Vec::new();
    for n in 0..103 {
        let po = format!("PO-STREAM-{n:03}");
        let order = retailer
            .orders()
            .create(&new_order(&po, &[(&skus[n % skus.len()], 1)]))
            .await
            .expect("create");
        created.push(order.uuid);
    }
    let query = OrderQuery {
        limit: Some(7),
        ..OrderQuery::default()
    };
    for api in [retailer, client(&mock, demo(SUPPLY_ADMIN))] {
        let before = mock.request_count(&Method::POST, "/orders/");
        let streamed: Vec<OrderId> = collect(api.orders().search_all(&query))
            .await
            .into_iter()
            .map(|order| order.expect("an order").uuid)
            .collect();
        // Newest first, each once.
        let newest_first: Vec<OrderId> = created.iter().rev().copied().collect();
        assert_eq!(streamed, newest_first);
        // 14 pages of 7 and one of 5; the total stops the walk.
        assert_eq!(mock.request_count(&Method::POST, "/orders/") - before, 15);
    }
}

#[tokio::test]
async fn requests_all_yields_each_of_105_requests_once_in_2_pages() {
    let mock = MockServer::start().await.expect("mock starts");
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let path = "/organizations/connections/request/";
    let seeded = retailer
        .connections()
        .requests()
        .await
        .expect("requests")
        .pagination
        .total_count;
    assert_eq!(seeded, Some(0));
    let mut created = Vec::new();
    for n in 0..105 {
        let made = retailer
            .connections()
            .create_request(&NewConnectionRequest::new(
                format!("Stream Co. {n:03}"),
                "Sam Stream",
            ))
            .await
            .expect("create request");
        created.push(made.request_uuid);
    }
    let before = mock.request_count(&Method::GET, path);
    let streamed: Vec<ConnectionRequestId> = collect(retailer.connections().requests_all())
        .await
        .into_iter()
        .map(|request| request.expect("a request").record_uuid)
        .collect();
    // Oldest first, each once: 100 (the page size asked for and the
    // mock's cap), then 5, then the total.
    assert_eq!(streamed, created);
    assert_eq!(mock.request_count(&Method::GET, path) - before, 2);
}

#[tokio::test]
async fn suppliers_all_yields_the_11_unconnected_suppliers_once_in_4_pages_of_3() {
    let mock = MockServer::start().await.expect("mock starts");
    let retailer = client(&mock, demo(RETAIL_ADMIN));
    let path = "/discovery/suppliers/";
    let query = SupplierQuery {
        pagination: Some(PageRequest::new(0, 3)),
        ..SupplierQuery::default()
    };
    let streamed: Vec<_> = collect(retailer.discovery().suppliers_all(&query))
        .await
        .into_iter()
        .map(|supplier| supplier.expect("a supplier"))
        .collect();
    assert_eq!(mock.request_count(&Method::POST, path), 4);
    let ids: BTreeSet<SupplierId> = streamed.iter().map(|s| s.uuid).collect();
    assert_eq!(ids.len(), 11, "each once: {streamed:?}");
    assert!(
        !ids.contains(&demo_supply()),
        "the connected supplier is left out"
    );
    // In the default order (by name), as one big page gives them.
    let one_page = retailer
        .discovery()
        .suppliers(&SupplierQuery {
            pagination: Some(PageRequest::new(0, 100)),
            ..SupplierQuery::default()
        })
        .await
        .expect("one page");
    let names = |list: &[crux_types::DiscoverySupplier]| -> Vec<Option<String>> {
        list.iter().map(|s| s.name.clone()).collect()
    };
    assert_eq!(names(&streamed), names(&one_page.suppliers));
}
