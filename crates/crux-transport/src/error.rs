//! [`TransportError`]: what went wrong below HTTP.

use std::{error::Error as StdError, fmt};

/// A boxed error that can cross threads; the `source()` of a [`TransportError`].
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// What kind of failure a [`TransportError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made (refused, DNS failure, unreachable).
    Connect,
    /// A connect or request timeout elapsed.
    Timeout,
    /// The TLS handshake failed (untrusted certificate, protocol mismatch).
    Tls,
    /// The response body is larger than the configured maximum.
    BodyTooLarge,
    /// An I/O error on an established connection before the whole response
    /// head arrived (reset, closed early).
    Io,
    /// The response head arrived, but the body ended early: the connection
    /// was closed or reset before the declared `Content-Length` (or the last
    /// chunk) arrived. The server got the request and may have acted on it.
    IncompleteBody,
    /// Anything else.
    Other,
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connect => "connection failed",
            Self::Timeout => "timed out",
            Self::Tls => "TLS handshake failed",
            Self::BodyTooLarge => "response body too large",
            Self::Io => "I/O error",
            Self::IncompleteBody => "response body cut short",
            Self::Other => "transport error",
        })
    }
}

/// An error below HTTP: the request got no complete response.
///
/// It carries a [kind](TransportErrorKind), an optional underlying
/// [`source`](StdError::source), and whether the request
/// [may have reached the server](Self::may_have_been_sent), which decides
/// whether a non-idempotent request may be retried.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    may_have_been_sent: bool,
    source: Option<BoxError>,
}

impl TransportError {
    /// A new error of `kind`. It is assumed that the request **may have been
    /// sent**; call [`not_sent`](Self::not_sent) when it provably was not.
    pub fn new(kind: TransportErrorKind) -> Self {
        Self {
            kind,
            may_have_been_sent: true,
            source: None,
        }
    }

    /// Attaches the underlying cause, returned by `source()`.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Marks the request as provably never sent: no byte reached the server.
    #[must_use]
    pub fn not_sent(mut self) -> Self {
        self.may_have_been_sent = false;
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// `false` only when the request provably never reached the server, so
    /// that even a POST may be sent again; `true` when it may have.
    pub fn may_have_been_sent(&self) -> bool {
        self.may_have_been_sent
    }

    /// Whether this is a timeout.
    pub fn is_timeout(&self) -> bool {
        self.kind == TransportErrorKind::Timeout
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The cause is reachable through `source()`, not repeated here.
        fmt::Display::fmt(&self.kind, f)
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}
