//! [`ClientBuilder`] and [`Environment`].

use std::{fmt, sync::Arc, time::Duration};

use crux_transport::{SharedTransport, Transport};

use crux_types::{LoginRequest, LoginResponse, endpoint::LOGIN};

use crate::{
    Client, Error, RetryPolicy,
    client::ClientInner,
    config::{BaseUrl, Token},
    request::RequestHeaders,
    retry::BudgetState,
    rt::{AsyncSleep, SharedAsyncSleep},
};

/// The default per-request deadline.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default deadline of a whole call, retries included.
pub(crate) const DEFAULT_CALL_TIMEOUT: Duration = Duration::from_secs(120);
/// The default response size limit: 64 MiB, because the API's user, item and
/// SKU lists are unpaginated.
pub(crate) const DEFAULT_MAX_RESPONSE_BODY_BYTES: usize = 64 * 1024 * 1024;

/// Which CRUX deployment to talk to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Environment {
    /// `https://api-sandbox.cruxconnect.com`, the default.
    #[default]
    Sandbox,
    /// `https://api.cruxconnect.com`.
    Production,
}

impl Environment {
    /// The base URL of this environment.
    pub fn base_url(self) -> &'static str {
        match self {
            Self::Sandbox => "https://api-sandbox.cruxconnect.com",
            Self::Production => "https://api.cruxconnect.com",
        }
    }
}

/// Configures and builds a [`Client`].
///
/// ```
/// use std::time::Duration;
/// use crux_api::{Client, Environment};
///
/// let client = Client::builder()
///     .token("47d4yfbwymedhiudj384702984nakju4hajh395d")
///     .environment(Environment::Sandbox)
///     .timeout(Duration::from_secs(10))
///     .build()?;
/// # Ok::<(), crux_api::Error>(())
/// ```
#[derive(Clone, Default)]
#[must_use]
pub struct ClientBuilder {
    token: Option<String>,
    environment: Environment,
    base_url: Option<String>,
    transport: Option<SharedTransport>,
    timeout: Option<Duration>,
    call_timeout: Option<Duration>,
    max_response_body_bytes: Option<usize>,
    retry: RetryPolicy,
    sleep: Option<SharedAsyncSleep>,
}

impl ClientBuilder {
    /// A builder with the defaults: sandbox, 30 s timeout, 64 MiB limit.
    pub fn new() -> Self {
        Self::default()
    }

    /// The API token (from `POST /organizations/user-login/`), sent as
    /// `Authorization: Token <token>`. Required.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The deployment to call (default [`Environment::Sandbox`]). A
    /// [`base_url`](Self::base_url) takes precedence.
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// Another base URL, such as a local `crux-mock`. It must be `https`,
    /// except for a loopback host (`localhost`, `127.0.0.0/8`, `::1`).
    pub fn base_url(mut self, base_url: &str) -> Self {
        self.base_url = Some(base_url.to_owned());
        self
    }

    /// The HTTP stack to send requests through (default: the hyper
    /// transport). A [`SharedTransport`] is used as it is, not wrapped again.
    pub fn transport(mut self, transport: impl Transport + 'static) -> Self {
        self.transport = Some(SharedTransport::new(transport));
        self
    }

    /// The timer for deadlines and the backoff between retries (default
    /// [`TokioSleep`](crate::rt::TokioSleep), which needs a tokio runtime
    /// where calls are awaited). Set one to call from another executor; see
    /// [`rt`](crate::rt). A [`SharedAsyncSleep`] is used as it is.
    pub fn sleep_impl(mut self, sleep: impl AsyncSleep + 'static) -> Self {
        self.sleep = Some(SharedAsyncSleep::new(sleep));
        self
    }

    /// The deadline of each request, from sending to the last body byte
    /// (default 30 s). The client enforces it on its timer
    /// ([`sleep_impl`](Self::sleep_impl)), whatever the transport; a call
    /// that finds no timer fails with
    /// [`ErrorKind::NoTimer`](crate::ErrorKind::NoTimer) rather than run
    /// without it.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The deadline of a whole call, every retry and backoff included
    /// (default 120 s). No new attempt starts, and no backoff is waited, past it.
    pub fn call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = Some(timeout);
        self
    }

    /// How failed requests are retried (default [`RetryPolicy::new`]: at most
    /// 3 attempts, paid from a [`RetryBudget`](crate::RetryBudget) of 500
    /// tokens). [`RetryPolicy::disabled`] turns retries off. Each
    /// [`build`](Self::build) makes a new, full budget bucket, shared by the
    /// clones of that client only.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The largest response body accepted (default 64 MiB). The default
    /// transport stops reading past it; for any transport, a larger body is
    /// an [`ErrorKind::BodyTooLarge`](crate::ErrorKind::BodyTooLarge) error.
    pub fn max_response_body_bytes(mut self, max: usize) -> Self {
        self.max_response_body_bytes = Some(max);
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// Fails with [`ErrorKind::Config`](crate::ErrorKind::Config) on a
    /// missing token, a token with whitespace or control characters (the
    /// error never repeats it), or a base URL that is not `https` on a
    /// non-loopback host.
    pub fn build(self) -> Result<Client, Error> {
        let token = match self.token.as_deref() {
            Some(token) => Token::parse(token)?,
            None => {
                return Err(Error::invalid_token(
                    "no API token: call ClientBuilder::token",
                ));
            }
        };
        Ok(Client::from_inner(Arc::new(self.into_inner(Some(token))?)))
    }

    /// [`LOGIN`](crux_types::endpoint::LOGIN): exchanges a username and password
    /// for a token, the only call made without one. Returns a client that
    /// uses the new token (with this builder's base URL, transport and
    /// limits) and the login response (the user's organization and
    /// permissions). A token set on the builder is ignored.
    ///
    /// A login is a POST: it is retried only when it provably never reached
    /// the server.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), crux_api::Error> {
    /// let (client, login) = crux_api::Client::builder()
    ///     .login("user@mycompany.com", "crux_is_awesome")
    ///     .await?;
    /// println!("logged in to a {} organization", login.org_type);
    /// # Ok(()) }
    /// ```
    pub async fn login(
        self,
        username: &str,
        password: &str,
    ) -> Result<(Client, LoginResponse), Error> {
        let anonymous = Client::from_inner(Arc::new(self.into_inner(None)?));
        let request = LoginRequest {
            username: username.to_owned(),
            password: password.to_owned(),
        };
        let path = crate::endpoint_macro::path(&LOGIN, &[])?;
        let response: LoginResponse = anonymous.send_json(&LOGIN, &path, &request).await?;
        let token = Token::parse(response.auth_token.expose_secret())
            .map_err(|_| Error::invalid_token("the login response holds an unusable token"))?;
        let client = Client::from_inner(Arc::new(anonymous.inner.with_token(token)));
        Ok((client, response))
    }

    fn into_inner(self, token: Option<Token>) -> Result<ClientInner, Error> {
        let base_url = BaseUrl::parse(
            self.base_url
                .as_deref()
                .unwrap_or_else(|| self.environment.base_url()),
        )?;
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let max_body = self
            .max_response_body_bytes
            .unwrap_or(DEFAULT_MAX_RESPONSE_BODY_BYTES);
        let (transport, transport_timeout) = match self.transport {
            Some(transport) => (transport, None),
            None => (default_transport(timeout, max_body)?, Some(timeout)),
        };
        Ok(ClientInner {
            base_url,
            headers: RequestHeaders::new(token.as_ref()),
            token,
            transport,
            timeout,
            transport_timeout,
            call_timeout: self.call_timeout.unwrap_or(DEFAULT_CALL_TIMEOUT),
            max_response_body_bytes: max_body,
            budget: Arc::new(BudgetState::new(self.retry.budget)),
            retry: self.retry,
            sleep: self.sleep.unwrap_or_default(),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("environment", &self.environment)
            .field("base_url", &self.base_url)
            .field("transport", &self.transport)
            .field("timeout", &self.timeout)
            .field("call_timeout", &self.call_timeout)
            .field("max_response_body_bytes", &self.max_response_body_bytes)
            .field("retry", &self.retry)
            .field("sleep", &self.sleep)
            .finish()
    }
}

#[cfg(feature = "hyper")]
fn default_transport(timeout: Duration, max_body: usize) -> Result<SharedTransport, Error> {
    crux_transport::HyperTransport::builder()
        .request_timeout(timeout)
        .max_response_body_bytes(max_body)
        .build()
        .map(SharedTransport::new)
        .map_err(|e| Error::config("the default HTTP transport could not be built").with_source(e))
}

#[cfg(not(feature = "hyper"))]
fn default_transport(_timeout: Duration, _max_body: usize) -> Result<SharedTransport, Error> {
    Err(Error::config(
        "no transport: enable the `hyper` feature of crux-api or call ClientBuilder::transport",
    ))
}
