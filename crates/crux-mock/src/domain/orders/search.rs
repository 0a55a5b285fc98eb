//! `orders.search` (and the query of `orders.export_by_search`): the
//! caller's orders, filtered, sorted and cut to a page. Every member of the
//! query is optional; a bad one is a 400 naming it.

use crux_types::{OrganizationId, Timestamp};
use serde_json::{Map, Value, json};

use super::super::values::{self, bad};
use super::super::{Actor, Body, Outcome, fields};
use super::view::{self, lines_seen};
use crate::store::Store;
use crate::store::orders::{LineStatus, OrderRow};

/// The page size without `limit`.
pub(crate) const DEFAULT_LIMIT: usize = 50;
/// The largest page.
pub(crate) const MAX_LIMIT: usize = 100;

/// The allocation statuses of `line_item_allocation_statuses`.
const ALLOCATION_STATUSES: [&str; 3] = ["Unallocated", "Partial", "Allocated"];
/// The values of `line_item_designation`.
const DESIGNATIONS: [&str; 5] = [
    "HasTracking",
    "NeedsTracking",
    "Backordered",
    "Rejected",
    "Cancelled",
];

/// A read query.
#[derive(Debug, Default)]
pub(crate) struct Query {
    start: usize,
    limit: usize,
    sort: Option<(String, bool)>,
    statuses: Vec<String>,
    designations: Vec<String>,
    from: Option<Timestamp>,
    to: Option<Timestamp>,
    term: Option<String>,
    orgs: Vec<String>,
}

/// A list of choices (a single string too), each one of `choices`.
fn choices(object: &Map<String, Value>, field: &str, choices: &[&str]) -> Outcome<Vec<String>> {
    let list = match object.get(field) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::String(one)) => vec![Value::String(one.clone())],
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return Err(bad(field, "Expected a list of items.")),
    };
    list.into_iter()
        .map(|value| match value {
            Value::String(text) => choices
                .iter()
                .find(|c| c.eq_ignore_ascii_case(&text))
                .map(|c| (*c).to_owned())
                .ok_or_else(|| bad(field, format!("\"{text}\" is not a valid choice."))),
            _ => Err(bad(field, "Not a valid string.")),
        })
        .collect()
}

/// A timestamp member (`2024-07-01T00:00:00.000Z`).
fn timestamp(object: &Map<String, Value>, field: &str) -> Outcome<Option<Timestamp>> {
    values::string(object, field)?
        .map(|text| {
            text.parse()
                .map_err(|_| bad(field, format!("\"{text}\" is not a valid date and time.")))
        })
        .transpose()
}

/// `sort`: `{key, dir}` (or `value`, E-12), key `date`, `status` or
/// `sku_id`, direction `asc`, `desc` or `des`.
fn sort(object: &Map<String, Value>) -> Outcome<Option<(String, bool)>> {
    let sort = match object.get("sort") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(sort)) => sort,
        Some(_) => return Err(bad("sort", "Expected a dictionary of items.")),
    };
    let key = values::string(sort, "key")?.unwrap_or_else(|| "date".to_owned());
    if !["date", "status", "sku_id"].contains(&key.as_str()) {
        return Err(bad("sort.key", format!("\"{key}\" is not a valid choice.")));
    }
    let dir = match values::string(sort, "dir")? {
        Some(dir) => Some(dir),
        None => values::string(sort, "value")?,
    };
    let descending = match dir.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("asc") => false,
        Some("desc" | "des") => true,
        Some(other) => {
            return Err(bad(
                "sort.dir",
                format!("\"{other}\" is not a valid choice."),
            ));
        }
    };
    Ok(Some((key, descending)))
}

/// Reads the query of `body` (an object; every member optional).
pub(crate) fn query(body: &Value) -> Outcome<Query> {
    let object = fields::object(body)?;
    let limit = values::quantity(object, "limit")?.map_or(DEFAULT_LIMIT, |n| n as usize);
    let term = match values::string(object, "term")? {
        Some(term) => Some(term),
        None => values::string(object, "search_term")?,
    };
    let orgs = match object.get("org_uuids") {
        None | Some(Value::Null) => Vec::new(),
        Some(_) => values::id_list(object, "org_uuids")?
            .into_iter()
            .map(|id| id.to_string())
            .collect(),
    };
    Ok(Query {
        start: values::quantity(object, "start")?.unwrap_or(0) as usize,
        limit: if limit == 0 {
            DEFAULT_LIMIT
        } else {
            limit.min(MAX_LIMIT)
        },
        sort: sort(object)?,
        statuses: choices(
            object,
            "line_item_allocation_statuses",
            &ALLOCATION_STATUSES,
        )?,
        designations: choices(object, "line_item_designation", &DESIGNATIONS)?,
        from: timestamp(object, "start_date")?,
        to: timestamp(object, "end_date")?,
        term: term
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty()),
        orgs,
    })
}

/// The order's allocation status for `org`: `Unallocated` (no live line
/// allocated), `Allocated` (every live line) or `Partial`; `Cancelled`
/// (matching no allocation status) when every line is cancelled.
pub(crate) fn allocation_status(order: &OrderRow, org: OrganizationId) -> &'static str {
    let live: Vec<_> = lines_seen(order, org).filter(|l| !l.cancelled).collect();
    let allocated = live.iter().filter(|l| l.allocation.is_some()).count();
    match allocated {
        _ if live.is_empty() => "Cancelled",
        0 => "Unallocated",
        n if n == live.len() => "Allocated",
        _ => "Partial",
    }
}

/// Whether some line `org` sees has `designation`.
fn designated(order: &OrderRow, org: OrganizationId, designation: &str) -> bool {
    lines_seen(order, org).any(|line| match designation {
        "HasTracking" => !line.tracking.is_empty(),
        "NeedsTracking" => !line.cancelled && line.to_ship() > 0,
        "Backordered" => line.allocation.is_some_and(|a| a.backordered > 0),
        "Rejected" => line.allocation.is_some_and(|a| a.rejected > 0),
        _ => line.status() == LineStatus::Cancelled,
    })
}

/// Whether `order` passes the filters of `query`, as `org` sees it.
fn matches(query: &Query, order: &OrderRow, org: OrganizationId) -> bool {
    let status = allocation_status(order, org);
    let term = query.term.as_deref().is_none_or(|term| {
        order.id.to_string() == term
            || order.purchase_order_id.to_lowercase().contains(term)
            || lines_seen(order, org).any(|l| l.sku_id.to_lowercase().contains(term))
    });
    let parties = || {
        std::iter::once(order.retailer.to_string())
            .chain(std::iter::once(order.retailer_uuid.clone()))
            .chain(
                lines_seen(order, org)
                    .flat_map(|l| [l.supplier.to_string(), l.supplier_uuid.to_string()]),
            )
    };
    (query.statuses.is_empty() || query.statuses.iter().any(|s| s == status))
        && (query.designations.is_empty()
            || query.designations.iter().any(|d| designated(order, org, d)))
        && query.from.is_none_or(|from| order.created >= from)
        && query.to.is_none_or(|to| order.created <= to)
        && term
        && (query.orgs.is_empty() || parties().any(|p| query.orgs.contains(&p)))
}

/// The orders `org` sees that pass `query`, sorted (newest first without a
/// `sort`; ties keep creation order).
pub(crate) fn matching<'a>(
    store: &'a Store,
    query: &Query,
    org: OrganizationId,
) -> Vec<&'a OrderRow> {
    let mut orders: Vec<&OrderRow> = store
        .orders
        .visible(org)
        .filter(|o| matches(query, o, org))
        .collect();
    let first_sku = |o: &OrderRow| lines_seen(o, org).map(|l| l.sku_id.clone()).min();
    let (key, descending) = query.sort.clone().unwrap_or(("date".to_owned(), true));
    orders.sort_by(|a, b| {
        let order = match key.as_str() {
            "status" => allocation_status(a, org).cmp(allocation_status(b, org)),
            "sku_id" => first_sku(a).cmp(&first_sku(b)),
            _ => a.created.cmp(&b.created),
        };
        if descending { order.reverse() } else { order }
    });
    orders
}

/// `orders.search`: `{"total_results", "orders"}`, the page from `start`
/// (an offset) of at most `limit` orders (a page size, default 50, at
/// most 100).
pub(crate) fn search(store: &Store, actor: &Actor, body: Body) -> Outcome<Value> {
    let query = query(&body?)?;
    let orders = matching(store, &query, actor.org);
    let page: Vec<Value> = orders
        .iter()
        .skip(query.start)
        .take(query.limit)
        .map(|order| view::order(order, actor.org))
        .collect();
    Ok(json!({"total_results": orders.len(), "orders": page}))
}
