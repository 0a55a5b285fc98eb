//! The commands of the last release (`crux org show`, `crux accounting ...`,
//! `crux users grant|revoke`, `crux notifications set`), hidden, still work
//! for one release: each prints exactly what its replacement prints, and a
//! one-line note on stderr.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{Run, Sandbox, crux, retail_admin, retail_viewer, run, success};
use crux_types::Transaction;

/// The note the old command `old` prints first on stderr.
fn note(old: &str, new: &str) -> String {
    format!(
        "note: `crux {old}` is deprecated and goes away in the next release: use `crux {new}`\n"
    )
}

/// Runs `old` and `new` (with the same options); the old one's stdout and
/// exit code are the new one's, and its stderr is the note, then the new
/// one's stderr.
fn same_as(old: &[&str], new: &[&str], options: &[&str]) -> Run {
    let old_run = run(crux().args(old).args(options));
    let new_run = run(crux().args(new).args(options));
    assert_eq!(old_run.code, new_run.code, "{old:?}: {old_run:#?}");
    assert_eq!(old_run.stdout, new_run.stdout, "{old:?}");
    let note = note(&old[..2].join(" "), &new[..2].join(" "));
    assert_eq!(
        old_run.stderr,
        format!("{note}{}", new_run.stderr),
        "{old:?}"
    );
    old_run
}

#[cfg(feature = "mock")]
#[test]
fn read_commands_print_what_their_replacements_print() {
    let transactions: Vec<Transaction> = serde_json::from_str(
        &success(crux().args(["--mock", "transactions", "list", "-o", "json"])).stdout,
    )
    .unwrap();
    let id = transactions[0].transaction_id.as_str();
    for (old, new) in [
        (&["org", "show"][..], &["organization", "get"][..]),
        (&["accounting", "subscription"], &["subscription", "get"]),
        (
            &["accounting", "payment-methods"],
            &["payment-method", "get"],
        ),
        (&["accounting", "transactions"], &["transactions", "list"]),
        (
            &["accounting", "transaction", id],
            &["transactions", "get", id],
        ),
    ] {
        for format in ["table", "json"] {
            let run = same_as(old, new, &["--mock", "-o", format]);
            assert_eq!(run.code, Some(0), "{old:?}: {run:#?}");
            assert!(!run.stdout.is_empty(), "{old:?}");
        }
    }
    // A failure is the same too.
    let run = same_as(
        &["accounting", "transaction", "999999"],
        &["transactions", "get", "999999"],
        &["--mock"],
    );
    assert_eq!(run.code, Some(5), "{run:#?}");
}

#[cfg(feature = "mock")]
#[test]
fn accounting_export_still_exports() {
    let run = success(crux().args(["--mock", "accounting", "export"]));
    assert!(
        run.stdout.starts_with("export ")
            && run
                .stdout
                .ends_with(" requested: the CSV file will be emailed to you\n"),
        "{run:#?}"
    );
    assert!(
        run.stderr
            .starts_with(&note("accounting export", "transactions export")),
        "{run:#?}"
    );
}

#[test]
fn grant_and_revoke_change_permissions_as_before() {
    let sandbox = Sandbox::start();
    let (admin, viewer) = (retail_admin(), retail_viewer());
    for (old, new, done) in [
        ("grant", "add-permissions", "granted edit_org_users to"),
        (
            "revoke",
            "remove-permissions",
            "revoked edit_org_users from",
        ),
    ] {
        let args = ["users", old, viewer.user_uuid, "edit_org_users"];
        let run = success(sandbox.crux_as(admin).args(args));
        let user = viewer.user_uuid;
        assert_eq!(run.stdout, format!("{done} user {user}\n"));
        assert_eq!(
            run.stderr,
            note(&format!("users {old}"), &format!("users {new}"))
        );
        // What the JSON of the new command says, the old one says.
        let json: serde_json::Value = serde_json::from_str(
            &success(sandbox.crux_as(admin).args(args).args(["-o", "json"])).stdout,
        )
        .unwrap();
        assert_eq!(json["action"], old, "{json}");
    }
    let permissions = success(
        sandbox
            .crux_as(admin)
            .args(["users", "get", viewer.user_uuid]),
    );
    assert!(
        !permissions.stdout.contains("\nedit_org_users "),
        "{permissions:#?}"
    );
}

#[cfg(feature = "mock")]
#[test]
fn notifications_set_updates_a_setting_as_before() {
    let uuid = "d0000008-0000-4000-8000-000000000101";
    let options = ["--via", "email", "--enabled", "false"];
    let old = ["notifications", "set", uuid];
    let new = ["notifications", "update-settings", uuid];
    let run = same_as(
        &old,
        &new,
        &["--mock", options[0], options[1], options[2], options[3]],
    );
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(
        run.stdout,
        format!("updated notification setting {uuid} (email): enabled=false\n")
    );
}
