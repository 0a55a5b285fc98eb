//! `crux users ...`.

use std::io::{self, BufWriter, Write};

use crux_types::User;

use super::{Session, write_failure};
use crate::{cli::OutputFormat, exit::Failure, output::Table};

/// `crux users list`: every user of the organization.
pub(super) async fn list(session: &Session, format: OutputFormat) -> Result<(), Failure> {
    let users = session
        .client()
        .users()
        .list()
        .await
        .map_err(|e| session.failure(&e, "view_org_users"))?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match format {
        OutputFormat::Table => users_table(&users).write_to(&mut out),
        OutputFormat::Json => write_json(&mut out, &users),
    };
    written.and_then(|()| out.flush()).or_else(write_failure)
}

/// NAME, EMAIL, PHONE, STATUS, PERMISSIONS (the assigned ones).
fn users_table(users: &[User]) -> Table {
    let mut table = Table::new(&["NAME", "EMAIL", "PHONE", "STATUS", "PERMISSIONS"]);
    for user in users {
        let person = &user.person;
        let name = format!("{} {}", person.first_name.trim(), person.last_name.trim());
        let phone = match person.phone.as_deref().map(str::trim) {
            Some(phone) if !phone.is_empty() => phone,
            _ => "-",
        };
        let permissions: Vec<&str> = user
            .permission_assignments
            .assigned()
            .map(|p| p.name.as_str())
            .collect();
        let permissions = if permissions.is_empty() {
            "-".to_owned()
        } else {
            permissions.join(",")
        };
        table.row([
            name.trim(),
            person.email.as_str(),
            phone,
            user.status.as_str(),
            permissions.as_str(),
        ]);
    }
    table
}

/// The users as the API's JSON (pretty, one trailing newline).
fn write_json(out: &mut impl Write, users: &[User]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, users).map_err(io::Error::from)?;
    writeln!(out)
}
