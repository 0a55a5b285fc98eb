//! The order query (search and export by search) and one page of orders.

use serde::{Deserialize, Serialize};

use super::Order;
use crate::id::OrganizationId;
use crate::time::Timestamp;

/// The body of Get Orders (`POST /orders/`) and Get Orders By Search
/// (`POST /orders/search/export/`). Every field is optional; `Default` is
/// `{}` and unset fields are not sent.
///
/// Dates are [`Timestamp`]s, written exactly as the API wants them,
/// `YYYY-MM-DDThh:mm:ss.000Z` (UTC, milliseconds; docs/spec-decisions.md,
/// E-30). The search text is written `term`, also read from the sample's
/// `search_term`; the sort is written `{key, dir}` (docs/spec-decisions.md,
/// E-12). `start` and `limit` are sent as given (docs/spec-decisions.md,
/// E-37).
///
/// ```
/// use crux_types::{OrderQuery, Timestamp};
///
/// let query = OrderQuery {
///     start_date: Some("2017-07-31T06:00:00Z".parse::<Timestamp>()?),
///     term: Some("po-tH7poMMX".into()),
///     ..OrderQuery::default()
/// };
/// assert_eq!(
///     serde_json::to_string(&query)?,
///     r#"{"start_date":"2017-07-31T06:00:00.000Z","term":"po-tH7poMMX"}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderQuery {
    /// The 0-based index of the first order.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<u32>,
    /// Where the page ends, or its size (docs/spec-decisions.md, E-37).
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub limit: Option<u32>,
    /// Only orders with lines in these allocation states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_allocation_statuses: Option<Vec<AllocationFilter>>,
    /// Only orders with lines of this designation: one value (the search
    /// page's form) or a list (the export page's form)
    /// (docs/spec-decisions.md, E-12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_designation: Option<Designations>,
    /// Only orders created at or after this instant.
    #[serde(
        default,
        with = "crate::time::request_form",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_date: Option<Timestamp>,
    /// Only orders created at or before this instant.
    #[serde(
        default,
        with = "crate::time::request_form",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_date: Option<Timestamp>,
    /// An order uuid, a purchase order number or a SKU id.
    #[serde(
        default,
        alias = "search_term",
        skip_serializing_if = "Option::is_none"
    )]
    pub term: Option<String>,
    /// Only orders involving these organizations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_uuids: Option<Vec<OrganizationId>>,
    /// The order of the results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<OrderSort>,
}

/// How orders are sorted (the `objects/sort` include): written
/// `{key, dir}`, also read from the samples' `{key, value}`
/// (docs/spec-decisions.md, E-12).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderSort {
    /// What to sort by.
    pub key: OrderSortKey,
    /// Ascending or descending.
    #[serde(alias = "value")]
    pub dir: SortDirection,
}

string_enum! {
    /// What orders are sorted by (`sort.key`).
    pub enum OrderSortKey {
        /// The creation date.
        Date = "date",
        /// The status.
        Status = "status",
        /// The SKU id.
        SkuId = "sku_id",
    }
}

string_enum! {
    /// A sort direction (`sort.dir`). The export page's `"des"` is read as
    /// `desc` (docs/spec-decisions.md, E-12).
    pub enum SortDirection {
        /// Ascending.
        Asc = "asc",
        /// Descending.
        Desc = "desc" | "des",
    }
}

string_enum! {
    /// An allocation state to filter orders by
    /// (`line_item_allocation_statuses`); not the line statuses
    /// (docs/spec-decisions.md, E-33).
    pub enum AllocationFilter {
        /// Nothing allocated.
        Unallocated = "Unallocated",
        /// Partly allocated.
        Partial = "Partial",
        /// Fully allocated.
        Allocated = "Allocated",
    }
}

string_enum! {
    /// A line designation to filter orders by (`line_item_designation`).
    pub enum LineItemDesignation {
        /// Lines that have tracking.
        HasTracking = "HasTracking",
        /// Allocated lines still without tracking.
        NeedsTracking = "NeedsTracking",
        /// Backordered lines.
        Backordered = "Backordered",
        /// Rejected lines.
        Rejected = "Rejected",
        /// Cancelled lines.
        Cancelled = "Cancelled",
    }
}

/// The `line_item_designation` filter: a single string on Get Orders, a
/// list on Get Orders By Search (docs/spec-decisions.md, E-12). Written in
/// the form it holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Designations {
    /// One designation, written as a string.
    One(LineItemDesignation),
    /// Several, written as a list.
    Many(Vec<LineItemDesignation>),
}

/// One page of Get Orders (`POST /orders/`): `{total_results, orders}`,
/// with no pagination object (docs/spec-decisions.md, E-37).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPage {
    /// How many orders match, over all pages; `None` when the API leaves
    /// it out.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_results: Option<u32>,
    /// The orders of this page.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub orders: Vec<Order>,
}
