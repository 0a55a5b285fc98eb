//! Starting, addressing and stopping the server.
//!
//! No test sleeps on the real clock: the tests that wait run on tokio's
//! paused clock, whose sleeps end only once the runtime has nothing else to
//! do (the request has reached the server and stalls there; the aborted
//! server task has been dropped).

mod common;

use std::net::{Ipv4Addr, SocketAddr, TcpListener as StdListener};
use std::time::Duration;

use common::{USERS, get, retailer_admin};
use crux_mock::{DEMO_USERS, Fault, MockServer};
use http::StatusCode;
use tokio::net::{TcpSocket, TcpStream};

/// Waits until connecting to `addr` fails: at most 100 rounds in which
/// the runtime runs everything else it can (paused clock: no real wait).
async fn assert_stops_listening(addr: SocketAddr) {
    for _ in 0..100 {
        if TcpStream::connect(addr).await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{addr} still accepts connections");
}

#[test]
fn mock_server_is_send_sync_debug() {
    fn check<T: Send + Sync + std::fmt::Debug>() {}
    check::<MockServer>();
    check::<crux_mock::MockServerBuilder>();
    check::<Fault>();
}

#[tokio::test]
async fn start_listens_on_loopback_with_a_base_url() {
    let server = MockServer::start().await.expect("starts");
    let addr = server.local_addr();
    assert_eq!(addr.ip(), Ipv4Addr::LOCALHOST);
    assert_ne!(addr.port(), 0);
    assert_eq!(
        server.base_url(),
        format!("http://127.0.0.1:{}", addr.port())
    );
    assert!(!server.base_url().ends_with('/'));
    assert_eq!(server.demo_users(), DEMO_USERS);

    let debug = format!("{server:?}");
    assert!(debug.contains(server.base_url()), "{debug}");

    let reply = get(&server, USERS, Some(retailer_admin().token)).await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test(start_paused = true)]
async fn drop_stops_listening() {
    let server = MockServer::start().await.expect("starts");
    let addr = server.local_addr();
    assert_eq!(
        get(&server, USERS, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    drop(server);
    assert_stops_listening(addr).await;
}

#[tokio::test(start_paused = true)]
async fn dropping_the_server_ends_a_stalled_request_with_an_error() {
    let server = MockServer::start().await.expect("starts");
    server.inject(Fault::stall(Duration::from_secs(3600)));
    let addr = server.local_addr();
    let stream = TcpStream::connect(addr).await.expect("connects");
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .expect("handshake");
    tokio::spawn(connection);
    let request = http::Request::get(USERS)
        .header("host", addr.to_string())
        .body(http_body_util::Empty::<bytes::Bytes>::new())
        .expect("valid request");
    let in_flight = tokio::spawn(sender.send_request(request));
    // Paused clock: this ends once the request stalls in the server.
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(server.total_requests(), 1);
    assert_eq!(server.faults_applied(), 1);

    drop(server);
    let result = tokio::time::timeout(Duration::from_secs(2), in_flight)
        .await
        .expect("the request ends soon after the drop")
        .expect("no panic");
    let err = result.expect_err("no response: the connection was cut");
    assert!(err.is_incomplete_message() || err.is_closed(), "{err:?}");
}

#[tokio::test]
async fn shutdown_releases_the_port() {
    let server = MockServer::start().await.expect("starts");
    let addr = server.local_addr();
    server.shutdown().await;
    assert!(TcpStream::connect(addr).await.is_err());
}

#[tokio::test(start_paused = true)]
async fn shutdown_lets_a_short_in_flight_request_finish() {
    let server = MockServer::start().await.expect("starts");
    server.inject(Fault::stall(Duration::from_millis(200)));
    let addr = server.local_addr();

    let stream = TcpStream::connect(addr).await.expect("connects");
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .expect("handshake");
    tokio::spawn(connection);
    let request = http::Request::get(USERS)
        .header("host", addr.to_string())
        .body(http_body_util::Empty::<bytes::Bytes>::new())
        .expect("valid request");
    let in_flight = tokio::spawn(sender.send_request(request));
    // Paused clock: this ends once the request stalls in the server.
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(server.faults_applied(), 1);
    assert!(!in_flight.is_finished());

    let started = tokio::time::Instant::now();
    server.shutdown().await;
    // The shutdown waited for the rest of the stall (150 ms), not the
    // whole grace (5 s).
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(150) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    let response = in_flight.await.expect("no panic").expect("answered");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn run_until_serves_until_the_signal() {
    let server = MockServer::start().await.expect("starts");
    let addr = server.local_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run_until(async {
        let _ = stopped.await;
    }));

    let stream = TcpStream::connect(addr).await;
    assert!(stream.is_ok(), "serving before the signal");
    drop(stream);

    stop.send(()).expect("server still running");
    running.await.expect("no panic");
    assert!(TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn builder_port_bind_and_errors() {
    // A port this test reserves for its whole run, so that no other test
    // can take it between here and the server's bind: a socket bound with
    // `SO_REUSEADDR` that never listens. Linux hands such a port to no
    // other `bind(0)` or outgoing connection, and lets another
    // `SO_REUSEADDR` socket (tokio's listener sets it) bind it as long as
    // nothing listens on it.
    let reserved = TcpSocket::new_v4().expect("a socket");
    reserved.set_reuseaddr(true).expect("SO_REUSEADDR");
    reserved
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .expect("binds");
    let port = reserved.local_addr().expect("bound").port();
    let server = MockServer::builder()
        .port(port)
        .start()
        .await
        .expect("starts");
    assert_eq!(server.local_addr().port(), port);
    assert_eq!(server.base_url(), format!("http://127.0.0.1:{port}"));

    // The server listens on it now: binding it again fails, without
    // panicking.
    let err = MockServer::builder()
        .port(port)
        .start()
        .await
        .expect_err("port in use");
    assert_eq!(err.kind(), std::io::ErrorKind::AddrInUse);

    // So does a port a listener of this test holds.
    let held = StdListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("a free port");
    let taken = held.local_addr().expect("bound");
    let err = MockServer::builder()
        .bind(taken)
        .start()
        .await
        .expect_err("port in use");
    assert_eq!(err.kind(), std::io::ErrorKind::AddrInUse);
    drop(held);
    drop(reserved);

    // An unspecified address is advertised as loopback.
    let any = MockServer::builder()
        .bind(SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)))
        .start()
        .await
        .expect("starts");
    assert!(any.local_addr().ip().is_unspecified());
    assert_eq!(
        any.base_url(),
        format!("http://127.0.0.1:{}", any.local_addr().port())
    );
}
