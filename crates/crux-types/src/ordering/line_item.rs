//! An order's line items, their allocation and their tracking numbers.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::id::{ItemId, LineItemId, SkuId, SupplierId};

/// One line of an order: a SKU, its cost, and what the supplier did with it
/// (the `objects/line_item` include).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    /// Identifies the line: the id Cancel Order Item, tracking and
    /// allocation take.
    pub uuid: LineItemId,
    /// Where the line stands.
    pub status: LineItemStatus,
    /// The item of the SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_uuid: Option<ItemId>,
    /// The item's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_name: Option<String>,
    /// The SKU ordered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_uuid: Option<SkuId>,
    /// The supplier's code for the SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_id: Option<String>,
    /// The SKU's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_name: Option<String>,
    /// A display title with the SKU's attributes, opaque (it embeds a
    /// Python dict, `"... {'size': 9}"`; docs/spec-decisions.md, E-41).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_title_variants: Option<String>,
    /// Special instructions for the line. Written as
    /// `line_item_special_instructions`, also read from
    /// `sku_special_instructions` (docs/spec-decisions.md, E-10).
    #[serde(
        default,
        rename = "line_item_special_instructions",
        alias = "sku_special_instructions",
        skip_serializing_if = "Option::is_none"
    )]
    pub special_instructions: Option<String>,
    /// The cost of the SKU, exact (docs/spec-decisions.md, E-07).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost: Option<Decimal>,
    /// The supplier of the SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_uuid: Option<SupplierId>,
    /// The supplier's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_name: Option<String>,
    /// The shipments of this line.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub tracking_numbers: Vec<TrackingNumber>,
    /// How much of the line the supplier accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<Allocation>,
}

string_enum! {
    /// Where a line item stands (`LineItem.status`).
    pub enum LineItemStatus {
        /// The supplier has not allocated it yet.
        Unallocated = "Unallocated",
        /// The supplier accepted it.
        Allocated = "Allocated",
        /// The supplier rejected it.
        Rejected = "Rejected",
        /// It has shipped, with tracking.
        HasTracking = "HasTracking",
        /// The supplier backordered it.
        Backordered = "Backordered",
        /// It was cancelled.
        Cancelled = "Cancelled",
    }
}

/// How a line's quantity was allocated (the `objects/allocation` include).
/// Quantities read from integers or numeric strings (docs/spec-decisions.md,
/// E-07); a missing one is 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Allocation {
    /// How many were ordered.
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub quantity_ordered: u32,
    /// How many the supplier accepted.
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub quantity_allocated: u32,
    /// How many are backordered.
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub quantity_backordered: u32,
    /// How many the supplier rejected.
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub quantity_rejected: u32,
    /// When backordered units are expected, a date (docs/spec-decisions.md,
    /// E-30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backorder_date: Option<NaiveDate>,
}

/// A shipment of (part of) a line, as orders return it (the
/// `objects/tracking_number` include). Its names differ from the
/// add-tracking body's, [`NewTracking`](super::NewTracking)
/// (docs/spec-decisions.md, E-05).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TrackingNumber {
    /// The carrier's tracking number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// The carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_carrier: Option<String>,
    /// The carrier's method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method: Option<String>,
    /// The weight shipped, in pounds; documented as a string, read from a
    /// string or a number (docs/spec-decisions.md, E-07).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_weight: Option<Decimal>,
    /// What the shipment cost, exact.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_cost: Option<Decimal>,
    /// When it shipped, as sent: no sample shows its format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_date: Option<String>,
    /// How many units of the line it holds.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<u32>,
}
