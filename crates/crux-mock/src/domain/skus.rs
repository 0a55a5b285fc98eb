//! `skus.*`: list, get, create (suppliers).

use crux_types::{Decimal, Sku};
use serde_json::Value;

use super::values::{self, bad, does_not_exist};
use super::views::{self, Viewer};
use super::{Actor, Body, DomainError, Outcome, fields};
use crate::store::products::{ItemId, SkuId, SkuRow, parse_id};
use crate::store::seed::base_cost;
use crate::store::{IdKind, Store};

/// The SKU conditions.
const CONDITIONS: &[&str] = &["new", "used", "refurb"];
/// The SKU restrictions.
const RESTRICTIONS: &[&str] = &["tmpunavail", "discontd"];

/// The SKUs of list `field` (`sku_uuids`): each must be one `viewer` sees,
/// or 400 naming it.
pub(crate) fn id_list(
    store: &Store,
    viewer: &Viewer,
    body: &Value,
    field: &str,
) -> Outcome<Vec<SkuId>> {
    let object = fields::object(body)?;
    values::id_list(object, field)?
        .into_iter()
        .map(|uuid| {
            store
                .skus
                .find_visible_to_any(&SkuId::new(uuid), &viewer.owners)
                .map(|row| row.id)
                .ok_or_else(|| does_not_exist(field, uuid))
        })
        .collect()
}

/// `skus.list`: every SKU the caller sees.
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Vec<Sku>> {
    let viewer = Viewer::of(store, actor.org);
    Ok(store
        .skus
        .visible_to_any(&viewer.owners)
        .map(|row| views::sku(store, &viewer, row))
        .collect())
}

/// `skus.get`: one SKU; unknown, malformed and unseen ids are 404.
pub(crate) fn get(store: &Store, actor: &Actor, id: &str) -> Outcome<Sku> {
    let viewer = Viewer::of(store, actor.org);
    parse_id::<SkuId>(id)
        .and_then(|id| store.skus.find_visible_to_any(&id, &viewer.owners))
        .map(|row| views::sku(store, &viewer, row))
        .ok_or(DomainError::NotFound)
}

/// A choice among `choices`, or `default` when absent.
fn choice(
    object: &serde_json::Map<String, Value>,
    field: &str,
    choices: &[&str],
) -> Outcome<Option<String>> {
    match values::string(object, field)? {
        Some(value) if choices.contains(&value.as_str()) => Ok(Some(value)),
        Some(value) if value.is_empty() => Ok(None),
        Some(value) => Err(bad(field, format!("\"{value}\" is not a valid choice."))),
        None => Ok(None),
    }
}

/// `skus.create` (suppliers): a SKU of one of the caller's items. `item`
/// (`{"uuid": ...}`) and `sku_id` are required; quantities and prices may
/// be numbers or numeric strings. Its cost (the base of its price tiers)
/// is 60 % of its MSRP.
pub(crate) fn create(store: &mut Store, actor: &Actor, body: Body) -> Outcome<Sku> {
    let body = body?;
    let object = fields::object(&body)?;
    fields::require(object, &["item", "sku_id"])?;
    let item_uuid = object
        .get("item")
        .and_then(|item| item.get("uuid"))
        .and_then(Value::as_str)
        .ok_or_else(|| bad("item", "Expected an object {\"uuid\": ...}."))?;
    let item = parse_id::<ItemId>(item_uuid)
        .and_then(|id| store.items.find_visible(&id, actor.org))
        .map(|row| (row.id, row.org))
        .ok_or_else(|| does_not_exist("item", item_uuid))?;
    let sku_id = values::required_string(object, "sku_id")?;
    let condition = choice(object, "condition", CONDITIONS)?.unwrap_or_else(|| "new".into());
    let restrictions = choice(object, "restrictions", RESTRICTIONS)?;
    let in_stock = values::quantity(object, "quantity_in_stock")?;
    let backorder = values::quantity(object, "quantity_on_backorder")?;
    let bundled = values::quantity(object, "number_of_units_bundled")?;
    let map = values::money(object, "minimum_advertised_price")?;
    let msrp = values::money(object, "msrp")?;
    let distinguishing = values::map(object, "sku_distinguishing_attributes")?;
    let nondistinguishing = values::map(object, "sku_nondistinguishing_attributes")?;
    let id = store
        .ids
        .next(IdKind::Sku)
        .map(SkuId::new)
        .ok_or(DomainError::Inconsistent("the SKU ids are used up"))?;
    let now = store.clock.tick();
    let row = SkuRow {
        id,
        item: item.0,
        org: item.1,
        sku_id,
        restrictions,
        condition,
        quantity_in_stock: in_stock,
        quantity_on_backorder: backorder.unwrap_or(0),
        units_bundled: bundled.unwrap_or(1).max(1),
        distinguishing,
        nondistinguishing,
        map,
        msrp,
        cost: base_cost(msrp.unwrap_or(Decimal::ZERO)),
        created: now,
        last_updated: now,
    };
    store.skus.insert(row);
    if let Some(item) = store.items.get_mut(&item.0) {
        item.last_updated = now;
    }
    get(store, actor, &id.to_string())
}

#[cfg(test)]
mod tests {
    use crux_types::SkuCondition;
    use serde_json::json;

    use super::*;
    use crate::domain::testing::{actor, store};

    #[test]
    fn create_reads_strings_and_checks_the_item_and_choices() {
        let mut store = store();
        let supplier = actor("admin@supply.demo.example");
        let item = "d0000022-0000-4000-8000-000000000001";
        let body = json!({"item": {"uuid": item}, "sku_id": "S", "condition": "used",
                          "quantity_in_stock": "500", "msrp": "55.99", "restrictions": "tmpunavail"});
        let sku = create(&mut store, &supplier, Ok(body)).expect("created");
        assert_eq!(sku.quantity_in_stock, Some(500));
        assert_eq!(sku.condition, Some(SkuCondition::Used));
        assert_eq!(sku.number_of_units_bundled, Some(1));
        assert!(sku.price_tiers.is_empty(), "in no catalog yet");
        let row = store.skus.get(&sku.uuid).expect("stored");
        assert_eq!(row.cost, Decimal::new(3359, 2));
        let bad = |store: &mut Store, body| create(store, &supplier, Ok(body)).map(|_| ());
        assert_eq!(
            bad(
                &mut store,
                json!({"item": {"uuid": item}, "sku_id": "S", "condition": "mint"})
            ),
            Err(DomainError::invalid(
                "condition: \"mint\" is not a valid choice."
            ))
        );
        let faraway_item = "d0000022-0000-4000-8000-000000000025";
        assert_eq!(
            bad(
                &mut store,
                json!({"item": {"uuid": faraway_item}, "sku_id": "S"})
            ),
            Err(does_not_exist("item", faraway_item))
        );
        assert_eq!(
            bad(&mut store, json!({"item": {"uuid": item}})),
            Err(DomainError::invalid("sku_id: This field is required."))
        );
    }
}
