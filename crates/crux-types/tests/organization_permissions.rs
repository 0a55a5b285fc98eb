//! Get All Permissions, Get User Permissions, and the body of Add and Remove
//! User Permissions, against the fixtures in `tests/fixtures/organization/`.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use std::sync::Arc;

use crux_types::{
    Permission, PermissionAssignments, PermissionEntry, PermissionId, UserPermissionsChange,
};
use serde_json::{Value, json};

const GET_ALL_PERMISSIONS: &str = "organization/get_all_permissions.json";
const GET_USER_PERMISSIONS: &str = "organization/get_user_permissions.json";
const ADD_USER_PERMISSIONS: &str = "organization/add_user_permissions_request.json";
const REMOVE_USER_PERMISSIONS: &str = "organization/remove_user_permissions_request.json";

// ---------------------------------------------------------------------------
// Round trips.

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
    // The hand-fixed sample has no `org_user`; it decodes to `None` and is
    // not written back (docs/spec-decisions.md, E-02, E-34).
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

// ---------------------------------------------------------------------------
// Shared permissions (`PermissionEntry.permission`) decode like `Permission`.

/// The field names of `T`, as its derived `Deserialize` declares them.
fn field_names<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};

    /// A deserializer that only records the fields a struct asks for.
    struct Fields(Option<&'static [&'static str]>);

    impl<'de> de::Deserializer<'de> for &mut Fields {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = Some(fields);
            Err(de::Error::custom("fields recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields = Fields(None);
    let _ = T::deserialize(&mut fields);
    fields.0.expect("a struct")
}

/// A permission with every field set (strings with and without escapes, so
/// that both the borrowed and the owned read are used).
fn full_permission(uuid: &str, escaped: bool) -> Value {
    let description = if escaped {
        "Edit \"users\"\nand roles"
    } else {
        "Edit users"
    };
    let permission = json!({
        "uuid": uuid,
        "name": "edit_org_users",
        "display_name": "Edit Users",
        "description": description,
        "visibility": "BOTH",
        "grouping": "ORGUSERS",
    });
    for field in field_names::<Permission>() {
        assert!(
            !permission[*field].is_null(),
            "`{field}` is not set here: add it so that this permission is fully populated"
        );
    }
    permission
}

/// `permission` decoded the way a users list decodes it, twice in a row
/// (the second one from the per-thread cache when equal).
fn decode_as_entries(first: &Value, second: &Value) -> Vec<PermissionEntry> {
    let entries = json!([
        { "assigned": true, "permission": first },
        { "assigned": false, "permission": second },
    ]);
    serde_json::from_str(&entries.to_string()).expect("entries decode")
}

#[test]
fn a_fully_populated_permission_decodes_the_same_shared_or_not() {
    for (uuid, escaped) in [
        ("0b5c2a4e-8d2a-4f5e-9c61-3f0d6a1e9b77", false),
        ("1c6d3b5f-9e3b-4a6f-8d72-4a1e7b2f0c88", true),
    ] {
        let json = full_permission(uuid, escaped);
        let direct: Permission = serde_json::from_str(&json.to_string()).expect("decodes");
        assert_eq!(serde_json::to_value(&direct).expect("encodes"), json);

        let entries = decode_as_entries(&json, &json);
        assert_eq!(*entries[0].permission, direct, "{json}");
        assert_eq!(*entries[1].permission, direct, "{json}");
        assert!(Arc::ptr_eq(&entries[0].permission, &entries[1].permission));
    }
}

#[test]
fn a_permission_differing_in_any_field_is_not_shared() {
    let base = full_permission("2d7e4c60-af4c-4b70-9e83-5b2f8c3a1d99", false);
    for field in field_names::<Permission>() {
        let mut changed = base.clone();
        changed[*field] = match (*field, &base[*field]) {
            ("uuid", _) => json!("3e8f5d71-b05d-4c81-af94-6c309d4b2eaa"),
            (_, Value::String(text)) => json!(format!("{text} (changed)")),
            (_, other) => panic!("teach this test how to change `{field}` ({other})"),
        };
        let entries = decode_as_entries(&base, &changed);
        let expected: Permission = serde_json::from_value(changed.clone()).expect("decodes");
        assert_eq!(*entries[1].permission, expected, "`{field}` was changed");
        assert_ne!(entries[0].permission, entries[1].permission, "`{field}`");
    }
}
