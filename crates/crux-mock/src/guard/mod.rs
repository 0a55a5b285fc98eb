//! The guard: one middleware in front of every route, built from the
//! route's catalogue entry ([`crux_types::endpoint::Endpoint`]). It decides
//! who may call, and nothing else does:
//!
//! | Check | Answer |
//! |---|---|
//! | the endpoint takes no token (`login`) | on to the handler, no checks |
//! | no `Authorization`, or another scheme (`Bearer ...`) | 401 "Authentication credentials were not provided." |
//! | `Token` alone | 401 "Invalid token header. No credentials provided." |
//! | `Token a b` | 401 "Invalid token header. Token string should not contain spaces." |
//! | not UTF-8 | 401 "Invalid token header. Token string should not contain invalid characters." |
//! | unknown token | 401 "Invalid token." |
//! | a user who is not `ACTIVE` | 401 "User inactive or deleted." |
//! | the endpoint is for the other organization type | 409 naming the endpoint and the type it needs |
//! | a permission the endpoint needs (for this type) is not assigned now | 403, DRF's sentence then ``(needs `name`)`` |
//!
//! Every 401 has `WWW-Authenticate: Token`. Unknown paths (404) and
//! methods (405) are answered by the router before the guard runs; a
//! declared body over the limit (413) by `json::body_limit` after it;
//! objects of the path (404) and bodies (415, 413, 400) by the domain and
//! the body extractor after that. None of these reads the body before the
//! guard has let the request through.

mod token;

use axum::extract::{FromRequestParts, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use crux_types::endpoint::{Caller, Endpoint};
use http::header;
use http::request::Parts;

use crate::domain::{Actor, DomainError, access};
use crate::error::ApiError;
use crate::shared::AppState;

/// What the guard needs: the store, and the endpoint of the route.
pub(crate) type GuardState = (AppState, &'static Endpoint);

/// The middleware: checks the caller against `endpoint`, then hands the
/// [`Actor`] to the handler (a request extension), or answers the error.
pub(crate) async fn guard(
    State((state, endpoint)): State<GuardState>,
    mut request: Request,
    next: Next,
) -> Response {
    if endpoint.caller == Caller::NoToken {
        return next.run(request).await;
    }
    match check(
        &state,
        endpoint,
        request.headers().get(header::AUTHORIZATION),
    ) {
        Ok(actor) => {
            request.extensions_mut().insert(actor);
            next.run(request).await
        }
        Err(error) => ApiError::from(error).into_response(),
    }
}

/// 401, then 409 and 403, as [`access`] decides them.
fn check(
    state: &AppState,
    endpoint: &'static Endpoint,
    authorization: Option<&http::HeaderValue>,
) -> Result<Actor, DomainError> {
    let token = token::token(authorization)?;
    state.with_store(|store| {
        let actor = access::authenticate(store, &token)?;
        access::authorize(store, &actor, endpoint)?;
        Ok(actor)
    })
}

/// Handlers take the guard's [`Actor`] as an argument. A route without the
/// guard has none: 500, which the crate's tests rule out.
impl<S: Send + Sync> FromRequestParts<S> for Actor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<Actor>()
            .cloned()
            .ok_or_else(ApiError::internal)
    }
}
