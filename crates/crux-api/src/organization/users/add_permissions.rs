//! `PATCH /organizations/users/permissions/{user_uuid}/`.

use crux_types::{PermissionId, UserId, UserPermissionsChange};
use http::Method;

use crate::{Client, request::into_future};

/// Assigns permissions to a user. `.await` it.
///
/// Sends `{"permission_uuids": [...]}`. The API documents no response body,
/// so any 2xx is success. As a PATCH, it is never sent twice: if it fails
/// after it may have reached the server, the error says the outcome is
/// unknown.
///
/// ```no_run
/// # async fn run(client: crux_api::Client, user: crux_api::types::UserId, p: crux_api::types::PermissionId) -> Result<(), crux_api::Error> {
/// client.users().add_permissions(user, &[p]).await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct AddUserPermissions<'a> {
    client: &'a Client,
    user: UserId,
    permissions: &'a [PermissionId],
}

impl<'a> AddUserPermissions<'a> {
    pub(crate) fn new(client: &'a Client, user: UserId, permissions: &'a [PermissionId]) -> Self {
        Self {
            client,
            user,
            permissions,
        }
    }
}

into_future!(AddUserPermissions => (), |request| {
    let path = format!("/organizations/users/permissions/{}/", request.user);
    let body = UserPermissionsChange { permission_uuids: request.permissions.to_vec() };
    request.client.send_unit(Method::PATCH, &path, Some(&body)).await
});
