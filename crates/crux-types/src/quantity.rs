//! Quantities and counts (docs/spec-decisions.md, E-07). Crate-private serde
//! helpers.
//!
//! The docs type quantities (`quantity_in_stock`, `num_skus`, pagination
//! `start` and `limit` ...) as integers, but request samples send them as
//! numeric strings (`"500"`). Decoding accepts a JSON integer or a string
//! holding one (ASCII digits, no sign, no spaces, no fraction); anything
//! else, or a value that does not fit a `u32`, is a decode error. Encoding
//! is serde's own: a JSON integer.
//!
//! ```text
//! #[serde(deserialize_with = "crate::quantity::deserialize")]
//! pub minimum_tier_quantity: u32,
//! #[serde(default, deserialize_with = "crate::quantity::option", skip_serializing_if = "Option::is_none")]
//! pub quantity_in_stock: Option<u32>,
//! ```

use std::fmt;

use serde::de::{self, Unexpected};
use serde::{Deserialize, Deserializer};

/// Reads a JSON integer or a numeric string as a `u32`.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    deserializer.deserialize_any(QuantityVisitor)
}

/// [`deserialize`] for an `Option<u32>`: `null` is `None`. Pair it with
/// `#[serde(default)]` so that a missing key is `None` too.
pub(crate) fn option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    /// A `u32` read with [`deserialize`].
    struct Quantity(u32);

    impl<'de> Deserialize<'de> for Quantity {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize(deserializer).map(Self)
        }
    }

    Ok(Option::<Quantity>::deserialize(deserializer)?.map(|Quantity(value)| value))
}

/// Accepts a non-negative JSON integer or a string of ASCII digits.
struct QuantityVisitor;

impl de::Visitor<'_> for QuantityVisitor {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a non-negative integer, as a number (500) or a string (\"500\")")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
        // `u32::from_str` would also accept a leading `+`.
        if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
            return Err(E::invalid_value(Unexpected::Str(v), &self));
        }
        v.parse()
            .map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }
}
