//! The fakes of `crux_transport::test_util`.
#![cfg(feature = "test-util")]

use std::{error::Error as _, time::Duration};

use bytes::Bytes;
use crux_transport::{
    SharedTransport, Transport, TransportError, TransportErrorKind,
    test_util::{NeverTransport, ReplayEvent, ReplayTransport},
};

fn request(method: &str, uri: &str, body: &'static str) -> http::Request<Bytes> {
    http::Request::builder()
        .method(method)
        .uri(uri)
        .header("x-n", uri)
        .body(Bytes::from_static(body.as_bytes()))
        .unwrap()
}

#[tokio::test]
async fn replay_answers_in_order_and_records_every_request() {
    let replay = ReplayTransport::new([
        ReplayEvent::status(503),
        ReplayEvent::error(TransportError::new(TransportErrorKind::Connect).not_sent()),
        ReplayEvent::json(200, r#"{"ok":true}"#),
    ]);
    // The client gets a clone; the test keeps `replay`.
    let client_side = SharedTransport::from(replay.clone());

    let first = client_side
        .send(request("GET", "https://a.test/1", ""))
        .await
        .unwrap();
    assert_eq!(first.status(), 503);
    assert!(first.body().is_empty());

    let second = client_side
        .send(request("POST", "https://a.test/2", "{}"))
        .await
        .unwrap_err();
    assert_eq!(second.kind(), TransportErrorKind::Connect);
    assert!(!second.may_have_been_sent());

    let third = client_side
        .send(request("DELETE", "https://a.test/3", ""))
        .await
        .unwrap();
    assert_eq!(third.status(), 200);
    assert_eq!(
        third.headers()[http::header::CONTENT_TYPE],
        "application/json"
    );
    assert_eq!(third.body(), r#"{"ok":true}"#);

    assert_eq!(replay.request_count(), 3);
    assert_eq!(replay.remaining_events(), 0);
    let requests = replay.requests();
    let methods: Vec<_> = requests.iter().map(|r| r.method().as_str()).collect();
    assert_eq!(methods, ["GET", "POST", "DELETE"]);
    assert_eq!(requests[1].uri(), "https://a.test/2");
    assert_eq!(requests[1].headers()["x-n"], "https://a.test/2");
    assert_eq!(requests[1].body(), "{}");
}

#[tokio::test]
async fn replay_out_of_events_is_an_error_not_a_panic() {
    let replay = ReplayTransport::new([ReplayEvent::status(204)]);
    replay
        .send(request("GET", "https://a.test/", ""))
        .await
        .unwrap();

    let err = replay
        .send(request("GET", "https://a.test/", ""))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Other);
    let source = err.source().unwrap().to_string();
    assert_eq!(source, "ReplayTransport: no response left for request 2");
    assert_eq!(
        replay.request_count(),
        2,
        "the unanswered request is recorded too"
    );
}

#[tokio::test]
async fn replay_events_can_be_pushed_later_and_converted() {
    let replay = ReplayTransport::new([]);
    let mut response = http::Response::new(Bytes::from_static(b"raw"));
    *response.status_mut() = http::StatusCode::ACCEPTED;
    replay.push(ReplayEvent::from(response));
    replay.push(TransportError::new(TransportErrorKind::Timeout));
    assert_eq!(replay.remaining_events(), 2);

    let ok = replay
        .send(request("GET", "https://a.test/", ""))
        .await
        .unwrap();
    assert_eq!(
        (ok.status().as_u16(), ok.body().as_ref()),
        (202, &b"raw"[..])
    );
    let err = replay
        .send(request("GET", "https://a.test/", ""))
        .await
        .unwrap_err();
    assert!(err.is_timeout());
}

#[tokio::test]
async fn an_invalid_status_replays_as_an_error() {
    let replay = ReplayTransport::new([ReplayEvent::status(1000)]);
    let err = replay
        .send(request("GET", "https://a.test/", ""))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Other);
}

#[test]
fn debug_of_the_fakes_shows_no_header() {
    let replay = ReplayTransport::new([ReplayEvent::status(200)]);
    let never = NeverTransport::new();
    let secret = http::Request::get("https://a.test/")
        .header("authorization", "Bearer secret-token")
        .body(Bytes::new())
        .unwrap();
    drop(replay.send(secret));
    let _pending = never.send(request("GET", "https://a.test/", ""));
    let debug = format!("{replay:?} {never:?}");
    assert!(!debug.contains("secret-token"), "{debug}");
    assert_eq!(
        debug,
        "ReplayTransport { remaining_events: 0, requests: 1 } NeverTransport { requests: 1 }"
    );
}

#[tokio::test(start_paused = true)]
async fn never_transport_never_resolves() {
    let never = NeverTransport::default();
    let client_side = SharedTransport::from(never.clone());

    let outcome = tokio::time::timeout(
        Duration::from_secs(3600),
        client_side.send(request("PUT", "https://a.test/x", "body")),
    )
    .await;
    assert!(outcome.is_err(), "the deadline elapses first");
    assert_eq!(never.request_count(), 1);
    assert_eq!(never.requests()[0].method(), "PUT");
    assert_eq!(never.requests()[0].body(), "body");
}

#[test]
fn a_closure_answers_every_request_without_a_runtime() {
    use crux_transport::test_util::{infallible_transport_fn, transport_fn};
    let echo = infallible_transport_fn(|request| {
        let mut response = http::Response::new(request.body().clone());
        *response.status_mut() = http::StatusCode::CREATED;
        response
    });
    for body in ["a", "b"] {
        let mut sent = Box::pin(echo.send(request("POST", "https://a.test/", body)));
        // Ready at the first poll: no runtime needed.
        let waker = std::task::Waker::noop();
        let std::task::Poll::Ready(Ok(response)) = sent
            .as_mut()
            .poll(&mut std::task::Context::from_waker(waker))
        else {
            panic!("not ready at once");
        };
        assert_eq!(
            (response.status().as_u16(), response.body().as_ref()),
            (201, body.as_bytes())
        );
    }
    assert_eq!(echo.request_count(), 2);
    assert_eq!(format!("{echo:?}"), "FnTransport { requests: 2, .. }");

    let failing =
        transport_fn(|_| Err(TransportError::new(TransportErrorKind::Connect).not_sent()));
    let mut sent = Box::pin(failing.send(request("GET", "https://a.test/", "")));
    let outcome = sent
        .as_mut()
        .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
    assert!(matches!(outcome, std::task::Poll::Ready(Err(e)) if !e.may_have_been_sent()));
}
