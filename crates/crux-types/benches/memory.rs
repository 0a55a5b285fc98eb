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
//! size. Linux only (`/proc/self/status`).

mod support;

use std::{
    hint::black_box,
    io::Write as _,
    path::{Path, PathBuf},
    process::Command,
};

use crux_types::User;
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
        let output = Command::new(&exe)
            .env("CRUX_BENCH_MEMORY_CHILD", kind)
            .env("CRUX_BENCH_MEMORY_FILE", &file)
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
    let _ = std::fs::remove_file(&file);
}

fn child(kind: &str, file: &Path) {
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
