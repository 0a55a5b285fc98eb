//! Get All Permissions, Get User Permissions, and the body of Add and Remove
//! User Permissions, against the fixtures in `tests/fixtures/organization/`.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use common::assert_round_trip;
use crux_types::{Permission, PermissionAssignments, PermissionId, UserPermissionsChange};
use serde_json::{Value, json};

const GET_ALL_PERMISSIONS: &str = "organization/get_all_permissions.json";
const GET_USER_PERMISSIONS: &str = "organization/get_user_permissions.json";
const ADD_USER_PERMISSIONS: &str = "organization/add_user_permissions_request.json";
const REMOVE_USER_PERMISSIONS: &str = "organization/remove_user_permissions_request.json";

// ---------------------------------------------------------------------------
// Snapshots.

#[test]
fn snapshot_get_all_permissions() {
    insta::assert_debug_snapshot!(common::decode::<Vec<Permission>>(GET_ALL_PERMISSIONS));
}

#[test]
fn snapshot_get_user_permissions() {
    insta::assert_debug_snapshot!(common::decode::<PermissionAssignments>(
        GET_USER_PERMISSIONS
    ));
}

#[test]
fn snapshot_add_user_permissions_request() {
    insta::assert_debug_snapshot!(common::decode::<UserPermissionsChange>(
        ADD_USER_PERMISSIONS
    ));
}

#[test]
fn snapshot_remove_user_permissions_request() {
    insta::assert_debug_snapshot!(common::decode::<UserPermissionsChange>(
        REMOVE_USER_PERMISSIONS
    ));
}

// ---------------------------------------------------------------------------
// Round trips.

#[test]
fn documented_samples_round_trip() {
    assert_round_trip::<Vec<Permission>>(GET_ALL_PERMISSIONS);
    assert_round_trip::<PermissionAssignments>(GET_USER_PERMISSIONS);
    assert_round_trip::<UserPermissionsChange>(ADD_USER_PERMISSIONS);
    assert_round_trip::<UserPermissionsChange>(REMOVE_USER_PERMISSIONS);
}

#[test]
fn request_bodies_are_written_exactly() {
    // Requests are what crux-api sends: exact, no null/absent leeway.
    for name in [ADD_USER_PERMISSIONS, REMOVE_USER_PERMISSIONS] {
        let change: UserPermissionsChange = common::decode(name);
        let encoded = serde_json::to_value(&change).expect("models always encode");
        assert_eq!(encoded, common::value(name), "{name}");
    }
}

// ---------------------------------------------------------------------------
// Specific behaviors.

#[test]
fn user_permissions_sample_has_no_org_user() {
    // E-02, E-34: the hand-fixed sample has no `org_user`; it decodes to
    // `None` and is not written back.
    let assignments: PermissionAssignments = common::decode(GET_USER_PERMISSIONS);
    assert_eq!(assignments.org_user, None);
    assert_eq!(assignments.assigned().count(), 3);
    let encoded = serde_json::to_value(&assignments).expect("models always encode");
    assert!(encoded.get("org_user").is_none(), "{encoded}");
}

#[test]
fn all_permissions_keep_visibility_and_grouping() {
    let permissions: Vec<Permission> = common::decode(GET_ALL_PERMISSIONS);
    let groupings: Vec<_> = permissions
        .iter()
        .map(|permission| permission.grouping.as_deref())
        .collect();
    assert_eq!(
        groupings,
        [Some("ORGUSERS"), Some("ORGUSERS"), Some("ORGSUB")]
    );
}

#[test]
fn permissions_change_builds_the_documented_body() {
    let ids: Vec<PermissionId> = [
        "2a0295b6-dd74-4239-9988-24fcdb1adcea",
        "05a46c58-9d13-4912-9167-7effc2cc7482",
    ]
    .iter()
    .map(|id| id.parse().expect("valid uuid"))
    .collect();

    let change = UserPermissionsChange::new(ids.iter().copied());
    assert_eq!(change, common::decode(ADD_USER_PERMISSIONS));
    assert_eq!(ids.into_iter().collect::<UserPermissionsChange>(), change);

    // An empty change still sends the member, as `[]`.
    assert_eq!(
        serde_json::to_value(UserPermissionsChange::default()).expect("encodes"),
        json!({ "permission_uuids": [] }),
    );
}

#[test]
fn permissions_change_reads_null_or_absent_as_empty() {
    for body in [json!({ "permission_uuids": null }), json!({})] {
        let change: UserPermissionsChange = serde_json::from_value(body.clone()).expect("decodes");
        assert!(change.permission_uuids.is_empty(), "{body}");
    }
}

#[test]
fn permissions_change_rejects_a_bad_uuid() {
    let mut body = common::value(ADD_USER_PERMISSIONS);
    body["permission_uuids"][1] = Value::from("r5682624-8e22-44f2-a6b6-ae3fdb556051");
    let err = serde_json::from_value::<UserPermissionsChange>(body).expect_err("bad uuid");
    assert!(err.is_data(), "{err}");
}
