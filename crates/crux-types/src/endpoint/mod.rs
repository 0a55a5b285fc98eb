//! The endpoint catalogue: every endpoint of the CRUX Connect v1 API,
//! declared once, as data.
//!
//! Each [`Endpoint`] says how it is called (method and path template), who
//! may call it ([`Caller`]), which permissions the caller's user needs, and
//! where the spec describes it (its row in the spec's endpoint table).
//! Every other crate reads these facts from here rather than writing them
//! again:
//!
//! - `crux-api` builds request paths with [`Endpoint::path_with`];
//! - `crux-mock` registers its routes from [`Endpoint::path`] and checks
//!   the token, the permissions and the organization type with one guard;
//! - `crux-cli` names the endpoint and its permission in its messages;
//! - `docs/endpoints.md` is generated from [`ALL`] (`cargo xtask endpoints`),
//!   and a test fails when the two differ.
//!
//! Each endpoint has an operation name, `resource.verb`
//! ([`Endpoint::name`]), that is also the `crux-api` method
//! (`client.resource().verb(..)`) and the CLI command (`crux resource
//! verb`), so the verbs are the same everywhere: `list`, `get`, `create`,
//! `search`, `export`, `add_*`, `remove_*`.
//!
//! ```
//! use crux_types::endpoint::{self, Caller, HttpMethod};
//!
//! let e = endpoint::USERS_GET;
//! assert_eq!(e.method, HttpMethod::Get);
//! assert_eq!(e.caller, Caller::Both);
//! assert_eq!(e.permissions, ["view_org_users"]);
//! let path = e.path_with(&["0b5c2a4e-8d2a-4f5e-9c61-3f0d6a1e9b77"]).unwrap();
//! assert_eq!(path, "/organizations/users/detail/0b5c2a4e-8d2a-4f5e-9c61-3f0d6a1e9b77/");
//! assert_eq!(endpoint::ALL.len(), 59);
//! ```

mod catalogue;
mod path;

use std::fmt;

pub use catalogue::*;
pub use path::PathError;

use crate::OrgType;

/// One endpoint of the API. The 59 values are the constants of this module
/// and the rows of [`ALL`]; they are not built elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Endpoint {
    /// The row of this endpoint in the spec's endpoint table (1 to 59).
    pub row: u8,
    /// The operation, as `resource.verb` (`"users.get"`); `"login"` for
    /// the one call without a resource.
    pub name: &'static str,
    /// The HTTP method.
    pub method: HttpMethod,
    /// Whether the call only reads: it changes nothing on the server, so
    /// sending it twice is harmless whatever its method. Every GET, and the
    /// POSTs that carry a query (the searches and the fee quote); never an
    /// export, which creates one.
    pub read: bool,
    /// The path template, with `{snake_case}` placeholders and the trailing
    /// slash (`/organizations/users/detail/{user_uuid}/`).
    pub path: &'static str,
    /// Which organizations may call it.
    pub caller: Caller,
    /// The permissions the caller's user needs, all of them (each only for
    /// the organization types that have it; see
    /// [`permission_applies_to`]).
    pub permissions: &'static [&'static str],
    /// Where [`permissions`](Self::permissions) comes from.
    pub permission_source: PermissionSource,
    /// The section of the documentation.
    pub section: Section,
    /// Whether crux-rs implements it (client, sandbox and CLI) yet.
    pub implemented: bool,
}

impl Endpoint {
    /// The resource part of [`name`](Self::name) (`"users"` for
    /// `"users.get"`).
    pub fn resource(&self) -> &'static str {
        self.name.split_once('.').map_or(self.name, |(r, _)| r)
    }

    /// The verb part of [`name`](Self::name) (`"get"` for `"users.get"`).
    pub fn verb(&self) -> &'static str {
        self.name.split_once('.').map_or(self.name, |(_, v)| v)
    }

    /// The names of the path's placeholders, in order (`["user_uuid"]`).
    pub fn path_params(&self) -> impl Iterator<Item = &'static str> {
        path::placeholders(self.path)
    }

    /// The path with each placeholder replaced by the matching value of
    /// `params`, percent-encoded so that a value can never change the path
    /// it is put in.
    ///
    /// # Errors
    /// [`PathError`] when `params` has more or fewer values than the
    /// template has placeholders, or a value is empty.
    pub fn path_with(&self, params: &[&str]) -> Result<String, PathError> {
        path::render(self.path, params)
    }

    /// Whether an organization of type `org_type` may call it (the API
    /// answers 409 otherwise).
    pub fn allows(&self, org_type: &OrgType) -> bool {
        self.caller.allows(org_type)
    }

    /// The permissions a user of an organization of type `org_type` needs.
    pub fn permissions_for<'a>(
        &'a self,
        org_type: &'a OrgType,
    ) -> impl Iterator<Item = &'static str> + 'a {
        self.permissions
            .iter()
            .copied()
            .filter(move |p| permission_applies_to(p, org_type))
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// The HTTP methods the API uses (a small copy of the `http` crate's, which
/// crux-types does not depend on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HttpMethod {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl HttpMethod {
    /// The method's name, upper case.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who may call an endpoint: from the documentation section it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Caller {
    /// Anyone, without a token: only the login call.
    NoToken,
    /// A user of a retailer or a supplier.
    Both,
    /// A user of a retailer; a supplier gets 409.
    Retailer,
    /// A user of a supplier; a retailer gets 409.
    Supplier,
}

impl Caller {
    /// Whether an organization of type `org_type` may call. An unknown
    /// organization type may call only what both types may.
    pub fn allows(self, org_type: &OrgType) -> bool {
        match self {
            Self::NoToken | Self::Both => true,
            Self::Retailer => *org_type == OrgType::Retailer,
            Self::Supplier => *org_type == OrgType::Supplier,
        }
    }

    /// `"no token"`, `"both"`, `"retailer"` or `"supplier"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NoToken => "no token",
            Self::Both => "both",
            Self::Retailer => "retailer",
            Self::Supplier => "supplier",
        }
    }
}

impl fmt::Display for Caller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an endpoint's permissions come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PermissionSource {
    /// The endpoint's page names them.
    Stated,
    /// The page names none; the permission list's closest match is used
    /// (docs/spec-decisions.md, E-32).
    Inferred,
    /// Nothing is stated and nothing matches: any valid token may call.
    None,
}

/// The section of the documentation an endpoint is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Section {
    /// Users, permissions, the organization, notifications.
    Organization,
    /// Subscription, payment method, transactions (unpublished pages).
    Accounting,
    /// Connections and supplier discovery.
    Discovery,
    /// Orders, fees, tracking and allocation.
    Ordering,
    /// Catalogs, items, SKUs and inventory lists.
    Product,
}

/// Whether `permission` exists for organizations of type `org_type`: the
/// spec lists three permissions for retailers only and five for suppliers
/// only ([`RETAILER_ONLY_PERMISSIONS`], [`SUPPLIER_ONLY_PERMISSIONS`]); the
/// others are for both.
pub fn permission_applies_to(permission: &str, org_type: &OrgType) -> bool {
    if RETAILER_ONLY_PERMISSIONS.contains(&permission) {
        *org_type == OrgType::Retailer
    } else if SUPPLIER_ONLY_PERMISSIONS.contains(&permission) {
        *org_type == OrgType::Supplier
    } else {
        true
    }
}

/// The endpoint with this method and path template, if any.
pub fn find(method: HttpMethod, path: &str) -> Option<&'static Endpoint> {
    ALL.iter().find(|e| e.method == method && e.path == path)
}

/// The endpoint with this operation name (`"users.get"`), if any.
pub fn by_name(name: &str) -> Option<&'static Endpoint> {
    ALL.iter().find(|e| e.name == name)
}

#[cfg(test)]
mod tests;
