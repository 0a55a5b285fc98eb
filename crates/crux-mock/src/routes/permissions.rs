//! Permissions: the catalogue, and a user's assignments (read, add,
//! remove).
//!
//! Add and Remove User Permissions document no response (ERRATA E-26): the
//! mock answers 200 with the user's updated `PermissionAssignments`, the
//! body Get User Permissions returns. A body naming a permission the user's
//! organization cannot hold (unknown, malformed, or of the other
//! organization type) is a 400, as DRF answers an invalid primary key, and
//! nothing changes.

use axum::Json;
use axum::extract::{Request, State};
use crux_types::{Permission, PermissionAssignments, PermissionId};
use serde_json::Value;

use super::PathParam;
use super::users::user_id;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::json::{self, JsonBody};
use crate::state::{Account, AppState};

/// `GET /organizations/all_permissions/` (Get All Permissions): every
/// permission visible to the caller's organization type (`BOTH` and its
/// own type), in catalogue order. Needs `view_org_users`.
pub(super) async fn all_permissions(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<Permission>>, ApiError> {
    caller.require("view_org_users")?;
    state.with_store(|store| {
        store
            .org(caller.org_name())
            .map(|org| Json(org.permissions.clone()))
            .ok_or_else(ApiError::internal)
    })
}

/// `GET /organizations/users/permissions/{user_uuid}/` (Get User
/// Permissions): the user's `PermissionAssignments`, as in the users list
/// (with `org_user`). Needs `view_org_users`; 404 as Get User.
pub(super) async fn user_permissions(
    State(state): State<AppState>,
    caller: Caller,
    user_uuid: PathParam,
) -> Result<Json<PermissionAssignments>, ApiError> {
    caller.require("view_org_users")?;
    let id = user_id(user_uuid).ok_or_else(ApiError::not_found)?;
    state.with_store(|store| {
        store
            .org_user(caller.org_name(), id)
            .map(|account| Json(account.user.permission_assignments.clone()))
            .ok_or_else(ApiError::not_found)
    })
}

/// `PATCH /organizations/users/permissions/{user_uuid}/` (Add User
/// Permissions): assigns `permission_uuids`. Needs `edit_org_users`.
pub(super) async fn add_user_permissions(
    State(state): State<AppState>,
    caller: Caller,
    user_uuid: PathParam,
    request: Request,
) -> Result<Json<PermissionAssignments>, ApiError> {
    change(&state, &caller, user_uuid, request, true).await
}

/// `DELETE /organizations/users/permissions/{user_uuid}/` (Remove User
/// Permissions, the body sent with the DELETE): unassigns
/// `permission_uuids`. Needs `edit_org_users`.
pub(super) async fn remove_user_permissions(
    State(state): State<AppState>,
    caller: Caller,
    user_uuid: PathParam,
    request: Request,
) -> Result<Json<PermissionAssignments>, ApiError> {
    change(&state, &caller, user_uuid, request, false).await
}

/// Add or Remove User Permissions. Checks in order: 403, 404 (the user),
/// 415 and 400 (the body); then changes all the permissions or none.
async fn change(
    state: &AppState,
    caller: &Caller,
    user_uuid: PathParam,
    request: Request,
    assigned: bool,
) -> Result<Json<PermissionAssignments>, ApiError> {
    caller.require("edit_org_users")?;
    let id = user_id(user_uuid).ok_or_else(ApiError::not_found)?;
    // The user must exist before the body counts (DRF's get_object()).
    let exists = state.with_store(|store| store.org_user(caller.org_name(), id).is_some());
    if !exists {
        return Err(ApiError::not_found());
    }
    let body: Value = JsonBody::read(request).await?;
    state.with_store(|store| {
        let account = store
            .org_user_mut(caller.org_name(), id)
            .ok_or_else(ApiError::not_found)?;
        let ids = permission_ids(&body, account)?;
        account.set_assigned(&ids, assigned);
        Ok(Json(account.user.permission_assignments.clone()))
    })
}

/// The `permission_uuids` of a body, each a permission `account` can hold;
/// 400 with DRF's message for the first bad one otherwise. An empty list is
/// valid (nothing changes).
fn permission_ids(body: &Value, account: &Account) -> Result<Vec<PermissionId>, ApiError> {
    let object = json::object(body)?;
    json::require_fields(object, &["permission_uuids"])?;
    let bad = |why: String| ApiError::bad_request(format!("permission_uuids: {why}"));
    let Some(Value::Array(items)) = object.get("permission_uuids") else {
        let got = object
            .get("permission_uuids")
            .map_or("NoneType", json::type_name);
        return Err(bad(format!(
            "Expected a list of items but got type \"{got}\"."
        )));
    };
    items
        .iter()
        .map(|item| match item {
            Value::String(text) => text
                .parse::<PermissionId>()
                .ok()
                .filter(|&id| account.can_hold(id))
                .ok_or_else(|| bad(format!("Invalid pk \"{text}\" - object does not exist."))),
            other => Err(bad(format!(
                "Incorrect type. Expected pk value, received {}.",
                json::type_name(other)
            ))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crux_types::UserId;
    use serde_json::json;

    use super::*;
    use crate::demo::DEMO_USERS;
    use crate::state::Store;

    fn admin() -> Account {
        let id: UserId = DEMO_USERS[0].user_uuid.parse().expect("uuid");
        Store::demo()
            .org_user(DEMO_USERS[0].organization, id)
            .expect("admin")
            .clone()
    }

    #[test]
    fn body_errors_name_the_field() {
        let account = admin();
        let detail = |body: Value| {
            let err = permission_ids(&body, &account).expect_err("rejected");
            assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
            err.detail().to_owned()
        };
        assert_eq!(
            detail(json!({})),
            "permission_uuids: This field is required."
        );
        assert_eq!(
            detail(json!({"permission_uuids": "x"})),
            "permission_uuids: Expected a list of items but got type \"str\"."
        );
        assert_eq!(
            detail(json!({"permission_uuids": [1]})),
            "permission_uuids: Incorrect type. Expected pk value, received int."
        );
        assert_eq!(
            detail(json!({"permission_uuids": ["nope"]})),
            "permission_uuids: Invalid pk \"nope\" - object does not exist."
        );
        assert_eq!(
            detail(json!([])),
            "Invalid data. Expected a dictionary, but got list."
        );
        let ok = permission_ids(&json!({"permission_uuids": []}), &account).expect("valid");
        assert!(ok.is_empty());
    }
}
