//! Orders as JSON (`Order`, its line items, allocation and tracking
//! numbers): a supplier sees its own lines only. Amounts are decimal
//! strings, as crux-types writes them.

use crux_types::{Decimal, OrganizationId};
use serde_json::{Value, json};

use crate::store::orders::{FeeRow, LineRow, OrderRow, TrackingRow};

/// An amount as a decimal string, scale kept.
pub(crate) fn money(amount: Decimal) -> Value {
    Value::String(amount.to_string())
}

/// The lines of `order` that `org` sees: all for its retailer, its own
/// for a supplier.
pub(crate) fn lines_seen(order: &OrderRow, org: OrganizationId) -> impl Iterator<Item = &LineRow> {
    order
        .lines
        .iter()
        .filter(move |line| order.retailer == org || line.supplier == org)
}

/// `fees`.
pub(crate) fn fees(fees: &FeeRow) -> Value {
    json!({
        "estimated_shipping_cost": money(fees.shipping),
        "drop_ship_fee": money(fees.drop_ship),
        "order_fee": money(fees.order),
    })
}

/// The order as `org` sees it.
pub(crate) fn order(row: &OrderRow, org: OrganizationId) -> Value {
    let lines: Vec<&LineRow> = lines_seen(row, org).collect();
    let live = || lines.iter().filter(|line| !line.cancelled);
    let is_allocated = live().count() > 0 && live().all(|line| line.allocation.is_some());
    json!({
        "uuid": row.id.to_string(),
        "is_allocated": is_allocated,
        "purchase_order_id": row.purchase_order_id,
        "created_date": row.created.to_string(),
        "notes": row.notes,
        "fees": fees(&row.fees),
        "retailer": {
            "name": row.retailer_name,
            "uuid": row.retailer_uuid,
            "user": {"name": row.user.0, "email": row.user.1},
        },
        "address": Value::Object(row.address.clone()),
        "requested_shipping": {
            "shipping_carrier": row.shipping.0,
            "shipping_method": row.shipping.1,
        },
        "line_items": lines.iter().map(|line| line_item(line)).collect::<Vec<_>>(),
    })
}

/// A line item.
fn line_item(line: &LineRow) -> Value {
    let allocation = line.allocation.unwrap_or(crate::store::orders::Allocation {
        accepted: 0,
        rejected: 0,
        backordered: 0,
    });
    json!({
        "uuid": line.id.to_string(),
        "status": line.status().as_str(),
        "item_uuid": line.item.0.to_string(),
        "item_name": line.item.1,
        "sku_uuid": line.sku.to_string(),
        "sku_id": line.sku_id,
        "sku_name": line.item.1,
        "sku_title_variants": format!("{} {{}}", line.item.1),
        "sku_special_instructions": null,
        "cost": money(line.cost),
        "supplier_uuid": line.supplier_uuid.to_string(),
        "supplier_name": line.supplier_name,
        "tracking_numbers": line.tracking.iter().map(tracking).collect::<Vec<_>>(),
        "allocation": {
            "quantity_ordered": line.ordered,
            "quantity_allocated": allocation.accepted,
            "quantity_backordered": allocation.backordered,
            "quantity_rejected": allocation.rejected,
            "backorder_date": null,
        },
    })
}

/// A tracking number, with the response's names (E-05).
fn tracking(row: &TrackingRow) -> Value {
    json!({
        "tracking_number": row.number,
        "shipping_carrier": row.carrier,
        "shipping_method": row.method,
        "shipping_weight": row.weight.map(|w| w.to_string()),
        "shipping_cost": row.cost.map(money),
        "shipping_date": row.date.to_string(),
        "quantity": row.quantity,
    })
}
