//! `inventory_lists.*`.

use axum::extract::State;
use crux_types::InventoryList;
use crux_types::endpoint as e;

use super::{PathText, Routes};
use crate::domain::membership::{Change, Selection};
use crate::domain::{Actor, inventory_lists};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::INVENTORY_LISTS_LIST, list)
        .add(&e::INVENTORY_LISTS_GET, get)
        .add(&e::INVENTORY_LISTS_CREATE, create)
        .add(&e::INVENTORY_LISTS_ADD_ITEMS, add_items)
        .add(&e::INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH, add_items_by_search)
        .add(&e::INVENTORY_LISTS_REMOVE_ITEMS, remove_items)
        .add(
            &e::INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH,
            remove_items_by_search,
        )
        .add(&e::INVENTORY_LISTS_ADD_SKUS, add_skus)
        .add(&e::INVENTORY_LISTS_REMOVE_SKUS, remove_skus)
}

/// `inventory_lists.list`.
async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<InventoryList>> {
    state.run(|store| inventory_lists::list(store, &actor))
}

/// `inventory_lists.get`.
async fn get(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<InventoryList> {
    state.run(|store| inventory_lists::get(store, &actor, &id.0))
}

/// `inventory_lists.create`.
async fn create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<InventoryList> {
    state.run(|store| inventory_lists::create(store, &actor, body))
}

membership_changes! { inventory_lists -> InventoryList {
    /// `inventory_lists.add_items`.
    add_items: Items, Add;
    /// `inventory_lists.remove_items`.
    remove_items: Items, Remove;
    /// `inventory_lists.add_items_by_search`.
    add_items_by_search: Search, Add;
    /// `inventory_lists.remove_items_by_search`.
    remove_items_by_search: Search, Remove;
    /// `inventory_lists.add_skus`.
    add_skus: Skus, Add;
    /// `inventory_lists.remove_skus`.
    remove_skus: Skus, Remove;
}}
