//! The JSON body extractor, with JSON errors instead of axum's plain-text
//! rejections.
//!
//! The body has already been read in full (and the size limit applied) by
//! the request pipeline in `service.rs`.

use axum::extract::{FromRequest, Request};
use http::header;
use serde::de::DeserializeOwned;
use serde_json::error::Category;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// A request body decoded as JSON: 415 when the `Content-Type` is not JSON
/// (`application/json` or `application/*+json`, any parameters; a missing
/// type counts as not JSON), 400 when the body is not valid JSON or not a
/// `T`.
#[derive(Debug, Clone)]
pub(crate) struct JsonBody<T>(pub(crate) T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ApiError> {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
            .unwrap_or_default();
        if !is_json(&content_type) {
            return Err(ApiError::unsupported_media_type(&content_type));
        }
        let bytes = axum::body::to_bytes(request.into_body(), usize::MAX)
            .await
            .map_err(|_| ApiError::bad_request("Could not read the request body."))?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|err| match err.classify() {
                Category::Data => ApiError::bad_request(format!("Invalid data - {err}")),
                Category::Io | Category::Syntax | Category::Eof => {
                    ApiError::bad_request(format!("JSON parse error - {err}"))
                }
            })
    }
}

impl<T: DeserializeOwned> JsonBody<T> {
    /// Decodes the body of `request`, as the extractor does. For routes
    /// that check permissions first: DRF answers 401 and 403 before it
    /// reads the body (415, 400).
    pub(crate) async fn read(request: Request) -> Result<T, ApiError> {
        Self::from_request(request, &())
            .await
            .map(|Self(body)| body)
    }
}

/// The body as a JSON object, or 400 as DRF words it
/// (`Invalid data. Expected a dictionary, but got list.`).
pub(crate) fn object(body: &Value) -> Result<&Map<String, Value>, ApiError> {
    match body {
        Value::Object(object) => Ok(object),
        other => Err(ApiError::bad_request(format!(
            "Invalid data. Expected a dictionary, but got {}.",
            type_name(other)
        ))),
    }
}

/// 400 naming every field of `names` that is missing or `null` in
/// `object` (`uuid: This field is required.`, DRF's messages).
pub(crate) fn require_fields(object: &Map<String, Value>, names: &[&str]) -> Result<(), ApiError> {
    let problems: Vec<String> = names
        .iter()
        .filter_map(|name| match object.get(*name) {
            None => Some(format!("{name}: This field is required.")),
            Some(Value::Null) => Some(format!("{name}: This field may not be null.")),
            Some(_) => None,
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::bad_request(problems.join(" ")))
    }
}

/// Decodes a JSON value already checked for its required fields; 400
/// `Invalid data - ...` when a field has the wrong type or value.
pub(crate) fn decode<T: DeserializeOwned>(body: Value) -> Result<T, ApiError> {
    serde_json::from_value(body)
        .map_err(|err| ApiError::bad_request(format!("Invalid data - {err}")))
}

/// DRF's (Python's) name for a JSON value's type.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
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
