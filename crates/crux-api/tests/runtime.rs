//! The client's timer (`crux_api::rt`): outside tokio a call needs one, an
//! injected one does all the waiting, and the transport is not wrapped twice.
//!
//! The transports here answer at once and the injected timers are ready at
//! once, so each call completes at its first poll: `poll_once` is the whole
//! executor, and no tokio runtime exists in the non-tokio tests.

mod support;

use std::{
    future::{Future, IntoFuture},
    pin::pin,
    sync::{Arc, Mutex},
    task::{Context, Poll, Waker},
    time::Duration,
};

use crux_api::{
    Client, ClientBuilder, ErrorKind, RetryPolicy,
    rt::{AsyncSleep, Sleep},
    transport::{
        SharedTransport,
        test_util::{NeverTransport, ReplayEvent, ReplayTransport, infallible_transport_fn},
    },
};
use support::CANARY;

/// Polls `future` once, outside any runtime; it must be ready.
fn poll_once<F: IntoFuture>(future: F) -> F::Output {
    let future = pin!(future.into_future());
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the call waited: nothing here ever wakes it"),
    }
}

/// A timer that is ready at once and records every duration asked of it.
#[derive(Debug, Clone, Default)]
struct RecordingSleep(Arc<Mutex<Vec<Duration>>>);

impl RecordingSleep {
    fn asked(&self) -> Vec<Duration> {
        self.0.lock().expect("lock").clone()
    }
}

impl AsyncSleep for RecordingSleep {
    fn sleep(&self, duration: Duration) -> Sleep {
        self.0.lock().expect("lock").push(duration);
        Sleep::new(std::future::ready(()))
    }
}

fn builder(transport: impl crux_api::transport::Transport + 'static) -> ClientBuilder {
    Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(transport)
        .retry(RetryPolicy::new().random(|| 0.5))
}

#[test]
fn a_call_outside_a_tokio_runtime_without_a_timer_fails_and_sends_nothing() {
    let transport = infallible_transport_fn(|_| http::Response::new("[]".into()));
    let client = builder(transport.clone()).build().expect("builds");
    let error = poll_once(client.users().list()).expect_err("no timer");
    assert_eq!(error.kind(), ErrorKind::NoTimer);
    assert!(
        error.to_string().contains("ClientBuilder::sleep_impl"),
        "says how to provide one: {error}"
    );
    assert_eq!(error.path(), Some("/organizations/users/all/"));
    assert_eq!(transport.request_count(), 0);
}

#[test]
fn an_injected_timer_runs_the_deadlines_and_the_backoff_without_tokio() {
    let replay = ReplayTransport::new([ReplayEvent::json(503, "{}"), ReplayEvent::json(200, "[]")]);
    let sleep = RecordingSleep::default();
    let client = builder(replay.clone())
        .sleep_impl(sleep.clone())
        .build()
        .expect("builds");
    let users = poll_once(client.users().list()).expect("second attempt succeeds");
    assert!(users.is_empty());
    assert_eq!(replay.request_count(), 2);
    // Deadline of attempt 1, the backoff (half of 500 ms), deadline of attempt 2.
    let ms = |n| Duration::from_millis(n);
    assert_eq!(sleep.asked(), [ms(30_000), ms(250), ms(30_000)]);
}

#[test]
fn the_per_request_deadline_fires_on_the_injected_timer() {
    let never = NeverTransport::new();
    let sleep = RecordingSleep::default();
    let client = builder(never.clone())
        .sleep_impl(sleep.clone())
        .timeout(Duration::from_secs(7))
        .retry(RetryPolicy::disabled())
        .build()
        .expect("builds");
    let error = poll_once(client.users().list()).expect_err("times out");
    assert!(error.is_timeout(), "{error}");
    assert_eq!(never.request_count(), 1);
    assert_eq!(sleep.asked(), [Duration::from_secs(7)]);
}

#[test]
fn a_client_built_outside_a_runtime_works_inside_one() {
    let replay = ReplayTransport::new([ReplayEvent::json(503, "{}"), ReplayEvent::json(200, "[]")]);
    let client = builder(replay.clone()).build().expect("builds");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let start = tokio::time::Instant::now();
        client
            .users()
            .list()
            .await
            .expect("retried on tokio's timer");
        assert_eq!(start.elapsed(), Duration::from_millis(250));
    });
    assert_eq!(replay.request_count(), 2);
}

#[test]
fn a_shared_transport_is_not_wrapped_again() {
    let shared = SharedTransport::new(NeverTransport::new());
    let client = builder(shared.clone()).build().expect("builds");
    let debug = format!("{client:?}");
    assert_eq!(debug.matches("SharedTransport(").count(), 1, "{debug}");
}
