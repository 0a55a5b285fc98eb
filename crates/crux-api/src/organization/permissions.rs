//! `GET /organizations/all_permissions/`: the permissions that exist.

use crux_types::Permission;

use crate::{Client, request::into_future};

/// The permissions of the API, from [`Client::permissions`].
#[derive(Debug, Clone, Copy)]
pub struct Permissions<'a> {
    client: &'a Client,
}

impl<'a> Permissions<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// `GET /organizations/all_permissions/`: every permission that can be
    /// assigned in your organization. Needs `view_org_users`.
    pub fn list(self) -> ListPermissions<'a> {
        ListPermissions {
            client: self.client,
        }
    }
}

/// Lists every assignable permission. `.await` it.
///
/// ```no_run
/// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
/// for permission in client.permissions().list().await? {
///     println!("{}: {}", permission.name, permission.description);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct ListPermissions<'a> {
    client: &'a Client,
}

into_future!(ListPermissions => Vec<Permission>, |request| {
    request.client.get_json("/organizations/all_permissions/").await
});
