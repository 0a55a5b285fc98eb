//! The search body (SearchParams), read with a 400 naming any bad field.

use std::collections::BTreeMap;

use crux_types::Decimal;
use serde_json::{Map, Value};

use super::super::values::{bad, number};
use super::super::{Outcome, fields};

/// The filters the mock applies (`filters.<name>`): the four of the docs
/// and the two the response adds.
pub(crate) const FILTERS: &[&str] = &[
    "cost_per_unit",
    "number_of_item_images",
    "image_height",
    "image_width",
    "minimum_tier_quantity",
    "quantity_in_stock",
];

/// The facets a request may select (`facets.<name>`).
pub(crate) const FACETS: &[&str] = &[
    "supplier",
    "shipping_cost_type",
    "shipping_origin_country",
    "country_of_origin",
    "bundle_type",
    "product_identifiers",
    "categories",
    "catalog_type",
    "condition",
    "catalogs",
    "inventory_lists",
];

/// The sort keys (`"title"`; `"-title"` for descending).
pub(crate) const SORTS: &[&str] = &["title", "item_id", "brand", "created", "cost"];

/// The page size when `pagination.limit` is absent.
pub(crate) const DEFAULT_LIMIT: u32 = 50;
/// The largest page size: a larger `limit` is cut to it.
pub(crate) const MAX_LIMIT: u32 = 100;

/// `{"min": .., "max": ..}`, bounds included.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Bounds {
    pub(crate) min: Option<Decimal>,
    pub(crate) max: Option<Decimal>,
}

impl Bounds {
    /// Whether `value` is within the bounds.
    pub(crate) fn contains(&self, value: Decimal) -> bool {
        self.min.is_none_or(|min| value >= min) && self.max.is_none_or(|max| value <= max)
    }

    /// Whether a bound is set.
    pub(crate) fn is_set(&self) -> bool {
        self.min.is_some() || self.max.is_some()
    }
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub(crate) struct SearchParams {
    /// `filters`, by name.
    pub(crate) filters: BTreeMap<&'static str, Bounds>,
    /// `facets`: the selected values, by facet name.
    pub(crate) facets: BTreeMap<&'static str, Vec<String>>,
    /// `search_term`.
    pub(crate) term: String,
    /// `sort`: the key, and whether descending.
    pub(crate) sort: Option<(&'static str, bool)>,
    /// `pagination.start`.
    pub(crate) start: u32,
    /// `pagination.limit`, a page size, at most [`MAX_LIMIT`].
    pub(crate) limit: u32,
}

impl SearchParams {
    /// The selection of facet `name` (empty: no restriction).
    pub(crate) fn selected(&self, name: &str) -> &[String] {
        self.facets.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether `code` or `name` is selected in facet `facet`
    /// (case-insensitive).
    pub(crate) fn is_selected(&self, facet: &str, code: &str, name: &str) -> bool {
        self.selected(facet)
            .iter()
            .any(|s| s.eq_ignore_ascii_case(code) || s.eq_ignore_ascii_case(name))
    }
}

/// Reads a search body; every member is optional.
pub(crate) fn parse(body: &Value) -> Outcome<SearchParams> {
    let object = fields::object(body)?;
    let mut params = SearchParams {
        limit: DEFAULT_LIMIT,
        ..SearchParams::default()
    };
    if let Some(filters) = member_object(object, "filters")? {
        for (name, range) in filters {
            let field = format!("filters.{name}");
            let known = FILTERS
                .iter()
                .find(|f| **f == name)
                .ok_or_else(|| bad(&field, "is not a filter the search knows."))?;
            params.filters.insert(known, bounds(range, &field)?);
        }
    }
    if let Some(facets) = member_object(object, "facets")? {
        for (name, values) in facets {
            let field = format!("facets.{name}");
            let known = FACETS
                .iter()
                .find(|f| **f == name)
                .ok_or_else(|| bad(&field, "is not a facet the search knows."))?;
            params.facets.insert(known, strings(values, &field)?);
        }
    }
    match object.get("search_term") {
        None | Some(Value::Null) => {}
        Some(Value::String(term)) => params.term = term.clone(),
        Some(_) => return Err(bad("search_term", "Not a valid string.")),
    }
    match object.get("sort") {
        None | Some(Value::Null) => {}
        Some(Value::String(sort)) if sort.is_empty() => {}
        Some(Value::String(sort)) => {
            let (key, descending) = sort
                .strip_prefix('-')
                .map_or((sort.as_str(), false), |key| (key, true));
            let key = SORTS
                .iter()
                .find(|k| **k == key)
                .ok_or_else(|| bad("sort", format!("\"{sort}\" is not a valid choice.")))?;
            params.sort = Some((key, descending));
        }
        Some(_) => return Err(bad("sort", "Not a valid string.")),
    }
    if let Some(pagination) = member_object(object, "pagination")? {
        if let Some(start) = whole(pagination, "start")? {
            params.start = start;
        }
        if let Some(limit) = whole(pagination, "limit")? {
            params.limit = limit.min(MAX_LIMIT);
        }
    }
    Ok(params)
}

/// An optional object member.
fn member_object<'a>(
    object: &'a Map<String, Value>,
    field: &str,
) -> Outcome<Option<&'a Map<String, Value>>> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(inner)) => Ok(Some(inner)),
        Some(other) => Err(bad(
            field,
            format!(
                "Invalid data. Expected a dictionary, but got {}.",
                fields::type_name(other)
            ),
        )),
    }
}

/// A range object.
fn bounds(value: &Value, field: &str) -> Outcome<Bounds> {
    let Value::Object(range) = value else {
        return Err(bad(
            field,
            "Expected an object with \"min\" and/or \"max\".",
        ));
    };
    let bound = |name: &str| {
        number(range.get(name).unwrap_or(&Value::Null))
            .map_err(|()| bad(&format!("{field}.{name}"), "A valid number is required."))
    };
    Ok(Bounds {
        min: bound("min")?,
        max: bound("max")?,
    })
}

/// A list of strings.
fn strings(value: &Value, field: &str) -> Outcome<Vec<String>> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(text) => Ok(text.clone()),
                other => Err(bad(
                    field,
                    format!(
                        "Expected a string but got type \"{}\".",
                        fields::type_name(other)
                    ),
                )),
            })
            .collect(),
        other => Err(bad(
            field,
            format!(
                "Expected a list of items but got type \"{}\".",
                fields::type_name(other)
            ),
        )),
    }
}

/// A whole number, not negative (`pagination.start`, `pagination.limit`).
fn whole(object: &Map<String, Value>, name: &str) -> Outcome<Option<u32>> {
    let field = format!("pagination.{name}");
    match number(object.get(name).unwrap_or(&Value::Null)) {
        Ok(None) => Ok(None),
        Ok(Some(n)) if n.is_integer() && !n.is_sign_negative() => u32::try_from(n)
            .map(Some)
            .map_err(|_| bad(&field, "A valid integer is required.")),
        _ => Err(bad(&field, "A valid integer is required.")),
    }
}
