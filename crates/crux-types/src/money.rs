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
        // Most amounts have a few decimals: found without formatting.
        if let Some(amount) = few_decimals(v) {
            return Ok(amount);
        }
        // Written on the stack: a money amount is short, and this runs for
        // every price of every SKU. A longer text (more digits than a
        // `Decimal` holds) goes through a `String`, to fail the same way.
        let mut buffer = StackText::default();
        let parsed = if fmt::Write::write_fmt(&mut buffer, format_args!("{v}")).is_ok() {
            Decimal::from_str_exact(buffer.as_str())
        } else {
            Decimal::from_str_exact(&v.to_string())
        };
        parsed.map_err(|_| E::invalid_value(Unexpected::Float(v), &self))
    }
}

/// The decimal that `Display` writes for `v` (the shortest that reads back
/// as `v`), with the same scale, when it has at most 6 decimals and fewer
/// than 2^52 units of its last decimal; else `None`.
///
/// At scale `s` (0, 1, ... 6) the candidate is `m = round(v * 10^s)`:
/// `m / 10^s` (one correctly rounded division of two exact values) is the
/// f64 that the decimal `m * 10^-s` reads as, so it reads back as `v` when
/// that equals `v`. Below 2^52 units the spacing of f64s around `v` is less
/// than one unit, so at most one candidate per scale reads back as `v`, and
/// the first scale with one gives the shortest decimal: `Display`'s.
/// Zero is left out (`Display` keeps the sign of `-0`).
fn few_decimals(v: f64) -> Option<Decimal> {
    const LIMIT: f64 = 4_503_599_627_370_496.0; // 2^52
    if v == 0.0 || !v.is_finite() {
        return None;
    }
    let mut power = 1.0_f64;
    for scale in 0..=6 {
        let scaled = v * power;
        if scaled.abs() >= LIMIT {
            return None;
        }
        let units = scaled.round();
        if units / power == v {
            // |units| < 2^52: exact as an i64.
            return Some(Decimal::new(units as i64, scale));
        }
        power *= 10.0;
    }
    None
}

/// A short text written on the stack; writing more than fits fails.
struct StackText {
    bytes: [u8; 48],
    len: usize,
}

impl Default for StackText {
    fn default() -> Self {
        Self {
            bytes: [0; 48],
            len: 0,
        }
    }
}

impl StackText {
    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever appended, so this is always valid.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
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

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Amount(#[serde(with = "super")] Decimal);

    fn read(json: &str) -> Result<String, serde_json::Error> {
        serde_json::from_str::<Amount>(json).map(|Amount(amount)| amount.to_string())
    }

    #[test]
    fn a_json_number_reads_as_the_decimal_it_was_written_as() {
        assert_eq!(read("20.99").unwrap(), "20.99");
        assert_eq!(read("0.9995238095238095").unwrap(), "0.9995238095238095");
        assert_eq!(read("1e-7").unwrap(), "0.0000001");
        assert_eq!(read("-1234567.5").unwrap(), "-1234567.5");
        // 31 digits written without an exponent: still on the stack, and too
        // large for a Decimal.
        assert!(read("1e30").is_err());
    }

    /// What the amount was before the fast paths: `Display`, then parsed.
    fn by_text(v: f64) -> Option<Decimal> {
        Decimal::from_str_exact(&v.to_string()).ok()
    }

    #[test]
    fn the_few_decimals_path_gives_the_decimal_and_scale_of_the_text() {
        let mut checked = 0;
        let mut check = |v: f64| {
            if let Some(fast) = super::few_decimals(v) {
                let slow = by_text(v).expect("a short decimal reads");
                // Equal as text: the same value and the same scale.
                assert_eq!(fast.to_string(), slow.to_string(), "{v:?}");
                checked += 1;
            }
        };
        // Prices in cents and in thousandths, both signs.
        for units in -20_000..20_000_i64 {
            check(units as f64 / 100.0);
            check(units as f64 / 1000.0);
        }
        // Arbitrary doubles over many magnitudes (splitmix64).
        let mut state = 0x00C0_FFEE_u64;
        for _ in 0..30_000 {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            let magnitude = 10_f64.powi((z % 24) as i32 - 8);
            let v = (z >> 11) as f64 / (1_u64 << 53) as f64 * magnitude;
            check(v);
            check(-v);
            // Rounded to a few decimals, as prices are.
            check((v * 1e3).round() / 1e3);
            check(1e15 + (z % 1000) as f64 / 10.0);
        }
        assert!(
            checked > 100_000,
            "only {checked} values took the fast path"
        );
        // Left to the text: zero (its sign), and more than six decimals.
        assert_eq!(super::few_decimals(0.0), None);
        assert_eq!(super::few_decimals(-0.0), None);
        assert_eq!(super::few_decimals(0.9995238095238095), None);
    }

    #[test]
    fn a_json_number_longer_than_the_stack_text_fails_as_too_large() {
        // `Display` writes 1e50 as 51 digits: more than the stack text
        // holds, so it is read through a `String`, and no Decimal holds it.
        let error = read("1e50").unwrap_err().to_string();
        assert!(error.contains("invalid value: floating point"), "{error}");
    }
}
