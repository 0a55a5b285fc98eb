//! `connections.*`: the caller's connections (both types), and a
//! retailer's connection requests (create, list, read, update).
//!
//! A request is recorded, never approved: `is_approved` stays `false` and
//! no connection is made (the demo has no CRUX staff to approve it).

use crux_types::OrganizationId;
use serde_json::{Map, Value, json};

use super::orders::next_id;
use super::values::{self, bad};
use super::{Actor, Body, DomainError, Outcome, fields};
use crate::store::orders::{IntegrationId, IntegrationRow, RequestId, RequestRow};
use crate::store::products::{ConnectionRow, parse_id};
use crate::store::{IdKind, Store};

/// The page size of the requests list without `limit`.
pub(crate) const DEFAULT_LIMIT: usize = 50;
/// The largest page of the requests list.
pub(crate) const MAX_LIMIT: usize = 100;

/// A connection party: the organization (plus `website`) and its first
/// user as the contact.
fn party(store: &Store, org: OrganizationId, id: Option<String>) -> Value {
    let organization = store.organizations.get(&org);
    let mut value = organization
        .and_then(|o| serde_json::to_value(&o.organization).ok())
        .unwrap_or(Value::Null);
    if let Value::Object(object) = &mut value {
        object.insert("website".into(), Value::Null);
    }
    let contact = store
        .users
        .visible(org)
        .next()
        .and_then(|u| serde_json::to_value(&u.user.person).ok())
        .unwrap_or(Value::Null);
    json!({"uuid": id, "organization": value, "contact": contact})
}

/// A `Connection`.
fn connection(store: &Store, row: &ConnectionRow) -> Value {
    let org = |id| store.organizations.get(&id);
    let retailer = org(row.retailer)
        .and_then(|o| o.retailer)
        .map(|r| r.to_string());
    let supplier = org(row.supplier)
        .and_then(|o| o.supplier)
        .map(|s| s.to_string());
    let manager = org(row.supplier).map(|o| o.organization.account_manager.clone());
    json!({
        "uuid": row.id.to_string(),
        "retailer": party(store, row.retailer, retailer),
        "supplier": party(store, row.supplier, supplier),
        "status": "ACTIVE",
        "account_manager": manager.and_then(|m| serde_json::to_value(m).ok()),
        "suppliers_retailer_account_number": "",
        "retailers_supplier_account_number": "",
    })
}

/// `connections.list`: the caller's connections (either side).
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Value> {
    Ok(Value::Array(
        store
            .connections
            .visible(actor.org)
            .map(|row| connection(store, row))
            .collect(),
    ))
}

/// Text fields of a request body: (body name, alias, response name).
const TEXT_FIELDS: [(&str, &str, &str); 6] = [
    ("organization_name", "org_name", "org_name"),
    (
        "primary_contact_name",
        "org_contact_full_name",
        "org_contact_full_name",
    ),
    (
        "primary_contact_phone",
        "primary_contact_phone",
        "primary_contact_phone",
    ),
    (
        "primary_contact_email",
        "primary_contact_email",
        "primary_contact_email",
    ),
    (
        "organization_account_number",
        "retailer_account_number",
        "retailer_account_number",
    ),
    (
        "additional_information",
        "additional_information",
        "additional_information",
    ),
];

/// Integration fields: (request name, response-style alias, response name).
const INTEGRATION_FIELDS: [(&str, &str, &str); 5] = [
    ("type", "integration_type", "integration_type"),
    ("update_frequency", "update_frequency", "update_frequency"),
    (
        "file_locations",
        "feed_source_file_locations",
        "feed_source_file_locations",
    ),
    ("file_specs", "file_specs", "file_specs"),
    ("rules", "rules", "rules"),
];

/// The members of `object` named in `names` that are given, by response
/// name (the body name or its alias, strings or `null`).
fn texts(object: &Map<String, Value>, names: &[(&str, &str, &str)]) -> Outcome<Map<String, Value>> {
    let mut out = Map::new();
    for &(name, alias, response) in names {
        let value = match values::string(object, name)? {
            Some(text) => Some(text),
            None => values::string(object, alias)?,
        };
        if object.contains_key(name) || object.contains_key(alias) {
            out.insert(
                response.to_owned(),
                value.map_or(Value::Null, Value::String),
            );
        }
    }
    Ok(out)
}

/// `integrations` (or `requested_integrations`, E-16), when given.
fn integrations(
    store: &mut Store,
    object: &Map<String, Value>,
) -> Outcome<Option<Vec<IntegrationRow>>> {
    let field = if object.contains_key("integrations") {
        "integrations"
    } else {
        "requested_integrations"
    };
    let items = match object.get(field) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return Err(bad(field, "Expected a list of items.")),
    };
    let now = store.clock.now();
    let mut rows = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item = item
            .as_object()
            .ok_or_else(|| bad(&format!("{field}[{i}]"), "Expected a dictionary of items."))?;
        let mut text = texts(item, &INTEGRATION_FIELDS)?;
        for (_, _, name) in INTEGRATION_FIELDS {
            text.entry(name).or_insert(Value::Null);
        }
        rows.push(IntegrationRow {
            id: next_id(store, IdKind::Integration).map(IntegrationId::new)?,
            text,
            created: now,
        });
    }
    Ok(Some(rows))
}

/// `uploaded_files`, when given: a list of objects, kept as sent.
fn uploaded_files(object: &Map<String, Value>) -> Outcome<Option<Vec<Value>>> {
    match object.get("uploaded_files") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) if items.iter().all(Value::is_object) => Ok(Some(items.clone())),
        Some(_) => Err(bad("uploaded_files", "Expected a list of objects.")),
    }
}

/// `connections.create_request` (retailer): `organization_name` and
/// `primary_contact_name` required (or their response names, `org_name` and
/// `org_contact_full_name`; `retailer_account_number` for
/// `organization_account_number`, E-16). Answers `{request_uuid, request_date}`
/// (the route sends it with 201).
pub(crate) fn create_request(store: &mut Store, actor: &Actor, body: Body) -> Outcome<Value> {
    let body = body?;
    let object = fields::object(&body)?;
    let mut text = texts(object, &TEXT_FIELDS)?;
    for (field, name) in [
        ("organization_name", "org_name"),
        ("primary_contact_name", "org_contact_full_name"),
    ] {
        match text.get(name).and_then(Value::as_str) {
            Some(text) if !text.trim().is_empty() => {}
            Some(_) => return Err(bad(field, "This field may not be blank.")),
            None => return Err(bad(field, "This field is required.")),
        }
    }
    for (_, _, name) in TEXT_FIELDS {
        text.entry(name).or_insert(Value::Null);
    }
    let uploaded_files = uploaded_files(object)?.unwrap_or_default();
    let integrations = integrations(store, object)?.unwrap_or_default();
    let id = next_id(store, IdKind::ConnectionRequest).map(RequestId::new)?;
    let date = store.clock.tick();
    store.requests.insert(RequestRow {
        id,
        org: actor.org,
        text,
        date,
        integrations,
        uploaded_files,
    });
    Ok(json!({"request_uuid": id.to_string(), "request_date": date.to_string()}))
}

/// A `ConnectionRequest`.
fn request(row: &RequestRow) -> Value {
    let mut object = row.text.clone();
    object.insert("record_uuid".into(), Value::String(row.id.to_string()));
    object.insert("request_date".into(), Value::String(row.date.to_string()));
    object.insert("is_approved".into(), Value::Bool(false));
    object.insert("approved_by".into(), Value::Null);
    let integrations = row.integrations.iter().map(|i| {
        let mut object = i.text.clone();
        object.insert("record_uuid".into(), Value::String(i.id.to_string()));
        object.insert(
            "date_created".into(),
            Value::String(i.created.as_datetime().format("%Y-%m-%d").to_string()),
        );
        Value::Object(object)
    });
    object.insert("integrations".into(), Value::Array(integrations.collect()));
    object.insert(
        "uploaded_files".into(),
        Value::Array(row.uploaded_files.clone()),
    );
    Value::Object(object)
}

/// `connections.requests` (retailer): the caller's requests, oldest first,
/// from `start` (an offset), at most `limit` (a page size, default 50, at
/// most 100): `{"requests", "pagination": {start, limit, total_count}}`.
pub(crate) fn requests(
    store: &Store,
    actor: &Actor,
    start: Option<u32>,
    limit: Option<u32>,
) -> Outcome<Value> {
    let rows: Vec<&RequestRow> = store.requests.visible(actor.org).collect();
    let start = start.unwrap_or(0) as usize;
    let limit = match limit {
        None | Some(0) => DEFAULT_LIMIT,
        Some(n) => (n as usize).min(MAX_LIMIT),
    };
    let page: Vec<Value> = rows
        .iter()
        .skip(start)
        .take(limit)
        .map(|row| request(row))
        .collect();
    Ok(json!({
        "requests": page,
        "pagination": {"start": start.min(rows.len()), "limit": limit, "total_count": rows.len()},
    }))
}

/// The caller's request `id` (404 otherwise).
fn find_request(store: &Store, actor: &Actor, id: &str) -> Outcome<RequestId> {
    parse_id::<RequestId>(id)
        .filter(|id| store.requests.find_visible(id, actor.org).is_some())
        .ok_or(DomainError::NotFound)
}

/// `connections.get_request` (retailer).
pub(crate) fn get_request(store: &Store, actor: &Actor, id: &str) -> Outcome<Value> {
    let id = find_request(store, actor, id)?;
    store
        .requests
        .get(&id)
        .map(request)
        .ok_or(DomainError::NotFound)
}

/// `connections.update_request` (retailer): every member optional; the
/// given ones replace theirs (`integrations` and `uploaded_files` the
/// whole list). The route answers 204.
pub(crate) fn update_request(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    body: Body,
) -> Outcome<()> {
    let id = find_request(store, actor, id)?;
    let body = body?;
    let object = fields::object(&body)?;
    let text = texts(object, &TEXT_FIELDS)?;
    for required in ["org_name", "org_contact_full_name"] {
        if text
            .get(required)
            .is_some_and(|v| v.as_str().is_none_or(|s| s.trim().is_empty()))
        {
            return Err(bad(required, "This field may not be blank."));
        }
    }
    let files = uploaded_files(object)?;
    let integrations = integrations(store, object)?;
    let row = store
        .requests
        .find_visible_mut(&id, actor.org)
        .ok_or(DomainError::NotFound)?;
    row.text.extend(text);
    if let Some(files) = files {
        row.uploaded_files = files;
    }
    if let Some(integrations) = integrations {
        row.integrations = integrations;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
