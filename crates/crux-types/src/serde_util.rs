//! Small serde helpers shared by the models. Crate-private.

use serde::{Deserialize, Deserializer};

/// Deserializes `T`, reading JSON `null` as `T::default()`.
///
/// Pair it with `#[serde(default)]` so that an absent field is also
/// `T::default()`: the API sends lists as `null` where it documents a list
/// (ERRATA E-28), and callers should not have to tell the three cases apart.
///
/// ```text
/// #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
/// permissions: Vec<PermissionEntry>,
/// ```
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
