//! `catalogs.*`: list and get (both types: a supplier its own catalogs, a
//! retailer those of the suppliers connected to it); create and change the
//! SKUs in one (suppliers).

use super::membership::{self, Change, Selection};
use super::values::{self};
use crux_types::Catalog;

use super::views::{self, Viewer};
use super::{Actor, Body, DomainError, Outcome, fields};
use crate::store::products::{CatalogId, CatalogRow, parse_id};
use crate::store::{IdKind, Store};

/// `catalogs.list`.
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Vec<Catalog>> {
    let viewer = Viewer::of(store, actor.org);
    Ok(store
        .catalogs
        .visible_to_any(&viewer.owners)
        .map(|row| views::catalog(&viewer, row))
        .collect())
}

/// `catalogs.get`: unknown, malformed and unseen ids are 404.
pub(crate) fn get(store: &Store, actor: &Actor, id: &str) -> Outcome<Catalog> {
    let viewer = Viewer::of(store, actor.org);
    parse_id::<CatalogId>(id)
        .and_then(|id| store.catalogs.find_visible_to_any(&id, &viewer.owners))
        .map(|row| views::catalog(&viewer, row))
        .ok_or(DomainError::NotFound)
}

/// `catalogs.create`: `name` is required; the default costs may be
/// numbers, numeric strings, `null` or `""` (a variable cost).
pub(crate) fn create(store: &mut Store, actor: &Actor, body: Body) -> Outcome<Catalog> {
    let body = body?;
    let object = fields::object(&body)?;
    let name = values::required_string(object, "name")?;
    let description = values::string(object, "description")?.unwrap_or_default();
    let shipping = values::money(object, "default_shipping_cost")?;
    let handling = values::money(object, "default_handling_cost")?;
    let supplier = store
        .organizations
        .get(&actor.org)
        .and_then(|org| org.supplier)
        .ok_or(DomainError::Inconsistent("a supplier without supplier id"))?;
    let id = store
        .ids
        .next(IdKind::Catalog)
        .map(CatalogId::new)
        .ok_or(DomainError::Inconsistent("the catalog ids are used up"))?;
    let now = store.clock.tick();
    let row = CatalogRow {
        id,
        org: actor.org,
        supplier,
        name,
        description,
        shipping,
        handling,
        skus: Vec::new(),
        created: now,
        last_updated: now,
    };
    let catalog = views::catalog(&Viewer::of(store, actor.org), &row);
    store.catalogs.insert(row);
    Ok(catalog)
}

/// The add and remove endpoints: the caller's catalog `id` (404 first),
/// then the body (400), then the change; answers the updated catalog.
pub(crate) fn change(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    body: Body,
    selection: Selection,
    change: Change,
) -> Outcome<Catalog> {
    let id = parse_id::<CatalogId>(id)
        .filter(|id| store.catalogs.find_visible(id, actor.org).is_some())
        .ok_or(DomainError::NotFound)?;
    let viewer = Viewer::of(store, actor.org);
    let skus = membership::selected_skus(store, &viewer, selection, &body?)?;
    let now = store.clock.tick();
    let row = store
        .catalogs
        .find_visible_mut(&id, actor.org)
        .ok_or(DomainError::NotFound)?;
    membership::apply(&mut row.skus, &skus, change);
    row.last_updated = now;
    Ok(views::catalog(&viewer, row))
}
