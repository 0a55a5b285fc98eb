//! The Add Order Tracking body.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::id::LineItemId;

/// The body of Add Order Tracking (`POST /orders/tracking/{order_uuid}/`,
/// supplier only): one shipment per call, a bare object with the request
/// names (`tracking`, `ship_cost`, ...), which differ from the
/// [`TrackingNumber`](super::TrackingNumber)s orders return
/// (docs/spec-decisions.md, E-05).
///
/// ```
/// use crux_types::{LineItemId, NewTracking};
///
/// let line: LineItemId = "e2c1bcab-43ef-48b8-9aa7-513755a92abc".parse()?;
/// let tracking = NewTracking::new("123mytrack", "UPS", "Ground")
///     .line_item(line, 1, "27".parse()?);
/// assert_eq!(
///     serde_json::to_value(&tracking)?["line_items"][0],
///     serde_json::json!({"line_item_uuid": line, "quantity": 1, "sku_cost": "27"}),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewTracking {
    /// The carrier's tracking number.
    #[serde(default)]
    pub tracking: String,
    /// What the shipment cost, exact (docs/spec-decisions.md, E-07).
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_cost: Option<Decimal>,
    /// The carrier (`"UPS"`).
    #[serde(default)]
    pub carrier: String,
    /// The carrier's method (`"Ground"`).
    #[serde(default)]
    pub method: String,
    /// The weight, in pounds.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<Decimal>,
    /// The lines (and how many of each) in the shipment.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub line_items: Vec<TrackingLineItem>,
}

impl NewTracking {
    /// A shipment numbered `tracking`, by `carrier` and `method`, with no
    /// lines yet.
    #[must_use]
    pub fn new(
        tracking: impl Into<String>,
        carrier: impl Into<String>,
        method: impl Into<String>,
    ) -> Self {
        Self {
            tracking: tracking.into(),
            carrier: carrier.into(),
            method: method.into(),
            ..Self::default()
        }
    }

    /// Adds `quantity` units of `line` at `sku_cost` each.
    #[must_use]
    pub fn line_item(mut self, line: LineItemId, quantity: u32, sku_cost: Decimal) -> Self {
        self.line_items.push(TrackingLineItem {
            line_item_uuid: line,
            quantity,
            sku_cost: Some(sku_cost),
        });
        self
    }
}

/// One line of a [`NewTracking`] (the `orders/request/line_item` include).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TrackingLineItem {
    /// The order line shipped.
    pub line_item_uuid: LineItemId,
    /// How many units; read from an integer or a numeric string (the
    /// sample's `"1"`), written as an integer (docs/spec-decisions.md, E-07).
    #[serde(deserialize_with = "crate::quantity::deserialize")]
    pub quantity: u32,
    /// The cost per unit, exact.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub sku_cost: Option<Decimal>,
}
