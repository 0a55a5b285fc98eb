//! `login` (no token: the guard lets every caller through).

use axum::extract::State;
use crux_types::LoginResponse;

use crate::domain::login;
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// `login`.
pub(super) async fn login(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Reply<LoginResponse> {
    state.run(|store| login::login(store, body))
}
