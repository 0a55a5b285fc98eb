//! Prototypes of other model layouts, measured beside the real models so
//! that `docs/performance.md` can say what a change would gain, with figures
//! from the same run. None of this is public API.
//!
//! - [`InternedUser`]: each permission an `Arc<Permission>` shared by every
//!   user that has it. Decoding still reads and checks every permission
//!   object, but borrows its strings and looks it up in a small per-thread
//!   cache instead of allocating three strings and a 136-byte struct for each
//!   entry. (crux-types has since adopted shared permissions; the prototype
//!   stays as the reference they are measured against.)
//! - [`BorrowedUser`]: every string borrowed from the input (`&str`), ids and
//!   enums typed as in the real models. No allocation but the lists: the
//!   floor of any owned layout decoded with serde derive and serde_json.
//! - [`ValidatedAny`]: like `IgnoredAny`, but every string (key or value) is
//!   checked as UTF-8, as any decode that yields text must do. `IgnoredAny`
//!   skips that check, so it is a limit no typed decode can reach.

use std::{
    cell::RefCell,
    fmt,
    hash::{DefaultHasher, Hash, Hasher},
    sync::Arc,
};

use crux_types::{
    OrgUserRef, Permission, PermissionId, PermissionVisibility, Person, PersonId, UserId,
    UserStatus,
};
use serde::{
    Deserialize, Deserializer,
    de::{MapAccess, SeqAccess, Visitor},
};

/// [`crux_types::User`] with shared permissions.
#[derive(Debug, Deserialize)]
pub(crate) struct InternedUser {
    pub(crate) uuid: UserId,
    pub(crate) person: Person,
    pub(crate) permission_assignments: InternedAssignments,
    pub(crate) status: UserStatus,
}

/// [`crux_types::PermissionAssignments`] with shared permissions.
#[derive(Debug, Deserialize)]
pub(crate) struct InternedAssignments {
    #[serde(default)]
    pub(crate) permissions: Vec<InternedEntry>,
    #[serde(default)]
    pub(crate) org_user: Option<OrgUserRef>,
}

/// [`crux_types::PermissionEntry`] with a shared permission.
#[derive(Debug, Deserialize)]
pub(crate) struct InternedEntry {
    pub(crate) assigned: bool,
    #[serde(deserialize_with = "interned_permission")]
    pub(crate) permission: Arc<Permission>,
}

thread_local! {
    /// The permissions decoded last on this thread, most recent last.
    static PERMISSIONS: RefCell<Vec<Arc<Permission>>> = const { RefCell::new(Vec::new()) };
}

/// How many distinct permissions the cache keeps (an organization has a few
/// dozen).
const CACHE_SIZE: usize = 64;

/// Reads a permission with borrowed strings and returns the cached `Arc` of
/// an identical one (every field compared), or caches a new one.
fn interned_permission<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Arc<Permission>, D::Error> {
    let read = BorrowedPermission::deserialize(deserializer)?;
    let same = |p: &Permission| {
        p.uuid == read.uuid
            && p.name == read.name
            && p.display_name == read.display_name
            && p.description == read.description
            && p.visibility == read.visibility
            && p.grouping.as_deref() == read.grouping
    };
    PERMISSIONS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(found) = cache.iter().rev().find(|p| same(p)) {
            return Ok(Arc::clone(found));
        }
        let permission = Arc::new(Permission {
            uuid: read.uuid,
            name: read.name.to_owned(),
            display_name: read.display_name.to_owned(),
            description: read.description.to_owned(),
            visibility: read.visibility.clone(),
            grouping: read.grouping.map(str::to_owned),
        });
        if cache.len() == CACHE_SIZE {
            cache.remove(0);
        }
        cache.push(Arc::clone(&permission));
        Ok(permission)
    })
}

/// [`crux_types::User`] with every string borrowed from the input.
#[derive(Debug, Deserialize)]
pub(crate) struct BorrowedUser<'a> {
    pub(crate) uuid: UserId,
    #[serde(borrow)]
    pub(crate) person: BorrowedPerson<'a>,
    #[serde(borrow)]
    pub(crate) permission_assignments: BorrowedAssignments<'a>,
    pub(crate) status: UserStatus,
}

/// [`crux_types::Person`] with borrowed strings.
#[derive(Debug, Deserialize)]
pub(crate) struct BorrowedPerson<'a> {
    pub(crate) uuid: PersonId,
    pub(crate) first_name: &'a str,
    pub(crate) last_name: &'a str,
    pub(crate) email: &'a str,
    #[serde(default)]
    pub(crate) phone: Option<&'a str>,
    #[serde(default)]
    pub(crate) job_title: Option<&'a str>,
}

/// [`crux_types::PermissionAssignments`] with borrowed strings.
#[derive(Debug, Deserialize)]
pub(crate) struct BorrowedAssignments<'a> {
    #[serde(default, borrow)]
    pub(crate) permissions: Vec<BorrowedEntry<'a>>,
    #[serde(default)]
    pub(crate) org_user: Option<OrgUserRef>,
}

/// [`crux_types::PermissionEntry`] with borrowed strings.
#[derive(Debug, Deserialize)]
pub(crate) struct BorrowedEntry<'a> {
    pub(crate) assigned: bool,
    #[serde(borrow)]
    pub(crate) permission: BorrowedPermission<'a>,
}

/// [`crux_types::Permission`] with borrowed strings.
#[derive(Debug, Deserialize)]
pub(crate) struct BorrowedPermission<'a> {
    pub(crate) uuid: PermissionId,
    pub(crate) name: &'a str,
    pub(crate) display_name: &'a str,
    pub(crate) description: &'a str,
    #[serde(default)]
    pub(crate) visibility: Option<PermissionVisibility>,
    #[serde(default)]
    pub(crate) grouping: Option<&'a str>,
}

/// Any JSON value, with every string checked as UTF-8 and nothing kept.
#[derive(Debug)]
pub(crate) struct ValidatedAny;

impl<'de> Deserialize<'de> for ValidatedAny {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValidatedVisitor)
    }
}

/// A map key, checked as UTF-8 (`deserialize_str`) and dropped.
struct ValidatedKey;

impl<'de> Deserialize<'de> for ValidatedKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_str(ValidatedVisitor)
            .map(|ValidatedAny| Self)
    }
}

struct ValidatedVisitor;

impl<'de> Visitor<'de> for ValidatedVisitor {
    type Value = ValidatedAny;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<ValidatedAny, E> {
        Ok(ValidatedAny)
    }

    fn visit_i64<E>(self, _: i64) -> Result<ValidatedAny, E> {
        Ok(ValidatedAny)
    }

    fn visit_u64<E>(self, _: u64) -> Result<ValidatedAny, E> {
        Ok(ValidatedAny)
    }

    fn visit_f64<E>(self, _: f64) -> Result<ValidatedAny, E> {
        Ok(ValidatedAny)
    }

    fn visit_str<E>(self, _: &str) -> Result<ValidatedAny, E> {
        Ok(ValidatedAny)
    }

    fn visit_unit<E>(self) -> Result<ValidatedAny, E> {
        Ok(ValidatedAny)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ValidatedAny, A::Error> {
        while seq.next_element::<ValidatedAny>()?.is_some() {}
        Ok(ValidatedAny)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ValidatedAny, A::Error> {
        while map.next_key::<ValidatedKey>()?.is_some() {
            map.next_value::<ValidatedAny>()?;
        }
        Ok(ValidatedAny)
    }
}

/// A hash of everything a users list holds, to check that a prototype
/// decodes the same content as the real models.
pub(crate) trait Fingerprint {
    /// Feeds every field to `h`.
    fn fingerprint(&self, h: &mut DefaultHasher);
}

/// The fingerprint of a whole list.
pub(crate) fn fingerprint<T: Fingerprint>(users: &[T]) -> u64 {
    let mut h = DefaultHasher::new();
    for user in users {
        user.fingerprint(&mut h);
    }
    h.finish()
}

fn person(
    h: &mut DefaultHasher,
    uuid: PersonId,
    first_name: &str,
    last_name: &str,
    email: &str,
    phone: Option<&str>,
    job_title: Option<&str>,
) {
    (uuid, first_name, last_name, email, phone, job_title).hash(h);
}

fn permission(
    h: &mut DefaultHasher,
    assigned: bool,
    (uuid, name, display_name, description): (PermissionId, &str, &str, &str),
    visibility: Option<&PermissionVisibility>,
    grouping: Option<&str>,
) {
    (assigned, uuid, name, display_name, description).hash(h);
    (visibility.map(PermissionVisibility::as_str), grouping).hash(h);
}

impl Fingerprint for crux_types::User {
    fn fingerprint(&self, h: &mut DefaultHasher) {
        let p = &self.person;
        self.uuid.hash(h);
        person(
            h,
            p.uuid,
            &p.first_name,
            &p.last_name,
            &p.email,
            p.phone.as_deref(),
            p.job_title.as_deref(),
        );
        for e in &self.permission_assignments.permissions {
            let q = &e.permission;
            let ids = (q.uuid, &*q.name, &*q.display_name, &*q.description);
            permission(
                h,
                e.assigned,
                ids,
                q.visibility.as_ref(),
                q.grouping.as_deref(),
            );
        }
        (self.permission_assignments.org_user, self.status.as_str()).hash(h);
    }
}

impl Fingerprint for InternedUser {
    fn fingerprint(&self, h: &mut DefaultHasher) {
        let p = &self.person;
        self.uuid.hash(h);
        person(
            h,
            p.uuid,
            &p.first_name,
            &p.last_name,
            &p.email,
            p.phone.as_deref(),
            p.job_title.as_deref(),
        );
        for e in &self.permission_assignments.permissions {
            let q = &*e.permission;
            let ids = (q.uuid, &*q.name, &*q.display_name, &*q.description);
            permission(
                h,
                e.assigned,
                ids,
                q.visibility.as_ref(),
                q.grouping.as_deref(),
            );
        }
        (self.permission_assignments.org_user, self.status.as_str()).hash(h);
    }
}

impl Fingerprint for BorrowedUser<'_> {
    fn fingerprint(&self, h: &mut DefaultHasher) {
        let p = &self.person;
        self.uuid.hash(h);
        person(
            h,
            p.uuid,
            p.first_name,
            p.last_name,
            p.email,
            p.phone,
            p.job_title,
        );
        for e in &self.permission_assignments.permissions {
            let q = &e.permission;
            let ids = (q.uuid, q.name, q.display_name, q.description);
            permission(h, e.assigned, ids, q.visibility.as_ref(), q.grouping);
        }
        (self.permission_assignments.org_user, self.status.as_str()).hash(h);
    }
}
