//! HTTPS against a local server whose certificate is made at test time.

mod support;

use std::{future::Future, pin::Pin, sync::Arc};

use crux_api::{
    Client, ErrorKind,
    transport::{HyperTransport, TransportErrorKind},
};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use support::{CANARY, Reply, TestServer, USERS_JSON};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::{
    TlsAcceptor,
    rustls::{
        self,
        pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer},
    },
    server::TlsStream,
};

/// A test CA and an HTTPS server for `localhost` signed by it.
struct TlsFixture {
    ca_der: CertificateDer<'static>,
    server: TestServer,
}

async fn https_server() -> TlsFixture {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca =
        CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("ca key")).expect("ca");

    let server_key = KeyPair::generate().expect("server key");
    let server_params =
        CertificateParams::new(vec!["localhost".to_owned()]).expect("server params");
    let server_cert = server_params
        .signed_by(&server_key, &ca)
        .expect("server cert");

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("tls versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![server_cert.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der())),
        )
        .expect("server config");
    let acceptor = TlsAcceptor::from(Arc::new(config));

    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = TestServer::serve(
        listener,
        format!("https://localhost:{port}"),
        |_| Reply::json(200, USERS_JSON),
        move |stream: TcpStream| -> Pin<Box<dyn Future<Output = Option<TlsStream<TcpStream>>> + Send>> {
            let acceptor = acceptor.clone();
            Box::pin(async move { acceptor.accept(stream).await.ok() })
        },
    );
    TlsFixture {
        ca_der: ca.der().clone(),
        server,
    }
}

#[tokio::test]
async fn a_client_that_trusts_the_root_succeeds() {
    let fixture = https_server().await;
    let transport = HyperTransport::builder()
        .add_root_certificate(fixture.ca_der.to_vec())
        .build()
        .expect("transport builds");
    let client = Client::builder()
        .token(CANARY)
        .base_url(&fixture.server.base_url)
        .transport(transport)
        .build()
        .expect("client builds");

    let users = client.users().list().await.expect("list over https");
    assert_eq!(users.len(), 2);
    assert_eq!(fixture.server.requests().len(), 1);
}

#[tokio::test]
async fn a_client_that_does_not_trust_it_fails_before_sending_the_token() {
    let fixture = https_server().await;
    let client = Client::builder()
        .token(CANARY)
        .base_url(&fixture.server.base_url)
        .build()
        .expect("client builds");

    let error = client
        .users()
        .list()
        .await
        .expect_err("untrusted certificate");
    assert_eq!(error.kind(), ErrorKind::Transport);
    let transport = error.transport_error().expect("transport error");
    assert_eq!(transport.kind(), TransportErrorKind::Tls);
    assert!(!transport.may_have_been_sent());
    assert!(
        fixture.server.requests().is_empty(),
        "the server never saw a request, so never the token"
    );
    assert!(!format!("{error} {error:?}").contains(CANARY));
}
