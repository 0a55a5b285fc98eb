//! How connections and connection requests print.

use std::io::{self, Write};

use crux_types::{Connection, ConnectionRequest, ConnectionRequestCreated, ConnectionRequestPage};

use crate::{
    commands::{
        product::{date, text},
        stream::position,
    },
    output::{Fields, NONE, Render, Table},
};

/// The columns of a list of connection requests.
pub(super) const REQUEST_HEADERS: [&str; 5] =
    ["UUID", "ORGANIZATION", "CONTACT", "REQUESTED", "APPROVED"];

/// The cells of a request's row, under [`REQUEST_HEADERS`].
pub(super) fn request_row(request: &ConnectionRequest) -> [String; 5] {
    let or_dash = |value: &str| if value.trim().is_empty() { NONE } else { value }.to_owned();
    [
        request.record_uuid.to_string(),
        or_dash(text(request.org_name.as_ref())),
        or_dash(text(request.org_contact_full_name.as_ref())),
        request
            .request_date
            .as_ref()
            .map_or_else(|| NONE.to_owned(), date),
        approved(request),
    ]
}

fn approved(request: &ConnectionRequest) -> String {
    match request.is_approved {
        Some(true) => "yes",
        Some(false) => "no",
        None => NONE,
    }
    .to_owned()
}

/// UUID, ORGANIZATION, CONTACT, REQUESTED, APPROVED, then which of the
/// requests they are.
impl Render for ConnectionRequestPage {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&REQUEST_HEADERS);
        for request in &self.requests {
            table.row(request_row(request));
        }
        table.write_to(out)?;
        writeln!(out)?;
        let info = &self.pagination;
        let n = self.requests.len();
        writeln!(
            out,
            "{}",
            position("requests", n, info.start, info.total_count)
        )
    }
}

/// The request's fields, then its integrations.
impl Render for ConnectionRequest {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut fields = Fields::new();
        fields
            .field("UUID", self.record_uuid.to_string())
            .field("ORGANIZATION", text(self.org_name.as_ref()))
            .field("CONTACT", text(self.org_contact_full_name.as_ref()))
            .field("PHONE", text(self.primary_contact_phone.as_ref()))
            .field("EMAIL", text(self.primary_contact_email.as_ref()))
            .field(
                "ADDITIONAL INFO",
                text(self.additional_information.as_ref()),
            )
            .field(
                "REQUESTED",
                self.request_date.as_ref().map(date).unwrap_or_default(),
            )
            .field("APPROVED", approved(self))
            .field("FILES", self.uploaded_files.len().to_string());
        fields.write_to(out)?;
        if self.integrations.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        let mut table = Table::new(&["INTEGRATION", "TYPE", "FREQUENCY", "CREATED"]);
        for integration in &self.integrations {
            table.row([
                integration.record_uuid.to_string(),
                integration.integration_type.to_string(),
                text(integration.update_frequency.as_ref()).to_owned(),
                integration
                    .date_created
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ]);
        }
        table.write_to(out)
    }
}

/// REQUEST UUID, REQUESTED.
impl Render for ConnectionRequestCreated {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut fields = Fields::new();
        fields
            .field("REQUEST UUID", self.request_uuid.to_string())
            .field(
                "REQUESTED",
                self.request_date.as_ref().map(date).unwrap_or_default(),
            );
        fields.write_to(out)
    }
}

/// UUID, RETAILER, SUPPLIER, STATUS: each connection.
impl Render for Vec<Connection> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["UUID", "RETAILER", "SUPPLIER", "STATUS"]);
        for connection in self {
            table.row([
                connection.uuid.to_string(),
                connection.retailer.organization.organization.name.clone(),
                connection.supplier.organization.organization.name.clone(),
                connection.status.to_string(),
            ]);
        }
        table.write_to(out)
    }
}
