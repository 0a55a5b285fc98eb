//! `crux permissions ...`.

use std::io::{self, Write};

use clap::Subcommand;
use crux_api::types::endpoint::PERMISSIONS_LIST;
use crux_types::Permission;

use super::Session;
use crate::{
    cli::about,
    exit::Failure,
    output::{NONE, Render, Table},
};

/// `crux permissions ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum PermissionsCommand {
    #[command(about = about(
        "List the permissions that can be granted in your organization",
        &PERMISSIONS_LIST
    ))]
    List,
}

/// Runs `crux permissions ...`.
pub(super) async fn run(s: &Session, command: PermissionsCommand) -> Result<(), Failure> {
    match command {
        PermissionsCommand::List => s.render(&fetch(s).await?),
    }
}

/// The permissions that can be granted in the organization (also what
/// permission names are looked up in).
pub(super) async fn fetch(s: &Session) -> Result<Vec<Permission>, Failure> {
    s.call(&PERMISSIONS_LIST, s.client().permissions().list())
        .await
}

/// NAME, DISPLAY NAME, VISIBILITY, GROUPING.
impl Render for Vec<Permission> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["NAME", "DISPLAY NAME", "VISIBILITY", "GROUPING"]);
        for permission in self {
            table.row([
                permission.name.as_str(),
                permission.display_name.as_str(),
                permission.visibility.as_ref().map_or(NONE, |v| v.as_str()),
                permission.grouping.as_deref().unwrap_or(NONE),
            ]);
        }
        table.write_to(out)
    }
}
