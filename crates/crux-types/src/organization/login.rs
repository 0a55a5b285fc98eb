//! Login: the credentials sent to `POST /organizations/user-login/` and the
//! token and account data it returns.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::PermissionAssignments;
use crate::id::{OrganizationId, RetailerId, SupplierId, UserId};

/// The body of Retrieve Auth Token (`POST /organizations/user-login/`), the
/// only call made without a token.
///
/// `Debug` shows the username but never the password:
///
/// ```
/// use crux_types::LoginRequest;
///
/// let request = LoginRequest::new("user@mycompany.com", "crux_is_awesome");
/// assert_eq!(
///     format!("{request:?}"),
///     r#"LoginRequest { username: "user@mycompany.com", password: <redacted> }"#,
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRequest {
    /// The account's username (an email address in the docs' samples).
    pub username: String,
    /// The account's password, sent as is.
    pub password: String,
}

impl LoginRequest {
    /// A request for `username` with `password`.
    #[must_use]
    pub fn new(username: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
        }
    }
}

/// Shows the username; the password is replaced by `<redacted>`.
impl fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginRequest")
            .field("username", &self.username)
            .field("password", &Redacted)
            .finish()
    }
}

/// The response of Retrieve Auth Token (`POST /organizations/user-login/`):
/// the token for every later call, plus who the caller is.
///
/// Documented only in the page's prose (ENDPOINTS.md, "Response objects
/// defined only in page prose"). `Debug` never shows the token (see
/// [`AuthToken`]).
///
/// # `retailer_uuid` and `supplier_uuid` (docs/spec-decisions.md, E-29)
///
/// Only the id matching [`org_type`](Self::org_type) is meaningful; the API
/// sends the other one as an empty string. Both fields decode `""`, `null`
/// or a missing key as `None`, and encode `None` as `""`, so that the
/// documented sample is written back exactly as received. A non-empty
/// string that is not a UUID is a decode error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginResponse {
    /// The token to send as `Authorization: Token <auth_token>`.
    pub auth_token: AuthToken,
    /// The caller's organization.
    pub org_uuid: OrganizationId,
    /// The caller (the same id as `User.uuid`).
    pub user_uuid: UserId,
    /// The retailer id, for a retailer organization; `None` otherwise (sent
    /// as `""`, see the [type docs](Self)).
    #[serde(
        default,
        deserialize_with = "empty_as_none::deserialize",
        serialize_with = "empty_as_none::serialize"
    )]
    pub retailer_uuid: Option<RetailerId>,
    /// The supplier id, for a supplier organization; `None` otherwise (sent
    /// as `""`, see the [type docs](Self)).
    #[serde(
        default,
        deserialize_with = "empty_as_none::deserialize",
        serialize_with = "empty_as_none::serialize"
    )]
    pub supplier_uuid: Option<SupplierId>,
    /// Whether the caller's organization is a retailer or a supplier.
    pub org_type: OrgType,
    /// The permissions available to the caller, each marked assigned or not.
    pub permission_assignments: PermissionAssignments,
}

string_enum! {
    /// The type of an organization (`org_type`): retailers order from
    /// suppliers. Several endpoints are reserved to one type.
    pub enum OrgType {
        /// A retailer organization.
        Retailer = "RETAILER",
        /// A supplier organization.
        Supplier = "SUPPLIER",
    }
}

/// An API authentication token (`auth_token`), a secret.
///
/// - JSON: the plain string (`#[serde(transparent)]`).
/// - `Debug` writes `AuthToken(<redacted>)`; there is no `Display`, so the
///   token cannot end up in a log line by accident. Read it with
///   [`expose_secret`](Self::expose_secret) where it is really needed (the
///   `Authorization` header).
///
/// ```
/// use crux_types::AuthToken;
///
/// let token = AuthToken::new("47d4yfbwymedhiudj384702984nakju4hajh395d");
/// assert_eq!(format!("{token:?}"), "AuthToken(<redacted>)");
/// assert_eq!(token.expose_secret(), "47d4yfbwymedhiudj384702984nakju4hajh395d");
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AuthToken(String);

impl AuthToken {
    /// Wraps `token`. No validation: the token is opaque.
    #[must_use]
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The token text, for building the `Authorization` header. Keep it out
    /// of logs and error messages.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl From<String> for AuthToken {
    fn from(token: String) -> Self {
        Self(token)
    }
}

/// Writes `AuthToken(<redacted>)` on one line (even with `{:#?}`),
/// whatever the token.
impl fmt::Debug for AuthToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthToken(<redacted>)")
    }
}

/// Debug-formats as `<redacted>` (no quotes).
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// `Option<Id>` sent as `""` when absent (docs/spec-decisions.md, E-29).
mod empty_as_none {
    use serde::de::IntoDeserializer;
    use serde::de::value::StrDeserializer;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Decodes `""` and `null` as `None`, any other string as `T`.
    pub(super) fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) if text.is_empty() => Ok(None),
            Some(text) => {
                let inner: StrDeserializer<'_, D::Error> = text.as_str().into_deserializer();
                T::deserialize(inner).map(Some)
            }
        }
    }

    /// Encodes `None` as `""`, `Some(id)` as the id.
    pub(super) fn serialize<S, T>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
        T: Serialize,
    {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_str(""),
        }
    }
}
