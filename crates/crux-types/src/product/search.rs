//! The item search request: filters, facets, term, sort and pagination.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The body of Search Items (`POST /products/items/search/`) and of the
/// four add- and remove-items-by-search calls of catalogs and inventory
/// lists (the `search_params` include).
///
/// Every field is optional and `Default` is the empty search `{}`; unset
/// fields are not sent.
///
/// ```
/// use crux_types::{FilterRange, ItemSearch, PageRequest, SearchFilters};
///
/// let search = ItemSearch {
///     search_term: Some("chair".into()),
///     filters: Some(SearchFilters {
///         cost_per_unit: Some(FilterRange::at_most("20.00".parse()?)),
///         ..SearchFilters::default()
///     }),
///     pagination: Some(PageRequest::new(0, 100)),
///     ..ItemSearch::default()
/// };
/// assert_eq!(
///     serde_json::to_value(&search)?,
///     serde_json::json!({
///         "filters": {"cost_per_unit": {"max": "20.00"}},
///         "search_term": "chair",
///         "pagination": {"start": 0, "limit": 100},
///     }),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemSearch {
    /// Numeric ranges the items must fall in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<SearchFilters>,
    /// Facet values the items must have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facets: Option<FacetSelection>,
    /// Free text to search for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_term: Option<String>,
    /// The attribute to sort by (`"title"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// Which slice of the results to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<PageRequest>,
}

/// The filters of a search (the `filters` include): each a range of
/// numbers. The first four are the documented request filters; the search
/// result echoes them with two more,
/// [`minimum_tier_quantity`](Self::minimum_tier_quantity) and
/// [`quantity_in_stock`](Self::quantity_in_stock), which are accepted in a
/// request too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchFilters {
    /// The cost of one unit, in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_unit: Option<FilterRange>,
    /// How many images the item has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_item_images: Option<FilterRange>,
    /// The height of the item's images, in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_height: Option<FilterRange>,
    /// The width of the item's images, in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_width: Option<FilterRange>,
    /// The minimum quantity of a price tier (echoed in results).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_tier_quantity: Option<FilterRange>,
    /// The quantity in stock (echoed in results).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_in_stock: Option<FilterRange>,
}

/// A range `{min, max}` of a search filter; either bound may be left out
/// (or `null`), and both are inclusive.
///
/// Bounds are exact decimals, read from a number or a numeric string (the
/// samples send `"0"` and `"500"`) and written as decimal strings, like
/// money (docs/spec-decisions.md, E-07).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FilterRange {
    /// The lower bound.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub min: Option<Decimal>,
    /// The upper bound.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub max: Option<Decimal>,
}

impl FilterRange {
    /// The range from `min` to `max`.
    #[must_use]
    pub const fn between(min: Decimal, max: Decimal) -> Self {
        Self {
            min: Some(min),
            max: Some(max),
        }
    }

    /// The range from `min` up.
    #[must_use]
    pub const fn at_least(min: Decimal) -> Self {
        Self {
            min: Some(min),
            max: None,
        }
    }

    /// The range up to `max`.
    #[must_use]
    pub const fn at_most(max: Decimal) -> Self {
        Self {
            min: None,
            max: Some(max),
        }
    }
}

/// The facet values a search selects (the `facets` include): each a list
/// of facet bucket ids ([`FacetBucket::uuid`](super::FacetBucket::uuid)),
/// which are strings (`"AR"`, `"fixed"`), not always UUIDs
/// (docs/spec-decisions.md, E-45).
///
/// `None` is not sent, and differs from `Some(vec![])` where the API gives
/// absence a meaning: without `catalog_type`, the API searches
/// `["standard"]` catalogs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FacetSelection {
    /// Suppliers, by uuid or name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<Vec<String>>,
    /// Shipping cost types (`"fixed"`, `"free"`, `"variable"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_cost_type: Option<Vec<String>>,
    /// Countries items ship from, 2-letter codes (`"US"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_origin_country: Option<Vec<String>>,
    /// Countries items are made in, 2-letter codes; named by the catalog
    /// by-search pages only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_origin: Option<Vec<String>>,
    /// Bundle types (the docs name `"Case Pack"` and `"Single"`; the result
    /// buckets' ids are `"case_pack"` and `"single"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_type: Option<Vec<String>>,
    /// Product identifier kinds the SKUs have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_identifiers: Option<Vec<String>>,
    /// Categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<String>>,
    /// Catalog types; the API reads a missing value as `["standard"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_type: Option<Vec<CatalogType>>,
}

/// Which slice of the results to return (the `request/pagination` include).
///
/// The docs disagree on what `limit` means: a page size, or the index where
/// the page ends (docs/spec-decisions.md, E-37). The values are sent as
/// given; nothing is computed from them here. Read from integers or numeric
/// strings, written as integers (docs/spec-decisions.md, E-07).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PageRequest {
    /// The 0-based index of the first result.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<u32>,
    /// The page size, or the end index, depending on the reading.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub limit: Option<u32>,
}

impl PageRequest {
    /// `{"start": start, "limit": limit}`.
    #[must_use]
    pub const fn new(start: u32, limit: u32) -> Self {
        Self {
            start: Some(start),
            limit: Some(limit),
        }
    }
}

string_enum! {
    /// A kind of catalog (`catalog_type`, in facets and search results).
    pub enum CatalogType {
        /// A catalog the retailer is connected to.
        Standard = "standard",
        /// A catalog offered through discovery.
        Discovery = "discovery",
    }
}
