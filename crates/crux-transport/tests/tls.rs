//! `HyperTransport` over TLS on loopback, with a CA generated per test.
#![cfg(feature = "hyper")]

mod support;

use bytes::Bytes;
use crux_transport::{HyperTransport, Transport, TransportErrorKind};
use support::{TestPki, serve_tls};

fn get(url: String) -> http::Request<Bytes> {
    http::Request::get(url).body(Bytes::new()).unwrap()
}

const H2_AND_H1: &[&[u8]] = &[b"h2", b"http/1.1"];

#[tokio::test]
async fn a_server_signed_by_an_added_root_is_trusted_and_h2_is_negotiated() {
    let pki = TestPki::generate();
    let server = serve_tls(&pki, H2_AND_H1).await;
    let transport = HyperTransport::builder()
        .add_root_certificate(pki.ca_der.clone())
        .build()
        .unwrap();

    let response = transport
        .send(get(format!("https://127.0.0.1:{}/", server.addr.port())))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.version(), http::Version::HTTP_2);
    assert_eq!(response.body(), "tls ok");
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn http1_is_used_when_the_server_offers_only_http1() {
    let pki = TestPki::generate();
    let server = serve_tls(&pki, &[b"http/1.1"]).await;
    let transport = HyperTransport::builder()
        .add_root_certificate(pki.ca_der.clone())
        .build()
        .unwrap();

    let response = transport
        .send(get(format!("https://127.0.0.1:{}/", server.addr.port())))
        .await
        .unwrap();
    assert_eq!(response.version(), http::Version::HTTP_11);
    assert_eq!(response.body(), "tls ok");
}

#[tokio::test]
async fn a_root_can_be_added_as_pem() {
    let pki = TestPki::generate();
    let server = serve_tls(&pki, H2_AND_H1).await;
    let transport = HyperTransport::builder()
        .add_root_certificate_pem(pki.ca_pem.as_bytes())
        .build()
        .unwrap();

    let response = transport
        .send(get(format!("https://127.0.0.1:{}/", server.addr.port())))
        .await
        .unwrap();
    assert_eq!(response.body(), "tls ok");
}

#[tokio::test]
async fn an_untrusted_server_fails_the_handshake_before_any_request() {
    let pki = TestPki::generate();
    let server = serve_tls(&pki, H2_AND_H1).await;
    let transport = HyperTransport::new().unwrap(); // webpki roots only

    let err = transport
        .send(get(format!("https://127.0.0.1:{}/", server.addr.port())))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Tls, "{err:?}");
    assert!(!err.may_have_been_sent());
    assert_eq!(server.requests(), 0, "no HTTP request may reach the server");
}

#[tokio::test]
async fn a_certificate_for_another_name_fails_as_tls() {
    let pki = TestPki::for_names(&["api.example.test"]);
    let server = serve_tls(&pki, H2_AND_H1).await;
    let transport = HyperTransport::builder()
        .add_root_certificate(pki.ca_der.clone())
        .build()
        .unwrap();

    let err = transport
        .send(get(format!("https://127.0.0.1:{}/", server.addr.port())))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Tls, "{err:?}");
    assert!(!err.may_have_been_sent());
    assert_eq!(server.requests(), 0);
}

#[test]
fn invalid_root_certificates_make_build_fail() {
    let err = HyperTransport::builder()
        .add_root_certificate(vec![1, 2, 3])
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Other);

    let err = HyperTransport::builder()
        .add_root_certificate_pem(b"not pem")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Other);
}
