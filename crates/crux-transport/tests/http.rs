//! `HyperTransport` over plain HTTP on loopback: requests, size limits and
//! how failures are classified.
#![cfg(feature = "hyper")]

mod support;

use std::{
    error::Error as _,
    sync::{Arc, Mutex},
    time::Duration,
};

use bytes::Bytes;
use crux_transport::{HyperTransport, Transport, TransportError, TransportErrorKind};
use http_body_util::BodyExt;
use hyper::Response;
use support::{TestBody, handler, read_head, serve_http1, serve_raw};
use tokio::io::AsyncWriteExt;

fn get(url: &str) -> http::Request<Bytes> {
    http::Request::get(url).body(Bytes::new()).unwrap()
}

fn transport_with_limit(limit: usize) -> HyperTransport {
    HyperTransport::builder()
        .max_response_body_bytes(limit)
        .build()
        .unwrap()
}

/// The whole `source()` chain, for checking what an error says.
fn chain(err: &TransportError) -> String {
    let mut text = format!("{err} / {err:?}");
    let mut source = err.source();
    while let Some(err) = source {
        text.push_str(&format!(" / {err}"));
        source = err.source();
    }
    text
}

#[derive(Default)]
struct Seen {
    method: String,
    path_and_query: String,
    headers: http::HeaderMap,
    body: Bytes,
}

#[tokio::test]
async fn sends_the_request_as_given_and_returns_the_whole_response() {
    let seen = Arc::new(Mutex::new(Seen::default()));
    let record = seen.clone();
    let addr = serve_http1(handler(
        move |request: http::Request<hyper::body::Incoming>| {
            let record = record.clone();
            async move {
                let (parts, body) = request.into_parts();
                let body = body.collect().await.unwrap().to_bytes();
                *record.lock().unwrap() = Seen {
                    method: parts.method.to_string(),
                    path_and_query: parts.uri.path_and_query().unwrap().to_string(),
                    headers: parts.headers,
                    body,
                };
                Response::builder()
                    .status(201)
                    .header("x-reply", "yes")
                    .body(TestBody::full("hello"))
                    .unwrap()
            }
        },
    ))
    .await;

    let transport = HyperTransport::new().unwrap();
    let request = http::Request::post(format!("http://{addr}/v1/orders?limit=5"))
        .header("x-custom", "abc")
        .header("content-type", "application/json")
        .body(Bytes::from_static(b"{\"a\":1}"))
        .unwrap();
    let response = transport.send(request).await.unwrap();

    assert_eq!(response.status(), 201);
    assert_eq!(response.version(), http::Version::HTTP_11);
    assert_eq!(response.headers()["x-reply"], "yes");
    assert_eq!(response.body(), "hello");

    let seen = seen.lock().unwrap();
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.path_and_query, "/v1/orders?limit=5");
    assert_eq!(seen.headers["x-custom"], "abc");
    assert_eq!(seen.headers["content-type"], "application/json");
    assert_eq!(seen.body, "{\"a\":1}");
    assert!(
        !seen.headers.contains_key("accept-encoding"),
        "no compression is negotiated"
    );
}

#[tokio::test]
async fn clones_share_one_transport_and_it_serves_many_requests() {
    let addr = serve_http1(handler(|_| async {
        Response::new(TestBody::full("again"))
    }))
    .await;
    let transport = HyperTransport::new().unwrap();
    let clone = transport.clone();
    for t in [&transport, &clone, &transport] {
        let response = t.send(get(&format!("http://{addr}/"))).await.unwrap();
        assert_eq!(response.body(), "again");
    }
}

#[tokio::test]
async fn a_body_of_exactly_the_limit_is_accepted() {
    let addr = serve_http1(handler(|request: http::Request<_>| async move {
        let body = if request.uri().path() == "/chunked" {
            TestBody::chunked(1000, 100)
        } else {
            TestBody::full(vec![b'x'; 1000])
        };
        Response::new(body)
    }))
    .await;
    let transport = transport_with_limit(1000);

    for path in ["/full", "/chunked"] {
        let response = transport
            .send(get(&format!("http://{addr}{path}")))
            .await
            .unwrap();
        assert_eq!(response.body().len(), 1000, "{path}");
    }
}

#[tokio::test]
async fn a_body_one_byte_over_the_limit_is_rejected() {
    let addr = serve_http1(handler(|request: http::Request<_>| async move {
        let body = if request.uri().path() == "/chunked" {
            TestBody::chunked(1001, 100)
        } else {
            TestBody::full(vec![b'x'; 1001])
        };
        Response::new(body)
    }))
    .await;
    let transport = transport_with_limit(1000);

    for path in ["/full", "/chunked"] {
        let err = transport
            .send(get(&format!("http://{addr}{path}")))
            .await
            .unwrap_err();
        assert_eq!(
            err.kind(),
            TransportErrorKind::BodyTooLarge,
            "{path}: {}",
            chain(&err)
        );
        assert!(err.may_have_been_sent());
    }
}

#[tokio::test]
async fn a_declared_length_over_the_limit_fails_before_reading_the_body() {
    // The server announces 10 MB and then sends nothing: a transport that
    // started reading the body would wait until its request timeout.
    let addr = serve_raw(|mut stream| async move {
        read_head(&mut stream).await;
        let head = "HTTP/1.1 200 OK\r\ncontent-length: 10000000\r\n\r\n";
        stream.write_all(head.as_bytes()).await.unwrap();
        std::future::pending::<()>().await;
    })
    .await;
    let transport = transport_with_limit(1024);

    let err = transport
        .send(get(&format!("http://{addr}/")))
        .await
        .unwrap_err();
    assert_eq!(
        err.kind(),
        TransportErrorKind::BodyTooLarge,
        "{}",
        chain(&err)
    );
    assert!(chain(&err).contains("10000000"), "{}", chain(&err));
}

#[tokio::test]
async fn an_endless_chunked_body_stops_at_the_limit() {
    // The body never ends: the error can only arrive if reading stopped.
    let addr = serve_http1(handler(|_| async {
        Response::new(TestBody::endless(16 * 1024))
    }))
    .await;
    let transport = transport_with_limit(256 * 1024);

    let err = transport
        .send(get(&format!("http://{addr}/")))
        .await
        .unwrap_err();
    assert_eq!(
        err.kind(),
        TransportErrorKind::BodyTooLarge,
        "{}",
        chain(&err)
    );
    assert!(err.may_have_been_sent());
}

#[tokio::test]
async fn a_refused_connection_was_not_sent() {
    let refused = support::RefusedAddr::new();
    let transport = HyperTransport::new().unwrap();
    let request = http::Request::get(format!("http://{}/", refused.addr()))
        .header("authorization", "Bearer very-secret-token")
        .body(Bytes::new())
        .unwrap();

    let err = transport.send(request).await.unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Connect, "{}", chain(&err));
    assert!(!err.may_have_been_sent());
    assert!(
        !chain(&err).contains("very-secret-token"),
        "{}",
        chain(&err)
    );
}

#[tokio::test]
async fn a_server_that_closes_without_answering_may_have_got_the_request() {
    let addr = serve_raw(|mut stream| async move {
        read_head(&mut stream).await;
        drop(stream);
    })
    .await;
    let transport = HyperTransport::new().unwrap();

    let err = transport
        .send(get(&format!("http://{addr}/")))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err.kind(),
            TransportErrorKind::Io | TransportErrorKind::Other
        ),
        "{}",
        chain(&err)
    );
    assert!(err.may_have_been_sent());
}

#[tokio::test]
async fn a_server_that_never_answers_hits_the_request_timeout() {
    let addr = serve_raw(|mut stream| async move {
        read_head(&mut stream).await;
        std::future::pending::<()>().await; // holds the connection open
    })
    .await;
    let transport = HyperTransport::builder()
        .request_timeout(Duration::from_millis(200))
        .build()
        .unwrap();

    let err = transport
        .send(get(&format!("http://{addr}/")))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Timeout, "{}", chain(&err));
    assert!(err.is_timeout());
    assert!(err.may_have_been_sent());
}

#[tokio::test]
async fn a_stalled_tls_handshake_is_a_connect_timeout_and_was_not_sent() {
    // Accepts TCP, then says nothing: the TLS handshake never finishes.
    let addr = serve_raw(|stream| async move {
        let _stream = stream;
        std::future::pending::<()>().await;
    })
    .await;
    let transport = HyperTransport::builder()
        .connect_timeout(Duration::from_millis(200))
        .build()
        .unwrap();

    let err = transport
        .send(get(&format!("https://127.0.0.1:{}/", addr.port())))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Timeout, "{}", chain(&err));
    assert!(!err.may_have_been_sent(), "{}", chain(&err));
}

#[tokio::test]
async fn a_truncated_body_is_an_incomplete_body_error() {
    let addr = serve_raw(|mut stream| async move {
        read_head(&mut stream).await;
        let response = "HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789";
        stream.write_all(response.as_bytes()).await.unwrap();
        stream.shutdown().await.unwrap();
    })
    .await;
    let transport = HyperTransport::new().unwrap();

    let err = transport
        .send(get(&format!("http://{addr}/")))
        .await
        .unwrap_err();
    assert_eq!(
        err.kind(),
        TransportErrorKind::IncompleteBody,
        "{}",
        chain(&err)
    );
    assert!(err.may_have_been_sent());
}

#[tokio::test]
async fn a_chunked_body_cut_short_or_reset_is_an_incomplete_body_error() {
    // A chunk announced (16 bytes) but cut after 4, then a close; and a
    // reset (SO_LINGER 0) in the middle of a declared length.
    let addr = serve_raw(|mut stream| async move {
        let path = String::from_utf8(read_head(&mut stream).await).unwrap();
        if path.starts_with("GET /chunked ") {
            let response = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n10\r\n0123";
            stream.write_all(response.as_bytes()).await.unwrap();
            stream.shutdown().await.unwrap();
        } else {
            let response = "HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789";
            stream.write_all(response.as_bytes()).await.unwrap();
            stream.set_zero_linger().unwrap();
            drop(stream);
        }
    })
    .await;
    let transport = HyperTransport::new().unwrap();

    for path in ["chunked", "reset"] {
        let err = transport
            .send(get(&format!("http://{addr}/{path}")))
            .await
            .unwrap_err();
        assert_eq!(
            err.kind(),
            TransportErrorKind::IncompleteBody,
            "{path}: {}",
            chain(&err)
        );
        assert!(err.may_have_been_sent(), "{path}");
    }
}

#[tokio::test(start_paused = true)]
async fn the_default_connect_timeout_is_3_1_s() {
    // A TLS handshake that never finishes; the paused clock jumps to the
    // first timer due, which must be the default connect timeout.
    let addr = serve_raw(|stream| async move {
        let _stream = stream;
        std::future::pending::<()>().await;
    })
    .await;
    let transport = HyperTransport::new().unwrap();

    let started = tokio::time::Instant::now();
    let err = transport
        .send(get(&format!("https://127.0.0.1:{}/", addr.port())))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(err.kind(), TransportErrorKind::Timeout, "{}", chain(&err));
    assert!(!err.may_have_been_sent());
    assert!(
        elapsed >= Duration::from_millis(3100) && elapsed < Duration::from_millis(3150),
        "{elapsed:?}"
    );
    assert!(
        format!("{:?}", HyperTransport::builder()).contains("connect_timeout: 3.1s"),
        "{:?}",
        HyperTransport::builder()
    );
}

#[tokio::test]
async fn an_oversized_response_head_is_an_error_not_a_panic() {
    let addr = serve_raw(|mut stream| async move {
        let path = String::from_utf8(read_head(&mut stream).await).unwrap();
        let mut head = String::from("HTTP/1.1 200 OK\r\n");
        if path.starts_with("GET /many ") {
            for i in 0..500 {
                head.push_str(&format!("x-h{i}: v\r\n"));
            }
        } else {
            head.push_str(&format!("x-big: {}\r\n", "a".repeat(1024 * 1024)));
        }
        head.push_str("content-length: 0\r\n\r\n");
        // The client may close before it has all: ignore the failure.
        let _ = stream.write_all(head.as_bytes()).await;
    })
    .await;
    let transport = HyperTransport::new().unwrap();

    for path in ["many", "big"] {
        let err = transport
            .send(get(&format!("http://{addr}/{path}")))
            .await
            .unwrap_err();
        assert_eq!(
            err.kind(),
            TransportErrorKind::Other,
            "{path}: {}",
            chain(&err)
        );
        assert!(err.may_have_been_sent(), "{path}");
    }
}

#[tokio::test]
async fn a_request_without_scheme_or_host_is_rejected_unsent() {
    let transport = HyperTransport::new().unwrap();
    for uri in ["/relative/path", "ftp://127.0.0.1/file"] {
        let err = transport.send(get(uri)).await.unwrap_err();
        assert_eq!(err.kind(), TransportErrorKind::Other, "{uri}");
        assert!(!err.may_have_been_sent(), "{uri}");
    }
}

#[test]
fn debug_shows_the_settings() {
    let transport = HyperTransport::builder()
        .request_timeout(Duration::from_secs(7))
        .build()
        .unwrap();
    let debug = format!("{transport:?}");
    assert!(debug.starts_with("HyperTransport {"), "{debug}");
    assert!(debug.contains("7s"), "{debug}");
    let builder = format!(
        "{:?}",
        HyperTransport::builder().add_root_certificate(vec![1, 2, 3])
    );
    assert!(builder.contains("extra_root_certificates: 1"), "{builder}");
}

#[test]
fn sending_outside_a_runtime_is_an_error_not_a_panic() {
    let transport = HyperTransport::new().unwrap();
    let future = transport.send(get("http://127.0.0.1:9/"));
    // A minimal executor: the future must fail on its first poll.
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(Err(err)) => {
            assert_eq!(err.kind(), TransportErrorKind::Other);
            assert!(!err.may_have_been_sent());
        }
        other => panic!("expected an immediate error, got {other:?}"),
    }
}
