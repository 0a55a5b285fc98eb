//! Mapping hyper / hyper-util / rustls errors to [`TransportError`].
//!
//! The rule that matters: only failures that happen while *connecting* (DNS,
//! TCP, TLS handshake, connect timeout) are reported as "not sent"; anything
//! after a connection exists may have reached the server. Sources are kept as
//! they are; none of them carries header values.

use std::{error::Error as StdError, fmt, io, time::Duration};

use crate::{BoxError, TransportError, TransportErrorKind};

use super::connector::ConnectTimedOut;

/// Maps an error from hyper-util's client (before the response head arrived).
pub(super) fn from_client_error(err: hyper_util::client::legacy::Error) -> TransportError {
    if err.is_connect() {
        // No request byte can have been written before the connection (and its
        // TLS handshake) was established.
        let kind = if find::<ConnectTimedOut>(&err).is_some()
            || has_io_kind(&err, io::ErrorKind::TimedOut)
        {
            TransportErrorKind::Timeout
        } else if find::<rustls::Error>(&err).is_some() {
            TransportErrorKind::Tls
        } else {
            TransportErrorKind::Connect
        };
        TransportError::new(kind).not_sent().with_source(err)
    } else {
        TransportError::new(kind_on_connection(&err)).with_source(err)
    }
}

/// Maps an error while reading the response body: the head arrived, so a
/// connection that closed or failed (rather than timed out, or sent
/// something that is not HTTP) left the body incomplete.
pub(super) fn from_body_error(err: hyper::Error) -> TransportError {
    let kind = match kind_on_connection(&err) {
        TransportErrorKind::Io => TransportErrorKind::IncompleteBody,
        other => other,
    };
    TransportError::new(kind).with_source(err)
}

/// The kind of a failure on an established connection.
fn kind_on_connection(err: &(dyn StdError + 'static)) -> TransportErrorKind {
    let timed_out = has_io_kind(err, io::ErrorKind::TimedOut)
        || find::<hyper::Error>(err).is_some_and(hyper::Error::is_timeout);
    if timed_out {
        return TransportErrorKind::Timeout;
    }
    match find::<hyper::Error>(err) {
        // The server answered with something that is not HTTP.
        Some(hyper_err) if hyper_err.is_parse() || hyper_err.is_user() => TransportErrorKind::Other,
        _ => TransportErrorKind::Io,
    }
}

/// Finds the first error of type `T` in the chain of `err`.
///
/// `io::Error::source()` skips the error it wraps (it returns the *inner*
/// error's source), so wrapped I/O errors are opened with `get_ref()`: that is
/// where tokio-rustls puts the `rustls::Error` of a failed handshake.
fn find<'a, T: StdError + 'static>(err: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(found) = err.downcast_ref::<T>() {
            return Some(found);
        }
        current = match err.downcast_ref::<io::Error>().and_then(io::Error::get_ref) {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => err.source(),
        };
    }
    None
}

/// Whether any `io::Error` in the chain of `err` has `kind`.
fn has_io_kind(err: &(dyn StdError + 'static), kind: io::ErrorKind) -> bool {
    let mut current = Some(err);
    while let Some(err) = current {
        let io_err = err.downcast_ref::<io::Error>();
        if io_err.is_some_and(|e| e.kind() == kind) {
            return true;
        }
        current = match io_err.and_then(io::Error::get_ref) {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => err.source(),
        };
    }
    false
}

/// The request timeout elapsed (the source of a `Timeout` error).
#[derive(Debug)]
pub(super) struct RequestTimedOut(pub(super) Duration);

impl fmt::Display for RequestTimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no complete response within the request timeout of {:?}",
            self.0
        )
    }
}

impl StdError for RequestTimedOut {}

/// The response body is over the limit (the source of a `BodyTooLarge` error).
#[derive(Debug)]
pub(super) struct BodyTooLarge {
    pub(super) limit: usize,
    /// The length the server declared, when it declared one.
    pub(super) declared: Option<u64>,
}

impl fmt::Display for BodyTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.declared {
            Some(len) => write!(
                f,
                "declared body length {len} exceeds the limit of {} bytes",
                self.limit
            ),
            None => write!(f, "response body exceeds the limit of {} bytes", self.limit),
        }
    }
}

impl StdError for BodyTooLarge {}

/// The request cannot be sent as it is (the source of an `Other` error).
#[derive(Debug)]
pub(super) struct InvalidRequest(pub(super) &'static str);

impl fmt::Display for InvalidRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl StdError for InvalidRequest {}

/// [`HyperTransportBuilder::build`](super::HyperTransportBuilder::build)
/// failed (the source of an `Other` error).
#[derive(Debug)]
pub(super) struct ConfigError {
    pub(super) what: &'static str,
    pub(super) source: Option<BoxError>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }
}

impl StdError for ConfigError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}
