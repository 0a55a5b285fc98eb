//! `discovery.suppliers` (retailers): the suppliers listed for discovery
//! that the caller is not connected to, filtered, sorted and paged.

use crux_types::OrganizationId;
use serde_json::{Map, Value, json};

use super::values::{self, bad};
use super::{Actor, Body, Outcome, fields};
use crate::store::Store;
use crate::store::orders::DiscoveryRow;

/// The page size without `limit`.
pub(crate) const DEFAULT_LIMIT: usize = 50;
/// The largest page.
pub(crate) const MAX_LIMIT: usize = 100;
/// The largest `recent` applied (a larger one finds the same suppliers).
const MAX_RECENT_DAYS: u32 = 1_000_000;
/// The sort keys.
const SORT_KEYS: [&str; 3] = ["name", "number_of_skus", "date"];

/// `start` and `limit`, top level or in `pagination` (E-15).
fn page(object: &Map<String, Value>) -> Outcome<(usize, usize)> {
    let nested = values::map(object, "pagination")?;
    let read = |field: &str| match values::quantity(&nested, field)? {
        Some(n) => Ok(Some(n)),
        None => values::quantity(object, field),
    };
    let start = read("start")?.unwrap_or(0) as usize;
    let limit = match read("limit")? {
        None | Some(0) => DEFAULT_LIMIT,
        Some(n) => (n as usize).min(MAX_LIMIT),
    };
    Ok((start, limit))
}

/// `sort`: `{key, dir}` (or `value`), or a key string (`-key` descending).
fn sort(object: &Map<String, Value>) -> Outcome<(String, bool)> {
    let (key, dir) = match object.get("sort") {
        None | Some(Value::Null) => return Ok(("name".to_owned(), false)),
        Some(Value::String(text)) => match text.strip_prefix('-') {
            Some(key) => (key.to_owned(), Some("desc".to_owned())),
            None => (text.clone(), None),
        },
        Some(Value::Object(sort)) => (
            values::string(sort, "key")?.unwrap_or_else(|| "name".to_owned()),
            match values::string(sort, "dir")? {
                Some(dir) => Some(dir),
                None => values::string(sort, "value")?,
            },
        ),
        Some(_) => return Err(bad("sort", "Expected a dictionary of items.")),
    };
    if !SORT_KEYS.contains(&key.as_str()) {
        return Err(bad("sort.key", format!("\"{key}\" is not a valid choice.")));
    }
    match dir.map(|d| d.to_ascii_lowercase()).as_deref() {
        None | Some("asc") => Ok((key, false)),
        Some("desc" | "des") => Ok((key, true)),
        Some(other) => Err(bad(
            "sort.dir",
            format!("\"{other}\" is not a valid choice."),
        )),
    }
}

/// `initial_character`: its first character, `#` for any digit; an ASCII
/// letter or digit (case-insensitive) or `#`, else 400.
fn initial(object: &Map<String, Value>) -> Outcome<Option<char>> {
    let Some(text) = values::string(object, "initial_character")? else {
        return Ok(None);
    };
    match text.chars().next() {
        None => Ok(None),
        Some(c) if c == '#' || c.is_ascii_alphanumeric() => Ok(Some(c.to_ascii_lowercase())),
        Some(c) => Err(bad(
            "initial_character",
            format!("\"{c}\" is not a letter, a digit or \"#\"."),
        )),
    }
}

/// Whether `name` starts with `initial` (`#`: any digit; a digit: itself).
fn starts_with(name: &str, initial: char) -> bool {
    let first = name.chars().next().map(|c| c.to_ascii_lowercase());
    match (initial, first) {
        ('#', Some(c)) => c.is_ascii_digit(),
        (i, Some(c)) => i == c,
        (_, None) => false,
    }
}

/// The connected suppliers of retailer `org`.
fn connected(store: &Store, org: OrganizationId) -> Vec<OrganizationId> {
    store
        .connections
        .visible(org)
        .filter(|c| c.retailer == org)
        .map(|c| c.supplier)
        .collect()
}

/// `discovery.suppliers`: `{"suppliers", "pagination": {start, limit,
/// total_count}}`. `recent` (days) keeps those that joined within that
/// many days of the clock's now.
pub(crate) fn suppliers(store: &Store, actor: &Actor, body: Body) -> Outcome<Value> {
    let body = body?;
    let object = fields::object(&body)?;
    let (start, limit) = page(object)?;
    let (key, descending) = sort(object)?;
    let initial = initial(object)?;
    let recent = values::quantity(object, "recent")?;
    // Capped (about 2,700 years) so that the subtraction stays in range.
    let since = recent.map(|days| {
        let now = *store.clock.now().as_datetime();
        now - std::time::Duration::from_secs(u64::from(days.min(MAX_RECENT_DAYS)) * 86_400)
    });
    let connected = connected(store, actor.org);
    let mut rows: Vec<&DiscoveryRow> = store
        .discovery
        .iter()
        .filter(|row| row.org.is_none_or(|org| !connected.contains(&org)))
        .filter(|row| initial.is_none_or(|c| starts_with(&row.name, c)))
        .filter(|row| since.is_none_or(|since| *row.joined.as_datetime() >= since))
        .collect();
    rows.sort_by(|a, b| {
        let order = match key.as_str() {
            "number_of_skus" => a.number_of_skus.cmp(&b.number_of_skus),
            "date" => a.joined.cmp(&b.joined),
            _ => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        };
        if descending { order.reverse() } else { order }
    });
    let page: Vec<Value> = rows
        .iter()
        .skip(start)
        .take(limit)
        .map(|row| supplier(row))
        .collect();
    Ok(json!({
        "suppliers": page,
        "pagination": {"start": start.min(rows.len()), "limit": limit, "total_count": rows.len()},
    }))
}

/// A `DiscoverySupplier`.
fn supplier(row: &DiscoveryRow) -> Value {
    let [first, last, email] = &row.contact;
    json!({
        "uuid": row.id.to_string(),
        "name": row.name,
        "website": row.website,
        "description": row.description,
        "fulfillment_percentage": 0,
        "number_of_skus": row.number_of_skus,
        "shipping_origin_country_name": row.country,
        "contact": {"uuid": row.contact_id.to_string(), "first_name": first, "last_name": last, "email": email, "phone": null},
    })
}

#[cfg(test)]
mod tests;
