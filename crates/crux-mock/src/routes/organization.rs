//! The caller's organization.

use axum::Json;
use axum::extract::State;
use crux_types::Organization;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /organizations/` (Get Organization Details): the caller's
/// organization, with its account manager. The page names no permission:
/// any valid token will do.
pub(super) async fn details(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Organization>, ApiError> {
    state.with_store(|store| {
        store
            .org(caller.org_name())
            .map(|org| Json(org.organization.clone()))
            .ok_or_else(ApiError::internal)
    })
}
