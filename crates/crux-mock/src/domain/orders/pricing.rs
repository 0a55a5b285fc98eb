//! Order lines from a body's `skus`: each resolved to a SKU the caller may
//! order, priced from its price tiers, and the fees they add up to.
//!
//! A line's price tier is the one of the first catalog holding the SKU with
//! the largest `minimum_tier_quantity` not above the quantity ordered. Its
//! `cost` is the line's cost per bundle; the fees add each line's tier
//! shipping cost (0 when variable) and handling cost, plus a flat
//! [`ORDER_FEE`].

use crux_types::{Decimal, OrganizationId, PriceTier};
use serde_json::{Map, Value};

use super::super::values::{self, bad};
use super::super::views;
use super::super::{DomainError, Outcome};
use crate::store::Store;
use crate::store::orders::FeeRow;
use crate::store::products::SkuRow;

/// The flat fee of every order (`order_fee`).
pub(crate) const ORDER_FEE: Decimal = Decimal::from_parts(250, 0, 0, false, 2);

/// One requested line, resolved and priced.
#[derive(Debug, Clone)]
pub(crate) struct Priced {
    /// The SKU.
    pub(crate) sku: SkuRow,
    /// Bundles ordered.
    pub(crate) quantity: u32,
    /// The tier that prices it.
    pub(crate) tier: PriceTier,
}

/// The `skus` list of `object`, each element an object (400 otherwise).
pub(crate) fn sku_list(object: &Map<String, Value>) -> Outcome<Vec<&Map<String, Value>>> {
    let items = match object.get("skus") {
        None | Some(Value::Null) => return Err(bad("skus", "This field is required.")),
        Some(Value::Array(items)) if items.is_empty() => {
            return Err(bad("skus", "This list may not be empty."));
        }
        Some(Value::Array(items)) => items,
        Some(_) => return Err(bad("skus", "Expected a list of items.")),
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            item.as_object()
                .ok_or_else(|| bad(&format!("skus[{i}]"), "Expected a dictionary of items."))
        })
        .collect()
}

/// How line `i` is named in a `detail`: `skus[0] (DS-0001-1)`.
pub(crate) fn line_name(i: usize, sku_id: &str) -> String {
    format!("skus[{i}] ({sku_id})")
}

/// Line `i`: the SKU `sku_id` among those of `owners` (of the supplier
/// `supplier_uuid` when given), with its quantity (required, at least 1).
pub(crate) fn resolve(
    store: &Store,
    owners: &[OrganizationId],
    i: usize,
    line: &Map<String, Value>,
) -> Outcome<(SkuRow, u32)> {
    let field = format!("skus[{i}]");
    let sku_id = values::required_string(line, "sku_id").map_err(|e| prefix(&field, e))?;
    let name = line_name(i, &sku_id);
    let quantity = values::quantity(line, "quantity")
        .map_err(|e| prefix(&name, e))?
        .ok_or_else(|| bad(&name, "quantity: This field is required."))?;
    if quantity == 0 {
        return Err(bad(
            &name,
            "quantity: Ensure this value is greater than or equal to 1.",
        ));
    }
    let owners: Vec<OrganizationId> = match values::string(line, "supplier_uuid")? {
        Some(text) => {
            let supplier = store
                .organizations
                .iter()
                .find(|org| {
                    org.supplier
                        .is_some_and(|s| s.to_string() == text.to_ascii_lowercase())
                })
                .ok_or_else(|| {
                    bad(
                        &name,
                        format!("supplier_uuid: Invalid pk \"{text}\" - object does not exist."),
                    )
                })?;
            let org = supplier.organization.uuid;
            if !owners.contains(&org) {
                return Err(DomainError::Unprocessable(format!(
                    "{name}: your organization is not connected to supplier {text}."
                )));
            }
            vec![org]
        }
        None => owners.to_vec(),
    };
    let sku = store
        .skus
        .visible_to_any(&owners)
        .find(|sku| sku.sku_id == sku_id)
        .ok_or_else(|| {
            bad(
                &name,
                format!("sku_id: no SKU \"{sku_id}\" of this supplier."),
            )
        })?;
    Ok((sku.clone(), quantity))
}

/// 400 `detail` with `field: ` in front.
pub(super) fn prefix(field: &str, error: DomainError) -> DomainError {
    match error {
        DomainError::Invalid(detail) => DomainError::Invalid(format!("{field}: {detail}")),
        other => other,
    }
}

/// The tier pricing `quantity` bundles of `sku`; 422 when it is in no
/// catalog (not offered), restricted, or short of stock.
pub(crate) fn price(store: &Store, name: &str, sku: SkuRow, quantity: u32) -> Outcome<Priced> {
    let unprocessable = |why: String| DomainError::Unprocessable(format!("{name}: {why}"));
    if let Some(restriction) = &sku.restrictions {
        return Err(unprocessable(format!(
            "the SKU cannot be ordered ({restriction})."
        )));
    }
    let tiers = views::price_tiers(store, &sku);
    let catalog = tiers
        .first()
        .and_then(|t| t.catalog.as_ref())
        .map(|c| c.uuid);
    let tier = tiers
        .into_iter()
        .filter(|t| t.catalog.as_ref().map(|c| c.uuid) == catalog)
        .filter(|t| t.minimum_tier_quantity.unwrap_or(1) <= quantity)
        .max_by_key(|t| t.minimum_tier_quantity.unwrap_or(1))
        .ok_or_else(|| unprocessable("the SKU is in no catalog: it has no price.".to_owned()))?;
    if let Some(stock) = sku.quantity_in_stock.filter(|&stock| stock < quantity) {
        return Err(unprocessable(format!(
            "{quantity} ordered, {stock} in stock."
        )));
    }
    Ok(Priced {
        sku,
        quantity,
        tier,
    })
}

/// The fees of `lines`.
pub(crate) fn fees(lines: &[Priced]) -> FeeRow {
    let sum = |f: fn(&PriceTier) -> Option<Decimal>| {
        lines
            .iter()
            .filter_map(|line| f(&line.tier))
            .fold(Decimal::ZERO, |a, b| a + b)
    };
    FeeRow {
        shipping: sum(|t| t.shipping_cost),
        drop_ship: sum(|t| t.handling_cost),
        order: ORDER_FEE,
    }
}
