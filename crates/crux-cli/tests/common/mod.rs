//! What the end-to-end tests share: running the `crux` binary with a clean
//! environment, checking that no secret is ever printed, and a `crux-mock`
//! server to point it at.

// Each test file uses its own part of this module.
#![allow(dead_code)]

pub(crate) mod orders;

use std::{path::PathBuf, time::Duration};

use assert_cmd::Command;
use crux_mock::{DEMO_USERS, DemoUser, MockServer};
use tokio::runtime::Runtime;

pub(crate) const CRUX: &str = env!("CARGO_BIN_EXE_crux");

/// A well-formed token that the mock does not know.
pub(crate) const UNKNOWN_TOKEN: &str = "unknowntoken0000000000000000000000s3cr3t";

/// A password no demo user has.
pub(crate) const WRONG_PASSWORD: &str = "not-the-password-s3cr3t";

/// Runs of this many digits or more are card numbers (UUID groups have at
/// most 12 digits, transaction ids 9).
const CARD_DIGITS: usize = 13;

/// A directory of this test binary's own under Cargo's temp dir for tests,
/// empty (created anew).
pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("crux-cli-{}-{name}", env!("CARGO_CRATE_NAME")));
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).unwrap();
    path
}

/// A file of this test, with `contents`.
pub(crate) fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = temp_dir(&format!("file-{name}")).join("file");
    std::fs::write(&path, contents).unwrap();
    path
}

/// `crux` with a clean environment: no `CRUX_TOKEN`, no `CRUX_TOKEN_FILE`,
/// no `XDG_CONFIG_HOME`, and a `HOME` with no token file, so that the
/// developer's own token file is never read; and no backoff between
/// attempts (the hidden `CRUX_TEST_BACKOFF_MS`), so that no test waits for
/// a retry.
pub(crate) fn crux() -> Command {
    let mut cmd = Command::new(CRUX);
    cmd.env("CRUX_TEST_BACKOFF_MS", "0")
        .env_remove("CRUX_TOKEN")
        .env_remove("CRUX_TOKEN_FILE")
        .env_remove("XDG_CONFIG_HOME")
        .env(
            "HOME",
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("crux-cli-no-home"),
        );
    cmd
}

/// The outcome of a run.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Whether `text` holds a run of digits as long as a card number.
pub(crate) fn has_card_number(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= CARD_DIGITS {
            return true;
        }
    }
    false
}

/// Runs `cmd` and checks that no secret is printed: no token (demo or made
/// up), no password, no card number.
pub(crate) fn run(cmd: &mut Command) -> Run {
    let output = cmd.timeout(Duration::from_secs(60)).output().unwrap();
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    let secrets = DEMO_USERS
        .iter()
        .flat_map(|u| [u.token, u.password])
        .chain([UNKNOWN_TOKEN, WRONG_PASSWORD]);
    for secret in secrets {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "a secret was printed: {run:#?}"
        );
    }
    assert!(
        !has_card_number(&run.stdout) && !has_card_number(&run.stderr),
        "a card number was printed: {run:#?}"
    );
    run
}

/// A failed run: the exit code, nothing on stdout, and on stderr exactly one
/// line `error: ...` (returned, with its newline) after `--mock`'s note.
pub(crate) fn failure(cmd: &mut Command, code: i32) -> String {
    let run = run(cmd);
    assert_eq!(run.code, Some(code), "{run:#?}");
    assert_eq!(run.stdout, "", "{run:#?}");
    let stderr = match run.stderr.split_once('\n') {
        Some((first, rest)) if first.starts_with("note: using the built-in") => rest,
        _ => &run.stderr,
    };
    assert!(stderr.starts_with("error: "), "{run:#?}");
    assert!(stderr.ends_with('\n'), "{run:#?}");
    assert_eq!(stderr.lines().count(), 1, "{run:#?}");
    stderr.to_owned()
}

pub(crate) fn success(cmd: &mut Command) -> Run {
    let run = run(cmd);
    assert_eq!(run.code, Some(0), "{run:#?}");
    run
}

/// A successful run with `-o json`: its stdout, parsed, after checking
/// that it is pretty JSON with one trailing newline.
pub(crate) fn json<T: serde::de::DeserializeOwned + serde::Serialize>(cmd: &mut Command) -> T {
    let run = success(cmd.args(["-o", "json"]));
    let value: T = serde_json::from_str(&run.stdout).unwrap();
    assert!(run.stdout.ends_with('\n') && !run.stdout.ends_with("\n\n"));
    assert!(run.stdout.contains("\n  "), "not pretty: {}", run.stdout);
    value
}

/// A `crux-mock` server on a runtime of its own, serving while the test
/// runs the binary. Each test gets its own, so state changes do not leak.
pub(crate) struct Sandbox {
    // Dropped first: the server stops, then its runtime.
    pub(crate) server: MockServer,
    _runtime: Runtime,
}

impl Sandbox {
    pub(crate) fn start() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let server = runtime.block_on(MockServer::start()).unwrap();
        Self {
            server,
            _runtime: runtime,
        }
    }

    pub(crate) fn url(&self) -> &str {
        self.server.base_url()
    }

    /// `crux --base-url <mock>` with `CRUX_TOKEN` set to `token`.
    pub(crate) fn crux(&self, token: &str) -> Command {
        let mut cmd = crux();
        cmd.env("CRUX_TOKEN", token)
            .args(["--base-url", self.url()]);
        cmd
    }

    /// `crux --base-url <mock>` as demo user `user`.
    pub(crate) fn crux_as(&self, user: &DemoUser) -> Command {
        self.crux(user.token)
    }
}

pub(crate) fn demo_user(pred: impl Fn(&DemoUser) -> bool) -> &'static DemoUser {
    DEMO_USERS.iter().find(|u| pred(u)).unwrap()
}

pub(crate) fn by_name(username: &str) -> &'static DemoUser {
    demo_user(|u| u.username == username)
}

pub(crate) fn can_list(user: &DemoUser) -> bool {
    user.status == "ACTIVE" && user.permissions.contains(&"view_org_users")
}

/// The retailer admin (every permission), the one `--mock` runs as.
pub(crate) fn retail_admin() -> &'static DemoUser {
    by_name("admin@retail.demo.example")
}

/// The supplier admin (every permission).
pub(crate) fn supply_admin() -> &'static DemoUser {
    by_name("admin@supply.demo.example")
}

/// An active retailer without `view_org_users`.
pub(crate) fn retail_buyer() -> &'static DemoUser {
    by_name("buyer@retail.demo.example")
}

/// An active retailer with `view_org_users` but no `edit_*`.
pub(crate) fn retail_viewer() -> &'static DemoUser {
    by_name("viewer@retail.demo.example")
}

/// A supplier without `view_org_users`, with items and catalogs.
pub(crate) fn supply_warehouse() -> &'static DemoUser {
    by_name("warehouse@supply.demo.example")
}

/// A supplier with billing permissions only (no `view_items`).
pub(crate) fn supply_finance() -> &'static DemoUser {
    by_name("finance@supply.demo.example")
}

/// A successful run's stdout, parsed as the JSON of a `T`.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(run: &Run) -> T {
    serde_json::from_str(&run.stdout).unwrap()
}
