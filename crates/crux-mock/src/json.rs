//! The JSON body extractor: the body as the domain takes it, a JSON value
//! or the reason it is not one (415, 400), kept rather than answered so
//! that the domain can answer its 404s first.
//!
//! The body is read here and nowhere else: only by a route that takes one
//! (the handler has this extractor), after the router (404, 405), the
//! guard (401, 409, 403) and the declared length check ([`body_limit`],
//! 413) have let the request through, and only when its type is JSON.
//! Reading stops with a 413 as soon as the body passes the server's limit.

use axum::extract::{FromRequest, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::{Bytes, BytesMut};
use http::header;
use http_body_util::BodyExt;
use serde_json::error::Category;

use crate::domain::{Body, DomainError};
use crate::error::ApiError;
use crate::shared::AppState;

/// The middleware behind the guard of every route: 413 when the request
/// declares a `Content-Length` over the server's limit, before a byte of
/// the body is read.
pub(crate) async fn body_limit(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let limit = state.max_body_bytes;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let limit_u64 = u64::try_from(limit).unwrap_or(u64::MAX);
    if declared.is_some_and(|declared| declared > limit_u64) {
        return ApiError::payload_too_large(limit).into_response();
    }
    next.run(request).await
}

/// Why a body could not be read.
enum ReadError {
    /// Over the limit: 413.
    TooLarge,
    /// The client went away mid-body (or the body failed otherwise).
    Failed,
}

/// Reads the whole body, stopping as soon as it passes `limit` bytes.
async fn read_limited(mut body: axum::body::Body, limit: usize) -> Result<Bytes, ReadError> {
    let mut buffer = BytesMut::new();
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame.map_err(|_| ReadError::Failed)?.into_data() else {
            continue; // trailers
        };
        if data.len() > limit.saturating_sub(buffer.len()) {
            return Err(ReadError::TooLarge);
        }
        buffer.extend_from_slice(&data);
    }
    Ok(buffer.freeze())
}

/// A request body decoded as JSON: 415 when the `Content-Type` is not JSON
/// (`application/json` or `application/*+json`, any parameters; a missing
/// type counts as not JSON), 400 when the body is not valid JSON.
#[derive(Debug, Clone)]
pub(crate) struct JsonBody(pub(crate) Body);

///
/// A body over the server's limit is rejected with a 413 at once (the
/// declared length was checked by [`body_limit`]; this is for a chunked
/// body).
impl FromRequest<AppState> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
            .unwrap_or_default();
        if !is_json(&content_type) {
            return Ok(Self(Err(DomainError::UnsupportedMediaType(content_type))));
        }
        let limit = state.max_body_bytes;
        let bytes = match read_limited(request.into_body(), limit).await {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge) => return Err(ApiError::payload_too_large(limit)),
            Err(ReadError::Failed) => {
                return Ok(Self(Err(DomainError::invalid(
                    "Could not read the request body.",
                ))));
            }
        };
        Ok(Self(serde_json::from_slice(&bytes).map_err(
            |err| match err.classify() {
                Category::Data => DomainError::invalid(format!("Invalid data - {err}")),
                Category::Io | Category::Syntax | Category::Eof => {
                    DomainError::invalid(format!("JSON parse error - {err}"))
                }
            },
        )))
    }
}

/// Whether a `Content-Type` value names JSON.
fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|subtype| subtype.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn json_media_types() {
        assert!(is_json("application/json"));
        assert!(is_json("application/json; charset=utf-8"));
        assert!(is_json("Application/JSON;charset=UTF-8"));
        assert!(is_json("application/vnd.api+json"));
        assert!(!is_json(""));
        assert!(!is_json("text/plain"));
        assert!(!is_json("application/x-www-form-urlencoded"));
        assert!(!is_json("text/json"));
        assert!(!is_json("application/jsonx"));
    }
}
