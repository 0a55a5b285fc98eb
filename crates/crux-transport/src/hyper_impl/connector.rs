//! A connector wrapper that bounds the whole connect phase: DNS, TCP and the
//! TLS handshake.

use std::{
    error::Error as StdError,
    fmt,
    future::Future,
    pin::Pin,
    task::{Context, Poll},
    time::Duration,
};

use http::Uri;
use tower_service::Service;

use crate::BoxError;

/// Wraps a connector (here hyper-rustls' `HttpsConnector`) so that connecting
/// *and* the TLS handshake together take at most `timeout`.
///
/// hyper-util's `HttpConnector::set_connect_timeout` only covers the TCP
/// connect, so a server that accepts but never finishes the handshake would
/// otherwise be caught only by the much longer request timeout, and could no
/// longer be reported as "not sent".
#[derive(Clone)]
pub(super) struct TimeoutConnector<C> {
    inner: C,
    timeout: Duration,
}

impl<C> TimeoutConnector<C> {
    pub(super) fn new(inner: C, timeout: Duration) -> Self {
        Self { inner, timeout }
    }
}

impl<C> Service<Uri> for TimeoutConnector<C>
where
    C: Service<Uri>,
    C::Error: Into<BoxError>,
    C::Future: Send + 'static,
{
    type Response = C::Response;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<C::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let connecting = self.inner.call(uri);
        let timeout = self.timeout;
        Box::pin(async move {
            match tokio::time::timeout(timeout, connecting).await {
                Ok(result) => result.map_err(Into::into),
                Err(_elapsed) => Err(Box::new(ConnectTimedOut(timeout)) as BoxError),
            }
        })
    }
}

/// The connect phase (TCP + TLS) did not finish within the connect timeout.
#[derive(Debug)]
pub(super) struct ConnectTimedOut(Duration);

impl fmt::Display for ConnectTimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "connect (TCP and TLS handshake) did not finish within {:?}",
            self.0
        )
    }
}

impl StdError for ConnectTimedOut {}
