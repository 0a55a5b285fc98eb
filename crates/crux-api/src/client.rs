//! [`Client`]: the handle every endpoint method hangs off.

use std::{fmt, sync::Arc, time::Duration};

use crux_transport::SharedTransport;

use crate::{
    ClientBuilder, RetryPolicy,
    config::{BaseUrl, Token},
    organization::{Notifications, Organizations, Permissions, Users},
};

/// A CRUX Connect API client.
///
/// Cheap to clone (one `Arc`), `Send + Sync`: build one and share it; every
/// clone uses the same connection pool. Endpoints are grouped by API domain:
/// [`users`](Self::users), [`permissions`](Self::permissions),
/// [`organization`](Self::organization), [`notifications`](Self::notifications)
/// and, with the `accounting` feature, `accounting`. Each method returns a request value that you
/// `.await`.
///
/// ```no_run
/// # async fn run() -> Result<(), crux_api::Error> {
/// let client = crux_api::Client::builder().token("my-token").build()?;
/// for user in client.users().list().await? {
///     println!("{} {}", user.person.first_name, user.person.last_name);
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) base_url: BaseUrl,
    /// `None` only for the anonymous client that logs in.
    pub(crate) token: Option<Token>,
    pub(crate) transport: SharedTransport,
    pub(crate) timeout: Duration,
    /// The per-request deadline the transport enforces itself, when the
    /// client built it (so the client sets no second timer).
    pub(crate) transport_timeout: Option<Duration>,
    pub(crate) call_timeout: Duration,
    pub(crate) max_response_body_bytes: usize,
    pub(crate) retry: RetryPolicy,
}

impl ClientInner {
    /// The same configuration with another token.
    pub(crate) fn with_token(&self, token: Token) -> Self {
        Self {
            base_url: self.base_url.clone(),
            token: Some(token),
            transport: self.transport.clone(),
            timeout: self.timeout,
            transport_timeout: self.transport_timeout,
            call_timeout: self.call_timeout,
            max_response_body_bytes: self.max_response_body_bytes,
            retry: self.retry.clone(),
        }
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    pub(crate) fn from_inner(inner: Arc<ClientInner>) -> Self {
        Self { inner }
    }

    /// The base URL requests go to, such as `https://api-sandbox.cruxconnect.com`.
    pub fn base_url(&self) -> &str {
        self.inner.base_url.as_str()
    }

    /// The organization's users and their permissions: `/organizations/users/...`.
    pub fn users(&self) -> Users<'_> {
        Users::new(self)
    }

    /// The permissions that can be assigned: `/organizations/all_permissions/`.
    pub fn permissions(&self) -> Permissions<'_> {
        Permissions::new(self)
    }

    /// Your organization: `/organizations/`.
    pub fn organization(&self) -> Organizations<'_> {
        Organizations::new(self)
    }

    /// Dashboard notifications and notification settings: `/notifications/...`.
    pub fn notifications(&self) -> Notifications<'_> {
        Notifications::new(self)
    }

    /// Subscription, payment method and transactions (feature `accounting`;
    /// unconfirmed endpoints, ERRATA E-03).
    #[cfg(feature = "accounting")]
    pub fn accounting(&self) -> crate::accounting::Accounting<'_> {
        crate::accounting::Accounting::new(self)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        f.debug_struct("Client")
            .field("base_url", &inner.base_url.as_str())
            .field("token", &inner.token)
            .field("transport", &inner.transport)
            .field("timeout", &inner.timeout)
            .field("call_timeout", &inner.call_timeout)
            .field("max_response_body_bytes", &inner.max_response_body_bytes)
            .field("retry", &inner.retry)
            .finish()
    }
}
