//! Dates and timestamps (docs/spec-decisions.md, E-30).
//!
//! The API sends two kinds of time value:
//!
//! - **Timestamps** (`created`, `created_date`, `created_at`, ...) are
//!   [`Timestamp`]s: an instant in UTC, read leniently from every format the
//!   samples use and written as RFC 3339 with `Z`.
//! - **Dates** (`YYYY-MM-DD`: accounting dates, subscription dates,
//!   `card_expiration`, ...) are [`chrono::NaiveDate`], with chrono's own
//!   serde support: read from and written as `YYYY-MM-DD`. A date that does
//!   not exist (`2017-13-06`) is a decode error.
//!
//! [`NaiveDate`] is re-exported at the crate root, so
//! callers need no direct chrono dependency to name it.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, SecondsFormat, Utc};
use serde::de::{self, Unexpected};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant, in UTC, as the API sends it in `created_at`, `created_date`
/// and similar fields.
///
/// Reading is lenient: every format seen in the docs' samples is accepted
/// (docs/spec-decisions.md, E-30):
///
/// | Sent as | Example |
/// |---|---|
/// | RFC 3339, `Z`, any fraction (6 digits in most samples) | `2017-11-06T20:41:02.497923Z` |
/// | RFC 3339 without a fraction | `2018-02-09T17:02:13Z` |
/// | a space instead of `T`, with an offset | `2018-04-12 23:38:06.923137+00:00` |
/// | a date only, read as midnight UTC | `2017-11-06` |
///
/// An offset other than `+00:00` is converted to UTC. Anything else
/// (including a date or time that does not exist, and an instant whose UTC
/// year is not one of RFC 3339's `0000` to `9999`) is a decode error, never
/// a panic.
///
/// Writing uses RFC 3339 in UTC with `Z` and only as many fraction digits as
/// needed (none, 3, 6 or 9; [`SecondsFormat::AutoSi`]). The two `Z` forms of
/// the samples therefore round-trip exactly; a space-separated or date-only
/// value comes back in the `T`/`Z` form, and a fraction such as `.500000`
/// comes back as `.500`.
///
/// [`Display`](fmt::Display) writes that same form and [`FromStr`] reads any
/// of the forms above. `Debug` writes `Timestamp(<RFC 3339>)` on one line.
///
/// ```
/// use crux_types::Timestamp;
///
/// let t: Timestamp = serde_json::from_str(r#""2018-04-12 23:38:06.923137+00:00""#)?;
/// assert_eq!(t.to_string(), "2018-04-12T23:38:06.923137Z");
///
/// let midnight: Timestamp = "2017-11-06".parse()?;
/// assert_eq!(serde_json::to_string(&midnight)?, r#""2017-11-06T00:00:00Z""#);
///
/// assert!(serde_json::from_str::<Timestamp>(r#""2017-13-06""#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// Wraps `instant`.
    #[must_use]
    pub const fn new(instant: DateTime<Utc>) -> Self {
        Self(instant)
    }

    /// The wrapped instant.
    #[must_use]
    pub const fn as_datetime(&self) -> &DateTime<Utc> {
        &self.0
    }

    /// Parses any of the formats listed in the [type docs](Self).
    fn parse(text: &str) -> Option<Self> {
        // RFC 3339 as chrono reads it: `T`, `t` or a space between date and
        // time, an optional fraction, `Z` or a numeric offset.
        let instant = match DateTime::parse_from_rfc3339(text) {
            Ok(instant) => instant.with_timezone(&Utc),
            Err(_) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()?
                .and_time(NaiveTime::MIN)
                .and_utc(),
        };
        // RFC 3339 has 4-digit years: an instant outside them in UTC
        // (`9999-12-31T23:59:59-23:59`, `12345-01-01`) could not be written
        // back in a form that reads again.
        (0..=9999)
            .contains(&instant.year())
            .then_some(Self(instant))
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(instant: DateTime<Utc>) -> Self {
        Self(instant)
    }
}

impl From<Timestamp> for DateTime<Utc> {
    fn from(timestamp: Timestamp) -> Self {
        timestamp.0
    }
}

/// Writes RFC 3339 in UTC with `Z` and as few fraction digits as needed.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

/// Writes `Timestamp(2017-11-06T20:41:02.497923Z)` on one line, even with
/// `{:#?}`.
impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

/// Reads any of the formats listed in the [type docs](Timestamp).
impl FromStr for Timestamp {
    type Err = ParseTimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or(ParseTimestampError(()))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;

        impl de::Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
            }
        }

        deserializer.deserialize_str(TimestampVisitor)
    }
}

/// What a timestamp must look like, for error messages.
const EXPECTED: &str = "a timestamp (RFC 3339, `YYYY-MM-DD hh:mm:ss[.f]+hh:mm` or `YYYY-MM-DD`)";

/// The error of parsing a [`Timestamp`] from a string in none of the
/// accepted formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseTimestampError(());

impl fmt::Display for ParseTimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid timestamp: expected {EXPECTED}")
    }
}

impl std::error::Error for ParseTimestampError {}

/// The request form of a timestamp, `YYYY-MM-DDThh:mm:ss.mmmZ`: UTC,
/// always three fraction digits (any finer fraction is cut, not rounded),
/// as the order query's date filters must be written
/// (docs/spec-decisions.md, E-30). Crate-private serde helper for an
/// `Option<Timestamp>`; reading accepts every form [`Timestamp`] does.
///
/// ```text
/// #[serde(default, with = "crate::time::request_form", skip_serializing_if = "Option::is_none")]
/// pub start_date: Option<Timestamp>,
/// ```
pub(crate) mod request_form {
    use chrono::SecondsFormat;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Timestamp;

    /// Writes `Some` as `2017-07-31T06:00:00.000Z`; `None` as `null`.
    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Timestamp>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(Timestamp(instant)) => {
                serializer.collect_str(&instant.to_rfc3339_opts(SecondsFormat::Millis, true))
            }
            None => serializer.serialize_none(),
        }
    }

    /// Reads `null` or any timestamp form.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Timestamp>, D::Error> {
        Option::<Timestamp>::deserialize(deserializer)
    }
}
