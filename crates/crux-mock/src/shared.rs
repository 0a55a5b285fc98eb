//! In-memory state shared by the accept loop, the routes and
//! [`MockServer`](crate::MockServer): request counters, the fault queue and
//! the [`Store`] (one per server).

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Json;
use http::Method;

use crate::domain::Outcome;
use crate::error::ApiError;
use crate::faults::FaultQueue;
use crate::store::{SeedError, Store};

/// The state handed to every route (axum state) and kept by the server.
pub(crate) type AppState = Arc<Shared>;

/// What a handler answers: the JSON object, or the error.
pub(crate) type Reply<T> = Result<Json<T>, ApiError>;

/// Everything shared between connections.
#[derive(Debug)]
pub(crate) struct Shared {
    /// Largest request body accepted, in bytes.
    pub(crate) max_body_bytes: usize,
    /// Faults waiting to be applied.
    pub(crate) faults: FaultQueue,
    /// Requests received per (method, path).
    requests: Mutex<HashMap<(Method, String), usize>>,
    /// Requests received in all.
    total: AtomicUsize,
    /// Panics caught (request pipeline) or seen (connection tasks).
    panics: AtomicUsize,
    /// Connections that ended with an error.
    connection_errors: AtomicUsize,
    /// The data, as the write routes left it.
    store: Mutex<Store>,
}

impl Shared {
    /// Fresh state: no request counted, no fault, the demo data.
    ///
    /// # Errors
    /// The demo data does not build (see [`Store::demo`]).
    pub(crate) fn new(max_body_bytes: usize) -> Result<Self, SeedError> {
        Ok(Self {
            max_body_bytes,
            faults: FaultQueue::default(),
            requests: Mutex::default(),
            total: AtomicUsize::new(0),
            panics: AtomicUsize::new(0),
            connection_errors: AtomicUsize::new(0),
            store: Mutex::new(Store::demo()?),
        })
    }

    /// Counts one request.
    pub(crate) fn count(&self, method: &Method, path: &str) {
        self.total.fetch_add(1, Ordering::Relaxed);
        *lock(&self.requests)
            .entry((method.clone(), path.to_owned()))
            .or_default() += 1;
    }

    /// Requests counted for `method` and `path`.
    pub(crate) fn request_count(&self, method: &Method, path: &str) -> usize {
        lock(&self.requests)
            .get(&(method.clone(), path.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// Requests counted in all.
    pub(crate) fn total_requests(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }

    /// Counts a panic and reports it on stderr: a bug of the mock, which
    /// its tests check never happens (the `panic` fault aside).
    #[allow(
        clippy::print_stderr,
        reason = "a panic is a bug of the mock: make it visible to whoever runs the server"
    )]
    pub(crate) fn record_panic(&self, message: &str) {
        self.panics.fetch_add(1, Ordering::Relaxed);
        eprintln!("crux-mock: a request panicked (answered 500 or cut): {message}");
    }

    /// Panics counted so far.
    pub(crate) fn panics(&self) -> usize {
        self.panics.load(Ordering::Relaxed)
    }

    /// Counts a connection that ended with an error.
    pub(crate) fn record_connection_error(&self) {
        self.connection_errors.fetch_add(1, Ordering::Relaxed);
    }

    /// Connections that ended with an error so far.
    pub(crate) fn connection_errors(&self) -> usize {
        self.connection_errors.load(Ordering::Relaxed)
    }

    /// Runs `f` with the store locked. Never hold it across an `.await`.
    pub(crate) fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        f(&mut lock(&self.store))
    }

    /// A handler's answer: the domain function `f`, run on the store, as
    /// JSON or as the error's response.
    pub(crate) fn run<T>(&self, f: impl FnOnce(&mut Store) -> Outcome<T>) -> Reply<T> {
        self.with_store(f).map(Json).map_err(ApiError::from)
    }
}

/// Locks `mutex`, ignoring poisoning: every critical section leaves the data
/// consistent, and the mock must keep answering.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
