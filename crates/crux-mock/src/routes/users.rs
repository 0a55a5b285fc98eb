//! Organization users.

use axum::Json;
use axum::extract::State;
use crux_types::User;

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
        state.with_store(|store| store.org_users(caller.0.org.name)),
    ))
}
