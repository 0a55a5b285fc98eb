//! `DELETE /organizations/users/permissions/{user_uuid}/`.

use crux_types::{PermissionId, UserId, UserPermissionsChange};
use http::Method;

use crate::{Client, request::into_future};

/// Takes permissions away from a user. `.await` it.
///
/// Sends `{"permission_uuids": [...]}` as the body of the DELETE, as the
/// docs show. Any 2xx is success.
///
/// ```no_run
/// # async fn run(client: crux_api::Client, user: crux_api::types::UserId, p: crux_api::types::PermissionId) -> Result<(), crux_api::Error> {
/// client.users().remove_permissions(user, &[p]).await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct RemoveUserPermissions<'a> {
    client: &'a Client,
    user: UserId,
    permissions: &'a [PermissionId],
}

impl<'a> RemoveUserPermissions<'a> {
    pub(crate) fn new(client: &'a Client, user: UserId, permissions: &'a [PermissionId]) -> Self {
        Self {
            client,
            user,
            permissions,
        }
    }
}

into_future!(RemoveUserPermissions => (), |request| {
    let path = format!("/organizations/users/permissions/{}/", request.user);
    let body = UserPermissionsChange { permission_uuids: request.permissions.to_vec() };
    request.client.send_unit(Method::DELETE, &path, Some(&body)).await
});
