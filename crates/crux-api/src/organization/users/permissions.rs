//! `GET /organizations/users/permissions/{user_uuid}/`.

use crux_types::{PermissionAssignments, UserId};

use crate::{Client, request::into_future};

/// Gets the permissions available to a user, each marked assigned or not.
/// `.await` it.
///
/// ```no_run
/// # async fn run(client: crux_api::Client, id: crux_api::types::UserId) -> Result<(), crux_api::Error> {
/// let assignments = client.users().permissions(id).await?;
/// for entry in assignments.permissions.iter().filter(|p| p.assigned) {
///     println!("{}", entry.permission.name);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct GetUserPermissions<'a> {
    client: &'a Client,
    user: UserId,
}

impl<'a> GetUserPermissions<'a> {
    pub(crate) fn new(client: &'a Client, user: UserId) -> Self {
        Self { client, user }
    }
}

into_future!(GetUserPermissions => PermissionAssignments, |request| {
    let path = format!("/organizations/users/permissions/{}/", request.user);
    request.client.get_json(&path).await
});
