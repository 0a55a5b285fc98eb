//! `users.*` and their permission assignments.

use axum::extract::State;
use crux_types::{PermissionAssignments, User};

use super::PathText;
use crate::domain::{Actor, users};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// `users.list`.
pub(super) async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<User>> {
    state.run(|store| users::list(store, &actor))
}

/// `users.get`.
pub(super) async fn get(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<User> {
    state.run(|store| users::get(store, &actor, &id.0))
}

/// `users.permissions`.
pub(super) async fn permissions(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
) -> Reply<PermissionAssignments> {
    state.run(|store| users::permissions(store, &actor, &id.0))
}

/// `users.add_permissions`.
pub(super) async fn add_permissions(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
    JsonBody(body): JsonBody,
) -> Reply<PermissionAssignments> {
    state.run(|store| users::add_permissions(store, &actor, &id.0, body))
}

/// `users.remove_permissions` (the body sent with the DELETE).
pub(super) async fn remove_permissions(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
    JsonBody(body): JsonBody,
) -> Reply<PermissionAssignments> {
    state.run(|store| users::remove_permissions(store, &actor, &id.0, body))
}
