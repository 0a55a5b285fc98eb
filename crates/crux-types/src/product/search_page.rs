//! One page of item search results: items, facet buckets, echoed filters
//! and pagination.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{CatalogType, Item, SearchFilters};

/// One page of Search Items (`POST /products/items/search/`): the matching
/// items and facet counts, with the search echoed back.
///
/// The request's `sort` is a string, the response's a list
/// (docs/spec-decisions.md, E-31).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSearchPage {
    /// The items of this page, without their SKUs
    /// ([`Item::skus`] is `None`; [`Item::sku_count`] says how many).
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub items: Vec<Item>,
    /// The counts of each facet value over every match.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub facets: SearchFacets,
    /// The filters applied, echoed back.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub filters: SearchFilters,
    /// The search term, echoed back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_term: Option<String>,
    /// The attributes sorted by (`["title"]`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sort: Vec<String>,
    /// Where this page is in the results, and how many there are.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub pagination: PageInfo,
}

/// Where a page is in the results (the `response/pagination` include).
///
/// `start` and `limit` echo the request; what `limit` means is disputed
/// (docs/spec-decisions.md, E-37). Any field may be missing or `null`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PageInfo {
    /// How many items match the search, over all pages.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u32>,
    /// The `start` of the request.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<u32>,
    /// The `limit` of the request.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub limit: Option<u32>,
}

/// The facets of a search result (FacetResult in ENDPOINTS.md): for each
/// facet, its values and how many matches have each.
///
/// Most facets are lists of [`FacetBucket`]s; two differ
/// (docs/spec-decisions.md, E-31): [`categories`](Self::categories) maps a
/// supplier's uuid to that supplier's category buckets, and
/// [`catalog_type`](Self::catalog_type) is a plain list of values. A facet
/// the API leaves out is `None`; a facet not listed here is ignored
/// (docs/spec-decisions.md, E-18).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchFacets {
    /// Catalogs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogs: Option<Vec<FacetBucket>>,
    /// Suppliers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<Vec<FacetBucket>>,
    /// The catalog types of the matches (`["standard"]`): values, not
    /// buckets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_type: Option<Vec<CatalogType>>,
    /// Countries items ship from (bucket ids are 2-letter codes, `"AR"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_origin_country: Option<Vec<FacetBucket>>,
    /// Categories, per supplier: the key is the supplier's uuid as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<BTreeMap<String, Vec<FacetBucket>>>,
    /// SKU conditions (bucket ids `"new"`, `"used"`, `"refurb"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Vec<FacetBucket>>,
    /// The caller's inventory lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_lists: Option<Vec<FacetBucket>>,
    /// Shipping cost types (bucket ids `"fixed"`, `"free"`, `"variable"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_cost_type: Option<Vec<FacetBucket>>,
    /// Product identifier kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_identifiers: Option<Vec<FacetBucket>>,
    /// Bundle types (bucket ids `"case_pack"`, `"single"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_type: Option<Vec<FacetBucket>>,
}

/// One value of a facet and how many matches have it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FacetBucket {
    /// The value's id, to send back in a [`FacetSelection`](super::FacetSelection).
    /// A string: a UUID for catalogs or suppliers, a code elsewhere
    /// (`"AR"`, `"fixed"`, `"case_pack"`) (docs/spec-decisions.md, E-45).
    pub uuid: String,
    /// The value's display name (`"Argentina"`, `"Fixed"`).
    #[serde(default)]
    pub name: String,
    /// How many matches have this value.
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub count: u32,
    /// `true` when the search selected this value.
    #[serde(default, deserialize_with = "crate::serde_util::lenient_bool")]
    pub selected: bool,
}
