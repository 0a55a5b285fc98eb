//! `organization.get`.

use axum::extract::State;
use crux_types::Organization;
use crux_types::endpoint as e;

use super::Routes;
use crate::domain::{Actor, organization};
use crate::shared::{AppState, Reply};

/// The routes of this file.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::ORGANIZATION_GET, get)
}

/// `organization.get`.
async fn get(State(state): State<AppState>, actor: Actor) -> Reply<Organization> {
    state.run(|store| organization::get(store, &actor))
}
