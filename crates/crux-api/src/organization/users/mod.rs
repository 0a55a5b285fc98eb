//! `/organizations/users/...`: the users of your organization and their
//! permissions.

mod add_permissions;
mod get;
mod list;
mod permissions;
mod remove_permissions;

pub use add_permissions::AddUserPermissions;
pub use get::GetUser;
pub use list::ListUsers;
pub use permissions::GetUserPermissions;
pub use remove_permissions::RemoveUserPermissions;

use crux_types::{PermissionId, UserId};

use crate::Client;

/// The users of your organization, from [`Client::users`].
#[derive(Debug, Clone, Copy)]
pub struct Users<'a> {
    client: &'a Client,
}

impl<'a> Users<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// `GET /organizations/users/all/`: every user of your organization, with
    /// their person and permission assignments. Needs `view_org_users`.
    pub fn list(self) -> ListUsers<'a> {
        ListUsers::new(self.client)
    }

    /// `GET /organizations/users/detail/{user_uuid}/`: one user. Needs
    /// `view_org_users`; another organization's user is a 404.
    pub fn get(self, user: UserId) -> GetUser<'a> {
        GetUser::new(self.client, user)
    }

    /// `GET /organizations/users/permissions/{user_uuid}/`: every permission
    /// available to the user, each marked assigned or not. Needs
    /// `view_org_users`.
    pub fn permissions(self, user: UserId) -> GetUserPermissions<'a> {
        GetUserPermissions::new(self.client, user)
    }

    /// `PATCH /organizations/users/permissions/{user_uuid}/`: assigns
    /// permissions to the user. Needs `edit_org_users`.
    pub fn add_permissions(
        self,
        user: UserId,
        permissions: &'a [PermissionId],
    ) -> AddUserPermissions<'a> {
        AddUserPermissions::new(self.client, user, permissions)
    }

    /// `DELETE /organizations/users/permissions/{user_uuid}/`: takes
    /// permissions away from the user. Needs `edit_org_users`.
    pub fn remove_permissions(
        self,
        user: UserId,
        permissions: &'a [PermissionId],
    ) -> RemoveUserPermissions<'a> {
        RemoveUserPermissions::new(self.client, user, permissions)
    }
}
