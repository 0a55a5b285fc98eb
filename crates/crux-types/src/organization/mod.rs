//! Organization domain: login, users, the people behind them, their
//! permissions, the organization itself and notifications.
//!
//! Endpoints using these types (rows 1 to 11 of the endpoint table):
//!
//! | Endpoint | Request body | Returns |
//! |---|---|---|
//! | `POST /organizations/user-login/` (Retrieve Auth Token) | [`LoginRequest`] | [`LoginResponse`] |
//! | `GET /organizations/users/all/` (Get All Users) | none | `Vec<`[`User`]`>` |
//! | `GET /organizations/users/detail/{user_uuid}/` (Get User) | none | [`User`] |
//! | `GET /organizations/all_permissions/` (Get All Permissions) | none | `Vec<`[`Permission`]`>` |
//! | `GET /organizations/users/permissions/{user_uuid}/` (Get User Permissions) | none | [`PermissionAssignments`] (without `org_user`) |
//! | `PATCH /organizations/users/permissions/{user_uuid}/` (Add User Permissions) | [`UserPermissionsChange`] | no documented body |
//! | `DELETE /organizations/users/permissions/{user_uuid}/` (Remove User Permissions) | [`UserPermissionsChange`] | no documented body |
//! | `GET /organizations/` (Get Organization Details) | none | [`Organization`] |
//! | `GET /notifications/` (Get Dashboard Notifications) | none | `Vec<`[`DashboardNotification`]`>` |
//! | `GET /notifications/notification-settings/` (Get Notification Settings) | none | `Vec<`[`NotificationSetting`]`>` |
//! | `PUT /notifications/notification-settings/` (Update Notification Settings) | [`NotificationSettingUpdate`] | no documented body |
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
