//! `crux users ...`.

use std::io::{self, Write};

use crux_api::types::endpoint::{
    USERS_ADD_PERMISSIONS, USERS_GET, USERS_LIST, USERS_PERMISSIONS, USERS_REMOVE_PERMISSIONS,
};
use crux_types::{Permission, PermissionAssignments, PermissionId, User, UserId};
use serde::Serialize;

use super::{Session, permissions};
use crate::{
    cli::{ChangePermissionsArgs, PermissionArg, UsersCommand},
    exit::{Exit, Failure},
    output::{Fields, NONE, Render, Table, or_none},
};

/// Runs `crux users ...`.
pub(super) async fn run(s: &Session, command: UsersCommand) -> Result<(), Failure> {
    let users = s.client().users();
    match command {
        UsersCommand::List => s.show(&USERS_LIST, users.list()).await,
        UsersCommand::Get { user } => s.show(&USERS_GET, users.get(user)).await,
        UsersCommand::Permissions { user } => {
            s.show(&USERS_PERMISSIONS, users.permissions(user)).await
        }
        // `grant` and `revoke`: their deprecated names.
        UsersCommand::AddPermissions(args) | UsersCommand::Grant(args) => {
            add_permissions(s, args).await
        }
        UsersCommand::RemovePermissions(args) | UsersCommand::Revoke(args) => {
            remove_permissions(s, args).await
        }
    }
}

/// `crux users add-permissions USER PERMISSION...`.
async fn add_permissions(s: &Session, args: ChangePermissionsArgs) -> Result<(), Failure> {
    let ids = resolve(s, &args.permissions).await?;
    let request = s.client().users().add_permissions(args.user, &ids);
    s.call(&USERS_ADD_PERMISSIONS, request).await?;
    s.render(&ChangeReport::new(&ADD, &args, &ids))
}

/// `crux users remove-permissions USER PERMISSION...`.
async fn remove_permissions(s: &Session, args: ChangePermissionsArgs) -> Result<(), Failure> {
    let ids = resolve(s, &args.permissions).await?;
    let request = s.client().users().remove_permissions(args.user, &ids);
    s.call(&USERS_REMOVE_PERMISSIONS, request).await?;
    s.render(&ChangeReport::new(&REMOVE, &args, &ids))
}

/// How a change of permissions is reported: its `action` in JSON (the
/// names of the last release, kept for scripts), and the table line's words.
#[derive(Debug)]
struct Change {
    action: &'static str,
    done: &'static str,
    preposition: &'static str,
}

const ADD: Change = Change {
    action: "grant",
    done: "granted",
    preposition: "to",
};

const REMOVE: Change = Change {
    action: "revoke",
    done: "revoked",
    preposition: "from",
};

/// What `crux users add-permissions|remove-permissions` prints: the change
/// made.
#[derive(Debug, Serialize)]
struct ChangeReport<'a> {
    user_uuid: UserId,
    action: &'static str,
    permission_uuids: &'a [PermissionId],
    /// The table line's words.
    #[serde(skip)]
    change: &'static Change,
    /// The permissions as given: names or UUIDs.
    #[serde(skip)]
    given: Vec<String>,
}

impl<'a> ChangeReport<'a> {
    fn new(change: &'static Change, args: &ChangePermissionsArgs, ids: &'a [PermissionId]) -> Self {
        let given = args
            .permissions
            .iter()
            .map(|p| match p {
                PermissionArg::Id(id) => id.to_string(),
                PermissionArg::Name(name) => name.clone(),
            })
            .collect();
        Self {
            user_uuid: args.user,
            action: change.action,
            permission_uuids: ids,
            change,
            given,
        }
    }
}

/// `granted view_org_users to user <uuid>`.
impl Render for ChangeReport<'_> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let Change {
            done, preposition, ..
        } = self.change;
        let given = self.given.join(", ");
        writeln!(out, "{done} {given} {preposition} user {}", self.user_uuid)
    }
}

/// The permission ids of the arguments: UUIDs as given, names looked up in
/// the permission list (fetched only when a name is given). An unknown
/// name is a usage error.
async fn resolve(s: &Session, args: &[PermissionArg]) -> Result<Vec<PermissionId>, Failure> {
    let catalogue = if args.iter().any(|a| matches!(a, PermissionArg::Name(_))) {
        permissions::fetch(s).await?
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
impl Render for Vec<User> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["NAME", "EMAIL", "PHONE", "STATUS", "PERMISSIONS"]);
        for user in self {
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
        table.write_to(out)
    }
}

fn full_name(user: &User) -> String {
    let person = &user.person;
    format!("{} {}", person.first_name.trim(), person.last_name.trim())
        .trim()
        .to_owned()
}

/// The user's fields, a blank line, and the assigned permissions.
impl Render for User {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let user = self;
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
}

/// ASSIGNED, NAME, DISPLAY NAME, GROUPING: every permission available.
impl Render for PermissionAssignments {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["ASSIGNED", "NAME", "DISPLAY NAME", "GROUPING"]);
        for entry in &self.permissions {
            let permission = &entry.permission;
            table.row([
                if entry.assigned { "yes" } else { "no" },
                permission.name.as_str(),
                permission.display_name.as_str(),
                permission.grouping.as_deref().unwrap_or(NONE),
            ]);
        }
        table.write_to(out)
    }
}
