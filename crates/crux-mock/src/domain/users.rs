//! `users.*`: the organization's users and their permission assignments.
//!
//! Add and Remove User Permissions document no response: the mock answers
//! the user's updated `PermissionAssignments`. A body naming a permission
//! the user's organization cannot hold (unknown, malformed, or of the
//! other organization type) is a 400, as DRF answers an invalid primary
//! key, and nothing changes.

use crux_types::{PermissionAssignments, PermissionId, User, UserId};
use serde_json::Value;

use super::fields::{self, type_name};
use super::{Actor, Body, DomainError, Outcome};
use crate::store::{Store, UserRow};

/// `users.list`: the users of the caller's organization, in dataset order.
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Vec<User>> {
    Ok(store
        .users
        .visible(actor.org)
        .map(|row| row.user.clone())
        .collect())
}

/// `users.get`: one user of the caller's organization; an unknown or
/// malformed id, or another organization's user, is the same 404.
pub(crate) fn get(store: &Store, actor: &Actor, id: &str) -> Outcome<User> {
    find(store, actor, id).map(|row| row.user.clone())
}

/// `users.permissions`: the user's assignments, as in the users list.
pub(crate) fn permissions(
    store: &Store,
    actor: &Actor,
    id: &str,
) -> Outcome<PermissionAssignments> {
    find(store, actor, id).map(|row| row.user.permission_assignments.clone())
}

/// `users.add_permissions`: assigns the body's `permission_uuids`.
pub(crate) fn add_permissions(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    body: Body,
) -> Outcome<PermissionAssignments> {
    change(store, actor, id, body, true)
}

/// `users.remove_permissions`: unassigns the body's `permission_uuids`.
pub(crate) fn remove_permissions(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    body: Body,
) -> Outcome<PermissionAssignments> {
    change(store, actor, id, body, false)
}

/// 404 for the user first, then the body; then all the permissions change,
/// or none.
fn change(
    store: &mut Store,
    actor: &Actor,
    id: &str,
    body: Body,
    assigned: bool,
) -> Outcome<PermissionAssignments> {
    let id = user_id(id)?;
    let row = store
        .users
        .find_visible_mut(&id, actor.org)
        .ok_or(DomainError::NotFound)?;
    let ids = permission_ids(&body?, row)?;
    row.set_assigned(&ids, assigned);
    Ok(row.user.permission_assignments.clone())
}

/// The user `id` if the actor's organization may see it.
fn find<'s>(store: &'s Store, actor: &Actor, id: &str) -> Outcome<&'s UserRow> {
    store
        .users
        .find_visible(&user_id(id)?, actor.org)
        .ok_or(DomainError::NotFound)
}

/// A user id of a path: the hyphenated UUID form only (any case), as the
/// API writes ids; other forms `Uuid` parses (no hyphens, braces) are 404.
fn user_id(text: &str) -> Outcome<UserId> {
    if text.len() == 36 {
        text.parse().map_err(|_| DomainError::NotFound)
    } else {
        Err(DomainError::NotFound)
    }
}

/// The `permission_uuids` of a body, each a permission `row` can hold; 400
/// with DRF's message for the first bad one. An empty list is valid.
fn permission_ids(body: &Value, row: &UserRow) -> Outcome<Vec<PermissionId>> {
    let object = fields::object(body)?;
    fields::require(object, &["permission_uuids"])?;
    let bad = |why: String| DomainError::invalid(format!("permission_uuids: {why}"));
    let Some(Value::Array(items)) = object.get("permission_uuids") else {
        let got = object.get("permission_uuids").map_or("NoneType", type_name);
        return Err(bad(format!(
            "Expected a list of items but got type \"{got}\"."
        )));
    };
    items
        .iter()
        .map(|item| match item {
            Value::String(text) => text
                .parse::<PermissionId>()
                .ok()
                .filter(|&id| row.can_hold(id))
                .ok_or_else(|| bad(format!("Invalid pk \"{text}\" - object does not exist."))),
            other => Err(bad(format!(
                "Incorrect type. Expected pk value, received {}.",
                type_name(other)
            ))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::demo::DEMO_PERMISSIONS;
    use crate::domain::testing::{actor, store, user_id};

    const ADMIN: &str = "admin@retail.demo.example";
    const BUYER: &str = "buyer@retail.demo.example";
    const SUPPLY_ADMIN: &str = "admin@supply.demo.example";

    #[test]
    fn each_organization_sees_its_own_users() {
        let store = store();
        let retail = list(&store, &actor(ADMIN)).expect("list");
        let supply = list(&store, &actor(SUPPLY_ADMIN)).expect("list");
        assert_eq!(retail.len(), 4);
        assert_eq!(supply.len(), 4);
        assert_eq!(retail[1].person.email, BUYER);
        let theirs = user_id(SUPPLY_ADMIN);
        assert_eq!(
            get(&store, &actor(ADMIN), theirs),
            Err(DomainError::NotFound)
        );
        assert!(get(&store, &actor(SUPPLY_ADMIN), theirs).is_ok());
    }

    #[test]
    fn malformed_ids_are_not_found() {
        let store = store();
        let admin = actor(ADMIN);
        let simple = user_id(ADMIN).replace('-', "");
        let upper = user_id(ADMIN).to_uppercase();
        for id in [
            "",
            "nope",
            simple.as_str(),
            "d0000003-0000-4000-8000-000000000099",
        ] {
            assert_eq!(get(&store, &admin, id), Err(DomainError::NotFound), "{id}");
        }
        assert!(get(&store, &admin, &upper).is_ok());
    }

    #[test]
    fn permissions_change_all_or_nothing() {
        let mut store = store();
        let admin = actor(ADMIN);
        let buyer = user_id(BUYER);
        let view_org_users = DEMO_PERMISSIONS[0].uuid;
        let edit_items = DEMO_PERMISSIONS[16].uuid; // supplier-only
        let body = |ids: &[&str]| Ok(json!({ "permission_uuids": ids }));

        let bad = add_permissions(
            &mut store,
            &admin,
            buyer,
            body(&[view_org_users, edit_items]),
        );
        assert_eq!(
            bad,
            Err(DomainError::invalid(format!(
                "permission_uuids: Invalid pk \"{edit_items}\" - object does not exist."
            )))
        );
        let before = permissions(&store, &admin, buyer).expect("read");
        assert!(!before.assigned().any(|p| p.name == "view_org_users"));

        let after =
            add_permissions(&mut store, &admin, buyer, body(&[view_org_users])).expect("ok");
        assert!(after.assigned().any(|p| p.name == "view_org_users"));
        let after =
            remove_permissions(&mut store, &admin, buyer, body(&[view_org_users])).expect("ok");
        assert_eq!(after, before);
    }

    #[test]
    fn the_user_is_found_before_the_body_is_read() {
        let mut store = store();
        let theirs = user_id(SUPPLY_ADMIN);
        let unreadable = Err(DomainError::UnsupportedMediaType("text/plain".into()));
        assert_eq!(
            add_permissions(&mut store, &actor(ADMIN), theirs, unreadable.clone()),
            Err(DomainError::NotFound)
        );
        assert_eq!(
            add_permissions(&mut store, &actor(ADMIN), user_id(BUYER), unreadable),
            Err(DomainError::UnsupportedMediaType("text/plain".into()))
        );
    }

    #[test]
    fn body_errors_name_the_field() {
        let mut store = store();
        let admin = actor(ADMIN);
        let mut detail =
            |body: Value| match add_permissions(&mut store, &admin, user_id(BUYER), Ok(body)) {
                Err(DomainError::Invalid(detail)) => detail,
                other => panic!("not a 400: {other:?}"),
            };
        assert_eq!(
            detail(json!({})),
            "permission_uuids: This field is required."
        );
        assert_eq!(
            detail(json!({"permission_uuids": "x"})),
            "permission_uuids: Expected a list of items but got type \"str\"."
        );
        assert_eq!(
            detail(json!({"permission_uuids": [1]})),
            "permission_uuids: Incorrect type. Expected pk value, received int."
        );
        assert_eq!(
            detail(json!({"permission_uuids": ["nope"]})),
            "permission_uuids: Invalid pk \"nope\" - object does not exist."
        );
        assert_eq!(
            detail(json!([])),
            "Invalid data. Expected a dictionary, but got list."
        );
    }
}
