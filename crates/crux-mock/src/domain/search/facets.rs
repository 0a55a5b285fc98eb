//! The facets: the values an item has for each (`condition`: its SKUs'
//! conditions, ...), whether it has a selected one, and the buckets of a
//! result, counted over every match (not only the page).

use std::collections::BTreeMap;

use crux_types::{CatalogType, FacetBucket, SearchFacets};

use super::params::SearchParams;
use crate::demo::products::COUNTRIES;
use crate::domain::views::{Viewer, catalogs_of, shipping_cost_type, skus_of};
use crate::store::Store;
use crate::store::products::ItemRow;

/// A facet value: its code (`"refurb"`) and display name (`"Refurbished"`).
type FacetValue = (String, String);

/// The display name of a code.
fn display(facet: &str, code: &str) -> String {
    match (facet, code) {
        ("condition", "new") => "New".into(),
        ("condition", "used") => "Used".into(),
        ("condition", "refurb") => "Refurbished".into(),
        ("shipping_cost_type", "fixed") => "Fixed".into(),
        ("shipping_cost_type", "free") => "Free".into(),
        ("shipping_cost_type", "variable") => "Variable".into(),
        ("bundle_type", "case_pack") => "Case Pack".into(),
        ("bundle_type", "single") => "Single".into(),
        ("shipping_origin_country" | "country_of_origin", code) => COUNTRIES
            .iter()
            .find(|(c, _)| *c == code)
            .map_or_else(|| code.to_owned(), |(_, name)| (*name).to_owned()),
        _ => code.to_owned(),
    }
}

/// The values `row` has for `facet`, without repeats.
fn values(store: &Store, viewer: &Viewer, facet: &str, row: &ItemRow) -> Vec<FacetValue> {
    let skus = || skus_of(store, row);
    let coded = |codes: Vec<String>| -> Vec<FacetValue> {
        codes
            .into_iter()
            .map(|code| (display(facet, &code), code))
            .map(|(name, code)| (code, name))
            .collect()
    };
    let mut out: Vec<FacetValue> = match facet {
        "supplier" => vec![(row.supplier.to_string(), row.supplier_name.clone())],
        "shipping_origin_country" => coded(vec![row.shipping_origin_country.clone()]),
        "country_of_origin" => coded(vec![row.country_of_origin.clone()]),
        "condition" => coded(skus().map(|s| s.condition.clone()).collect()),
        "bundle_type" => coded(
            skus()
                .map(|s| {
                    if s.is_case_pack() {
                        "case_pack"
                    } else {
                        "single"
                    }
                    .to_owned()
                })
                .collect(),
        ),
        "shipping_cost_type" => coded(
            skus()
                .flat_map(|s| {
                    catalogs_of(store, s).map(|c| shipping_cost_type(c).as_str().to_owned())
                })
                .collect(),
        ),
        "catalogs" => skus()
            .flat_map(|s| catalogs_of(store, s).map(|c| (c.id.to_string(), c.name.clone())))
            .collect(),
        "catalog_type" => coded(
            super::in_any_catalog(store, row)
                .then(|| "standard".to_owned())
                .into_iter()
                .collect(),
        ),
        "categories" => row
            .categories
            .iter()
            .map(|c| {
                let name = c.path.last().cloned().unwrap_or_default();
                (c.id.to_string(), name)
            })
            .collect(),
        "inventory_lists" => store
            .inventory_lists
            .visible(viewer.org)
            .filter(|list| skus().any(|s| list.skus.contains(&s.id)))
            .map(|list| (list.id.to_string(), list.name.clone()))
            .collect(),
        // The mock's SKUs carry no product identifiers.
        _ => Vec::new(),
    };
    out.sort();
    out.dedup();
    out
}

/// Whether `row` has a selected value in every facet with a selection.
pub(super) fn selected(
    store: &Store,
    viewer: &Viewer,
    params: &SearchParams,
    row: &ItemRow,
) -> bool {
    params
        .facets
        .iter()
        .filter(|(_, selection)| !selection.is_empty())
        .all(|(facet, _)| {
            values(store, viewer, facet, row)
                .iter()
                .any(|(code, name)| params.is_selected(facet, code, name))
        })
}

/// One bucket list: per value, the number of matches that have it, most
/// first (then by name), each with its supplier (for `categories`).
fn buckets(
    store: &Store,
    viewer: &Viewer,
    params: &SearchParams,
    facet: &str,
    matches: &[&ItemRow],
) -> Vec<(String, FacetBucket)> {
    let mut counts: BTreeMap<FacetValue, (u32, String)> = BTreeMap::new();
    for row in matches {
        for value in values(store, viewer, facet, row) {
            counts
                .entry(value)
                .or_insert_with(|| (0, row.supplier.to_string()))
                .0 += 1;
        }
    }
    let mut list: Vec<_> = counts.into_iter().collect();
    list.sort_by(|((_, a_name), (a, _)), ((_, b_name), (b, _))| b.cmp(a).then(a_name.cmp(b_name)));
    list.into_iter()
        .map(|((code, name), (count, supplier))| {
            let selected = params.is_selected(facet, &code, &name);
            let bucket = FacetBucket {
                uuid: code,
                name,
                count,
                selected,
            };
            (supplier, bucket)
        })
        .collect()
}

/// The `facets` of a result.
pub(super) fn facets(
    store: &Store,
    viewer: &Viewer,
    params: &SearchParams,
    matches: &[&ItemRow],
) -> SearchFacets {
    let list = |facet| {
        Some(
            buckets(store, viewer, params, facet, matches)
                .into_iter()
                .map(|(_, b)| b)
                .collect(),
        )
    };
    let mut categories: BTreeMap<String, Vec<FacetBucket>> = BTreeMap::new();
    for (supplier, bucket) in buckets(store, viewer, params, "categories", matches) {
        categories.entry(supplier).or_default().push(bucket);
    }
    let catalog_type = buckets(store, viewer, params, "catalog_type", matches)
        .into_iter()
        .map(|(_, b)| CatalogType::from(b.uuid.as_str()))
        .collect();
    SearchFacets {
        catalogs: list("catalogs"),
        supplier: list("supplier"),
        catalog_type: Some(catalog_type),
        shipping_origin_country: list("shipping_origin_country"),
        categories: Some(categories),
        condition: list("condition"),
        inventory_lists: list("inventory_lists"),
        shipping_cost_type: list("shipping_cost_type"),
        product_identifiers: list("product_identifiers"),
        bundle_type: list("bundle_type"),
    }
}
