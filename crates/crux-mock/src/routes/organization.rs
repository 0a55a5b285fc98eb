//! `organization.get`.

use axum::extract::State;
use crux_types::Organization;

use crate::domain::{Actor, organization};
use crate::shared::{AppState, Reply};

/// `organization.get`.
pub(super) async fn get(State(state): State<AppState>, actor: Actor) -> Reply<Organization> {
    state.run(|store| organization::get(store, &actor))
}
