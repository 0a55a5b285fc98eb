//! Injectable faults: bad statuses, stalls, dropped connections, broken
//! bodies. See [`Fault`].

mod parse;
mod pattern;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crux_types::endpoint::Endpoint;
use http::Method;

pub use parse::ParseFaultError;
use pattern::path_matches;

use crate::shared::lock;

/// A fault to apply to the next matching request(s); queue it with
/// [`MockServer::inject`](crate::MockServer::inject).
///
/// Build one with a constructor (the kind), then refine it:
///
/// ```
/// use std::time::Duration;
/// use crux_mock::Fault;
/// use http::Method;
///
/// // The next 2 requests, whatever the route: 503 with Retry-After: 1.
/// let outage = Fault::status(503).retry_after("1").times(2);
/// // The next users list request: a 2 s wait, then the normal answer.
/// let slow = Fault::stall(Duration::from_secs(2)).on(Method::GET, "/organizations/users/all/");
/// // The same, from the text form (`crux --mock-fault ...`).
/// assert_eq!("stall=2s,on=GET:/organizations/users/all/".parse::<Fault>()?, slow);
/// assert_eq!(outage.to_string(), "status=503,times=2,retry-after=1");
/// # Ok::<(), crux_mock::ParseFaultError>(())
/// ```
///
/// # Matching
///
/// Each request first looks at the queue, in injection order: the first
/// fault that matches the request (any request, or the method and path
/// pattern given to [`on`](Self::on)) and has uses left is used once, then the request goes
/// on as the fault says. At most one fault applies to a request. A fault is
/// dropped from the queue once used [`times`](Self::times) times.
///
/// # Text form
///
/// [`FromStr`](std::str::FromStr) and [`Display`](std::fmt::Display) use a
/// comma-separated list of items, in any order, exactly one of them a kind:
///
/// | Item | Meaning |
/// |---|---|
/// | `status=CODE` | [`Fault::status`]; CODE in 200..=999 |
/// | `stall=DURATION` | [`Fault::stall`]; `500ms`, `2s`, `1m`, `250us`, or plain seconds (`2`) |
/// | `close-before-headers` | [`Fault::close_before_headers`] |
/// | `close-after-headers` | [`Fault::close_after_headers`] |
/// | `truncated-body` | [`Fault::truncated_body`] |
/// | `malformed-json` | [`Fault::malformed_json`] |
/// | `times=N` | [`Fault::times`] (default 1) |
/// | `every=N` | [`Fault::every`] (default 1) |
/// | `retry-after=VALUE` | [`Fault::retry_after`]; VALUE may contain commas (an HTTP date) |
/// | `on=METHOD:PATH` | [`Fault::on`], e.g. `on=GET:/organizations/users/all/`; a `*` segment matches any one segment (`on=PUT:/orders/allocation/*/`) |
///
/// One more kind, `panic`, is for tests of the mock itself (see
/// [`MockServer::panics`](crate::MockServer::panics)): the request handler
/// panics, and the server answers 500.
///
/// Keys are case-insensitive and spaces around items are ignored. A piece
/// that does not start with a known key continues the previous
/// `retry-after=` or `on=` value, so
/// `status=503,retry-after=Wed, 21 Oct 2015 07:28:00 GMT` works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub(crate) kind: FaultKind,
    pub(crate) times: usize,
    /// Applies to one matching request in `every` (see [`Fault::every`]).
    pub(crate) every: usize,
    /// Matching requests let through since this fault last applied.
    pub(crate) passed: usize,
    pub(crate) route: Option<(Method, String)>,
    pub(crate) retry_after: Option<String>,
}

/// What a fault does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FaultKind {
    /// Answer this status (a valid code of at least 200) with a JSON detail.
    Status(u16),
    /// Wait, then answer normally.
    Stall(Duration),
    /// Read the request, close without answering.
    CloseBeforeHeaders,
    /// Send the real status and headers, then close.
    CloseAfterHeaders,
    /// Send the real response with half its body, then close.
    TruncatedBody,
    /// 200 with an invalid JSON body.
    MalformedJson,
    /// Panic in the request pipeline (tests of the panic counter).
    Panic,
}

impl Fault {
    fn new(kind: FaultKind) -> Self {
        Self {
            kind,
            times: 1,
            every: 1,
            passed: 0,
            route: None,
            retry_after: None,
        }
    }

    /// Answer `status` with a JSON `{"detail": "..."}` body, without running
    /// the route (no authentication, no handler) or reading the body.
    ///
    /// A code that is not a valid final status (below 200 or above 999) is
    /// answered as 500.
    #[must_use]
    pub fn status(status: u16) -> Self {
        Self::new(FaultKind::Status(status))
    }

    /// Wait `duration`, then handle the request normally. The wait uses
    /// tokio's clock, so a paused test clock skips it.
    #[must_use]
    pub fn stall(duration: Duration) -> Self {
        Self::new(FaultKind::Stall(duration))
    }

    /// Read the whole request (its body up to the server's body limit),
    /// then close the connection without sending anything: the client sees
    /// the connection closed after sending (hyper: `IncompleteMessage`).
    #[must_use]
    pub fn close_before_headers() -> Self {
        Self::new(FaultKind::CloseBeforeHeaders)
    }

    /// Handle the request, send the real status line and headers (with the
    /// `Content-Length` of the real body), then close the connection before
    /// any body byte: the client gets the head, then a body error. A real
    /// response with an empty body (`HEAD`) is sent as is.
    #[must_use]
    pub fn close_after_headers() -> Self {
        Self::new(FaultKind::CloseAfterHeaders)
    }

    /// Handle the request and send the real response with the
    /// `Content-Length` of the full body, but only its first half (rounded
    /// down), then close the connection: the client gets a body error. A
    /// real response with an empty body (`HEAD`) is sent as is.
    #[must_use]
    pub fn truncated_body() -> Self {
        Self::new(FaultKind::TruncatedBody)
    }

    /// Answer 200 with `Content-Type: application/json` and a body that is
    /// not valid JSON, without running the route.
    #[must_use]
    pub fn malformed_json() -> Self {
        Self::new(FaultKind::MalformedJson)
    }

    /// For tests of the mock itself: the request handler panics. The
    /// server catches the panic, answers 500 with a JSON `detail` and counts
    /// it ([`MockServer::panics`](crate::MockServer::panics)); text form
    /// `panic`. A test of the mock uses it to show that the panic counter,
    /// which every robustness test checks is 0, would see a real panic.
    #[doc(hidden)]
    #[must_use]
    pub fn panic() -> Self {
        Self::new(FaultKind::Panic)
    }

    /// Add a `Retry-After` header with `value` verbatim (seconds or an HTTP
    /// date) to the response the fault sends: the fault's own response for
    /// [`status`](Self::status) and [`malformed_json`](Self::malformed_json),
    /// the real response otherwise. Ignored by
    /// [`close_before_headers`](Self::close_before_headers), which sends
    /// nothing, and dropped if it is not a valid header value.
    #[must_use]
    pub fn retry_after(mut self, value: impl Into<String>) -> Self {
        self.retry_after = Some(value.into());
        self
    }

    /// Apply to the next `n` matching requests instead of 1. `times(0)`
    /// makes a fault that never applies.
    #[must_use]
    pub fn times(mut self, n: usize) -> Self {
        self.times = n;
        self
    }

    /// Apply to one matching request in `n` (the `n`-th, the `2n`-th, ...)
    /// instead of every one; the requests in between look further down the
    /// queue as if this fault were not there. `times` counts the requests
    /// it applied to. `every(0)` is `every(1)`. Text form `every=N`.
    ///
    /// A deterministic way to spread faults over a long run: four faults of
    /// `every(37)`, `every(41)`, `every(43)` and `every(47)` with
    /// `times(usize::MAX)` hit about one request in ten.
    #[must_use]
    pub fn every(mut self, n: usize) -> Self {
        self.every = n.max(1);
        self
    }

    /// Match only requests with this method and a path matching `pattern`,
    /// instead of any request. The path is compared as sent, without the
    /// query string, segment by segment: a segment `*` (or a catalogue
    /// placeholder such as `{order_uuid}`) matches any one non-empty
    /// segment, so `/orders/allocation/*/` matches the allocation of every
    /// order, ids created at run time included; any other segment must be
    /// equal.
    #[must_use]
    pub fn on(mut self, method: Method, pattern: impl Into<String>) -> Self {
        self.route = Some((method, pattern.into()));
        self
    }

    /// Match only requests for `endpoint` of the catalogue, whatever the
    /// ids in its path: `on` with its method and path template.
    ///
    /// ```
    /// use crux_mock::Fault;
    /// use crux_types::endpoint;
    /// use http::Method;
    ///
    /// let fault = Fault::status(503).on_endpoint(&endpoint::TRANSACTIONS_GET);
    /// assert_eq!(
    ///     fault,
    ///     Fault::status(503).on(Method::GET, "/accounting/transactions/{transaction_id}/")
    /// );
    /// ```
    #[must_use]
    pub fn on_endpoint(self, endpoint: &Endpoint) -> Self {
        let method = Method::from_bytes(endpoint.method.as_str().as_bytes()).unwrap_or_default();
        self.on(method, endpoint.path)
    }

    /// Whether the fault applies to a request for `method` and `path`.
    fn matches(&self, method: &Method, path: &str) -> bool {
        self.route
            .as_ref()
            .is_none_or(|(m, pattern)| m == method && path_matches(pattern, path))
    }
}

/// The injected faults not used up yet, in injection order.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    queue: Mutex<Vec<Fault>>,
    /// Faults used so far, each use counted.
    applied: AtomicUsize,
}

impl FaultQueue {
    /// Queues `fault` (a fault with `times(0)` is dropped).
    pub(crate) fn push(&self, fault: Fault) {
        if fault.times > 0 {
            lock(&self.queue).push(fault);
        }
    }

    /// Uses the first fault matching the request once, if any; the returned
    /// copy has `times` 1.
    pub(crate) fn take(&self, method: &Method, path: &str) -> Option<Fault> {
        let mut queue = lock(&self.queue);
        let index = queue.iter_mut().position(|f| {
            if !f.matches(method, path) {
                return false;
            }
            f.passed += 1;
            if f.passed < f.every {
                return false;
            }
            f.passed = 0;
            true
        })?;
        let fault = &mut queue[index];
        fault.times -= 1;
        let used = Fault {
            times: 1,
            every: 1,
            passed: 0,
            ..fault.clone()
        };
        if fault.times == 0 {
            queue.remove(index);
        }
        self.applied.fetch_add(1, Ordering::Relaxed);
        Some(used)
    }

    /// Faults used so far (a fault used `n` times counts `n`).
    pub(crate) fn applied(&self) -> usize {
        self.applied.load(Ordering::Relaxed)
    }

    /// Faults still queued.
    pub(crate) fn len(&self) -> usize {
        lock(&self.queue).len()
    }

    /// Drops every queued fault.
    pub(crate) fn clear(&self) {
        lock(&self.queue).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_uses_first_match_and_counts_down() {
        let queue = FaultQueue::default();
        queue.push(Fault::status(503).times(2).on(Method::POST, "/a/"));
        queue.push(Fault::malformed_json());
        queue.push(Fault::status(500).times(0));
        assert_eq!(queue.len(), 2);

        let first = queue.take(&Method::GET, "/a/").expect("any-route fault");
        assert_eq!(first.kind, FaultKind::MalformedJson);
        assert!(queue.take(&Method::GET, "/a/").is_none());

        for _ in 0..2 {
            let fault = queue.take(&Method::POST, "/a/").expect("route fault");
            assert_eq!(fault.kind, FaultKind::Status(503));
            assert_eq!(fault.times, 1);
        }
        assert!(queue.take(&Method::POST, "/a/").is_none());
        assert_eq!(queue.len(), 0);
        assert_eq!(queue.applied(), 3);
    }

    #[test]
    fn an_every_fault_applies_to_one_matching_request_in_n_and_lets_the_rest_through() {
        let queue = FaultQueue::default();
        queue.push(Fault::status(503).every(3).times(2));
        queue.push(Fault::status(500).times(usize::MAX));
        let kinds: Vec<_> = (0..9)
            .map(|_| queue.take(&Method::GET, "/a/").map(|f| f.kind))
            .collect();
        let (s503, s500) = (Some(FaultKind::Status(503)), Some(FaultKind::Status(500)));
        assert_eq!(
            kinds,
            [s500, s500, s503, s500, s500, s503, s500, s500, s500],
            "every third request until its 2 uses are spent, the others fall through"
        );
    }

    #[test]
    fn pattern_faults_are_taken_for_each_matching_path() {
        let queue = FaultQueue::default();
        queue.push(
            Fault::status(503)
                .times(2)
                .on(Method::PUT, "/orders/allocation/*/"),
        );
        assert!(queue.take(&Method::GET, "/orders/allocation/1/").is_none());
        assert!(queue.take(&Method::PUT, "/orders/allocation/").is_none());
        assert!(queue.take(&Method::PUT, "/orders/allocation/1/").is_some());
        assert!(queue.take(&Method::PUT, "/orders/allocation/2/").is_some());
        assert_eq!(queue.len(), 0);
    }
}
