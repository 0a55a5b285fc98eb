//! `crux users get|permissions|add-permissions|remove-permissions` and
//! `crux permissions list`, end to end against `crux-mock`.
// Without the `mock` feature, the tests of `--mock` are left out, and so
// is what only they use.
#![cfg_attr(not(feature = "mock"), allow(unused_imports, dead_code))]

mod common;

use common::{
    Sandbox, crux, failure, json, retail_admin, retail_buyer, retail_viewer, success, supply_admin,
};
use crux_types::{Permission, PermissionAssignments, User};

/// The permission names assigned in `assignments`.
fn assigned(assignments: &PermissionAssignments) -> Vec<String> {
    assignments.assigned().map(|p| p.name.clone()).collect()
}

#[cfg(feature = "mock")]
#[test]
fn users_get_table_and_json() {
    let viewer = retail_viewer();
    let run = success(crux().args(["--mock", "users", "get", viewer.user_uuid]));
    insta::assert_snapshot!("users_get_table", run.stdout);

    let run = success(crux().args(["--mock", "users", "get", viewer.user_uuid, "-o", "json"]));
    insta::assert_snapshot!("users_get_json", run.stdout);
    let user: User = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(user.uuid.to_string(), viewer.user_uuid);
    assert_eq!(user.person.email, viewer.username);
}

#[cfg(feature = "mock")]
#[test]
fn users_permissions_marks_each_permission() {
    let viewer = retail_viewer();
    let run = success(crux().args(["--mock", "users", "permissions", viewer.user_uuid]));
    assert!(run.stdout.starts_with("ASSIGNED  NAME"), "{}", run.stdout);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("yes       view_org_users ")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("no        edit_org_users ")),
        "{}",
        run.stdout
    );
    let assignments: PermissionAssignments =
        json(crux().args(["--mock", "users", "permissions", viewer.user_uuid]));
    let mut expected: Vec<&str> = viewer.permissions.to_vec();
    expected.sort_unstable();
    let mut names = assigned(&assignments);
    names.sort_unstable();
    assert_eq!(names, expected);
}

#[cfg(feature = "mock")]
#[test]
fn permissions_list_table_and_json() {
    let run = success(crux().args(["--mock", "permissions", "list"]));
    insta::assert_snapshot!("permissions_list_table", run.stdout);
    let run = success(crux().args(["--mock", "permissions", "list", "-o", "json"]));
    insta::assert_snapshot!("permissions_list_json", run.stdout);
    let permissions: Vec<Permission> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(permissions.len(), 16, "the retailer's catalogue");
}

#[test]
fn add_permissions_then_remove_permissions() {
    let sandbox = Sandbox::start();
    let admin = retail_admin();
    let viewer = retail_viewer();
    let permissions = |sandbox: &Sandbox| -> Vec<String> {
        assigned(&json(sandbox.crux_as(admin).args([
            "users",
            "permissions",
            viewer.user_uuid,
        ])))
    };
    let before = permissions(&sandbox);
    assert!(!before.iter().any(|p| p == "edit_org_users"), "{before:?}");
    assert!(
        !before.iter().any(|p| p == "view_payment_info"),
        "{before:?}"
    );

    // By name and by UUID (view_payment_info is permission 05).
    let run = success(sandbox.crux_as(admin).args([
        "users",
        "add-permissions",
        viewer.user_uuid,
        "edit_org_users",
        "d0000000-0000-4000-8000-000000000005",
    ]));
    assert_eq!(
        run.stdout,
        format!(
            "granted edit_org_users, d0000000-0000-4000-8000-000000000005 to user {}\n",
            viewer.user_uuid
        )
    );
    let granted = permissions(&sandbox);
    assert!(granted.iter().any(|p| p == "edit_org_users"), "{granted:?}");
    assert!(
        granted.iter().any(|p| p == "view_payment_info"),
        "{granted:?}"
    );
    assert_eq!(granted.len(), before.len() + 2, "{granted:?}");

    // `users get` shows it too.
    let run = success(
        sandbox
            .crux_as(admin)
            .args(["users", "get", viewer.user_uuid]),
    );
    assert!(run.stdout.contains("\nedit_org_users "), "{}", run.stdout);

    let report: serde_json::Value = json(sandbox.crux_as(admin).args([
        "users",
        "remove-permissions",
        viewer.user_uuid,
        "edit_org_users",
        "view_payment_info",
    ]));
    assert_eq!(
        report,
        serde_json::json!({
            "user_uuid": viewer.user_uuid,
            "action": "revoke",
            "permission_uuids": [
                "d0000000-0000-4000-8000-000000000002",
                "d0000000-0000-4000-8000-000000000005",
            ],
        })
    );
    assert_eq!(permissions(&sandbox), before);
}

#[test]
fn unknown_permission_names_are_usage_errors_before_any_change() {
    let sandbox = Sandbox::start();
    let viewer = retail_viewer();
    let line = failure(
        sandbox.crux_as(retail_admin()).args([
            "users",
            "add-permissions",
            viewer.user_uuid,
            "view_org_users",
            "fly_to_the_moon",
        ]),
        2,
    );
    assert!(
        line.contains("unknown permission `fly_to_the_moon`"),
        "{line}"
    );
    // Only the catalogue was read; nothing was sent to change.
    assert_eq!(sandbox.server.total_requests(), 1);
    // A supplier-only name is unknown to a retailer.
    let line = failure(
        sandbox.crux_as(retail_admin()).args([
            "users",
            "remove-permissions",
            viewer.user_uuid,
            "edit_items",
        ]),
        2,
    );
    assert!(line.contains("`edit_items`"), "{line}");

    // Not a name nor a UUID, or a bad user UUID: clap's usage errors.
    for args in [
        &["users", "add-permissions", viewer.user_uuid, "no spaces"][..],
        &["users", "add-permissions", viewer.user_uuid],
        &["users", "get", "12345"],
        &["users", "permissions"],
    ] {
        let run = common::run(sandbox.crux_as(retail_admin()).args(args));
        assert_eq!(run.code, Some(2), "{args:?}: {run:#?}");
    }
}

#[test]
fn missing_permissions_exit_4() {
    let sandbox = Sandbox::start();
    let viewer = retail_viewer();
    // The buyer lacks view_org_users.
    let line = failure(
        sandbox
            .crux_as(retail_buyer())
            .args(["users", "get", viewer.user_uuid]),
        4,
    );
    assert!(
        line.contains("view_org_users") && line.contains("403"),
        "{line}"
    );
    failure(
        sandbox
            .crux_as(retail_buyer())
            .args(["permissions", "list"]),
        4,
    );
    // The viewer may look but not change.
    let line = failure(
        sandbox.crux_as(viewer).args([
            "users",
            "add-permissions",
            viewer.user_uuid,
            "d0000000-0000-4000-8000-000000000002",
        ]),
        4,
    );
    assert!(line.contains("edit_org_users"), "{line}");
}

#[test]
fn other_organizations_users_are_not_found() {
    let sandbox = Sandbox::start();
    let line = failure(
        sandbox
            .crux_as(supply_admin())
            .args(["users", "get", retail_viewer().user_uuid]),
        5,
    );
    assert!(line.starts_with("error: not found"), "{line}");
}
