//! Exports: the Get Transactions Export body and the export id it returns.

use serde::{Deserialize, Deserializer, Serialize};

use crate::id::ExportId;

/// The body of Get Transactions Export
/// (`POST /accounting/transactions/export/`): the empty object `{}`.
///
/// The call takes no parameters; the docs' examples send `{}`. Decoding
/// ignores any member.
///
/// ```
/// use crux_types::TransactionsExportRequest;
///
/// assert_eq!(serde_json::to_string(&TransactionsExportRequest {})?, "{}");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TransactionsExportRequest {}

/// The response of an export call: the id of the export, whose CSV file the
/// API emails to the caller (the file itself never comes back).
///
/// Returned by Get Transactions Export
/// (`POST /accounting/transactions/export/`) as `{"uuid": ...}`.
///
/// Decoding also accepts `{"export": {"uuid": ...}}`, the shape the item
/// export endpoints send (docs/spec-decisions.md, E-24); a top-level
/// `uuid` wins when both are present. Encoding always writes `{"uuid": ...}`.
///
/// ```
/// use crux_types::ExportRef;
///
/// let flat: ExportRef =
///     serde_json::from_str(r#"{"uuid": "e5682624-3167-47d2-8b09-3cdf3c1fd61b"}"#)?;
/// let nested: ExportRef =
///     serde_json::from_str(r#"{"export": {"uuid": "e5682624-3167-47d2-8b09-3cdf3c1fd61b"}}"#)?;
/// assert_eq!(flat, nested);
/// assert_eq!(
///     serde_json::to_string(&nested)?,
///     r#"{"uuid":"e5682624-3167-47d2-8b09-3cdf3c1fd61b"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ExportRef {
    /// Identifies the export.
    pub uuid: ExportId,
}

impl<'de> Deserialize<'de> for ExportRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Both accepted shapes, as one struct (no `flatten`, no `untagged`,
        /// so errors keep their position).
        #[derive(Deserialize)]
        #[serde(expecting = "an export, `{\"uuid\": ...}` or `{\"export\": {\"uuid\": ...}}`")]
        struct Wire {
            #[serde(default)]
            uuid: Option<ExportId>,
            #[serde(default)]
            export: Option<Nested>,
        }

        /// The inner object of `{"export": {"uuid": ...}}`.
        #[derive(Deserialize)]
        struct Nested {
            uuid: ExportId,
        }

        let wire = Wire::deserialize(deserializer)?;
        match (wire.uuid, wire.export) {
            (Some(uuid), _) | (None, Some(Nested { uuid })) => Ok(Self { uuid }),
            (None, None) => Err(serde::de::Error::missing_field("uuid")),
        }
    }
}
