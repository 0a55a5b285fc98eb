//! [`Session`]: the client of a command, with what is needed to call an
//! endpoint, explain its errors and print its result.

use std::{future::IntoFuture, time::Duration};

#[cfg(feature = "mock")]
use crux_api::types::endpoint::USERS_LIST;
use crux_api::{
    Client, ClientBuilder, RetryPolicy,
    types::endpoint::{Caller, Endpoint},
};
#[cfg(feature = "mock")]
use crux_mock::MockServer;

#[cfg(feature = "mock")]
use super::note;
use crate::{
    auth::{self, Token, TokenSource},
    cli::{GlobalArgs, OutputFormat},
    exit::{Exit, Failure, chain},
    output::{Render, render},
};

/// A client, with what is needed to explain its errors and print results.
#[derive(Debug)]
pub(crate) struct Session {
    client: Client,
    token: Token,
    format: OutputFormat,
    /// The built-in sandbox behind `--mock`: it serves as long as this lives.
    #[cfg(feature = "mock")]
    _mock: Option<MockServer>,
}

impl Session {
    /// Builds the client from the global options: the token (`--mock`,
    /// `--token-file`, `CRUX_TOKEN`, the saved token file) and the server
    /// (`--mock`, `--base-url`, `--env`).
    pub(crate) async fn connect(global: &GlobalArgs) -> Result<Self, Failure> {
        #[cfg(feature = "mock")]
        let (builder, token, mock) = if global.mock {
            let (mock, token) = start_mock(global).await?;
            let builder = client_builder(global).base_url(mock.base_url());
            (builder, token, Some(mock))
        } else {
            let token = auth::resolve(global.token_file.as_deref())?;
            (client_builder(global), token, None)
        };
        // Without the sandbox, `commands::run` refused `--mock` already.
        #[cfg(not(feature = "mock"))]
        let (builder, token) = (
            client_builder(global),
            auth::resolve(global.token_file.as_deref())?,
        );
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
            format: global.output,
            #[cfg(feature = "mock")]
            _mock: mock,
        })
    }

    /// The client.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// Sends `request`, a call of `endpoint`; a failure is explained in one
    /// line, with what `endpoint` needs (its permissions, its organization
    /// type) read from the catalogue.
    pub(crate) async fn call<T>(
        &self,
        endpoint: &'static Endpoint,
        request: impl IntoFuture<Output = Result<T, crux_api::Error>>,
    ) -> Result<T, Failure> {
        request.await.map_err(|error| self.fail(endpoint, &error))
    }

    /// Explains `error`, a failed call of `endpoint`, in one line, as
    /// [`call`](Self::call) does.
    pub(crate) fn fail(&self, endpoint: &'static Endpoint, error: &crux_api::Error) -> Failure {
        explain(
            error,
            Some(self.token.source()),
            self.client.base_url(),
            endpoint,
        )
        .redact(self.token.secret())
    }

    /// The format of `--output`.
    pub(crate) fn format(&self) -> OutputFormat {
        self.format
    }

    /// [`call`](Self::call)s, then prints the result.
    pub(crate) async fn show<T: Render>(
        &self,
        endpoint: &'static Endpoint,
        request: impl IntoFuture<Output = Result<T, crux_api::Error>>,
    ) -> Result<(), Failure> {
        self.render(&self.call(endpoint, request).await?)
    }

    /// Prints `value` in the format of `--output`.
    pub(crate) fn render<T: Render + ?Sized>(&self, value: &T) -> Result<(), Failure> {
        render(self.format, value)
    }
}

/// A client builder for the server of the global options (`--base-url`,
/// else `--env`), without a token, retrying as crux-api does by default
/// (but see [`TEST_BACKOFF_ENV`]).
pub(crate) fn client_builder(global: &GlobalArgs) -> ClientBuilder {
    let builder = Client::builder()
        .environment(global.env.into())
        .retry(retry_policy(
            std::env::var(TEST_BACKOFF_ENV).ok().as_deref(),
        ));
    match &global.base_url {
        Some(url) => builder.base_url(url),
        None => builder,
    }
}

/// For tests only, hidden (not in `--help`): the environment variable that
/// replaces the retry backoff's starting ceiling (crux-api's 500 ms) with
/// this many milliseconds, so that the CLI's tests never wait for real
/// backoff (`CRUX_TEST_BACKOFF_MS=0`: retries at once). The attempts, the
/// cap on any delay and the handling of `Retry-After` stay as they are. A
/// value that is not a whole number of milliseconds is ignored. Documented in
/// the crate README's testing section.
pub(crate) const TEST_BACKOFF_ENV: &str = "CRUX_TEST_BACKOFF_MS";

/// crux-api's default retry policy, with the backoff of
/// [`TEST_BACKOFF_ENV`] (its value, if set).
fn retry_policy(test_backoff_ms: Option<&str>) -> RetryPolicy {
    let policy = RetryPolicy::new();
    match test_backoff_ms.and_then(|ms| ms.trim().parse::<u64>().ok()) {
        Some(ms) => policy.initial_backoff(Duration::from_millis(ms)),
        None => policy,
    }
}

/// Starts the built-in sandbox of `--mock`, with its faults, and picks its
/// user: the first demo user who may list the users (the retailer admin).
#[cfg(feature = "mock")]
async fn start_mock(global: &GlobalArgs) -> Result<(MockServer, Token), Failure> {
    let mock = MockServer::start().await.map_err(|e| {
        Failure::new(
            Exit::Other,
            format!("cannot start the built-in sandbox: {e}"),
        )
    })?;
    for fault in &global.mock_fault {
        mock.inject(fault.clone());
    }
    let needs = USERS_LIST.permissions;
    let user = mock
        .demo_users()
        .iter()
        .find(|user| needs.iter().all(|p| user.permissions.contains(p)))
        .ok_or_else(|| {
            Failure::new(
                Exit::Other,
                format!(
                    "the built-in sandbox has no user with {}",
                    needs.join(" and ")
                ),
            )
        })?;
    note(&format!(
        "using the built-in CRUX sandbox (crux-mock) as {}",
        user.username
    ));
    let token = Token::demo(user.token, user.username);
    Ok((mock, token))
}

/// What the message of a call of unknown outcome ends with.
pub(crate) const OUTCOME_UNKNOWN_ADVICE: &str =
    "; check whether it took effect before running it again";

/// Explains a failed call of `endpoint` in one line, with the exit code of
/// its class. `token` says where the token came from (`None`: a login).
/// The caller redacts its secrets.
pub(crate) fn explain(
    error: &crux_api::Error,
    token: Option<&TokenSource>,
    base_url: &str,
    endpoint: &Endpoint,
) -> Failure {
    let exit = Exit::of_api_error(error);
    let detail = chain(error);
    // 400 and 429 have no predicate of their own in crux-api.
    let status = error.status().map(|s| s.as_u16());
    let needs = endpoint.permissions.join(" and ");
    let mut message = match exit {
        Exit::Auth => match token {
            Some(source @ TokenSource::Saved(_)) => {
                format!("{source} was refused (run `crux login` again): {detail}")
            }
            Some(source) => format!("{source} was refused: {detail}"),
            None => format!("refused: {detail}"),
        },
        Exit::Permission if needs.is_empty() => format!("permission denied: {detail}"),
        Exit::Permission => format!("permission denied (this command needs {needs}): {detail}"),
        Exit::NotFound => format!("not found: {detail}"),
        Exit::Network => format!("cannot reach {base_url}: {detail}"),
        Exit::WrongOrgType => match org_types(endpoint.caller) {
            Some(types) => {
                format!("wrong organization type (this command is for {types} only): {detail}")
            }
            None => format!("wrong organization type for this endpoint: {detail}"),
        },
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
        message.push_str(OUTCOME_UNKNOWN_ADVICE);
    }
    Failure::new(exit, message)
}

/// The organizations that may call an endpoint of `caller`, when not all
/// may.
fn org_types(caller: Caller) -> Option<&'static str> {
    match caller {
        Caller::Retailer => Some("retailers"),
        Caller::Supplier => Some("suppliers"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crux_api::types::endpoint::{
        NOTIFICATIONS_UPDATE_SETTINGS, ORDERS_ADD_TRACKING, ORDERS_CREATE, ORGANIZATION_GET,
        USERS_LIST,
    };
    use crux_mock::{Fault, MockServer};

    use super::*;

    /// The error of a call answered with `status`.
    async fn error(status: u16) -> crux_api::Error {
        let mock = MockServer::start().await.unwrap();
        mock.inject(format!("status={status}").parse::<Fault>().unwrap());
        let client = Client::builder()
            .base_url(mock.base_url())
            .token(mock.demo_users()[0].token)
            .build()
            .unwrap();
        client.users().list().await.unwrap_err()
    }

    #[test]
    fn the_test_backoff_replaces_only_the_starting_backoff() {
        let default = format!("{:?}", RetryPolicy::new());
        assert!(default.contains("initial_backoff: 500ms"), "{default}");
        for ignored in [None, Some(""), Some("soon"), Some("-1"), Some("1.5")] {
            assert_eq!(
                format!("{:?}", retry_policy(ignored)),
                default,
                "{ignored:?}"
            );
        }
        let zero = default.replace("initial_backoff: 500ms", "initial_backoff: 0ns");
        assert_eq!(format!("{:?}", retry_policy(Some("0"))), zero);
        let some = default.replace("initial_backoff: 500ms", "initial_backoff: 7ms");
        assert_eq!(format!("{:?}", retry_policy(Some(" 7 "))), some);
    }

    #[tokio::test]
    async fn messages_say_what_the_endpoint_needs() {
        let conflict = error(409).await;
        let line = |endpoint| explain(&conflict, None, "", endpoint).message().to_owned();
        let for_retailers = "wrong organization type (this command is for retailers only): ";
        assert!(line(&ORDERS_CREATE).starts_with(for_retailers));
        let for_suppliers = "wrong organization type (this command is for suppliers only): ";
        assert!(line(&ORDERS_ADD_TRACKING).starts_with(for_suppliers));
        let for_both = "wrong organization type for this endpoint: ";
        assert!(line(&USERS_LIST).starts_with(for_both));

        let forbidden = error(403).await;
        let line = |endpoint| explain(&forbidden, None, "", endpoint).message().to_owned();
        let needs = "permission denied (this command needs view_notifications_settings and edit_email_notifications_preferences): ";
        assert!(line(&NOTIFICATIONS_UPDATE_SETTINGS).starts_with(needs));
        assert!(line(&ORGANIZATION_GET).starts_with("permission denied: GET "));
    }
}
