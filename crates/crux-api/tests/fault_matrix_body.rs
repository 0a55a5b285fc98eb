//! The fault matrix, part 2: hostile bodies, redirects and dropped calls,
//! through `Client` and the hyper transport against raw loopback sockets
//! (`support::raw`). The table of scenarios is in docs/reliability.md.

mod support;

use std::{
    error::Error as _,
    future::{IntoFuture, poll_fn},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use crux_api::{
    Client, Error, ErrorKind, RetryPolicy,
    transport::HyperTransport,
    types::{ItemId, ItemSearch},
};
use futures_core::Stream;
use http::StatusCode;
use support::{
    CANARY, USERS_JSON,
    raw::{Conn, RawServer, localhost_tls},
};
use tokio::{net::TcpListener, sync::mpsc};

fn client(base_url: &str) -> Client {
    Client::builder()
        .token(CANARY)
        .base_url(base_url)
        .retry(RetryPolicy::new().random(|| 0.0))
        .build()
        .expect("client builds")
}

async fn bounded<T>(future: impl IntoFuture<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(10), future.into_future())
        .await
        .expect("finished within the bound")
}

/// Everything an error shows: Display, Debug and each source's Display.
fn everything(error: &Error) -> String {
    let mut text = format!("{error} / {error:?}");
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(" / {cause} / {cause:?}"));
        source = cause.source();
    }
    text
}

/// Answers every request with `status` and `body` (exact length), on
/// keep-alive connections.
async fn answering(status: &'static str, body: String) -> RawServer {
    RawServer::start(move |mut conn: Conn| {
        let body = body.clone();
        async move {
            while conn.read_request().await.is_some() {
                let response = format!(
                    "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                );
                if !conn.write(response.as_bytes()).await {
                    return;
                }
            }
        }
    })
    .await
}

// --- Deeply nested JSON -------------------------------------------------------

/// serde_json stops at 128 levels, so 10,000 are a decode error, not a
/// stack overflow; checked for a list, a get and a (POST) search, and for
/// an error status whose body the client reads for a message.
#[tokio::test]
async fn ten_thousand_nested_brackets_are_a_decode_error_not_a_stack_overflow() {
    let nested = "[".repeat(10_000);
    let server = answering("200 OK", nested.clone()).await;
    let client = client(&server.http_url());

    let list = bounded(client.users().list()).await.expect_err("list");
    let item: ItemId = "c278fcc7-ff5e-4494-9ccf-36d6d6d167c8"
        .parse()
        .expect("an item id");
    let get = bounded(client.items().get(item)).await.expect_err("get");
    let search = ItemSearch::default();
    let search = bounded(client.items().search(&search))
        .await
        .expect_err("search");
    for (what, error) in [("list", list), ("get", get), ("search", search)] {
        assert_eq!(error.kind(), ErrorKind::Decode, "{what}: {error:?}");
        assert_eq!(error.status(), Some(StatusCode::OK), "{what}");
        assert_eq!(error.attempts(), 1, "{what}: the attempt that got the body");
        assert!(
            error.body().is_some_and(|b| b.chars().count() < 2100),
            "{what}: the excerpt is bounded"
        );
    }
    assert_eq!(server.requests().len(), 3, "a decode error is not retried");

    let objects = format!("{}1{}", r#"{"detail":"#.repeat(10_000), "}".repeat(10_000));
    let server = answering("400 Bad Request", objects).await;
    let error = bounded(client_for_server(&server).users().list())
        .await
        .expect_err("400");
    assert_eq!(error.kind(), ErrorKind::Status, "{error:?}");
    assert_eq!(error.message(), None, "no message from an unreadable body");
}

fn client_for_server(server: &RawServer) -> Client {
    client(&server.http_url())
}

// --- Redirects ------------------------------------------------------------------

/// A server that counts every connection: the redirects' targets. Nothing
/// may reach it.
async fn target() -> RawServer {
    RawServer::start(|mut conn: Conn| async move {
        while conn.read_request().await.is_some() {
            conn.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n[]")
                .await;
        }
    })
    .await
}

fn assert_redirect_not_followed(error: &Error, target: &RawServer, expected_location: &str) {
    assert_eq!(error.kind(), ErrorKind::Redirect, "{error:?}");
    assert_eq!(error.status(), Some(StatusCode::FOUND));
    assert_eq!(error.location(), Some(expected_location));
    assert_eq!(error.attempts(), 1, "a redirect is not retried");
    let shown = everything(error);
    assert!(shown.contains(expected_location), "{shown}");
    assert!(!shown.contains(CANARY), "the token leaked: {shown}");
    assert!(!shown.contains("s3cret"), "the query leaked: {shown}");
    assert_eq!(target.connections(), 0, "nothing reached the other host");
}

#[tokio::test]
async fn a_302_to_another_host_is_not_followed_and_the_token_stays_home() {
    let target = target().await;
    // `localhost` is another host name than the base URL's `127.0.0.1`
    // (and resolves to the target, so following it would be counted).
    let location = format!(
        "http://localhost:{}/steal?token={CANARY}&q=s3cret#s3cret",
        target.addr.port()
    );
    let server = RawServer::start(move |mut conn: Conn| {
        let location = location.clone();
        async move {
            while conn.read_request().await.is_some() {
                let response = format!(
                    "HTTP/1.1 302 Found\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n"
                );
                conn.write(response.as_bytes()).await;
            }
        }
    })
    .await;

    let error = bounded(client(&server.http_url()).users().list())
        .await
        .expect_err("a redirect");
    let expected = format!("http://localhost:{}/steal?<redacted>", target.addr.port());
    assert_redirect_not_followed(&error, &target, &expected);
    assert_eq!(server.requests().len(), 1);
    assert!(
        error.to_string().contains("302 Found"),
        "Display names the status: {error}"
    );
}

#[tokio::test]
async fn a_302_from_https_to_plain_http_is_not_followed() {
    let target = target().await;
    let location = format!(
        "http://127.0.0.1:{}/organizations/users/all/?auth_token={CANARY}",
        target.addr.port()
    );
    let (ca_der, acceptor) = localhost_tls();
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (seen_tx, mut seen_rx) = mpsc::unbounded_channel();
    let server = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.expect("accept");
        let mut tls = acceptor.accept(stream).await.expect("handshake");
        let mut head = Vec::new();
        let mut buf = [0u8; 4096];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = tokio::io::AsyncReadExt::read(&mut tls, &mut buf)
                .await
                .expect("read");
            assert!(n > 0, "the client closed before its request");
            head.extend_from_slice(&buf[..n]);
        }
        let _ = seen_tx.send(String::from_utf8_lossy(&head).into_owned());
        let response =
            format!("HTTP/1.1 302 Found\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n");
        tokio::io::AsyncWriteExt::write_all(&mut tls, response.as_bytes())
            .await
            .expect("write");
        tokio::io::AsyncWriteExt::flush(&mut tls)
            .await
            .expect("flush");
        // Hold the connection until the client drops it.
        while matches!(tokio::io::AsyncReadExt::read(&mut tls, &mut buf).await, Ok(n) if n > 0) {}
    });
    let transport = HyperTransport::builder()
        .add_root_certificate(ca_der)
        .build()
        .expect("transport builds");
    let client = Client::builder()
        .token(CANARY)
        .base_url(&format!("https://localhost:{port}"))
        .transport(transport)
        .build()
        .expect("client builds");

    let error = bounded(client.users().list())
        .await
        .expect_err("a redirect");
    let expected = format!(
        "http://127.0.0.1:{}/organizations/users/all/?<redacted>",
        target.addr.port()
    );
    assert_redirect_not_followed(&error, &target, &expected);
    let head = seen_rx
        .recv()
        .await
        .expect("the https server got the request");
    assert!(head.starts_with("GET /organizations/users/all/ "), "{head}");
    drop(client);
    bounded(server)
        .await
        .expect("the https server ended cleanly");
}

// --- Dropped calls ------------------------------------------------------------------

/// A call dropped while the server holds its request: the connection is
/// closed (the server sees EOF, so no task still holds it), not returned to
/// the pool, and the next call succeeds on a new connection.
#[tokio::test]
async fn a_call_dropped_mid_request_closes_its_connection_and_the_next_call_succeeds() {
    let (events_tx, mut events_rx) = mpsc::unbounded_channel();
    let server = RawServer::start(move |mut conn: Conn| {
        let events = events_tx.clone();
        async move {
            if conn.index == 0 {
                if conn.read_request().await.is_some() {
                    let _ = events.send("head");
                    conn.until_eof().await;
                    let _ = events.send("eof");
                }
                return;
            }
            while conn.read_request().await.is_some() {
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{USERS_JSON}",
                    USERS_JSON.len()
                );
                if !conn.write(response.as_bytes()).await {
                    return;
                }
            }
        }
    })
    .await;
    let client = client(&server.http_url());

    let call = client.users().list().into_future();
    tokio::select! {
        answered = call => panic!("the held call answered: {answered:?}"),
        event = events_rx.recv() => assert_eq!(event, Some("head")),
    }
    // The call future is dropped here, mid-request.
    assert_eq!(
        bounded(events_rx.recv()).await,
        Some("eof"),
        "the dropped call's connection was closed"
    );

    let users = bounded(client.users().list())
        .await
        .expect("the next call succeeds");
    assert!(!users.is_empty());
    assert_eq!(
        server.seen(),
        [(0, "GET".to_owned()), (1, "GET".to_owned())],
        "the next call used a new connection"
    );
}

/// A `search_all` stream dropped while the server holds its second page:
/// the stream owned that request, so dropping it closes the connection (the
/// server sees EOF) and the next call goes on a new one.
#[tokio::test]
async fn a_page_stream_dropped_mid_walk_closes_its_connection_and_the_next_call_succeeds() {
    const PAGE: &str = include_str!("../../crux-types/tests/fixtures/product/search_items.json");
    let (events_tx, mut events_rx) = mpsc::unbounded_channel();
    let requests = Arc::new(AtomicUsize::new(0));
    let server = RawServer::start(move |mut conn: Conn| {
        let (events, requests) = (events_tx.clone(), Arc::clone(&requests));
        async move {
            while let Some(request) = conn.read_request().await {
                if requests.fetch_add(1, Ordering::SeqCst) == 1 {
                    // The second page: hold it until the client goes.
                    let _ = events.send("held");
                    conn.until_eof().await;
                    let _ = events.send("eof");
                    return;
                }
                let body = if request.method == "GET" {
                    USERS_JSON
                } else {
                    PAGE
                };
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                );
                if !conn.write(response.as_bytes()).await {
                    return;
                }
            }
        }
    })
    .await;
    let client = client(&server.http_url());

    let search = ItemSearch::default();
    let mut items = Box::pin(client.items().search_all(&search));
    let first = bounded(poll_fn(|cx| items.as_mut().poll_next(cx))).await;
    assert!(
        matches!(first, Some(Ok(_))),
        "the first page's item: {first:?}"
    );
    tokio::select! {
        next = poll_fn(|cx| items.as_mut().poll_next(cx)) => panic!("the held page answered: {next:?}"),
        event = events_rx.recv() => assert_eq!(event, Some("held")),
    }
    drop(items);
    assert_eq!(
        bounded(events_rx.recv()).await,
        Some("eof"),
        "the dropped stream's connection was closed"
    );

    bounded(client.users().list())
        .await
        .expect("the next call succeeds");
    assert_eq!(
        server.seen(),
        [
            (0, "POST".to_owned()),
            (0, "POST".to_owned()),
            (1, "GET".to_owned())
        ],
        "two pages on one connection, then the next call on a new one"
    );
}
