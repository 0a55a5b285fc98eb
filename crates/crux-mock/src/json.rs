//! The JSON body extractor: the body as the domain takes it, a JSON value
//! or the reason it is not one (415, 400), kept rather than answered so
//! that the domain can answer its 404s first.
//!
//! The body has already been read in full (and the size limit applied) by
//! the request pipeline in `service.rs`.

use std::convert::Infallible;

use axum::extract::{FromRequest, Request};
use http::header;
use serde_json::error::Category;

use crate::domain::{Body, DomainError};

/// A request body decoded as JSON: 415 when the `Content-Type` is not JSON
/// (`application/json` or `application/*+json`, any parameters; a missing
/// type counts as not JSON), 400 when the body is not valid JSON.
#[derive(Debug, Clone)]
pub(crate) struct JsonBody(pub(crate) Body);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = Infallible;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Infallible> {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
            .unwrap_or_default();
        if !is_json(&content_type) {
            return Ok(Self(Err(DomainError::UnsupportedMediaType(content_type))));
        }
        let Ok(bytes) = axum::body::to_bytes(request.into_body(), usize::MAX).await else {
            return Ok(Self(Err(DomainError::invalid(
                "Could not read the request body.",
            ))));
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
