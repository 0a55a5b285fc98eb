//! `orders.*`.

use axum::extract::State;
use crux_types::endpoint as e;
use serde_json::Value;

use super::{PathText, Routes};
use crate::domain::{Actor, orders};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::ORDERS_SEARCH, search)
        .add(&e::ORDERS_GET, get)
        .add(&e::ORDERS_EXPORT, export)
        .add(&e::ORDERS_EXPORT_BY_SEARCH, export_by_search)
        .add(&e::ORDERS_CREATE, create)
        .add(&e::ORDERS_FEES, fees)
        .add(&e::ORDERS_CANCEL, cancel)
        .add(&e::ORDERS_CANCEL_ITEM, cancel_item)
        .add(&e::ORDERS_ADD_TRACKING, add_tracking)
        .add(&e::ORDERS_ALLOCATE, allocate)
}

/// `orders.search`.
async fn search(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| orders::search(store, &actor, body))
}

/// `orders.get`.
async fn get(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<Value> {
    state.run(|store| orders::get(store, &actor, &id.0))
}

/// `orders.export`.
async fn export(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| orders::export(store, &actor, body))
}

/// `orders.export_by_search`.
async fn export_by_search(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| orders::export_by_search(store, &actor, body))
}

/// `orders.create`.
async fn create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| orders::create(store, &actor, body))
}

/// `orders.fees`.
async fn fees(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| orders::fees(store, &actor, body))
}

/// `orders.cancel`.
async fn cancel(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| orders::cancel(store, &actor, body))
}

/// `orders.cancel_item` (no body).
async fn cancel_item(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<Value> {
    state.run(|store| orders::cancel_item(store, &actor, &id.0))
}

/// `orders.add_tracking`.
async fn add_tracking(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| orders::add_tracking(store, &actor, &id.0, body))
}

/// `orders.allocate`.
async fn allocate(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| orders::allocate(store, &actor, &id.0, body))
}
