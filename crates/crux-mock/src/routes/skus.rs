//! `skus.*`.

use axum::extract::State;
use crux_types::Sku;
use crux_types::endpoint as e;

use super::{PathText, Routes};
use crate::domain::{Actor, skus};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::SKUS_LIST, list)
        .add(&e::SKUS_GET, get)
        .add(&e::SKUS_CREATE, create)
}

/// `skus.list`.
async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<Sku>> {
    state.run(|store| skus::list(store, &actor))
}

/// `skus.get`.
async fn get(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<Sku> {
    state.run(|store| skus::get(store, &actor, &id.0))
}

/// `skus.create`.
async fn create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Sku> {
    state.run(|store| skus::create(store, &actor, body))
}
