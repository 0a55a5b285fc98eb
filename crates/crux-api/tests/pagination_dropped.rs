//! A page stream dropped mid-walk, over real loopback sockets (issue 11):
//! `client.items().search_all` fetches one page ahead, so a stream dropped
//! mid-walk has a page request in flight. Dropping it must not panic, must
//! leave nothing running (the server sees no further request, even after
//! time passes), and must leave the client working.
//!
//! The client's timer is a [`ManualClock`] (its `sleep_impl`): its sleeps end
//! only when the test moves it, so "time passes" is exact and the tokio
//! clock stays real for the sockets (a paused tokio clock would jump to the
//! next deadline while a test waits on loopback I/O). Every live sleep holds
//! a receiver of the clock's channel, so the number of receivers says
//! whether a page's call (which always holds its deadline) is still alive.
//! The tests wait on explicit signals (requests seen by the server, sleeps
//! asked of the clock), never on real time.

use std::{future::poll_fn, pin::Pin, sync::Arc, time::Duration};

use bytes::Bytes;
use crux_api::{
    Client, RetryPolicy,
    rt::{AsyncSleep, Sleep},
    transport::HyperTransport,
    types::{Item, ItemSearch, PageRequest},
};
use futures_core::Stream;
use http_body_util::{BodyExt as _, Full};
use hyper::{Request, Response, body::Incoming, server::conn::http1, service::service_fn};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::{
    net::TcpListener,
    sync::{Notify, watch},
    task::JoinSet,
};

const TOTAL: u64 = 1_000;
const SAMPLE: &str = include_str!("../../crux-types/tests/fixtures/product/search_items.json");

/// What the server does with the page that starts at item 100 (the first
/// page fetched ahead).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Second {
    /// Holds it until [`Server::release`], then answers it.
    Hold,
    /// Answers 503, every time.
    Fail,
}

/// A product search server over `TOTAL` items, reading `limit` as a page
/// size, on 127.0.0.1. Dropping it stops it and its connections.
struct Server {
    base_url: String,
    /// The `(start, limit)` of every request received, in order.
    seen: watch::Receiver<Vec<(u64, u64)>>,
    release: Arc<Notify>,
    accept: tokio::task::JoinHandle<()>,
}

impl Server {
    async fn start(second: Second) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base_url = format!("http://{}", listener.local_addr().expect("addr"));
        let (log, seen) = watch::channel(Vec::new());
        let log = Arc::new(log);
        let release = Arc::new(Notify::new());
        let item: Value =
            serde_json::from_str::<Value>(SAMPLE).expect("sample")["items"][0].clone();
        let item = Arc::new(item);
        let accept = tokio::spawn({
            let release = Arc::clone(&release);
            async move {
                // The connections end with this task.
                let mut connections = JoinSet::new();
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        return;
                    };
                    let (log, release, item) =
                        (Arc::clone(&log), Arc::clone(&release), Arc::clone(&item));
                    let service = service_fn(move |request: Request<Incoming>| {
                        let (log, release, item) =
                            (Arc::clone(&log), Arc::clone(&release), Arc::clone(&item));
                        async move {
                            let body = request.into_body().collect().await?.to_bytes();
                            let body: Value = serde_json::from_slice(&body).expect("JSON");
                            let window = &body["pagination"];
                            let start = window["start"].as_u64().expect("start");
                            let limit = window["limit"].as_u64().expect("limit");
                            let held = release.notified();
                            log.send_modify(|seen| seen.push((start, limit)));
                            if start == 100 && second == Second::Hold {
                                held.await;
                            }
                            if start == 100 && second == Second::Fail {
                                return Ok(answer(503, json!({"detail": "busy"})));
                            }
                            Ok::<_, hyper::Error>(answer(200, page(&item, start, limit)))
                        }
                    });
                    connections.spawn(async move {
                        let _ = http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    });
                }
            }
        });
        Self {
            base_url,
            seen,
            release,
            accept,
        }
    }

    fn windows(&self) -> Vec<(u64, u64)> {
        self.seen.borrow().clone()
    }

    /// Waits until the server has received `n` requests.
    async fn received(&mut self, n: usize) {
        self.seen
            .wait_for(|seen| seen.len() >= n)
            .await
            .expect("the server runs");
    }

    /// Answers the held request.
    fn release(&self) {
        self.release.notify_waiters();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// The page `start`/`limit` (a page size) of `TOTAL` copies of the sample
/// item, each with its own uuid.
fn page(item: &Value, start: u64, limit: u64) -> Value {
    let items: Vec<Value> = (start.min(TOTAL)..(start + limit).min(TOTAL))
        .map(|i| {
            let mut item = item.clone();
            item["uuid"] = json!(uuid(i));
            item
        })
        .collect();
    json!({
        "items": items,
        "pagination": {"start": start, "limit": limit, "total_count": TOTAL},
    })
}

fn answer(status: u16, body: Value) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body.to_string())));
    *response.status_mut() = hyper::StatusCode::from_u16(status).expect("status");
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    response
}

fn uuid(index: u64) -> String {
    format!("00000000-0000-4000-8000-{index:012x}")
}

/// A timer that moves only when the test says so.
#[derive(Debug, Clone)]
struct ManualClock(Arc<ClockState>);

#[derive(Debug)]
struct ClockState {
    now: watch::Sender<Duration>,
    /// Every duration a sleep was asked for, in order.
    asked: watch::Sender<Vec<Duration>>,
}

impl ManualClock {
    fn new() -> Self {
        Self(Arc::new(ClockState {
            now: watch::channel(Duration::ZERO).0,
            asked: watch::channel(Vec::new()).0,
        }))
    }

    /// Moves the clock: every sleep that ends by then ends.
    fn advance(&self, by: Duration) {
        self.0.now.send_modify(|now| *now += by);
    }

    /// How many sleeps are alive (each holds a receiver).
    fn live_sleeps(&self) -> usize {
        self.0.now.receiver_count()
    }

    /// Waits until sleeps of `duration` have been asked for `times` times.
    async fn asked_for(&self, duration: Duration, times: usize) {
        self.0
            .asked
            .subscribe()
            .wait_for(|asked| asked.iter().filter(|d| **d == duration).count() >= times)
            .await
            .expect("the clock lives");
    }
}

impl AsyncSleep for ManualClock {
    fn sleep(&self, duration: Duration) -> Sleep {
        self.0.asked.send_modify(|asked| asked.push(duration));
        let mut now = self.0.now.subscribe();
        let end = *now.borrow() + duration;
        Sleep::new(async move {
            if now.wait_for(|now| *now >= end).await.is_err() {
                std::future::pending::<()>().await;
            }
        })
    }
}

/// The backoff before a second attempt: half of the default 500 ms.
const BACKOFF: Duration = Duration::from_millis(250);

fn client(server: &Server, clock: &ManualClock) -> Client {
    Client::builder()
        .token("test-token")
        .base_url(&server.base_url)
        // A transport of the caller's: the client then keeps each attempt's
        // deadline with its own timer, so a call in flight holds a sleep.
        .transport(HyperTransport::new().expect("transport"))
        .sleep_impl(clock.clone())
        .retry(RetryPolicy::new().random(|| 0.5))
        .build()
        .expect("client builds")
}

type Items = Pin<Box<dyn Stream<Item = Result<Item, crux_api::Error>> + Send>>;

fn walk(client: &Client) -> Items {
    Box::pin(client.items().search_all(&ItemSearch::default()))
}

async fn next(stream: &mut Items) -> Item {
    poll_fn(|cx| stream.as_mut().poll_next(cx))
        .await
        .expect("an item")
        .expect("a page")
}

/// Lets every other task of this (current-thread) runtime run until
/// `done`, a bounded number of times.
async fn settle(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..10_000 {
        if done() {
            return true;
        }
        tokio::task::yield_now().await;
    }
    done()
}

/// The page `start`/`100` by one ordinary call.
async fn search(client: &Client, start: u32) -> Vec<Item> {
    let search = ItemSearch {
        pagination: Some(PageRequest::new(start, 100)),
        ..ItemSearch::default()
    };
    client.items().search(&search).await.expect("a page").items
}

#[tokio::test]
async fn a_stream_dropped_while_the_server_holds_its_page_ahead_leaves_nothing_running() {
    let mut server = Server::start(Second::Hold).await;
    let clock = ManualClock::new();
    let client = client(&server, &clock);

    let mut stream = walk(&client);
    assert_eq!(next(&mut stream).await.uuid.to_string(), uuid(0));
    server.received(2).await;
    assert_eq!(server.windows(), [(0, 100), (100, 100)], "page 1 is ahead");
    assert!(
        clock.live_sleeps() > 0,
        "page 1's call waits with its deadline"
    );

    drop(stream);
    assert!(
        settle(|| clock.live_sleeps() == 0).await,
        "page 1's call is gone with the stream ({} sleeps alive)",
        clock.live_sleeps()
    );
    // Past every deadline and backoff: a call still alive would time out
    // and ask again.
    clock.advance(Duration::from_secs(3600));
    settle(|| false).await;
    assert_eq!(server.windows().len(), 2, "nothing after the drop");

    // The client works: on a new connection while the old one waits for
    // its answer, then after that answer went to a request nobody awaits.
    let items = search(&client, 200).await;
    assert_eq!(items.first().map(|i| i.uuid.to_string()), Some(uuid(200)));
    server.release();
    for start in [300, 400] {
        assert_eq!(search(&client, start).await.len(), 100);
    }
    assert_eq!(
        server.windows(),
        [(0, 100), (100, 100), (200, 100), (300, 100), (400, 100)]
    );
}

#[tokio::test]
async fn a_stream_dropped_while_its_page_ahead_waits_to_retry_sends_no_retry() {
    let mut server = Server::start(Second::Fail).await;
    let clock = ManualClock::new();
    let client = client(&server, &clock);

    let mut stream = walk(&client);
    assert_eq!(next(&mut stream).await.uuid.to_string(), uuid(0));
    server.received(2).await;
    clock.asked_for(BACKOFF, 1).await;
    assert!(clock.live_sleeps() > 0, "page 1 waits to be asked again");

    drop(stream);
    assert!(
        settle(|| clock.live_sleeps() == 0).await,
        "page 1's retry is gone with the stream ({} sleeps alive)",
        clock.live_sleeps()
    );
    clock.advance(Duration::from_secs(3600));
    settle(|| false).await;
    assert_eq!(
        server.windows(),
        [(0, 100), (100, 100)],
        "no retry after the drop"
    );
    assert_eq!(search(&client, 200).await.len(), 100, "the client works");

    // The same walk, not dropped: the same advance sends the retry, so the
    // assertions above could see one.
    let mut stream = walk(&client);
    assert_eq!(next(&mut stream).await.uuid.to_string(), uuid(0));
    server.received(5).await;
    assert_eq!(server.windows()[3..], [(0, 100), (100, 100)]);
    clock.asked_for(BACKOFF, 2).await;
    clock.advance(BACKOFF);
    server.received(6).await;
    assert_eq!(server.windows()[5], (100, 100), "the retry of page 1");
    drop(stream);
}
