//! Fake transports for testing the layers above (feature `test-util`).
//!
//! None needs a network, a runtime of a particular kind, or the `hyper`
//! feature. Pick by what the test is about:
//!
//! | the test is about | use |
//! | --- | --- |
//! | how requests are built (method, URL, headers, body) | [`ReplayTransport`], then inspect [`requests`](ReplayTransport::requests) |
//! | an answer that depends on the request (route by path, echo a header), or one canned answer for any number of calls | [`infallible_transport_fn`] / [`transport_fn`], a closure from request to response |
//! | running without a tokio runtime | any of these: their futures are ready at once |
//! | decoding responses, mapping HTTP errors | [`ReplayTransport`] with [`ReplayEvent::json`] / [`ReplayEvent::status`] |
//! | retries: which failures are retried, how often | [`ReplayTransport`] with a sequence of [`ReplayEvent::error`]s and responses, then [`request_count`](ReplayTransport::request_count) |
//! | deadlines and cancellation | [`NeverTransport`], whose calls never complete (use a paused Tokio clock) |
//! | the wire: TLS, pooling, size limits, connect errors | the real [`HyperTransport`](crate::HyperTransport) against a local server |
//!
//! The fakes are `Clone` and share their state between clones: keep one
//! handle in the test and give a clone to the client.
//!
//! ```
//! use crux_transport::test_util::{ReplayEvent, ReplayTransport};
//! use crux_transport::{Bytes, Transport};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let replay = ReplayTransport::new([
//!     ReplayEvent::status(503),
//!     ReplayEvent::json(200, r#"{"ok":true}"#),
//! ]);
//! let transport = replay.clone(); // hand this one to the client
//! let first = transport.send(http::Request::new(Bytes::new())).await.unwrap();
//! assert_eq!(first.status(), 503);
//! let second = transport.send(http::Request::new(Bytes::new())).await.unwrap();
//! assert_eq!(second.body(), r#"{"ok":true}"#);
//! assert_eq!(replay.request_count(), 2);
//! # }
//! ```

use std::{
    collections::VecDeque,
    fmt,
    sync::{Arc, Mutex, MutexGuard, PoisonError},
};

use bytes::Bytes;

use crate::{BoxFuture, Transport, TransportError, TransportErrorKind};

/// One scripted outcome of a [`ReplayTransport`] call.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReplayEvent {
    /// The call succeeds with this response.
    Response(http::Response<Bytes>),
    /// The call fails with this error.
    Error(TransportError),
}

impl ReplayEvent {
    /// A response with this status and an empty body.
    ///
    /// A code outside `100..=999` cannot be a status; the event then replays
    /// as an [`Other`](TransportErrorKind::Other) error saying so.
    pub fn status(status: u16) -> Self {
        Self::with_body(status, None, Bytes::new())
    }

    /// A response with this status, `content-type: application/json` and
    /// `body` (not checked to be JSON, so malformed bodies can be tested).
    ///
    /// An invalid status is handled as in [`status`](Self::status).
    pub fn json(status: u16, body: impl Into<Bytes>) -> Self {
        Self::with_body(status, Some("application/json"), body.into())
    }

    /// A call that fails with `error`.
    pub fn error(error: TransportError) -> Self {
        Self::Error(error)
    }

    fn with_body(status: u16, content_type: Option<&'static str>, body: Bytes) -> Self {
        let Ok(status) = http::StatusCode::from_u16(status) else {
            return Self::Error(TransportError::new(TransportErrorKind::Other).with_source(
                format!("ReplayEvent: {status} is not a valid HTTP status code"),
            ));
        };
        let mut response = http::Response::new(body);
        *response.status_mut() = status;
        if let Some(content_type) = content_type {
            response.headers_mut().insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static(content_type),
            );
        }
        Self::Response(response)
    }
}

impl From<http::Response<Bytes>> for ReplayEvent {
    fn from(response: http::Response<Bytes>) -> Self {
        Self::Response(response)
    }
}

impl From<TransportError> for ReplayEvent {
    fn from(error: TransportError) -> Self {
        Self::Error(error)
    }
}

/// Replays scripted responses and errors, in order, and records every
/// request it is sent.
///
/// Each call to [`send`](Transport::send) records the request and takes the
/// next [`ReplayEvent`]. When none is left the call fails with an
/// [`Other`](TransportErrorKind::Other) error whose source reads
/// "ReplayTransport: no response left for request N" (N counts from 1); it
/// never panics. The state is shared by all clones.
#[derive(Clone, Default)]
pub struct ReplayTransport {
    state: Arc<Mutex<ReplayState>>,
}

#[derive(Default)]
struct ReplayState {
    events: VecDeque<ReplayEvent>,
    requests: Vec<http::Request<Bytes>>,
}

impl ReplayTransport {
    /// A transport that will replay `events` in order.
    pub fn new(events: impl IntoIterator<Item = ReplayEvent>) -> Self {
        let state = ReplayState {
            events: events.into_iter().collect(),
            requests: Vec::new(),
        };
        Self {
            state: Arc::new(Mutex::new(state)),
        }
    }

    /// Appends one more event to replay.
    pub fn push(&self, event: impl Into<ReplayEvent>) {
        self.lock().events.push_back(event.into());
    }

    /// Copies of the requests sent so far, in order (method, URI, version,
    /// headers and body; not extensions).
    pub fn requests(&self) -> Vec<http::Request<Bytes>> {
        self.lock().requests.iter().map(copy_request).collect()
    }

    /// How many requests were sent so far.
    pub fn request_count(&self) -> usize {
        self.lock().requests.len()
    }

    /// How many events are left to replay.
    pub fn remaining_events(&self) -> usize {
        self.lock().events.len()
    }

    fn lock(&self) -> MutexGuard<'_, ReplayState> {
        // A test that panicked while holding the lock left consistent data.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for ReplayTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Counts only: recorded requests carry headers (tokens).
        let state = self.lock();
        f.debug_struct("ReplayTransport")
            .field("remaining_events", &state.events.len())
            .field("requests", &state.requests.len())
            .finish()
    }
}

impl Transport for ReplayTransport {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        // Recorded and answered at call time, so the order of `send` calls
        // decides the order of events even if futures are polled out of order.
        let result = {
            let mut state = self.lock();
            state.requests.push(request);
            match state.events.pop_front() {
                Some(ReplayEvent::Response(response)) => Ok(response),
                Some(ReplayEvent::Error(error)) => Err(error),
                None => Err(
                    TransportError::new(TransportErrorKind::Other).with_source(format!(
                        "ReplayTransport: no response left for request {}",
                        state.requests.len()
                    )),
                ),
            }
        };
        Box::pin(std::future::ready(result))
    }
}

/// A transport whose calls never complete, for deadline and cancellation
/// tests. It records the requests it is sent; clones share them.
///
/// Pair it with a paused Tokio clock (`#[tokio::test(start_paused = true)]`)
/// so that a 30 s deadline elapses instantly.
#[derive(Clone, Default)]
pub struct NeverTransport {
    requests: Arc<Mutex<Vec<http::Request<Bytes>>>>,
}

impl NeverTransport {
    /// A new transport that has seen no request.
    pub fn new() -> Self {
        Self::default()
    }

    /// Copies of the requests sent so far, in order (not extensions).
    pub fn requests(&self) -> Vec<http::Request<Bytes>> {
        self.lock().iter().map(copy_request).collect()
    }

    /// How many requests were sent so far.
    pub fn request_count(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<http::Request<Bytes>>> {
        self.requests.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for NeverTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NeverTransport")
            .field("requests", &self.lock().len())
            .finish()
    }
}

impl Transport for NeverTransport {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        self.lock().push(request);
        Box::pin(std::future::pending())
    }
}

/// The closure of a [`FnTransport`].
type Handler =
    dyn Fn(http::Request<Bytes>) -> Result<http::Response<Bytes>, TransportError> + Send + Sync;

/// A transport that answers each request with a closure, at once (its future
/// is ready when first polled), and counts the requests.
///
/// Made by [`infallible_transport_fn`] or [`transport_fn`]. For request-shape
/// and response-mapping tests that need no socket; where the order of
/// answers matters more than the request, a [`ReplayTransport`] is shorter.
#[derive(Clone)]
pub struct FnTransport {
    handler: Arc<Handler>,
    count: Arc<Mutex<usize>>,
}

impl FnTransport {
    /// How many requests were sent so far.
    pub fn request_count(&self) -> usize {
        *self.count.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A transport whose every request is answered by `f`: the AWS SDK's
/// `infallible_client_fn`, for this crate's types.
///
/// ```
/// use crux_transport::{Bytes, Transport, test_util::infallible_transport_fn};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let echo = infallible_transport_fn(|request| {
///     http::Response::new(Bytes::copy_from_slice(request.uri().path().as_bytes()))
/// });
/// let request = http::Request::get("https://a.test/echo").body(Bytes::new()).unwrap();
/// assert_eq!(echo.send(request).await.unwrap().body(), "/echo");
/// assert_eq!(echo.request_count(), 1);
/// # }
/// ```
pub fn infallible_transport_fn(
    f: impl Fn(http::Request<Bytes>) -> http::Response<Bytes> + Send + Sync + 'static,
) -> FnTransport {
    transport_fn(move |request| Ok(f(request)))
}

/// A transport whose every request is answered by `f`, which may also fail
/// with a [`TransportError`].
pub fn transport_fn(
    f: impl Fn(http::Request<Bytes>) -> Result<http::Response<Bytes>, TransportError>
    + Send
    + Sync
    + 'static,
) -> FnTransport {
    FnTransport {
        handler: Arc::new(f),
        count: Arc::default(),
    }
}

impl fmt::Debug for FnTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FnTransport")
            .field("requests", &self.request_count())
            .finish_non_exhaustive()
    }
}

impl Transport for FnTransport {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        *self.count.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        Box::pin(std::future::ready((self.handler)(request)))
    }
}

/// `http::Request` is not `Clone`; copies everything but the extensions.
fn copy_request(request: &http::Request<Bytes>) -> http::Request<Bytes> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.version_mut() = request.version();
    *copy.headers_mut() = request.headers().clone();
    copy
}
