//! Discovery suppliers: the query and one page.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::SortDirection;
use crate::id::SupplierId;
use crate::organization::Person;
use crate::product::{PageInfo, PageRequest};

/// The body of Discovery Supplier List (`POST /discovery/suppliers/`,
/// retailer only). Every field is optional; `Default` is `{}`.
///
/// `start` and `limit` go in `pagination`, as every example sends them
/// (docs/spec-decisions.md, E-15); `limit` is a page size there (default
/// 50, at most 100).
///
/// ```
/// use crux_types::{PageRequest, SupplierQuery};
///
/// let query = SupplierQuery {
///     initial_character: Some("#".into()),
///     pagination: Some(PageRequest::new(0, 100)),
///     ..SupplierQuery::default()
/// };
/// assert_eq!(
///     serde_json::to_string(&query)?,
///     r##"{"initial_character":"#","pagination":{"start":0,"limit":100}}"##,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SupplierQuery {
    /// Only suppliers whose name starts with this character
    /// (case-insensitive); `"#"` for any digit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_character: Option<String>,
    /// Only suppliers that joined discovery in the last `recent` days.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub recent: Option<u32>,
    /// Which page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<PageRequest>,
    /// The order of the results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SupplierSort>,
}

/// How suppliers are sorted: `{key, dir}`. The key is free-form (the sample
/// sorts by `number_of_skus`, which the sort include does not list;
/// docs/spec-decisions.md, E-15).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SupplierSort {
    /// The field to sort by (`"number_of_skus"`).
    pub key: String,
    /// Ascending or descending; also read from `value`.
    #[serde(alias = "value")]
    pub dir: SortDirection,
}

/// One page of Discovery Supplier List:
/// `{suppliers, pagination: {total_count, start, limit}}`; `start` and
/// `limit` may come back `null` (docs/spec-decisions.md, E-15).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierPage {
    /// The suppliers of this page.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub suppliers: Vec<DiscoverySupplier>,
    /// Where this page is, and how many suppliers there are.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub pagination: PageInfo,
}

/// A supplier a retailer can find in the discovery catalog.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DiscoverySupplier {
    /// Identifies the supplier.
    pub uuid: SupplierId,
    /// The supplier's name (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its public website, as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// What it offers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The percentage of SKUs ordered that it delivered, exact (a float in
    /// the docs, `0` in the sample; docs/spec-decisions.md, E-15).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_percentage: Option<Decimal>,
    /// How many SKUs it shows in discovery.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_skus: Option<u32>,
    /// The English name of the country it ships from; documented, absent
    /// from the sample (docs/spec-decisions.md, E-15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_origin_country_name: Option<String>,
    /// Its contact person (docs/spec-decisions.md, E-35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Person>,
}
