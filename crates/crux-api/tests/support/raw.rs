//! Raw loopback servers for the fault matrix: a TCP listener whose handler
//! writes exact bytes, counting connections and requests; an address that
//! refuses connections by construction; a TLS acceptor for `localhost`.
//!
//! A [`RawServer`] runs its accept loop and every connection task in one
//! `JoinSet` owned by a task that is aborted when the server drops, so no
//! connection task outlives the test.

use std::{
    future::Future,
    net::SocketAddr,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpSocket, TcpStream},
    task::{JoinHandle, JoinSet},
};

/// One request as a [`RawServer`] read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRequest {
    /// The index of the connection it came on (0 for the first accepted).
    pub connection: usize,
    pub method: String,
    pub path: String,
    /// The whole head, request line included.
    pub head: String,
    pub body: Vec<u8>,
}

/// What a [`RawServer`] saw.
#[derive(Default)]
struct Log {
    connections: AtomicUsize,
    requests: Mutex<Vec<RawRequest>>,
}

/// One accepted connection, handed to the server's handler.
pub struct Conn {
    /// The index of this connection (0 for the first accepted).
    pub index: usize,
    pub stream: TcpStream,
    log: Arc<Log>,
    buffered: Vec<u8>,
}

impl Conn {
    /// Reads one request (head, then a body of its `Content-Length`) and
    /// records it. `None` when the client closed the connection first.
    pub async fn read_request(&mut self) -> Option<RawRequest> {
        let head_end = loop {
            if let Some(i) = self.buffered.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            if !self.fill().await {
                return None;
            }
        };
        let head = String::from_utf8_lossy(&self.buffered[..head_end]).into_owned();
        let length = head
            .lines()
            .filter_map(|line| line.split_once(':'))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
            .and_then(|(_, value)| value.trim().parse::<usize>().ok())
            .unwrap_or(0);
        while self.buffered.len() < head_end + length {
            if !self.fill().await {
                return None;
            }
        }
        let body = self.buffered[head_end..head_end + length].to_vec();
        self.buffered.drain(..head_end + length);
        let mut words = head.split_whitespace();
        let request = RawRequest {
            connection: self.index,
            method: words.next().unwrap_or_default().to_owned(),
            path: words.next().unwrap_or_default().to_owned(),
            head,
            body,
        };
        self.log
            .requests
            .lock()
            .expect("lock")
            .push(request.clone());
        Some(request)
    }

    /// Writes `bytes`; `false` when the client has gone.
    pub async fn write(&mut self, bytes: &[u8]) -> bool {
        self.stream.write_all(bytes).await.is_ok() && self.stream.flush().await.is_ok()
    }

    /// Reads and discards until the client closes the connection (or it
    /// fails): returns once the client's side is gone.
    pub async fn until_eof(&mut self) {
        let mut buf = [0u8; 4096];
        while matches!(self.stream.read(&mut buf).await, Ok(n) if n > 0) {}
    }

    async fn fill(&mut self) -> bool {
        let mut buf = [0u8; 4096];
        match self.stream.read(&mut buf).await {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buffered.extend_from_slice(&buf[..n]);
                true
            }
        }
    }
}

/// A loopback TCP server whose handler gets each connection as a [`Conn`].
/// Dropping it stops the accept loop and every connection task.
pub struct RawServer {
    pub addr: SocketAddr,
    log: Arc<Log>,
    task: JoinHandle<()>,
}

impl RawServer {
    /// Listens on `127.0.0.1:0`; `handler` runs once per accepted connection.
    pub async fn start<F, Fut>(handler: F) -> Self
    where
        F: Fn(Conn) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let log = Arc::new(Log::default());
        let shared = Arc::clone(&log);
        let task = tokio::spawn(async move {
            let mut connections = JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { return };
                        let index = shared.connections.fetch_add(1, Ordering::SeqCst);
                        let conn = Conn { index, stream, log: Arc::clone(&shared), buffered: Vec::new() };
                        connections.spawn(handler(conn));
                    }
                    // Reap finished connection tasks (and surface their panics).
                    Some(done) = connections.join_next(), if !connections.is_empty() => {
                        if let Err(e) = done {
                            if e.is_panic() {
                                std::panic::resume_unwind(e.into_panic());
                            }
                        }
                    }
                }
            }
        });
        Self { addr, log, task }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn http_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many connections were accepted.
    pub fn connections(&self) -> usize {
        self.log.connections.load(Ordering::SeqCst)
    }

    /// Every request read so far, in order.
    pub fn requests(&self) -> Vec<RawRequest> {
        self.log.requests.lock().expect("lock").clone()
    }

    /// `(connection, method)` of every request read so far.
    pub fn seen(&self) -> Vec<(usize, String)> {
        self.requests()
            .into_iter()
            .map(|r| (r.connection, r.method))
            .collect()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A loopback address that refuses connections by construction: a TCP
/// socket is bound to it but never listens, and stays bound for as long as
/// this value lives. No other test can take the port meanwhile (a port bound
/// and released at once may be reused by a parallel test's listener), and
/// the kernel answers every SYN to it with a reset (`ECONNREFUSED`). Keep
/// the value alive for the whole test.
pub struct RefusedAddr {
    addr: SocketAddr,
    _socket: TcpSocket,
}

impl RefusedAddr {
    /// Binds `127.0.0.1:0` without listening. Needs no runtime.
    pub fn new() -> Self {
        let socket = TcpSocket::new_v4().expect("socket");
        socket
            .bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .expect("bind loopback");
        let addr = socket.local_addr().expect("local addr");
        Self {
            addr,
            _socket: socket,
        }
    }

    /// The refusing address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port>`.
    pub fn http_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// A TLS acceptor for `localhost` and the DER of the CA that signed its
/// certificate (to add to a transport's roots).
pub fn localhost_tls() -> (Vec<u8>, tokio_rustls::TlsAcceptor) {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    use tokio_rustls::rustls::{
        self,
        pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer},
    };

    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca =
        CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("ca key")).expect("ca");
    let key = KeyPair::generate().expect("server key");
    let cert = CertificateParams::new(vec!["localhost".to_owned()])
        .expect("server params")
        .signed_by(&key, &ca)
        .expect("server cert");
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("tls versions")
    .with_no_client_auth()
    .with_single_cert(
        vec![cert.der().clone()],
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    )
    .expect("server config");
    (
        ca.der().to_vec(),
        tokio_rustls::TlsAcceptor::from(Arc::new(config)),
    )
}
