//! The fault matrix, part 1: connections and timing, through `Client` and
//! the default hyper transport against raw loopback sockets
//! (`support::raw`). Waits run on tokio's paused clock, or with a
//! zero-jitter retry policy, so no test sleeps for real. The table of
//! scenarios is in docs/reliability.md.

mod support;

use std::{sync::Arc, time::Duration};

use crux_api::{
    Client, Error, ErrorKind, RetryPolicy,
    transport::{HyperTransport, TransportErrorKind},
    types::{Item, NewItem},
};
use support::{
    CANARY, USERS_JSON,
    raw::{Conn, RawServer, RefusedAddr},
};
use tokio::{
    sync::{Notify, mpsc},
    time::Instant,
};

const ITEM_JSON: &str = include_str!("../../crux-types/tests/fixtures/product/create_item.json");

/// Retries with no wait between attempts (zero jitter).
fn no_wait(attempts: u32) -> RetryPolicy {
    RetryPolicy::new().max_attempts(attempts).random(|| 0.0)
}

fn client(base_url: &str, retry: RetryPolicy) -> Client {
    Client::builder()
        .token(CANARY)
        .base_url(base_url)
        .retry(retry)
        .build()
        .expect("client builds")
}

/// A response with a JSON body and its exact `Content-Length`.
fn json_response(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// Fails the test instead of hanging when `future` does not finish within
/// `limit` (real time, or paused time that auto-advances).
async fn bounded<T>(limit: Duration, future: impl std::future::IntoFuture<Output = T>) -> T {
    tokio::time::timeout(limit, future.into_future())
        .await
        .expect("finished within the bound")
}

fn transport_kind(error: &Error) -> TransportErrorKind {
    error
        .transport_error()
        .unwrap_or_else(|| panic!("a transport error: {error:?}"))
        .kind()
}

fn new_item() -> NewItem {
    NewItem {
        title: Some("Garden chair".into()),
        ..NewItem::default()
    }
}

// --- Connecting -----------------------------------------------------------

/// Whether `error` failed in the connect phase, provably before sending:
/// name resolution failed (`Connect`) or did not finish within the connect
/// timeout (`Timeout`, which covers DNS).
fn failed_before_sending(error: &Error) -> bool {
    let transport = error.transport_error();
    transport.is_some_and(|t| {
        matches!(
            t.kind(),
            TransportErrorKind::Connect | TransportErrorKind::Timeout
        ) && !t.may_have_been_sent()
    })
}

/// The system resolver decides how a name fails: on this machine
/// `getent hosts crux-test.invalid` fails at once (`.invalid` never
/// resolves, RFC 6761), but now and then a lost resolver answer makes
/// glibc wait out its own timeout, and the connect timeout (which covers
/// DNS) ends the attempt first. Either is a connect-phase failure that
/// provably sent nothing; a 1 s connect timeout bounds the slow case.
#[tokio::test]
async fn an_unresolvable_host_is_a_connect_error_retried_for_get_and_post_never_sent() {
    let transport = HyperTransport::builder()
        .connect_timeout(Duration::from_secs(1))
        .build()
        .expect("transport builds");
    let client = Client::builder()
        .token(CANARY)
        .base_url("https://crux-test.invalid")
        .transport(transport)
        .retry(no_wait(3))
        .build()
        .expect("client builds");

    let error = bounded(Duration::from_secs(30), client.users().list())
        .await
        .expect_err("no such host");
    assert!(failed_before_sending(&error), "{error:?}");
    assert_eq!(error.attempts(), 3, "every configured attempt: {error:?}");

    let new = new_item();
    let error = bounded(Duration::from_secs(30), client.items().create(&new))
        .await
        .expect_err("no such host");
    assert!(failed_before_sending(&error), "{error:?}");
    assert_eq!(
        error.attempts(),
        3,
        "a POST never sent is retried: {error:?}"
    );
    assert!(!error.is_outcome_unknown(), "it was never sent: {error:?}");
    assert!(!format!("{error} {error:?}").contains(CANARY));
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_get_and_post_never_sent() {
    let refused = RefusedAddr::new();
    let client = client(&refused.http_url(), no_wait(3));

    let error = bounded(Duration::from_secs(10), client.users().list())
        .await
        .expect_err("refused");
    assert_eq!(
        transport_kind(&error),
        TransportErrorKind::Connect,
        "{error:?}"
    );
    assert_eq!(error.attempts(), 3);

    let new = new_item();
    let error = bounded(Duration::from_secs(10), client.items().create(&new))
        .await
        .expect_err("refused");
    assert_eq!(
        transport_kind(&error),
        TransportErrorKind::Connect,
        "{error:?}"
    );
    assert_eq!(error.attempts(), 3, "a POST never sent is retried");
    assert!(!error.is_outcome_unknown());
}

/// Accepts TCP and reads whatever comes (a TLS ClientHello) without ever
/// answering: an `https` connect that never completes.
async fn silent_tls_server() -> RawServer {
    RawServer::start(|mut conn: Conn| async move { conn.until_eof().await }).await
}

#[tokio::test(start_paused = true)]
async fn a_connect_that_never_completes_times_out_after_the_default_3_1_s() {
    let server = silent_tls_server().await;
    let client = client(
        &format!("https://127.0.0.1:{}", server.addr.port()),
        RetryPolicy::disabled(),
    );

    let started = Instant::now();
    let error = bounded(Duration::from_secs(60), client.users().list())
        .await
        .expect_err("times out");
    let elapsed = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert_eq!(transport_kind(&error), TransportErrorKind::Timeout);
    assert!(!error.transport_error().expect("kept").may_have_been_sent());
    // The default connect timeout of crux-transport's builder: 3.1 s
    // (docs/reliability.md), well before the 30 s request timeout.
    assert!(
        elapsed >= Duration::from_millis(3100) && elapsed < Duration::from_millis(3150),
        "the connect phase ended after {elapsed:?}"
    );
    assert_eq!(server.connections(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_connect_timeout_is_retried_for_get_and_post() {
    let server = silent_tls_server().await;
    let client = client(
        &format!("https://127.0.0.1:{}", server.addr.port()),
        no_wait(3),
    );

    let started = Instant::now();
    let error = bounded(Duration::from_secs(60), client.users().list())
        .await
        .expect_err("times out");
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert_eq!(error.attempts(), 3);
    assert_eq!(server.connections(), 3, "one connection per attempt");
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(9300) && elapsed < Duration::from_millis(9400),
        "three connect timeouts took {elapsed:?}"
    );

    let new = new_item();
    let error = bounded(Duration::from_secs(60), client.items().create(&new))
        .await
        .expect_err("times out");
    assert_eq!(
        transport_kind(&error),
        TransportErrorKind::Timeout,
        "{error:?}"
    );
    assert_eq!(error.attempts(), 3, "not sent, so a POST is retried too");
    assert!(!error.is_outcome_unknown(), "{error:?}");
    assert_eq!(server.connections(), 6);
}

// --- Keep-alive -----------------------------------------------------------

/// The server answers a GET on a keep-alive connection and, once the client
/// holds that connection idle in its pool, closes its side. The signal
/// that the client noticed (no sleep): the server half-closes (FIN) and
/// keeps reading; hyper reads the EOF on the idle connection, shuts it down
/// and drops it, and only then does the server's read end. After that the
/// pool cannot hand the dead connection out, so the POST that follows must
/// go, once, on a new connection. (Anything the client still wrote on the
/// first connection would be read and recorded, and fail the test.)
#[tokio::test]
async fn a_post_after_the_server_closed_an_idle_connection_is_sent_once_on_a_fresh_one() {
    let close_now = Arc::new(Notify::new());
    let (closed_tx, mut closed_rx) = mpsc::unbounded_channel();
    let server = RawServer::start({
        let close_now = Arc::clone(&close_now);
        move |mut conn: Conn| {
            let (close_now, closed) = (Arc::clone(&close_now), closed_tx.clone());
            async move {
                while let Some(request) = conn.read_request().await {
                    let body = if request.method == "GET" {
                        USERS_JSON
                    } else {
                        ITEM_JSON
                    };
                    conn.write(json_response("200 OK", body).as_bytes()).await;
                    if conn.index == 0 {
                        // Keep-alive was offered (HTTP/1.1, exact length):
                        // the connection is now idle in the client's pool.
                        close_now.notified().await;
                        let _ = tokio::io::AsyncWriteExt::shutdown(&mut conn.stream).await;
                        while conn.read_request().await.is_some() {}
                        let _ = closed.send(conn.index);
                        return;
                    }
                }
            }
        }
    })
    .await;
    let client = client(&server.http_url(), RetryPolicy::disabled());

    bounded(Duration::from_secs(10), client.users().list())
        .await
        .expect("the GET succeeds");
    close_now.notify_one();
    let closed = bounded(Duration::from_secs(10), closed_rx.recv()).await;
    assert_eq!(closed, Some(0), "the client closed the first connection");

    let new = new_item();
    let item: Item = bounded(Duration::from_secs(10), client.items().create(&new))
        .await
        .expect("the POST succeeds");
    assert_eq!(
        item.uuid.to_string(),
        "c278fcc7-ff5e-4494-9ccf-36d6d6d167c8"
    );
    assert_eq!(
        server.seen(),
        [(0, "GET".to_owned()), (1, "POST".to_owned())],
        "the POST was sent once, on a second connection"
    );
    assert_eq!(server.connections(), 2);
}

// --- Bodies cut short ---------------------------------------------------------

/// Declares 100 bytes, sends 10, closes.
async fn truncating_server() -> RawServer {
    RawServer::start(|mut conn: Conn| async move {
        if conn.read_request().await.is_some() {
            conn.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n[{\"uuid\":")
                .await;
        }
    })
    .await
}

#[tokio::test]
async fn a_body_cut_short_is_an_incomplete_body_error_a_get_is_retried() {
    let server = truncating_server().await;
    let client = client(&server.http_url(), no_wait(3));

    let error = bounded(Duration::from_secs(10), client.users().list())
        .await
        .expect_err("incomplete");
    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
    assert_eq!(transport_kind(&error), TransportErrorKind::IncompleteBody);
    assert!(error.transport_error().expect("kept").may_have_been_sent());
    assert_eq!(error.attempts(), 3, "a GET is retried");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_body_cut_short_after_a_post_is_not_retried_and_outcome_unknown() {
    let server = truncating_server().await;
    let client = client(&server.http_url(), no_wait(3));

    let new = new_item();
    let error = bounded(Duration::from_secs(10), client.items().create(&new))
        .await
        .expect_err("incomplete");
    assert_eq!(
        transport_kind(&error),
        TransportErrorKind::IncompleteBody,
        "{error:?}"
    );
    assert_eq!(
        error.attempts(),
        1,
        "a POST that reached the server is not re-sent"
    );
    assert!(error.is_outcome_unknown(), "{error:?}");
    assert_eq!(server.requests().len(), 1, "the server got one POST");
}

// --- Stalls -------------------------------------------------------------------

/// The per-request deadline of these tests.
const DEADLINE: Duration = Duration::from_secs(5);

/// Two clients with the [`DEADLINE`]: one with the default transport (whose
/// request timeout is the deadline), one with a transport given to the
/// builder (a 30 s request timeout), where the client's own timer ends it.
fn clients_with_deadline(server: &RawServer) -> [Client; 2] {
    let builder = || {
        Client::builder()
            .token(CANARY)
            .base_url(&server.http_url())
            .timeout(DEADLINE)
            .retry(RetryPolicy::disabled())
    };
    let own = HyperTransport::new().expect("transport builds");
    [
        builder().build().expect("client builds"),
        builder().transport(own).build().expect("client builds"),
    ]
}

async fn assert_ends_at_the_deadline(server: &RawServer) {
    for client in clients_with_deadline(server) {
        assert_client_ends_at_the_deadline(&client).await;
    }
}

async fn assert_client_ends_at_the_deadline(client: &Client) {
    let started = Instant::now();
    let error = bounded(Duration::from_secs(60), client.users().list())
        .await
        .expect_err("times out");
    let elapsed = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert!(error.is_timeout());
    assert!(
        elapsed >= DEADLINE && elapsed < DEADLINE + Duration::from_millis(50),
        "ended after {elapsed:?}, the deadline is {DEADLINE:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn headers_then_silence_end_at_the_attempt_deadline() {
    let server = RawServer::start(|mut conn: Conn| async move {
        if conn.read_request().await.is_some() {
            conn.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n")
                .await;
            conn.until_eof().await;
        }
    })
    .await;
    assert_ends_at_the_deadline(&server).await;
    assert_eq!(server.requests().len(), 2, "one per client");
}

#[tokio::test(start_paused = true)]
async fn a_body_that_drips_a_byte_a_second_ends_at_the_attempt_deadline() {
    let (dripped_tx, mut dripped_rx) = mpsc::unbounded_channel();
    let server = RawServer::start(move |mut conn: Conn| {
        let dripped = dripped_tx.clone();
        async move {
            if conn.read_request().await.is_none() {
                return;
            }
            let head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
            if !conn.write(head).await {
                return;
            }
            // One byte a second, until the client goes away.
            let mut sent = 0usize;
            while conn.write(b"1\r\n[\r\n").await {
                sent += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            let _ = dripped.send(sent);
        }
    })
    .await;
    assert_ends_at_the_deadline(&server).await;
    // The client dropped the connection at the deadline: the server's next
    // writes fail and its task ends by itself, after dripping for about the
    // deadline, not forever.
    for _client in 0..2 {
        let sent = bounded(Duration::from_secs(60), dripped_rx.recv()).await;
        let sent = sent.expect("the drip stopped");
        assert!((5..=8).contains(&sent), "dripped {sent} bytes");
    }
}

// --- Oversized heads ------------------------------------------------------------

async fn head_server(head: String) -> RawServer {
    RawServer::start(move |mut conn: Conn| {
        let head = head.clone();
        async move {
            if conn.read_request().await.is_some() {
                // The client may stop reading and close: ignore the failure.
                conn.write(head.as_bytes()).await;
                conn.write(b"content-length: 2\r\n\r\n[]").await;
            }
        }
    })
    .await
}

#[tokio::test]
async fn more_headers_than_hyper_allows_is_a_transport_error() {
    let mut head = String::from("HTTP/1.1 200 OK\r\n");
    for i in 0..500 {
        head.push_str(&format!("x-h{i}: v\r\n"));
    }
    let server = head_server(head).await;
    // A retrying policy: an answer that is not HTTP would come back the
    // same, so even a GET is not sent again.
    let client = client(&server.http_url(), RetryPolicy::new().random(|| 0.0));

    let error = bounded(Duration::from_secs(10), client.users().list())
        .await
        .expect_err("too many headers");
    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
    assert_eq!(
        transport_kind(&error),
        TransportErrorKind::Other,
        "{error:?}"
    );
    assert_eq!(error.attempts(), 1, "not retried");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_one_megabyte_header_is_a_transport_error() {
    let head = format!("HTTP/1.1 200 OK\r\nx-big: {}\r\n", "a".repeat(1024 * 1024));
    let server = head_server(head).await;
    let client = client(&server.http_url(), RetryPolicy::disabled());

    let error = bounded(Duration::from_secs(10), client.users().list())
        .await
        .expect_err("head too large");
    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
    assert_eq!(
        transport_kind(&error),
        TransportErrorKind::Other,
        "{error:?}"
    );
    assert!(error.to_string().len() < 1024, "the header is not echoed");
}
