//! `crux connections ...`: your connections (both organization types), and
//! the connection requests a retailer sends to suppliers. How they print is
//! in [`render`].

mod render;

use std::path::PathBuf;

use clap::{Args, Subcommand};
use crux_api::types::endpoint::{
    CONNECTIONS_CREATE_REQUEST, CONNECTIONS_GET_REQUEST, CONNECTIONS_LIST, CONNECTIONS_REQUESTS,
    CONNECTIONS_UPDATE_REQUEST,
};
use crux_types::{
    ConnectionRequest, ConnectionRequestId, ConnectionRequestUpdate, NewConnectionRequest,
};

use self::render::{REQUEST_HEADERS, request_row};
use super::{
    Session, body,
    done::Done,
    stream::{Columns, print_all},
};
use crate::{
    cli::{about, parse_id},
    exit::Failure,
};

/// `crux connections ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum ConnectionsCommand {
    #[command(about = about("List your connections", &CONNECTIONS_LIST))]
    List,
    #[command(about = about(
        "Ask a supplier for a connection",
        &CONNECTIONS_CREATE_REQUEST
    ))]
    CreateRequest(RequestArgs),
    #[command(about = about(
        "List your connection requests: one page, or every page with --all",
        &CONNECTIONS_REQUESTS
    ))]
    Requests(RequestsArgs),
    #[command(about = about("Show one connection request", &CONNECTIONS_GET_REQUEST))]
    GetRequest {
        /// The request's UUID (`record_uuid`)
        #[arg(value_name = "REQUEST_UUID", value_parser = parse_id::<ConnectionRequestId>)]
        request: ConnectionRequestId,
    },
    #[command(about = about(
        "Change a connection request",
        &CONNECTIONS_UPDATE_REQUEST
    ))]
    UpdateRequest {
        /// The request's UUID (`record_uuid`)
        #[arg(value_name = "REQUEST_UUID", value_parser = parse_id::<ConnectionRequestId>)]
        request: ConnectionRequestId,
        #[command(flatten)]
        fields: UpdateArgs,
    },
}

/// The fields of a connection request the flags give.
#[derive(Debug, Args)]
pub(crate) struct Contact {
    /// The name of your primary contact
    #[arg(long, value_name = "NAME")]
    contact_name: Option<String>,
    /// Their phone number
    #[arg(long, value_name = "PHONE")]
    contact_phone: Option<String>,
    /// Their email address
    #[arg(long, value_name = "EMAIL")]
    contact_email: Option<String>,
    /// Your account number at the supplier
    #[arg(long, value_name = "NUMBER")]
    account_number: Option<String>,
    /// Anything else the supplier should know
    #[arg(long, value_name = "TEXT")]
    info: Option<String>,
}

/// `crux connections create-request`: the body from flags, or as JSON.
#[derive(Debug, Args)]
pub(crate) struct RequestArgs {
    /// The supplier's name
    #[arg(long, value_name = "NAME", required_unless_present = "json")]
    organization_name: Option<String>,
    #[command(flatten)]
    contact: Contact,
    /// The whole body as JSON (`NewConnectionRequest`, with integrations), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = [
            "organization_name", "contact_name", "contact_phone", "contact_email",
            "account_number", "info",
        ]
    )]
    json: Option<PathBuf>,
}

/// `crux connections update-request REQUEST`: the changes from flags, or as
/// JSON.
#[derive(Debug, Args)]
pub(crate) struct UpdateArgs {
    /// The supplier's name
    #[arg(
        long,
        value_name = "NAME",
        required_unless_present_any = [
            "contact_name", "contact_phone", "contact_email", "account_number", "info", "json",
        ]
    )]
    organization_name: Option<String>,
    #[command(flatten)]
    contact: Contact,
    /// The whole change as JSON (`ConnectionRequestUpdate`), from a file or - for standard input, instead of the flags
    #[arg(
        long,
        value_name = body::VALUE_NAME,
        value_parser = body::parse_path,
        conflicts_with_all = [
            "organization_name", "contact_name", "contact_phone", "contact_email", "account_number", "info",
        ]
    )]
    json: Option<PathBuf>,
}

/// `crux connections requests`: a page, or every page.
#[derive(Debug, Args)]
pub(crate) struct RequestsArgs {
    /// The 0-based index of the first request
    #[arg(long, value_name = "N")]
    start: Option<u32>,
    /// How many requests a page holds
    #[arg(long, value_name = "N")]
    limit: Option<u32>,
    /// Every page, from the first: rows are printed as they arrive (with -o json, one JSON object per line)
    #[arg(long, conflicts_with_all = ["start", "limit"])]
    all: bool,
}

/// The columns of `requests --all`, of fixed widths.
const COLUMNS: Columns<ConnectionRequest> = Columns {
    headers: &REQUEST_HEADERS,
    widths: &[36, 24, 24, 10, 0],
    row: |request| request_row(request).to_vec(),
    noun: ("request", "requests"),
};

/// Runs `crux connections ...`.
pub(super) async fn run(s: &Session, command: ConnectionsCommand) -> Result<(), Failure> {
    let connections = s.client().connections();
    match command {
        ConnectionsCommand::List => s.show(&CONNECTIONS_LIST, connections.list()).await,
        ConnectionsCommand::CreateRequest(args) => {
            let body = args.body()?;
            let request = connections.create_request(&body);
            s.show(&CONNECTIONS_CREATE_REQUEST, request).await
        }
        ConnectionsCommand::Requests(args) if args.all => {
            let requests = connections.requests_all();
            print_all(s, &CONNECTIONS_REQUESTS, requests, &COLUMNS).await
        }
        ConnectionsCommand::Requests(args) => {
            let mut request = connections.requests();
            if let Some(start) = args.start {
                request = request.start(start);
            }
            if let Some(limit) = args.limit {
                request = request.limit(limit);
            }
            s.show(&CONNECTIONS_REQUESTS, request).await
        }
        ConnectionsCommand::GetRequest { request } => {
            let call = connections.get_request(request);
            s.show(&CONNECTIONS_GET_REQUEST, call).await
        }
        ConnectionsCommand::UpdateRequest { request, fields } => {
            let body = fields.body()?;
            let call = connections.update_request(request, &body);
            s.call(&CONNECTIONS_UPDATE_REQUEST, call).await?;
            s.render(&Done::updated_request(request, &body))
        }
    }
}

impl RequestArgs {
    fn body(self) -> Result<NewConnectionRequest, Failure> {
        if let Some(path) = &self.json {
            return body::read_json(path, "connection request");
        }
        let c = self.contact;
        Ok(NewConnectionRequest {
            organization_name: self.organization_name.unwrap_or_default(),
            primary_contact_name: c.contact_name.unwrap_or_default(),
            primary_contact_phone: c.contact_phone,
            primary_contact_email: c.contact_email,
            retailer_account_number: c.account_number,
            additional_information: c.info,
            ..NewConnectionRequest::default()
        })
    }
}

impl UpdateArgs {
    fn body(self) -> Result<ConnectionRequestUpdate, Failure> {
        if let Some(path) = &self.json {
            return body::read_json(path, "connection request update");
        }
        let c = self.contact;
        Ok(ConnectionRequestUpdate {
            organization_name: self.organization_name,
            primary_contact_name: c.contact_name,
            primary_contact_phone: c.contact_phone,
            primary_contact_email: c.contact_email,
            retailer_account_number: c.account_number,
            additional_information: c.info,
            ..ConnectionRequestUpdate::default()
        })
    }
}
