//! The Order object and the objects inside it that are not line items.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::LineItem;
use crate::id::{OrderId, OrganizationId};
use crate::time::Timestamp;

/// An order: a retailer's purchase of SKUs from one or more suppliers
/// (the `orders/response/orders` include).
///
/// Returned by Get Orders (inside an [`OrderPage`](super::OrderPage)),
/// Get Order Detail (`GET /orders/{order_uuid}/`) and Create Order
/// (`POST /orders/create/`). Fields a sample may leave out are `Option`s;
/// unknown fields are ignored (docs/spec-decisions.md, E-18).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// Identifies the order: the id the order calls take.
    pub uuid: OrderId,
    /// The order's status: listed by the create page only, absent from
    /// every sample (docs/spec-decisions.md, E-41).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `true` once the suppliers have allocated the order.
    #[serde(default, deserialize_with = "crate::serde_util::lenient_bool")]
    pub is_allocated: bool,
    /// The retailer's own purchase order number, as sent on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_id: Option<String>,
    /// When the order was created.
    pub created_date: Timestamp,
    /// The retailer's notes (the API may cut them to 250 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The order's fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<Fees>,
    /// The retailer who placed the order (docs/spec-decisions.md, E-14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retailer: Option<OrderRetailer>,
    /// Where the order ships to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The carrier and method the retailer asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_shipping: Option<RequestedShipping>,
    /// One line per SKU ordered.
    #[serde(default, deserialize_with = "crate::serde_util::compact_vec")]
    pub line_items: Vec<LineItem>,
}

/// The fees of an order (the `objects/fees` include), also the answer of
/// Get Order Fees (`POST /orders/fees/`). Exact amounts, read from numbers
/// or strings (docs/spec-decisions.md, E-07); a missing fee is zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fees {
    /// The estimated cost of shipping.
    #[serde(default, with = "crate::money")]
    pub estimated_shipping_cost: Decimal,
    /// The drop-ship fee.
    #[serde(default, with = "crate::money")]
    pub drop_ship_fee: Decimal,
    /// The per-order fee; also read from `per_order_fee`, the fees page's
    /// name (docs/spec-decisions.md, E-13).
    #[serde(default, with = "crate::money", alias = "per_order_fee")]
    pub order_fee: Decimal,
}

/// The retailer of an order, as the samples show it: `{name, uuid, user}`
/// (docs/spec-decisions.md, E-14), not the `objects/retailer` include.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderRetailer {
    /// The retailer organization's id.
    pub uuid: OrganizationId,
    /// The retailer organization's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The user who created the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<OrderUser>,
}

/// A user as an order names them (the `objects/user_simple` include).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderUser {
    /// Full name, verbatim (the samples have `" "`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A shipping address (the `objects/address_business` include, plus
/// `country`, which orders carry; docs/spec-decisions.md, E-14).
///
/// Used in orders and in the create-order and fees bodies. Every field is
/// optional and not sent when `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Address {
    /// The recipient's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The recipient's business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// The first address line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address1: Option<String>,
    /// The second address line (suite, apartment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The state (`"NY"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The postal code, a string (`"10112"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// A phone number, free-form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The country; `null` in every sample (docs/spec-decisions.md, E-14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// The carrier and method a retailer asked for (the
/// `orders/response/requested_shipping` include).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RequestedShipping {
    /// The carrier (`"UPS"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_carrier: Option<String>,
    /// The carrier's method (`"Ground"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method: Option<String>,
}
