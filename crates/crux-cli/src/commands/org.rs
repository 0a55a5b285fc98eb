//! `crux org ...`.

use crux_types::{AccountManager, Organization};

use super::{Session, print};
use crate::{cli::OutputFormat, exit::Failure, output::Fields};

/// `crux org show`: the organization, as key/value lines.
pub(super) async fn show(session: &Session, format: OutputFormat) -> Result<(), Failure> {
    let organization = session
        .client()
        .organization()
        .get()
        .await
        .map_err(|e| session.failure(&e, ""))?;
    print(format, &organization, |out| {
        organization_fields(&organization).write_to(out)
    })
}

/// UUID, NAME, TYPE, STATUS, CREATED, ACTIVE SINCE, ACCOUNT MANAGER and
/// their contact details.
fn organization_fields(organization: &Organization) -> Fields {
    let mut fields = Fields::new();
    fields
        .field("UUID", organization.uuid.to_string())
        .field("NAME", &organization.name)
        .field("TYPE", organization.org_type.as_str())
        .field("STATUS", organization.status.as_str())
        .field("CREATED", organization.created_date.to_string())
        .field(
            "ACTIVE SINCE",
            organization
                .active_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
    match &organization.account_manager {
        Some(manager) => account_manager(&mut fields, manager),
        None => {
            fields.field("ACCOUNT MANAGER", "");
        }
    }
    fields
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
