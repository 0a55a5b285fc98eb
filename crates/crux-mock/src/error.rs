//! Error responses: every error the mock sends is `{"detail": "..."}` with
//! `Content-Type: application/json`, like the Django REST Framework API it
//! imitates. The detail strings are DRF's where DRF has one.
//!
//! [`From<DomainError>`](ApiError#impl-From<DomainError>-for-ApiError) is
//! the one place where the domain's errors become statuses.

use std::borrow::Cow;

use axum::Json;
use axum::response::{IntoResponse, Response};
use http::{HeaderName, HeaderValue, StatusCode, header};
use serde::Serialize;

use crate::domain::DomainError;

/// DRF's 403 detail; the mock appends the missing permissions.
pub(crate) const PERMISSION_DENIED: &str = "You do not have permission to perform this action.";

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

    /// 401 with `detail` and `WWW-Authenticate: Token`, as DRF's
    /// `TokenAuthentication` sends.
    pub(crate) fn unauthorized(detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, detail)
            .with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Token"))
    }

    /// 404 "Not found."
    pub(crate) fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "Not found.")
    }

    /// 500 "A server error occurred." (DRF's wording): the store is
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

/// The one mapping from the domain's errors to statuses and details.
impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> Self {
        match error {
            DomainError::Unauthenticated(detail) => Self::unauthorized(detail),
            DomainError::WrongOrganizationType { endpoint, org_type } => Self::new(
                StatusCode::CONFLICT,
                format!(
                    "`{}` ({endpoint}) is for {} organizations only; the caller's organization is a {}.",
                    endpoint.name,
                    endpoint.caller,
                    org_type.as_str().to_ascii_lowercase(),
                ),
            ),
            DomainError::MissingPermissions(missing) => {
                let names: Vec<String> = missing.iter().map(|name| format!("`{name}`")).collect();
                Self::new(
                    StatusCode::FORBIDDEN,
                    format!("{PERMISSION_DENIED} (needs {})", names.join(" and ")),
                )
            }
            DomainError::NotFound => Self::not_found(),
            DomainError::UnsupportedMediaType(content_type) => Self::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("Unsupported media type \"{content_type}\" in request."),
            ),
            DomainError::Invalid(detail) => Self::new(StatusCode::BAD_REQUEST, detail),
            DomainError::Unprocessable(detail) => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, detail)
            }
            DomainError::Inconsistent(_) => Self::internal(),
        }
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
    fn domain_errors_map_to_statuses() {
        use crux_types::OrgType;
        use crux_types::endpoint::ORDERS_CREATE;

        let cases = [
            (
                DomainError::Unauthenticated("Invalid token."),
                401,
                "Invalid token.",
            ),
            (
                DomainError::MissingPermissions(vec!["view_org_users"]),
                403,
                "You do not have permission to perform this action. (needs `view_org_users`)",
            ),
            (
                DomainError::MissingPermissions(vec!["a", "b"]),
                403,
                "You do not have permission to perform this action. (needs `a` and `b`)",
            ),
            (DomainError::NotFound, 404, "Not found."),
            (
                DomainError::WrongOrganizationType {
                    endpoint: &ORDERS_CREATE,
                    org_type: OrgType::Supplier,
                },
                409,
                "`orders.create` (POST /orders/create/) is for retailer organizations only; \
                 the caller's organization is a supplier.",
            ),
            (
                DomainError::UnsupportedMediaType("text/plain".into()),
                415,
                "Unsupported media type \"text/plain\" in request.",
            ),
            (DomainError::invalid("x: bad."), 400, "x: bad."),
            (DomainError::Unprocessable("busy.".into()), 422, "busy."),
            (
                DomainError::Inconsistent("why"),
                500,
                "A server error occurred.",
            ),
        ];
        for (error, status, detail) in cases {
            let api = ApiError::from(error);
            assert_eq!((api.status().as_u16(), api.detail()), (status, detail));
        }
    }

    #[test]
    fn body_is_a_json_detail() {
        let response = ApiError::unauthorized("Invalid token.").into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
        assert_eq!(response.headers()[header::WWW_AUTHENTICATE], "Token");
    }
}
