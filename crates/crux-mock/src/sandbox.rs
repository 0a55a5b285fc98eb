//! [`Sandbox`]: the mock without a socket.

use std::fmt;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::Router;
use bytes::Bytes;
use http::{HeaderValue, Method, Request, Response, header};
use http_body_util::{BodyExt, Full};
use tower_service::Service;

use crate::MockServer;
use crate::body::MockBody;
use crate::faults::Fault;
use crate::service;
use crate::shared::AppState;

/// The mock server's request handling, in process: the same checks (route,
/// token, organization type, permissions, body limit), the same routes, the
/// same faults and counters as a [`MockServer`], with no socket. For tests
/// and fuzz targets that drive the mock with arbitrary requests quickly.
///
/// ```
/// # async fn demo() -> std::io::Result<()> {
/// use bytes::Bytes;
/// use crux_mock::{DEMO_USERS, Sandbox};
///
/// let sandbox = Sandbox::new()?;
/// let request = http::Request::get("/organizations/users/all/")
///     .header("authorization", format!("Token {}", DEMO_USERS[0].token))
///     .body(Bytes::new())
///     .expect("a valid request");
/// let response = sandbox.handle(request).await.expect("no connection fault");
/// assert_eq!(response.status(), 200);
/// assert_eq!(sandbox.panics(), 0);
/// # Ok(()) }
/// ```
///
/// Each `Sandbox` has its own state (demo data, faults, counters), like
/// each server; clones share it. Handling needs a tokio runtime only for
/// the [`stall`](Fault::stall) fault (its timer). Responses are the
/// router's: hyper's connection headers (`Date`, `Content-Length` of a
/// complete body) are not added, and the body of a `HEAD` answer is
/// empty.
#[derive(Clone)]
pub struct Sandbox {
    shared: AppState,
    router: Router,
}

impl Sandbox {
    /// A sandbox with the defaults of [`MockServer::builder`] (see
    /// [`MockServerBuilder::sandbox`](crate::MockServerBuilder::sandbox)
    /// to set the body limit).
    ///
    /// # Errors
    ///
    /// The demo data does not build (a bug of the crate, which its tests
    /// rule out).
    pub fn new() -> io::Result<Sandbox> {
        MockServer::builder().sandbox()
    }

    pub(crate) fn from_parts(shared: AppState, router: Router) -> Self {
        Self { shared, router }
    }

    /// Handles one request, as a server would on a connection.
    ///
    /// # Errors
    ///
    /// [`Cut`] where a connection fault
    /// ([`close_before_headers`](Fault::close_before_headers),
    /// [`close_after_headers`](Fault::close_after_headers),
    /// [`truncated_body`](Fault::truncated_body)) would cut the connection
    /// before the response is complete.
    pub async fn handle(&self, request: Request<Bytes>) -> Result<Response<Bytes>, Cut> {
        let request = request.map(Full::new);
        let response = service::handle(self.shared.clone(), self.router.clone(), request)
            .await
            .map_err(|_| Cut { partial: None })?;
        let (mut parts, body) = response.into_parts();
        match body {
            MockBody::Full(body) => match body.collect().await {
                Ok(collected) => Ok(Response::from_parts(parts, collected.to_bytes())),
                Err(_) => Err(Cut {
                    partial: Some(Response::from_parts(parts, Bytes::new())),
                }),
            },
            MockBody::Broken(body) => {
                let (sent, declared) = body.into_parts();
                parts
                    .headers
                    .insert(header::CONTENT_LENGTH, HeaderValue::from(declared));
                Err(Cut {
                    partial: Some(Response::from_parts(parts, sent)),
                })
            }
        }
    }

    /// Queues `fault` for the next matching request(s); see [`Fault`] and
    /// [`MockServer::inject`].
    pub fn inject(&self, fault: Fault) {
        self.shared.faults.push(fault);
    }

    /// Faults injected and not used up yet.
    #[must_use]
    pub fn pending_faults(&self) -> usize {
        self.shared.faults.len()
    }

    /// Drops every fault not used yet.
    pub fn clear_faults(&self) {
        self.shared.faults.clear();
    }

    /// Faults used so far ([`MockServer::faults_applied`]).
    #[must_use]
    pub fn faults_applied(&self) -> usize {
        self.shared.faults.applied()
    }

    /// Requests handled for `method` and `path` (the path without the
    /// query string), whatever the answer ([`MockServer::request_count`]).
    #[must_use]
    pub fn request_count(&self, method: &Method, path: &str) -> usize {
        self.shared.request_count(method, path)
    }

    /// Requests handled in all.
    #[must_use]
    pub fn total_requests(&self) -> usize {
        self.shared.total_requests()
    }

    /// Requests that panicked, each answered 500 with a JSON `detail`
    /// ([`MockServer::panics`]): 0 unless the mock has a bug.
    #[must_use]
    pub fn panics(&self) -> usize {
        self.shared.panics()
    }
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("total_requests", &self.total_requests())
            .field("pending_faults", &self.pending_faults())
            .field("panics", &self.panics())
            .finish_non_exhaustive()
    }
}

/// [`Sandbox::handle`] as a tower service, for code written against
/// `tower::Service` (always ready).
impl Service<Request<Bytes>> for Sandbox {
    type Response = Response<Bytes>;
    type Error = Cut;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Bytes>, Cut>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Cut>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<Bytes>) -> Self::Future {
        let sandbox = self.clone();
        Box::pin(async move { sandbox.handle(request).await })
    }
}

/// A connection fault cut the exchange ([`Sandbox::handle`]): what a
/// client on a socket would see as a connection closed early.
#[derive(Debug)]
pub struct Cut {
    partial: Option<Response<Bytes>>,
}

impl Cut {
    /// What was sent before the cut: `None` when nothing was (the
    /// connection closed before the head), else the head (with the
    /// `Content-Length` of the whole body) and the body bytes sent.
    #[must_use]
    pub fn partial(&self) -> Option<&Response<Bytes>> {
        self.partial.as_ref()
    }

    /// [`partial`](Self::partial), by value.
    #[must_use]
    pub fn into_partial(self) -> Option<Response<Bytes>> {
        self.partial
    }
}

impl fmt::Display for Cut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.partial {
            None => f.write_str("connection closed by a crux-mock fault before the response"),
            Some(_) => f.write_str("connection closed by a crux-mock fault during the body"),
        }
    }
}

impl std::error::Error for Cut {}
