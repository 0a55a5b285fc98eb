//! `crux organization ...`.

use std::io::{self, Write};

use clap::Subcommand;
use crux_api::types::endpoint::ORGANIZATION_GET;
use crux_types::{AccountManager, Organization};

use super::Session;
use crate::{
    cli::about,
    exit::Failure,
    output::{Fields, Render},
};

/// `crux organization ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum OrganizationCommand {
    #[command(about = about("Show your organization and its account manager", &ORGANIZATION_GET))]
    Get,
}

/// Runs `crux organization ...`.
pub(super) async fn run(s: &Session, command: OrganizationCommand) -> Result<(), Failure> {
    match command {
        OrganizationCommand::Get => {
            s.show(&ORGANIZATION_GET, s.client().organization().get())
                .await
        }
    }
}

/// UUID, NAME, TYPE, STATUS, CREATED, ACTIVE SINCE, ACCOUNT MANAGER and
/// their contact details.
impl Render for Organization {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut fields = Fields::new();
        fields
            .field("UUID", self.uuid.to_string())
            .field("NAME", &self.name)
            .field("TYPE", self.org_type.as_str())
            .field("STATUS", self.status.as_str())
            .field("CREATED", self.created_date.to_string())
            .field(
                "ACTIVE SINCE",
                self.active_date.map(|d| d.to_string()).unwrap_or_default(),
            );
        match &self.account_manager {
            Some(manager) => account_manager(&mut fields, manager),
            None => {
                fields.field("ACCOUNT MANAGER", "");
            }
        }
        fields.write_to(out)
    }
}

fn account_manager(fields: &mut Fields, manager: &AccountManager) {
    let person = &manager.person;
    let name = format!("{} {}", person.first_name.trim(), person.last_name.trim());
    let name = match person.job_title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => format!("{} ({title})", name.trim()),
        _ => name.trim().to_owned(),
    };
    fields
        .field("ACCOUNT MANAGER", name)
        .field("MANAGER EMAIL", &person.email)
        .field("MANAGER PHONE", person.phone.as_deref().unwrap_or_default());
}
