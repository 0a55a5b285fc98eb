//! `crux users ...`: the users of your organization and their
//! permissions. Giving and taking permissions is in [`changes`].

mod changes;

use std::io::{self, Write};

use clap::Subcommand;
use crux_api::types::endpoint::{
    Endpoint, PERMISSIONS_LIST, USERS_ADD_PERMISSIONS, USERS_GET, USERS_LIST, USERS_PERMISSIONS,
    USERS_REMOVE_PERMISSIONS,
};
use crux_types::{Permission, PermissionAssignments, User, UserId};

use self::changes::{ChangePermissionsArgs, add_permissions, remove_permissions};
use super::Session;
use crate::{
    cli::{about, deprecated_about, parse_id},
    exit::Failure,
    output::{Fields, NONE, Render, Table, or_none},
};

/// `crux users ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum UsersCommand {
    #[command(about = about("List every user of your organization", &USERS_LIST))]
    List,
    #[command(about = about("Show one user and the permissions assigned to them", &USERS_GET))]
    Get {
        /// The user's UUID
        #[arg(value_name = "USER_UUID", value_parser = parse_id::<UserId>)]
        user: UserId,
    },
    #[command(about = about(
        "Show every permission available to a user, assigned or not",
        &USERS_PERMISSIONS
    ))]
    Permissions {
        /// The user's UUID
        #[arg(value_name = "USER_UUID", value_parser = parse_id::<UserId>)]
        user: UserId,
    },
    #[command(about = by_name("Give permissions to a user", &USERS_ADD_PERMISSIONS))]
    AddPermissions(ChangePermissionsArgs),
    #[command(about = by_name("Take permissions from a user", &USERS_REMOVE_PERMISSIONS))]
    RemovePermissions(ChangePermissionsArgs),
    #[command(hide = true, about = deprecated_about(&USERS_ADD_PERMISSIONS))]
    Grant(ChangePermissionsArgs),
    #[command(hide = true, about = deprecated_about(&USERS_REMOVE_PERMISSIONS))]
    Revoke(ChangePermissionsArgs),
}

/// [`about`], with what a permission given by name needs: the permission
/// list.
fn by_name(text: &str, endpoint: &Endpoint) -> String {
    let names = PERMISSIONS_LIST.permissions.join(" and ");
    match endpoint.permissions {
        _ if names.is_empty() => about(text, endpoint),
        [] => format!("{text} (names need {names})"),
        needs => format!(
            "{text} (needs {}; names also need {names})",
            needs.join(" and ")
        ),
    }
}

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
