//! The User object and its status.

use serde::{Deserialize, Serialize};

use super::{PermissionAssignments, Person};
use crate::id::UserId;

/// A user of an organization: a [`Person`] plus what the user may do.
///
/// Returned by Get All Users (`GET /organizations/users/all/`, as a list) and
/// Get User (`GET /organizations/users/detail/{user_uuid}/`). Documented in
/// the `objects/user.md` include.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct User {
    /// Identifies the user.
    pub uuid: UserId,
    /// The person behind the account: name, email, phone.
    pub person: Person,
    /// The permissions available to the user, each marked assigned or not.
    pub permission_assignments: PermissionAssignments,
    /// The account status.
    pub status: UserStatus,
}

string_enum! {
    /// A user's account status (`User.status`).
    pub enum UserStatus {
        /// The account is waiting for confirmation.
        ConfirmationWaiting = "CONFIRMATION WAITING",
        /// The account is active.
        Active = "ACTIVE",
        /// The account is deactivated.
        Deactivated = "DEACTIVATED",
    }
}

/// A reference to a user by id: the `org_user` object, `{"uuid": ...}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgUserRef {
    /// Identifies the user.
    pub uuid: UserId,
}
