//! Sharing one [`Permission`] between the users that list it.
//!
//! Every user in a users list carries the same few permission objects (each
//! with a name, a display name, a description and a grouping). Decoding
//! them once per user costs four string allocations each and makes the
//! decoded list larger than its JSON. Instead, a permission is decoded into
//! borrowed strings first and compared with the last permission of the same
//! id seen on this thread: when equal, the existing `Arc` is shared; when
//! not (or never seen), a new one is allocated and remembered.
//!
//! Sharing never changes a value: a permission is only reused when every
//! field is equal. The cache holds at most [`CACHE_LIMIT`] permissions per
//! thread (the API defines a few dozen); when full it starts over, so an
//! unusual response cannot make it grow without bound.

use std::{borrow::Cow, cell::RefCell, collections::HashMap, sync::Arc};

use serde::{Deserialize, Deserializer};

use super::{Permission, PermissionVisibility};
use crate::id::PermissionId;

/// The most permissions remembered per thread.
const CACHE_LIMIT: usize = 256;

thread_local! {
    static SEEN: RefCell<HashMap<PermissionId, Arc<Permission>>> = RefCell::new(HashMap::new());
}

/// A permission as read, its strings borrowed from the input where possible.
/// Mirrors the fields and defaults of [`Permission`].
#[derive(Deserialize)]
struct PermissionRef<'a> {
    uuid: PermissionId,
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    display_name: Cow<'a, str>,
    #[serde(borrow)]
    description: Cow<'a, str>,
    #[serde(default)]
    visibility: Option<PermissionVisibility>,
    #[serde(default, borrow)]
    grouping: Option<Cow<'a, str>>,
}

impl PermissionRef<'_> {
    fn matches(&self, permission: &Permission) -> bool {
        self.name == permission.name
            && self.display_name == permission.display_name
            && self.description == permission.description
            && self.visibility == permission.visibility
            && self.grouping.as_deref() == permission.grouping.as_deref()
    }

    fn into_permission(self) -> Permission {
        Permission {
            uuid: self.uuid,
            name: self.name.into_owned(),
            display_name: self.display_name.into_owned(),
            description: self.description.into_owned(),
            visibility: self.visibility,
            grouping: self.grouping.map(Cow::into_owned),
        }
    }
}

/// `deserialize_with` for `PermissionEntry.permission`.
pub(super) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Arc<Permission>, D::Error> {
    let read = PermissionRef::deserialize(deserializer)?;
    Ok(SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(existing) = seen.get(&read.uuid) {
            if read.matches(existing) {
                return Arc::clone(existing);
            }
        }
        let permission = Arc::new(read.into_permission());
        if seen.len() >= CACHE_LIMIT && !seen.contains_key(&permission.uuid) {
            seen.clear();
        }
        seen.insert(permission.uuid, Arc::clone(&permission));
        permission
    }))
}
