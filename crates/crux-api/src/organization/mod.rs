//! The organization section's handles and requests under their first
//! paths, kept so that existing code compiles. They live in
//! [`crate::resources`].

pub use crate::resources::{
    AddUserPermissions, GetNotificationSettings, GetOrganization, GetUser, GetUserPermissions,
    ListNotifications, ListPermissions, ListUsers, Notifications, Permissions,
    RemoveUserPermissions, UpdateNotificationSettings, Users,
};

/// The handle returned by [`Client::organization`](crate::Client::organization),
/// under its first name.
#[deprecated(note = "renamed `crux_api::resources::Organization`")]
pub type Organizations<'a> = crate::resources::Organization<'a>;
