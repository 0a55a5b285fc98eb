//! The organization section: users and their permissions, the organization
//! itself, notifications and their settings.
//!
//! One file per endpoint; each request value is sent by `.await`ing it.

mod details;
mod notifications;
mod permissions;
mod users;

pub use details::{GetOrganization, Organizations};
pub use notifications::{
    GetNotificationSettings, ListNotifications, Notifications, UpdateNotificationSettings,
};
pub use permissions::{ListPermissions, Permissions};
pub use users::{
    AddUserPermissions, GetUser, GetUserPermissions, ListUsers, RemoveUserPermissions, Users,
};
