//! `connections.*`: the list, and a retailer's connection requests (create
//! answers 201, update 204, the list reads `start` and `limit` from the
//! query string).

use axum::Json;
use axum::extract::{RawQuery, State};
use crux_types::endpoint as e;
use http::StatusCode;
use serde_json::Value;

use super::{PathText, Routes};
use crate::domain::{Actor, DomainError, Outcome, connections};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::CONNECTIONS_LIST, list)
        .add(&e::CONNECTIONS_CREATE_REQUEST, create_request)
        .add(&e::CONNECTIONS_REQUESTS, requests)
        .add(&e::CONNECTIONS_GET_REQUEST, get_request)
        .add(&e::CONNECTIONS_UPDATE_REQUEST, update_request)
}

/// `connections.list`.
async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Value> {
    state.run(|store| connections::list(store, &actor))
}

/// `connections.create_request`: 201.
async fn create_request(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let created = state.run(|store| connections::create_request(store, &actor, body))?;
    Ok((StatusCode::CREATED, created))
}

/// `start` and `limit` of a query string (400 naming a bad one; other
/// parameters ignored).
fn paging(query: Option<&str>) -> Outcome<(Option<u32>, Option<u32>)> {
    let mut paging = (None, None);
    for pair in query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let slot = match name {
            "start" => &mut paging.0,
            "limit" => &mut paging.1,
            _ => continue,
        };
        let n = value
            .parse::<u32>()
            .map_err(|_| DomainError::invalid(format!("{name}: A valid integer is required.")))?;
        *slot = Some(n);
    }
    Ok(paging)
}

/// `connections.requests`.
async fn requests(
    State(state): State<AppState>,
    actor: Actor,
    RawQuery(query): RawQuery,
) -> Reply<Value> {
    state.run(|store| {
        let (start, limit) = paging(query.as_deref())?;
        connections::requests(store, &actor, start, limit)
    })
}

/// `connections.get_request`.
async fn get_request(State(state): State<AppState>, actor: Actor, id: PathText) -> Reply<Value> {
    state.run(|store| connections::get_request(store, &actor, &id.0))
}

/// `connections.update_request`: 204.
async fn update_request(
    State(state): State<AppState>,
    actor: Actor,
    id: PathText,
    JsonBody(body): JsonBody,
) -> Result<StatusCode, ApiError> {
    state
        .with_store(|store| connections::update_request(store, &actor, &id.0, body))
        .map(|()| StatusCode::NO_CONTENT)
        .map_err(ApiError::from)
}
