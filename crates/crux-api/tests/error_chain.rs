//! The `std::error::Error` chain convention: each level's `Display` describes
//! that level only, and `source()` returns the cause, so a chain printer
//! (anyhow's `{:#}`, the CLI) shows every cause exactly once.

mod support;

use std::{error::Error as StdError, fmt, io};

use crux_api::{
    Client, Error, ErrorKind, RetryPolicy,
    transport::{
        Transport, TransportError, TransportErrorKind,
        test_util::{NeverTransport, infallible_transport_fn, transport_fn},
    },
};
use support::CANARY;

/// A cause with a cause of its own, to make the chain deeper.
#[derive(Debug)]
struct Handshake(io::Error);

impl fmt::Display for Handshake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("proxy handshake aborted")
    }
}

impl StdError for Handshake {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.0)
    }
}

/// The `Display` of every level of the chain, `error` first.
fn chain(error: &Error) -> Vec<String> {
    let mut texts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        texts.push(cause.to_string());
        source = cause.source();
    }
    texts
}

/// No level repeats the text of a level below it.
fn assert_no_repeats(error: &Error) -> Vec<String> {
    let texts = chain(error);
    for (i, outer) in texts.iter().enumerate() {
        for inner in &texts[i + 1..] {
            assert!(
                !outer.contains(inner.as_str()),
                "{outer:?} repeats {inner:?}"
            );
        }
    }
    texts
}

async fn error_from(transport: impl Transport + 'static) -> Error {
    Client::builder()
        .token(CANARY)
        .base_url("https://api.example.test")
        .transport(transport)
        .retry(RetryPolicy::disabled())
        .timeout(std::time::Duration::from_secs(1))
        .build()
        .expect("client builds")
        .users()
        .list()
        .await
        .expect_err("must fail")
}

#[tokio::test]
async fn a_nested_transport_error_shows_each_cause_once() {
    let transport = transport_fn(|_| {
        let root = io::Error::new(io::ErrorKind::ConnectionReset, "connection reset by peer");
        let error = io::Error::other(Handshake(root));
        Err(TransportError::new(TransportErrorKind::Io).with_source(error))
    });
    let error = error_from(transport).await;
    let texts = assert_no_repeats(&error);
    assert_eq!(
        texts,
        [
            "GET /organizations/users/all/: request failed",
            "I/O error",
            "proxy handshake aborted",
            "connection reset by peer",
        ]
    );
}

#[tokio::test]
async fn a_decode_error_leaves_serde_s_message_to_its_source() {
    let error = error_from(infallible_transport_fn(|_| {
        http::Response::new(r#"{"not":"a list"}"#.into())
    }))
    .await;
    assert_eq!(error.kind(), ErrorKind::Decode);
    let texts = assert_no_repeats(&error);
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[1].starts_with("invalid type: map"), "{texts:?}");
}

#[tokio::test(start_paused = true)]
async fn timeouts_and_limits_from_the_transport_are_not_said_twice() {
    for kind in [
        TransportErrorKind::Timeout,
        TransportErrorKind::BodyTooLarge,
    ] {
        let error = error_from(transport_fn(move |_| Err(TransportError::new(kind)))).await;
        assert_eq!(assert_no_repeats(&error).len(), 2);
    }
    let deadline = error_from(NeverTransport::new()).await;
    assert!(deadline.is_timeout());
    assert_no_repeats(&deadline);
}

#[tokio::test]
async fn a_status_error_has_no_source_and_shows_the_server_message() {
    let error = error_from(infallible_transport_fn(|_| {
        let mut response = http::Response::new(r#"{"detail":"Not found."}"#.into());
        *response.status_mut() = http::StatusCode::NOT_FOUND;
        response
    }))
    .await;
    assert_eq!(
        chain(&error),
        ["GET /organizations/users/all/: 404 Not Found: error response: Not found."]
    );
}
