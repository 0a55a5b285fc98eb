//! `crux users add-permissions|remove-permissions USER PERMISSION...`:
//! permissions given by UUID or by name.

use std::io::{self, Write};

use clap::Args;
use crux_api::types::endpoint::{USERS_ADD_PERMISSIONS, USERS_REMOVE_PERMISSIONS};
use crux_types::{PermissionId, UserId};
use serde::Serialize;

use crate::{
    cli::parse_id,
    commands::{Session, permissions},
    exit::{Exit, Failure},
    output::Render,
};

/// `crux users add-permissions|remove-permissions USER PERMISSION...`.
#[derive(Debug, Args)]
pub(crate) struct ChangePermissionsArgs {
    /// The user's UUID
    #[arg(value_name = "USER_UUID", value_parser = parse_id::<UserId>)]
    pub(crate) user: UserId,

    /// Permission UUIDs or names, such as view_org_users (see `crux permissions list`)
    #[arg(value_name = "PERMISSION", required = true, value_parser = parse_permission)]
    pub(crate) permissions: Vec<PermissionArg>,
}

/// A permission on the command line: its UUID, or its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PermissionArg {
    /// A permission UUID, sent as is.
    Id(PermissionId),
    /// A permission name, looked up in `crux permissions list`.
    Name(String),
}

fn parse_permission(text: &str) -> Result<PermissionArg, String> {
    if let Ok(id) = text.parse::<PermissionId>() {
        return Ok(PermissionArg::Id(id));
    }
    let name = text.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err("expected a permission UUID or name, such as view_org_users".to_owned());
    }
    Ok(PermissionArg::Name(name.to_owned()))
}

/// `crux users add-permissions USER PERMISSION...`.
pub(super) async fn add_permissions(
    s: &Session,
    args: ChangePermissionsArgs,
) -> Result<(), Failure> {
    let ids = resolve(s, &args.permissions).await?;
    let request = s.client().users().add_permissions(args.user, &ids);
    s.call(&USERS_ADD_PERMISSIONS, request).await?;
    s.render(&ChangeReport::new(&ADD, &args, &ids))
}

/// `crux users remove-permissions USER PERMISSION...`.
pub(super) async fn remove_permissions(
    s: &Session,
    args: ChangePermissionsArgs,
) -> Result<(), Failure> {
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
