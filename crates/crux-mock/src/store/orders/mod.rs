//! The order world's rows: orders with their line items (allocation,
//! tracking), the retailers' connection requests, and the suppliers
//! listed for discovery. Ids are the mock's own newtypes.

mod ids;

use crux_types::{Decimal, OrganizationId, SupplierId, Timestamp};
use serde_json::{Map, Value};

pub(crate) use ids::{IntegrationId, LineItemId, OrderId, RequestId};

use super::products::{ItemId, SkuId};
use super::table::{Row, Visible};

/// An order of a retailer: seen by the retailer and by each supplier
/// with a line in it (a supplier sees its own lines only).
#[derive(Debug, Clone)]
pub(crate) struct OrderRow {
    /// `uuid`.
    pub(crate) id: OrderId,
    /// The retailer's organization.
    pub(crate) retailer: OrganizationId,
    /// `retailer.name`, `retailer.uuid` (the retailer id).
    pub(crate) retailer_name: String,
    /// `retailer.uuid`.
    pub(crate) retailer_uuid: String,
    /// `retailer.user`: name and email of who created it.
    pub(crate) user: (String, String),
    /// `purchase_order_id`.
    pub(crate) purchase_order_id: String,
    /// `notes` (at most 250 characters).
    pub(crate) notes: String,
    /// `created_date`.
    pub(crate) created: Timestamp,
    /// `address`, as sent (with `country` and `phone_number`).
    pub(crate) address: Map<String, Value>,
    /// `requested_shipping`: carrier and method.
    pub(crate) shipping: (Option<String>, Option<String>),
    /// `fees`.
    pub(crate) fees: FeeRow,
    /// `line_items`.
    pub(crate) lines: Vec<LineRow>,
}

/// An order's fees (`estimated_shipping_cost`, `drop_ship_fee`,
/// `order_fee`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FeeRow {
    /// `estimated_shipping_cost`.
    pub(crate) shipping: Decimal,
    /// `drop_ship_fee`.
    pub(crate) drop_ship: Decimal,
    /// `order_fee`.
    pub(crate) order: Decimal,
}

/// A line item: one SKU of one supplier.
#[derive(Debug, Clone)]
pub(crate) struct LineRow {
    /// `uuid`.
    pub(crate) id: LineItemId,
    /// The supplier's organization.
    pub(crate) supplier: OrganizationId,
    /// `supplier_uuid`.
    pub(crate) supplier_uuid: SupplierId,
    /// `supplier_name`.
    pub(crate) supplier_name: String,
    /// `item_uuid`, `item_name`.
    pub(crate) item: (ItemId, String),
    /// `sku_uuid`.
    pub(crate) sku: SkuId,
    /// `sku_id`.
    pub(crate) sku_id: String,
    /// `cost`: the price tier's cost per bundle.
    pub(crate) cost: Decimal,
    /// `allocation.quantity_ordered`.
    pub(crate) ordered: u32,
    /// Accepted (`quantity_allocated`), rejected, backordered.
    pub(crate) allocation: Option<Allocation>,
    /// Cancelled by the retailer.
    pub(crate) cancelled: bool,
    /// `tracking_numbers`.
    pub(crate) tracking: Vec<TrackingRow>,
}

/// A line's allocation: the three parts sum to the quantity ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Allocation {
    /// `quantity_accepted` (shown as `quantity_allocated`).
    pub(crate) accepted: u32,
    /// `quantity_rejected`.
    pub(crate) rejected: u32,
    /// `quantity_backordered`.
    pub(crate) backordered: u32,
}

/// A shipment of part of a line.
#[derive(Debug, Clone)]
pub(crate) struct TrackingRow {
    /// `tracking_number`.
    pub(crate) number: String,
    /// `shipping_carrier`, `shipping_method`.
    pub(crate) carrier: Option<String>,
    /// `shipping_method`.
    pub(crate) method: Option<String>,
    /// `shipping_weight` (lb).
    pub(crate) weight: Option<Decimal>,
    /// `shipping_cost`.
    pub(crate) cost: Option<Decimal>,
    /// `shipping_date`.
    pub(crate) date: Timestamp,
    /// `quantity` of this line shipped.
    pub(crate) quantity: u32,
}

/// A line's status, as `line_items[].status` and the allocation result
/// show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineStatus {
    /// Not allocated yet.
    Unallocated,
    /// Some accepted, nothing shipped yet.
    Allocated,
    /// Some shipped.
    HasTracking,
    /// Nothing accepted, some backordered.
    Backordered,
    /// Everything rejected.
    Rejected,
    /// Cancelled by the retailer.
    Cancelled,
}

impl LineStatus {
    /// The API's name.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Unallocated => "Unallocated",
            Self::Allocated => "Allocated",
            Self::HasTracking => "HasTracking",
            Self::Backordered => "Backordered",
            Self::Rejected => "Rejected",
            Self::Cancelled => "Cancelled",
        }
    }
}

impl LineRow {
    /// Units shipped so far (every tracking number's quantity).
    pub(crate) fn shipped(&self) -> u32 {
        self.tracking.iter().map(|t| t.quantity).sum()
    }

    /// Accepted and not yet shipped.
    pub(crate) fn to_ship(&self) -> u32 {
        self.allocation
            .map_or(0, |a| a.accepted.saturating_sub(self.shipped()))
    }

    /// Whether any of it is allocated (accepted, rejected or backordered)
    /// or shipped: then it can no longer be cancelled.
    pub(crate) fn is_committed(&self) -> bool {
        self.allocation.is_some() || !self.tracking.is_empty()
    }

    /// The line's status.
    pub(crate) fn status(&self) -> LineStatus {
        match self.allocation {
            _ if self.cancelled => LineStatus::Cancelled,
            None => LineStatus::Unallocated,
            Some(_) if !self.tracking.is_empty() => LineStatus::HasTracking,
            Some(a) if a.accepted > 0 => LineStatus::Allocated,
            Some(a) if a.backordered > 0 => LineStatus::Backordered,
            Some(_) => LineStatus::Rejected,
        }
    }
}

impl Row for OrderRow {
    type Id = OrderId;
    fn id(&self) -> &OrderId {
        &self.id
    }
}

/// The retailer and every supplier with a line see the order.
impl Visible for OrderRow {
    fn visible_to(&self, org: OrganizationId) -> bool {
        self.retailer == org || self.lines.iter().any(|line| line.supplier == org)
    }
}

/// A retailer's request to connect with a supplier.
#[derive(Debug, Clone)]
pub(crate) struct RequestRow {
    /// `record_uuid`.
    pub(crate) id: RequestId,
    /// The retailer's organization.
    pub(crate) org: OrganizationId,
    /// `org_name`, `org_contact_full_name`, `primary_contact_phone`,
    /// `primary_contact_email`, `retailer_account_number`,
    /// `additional_information`: the text fields, by response name.
    pub(crate) text: Map<String, Value>,
    /// `request_date`.
    pub(crate) date: Timestamp,
    /// `integrations`.
    pub(crate) integrations: Vec<IntegrationRow>,
    /// `uploaded_files`, as sent.
    pub(crate) uploaded_files: Vec<Value>,
}

/// An integration asked for in a connection request.
#[derive(Debug, Clone)]
pub(crate) struct IntegrationRow {
    /// `record_uuid`.
    pub(crate) id: IntegrationId,
    /// `integration_type`, `update_frequency`,
    /// `feed_source_file_locations`, `file_specs`, `rules`.
    pub(crate) text: Map<String, Value>,
    /// `date_created`.
    pub(crate) created: Timestamp,
}

impl Row for RequestRow {
    type Id = RequestId;
    fn id(&self) -> &RequestId {
        &self.id
    }
}

/// The requesting retailer sees its requests.
impl Visible for RequestRow {
    fn visible_to(&self, org: OrganizationId) -> bool {
        self.org == org
    }
}

/// A supplier listed for discovery.
#[derive(Debug, Clone)]
pub(crate) struct DiscoveryRow {
    /// `uuid`: the supplier id.
    pub(crate) id: SupplierId,
    /// The supplier's organization, when it is one of the demo's.
    pub(crate) org: Option<OrganizationId>,
    /// `name`.
    pub(crate) name: String,
    /// `website`.
    pub(crate) website: String,
    /// `description`.
    pub(crate) description: String,
    /// `number_of_skus`.
    pub(crate) number_of_skus: u32,
    /// `shipping_origin_country_name`.
    pub(crate) country: String,
    /// `contact.uuid` (a person id).
    pub(crate) contact_id: uuid::Uuid,
    /// `contact`: first name, last name, email.
    pub(crate) contact: [String; 3],
    /// When it joined the discovery catalog (`recent`).
    pub(crate) joined: Timestamp,
}

impl Row for DiscoveryRow {
    type Id = SupplierId;
    fn id(&self) -> &SupplierId {
        &self.id
    }
}
