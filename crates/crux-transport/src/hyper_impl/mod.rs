//! [`HyperTransport`]: hyper 1.x + hyper-util's pooled client + rustls.

mod body;
mod builder;
mod connector;
mod errors;

use std::{fmt, sync::Arc};

use bytes::Bytes;
use http_body_util::Full;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::{Client, connect::HttpConnector};

use crate::{BoxFuture, Transport, TransportError, TransportErrorKind};

pub use builder::HyperTransportBuilder;

use connector::TimeoutConnector;
use errors::{InvalidRequest, RequestTimedOut};

type Connector = TimeoutConnector<HttpsConnector<HttpConnector>>;

/// The default [`Transport`]: hyper 1.x with hyper-util's pooled client and
/// rustls (`ring` provider, Mozilla's roots plus any you add).
///
/// - Speaks HTTP/1.1, and HTTP/2 when the server offers it by ALPN; plain
///   `http://` works too (the client layer decides which URLs are allowed).
/// - Keeps a connection pool; clones share it, so clone freely.
/// - Bounds the connect phase (TCP + TLS) and the whole call with
///   timeouts, and the response body with a size limit; see
///   [`HyperTransportBuilder`] for the settings and their defaults.
/// - Sends the request as given: it adds `Host` (HTTP/1) but no
///   `Accept-Encoding`, so bodies arrive uncompressed.
/// - Never re-sends a request that may have reached the server. (hyper-util
///   may re-dispatch a request on a new connection when a pooled one turned
///   out to be closed *before* any of the request was written.)
///
/// [`send`](Transport::send) must be polled within a Tokio runtime with the
/// `net` and `time` drivers enabled.
///
/// # Example
///
/// ```no_run
/// use crux_transport::{Bytes, HyperTransport, SharedTransport, Transport};
///
/// # async fn run() -> Result<(), crux_transport::TransportError> {
/// let transport = SharedTransport::new(HyperTransport::new()?);
/// let request = http::Request::get("https://example.com/").body(Bytes::new()).unwrap();
/// let response = transport.send(request).await?;
/// println!("{} ({} bytes)", response.status(), response.body().len());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct HyperTransport {
    client: Client<Connector, Full<Bytes>>,
    config: Arc<HyperTransportBuilder>,
}

impl HyperTransport {
    /// A builder to configure the timeouts, pool, size limit and trusted
    /// roots.
    pub fn builder() -> HyperTransportBuilder {
        HyperTransportBuilder::new()
    }

    /// A transport with the [default settings](HyperTransportBuilder); the
    /// same as `HyperTransport::builder().build()`.
    ///
    /// It fails only if the TLS setup fails, which it does not with the
    /// defaults.
    pub fn new() -> Result<Self, TransportError> {
        Self::builder().build()
    }

    async fn execute(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        check_request(&request)?;
        if tokio::runtime::Handle::try_current().is_err() {
            // hyper-util and the timers would panic outside a runtime.
            return Err(TransportError::new(TransportErrorKind::Other)
                .not_sent()
                .with_source(InvalidRequest(
                    "HyperTransport::send must be polled within a Tokio runtime",
                )));
        }
        let request = request.map(Full::new);
        let limit = self.config.max_response_body_bytes;
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(errors::from_client_error)?;
            body::read_limited(response, limit).await
        };
        let timeout = self.config.request_timeout;
        match tokio::time::timeout(timeout, exchange).await {
            Ok(result) => result,
            // Whatever stage it was in, the request may have been written.
            Err(_elapsed) => Err(TransportError::new(TransportErrorKind::Timeout)
                .with_source(RequestTimedOut(timeout))),
        }
    }
}

impl fmt::Debug for HyperTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let config = &*self.config;
        f.debug_struct("HyperTransport")
            .field("connect_timeout", &config.connect_timeout)
            .field("request_timeout", &config.request_timeout)
            .field("max_response_body_bytes", &config.max_response_body_bytes)
            .finish_non_exhaustive()
    }
}

impl Transport for HyperTransport {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        Box::pin(self.execute(request))
    }
}

/// Rejects, before connecting, what hyper-util would reject anyway, so that
/// the error can say "not sent".
fn check_request(request: &http::Request<Bytes>) -> Result<(), TransportError> {
    let uri = request.uri();
    let problem = if !matches!(uri.scheme_str(), Some("http" | "https")) {
        Some("the request URI must be absolute, with scheme http or https")
    } else if uri.host().is_none_or(str::is_empty) {
        Some("the request URI has no host")
    } else if !matches!(
        request.version(),
        http::Version::HTTP_10 | http::Version::HTTP_11 | http::Version::HTTP_2
    ) {
        Some("unsupported HTTP version (only HTTP/1.0, HTTP/1.1 and HTTP/2)")
    } else {
        None
    };
    match problem {
        Some(problem) => Err(TransportError::new(TransportErrorKind::Other)
            .not_sent()
            .with_source(InvalidRequest(problem))),
        None => Ok(()),
    }
}
