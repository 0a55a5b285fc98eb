//! Error responses: every error the mock sends is `{"detail": "..."}` with
//! `Content-Type: application/json`, like the Django REST Framework API it
//! imitates. The detail strings are DRF's where DRF has one.

use std::borrow::Cow;

use axum::Json;
use axum::response::{IntoResponse, Response};
use http::{HeaderName, HeaderValue, StatusCode, header};
use serde::Serialize;

/// DRF's 401 detail when no credentials were sent.
pub(crate) const NOT_AUTHENTICATED: &str = "Authentication credentials were not provided.";
/// DRF's 403 detail.
pub(crate) const PERMISSION_DENIED: &str = "You do not have permission to perform this action.";
/// DRF's login failure detail (wrong password, unknown or inactive user).
pub(crate) const BAD_CREDENTIALS: &str = "Unable to log in with provided credentials.";

/// An error response: a status, a detail message and extra headers.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    status: StatusCode,
    detail: Cow<'static, str>,
    headers: Vec<(HeaderName, HeaderValue)>,
}

/// The JSON body.
#[derive(Serialize)]
struct Detail<'a> {
    detail: &'a str,
}

impl ApiError {
    /// `status` with `detail`.
    pub(crate) fn new(status: StatusCode, detail: impl Into<Cow<'static, str>>) -> Self {
        Self {
            status,
            detail: detail.into(),
            headers: Vec::new(),
        }
    }

    /// Adds a header to the response.
    pub(crate) fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// 400 with `detail`.
    pub(crate) fn bad_request(detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 401 with `detail` and `WWW-Authenticate: Token`, as DRF's
    /// `TokenAuthentication` sends.
    pub(crate) fn unauthorized(detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, detail)
            .with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Token"))
    }

    /// 403 "You do not have permission to perform this action."
    pub(crate) fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, PERMISSION_DENIED)
    }

    /// 404 "Not found."
    pub(crate) fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "Not found.")
    }

    /// 500 "A server error occurred." (DRF's wording): the demo data is
    /// inconsistent, which the crate's tests rule out.
    pub(crate) fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "A server error occurred.",
        )
    }

    /// 405 `Method "X" not allowed.` (axum adds the `Allow` header).
    pub(crate) fn method_not_allowed(method: &http::Method) -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("Method \"{method}\" not allowed."),
        )
    }

    /// 413 for a body over `limit` bytes.
    pub(crate) fn payload_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Request body too large: the limit is {limit} bytes."),
        )
    }

    /// 415 for a body whose media type is not JSON.
    pub(crate) fn unsupported_media_type(content_type: &str) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("Unsupported media type \"{content_type}\" in request."),
        )
    }

    /// The response status.
    #[cfg(test)]
    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }

    /// The `detail` message.
    #[cfg(test)]
    pub(crate) fn detail(&self) -> &str {
        &self.detail
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(Detail {
                detail: &self.detail,
            }),
        )
            .into_response();
        let headers = response.headers_mut();
        for (name, value) in self.headers {
            headers.insert(name, value);
        }
        response
    }
}

/// 404 for every path the mock does not know.
pub(crate) async fn not_found() -> ApiError {
    ApiError::not_found()
}

/// 405 for a known path with a method it does not take.
pub(crate) async fn method_not_allowed(method: http::Method) -> ApiError {
    ApiError::method_not_allowed(&method)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_a_json_detail() {
        let response = ApiError::unauthorized("Invalid token.").into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
        assert_eq!(response.headers()[header::WWW_AUTHENTICATE], "Token");
    }
}
