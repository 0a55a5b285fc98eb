//! The Request Connection and Update Connection Request bodies.

use serde::{Deserialize, Serialize};

use super::{FileUpload, IntegrationType};
use crate::id::IntegrationId;

/// The body of Request Connection (`POST /organizations/connections/request/`,
/// retailer only). Answered with a
/// [`ConnectionRequestCreated`](super::ConnectionRequestCreated).
///
/// Written with the sample's names: `integrations` (the page says
/// `requested_integrations`) and `retailer_account_number` (the page says
/// `organization_account_number`); both page names are read too
/// (docs/spec-decisions.md, E-16).
///
/// ```
/// use crux_types::NewConnectionRequest;
///
/// let request = NewConnectionRequest::new("Bob Big Boy", "Bob Brown");
/// assert_eq!(
///     serde_json::to_string(&request)?,
///     r#"{"organization_name":"Bob Big Boy","primary_contact_name":"Bob Brown"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewConnectionRequest {
    /// The supplier's name. Always sent.
    #[serde(default)]
    pub organization_name: String,
    /// The supplier's contact person. Always sent.
    #[serde(default)]
    pub primary_contact_name: String,
    /// The contact's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_phone: Option<String>,
    /// The contact's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_email: Option<String>,
    /// The retailer's account number at the supplier.
    #[serde(
        default,
        alias = "organization_account_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub retailer_account_number: Option<String>,
    /// Free text: links to samples or specifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_information: Option<String>,
    /// The integrations asked for; not sent when empty.
    #[serde(
        default,
        alias = "requested_integrations",
        deserialize_with = "crate::serde_util::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub integrations: Vec<NewIntegration>,
    /// Files uploaded earlier; not sent when empty.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub uploaded_files: Vec<FileUpload>,
}

impl NewConnectionRequest {
    /// A request to the supplier `organization_name`, whose contact is
    /// `primary_contact_name`.
    #[must_use]
    pub fn new(
        organization_name: impl Into<String>,
        primary_contact_name: impl Into<String>,
    ) -> Self {
        Self {
            organization_name: organization_name.into(),
            primary_contact_name: primary_contact_name.into(),
            ..Self::default()
        }
    }
}

/// An integration asked for in a [`NewConnectionRequest`], with the
/// request names (`type`, `file_locations`; docs/spec-decisions.md, E-16).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewIntegration {
    /// What it carries.
    #[serde(rename = "type")]
    pub integration_type: IntegrationType,
    /// How often it runs, a cron expression (docs/spec-decisions.md, E-17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_frequency: Option<String>,
    /// Where its files are (URLs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_locations: Option<String>,
    /// The files' specifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_specs: Option<String>,
    /// Its rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<String>,
}

impl NewIntegration {
    /// An integration of `integration_type`, with nothing else set.
    #[must_use]
    pub const fn new(integration_type: IntegrationType) -> Self {
        Self {
            integration_type,
            update_frequency: None,
            file_locations: None,
            file_specs: None,
            rules: None,
        }
    }
}

/// The body of Update Connection Request
/// (`PATCH /organizations/connections/request/{request_uuid}/`, retailer
/// only; answered 204). Every field is optional and not sent when `None`.
///
/// Its integrations use the response names, as its sample does
/// (docs/spec-decisions.md, E-16).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConnectionRequestUpdate {
    /// The supplier's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_name: Option<String>,
    /// The supplier's contact person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_name: Option<String>,
    /// The contact's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_phone: Option<String>,
    /// The contact's email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_email: Option<String>,
    /// The retailer's account number at the supplier.
    #[serde(
        default,
        alias = "organization_account_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub retailer_account_number: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_information: Option<String>,
    /// The integrations, replacing or adding to the request's.
    #[serde(
        default,
        alias = "requested_integrations",
        skip_serializing_if = "Option::is_none"
    )]
    pub integrations: Option<Vec<IntegrationUpdate>>,
    /// Files uploaded earlier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_files: Option<Vec<FileUpload>>,
}

/// An integration in a [`ConnectionRequestUpdate`]: `record_uuid` picks an
/// existing one; the request names `type` and `file_locations` are read
/// too (docs/spec-decisions.md, E-16).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IntegrationUpdate {
    /// The integration to change; `None` adds one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_uuid: Option<IntegrationId>,
    /// What it carries.
    #[serde(default, alias = "type", skip_serializing_if = "Option::is_none")]
    pub integration_type: Option<IntegrationType>,
    /// How often it runs, a cron expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_frequency: Option<String>,
    /// Where its files are (URLs).
    #[serde(
        default,
        alias = "file_locations",
        skip_serializing_if = "Option::is_none"
    )]
    pub feed_source_file_locations: Option<String>,
    /// The files' specifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_specs: Option<String>,
    /// Its rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<String>,
}
