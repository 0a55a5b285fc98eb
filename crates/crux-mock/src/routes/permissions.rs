//! `permissions.list`.

use axum::extract::State;
use crux_types::Permission;
use crux_types::endpoint as e;

use super::Routes;
use crate::domain::{Actor, permissions};
use crate::shared::{AppState, Reply};

/// The routes of this file.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::PERMISSIONS_LIST, list)
}

/// `permissions.list`.
async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<Permission>> {
    state.run(|store| permissions::list(store, &actor))
}
