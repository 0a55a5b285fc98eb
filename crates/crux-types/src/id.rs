//! Typed entity ids.
//!
//! Every CRUX Connect entity is identified by a UUID sent as a JSON string
//! (`"3a7acb28-ab13-437e-8c35-46cf4f0bea49"`). Each kind of entity gets its
//! own newtype over [`Uuid`], so a [`PersonId`] can never be passed where a
//! [`UserId`] is expected, at no runtime cost.
//!
//! All ids share the same API:
//!
//! - JSON: the plain UUID string (`#[serde(transparent)]`). Decoding accepts
//!   every form [`Uuid::parse_str`] does; encoding writes the hyphenated
//!   lowercase form. A string that is not a UUID is a decode error.
//! - [`Display`](fmt::Display) writes the hyphenated lowercase form and
//!   [`FromStr`] parses it back (`Err = uuid::Error`).
//! - `new` (a `const fn`), `as_uuid`, `From<Uuid>` and `From<Id> for Uuid`.
//! - `Copy`, `Eq`, `Hash` and `Ord`, so ids work as map keys.
//!
//! A few ids are codes rather than UUIDs (docs/spec-decisions.md, E-45);
//! those are newtypes over `String`, kept verbatim ([`TransactionId`]).
//!
//! ```
//! use crux_types::UserId;
//!
//! let id: UserId = "3a7acb28-ab13-437e-8c35-46cf4f0bea49".parse()?;
//! assert_eq!(id.to_string(), "3a7acb28-ab13-437e-8c35-46cf4f0bea49");
//! assert_eq!(serde_json::to_string(&id)?, r#""3a7acb28-ab13-437e-8c35-46cf4f0bea49""#);
//! assert!("not-a-uuid".parse::<UserId>().is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Defines a typed id: a newtype over [`Uuid`] with the API described in the
/// [module docs](self). Adding an id is one invocation:
///
/// ```text
/// entity_id! {
///     /// Identifies an organization.
///     pub struct OrganizationId;
/// }
/// ```
macro_rules! entity_id {
    ($(#[$meta:meta])* $vis:vis struct $name:ident;) => {
        $(#[$meta])*
        ///
        /// Serialized as the plain UUID string; see the [module docs](self).
        #[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        $vis struct $name(Uuid);

        impl $name {
            #[doc = concat!("Wraps `uuid` as a [`", stringify!($name), "`].")]
            #[must_use]
            pub const fn new(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// Returns the wrapped [`Uuid`].
            #[must_use]
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        /// Writes `Name(hyphenated-uuid)` on one line, even with `{:#?}`.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.0.hyphenated())
            }
        }

        /// Writes the hyphenated lowercase form, as sent on the wire.
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        /// Parses any form [`Uuid::parse_str`] accepts.
        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

entity_id! {
    /// Identifies a user of an organization (`User.uuid`, `org_user.uuid`).
    pub struct UserId;
}

entity_id! {
    /// Identifies a person (`Person.uuid`).
    pub struct PersonId;
}

entity_id! {
    /// Identifies a permission (`Permission.uuid`).
    pub struct PermissionId;
}

entity_id! {
    /// Identifies an organization (`Organization.uuid`, `org_uuid` in the
    /// login response).
    pub struct OrganizationId;
}

entity_id! {
    /// Identifies the retailer side of a retailer organization
    /// (`retailer_uuid` in the login response).
    pub struct RetailerId;
}

entity_id! {
    /// Identifies the supplier side of a supplier organization
    /// (`supplier_uuid` in the login response).
    pub struct SupplierId;
}

entity_id! {
    /// Identifies an organization's account manager (`AccountManager.uuid`).
    pub struct AccountManagerId;
}

entity_id! {
    /// Identifies a dashboard notification (`DashboardNotification.uuid`).
    pub struct NotificationId;
}

entity_id! {
    /// Identifies a notification setting (`NotificationSetting.uuid`, and the
    /// `uuid` of the Update Notification Settings body).
    pub struct NotificationSettingId;
}

entity_id! {
    /// Identifies an export, whose CSV file the API emails (`uuid` in an
    /// export response).
    pub struct ExportId;
}

entity_id! {
    /// Identifies a catalog (`Catalog.uuid`, `catalog.uuid` in a price
    /// tier).
    pub struct CatalogId;
}

entity_id! {
    /// Identifies an item (`Item.uuid`, `item.uuid` in a SKU, the
    /// `item_uuids` of the add, remove and export calls).
    ///
    /// Not the supplier's own code for the item, which is the string
    /// `Item.item_id`.
    pub struct ItemId;
}

entity_id! {
    /// Identifies a SKU (`Sku.uuid`, the `sku_uuids` of the add and remove
    /// calls).
    ///
    /// Not the supplier's own code for the SKU, which is the string
    /// `Sku.sku_id`.
    pub struct SkuId;
}

entity_id! {
    /// Identifies a retailer's inventory list (`InventoryList.uuid`).
    pub struct InventoryListId;
}

entity_id! {
    /// Identifies an item category (`Category.uuid`).
    pub struct CategoryId;
}

entity_id! {
    /// Identifies a product image (`ProductImage.uuid`).
    pub struct ImageId;
}

entity_id! {
    /// Identifies a product video (`ProductVideo.uuid`).
    pub struct VideoId;
}

entity_id! {
    /// Identifies an order (`Order.uuid`, the `{order_uuid}` of the order
    /// paths, the `uuids` of the orders export).
    ///
    /// Not the retailer's own purchase order number, which is the string
    /// `Order.purchase_order_id`.
    pub struct OrderId;
}

entity_id! {
    /// Identifies one line of an order (`LineItem.uuid`, the
    /// `{order_item_uuid}` of Cancel Order Item, `line_item_uuid` in the
    /// tracking and allocation bodies).
    pub struct LineItemId;
}

entity_id! {
    /// Identifies a connection between a retailer and a supplier
    /// (`Connection.uuid`).
    pub struct ConnectionId;
}

entity_id! {
    /// Identifies a retailer's request to connect to a supplier
    /// (`ConnectionRequest.record_uuid`, `request_uuid` in the create
    /// response, the `{request_uuid}` of the request paths).
    pub struct ConnectionRequestId;
}

entity_id! {
    /// Identifies one integration of a connection request
    /// (`Integration.record_uuid`).
    pub struct IntegrationId;
}

entity_id! {
    /// Identifies an upload event whose file a connection request refers to
    /// (`FileUpload.uuid`; docs/spec-decisions.md, E-42).
    pub struct FileUploadId;
}

/// Identifies a billing transaction (`Transaction.transaction_id`).
///
/// Not a UUID: a numeric string in the docs (`"123456789"`), kept as an
/// opaque string (docs/spec-decisions.md, E-45). The JSON form is the plain string
/// (`#[serde(transparent)]`); [`Display`](fmt::Display) and
/// [`as_str`](Self::as_str) give it back verbatim, and [`FromStr`] never
/// fails.
///
/// ```
/// use crux_types::TransactionId;
///
/// let id: TransactionId = serde_json::from_str(r#""123456789""#)?;
/// assert_eq!(id.as_str(), "123456789");
/// assert_eq!(format!("{id:?}"), r#"TransactionId("123456789")"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TransactionId(String);

impl TransactionId {
    /// Wraps `id`, kept verbatim.
    #[must_use]
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as sent by the API.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for TransactionId {
    fn from(id: String) -> Self {
        Self(id)
    }
}

impl From<&str> for TransactionId {
    fn from(id: &str) -> Self {
        Self(id.to_owned())
    }
}

impl From<TransactionId> for String {
    fn from(id: TransactionId) -> Self {
        id.0
    }
}

impl AsRef<str> for TransactionId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Writes the id verbatim (for a request path, for example).
impl fmt::Display for TransactionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// Never fails: any string is a transaction id.
impl FromStr for TransactionId {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self(s.to_owned()))
    }
}
