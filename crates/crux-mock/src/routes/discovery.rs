//! `discovery.*`.

use axum::extract::State;
use crux_types::endpoint as e;
use serde_json::Value;

use super::Routes;
use crate::domain::{Actor, discovery};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::DISCOVERY_SUPPLIERS, suppliers)
}

/// `discovery.suppliers`.
async fn suppliers(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<Value> {
    state.run(|store| discovery::suppliers(store, &actor, body))
}
