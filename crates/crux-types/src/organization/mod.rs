//! Organization domain: login, users, the people behind them, and their
//! permissions.
//!
//! Endpoints returning these types:
//!
//! | Endpoint | Returns |
//! |---|---|
//! | `GET /organizations/users/all/` (Get All Users) | `Vec<`[`User`]`>` |
//! | `GET /organizations/users/detail/{user_uuid}/` (Get User) | [`User`] |
//! | `POST /organizations/user-login/` (Retrieve Auth Token), body [`LoginRequest`] | [`LoginResponse`] |
//!
//! # Compatibility
//!
//! The structs have public fields and no `#[non_exhaustive]`, so tests and
//! mock servers can build them with struct literals. Fields the API starts
//! sending are added to them as `Option`s in later minor releases; code that
//! builds these structs with literals should expect that. Decoding ignores
//! fields it does not model, so it never fails on a new field.

mod login;
mod permission;
mod person;
mod user;

pub use login::{AuthToken, LoginRequest, LoginResponse, OrgType};
pub use permission::{Permission, PermissionAssignments, PermissionEntry, PermissionVisibility};
pub use person::Person;
pub use user::{OrgUserRef, User, UserStatus};
