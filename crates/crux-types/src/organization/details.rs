//! The Organization object, returned by Get Organization Details.

use serde::{Deserialize, Serialize};

use super::{AccountManager, OrgType};
use crate::id::OrganizationId;
use crate::time::Timestamp;

/// The caller's organization, as returned by Get Organization Details
/// (`GET /organizations/`).
///
/// Documented in the `objects/organization.md` include.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Organization {
    /// Identifies the organization (the same id as `org_uuid` in the login
    /// response).
    pub uuid: OrganizationId,
    /// The organization's name, verbatim.
    pub name: String,
    /// Whether the organization is a retailer or a supplier.
    pub org_type: OrgType,
    /// The organization's status.
    pub status: OrganizationStatus,
    /// When the organization was created in CRUX (sent without a fraction
    /// in the sample, `"2018-02-09T17:02:13Z"`) (docs/spec-decisions.md, E-30).
    pub created_date: Timestamp,
    /// When the organization became active.
    ///
    /// `null` in the sample (docs/spec-decisions.md, E-28). `None` when
    /// `null` or absent; never serialized when `None`. Read as a [`Timestamp`] like
    /// `created_date`, so a date-only value is accepted too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_date: Option<Timestamp>,
    /// The organization's CRUX account manager.
    ///
    /// Documented as an object, but `null` in the connection samples
    /// (docs/spec-decisions.md, E-28). `None` when `null` or absent; never
    /// serialized when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_manager: Option<AccountManager>,
}

string_enum! {
    /// An organization's status (`Organization.status`).
    pub enum OrganizationStatus {
        /// The organization is not active yet.
        Pending = "PENDING",
        /// The organization is active.
        Active = "ACTIVE",
        /// The organization is deactivated.
        Deactivated = "DEACTIVATED",
    }
}
