//! `items.*`.

use axum::extract::State;
use crux_types::endpoint as e;
use crux_types::{Item, ItemSearchPage};

use super::{PathText, Routes};
use crate::domain::items::ItemsExport;

use crate::domain::{Actor, items, search};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::ITEMS_LIST, list)
        .add(&e::ITEMS_GET, get)
        .add(&e::ITEMS_EXPORT, export)
        .add(&e::ITEMS_SEARCH, search)
        .add(&e::ITEMS_EXPORT_BY_SEARCH, export_by_search)
        .add(&e::ITEMS_CREATE, create)
}

/// `items.list`.
async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<Item>> {
    state.run(|store| items::list(store, &actor))
}

/// `items.get`.
async fn get(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<Item> {
    state.run(|store| items::get(store, &actor, &id.0))
}

/// `items.create`.
async fn create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Item> {
    state.run(|store| items::create(store, &actor, body))
}

/// `items.search`.
async fn search(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<ItemSearchPage> {
    state.run(|store| search::search(store, &actor, body))
}

/// `items.export`.
async fn export(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<ItemsExport> {
    state.run(|store| items::export(store, &actor, body))
}

/// `items.export_by_search`.
async fn export_by_search(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<ItemsExport> {
    state.run(|store| items::export_by_search(store, &actor, body))
}
