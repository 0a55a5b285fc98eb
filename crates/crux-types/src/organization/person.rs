//! The Person object.

use serde::{Deserialize, Serialize};

use crate::id::PersonId;

/// A person: the name and contact details behind a [`User`](super::User).
///
/// Documented in the `objects/person.md` include. Strings are kept exactly
/// as sent, including surrounding whitespace (the Get All Users sample has
/// `"first_name": "Crux "`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Person {
    /// Identifies the person.
    pub uuid: PersonId,
    /// First name, ready for display (UTF-8, case as entered, at most 200
    /// characters).
    pub first_name: String,
    /// Last name, ready for display (UTF-8, case as entered, at most 200
    /// characters).
    pub last_name: String,
    /// Email address.
    pub email: String,
    /// Phone number, free-form (for example `"(617)395-2696"`).
    ///
    /// `None` when the API sends `null` or leaves the field out
    /// (docs/spec-decisions.md, E-28); never serialized when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Job title.
    ///
    /// Commented out in the docs' field list but present in samples, often
    /// as `null` (docs/spec-decisions.md, E-35). `None` when `null` or absent; never
    /// serialized when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
}
