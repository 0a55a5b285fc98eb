//! `client.permissions()`: the permissions that exist.

use crux_types::Permission;

use crate::endpoint_macro::{request, resource};

resource! {
    /// The permissions of the API, from
    /// [`Client::permissions`](crate::Client::permissions).
    Permissions
}

request! {
    /// Lists every permission that can be assigned in your organization.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// for permission in client.permissions().list().await? {
    ///     println!("{}: {}", permission.name, permission.description);
    /// }
    /// # Ok(()) }
    /// ```
    Permissions::list() -> ListPermissions: Copy => Vec<Permission> = PERMISSIONS_LIST;
}
