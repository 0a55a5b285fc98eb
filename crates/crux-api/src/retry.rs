//! [`RetryPolicy`]: when a failed request is sent again, and after how long;
//! [`RetryBudget`]: how many retries a client may spend in all; and
//! [`RetryStats`]: what it spent.
//!
//! The rules are documented on [`RetryPolicy`].

use std::{
    fmt,
    hash::{BuildHasher, RandomState},
    sync::{
        Arc,
        atomic::{AtomicU32, AtomicU64, Ordering},
    },
    time::{Duration, SystemTime},
};

use http::{HeaderMap, Method, StatusCode, header::RETRY_AFTER};

/// A source of random numbers in `[0, 1)`, for the backoff jitter.
type Random = Arc<dyn Fn() -> f64 + Send + Sync>;

/// How a [`Client`](crate::Client) retries failed requests.
///
/// # The rules
///
/// - **GET, PUT and DELETE** (idempotent), and the **POSTs that only read**
///   (the searches and the fee quote, marked `read` in the endpoint
///   catalogue, [`Endpoint::read`](crux_types::endpoint::Endpoint::read)),
///   are retried on connect errors, timeouts, connection resets and statuses
///   429, 500, 502, 503 and 504.
/// - **Other POSTs and PATCH** are retried only when the transport proves that the
///   request never reached the server (refused connection, DNS failure). Once
///   they may have been sent, they are never sent again: the error says that
///   the outcome is unknown ([`Error::is_outcome_unknown`](crate::Error::is_outcome_unknown)).
/// - The delay before attempt *n + 1* is "full jitter": a random duration
///   between zero and `min(max_backoff, initial_backoff × 2ⁿ⁻¹)`.
/// - A `Retry-After` header (seconds or an HTTP date) replaces that delay.
///   When it asks for longer than `max_backoff`, or than what is left of the
///   call's deadline, the error is returned at once with the value exposed
///   ([`Error::retry_after`](crate::Error::retry_after)).
///   A `Retry-After` that is not a number of seconds or a date in the future
///   (negative, empty, garbage, a date already past) is ignored: the normal
///   backoff applies.
/// - Every retry is paid from the client's **retry budget**
///   ([`RetryBudget`], by default a bucket of 500 tokens shared by every clone
///   of the client; a retry costs 5, a retry after a timeout 10; a success
///   pays tokens back). When the bucket cannot pay, the failure is returned
///   at once instead of being retried, so that a failing server is not sent
///   three times the load. [`Client::retry_stats`](crate::Client::retry_stats)
///   counts the retries and these refusals.
/// - TLS failures, oversized bodies, answers that are not HTTP (a
///   [`TransportErrorKind::Other`](crux_transport::TransportErrorKind::Other)),
///   other statuses and decode errors are never retried: sending again would
///   not change them.
///
/// ```
/// use std::time::Duration;
/// use crux_api::{Client, RetryBudget, RetryPolicy};
///
/// let client = Client::builder()
///     .token("my-token")
///     .retry(RetryPolicy::new().max_attempts(5).initial_backoff(Duration::from_millis(200)))
///     .build()?;
/// let no_retries = Client::builder().token("my-token").retry(RetryPolicy::disabled()).build()?;
/// let small_budget = Client::builder()
///     .token("my-token")
///     .retry(RetryPolicy::new().retry_budget(RetryBudget::new().capacity(50)))
///     .build()?;
/// # Ok::<(), crux_api::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct RetryPolicy {
    pub(crate) max_attempts: u32,
    pub(crate) initial_backoff: Duration,
    pub(crate) max_backoff: Duration,
    pub(crate) random: Random,
    pub(crate) budget: RetryBudget,
}

impl RetryPolicy {
    /// The defaults: at most 3 attempts, backoff from 500 ms, capped at 20 s,
    /// and the default [`RetryBudget`] (500 tokens, 5 per retry).
    pub fn new() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(20),
            random: Arc::new(default_random),
            budget: RetryBudget::new(),
        }
    }

    /// One attempt per call: nothing is ever retried.
    pub fn disabled() -> Self {
        Self::new().max_attempts(1)
    }

    /// The most attempts per call, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff ceiling before the second attempt; it doubles per retry.
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The cap on any delay, `Retry-After` included.
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// The budget that every retry is paid from (default [`RetryBudget::new`]);
    /// [`RetryBudget::disabled`] lets every call retry up to
    /// [`max_attempts`](Self::max_attempts) whatever the others do.
    ///
    /// The bucket itself is made when the client is built: every clone of
    /// that [`Client`](crate::Client) shares it, another client built with
    /// the same policy has its own.
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.budget = budget;
        self
    }

    /// Replaces the random source of the jitter (values in `[0, 1)`), so that
    /// tests can assert exact delays: `|| 0.0` retries without waiting, `|| 1.0`
    /// waits the whole ceiling. A value that is not finite counts as 0; one
    /// outside `[0, 1]` is clamped into it.
    pub fn random(mut self, random: impl Fn() -> f64 + Send + Sync + 'static) -> Self {
        self.random = Arc::new(random);
        self
    }

    /// The jittered backoff before attempt `next_attempt` (2 for the first retry).
    pub(crate) fn backoff(&self, next_attempt: u32) -> Duration {
        let exponent = next_attempt.saturating_sub(2).min(31);
        let ceiling = self
            .initial_backoff
            .saturating_mul(1 << exponent)
            .min(self.max_backoff);
        // A random source that misbehaves (NaN, out of range) must not panic.
        let fraction = (self.random)();
        let fraction = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        Duration::try_from_secs_f64(ceiling.as_secs_f64() * fraction).unwrap_or(ceiling)
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("max_attempts", &self.max_attempts)
            .field("initial_backoff", &self.initial_backoff)
            .field("max_backoff", &self.max_backoff)
            .field("budget", &self.budget)
            .finish_non_exhaustive()
    }
}

/// The retry budget of a [`Client`](crate::Client): a token bucket that every
/// retry pays from, so that retries cannot multiply the load on a server that
/// is already failing.
///
/// The model and the defaults are the AWS SDKs' "standard" retry mode (its
/// retry quota, a token bucket):
///
/// - the bucket starts full, with **500 tokens** ([`capacity`](Self::capacity));
/// - a retry costs **5 tokens** ([`retry_cost`](Self::retry_cost)), or **10**
///   when the failed attempt timed out ([`timeout_retry_cost`](Self::timeout_retry_cost));
/// - a call that succeeds after retries pays back the cost of the retry that
///   succeeded; a call that succeeds at its first attempt adds **1 token**
///   ([`success_reward`](Self::success_reward)); the bucket never holds more
///   than its capacity;
/// - when the bucket holds less than a retry costs, the failure is returned at
///   once, not retried (a *budget refusal*, counted by
///   [`Client::retry_stats`](crate::Client::retry_stats)).
///
/// So with the defaults, a client whose server fails everything makes at most
/// 100 retries in all (500 / 5) until successes refill the bucket, however many
/// calls run at once. The bucket belongs to the built client and is shared by
/// all its clones.
///
/// ```
/// use crux_api::{Client, RetryBudget, RetryPolicy};
///
/// let budget = RetryBudget::new().capacity(100).retry_cost(10);
/// let client = Client::builder()
///     .token("my-token")
///     .retry(RetryPolicy::new().retry_budget(budget))
///     .build()?;
/// assert_eq!(client.retry_stats().budget_capacity, Some(100));
/// # Ok::<(), crux_api::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[must_use]
pub struct RetryBudget {
    enabled: bool,
    capacity: u32,
    retry_cost: u32,
    timeout_retry_cost: u32,
    success_reward: u32,
}

impl RetryBudget {
    /// The AWS SDK standard mode's bucket: 500 tokens, 5 per retry, 10 per
    /// retry after a timeout, 1 back per success at the first attempt.
    pub fn new() -> Self {
        Self {
            enabled: true,
            capacity: 500,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_reward: 1,
        }
    }

    /// No budget: every call retries up to its policy's limit, whatever the
    /// others do (the behaviour before budgets existed).
    pub fn disabled() -> Self {
        Self {
            enabled: false,
            ..Self::new()
        }
    }

    /// The most tokens the bucket holds, and what it starts with (default 500).
    pub fn capacity(mut self, tokens: u32) -> Self {
        self.capacity = tokens;
        self
    }

    /// What a retry costs (default 5), except after a timeout.
    pub fn retry_cost(mut self, tokens: u32) -> Self {
        self.retry_cost = tokens;
        self
    }

    /// What a retry after a timed-out attempt costs (default 10).
    pub fn timeout_retry_cost(mut self, tokens: u32) -> Self {
        self.timeout_retry_cost = tokens;
        self
    }

    /// What a call that succeeds at its first attempt adds back (default 1).
    pub fn success_reward(mut self, tokens: u32) -> Self {
        self.success_reward = tokens;
        self
    }

    /// Whether retries are paid from a bucket at all.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }
}

impl Default for RetryBudget {
    fn default() -> Self {
        Self::new()
    }
}

/// What a [`Client`](crate::Client) (and all its clones) has retried so far,
/// from [`Client::retry_stats`](crate::Client::retry_stats).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryStats {
    /// Retries made: attempts after the first, over all calls.
    pub retries: u64,
    /// Retries the policy allowed but the [`RetryBudget`] could not pay for:
    /// each is a call that returned its failure at once instead of retrying.
    /// An exhausted `max_attempts` or a deadline is not counted here.
    pub budget_refusals: u64,
    /// The tokens in the bucket now (`None` when the budget is disabled).
    pub budget_tokens: Option<u32>,
    /// The bucket's capacity (`None` when the budget is disabled).
    pub budget_capacity: Option<u32>,
}

/// The bucket of one built client, shared by its clones.
#[derive(Debug)]
pub(crate) struct BudgetState {
    config: RetryBudget,
    tokens: AtomicU32,
    retries: AtomicU64,
    refusals: AtomicU64,
}

/// A retry the budget refused to pay for.
#[derive(Debug)]
pub(crate) struct Refused;

impl BudgetState {
    /// A full bucket.
    pub(crate) fn new(config: RetryBudget) -> Self {
        Self {
            config,
            tokens: AtomicU32::new(config.capacity),
            retries: AtomicU64::new(0),
            refusals: AtomicU64::new(0),
        }
    }

    /// Pays for one retry (after a timeout when `after_timeout`) and returns
    /// what it cost (0 without a budget), or refuses it.
    pub(crate) fn try_acquire(&self, after_timeout: bool) -> Result<u32, Refused> {
        let cost = match (self.config.enabled, after_timeout) {
            (false, _) => 0,
            (true, false) => self.config.retry_cost,
            (true, true) => self.config.timeout_retry_cost,
        };
        let paid = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost));
        if paid.is_err() {
            self.refusals.fetch_add(1, Ordering::Relaxed);
            return Err(Refused);
        }
        self.retries.fetch_add(1, Ordering::Relaxed);
        Ok(cost)
    }

    /// A call succeeded: `last_retry_cost` is what its last retry cost, `None`
    /// when it succeeded at its first attempt.
    pub(crate) fn succeeded(&self, last_retry_cost: Option<u32>) {
        if !self.config.enabled {
            return;
        }
        let back = last_retry_cost.unwrap_or(self.config.success_reward);
        let capacity = self.config.capacity;
        // The common case, a full bucket: a read, no write to a line that
        // every concurrent call would otherwise contend for.
        if self.tokens.load(Ordering::Acquire) >= capacity {
            return;
        }
        // `fetch_update` with a closure that always returns `Some` cannot fail.
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(back).min(capacity))
            });
    }

    pub(crate) fn stats(&self) -> RetryStats {
        let enabled = self.config.enabled;
        RetryStats {
            retries: self.retries.load(Ordering::Relaxed),
            budget_refusals: self.refusals.load(Ordering::Relaxed),
            budget_tokens: enabled.then(|| self.tokens.load(Ordering::Acquire)),
            budget_capacity: enabled.then_some(self.config.capacity),
        }
    }
}

/// Whether a method may be sent twice without changing the result.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
    )
}

/// Whether a status is worth another attempt of an idempotent request.
pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
}

/// The delay a `Retry-After` header asks for: delta-seconds or an HTTP date
/// not yet past. Anything else (negative, empty, garbage, a past date) is
/// `None`, so that the normal backoff applies rather than an immediate retry.
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    date.duration_since(now).ok()
}

/// A uniform value in `[0, 1)` from std's randomly keyed SipHash over a counter.
fn default_random() -> f64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static KEYS: std::sync::OnceLock<RandomState> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(RandomState::new);
    let bits = keys.hash_one(COUNTER.fetch_add(1, Ordering::Relaxed)) >> 11;
    bits as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let policy = RetryPolicy::new().random(|| 1.0);
        let delays: Vec<_> = (2..=8).map(|n| policy.backoff(n).as_millis()).collect();
        assert_eq!(delays, [500, 1000, 2000, 4000, 8000, 16000, 20000]);
        let half = RetryPolicy::new().random(|| 0.5);
        assert_eq!(half.backoff(2), Duration::from_millis(250));
        assert_eq!(half.backoff(100), Duration::from_secs(10));
    }

    #[test]
    fn a_misbehaving_random_source_or_huge_cap_never_panics() {
        // Before attempt 40 the exponent is capped at 31: 500 ms × 2³¹.
        let ceiling = Duration::from_millis(500) * (1 << 31);
        // Not finite counts as 0; out of range is clamped into [0, 1].
        for (bad, expected) in [
            (f64::NAN, Duration::ZERO),
            (f64::INFINITY, Duration::ZERO),
            (f64::NEG_INFINITY, Duration::ZERO),
            (-1.0, Duration::ZERO),
            (7.5, ceiling),
        ] {
            let policy = RetryPolicy::new()
                .max_backoff(Duration::MAX)
                .random(move || bad);
            assert_eq!(policy.backoff(40), expected, "random() = {bad}");
        }
        let huge = RetryPolicy::new()
            .initial_backoff(Duration::MAX)
            .max_backoff(Duration::MAX)
            .random(|| 1.0);
        assert_eq!(huge.backoff(5), Duration::MAX);
    }

    #[test]
    fn default_random_is_in_range() {
        for _ in 0..1000 {
            let x = default_random();
            assert!((0.0..1.0).contains(&x), "{x}");
        }
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_784_000_000);
        headers.insert(RETRY_AFTER, "7".parse().expect("header"));
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(90));
        headers.insert(RETRY_AFTER, later.parse().expect("header"));
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(90)));
        for ignored in ["soon", "-5", "", "1.5", "99999999999999999999999"] {
            headers.insert(RETRY_AFTER, ignored.parse().expect("header"));
            assert_eq!(retry_after(&headers, now), None, "{ignored:?}");
        }
        let past = httpdate::fmt_http_date(now - Duration::from_secs(90));
        headers.insert(RETRY_AFTER, past.parse().expect("header"));
        assert_eq!(retry_after(&headers, now), None, "a past date");
    }

    #[test]
    fn the_budget_pays_refuses_and_refills_up_to_its_capacity() {
        let budget = BudgetState::new(RetryBudget::new().capacity(12));
        assert_eq!(budget.try_acquire(false).ok(), Some(5));
        assert_eq!(budget.try_acquire(false).ok(), Some(5));
        assert!(budget.try_acquire(false).is_err(), "2 tokens left");
        budget.succeeded(None);
        budget.succeeded(None);
        budget.succeeded(None);
        assert_eq!(budget.try_acquire(false).ok(), Some(5), "5 tokens again");
        assert!(budget.try_acquire(true).is_err(), "a timeout costs 10");
        budget.succeeded(Some(10));
        budget.succeeded(Some(10));
        let stats = budget.stats();
        assert_eq!(stats.budget_tokens, Some(12), "never above capacity");
        assert_eq!((stats.retries, stats.budget_refusals), (3, 2));

        let free = BudgetState::new(RetryBudget::disabled().capacity(0));
        assert_eq!(free.try_acquire(true).ok(), Some(0));
        free.succeeded(None);
        assert_eq!(free.stats().budget_tokens, None);
        assert_eq!(free.stats().retries, 1);
    }
}
