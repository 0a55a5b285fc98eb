//! Organization users.

use axum::Json;
use axum::extract::State;
use crux_types::{User, UserId};

use super::{PathParam, param};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /organizations/users/all/` (Get All Users): the users of the
/// caller's organization, each with every permission visible to the
/// organization type marked assigned or not. Needs `view_org_users`.
pub(super) async fn all_users(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<User>>, ApiError> {
    caller.require("view_org_users")?;
    Ok(Json(
        state.with_store(|store| store.org_users(caller.org_name())),
    ))
}

/// `GET /organizations/users/detail/{user_uuid}/` (Get User): one user of
/// the caller's organization, as the users list shows it. Needs
/// `view_org_users`. An unknown or malformed id, or another organization's
/// user, is the same 404.
pub(super) async fn user_detail(
    State(state): State<AppState>,
    caller: Caller,
    user_uuid: PathParam,
) -> Result<Json<User>, ApiError> {
    caller.require("view_org_users")?;
    let id = user_id(user_uuid).ok_or_else(ApiError::not_found)?;
    state.with_store(|store| {
        store
            .org_user(caller.org_name(), id)
            .map(|account| Json(account.user.clone()))
            .ok_or_else(ApiError::not_found)
    })
}

/// The user id of a path: the hyphenated UUID form only (any case), as
/// the API writes ids. Other forms `Uuid` would parse (no hyphens, braces,
/// `urn:uuid:`) are not a path the API serves.
pub(super) fn user_id(user_uuid: PathParam) -> Option<UserId> {
    let text = param(user_uuid)?;
    if text.len() == 36 {
        text.parse().ok()
    } else {
        None
    }
}
