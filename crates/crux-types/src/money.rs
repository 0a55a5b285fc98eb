//! Money amounts (docs/spec-decisions.md, E-07). Crate-private serde helpers.
//!
//! Amounts are [`rust_decimal::Decimal`]: exact decimal arithmetic, never
//! `f64`. A `Decimal` keeps its scale, so `"12.00"` stays `12.00` (and
//! `10.99 + 0.01` is `11.00`).
//!
//! The JSON form is pinned here rather than left to rust_decimal's own serde
//! support, whose format depends on cargo features (`serde-float`,
//! `serde-str`, ...) that any other crate in a build could switch on:
//!
//! - decoding accepts a decimal string (`"12.00"`, the form accounting
//!   responses use) or a JSON number (`12`, `0.9995238095238095`, the form
//!   other responses use). A number is read through its shortest decimal
//!   form, so `0.1` is `0.1`, not the nearest binary fraction. A string with
//!   more digits than a `Decimal` holds is an error, not a rounding;
//! - encoding writes the decimal string with its scale (`"12.00"`), so an
//!   amount received as a string is written back byte for byte.
//!
//! ```text
//! #[serde(with = "crate::money")]
//! pub total: Decimal,
//! ```

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Unexpected};
use serde::{Deserializer, Serializer};

/// Writes the decimal string, scale included.
pub(crate) fn serialize<S: Serializer>(amount: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(amount)
}

/// Reads a decimal string or a JSON number.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(AmountVisitor)
}

/// Accepts a decimal string or a JSON number.
struct AmountVisitor;

impl de::Visitor<'_> for AmountVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal amount, as a string (\"12.00\") or a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        Decimal::from_str_exact(v).map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        // `Display` for f64 writes the shortest string that reads back as
        // the same f64, never in exponent form: the decimal the sender meant.
        Decimal::from_str_exact(&v.to_string())
            .map_err(|_| E::invalid_value(Unexpected::Float(v), &self))
    }
}

/// The same JSON form for an `Option<Decimal>`: `null` (or, with
/// `#[serde(default)]`, a missing key) is `None`; `None` is written as
/// `null`, so pair it with `skip_serializing_if = "Option::is_none"`.
///
/// ```text
/// #[serde(default, with = "crate::money::option", skip_serializing_if = "Option::is_none")]
/// pub msrp: Option<Decimal>,
/// ```
pub(crate) mod option {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the decimal string, or `null` for `None`.
    pub(crate) fn serialize<S: Serializer>(
        amount: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match amount {
            Some(amount) => super::serialize(amount, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads `null`, a decimal string or a JSON number.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        /// A `Decimal` read with the module's visitor.
        struct Amount(Decimal);

        impl<'de> Deserialize<'de> for Amount {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                super::deserialize(deserializer).map(Self)
            }
        }

        Ok(Option::<Amount>::deserialize(deserializer)?.map(|Amount(amount)| amount))
    }
}
