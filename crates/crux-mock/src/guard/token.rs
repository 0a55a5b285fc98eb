//! The token of an `Authorization: Token <token>` header, as DRF's
//! `TokenAuthentication` reads it.

use crate::domain::DomainError;

/// DRF's 401 detail when no credentials were sent.
pub(crate) const NOT_AUTHENTICATED: &str = "Authentication credentials were not provided.";

/// The token of the header; 401 with DRF's detail when there is none.
/// The scheme is case-insensitive (`token` works).
pub(crate) fn token(header: Option<&http::HeaderValue>) -> Result<String, DomainError> {
    let words: Vec<&[u8]> = header
        .map(|value| value.as_bytes())
        .unwrap_or_default()
        .split(u8::is_ascii_whitespace)
        .filter(|word| !word.is_empty())
        .collect();
    match words.as_slice() {
        [scheme, rest @ ..] if scheme.eq_ignore_ascii_case(b"token") => match rest {
            [] => Err(DomainError::Unauthenticated(
                "Invalid token header. No credentials provided.",
            )),
            [token] => String::from_utf8(token.to_vec()).map_err(|_| {
                DomainError::Unauthenticated(
                    "Invalid token header. Token string should not contain invalid characters.",
                )
            }),
            _ => Err(DomainError::Unauthenticated(
                "Invalid token header. Token string should not contain spaces.",
            )),
        },
        _ => Err(DomainError::Unauthenticated(NOT_AUTHENTICATED)),
    }
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    #[test]
    fn header_forms() {
        let parse = |bytes: &[u8]| token(Some(&HeaderValue::from_bytes(bytes).expect("valid")));
        assert_eq!(parse(b"Token abc").ok().as_deref(), Some("abc"));
        assert_eq!(parse(b"token  abc ").ok().as_deref(), Some("abc"));
        for bad in [
            &b"Token"[..],
            b"Token a b",
            b"Bearer abc",
            b"Token \xff",
            b"",
            b"abc",
        ] {
            let err = parse(bad).expect_err("rejected");
            assert!(matches!(err, DomainError::Unauthenticated(_)), "{err:?}");
        }
        assert_eq!(
            token(None),
            Err(DomainError::Unauthenticated(NOT_AUTHENTICATED))
        );
    }
}
