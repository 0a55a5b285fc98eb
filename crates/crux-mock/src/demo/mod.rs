//! The deterministic demo dataset: organizations, users, permissions, each
//! organization's notifications, settings and billing data, and the recipe
//! of the product world.
//!
//! Every value is fixed (UUIDs, tokens, passwords), so tests and
//! documentation can hard-code them. UUIDs follow a readable scheme, all
//! valid version-4 UUIDs starting with `d` for "demo":
//!
//! | Prefix | Kind |
//! |---|---|
//! | `d0000000-…-0000000000NN` | permission NN |
//! | `d0000001-…-00000000000N` | organization N (`org_uuid`) |
//! | `d0000002-…-00000000000N` | retailer or supplier id of organization N |
//! | `d0000003-…-0000000000NN` | user NN (`User.uuid`, `user_uuid`) |
//! | `d0000004-…-0000000000NN` | the person behind user NN (`Person.uuid`) |
//! | `d0000005-…-00000000000N` | the account manager of organization N |
//! | `d0000006-…-00000000000N` | the person behind that account manager |
//! | `d0000007-…-00000000NNKK` | dashboard notification KK of organization NN |
//! | `d0000008-…-00000000UUKK` | notification setting KK of user UU |
//! | `d0000009-…-NNNNNNNNNNNN` | export NN (a sequence per server) |
//! | `d0000020-…` to `d0000026-…` | connections, catalogs, items, SKUs, inventory lists, categories, product images: the product world ([`products`]), then what is created at run time |
//!
//! Ids are typed constants checked at compile time ([`ids`]); tables refer
//! to each other through them (a user names its organization's constant,
//! not its name), so a typo does not compile. The crate README has the
//! full tables.

pub(crate) mod accounting;
pub(crate) mod discovery;
pub(crate) mod ids;
pub(crate) mod notifications;
pub(crate) mod organizations;
pub(crate) mod permissions;
pub(crate) mod products;
pub(crate) mod users;

pub use organizations::DEMO_ORGANIZATIONS;
pub use permissions::DEMO_PERMISSIONS;
pub use users::DEMO_USERS;

/// A demo user account; see [`DEMO_USERS`] and the crate README's table.
///
/// All strings are the exact values the mock serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DemoUser {
    /// The login username (an email address, as in the docs' samples).
    pub username: &'static str,
    /// The login password.
    pub password: &'static str,
    /// The API token: send `Authorization: Token <token>`. It is valid from
    /// the start; logging in is not needed to use it.
    pub token: &'static str,
    /// `Person.first_name`.
    pub first_name: &'static str,
    /// `Person.last_name`.
    pub last_name: &'static str,
    /// `Person.phone` (a fictional 555 number). `Person.email` is the
    /// username.
    pub phone: &'static str,
    /// The name of the user's organization ([`DemoOrganization::name`]).
    pub organization: &'static str,
    /// `"RETAILER"` or `"SUPPLIER"`.
    pub org_type: &'static str,
    /// `User.uuid` (and `user_uuid` in the login response).
    pub user_uuid: &'static str,
    /// `Person.uuid`.
    pub person_uuid: &'static str,
    /// `User.status`: `"ACTIVE"`, `"DEACTIVATED"` or
    /// `"CONFIRMATION WAITING"`. Only `ACTIVE` users can log in or use
    /// their token (the others get 400 and 401).
    pub status: &'static str,
    /// The names of the permissions assigned to the user.
    pub permissions: &'static [&'static str],
    /// What the account is for, e.g. `"retailer admin: every permission"`.
    pub description: &'static str,
}

impl DemoUser {
    /// The user's organization.
    #[must_use]
    pub fn org(&self) -> Option<&'static DemoOrganization> {
        DEMO_ORGANIZATIONS
            .iter()
            .find(|org| org.name == self.organization)
    }

    /// Whether the user is assigned permission `name`.
    #[must_use]
    pub fn has_permission(&self, name: &str) -> bool {
        self.permissions.contains(&name)
    }

    /// The first demo user with this username, if any.
    #[must_use]
    pub fn find(username: &str) -> Option<&'static DemoUser> {
        DEMO_USERS.iter().find(|user| user.username == username)
    }
}

/// A demo organization; see [`DEMO_ORGANIZATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DemoOrganization {
    /// Display name, also the key [`DemoUser::organization`] refers to.
    pub name: &'static str,
    /// `"RETAILER"` or `"SUPPLIER"`.
    pub org_type: &'static str,
    /// `org_uuid` in the login response.
    pub org_uuid: &'static str,
    /// `retailer_uuid` in the login response: the retailer id for a
    /// retailer organization, `""` for a supplier (as the API sends it,
    /// docs/spec-decisions.md, E-29).
    pub retailer_uuid: &'static str,
    /// `supplier_uuid` in the login response: the supplier id for a
    /// supplier organization, `""` for a retailer.
    pub supplier_uuid: &'static str,
}

/// A permission of the demo catalogue; see [`DEMO_PERMISSIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DemoPermission {
    /// `Permission.uuid`.
    pub uuid: &'static str,
    /// `Permission.name`, from the documented list (`permissions.md`).
    pub name: &'static str,
    /// `Permission.display_name`.
    pub display_name: &'static str,
    /// `Permission.description`.
    pub description: &'static str,
    /// `Permission.visibility`: `"BOTH"`, `"RETAILER"` or `"SUPPLIER"`.
    pub visibility: &'static str,
    /// `Permission.grouping`.
    pub grouping: &'static str,
}

impl DemoPermission {
    /// Whether an organization of type `org_type` (`"RETAILER"` or
    /// `"SUPPLIER"`) sees this permission.
    #[must_use]
    pub fn visible_to(&self, org_type: &str) -> bool {
        self.visibility == "BOTH" || self.visibility == org_type
    }
}
