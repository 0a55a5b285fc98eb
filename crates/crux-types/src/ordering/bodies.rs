//! The small order bodies: export, cancel, fees.

use serde::{Deserialize, Serialize};

use super::Address;
use crate::id::OrderId;

/// The body of Get Orders Export (`POST /orders/export/`): `{"uuids": [...]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderIdList {
    /// The orders to export.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub uuids: Vec<OrderId>,
}

impl OrderIdList {
    /// The list of `ids`.
    #[must_use]
    pub fn new(ids: impl IntoIterator<Item = OrderId>) -> Self {
        Self {
            uuids: ids.into_iter().collect(),
        }
    }
}

/// The body of Cancel Order (`PATCH /orders/cancel/`):
/// `{"order_uuid": ...}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderCancellation {
    /// The order to cancel.
    pub order_uuid: OrderId,
}

/// The body of Get Order Fees (`POST /orders/fees/`, retailer only): the
/// SKUs to quote, and optionally where and how they would ship. Answered
/// with [`Fees`](super::Fees) (docs/spec-decisions.md, E-13).
///
/// ```
/// use crux_types::FeeQuery;
///
/// let query = FeeQuery::new().sku("000078", 5);
/// assert_eq!(
///     serde_json::to_string(&query)?,
///     r#"{"skus":[{"sku_id":"000078","quantity":5}]}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FeeQuery {
    /// The SKUs and quantities (required by the API). Always sent.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub skus: Vec<FeeSku>,
    /// The destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The carrier (`"UPS"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_carrier: Option<String>,
    /// The carrier's method (`"Ground"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method: Option<String>,
}

impl FeeQuery {
    /// A query with no SKUs yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `quantity` of the SKU the supplier calls `sku_id`.
    #[must_use]
    pub fn sku(mut self, sku_id: impl Into<String>, quantity: u32) -> Self {
        self.skus.push(FeeSku {
            sku_id: sku_id.into(),
            quantity,
        });
        self
    }
}

/// One SKU of a [`FeeQuery`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FeeSku {
    /// The supplier's code for the SKU.
    #[serde(default)]
    pub sku_id: String,
    /// How many; read from an integer or a numeric string
    /// (docs/spec-decisions.md, E-07).
    #[serde(default, deserialize_with = "crate::quantity::deserialize")]
    pub quantity: u32,
}
