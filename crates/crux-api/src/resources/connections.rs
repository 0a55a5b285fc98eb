//! `client.connections()`: connections and connection requests.

use crux_types::{
    Connection, ConnectionRequest, ConnectionRequestCreated, ConnectionRequestId,
    ConnectionRequestPage, ConnectionRequestUpdate, NewConnectionRequest,
    endpoint::{CONNECTIONS_REQUESTS, Endpoint},
};
use futures_core::Stream;
use serde::Serialize;

use crate::{
    Error,
    endpoint_macro::{request, resource},
    pagination::{Page, PagedRequest, pages, query_string},
    request::into_future,
};

resource! {
    /// Connections between retailers and suppliers, and a retailer's
    /// requests to connect, from
    /// [`Client::connections`](crate::Client::connections).
    ///
    /// Both organization types list their connections; only retailers make,
    /// read and update connection requests, and a supplier calling those
    /// gets a 409 ([`Error::is_conflict`](crate::Error::is_conflict)).
    Connections
}

request! {
    /// Lists your organization's connections, in one unpaginated array.
    /// Both organization types may call it.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// for connection in client.connections().list().await? {
    ///     println!("{} {}", connection.uuid, connection.status);
    /// }
    /// # Ok(()) }
    /// ```
    Connections::list() -> ListConnections: Copy => Vec<Connection> = CONNECTIONS_LIST;
}

request! {
    /// Asks to connect to a supplier; `.await` it for the new request's id
    /// and date (the API answers 201). Retailers only: a supplier gets a
    /// 409.
    ///
    /// Sends the [`NewConnectionRequest`] (docs/spec-decisions.md, E-16).
    /// Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::NewConnectionRequest;
    ///
    /// let new = NewConnectionRequest::new("Supply Me", "Pat Doe");
    /// let created = client.connections().create_request(&new).await?;
    /// println!("request {}", created.request_uuid);
    /// # Ok(()) }
    /// ```
    Connections::create_request(new: &'a NewConnectionRequest) -> CreateConnectionRequest: Copy
        => ConnectionRequestCreated = CONNECTIONS_CREATE_REQUEST, body: new;
}

request! {
    /// Gets one of your connection requests; any other is a 404. Retailers
    /// only: a supplier gets a 409.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::ConnectionRequestId) -> Result<(), crux_api::Error> {
    /// let request = client.connections().get_request(id).await?;
    /// println!("{:?} approved: {:?}", request.org_name, request.is_approved);
    /// # Ok(()) }
    /// ```
    Connections::get_request(request: ConnectionRequestId) -> GetConnectionRequest: Copy
        => ConnectionRequest = CONNECTIONS_GET_REQUEST[request];
}

request! {
    /// Changes one of your connection requests; only the fields set are
    /// sent. The API answers 204; any 2xx is success. Retailers only: a
    /// supplier gets a 409.
    ///
    /// Sends the [`ConnectionRequestUpdate`] (docs/spec-decisions.md, E-16).
    /// Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::ConnectionRequestId) -> Result<(), crux_api::Error> {
    /// use crux_api::types::ConnectionRequestUpdate;
    ///
    /// let update = ConnectionRequestUpdate {
    ///     primary_contact_email: Some("pat@example.com".into()),
    ///     ..ConnectionRequestUpdate::default()
    /// };
    /// client.connections().update_request(id, &update).await?;
    /// # Ok(()) }
    /// ```
    Connections::update_request(request: ConnectionRequestId, update: &'a ConnectionRequestUpdate)
        -> UpdateConnectionRequest: Copy
        => () = CONNECTIONS_UPDATE_REQUEST[request], body: update;
}

/// One page of your connection requests: see [`Connections::requests`].
///
/// Sends `GET /organizations/connections/request/` with `start` and `limit`
/// in the query string (docs/spec-decisions.md, E-11):
/// [`CONNECTIONS_REQUESTS`](crux_types::endpoint::CONNECTIONS_REQUESTS).
/// `.await` it.
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct ListConnectionRequests<'a> {
    client: &'a crate::Client,
    window: RequestsWindow,
}

impl ListConnectionRequests<'_> {
    /// The 0-based index of the first request (the API's default is 0).
    pub fn start(mut self, start: u32) -> Self {
        self.window.start = Some(start);
        self
    }

    /// How many requests to return (the API's default is 50, its maximum
    /// 100).
    pub fn limit(mut self, limit: u32) -> Self {
        self.window.limit = Some(limit);
        self
    }
}

into_future!(ListConnectionRequests => ConnectionRequestPage, |request| {
    let ListConnectionRequests { client, window } = request;
    let path = crate::endpoint_macro::path(&CONNECTIONS_REQUESTS, &[])?;
    let query = query_string(&window).map_err(|e| {
        Error::config("the query of `connections.requests` cannot be encoded").with_source(e)
    })?;
    client.get_json(&format!("{path}{query}")).await
});

impl<'a> Connections<'a> {
    /// One page of your connection requests,
    /// `{requests, pagination: {total_count, start, limit}}`. Retailers
    /// only: a supplier gets a 409.
    ///
    /// Set the window with [`start`](ListConnectionRequests::start) and
    /// [`limit`](ListConnectionRequests::limit), sent in the query string
    /// (nothing is sent for what is not set). For every page, use
    /// [`requests_all`](Connections::requests_all).
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let page = client.connections().requests().start(0).limit(50).await?;
    /// println!("{} of {:?}", page.requests.len(), page.pagination.total_count);
    /// # Ok(()) }
    /// ```
    pub fn requests(self) -> ListConnectionRequests<'a> {
        ListConnectionRequests {
            client: self.client,
            window: RequestsWindow::default(),
        }
    }

    /// Every connection request of yours, page by page, as a stream: each
    /// exactly once, whatever the server reads `limit` as
    /// (docs/architecture.md, "Pagination"); pages of 100. A page that
    /// fails (after the client's retries) ends the stream with its error.
    /// Retailers only: a supplier gets a 409 as the stream's one item.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use std::pin::pin;
    ///
    /// let mut requests = pin!(client.connections().requests_all());
    /// while let Some(request) = std::future::poll_fn(|cx| requests.as_mut().poll_next(cx)).await {
    ///     println!("{}", request?.record_uuid);
    /// }
    /// # Ok(()) }
    /// # use futures_core::Stream;
    /// ```
    pub fn requests_all(
        self,
    ) -> impl Stream<Item = Result<ConnectionRequest, Error>> + Send + 'static + use<> {
        pages(self.client, &RequestsWindow::default())
    }
}

/// The query string of the requests list: `start` and `limit`, each left
/// out when `None`.
#[derive(Debug, Clone, Copy, Default, Serialize)]
struct RequestsWindow {
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
}

impl PagedRequest for RequestsWindow {
    const ENDPOINT: &'static Endpoint = &CONNECTIONS_REQUESTS;
    type Page = ConnectionRequestPage;

    fn page_size(&self) -> Option<u64> {
        self.limit.map(u64::from)
    }

    fn set_window(&mut self, start: u64, limit: u64) {
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        self.start = Some(clamp(start));
        self.limit = Some(clamp(limit));
    }
}

impl Page for ConnectionRequestPage {
    type Item = ConnectionRequest;
    type Key = ConnectionRequestId;

    fn into_items(self) -> (Vec<ConnectionRequest>, Option<u64>) {
        (self.requests, self.pagination.total_count.map(u64::from))
    }

    fn key(request: &ConnectionRequest) -> ConnectionRequestId {
        request.record_uuid
    }
}
