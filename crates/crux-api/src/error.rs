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
/// JSON keys (and `key=value`, `Key: value` names), in any case, whose values
/// are never kept in an error: a body excerpt, a server message or a decode
/// error shows `<redacted>` instead.
const SECRET_KEYS: [&str; 5] = [
    "card_number",
    "auth_token",
    "token",
    "password",
    "authorization",
];
/// What a secret value is replaced with.
const REDACTED: &str = "<redacted>";
/// At most this many characters of a body or message go into `Display`.
const MAX_DISPLAY_CHARS: usize = 160;

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The [`ClientBuilder`](crate::ClientBuilder) refused its configuration.
    Config,
    /// No complete response arrived: a connection, TLS or I/O failure, an
    /// answer that is not HTTP, or a body cut short
    /// ([`TransportErrorKind::IncompleteBody`]). The
    /// [`source`](StdError::source) is a [`TransportError`]; see
    /// [`Error::transport_error`].
    Transport,
    /// The per-request deadline passed before a response arrived.
    Timeout,
    /// The response body was larger than the configured maximum.
    BodyTooLarge,
    /// The server answered with a non-success status. See
    /// [`Error::status`], [`Error::message`] and [`Error::body`].
    Status,
    /// The server answered with a redirect (a 3xx status), which is never
    /// followed: following it could send the API token to another host, or
    /// over plain `http`. See [`Error::status`] and [`Error::location`].
    Redirect,
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
/// [`message`](Self::message) (`{"detail": "..."}`) and the start of the
/// [`body`](Self::body) (bounded, control characters escaped, secrets
/// redacted). The underlying cause is chained through
/// [`source`](StdError::source) and not repeated in `Display`, so a chain
/// printer (anyhow's `{:#}`) shows each cause once.
///
/// Neither `Display`, `Debug`, the accessors nor the source chain ever hold
/// the API token, or the values of the fields `card_number`, `auth_token`,
/// `token`, `password` and `authorization` of a response: an error keeps no
/// raw body, only a redacted excerpt.
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
    /// A redirect's `Location`, redacted ([`redact_location`]).
    location: Option<String>,
    retry_after: Option<Duration>,
    attempts: u32,
    outcome_unknown: bool,
    /// The order an outcome-unknown create was for.
    purchase_order_id: Option<String>,
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
                location: None,
                retry_after: None,
                attempts: 0,
                outcome_unknown: false,
                purchase_order_id: None,
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
        error.inner.message = Some(format!("the limit is {limit} bytes"));
        error
    }

    /// A non-success status, with the server's message where the body is
    /// JSON; a 3xx is a [`Redirect`](ErrorKind::Redirect) with its redacted
    /// `Location`.
    pub(crate) fn from_status(status: StatusCode, headers: &HeaderMap, body: &Bytes) -> Self {
        let mut error = if status.is_redirection() {
            let mut error = Self::new(ErrorKind::Redirect);
            error.inner.location = headers
                .get(http::header::LOCATION)
                .map(|value| redact_location(&String::from_utf8_lossy(value.as_bytes())));
            error
        } else {
            Self::new(ErrorKind::Status)
        };
        error.inner.status = Some(status);
        error.inner.retry_after = crate::retry::retry_after(headers, SystemTime::now());
        error.inner.message =
            server_message(body).map(|m| escape_bounded(&redact_secrets(&m), MAX_BODY_CHARS));
        error.inner.body = (!body.is_empty()).then(|| excerpt(body));
        error
    }

    pub(crate) fn decode(status: StatusCode, body: &Bytes, error: serde_json::Error) -> Self {
        let path = crate::json_path::find(body, error.line(), error.column(), error.classify());
        let mut this = Self::new(ErrorKind::Decode);
        this.inner.status = Some(status);
        this.inner.json_path = Some(path.to_string());
        this.inner.body = Some(excerpt(body));
        this.inner.source = Some(Box::new(DecodeError::new(&error, &path)));
        this
    }

    /// A success answer that does not fit the calls before it (a page
    /// stream's server that does not move through the pages): a
    /// [`ErrorKind::Decode`] error that explains itself, with no body.
    pub(crate) fn unexpected_page(status: StatusCode, message: impl Into<String>) -> Self {
        let mut this = Self::new(ErrorKind::Decode);
        this.inner.status = Some(status);
        this.inner.message = Some(message.into());
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

    /// Names the order a create was for (`orders().create`), so that an
    /// outcome-unknown error says which order to look for.
    pub(crate) fn with_purchase_order_id(mut self, purchase_order_id: &str) -> Self {
        self.inner.purchase_order_id = Some(purchase_order_id.to_owned());
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
    /// control characters escaped, and the values of secret fields
    /// (`card_number`, `auth_token`, `token`, `password`, `authorization`)
    /// replaced by `<redacted>`.
    pub fn body(&self) -> Option<&str> {
        self.inner.body.as_deref()
    }

    /// For a [`Decode`](ErrorKind::Decode) error, where in the JSON decoding
    /// failed, such as `[3].person.uuid` (`.` for the top level).
    pub fn json_path(&self) -> Option<&str> {
        self.inner.json_path.as_deref()
    }

    /// For a [`Redirect`](ErrorKind::Redirect), where the server pointed
    /// (its `Location` header, which was not followed), with what could
    /// carry a secret taken out: the query string and any user information
    /// become `<redacted>`, the fragment is dropped, control characters are
    /// escaped and the text is bounded (2048 characters). For example
    /// `https://other.example/login?<redacted>`. `None` when the redirect
    /// had no `Location`, and for every other kind of error.
    pub fn location(&self) -> Option<&str> {
        self.inner.location.as_deref()
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
    /// the reverse (docs/spec-decisions.md, E-40).
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

    /// The `purchase_order_id` of the order an
    /// [`orders().create`](crate::resources::Orders::create) whose outcome is
    /// unknown was for: look it up with
    /// [`find_by_purchase_order_id`](crate::resources::Orders::find_by_purchase_order_id)
    /// before creating the order again. `None` for every other error.
    pub fn purchase_order_id(&self) -> Option<&str> {
        self.inner.purchase_order_id.as_deref()
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
            ErrorKind::Timeout => f.write_str("no response before the deadline")?,
            ErrorKind::BodyTooLarge => f.write_str("response body over the size limit")?,
            ErrorKind::Status => f.write_str("error response")?,
            ErrorKind::Redirect => {
                f.write_str("redirect not followed")?;
                if let Some(location) = &inner.location {
                    write!(f, " (to {})", truncate(location, MAX_DISPLAY_CHARS))?;
                }
            }
            ErrorKind::Decode => f.write_str("unexpected response body")?,
            ErrorKind::NoTimer => f.write_str("no timer for the deadline and retries")?,
        }
        if let Some(json_path) = &inner.json_path {
            write!(f, " at {json_path}")?;
        }
        if inner.outcome_unknown {
            f.write_str(" (outcome unknown: the server may have processed it")?;
            if let Some(po) = &inner.purchase_order_id {
                write!(
                    f,
                    "; look for the order with purchase_order_id {:?} before creating it again",
                    truncate(po, MAX_DISPLAY_CHARS)
                )?;
            }
            f.write_str(")")?;
        }
        // The cause is not repeated here: `source()` returns it.
        if let Some(message) = &inner.message {
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

/// Why a body did not decode: serde's message (`invalid type: ..., expected
/// ... at line 1 column 30`), kept instead of the serde error itself so that
/// the offending value under a secret key is left out.
#[derive(Debug)]
struct DecodeError(String);

impl DecodeError {
    fn new(error: &serde_json::Error, path: &crate::json_path::JsonPath) -> Self {
        let under_secret = path.keys().any(is_secret_key);
        let message = redact_secrets(&error.to_string());
        Self(if under_secret {
            without_literals(&message)
        } else {
            message
        })
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for DecodeError {}

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
    map.iter().find_map(|(field, value)| {
        let message = first_string(value)?;
        let message = if is_secret_key(field) {
            REDACTED
        } else {
            &message
        };
        Some(format!("{field}: {message}"))
    })
}

/// A `Location` value as an error keeps it: the query string and user
/// information (`user:password@`) replaced by [`REDACTED`], the fragment
/// dropped, control characters escaped, at most [`MAX_BODY_CHARS`]
/// characters. Works on relative references too.
fn redact_location(location: &str) -> String {
    let location = location.trim();
    let without_fragment = location.split('#').next().unwrap_or_default();
    let (before_query, has_query) = match without_fragment.split_once('?') {
        Some((before, _)) => (before, true),
        None => (without_fragment, false),
    };
    let mut out = String::with_capacity(before_query.len() + 2 * REDACTED.len());
    // The authority follows `scheme://` (or `//` for a scheme-relative
    // reference) and runs to the next `/`; its user information ends at
    // its last `@`.
    let authority_start = before_query.find("//").map(|i| i + 2);
    match authority_start {
        Some(start) => {
            let end = before_query[start..]
                .find('/')
                .map_or(before_query.len(), |i| start + i);
            let authority = &before_query[start..end];
            out.push_str(&before_query[..start]);
            match authority.rfind('@') {
                Some(at) => {
                    out.push_str(REDACTED);
                    out.push_str(&authority[at..]);
                }
                None => out.push_str(authority),
            }
            out.push_str(&before_query[end..]);
        }
        None => out.push_str(before_query),
    }
    if has_query {
        out.push('?');
        out.push_str(REDACTED);
    }
    escape_bounded(&out, MAX_BODY_CHARS)
}

/// The start of a body, kept in an error: at most [`MAX_BODY_CHARS`]
/// characters, secrets redacted, control characters escaped, a cut marked `…`.
fn excerpt(body: &[u8]) -> String {
    // A character is at most 4 bytes: this prefix holds the whole excerpt.
    let head = String::from_utf8_lossy(&body[..body.len().min(MAX_BODY_CHARS * 4)]);
    let cut = head.char_indices().nth(MAX_BODY_CHARS).map(|(i, _)| i);
    let redacted = redact_secrets(&head[..cut.unwrap_or(head.len())]);
    let mut out = escape_bounded(&redacted, usize::MAX);
    if cut.is_some() || head.len() < body.len() {
        out.push('…');
    }
    out
}

fn is_secret_key(key: &str) -> bool {
    SECRET_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key))
}

/// Replaces the value after each [secret key](SECRET_KEYS) in `text` with
/// [`REDACTED`]: in JSON (`"token": "..."`, also when malformed or cut), in
/// forms (`password=...`) and in header-like lines (`Authorization: Token
/// ...`). A quoted value keeps its quotes; an object or array is replaced
/// whole; an unquoted one runs to the next `,;&}]<`, quote or line end.
fn redact_secrets(text: &str) -> String {
    let (bytes, lower) = (text.as_bytes(), text.to_ascii_lowercase());
    let is_word = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    let (mut out, mut copied, mut i) = (String::with_capacity(text.len()), 0, 0);
    while i < bytes.len() {
        let key = SECRET_KEYS.iter().find(|k| {
            lower.as_bytes()[i..].starts_with(k.as_bytes())
                && (i == 0 || !is_word(i - 1))
                && !is_word(i + k.len())
        });
        let value = key.and_then(|k| value_span(bytes, i + k.len()));
        match (key, value) {
            (Some(_), Some((start, end))) => {
                out.push_str(&text[copied..start]);
                out.push_str(REDACTED);
                copied = end;
                i = end.max(i + 1);
            }
            (Some(k), None) => i += k.len(),
            (None, _) => i += 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Where the value after a key ending at `i` starts and ends: after an
/// optional closing quote, `:` or `=`, and spaces; `None` when no `:` or `=`
/// follows (the word is prose, not a key).
fn value_span(bytes: &[u8], mut i: usize) -> Option<(usize, usize)> {
    let skip_spaces = |mut i: usize| {
        while bytes.get(i).is_some_and(|b| *b == b' ' || *b == b'\t') {
            i += 1;
        }
        i
    };
    if matches!(bytes.get(i), Some(b'"' | b'\'')) {
        i += 1;
    }
    i = skip_spaces(i);
    if !matches!(bytes.get(i), Some(b':' | b'=')) {
        return None;
    }
    let start = skip_spaces(i + 1);
    let end = match bytes.get(start) {
        Some(&quote @ (b'"' | b'\'')) => {
            let close = (start + 1..bytes.len())
                .find(|&j| bytes[j] == quote && bytes[j - 1] != b'\\')
                .unwrap_or(bytes.len());
            return Some((start + 1, close));
        }
        Some(b'{' | b'[') => nested_end(bytes, start),
        _ => (start..bytes.len())
            .find(|&j| b",;&}]<\"'\r\n".contains(&bytes[j]))
            .unwrap_or(bytes.len()),
    };
    Some((start, end))
}

/// The end of the object or array opening at `start` (strings skipped), or
/// of the text when it is cut.
fn nested_end(bytes: &[u8], start: usize) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (j, &b) in bytes.iter().enumerate().skip(start) {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (false, _, b'"') => in_string = true,
            (false, _, b'{' | b'[') => depth += 1,
            (false, _, b'}' | b']') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// `message` with every quoted literal (`"..."` and `` `...` ``) emptied to
/// `…`: serde quotes the offending value that way.
fn without_literals(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut open: Option<char> = None;
    for c in message.chars() {
        match open {
            Some(quote) if c == quote => {
                out.push('…');
                out.push(c);
                open = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                if c == '"' || c == '`' {
                    open = Some(c);
                }
            }
        }
    }
    if open.is_some() {
        out.push('…');
    }
    out
}

/// Escapes control characters (so a body cannot forge log lines) and keeps at
/// most `max` characters, marking the cut with `…`.
fn escape_bounded(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max.saturating_add(8)));
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

    #[test]
    fn secret_values_are_redacted_wherever_their_key_appears() {
        for (text, expected) in [
            (
                r#"{"token": "s3cret", "n": 1}"#,
                r#"{"token": "<redacted>", "n": 1}"#,
            ),
            (
                r#"{"Card_Number":4111111111111111}"#,
                r#"{"Card_Number":<redacted>}"#,
            ),
            (
                r#"{"auth_token":{"v":"s}3"},"x":2}"#,
                r#"{"auth_token":<redacted>,"x":2}"#,
            ),
            (r#"{"password":["s3cret"]}"#, r#"{"password":<redacted>}"#),
            (r#"{"token":"cut in the mid"#, r#"{"token":"<redacted>"#),
            (
                "user=a&password=s3cret&x=1",
                "user=a&password=<redacted>&x=1",
            ),
            (
                "Authorization: Token s3cret\r\nHost: a",
                "Authorization: <redacted>\r\nHost: a",
            ),
            (
                r#"{"detail":"Invalid token.","auth_token_ok":"kept"}"#,
                r#"{"detail":"Invalid token.","auth_token_ok":"kept"}"#,
            ),
            (
                r#"{"retoken":"kept","token":"#,
                r#"{"retoken":"kept","token":<redacted>"#,
            ),
            ("é token: s3cret", "é token: <redacted>"),
        ] {
            assert_eq!(redact_secrets(text), expected, "{text}");
        }
    }

    #[test]
    fn locations_lose_their_query_user_information_and_fragment() {
        for (location, expected) in [
            (
                "https://other.example/login?token=s3cret&next=/",
                "https://other.example/login?<redacted>",
            ),
            (
                "http://user:s3cret@evil.example:8080/x?a=1#frag",
                "http://<redacted>@evil.example:8080/x?<redacted>",
            ),
            (
                "/relative/path?auth_token=s3cret",
                "/relative/path?<redacted>",
            ),
            ("//cdn.example/a#s3cret", "//cdn.example/a"),
            ("https://plain.example/a/b", "https://plain.example/a/b"),
            (
                "https://u@h.example?q",
                "https://<redacted>@h.example?<redacted>",
            ),
            ("/line\r\nbreak", "/line\\r\\nbreak"),
            ("/forged\nline", "/forged\\nline"),
        ] {
            assert_eq!(redact_location(location), expected, "{location}");
        }
        assert_eq!(
            redact_location(&"a".repeat(5000)).chars().count(),
            MAX_BODY_CHARS + 1
        );
    }

    #[test]
    fn literals_are_emptied_from_messages() {
        assert_eq!(
            without_literals(r#"invalid type: string "4111", expected `a` at line 1"#),
            r#"invalid type: string "…", expected `…` at line 1"#
        );
        assert_eq!(without_literals("cut `41"), "cut `…");
    }

    #[test]
    fn excerpts_are_bounded_redacted_and_escaped() {
        let long = format!(r#"{{"password":"{}"}}"#, "x".repeat(5000));
        assert_eq!(excerpt(long.as_bytes()), r#"{"password":"<redacted>…"#);
        assert_eq!(excerpt(b"a\nb"), "a\\nb");
        let wide = "é".repeat(3000);
        assert_eq!(excerpt(wide.as_bytes()).chars().count(), MAX_BODY_CHARS + 1);
    }
}
