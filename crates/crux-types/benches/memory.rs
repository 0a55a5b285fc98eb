//! Peak memory of decoding a Get All Users body of 100,000 users (about
//! 94 MB) into `Vec<crux_types::User>`, `serde_json::Value` and
//! `serde::de::IgnoredAny` (and the layouts of `support/prototypes.rs`),
//! each in a fresh process.
//!
//! The bench writes the JSON to a file, then runs itself once per kind with
//! `CRUX_BENCH_MEMORY_CHILD=<kind>`. The child notes its resident set
//! (`VmRSS`), reads the file (one exact-size allocation, as a client holds a
//! whole response body), decodes it, and reads its high-water mark (`VmHWM`)
//! while the result is still alive. It prints one line:
//!
//! ```text
//! xtask-bench {"bench":"memory","kind":"typed","json_bytes":..,"rss_start_kb":..,"rss_after_read_kb":..,"hwm_kb":..}
//! ```
//!
//! `peak / JSON` is `(hwm - rss_start) / json_bytes`: the body plus what
//! decoding it costs at its highest. `CRUX_BENCH_USERS=10000` picks another
//! size.
//!
//! Then the same for the product and order pages of `support/pages.rs`
//! (`typed` is the page's model: `ItemSearchPage`, `Vec<Item>`, `OrderPage`),
//! with `validated_any`, `value` and `ignored_any` beside it; their lines
//! also carry `"page"` and `"count"`. The pages are measured larger than the
//! decode bench's (10,000 items or orders by default, so that the body is
//! tens of MB and the kB resolution of `VmHWM` does not matter);
//! `CRUX_BENCH_MEMORY_PAGES=search=1000,items=1000,orders=1000` picks other
//! counts (the quick run's), an empty value none. Linux only
//! (`/proc/self/status`).

mod support;

use std::{
    hint::black_box,
    io::Write as _,
    path::{Path, PathBuf},
    process::Command,
};

use crux_types::{Item, ItemSearchPage, OrderPage, User};
use serde::de::DeserializeOwned;
use serde::de::IgnoredAny;
use serde_json::Value;
use support::prototypes::{BorrowedUser, InternedUser, ValidatedAny, fingerprint};

const KINDS: &[&str] = &[
    "ignored_any",
    "validated_any",
    "typed",
    "proto_interned",
    "proto_borrowed",
    "value",
];

fn main() {
    match std::env::var("CRUX_BENCH_MEMORY_CHILD") {
        Ok(kind) => {
            let file = std::env::var_os("CRUX_BENCH_MEMORY_FILE")
                .map(PathBuf::from)
                .expect("CRUX_BENCH_MEMORY_FILE is set for the child");
            child(&kind, &file);
        }
        Err(_) => parent(),
    }
}

fn parent() {
    let count: usize = std::env::var("CRUX_BENCH_USERS")
        .ok()
        .and_then(|list| list.split(',').filter_map(|n| n.trim().parse().ok()).max())
        .unwrap_or(100_000);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join(format!("crux-bench-users-{count}.json"));
    std::fs::write(&file, support::users_json(count)).expect("write the users JSON");

    let exe = std::env::current_exe().expect("current_exe");
    for kind in KINDS {
        run_child(&exe, kind, &file);
    }
    let _ = std::fs::remove_file(&file);

    let pages = support::page_list(
        "CRUX_BENCH_MEMORY_PAGES",
        "search=10000,items=10000,orders=10000",
    );
    for (name, generate, count) in pages {
        let file = dir.join(format!("crux-bench-{name}-{count}.json"));
        std::fs::write(&file, generate(count)).expect("write the page JSON");
        for kind in PAGE_KINDS {
            run_child(&exe, &format!("{name}:{count}:{kind}"), &file);
        }
        let _ = std::fs::remove_file(&file);
    }
}

/// The kinds measured for each product or order page.
const PAGE_KINDS: &[&str] = &["ignored_any", "validated_any", "typed", "value"];

fn run_child(exe: &Path, kind: &str, file: &Path) {
    let output = Command::new(exe)
        .env("CRUX_BENCH_MEMORY_CHILD", kind)
        .env("CRUX_BENCH_MEMORY_FILE", file)
        .output()
        .expect("run the child");
    assert!(
        output.status.success(),
        "memory child {kind} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::io::stdout()
        .write_all(&output.stdout)
        .expect("write to stdout");
}

/// Decodes `json` into `T` and returns the high-water mark while it is alive.
fn peak_of<T: DeserializeOwned>(json: &[u8]) -> u64 {
    let value: T = serde_json::from_slice(json).expect("decode");
    let hwm = status_kb("VmHWM");
    drop(black_box(value));
    hwm
}

/// A product or order page's child: `kind` is `<page>:<count>:<kind>`.
fn page_child(spec: &str, file: &Path) {
    let mut parts = spec.splitn(3, ':');
    let (Some(page), Some(count), Some(kind)) = (parts.next(), parts.next(), parts.next()) else {
        panic!("bad page child {spec}");
    };
    let rss_start = status_kb("VmRSS");
    let json = std::fs::read(file).expect("read the page JSON");
    let rss_after_read = status_kb("VmRSS");
    let hwm = match (page, kind) {
        ("search", "typed") => peak_of::<ItemSearchPage>(&json),
        ("items", "typed") => peak_of::<Vec<Item>>(&json),
        ("orders", "typed") => peak_of::<OrderPage>(&json),
        (_, "validated_any") => peak_of::<ValidatedAny>(&json),
        (_, "value") => peak_of::<Value>(&json),
        (_, "ignored_any") => peak_of::<IgnoredAny>(&json),
        other => panic!("unknown page kind {other:?}"),
    };
    let line = format!(
        "xtask-bench {{\"bench\":\"memory\",\"page\":\"{page}\",\"count\":{count},\"kind\":\"{kind}\",\"json_bytes\":{},\"rss_start_kb\":{rss_start},\"rss_after_read_kb\":{rss_after_read},\"hwm_kb\":{hwm}}}\n",
        json.len()
    );
    std::io::stdout()
        .write_all(line.as_bytes())
        .expect("write to stdout");
}

fn child(kind: &str, file: &Path) {
    if kind.contains(':') {
        page_child(kind, file);
        return;
    }
    let rss_start = status_kb("VmRSS");
    let json = std::fs::read(file).expect("read the users JSON");
    let rss_after_read = status_kb("VmRSS");
    let hwm = match kind {
        "typed" => {
            let users: Vec<User> = serde_json::from_slice(&json).expect("decode");
            let hwm = status_kb("VmHWM");
            drop(black_box(users));
            hwm
        }
        "proto_interned" => {
            let users: Vec<InternedUser> = serde_json::from_slice(&json).expect("decode");
            let hwm = status_kb("VmHWM");
            black_box(fingerprint(&users));
            hwm
        }
        "proto_borrowed" => {
            let users: Vec<BorrowedUser<'_>> = serde_json::from_slice(&json).expect("decode");
            let hwm = status_kb("VmHWM");
            black_box(fingerprint(&users));
            hwm
        }
        "validated_any" => {
            let validated: ValidatedAny = serde_json::from_slice(&json).expect("parse");
            let hwm = status_kb("VmHWM");
            black_box(validated);
            hwm
        }
        "value" => {
            let value: Value = serde_json::from_slice(&json).expect("parse");
            let hwm = status_kb("VmHWM");
            drop(black_box(value));
            hwm
        }
        "ignored_any" => {
            let ignored: IgnoredAny = serde_json::from_slice(&json).expect("parse");
            let hwm = status_kb("VmHWM");
            black_box(ignored);
            hwm
        }
        other => panic!("unknown kind {other}"),
    };
    let line = format!(
        "xtask-bench {{\"bench\":\"memory\",\"kind\":\"{kind}\",\"json_bytes\":{},\"rss_start_kb\":{rss_start},\"rss_after_read_kb\":{rss_after_read},\"hwm_kb\":{hwm}}}\n",
        json.len()
    );
    std::io::stdout()
        .write_all(line.as_bytes())
        .expect("write to stdout");
}

/// A `kB` line of `/proc/self/status`, such as `VmHWM`.
fn status_kb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no {key} in /proc/self/status"))
}
