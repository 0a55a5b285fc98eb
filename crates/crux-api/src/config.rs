//! Validated pieces of client configuration: the token and the base URL.

use std::{fmt, net::IpAddr};

use http::{HeaderValue, Uri};

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BaseUrl(String);

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
        let scheme = uri.scheme_str().unwrap_or("https");
        let path = uri.path().trim_end_matches('/');
        Ok(Self(format!("{scheme}://{authority}{path}")))
    }

    /// The full URI of an endpoint path (which starts with `/`).
    pub(crate) fn join(&self, path: &str) -> Result<Uri, Error> {
        format!("{}{path}", self.0)
            .parse()
            .map_err(|e| Error::config(format!("invalid request URL: {e}")))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
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
                .map(|b| b.0),
            Some("https://example.com/prefix".to_owned())
        );
    }
}
