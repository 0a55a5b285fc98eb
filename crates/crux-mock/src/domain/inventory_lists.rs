//! `inventory_lists.*` (retailers): a retailer's own lists of the SKUs it
//! sells, made of SKUs of the suppliers connected to it.

use super::membership::{self, Change, Selection};
use super::values;
use crux_types::InventoryList;

use super::views::{self, Viewer};
use super::{Actor, Body, DomainError, Outcome, fields};
use crate::store::products::{InventoryListId, InventoryListRow, parse_id};
use crate::store::{IdKind, Store};

/// `inventory_lists.list`: the caller's organization's lists.
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Vec<InventoryList>> {
    Ok(store
        .inventory_lists
        .visible(actor.org)
        .map(views::inventory_list)
        .collect())
}

/// `inventory_lists.get`: unknown, malformed and other retailers' ids are
/// 404.
pub(crate) fn get(store: &Store, actor: &Actor, id: &str) -> Outcome<InventoryList> {
    parse_id::<InventoryListId>(id)
        .and_then(|id| store.inventory_lists.find_visible(&id, actor.org))
        .map(views::inventory_list)
        .ok_or(DomainError::NotFound)
}

/// `inventory_lists.create`: `name` is required, `description` optional.
pub(crate) fn create(store: &mut Store, actor: &Actor, body: Body) -> Outcome<InventoryList> {
    let body = body?;
    let object = fields::object(&body)?;
    let name = values::required_string(object, "name")?;
    let description = values::string(object, "description")?.unwrap_or_default();
    let retailer = store
        .organizations
        .get(&actor.org)
        .and_then(|org| org.retailer)
        .ok_or(DomainError::Inconsistent("a retailer without retailer id"))?;
    let id = store
        .ids
        .next(IdKind::InventoryList)
        .map(InventoryListId::new)
        .ok_or(DomainError::Inconsistent(
            "the inventory list ids are used up",
        ))?;
    let now = store.clock.tick();
    let row = InventoryListRow {
        id,
        org: actor.org,
        retailer,
        name,
        description,
        skus: Vec::new(),
        created: now,
        last_updated: now,
    };
    let list = views::inventory_list(&row);
    store.inventory_lists.insert(row);
    Ok(list)
}

/// The add and remove endpoints: the caller's list `id` (404 first), then
/// the body (400), then the change; answers the updated list.
pub(crate) fn change(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    body: Body,
    selection: Selection,
    change: Change,
) -> Outcome<InventoryList> {
    let id = parse_id::<InventoryListId>(id)
        .filter(|id| store.inventory_lists.find_visible(id, actor.org).is_some())
        .ok_or(DomainError::NotFound)?;
    let viewer = Viewer::of(store, actor.org);
    let skus = membership::selected_skus(store, &viewer, selection, &body?)?;
    let now = store.clock.tick();
    let row = store
        .inventory_lists
        .find_visible_mut(&id, actor.org)
        .ok_or(DomainError::NotFound)?;
    membership::apply(&mut row.skus, &skus, change);
    row.last_updated = now;
    Ok(views::inventory_list(row))
}
