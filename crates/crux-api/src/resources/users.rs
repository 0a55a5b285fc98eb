//! `client.users()`: the users of your organization and their permissions.

use crux_types::{PermissionAssignments, PermissionId, User, UserId, UserPermissionsChange};

use crate::endpoint_macro::{request, resource};

resource! {
    /// The users of your organization and their permissions, from
    /// [`Client::users`](crate::Client::users).
    Users
}

request! {
    /// Lists every user of your organization, with their person and
    /// permission assignments, in one unpaginated array.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let users = client.users().list().await?;
    /// # Ok(()) }
    /// ```
    Users::list() -> ListUsers: Copy => Vec<User> = USERS_LIST;
}

request! {
    /// Gets one user of your organization; another organization's user is
    /// a 404.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::UserId) -> Result<(), crux_api::Error> {
    /// let user = client.users().get(id).await?;
    /// println!("{} is {}", user.person.email, user.status);
    /// # Ok(()) }
    /// ```
    Users::get(user: UserId) -> GetUser: Copy => User = USERS_GET[user];
}

request! {
    /// Gets every permission available to a user, each marked assigned or
    /// not.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::UserId) -> Result<(), crux_api::Error> {
    /// let assignments = client.users().permissions(id).await?;
    /// for entry in assignments.permissions.iter().filter(|p| p.assigned) {
    ///     println!("{}", entry.permission.name);
    /// }
    /// # Ok(()) }
    /// ```
    Users::permissions(user: UserId) -> GetUserPermissions: Copy
        => PermissionAssignments = USERS_PERMISSIONS[user];
}

request! {
    /// Assigns permissions to a user.
    ///
    /// Sends `{"permission_uuids": [...]}`. The API documents no response
    /// body, so any 2xx is success. As a PATCH, it is never sent twice: if it
    /// fails after it may have reached the server, the error says the outcome
    /// is unknown.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, user: crux_api::types::UserId, p: crux_api::types::PermissionId) -> Result<(), crux_api::Error> {
    /// client.users().add_permissions(user, &[p]).await?;
    /// # Ok(()) }
    /// ```
    Users::add_permissions(user: UserId, permissions: &'a [PermissionId])
        -> AddUserPermissions: Copy => () = USERS_ADD_PERMISSIONS[user],
        body: UserPermissionsChange { permission_uuids: permissions.to_vec() };
}

request! {
    /// Takes permissions away from a user.
    ///
    /// Sends `{"permission_uuids": [...]}` as the body of the DELETE, as the
    /// docs show. Any 2xx is success.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, user: crux_api::types::UserId, p: crux_api::types::PermissionId) -> Result<(), crux_api::Error> {
    /// client.users().remove_permissions(user, &[p]).await?;
    /// # Ok(()) }
    /// ```
    Users::remove_permissions(user: UserId, permissions: &'a [PermissionId])
        -> RemoveUserPermissions: Copy => () = USERS_REMOVE_PERMISSIONS[user],
        body: UserPermissionsChange { permission_uuids: permissions.to_vec() };
}
