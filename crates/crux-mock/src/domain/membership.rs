//! Adding SKUs to and removing them from a catalog or an inventory list:
//! by SKU ids, by item ids (every SKU of each item) or by search (every
//! SKU of every matching item, pagination ignored).

use serde_json::Value;

use super::views::{Viewer, skus_of};
use super::{Outcome, items, search, skus};
use crate::store::Store;
use crate::store::products::{ItemRow, SkuId};

/// Add or remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// Add the SKUs not there yet, at the end.
    Add,
    /// Remove the SKUs that are there.
    Remove,
}

/// What to add or remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Selection {
    /// Body `{"item_uuids": [...]}`.
    Items,
    /// Body `{"sku_uuids": [...]}`.
    Skus,
    /// A search body.
    Search,
}

/// The SKUs a body selects, for `viewer`: 400 naming the field when a body
/// member is bad or an id is not one the viewer sees.
pub(crate) fn selected_skus(
    store: &Store,
    viewer: &Viewer,
    selection: Selection,
    body: &Value,
) -> Outcome<Vec<SkuId>> {
    let rows: Vec<&ItemRow> = match selection {
        Selection::Skus => return skus::id_list(store, viewer, body, "sku_uuids"),
        Selection::Items => items::id_list(store, viewer, body, "item_uuids")?
            .iter()
            .filter_map(|id| store.items.get(id))
            .collect(),
        Selection::Search => search::matching(store, viewer, &search::parse(body)?),
    };
    Ok(rows
        .into_iter()
        .flat_map(|row| skus_of(store, row).map(|sku| sku.id))
        .collect())
}

/// Applies `change` of `ids` to `skus`, keeping its order and no repeats.
pub(crate) fn apply(skus: &mut Vec<SkuId>, ids: &[SkuId], change: Change) {
    match change {
        Change::Add => {
            for id in ids {
                if !skus.contains(id) {
                    skus.push(*id);
                }
            }
        }
        Change::Remove => skus.retain(|id| !ids.contains(id)),
    }
}
