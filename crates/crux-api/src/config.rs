//! Validated pieces of client configuration: the token and the base URL.

use std::{borrow::Cow, fmt, net::IpAddr};

use bytes::Bytes;
use http::{
    HeaderValue, Uri,
    uri::{self, Authority, PathAndQuery, Scheme},
};

use crate::Error;

/// The API token, kept as a ready `Authorization` header value marked
/// sensitive. Its `Debug` is redacted, and nothing else prints it.
#[derive(Clone)]
pub(crate) struct Token(HeaderValue);

impl Token {
    /// Validates a token without ever echoing it in the error.
    pub(crate) fn parse(token: &str) -> Result<Self, Error> {
        if token.is_empty() {
            return Err(Error::invalid_token("the API token is empty"));
        }
        if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::invalid_token(
                "the API token contains whitespace or control characters",
            ));
        }
        let mut value = HeaderValue::try_from(format!("Token {token}"))
            .map_err(|_| Error::invalid_token("the API token is not a valid header value"))?;
        value.set_sensitive(true);
        Ok(Self(value))
    }

    pub(crate) fn header_value(&self) -> &HeaderValue {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// The scheme, authority and optional path prefix that every endpoint path is
/// appended to, without a trailing slash.
///
/// Kept both as text (for [`Client::base_url`](crate::Client::base_url)) and
/// as ready `Uri` parts, so that a request's `Uri` is put together from
/// parts (reference counts) rather than formatted and parsed per call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BaseUrl {
    /// `scheme://authority[/prefix]`.
    text: String,
    scheme: Scheme,
    authority: Authority,
    /// The path prefix without its trailing slash: empty, or starts with `/`.
    prefix: String,
}

impl BaseUrl {
    /// Accepts `https://host[:port][/prefix]`, and `http://` only for a
    /// loopback host (`localhost`, `127.0.0.0/8`, `::1`).
    pub(crate) fn parse(url: &str) -> Result<Self, Error> {
        let uri: Uri = url
            .parse()
            .map_err(|e| Error::config(format!("the base URL is not a valid URL: {e}")))?;
        let authority = uri
            .authority()
            .ok_or_else(|| Error::config("the base URL has no host"))?;
        if authority.as_str().contains('@') {
            // Never echo it: user info may hold a password.
            return Err(Error::config("the base URL must not contain user info"));
        }
        if uri.query().is_some() {
            return Err(Error::config("the base URL must not contain a query"));
        }
        match uri.scheme_str() {
            Some("https") => {}
            Some("http") if is_loopback(authority.host()) => {}
            Some("http") => {
                return Err(Error::config(format!(
                    "the base URL must use https (plain http is allowed only for loopback hosts): {uri}"
                )));
            }
            _ => return Err(Error::config(format!("the base URL must use https: {uri}"))),
        }
        let scheme = uri.scheme().cloned().unwrap_or(Scheme::HTTPS);
        let prefix = uri.path().trim_end_matches('/').to_owned();
        Ok(Self {
            text: format!("{scheme}://{authority}{prefix}"),
            authority: authority.clone(),
            scheme,
            prefix,
        })
    }

    /// The full URI of an endpoint path (which starts with `/`, and may end
    /// with a query): the same `Uri` as parsing the base URL and `path` as
    /// one string, without copying a `'static` path when there is no prefix.
    pub(crate) fn join(&self, path: RequestPath<'_>) -> Result<Uri, Error> {
        let path_and_query = match path {
            // What a whole parse makes of no path at all.
            _ if self.prefix.is_empty() && path.as_str().is_empty() => {
                Ok(PathAndQuery::from_static("/"))
            }
            RequestPath::Static(path) if self.prefix.is_empty() => {
                PathAndQuery::from_maybe_shared(Bytes::from_static(path.as_bytes()))
            }
            _ => {
                let path = path.as_str();
                let mut joined = String::with_capacity(self.prefix.len() + path.len());
                joined.push_str(&self.prefix);
                joined.push_str(path);
                PathAndQuery::from_maybe_shared(Bytes::from(joined))
            }
        };
        let mut parts = uri::Parts::default();
        parts.scheme = Some(self.scheme.clone());
        parts.authority = Some(self.authority.clone());
        parts.path_and_query =
            Some(path_and_query.map_err(|e| Error::config(format!("invalid request URL: {e}")))?);
        Uri::from_parts(parts).map_err(|e| Error::config(format!("invalid request URL: {e}")))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }
}

/// The path of one request, as the endpoint methods give it: `'static` when
/// it is a catalogue path without placeholders, so that its `Uri` can point
/// at it rather than copy it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RequestPath<'a> {
    /// A path that lives for the whole program.
    Static(&'static str),
    /// A path built for this call.
    Borrowed(&'a str),
}

impl<'a> RequestPath<'a> {
    pub(crate) fn as_str(self) -> &'a str {
        match self {
            Self::Static(path) => path,
            Self::Borrowed(path) => path,
        }
    }
}

impl<'a> From<&'a str> for RequestPath<'a> {
    fn from(path: &'a str) -> Self {
        Self::Borrowed(path)
    }
}

impl<'a> From<&'a String> for RequestPath<'a> {
    fn from(path: &'a String) -> Self {
        Self::Borrowed(path)
    }
}

impl<'a> From<&'a Cow<'static, str>> for RequestPath<'a> {
    fn from(path: &'a Cow<'static, str>) -> Self {
        match path {
            Cow::Borrowed(path) => Self::Static(path),
            Cow::Owned(path) => Self::Borrowed(path),
        }
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_rules() {
        for ok in [
            "https://api.cruxconnect.com",
            "https://api.cruxconnect.com/",
            "https://example.com:8443/prefix/",
            "http://localhost:8080",
            "http://127.0.0.1:1",
            "http://127.9.9.9",
            "http://[::1]:3000",
        ] {
            assert!(BaseUrl::parse(ok).is_ok(), "{ok} should be accepted");
        }
        for bad in [
            "http://api.cruxconnect.com",
            "http://10.0.0.1",
            "http://localhost.evil.com",
            "ftp://localhost",
            "api.cruxconnect.com",
            "https://user:pw@example.com",
            "https://example.com/?q=1",
            "",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(
            BaseUrl::parse("https://example.com/prefix/")
                .ok()
                .map(|b| b.text),
            Some("https://example.com/prefix".to_owned())
        );
    }

    /// `join` builds from parts the `Uri` that parsing the base URL and the
    /// path as one string gives, with and without a prefix, for `'static`
    /// and built paths, queries and percent-encoding included.
    #[test]
    fn join_equals_parsing_the_whole_url() {
        let owned = Cow::Owned("/users/a%20b/?start=0&limit=10".to_owned());
        let paths = [
            RequestPath::Static("/organizations/users/all/"),
            RequestPath::Borrowed("/organizations/users/all/"),
            RequestPath::from(&owned),
            RequestPath::from(&Cow::Borrowed("/catalogs/")),
            RequestPath::Static(""),
        ];
        for base in [
            "https://api.cruxconnect.com",
            "https://example.com:8443/prefix/",
            "http://127.0.0.1:3000",
            "http://[::1]:3000/a/b",
        ] {
            let base_url = BaseUrl::parse(base).expect("a valid base URL");
            for path in paths {
                let joined = base_url.join(path).expect("a valid path");
                let whole = format!("{}{}", base_url.as_str(), path.as_str());
                let parsed: Uri = whole.parse().expect("a valid URL");
                assert_eq!(joined, parsed, "{whole}");
                assert_eq!(joined.to_string(), parsed.to_string(), "{whole}");
            }
        }
        let base_url = BaseUrl::parse("https://example.com").expect("a valid base URL");
        for bad in ["/a b/", "/tab\there/", "/a<b"] {
            let error = base_url
                .join(RequestPath::Borrowed(bad))
                .expect_err("an invalid path is refused");
            assert!(error.to_string().contains("invalid request URL"), "{error}");
            assert!(
                format!("https://example.com{bad}").parse::<Uri>().is_err(),
                "{bad} is refused by a whole parse too"
            );
        }
    }
}
