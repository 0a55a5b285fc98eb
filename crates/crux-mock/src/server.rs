//! [`MockServer`]: binding, the accept loop, and shutdown.

use std::fmt;
use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use crux_types::{ExportId, OrganizationId, Timestamp, UserId};
use http::{Method, Request};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

use crate::demo::{DEMO_USERS, DemoUser};
use crate::faults::Fault;
use crate::routes;
use crate::sandbox::Sandbox;
use crate::service;
use crate::shared::{AppState, Shared};

/// An export the mock was asked for ([`MockServer::exports`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportRecord {
    /// The id answered (`ExportRef.uuid`).
    pub id: ExportId,
    /// The operation that asked for it, as the endpoint catalogue names it
    /// (`"transactions.export"`).
    pub endpoint: &'static str,
    /// The requesting user's organization.
    pub organization: OrganizationId,
    /// The requesting user.
    pub requested_by: UserId,
    /// When, by the server's clock: 2024-07-01T00:00:00Z for the first
    /// object the server creates, one second later for each next one.
    pub created_at: Timestamp,
}

/// Default [`MockServerBuilder::max_body_bytes`]: 1 MiB.
const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

/// How long [`MockServer::shutdown`] lets in-flight requests finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A running mock CRUX Connect server on a local TCP port.
///
/// Start one with [`MockServer::start`] (127.0.0.1, a free port) or
/// [`MockServer::builder`], point a client at [`base_url`](Self::base_url),
/// and log in or send a demo user's token (see [`DEMO_USERS`]).
///
/// The server runs as tasks on the tokio runtime that started it (any
/// flavor, with the IO and time drivers enabled, as `#[tokio::main]`,
/// `#[tokio::test]` and `enable_all()` do), so it lives at most as long as
/// that runtime. Dropping the
/// `MockServer` stops it at once: the port is released and open connections
/// are cut, in-flight requests included. [`shutdown`](Self::shutdown) stops
/// it gracefully instead.
pub struct MockServer {
    shared: AppState,
    local_addr: SocketAddr,
    base_url: String,
    shutdown: watch::Sender<bool>,
    task: JoinHandle<()>,
}

/// Configures a [`MockServer`]; from [`MockServer::builder`].
#[derive(Debug, Clone)]
pub struct MockServerBuilder {
    addr: SocketAddr,
    max_body_bytes: usize,
}

impl Default for MockServerBuilder {
    fn default() -> Self {
        Self {
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        }
    }
}

impl MockServerBuilder {
    /// Listen on 127.0.0.1 at `port` (0, the default, picks a free port).
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.addr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port);
        self
    }

    /// Listen on `addr` instead of 127.0.0.1. The mock has no TLS and no
    /// real security: prefer loopback addresses.
    #[must_use]
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// The largest request body accepted, in bytes (default 1 MiB). A
    /// body is read only by a route that takes one, once the caller is
    /// authenticated and authorized; a request that declares a larger
    /// `Content-Length` is answered 413 before a byte of its body is read,
    /// and a chunked body is answered 413 as soon as it passes the limit.
    #[must_use]
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// Binds the address and starts serving on the current tokio runtime.
    ///
    /// # Errors
    ///
    /// The error of binding the address (in use, not permitted, ...).
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime, like `tokio::spawn`.
    pub async fn start(self) -> io::Result<MockServer> {
        let listener = TcpListener::bind(self.addr).await?;
        let local_addr = listener.local_addr()?;
        let shared = self.shared()?;
        let router = routes::router(shared.clone());
        let (shutdown, signal) = watch::channel(false);
        let task = tokio::spawn(accept_loop(listener, shared.clone(), router, signal));
        Ok(MockServer {
            shared,
            local_addr,
            base_url: base_url(local_addr),
            shutdown,
            task,
        })
    }
}

impl MockServerBuilder {
    /// A fresh state: the demo data, no fault, nothing counted.
    fn shared(&self) -> io::Result<AppState> {
        Ok(Arc::new(
            Shared::new(self.max_body_bytes).map_err(io::Error::other)?,
        ))
    }

    /// The same server without a socket: a [`Sandbox`] that handles
    /// requests in process, through the same checks, routes and faults.
    /// The address settings are ignored; the body limit applies.
    ///
    /// # Errors
    ///
    /// The demo data does not build (a bug of the crate, which its tests
    /// rule out), as an `io::Error` like [`start`](Self::start)'s.
    pub fn sandbox(self) -> io::Result<Sandbox> {
        let shared = self.shared()?;
        Ok(Sandbox::from_parts(shared.clone(), routes::router(shared)))
    }
}

/// `http://ADDR`, with a loopback address in place of an unspecified one
/// (`0.0.0.0`, `::`), which clients cannot connect to everywhere.
fn base_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

impl MockServer {
    /// Starts a server on 127.0.0.1 at a free port, with the defaults.
    ///
    /// # Errors
    ///
    /// The error of binding the port.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime, like `tokio::spawn`.
    pub async fn start() -> io::Result<MockServer> {
        Self::builder().start().await
    }

    /// A builder, to choose the address or the body limit.
    #[must_use]
    pub fn builder() -> MockServerBuilder {
        MockServerBuilder::default()
    }

    /// The URL to give clients: `http://127.0.0.1:PORT`, no trailing slash.
    #[must_use]
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address the server listens on.
    #[must_use]
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The demo users ([`DEMO_USERS`]): credentials, tokens, permissions.
    #[must_use]
    pub fn demo_users(&self) -> &'static [DemoUser] {
        DEMO_USERS
    }

    /// Queues `fault` for the next matching request(s); see [`Fault`].
    pub fn inject(&self, fault: Fault) {
        self.shared.faults.push(fault);
    }

    /// Faults injected and not used up yet.
    #[must_use]
    pub fn pending_faults(&self) -> usize {
        self.shared.faults.len()
    }

    /// The exports requested so far, oldest first: what the real API would
    /// prepare and email. Ids and times come from the server's sequence and
    /// clock, so they are the same on every run.
    #[must_use]
    pub fn exports(&self) -> Vec<ExportRecord> {
        self.shared.with_store(|store| {
            store
                .exports
                .iter()
                .map(|row| ExportRecord {
                    id: row.id,
                    endpoint: row.endpoint,
                    organization: row.org,
                    requested_by: row.requested_by,
                    created_at: row.created_at,
                })
                .collect()
        })
    }

    /// Drops every fault not used yet.
    pub fn clear_faults(&self) {
        self.shared.faults.clear();
    }

    /// Requests received for `method` and `path` (the path exactly as sent,
    /// without the query string). Every request that reached routing
    /// counts, whatever the answer: faults, 401, 403, 404, 413 ... Requests
    /// hyper rejects before routing (unparsable, headers too large) do not.
    #[must_use]
    pub fn request_count(&self, method: &Method, path: &str) -> usize {
        self.shared.request_count(method, path)
    }

    /// Requests received in all (see [`request_count`](Self::request_count)).
    #[must_use]
    pub fn total_requests(&self) -> usize {
        self.shared.total_requests()
    }

    /// Faults used so far: each request a fault applied to counts once
    /// (a fault injected with `times(3)` and used up counts 3).
    #[must_use]
    pub fn faults_applied(&self) -> usize {
        self.shared.faults.applied()
    }

    /// Panics so far: a request handler that panicked (answered 500 with a
    /// JSON `detail` instead of a dropped connection), or a connection task
    /// that did (its connection cut). Each is also reported on stderr. The
    /// mock has no known panic: anything but 0 is a bug (the crate's
    /// robustness tests check it after each test).
    #[must_use]
    pub fn panics(&self) -> usize {
        self.shared.panics()
    }

    /// Connections that ended with an error so far: a client that went
    /// away mid-request, a request hyper could not parse (answered 400 or
    /// 431 by hyper), a connection fault. Not a sign of a bug by itself;
    /// tests of hostile input use it to see that hyper, not the mock,
    /// ended the exchange.
    #[must_use]
    pub fn connection_errors(&self) -> usize {
        self.shared.connection_errors()
    }

    /// Stops gracefully: stops accepting, closes idle connections, lets
    /// in-flight requests finish (up to 5 seconds, then cuts them), and
    /// returns once the port is released.
    pub async fn shutdown(mut self) {
        self.shutdown.send_replace(true);
        if tokio::time::timeout(SHUTDOWN_GRACE, &mut self.task)
            .await
            .is_err()
        {
            self.task.abort();
            let _ = (&mut self.task).await;
        }
    }

    /// Serves until `signal` completes, then [shuts down](Self::shutdown)
    /// gracefully. For example `server.run_until(async { rx.await.ok(); })`.
    pub async fn run_until<F>(self, signal: F)
    where
        F: Future<Output = ()>,
    {
        signal.await;
        self.shutdown().await;
    }

    /// Serves until Ctrl-C (SIGINT), then [shuts down](Self::shutdown)
    /// gracefully: what `crux mock serve` blocks on.
    ///
    /// # Errors
    ///
    /// The error of installing the Ctrl-C handler; the server is shut down
    /// in that case too.
    pub async fn run_until_ctrl_c(self) -> io::Result<()> {
        let result = tokio::signal::ctrl_c().await;
        self.shutdown().await;
        result
    }
}

impl fmt::Debug for MockServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockServer")
            .field("base_url", &self.base_url)
            .field("total_requests", &self.total_requests())
            .field("pending_faults", &self.pending_faults())
            .finish_non_exhaustive()
    }
}

/// Stops the server at once (see the type docs).
impl Drop for MockServer {
    fn drop(&mut self) {
        // Aborting drops the accept loop's future: the listener, and the
        // JoinSet, which aborts every connection task.
        self.task.abort();
    }
}

/// Accepts connections until shutdown is signaled (or the server is
/// dropped), then waits for the open connections to finish.
async fn accept_loop(
    listener: TcpListener,
    shared: AppState,
    router: Router,
    mut signal: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(
                        stream,
                        shared.clone(),
                        router.clone(),
                        signal.clone(),
                    ));
                }
                // Out of file descriptors or similar: back off, go on.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            _ = signal.changed() => break,
            Some(joined) = connections.join_next(), if !connections.is_empty() => {
                check_joined(&shared, joined);
            }
        }
    }
    drop(listener);
    while let Some(joined) = connections.join_next().await {
        check_joined(&shared, joined);
    }
}

/// Counts a connection task that panicked (outside the request pipeline,
/// which catches its own: in hyper, or while sending a body).
fn check_joined(shared: &Shared, joined: Result<(), tokio::task::JoinError>) {
    if let Err(error) = joined {
        if error.is_panic() {
            shared.record_panic("a connection task panicked");
        }
    }
}

/// Serves one HTTP/1.1 connection until it closes or shutdown is signaled.
/// A connection that ends with an error (the client's doing, a request
/// hyper cannot parse, or a connection fault) is counted
/// ([`MockServer::connection_errors`]).
async fn serve_connection(
    stream: TcpStream,
    shared: AppState,
    router: Router,
    mut signal: watch::Receiver<bool>,
) {
    let state = shared.clone();
    let service = service_fn(move |request: Request<Incoming>| {
        service::handle(state.clone(), router.clone(), request)
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        // A client may close its write side once the request is sent; still
        // answer it.
        .half_close(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    let result = tokio::select! {
        result = connection.as_mut() => result,
        _ = signal.changed() => {
            connection.as_mut().graceful_shutdown();
            connection.await
        }
    };
    if result.is_err() {
        shared.record_connection_error();
    }
}
