//! [`HyperTransportBuilder`]: configuration and TLS setup.

use std::{
    fmt,
    sync::{Arc, OnceLock},
    time::Duration,
};

use hyper_util::{
    client::legacy::{Client, connect::HttpConnector},
    rt::{TokioExecutor, TokioTimer},
};
use rustls::{
    ClientConfig, RootCertStore,
    pki_types::{CertificateDer, pem::PemObject},
};

use crate::{BoxError, TransportError, TransportErrorKind};

use super::{HyperTransport, connector::TimeoutConnector, errors::ConfigError};

/// Configures and builds a [`HyperTransport`].
///
/// Created by [`HyperTransport::builder`]; every method takes and returns the
/// builder by value. The defaults:
///
/// | setting | default |
/// | --- | --- |
/// | [`connect_timeout`](Self::connect_timeout) | 3.1 s |
/// | [`request_timeout`](Self::request_timeout) | 30 s |
/// | [`pool_idle_timeout`](Self::pool_idle_timeout) | 90 s |
/// | [`pool_max_idle_per_host`](Self::pool_max_idle_per_host) | 32 |
/// | [`max_response_body_bytes`](Self::max_response_body_bytes) | 64 MiB |
/// | trusted roots | Mozilla's (webpki-roots) |
///
/// # Example
///
/// ```
/// use std::time::Duration;
/// use crux_transport::HyperTransport;
///
/// let transport = HyperTransport::builder()
///     .connect_timeout(Duration::from_secs(2))
///     .request_timeout(Duration::from_secs(10))
///     .max_response_body_bytes(8 * 1024 * 1024)
///     .build()?;
/// # Ok::<(), crux_transport::TransportError>(())
/// ```
#[derive(Clone)]
pub struct HyperTransportBuilder {
    pub(super) connect_timeout: Duration,
    pub(super) request_timeout: Duration,
    pub(super) pool_idle_timeout: Duration,
    pub(super) pool_max_idle_per_host: usize,
    pub(super) max_response_body_bytes: usize,
    extra_roots_der: Vec<Vec<u8>>,
    extra_roots_pem: Vec<Vec<u8>>,
    #[cfg(feature = "native-roots")]
    native_roots: bool,
}

impl Default for HyperTransportBuilder {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_millis(3100),
            request_timeout: Duration::from_secs(30),
            pool_idle_timeout: Duration::from_secs(90),
            pool_max_idle_per_host: 32,
            max_response_body_bytes: 64 * 1024 * 1024,
            extra_roots_der: Vec::new(),
            extra_roots_pem: Vec::new(),
            #[cfg(feature = "native-roots")]
            native_roots: false,
        }
    }
}

impl fmt::Debug for HyperTransportBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("HyperTransportBuilder");
        s.field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("pool_idle_timeout", &self.pool_idle_timeout)
            .field("pool_max_idle_per_host", &self.pool_max_idle_per_host)
            .field("max_response_body_bytes", &self.max_response_body_bytes)
            .field(
                "extra_root_certificates",
                &(self.extra_roots_der.len() + self.extra_roots_pem.len()),
            );
        #[cfg(feature = "native-roots")]
        s.field("native_roots", &self.native_roots);
        s.finish()
    }
}

impl HyperTransportBuilder {
    /// A builder with the defaults listed [above](Self).
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits the connect phase: DNS, TCP connect and the TLS handshake
    /// together. Default 3.1 s. A connect that times out is a
    /// [`Timeout`](TransportErrorKind::Timeout) that was
    /// [not sent](TransportError::may_have_been_sent).
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Limits one whole call to [`send`](crate::Transport::send): getting a
    /// connection, sending the request, and reading the response head and
    /// the whole body. Default 30 s. When it elapses the error is a
    /// [`Timeout`](TransportErrorKind::Timeout) that *may have been sent*.
    #[must_use]
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// How long an unused pooled connection is kept open. Default 90 s.
    #[must_use]
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// How many idle connections are kept per host. Default 32.
    #[must_use]
    pub fn pool_max_idle_per_host(mut self, max: usize) -> Self {
        self.pool_max_idle_per_host = max;
        self
    }

    /// The largest response body accepted, in bytes. Default 64 MiB.
    ///
    /// Enforced while reading: a declared `Content-Length` over the limit
    /// fails before any of the body is read, and a body without one fails as
    /// soon as the limit is passed, with
    /// [`BodyTooLarge`](TransportErrorKind::BodyTooLarge). A body of exactly
    /// `max` bytes is accepted.
    #[must_use]
    pub fn max_response_body_bytes(mut self, max: usize) -> Self {
        self.max_response_body_bytes = max;
        self
    }

    /// Also trusts this root certificate (DER), on top of the built-in roots.
    /// An invalid certificate makes [`build`](Self::build) fail.
    #[must_use]
    pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.extra_roots_der.push(der.into());
        self
    }

    /// Also trusts every certificate in this PEM text (one or more
    /// `BEGIN CERTIFICATE` sections), on top of the built-in roots. PEM text
    /// without a certificate, or with an invalid one, makes
    /// [`build`](Self::build) fail.
    #[must_use]
    pub fn add_root_certificate_pem(mut self, pem: &[u8]) -> Self {
        self.extra_roots_pem.push(pem.to_vec());
        self
    }

    /// Also trusts the operating system's root certificates (feature
    /// `native-roots`), in addition to the built-in Mozilla roots. Default
    /// `false`. When enabled, [`build`](Self::build) fails if the store
    /// cannot be read at all; certificates in it that cannot be parsed are
    /// skipped.
    #[cfg(feature = "native-roots")]
    #[must_use]
    pub fn native_roots(mut self, enabled: bool) -> Self {
        self.native_roots = enabled;
        self
    }

    /// Builds the transport.
    ///
    /// Fails (kind [`Other`](TransportErrorKind::Other)) only when an added
    /// root certificate is invalid or, with
    /// [`native_roots`](Self::native_roots), the OS store cannot be loaded.
    /// Needs no runtime; the transport must be *used* within a Tokio runtime
    /// with the `net` and `time` drivers enabled.
    pub fn build(self) -> Result<HyperTransport, TransportError> {
        let tls = self.tls_config()?;

        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(self.connect_timeout));

        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .wrap_connector(http);

        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(self.pool_idle_timeout)
            .pool_max_idle_per_host(self.pool_max_idle_per_host)
            .pool_timer(TokioTimer::new())
            .build(TimeoutConnector::new(https, self.connect_timeout));

        Ok(HyperTransport {
            client,
            config: Arc::new(self),
        })
    }

    /// The rustls configuration. With only the built-in roots it is built
    /// once per process and cloned (its parts are `Arc`s), so that building
    /// a transport, and a client, stays cheap.
    fn tls_config(&self) -> Result<ClientConfig, TransportError> {
        static DEFAULT: OnceLock<ClientConfig> = OnceLock::new();
        if self.uses_only_builtin_roots() {
            if let Some(config) = DEFAULT.get() {
                return Ok(config.clone());
            }
        }
        let config =
            ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .map_err(|e| config_error("TLS configuration failed", Some(e.into())))?
                .with_root_certificates(self.root_store()?)
                .with_no_client_auth();
        if self.uses_only_builtin_roots() {
            return Ok(DEFAULT.get_or_init(|| config).clone());
        }
        Ok(config)
    }

    fn uses_only_builtin_roots(&self) -> bool {
        #[cfg(feature = "native-roots")]
        if self.native_roots {
            return false;
        }
        self.extra_roots_der.is_empty() && self.extra_roots_pem.is_empty()
    }

    fn root_store(&self) -> Result<RootCertStore, TransportError> {
        let mut roots = RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };

        #[cfg(feature = "native-roots")]
        if self.native_roots {
            let native = rustls_native_certs::load_native_certs();
            if native.certs.is_empty() {
                if let Some(first) = native.errors.into_iter().next() {
                    return Err(config_error(
                        "could not load the OS root certificates",
                        Some(first.into()),
                    ));
                }
            }
            let _ = roots.add_parsable_certificates(native.certs);
        }

        for der in &self.extra_roots_der {
            roots
                .add(CertificateDer::from(der.as_slice()))
                .map_err(|e| config_error("invalid root certificate (DER)", Some(e.into())))?;
        }
        for pem in &self.extra_roots_pem {
            let mut found = false;
            for cert in CertificateDer::pem_slice_iter(pem) {
                let cert = cert
                    .map_err(|e| config_error("invalid root certificate (PEM)", Some(e.into())))?;
                roots
                    .add(cert)
                    .map_err(|e| config_error("invalid root certificate (PEM)", Some(e.into())))?;
                found = true;
            }
            if !found {
                return Err(config_error("no certificate in the PEM text", None));
            }
        }
        Ok(roots)
    }
}

/// A configuration error from [`HyperTransportBuilder::build`].
fn config_error(what: &'static str, source: Option<BoxError>) -> TransportError {
    TransportError::new(TransportErrorKind::Other)
        .not_sent()
        .with_source(ConfigError { what, source })
}
