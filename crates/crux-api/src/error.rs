//! [`Error`]: everything a call can fail with, as one type.

use std::{
    error::Error as StdError,
    fmt,
    time::{Duration, SystemTime},
};

use bytes::Bytes;
use crux_transport::{BoxError, TransportError, TransportErrorKind};
use http::{HeaderMap, Method, StatusCode};

/// At most this many characters of a response body are kept in an error.
const MAX_BODY_CHARS: usize = 2048;
/// At most this many characters of a body or message go into `Display`.
const MAX_DISPLAY_CHARS: usize = 160;

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The [`ClientBuilder`](crate::ClientBuilder) refused its configuration.
    Config,
    /// No response arrived: connection, TLS or I/O failure. The
    /// [`source`](StdError::source) is a [`TransportError`].
    Transport,
    /// The per-request deadline passed before a response arrived.
    Timeout,
    /// The response body was larger than the configured maximum.
    BodyTooLarge,
    /// The server answered with a non-success status. See
    /// [`Error::status`], [`Error::message`] and [`Error::body`].
    Status,
    /// The server answered with success, but the body is not the documented
    /// JSON. See [`Error::json_path`].
    Decode,
    /// The call found no timer for its deadlines and retries, and sent
    /// nothing: it was awaited outside a tokio runtime with the default
    /// timer. Run it inside a tokio runtime, or give the client a timer with
    /// [`ClientBuilder::sleep_impl`](crate::ClientBuilder::sleep_impl).
    NoTimer,
}

/// The error of every `crux-api` call.
///
/// It says what happened ([`kind`](Self::kind)), to which request
/// ([`method`](Self::method), [`path`](Self::path)), with which
/// [`status`](Self::status), and, where the server sent one, its
/// [`message`](Self::message) (`{"detail": "..."}`) and the raw
/// [`body`](Self::body) (bounded, control characters escaped). The underlying
/// cause is chained through [`source`](StdError::source). Neither `Display`
/// nor `Debug` ever contains the API token.
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    method: Option<Method>,
    path: Option<String>,
    status: Option<StatusCode>,
    body: Option<String>,
    message: Option<String>,
    json_path: Option<String>,
    retry_after: Option<Duration>,
    attempts: u32,
    outcome_unknown: bool,
    invalid_token: bool,
    source: Option<BoxError>,
}

impl Error {
    fn new(kind: ErrorKind) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                method: None,
                path: None,
                status: None,
                body: None,
                message: None,
                json_path: None,
                retry_after: None,
                attempts: 0,
                outcome_unknown: false,
                invalid_token: false,
                source: None,
            }),
        }
    }

    pub(crate) fn config(message: impl Into<String>) -> Self {
        let mut error = Self::new(ErrorKind::Config);
        error.inner.message = Some(message.into());
        error
    }

    /// The builder refused the token (never repeated in the message).
    pub(crate) fn invalid_token(message: impl Into<String>) -> Self {
        let mut error = Self::config(message);
        error.inner.invalid_token = true;
        error
    }

    pub(crate) fn transport(error: TransportError) -> Self {
        let kind = match error.kind() {
            TransportErrorKind::Timeout => ErrorKind::Timeout,
            TransportErrorKind::BodyTooLarge => ErrorKind::BodyTooLarge,
            _ => ErrorKind::Transport,
        };
        let mut this = Self::new(kind);
        this.inner.source = Some(Box::new(error));
        this
    }

    pub(crate) fn no_timer() -> Self {
        let mut error = Self::new(ErrorKind::NoTimer);
        error.inner.message = Some(
            "await calls inside a tokio runtime (with its time driver), \
             or give the client a timer with ClientBuilder::sleep_impl"
                .to_owned(),
        );
        error
    }

    pub(crate) fn timeout() -> Self {
        Self::new(ErrorKind::Timeout)
    }

    pub(crate) fn body_too_large(limit: usize) -> Self {
        let mut error = Self::new(ErrorKind::BodyTooLarge);
        error.inner.message = Some(format!("the response body is over the {limit}-byte limit"));
        error
    }

    /// A non-success status, with the server's message where the body is JSON.
    pub(crate) fn from_status(status: StatusCode, headers: &HeaderMap, body: &Bytes) -> Self {
        let mut error = Self::new(ErrorKind::Status);
        error.inner.status = Some(status);
        error.inner.retry_after = crate::retry::retry_after(headers, SystemTime::now());
        error.inner.message = server_message(body).map(|m| escape_bounded(&m, MAX_BODY_CHARS));
        error.inner.body = (!body.is_empty()).then(|| body_text(body));
        error
    }

    pub(crate) fn decode(
        status: StatusCode,
        body: &Bytes,
        error: serde_path_to_error::Error<serde_json::Error>,
    ) -> Self {
        let mut this = Self::new(ErrorKind::Decode);
        this.inner.status = Some(status);
        this.inner.json_path = Some(error.path().to_string());
        this.inner.body = Some(body_text(body));
        this.inner.source = Some(Box::new(error.into_inner()));
        this
    }

    pub(crate) fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.inner.source = Some(source.into());
        self
    }

    /// Records which request failed.
    pub(crate) fn with_request(mut self, method: &Method, path: &str) -> Self {
        self.inner.method = Some(method.clone());
        self.inner.path = Some(path.to_owned());
        self
    }

    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.inner.attempts = attempts;
        self
    }

    pub(crate) fn with_outcome_unknown(mut self) -> Self {
        self.inner.outcome_unknown = true;
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        self.inner.status
    }

    /// The method of the failed request.
    pub fn method(&self) -> Option<&Method> {
        self.inner.method.as_ref()
    }

    /// The endpoint path of the failed request, such as
    /// `/organizations/users/all/` (never the host, never the token).
    pub fn path(&self) -> Option<&str> {
        self.inner.path.as_deref()
    }

    /// The server's message (`detail` of a `{"detail": "..."}` body), or for
    /// a [`Config`](ErrorKind::Config) error, what was wrong.
    pub fn message(&self) -> Option<&str> {
        self.inner.message.as_deref()
    }

    /// The start of the response body as text: at most 2048 characters,
    /// control characters escaped.
    pub fn body(&self) -> Option<&str> {
        self.inner.body.as_deref()
    }

    /// For a [`Decode`](ErrorKind::Decode) error, where in the JSON decoding
    /// failed, such as `[3].person.uuid` (`.` for the top level).
    pub fn json_path(&self) -> Option<&str> {
        self.inner.json_path.as_deref()
    }

    /// The transport's error, when no response arrived.
    pub fn transport_error(&self) -> Option<&TransportError> {
        self.inner.source.as_deref()?.downcast_ref()
    }

    /// Whether the builder refused the API token: missing, empty, or with
    /// whitespace or control characters. A [`Config`](ErrorKind::Config)
    /// error; its message says which rule failed and never repeats the token.
    pub fn is_invalid_token(&self) -> bool {
        self.inner.invalid_token
    }

    /// Whether the server answered 409, which this API uses for "wrong
    /// organization type": a retailer-only endpoint called by a supplier, or
    /// the reverse (ERRATA E-40).
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(StatusCode::CONFLICT)
    }

    /// Whether the server answered 422: the action cannot be performed on
    /// the identifier given.
    pub fn is_unprocessable(&self) -> bool {
        self.status() == Some(StatusCode::UNPROCESSABLE_ENTITY)
    }

    /// The delay the server asked for with `Retry-After` (seconds or an HTTP
    /// date), typically on 429 or 503. When it was longer than the retry
    /// policy allows, the error was returned at once with this value.
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// How many attempts were made (0 when nothing was sent).
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// Whether a POST or PATCH failed after it may have reached the server:
    /// the server may have acted on it. Such a request is never sent again
    /// automatically; check its effect before retrying it yourself.
    pub fn is_outcome_unknown(&self) -> bool {
        self.inner.outcome_unknown
    }

    /// Whether the per-request deadline (or a transport timeout) passed.
    pub fn is_timeout(&self) -> bool {
        self.inner.kind == ErrorKind::Timeout
    }

    /// Whether the server answered 401 Unauthorized (a missing, wrong or
    /// revoked token).
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(StatusCode::UNAUTHORIZED)
    }

    /// Whether the server answered 403 (the user lacks the permission the
    /// endpoint needs).
    pub fn is_forbidden(&self) -> bool {
        self.status() == Some(StatusCode::FORBIDDEN)
    }

    /// Whether the server answered 404 (no such object in your organization).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        if let (Some(method), Some(path)) = (&inner.method, &inner.path) {
            write!(f, "{method} {path}: ")?;
        }
        if let Some(status) = inner.status {
            write!(f, "{status}: ")?;
        }
        match inner.kind {
            ErrorKind::Config => f.write_str("invalid client configuration")?,
            ErrorKind::Transport => f.write_str("request failed")?,
            ErrorKind::Timeout => f.write_str("timed out")?,
            ErrorKind::BodyTooLarge => f.write_str("response body too large")?,
            ErrorKind::Status => f.write_str("error response")?,
            ErrorKind::Decode => f.write_str("unexpected response body")?,
            ErrorKind::NoTimer => f.write_str("no timer for the deadline and retries")?,
        }
        if let Some(json_path) = &inner.json_path {
            write!(f, " at {json_path}")?;
        }
        if inner.outcome_unknown {
            f.write_str(" (outcome unknown: the server may have processed it)")?;
        }
        if let Some(source) = &inner.source {
            write!(f, ": {source}")?;
        } else if let Some(message) = &inner.message {
            write!(f, ": {}", truncate(message, MAX_DISPLAY_CHARS))?;
        } else if let Some(body) = &inner.body {
            write!(f, ": {}", truncate(body, MAX_DISPLAY_CHARS))?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `Inner` holds nothing secret: the token is never stored in an error.
        fmt::Debug::fmt(&self.inner, f)
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// The message of a Django REST Framework error body: `{"detail": "..."}`,
/// else `{"non_field_errors": ["..."]}`, else the first `{"field": ["..."]}`.
fn server_message(body: &[u8]) -> Option<String> {
    let serde_json::Value::Object(map) = serde_json::from_slice(body).ok()? else {
        return None;
    };
    if let Some(serde_json::Value::String(detail)) = map.get("detail") {
        return Some(detail.clone());
    }
    let first_string = |value: &serde_json::Value| match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Array(items) => items.first()?.as_str().map(str::to_owned),
        _ => None,
    };
    if let Some(message) = map.get("non_field_errors").and_then(first_string) {
        return Some(message);
    }
    map.iter()
        .find_map(|(field, value)| first_string(value).map(|m| format!("{field}: {m}")))
}

fn body_text(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    escape_bounded(&text, MAX_BODY_CHARS)
}

/// Escapes control characters (so a body cannot forge log lines) and keeps at
/// most `max` characters, marking the cut with `…`.
fn escape_bounded(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max + 8));
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn truncate(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_from_drf_bodies() {
        assert_eq!(
            server_message(br#"{"detail":"Not found."}"#).as_deref(),
            Some("Not found.")
        );
        assert_eq!(
            server_message(br#"{"non_field_errors":["Unable to log in."]}"#).as_deref(),
            Some("Unable to log in.")
        );
        assert_eq!(
            server_message(br#"{"permissions":["This field is required."]}"#).as_deref(),
            Some("permissions: This field is required.")
        );
        assert_eq!(server_message(b"<html>Bad Gateway</html>"), None);
        assert_eq!(server_message(b"[1,2]"), None);
    }

    #[test]
    fn bodies_are_escaped_and_bounded() {
        assert_eq!(escape_bounded("a\nb\u{1b}[31m", 100), "a\\nb\\u{1b}[31m");
        assert_eq!(escape_bounded("abcdef", 3), "abc…");
        assert_eq!(truncate("héllo", 2), "hé");
    }
}
