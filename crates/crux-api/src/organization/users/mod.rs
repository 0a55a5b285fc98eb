//! `/organizations/users/...`: the users of your organization.

mod list;

pub use list::ListUsers;

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
    /// their person and permission assignments. Needs the `view_org_users`
    /// permission.
    pub fn list(self) -> ListUsers<'a> {
        ListUsers::new(self.client)
    }
}
