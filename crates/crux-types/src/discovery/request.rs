//! Connection requests as the API returns them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::id::{ConnectionRequestId, FileUploadId, IntegrationId};
use crate::organization::AccountManager;
use crate::product::PageInfo;
use crate::time::Timestamp;

/// A retailer's request to connect to a supplier, as Get Requested
/// Connections and Get Requested Connection Detail return it (retailer
/// only).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConnectionRequest {
    /// Identifies the request: the id the request calls take.
    pub record_uuid: ConnectionRequestId,
    /// The supplier's name, as the request gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_name: Option<String>,
    /// The contact's full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_contact_full_name: Option<String>,
    /// The contact's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_phone: Option<String>,
    /// The contact's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_email: Option<String>,
    /// The retailer's account number at the supplier
    /// (docs/spec-decisions.md, E-16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retailer_account_number: Option<String>,
    /// The supplier's account number, when that side is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_account_number: Option<String>,
    /// Free text from the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_information: Option<String>,
    /// When the request was made: documented as a date and time, sent as a
    /// date (read as midnight UTC; docs/spec-decisions.md, E-30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_date: Option<Timestamp>,
    /// Whether the request was approved.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::lenient_bool_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_approved: Option<bool>,
    /// The CRUX employee who approved it (`{uuid, person}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<AccountManager>,
    /// The integrations asked for.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub integrations: Vec<Integration>,
    /// Files uploaded with the request.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub uploaded_files: Vec<FileUpload>,
}

/// An integration of a [`ConnectionRequest`], with the response names
/// (`integration_type`, `feed_source_file_locations`;
/// docs/spec-decisions.md, E-16).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Integration {
    /// Identifies the integration (documented as an object, sent as a
    /// string).
    pub record_uuid: IntegrationId,
    /// What the integration carries.
    pub integration_type: IntegrationType,
    /// How often it runs, a cron expression kept as sent
    /// (docs/spec-decisions.md, E-17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_frequency: Option<String>,
    /// Where its files are (URLs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed_source_file_locations: Option<String>,
    /// The files' specifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_specs: Option<String>,
    /// Its rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<String>,
    /// When it was created, a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<NaiveDate>,
}

string_enum! {
    /// What an integration carries. Written in the documented singular
    /// form; the samples' plurals are read as aliases
    /// (docs/spec-decisions.md, E-17).
    pub enum IntegrationType {
        /// Items.
        Item = "item" | "items",
        /// Orders.
        Order = "order" | "orders",
        /// Allocations.
        Allocation = "allocation" | "allocations",
        /// Tracking.
        Tracking = "tracking",
        /// Anything else.
        Other = "other",
    }
}

/// A file uploaded earlier, referred to by a connection request
/// (the `objects/file_upload` include). There is no upload call in v1
/// (docs/spec-decisions.md, E-42).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileUpload {
    /// The file's name.
    #[serde(default)]
    pub name: String,
    /// The upload event's id.
    pub uuid: FileUploadId,
}

/// One page of Get Requested Connections
/// (`GET /organizations/connections/request/`):
/// `{requests, pagination: {total_count, start, limit}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionRequestPage {
    /// The requests of this page.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub requests: Vec<ConnectionRequest>,
    /// Where this page is, and how many requests there are.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub pagination: PageInfo,
}

/// The answer of Request Connection (201): `{request_uuid, request_date}`;
/// the page's `uuid` is read too (docs/spec-decisions.md, E-16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConnectionRequestCreated {
    /// The new request.
    #[serde(alias = "uuid")]
    pub request_uuid: ConnectionRequestId,
    /// When it was received (sent with a space and an offset;
    /// docs/spec-decisions.md, E-30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_date: Option<Timestamp>,
}
