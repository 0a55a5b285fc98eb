//! The per-request pipeline, shared by the server's connections and the
//! in-process [`Sandbox`](crate::Sandbox): count the request, take a fault,
//! route (the router, then the guard, then the body limit, then the
//! handler, which alone reads the body), apply the fault. A panic anywhere
//! in it is caught, counted and answered 500.

use std::any::Any;
use std::future::{Future, poll_fn};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::Router;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::{HeaderValue, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower_service::Service;

use crate::body::{Aborted, BoxError, BrokenBody, MockBody};
use crate::error::{ApiError, PERMISSION_DENIED};
use crate::faults::FaultKind;
use crate::shared::AppState;

/// The body of a `malformed_json` fault: cut off in the middle of an array.
const MALFORMED_JSON: &str = r#"{"detail": "crux-mock malformed-json fault", "items": [1, 2,"#;

/// Handles one request, whatever its body type (hyper's `Incoming` for the
/// server, a full body for the sandbox). `Err` makes hyper close the
/// connection without answering (a connection fault). A panic is caught:
/// counted in [`Shared::panics`](crate::shared::Shared::panics), reported
/// on stderr, answered 500 with a JSON detail.
pub(crate) async fn handle<B>(
    state: AppState,
    router: Router,
    request: Request<B>,
) -> Result<http::Response<MockBody>, Aborted>
where
    B: hyper::body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let pipeline = pipeline(state.clone(), router, request);
    match CatchUnwind::new(pipeline).await {
        Ok(result) => result,
        Err(payload) => {
            state.record_panic(&panic_message(payload.as_ref()));
            Ok(ApiError::internal().into_response().map(MockBody::Full))
        }
    }
}

/// The pipeline proper (see the module docs).
async fn pipeline<B>(
    state: AppState,
    router: Router,
    request: Request<B>,
) -> Result<http::Response<MockBody>, Aborted>
where
    B: hyper::body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    state.count(&method, &path);
    let fault = state.faults.take(&method, &path);
    let request = request.map(axum::body::Body::new);

    let Some(fault) = fault else {
        return Ok(route(router, request).await.map(MockBody::Full));
    };
    let mut response = match fault.kind {
        FaultKind::Status(code) => status_response(code).map(MockBody::Full),
        FaultKind::MalformedJson => malformed_json().map(MockBody::Full),
        FaultKind::Stall(duration) => {
            tokio::time::sleep(duration).await;
            route(router, request).await.map(MockBody::Full)
        }
        FaultKind::CloseBeforeHeaders => {
            // Read the request (its body up to the limit), then close.
            let limit = state.max_body_bytes;
            let _ = http_body_util::Limited::new(request.into_body(), limit)
                .collect()
                .await;
            return Err(Aborted);
        }
        FaultKind::CloseAfterHeaders => broken(route(router, request).await, |_| 0).await,
        FaultKind::TruncatedBody => broken(route(router, request).await, |len| len / 2).await,
        FaultKind::Panic => deliberate_panic(),
    };
    if let Some(value) = fault
        .retry_after
        .and_then(|value| HeaderValue::try_from(value).ok())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(response)
}

/// The `panic` fault (tests of the panic counter only).
#[allow(
    clippy::panic,
    reason = "the test-only `panic` fault panics on purpose"
)]
fn deliberate_panic() -> ! {
    panic!("crux-mock panic fault")
}

/// Runs the router.
async fn route(mut router: Router, request: Request<axum::body::Body>) -> Response {
    // The router is always ready and never fails.
    if poll_fn(|cx| Service::<Request<axum::body::Body>>::poll_ready(&mut router, cx))
        .await
        .is_err()
    {
        return ApiError::internal().into_response();
    }
    match router.call(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// A future that turns a panic while polling the inner future into
/// `Err(payload)`, as `std::panic::catch_unwind` does for a closure.
struct CatchUnwind<F> {
    inner: Pin<Box<F>>,
}

impl<F: Future> CatchUnwind<F> {
    fn new(inner: F) -> Self {
        Self {
            inner: Box::pin(inner),
        }
    }
}

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.inner.as_mut();
        // The future is never polled again after a panic (it is dropped
        // with `self`), so no broken invariant of it is observed; the shared
        // state's locks ignore poisoning by design (`shared::lock`).
        match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

/// The message of a panic payload (`panic!` with a literal or a format).
fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic with a non-text payload".to_owned())
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
        StatusCode::INTERNAL_SERVER_ERROR => ApiError::internal(),
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
