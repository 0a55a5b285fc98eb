//! In-memory state shared by the accept loop, the routes and
//! [`MockServer`](crate::MockServer): request counters, the fault queue and
//! the data store (the demo dataset as API objects, changed by the write
//! routes; one per server).

mod account;
mod org;
mod store;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use http::Method;

pub(crate) use account::Account;
pub(crate) use org::OrgData;
pub(crate) use store::Store;

use crate::faults::FaultQueue;

/// The state handed to every route (axum state) and kept by the server.
pub(crate) type AppState = Arc<Shared>;

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
    /// The demo data, as the write routes left it.
    store: Mutex<Store>,
}

impl Shared {
    /// Fresh state: no request counted, no fault, the demo data.
    pub(crate) fn new(max_body_bytes: usize) -> Self {
        Self {
            max_body_bytes,
            faults: FaultQueue::default(),
            requests: Mutex::default(),
            total: AtomicUsize::new(0),
            store: Mutex::new(Store::demo()),
        }
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

    /// Runs `f` with the store locked. Never hold it across an `.await`.
    pub(crate) fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        f(&mut lock(&self.store))
    }
}

/// Locks `mutex`, ignoring poisoning: every critical section leaves the data
/// consistent, and the mock must keep answering.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests;
