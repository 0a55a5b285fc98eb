//! `client.users().list()` end to end against a local server, against a
//! hand-written hyper-util client doing the same GET and decoding the body
//! with `serde_json::from_slice::<Vec<User>>` (`hyper_util`), and against
//! crux-api's own transport driven by hand the same way (`crux_transport`),
//! which splits the difference between the transport and the client layer.
//!
//! The server is this same binary run again with `CRUX_BENCH_SERVER=1`: a
//! separate process, so that the client's CPU time (`/proc/self/stat`) holds
//! nothing of the server's. It answers every request on 127.0.0.1 with the
//! same pre-built bytes (the docs' two-user Get All Users sample), with one
//! thread per connection and no per-request work beyond finding the end of
//! the request head.
//!
//! All three run on one multi-threaded tokio runtime (what `#[tokio::main]`
//! gives), sequentially (one request at a time, in one task), 16 at a time
//! and 64 at a time (16 or 64 tasks sharing one client). Each measurement is a round of a fixed
//! duration; rounds rotate among the clients and the medians over rounds are
//! printed, one line per client and mode:
//!
//! ```text
//! xtask-bench {"bench":"e2e","client":"crux","mode":"sequential","rounds":7,"requests":..,"rps":..,"p50_us":..,"p99_us":..,"cpu_us_per_req":..}
//! ```
//!
//! with `client` one of `crux`, `crux_transport`, `hyper_util` and `mode` one
//! of `sequential`, `concurrent16`, `concurrent64`.
//!
//! `CRUX_BENCH_QUICK=1` runs one short round; `CRUX_BENCH_E2E_CLIENTS=crux`
//! (comma-separated names) runs only those clients and
//! `CRUX_BENCH_E2E_MODES=sequential,concurrent64` only those modes.
//! `CRUX_BENCH_E2E_CALLS=n` measures nothing: it makes exactly `n` sequential
//! calls with each selected client and exits, for counting instructions per
//! call under `valgrind --tool=callgrind` (run it with two values of `n` and
//! divide the difference in instructions by the difference in calls; the
//! server process is not traced). Linux only (`/proc`).

#[path = "support/child_server.rs"]
mod child_server;

use child_server::ChildServer;
use std::{
    io::{Read as _, Write as _},
    net::{TcpListener, TcpStream},
    time::{Duration, Instant},
};

use bytes::Bytes;
use crux_api::{
    Client,
    transport::{HyperTransport, Transport as _},
    types::User,
};
use http::{HeaderValue, Request, Uri, header};
use http_body_util::{BodyExt as _, Empty};
use hyper_util::{
    client::legacy::{self, connect::HttpConnector},
    rt::TokioExecutor,
};

/// The body every request gets: the docs' Get All Users sample (two users).
const BODY: &[u8] =
    include_bytes!("../../crux-types/tests/fixtures/organization/get_all_users.json");
const TOKEN: &str = "47d4yfbwymedhiudj384702984nakju4hajh395d";
const PATH: &str = "/organizations/users/all/";
/// The modes measured: their names in the output and how many tasks share
/// the client in each.
const MODES: [(&str, usize); 3] = [
    ("sequential", 1),
    ("concurrent16", 16),
    ("concurrent64", 64),
];

fn main() {
    if std::env::var_os("CRUX_BENCH_SERVER").is_some() {
        serve();
    } else {
        run();
    }
}

// ---------------------------------------------------------------- server --

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
    let mut response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        BODY.len()
    )
    .into_bytes();
    response.extend_from_slice(BODY);
    let response: &'static [u8] = response.leak();
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || answer(stream, response));
    }
}

/// Answers each request head on `stream` with `response`, until the client
/// closes. The benchmarked requests are GETs without a body.
fn answer(mut stream: TcpStream, response: &[u8]) {
    let _ = stream.set_nodelay(true);
    let mut buf = vec![0u8; 64 * 1024];
    let mut filled = 0;
    loop {
        let n = match stream.read(&mut buf[filled..]) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        filled += n;
        let mut start = 0;
        while let Some(end) = buf[start..filled].windows(4).position(|w| w == b"\r\n\r\n") {
            start += end + 4;
            if stream.write_all(response).is_err() {
                return;
            }
        }
        buf.copy_within(start..filled, 0);
        filled -= start;
        if filled == buf.len() {
            return; // a request head larger than 64 KiB: not ours
        }
    }
}

// --------------------------------------------------------------- clients --

/// The two clients measured.
#[derive(Clone)]
enum Subject {
    /// `crux_api::Client` with its defaults (hyper transport, retries on).
    Crux(Client),
    /// crux-api's default transport alone (`HyperTransport::send`), with
    /// the same request and `serde_json::from_slice`: what the client layer
    /// adds is the difference to `Crux`.
    Transport(Box<Hand<HyperTransport>>),
    /// The hand-written client.
    Hand(Box<Hand<legacy::Client<HttpConnector, Empty<Bytes>>>>),
}

/// hyper-util's legacy client over plain HTTP, the way one writes it by hand:
/// same URL, same headers, `serde_json::from_slice` into the same types.
#[derive(Clone)]
struct Hand<C> {
    client: C,
    uri: Uri,
    authorization: HeaderValue,
}

impl Subject {
    fn name(&self) -> &'static str {
        match self {
            Self::Crux(_) => "crux",
            Self::Transport(_) => "crux_transport",
            Self::Hand(_) => "hyper_util",
        }
    }

    async fn list(&self) -> Vec<User> {
        match self {
            Self::Crux(client) => client.users().list().await.expect("crux list"),
            Self::Transport(hand) => {
                let request = Request::get(hand.uri.clone())
                    .header(header::AUTHORIZATION, hand.authorization.clone())
                    .header(header::ACCEPT, "application/json")
                    .header(header::USER_AGENT, "hand-written/1")
                    .body(Bytes::new())
                    .expect("request");
                let response = hand.client.send(request).await.expect("send");
                assert!(response.status().is_success(), "{}", response.status());
                serde_json::from_slice(response.body()).expect("decode")
            }
            Self::Hand(hand) => {
                let request = Request::get(hand.uri.clone())
                    .header(header::AUTHORIZATION, hand.authorization.clone())
                    .header(header::ACCEPT, "application/json")
                    .header(header::USER_AGENT, "hand-written/1")
                    .body(Empty::new())
                    .expect("request");
                let response = hand.client.request(request).await.expect("send");
                assert!(response.status().is_success(), "{}", response.status());
                let body = response
                    .into_body()
                    .collect()
                    .await
                    .expect("read the body")
                    .to_bytes();
                serde_json::from_slice(&body).expect("decode")
            }
        }
    }
}

// ----------------------------------------------------------- measurement --

/// One round of one client in one mode.
struct Round {
    requests: usize,
    rps: f64,
    p50_us: f64,
    p99_us: f64,
    cpu_us_per_req: f64,
}

/// The CPU time (user + system) of this process so far, in microseconds, from
/// `/proc/self/stat` (clock ticks of 1/100 s, Linux's fixed `USER_HZ`).
fn process_cpu_us() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("read /proc/self/stat");
    // Fields after the command name, which is in parentheses: state is the
    // 3rd field of the line, utime the 14th and stime the 15th.
    let rest = &stat[stat.rfind(')').expect("a stat line") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 =
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    ticks as f64 * 10_000.0
}

fn percentile(sorted: &[Duration], p: usize) -> f64 {
    let i = (sorted.len() * p / 100).min(sorted.len() - 1);
    sorted[i].as_secs_f64() * 1e6
}

fn round(rt: &tokio::runtime::Runtime, subject: &Subject, tasks: usize, length: Duration) -> Round {
    let cpu_start = process_cpu_us();
    let start = Instant::now();
    let deadline = start + length;
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let subject = subject.clone();
            rt.spawn(async move {
                let mut latencies = Vec::with_capacity(65_536);
                while Instant::now() < deadline {
                    let sent = Instant::now();
                    let users = subject.list().await;
                    latencies.push(sent.elapsed());
                    assert_eq!(users.len(), 2);
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for handle in handles {
        latencies.extend(rt.block_on(handle).expect("a client task"));
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = process_cpu_us() - cpu_start;
    latencies.sort_unstable();
    Round {
        requests: latencies.len(),
        rps: latencies.len() as f64 / wall,
        p50_us: percentile(&latencies, 50),
        p99_us: percentile(&latencies, 99),
        cpu_us_per_req: cpu / latencies.len() as f64,
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

fn run() {
    let quick = std::env::var_os("CRUX_BENCH_QUICK").is_some();
    let (rounds, length, warm_up) = if quick {
        (1, Duration::from_millis(300), Duration::from_millis(100))
    } else {
        (7, Duration::from_secs(2), Duration::from_secs(1))
    };

    let server = ChildServer::start("CRUX_BENCH_SERVER");
    let base = format!("http://127.0.0.1:{}", server.port);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");

    let built = Instant::now();
    let crux = Client::builder()
        .token(TOKEN)
        .base_url(&base)
        .build()
        .expect("build the client");
    let first_build_us = built.elapsed().as_secs_f64() * 1e6;
    let hand = Subject::Hand(Box::new(Hand {
        client: legacy::Client::builder(TokioExecutor::new()).build_http(),
        uri: format!("{base}{PATH}").parse().expect("uri"),
        authorization: HeaderValue::from_str(&format!("Token {TOKEN}")).expect("header"),
    }));
    let transport = Subject::Transport(Box::new(Hand {
        client: HyperTransport::new().expect("transport"),
        uri: format!("{base}{PATH}").parse().expect("uri"),
        authorization: HeaderValue::from_str(&format!("Token {TOKEN}")).expect("header"),
    }));
    // `CRUX_BENCH_E2E_CLIENTS=crux,hyper_util` keeps only those (for profiling).
    let only = std::env::var("CRUX_BENCH_E2E_CLIENTS").ok();
    let subjects: Vec<Subject> = [Subject::Crux(crux), transport, hand]
        .into_iter()
        .filter(|s| {
            only.as_deref()
                .is_none_or(|o| o.split(',').any(|c| c == s.name()))
        })
        .collect();

    // Both clients read the same users.
    let lists: Vec<Vec<User>> = subjects.iter().map(|s| rt.block_on(s.list())).collect();
    assert!(lists.iter().all(|list| *list == lists[0]));

    if let Ok(calls) = std::env::var("CRUX_BENCH_E2E_CALLS") {
        let calls: usize = calls.parse().expect("CRUX_BENCH_E2E_CALLS: a number");
        for subject in &subjects {
            rt.block_on(async {
                for _ in 0..calls {
                    assert_eq!(subject.list().await.len(), 2);
                }
            });
            writeln!(
                std::io::stdout(),
                "xtask-bench {{\"bench\":\"e2e_calls\",\"client\":\"{}\",\"calls\":{calls}}}",
                subject.name()
            )
            .expect("write to stdout");
        }
        drop(server);
        return;
    }
    let modes = std::env::var("CRUX_BENCH_E2E_MODES").ok();

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "xtask-bench {{\"bench\":\"e2e_first_build\",\"first_build_us\":{first_build_us:.1}}}"
    )
    .expect("write to stdout");
    for (mode, tasks) in MODES {
        if modes
            .as_deref()
            .is_some_and(|m| !m.split(',').any(|name| name == mode))
        {
            continue;
        }
        for subject in &subjects {
            round(&rt, subject, tasks, warm_up);
        }
        let mut results: Vec<Vec<Round>> = subjects.iter().map(|_| Vec::new()).collect();
        for r in 0..rounds {
            // Rotate which client goes first, so that drift on a shared
            // machine falls on all of them.
            let n = subjects.len();
            for i in (0..n).map(|k| (k + r) % n) {
                results[i].push(round(&rt, &subjects[i], tasks, length));
            }
        }
        for (subject, rounds) in subjects.iter().zip(&results) {
            let pick = |f: fn(&Round) -> f64| median(rounds.iter().map(f).collect());
            writeln!(
                out,
                "xtask-bench {{\"bench\":\"e2e\",\"client\":\"{}\",\"mode\":\"{mode}\",\"rounds\":{},\"requests\":{},\"rps\":{:.1},\"p50_us\":{:.1},\"p99_us\":{:.1},\"cpu_us_per_req\":{:.2}}}",
                subject.name(),
                rounds.len(),
                rounds.iter().map(|r| r.requests).sum::<usize>(),
                pick(|r| r.rps),
                pick(|r| r.p50_us),
                pick(|r| r.p99_us),
                pick(|r| r.cpu_us_per_req),
            )
            .expect("write to stdout");
        }
    }
    drop(server);
}
