//! The retry budget (`RetryBudget`): a token bucket shared by every clone of
//! a client, so that retries cannot multiply the load on a failing server.
//!
//! Every policy here has zero jitter (`random(|| 0.0)`): no test waits for a
//! backoff. The storm test runs against a real loopback server; the others
//! use transports that answer at once, with tokio's paused clock.

mod support;

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use crux_api::{
    Client, RetryBudget, RetryPolicy, RetryStats,
    transport::{
        Transport,
        test_util::{NeverTransport, ReplayEvent, ReplayTransport, infallible_transport_fn},
    },
};
use support::{CANARY, Reply, TestServer};
use tokio::task::JoinSet;

/// The calls of the storm.
const CALLS: usize = 100;
/// The default bucket and retry cost (the AWS SDK standard mode's).
const CAPACITY: usize = 500;
const RETRY_COST: usize = 5;

/// A server answering 503 to the next `n` requests (`usize::MAX`: to every
/// request), then `[]`.
fn failing_server() -> (Arc<AtomicUsize>, impl Fn(&support::Recorded) -> Reply) {
    let failures_left = Arc::new(AtomicUsize::new(usize::MAX));
    let left = Arc::clone(&failures_left);
    let handler = move |_: &support::Recorded| {
        let failing = left
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| match n {
                0 => None,
                usize::MAX => Some(usize::MAX),
                n => Some(n - 1),
            })
            .is_ok();
        if failing {
            Reply::json(503, r#"{"detail":"down"}"#)
        } else {
            Reply::json(200, "[]")
        }
    };
    (failures_left, handler)
}

fn zero_jitter() -> RetryPolicy {
    RetryPolicy::new().random(|| 0.0)
}

fn client_with(transport: impl Transport + 'static, policy: RetryPolicy) -> Client {
    Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(transport)
        .retry(policy)
        .build()
        .expect("client builds")
}

/// `CALLS` GETs at once, each on its own clone of `client`; how many failed.
async fn storm(client: &Client) -> usize {
    let mut calls = JoinSet::new();
    for _ in 0..CALLS {
        let client = client.clone();
        calls.spawn(async move { client.users().list().await });
    }
    let mut failed = 0;
    while let Some(result) = calls.join_next().await {
        failed += usize::from(result.expect("no panic").is_err());
    }
    failed
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::print_stderr)] // The measured figures are part of the test's output.
async fn a_storm_against_an_always_503_server_spends_at_most_the_budget_then_recovers() {
    let (failures_left, handler) = failing_server();
    let server = TestServer::start(handler).await;
    let client = Client::builder()
        .token(CANARY)
        .base_url(&server.base_url)
        .retry(zero_jitter())
        .build()
        .expect("client builds");

    assert_eq!(storm(&client).await, CALLS, "every call fails");
    let requests = server.requests().len();
    let stats = client.retry_stats();
    eprintln!(
        "retry budget: {CALLS} concurrent GETs against always-503 made {requests} requests \
         ({} retries, {} budget refusals; without a budget: {})",
        stats.retries,
        stats.budget_refusals,
        CALLS * 3
    );
    assert!(requests <= CALLS + CAPACITY / RETRY_COST, "{requests}");
    assert!(requests < 3 * CALLS, "{requests}");
    assert_eq!(requests, CALLS + stats.retries as usize, "{stats:?}");
    assert!(stats.budget_refusals > 0, "{stats:?}");
    assert_eq!(stats.budget_tokens, Some(0), "the storm drained the bucket");

    // Still empty: the next failure is returned at once, with attempts to spare.
    failures_left.store(1, Ordering::SeqCst);
    let error = client.users().list().await.expect_err("503, not retried");
    assert_eq!(error.attempts(), 1);
    assert_eq!(server.requests().len(), requests + 1);
    assert_eq!(
        client.retry_stats().budget_refusals,
        stats.budget_refusals + 1
    );

    // The server recovers: calls succeed, and each success adds a token.
    for _ in 0..RETRY_COST {
        client.users().list().await.expect("the server is back");
    }
    assert_eq!(client.retry_stats().budget_tokens, Some(RETRY_COST as u32));

    // Enough for one retry again: a failure is retried, and its success pays it back.
    failures_left.store(1, Ordering::SeqCst);
    let before = server.requests().len();
    client.users().list().await.expect("retried once, then 200");
    assert_eq!(server.requests().len(), before + 2);
    let after = client.retry_stats();
    assert_eq!(after.retries, stats.retries + 1);
    assert_eq!(after.budget_tokens, Some(RETRY_COST as u32));
}

#[tokio::test(start_paused = true)]
async fn a_disabled_budget_retries_every_call_up_to_its_limit() {
    let always_503 = infallible_transport_fn(|_| {
        let mut response = http::Response::new("{}".into());
        *response.status_mut() = http::StatusCode::SERVICE_UNAVAILABLE;
        response
    });
    let policy = zero_jitter().retry_budget(RetryBudget::disabled());
    let client = client_with(always_503.clone(), policy);
    assert_eq!(storm(&client).await, CALLS);
    assert_eq!(always_503.request_count(), 3 * CALLS);
    let stats = client.retry_stats();
    assert_eq!(
        (stats.retries, stats.budget_refusals, stats.budget_tokens),
        (2 * CALLS as u64, 0, None)
    );
}

#[tokio::test(start_paused = true)]
async fn clones_share_the_bucket_and_another_built_client_has_its_own() {
    let always_503 = infallible_transport_fn(|_| {
        let mut response = http::Response::new("{}".into());
        *response.status_mut() = http::StatusCode::SERVICE_UNAVAILABLE;
        response
    });
    // Two retries' worth.
    let policy = zero_jitter().retry_budget(RetryBudget::new().capacity(10));
    let first = client_with(always_503.clone(), policy.clone());
    let clone = first.clone();

    first.users().list().await.expect_err("503");
    assert_eq!(always_503.request_count(), 3, "two retries paid");
    let error = clone.users().list().await.expect_err("503");
    assert_eq!(always_503.request_count(), 4, "the clone's bucket is empty");
    assert_eq!(error.attempts(), 1);
    assert_eq!(first.retry_stats(), clone.retry_stats());
    assert_eq!(first.retry_stats().budget_refusals, 1);

    let other = client_with(always_503.clone(), policy);
    other.users().list().await.expect_err("503");
    assert_eq!(always_503.request_count(), 7, "a full bucket of its own");
    assert_eq!(other.retry_stats().budget_refusals, 0);
    assert_eq!(first.retry_stats().retries, 2);
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_a_timeout_costs_ten_tokens() {
    let never = NeverTransport::new();
    // Room for one retry after a timeout (10), not two; three at 5 each.
    let policy = zero_jitter().retry_budget(RetryBudget::new().capacity(15));
    let client = Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(never.clone())
        .timeout(Duration::from_secs(1))
        .retry(policy)
        .build()
        .expect("client builds");
    let error = client.users().list().await.expect_err("times out");
    assert!(error.is_timeout());
    assert_eq!(error.attempts(), 2, "the second retry was refused");
    assert_eq!(never.request_count(), 2);
    let stats = client.retry_stats();
    assert_eq!((stats.retries, stats.budget_refusals), (1, 1));
    assert_eq!(stats.budget_tokens, Some(5));
}

#[tokio::test(start_paused = true)]
async fn a_success_pays_back_its_last_retry_and_a_first_try_success_one_token() {
    let replay = ReplayTransport::new([
        ReplayEvent::json(503, "{}"),
        ReplayEvent::json(200, "[]"),
        ReplayEvent::json(503, "{}"),
        ReplayEvent::json(503, "{}"),
        ReplayEvent::json(200, "[]"),
        ReplayEvent::json(200, "[]"),
    ]);
    let budget = RetryBudget::new().capacity(20).success_reward(2);
    let client = client_with(replay.clone(), zero_jitter().retry_budget(budget));
    let tokens = |client: &Client| client.retry_stats().budget_tokens;

    client.users().list().await.expect("after one retry");
    assert_eq!(tokens(&client), Some(20), "20 - 5 + 5");
    client.users().list().await.expect("after two retries");
    assert_eq!(tokens(&client), Some(15), "20 - 5 - 5 + 5: only the last");
    client.users().list().await.expect("at once");
    assert_eq!(tokens(&client), Some(17), "the success reward");
    assert_eq!(replay.request_count(), 6);
    let stats: RetryStats = client.retry_stats();
    assert_eq!((stats.retries, stats.budget_capacity), (3, Some(20)));
}
