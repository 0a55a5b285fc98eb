//! One page stream for every paginated list: product search, order search,
//! connection requests (and discovery suppliers).
//!
//! A `*_all` method returns
//! `impl futures_core::Stream<Item = Result<T, Error>> + Send + 'static`: it
//! owns a clone of the [`Client`] (an `Arc`) and of the caller's query, so it
//! may be moved to a task. Nothing is sent until it is first polled. It
//! yields every item exactly once, in server order, and fetches **one page
//! ahead**: see [Fetching ahead](#fetching-ahead).
//!
//! The walk begins at item 0 (a `start` in the caller's query is replaced);
//! the caller's `limit` is the page size asked for, 100 by default.
//!
//! Each page is one ordinary call: the client's deadline and
//! [`RetryPolicy`](crate::RetryPolicy) apply to it, and a page that still
//! fails ends the stream with that error. The POST searches (products,
//! orders, discovery) are marked `read` in the endpoint catalogue
//! ([`Endpoint::read`]), so their pages are retried like GETs.
//!
//! # Where the next page starts
//!
//! The docs disagree on what `limit` means (docs/spec-decisions.md, E-37):
//! a page size (discovery), the index where the page ends, exclusive (the
//! product pagination include), or inclusive (the get-orders prose: "start 4,
//! limit 8 gives orders 4 to 8"). Nobody can say which one the live API
//! uses, so the stream never computes a page from `limit`. It relies only on
//! what holds under all three readings: **a page begins at the `start` asked
//! for.** So:
//!
//! - `start` is always the number of items received so far, and the next
//!   page starts where the last one stopped, whatever its length: no item is
//!   skipped or asked twice, whether a page brings `size`, `size + 1` or
//!   fewer items (a server may also cap the page, at 100 for discovery).
//! - `limit` only has to make the server send *something* while items remain,
//!   without asking for a huge page. With a page size `size` (the caller's
//!   `limit`, 100 by default), the stream asks `limit = size` while it
//!   believes the server reads a page size, and `limit = start + size` once
//!   it knows the server reads an end index. It learns which from the pages
//!   themselves: a page size reading never sends more than `limit` items, an
//!   end-index reading never more than `limit - start + 1`. A page that
//!   breaks one of these bounds but not the other settles the reading for the
//!   rest of the walk (under the inclusive reading the first page already has
//!   `size + 1` items; under the page size reading the second page has
//!   `size` items where an end index would allow one).
//! - An empty page ends the walk only when it is conclusive: when the `limit`
//!   sent was above `start` (every reading then has room for an item) or the
//!   server is known to read a page size. An inconclusive empty page (the
//!   second page of an exclusive-end server, asked `start = size, limit =
//!   size`) is asked again once with `limit = start + size`, which is
//!   conclusive. The price is one extra request per walk under that
//!   reading (and at the end of a walk whose reading is still unknown when
//!   there is no total). No window is ever asked that any reading would
//!   answer with more than `size + 1` items.
//!
//! | reading of `limit` | requests sent (`size` 100) | items per page |
//! |---|---|---|
//! | page size | `0/100`, `100/100`, `200/100`, ... | 100 |
//! | end index, exclusive | `0/100`, `100/100` (empty, inconclusive), `100/200`, `200/300`, ... | 100 |
//! | end index, inclusive | `0/100` (101 items), `101/201`, `202/302`, ... | 101 |
//!
//! # When the walk stops
//!
//! - On a conclusive empty page (above).
//! - When the items received reach the total the server reports
//!   (`total_count`, `total_results`): no request is sent for a page that
//!   cannot exist. Without a total, the walk ends on the empty page.
//! - With an error when a page brings nothing new: when its first item is
//!   one of the previous page (a server that ignores `start` and keeps
//!   answering the same page, or one that counts from 1). Those items are not
//!   yielded again; the stream ends with an [`ErrorKind::Decode`](crate::ErrorKind::Decode)
//!   error instead of looping. Every page that is accepted moves `start`
//!   forward by at least one, so the walk always ends on a server that has a
//!   finite number of items.
//! - With the error of a page that fails (after the client's retries).
//!
//! After the end the stream yields `None` for ever.
//!
//! # Fetching ahead
//!
//! The window of the next page is known as soon as a page arrives: its
//! `start` is the number of items received, and its `limit` depends only on
//! the reading of `limit` learnt so far, which the page just received has
//! already updated (above). So the next page is requested at once, while the
//! caller consumes this one, and the stream sends exactly the requests a
//! page-by-page walk would send, in the same order: only their timing
//! changes. Every decision (the reading, the end, a repeated page) is still
//! taken when a page is taken in, which happens once the page before it is
//! used up: a page that arrives early waits, decoded, and the error of a page
//! comes after every item of the pages before it.
//!
//! At most one page is ahead: the page after next is requested only when the
//! next one is taken in. The stream holds at most two pages of items (the one
//! being consumed and the one ahead), plus the keys of the last page taken
//! in and, while a page is being received, its body. The first page, and a
//! page asked again after an inconclusive empty one, are not ahead of
//! anything: the caller waits for them.
//!
//! ## Who drives the page ahead
//!
//! A future makes progress only when it is polled. Polling the page ahead
//! each time the caller polls the stream for an item would make it progress
//! only as fast as the caller asks for items: a caller that spends its time
//! elsewhere between two items (a database write per page, say) would leave
//! the response unread and the retries unsent until it comes back. So:
//!
//! - **Inside a tokio runtime** (the default client's case: its timer and its
//!   hyper transport need one), the page ahead is a task spawned on the
//!   runtime the stream is polled in (`tokio::runtime::Handle::try_current`).
//!   It runs while the caller is busy, on another worker of a multi-threaded
//!   runtime. The stream keeps its `JoinHandle` and **aborts the task when it
//!   is dropped**, so nothing of the walk runs after the stream is dropped: a
//!   page request in flight is cancelled like any dropped call, and no retry
//!   is sent. A task that panics panics the stream, as an inline page would;
//!   a task cancelled because its runtime shuts down is asked again inline.
//!
//!   Right after spawning it, the stream yields to the executor once (it
//!   wakes itself and returns `Pending`) before its next item. A task
//!   spawned from a worker of a multi-threaded runtime waits in that
//!   worker's LIFO slot, which the other workers do not steal from, until
//!   the spawning task yields; a consumer that works without awaiting
//!   anything would otherwise hold the page ahead back until it next waits
//!   for an item. After that first poll, the page's task is woken by the
//!   I/O driver and runs on whichever worker is free.
//! - **Outside one** (a client given another executor's timer with
//!   [`ClientBuilder::sleep_impl`](crate::ClientBuilder::sleep_impl) and a
//!   transport of its own), nothing is spawned: this crate knows no other
//!   executor, and needs none. The page's future is kept in the stream and
//!   polled inline, with a waker that records its wake-ups: while items are
//!   yielded, it is polled whenever it has asked to be (its first poll sends
//!   the request), and it is polled whenever the stream has no item to
//!   yield. The request is sent ahead and the server's time overlaps the
//!   caller's; reading and decoding the answer wait for the caller's next
//!   poll. The page is dropped with the stream.
//!
//! The first page and a page asked again are always polled inline: the
//! caller is waiting for them, and a task would only add a hand-over.
//!
//! # Adding a `*_all` method
//!
//! The endpoint describes its query and page shapes with two crate-private
//! traits, [`PagedRequest`] and [`Page`], and returns [`pages`]. For product
//! search (`pagination: {start, limit}` in the body; `items` and
//! `pagination: {start, limit, total_count}` in the response):
//!
//! `crux-api/src/resources/items.rs` shows it: `impl PagedRequest for
//! ItemSearch`, `impl Page for ItemSearchPage` and `Items::search_all`,
//! which is one call to [`pages`].
//!
//! A GET endpoint (connection requests) gets its window in the query string
//! (E-11) instead of a body: the request value is serialized to
//! `?start=..&limit=..`. Orders (top-level `start`/`limit`, `total_results`)
//! differ only in the bodies of `set_window` and `into_items`.
//!
//! The tests are in this module (an integration test cannot implement the
//! crate-private traits): closure servers implementing each reading of
//! `limit` over 1,234 items, with a test-only product search shape (POST)
//! and a connection requests shape (GET), written as above, and the page
//! ahead: requested while a page is consumed and never two ahead, progressing
//! while the consumer is busy elsewhere or blocks its worker, polled inline
//! outside a tokio runtime. `tests/pagination_dropped.rs` drops a stream over
//! loopback with its page ahead held by the server or waiting to be retried;
//! `benches/pages.rs` measures the walk against a hand-written page loop.

mod fetch;

use std::{
    fmt,
    pin::Pin,
    task::{Context, Poll},
};

use crux_types::endpoint::{Endpoint, HttpMethod};
use futures_core::Stream;
use serde::{Serialize, de::DeserializeOwned};

use self::fetch::{Fetch, Fetched, PageFuture};
use crate::{Client, Error};

/// The page size asked when the caller gives none (issue 9).
pub(crate) const DEFAULT_PAGE_SIZE: u64 = 100;

/// The query of a paginated endpoint. Each page sends a clone of the
/// caller's value with its own window ([`set_window`](Self::set_window)).
///
/// A POST (or any non-GET) endpoint sends the value as its JSON body; a GET
/// endpoint sends its fields as the query string (scalars only, `null`s
/// left out).
pub(crate) trait PagedRequest: Serialize + Clone + Send + Sync + 'static {
    /// The endpoint, from the catalogue (one without path placeholders).
    const ENDPOINT: &'static Endpoint;
    /// What one page decodes to.
    type Page: Page;
    /// The page size the caller asked for, if any ([`DEFAULT_PAGE_SIZE`]
    /// otherwise; 0 counts as 1).
    fn page_size(&self) -> Option<u64>;
    /// Sets the `start` and `limit` this page asks for.
    fn set_window(&mut self, start: u64, limit: u64);
}

/// One decoded page of a paginated endpoint.
pub(crate) trait Page: DeserializeOwned + Send + 'static {
    /// What the stream yields.
    type Item: Send + 'static;
    /// What identifies an item (its id), to detect a server that answers
    /// a page it already sent.
    type Key: PartialEq + Send + 'static;
    /// The page's items, in server order, and the total number of items
    /// the server reports for the whole query, if it reports one.
    fn into_items(self) -> (Vec<Self::Item>, Option<u64>);
    /// The key of `item`.
    fn key(item: &Self::Item) -> Self::Key;
}

/// The item type of `R`'s pages.
pub(crate) type ItemOf<R> = <<R as PagedRequest>::Page as Page>::Item;

/// Every item of `request`'s pages, in order: see the module docs.
///
/// Nothing is sent until the stream is first polled.
pub(crate) fn pages<R: PagedRequest>(
    client: &Client,
    request: &R,
) -> impl Stream<Item = Result<ItemOf<R>, Error>> + Send + 'static + use<R> {
    let size = request.page_size().unwrap_or(DEFAULT_PAGE_SIZE).max(1);
    Pages {
        client: client.clone(),
        request: request.clone(),
        size,
        start: 0,
        total: None,
        reading: Reading::Unknown,
        items: Vec::new().into_iter(),
        last_keys: Vec::new(),
        state: State::Next,
        yield_once: false,
    }
}

/// How the server reads `limit`, as far as the pages have shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Not known yet: ask `limit = size`.
    Unknown,
    /// A page size: ask `limit = size`.
    PageSize,
    /// The index where the page ends (exclusive or inclusive): ask
    /// `limit = start + size`.
    EndIndex,
}

enum State<P> {
    /// Ask for the page at `start` now (or stop, if the total is reached).
    Next,
    /// A page is on its way: the window it asked for, and its request.
    Fetching {
        start: u64,
        limit: u64,
        fetch: Fetch<P>,
    },
    /// A page has arrived (or failed) while the one before it is still
    /// being yielded: it is taken in once that one is used up.
    Arrived {
        start: u64,
        limit: u64,
        page: Result<P, Error>,
    },
    /// The walk is over.
    Done,
}

impl<P> State<P> {
    fn name(&self) -> &'static str {
        match self {
            Self::Next => "next",
            Self::Fetching { .. } => "fetching",
            Self::Arrived { .. } => "arrived",
            Self::Done => "done",
        }
    }
}

/// The stream behind [`pages`].
struct Pages<R: PagedRequest> {
    client: Client,
    /// The caller's query; each page sends a clone with its window.
    request: R,
    /// The page size asked for.
    size: u64,
    /// The number of items received so far: where the next page starts.
    start: u64,
    /// The total the server last reported.
    total: Option<u64>,
    reading: Reading,
    /// The page being consumed.
    items: std::vec::IntoIter<ItemOf<R>>,
    /// The keys of the last page received.
    last_keys: Vec<<R::Page as Page>::Key>,
    /// The next page.
    state: State<R::Page>,
    /// A page ahead was just spawned: yield to the executor once before the
    /// next item, so that the task is not held back (module docs).
    yield_once: bool,
}

// No field is pinned: an inline page's future is boxed.
impl<R: PagedRequest> Unpin for Pages<R> {}

impl<R: PagedRequest> fmt::Debug for Pages<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("endpoint", &R::ENDPOINT.name)
            .field("size", &self.size)
            .field("start", &self.start)
            .field("total", &self.total)
            .field("reading", &self.reading)
            .field("buffered", &self.items.len())
            .field("next", &self.state.name())
            .finish_non_exhaustive()
    }
}

impl<R: PagedRequest> Pages<R> {
    /// The `limit` to ask for a page starting at `start`.
    fn limit(&self, start: u64) -> u64 {
        match self.reading {
            Reading::Unknown | Reading::PageSize => self.size,
            Reading::EndIndex => start.saturating_add(self.size),
        }
    }

    /// What [`State::Next`] leads to: the request of the page at
    /// `self.start`, or the end when the items received reach the total.
    fn next(&mut self) -> State<R::Page> {
        if self.total.is_some_and(|total| self.start >= total) {
            return State::Done;
        }
        let (start, limit) = (self.start, self.limit(self.start));
        // With items left to yield, the page is fetched ahead: as a task
        // of the tokio runtime if there is one, so that it progresses while
        // the consumer is busy. Without, the consumer waits for it anyway:
        // it is polled inline, with no task to spawn.
        let future = self.page_future(start, limit);
        let fetch = if self.items.as_slice().is_empty() {
            Fetch::inline(future)
        } else {
            match Fetch::spawn(future) {
                Ok(spawned) => {
                    self.yield_once = true;
                    spawned
                }
                Err(future) => Fetch::inline(future),
            }
        };
        State::Fetching {
            start,
            limit,
            fetch,
        }
    }

    /// The request of the page `start`/`limit`.
    fn page_future(&self, start: u64, limit: u64) -> PageFuture<R::Page> {
        let mut request = self.request.clone();
        request.set_window(start, limit);
        let client = self.client.clone();
        Box::pin(async move { send(&client, &request).await })
    }

    /// The state once the page `start`/`limit` has arrived.
    fn arrived(&self, start: u64, limit: u64, fetched: Fetched<R::Page>) -> State<R::Page> {
        match fetched {
            Fetched::Page(page) => State::Arrived { start, limit, page },
            // The runtime of its task shut down: ask again, inline.
            Fetched::Cancelled => State::Fetching {
                start,
                limit,
                fetch: Fetch::inline(self.page_future(start, limit)),
            },
        }
    }

    /// Takes in the page asked as `start`/`limit`: buffers its items and
    /// decides what comes next.
    fn accept(&mut self, page: R::Page, start: u64, limit: u64) -> Result<State<R::Page>, Error> {
        let (items, total) = page.into_items();
        if total.is_some() {
            self.total = total;
        }
        let Ok(received) = u64::try_from(items.len()) else {
            return Ok(State::Done);
        };
        if received == 0 {
            // Conclusive when every reading had room for an item at `start`.
            if self.reading == Reading::Unknown && limit <= start {
                self.reading = Reading::EndIndex;
                return Ok(State::Next);
            }
            return Ok(State::Done);
        }
        if let Some(first) = items.first() {
            if self.last_keys.contains(&R::Page::key(first)) {
                let error = repeated_page(start, limit);
                let path = crate::endpoint_macro::path(R::ENDPOINT, &[])?;
                return Err(match crate::endpoint_macro::method(R::ENDPOINT) {
                    Ok(method) => error.with_request(&method, &path),
                    Err(_) => error,
                });
            }
        }
        if self.reading == Reading::Unknown {
            let fits_page_size = received <= limit;
            let fits_end_index = received <= limit.saturating_add(1).saturating_sub(start);
            self.reading = match (fits_page_size, fits_end_index) {
                (true, false) => Reading::PageSize,
                (false, true) => Reading::EndIndex,
                _ => Reading::Unknown,
            };
        }
        self.last_keys = items.iter().map(R::Page::key).collect();
        self.start = self.start.saturating_add(received);
        self.items = items.into_iter();
        Ok(State::Next)
    }
}

impl<R: PagedRequest> Stream for Pages<R> {
    type Item = Result<ItemOf<R>, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if matches!(this.state, State::Next) {
                this.state = this.next();
            }
            if std::mem::take(&mut this.yield_once) {
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
            if let Some(item) = this.items.next() {
                // The page ahead moves on while this one is yielded.
                if let State::Fetching {
                    start,
                    limit,
                    fetch,
                } = &mut this.state
                {
                    if let Poll::Ready(fetched) = fetch.progress(cx) {
                        let (start, limit) = (*start, *limit);
                        this.state = this.arrived(start, limit, fetched);
                    }
                }
                return Poll::Ready(Some(Ok(item)));
            }
            match std::mem::replace(&mut this.state, State::Done) {
                State::Done => return Poll::Ready(None),
                State::Next => this.state = State::Next,
                State::Fetching {
                    start,
                    limit,
                    mut fetch,
                } => match fetch.poll(cx) {
                    Poll::Ready(fetched) => this.state = this.arrived(start, limit, fetched),
                    Poll::Pending => {
                        this.state = State::Fetching {
                            start,
                            limit,
                            fetch,
                        };
                        return Poll::Pending;
                    }
                },
                State::Arrived { start, limit, page } => {
                    match page.and_then(|page| this.accept(page, start, limit)) {
                        Ok(next) => this.state = next,
                        Err(error) => return Poll::Ready(Some(Err(error))),
                    }
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let buffered = self.items.len();
        match self.state {
            State::Done => (buffered, Some(buffered)),
            _ => (buffered, None),
        }
    }
}

/// Sends one page's request: the JSON body of a POST, or the query string of
/// a GET (E-11).
async fn send<R: PagedRequest>(client: &Client, request: &R) -> Result<R::Page, Error> {
    let endpoint = R::ENDPOINT;
    let path = crate::endpoint_macro::path(endpoint, &[])?;
    if matches!(endpoint.method, HttpMethod::Get) {
        let query = query_string(request).map_err(|e| {
            Error::config(format!(
                "the query of `{}` cannot be encoded",
                endpoint.name
            ))
            .with_source(e)
        })?;
        return client.get_json(&format!("{path}{query}")).await;
    }
    client.send_json(endpoint, &path, request).await
}

/// `?name=value&...` from a value that serializes to a flat JSON object
/// (`null`s left out), or `""` when nothing is left.
pub(crate) fn query_string<T: Serialize>(value: &T) -> Result<String, String> {
    let serde_json::Value::Object(fields) =
        serde_json::to_value(value).map_err(|e| e.to_string())?
    else {
        return Err("not a JSON object".to_owned());
    };
    let mut query = String::new();
    for (name, value) in &fields {
        let value = match value {
            serde_json::Value::Null => continue,
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            _ => return Err(format!("`{name}` is not a scalar")),
        };
        query.push(if query.is_empty() { '?' } else { '&' });
        percent_encode(name, &mut query);
        query.push('=');
        percent_encode(&value, &mut query);
    }
    Ok(query)
}

/// Appends `text` with every byte but the unreserved ones percent-encoded.
fn percent_encode(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

/// The error that ends a walk whose server answered a page it already sent:
/// a [`Decode`](crate::ErrorKind::Decode) error (the server answered with
/// success, but not with the page asked for), whose message says so.
fn repeated_page(start: u64, limit: u64) -> Error {
    Error::unexpected_page(
        http::StatusCode::OK,
        format!(
            "stopped: the page at start {start}, limit {limit} repeats the previous \
             page (docs/spec-decisions.md, E-37)"
        ),
    )
}

#[cfg(test)]
mod tests {
    //! The stream against closure servers that implement each reading of
    //! `limit` (E-37), with the product search shape (POST, window in the
    //! body) and the connection requests shape (GET, window in the query).

    use std::{
        future::poll_fn,
        ops::Range,
        pin::pin,
        sync::{Arc, Mutex},
    };

    use bytes::Bytes;
    use crux_transport::test_util::{NeverTransport, infallible_transport_fn};
    use serde::Deserialize;

    use super::*;
    use crate::{ErrorKind, RetryPolicy};

    // The product search shape: `{"pagination": {"start", "limit"}}` in,
    // `{"items": [...], "pagination": {"start", "limit", "total_count"}}` out.
    #[derive(Debug, Clone, Serialize)]
    struct Search {
        term: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pagination: Option<Window>,
    }

    #[derive(Debug, Clone, Serialize, Deserialize)]
    struct Window {
        start: Option<u64>,
        limit: Option<u64>,
    }

    #[derive(Debug, Deserialize)]
    struct SearchPage {
        items: Vec<Thing>,
        pagination: PageInfo,
    }

    #[derive(Debug, Deserialize)]
    struct PageInfo {
        #[allow(dead_code)]
        start: Option<u64>,
        #[allow(dead_code)]
        limit: Option<u64>,
        total_count: Option<u64>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Thing {
        id: String,
    }

    impl PagedRequest for Search {
        const ENDPOINT: &'static Endpoint = &crux_types::endpoint::ITEMS_SEARCH;
        type Page = SearchPage;
        fn page_size(&self) -> Option<u64> {
            self.pagination.as_ref()?.limit
        }
        fn set_window(&mut self, start: u64, limit: u64) {
            self.pagination = Some(Window {
                start: Some(start),
                limit: Some(limit),
            });
        }
    }

    impl Page for SearchPage {
        type Item = Thing;
        type Key = String;
        fn into_items(self) -> (Vec<Thing>, Option<u64>) {
            (self.items, self.pagination.total_count)
        }
        fn key(item: &Thing) -> String {
            item.id.clone()
        }
    }

    // The connection requests shape: GET with `?start=&limit=`,
    // `{"connection_requests": [...], "pagination": {...}}` out.
    #[derive(Debug, Clone, Default, Serialize)]
    struct Requests {
        start: Option<u64>,
        limit: Option<u64>,
    }

    #[derive(Debug, Deserialize)]
    struct RequestsPage {
        connection_requests: Vec<Thing>,
        pagination: PageInfo,
    }

    impl PagedRequest for Requests {
        const ENDPOINT: &'static Endpoint = &crux_types::endpoint::CONNECTIONS_REQUESTS;
        type Page = RequestsPage;
        fn page_size(&self) -> Option<u64> {
            self.limit
        }
        fn set_window(&mut self, start: u64, limit: u64) {
            (self.start, self.limit) = (Some(start), Some(limit));
        }
    }

    impl Page for RequestsPage {
        type Item = Thing;
        type Key = String;
        fn into_items(self) -> (Vec<Thing>, Option<u64>) {
            (self.connection_requests, self.pagination.total_count)
        }
        fn key(item: &Thing) -> String {
            item.id.clone()
        }
    }

    /// How a test server reads `limit`.
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Reading {
        PageSize,
        EndExclusive,
        EndInclusive,
        /// Ignores `start` and `limit`: always the first 100 items.
        SamePage,
    }

    /// A closure server over `count` items (`id-00000` ...).
    #[derive(Clone)]
    struct Server {
        reading: Reading,
        count: u64,
        with_total: bool,
        /// The largest page it sends, if any.
        cap: Option<u64>,
        /// Answers these request numbers (1-based) with this status.
        fail: Vec<(usize, u16)>,
        /// The `(start, limit)` of every request, and its body or query.
        seen: Arc<Mutex<Vec<(u64, u64, String)>>>,
    }

    impl Server {
        fn new(reading: Reading, count: u64) -> Self {
            Self {
                reading,
                count,
                with_total: true,
                cap: None,
                fail: Vec::new(),
                seen: Arc::default(),
            }
        }

        fn without_total(mut self) -> Self {
            self.with_total = false;
            self
        }

        fn windows(&self) -> Vec<(u64, u64)> {
            let seen = self.seen.lock().expect("lock");
            seen.iter().map(|&(s, l, _)| (s, l)).collect()
        }

        fn sent(&self) -> Vec<String> {
            let seen = self.seen.lock().expect("lock");
            seen.iter().map(|(_, _, sent)| sent.clone()).collect()
        }

        fn range(&self, start: u64, limit: u64) -> Range<u64> {
            let end = match self.reading {
                Reading::PageSize => start.saturating_add(limit),
                Reading::EndExclusive => limit,
                Reading::EndInclusive => limit + 1,
                Reading::SamePage => return 0..100.min(self.count),
            };
            let end = self.cap.map_or(end, |cap| end.min(start + cap));
            let start = start.min(self.count);
            start..end.clamp(start, self.count)
        }

        fn answer(&self, request: http::Request<Bytes>) -> http::Response<Bytes> {
            let (start, limit, sent, list) = if request.method() == http::Method::GET {
                let query = request.uri().query().unwrap_or_default().to_owned();
                let param = |name: &str| {
                    query.split('&').find_map(|pair| {
                        let (key, value) = pair.split_once('=')?;
                        (key == name).then(|| value.parse::<u64>().expect("a number"))
                    })
                };
                let (start, limit) = (param("start"), param("limit"));
                (start, limit, query, "connection_requests")
            } else {
                let body: serde_json::Value =
                    serde_json::from_slice(request.body()).expect("a JSON body");
                let window = &body["pagination"];
                let (start, limit) = (window["start"].as_u64(), window["limit"].as_u64());
                let sent = String::from_utf8(request.body().to_vec()).expect("utf-8");
                (start, limit, sent, "items")
            };
            let (start, limit) = (start.unwrap_or(0), limit.unwrap_or(50));
            let number = {
                let mut seen = self.seen.lock().expect("lock");
                seen.push((start, limit, sent));
                seen.len()
            };
            // A walk that does not end fails the test instead of hanging it.
            assert!(number <= 100, "runaway walk: {number} requests");
            if let Some(&(_, status)) = self.fail.iter().find(|(n, _)| *n == number) {
                return response(status, r#"{"detail":"boom"}"#.to_owned());
            }
            let items: Vec<_> = self
                .range(start, limit)
                .map(|i| serde_json::json!({ "id": format!("id-{i:05}") }))
                .collect();
            let total = self.with_total.then_some(self.count);
            let body = serde_json::json!({
                list: items,
                "pagination": { "start": start, "limit": limit, "total_count": total },
            });
            response(200, body.to_string())
        }

        fn client(&self) -> Client {
            let server = self.clone();
            let transport = infallible_transport_fn(move |request| server.answer(request));
            client_with(transport)
        }
    }

    fn response(status: u16, body: String) -> http::Response<Bytes> {
        let mut response = http::Response::new(Bytes::from(body));
        *response.status_mut() = http::StatusCode::from_u16(status).expect("status");
        response
    }

    /// A client whose retries wait zero (no real sleep).
    fn client_with(transport: impl crux_transport::Transport + 'static) -> Client {
        Client::builder()
            .base_url("https://api.example.test")
            .token("test-token")
            .transport(transport)
            .retry(RetryPolicy::new().random(|| 0.0))
            .build()
            .expect("client builds")
    }

    fn search(size: Option<u64>) -> Search {
        Search {
            term: "lamp".to_owned(),
            pagination: size.map(|limit| Window {
                start: None,
                limit: Some(limit),
            }),
        }
    }

    fn ids(range: Range<u64>) -> Vec<String> {
        range.map(|i| format!("id-{i:05}")).collect()
    }

    /// Every item of the walk, or the items before the error and the error.
    async fn walk(
        stream: impl Stream<Item = Result<Thing, Error>>,
    ) -> (Vec<String>, Option<Error>) {
        let mut stream = pin!(stream);
        let mut items = Vec::new();
        while let Some(item) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
            match item {
                Ok(thing) => items.push(thing.id),
                Err(error) => {
                    assert!(
                        poll_fn(|cx| stream.as_mut().poll_next(cx)).await.is_none(),
                        "nothing after the error"
                    );
                    return (items, Some(error));
                }
            }
        }
        (items, None)
    }

    /// The windows asked by a walk of `count` items by pages of `size`
    /// under the page size reading.
    fn page_size_windows(count: u64, size: u64, trailing_empty: bool) -> Vec<(u64, u64)> {
        let mut windows: Vec<_> = (0..count.div_ceil(size))
            .map(|p| (p * size, size))
            .collect();
        if trailing_empty {
            windows.push((count, size));
        }
        windows
    }

    #[tokio::test(start_paused = true)]
    async fn every_item_once_when_limit_is_a_page_size() {
        for with_total in [true, false] {
            let mut server = Server::new(Reading::PageSize, 1234);
            server.with_total = with_total;
            let (items, error) = walk(pages(&server.client(), &search(None))).await;
            assert!(error.is_none(), "{error:?}");
            assert_eq!(items, ids(0..1234));
            // 13 pages of at most 100; without a total, the empty page that ends it.
            assert_eq!(server.windows(), page_size_windows(1234, 100, !with_total));
        }
    }

    #[tokio::test(start_paused = true)]
    async fn every_item_once_when_limit_is_an_exclusive_end_index() {
        for with_total in [true, false] {
            let mut server = Server::new(Reading::EndExclusive, 1234);
            server.with_total = with_total;
            let (items, error) = walk(pages(&server.client(), &search(None))).await;
            assert!(error.is_none(), "{error:?}");
            assert_eq!(items, ids(0..1234));
            // The second page comes back empty because `limit` (100) is not
            // above `start` (100): asked again as an end index.
            let mut expected = vec![(0, 100), (100, 100)];
            expected.extend((1..13).map(|p| (p * 100, p * 100 + 100)));
            if !with_total {
                expected.push((1234, 1334));
            }
            assert_eq!(server.windows(), expected);
            assert_eq!(server.windows().len(), if with_total { 14 } else { 15 });
        }
    }

    #[tokio::test(start_paused = true)]
    async fn every_item_once_when_limit_is_an_inclusive_end_index() {
        for with_total in [true, false] {
            let mut server = Server::new(Reading::EndInclusive, 1234);
            server.with_total = with_total;
            let (items, error) = walk(pages(&server.client(), &search(None))).await;
            assert!(error.is_none(), "{error:?}");
            assert_eq!(items, ids(0..1234));
            // The first page brings 101 items: an end index. Pages of 101.
            let mut expected = vec![(0, 100)];
            expected.extend((1..13).map(|p| (p * 101, p * 101 + 100)));
            if !with_total {
                expected.push((1234, 1334));
            }
            assert_eq!(server.windows(), expected);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn the_callers_limit_is_the_page_size_and_the_rest_of_the_query_is_kept() {
        let server = Server::new(Reading::PageSize, 1000);
        let (items, _) = walk(pages(&server.client(), &search(Some(250)))).await;
        assert_eq!(items, ids(0..1000));
        assert_eq!(server.windows(), page_size_windows(1000, 250, false));
        assert_eq!(
            server.sent()[1],
            r#"{"term":"lamp","pagination":{"start":250,"limit":250}}"#
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_server_that_caps_the_page_below_the_limit_loses_nothing() {
        // Discovery cuts `limit` to 100; the caller asked for 250.
        for reading in [
            Reading::PageSize,
            Reading::EndExclusive,
            Reading::EndInclusive,
        ] {
            let mut server = Server::new(reading, 1050).without_total();
            server.cap = Some(100);
            let (items, error) = walk(pages(&server.client(), &search(Some(250)))).await;
            assert!(error.is_none(), "{reading:?}: {error:?}");
            assert_eq!(items, ids(0..1050), "{reading:?}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_get_endpoint_sends_its_window_in_the_query_string() {
        for reading in [
            Reading::PageSize,
            Reading::EndExclusive,
            Reading::EndInclusive,
        ] {
            let server = Server::new(reading, 1001);
            let (items, error) = walk(pages(&server.client(), &Requests::default())).await;
            assert!(error.is_none(), "{reading:?}: {error:?}");
            assert_eq!(items, ids(0..1001), "{reading:?}");
            assert_eq!(server.sent()[0], "limit=100&start=0");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_server_that_keeps_answering_the_same_page_ends_with_an_error() {
        for with_total in [true, false] {
            let mut server = Server::new(Reading::SamePage, 1000);
            server.with_total = with_total;
            let (items, error) = walk(pages(&server.client(), &search(None))).await;
            assert_eq!(items, ids(0..100), "the first page, once");
            let error = error.expect("an error, not a loop");
            assert_eq!(error.kind(), ErrorKind::Decode);
            assert_eq!(error.path(), Some("/products/items/search/"));
            let message = error.message().expect("a message");
            assert!(message.contains("start 100, limit 100"), "{message}");
            assert_eq!(
                error.to_string(),
                format!(
                    "POST /products/items/search/: 200 OK: unexpected response body: {message}"
                )
            );
            assert_eq!(server.windows(), [(0, 100), (100, 100)]);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_first_page_ends_the_stream() {
        for with_total in [true, false] {
            let mut server = Server::new(Reading::PageSize, 0);
            server.with_total = with_total;
            let (items, error) = walk(pages(&server.client(), &search(None))).await;
            assert!(items.is_empty() && error.is_none(), "{error:?}");
            assert_eq!(server.windows(), [(0, 100)]);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_post_search_page_is_a_read_retried_by_the_policy_then_ends_the_stream() {
        // The catalogue marks the search a read: request 2 fails once and is
        // sent again; requests 4, 5 and 6 are the three attempts of page 3.
        let mut server = Server::new(Reading::PageSize, 1000);
        server.fail = vec![(2, 503), (4, 500), (5, 500), (6, 500)];
        let (items, error) = walk(pages(&server.client(), &search(None))).await;
        assert_eq!(items, ids(0..200));
        let error = error.expect("the page's error");
        assert_eq!(
            error.status(),
            Some(http::StatusCode::INTERNAL_SERVER_ERROR)
        );
        assert_eq!(error.message(), Some("boom"));
        assert_eq!(error.attempts(), 3);
        assert!(!error.is_outcome_unknown(), "a read has no unknown outcome");
        assert_eq!(server.windows().len(), 6);
    }

    #[tokio::test(start_paused = true)]
    async fn a_get_page_is_retried_by_the_policy_and_then_ends_the_stream() {
        // Request 2 fails once and is retried; requests 4, 5 and 6 are the
        // three attempts of the third page.
        let mut server = Server::new(Reading::PageSize, 1000);
        server.fail = vec![(2, 503), (4, 500), (5, 500), (6, 500)];
        let (items, error) = walk(pages(&server.client(), &Requests::default())).await;
        assert_eq!(items, ids(0..200));
        let error = error.expect("the page's error");
        assert_eq!(
            error.status(),
            Some(http::StatusCode::INTERNAL_SERVER_ERROR)
        );
        assert_eq!(error.attempts(), 3);
        assert_eq!(
            server.windows(),
            [
                (0, 100),
                (100, 100),
                (100, 100),
                (200, 100),
                (200, 100),
                (200, 100)
            ]
        );
    }

    /// The next item of `stream`.
    async fn next<S: Stream + Unpin>(stream: &mut S) -> Option<S::Item> {
        poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx)).await
    }

    /// Lets every other task of the (current-thread) runtime run.
    async fn let_others_run() {
        for _ in 0..100 {
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test(start_paused = true)]
    async fn the_next_page_is_asked_while_this_one_is_consumed_and_never_two_ahead() {
        let server = Server::new(Reading::PageSize, 1234);
        let mut stream = pin!(pages(&server.client(), &search(None)));
        assert_eq!(
            next(&mut stream).await.expect("an item").expect("ok").id,
            "id-00000"
        );
        let_others_run().await;
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        assert_eq!(server.windows(), [(0, 100), (100, 100)], "one page ahead");
        for id in ids(1..101) {
            assert_eq!(
                next(&mut stream).await.expect("an item").expect("ok").id,
                id
            );
        }
        let_others_run().await;
        assert_eq!(
            server.windows(),
            [(0, 100), (100, 100), (200, 100)],
            "the page after next once the next is taken in"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_the_stream_mid_walk_stops_asking() {
        let server = Server::new(Reading::PageSize, 1234);
        let client = server.client();
        {
            let mut stream = pin!(pages(&client, &search(None)));
            for id in ids(0..150) {
                let item = next(&mut stream).await;
                assert_eq!(item.expect("an item").expect("ok").id, id);
            }
            let_others_run().await;
            assert_eq!(server.windows().len(), 3, "pages 0 and 1, and 2 ahead");
        }
        let_others_run().await;
        tokio::time::sleep(std::time::Duration::from_secs(600)).await;
        assert_eq!(server.windows().len(), 3, "no page after the drop");

        // Dropped while the first page is on its way: nothing is left behind.
        let never = NeverTransport::new();
        let client = client_with(never.clone());
        let mut stream = pages(&client, &search(None));
        let waker = std::task::Waker::noop();
        let polled = Pin::new(&mut stream).poll_next(&mut Context::from_waker(waker));
        assert!(polled.is_pending());
        drop(stream);
        assert_eq!(never.request_count(), 1);
    }

    /// A transport that answers after `delay` (on the tokio clock) and
    /// counts the answers it has finished.
    #[derive(Clone)]
    struct Slow {
        server: Server,
        delay: std::time::Duration,
        answered: Arc<Mutex<usize>>,
    }

    impl fmt::Debug for Slow {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("Slow")
        }
    }

    impl crux_transport::Transport for Slow {
        fn send(
            &self,
            request: http::Request<Bytes>,
        ) -> crux_transport::BoxFuture<
            '_,
            Result<http::Response<Bytes>, crux_transport::TransportError>,
        > {
            Box::pin(async move {
                tokio::time::sleep(self.delay).await;
                let response = self.server.answer(request);
                *self.answered.lock().expect("lock") += 1;
                Ok(response)
            })
        }
    }

    #[tokio::test(start_paused = true)]
    async fn the_page_ahead_arrives_while_the_consumer_is_busy_elsewhere() {
        // A consumer that takes one item, then spends 10 s on something
        // else without polling the stream: the page ahead (answered after
        // 5 s) is received meanwhile, by its own task.
        let delay = std::time::Duration::from_secs(5);
        let slow = Slow {
            server: Server::new(Reading::PageSize, 1234),
            delay,
            answered: Arc::default(),
        };
        let mut stream = pin!(pages(&client_with(slow.clone()), &search(None)));
        assert!(next(&mut stream).await.is_some_and(|item| item.is_ok()));
        assert_eq!(*slow.answered.lock().expect("lock"), 1);
        tokio::time::sleep(2 * delay).await;
        assert_eq!(
            *slow.answered.lock().expect("lock"),
            2,
            "the page ahead was answered while the stream was not polled"
        );
        let started = tokio::time::Instant::now();
        for id in ids(1..200) {
            assert_eq!(
                next(&mut stream).await.expect("an item").expect("ok").id,
                id
            );
        }
        assert_eq!(
            started.elapsed(),
            std::time::Duration::ZERO,
            "no wait for page 1"
        );
    }

    #[test]
    fn a_consumer_that_blocks_its_worker_does_not_hold_the_page_ahead_back() {
        // On a multi-threaded runtime, a task spawned from a worker waits in
        // that worker's LIFO slot, which no other worker steals from, until
        // the spawning task yields. The consumer below blocks its worker
        // after its first item; the page ahead must be sent all the same.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let server = Server::new(Reading::PageSize, 1234);
        let (sent, seen) = std::sync::mpsc::channel();
        let transport = infallible_transport_fn({
            let (server, sent) = (server.clone(), Mutex::new(sent));
            move |request| {
                let response = server.answer(request);
                let window = *server.windows().last().expect("a window");
                let _ = sent.lock().expect("lock").send(window);
                response
            }
        });
        let client = client_with(transport);
        let walk = runtime.spawn(async move {
            let mut stream = pin!(pages(&client, &search(None)));
            assert!(next(&mut stream).await.is_some_and(|item| item.is_ok()));
            let wait = std::time::Duration::from_secs(5);
            assert_eq!(seen.recv_timeout(wait), Ok((0, 100)));
            // Blocks this worker, without yielding, until the page ahead is
            // asked (or fails after 5 s).
            assert_eq!(seen.recv_timeout(wait), Ok((100, 100)), "the page ahead");
        });
        runtime.block_on(walk).expect("the walk");
    }

    /// A timer for a client used outside any runtime: its sleeps never end
    /// (the closure transport answers at once, so no deadline is reached).
    #[derive(Debug)]
    struct NoTimer;

    impl crate::rt::AsyncSleep for NoTimer {
        fn sleep(&self, _: std::time::Duration) -> crate::rt::Sleep {
            crate::rt::Sleep::new(std::future::pending())
        }
    }

    #[test]
    fn outside_a_tokio_runtime_the_page_ahead_is_polled_inline() {
        assert!(tokio::runtime::Handle::try_current().is_err());
        let server = Server::new(Reading::PageSize, 1234);
        let transport = infallible_transport_fn({
            let server = server.clone();
            move |request| server.answer(request)
        });
        let client = Client::builder()
            .base_url("https://api.example.test")
            .token("test-token")
            .transport(transport)
            .sleep_impl(NoTimer)
            .build()
            .expect("client builds");
        let mut stream = pages(&client, &search(None));
        let mut cx = Context::from_waker(std::task::Waker::noop());
        let mut items = Vec::new();
        loop {
            match Pin::new(&mut stream).poll_next(&mut cx) {
                Poll::Ready(Some(item)) => items.push(item.expect("ok").id),
                Poll::Ready(None) => break,
                Poll::Pending => panic!("a closure transport answers at once"),
            }
            if items.len() == 1 {
                assert_eq!(server.windows().len(), 2, "the page ahead is sent at once");
            }
        }
        assert_eq!(items, ids(0..1234));
        assert_eq!(server.windows(), page_size_windows(1234, 100, false));
    }

    #[test]
    fn the_stream_is_send_and_static_and_lazy() {
        fn check<S: Stream + Send + 'static>(_: &S) {}
        let server = Server::new(Reading::PageSize, 10);
        let stream = pages(&server.client(), &search(None));
        check(&stream);
        drop(stream);
        assert!(
            server.windows().is_empty(),
            "nothing sent before the first poll"
        );
    }

    #[test]
    fn query_strings_are_percent_encoded_and_skip_nulls() {
        #[derive(Serialize)]
        struct Q {
            term: &'static str,
            none: Option<u64>,
            start: u64,
            flag: bool,
        }
        let q = Q {
            term: "a b&c=d/é",
            none: None,
            start: 3,
            flag: true,
        };
        assert_eq!(
            query_string(&q).expect("encodes"),
            "?flag=true&start=3&term=a%20b%26c%3Dd%2F%C3%A9"
        );
        assert!(
            query_string(&Requests::default())
                .expect("encodes")
                .is_empty()
        );
        assert!(query_string(&vec![1]).is_err());
    }
}
