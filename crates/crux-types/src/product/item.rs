//! The Item object, its categories and price ranges, and the Create Item
//! body.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{CatalogType, ProductImage, ProductVideo, Sku, SupplierRef};
use crate::id::{CategoryId, ItemId};
use crate::time::Timestamp;

/// An item: a product of one supplier, with its variants (SKUs), media,
/// price ranges and categories (the `product/response/item` include).
///
/// Returned by Get Items (`GET /products/items/`, a bare array), Get Item
/// Detail (`GET /products/items/{item_uuid}/`) and Create Item
/// (`POST /products/items/`), and in the `items` of an
/// [`ItemSearchPage`](super::ItemSearchPage).
///
/// Search results leave [`skus`](Self::skus) out and add
/// [`sku_count`](Self::sku_count) and [`catalog_type`](Self::catalog_type)
/// (docs/spec-decisions.md, E-18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Identifies the item.
    pub uuid: ItemId,
    /// The supplier that sells the item.
    pub supplier: SupplierRef,
    /// The supplier's own code for the item, parent of its SKUs' codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The item's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The item's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The item's variants. `None` in search results, which send
    /// [`sku_count`](Self::sku_count) instead; `Some(vec![])` for a new
    /// item without SKUs.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::compact_vec_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub skus: Option<Vec<Sku>>,
    /// The number of SKUs; sent in search results only.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub sku_count: Option<u32>,
    /// The catalog types the item is in; sent in search results only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_type: Option<Vec<CatalogType>>,
    /// Marketplaces where the item may not be sold. `None` when sent as
    /// `null` (Create Item's response), which is kept apart from `[]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restrict_from_marketplaces: Option<Vec<String>>,
    /// Other marketplaces where the item may not be sold, as one
    /// comma-separated string (`"eBay, Amazon"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_marketplace_restriction: Option<String>,
    /// The lowest and highest cost of the item's SKUs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_range: Option<PriceRange>,
    /// The lowest and highest minimum advertised price of the item's SKUs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_advertised_price_range: Option<PriceRange>,
    /// The lowest and highest MSRP of the item's SKUs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msrp_range: Option<PriceRange>,
    /// Images of the item.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub product_images: Vec<ProductImage>,
    /// Videos of the item.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub product_videos: Vec<ProductVideo>,
    /// The warranty, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty: Option<String>,
    /// The return policy, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_policy: Option<String>,
    /// The manufacturer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    /// The brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Where the item is made: a 2-letter country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_origin: Option<String>,
    /// Where the item ships from: a 2-letter country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_origin_country: Option<String>,
    /// Whether the supplier has Fulfillment By Amazon set up for the item.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::lenient_bool_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub fba_certified: Option<bool>,
    /// The supplier's own attributes (`{"hardness": 12, "hair-color":
    /// "brown"}`): every JSON value kept as sent (docs/spec-decisions.md,
    /// E-09). `null` or absent is empty.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub item_attributes: Map<String, Value>,
    /// The categories the item is in.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub categories: Vec<Category>,
    /// When the item was created.
    pub created: Timestamp,
    /// When the item was last changed.
    pub last_updated: Timestamp,
}

/// A category an item is in: a path from the root (not in the docs'
/// field list; docs/spec-decisions.md, E-18).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Category {
    /// Identifies the category.
    pub uuid: CategoryId,
    /// The category's path, root first (`["home", "garden"]`).
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub path: Vec<String>,
    /// The category's description; `""` today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The lowest and highest amount over an item's SKUs (the `cost_range`,
/// `map_range` and `msrp_range` includes). Either bound may be `null`, as
/// for an item without SKUs. Exact (docs/spec-decisions.md, E-07).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PriceRange {
    /// The lowest amount.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub min: Option<Decimal>,
    /// The highest amount.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub max: Option<Decimal>,
}

/// The body of Create Item (`POST /products/items/`, supplier only).
/// Returns the new [`Item`], with no SKUs; add them with Create SKU.
///
/// The page marks no field required, so every field is optional and
/// `Default` gives an empty body; unset fields are not sent.
///
/// ```
/// use crux_types::{NewCategory, NewItem};
///
/// let item = NewItem {
///     item_id: Some("BhPTOJNOMT".into()),
///     title: Some("Garden chair".into()),
///     fba_certified: Some(false),
///     categories: vec![NewCategory::new(["home", "garden"])],
///     ..NewItem::default()
/// };
/// assert_eq!(
///     serde_json::to_value(&item)?,
///     serde_json::json!({
///         "item_id": "BhPTOJNOMT",
///         "title": "Garden chair",
///         "fba_certified": false,
///         "categories": [{"path": ["home", "garden"]}],
///     }),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewItem {
    /// The supplier's own code for the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The item's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The item's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The warranty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty: Option<String>,
    /// The return policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_policy: Option<String>,
    /// The manufacturer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    /// The brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Where the item is made: a 2-letter country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_origin: Option<String>,
    /// Where the item ships from: a 2-letter country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_origin_country: Option<String>,
    /// Marketplaces where the item may not be sold, comma-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_marketplace_restriction: Option<String>,
    /// Whether Fulfillment By Amazon is set up for the item.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::lenient_bool_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub fba_certified: Option<bool>,
    /// The supplier's own attributes, any JSON values
    /// (docs/spec-decisions.md, E-09). Not sent when empty.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::null_as_default",
        skip_serializing_if = "Map::is_empty"
    )]
    pub item_attributes: Map<String, Value>,
    /// The categories to put the item in. Not sent when empty.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub categories: Vec<NewCategory>,
}

/// A category of a [`NewItem`]: its path, root first, created if needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewCategory {
    /// The category's path, root first (`["home", "garden"]`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub path: Vec<String>,
    /// A description; the page says the API ignores it for now. Not sent
    /// when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl NewCategory {
    /// The category at `path`, root first, without a description.
    #[must_use]
    pub fn new<S: Into<String>>(path: impl IntoIterator<Item = S>) -> Self {
        Self {
            path: path.into_iter().map(Into::into).collect(),
            description: None,
        }
    }
}
