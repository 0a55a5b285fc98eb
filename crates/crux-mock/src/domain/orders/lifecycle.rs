//! The supplier's side of an order's life: `orders.allocate` and
//! `orders.add_tracking`. Each checks the whole body before it changes
//! anything.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::super::values::{self, bad};
use super::super::{Actor, Body, DomainError, Outcome, fields};
use super::{find, view};
use crate::store::Store;
use crate::store::orders::{Allocation, LineItemId, OrderRow, TrackingRow};

/// The list `field` of `object`, each element an object; absent is empty.
fn objects<'a>(
    object: &'a Map<String, Value>,
    field: &str,
) -> Outcome<Vec<&'a Map<String, Value>>> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_object()
                    .ok_or_else(|| bad(&format!("{field}[{i}]"), "Expected a dictionary of items."))
            })
            .collect(),
        Some(_) => Err(bad(field, "Expected a list of items.")),
    }
}

/// The caller's line `text` of `order`, if it is one.
fn own_line(order: &OrderRow, actor: &Actor, text: &str) -> Option<LineItemId> {
    let id = text.parse::<LineItemId>().ok()?;
    order
        .lines
        .iter()
        .find(|line| line.id == id && line.supplier == actor.org)
        .map(|line| line.id)
}

/// `orders.allocate` (supplier): body `{"line_items": [{"line_item_uuid",
/// "allocation": {"quantity_accepted", "quantity_rejected",
/// "quantity_backordered"}}]}` (numbers or numeric strings, absent 0). Each
/// line's three must add up to its quantity ordered (400 otherwise, nothing
/// changed), and may not accept fewer than it has shipped (422). Answers
/// one `{line_item_uuid: status}` per element: the line's new status,
/// `Cancelled` for a cancelled line (left alone), `Item Not Found` for a
/// uuid that is not one of the caller's lines of this order.
pub(crate) fn allocate(store: &mut Store, actor: &Actor, id: &str, body: Body) -> Outcome<Value> {
    let order = find(store, actor, id)?;
    let order_id = order.id;
    let body = body?;
    let object = fields::object(&body)?;
    let mut changes: Vec<(String, Option<(LineItemId, Allocation)>)> = Vec::new();
    for (i, element) in objects(object, "line_items")?.into_iter().enumerate() {
        let field = format!("line_items[{i}]");
        let text = values::required_string(element, "line_item_uuid")
            .map_err(|e| super::pricing::prefix(&field, e))?;
        let allocation = values::map(element, "allocation")?;
        let part = |name: &str| {
            values::quantity(&allocation, name)
                .map(Option::unwrap_or_default)
                .map_err(|e| super::pricing::prefix(&format!("{field}.allocation"), e))
        };
        let wanted = Allocation {
            accepted: part("quantity_accepted")?,
            rejected: part("quantity_rejected")?,
            backordered: part("quantity_backordered")?,
        };
        let Some(line_id) = own_line(order, actor, &text) else {
            changes.push((text, None));
            continue;
        };
        let line = order.lines.iter().find(|line| line.id == line_id);
        let Some(line) = line.filter(|line| !line.cancelled) else {
            changes.push((text, None));
            continue;
        };
        let total =
            u64::from(wanted.accepted) + u64::from(wanted.rejected) + u64::from(wanted.backordered);
        if total != u64::from(line.ordered) {
            return Err(bad(
                &field,
                format!(
                    "quantity_accepted + quantity_rejected + quantity_backordered is {total}; line item {line_id} ordered {}.",
                    line.ordered
                ),
            ));
        }
        if wanted.accepted < line.shipped() {
            return Err(DomainError::Unprocessable(format!(
                "{field}: line item {line_id} has shipped {}; it cannot accept {}.",
                line.shipped(),
                wanted.accepted
            )));
        }
        changes.push((text, Some((line_id, wanted))));
    }
    let row = store
        .orders
        .find_visible_mut(&order_id, actor.org)
        .ok_or(DomainError::NotFound)?;
    let answer = changes
        .into_iter()
        .map(|(text, change)| {
            let status = match change {
                Some((line_id, allocation)) => row
                    .lines
                    .iter_mut()
                    .find(|line| line.id == line_id)
                    .map_or("Item Not Found", |line| {
                        line.allocation = Some(allocation);
                        line.status().as_str()
                    }),
                None => own_line(row, actor, &text).map_or("Item Not Found", |_| "Cancelled"),
            };
            json!({ text: status })
        })
        .collect();
    Ok(Value::Array(answer))
}

/// The tracking entries of the body: one object (as the curl example
/// sends it), `{"tracking_numbers": [...]}` (HTTPie) or a list (E-05).
fn entries(body: &Value) -> Outcome<Vec<&Map<String, Value>>> {
    match body {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_object()
                    .ok_or_else(|| bad(&format!("[{i}]"), "Expected a dictionary of items."))
            })
            .collect(),
        Value::Object(object) if object.contains_key("tracking_numbers") => {
            objects(object, "tracking_numbers")
        }
        other => fields::object(other).map(|object| vec![object]),
    }
}

/// `orders.add_tracking` (supplier): one or more tracking numbers
/// (`tracking` required; `carrier`, `method`, `weight`, `ship_cost`), each
/// for `line_items` `[{line_item_uuid, quantity}]` of the caller's lines of
/// this order (400 naming another). A line ships at most what it accepted
/// and has not shipped yet (422). Answers the order as the caller sees it.
pub(crate) fn add_tracking(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    body: Body,
) -> Outcome<Value> {
    let order = find(store, actor, id)?;
    let order_id = order.id;
    let body = body?;
    let mut shipping: HashMap<LineItemId, u32> = HashMap::new();
    let mut rows: Vec<(LineItemId, TrackingRow)> = Vec::new();
    let now = store.clock.now();
    for entry in entries(&body)? {
        let number = values::required_string(entry, "tracking")?;
        let lines = objects(entry, "line_items")?;
        if lines.is_empty() {
            return Err(bad("line_items", "This list may not be empty."));
        }
        for (i, element) in lines.into_iter().enumerate() {
            let field = format!("line_items[{i}]");
            let text = values::required_string(element, "line_item_uuid")
                .map_err(|e| super::pricing::prefix(&field, e))?;
            let line_id = own_line(order, actor, &text)
                .ok_or_else(|| values::does_not_exist(&format!("{field}.line_item_uuid"), &text))?;
            let quantity = values::quantity(element, "quantity")
                .map_err(|e| super::pricing::prefix(&field, e))?
                .filter(|&q| q > 0)
                .ok_or_else(|| {
                    bad(
                        &field,
                        "quantity: Ensure this value is greater than or equal to 1.",
                    )
                })?;
            let line = order.lines.iter().find(|line| line.id == line_id);
            let to_ship = line.map_or(0, |line| line.to_ship());
            let total = shipping.entry(line_id).or_default();
            *total = total.saturating_add(quantity);
            if *total > to_ship {
                return Err(DomainError::Unprocessable(format!(
                    "{field}: line item {line_id} has {to_ship} allocated and not shipped; {} given.",
                    *total
                )));
            }
            rows.push((
                line_id,
                TrackingRow {
                    number: number.clone(),
                    carrier: values::string(entry, "carrier")?,
                    method: values::string(entry, "method")?,
                    weight: values::money(entry, "weight")?,
                    cost: values::money(entry, "ship_cost")?,
                    date: now,
                    quantity,
                },
            ));
        }
    }
    store.clock.tick();
    let row = store
        .orders
        .find_visible_mut(&order_id, actor.org)
        .ok_or(DomainError::NotFound)?;
    for (line_id, tracking) in rows {
        if let Some(line) = row.lines.iter_mut().find(|line| line.id == line_id) {
            line.tracking.push(tracking);
        }
    }
    Ok(view::order(row, actor.org))
}
