//! `catalogs.*`.

use axum::extract::State;
use crux_types::Catalog;
use crux_types::endpoint as e;

use super::{PathText, Routes};
use crate::domain::membership::{Change, Selection};
use crate::domain::{Actor, catalogs};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::CATALOGS_LIST, list)
        .add(&e::CATALOGS_GET, get)
        .add(&e::CATALOGS_CREATE, create)
        .add(&e::CATALOGS_ADD_ITEMS, add_items)
        .add(&e::CATALOGS_ADD_ITEMS_BY_SEARCH, add_items_by_search)
        .add(&e::CATALOGS_REMOVE_ITEMS, remove_items)
        .add(&e::CATALOGS_REMOVE_ITEMS_BY_SEARCH, remove_items_by_search)
        .add(&e::CATALOGS_ADD_SKUS, add_skus)
        .add(&e::CATALOGS_REMOVE_SKUS, remove_skus)
}

/// `catalogs.list`.
async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<Catalog>> {
    state.run(|store| catalogs::list(store, &actor))
}

/// `catalogs.get`.
async fn get(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<Catalog> {
    state.run(|store| catalogs::get(store, &actor, &id.0))
}

/// `catalogs.create`.
async fn create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Catalog> {
    state.run(|store| catalogs::create(store, &actor, body))
}

membership_changes! { catalogs -> Catalog {
    /// `catalogs.add_items`.
    add_items: Items, Add;
    /// `catalogs.remove_items`.
    remove_items: Items, Remove;
    /// `catalogs.add_items_by_search`.
    add_items_by_search: Search, Add;
    /// `catalogs.remove_items_by_search`.
    remove_items_by_search: Search, Remove;
    /// `catalogs.add_skus`.
    add_skus: Skus, Add;
    /// `catalogs.remove_skus`.
    remove_skus: Skus, Remove;
}}
