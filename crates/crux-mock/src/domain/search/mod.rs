//! `items.search`, and the search behind the `*_by_search` endpoints: the
//! items a caller sees, narrowed by the term, the facets and the filters,
//! sorted, then one page of them (`limit` is a page size), with facet
//! counts computed from every match.

mod facets;
pub(crate) mod params;

use std::cmp::Ordering;

use crux_types::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

use super::views::{self, Item, Viewer, catalogs_of, price_tiers, skus_of};
use super::{Actor, Body, Outcome};
use crate::store::Store;
use crate::store::products::ItemRow;
pub(crate) use params::{SearchParams, parse};

/// `pagination` of a search result.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pagination {
    pub(crate) start: u64,
    pub(crate) limit: u64,
    pub(crate) total_count: usize,
}

/// The search result (SearchResult).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SearchPage {
    pub(crate) sort: Vec<String>,
    pub(crate) items: Vec<Item>,
    pub(crate) facets: Map<String, Value>,
    pub(crate) filters: Map<String, Value>,
    pub(crate) search_term: String,
    pub(crate) pagination: Pagination,
}

/// `items.search`: one page of the matching items.
pub(crate) fn search(store: &Store, actor: &Actor, body: Body) -> Outcome<SearchPage> {
    let params = parse(&body?)?;
    let viewer = Viewer::of(store, actor.org);
    let matches = matching(store, &viewer, &params);
    let total_count = matches.len();
    let start = params.start.min(total_count as u64);
    let items = matches
        .iter()
        .skip(usize::try_from(start).unwrap_or(usize::MAX))
        .take(usize::try_from(params.limit).unwrap_or(usize::MAX))
        .map(|row| views::item(store, &viewer, row, true))
        .collect();
    let mut filters = params.filters_sent.clone();
    for name in ["minimum_tier_quantity", "quantity_in_stock"] {
        filters
            .entry(name)
            .or_insert_with(|| serde_json::json!({"min": null, "max": null}));
    }
    Ok(SearchPage {
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
        items,
        facets: facets::facets(store, &viewer, &params, &matches),
        filters,
        search_term: params.term.clone(),
        pagination: Pagination {
            start,
            limit: params.limit,
            total_count,
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
                        .any(|tier| bounds.contains(tier.cost_per_unit.0))
                }),
                "minimum_tier_quantity" => skus().any(|sku| {
                    price_tiers(store, sku)
                        .iter()
                        .any(|tier| bounds.contains(Decimal::from(tier.minimum_tier_quantity)))
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
