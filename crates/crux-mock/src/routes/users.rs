//! `users.*` and their permission assignments.

use axum::extract::State;
use crux_types::endpoint as e;
use crux_types::{PermissionAssignments, User};

use super::{PathText, Routes};
use crate::domain::{Actor, users};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::USERS_LIST, list)
        .add(&e::USERS_GET, get)
        .add(&e::USERS_PERMISSIONS, permissions)
        .add(&e::USERS_ADD_PERMISSIONS, add_permissions)
        .add(&e::USERS_REMOVE_PERMISSIONS, remove_permissions)
}

/// `users.list`.
async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<User>> {
    state.run(|store| users::list(store, &actor))
}

/// `users.get`.
async fn get(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<User> {
    state.run(|store| users::get(store, &actor, &id.0))
}

/// `users.permissions`.
async fn permissions(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
) -> Reply<PermissionAssignments> {
    state.run(|store| users::permissions(store, &actor, &id.0))
}

/// `users.add_permissions`.
async fn add_permissions(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
    JsonBody(body): JsonBody,
) -> Reply<PermissionAssignments> {
    state.run(|store| users::add_permissions(store, &actor, &id.0, body))
}

/// `users.remove_permissions` (the body sent with the DELETE).
async fn remove_permissions(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
    JsonBody(body): JsonBody,
) -> Reply<PermissionAssignments> {
    state.run(|store| users::remove_permissions(store, &actor, &id.0, body))
}
