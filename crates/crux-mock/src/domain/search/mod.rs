//! `items.search`, and the search behind the `*_by_search` endpoints: the
//! items a caller sees, narrowed by the term, the facets and the filters,
//! sorted, then one page of them (`limit` is a page size), with facet
//! counts computed from every match.

mod facets;
pub(crate) mod params;

use std::cmp::Ordering;

use crux_types::{Decimal, FilterRange, ItemSearchPage, PageInfo, SearchFilters};

use super::views::{self, Viewer, catalogs_of, price_tiers, skus_of};
use super::{Actor, Body, Outcome};
use crate::store::Store;
use crate::store::products::ItemRow;
pub(crate) use params::{SearchParams, parse};

/// `items.search`: one page of the matching items.
pub(crate) fn search(store: &Store, actor: &Actor, body: Body) -> Outcome<ItemSearchPage> {
    let params = parse(&body?)?;
    let viewer = Viewer::of(store, actor.org);
    let matches = matching(store, &viewer, &params);
    let total = u32::try_from(matches.len()).unwrap_or(u32::MAX);
    let start = params.start.min(total);
    let items = matches
        .iter()
        .skip(start as usize)
        .take(params.limit as usize)
        .map(|row| views::item(store, &viewer, row, true))
        .collect();
    let range = |name: &str| {
        let bounds = params.filters.get(name).copied().unwrap_or_default();
        Some(FilterRange {
            min: bounds.min,
            max: bounds.max,
        })
    };
    let sent = |name: &str| {
        params
            .filters
            .contains_key(name)
            .then(|| range(name))
            .flatten()
    };
    Ok(ItemSearchPage {
        items,
        facets: facets::facets(store, &viewer, &params, &matches),
        filters: SearchFilters {
            cost_per_unit: sent("cost_per_unit"),
            number_of_item_images: sent("number_of_item_images"),
            image_height: sent("image_height"),
            image_width: sent("image_width"),
            minimum_tier_quantity: range("minimum_tier_quantity"),
            quantity_in_stock: range("quantity_in_stock"),
        },
        search_term: Some(params.term.clone()),
        sort: params
            .sort
            .map(|(key, desc)| {
                if desc {
                    format!("-{key}")
                } else {
                    key.to_owned()
                }
            })
            .into_iter()
            .collect(),
        pagination: PageInfo {
            total_count: Some(total),
            start: Some(start),
            limit: Some(params.limit),
        },
    })
}

/// Every item `viewer` sees that matches `params`, sorted (pagination
/// is not applied).
pub(crate) fn matching<'a>(
    store: &'a Store,
    viewer: &Viewer,
    params: &SearchParams,
) -> Vec<&'a ItemRow> {
    let mut rows: Vec<&ItemRow> = store
        .items
        .visible_to_any(&viewer.owners)
        .filter(|row| matches_term(store, row, &params.term))
        .filter(|row| facets::selected(store, viewer, params, row))
        .filter(|row| passes_filters(store, params, row))
        .collect();
    if let Some((key, descending)) = params.sort {
        rows.sort_by(|a, b| {
            let order = compare(store, key, a, b);
            if descending { order.reverse() } else { order }
        });
    }
    rows
}

/// Case-insensitive: in the title, description, item code, brand,
/// manufacturer or a SKU code.
fn matches_term(store: &Store, row: &ItemRow, term: &str) -> bool {
    let term = term.trim().to_lowercase();
    if term.is_empty() {
        return true;
    }
    [
        &row.title,
        &row.description,
        &row.item_id,
        &row.brand,
        &row.manufacturer,
    ]
    .iter()
    .any(|text| text.to_lowercase().contains(&term))
        || skus_of(store, row).any(|sku| sku.sku_id.to_lowercase().contains(&term))
}

/// Every filter with a bound set: some SKU (or price tier) within it; the
/// item's image count, and each image's size, within theirs.
fn passes_filters(store: &Store, params: &SearchParams, row: &ItemRow) -> bool {
    params
        .filters
        .iter()
        .filter(|(_, b)| b.is_set())
        .all(|(name, bounds)| {
            let skus = || skus_of(store, row);
            match *name {
                "cost_per_unit" => skus().any(|sku| {
                    price_tiers(store, sku)
                        .iter()
                        .any(|tier| tier.cost_per_unit.is_some_and(|c| bounds.contains(c)))
                }),
                "minimum_tier_quantity" => skus().any(|sku| {
                    price_tiers(store, sku).iter().any(|tier| {
                        tier.minimum_tier_quantity
                            .is_some_and(|q| bounds.contains(Decimal::from(q)))
                    })
                }),
                "quantity_in_stock" => skus().any(|sku| {
                    sku.quantity_in_stock
                        .is_some_and(|q| bounds.contains(Decimal::from(q)))
                }),
                "number_of_item_images" => bounds.contains(Decimal::from(row.images.len())),
                // image_height, image_width: the mock's images are square.
                _ => row
                    .images
                    .iter()
                    .all(|i| bounds.contains(Decimal::from(i.size))),
            }
        })
}

/// The order of `key`; ties keep the store's order (a stable sort).
fn compare(store: &Store, key: &str, a: &ItemRow, b: &ItemRow) -> Ordering {
    let cost = |row: &ItemRow| skus_of(store, row).map(|s| s.cost).min();
    match key {
        "title" => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
        "item_id" => a.item_id.cmp(&b.item_id),
        "brand" => a.brand.to_lowercase().cmp(&b.brand.to_lowercase()),
        "cost" => cost(a).cmp(&cost(b)),
        _ => a.created.cmp(&b.created),
    }
}

/// Whether any SKU of `row` is in some catalog.
pub(crate) fn in_any_catalog(store: &Store, row: &ItemRow) -> bool {
    skus_of(store, row).any(|sku| catalogs_of(store, sku).next().is_some())
}

#[cfg(test)]
mod tests;
