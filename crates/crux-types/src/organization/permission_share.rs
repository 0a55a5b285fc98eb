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

use std::{
    borrow::Cow,
    cell::RefCell,
    collections::HashMap,
    hash::{BuildHasherDefault, Hasher},
    sync::Arc,
};

use serde::{Deserialize, Deserializer};

use super::{Permission, permission::PermissionRef};
use crate::id::PermissionId;

/// The most permissions remembered per thread.
const CACHE_LIMIT: usize = 256;

thread_local! {
    // `const`: no lazy-initialisation check on each access.
    static SEEN: RefCell<HashMap<PermissionId, Arc<Permission>, BuildHasherDefault<IdHasher>>> =
        const { RefCell::new(HashMap::with_hasher(BuildHasherDefault::new())) };
}

/// Hashes a [`PermissionId`] by folding its 16 bytes (FxHash's mix), much
/// cheaper than SipHash for the three lookups a user costs. The ids are
/// random UUIDs and the map is capped at [`CACHE_LIMIT`] entries, so a flood
/// of colliding ids from a hostile server could only slow one decode down,
/// not grow memory.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Declares [`Permission`] and `PermissionRef`, the form it is read in
/// here, from one field list: a field added to the list is in both structs,
/// compared by `PermissionRef::matches` and copied by
/// `PermissionRef::into_permission`, so that sharing can never drop or
/// ignore a field.
///
/// Each field is written once, as `pub name: Type => ReadType,`. Its
/// attributes (docs and serde) apply to both structs; attributes after the
/// `=>` (such as `#[serde(borrow)]`) to `PermissionRef` only. `ReadType`
/// must implement [`ReadAs<Type>`]: the same type, or a borrowed form of a
/// string. Struct attributes other than docs are not accepted, because they
/// would have to be repeated on `PermissionRef` to keep the wire format
/// the same.
macro_rules! permission_and_ref {
    (
        $(#[doc = $doc:expr])*
        pub struct Permission, read as PermissionRef<$lt:lifetime> {
            $(
                $(#[$meta:meta])*
                pub $field:ident: $ty:ty => $(#[$read_meta:meta])* $read_ty:ty,
            )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub struct Permission {
            $(
                $(#[$meta])*
                pub $field: $ty,
            )+
        }

        /// A [`Permission`] as read for sharing, its strings borrowed from
        /// the input where possible (`permission_share.rs`).
        #[derive(Deserialize)]
        pub(super) struct PermissionRef<$lt> {
            $(
                $(#[$meta])*
                $(#[$read_meta])*
                pub(super) $field: $read_ty,
            )+
        }

        impl PermissionRef<'_> {
            /// Whether every field equals `permission`'s.
            pub(super) fn matches(&self, permission: &Permission) -> bool {
                use $crate::organization::permission_share::ReadAs;
                true $(&& ReadAs::<$ty>::same_as(&self.$field, &permission.$field))+
            }

            /// The permission, every string owned.
            pub(super) fn into_permission(self) -> Permission {
                use $crate::organization::permission_share::ReadAs;
                Permission {
                    $($field: ReadAs::<$ty>::into_owned(self.$field),)+
                }
            }
        }
    };
}

/// A field of `PermissionRef` as read, and the field of [`Permission`]
/// (`Owned`) it stands for.
pub(super) trait ReadAs<Owned> {
    /// Whether it equals `owned`.
    fn same_as(&self, owned: &Owned) -> bool;
    /// It, as the field of [`Permission`].
    fn into_owned(self) -> Owned;
}

/// A field read as its own type (ids, enums).
impl<T: PartialEq> ReadAs<T> for T {
    fn same_as(&self, owned: &T) -> bool {
        self == owned
    }

    fn into_owned(self) -> T {
        self
    }
}

/// A string, borrowed from the input when it has no escapes.
impl ReadAs<String> for Cow<'_, str> {
    fn same_as(&self, owned: &String) -> bool {
        **self == **owned
    }

    fn into_owned(self) -> String {
        Cow::into_owned(self)
    }
}

/// An optional string.
impl ReadAs<Option<String>> for Option<Cow<'_, str>> {
    fn same_as(&self, owned: &Option<String>) -> bool {
        self.as_deref() == owned.as_deref()
    }

    fn into_owned(self) -> Option<String> {
        self.map(Cow::into_owned)
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
