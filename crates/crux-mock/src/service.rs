//! The per-request pipeline, in front of the router: count the request,
//! take a fault, read the body, then route and apply the fault.

use std::future::poll_fn;

use axum::Router;
use axum::response::{IntoResponse, Response};
use bytes::{Bytes, BytesMut};
use http::{HeaderValue, Request, StatusCode, header};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use tower_service::Service;

use crate::body::{Aborted, BrokenBody, MockBody};
use crate::error::{ApiError, PERMISSION_DENIED};
use crate::faults::FaultKind;
use crate::shared::AppState;

/// The body of a `malformed_json` fault: cut off in the middle of an array.
const MALFORMED_JSON: &str = r#"{"detail": "crux-mock malformed-json fault", "items": [1, 2,"#;

/// Past the body limit, bytes read and dropped so that the client, still
/// sending, reads the 413 instead of a connection reset. A larger body is
/// answered at once.
const DRAIN_LIMIT: u64 = 64 * 1024 * 1024;

/// Handles one request. `Err` makes hyper close the connection without
/// answering.
pub(crate) async fn handle(
    state: AppState,
    router: Router,
    request: Request<Incoming>,
) -> Result<http::Response<MockBody>, Aborted> {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    state.count(&method, &path);
    let fault = state.faults.take(&method, &path);

    let (parts, body) = request.into_parts();
    let body = read_body(&parts.headers, body, state.max_body_bytes).await?;
    let real = async move {
        match body {
            Ok(bytes) => {
                route(
                    router,
                    Request::from_parts(parts, axum::body::Body::from(bytes)),
                )
                .await
            }
            Err(error) => error.into_response(),
        }
    };

    let Some(fault) = fault else {
        return Ok(real.await.map(MockBody::Full));
    };
    let mut response = match fault.kind {
        FaultKind::Status(code) => status_response(code).map(MockBody::Full),
        FaultKind::MalformedJson => malformed_json().map(MockBody::Full),
        FaultKind::Stall(duration) => {
            tokio::time::sleep(duration).await;
            real.await.map(MockBody::Full)
        }
        FaultKind::CloseBeforeHeaders => return Err(Aborted),
        FaultKind::CloseAfterHeaders => broken(real.await, |_| 0).await,
        FaultKind::TruncatedBody => broken(real.await, |len| len / 2).await,
    };
    if let Some(value) = fault
        .retry_after
        .and_then(|value| HeaderValue::try_from(value).ok())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(response)
}

/// Runs the router.
async fn route(mut router: Router, request: Request<axum::body::Body>) -> Response {
    // The router is always ready and never fails.
    if poll_fn(|cx| Service::<Request<axum::body::Body>>::poll_ready(&mut router, cx))
        .await
        .is_err()
    {
        return ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "A server error occurred.",
        )
        .into_response();
    }
    match router.call(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// Reads the whole request body: `Ok(Ok(bytes))`, `Ok(Err(413))` when over
/// `limit`, or `Err` when the client went away mid-body.
async fn read_body(
    headers: &http::HeaderMap,
    mut body: Incoming,
    limit: usize,
) -> Result<Result<Bytes, ApiError>, Aborted> {
    let limit_u64 = u64::try_from(limit).unwrap_or(u64::MAX);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if let Some(declared) = declared.filter(|&declared| declared > limit_u64) {
        let expects_continue = headers.contains_key(header::EXPECT);
        if expects_continue || declared > limit_u64.saturating_add(DRAIN_LIMIT) {
            return Ok(Err(ApiError::payload_too_large(limit)));
        }
    }

    let mut buffer = BytesMut::new();
    let mut seen: u64 = 0;
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame.map_err(|_| Aborted)?.into_data() else {
            continue; // trailers
        };
        seen = seen.saturating_add(u64::try_from(data.len()).unwrap_or(u64::MAX));
        if seen > limit_u64.saturating_add(DRAIN_LIMIT) {
            break;
        }
        if seen <= limit_u64 {
            buffer.extend_from_slice(&data);
        }
    }
    if seen > limit_u64 {
        Ok(Err(ApiError::payload_too_large(limit)))
    } else {
        Ok(Ok(buffer.freeze()))
    }
}

/// The response of a `status` fault.
fn status_response(code: u16) -> Response {
    let status = StatusCode::from_u16(code)
        .ok()
        .filter(|status| status.as_u16() >= 200)
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if matches!(status.as_u16(), 204 | 205 | 304) {
        return status.into_response();
    }
    match status {
        StatusCode::UNAUTHORIZED => ApiError::unauthorized("Invalid token."),
        StatusCode::FORBIDDEN => ApiError::new(status, PERMISSION_DENIED),
        StatusCode::NOT_FOUND => ApiError::not_found(),
        StatusCode::TOO_MANY_REQUESTS => ApiError::new(status, "Request was throttled."),
        StatusCode::INTERNAL_SERVER_ERROR => ApiError::new(status, "A server error occurred."),
        _ => ApiError::new(
            status,
            format!(
                "{} (crux-mock fault).",
                status.canonical_reason().unwrap_or("Injected status")
            ),
        ),
    }
    .into_response()
}

/// The response of a `malformed_json` fault.
fn malformed_json() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        MALFORMED_JSON,
    )
        .into_response()
}

/// `response` with a body that announces its full length but sends only
/// `keep(len)` bytes, then breaks the connection.
async fn broken(response: Response, keep: impl FnOnce(usize) -> usize) -> http::Response<MockBody> {
    let (mut parts, body) = response.into_parts();
    let full = body
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();
    if full.is_empty() {
        return http::Response::from_parts(parts, MockBody::Full(axum::body::Body::empty()));
    }
    // hyper writes Content-Length from the body's exact size hint.
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::TRANSFER_ENCODING);
    let declared = u64::try_from(full.len()).unwrap_or(u64::MAX);
    let sent = full.slice(..keep(full.len()).min(full.len()));
    http::Response::from_parts(parts, MockBody::Broken(BrokenBody::new(sent, declared)))
}
