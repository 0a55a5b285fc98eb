//! The `crux` binary, end to end: against its built-in sandbox (`--mock`),
//! against a `crux-mock` server started here (`--base-url`), and as
//! `crux mock serve`.
//!
//! Every run checks that no token, password or card number ever shows up on
//! stdout or stderr. The other commands have test files of their own.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use std::{
    io::{BufRead, BufReader},
    net::TcpListener,
    process::{Child, Command as StdCommand, Stdio},
    sync::mpsc,
    time::Duration,
};

use common::{
    CRUX, Sandbox, UNKNOWN_TOKEN, can_list, crux, demo_user, failure, run, success, temp_file,
};
use crux_api::types::endpoint::ALL;
use crux_mock::{DEMO_USERS, Fault};
use crux_types::User;
use tokio::net::TcpSocket;

const NO_TOKEN_LINE: &str = "error: no API token: run `crux login`, set CRUX_TOKEN, pass --token-file PATH, or use --mock to try the built-in sandbox";

fn parse_users(json: &str) -> Vec<User> {
    serde_json::from_str(json).unwrap()
}

// --- --mock -----------------------------------------------------------------

/// A build without the sandbox (`cargo test -p crux-cli
/// --no-default-features`): its options still parse, and each fails with a
/// usage error that says how to get them, before any request.
#[cfg(not(feature = "mock"))]
#[test]
fn without_the_mock_feature_its_options_say_how_to_get_it() {
    let how = "install crux with it (`cargo install crux-cli --features mock`) or build crux-cli with its default features";
    for (args, what) in [
        (&["--mock", "users", "list"][..], "--mock"),
        (
            &["users", "list", "--mock", "--mock-fault", "status=500"],
            "--mock",
        ),
        (
            &["users", "list", "--mock-fault", "status=500"],
            "--mock-fault",
        ),
        (&["mock", "serve"], "`crux mock serve`"),
        (
            &["mock", "serve", "--port", "0", "--fault", "stall=1s"],
            "`crux mock serve`",
        ),
    ] {
        let line = failure(crux().env("CRUX_TOKEN", DEMO_USERS[0].token).args(args), 2);
        assert!(
            line.starts_with(&format!(
                "error: {what} needs the built-in sandbox (crux-mock)"
            )),
            "{args:?}: {line}"
        );
        assert!(line.ends_with(&format!("{how}\n")), "{args:?}: {line}");
    }
}

#[cfg(feature = "mock")]
#[test]
fn mock_users_list_table() {
    let run = success(crux().args(["--mock", "users", "list"]));
    insta::assert_snapshot!("users_list_table", run.stdout);
    assert_eq!(
        run.stderr,
        "note: using the built-in CRUX sandbox (crux-mock) as admin@retail.demo.example\n"
    );
}

#[cfg(feature = "mock")]
#[test]
fn mock_users_list_json_with_options_after_the_subcommand() {
    let run = success(crux().args(["users", "list", "--mock", "-o", "json"]));
    insta::assert_snapshot!("users_list_json", run.stdout);
    assert!(run.stdout.ends_with("]\n") && !run.stdout.ends_with("\n\n"));
    let users = parse_users(&run.stdout);
    assert_eq!(users.len(), 4);
    assert!(
        users
            .iter()
            .all(|u| u.person.email.ends_with("@retail.demo.example"))
    );
    // The JSON is the typed values re-serialized: stable, pretty.
    assert_eq!(
        run.stdout,
        format!("{}\n", serde_json::to_string_pretty(&users).unwrap())
    );

    let before = success(crux().args(["--output", "json", "--mock", "users", "list"]));
    assert_eq!(before.stdout, run.stdout);
}

#[cfg(feature = "mock")]
#[test]
fn mock_ignores_crux_token() {
    let run = success(
        crux()
            .env("CRUX_TOKEN", UNKNOWN_TOKEN)
            .args(["users", "list", "--mock"]),
    );
    assert!(run.stdout.starts_with("NAME "), "{run:#?}");
}

#[cfg(feature = "mock")]
#[test]
fn mock_faults_go_before_or_after_the_subcommand() {
    // `--mock` on one level, `--mock-fault` on another.
    let line = failure(
        crux().args(["--mock", "users", "list", "--mock-fault", "status=404"]),
        5,
    );
    assert!(line.starts_with("error: not found"), "{line}");
    let line = failure(
        crux().args(["--mock-fault", "status=404", "users", "list", "--mock"]),
        5,
    );
    assert!(line.starts_with("error: not found"), "{line}");
    let line = failure(
        crux().args(["users", "list", "--mock-fault", "status=500"]),
        2,
    );
    assert!(line.contains("--mock-fault needs --mock"), "{line}");
}

#[cfg(feature = "mock")]
#[test]
fn mock_faults_map_to_exit_codes() {
    let line = failure(
        crux().args([
            "--mock",
            "--mock-fault",
            "status=500,times=3",
            "users",
            "list",
        ]),
        7,
    );
    assert!(line.contains("500"), "{line}");
    let line = failure(
        crux().args(["--mock", "--mock-fault", "malformed-json", "users", "list"]),
        7,
    );
    assert!(line.starts_with("error: unexpected response"), "{line}");
    let line = failure(
        crux().args(["--mock", "--mock-fault", "status=404", "users", "list"]),
        5,
    );
    assert!(line.starts_with("error: not found"), "{line}");
}

// --- --base-url, tokens ---------------------------------------------------

#[test]
fn base_url_with_a_token_from_the_environment() {
    let sandbox = Sandbox::start();
    // The supplier's admin sees the supplier's users.
    let user = demo_user(|u| can_list(u) && u.org_type == "SUPPLIER");
    let run = success(sandbox.crux(user.token).args(["users", "list"]));
    assert_eq!(run.stderr, "");
    assert!(run.stdout.contains(user.username), "{run:#?}");
    assert!(!run.stdout.contains("@retail."), "{run:#?}");

    let run = success(
        sandbox
            .crux(user.token)
            .args(["users", "list", "-o", "json"]),
    );
    assert_eq!(parse_users(&run.stdout).len(), 4);
}

#[test]
fn token_file() {
    let sandbox = Sandbox::start();
    let user = demo_user(can_list);
    let path = temp_file("token-file", &format!("{}\n", user.token));
    let run = success(
        crux()
            .args(["users", "list", "--base-url", sandbox.server.base_url()])
            .arg("--token-file")
            .arg(&path),
    );
    assert!(run.stdout.contains(user.username), "{run:#?}");

    // --token-file wins over CRUX_TOKEN.
    success(
        sandbox
            .crux(UNKNOWN_TOKEN)
            .args(["users", "list", "--token-file"])
            .arg(&path),
    );

    let line = failure(
        crux()
            .args(["users", "list", "--base-url", sandbox.server.base_url()])
            .args(["--token-file", "/nonexistent/crux-token"]),
        3,
    );
    assert!(line.contains("/nonexistent/crux-token"), "{line}");

    let spaced = temp_file("token-file-spaced", &format!("{} extra\n", user.token));
    let line = failure(
        crux()
            .args(["users", "list", "--base-url", sandbox.server.base_url()])
            .arg("--token-file")
            .arg(&spaced),
        3,
    );
    assert!(line.contains("whitespace"), "{line}");
    assert!(
        line.contains(&spaced.display().to_string()),
        "names the file: {line}"
    );
}

#[test]
fn refused_tokens_exit_3_without_the_token() {
    let sandbox = Sandbox::start();
    let line = failure(sandbox.crux(UNKNOWN_TOKEN).args(["users", "list"]), 3);
    assert!(
        line.contains("CRUX_TOKEN") && line.contains("401"),
        "{line}"
    );

    // A deactivated user's token is refused too.
    let former = demo_user(|u| u.status == "DEACTIVATED");
    failure(sandbox.crux(former.token).args(["users", "list"]), 3);

    // A token the client cannot send: refused before any request.
    let line = failure(sandbox.crux("two words").args(["users", "list"]), 3);
    assert!(
        line.contains("whitespace") && line.contains("CRUX_TOKEN") && !line.contains("two"),
        "{line}"
    );
    assert_eq!(sandbox.server.total_requests(), 2);
}

#[test]
fn missing_permission_exits_4() {
    let sandbox = Sandbox::start();
    let buyer = demo_user(|u| u.status == "ACTIVE" && !u.permissions.contains(&"view_org_users"));
    let line = failure(sandbox.crux(buyer.token).args(["users", "list"]), 4);
    assert!(
        line.contains("view_org_users") && line.contains("403"),
        "{line}"
    );
}

#[test]
fn missing_token_exits_3() {
    // No token file in HOME: the message says where it looked.
    let home = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("crux-cli-no-home");
    let expected = format!(
        "{NO_TOKEN_LINE} (no token file at {})\n",
        home.join(".config/crux/token").display()
    );
    assert_eq!(failure(crux().args(["users", "list"]), 3), expected);
    // An empty variable is no token either.
    let line = failure(crux().env("CRUX_TOKEN", "").args(["users", "list"]), 3);
    assert_eq!(line, expected);
    // Nowhere to look: the message alone.
    let line = failure(crux().env_remove("HOME").args(["users", "list"]), 3);
    assert_eq!(line, format!("{NO_TOKEN_LINE}\n"));
}

#[test]
fn unreachable_server_exits_6() {
    // Refused by construction: a socket bound to a port, never listening,
    // and held until the test ends. A connection to it is refused, and no
    // other test can take the port meanwhile (it is bound without
    // SO_REUSEADDR, and port 0 is never given a bound port), unlike a port
    // released by a dropped listener, which another test may reuse.
    let closed = TcpSocket::new_v4().unwrap();
    closed.set_reuseaddr(false).unwrap();
    closed.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = closed.local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");
    let line = failure(
        crux()
            .env("CRUX_TOKEN", DEMO_USERS[0].token)
            .args(["users", "list", "--base-url", &url]),
        6,
    );
    assert!(
        line.starts_with(&format!("error: cannot reach {url}")),
        "{line}"
    );
    // Refused, and retried (at once: no backoff in tests).
    assert!(line.contains("(after 3 attempts)"), "{line}");
    drop(closed);
}

#[test]
fn a_redirect_is_not_followed_and_exits_7() {
    let sandbox = Sandbox::start();
    sandbox
        .server
        .inject("status=302".parse::<Fault>().unwrap());
    let line = failure(sandbox.crux(DEMO_USERS[0].token).args(["users", "list"]), 7);
    assert!(line.contains("302"), "{line}");
    assert_eq!(
        sandbox.server.total_requests(),
        1,
        "not followed, not retried"
    );
}

#[test]
fn server_errors_exit_7() {
    let sandbox = Sandbox::start();
    sandbox
        .server
        .inject("status=500,times=3".parse::<Fault>().unwrap());
    let line = failure(sandbox.crux(DEMO_USERS[0].token).args(["users", "list"]), 7);
    assert!(
        line.starts_with("error: the server failed") && line.contains("500"),
        "{line}"
    );
    // The GET was retried: every injected 500 was used.
    assert_eq!(sandbox.server.pending_faults(), 0);
    assert_eq!(sandbox.server.total_requests(), 3);
}

#[cfg(feature = "mock")]
#[test]
fn usage_errors_exit_2() {
    for args in [
        &["users", "frobnicate"][..],
        &["users", "list", "--output", "xml"],
        &["users", "list", "--env", "staging"],
        &[
            "--mock",
            "--base-url",
            "http://127.0.0.1:1",
            "users",
            "list",
        ],
        &["users", "list", "--mock-fault", "status=500"],
        &["--mock", "--mock-fault", "bogus", "users", "list"],
        &["mock", "serve", "--port", "http"],
        &[],
    ] {
        let run = run(crux().args(args));
        assert_eq!(run.code, Some(2), "{args:?}: {run:#?}");
        assert_eq!(run.stdout, "", "{args:?}: {run:#?}");
        // clap's message, or the help when no command is given.
        assert!(
            run.stderr.starts_with("error: ") || run.stderr.contains("\nUsage: crux"),
            "{args:?}: {run:#?}"
        );
    }
    // An unusable base URL is a usage error too, and so is a token argument,
    // whose value is not echoed.
    let line = failure(
        crux().env("CRUX_TOKEN", DEMO_USERS[0].token).args([
            "users",
            "list",
            "--base-url",
            "http://example.com",
        ]),
        2,
    );
    assert!(line.contains("https"), "{line}");
    let line = failure(crux().args(["users", "list", "--token", UNKNOWN_TOKEN]), 2);
    assert!(line.contains("CRUX_TOKEN"), "{line}");
}

#[test]
fn help_documents_the_exit_codes() {
    let run = success(crux().arg("--help"));
    for line in [
        "Exit codes:",
        "  3  token:",
        "  4  permission:",
        "  6  network:",
        "  7  server:",
        "  8  wrong organization type:",
        "CRUX_TOKEN",
        "CRUX_TOKEN_FILE",
    ] {
        assert!(run.stdout.contains(line), "{line}: {}", run.stdout);
    }
}

#[cfg(feature = "mock")]
#[test]
fn wrong_organization_type_exits_8_and_unprocessable_7() {
    let line = failure(
        crux().args([
            "--mock",
            "--mock-fault",
            "status=409",
            "organization",
            "get",
        ]),
        8,
    );
    assert!(
        line.starts_with("error: wrong organization type") && line.contains("409"),
        "{line}"
    );
    let line = failure(
        crux().args(["--mock", "--mock-fault", "status=422", "users", "list"]),
        7,
    );
    assert!(
        line.contains("identifier") && line.contains("422"),
        "{line}"
    );
}

#[test]
fn every_implemented_endpoint_has_its_command() {
    let implemented: Vec<_> = ALL.iter().filter(|e| e.implemented).collect();
    assert_eq!(implemented.len(), ALL.len(), "{implemented:?}");
    for endpoint in implemented {
        // `users.add_permissions` is `crux users add-permissions`.
        let words: Vec<String> = endpoint
            .name
            .split('.')
            .map(|word| word.replace('_', "-"))
            .collect();
        let run = success(crux().args(&words).arg("--help"));
        let usage = format!("Usage: crux {} [OPTIONS]", words.join(" "));
        assert!(
            run.stdout.contains(&usage),
            "{}: {}",
            endpoint.name,
            run.stdout
        );
        // Its help names what it needs, from the catalogue.
        for permission in endpoint.permissions {
            assert!(
                run.stdout.contains(permission),
                "{}: {}",
                endpoint.name,
                run.stdout
            );
        }
    }
}

// --- crux mock serve ------------------------------------------------------

/// Kills the child when the test ends, whether it passes or not.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[cfg(feature = "mock")]
#[test]
fn mock_serve_prints_its_url_and_demo_users() {
    let mut child = KillOnDrop(
        StdCommand::new(CRUX)
            .args([
                "mock",
                "serve",
                "--port",
                "0",
                "--fault",
                "status=503,on=GET:/nope/",
            ])
            .env_remove("CRUX_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    // Read on a thread, so that a silent child fails the test instead of
    // hanging it.
    let (lines_tx, lines_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    while lines.len() < DEMO_USERS.len() + 3 {
        match lines_rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => lines.push(line),
            Err(e) => panic!("crux mock serve printed {lines:#?}, then {e}"),
        }
    }
    let url = lines[0]
        .strip_prefix("CRUX sandbox (crux-mock) listening on ")
        .unwrap()
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert_eq!(lines[1], "");
    assert!(lines[2].starts_with("USERNAME  "), "{}", lines[2]);
    for (user, line) in DEMO_USERS.iter().zip(&lines[3..]) {
        assert!(line.starts_with(user.username), "{line}");
        assert!(
            line.contains(user.token) && line.contains(user.password),
            "{line}"
        );
    }

    // The server answers the binary itself.
    let run = success(crux().env("CRUX_TOKEN", DEMO_USERS[0].token).args([
        "users",
        "list",
        "--base-url",
        &url,
    ]));
    assert!(run.stdout.contains(DEMO_USERS[0].username), "{run:#?}");
}

#[cfg(feature = "mock")]
#[test]
fn mock_serve_on_a_busy_port_exits_1() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let line = failure(crux().args(["mock", "serve", "--port", &port]), 1);
    assert!(line.contains(&port), "{line}");
}
