//! The SKU object, its price tiers and identifiers, and the Create SKU body.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{CatalogRef, InventoryListRef, ItemRef, ProductImage, ProductVideo, SkuMeasurements};
use crate::id::{ItemId, SkuId};
use crate::time::Timestamp;

/// A SKU: one sellable variant of an item, with its stock and prices (the
/// `product/response/sku` include).
///
/// Returned by Get SKUs (`GET /products/skus/`, a bare array), Get Sku
/// Detail (`GET /products/skus/{sku_uuid}/`) and Create SKU
/// (`POST /products/skus/`), and inside an [`Item`](super::Item).
///
/// Fields the docs do not list but the samples show are modelled when they
/// are public (the currencies, `catalogs`); the `_`-prefixed internal ones
/// (`_distinguishing_info_hash` ...) are ignored (docs/spec-decisions.md,
/// E-18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sku {
    /// Identifies the SKU.
    pub uuid: SkuId,
    /// The item the SKU is a variant of.
    pub item: ItemRef,
    /// The supplier's own code for the SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_id: Option<String>,
    /// Whether the SKU may be sold; `None` when unrestricted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restrictions: Option<SkuRestriction>,
    /// New, used or refurbished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<SkuCondition>,
    /// Attributes that tell this SKU from the item's other SKUs
    /// (`{"size": 9, "color": "azure"}`).
    ///
    /// Documented as an array, sent as an object whose values may be of any
    /// JSON type: every value is kept as sent (docs/spec-decisions.md,
    /// E-09). `null` or absent is empty.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sku_distinguishing_attributes: Map<String, Value>,
    /// Other attributes of this SKU (`{"diameter_in_inches": 3.6}`); as for
    /// [`sku_distinguishing_attributes`](Self::sku_distinguishing_attributes)
    /// (docs/spec-decisions.md, E-09).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sku_nondistinguishing_attributes: Map<String, Value>,
    /// The minimum advertised price (MAP): the SKU may not be listed for
    /// less. Exact (docs/spec-decisions.md, E-07).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_advertised_price: Option<Decimal>,
    /// The currency of the MAP (`"USD"`); not in the docs, seen in samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_advertised_price_currency: Option<String>,
    /// The manufacturer's suggested retail price. Exact
    /// (docs/spec-decisions.md, E-07).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub msrp: Option<Decimal>,
    /// The currency of the MSRP (`"USD"`); not in the docs, seen in samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msrp_currency: Option<String>,
    /// What the SKU costs the retailer, by quantity and catalog.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub price_tiers: Vec<PriceTier>,
    /// Images of the SKU.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub product_images: Vec<ProductImage>,
    /// Videos of the SKU.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub product_videos: Vec<ProductVideo>,
    /// The SKU's and its package's weight and dimensions, with their units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measurements: Option<SkuMeasurements>,
    /// UPC, EAN, GTIN, ISBN, ASIN and MPN codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_identifiers: Option<ProductIdentifiers>,
    /// The caller's inventory lists the SKU is in. Absent from the Create
    /// SKU response, hence `None` rather than empty.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::compact_vec_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub inventory_lists: Option<Vec<InventoryListRef>>,
    /// The catalogs the SKU is in; sent only by Create SKU (not in the
    /// docs; docs/spec-decisions.md, E-18).
    #[serde(
        default,
        deserialize_with = "crate::serde_util::compact_vec_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub catalogs: Option<Vec<CatalogRef>>,
    /// How many are available now; `null` in some samples.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_in_stock: Option<u32>,
    /// How many are expected to be restocked.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_on_backorder: Option<u32>,
    /// How many units one SKU bundles.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_units_bundled: Option<u32>,
    /// When the SKU was created.
    pub created: Timestamp,
    /// When the SKU was last changed.
    pub last_updated: Timestamp,
}

/// One price tier of a SKU (the `price_tier` include): its cost from a
/// minimum quantity on, in one catalog, and how shipping is charged.
///
/// Amounts are exact decimals (docs/spec-decisions.md, E-07): the samples
/// send unrounded numbers (`0.9995238095238095`), kept as sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PriceTier {
    /// The smallest quantity this tier applies to.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_tier_quantity: Option<u32>,
    /// The catalog that offers this tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<CatalogRef>,
    /// The cost at this tier.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost: Option<Decimal>,
    /// The cost of one unit at this tier.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_per_unit: Option<Decimal>,
    /// The handling cost at this tier.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub handling_cost: Option<Decimal>,
    /// The shipping cost; not in the docs, sent in every sample
    /// (docs/spec-decisions.md, E-18).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_cost: Option<Decimal>,
    /// How shipping is charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_cost_type: Option<ShippingCostType>,
    /// `true` when the shipping cost is an estimate.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::lenient_bool_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_cost_is_estimate: Option<bool>,
}

/// The product codes of a SKU (the `product_identifiers` include); each may
/// be `null`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProductIdentifiers {
    /// UPC-A, 12 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upca: Option<String>,
    /// EAN-13, 13 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ean13: Option<String>,
    /// GTIN-14, 14 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin14: Option<String>,
    /// ISBN, for books.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    /// Amazon's ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// The manufacturer part number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mpn: Option<String>,
}

/// The body of Create SKU (`POST /products/skus/`, supplier only; the
/// `product/request/sku` include). Returns the new [`Sku`].
///
/// [`item`](Self::item) and [`sku_id`](Self::sku_id) are required, so
/// there is no `Default`: start from [`NewSku::new`] and set the other
/// public fields. Unset fields are not sent. Quantities are written as JSON
/// integers and amounts as decimal strings (the sample sends both as
/// strings; docs/spec-decisions.md, E-07).
///
/// ```
/// use crux_types::{ItemId, NewSku, SkuCondition};
///
/// let item: ItemId = "c278fcc7-ff5e-4494-9ccf-36d6d6d167c8".parse()?;
/// let mut sku = NewSku::new(item, "LYsNxu-iIhTgvti");
/// sku.condition = Some(SkuCondition::Used);
/// sku.quantity_in_stock = Some(500);
/// sku.msrp = Some("55.99".parse()?);
/// sku.sku_distinguishing_attributes.insert("color".into(), "blue".into());
/// assert_eq!(
///     serde_json::to_value(&sku)?,
///     serde_json::json!({
///         "item": {"uuid": "c278fcc7-ff5e-4494-9ccf-36d6d6d167c8"},
///         "sku_id": "LYsNxu-iIhTgvti",
///         "condition": "used",
///         "quantity_in_stock": 500,
///         "sku_distinguishing_attributes": {"color": "blue"},
///         "msrp": "55.99",
///     }),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSku {
    /// The item the SKU belongs to (an existing item of the caller's).
    pub item: ItemRef,
    /// The supplier's own code for the SKU.
    pub sku_id: String,
    /// Whether the SKU may be sold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restrictions: Option<SkuRestriction>,
    /// New, used or refurbished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<SkuCondition>,
    /// How many are available now.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_in_stock: Option<u32>,
    /// How many are expected to be restocked.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_on_backorder: Option<u32>,
    /// How many units one SKU bundles.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_units_bundled: Option<u32>,
    /// Attributes that tell this SKU from the item's other SKUs, any JSON
    /// values (docs/spec-decisions.md, E-09). Not sent when empty.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::null_as_default",
        skip_serializing_if = "Map::is_empty"
    )]
    pub sku_distinguishing_attributes: Map<String, Value>,
    /// Other attributes of this SKU, any JSON values
    /// (docs/spec-decisions.md, E-09). Not sent when empty.
    #[serde(
        default,
        deserialize_with = "crate::serde_util::null_as_default",
        skip_serializing_if = "Map::is_empty"
    )]
    pub sku_nondistinguishing_attributes: Map<String, Value>,
    /// The minimum advertised price.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_advertised_price: Option<Decimal>,
    /// The manufacturer's suggested retail price.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub msrp: Option<Decimal>,
    /// The currency of the MAP (`"USD"`); sent by the sample, not in the
    /// field list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_advertised_price_currency: Option<String>,
    /// The currency of the MSRP (`"USD"`); sent by the sample, not in the
    /// field list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msrp_currency: Option<String>,
}

impl NewSku {
    /// A SKU of `item` with the supplier's code `sku_id` and nothing else
    /// set.
    #[must_use]
    pub fn new(item: ItemId, sku_id: impl Into<String>) -> Self {
        Self {
            item: ItemRef { uuid: item },
            sku_id: sku_id.into(),
            restrictions: None,
            condition: None,
            quantity_in_stock: None,
            quantity_on_backorder: None,
            number_of_units_bundled: None,
            sku_distinguishing_attributes: Map::new(),
            sku_nondistinguishing_attributes: Map::new(),
            minimum_advertised_price: None,
            msrp: None,
            minimum_advertised_price_currency: None,
            msrp_currency: None,
        }
    }
}

string_enum! {
    /// The condition of a SKU (`condition`).
    pub enum SkuCondition {
        /// New.
        New = "new",
        /// Used.
        Used = "used",
        /// Refurbished.
        Refurbished = "refurb",
    }
}

string_enum! {
    /// A restriction on selling a SKU (`restrictions`).
    pub enum SkuRestriction {
        /// Temporarily unavailable.
        TemporarilyUnavailable = "tmpunavail",
        /// Discontinued.
        Discontinued = "discontd",
    }
}

string_enum! {
    /// How shipping is charged at a price tier (`shipping_cost_type`; also
    /// the bucket ids of the `shipping_cost_type` search facet).
    ///
    /// The docs write `Fixed`, `Free` and `Variable`; the samples, and the
    /// facet bucket ids, send lowercase, which is what is written. The
    /// documented capitalized spellings are read as aliases
    /// (docs/spec-decisions.md, E-33).
    pub enum ShippingCostType {
        /// A fixed shipping cost.
        Fixed = "fixed" | "Fixed",
        /// Free shipping.
        Free = "free" | "Free",
        /// A shipping cost that varies.
        Variable = "variable" | "Variable",
    }
}
