//! The users and permissions endpoints (rows 3 to 7): user detail, the
//! permission catalogue, a user's assignments and their changes.

mod common;

use std::collections::BTreeSet;

use common::{
    LOGIN, USERS, assert_forbidden, buyer, call, finance, get, get_as, post_json, retailer_admin,
    send_json, send_raw, supply_admin, viewer, warehouse,
};
use crux_mock::{DEMO_PERMISSIONS, MockServer};
use crux_types::{
    LoginRequest, LoginResponse, Permission, PermissionAssignments, PermissionId, User,
    UserPermissionsChange,
};
use http::{Method, StatusCode};
use serde_json::json;

const ALL_PERMISSIONS: &str = "/organizations/all_permissions/";
const NOTIFICATIONS: &str = "/notifications/";

async fn server() -> MockServer {
    MockServer::start().await.expect("starts")
}

fn detail_path(uuid: &str) -> String {
    format!("/organizations/users/detail/{uuid}/")
}

fn permissions_path(uuid: &str) -> String {
    format!("/organizations/users/permissions/{uuid}/")
}

fn permission(name: &str) -> PermissionId {
    DEMO_PERMISSIONS
        .iter()
        .find(|p| p.name == name)
        .expect("permission exists")
        .uuid
        .parse()
        .expect("uuid")
}

fn change(names: &[&str]) -> UserPermissionsChange {
    names.iter().map(|name| permission(name)).collect()
}

fn assigned(assignments: &PermissionAssignments) -> BTreeSet<String> {
    assignments.assigned().map(|p| p.name.clone()).collect()
}

// ---------------------------------------------------------------------------
// GET /organizations/users/detail/{user_uuid}/

#[tokio::test]
async fn user_detail_is_the_user_as_the_list_shows_it() {
    let server = server().await;
    for admin in [retailer_admin(), supply_admin()] {
        let users: Vec<User> = get_as(&server, USERS, admin).await.decode();
        assert_eq!(users.len(), 4);
        for user in users {
            let path = detail_path(&user.uuid.to_string());
            let detail: User = get_as(&server, &path, admin).await.decode();
            assert_eq!(detail, user);
        }
    }
    // Any case of the hyphenated form.
    let path = detail_path(&viewer().user_uuid.to_uppercase());
    let detail: User = get_as(&server, &path, retailer_admin()).await.decode();
    assert_eq!(detail.uuid.to_string(), viewer().user_uuid);
}

#[tokio::test]
async fn user_detail_is_404_for_unknown_malformed_and_foreign_ids() {
    let server = server().await;
    let admin = retailer_admin();
    for id in [
        supply_admin().user_uuid, // another organization's user
        "d0000003-0000-4000-8000-000000000099",
        "not-a-uuid",
        "d00000030000400080000000000000001", // no hyphens
        "{d0000003-0000-4000-8000-000000000001}",
        "%FF%FE",
        "%20",
    ] {
        let reply = get_as(&server, &detail_path(id), admin).await;
        assert_eq!(
            reply.assert_detail(StatusCode::NOT_FOUND),
            "Not found.",
            "{id}"
        );
    }
    // 403 comes first, whatever the id.
    for user in [buyer(), warehouse()] {
        assert_forbidden(&get_as(&server, &detail_path(user.user_uuid), user).await);
        assert_forbidden(&get_as(&server, &detail_path("nope"), user).await);
    }
    // 401 before anything.
    let reply = get(&server, &detail_path(admin.user_uuid), None).await;
    reply.assert_detail(StatusCode::UNAUTHORIZED);
}

// ---------------------------------------------------------------------------
// GET /organizations/all_permissions/

#[tokio::test]
async fn all_permissions_are_those_visible_to_the_org_type() {
    let server = server().await;
    for (user, count) in [(viewer(), 16), (finance(), 18)] {
        let permissions: Vec<Permission> = get_as(&server, ALL_PERMISSIONS, user).await.decode();
        assert_eq!(permissions.len(), count, "{}", user.username);
        let expected: Vec<&str> = DEMO_PERMISSIONS
            .iter()
            .filter(|p| p.visible_to(user.org_type))
            .map(|p| p.uuid)
            .collect();
        let uuids: Vec<String> = permissions.iter().map(|p| p.uuid.to_string()).collect();
        assert_eq!(uuids, expected);
        // The same objects the users list shows.
        let users: Vec<User> = get_as(&server, USERS, user).await.decode();
        let listed: Vec<Permission> = users[0]
            .permission_assignments
            .permissions
            .iter()
            .map(|e| (*e.permission).clone())
            .collect();
        assert_eq!(permissions, listed);
    }
    assert_forbidden(&get_as(&server, ALL_PERMISSIONS, buyer()).await);
    assert_forbidden(&get_as(&server, ALL_PERMISSIONS, warehouse()).await);
}

// ---------------------------------------------------------------------------
// GET, PATCH and DELETE /organizations/users/permissions/{user_uuid}/

#[tokio::test]
async fn user_permissions_are_the_assignments_of_the_users_list() {
    let server = server().await;
    let users: Vec<User> = get_as(&server, USERS, finance()).await.decode();
    for user in &users {
        let path = permissions_path(&user.uuid.to_string());
        let assignments: PermissionAssignments = get_as(&server, &path, finance()).await.decode();
        assert_eq!(assignments, user.permission_assignments);
        assert_eq!(assignments.org_user.map(|u| u.uuid), Some(user.uuid));
    }
    let foreign = permissions_path(viewer().user_uuid);
    get_as(&server, &foreign, finance())
        .await
        .assert_detail(StatusCode::NOT_FOUND);
    assert_forbidden(&get_as(&server, &permissions_path(buyer().user_uuid), buyer()).await);
}

#[tokio::test]
async fn patch_then_delete_round_trips_through_every_read() {
    let server = server().await;
    let admin = retailer_admin();
    let target = viewer();
    let path = permissions_path(target.user_uuid);
    let names = ["edit_org_users", "view_payment_info"];

    // Before: the viewer has neither, and cannot read the payment method.
    let before: PermissionAssignments = get_as(&server, &path, admin).await.decode();
    assert!(names.iter().all(|n| !assigned(&before).contains(*n)));
    assert_forbidden(&get_as(&server, "/accounting/payment-methods/", target).await);

    // PATCH answers 200 with the updated assignments.
    let reply = send_json(&server, Method::PATCH, &path, admin, &change(&names)).await;
    let after: PermissionAssignments = reply.decode();
    let mut expected = assigned(&before);
    expected.extend(names.iter().map(|n| (*n).to_owned()));
    assert_eq!(assigned(&after), expected);
    assert_eq!(after.org_user, before.org_user);

    // Every read shows it: user permissions, user detail, users list, login.
    let read: PermissionAssignments = get_as(&server, &path, admin).await.decode();
    assert_eq!(read, after);
    let detail: User = get_as(&server, &detail_path(target.user_uuid), admin)
        .await
        .decode();
    assert_eq!(detail.permission_assignments, after);
    let users: Vec<User> = get_as(&server, USERS, admin).await.decode();
    let listed = users
        .iter()
        .find(|u| u.uuid == detail.uuid)
        .expect("listed");
    assert_eq!(listed.permission_assignments, after);
    let login = LoginRequest::new(target.username, target.password);
    let login: LoginResponse = post_json(&server, LOGIN, serde_json::to_string(&login).unwrap())
        .await
        .decode();
    assert_eq!(login.permission_assignments, after);

    // The viewer's token keeps working, with the new permissions.
    let reply = get_as(&server, "/accounting/payment-methods/", target).await;
    assert_eq!(reply.status, StatusCode::OK);

    // DELETE (a JSON body on a DELETE) takes them away again.
    let reply = send_json(&server, Method::DELETE, &path, admin, &change(&names)).await;
    let removed: PermissionAssignments = reply.decode();
    assert_eq!(removed, before);
    let read: PermissionAssignments = get_as(&server, &path, admin).await.decode();
    assert_eq!(read, before);
    assert_forbidden(&get_as(&server, "/accounting/payment-methods/", target).await);

    // Idempotent: removing again, or an empty list, changes nothing.
    let again: PermissionAssignments =
        send_json(&server, Method::DELETE, &path, admin, &change(&names))
            .await
            .decode();
    assert_eq!(again, before);
    let empty: PermissionAssignments =
        send_json(&server, Method::PATCH, &path, admin, &change(&[]))
            .await
            .decode();
    assert_eq!(empty, before);
}

#[tokio::test]
async fn permission_checks_use_the_current_permissions() {
    let server = server().await;
    let admin = supply_admin();
    let own = permissions_path(admin.user_uuid);
    assert_eq!(get_as(&server, USERS, admin).await.status, StatusCode::OK);

    send_json(
        &server,
        Method::DELETE,
        &own,
        admin,
        &change(&["view_org_users"]),
    )
    .await
    .decode::<PermissionAssignments>();
    assert_forbidden(&get_as(&server, USERS, admin).await);
    assert_forbidden(&get_as(&server, &own, admin).await);

    // Still has edit_org_users: can give it back.
    send_json(
        &server,
        Method::PATCH,
        &own,
        admin,
        &change(&["view_org_users"]),
    )
    .await
    .decode::<PermissionAssignments>();
    assert_eq!(get_as(&server, USERS, admin).await.status, StatusCode::OK);

    // State is per server: a new one starts from the demo data.
    let other = MockServer::start().await.expect("starts");
    let finance_path = permissions_path(finance().user_uuid);
    send_json(
        &server,
        Method::PATCH,
        &finance_path,
        admin,
        &change(&["view_order"]),
    )
    .await
    .decode::<PermissionAssignments>();
    assert_eq!(
        get_as(&server, NOTIFICATIONS, finance()).await.status,
        StatusCode::OK
    );
    assert_forbidden(&get_as(&other, NOTIFICATIONS, finance()).await);
}

#[tokio::test]
async fn permission_changes_reject_ids_the_org_cannot_hold() {
    let server = server().await;
    let admin = retailer_admin();
    let path = permissions_path(buyer().user_uuid);
    let before: PermissionAssignments = get_as(&server, &path, admin).await.decode();

    let supplier_only = permission("edit_items").to_string();
    let unknown = "d0000000-0000-4000-8000-000000000099";
    let valid = permission("view_org_users").to_string();
    for (method, ids) in [
        (Method::PATCH, vec![supplier_only.as_str()]),
        (Method::PATCH, vec![valid.as_str(), unknown]),
        (Method::DELETE, vec![unknown]),
        (Method::PATCH, vec!["not-a-uuid"]),
    ] {
        let body = json!({ "permission_uuids": ids }).to_string();
        let reply = call(&server, method.clone(), &path, admin, Some(body)).await;
        let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
        let bad = ids.last().expect("an id");
        assert_eq!(
            detail,
            format!("permission_uuids: Invalid pk \"{bad}\" - object does not exist."),
            "{method} {ids:?}"
        );
    }
    // All or nothing: the valid id of the mixed list was not assigned.
    let after: PermissionAssignments = get_as(&server, &path, admin).await.decode();
    assert_eq!(after, before);
}

#[tokio::test]
async fn permission_changes_check_403_then_404_then_the_body() {
    let server = server().await;
    let body = serde_json::to_string(&change(&["view_order"])).unwrap();
    // No edit_org_users: 403, even for an unknown user or a bad body.
    for user in [viewer(), finance()] {
        for method in [Method::PATCH, Method::DELETE] {
            let path = permissions_path(user.user_uuid);
            assert_forbidden(&call(&server, method.clone(), &path, user, Some(body.clone())).await);
            let reply = send_raw(&server, method, &permissions_path("x"), user, None, "").await;
            assert_forbidden(&reply);
        }
    }
    let admin = retailer_admin();
    // Another organization's user: 404, before the body is looked at.
    for (content_type, text) in [(Some("application/json"), body.as_str()), (None, "x")] {
        let path = permissions_path(supply_admin().user_uuid);
        let reply = send_raw(&server, Method::PATCH, &path, admin, content_type, text).await;
        reply.assert_detail(StatusCode::NOT_FOUND);
    }
    // The body: 415, then 400.
    let path = permissions_path(buyer().user_uuid);
    for content_type in [None, Some("text/plain")] {
        let reply = send_raw(&server, Method::DELETE, &path, admin, content_type, &body).await;
        let detail = reply.assert_detail(StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(detail.starts_with("Unsupported media type"), "{detail}");
    }
    for (text, expected) in [
        ("{\"permission_uuids\": [", "JSON parse error - "),
        ("", "JSON parse error - "),
        ("{}", "permission_uuids: This field is required."),
        (
            "{\"permission_uuids\": null}",
            "permission_uuids: This field may not be null.",
        ),
        (
            "{\"permission_uuids\": {}}",
            "permission_uuids: Expected a list of items but got type \"dict\".",
        ),
        (
            "{\"permission_uuids\": [7]}",
            "permission_uuids: Incorrect type. Expected pk value, received int.",
        ),
        ("[]", "Invalid data. Expected a dictionary, but got list."),
    ] {
        let reply = call(&server, Method::PATCH, &path, admin, Some(text.to_owned())).await;
        let detail = reply.assert_detail(StatusCode::BAD_REQUEST);
        assert!(detail.starts_with(expected), "{text:?}: {detail}");
    }
}
