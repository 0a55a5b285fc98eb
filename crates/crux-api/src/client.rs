//! [`Client`]: the handle every endpoint method hangs off.

use std::{fmt, sync::Arc, time::Duration};

use crux_transport::SharedTransport;

use crate::{RetryStats, request::RequestHeaders, retry::BudgetState, rt::SharedAsyncSleep};

use crate::{
    ClientBuilder, RetryPolicy,
    config::{BaseUrl, Token},
    resources::{
        Catalogs, Connections, Discovery, InventoryLists, Items, Notifications, Orders,
        Organization, Permissions, Skus, Users,
    },
};

/// A CRUX Connect API client.
///
/// Cheap to clone (one `Arc`), `Send + Sync`: build one and share it; every
/// clone uses the same connection pool. Endpoints are grouped by resource:
/// [`users`](Self::users), [`permissions`](Self::permissions),
/// [`organization`](Self::organization), [`notifications`](Self::notifications),
/// [`catalogs`](Self::catalogs), [`items`](Self::items), [`skus`](Self::skus),
/// [`inventory_lists`](Self::inventory_lists) and, with the `accounting` feature, `subscription`, `payment_method` and
/// `transactions`. Each returns a handle (see [`crate::resources`]) whose
/// methods return a request value that you `.await`.
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
    /// The fixed headers of every request, made from `token`.
    pub(crate) headers: RequestHeaders,
    pub(crate) transport: SharedTransport,
    pub(crate) timeout: Duration,
    /// The per-request deadline the transport enforces itself, when the
    /// client built it (so the client sets no second timer).
    pub(crate) transport_timeout: Option<Duration>,
    pub(crate) call_timeout: Duration,
    pub(crate) max_response_body_bytes: usize,
    pub(crate) retry: RetryPolicy,
    /// The retry budget's bucket, made from `retry` at build time: shared by
    /// every clone (they share this `ClientInner`) and by the client a login
    /// returns, not by another built client.
    pub(crate) budget: Arc<BudgetState>,
    /// The timer of deadlines and backoff
    /// ([`ClientBuilder::sleep_impl`](crate::ClientBuilder::sleep_impl)).
    pub(crate) sleep: SharedAsyncSleep,
}

impl ClientInner {
    /// The same configuration with another token.
    pub(crate) fn with_token(&self, token: Token) -> Self {
        Self {
            base_url: self.base_url.clone(),
            headers: RequestHeaders::new(Some(&token)),
            token: Some(token),
            transport: self.transport.clone(),
            timeout: self.timeout,
            transport_timeout: self.transport_timeout,
            call_timeout: self.call_timeout,
            max_response_body_bytes: self.max_response_body_bytes,
            retry: self.retry.clone(),
            budget: Arc::clone(&self.budget),
            sleep: self.sleep.clone(),
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

    /// What this client and all its clones have retried so far: the retries
    /// made, the retries the [`RetryBudget`](crate::RetryBudget) refused to
    /// pay for (each a call that returned its failure at once), and the
    /// tokens left in the bucket.
    ///
    /// A call whose retry was refused ends with the error of its last attempt,
    /// like one that ran out of attempts; this count is how to tell them
    /// apart over time (compare it before and after, or watch it in metrics).
    ///
    /// ```
    /// let client = crux_api::Client::builder().token("my-token").build()?;
    /// let stats = client.retry_stats();
    /// assert_eq!((stats.retries, stats.budget_refusals), (0, 0));
    /// assert_eq!(stats.budget_tokens, Some(500), "the bucket starts full");
    /// # Ok::<(), crux_api::Error>(())
    /// ```
    pub fn retry_stats(&self) -> RetryStats {
        self.inner.budget.stats()
    }

    /// The users of your organization and their permissions:
    /// `list`, `get`, `permissions`, `add_permissions`, `remove_permissions`.
    pub fn users(&self) -> Users<'_> {
        Users::new(self)
    }

    /// The permissions that can be assigned: `list`.
    pub fn permissions(&self) -> Permissions<'_> {
        Permissions::new(self)
    }

    /// Your organization: `get`.
    pub fn organization(&self) -> Organization<'_> {
        Organization::new(self)
    }

    /// Dashboard notifications and notification settings: `list`,
    /// `settings`, `update_settings`.
    pub fn notifications(&self) -> Notifications<'_> {
        Notifications::new(self)
    }

    /// Catalogs (both organization types read them; suppliers create and
    /// fill them): `list`, `get`, `create`, `add_items`, `remove_items`,
    /// `add_items_by_search`, `remove_items_by_search`, `add_skus`,
    /// `remove_skus`.
    pub fn catalogs(&self) -> Catalogs<'_> {
        Catalogs::new(self)
    }

    /// Items (suppliers create them): `list`, `get`, `create`, `search`
    /// (one page), `export`, `export_by_search`.
    pub fn items(&self) -> Items<'_> {
        Items::new(self)
    }

    /// SKUs (suppliers create them): `list`, `get`, `create`.
    pub fn skus(&self) -> Skus<'_> {
        Skus::new(self)
    }

    /// Your inventory lists (retailers only): `list`, `get`, `create`,
    /// `add_items`, `remove_items`, `add_items_by_search`,
    /// `remove_items_by_search`, `add_skus`, `remove_skus`.
    pub fn inventory_lists(&self) -> InventoryLists<'_> {
        InventoryLists::new(self)
    }

    /// Orders (retailers create, quote and cancel them; suppliers allocate
    /// and track them): `search` (one page), `search_all`, `get`, `export`,
    /// `export_by_search`, `create`, `find_by_purchase_order_id`, `fees`,
    /// `cancel`, `cancel_item`, `add_tracking`, `allocate`.
    pub fn orders(&self) -> Orders<'_> {
        Orders::new(self)
    }

    /// Your connections (`list`, both types) and connection requests
    /// (retailers only): `create_request`, `requests` (one page),
    /// `requests_all`, `get_request`, `update_request`.
    pub fn connections(&self) -> Connections<'_> {
        Connections::new(self)
    }

    /// The discovery catalog's suppliers (retailers only): `suppliers` (one
    /// page), `suppliers_all`.
    pub fn discovery(&self) -> Discovery<'_> {
        Discovery::new(self)
    }

    /// Your subscription plan: `get` (feature `accounting`; unconfirmed
    /// endpoints, docs/spec-decisions.md, E-03).
    #[cfg(feature = "accounting")]
    pub fn subscription(&self) -> crate::resources::Subscription<'_> {
        crate::resources::Subscription::new(self)
    }

    /// Your payment method: `get` (feature `accounting`).
    #[cfg(feature = "accounting")]
    pub fn payment_method(&self) -> crate::resources::PaymentMethod<'_> {
        crate::resources::PaymentMethod::new(self)
    }

    /// Your billing transactions: `list`, `get`, `export` (feature
    /// `accounting`).
    #[cfg(feature = "accounting")]
    pub fn transactions(&self) -> crate::resources::Transactions<'_> {
        crate::resources::Transactions::new(self)
    }

    /// Subscription, payment method and transactions under their first
    /// names (feature `accounting`).
    #[cfg(feature = "accounting")]
    #[deprecated(
        note = "use client.subscription(), client.payment_method() and client.transactions()"
    )]
    #[allow(deprecated)]
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
            .field("sleep", &inner.sleep)
            .finish()
    }
}
