//! Loopback servers for the transport tests.
//!
//! Every server listens on 127.0.0.1, port 0, and is spawned on the test's own
//! Tokio runtime: it stops when the test ends.
#![allow(dead_code)] // each test file uses a part of it

use std::{
    collections::VecDeque,
    convert::Infallible,
    future::Future,
    net::SocketAddr,
    pin::Pin,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    task::{Context, Poll},
};

use bytes::Bytes;
use hyper::{
    Request, Response,
    body::{Body, Frame, Incoming, SizeHint},
    service::service_fn,
};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::{
    io::{AsyncRead, AsyncReadExt, AsyncWrite},
    net::{TcpListener, TcpStream},
};
use tokio_rustls::{
    TlsAcceptor,
    rustls::{
        self,
        pki_types::{CertificateDer, PrivatePkcs8KeyDer},
    },
};

/// A response body for the test servers.
pub(crate) enum TestBody {
    /// One buffer, with an exact size (so hyper sends `Content-Length`).
    Full(Option<Bytes>),
    /// Several buffers and no size (so HTTP/1.1 sends it chunked).
    Chunks(VecDeque<Bytes>),
    /// The same buffer again and again, forever, without a size.
    Endless(Bytes),
}

impl TestBody {
    pub(crate) fn full(body: impl Into<Bytes>) -> Self {
        Self::Full(Some(body.into()))
    }

    /// `total` bytes in chunks of `chunk` bytes, sent chunked.
    pub(crate) fn chunked(total: usize, chunk: usize) -> Self {
        let mut chunks = VecDeque::new();
        let mut left = total;
        while left > 0 {
            let n = left.min(chunk);
            chunks.push_back(Bytes::from(vec![b'x'; n]));
            left -= n;
        }
        Self::Chunks(chunks)
    }

    pub(crate) fn endless(chunk: usize) -> Self {
        Self::Endless(Bytes::from(vec![b'x'; chunk]))
    }
}

impl Body for TestBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let next = match self.get_mut() {
            Self::Full(body) => body.take(),
            Self::Chunks(chunks) => chunks.pop_front(),
            Self::Endless(chunk) => Some(chunk.clone()),
        };
        Poll::Ready(next.map(|data| Ok(Frame::data(data))))
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Self::Full(body) => body.is_none(),
            Self::Chunks(chunks) => chunks.is_empty(),
            Self::Endless(_) => false,
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Self::Full(body) => SizeHint::with_exact(body.as_ref().map_or(0, |b| b.len() as u64)),
            Self::Chunks(_) | Self::Endless(_) => SizeHint::default(),
        }
    }
}

/// A handler: request in, response out.
pub(crate) type Handler = Arc<
    dyn Fn(Request<Incoming>) -> Pin<Box<dyn Future<Output = Response<TestBody>> + Send>>
        + Send
        + Sync,
>;

/// Wraps an async closure as a [`Handler`].
pub(crate) fn handler<F, Fut>(f: F) -> Handler
where
    F: Fn(Request<Incoming>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Response<TestBody>> + Send + 'static,
{
    Arc::new(move |request| Box::pin(f(request)))
}

async fn bind() -> (TcpListener, SocketAddr) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    (listener, addr)
}

/// Serves HTTP/1.1 with `handler`.
pub(crate) async fn serve_http1(handler: Handler) -> SocketAddr {
    let (listener, addr) = bind().await;
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(serve_connection(
                TokioIo::new(stream),
                handler.clone(),
                false,
            ));
        }
    });
    addr
}

async fn serve_connection<I>(io: TokioIo<I>, handler: Handler, http2: bool)
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = service_fn(move |request| {
        let handler = handler.clone();
        async move { Ok::<_, Infallible>(handler(request).await) }
    });
    // Connection errors (a client that hung up) do not matter here.
    let _ = if http2 {
        hyper::server::conn::http2::Builder::new(TokioExecutor::new())
            .serve_connection(io, service)
            .await
    } else {
        hyper::server::conn::http1::Builder::new()
            .serve_connection(io, service)
            .await
    };
}

/// Serves raw TCP: `on_connection` gets each accepted stream.
pub(crate) async fn serve_raw<F, Fut>(on_connection: F) -> SocketAddr
where
    F: Fn(TcpStream) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let (listener, addr) = bind().await;
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(on_connection(stream));
        }
    });
    addr
}

/// Reads one request head (up to the blank line); the requests of these
/// tests have no body.
pub(crate) async fn read_head(stream: &mut TcpStream) -> Vec<u8> {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.unwrap();
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    head
}

/// A loopback address that refuses connections by construction: a TCP
/// socket is bound to it but never listens, and stays bound for as long as
/// this value lives. So no other test can take the port meanwhile (a port
/// bound and released at once could be reused by a parallel test's
/// listener), and the kernel answers every SYN to it with a reset
/// (`ECONNREFUSED`). Keep the value alive for the whole test.
pub(crate) struct RefusedAddr {
    addr: SocketAddr,
    _socket: tokio::net::TcpSocket,
}

impl RefusedAddr {
    /// Binds `127.0.0.1:0` without listening. Needs no runtime.
    pub(crate) fn new() -> Self {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let addr = socket.local_addr().unwrap();
        Self {
            addr,
            _socket: socket,
        }
    }

    /// The refusing address.
    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }
}

/// A test CA and a server certificate it signed (by default for
/// `localhost` and `127.0.0.1`).
pub(crate) struct TestPki {
    pub(crate) ca_der: Vec<u8>,
    pub(crate) ca_pem: String,
    server_chain: Vec<CertificateDer<'static>>,
    server_key: Vec<u8>,
}

impl TestPki {
    pub(crate) fn generate() -> Self {
        Self::for_names(&["localhost", "127.0.0.1"])
    }

    /// A server certificate valid for `names` only (DNS names or IPs).
    pub(crate) fn for_names(names: &[&str]) -> Self {
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "crux-transport test CA");
        ca_params.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
        ];
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::new(ca_params, ca_key);

        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let mut params = rcgen::CertificateParams::new(names).unwrap();
        params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
        params.use_authority_key_identifier_extension = true;
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &issuer).unwrap();

        Self {
            ca_der: ca_cert.der().to_vec(),
            ca_pem: ca_cert.pem(),
            server_chain: vec![cert.der().clone()],
            server_key: key.serialize_der(),
        }
    }
}

/// An HTTPS server: what it negotiated and how many HTTP requests it served.
pub(crate) struct TlsServer {
    pub(crate) addr: SocketAddr,
    requests: Arc<AtomicUsize>,
}

impl TlsServer {
    pub(crate) fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Serves HTTPS with the certificate of `pki`, offering `alpn` (e.g. `h2`,
/// `http/1.1`); each request gets `200` with the body `"tls ok"`.
pub(crate) async fn serve_tls(pki: &TestPki, alpn: &[&[u8]]) -> TlsServer {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            pki.server_chain.clone(),
            PrivatePkcs8KeyDer::from(pki.server_key.clone()).into(),
        )
        .unwrap();
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    let acceptor = TlsAcceptor::from(Arc::new(config));

    let requests = Arc::new(AtomicUsize::new(0));
    let counter = requests.clone();
    let handler = handler(move |_request| {
        counter.fetch_add(1, Ordering::SeqCst);
        async { Response::new(TestBody::full("tls ok")) }
    });

    let (listener, addr) = bind().await;
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let handler = handler.clone();
            tokio::spawn(async move {
                // A client that rejects the certificate fails the handshake.
                let Ok(tls) = acceptor.accept(stream).await else {
                    return;
                };
                let http2 = tls.get_ref().1.alpn_protocol() == Some(b"h2");
                serve_connection(TokioIo::new(tls), handler, http2).await;
            });
        }
    });
    TlsServer { addr, requests }
}
