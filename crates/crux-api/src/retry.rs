//! [`RetryPolicy`]: when a failed request is sent again, and after how long.
//!
//! The rules are documented on [`RetryPolicy`].

use std::{
    fmt,
    hash::{BuildHasher, RandomState},
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
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
/// - TLS failures, oversized bodies, other statuses and decode errors are
///   never retried: sending again would not change them.
///
/// ```
/// use std::time::Duration;
/// use crux_api::{Client, RetryPolicy};
///
/// let client = Client::builder()
///     .token("my-token")
///     .retry(RetryPolicy::new().max_attempts(5).initial_backoff(Duration::from_millis(200)))
///     .build()?;
/// let no_retries = Client::builder().token("my-token").retry(RetryPolicy::disabled()).build()?;
/// # Ok::<(), crux_api::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct RetryPolicy {
    pub(crate) max_attempts: u32,
    pub(crate) initial_backoff: Duration,
    pub(crate) max_backoff: Duration,
    pub(crate) random: Random,
}

impl RetryPolicy {
    /// The defaults: at most 3 attempts, backoff from 500 ms, capped at 20 s.
    pub fn new() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(20),
            random: Arc::new(default_random),
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

    /// Replaces the random source of the jitter (values in `[0, 1)`), so that
    /// tests can assert exact delays.
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
            .finish_non_exhaustive()
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

/// The delay a `Retry-After` header asks for: delta-seconds or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
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
        for bad in [f64::NAN, f64::INFINITY, -1.0, 7.5] {
            let policy = RetryPolicy::new()
                .max_backoff(Duration::MAX)
                .random(move || bad);
            assert!(policy.backoff(40) <= Duration::MAX);
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
        headers.insert(RETRY_AFTER, "soon".parse().expect("header"));
        assert_eq!(retry_after(&headers, now), None);
    }
}
