//! Decoding and encoding of the organization user models against the
//! fixtures in `tests/fixtures/organization/`.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use crux_types::organization::{PermissionAssignments, PermissionVisibility, User, UserStatus};
use serde_json::Value;
use std::sync::Arc;

const GET_ALL_USERS: &str = "organization/get_all_users.json";
const GET_USER: &str = "organization/get_user.json";
const USER_PHONE_NULL: &str = "organization/user_phone_null.json";
const USER_PHONE_ABSENT: &str = "organization/user_phone_absent.json";
const USER_UNKNOWN_STATUS_VISIBILITY: &str = "organization/user_unknown_status_visibility.json";
const USER_UNKNOWN_FIELDS: &str = "organization/user_unknown_fields.json";
const USER_EMPTY_PERMISSIONS: &str = "organization/user_empty_permissions.json";

// ---------------------------------------------------------------------------
// Round trips.

#[test]
fn encoding_omits_none_fields() {
    let user: User = common::decode(GET_USER);
    let encoded = serde_json::to_value(&user).expect("models always encode");
    let person = &encoded["person"];
    assert!(person.get("phone").is_none(), "{person}");
    assert!(person.get("job_title").is_none(), "{person}");
}

// ---------------------------------------------------------------------------
// Specific behaviors.

#[test]
fn unknown_status_and_visibility_are_kept_and_written_back_unchanged() {
    let user: User = common::decode(USER_UNKNOWN_STATUS_VISIBILITY);
    assert_eq!(user.status, UserStatus::Unknown("SUSPENDED".to_owned()));
    let visibilities: Vec<_> = user
        .permission_assignments
        .permissions
        .iter()
        .map(|entry| entry.permission.visibility.clone())
        .collect();
    assert_eq!(
        visibilities,
        [
            Some(PermissionVisibility::Unknown("PARTNER".to_owned())),
            // Matching is exact: lowercase "both" is not `Both`.
            Some(PermissionVisibility::Unknown("both".to_owned())),
        ],
    );

    let encoded = serde_json::to_value(&user).expect("models always encode");
    assert_eq!(encoded["status"], "SUSPENDED");
    let permissions = &encoded["permission_assignments"]["permissions"];
    assert_eq!(permissions[0]["permission"]["visibility"], "PARTNER");
    assert_eq!(permissions[1]["permission"]["visibility"], "both");
}

#[test]
fn unknown_fields_at_every_level_are_ignored() {
    let user: User = common::decode(USER_UNKNOWN_FIELDS);

    // The fixture is `get_user.json` with its first permission only, plus
    // unknown fields: it must decode to exactly that.
    let mut expected: User = common::decode(GET_USER);
    expected.permission_assignments.permissions.truncate(1);
    assert_eq!(user, expected);

    // Unknown fields are dropped, not preserved, when encoding again.
    let encoded = serde_json::to_value(&user).expect("models always encode");
    assert!(encoded.get("created").is_none());
    assert!(encoded["person"].get("address").is_none());
    assert!(encoded["permission_assignments"].get("status").is_none());
    assert!(
        encoded["permission_assignments"]["org_user"]
            .get("org_type")
            .is_none()
    );
}

#[test]
fn strings_are_kept_verbatim() {
    let users: Vec<User> = common::decode(GET_ALL_USERS);
    assert_eq!(users[0].person.first_name, "Crux ");
    assert_eq!(users[1].person.first_name, "Crux");

    let encoded = serde_json::to_value(&users).expect("models always encode");
    assert_eq!(encoded[0]["person"]["first_name"], "Crux ");
}

#[test]
fn null_and_absent_optional_fields_decode_to_none() {
    let null: User = common::decode(USER_PHONE_NULL);
    assert_eq!(null.person.phone, None);
    assert_eq!(null.person.job_title.as_deref(), Some("Account Manager"));

    let absent: User = common::decode(USER_PHONE_ABSENT);
    assert_eq!(absent.person.phone, None);
    assert_eq!(absent.person.job_title, None);

    // The Get All Users sample has no `visibility` or `grouping`
    // (docs/spec-decisions.md, E-32).
    let users: Vec<User> = common::decode(GET_ALL_USERS);
    let permission = &users[0].permission_assignments.permissions[0].permission;
    assert_eq!(permission.visibility, None);
    assert_eq!(permission.grouping, None);
}

#[test]
fn permissions_empty_null_or_absent_decode_to_empty() {
    let empty: User = common::decode(USER_EMPTY_PERMISSIONS);
    assert!(empty.permission_assignments.permissions.is_empty());

    let mut json = common::value(GET_USER);
    json["permission_assignments"]["permissions"] = Value::Null;
    let null: User = serde_json::from_value(json.clone()).expect("null permissions decode");
    assert!(null.permission_assignments.permissions.is_empty());

    json["permission_assignments"]
        .as_object_mut()
        .expect("permission_assignments is an object")
        .remove("permissions");
    let absent: User = serde_json::from_value(json).expect("absent permissions decode");
    assert!(absent.permission_assignments.permissions.is_empty());
}

#[test]
fn org_user_is_optional() {
    // The Get User Permissions sample has no `org_user` (docs/spec-decisions.md, E-02, E-34).
    let mut json = common::value(GET_USER)["permission_assignments"].take();
    json.as_object_mut()
        .expect("permission_assignments is an object")
        .remove("org_user");
    let assignments: PermissionAssignments =
        serde_json::from_value(json).expect("assignments without org_user decode");
    assert_eq!(assignments.org_user, None);
    assert_eq!(assignments.permissions.len(), 2);

    let encoded = serde_json::to_value(&assignments).expect("models always encode");
    assert!(encoded.get("org_user").is_none());
}

#[test]
fn assigned_lists_only_assigned_permissions() {
    let mut user: User = common::decode(GET_USER);
    user.permission_assignments.permissions[0].assigned = false;
    let names: Vec<&str> = user
        .permission_assignments
        .assigned()
        .map(|permission| permission.name.as_str())
        .collect();
    assert_eq!(names, ["edit_org_users"]);
}

#[test]
fn invalid_uuid_is_a_decode_error_at_every_id() {
    // "r5682624-..." is one of the malformed sample ids (docs/spec-decisions.md, E-45).
    let bad = "r5682624-8e22-44f2-a6b6-ae3fdb556051";
    for pointer in [
        "/uuid",
        "/person/uuid",
        "/permission_assignments/permissions/1/permission/uuid",
        "/permission_assignments/org_user/uuid",
    ] {
        let mut json = common::value(GET_USER);
        *json.pointer_mut(pointer).expect("pointer exists") = Value::from(bad);
        let text = serde_json::to_string_pretty(&json).expect("JSON encodes");

        let err = serde_json::from_str::<User>(&text).expect_err(pointer);
        assert!(err.is_data(), "{pointer}: {err}");
        assert!(err.line() > 0, "{pointer}: error has a position: {err}");
    }
}

#[test]
fn missing_or_mistyped_uuid_is_a_decode_error() {
    let mut json = common::value(GET_USER);
    json["uuid"] = Value::from(42);
    assert!(serde_json::from_value::<User>(json.clone()).is_err());

    json.as_object_mut()
        .expect("user is an object")
        .remove("uuid");
    assert!(serde_json::from_value::<User>(json).is_err());
}

#[test]
fn equal_permissions_are_decoded_once_and_shared() {
    let users: Vec<User> = common::decode(GET_ALL_USERS);
    let first = &users[0].permission_assignments.permissions;
    let second = &users[1].permission_assignments.permissions;
    for (a, b) in first.iter().zip(second) {
        assert!(
            Arc::ptr_eq(&a.permission, &b.permission),
            "{} is shared",
            a.permission.name
        );
    }
}

#[test]
fn a_permission_that_differs_is_never_shared() {
    let mut users = common::value(GET_ALL_USERS);
    users[1]["permission_assignments"]["permissions"][0]["permission"]["description"] =
        "Changed on the second user".into();
    let decoded: Vec<User> = serde_json::from_value(users.clone()).expect("decodes");
    let first = &decoded[0].permission_assignments.permissions[0].permission;
    let second = &decoded[1].permission_assignments.permissions[0].permission;
    assert_eq!(first.uuid, second.uuid, "same id");
    assert!(!Arc::ptr_eq(first, second));
    assert_eq!(first.description, "Ability to create an org");
    assert_eq!(second.description, "Changed on the second user");
    assert_eq!(
        serde_json::to_value(&decoded).expect("encodes"),
        users,
        "nothing changed on the way"
    );
}
