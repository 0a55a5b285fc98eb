//! The Catalog object and the Create Catalog body.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{RetailerRef, SkuRef, SupplierRef};
use crate::id::CatalogId;
use crate::time::Timestamp;

/// A supplier's catalog: the SKUs it offers to retailers, with default
/// costs (the `product/response/catalog` include).
///
/// Returned by Get Catalogs (`GET /products/catalogs/`, a bare array), Get
/// Catalog Detail (`GET /products/catalogs/{catalog_uuid}/`) and Create
/// Catalog (`POST /products/catalogs/`).
///
/// Catalogs read by a retailer carry `retailer: {uuid}`; the Create Catalog
/// response carries `retailers: []` instead, and `is_discoverable`
/// (docs/spec-decisions.md, E-47).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Catalog {
    /// Identifies the catalog.
    pub uuid: CatalogId,
    /// The supplier that owns the catalog (`{uuid}` only).
    pub supplier: SupplierRef,
    /// The catalog's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The catalog's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The SKUs in the catalog. The list may be shorter than
    /// [`num_skus`](Self::num_skus) (the samples send 2 of 30).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub skus: Vec<SkuRef>,
    /// How many SKUs the catalog holds.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub num_skus: Option<u32>,
    /// The default shipping cost; `None` when the supplier charges per SKU
    /// or otherwise. Exact (docs/spec-decisions.md, E-07).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_shipping_cost: Option<Decimal>,
    /// The default handling cost; `None` as for the shipping cost. Exact
    /// (docs/spec-decisions.md, E-07).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_handling_cost: Option<Decimal>,
    /// The retailer reading the catalog (`{uuid}`), in Get Catalogs and Get
    /// Catalog Detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retailer: Option<RetailerRef>,
    /// The retailers with access, in the Create Catalog response only
    /// (docs/spec-decisions.md, E-47).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retailers: Option<Vec<RetailerRef>>,
    /// Whether retailers can discover the catalog; in the Create Catalog
    /// response only, `null` in its sample.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::lenient_bool_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_discoverable: Option<bool>,
    /// When the catalog was created.
    pub created: Timestamp,
    /// When the catalog was last changed.
    pub last_updated: Timestamp,
}

/// The body of Create Catalog (`POST /products/catalogs/`, supplier only).
/// Returns the new [`Catalog`].
///
/// Unset fields are not sent. Costs are written as decimal strings, as the
/// sample sends them (docs/spec-decisions.md, E-07); `None` leaves the cost
/// to each SKU.
///
/// ```
/// use crux_types::NewCatalog;
///
/// let mut catalog = NewCatalog::new("Summer");
/// catalog.default_shipping_cost = Some("5.30".parse()?);
/// assert_eq!(
///     serde_json::to_string(&catalog)?,
///     r#"{"name":"Summer","default_shipping_cost":"5.30"}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewCatalog {
    /// The catalog's name. Always sent.
    #[serde(default)]
    pub name: String,
    /// The catalog's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The default shipping cost.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_shipping_cost: Option<Decimal>,
    /// The default handling cost.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_handling_cost: Option<Decimal>,
}

impl NewCatalog {
    /// A catalog named `name`, with nothing else set.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
}
