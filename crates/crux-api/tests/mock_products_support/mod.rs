//! Helpers shared by `mock_products.rs` and `mock_products_stream.rs`: demo
//! users, the seeded product ids of crux-mock's README, a client, and a
//! stream collector.

#![allow(dead_code)] // each test file uses a part

use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};

pub(crate) use crux_api::Client;
use crux_api::RetryPolicy;
use crux_mock::{DemoUser, MockServer};
use crux_types::{
    CatalogId, InventoryListId, ItemId, ItemSearch, NewItem, PermissionId, SkuId, UserId,
};
use futures_core::Stream;

pub(crate) type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

pub(crate) const RETAIL_ADMIN: &str = "admin@retail.demo.example";
pub(crate) const SUPPLY_ADMIN: &str = "admin@supply.demo.example";
pub(crate) const FARAWAY_ADMIN: &str = "admin@faraway.demo.example";

/// Demo Supply Co.'s items, as the retailer connected to it sees them.
pub(crate) const SUPPLY_ITEMS: usize = 24;

pub(crate) fn demo(username: &str) -> &'static DemoUser {
    DemoUser::find(username).expect("demo user")
}

pub(crate) fn client(mock: &MockServer, user: &DemoUser) -> Client {
    Client::builder()
        .token(user.token)
        .base_url(mock.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client builds")
}

pub(crate) fn user_id(user: &DemoUser) -> UserId {
    user.user_uuid.parse().expect("demo uuid")
}

/// The `n`-th object of the kind `prefix` (`d0000022` for items).
pub(crate) fn id<T: std::str::FromStr>(prefix: &str, n: u32) -> T
where
    T::Err: std::fmt::Debug,
{
    format!("{prefix}-0000-4000-8000-{n:012}")
        .parse()
        .expect("demo id")
}

pub(crate) fn item(n: u32) -> ItemId {
    id("d0000022", n)
}

pub(crate) fn sku(n: u32) -> SkuId {
    id("d0000023", n)
}

pub(crate) fn catalog(n: u32) -> CatalogId {
    id("d0000021", n)
}

pub(crate) fn inventory_list(n: u32) -> InventoryListId {
    id("d0000024", n)
}

/// The objects a table call names: in the path, or in the body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ids {
    pub(crate) item: ItemId,
    /// The item's code, the search term that finds it.
    pub(crate) item_code: &'static str,
    pub(crate) sku: SkuId,
    pub(crate) catalog: CatalogId,
    pub(crate) list: InventoryListId,
}

/// Demo Supply Co.'s first item, its first SKU, its first catalog, and the
/// retailer's "Summer picks" list.
pub(crate) fn supply_ids() -> Ids {
    Ids {
        item: item(1),
        item_code: "DS-0001",
        sku: sku(1),
        catalog: catalog(1),
        list: inventory_list(1),
    }
}

/// Faraway Goods Ltd.'s first item, first SKU (after Demo Supply's 52) and
/// its catalog; an inventory list id no list has.
pub(crate) fn faraway_ids() -> Ids {
    Ids {
        item: item(25),
        item_code: "FG-0001",
        sku: sku(53),
        catalog: catalog(4),
        list: inventory_list(99),
    }
}

/// The ids a demo user may use: its own supplier's, or (a retailer) those
/// of the connected supplier.
pub(crate) fn own_ids(user: &DemoUser) -> Ids {
    if user.organization == "Faraway Goods Ltd." {
        faraway_ids()
    } else {
        supply_ids()
    }
}

pub(crate) fn term(search_term: &str) -> ItemSearch {
    ItemSearch {
        search_term: Some(search_term.to_owned()),
        ..ItemSearch::default()
    }
}

pub(crate) fn new_item(code: &str, title: &str) -> NewItem {
    NewItem {
        item_id: Some(code.to_owned()),
        title: Some(title.to_owned()),
        ..NewItem::default()
    }
}

pub(crate) async fn permission_id(api: &Client, name: &str) -> PermissionId {
    api.permissions()
        .list()
        .await
        .expect("permissions")
        .into_iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no permission {name}"))
        .uuid
}

/// Every item of a stream, in order.
pub(crate) async fn collect<T>(stream: impl Stream<Item = T>) -> Vec<T> {
    let mut stream = pin!(stream);
    let mut out = Vec::new();
    while let Some(next) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        out.push(next);
    }
    out
}
