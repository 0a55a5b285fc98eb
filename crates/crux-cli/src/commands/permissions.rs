//! `crux permissions ...`.

use crux_types::Permission;

use super::{Session, print};
use crate::{
    cli::OutputFormat,
    exit::Failure,
    output::{NONE, Table},
};

/// The permission catalogue of the organization.
pub(super) async fn fetch(session: &Session) -> Result<Vec<Permission>, Failure> {
    session
        .client()
        .permissions()
        .list()
        .await
        .map_err(|e| session.failure(&e, "view_org_users"))
}

/// `crux permissions list`: every permission that can be granted.
pub(super) async fn list(session: &Session, format: OutputFormat) -> Result<(), Failure> {
    let permissions = fetch(session).await?;
    print(format, &permissions, |out| {
        permissions_table(&permissions).write_to(out)
    })
}

/// NAME, DISPLAY NAME, VISIBILITY, GROUPING.
fn permissions_table(permissions: &[Permission]) -> Table {
    let mut table = Table::new(&["NAME", "DISPLAY NAME", "VISIBILITY", "GROUPING"]);
    for permission in permissions {
        table.row([
            permission.name.as_str(),
            permission.display_name.as_str(),
            permission.visibility.as_ref().map_or(NONE, |v| v.as_str()),
            permission.grouping.as_deref().unwrap_or(NONE),
        ]);
    }
    table
}
