//! The body of Add and Remove User Permissions.

use serde::{Deserialize, Serialize};

use crate::id::PermissionId;

/// The body of Add User Permissions
/// (`PATCH /organizations/users/permissions/{user_uuid}/`) and of Remove
/// User Permissions (`DELETE` on the same path, the body sent with the
/// DELETE): `{"permission_uuids": [...]}`. Neither call documents a response
/// body (docs/spec-decisions.md, E-26).
///
/// ```
/// use crux_types::{PermissionId, UserPermissionsChange};
///
/// let id: PermissionId = "2a0295b6-dd74-4239-9988-24fcdb1adcea".parse()?;
/// let change = UserPermissionsChange::new([id]);
/// assert_eq!(
///     serde_json::to_string(&change)?,
///     r#"{"permission_uuids":["2a0295b6-dd74-4239-9988-24fcdb1adcea"]}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserPermissionsChange {
    /// The permissions to add or remove
    /// ([`Permission::uuid`](super::Permission::uuid)).
    ///
    /// Always written, `[]` when empty. Decoding reads `null` or a missing
    /// key as empty.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub permission_uuids: Vec<PermissionId>,
}

impl UserPermissionsChange {
    /// A change of the permissions `ids`, in order.
    #[must_use]
    pub fn new(ids: impl IntoIterator<Item = PermissionId>) -> Self {
        Self {
            permission_uuids: ids.into_iter().collect(),
        }
    }
}

impl FromIterator<PermissionId> for UserPermissionsChange {
    fn from_iter<I: IntoIterator<Item = PermissionId>>(ids: I) -> Self {
        Self::new(ids)
    }
}
