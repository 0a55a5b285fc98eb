//! `items.*`: list, get, create (suppliers), export, export by search.

use crux_types::{ExportRef, Item};
use serde::Serialize;
use serde_json::Value;

use super::accounting::record_export;
use super::search::{self, SearchParams};
use super::values::{self, bad, does_not_exist};
use super::views::{self, Viewer};
use super::{Actor, Body, DomainError, Outcome, fields};
use crate::store::products::{CategoryId, CategoryRow, ItemId, ItemRow, parse_id};
use crate::store::{IdKind, Store};

/// The answer of the item exports: `{"export": {"uuid": ...}}`, as their
/// pages show (docs/spec-decisions.md, E-24).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ItemsExport {
    pub(crate) export: ExportRef,
}

/// The item `id` if `viewer` sees it; 404 otherwise.
pub(crate) fn find<'a>(store: &'a Store, viewer: &Viewer, id: &str) -> Outcome<&'a ItemRow> {
    parse_id::<ItemId>(id)
        .and_then(|id| store.items.find_visible_to_any(&id, &viewer.owners))
        .ok_or(DomainError::NotFound)
}

/// The items of list `field` (`item_uuids`): each must be one `viewer`
/// sees, or 400 naming it (nothing is changed).
pub(crate) fn id_list(
    store: &Store,
    viewer: &Viewer,
    body: &Value,
    field: &str,
) -> Outcome<Vec<ItemId>> {
    let object = fields::object(body)?;
    values::id_list(object, field)?
        .into_iter()
        .map(|uuid| {
            store
                .items
                .find_visible_to_any(&ItemId::new(uuid), &viewer.owners)
                .map(|row| row.id)
                .ok_or_else(|| does_not_exist(field, uuid))
        })
        .collect()
}

/// `items.list`: every item the caller sees, with its SKUs.
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Vec<Item>> {
    let viewer = Viewer::of(store, actor.org);
    Ok(store
        .items
        .visible_to_any(&viewer.owners)
        .map(|row| views::item(store, &viewer, row, false))
        .collect())
}

/// `items.get`: one item; unknown, malformed and unseen ids are 404.
pub(crate) fn get(store: &Store, actor: &Actor, id: &str) -> Outcome<Item> {
    let viewer = Viewer::of(store, actor.org);
    find(store, &viewer, id).map(|row| views::item(store, &viewer, row, false))
}

/// `items.create` (suppliers): a new item, without SKUs. `item_id` and
/// `title` are required.
pub(crate) fn create(store: &mut Store, actor: &Actor, body: Body) -> Outcome<Item> {
    let body = body?;
    let object = fields::object(&body)?;
    let item_id = values::required_string(object, "item_id")?;
    let title = values::required_string(object, "title")?;
    let text = |field| values::string(object, field);
    let (description, warranty, return_policy) = (
        text("description")?,
        text("warranty")?,
        text("return_policy")?,
    );
    let (manufacturer, brand, restriction) = (
        text("manufacturer")?,
        text("brand")?,
        text("other_marketplace_restriction")?,
    );
    let origin = values::country(object, "country_of_origin")?;
    let shipping_origin = values::country(object, "shipping_origin_country")?;
    let fba_certified = values::boolean(object, "fba_certified")?;
    let attributes = values::map(object, "item_attributes")?;
    let paths = category_paths(object.get("categories"))?;
    let org = store
        .organizations
        .get(&actor.org)
        .ok_or(DomainError::Inconsistent("an actor without organization"))?;
    let supplier = org
        .supplier
        .ok_or(DomainError::Inconsistent("a supplier without supplier id"))?;
    let supplier_name = org.organization.name.clone();
    let mut categories = Vec::new();
    for path in paths {
        categories.push(category(store, actor, path)?);
    }
    let id = store
        .ids
        .next(IdKind::Item)
        .map(ItemId::new)
        .ok_or(DomainError::Inconsistent("the item ids are used up"))?;
    let now = store.clock.tick();
    let row = ItemRow {
        id,
        org: actor.org,
        supplier,
        supplier_name,
        item_id,
        title,
        description: description.unwrap_or_default(),
        warranty,
        return_policy,
        manufacturer: manufacturer.unwrap_or_default(),
        brand: brand.unwrap_or_default(),
        country_of_origin: origin.unwrap_or_default(),
        shipping_origin_country: shipping_origin.unwrap_or_default(),
        other_marketplace_restriction: restriction,
        fba_certified,
        attributes,
        categories,
        images: Vec::new(),
        created: now,
        last_updated: now,
    };
    let viewer = Viewer::of(store, actor.org);
    let item = views::item(store, &viewer, &row, false);
    store.items.insert(row);
    Ok(item)
}

/// `categories`: a list of `{"path": [..]}` (a `description` is ignored,
/// as the page says).
fn category_paths(value: Option<&Value>) -> Outcome<Vec<Vec<String>>> {
    let field = "categories";
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(bad(
                field,
                format!(
                    "Expected a list of items but got type \"{}\".",
                    fields::type_name(other)
                ),
            ));
        }
    };
    items
        .iter()
        .map(|item| {
            let path = item.get("path").and_then(Value::as_array);
            let path: Option<Vec<String>> =
                path.and_then(|p| p.iter().map(|s| s.as_str().map(str::to_owned)).collect());
            path.filter(|p| !p.is_empty())
                .ok_or_else(|| bad("categories.path", "Expected a non-empty list of strings."))
        })
        .collect()
}

/// The supplier's category with this path: an existing one (same path,
/// same supplier), or a new id.
fn category(store: &mut Store, actor: &Actor, path: Vec<String>) -> Outcome<CategoryRow> {
    let existing = store
        .items
        .visible(actor.org)
        .flat_map(|item| item.categories.iter())
        .find(|c| c.path == path)
        .cloned();
    if let Some(found) = existing {
        return Ok(found);
    }
    let id = store
        .ids
        .next(IdKind::Category)
        .map(CategoryId::new)
        .ok_or(DomainError::Inconsistent("the category ids are used up"))?;
    Ok(CategoryRow { id, path })
}

/// `items.export`: body `{"item_uuids": [...]}`, each an item the caller
/// sees; answers a new export id.
pub(crate) fn export(store: &mut Store, actor: &Actor, body: Body) -> Outcome<ItemsExport> {
    let body = body?;
    let viewer = Viewer::of(store, actor.org);
    id_list(store, &viewer, &body, "item_uuids")?;
    let uuid = record_export(store, actor, "items.export")?;
    Ok(ItemsExport {
        export: ExportRef { uuid },
    })
}

/// `items.export_by_search`: the documented body (`item_uuids`, as for
/// `items.export`, docs/spec-decisions.md E-25) or a search body (any
/// other object), checked as `items.search` checks it.
pub(crate) fn export_by_search(
    store: &mut Store,
    actor: &Actor,
    body: Body,
) -> Outcome<ItemsExport> {
    let body = body?;
    let viewer = Viewer::of(store, actor.org);
    if fields::object(&body)?.contains_key("item_uuids") {
        id_list(store, &viewer, &body, "item_uuids")?;
    } else {
        let params: SearchParams = search::parse(&body)?;
        search::matching(store, &viewer, &params);
    }
    let uuid = record_export(store, actor, "items.export_by_search")?;
    Ok(ItemsExport {
        export: ExportRef { uuid },
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::testing::{actor, store};

    const SUPPLY: &str = "admin@supply.demo.example";
    const RETAIL: &str = "admin@retail.demo.example";

    #[test]
    fn create_checks_fields_and_reuses_the_suppliers_categories() {
        let mut store = store();
        let supplier = actor(SUPPLY);
        let bad = |store: &mut Store, body| create(store, &supplier, Ok(body)).map(|_| ());
        assert_eq!(
            bad(&mut store, json!({"title": "t"})),
            Err(DomainError::invalid("item_id: This field is required."))
        );
        assert_eq!(
            bad(
                &mut store,
                json!({"item_id": "i", "title": "t", "fba_certified": "maybe"})
            ),
            Err(DomainError::invalid(
                "fba_certified: Must be a valid boolean."
            ))
        );
        assert_eq!(
            bad(
                &mut store,
                json!({"item_id": "i", "title": "t", "categories": [{"path": []}]})
            ),
            Err(DomainError::invalid(
                "categories.path: Expected a non-empty list of strings."
            ))
        );
        assert_eq!(store.items.len(), 32);
        let body = json!({"item_id": "i", "title": "t", "fba_certified": "True",
                          "categories": [{"path": ["home", "garden"]}, {"path": ["new"]}]});
        let item = create(&mut store, &supplier, Ok(body)).expect("created");
        assert_eq!(item.fba_certified, Some(true));
        let ids: Vec<String> = item.categories.iter().map(|c| c.uuid.to_string()).collect();
        // `home/garden` is the demo category 1; `new` takes the next id.
        assert_eq!(
            ids,
            [
                "d0000025-0000-4000-8000-000000000001",
                "d0000025-0000-4000-8000-000000000011"
            ]
        );
        assert_eq!(item.created.to_string(), "2024-07-01T00:00:00Z");
        // The connected retailer sees it at once.
        assert!(get(&store, &actor(RETAIL), &item.uuid.to_string()).is_ok());
    }
}
