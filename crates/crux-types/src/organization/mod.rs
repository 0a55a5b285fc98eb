//! Organization domain: login, users, the people behind them, their
//! permissions, the organization itself and notifications.
//!
//! Endpoints using these types (rows 1 to 11 of the endpoint table):
//!
//! | Endpoint (its method, path, caller and permissions) | Request body | Returns |
//! |---|---|---|
//! | [`LOGIN`](crate::endpoint::LOGIN) (Retrieve Auth Token) | [`LoginRequest`] | [`LoginResponse`] |
//! | [`USERS_LIST`](crate::endpoint::USERS_LIST) (Get All Users) | none | `Vec<`[`User`]`>` |
//! | [`USERS_GET`](crate::endpoint::USERS_GET) (Get User) | none | [`User`] |
//! | [`PERMISSIONS_LIST`](crate::endpoint::PERMISSIONS_LIST) (Get All Permissions) | none | `Vec<`[`Permission`]`>` |
//! | [`USERS_PERMISSIONS`](crate::endpoint::USERS_PERMISSIONS) (Get User Permissions) | none | [`PermissionAssignments`] (without `org_user`) |
//! | [`USERS_ADD_PERMISSIONS`](crate::endpoint::USERS_ADD_PERMISSIONS) (Add User Permissions) | [`UserPermissionsChange`] | no documented body |
//! | [`USERS_REMOVE_PERMISSIONS`](crate::endpoint::USERS_REMOVE_PERMISSIONS) (Remove User Permissions) | [`UserPermissionsChange`] | no documented body |
//! | [`ORGANIZATION_GET`](crate::endpoint::ORGANIZATION_GET) (Get Organization Details) | none | [`Organization`] |
//! | [`NOTIFICATIONS_LIST`](crate::endpoint::NOTIFICATIONS_LIST) (Get Dashboard Notifications) | none | `Vec<`[`DashboardNotification`]`>` |
//! | [`NOTIFICATIONS_SETTINGS`](crate::endpoint::NOTIFICATIONS_SETTINGS) (Get Notification Settings) | none | `Vec<`[`NotificationSetting`]`>` |
//! | [`NOTIFICATIONS_UPDATE_SETTINGS`](crate::endpoint::NOTIFICATIONS_UPDATE_SETTINGS) (Update Notification Settings) | [`NotificationSettingUpdate`] | no documented body |
//!
//! GET requests have no body, whatever the docs' examples send
//! (docs/spec-decisions.md, E-11). "No documented body" means the docs show
//! none (docs/spec-decisions.md, E-26).
//!
//! # Compatibility
//!
//! The structs have public fields and no `#[non_exhaustive]`, so tests and
//! mock servers can build them with struct literals. Fields the API starts
//! sending are added to them as `Option`s in later minor releases; code that
//! builds these structs with literals should expect that. Decoding ignores
//! fields it does not model, so it never fails on a new field.

mod account_manager;
mod details;
mod login;
mod notification;
mod notification_setting;
mod notification_setting_update;
// Defines `permission_and_ref!`, which `permission` uses.
#[macro_use]
mod permission_share;
mod permission;
mod permission_change;
mod person;
mod user;

pub use account_manager::AccountManager;
pub use details::{Organization, OrganizationStatus};
pub use login::{AuthToken, LoginRequest, LoginResponse, OrgType};
pub use notification::DashboardNotification;
pub use notification_setting::{
    NotificationDomain, NotificationFrequency, NotificationSetting, NotificationType,
    NotificationVia,
};
pub use notification_setting_update::NotificationSettingUpdate;
pub use permission::{Permission, PermissionAssignments, PermissionEntry, PermissionVisibility};
pub use permission_change::UserPermissionsChange;
pub use person::Person;
pub use user::{OrgUserRef, User, UserStatus};
