//! `crux login` and the token file, end to end against `crux-mock`. The
//! password comes on stdin (not a terminal); every run checks that no
//! password or token is printed (except the token with `--print-token`,
//! checked here without `common::run`).
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]
#![cfg(unix)]

mod common;

use std::{fs, os::unix::fs::PermissionsExt, path::Path, time::Duration};

use assert_cmd::Command;
use common::{
    Sandbox, WRONG_PASSWORD, crux, failure, json, retail_admin, success, supply_admin, temp_dir,
    temp_file,
};
use crux_mock::DemoUser;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `crux --base-url <sandbox> login --username <user>` with
/// `XDG_CONFIG_HOME=<config>` and the password on stdin.
fn login(sandbox: &Sandbox, config: &Path, user: &DemoUser, password: &str) -> Command {
    let mut cmd = crux();
    cmd.env("XDG_CONFIG_HOME", config)
        .args([
            "--base-url",
            sandbox.url(),
            "login",
            "--username",
            user.username,
        ])
        .write_stdin(format!("{password}\n"));
    cmd
}

fn logged_in_line(user: &DemoUser) -> String {
    let org = user.org().unwrap();
    format!(
        "logged in as {} ({} organization {})\n",
        user.username,
        user.org_type.to_lowercase(),
        org.org_uuid
    )
}

#[test]
fn login_saves_a_private_token_file_that_later_commands_use() {
    let sandbox = Sandbox::start();
    let config = temp_dir("xdg");
    let admin = retail_admin();
    let run = success(&mut login(&sandbox, &config, admin, admin.password));
    let path = config.join("crux").join("token");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "{}token saved to {} (mode 0600)\n",
            logged_in_line(admin),
            path.display()
        )
    );
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&config.join("crux")), 0o700);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        format!("{}\n", admin.token)
    );

    // No CRUX_TOKEN: the saved token is used.
    let run = success(crux().env("XDG_CONFIG_HOME", &config).args([
        "--base-url",
        sandbox.url(),
        "users",
        "list",
    ]));
    assert!(run.stdout.contains(admin.username), "{run:#?}");
    assert_eq!(run.stderr, "");

    // Logging in again replaces the file, which stays private even if it
    // was not.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let supplier = supply_admin();
    success(&mut login(&sandbox, &config, supplier, supplier.password));
    assert_eq!(mode(&path), 0o600);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        format!("{}\n", supplier.token)
    );
    let leftovers: Vec<_> = fs::read_dir(config.join("crux"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["token"], "no temporary file is left");
}

#[test]
fn home_fallback_crux_token_file_and_token_file_flag() {
    let sandbox = Sandbox::start();
    let admin = retail_admin();
    let home = temp_dir("home");

    // No XDG_CONFIG_HOME: ~/.config/crux/token.
    let mut cmd = crux();
    cmd.env("HOME", &home)
        .args([
            "--base-url",
            sandbox.url(),
            "login",
            "--username",
            admin.username,
        ])
        .write_stdin(format!("{}\n", admin.password));
    success(&mut cmd);
    let path = home.join(".config/crux/token");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&home.join(".config")), 0o700);

    // CRUX_TOKEN_FILE moves the default file, for login and for reading.
    let elsewhere = temp_dir("crux-token-file").join("sub").join("tok");
    let mut cmd = crux();
    cmd.env("CRUX_TOKEN_FILE", &elsewhere)
        .args([
            "--base-url",
            sandbox.url(),
            "login",
            "--username",
            admin.username,
        ])
        .write_stdin(format!("{}\n", admin.password));
    success(&mut cmd);
    assert_eq!(mode(&elsewhere), 0o600);
    success(crux().env("CRUX_TOKEN_FILE", &elsewhere).args([
        "--base-url",
        sandbox.url(),
        "users",
        "list",
    ]));

    // --token-file wins over CRUX_TOKEN_FILE.
    let flag = temp_dir("flag").join("token");
    let mut cmd = crux();
    cmd.env("CRUX_TOKEN_FILE", &elsewhere)
        .args([
            "--base-url",
            sandbox.url(),
            "login",
            "--username",
            admin.username,
        ])
        .arg("--token-file")
        .arg(&flag)
        .write_stdin(format!("{}\n", admin.password));
    let run = success(&mut cmd);
    assert!(run.stderr.contains(&flag.display().to_string()), "{run:#?}");
    assert_eq!(mode(&flag), 0o600);
}

#[test]
fn token_precedence_flag_then_env_then_saved_file() {
    let sandbox = Sandbox::start();
    let retailer = retail_admin();
    let supplier = supply_admin();
    let config = temp_dir("precedence");
    success(&mut login(&sandbox, &config, retailer, retailer.password));
    let who = |cmd: &mut Command| -> String {
        let org: serde_json::Value = json(cmd.args(["organization", "get"]));
        org["name"].as_str().unwrap().to_owned()
    };
    let base = || {
        let mut cmd = crux();
        cmd.env("XDG_CONFIG_HOME", &config)
            .args(["--base-url", sandbox.url()]);
        cmd
    };
    assert_eq!(who(&mut base()), retailer.organization);
    // CRUX_TOKEN beats the saved file.
    assert_eq!(
        who(base().env("CRUX_TOKEN", supplier.token)),
        supplier.organization
    );
    // --token-file beats CRUX_TOKEN.
    let file = temp_file("precedence-flag", &format!("{}\n", retailer.token));
    assert_eq!(
        who(base()
            .env("CRUX_TOKEN", supplier.token)
            .arg("--token-file")
            .arg(&file)),
        retailer.organization
    );
}

#[test]
fn print_token_prints_it_and_saves_nothing() {
    let sandbox = Sandbox::start();
    let config = temp_dir("print");
    let admin = retail_admin();
    let output = login(&sandbox, &config, admin, admin.password)
        .arg("--print-token")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{}\n", admin.token)
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr, logged_in_line(admin));
    assert!(!stderr.contains(admin.password));
    assert!(!config.join("crux").exists(), "nothing saved");

    // -o json: who logged in, and the token only with --print-token.
    let output = login(&sandbox, &config, admin, admin.password)
        .args(["--print-token", "-o", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["auth_token"], admin.token);
    assert_eq!(report["token_file"], serde_json::Value::Null);
    assert_eq!(report["org_type"], "RETAILER");

    let report: serde_json::Value = json(&mut login(&sandbox, &config, admin, admin.password));
    assert!(report.get("auth_token").is_none(), "{report}");
    assert_eq!(report["username"], admin.username);
    assert_eq!(report["user_uuid"], admin.user_uuid);
    assert_eq!(
        report["token_file"],
        config.join("crux/token").display().to_string()
    );
}

#[test]
fn username_and_password_from_stdin() {
    let sandbox = Sandbox::start();
    let config = temp_dir("stdin-both");
    let admin = supply_admin();
    let mut cmd = crux();
    cmd.env("XDG_CONFIG_HOME", &config)
        .args(["--base-url", sandbox.url(), "login"])
        .write_stdin(format!("{}\r\n{}\r\n", admin.username, admin.password));
    let run = success(&mut cmd);
    assert!(run.stderr.starts_with(&logged_in_line(admin)), "{run:#?}");
}

#[test]
fn refused_logins_exit_3_and_save_nothing() {
    let sandbox = Sandbox::start();
    let config = temp_dir("refused");
    let admin = retail_admin();
    let line = failure(&mut login(&sandbox, &config, admin, WRONG_PASSWORD), 3);
    assert!(line.starts_with("error: login refused: "), "{line}");
    assert!(!config.join("crux").exists());

    // A deactivated user cannot log in either.
    let former = common::demo_user(|u| u.status == "DEACTIVATED");
    failure(&mut login(&sandbox, &config, former, former.password), 3);
}

#[cfg(feature = "mock")]
#[test]
fn missing_input_is_a_usage_error() {
    let sandbox = Sandbox::start();
    let config = temp_dir("no-input");
    let admin = retail_admin();
    // No password line.
    let mut cmd = crux();
    cmd.env("XDG_CONFIG_HOME", &config).args([
        "--base-url",
        sandbox.url(),
        "login",
        "--username",
        admin.username,
    ]);
    let line = failure(&mut cmd, 2);
    assert!(line.contains("no password"), "{line}");
    // An empty password.
    let line = failure(&mut login(&sandbox, &config, admin, ""), 2);
    assert!(line.contains("empty"), "{line}");
    // A password is never an argument.
    let run = common::run(crux().args(["login", "--username", admin.username, "--password", "x"]));
    assert_eq!(run.code, Some(2), "{run:#?}");
    // --mock has nothing to log in to.
    let line = failure(crux().args(["--mock", "login", "--username", "u"]), 2);
    assert!(line.contains("--mock"), "{line}");
    // Nowhere to save the token.
    let mut cmd = crux();
    cmd.env_remove("HOME")
        .args([
            "--base-url",
            sandbox.url(),
            "login",
            "--username",
            admin.username,
        ])
        .write_stdin(format!("{}\n", admin.password));
    let line = failure(&mut cmd, 2);
    assert!(line.contains("--print-token"), "{line}");
    assert_eq!(sandbox.server.total_requests(), 0);
}

#[test]
fn a_refused_saved_token_says_to_log_in_again() {
    let sandbox = Sandbox::start();
    let config = temp_dir("stale");
    let former = common::demo_user(|u| u.status == "DEACTIVATED");
    fs::create_dir_all(config.join("crux")).unwrap();
    fs::write(config.join("crux/token"), format!("{}\n", former.token)).unwrap();
    let line = failure(
        crux()
            .env("XDG_CONFIG_HOME", &config)
            .args(["--base-url", sandbox.url(), "users", "list"]),
        3,
    );
    assert!(
        line.contains("saved in") && line.contains("run `crux login` again"),
        "{line}"
    );
}
