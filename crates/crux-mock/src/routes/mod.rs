//! The routes, registered from the endpoint catalogue
//! ([`crux_types::endpoint`]). Each resource file (`users.rs`, ...) holds
//! its handlers and a `routes` function registering them: one line per
//! endpoint, its catalogue constant and its handler. [`router`] calls one
//! `routes` per file. The path and the method come from the constant, and
//! so do the guard's checks (token, organization type, permissions);
//! `docs/endpoints.md` lists them, and the crate README says what each
//! answers.
//!
//! Handlers are named after the operation's verb (`users::list` serves
//! `users.list`). Each only extracts (the guard's `Actor`, path text, the
//! JSON body), calls the domain function of the same name and answers.
//!
//! Paths match exactly, trailing slash included: `/organizations/users/all`
//! is a 404. Unknown paths answer 404 and known paths with another method
//! 405 (with `Allow`), before the guard. Behind the guard, a declared
//! `Content-Length` over the limit is a 413 ([`body_limit`]); only then
//! does a handler that takes a body read it.

/// Declares the add/remove handlers of a resource that holds items and
/// SKUs (catalogs, inventory lists): each calls `$domain::change` with what
/// it selects (ids of items, a search, ids of SKUs) and which way.
/// Defined before the modules that use it.
macro_rules! membership_changes {
    ($domain:ident -> $out:ty {
        $($(#[$doc:meta])* $name:ident: $selection:ident, $change:ident;)*
    }) => {$(
        $(#[$doc])*
        async fn $name(
            State(state): State<AppState>,
            actor: Actor,
            id: PathText,
            JsonBody(body): JsonBody,
        ) -> Reply<$out> {
            state.run(|store| {
                $domain::change(store, &actor, &id.0, body, Selection::$selection, Change::$change)
            })
        }
    )*};
}

mod accounting;
mod catalogs;
mod connections;
mod discovery;
mod inventory_lists;
mod items;
mod login;
mod notifications;
mod orders;
mod organization;
mod permissions;
mod skus;
mod users;

use std::convert::Infallible;

use axum::Router;
use axum::extract::{FromRequestParts, Path};
use axum::handler::Handler;
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodFilter, on};
use crux_types::endpoint::{Endpoint, HttpMethod};
use http::request::Parts;

use crate::error;
use crate::guard::guard;
use crate::json::body_limit;
use crate::shared::AppState;

/// The router: every implemented endpoint of the catalogue, one line per
/// resource file, with JSON 404 and 405 fallbacks.
pub(crate) fn router(state: AppState) -> Router {
    Routes::new(state)
        .with(login::routes)
        .with(users::routes)
        .with(permissions::routes)
        .with(organization::routes)
        .with(notifications::routes)
        .with(accounting::routes)
        .with(catalogs::routes)
        .with(items::routes)
        .with(skus::routes)
        .with(inventory_lists::routes)
        .with(connections::routes)
        .with(discovery::routes)
        .with(orders::routes)
        .finish()
}

/// The router being built.
pub(crate) struct Routes {
    router: Router<AppState>,
    state: AppState,
}

impl Routes {
    /// No route yet.
    pub(crate) fn new(state: AppState) -> Self {
        Self {
            router: Router::new(),
            state,
        }
    }

    /// Serves `endpoint` (its method and path template) with `handler`,
    /// behind the guard checking the caller against `endpoint`. Endpoints
    /// sharing a path share its route (and its `Allow` list).
    pub(crate) fn add<H, T>(mut self, endpoint: &'static Endpoint, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        if let Some(method) = method_filter(endpoint.method) {
            // The last layer runs first: the guard, then the body limit.
            let route = on(method, handler)
                .route_layer(from_fn_with_state(self.state.clone(), body_limit))
                .route_layer(from_fn_with_state((self.state.clone(), endpoint), guard));
            self.router = self.router.route(endpoint.path, route);
        }
        self
    }

    /// The routes a resource file registers (its `routes` function).
    pub(crate) fn with(self, resource: fn(Self) -> Self) -> Self {
        resource(self)
    }

    /// The router, with the JSON 404 and 405 answers.
    pub(crate) fn finish(self) -> Router {
        self.router
            // After the routes: it applies to the routes registered before it.
            .method_not_allowed_fallback(error::method_not_allowed)
            .fallback(error::not_found)
            .with_state(self.state)
    }
}

/// axum's filter for a catalogue method (`GET` also answers `HEAD`).
/// `None` for a method added to the catalogue after this was written: the
/// endpoint is not served, which the catalogue-driven tests report.
fn method_filter(method: HttpMethod) -> Option<MethodFilter> {
    match method {
        HttpMethod::Get => Some(MethodFilter::GET),
        HttpMethod::Post => Some(MethodFilter::POST),
        HttpMethod::Put => Some(MethodFilter::PUT),
        HttpMethod::Patch => Some(MethodFilter::PATCH),
        HttpMethod::Delete => Some(MethodFilter::DELETE),
        _ => None,
    }
}

/// The one parameter of a path, percent-decoded; empty when it does not
/// decode (not UTF-8), so that the domain answers 404 rather than axum a
/// plain-text 400.
#[derive(Debug, Clone)]
pub(crate) struct PathText(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for PathText {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Infallible> {
        let text = Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(text)| text)
            .unwrap_or_default();
        Ok(Self(text))
    }
}

#[cfg(test)]
mod tests;
