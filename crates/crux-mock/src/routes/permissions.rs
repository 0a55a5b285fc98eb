//! `permissions.list`.

use axum::extract::State;
use crux_types::Permission;

use crate::domain::{Actor, permissions};
use crate::shared::{AppState, Reply};

/// `permissions.list`.
pub(super) async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<Permission>> {
    state.run(|store| permissions::list(store, &actor))
}
