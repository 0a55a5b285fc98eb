//! A load test with nothing lost: one shared `Client`, 2,000 calls from 64
//! tasks, reads and writes mixed, against crux-mock injecting faults into
//! about one request in ten (503s, connections closed before and after the
//! request was handled, short stalls).
//!
//! Bounded in count (2,000 calls) and time (each call has a deadline, the
//! whole run a ceiling), loopback only. What it checks, call by call:
//!
//! - every call ends within its deadline with a result or a typed error, and
//!   nothing panics (neither the tasks nor the mock's handlers);
//! - every inventory list the client reports as created is in the mock's
//!   state exactly once; one whose outcome the client reports unknown is
//!   there at most once; one the client reports as failed before it was
//!   sent, or refused by a status, is not there at all.
//!
//! It prints its figures (calls, retries, budget refusals, outcome-unknown
//! writes, p50/p99 latency): `cargo test -p crux-api --test load -- --nocapture`.
//! docs/reliability.md, "Load test", explains them.

#![allow(clippy::print_stderr)] // the figures are the test's report

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crux_api::{Client, Error, RetryPolicy};
use crux_mock::{DEMO_PERMISSIONS, DemoUser, Fault, MockServer};
use crux_types::{NewInventoryList, PermissionId, UserId};

const TASKS: usize = 64;
const CALLS: usize = 2_000;
/// The deadline of one call, every attempt and backoff included.
const CALL_DEADLINE: Duration = Duration::from_secs(5);
/// What a call may take beyond its deadline before the test calls it late:
/// the deadline is checked between awaits, and the machine is shared.
const SLACK: Duration = Duration::from_millis(500);

/// How one write ended, as the client reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Reported {
    Done,
    OutcomeUnknown,
    NotSent,
    /// The server answered a status: it refused the request.
    Refused,
    /// Any other error (a decode error, say): the write may or may not be
    /// there; only "at most once" is checked.
    Other,
}

fn classify(error: &Error) -> Reported {
    if error.is_outcome_unknown() {
        Reported::OutcomeUnknown
    } else if error
        .transport_error()
        .is_some_and(|t| !t.may_have_been_sent())
    {
        Reported::NotSent
    } else if error.status().is_some() {
        Reported::Refused
    } else {
        Reported::Other
    }
}

/// One finished call: what it was, how long it took, how a write ended.
struct Outcome {
    elapsed: Duration,
    write: Option<(String, Reported)>,
    error: Option<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_calls_under_faults_lose_nothing_and_duplicate_nothing() {
    let mock = MockServer::start().await.expect("mock starts");
    let admin = DemoUser::find("admin@retail.demo.example").expect("demo admin");
    let buyer: UserId = DemoUser::find("buyer@retail.demo.example")
        .expect("demo buyer")
        .user_uuid
        .parse()
        .expect("uuid");
    let permission: PermissionId = DEMO_PERMISSIONS
        .iter()
        .find(|p| p.name == "view_org_users")
        .expect("a retailer permission")
        .uuid
        .parse()
        .expect("uuid");

    // About one request in ten: 1/37 + 1/41 + 1/43 + 1/47 ≈ 9.6%.
    for fault in [
        Fault::status(503).every(37),
        Fault::close_before_headers().every(41),
        Fault::close_after_headers().every(43),
        Fault::stall(Duration::from_millis(20)).every(47),
    ] {
        mock.inject(fault.times(usize::MAX));
    }

    let client = Client::builder()
        .token(admin.token)
        .base_url(mock.base_url())
        .timeout(Duration::from_secs(2))
        .call_timeout(CALL_DEADLINE)
        .retry(
            RetryPolicy::new()
                .initial_backoff(Duration::from_millis(2))
                .max_backoff(Duration::from_millis(20)),
        )
        .build()
        .expect("client builds");

    let started = Instant::now();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..TASKS {
        let (client, next) = (client.clone(), next.clone());
        tasks.spawn(async move {
            let mut outcomes = Vec::new();
            loop {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if n >= CALLS {
                    return outcomes;
                }
                outcomes.push(one_call(&client, n, buyer, permission).await);
            }
        });
    }
    let mut outcomes = Vec::with_capacity(CALLS);
    let ceiling = Duration::from_secs(120);
    while let Some(joined) = tokio::time::timeout(ceiling, tasks.join_next())
        .await
        .expect("the whole run ends within its ceiling")
    {
        outcomes.extend(joined.expect("no task panicked"));
    }
    let wall = started.elapsed();
    assert_eq!(outcomes.len(), CALLS);
    assert_eq!(mock.panics(), 0, "the mock's handlers never panicked");

    // Every call ended within its deadline, with a result or a typed error.
    let late: Vec<_> = outcomes
        .iter()
        .filter(|o| o.elapsed > CALL_DEADLINE + SLACK)
        .map(|o| (o.elapsed, o.error.clone()))
        .collect();
    assert!(late.is_empty(), "calls past their deadline: {late:?}");

    // The state, read without faults.
    mock.clear_faults();
    let lists = client.inventory_lists().list().await.expect("lists");
    let mut in_state: HashMap<String, usize> = HashMap::new();
    for list in &lists {
        if let Some(name) = &list.name {
            *in_state.entry(name.clone()).or_default() += 1;
        }
    }
    let mut by_report: HashMap<Reported, usize> = HashMap::new();
    for (name, reported) in outcomes.iter().filter_map(|o| o.write.as_ref()) {
        *by_report.entry(*reported).or_default() += 1;
        let found = in_state.get(name).copied().unwrap_or(0);
        match reported {
            Reported::Done => assert_eq!(found, 1, "{name}: reported done"),
            Reported::OutcomeUnknown | Reported::Other => {
                assert!(found <= 1, "{name}: {reported:?} but found {found} times")
            }
            Reported::NotSent | Reported::Refused => {
                assert_eq!(
                    found, 0,
                    "{name}: reported {reported:?} but is in the state"
                )
            }
        }
    }
    let written: usize = in_state
        .iter()
        .filter(|(name, _)| name.starts_with("load-"))
        .map(|(_, n)| n)
        .sum();
    let reported_done = by_report.get(&Reported::Done).copied().unwrap_or(0);
    assert!(
        written >= reported_done,
        "{written} lists in the state, {reported_done} reported done"
    );

    // The figures.
    let mut latencies: Vec<_> = outcomes.iter().map(|o| o.elapsed).collect();
    latencies.sort();
    let percentile = |p: usize| latencies[(latencies.len() * p / 100).min(latencies.len() - 1)];
    let errors = outcomes.iter().filter(|o| o.error.is_some()).count();
    let stats = client.retry_stats();
    let count = |r| by_report.get(&r).copied().unwrap_or(0);
    eprintln!(
        "load: {CALLS} calls from {TASKS} tasks in {wall:.2?}; {} requests at the mock \
         ({} faults applied); {} retries, {} budget refusals; {errors} calls ended in an error; \
         writes: {} done, {} outcome unknown, {} not sent, {} refused by a status, {} other; \
         latency p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        mock.total_requests(),
        mock.faults_applied(),
        stats.retries,
        stats.budget_refusals,
        count(Reported::Done),
        count(Reported::OutcomeUnknown),
        count(Reported::NotSent),
        count(Reported::Refused),
        count(Reported::Other),
        percentile(50),
        percentile(99),
        latencies[latencies.len() - 1],
    );
    // The faults did happen, and the client did retry: the test saw them.
    assert!(mock.faults_applied() >= CALLS / 20, "faults were injected");
    assert!(stats.retries > 0, "reads were retried");
}

/// Call `n` of the run: a quarter each of creating an inventory list,
/// granting a permission, revoking it, and reading (lists, users).
async fn one_call(client: &Client, n: usize, buyer: UserId, permission: PermissionId) -> Outcome {
    let started = Instant::now();
    let (write, result) = match n % 4 {
        0 => {
            let name = format!("load-{n:04}");
            let new = NewInventoryList::new(name.as_str());
            let result = client.inventory_lists().create(&new).await.map(drop);
            (Some(name), result)
        }
        1 => (
            None,
            client.users().add_permissions(buyer, &[permission]).await,
        ),
        2 => (
            None,
            client
                .users()
                .remove_permissions(buyer, &[permission])
                .await,
        ),
        _ if n % 8 == 3 => (None, client.inventory_lists().list().await.map(drop)),
        _ => (None, client.users().list().await.map(drop)),
    };
    let elapsed = started.elapsed();
    let reported = match &result {
        Ok(()) => Reported::Done,
        Err(error) => classify(error),
    };
    Outcome {
        elapsed,
        write: write.map(|name| (name, reported)),
        error: result.err().map(|e| e.to_string()),
    }
}
