//! `crux users ...`.

use std::io::{self, Write};

use crux_types::{Permission, PermissionAssignments, PermissionId, User, UserId};
use serde::Serialize;

use super::{Out, Session, permissions, print};
use crate::{
    cli::{ChangePermissionsArgs, OutputFormat, PermissionArg, UsersCommand},
    exit::{Exit, Failure},
    output::{Fields, NONE, Table, or_none},
};

/// Runs `crux users ...`.
pub(super) async fn run(
    session: &Session,
    command: UsersCommand,
    format: OutputFormat,
) -> Result<(), Failure> {
    match command {
        UsersCommand::List => list(session, format).await,
        UsersCommand::Get { user } => get(session, user, format).await,
        UsersCommand::Permissions { user } => user_permissions(session, user, format).await,
        UsersCommand::Grant(args) => change(session, Change::Grant, args, format).await,
        UsersCommand::Revoke(args) => change(session, Change::Revoke, args, format).await,
    }
}

/// `crux users list`: every user of the organization.
async fn list(session: &Session, format: OutputFormat) -> Result<(), Failure> {
    let users = session
        .client()
        .users()
        .list()
        .await
        .map_err(|e| session.failure(&e, "view_org_users"))?;
    print(format, &users, |out| users_table(&users).write_to(out))
}

/// `crux users get USER`: the person, then the assigned permissions.
async fn get(session: &Session, id: UserId, format: OutputFormat) -> Result<(), Failure> {
    let user = session
        .client()
        .users()
        .get(id)
        .await
        .map_err(|e| session.failure(&e, "view_org_users"))?;
    print(format, &user, |out| write_user(out, &user))
}

/// `crux users permissions USER`: every permission available to the user.
async fn user_permissions(
    session: &Session,
    id: UserId,
    format: OutputFormat,
) -> Result<(), Failure> {
    let assignments = session
        .client()
        .users()
        .permissions(id)
        .await
        .map_err(|e| session.failure(&e, "view_org_users"))?;
    print(format, &assignments, |out| {
        assignments_table(&assignments).write_to(out)
    })
}

/// Grant or revoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Grant,
    Revoke,
}

/// What `crux users grant|revoke -o json` prints: the change made.
#[derive(Debug, Serialize)]
struct ChangeReport<'a> {
    user_uuid: UserId,
    action: &'static str,
    permission_uuids: &'a [PermissionId],
}

/// `crux users grant|revoke USER PERMISSION...`.
async fn change(
    session: &Session,
    change: Change,
    args: ChangePermissionsArgs,
    format: OutputFormat,
) -> Result<(), Failure> {
    let ids = resolve(session, &args.permissions).await?;
    let users = session.client().users();
    let (sent, action, done) = match change {
        Change::Grant => (
            users.add_permissions(args.user, &ids).await,
            "grant",
            "granted",
        ),
        Change::Revoke => (
            users.remove_permissions(args.user, &ids).await,
            "revoke",
            "revoked",
        ),
    };
    sent.map_err(|e| session.failure(&e, "edit_org_users"))?;
    let report = ChangeReport {
        user_uuid: args.user,
        action,
        permission_uuids: &ids,
    };
    let shown: Vec<String> = args
        .permissions
        .iter()
        .map(|p| match p {
            PermissionArg::Id(id) => id.to_string(),
            PermissionArg::Name(name) => name.clone(),
        })
        .collect();
    let preposition = if change == Change::Grant {
        "to"
    } else {
        "from"
    };
    print(format, &report, |out| {
        writeln!(
            out,
            "{done} {} {preposition} user {}",
            shown.join(", "),
            args.user
        )
    })
}

/// The permission ids of the arguments: UUIDs as given, names looked up in
/// the permission catalogue (fetched only when a name is given). An unknown
/// name is a usage error.
async fn resolve(session: &Session, args: &[PermissionArg]) -> Result<Vec<PermissionId>, Failure> {
    let catalogue = if args.iter().any(|a| matches!(a, PermissionArg::Name(_))) {
        permissions::fetch(session).await?
    } else {
        Vec::new()
    };
    let mut ids = Vec::with_capacity(args.len());
    for arg in args {
        let id = match arg {
            PermissionArg::Id(id) => *id,
            PermissionArg::Name(name) => catalogue
                .iter()
                .find(|p| &p.name == name)
                .map(|p| p.uuid)
                .ok_or_else(|| {
                    Failure::new(
                        Exit::Usage,
                        format!(
                            "unknown permission `{name}`: see `crux permissions list` for the names"
                        ),
                    )
                })?,
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// NAME, EMAIL, PHONE, STATUS, PERMISSIONS (the assigned ones).
fn users_table(users: &[User]) -> Table {
    let mut table = Table::new(&["NAME", "EMAIL", "PHONE", "STATUS", "PERMISSIONS"]);
    for user in users {
        let person = &user.person;
        let phone = person.phone.as_deref().map_or(NONE, or_none);
        let permissions: Vec<&str> = user
            .permission_assignments
            .assigned()
            .map(|p| p.name.as_str())
            .collect();
        let permissions = if permissions.is_empty() {
            NONE.to_owned()
        } else {
            permissions.join(",")
        };
        table.row([
            full_name(user).as_str(),
            person.email.as_str(),
            phone.trim(),
            user.status.as_str(),
            permissions.as_str(),
        ]);
    }
    table
}

fn full_name(user: &User) -> String {
    let person = &user.person;
    format!("{} {}", person.first_name.trim(), person.last_name.trim())
        .trim()
        .to_owned()
}

/// The user's fields, a blank line, and the assigned permissions.
fn write_user(out: &mut Out, user: &User) -> io::Result<()> {
    let person = &user.person;
    let mut fields = Fields::new();
    fields
        .field("UUID", user.uuid.to_string())
        .field("NAME", full_name(user))
        .field("EMAIL", &person.email)
        .field("PHONE", person.phone.as_deref().unwrap_or_default())
        .field("JOB TITLE", person.job_title.as_deref().unwrap_or_default())
        .field("STATUS", user.status.as_str());
    fields.write_to(out)?;
    writeln!(out)?;
    let assigned: Vec<&Permission> = user.permission_assignments.assigned().collect();
    if assigned.is_empty() {
        return writeln!(out, "no permissions assigned");
    }
    let mut table = Table::new(&["PERMISSION", "DISPLAY NAME", "GROUPING"]);
    for permission in assigned {
        table.row([
            permission.name.as_str(),
            permission.display_name.as_str(),
            permission.grouping.as_deref().unwrap_or(NONE),
        ]);
    }
    table.write_to(out)
}

/// ASSIGNED, NAME, DISPLAY NAME, GROUPING: every permission available.
fn assignments_table(assignments: &PermissionAssignments) -> Table {
    let mut table = Table::new(&["ASSIGNED", "NAME", "DISPLAY NAME", "GROUPING"]);
    for entry in &assignments.permissions {
        let permission = &entry.permission;
        table.row([
            if entry.assigned { "yes" } else { "no" },
            permission.name.as_str(),
            permission.display_name.as_str(),
            permission.grouping.as_deref().unwrap_or(NONE),
        ]);
    }
    table
}
