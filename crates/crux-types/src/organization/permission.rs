//! Permissions and their assignment to a user.

use std::{borrow::Cow, sync::Arc};

use serde::{Deserialize, Serialize};

use super::OrgUserRef;
use crate::id::PermissionId;

/// The permissions available to a user, each marked assigned or not
/// (`User.permission_assignments`).
///
/// Documented in the `objects/permissions_assignment.md` include. That
/// include also lists a `status` field, which belongs to [`User`](super::User)
/// (docs/spec-decisions.md, E-39) and is not modeled here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PermissionAssignments {
    /// Every permission available to the user, with whether it is assigned.
    ///
    /// Empty when the API sends `[]`, `null` or leaves the field out.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub permissions: Vec<PermissionEntry>,
    /// The user the assignments belong to.
    ///
    /// Optional: the Get User Permissions sample leaves it out
    /// (docs/spec-decisions.md, E-02, E-34). Never serialized when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_user: Option<OrgUserRef>,
}

impl PermissionAssignments {
    /// The permissions that are assigned to the user, in API order.
    pub fn assigned(&self) -> impl Iterator<Item = &Permission> {
        self.permissions
            .iter()
            .filter(|entry| entry.assigned)
            .map(|entry| &*entry.permission)
    }
}

/// One permission and whether it is assigned to the user.
///
/// Documented in the `objects/permissions_list.md` include.
///
/// The permission is an `Arc`: a users list repeats the same few permissions
/// for every user, and decoding shares one value between all the entries
/// that are equal (see `permission_share.rs`), which makes decoding faster
/// and the decoded list several times smaller. Reading is unchanged
/// (`entry.permission.name`); to build one, wrap the permission with
/// `Arc::new` (or `.into()`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PermissionEntry {
    /// `true` when the permission is assigned to the user.
    pub assigned: bool,
    /// The permission, shared with every equal entry decoded on this thread.
    #[serde(deserialize_with = "super::permission_share::deserialize")]
    pub permission: Arc<Permission>,
}

permission_and_ref! {
    /// A permission (role) that can be assigned to a user.
    ///
    /// Documented in the `objects/permission.md` include.
    pub struct Permission, read as PermissionRef<'a> {
        /// Identifies the permission.
        pub uuid: PermissionId => PermissionId,
        /// Machine name in snake case, for example `"view_org_users"`.
        ///
        /// A plain string: samples contain names missing from the documented
        /// list (docs/spec-decisions.md, E-32).
        pub name: String => #[serde(borrow)] Cow<'a, str>,
        /// Human-readable name, for example `"View Users"`.
        pub display_name: String => #[serde(borrow)] Cow<'a, str>,
        /// What the permission allows.
        pub description: String => #[serde(borrow)] Cow<'a, str>,
        /// Which organization types the permission is visible to.
        ///
        /// The Get All Users sample leaves it out (docs/spec-decisions.md, E-32).
        /// `None` when `null` or absent; never serialized when `None`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub visibility: Option<PermissionVisibility> => Option<PermissionVisibility>,
        /// The group the permission belongs to; seen values are `"ORGUSERS"`
        /// and `"ORGSUB"`.
        ///
        /// The Get All Users sample leaves it out (docs/spec-decisions.md, E-32).
        /// `None` when `null` or absent; never serialized when `None`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub grouping: Option<String> => #[serde(borrow)] Option<Cow<'a, str>>,
    }
}

string_enum! {
    /// Which organization types a permission is visible to
    /// (`Permission.visibility`).
    pub enum PermissionVisibility {
        /// Visible to retailer organizations.
        Retailer = "RETAILER",
        /// Visible to supplier organizations.
        Supplier = "SUPPLIER",
        /// Visible to both retailer and supplier organizations.
        Both = "BOTH",
    }
}
