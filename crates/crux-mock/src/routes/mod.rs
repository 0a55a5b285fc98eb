//! The routes: one module per endpoint group.
//!
//! | Method | Path | Permission | Module |
//! |---|---|---|---|
//! | `POST` | `/organizations/user-login/` | none (no token) | `login` |
//! | `GET` | `/organizations/users/all/` | `view_org_users` | `users` |
//! | `GET` | `/organizations/users/detail/{user_uuid}/` | `view_org_users` | `users` |
//! | `GET` | `/organizations/all_permissions/` | `view_org_users` | `permissions` |
//! | `GET` | `/organizations/users/permissions/{user_uuid}/` | `view_org_users` | `permissions` |
//! | `PATCH` | `/organizations/users/permissions/{user_uuid}/` | `edit_org_users` | `permissions` |
//! | `DELETE` | `/organizations/users/permissions/{user_uuid}/` | `edit_org_users` | `permissions` |
//! | `GET` | `/organizations/` | none (any valid token) | `organization` |
//! | `GET` | `/notifications/` | `view_order` | `notifications` |
//! | `GET` | `/notifications/notification-settings/` | `view_notifications_settings` | `notifications` |
//! | `PUT` | `/notifications/notification-settings/` | `view_notifications_settings` and `edit_email_notifications_preferences` | `notifications` |
//! | `GET` | `/organizations/subscription/` | `view_org_subscription_plan` | `accounting` |
//! | `GET` | `/accounting/payment-methods/` | `view_payment_info` | `accounting` |
//! | `GET` | `/accounting/transactions/` | `view_billing_statement` | `accounting` |
//! | `GET` | `/accounting/transactions/{transaction_id}/` | `view_billing_statement` | `accounting` |
//! | `POST` | `/accounting/transactions/export/` | `view_billing_statement` | `accounting` |
//!
//! Paths match exactly, trailing slash included: `/organizations/users/all`
//! is a 404. Unknown paths answer 404 and known paths with another method
//! 405 (with `Allow`), before authentication. Then, as DRF does: 401, 403,
//! 404 for an object of the path, then the body (415, 400).

mod accounting;
mod login;
mod notifications;
mod organization;
mod permissions;
mod users;

use axum::Router;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::routing::{get, post};

use crate::error;
use crate::state::AppState;

/// The router, with JSON 404 and 405 fallbacks.
pub(crate) fn router(state: AppState) -> Router {
    Router::new()
        .route("/organizations/user-login/", post(login::login))
        .route("/organizations/users/all/", get(users::all_users))
        .route(
            "/organizations/users/detail/{user_uuid}/",
            get(users::user_detail),
        )
        .route(
            "/organizations/all_permissions/",
            get(permissions::all_permissions),
        )
        .route(
            "/organizations/users/permissions/{user_uuid}/",
            get(permissions::user_permissions)
                .patch(permissions::add_user_permissions)
                .delete(permissions::remove_user_permissions),
        )
        .route("/organizations/", get(organization::details))
        .route("/notifications/", get(notifications::dashboard))
        .route(
            "/notifications/notification-settings/",
            get(notifications::settings).put(notifications::update_setting),
        )
        .route(
            "/organizations/subscription/",
            get(accounting::subscription),
        )
        .route(
            "/accounting/payment-methods/",
            get(accounting::payment_methods),
        )
        .route("/accounting/transactions/", get(accounting::transactions))
        // A static segment wins over a parameter: `GET .../export/` is a 405.
        .route(
            "/accounting/transactions/export/",
            post(accounting::export_transactions),
        )
        .route(
            "/accounting/transactions/{transaction_id}/",
            get(accounting::transaction),
        )
        // After the routes: it applies to the routes registered before it.
        .method_not_allowed_fallback(error::method_not_allowed)
        .fallback(error::not_found)
        .with_state(state)
}

/// A path parameter as the handler receives it: the rejection (a segment
/// that is not UTF-8 once percent-decoded) is kept rather than answered, so
/// that the route answers 404 after its authentication and permission
/// checks, never axum's plain-text 400.
type PathParam = Result<Path<String>, PathRejection>;

/// The text of a path parameter; `None` when it could not be decoded.
fn param(param: PathParam) -> Option<String> {
    param.ok().map(|Path(text)| text)
}
