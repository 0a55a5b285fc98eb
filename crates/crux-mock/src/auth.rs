//! Token authentication and permission checks, as DRF's
//! `TokenAuthentication` does them.
//!
//! | Request | Answer |
//! |---|---|
//! | no `Authorization`, or another scheme (`Bearer ...`) | 401 "Authentication credentials were not provided." |
//! | `Token` alone | 401 "Invalid token header. No credentials provided." |
//! | `Token a b` | 401 "Invalid token header. Token string should not contain spaces." |
//! | not UTF-8 | 401 "Invalid token header. Token string should not contain invalid characters." |
//! | unknown token | 401 "Invalid token." |
//! | a user who is not `ACTIVE` | 401 "User inactive or deleted." |
//! | missing permission | 403 "You do not have permission to perform this action." |
//!
//! The scheme is case-insensitive (`token` works). Every 401 has
//! `WWW-Authenticate: Token`.

use axum::extract::FromRequestParts;
use crux_types::UserId;
use http::header;
use http::request::Parts;

use crate::error::{ApiError, NOT_AUTHENTICATED};
use crate::state::{Account, AppState};

/// The authenticated caller: extracting it answers 401 when the request
/// has no valid token.
#[derive(Debug, Clone)]
pub(crate) struct Caller(pub(crate) Account);

impl Caller {
    /// `Ok` if the caller is currently assigned `permission`, 403
    /// otherwise. The account was read from the store for this request, so
    /// a permission change made by an earlier request counts.
    pub(crate) fn require(&self, permission: &str) -> Result<(), ApiError> {
        if self.0.has_permission(permission) {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
    }

    /// The name of the caller's organization (the store's key).
    pub(crate) fn org_name(&self) -> &'static str {
        self.0.org.name
    }

    /// The caller's user id.
    pub(crate) fn user_id(&self) -> UserId {
        self.0.user.uuid
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = token(parts.headers.get(header::AUTHORIZATION))?;
        state.with_store(|store| match store.by_token(&token) {
            None => Err(ApiError::unauthorized("Invalid token.")),
            Some(account) if !account.is_active() => {
                Err(ApiError::unauthorized("User inactive or deleted."))
            }
            Some(account) => Ok(Self(account.clone())),
        })
    }
}

/// The token of an `Authorization: Token <token>` header.
fn token(header: Option<&http::HeaderValue>) -> Result<String, ApiError> {
    let words: Vec<&[u8]> = header
        .map(|value| value.as_bytes())
        .unwrap_or_default()
        .split(u8::is_ascii_whitespace)
        .filter(|word| !word.is_empty())
        .collect();
    match words.as_slice() {
        [scheme, rest @ ..] if scheme.eq_ignore_ascii_case(b"token") => match rest {
            [] => Err(ApiError::unauthorized(
                "Invalid token header. No credentials provided.",
            )),
            [token] => String::from_utf8(token.to_vec()).map_err(|_| {
                ApiError::unauthorized(
                    "Invalid token header. Token string should not contain invalid characters.",
                )
            }),
            _ => Err(ApiError::unauthorized(
                "Invalid token header. Token string should not contain spaces.",
            )),
        },
        _ => Err(ApiError::unauthorized(NOT_AUTHENTICATED)),
    }
}

#[cfg(test)]
mod tests {
    use http::{HeaderValue, StatusCode};

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
            assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
        }
        assert!(token(None).is_err());
    }
}
