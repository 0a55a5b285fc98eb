//! The subcommands, and what they share: connecting to the API, explaining
//! its errors, writing the output.

mod accounting;
mod login;
mod mock;
mod notifications;
mod org;
mod permissions;
mod users;

use std::io::{self, BufWriter, StdoutLock, Write};

use crux_api::{Client, ClientBuilder};
use crux_mock::MockServer;
use serde::Serialize;

use crate::{
    auth::{self, Token, TokenSource},
    cli::{Cli, Command, GlobalArgs, MockCommand, OrgCommand, OutputFormat, PermissionsCommand},
    exit::{Exit, Failure, chain},
    output,
};

/// The permission the built-in sandbox's user must have: `--mock` runs as
/// the first demo user holding it (the retailer admin).
const MOCK_USER_PERMISSION: &str = "view_org_users";

/// Runs the parsed command line.
pub(crate) async fn run(cli: Cli) -> Result<(), Failure> {
    if cli.global.token.is_some() {
        return Err(Failure::new(
            Exit::Usage,
            "--token is not accepted: a token on the command line leaks into shell history and process listings; run `crux login`, set CRUX_TOKEN or pass --token-file PATH",
        ));
    }
    let Cli { global, command } = cli;
    let format = global.output;
    match command {
        Command::Login(args) => login::run(&global, &args).await,
        Command::Users { command } => {
            let session = Session::connect(&global).await?;
            users::run(&session, command, format).await
        }
        Command::Permissions {
            command: PermissionsCommand::List,
        } => {
            let session = Session::connect(&global).await?;
            permissions::list(&session, format).await
        }
        Command::Org {
            command: OrgCommand::Show,
        } => {
            let session = Session::connect(&global).await?;
            org::show(&session, format).await
        }
        Command::Notifications { command } => {
            let session = Session::connect(&global).await?;
            notifications::run(&session, command, format).await
        }
        Command::Accounting { command } => {
            let session = Session::connect(&global).await?;
            accounting::run(&session, command, format).await
        }
        Command::Mock {
            command: MockCommand::Serve(args),
        } => mock::serve(args).await,
    }
}

/// A client builder for the server of the global options (`--base-url`,
/// else `--env`), without a token.
fn client_builder(global: &GlobalArgs) -> ClientBuilder {
    let builder = Client::builder().environment(global.env.into());
    match &global.base_url {
        Some(url) => builder.base_url(url),
        None => builder,
    }
}

/// A client, with what is needed to explain its errors.
#[derive(Debug)]
pub(crate) struct Session {
    client: Client,
    token: Token,
    /// The built-in sandbox behind `--mock`: it serves as long as this lives.
    _mock: Option<MockServer>,
}

impl Session {
    /// Builds the client from the global options: the token (`--mock`,
    /// `--token-file`, `CRUX_TOKEN`, the saved token file) and the server
    /// (`--mock`, `--base-url`, `--env`).
    async fn connect(global: &GlobalArgs) -> Result<Self, Failure> {
        let (builder, token, mock) = if global.mock {
            let mock = MockServer::start().await.map_err(|e| {
                Failure::new(
                    Exit::Other,
                    format!("cannot start the built-in sandbox: {e}"),
                )
            })?;
            for fault in &global.mock_fault {
                mock.inject(fault.clone());
            }
            let user = mock
                .demo_users()
                .iter()
                .find(|user| user.permissions.contains(&MOCK_USER_PERMISSION))
                .ok_or_else(|| {
                    Failure::new(
                        Exit::Other,
                        format!("the built-in sandbox has no user with {MOCK_USER_PERMISSION}"),
                    )
                })?;
            note(&format!(
                "using the built-in CRUX sandbox (crux-mock) as {}",
                user.username
            ));
            let builder = client_builder(global).base_url(mock.base_url());
            (builder, Token::demo(user.token, user.username), Some(mock))
        } else {
            let token = auth::resolve(global.token_file.as_deref())?;
            (client_builder(global), token, None)
        };
        let client = builder.token(token.secret()).build().map_err(|e| {
            let message = if e.is_invalid_token() {
                // Say which token: crux-api's message never repeats it.
                format!(
                    "{} was refused: {}",
                    token.source(),
                    e.message().unwrap_or("invalid")
                )
            } else {
                chain(&e)
            };
            Failure::new(Exit::of_api_error(&e), message).redact(token.secret())
        })?;
        Ok(Self {
            client,
            token,
            _mock: mock,
        })
    }

    /// The client.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// Explains a failed call: what went wrong, in one line without the
    /// token, with the exit code of its class. `permission` is what the call
    /// needs, named on a 403.
    pub(crate) fn failure(&self, error: &crux_api::Error, permission: &str) -> Failure {
        explain(
            error,
            Some(self.token.source()),
            self.client.base_url(),
            permission,
        )
        .redact(self.token.secret())
    }
}

/// Explains a failed call in one line, with the exit code of its class.
/// `token` says where the token came from (`None`: a login), `permission`
/// what the call needs (empty: none in particular). The caller redacts its
/// secrets.
pub(crate) fn explain(
    error: &crux_api::Error,
    token: Option<&TokenSource>,
    base_url: &str,
    permission: &str,
) -> Failure {
    let exit = Exit::of_api_error(error);
    let detail = chain(error);
    // 400 and 429 have no predicate of their own in crux-api.
    let status = error.status().map(|s| s.as_u16());
    let mut message = match exit {
        Exit::Auth => match token {
            Some(source @ TokenSource::Saved(_)) => {
                format!("{source} was refused (run `crux login` again): {detail}")
            }
            Some(source) => format!("{source} was refused: {detail}"),
            None => format!("refused: {detail}"),
        },
        Exit::Permission if permission.is_empty() => format!("permission denied: {detail}"),
        Exit::Permission => {
            format!("permission denied (this command needs {permission}): {detail}")
        }
        Exit::NotFound => format!("not found: {detail}"),
        Exit::Network => format!("cannot reach {base_url}: {detail}"),
        Exit::WrongOrgType => {
            format!("wrong organization type for this endpoint: {detail}")
        }
        Exit::Server if error.status().is_some_and(|s| s.is_server_error()) => {
            format!("the server failed: {detail}")
        }
        Exit::Server if error.is_unprocessable() => {
            format!("the server cannot do this with the identifier given: {detail}")
        }
        Exit::Server if status == Some(429) => format!("rate limited: {detail}"),
        Exit::Server if status == Some(400) => format!("the server rejected the request: {detail}"),
        Exit::Server => format!("unexpected response: {detail}"),
        Exit::Other | Exit::Usage => detail,
    };
    if let Some(delay) = error.retry_after() {
        message.push_str(&format!(
            " (the server asks to retry after {}s)",
            delay.as_secs()
        ));
    }
    if error.attempts() > 1 {
        message.push_str(&format!(" (after {} attempts)", error.attempts()));
    }
    if error.is_outcome_unknown() {
        message.push_str("; check whether it took effect before running it again");
    }
    Failure::new(exit, message)
}

/// Writes a note on stderr (never stdout, which is for the command's data).
pub(crate) fn note(text: &str) {
    // Nothing to do if stderr is gone.
    let _ = writeln!(io::stderr().lock(), "note: {text}");
}

/// Buffered stdout, where commands write their data.
pub(crate) type Out = BufWriter<StdoutLock<'static>>;

/// Writes a command's output: `json` as pretty JSON with `-o json`, else
/// what `table` writes.
pub(crate) fn print<T: Serialize + ?Sized>(
    format: OutputFormat,
    json: &T,
    table: impl FnOnce(&mut Out) -> io::Result<()>,
) -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match format {
        OutputFormat::Table => table(&mut out),
        OutputFormat::Json => output::write_json(&mut out, json),
    };
    written.and_then(|()| out.flush()).or_else(write_failure)
}

/// The failure of writing the output; a closed pipe (`crux ... | head`) is
/// not one.
pub(crate) fn write_failure(error: io::Error) -> Result<(), Failure> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::Other,
            format!("cannot write the output: {error}"),
        ))
    }
}
