//! Product domain: catalogs, items, SKUs, inventory lists and item search.
//!
//! Endpoints using these types (rows 33 to 59 of the endpoint table):
//!
//! | Endpoint (its method, path, caller and permissions) | Request body | Returns |
//! |---|---|---|
//! | [`CATALOGS_LIST`](crate::endpoint::CATALOGS_LIST) | none | `Vec<`[`Catalog`]`>` |
//! | [`CATALOGS_CREATE`](crate::endpoint::CATALOGS_CREATE) | [`NewCatalog`] | [`Catalog`] |
//! | [`CATALOGS_GET`](crate::endpoint::CATALOGS_GET) | none | [`Catalog`] |
//! | [`CATALOGS_ADD_ITEMS`](crate::endpoint::CATALOGS_ADD_ITEMS), [`CATALOGS_REMOVE_ITEMS`](crate::endpoint::CATALOGS_REMOVE_ITEMS) | [`ItemIdList`] | no documented body |
//! | [`CATALOGS_ADD_ITEMS_BY_SEARCH`](crate::endpoint::CATALOGS_ADD_ITEMS_BY_SEARCH), [`CATALOGS_REMOVE_ITEMS_BY_SEARCH`](crate::endpoint::CATALOGS_REMOVE_ITEMS_BY_SEARCH) | [`ItemSearch`] | no documented body |
//! | [`CATALOGS_ADD_SKUS`](crate::endpoint::CATALOGS_ADD_SKUS), [`CATALOGS_REMOVE_SKUS`](crate::endpoint::CATALOGS_REMOVE_SKUS) | [`SkuIdList`] | no documented body |
//! | [`ITEMS_LIST`](crate::endpoint::ITEMS_LIST) | none | `Vec<`[`Item`]`>` |
//! | [`ITEMS_CREATE`](crate::endpoint::ITEMS_CREATE) | [`NewItem`] | [`Item`] |
//! | [`ITEMS_GET`](crate::endpoint::ITEMS_GET) | none | [`Item`] |
//! | [`ITEMS_SEARCH`](crate::endpoint::ITEMS_SEARCH) | [`ItemSearch`] | [`ItemSearchPage`] |
//! | [`ITEMS_EXPORT`](crate::endpoint::ITEMS_EXPORT) | [`ItemIdList`] | [`ExportRef`](crate::ExportRef) |
//! | [`ITEMS_EXPORT_BY_SEARCH`](crate::endpoint::ITEMS_EXPORT_BY_SEARCH) | [`ItemIdList`] (docs/spec-decisions.md, E-25) | [`ExportRef`](crate::ExportRef) |
//! | [`SKUS_LIST`](crate::endpoint::SKUS_LIST) | none | `Vec<`[`Sku`]`>` |
//! | [`SKUS_CREATE`](crate::endpoint::SKUS_CREATE) | [`NewSku`] | [`Sku`] |
//! | [`SKUS_GET`](crate::endpoint::SKUS_GET) | none | [`Sku`] |
//! | [`INVENTORY_LISTS_LIST`](crate::endpoint::INVENTORY_LISTS_LIST) | none | `Vec<`[`InventoryList`]`>` |
//! | [`INVENTORY_LISTS_CREATE`](crate::endpoint::INVENTORY_LISTS_CREATE) | [`NewInventoryList`] | [`InventoryList`] |
//! | [`INVENTORY_LISTS_GET`](crate::endpoint::INVENTORY_LISTS_GET) | none | [`InventoryList`] |
//! | [`INVENTORY_LISTS_ADD_ITEMS`](crate::endpoint::INVENTORY_LISTS_ADD_ITEMS), [`INVENTORY_LISTS_REMOVE_ITEMS`](crate::endpoint::INVENTORY_LISTS_REMOVE_ITEMS) | [`ItemIdList`] | no documented body |
//! | [`INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH`](crate::endpoint::INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH), [`INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH`](crate::endpoint::INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH) | [`ItemSearch`] | no documented body |
//! | [`INVENTORY_LISTS_ADD_SKUS`](crate::endpoint::INVENTORY_LISTS_ADD_SKUS), [`INVENTORY_LISTS_REMOVE_SKUS`](crate::endpoint::INVENTORY_LISTS_REMOVE_SKUS) | [`SkuIdList`] | no documented body |
//!
//! # Values
//!
//! - Money (costs, prices, price ranges) and measurements are exact
//!   [`Decimal`](rust_decimal::Decimal)s, read from a JSON number or a
//!   decimal string and written as the decimal string
//!   (docs/spec-decisions.md, E-07). Weights and dimensions keep their
//!   units ([`WeightUnit`], [`DimensionUnit`]).
//! - Quantities and counts are `u32`, read from a JSON integer or a numeric
//!   string (`"500"`) and written as JSON integers (docs/spec-decisions.md,
//!   E-07).
//! - Attribute maps (`item_attributes`, the SKU attributes) are
//!   `serde_json::Map`s: every value is kept as sent (docs/spec-decisions.md,
//!   E-09).
//! - Facet bucket ids are strings, not UUIDs (docs/spec-decisions.md, E-45).
//!
//! ```
//! use crux_types::{Decimal, Sku, WeightUnit};
//!
//! let body = r#"{
//!     "uuid": "95848455-d19b-48f8-8f53-5791818ddeca",
//!     "item": {"uuid": "5a5fe856-a4bd-4dd2-ac5e-e3c9c29e5ed4"},
//!     "sku_distinguishing_attributes": {"size": 9, "color": "azure"},
//!     "msrp": 54.08,
//!     "quantity_in_stock": "19",
//!     "measurements": {"sku": {"weight": 1.5, "weight_units": "kg"}},
//!     "created": "2018-04-06T01:12:10.036088Z",
//!     "last_updated": "2018-04-06T01:12:10.036182Z"
//! }"#;
//! let sku: Sku = serde_json::from_str(body)?;
//! assert_eq!(sku.msrp, Some(Decimal::new(5408, 2)));
//! assert_eq!(sku.quantity_in_stock, Some(19));
//! assert_eq!(sku.sku_distinguishing_attributes["size"], 9);
//! let weight = sku.measurements.and_then(|m| m.sku).expect("sent");
//! assert_eq!(weight.weight_units, Some(WeightUnit::Kilogram));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Compatibility
//!
//! As for the [organization](crate::organization#compatibility) models:
//! public fields, no `#[non_exhaustive]` (request bodies are built field by
//! field, and tests and mock servers build responses with literals), unknown
//! fields ignored.

mod catalog;
mod id_list;
mod inventory_list;
mod item;
mod measurements;
mod media;
mod refs;
mod search;
mod search_page;
mod sku;

pub use catalog::{Catalog, NewCatalog};
pub use id_list::{ItemIdList, SkuIdList};
pub use inventory_list::{InventoryList, NewInventoryList};
pub use item::{Category, Item, NewCategory, NewItem, PriceRange};
pub use measurements::{DimensionUnit, Measurements, SkuMeasurements, WeightUnit};
pub use media::{ProductImage, ProductVideo, UriType};
pub use refs::{CatalogRef, InventoryListRef, ItemRef, RetailerRef, SkuRef, SupplierRef};
pub use search::{
    CatalogType, FacetSelection, FilterRange, ItemSearch, PageRequest, SearchFilters,
};
pub use search_page::{FacetBucket, ItemSearchPage, PageInfo, SearchFacets};
pub use sku::{
    NewSku, PriceTier, ProductIdentifiers, ShippingCostType, Sku, SkuCondition, SkuRestriction,
};
