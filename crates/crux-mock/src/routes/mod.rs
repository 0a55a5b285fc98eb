//! The routes: one module per endpoint group.
//!
//! | Method | Path | Auth | Permission |
//! |---|---|---|---|
//! | `POST` | `/organizations/user-login/` | none | none |
//! | `GET` | `/organizations/users/all/` | token | `view_org_users` |
//!
//! Paths match exactly, trailing slash included: `/organizations/users/all`
//! is a 404. Unknown paths answer 404 and known paths with another method
//! 405 (with `Allow`), before authentication.

mod login;
mod users;

use axum::Router;
use axum::routing::{get, post};

use crate::error;
use crate::state::AppState;

/// The router, with JSON 404 and 405 fallbacks.
pub(crate) fn router(state: AppState) -> Router {
    Router::new()
        .route("/organizations/user-login/", post(login::login))
        .route("/organizations/users/all/", get(users::all_users))
        // After the routes: it applies to the routes registered before it.
        .method_not_allowed_fallback(error::method_not_allowed)
        .fallback(error::not_found)
        .with_state(state)
}
