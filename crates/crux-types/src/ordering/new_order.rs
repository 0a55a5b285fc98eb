//! The Create Order body.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Address;
use crate::id::SupplierId;

/// The body of Create Order (`POST /orders/create/`, retailer only).
/// Answered with the new [`Order`](super::Order).
///
/// The `purchase_order_id` is the retailer's own reference, and the only
/// way to find the order again when the outcome of a create is unknown.
///
/// ```
/// use crux_types::{Address, NewOrder, OrderSku, SupplierId};
///
/// let supplier: SupplierId = "86ab12cd-fd66-4122-8b81-f837bc72d755".parse()?;
/// let order = NewOrder::new("po-tH7poMMX", Address::default())
///     .sku(OrderSku::new("bK0bi12ATMo", supplier, 53, "10".parse()?));
/// assert_eq!(
///     serde_json::to_value(&order)?["skus"][0],
///     serde_json::json!({
///         "quantity": 53,
///         "sku_id": "bK0bi12ATMo",
///         "supplier_uuid": "86ab12cd-fd66-4122-8b81-f837bc72d755",
///         "price": "10",
///     }),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewOrder {
    /// The SKUs ordered. Always sent.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub skus: Vec<OrderSku>,
    /// The retailer's purchase order number. Always sent.
    #[serde(default)]
    pub purchase_order_id: String,
    /// Notes for the order (the API may keep only 250 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The carrier asked for (`"UPS"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_carrier: Option<String>,
    /// The carrier's method asked for (`"Ground"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method: Option<String>,
    /// Where to ship. Always sent.
    #[serde(default)]
    pub address: Address,
}

impl NewOrder {
    /// An order numbered `purchase_order_id`, shipping to `address`, with
    /// no SKUs yet.
    #[must_use]
    pub fn new(purchase_order_id: impl Into<String>, address: Address) -> Self {
        Self {
            purchase_order_id: purchase_order_id.into(),
            address,
            ..Self::default()
        }
    }

    /// Adds a SKU line.
    #[must_use]
    pub fn sku(mut self, sku: OrderSku) -> Self {
        self.skus.push(sku);
        self
    }
}

/// One SKU of a [`NewOrder`] (the `objects/sku` include).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderSku {
    /// How many; read from an integer or a numeric string (the sample's
    /// `"53"`), written as an integer (docs/spec-decisions.md, E-07).
    #[serde(deserialize_with = "crate::quantity::deserialize")]
    pub quantity: u32,
    /// The supplier's code for the SKU.
    pub sku_id: String,
    /// The supplier of the SKU.
    pub supplier_uuid: SupplierId,
    /// The price per unit, exact, written as a decimal string
    /// (docs/spec-decisions.md, E-07).
    #[serde(with = "crate::money")]
    pub price: Decimal,
    /// The cost the retailer expects per unit, if it wants it checked.
    #[serde(
        default,
        with = "crate::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expected_sku_cost: Option<Decimal>,
}

impl OrderSku {
    /// `quantity` of the SKU `sku_id` of `supplier`, at `price` each.
    #[must_use]
    pub fn new(
        sku_id: impl Into<String>,
        supplier: SupplierId,
        quantity: u32,
        price: Decimal,
    ) -> Self {
        Self {
            quantity,
            sku_id: sku_id.into(),
            supplier_uuid: supplier,
            price,
            expected_sku_cost: None,
        }
    }
}
