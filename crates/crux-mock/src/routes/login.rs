//! `login` (no token: the guard lets every caller through).

use axum::extract::State;
use crux_types::LoginResponse;
use crux_types::endpoint as e;

use super::Routes;
use crate::domain::login;
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::LOGIN, login)
}

/// `login`.
async fn login(State(state): State<AppState>, JsonBody(body): JsonBody) -> Reply<LoginResponse> {
    state.run(|store| login::login(store, body))
}
