//! The subcommands, and what they share: connecting to the API.

mod mock;
mod users;

use std::io::{self, Write};

use crux_api::Client;
use crux_mock::MockServer;

use crate::{
    auth::{self, Token},
    cli::{Cli, Command, GlobalArgs, MockCommand, UsersCommand},
    exit::{Exit, Failure, with_root_cause},
};

/// The permission the built-in sandbox's user must have: `--mock` runs as
/// the first demo user holding it (the retailer admin).
const MOCK_USER_PERMISSION: &str = "view_org_users";

/// Runs the parsed command line.
pub(crate) async fn run(cli: Cli) -> Result<(), Failure> {
    if cli.global.token.is_some() {
        return Err(Failure::new(
            Exit::Usage,
            "--token is not accepted: a token on the command line leaks into shell history and process listings; set CRUX_TOKEN or pass --token-file PATH",
        ));
    }
    match cli.command {
        Command::Users {
            command: UsersCommand::List,
        } => {
            let session = Session::connect(&cli.global).await?;
            users::list(&session, cli.global.output).await
        }
        Command::Mock {
            command: MockCommand::Serve(args),
        } => mock::serve(args).await,
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
    /// `--token-file`, `CRUX_TOKEN`) and the server (`--mock`, `--base-url`,
    /// `--env`).
    async fn connect(global: &GlobalArgs) -> Result<Self, Failure> {
        let builder = Client::builder().environment(global.env.into());
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
            let builder = builder.base_url(mock.base_url());
            (builder, Token::demo(user.token, user.username), Some(mock))
        } else {
            let token = auth::resolve(global.token_file.as_deref())?;
            let builder = match &global.base_url {
                Some(url) => builder.base_url(url),
                None => builder,
            };
            (builder, token, None)
        };
        let client = builder.token(token.secret()).build().map_err(|e| {
            Failure::new(Exit::of_api_error(&e), with_root_cause(&e)).redact(token.secret())
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
        let exit = Exit::of_api_error(error);
        let detail = with_root_cause(error);
        let message = match exit {
            Exit::Auth => format!("{} was refused: {detail}", self.token.source()),
            Exit::Permission => {
                format!("permission denied (this command needs {permission}): {detail}")
            }
            Exit::NotFound => format!("not found: {detail}"),
            Exit::Network => format!("cannot reach {}: {detail}", self.client.base_url()),
            Exit::Server if error.status().is_some_and(|s| s.is_server_error()) => {
                format!("the server failed: {detail}")
            }
            Exit::Server => format!("unexpected response: {detail}"),
            Exit::Other | Exit::Usage => detail,
        };
        Failure::new(exit, message).redact(self.token.secret())
    }
}

/// Writes a note on stderr (never stdout, which is for the command's data).
fn note(text: &str) {
    // Nothing to do if stderr is gone.
    let _ = writeln!(io::stderr().lock(), "note: {text}");
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
