//! `orders.*`: a retailer's orders of its connected suppliers' SKUs, and
//! their life: created (retailer), found and allocated line by line
//! (supplier), tracked (supplier), cancelled while untouched (retailer).
//!
//! An order is seen by its retailer and by each supplier with a line in
//! it; a supplier sees its own lines only. Anyone else's order is the
//! same 404 as an unknown id.
//!
//! A line's status ([`LineStatus`](crate::store::orders::LineStatus)):
//! `Unallocated` until its supplier allocates it; then `Allocated` (some
//! accepted), `Backordered` (none accepted, some backordered) or `Rejected`
//! (all rejected); `HasTracking` once some of it is shipped; `Cancelled`
//! when the retailer cancels it, which only an unallocated line can be.

mod lifecycle;
mod pricing;
pub(crate) mod search;
mod view;

use serde_json::{Map, Value, json};

pub(crate) use lifecycle::{add_tracking, allocate};
pub(crate) use search::search;

use super::accounting::record_export;
use super::values::{self, bad};
use super::{Actor, Body, DomainError, Outcome, fields};
use crate::store::orders::{LineItemId, LineRow, OrderId, OrderRow};
use crate::store::products::parse_id;
use crate::store::{IdKind, Store};
use pricing::{Priced, line_name};

/// The address fields an order keeps (every one, `null` when not sent).
const ADDRESS_FIELDS: [&str; 9] = [
    "name",
    "business_name",
    "address1",
    "address2",
    "city",
    "state",
    "postal_code",
    "phone_number",
    "country",
];

/// The longest `notes` kept.
const NOTES_MAX: usize = 250;

/// The order `id` (path text) if `actor` sees it.
pub(crate) fn find<'a>(store: &'a Store, actor: &Actor, id: &str) -> Outcome<&'a OrderRow> {
    parse_id::<OrderId>(id)
        .and_then(|id| store.orders.find_visible(&id, actor.org))
        .ok_or(DomainError::NotFound)
}

/// `orders.get`: the order as the caller sees it.
pub(crate) fn get(store: &Store, actor: &Actor, id: &str) -> Outcome<Value> {
    find(store, actor, id).map(|row| view::order(row, actor.org))
}

/// The SKUs' owners a retailer may order from: its connected suppliers.
fn suppliers_of(store: &Store, actor: &Actor) -> Vec<crux_types::OrganizationId> {
    store
        .product_owners(actor.org)
        .into_iter()
        .filter(|&org| org != actor.org)
        .collect()
}

/// Every line of `object`'s `skus`, resolved and priced (400 for a bad or
/// unknown line, 422 for one that cannot be ordered), naming the line.
fn priced_lines(store: &Store, actor: &Actor, object: &Map<String, Value>) -> Outcome<Vec<Priced>> {
    let owners = suppliers_of(store, actor);
    pricing::sku_list(object)?
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let (sku, quantity) = pricing::resolve(store, &owners, i, line)?;
            let name = line_name(i, &sku.sku_id);
            let priced = pricing::price(store, &name, sku, quantity)?;
            let expected =
                values::money(line, "expected_sku_cost").map_err(|e| pricing::prefix(&name, e))?;
            match (expected, priced.tier.cost) {
                (Some(expected), Some(cost)) if expected != cost => {
                    Err(DomainError::Unprocessable(format!(
                        "{name}: expected_sku_cost {expected} differs from the cost {cost}."
                    )))
                }
                _ => Ok(priced),
            }
        })
        .collect()
}

/// `orders.fees` (retailer): the fees an order of these `skus` would have.
pub(crate) fn fees(store: &Store, actor: &Actor, body: Body) -> Outcome<Value> {
    let body = body?;
    let lines = priced_lines(store, actor, fields::object(&body)?)?;
    Ok(view::fees(&pricing::fees(&lines)))
}

/// `orders.create` (retailer): `purchase_order_id` and `skus` required;
/// every line checked (connection, SKU, stock, price) before anything is
/// stored. Answers the order.
pub(crate) fn create(store: &mut Store, actor: &Actor, body: Body) -> Outcome<Value> {
    let body = body?;
    let object = fields::object(&body)?;
    let purchase_order_id = values::required_string(object, "purchase_order_id")?;
    let lines = priced_lines(store, actor, object)?;
    let notes: String = values::string(object, "notes")?
        .unwrap_or_default()
        .chars()
        .take(NOTES_MAX)
        .collect();
    let shipping = (
        values::string(object, "shipping_carrier")?,
        values::string(object, "shipping_method")?,
    );
    let address = address(object)?;
    let org = store
        .organizations
        .get(&actor.org)
        .ok_or(DomainError::Inconsistent("a caller without organization"))?;
    let retailer_name = org.organization.name.clone();
    let retailer_uuid = org.retailer.map(|r| r.to_string()).unwrap_or_default();
    let user = store
        .users
        .get(&actor.user)
        .map(|u| {
            let p = &u.user.person;
            (format!("{} {}", p.first_name, p.last_name), p.email.clone())
        })
        .unwrap_or_default();
    let fees = pricing::fees(&lines);
    let id = next_id(store, IdKind::Order).map(OrderId::new)?;
    let mut rows = Vec::with_capacity(lines.len());
    for priced in lines {
        rows.push(line_row(store, priced)?);
    }
    let row = OrderRow {
        id,
        retailer: actor.org,
        retailer_name,
        retailer_uuid,
        user,
        purchase_order_id,
        notes,
        created: store.clock.tick(),
        address,
        shipping,
        fees,
        lines: rows,
    };
    let answer = view::order(&row, actor.org);
    store.orders.insert(row);
    Ok(answer)
}

/// A new line for `priced`.
fn line_row(store: &mut Store, priced: Priced) -> Outcome<LineRow> {
    let sku = priced.sku;
    let (supplier_uuid, supplier_name) = store
        .organizations
        .get(&sku.org)
        .and_then(|org| Some((org.supplier?, org.organization.name.clone())))
        .ok_or(DomainError::Inconsistent("a SKU without supplier"))?;
    let item_name = store
        .items
        .get(&sku.item)
        .map(|item| item.title.clone())
        .unwrap_or_default();
    Ok(LineRow {
        id: next_id(store, IdKind::LineItem).map(LineItemId::new)?,
        supplier: sku.org,
        supplier_uuid,
        supplier_name,
        item: (sku.item, item_name),
        sku: sku.id,
        sku_id: sku.sku_id,
        cost: priced.tier.cost.unwrap_or_default(),
        ordered: priced.quantity,
        allocation: None,
        cancelled: false,
        tracking: Vec::new(),
    })
}

/// The next id of `kind`.
pub(crate) fn next_id(store: &mut Store, kind: IdKind) -> Outcome<uuid::Uuid> {
    store
        .ids
        .next(kind)
        .ok_or(DomainError::Inconsistent("the ids are used up"))
}

/// `address`: an object of strings (or `null`s); every field kept.
fn address(object: &Map<String, Value>) -> Outcome<Map<String, Value>> {
    let given = values::map(object, "address")?;
    ADDRESS_FIELDS
        .iter()
        .map(|&field| match given.get(field) {
            None | Some(Value::Null) => Ok((field.to_owned(), Value::Null)),
            Some(Value::String(text)) => Ok((field.to_owned(), Value::String(text.clone()))),
            Some(_) => Err(bad(&format!("address.{field}"), "Not a valid string.")),
        })
        .collect()
}

/// `orders.cancel` (retailer): body `{"order_uuid"}`; 404 for an order the
/// caller does not see, 422 when any line is allocated or shipped, else
/// every line is cancelled. Answers the order.
pub(crate) fn cancel(store: &mut Store, actor: &Actor, body: Body) -> Outcome<Value> {
    let body = body?;
    let object = fields::object(&body)?;
    let id = values::required_string(object, "order_uuid")?;
    let order_id = find(store, actor, &id)?.id;
    let row = store
        .orders
        .find_visible_mut(&order_id, actor.org)
        .ok_or(DomainError::NotFound)?;
    if let Some(line) = row.lines.iter().find(|line| line.is_committed()) {
        return Err(DomainError::Unprocessable(format!(
            "Order {order_id} cannot be cancelled: line item {} is {}.",
            line.id,
            line.status().as_str()
        )));
    }
    for line in &mut row.lines {
        line.cancelled = true;
    }
    Ok(view::order(row, actor.org))
}

/// `orders.cancel_item` (retailer): the line `id` of one of the caller's
/// orders (404 otherwise); 422 once it is allocated or shipped. Answers
/// the order.
pub(crate) fn cancel_item(store: &mut Store, actor: &Actor, id: &str) -> Outcome<Value> {
    let line_id = parse_id::<LineItemId>(id).ok_or(DomainError::NotFound)?;
    let order_id = store
        .orders
        .visible(actor.org)
        .find(|order| order.lines.iter().any(|line| line.id == line_id))
        .map(|order| order.id)
        .ok_or(DomainError::NotFound)?;
    let row = store
        .orders
        .find_visible_mut(&order_id, actor.org)
        .ok_or(DomainError::NotFound)?;
    let line = row
        .lines
        .iter_mut()
        .find(|line| line.id == line_id)
        .ok_or(DomainError::NotFound)?;
    if line.is_committed() {
        return Err(DomainError::Unprocessable(format!(
            "Line item {line_id} cannot be cancelled: it is {}.",
            line.status().as_str()
        )));
    }
    line.cancelled = true;
    Ok(view::order(row, actor.org))
}

/// `orders.export`: body `{"uuids": [...]}`, orders the caller sees (400
/// naming another); answers `{"uuid"}`, the next export id.
pub(crate) fn export(store: &mut Store, actor: &Actor, body: Body) -> Outcome<Value> {
    let body = body?;
    let object = fields::object(&body)?;
    for id in values::id_list(object, "uuids")? {
        if store
            .orders
            .find_visible(&OrderId::new(id), actor.org)
            .is_none()
        {
            return Err(values::does_not_exist("uuids", id));
        }
    }
    let id = record_export(store, actor, "orders.export")?;
    Ok(json!({"uuid": id.to_string()}))
}

/// `orders.export_by_search`: an order query (checked as the search
/// checks it); answers `{"uuid"}`, the next export id.
pub(crate) fn export_by_search(store: &mut Store, actor: &Actor, body: Body) -> Outcome<Value> {
    search::search(store, actor, body)?;
    let id = record_export(store, actor, "orders.export_by_search")?;
    Ok(json!({"uuid": id.to_string()}))
}

#[cfg(test)]
mod tests;
