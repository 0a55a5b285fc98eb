#![doc = include_str!("../README.md")]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

// Macros first: `macro_rules!` items are only visible to code after them.
#[macro_use]
mod string_enum;

mod serde_util;

pub mod id;
pub mod organization;

pub use id::{OrganizationId, PermissionId, PersonId, RetailerId, SupplierId, UserId};
pub use organization::{
    AuthToken, LoginRequest, LoginResponse, OrgType, OrgUserRef, Permission, PermissionAssignments,
    PermissionEntry, PermissionVisibility, Person, User, UserStatus,
};
