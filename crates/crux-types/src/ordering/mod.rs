//! Ordering domain: orders, their lines, fees, tracking and allocation.
//!
//! Endpoints using these types (rows 23 to 32 of the endpoint table):
//!
//! | Endpoint | Request body | Returns |
//! |---|---|---|
//! | `POST /orders/` | [`OrderQuery`] | [`OrderPage`] |
//! | `GET /orders/{order_uuid}/` | none | [`Order`] |
//! | `POST /orders/export/` | [`OrderIdList`] | [`ExportRef`](crate::ExportRef) |
//! | `POST /orders/search/export/` | [`OrderQuery`] | [`ExportRef`](crate::ExportRef) |
//! | `POST /orders/create/` (retailer) | [`NewOrder`] | [`Order`] |
//! | `POST /orders/fees/` (retailer) | [`FeeQuery`] | [`Fees`] |
//! | `PATCH /orders/cancel/` (retailer) | [`OrderCancellation`] | no documented body |
//! | `DELETE /orders/items/cancel/{order_item_uuid}/` (retailer) | none | no documented body |
//! | `POST /orders/tracking/{order_uuid}/` (supplier) | [`NewTracking`] | no documented body |
//! | `PUT /orders/allocation/{order_uuid}/` (supplier) | [`AllocationUpdate`] | [`AllocationResult`] |
//!
//! Money is exact and quantities read numeric strings
//! (docs/spec-decisions.md, E-07); the query's dates are written
//! `YYYY-MM-DDThh:mm:ss.000Z` (docs/spec-decisions.md, E-30).

mod allocation;
mod bodies;
mod line_item;
mod new_order;
mod order;
mod query;
mod tracking;

pub use allocation::{
    AllocationOutcome, AllocationResult, AllocationUpdate, LineAllocation, LineItemAllocation,
};
pub use bodies::{FeeQuery, FeeSku, OrderCancellation, OrderIdList};
pub use line_item::{Allocation, LineItem, LineItemStatus, TrackingNumber};
pub use new_order::{NewOrder, OrderSku};
pub use order::{Address, Fees, Order, OrderRetailer, OrderUser, RequestedShipping};
pub use query::{
    AllocationFilter, Designations, LineItemDesignation, OrderPage, OrderQuery, OrderSort,
    OrderSortKey, SortDirection,
};
pub use tracking::{NewTracking, TrackingLineItem};
