//! `client.items().search_all(..)` (a page stream that fetches one page
//! ahead) against a hand-written page loop of sequential
//! `client.items().search(..)` calls, over a server that takes a fixed 5 ms
//! per request: 10,000 items in pages of 100 (issue 12, item 4).
//!
//! The server is this same binary run again with `CRUX_BENCH_PAGES_SERVER=1`
//! (as in `e2e.rs`): a separate process on 127.0.0.1, one thread per
//! connection, which answers every product search with the page it asks
//! for (`limit` read as a page size, `total_count` set) after sleeping the
//! delay. The items are the docs' search sample item, each with its own
//! uuid (about 1.2 kB of JSON each). The search term carries the number of
//! items and the delay, so one server serves every walk.
//!
//! Three consumers, each timed for the stream and for the hand-written loop
//! on one multi-threaded tokio runtime (what `#[tokio::main]` gives):
//!
//! - `idle`: does nothing with the items (target: stream ≤ 1.05x the loop).
//! - `busy`: after each page's worth of items (100), spins on the CPU for as
//!   long as the server's delay (5 ms), without yielding: a consumer that
//!   parses, transforms or writes synchronously. This is the consumer the
//!   target is for (stream ≤ 0.6x the loop): it polls nothing while it
//!   works, so only a page fetched by its own task progresses meanwhile.
//! - `sleep`: the same 5 ms as `tokio::time::sleep`, a consumer that awaits
//!   something else (reported, no target). Tokio's timer rounds a sleep up
//!   to the next millisecond, so its consumer time is about 6 ms.
//!
//! Each walk runs as a task of the runtime, on a worker thread (as a
//! consumer inside a server or a spawned job does); with
//! `CRUX_BENCH_PAGES_ON=main` it runs on the main thread under `block_on`
//! instead (as the body of `#[tokio::main]` does).
//!
//! Each round walks once with the stream and once with the loop, the order
//! alternating between rounds; the medians over rounds are printed, with
//! their ratio:
//!
//! ```text
//! xtask-bench {"bench":"pages","consumer":"busy","items":10000,"page_size":100,"delay_ms":5,"rounds":5,"stream_ms":..,"hand_ms":..,"ratio":..,"target":0.6,"met":true,"stream_wait_per_page_ms":..}
//! ```
//!
//! `stream_wait_per_page_ms` is how long the stream's consumer waited, at
//! each page's first item, for the page ahead: with the `busy` and `sleep`
//! consumers, what of the page's time did not overlap the consumer's. The
//! machine's load (`/proc/loadavg`) is printed first: the `busy` consumer
//! holds a core, and the page's task runs on what the rest of the machine
//! leaves.
//!
//! Then peak memory while walking 100,000 items with the stream and the
//! `busy` consumer (the case where a page arrives while the one before it
//! is still being consumed, so two are held), from a counting global
//! allocator: the peak of bytes allocated by the whole process above what
//! was allocated when the walk started (client built, connection open),
//! and the same for the hand-written loop. A "page's worth" is the heap
//! that one decoded page of 100 items holds (`Vec<Item>`, measured the same
//! way); target: the stream's peak ≤ 3 pages' worth.
//!
//! ```text
//! xtask-bench {"bench":"pages_memory","items":100000,"page_bytes":..,"stream_peak_bytes":..,"stream_peak_pages":..,"hand_peak_bytes":..,"hand_peak_pages":..,"target_pages":3,"met":true}
//! ```
//!
//! `CRUX_BENCH_QUICK=1` (or a run without `--bench`, as `cargo test
//! --benches` does) walks 1,000 items once per consumer and 2,000 for the
//! memory figure, in well under two seconds. Linux or macOS (a child
//! process); no criterion: a walk takes half a second to a second, and the
//! figure is a ratio of two walks taken in the same round.

#[path = "support/child_server.rs"]
mod child_server;

use child_server::ChildServer;
use std::{
    alloc::System,
    hint::black_box,
    io::{Read as _, Write as _},
    net::{TcpListener, TcpStream},
    pin::pin,
    sync::atomic::{AtomicU64, Ordering},
    time::{Duration, Instant},
};

use crux_api::{
    Client,
    types::{Item, ItemSearch, ItemSearchPage, PageRequest},
};
use futures_core::Stream;
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait as _};

// ------------------------------------------------------------- allocator --

/// Counts the bytes allocated and freed by the whole process (this crate
/// forbids `unsafe`, so the counting allocator is peakmem-alloc's): its
/// peak is the most bytes allocated at once above what was allocated at
/// its last reset.
#[global_allocator]
static ALLOCATOR: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

// ---------------------------------------------------------------- server --

const TOKEN: &str = "47d4yfbwymedhiudj384702984nakju4hajh395d";
const SAMPLE: &str = include_str!("../../crux-types/tests/fixtures/product/search_items.json");
const PAGE_SIZE: u32 = 100;
const DELAY: Duration = Duration::from_millis(5);

fn main() {
    if std::env::var_os("CRUX_BENCH_PAGES_SERVER").is_some() {
        serve();
    } else {
        run();
    }
}

/// The sample item as JSON text, split around its uuid's value.
fn item_template() -> (String, String) {
    let sample: serde_json::Value = serde_json::from_str(SAMPLE).expect("the sample");
    let mut item = sample["items"][0].clone();
    item["uuid"] = serde_json::Value::String("@UUID@".to_owned());
    let text = item.to_string();
    let (before, after) = text.split_once("@UUID@").expect("the marker");
    (before.to_owned(), after.to_owned())
}

fn serve() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().expect("local_addr").port();
    let mut stdout = std::io::stdout();
    writeln!(stdout, "{port}").expect("write the port");
    stdout.flush().expect("flush");
    // The parent closes our stdin when it is done (or dies): stop then.
    std::thread::spawn(|| {
        let _ = std::io::stdin().read(&mut [0u8; 1]);
        std::process::exit(0);
    });
    let template: &'static (String, String) = Box::leak(Box::new(item_template()));
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || answer(stream, template));
    }
}

/// Answers each request on `stream` (a POST with a `Content-Length` body)
/// with its page, after the delay its search term asks for.
fn answer(mut stream: TcpStream, template: &(String, String)) {
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::with_capacity(16 * 1024);
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        // The head, then the body.
        let (head_end, length) = loop {
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                let length = head
                    .lines()
                    .find_map(|line| line.strip_prefix("content-length:"))
                    .and_then(|value| value.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                break (end + 4, length);
            }
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        while buf.len() < head_end + length {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let body = page(&buf[head_end..head_end + length], template);
        buf.drain(..head_end + length);
        let mut response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        response.extend_from_slice(body.as_bytes());
        if stream.write_all(&response).is_err() {
            return;
        }
    }
}

/// The page a search body asks for, after its delay. The search term is
/// `"<items> <delay in µs>"`.
fn page(request: &[u8], (before, after): &(String, String)) -> String {
    let search: ItemSearch = serde_json::from_slice(request).expect("an item search");
    let term = search.search_term.unwrap_or_default();
    let mut words = term.split(' ').map(|w| w.parse::<u64>().expect("a number"));
    let (total, delay_us) = (words.next().unwrap_or(0), words.next().unwrap_or(0));
    let window = search.pagination.unwrap_or_default();
    let start = u64::from(window.start.unwrap_or(0));
    let limit = u64::from(window.limit.unwrap_or(PAGE_SIZE));
    std::thread::sleep(Duration::from_micros(delay_us));
    let mut out = String::with_capacity(1400 * limit as usize + 200);
    out.push_str(r#"{"items":["#);
    for i in start.min(total)..(start + limit).min(total) {
        if i > start {
            out.push(',');
        }
        out.push_str(before);
        out.push_str(&format!("00000000-0000-4000-8000-{i:012x}"));
        out.push_str(after);
    }
    out.push_str(&format!(
        r#"],"pagination":{{"start":{start},"limit":{limit},"total_count":{total}}}}}"#
    ));
    out
}

// -------------------------------------------------------------- walkers --

/// What the consumer does with each page's worth of items.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Consumer {
    Idle,
    Busy,
    Sleep,
}

impl Consumer {
    fn name(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Busy => "busy",
            Self::Sleep => "sleep",
        }
    }

    /// Called after every item, with the number of items seen so far.
    async fn consume(self, item: Item, seen: u64) {
        black_box(item);
        if seen % u64::from(PAGE_SIZE) != 0 {
            return;
        }
        match self {
            Self::Idle => {}
            Self::Busy => {
                let start = Instant::now();
                while start.elapsed() < DELAY {
                    std::hint::spin_loop();
                }
            }
            Self::Sleep => tokio::time::sleep(DELAY).await,
        }
    }
}

/// The search for `items` items, each request delayed by `delay`.
fn search(items: u64, delay: Duration) -> ItemSearch {
    ItemSearch {
        search_term: Some(format!("{items} {}", delay.as_micros())),
        ..ItemSearch::default()
    }
}

/// How long the stream's consumers waited for the first item of every page
/// but the first, in µs: the part of the page ahead's time that did not
/// overlap the consumer's.
static WAITED_US: AtomicU64 = AtomicU64::new(0);

/// Walks with `search_all`; returns the number of items.
async fn walk_stream(client: &Client, search: &ItemSearch, consumer: Consumer) -> u64 {
    let mut stream = pin!(client.items().search_all(search));
    let mut seen = 0;
    loop {
        let asked = Instant::now();
        let Some(item) = std::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await else {
            break;
        };
        if seen > 0 && seen % u64::from(PAGE_SIZE) == 0 {
            let waited = u64::try_from(asked.elapsed().as_micros()).unwrap_or(u64::MAX);
            WAITED_US.fetch_add(waited, Ordering::Relaxed);
        }
        seen += 1;
        consumer.consume(item.expect("a page"), seen).await;
    }
    seen
}

/// Walks page by page, by hand: the loop one writes without `search_all`.
async fn walk_hand(client: &Client, search: &ItemSearch, consumer: Consumer) -> u64 {
    let mut search = search.clone();
    let mut seen = 0;
    loop {
        let start = u32::try_from(seen).expect("fits");
        search.pagination = Some(PageRequest::new(start, PAGE_SIZE));
        let page = client.items().search(&search).await.expect("a page");
        let total = page.pagination.total_count.map(u64::from);
        let received = page.items.len();
        for item in page.items {
            seen += 1;
            consumer.consume(item, seen).await;
        }
        if received == 0 || total.is_some_and(|total| seen >= total) {
            return seen;
        }
    }
}

/// Runs one walk as a task of the runtime (on a worker thread, as a
/// consumer inside a server or a spawned job runs), or, with
/// `CRUX_BENCH_PAGES_ON=main`, on the calling thread with `block_on` (as the
/// body of `#[tokio::main]` runs).
fn walk(
    rt: &tokio::runtime::Runtime,
    stream: bool,
    client: &Client,
    search: &ItemSearch,
    consumer: Consumer,
) -> u64 {
    let (client, search) = (client.clone(), search.clone());
    let walk = async move {
        if stream {
            walk_stream(&client, &search, consumer).await
        } else {
            walk_hand(&client, &search, consumer).await
        }
    };
    if std::env::var("CRUX_BENCH_PAGES_ON").is_ok_and(|on| on == "main") {
        rt.block_on(walk)
    } else {
        rt.block_on(rt.spawn(walk)).expect("the walk's task")
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

fn run() {
    let quick = std::env::var_os("CRUX_BENCH_QUICK").is_some()
        || !std::env::args().any(|arg| arg == "--bench");
    let (items, rounds, memory_items) = if quick {
        (1_000, 1, 2_000)
    } else {
        (10_000, 5, 100_000)
    };

    let server = ChildServer::start("CRUX_BENCH_PAGES_SERVER");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let client = Client::builder()
        .token(TOKEN)
        .base_url(&format!("http://127.0.0.1:{}", server.port))
        .build()
        .expect("build the client");

    // Both walkers read every item; this also opens the connections.
    let warm = search(300, Duration::ZERO);
    assert_eq!(walk(&rt, true, &client, &warm, Consumer::Idle), 300);
    assert_eq!(walk(&rt, false, &client, &warm, Consumer::Idle), 300);

    let mut out = std::io::stdout().lock();
    // The busy consumer holds a core: what the page's task gets of the
    // others depends on the machine's load, printed with the figures.
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("null");
    writeln!(
        out,
        "xtask-bench {{\"bench\":\"pages_machine\",\"cpus\":{},\"loadavg_1min\":{load}}}",
        std::thread::available_parallelism().map_or(0, usize::from)
    )
    .expect("write to stdout");
    let timed = search(items, DELAY);
    for (consumer, target) in [
        (Consumer::Idle, Some(1.05)),
        (Consumer::Busy, Some(0.6)),
        (Consumer::Sleep, None),
    ] {
        let (mut stream_ms, mut hand_ms, mut waited_ms) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..rounds {
            for stream_first in [round % 2 == 0, round % 2 == 1] {
                WAITED_US.store(0, Ordering::Relaxed);
                let started = Instant::now();
                assert_eq!(walk(&rt, stream_first, &client, &timed, consumer), items);
                if stream_first {
                    stream_ms.push(ms(started));
                    let pages = (items / u64::from(PAGE_SIZE)).saturating_sub(1).max(1);
                    waited_ms.push(WAITED_US.load(Ordering::Relaxed) as f64 / 1e3 / pages as f64);
                } else {
                    hand_ms.push(ms(started));
                }
            }
        }
        let (stream, hand, waited) = (median(stream_ms), median(hand_ms), median(waited_ms));
        let ratio = stream / hand;
        let (target, met) = target.map_or(("null".to_owned(), "null".to_owned()), |t: f64| {
            (t.to_string(), (ratio <= t).to_string())
        });
        writeln!(
            out,
            "xtask-bench {{\"bench\":\"pages\",\"consumer\":\"{}\",\"items\":{items},\"page_size\":{PAGE_SIZE},\"delay_ms\":{},\"rounds\":{rounds},\"stream_ms\":{stream:.1},\"hand_ms\":{hand:.1},\"ratio\":{ratio:.3},\"target\":{target},\"met\":{met},\"stream_wait_per_page_ms\":{waited:.2}}}",
            consumer.name(),
            DELAY.as_millis(),
        )
        .expect("write to stdout");
        writeln!(
            out,
            "pages: {:<5} consumer: stream {stream:.1} ms, hand-written loop {hand:.1} ms, ratio {ratio:.3}x (target {target}); the stream's consumer waited {waited:.2} ms per page for the page ahead",
            consumer.name()
        )
        .expect("write to stdout");
    }

    // One page's worth: the heap one decoded page of 100 items holds.
    let body = page(
        &serde_json::to_vec(&ItemSearch {
            pagination: Some(PageRequest::new(0, PAGE_SIZE)),
            ..search(u64::from(PAGE_SIZE), Duration::ZERO)
        })
        .expect("encode"),
        &item_template(),
    );
    ALLOCATOR.reset_peak_memory();
    let decoded: ItemSearchPage = serde_json::from_str(&body).expect("decode a page");
    let page_bytes = ALLOCATOR.get_peak_memory();
    assert_eq!(decoded.items.len() as u64, u64::from(PAGE_SIZE));
    drop(decoded);

    let memory_walk = search(memory_items, DELAY);
    ALLOCATOR.reset_peak_memory();
    assert_eq!(
        walk(&rt, true, &client, &memory_walk, Consumer::Busy),
        memory_items
    );
    let stream_peak = ALLOCATOR.get_peak_memory();
    // The loop holds one page at a time whatever the timing: no delay.
    ALLOCATOR.reset_peak_memory();
    let quick_walk = search(memory_items, Duration::ZERO);
    assert_eq!(
        walk(&rt, false, &client, &quick_walk, Consumer::Idle),
        memory_items
    );
    let hand_peak = ALLOCATOR.get_peak_memory();
    let pages = |bytes: usize| bytes as f64 / page_bytes as f64;
    writeln!(
        out,
        "xtask-bench {{\"bench\":\"pages_memory\",\"items\":{memory_items},\"page_bytes\":{page_bytes},\"stream_peak_bytes\":{stream_peak},\"stream_peak_pages\":{:.2},\"hand_peak_bytes\":{hand_peak},\"hand_peak_pages\":{:.2},\"target_pages\":3,\"met\":{}}}",
        pages(stream_peak),
        pages(hand_peak),
        pages(stream_peak) <= 3.0,
    )
    .expect("write to stdout");
    writeln!(
        out,
        "pages: peak memory walking {memory_items} items: stream {stream_peak} B = {:.2} pages, hand-written loop {hand_peak} B = {:.2} pages (a page of {PAGE_SIZE} decoded items = {page_bytes} B; target ≤ 3 pages)",
        pages(stream_peak),
        pages(hand_peak),
    )
    .expect("write to stdout");
    drop(out);
    drop(client);
    drop(rt);
    drop(server);
}
