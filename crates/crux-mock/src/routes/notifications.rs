//! `notifications.*`.

use axum::extract::State;
use crux_types::{DashboardNotification, NotificationSetting};

use crate::domain::{Actor, notifications};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// `notifications.list`.
pub(super) async fn list(
    State(state): State<AppState>,
    actor: Actor,
) -> Reply<Vec<DashboardNotification>> {
    state.run(|store| notifications::list(store, &actor))
}

/// `notifications.settings`.
pub(super) async fn settings(
    State(state): State<AppState>,
    actor: Actor,
) -> Reply<Vec<NotificationSetting>> {
    state.run(|store| notifications::settings(store, &actor))
}

/// `notifications.update_settings`.
pub(super) async fn update_settings(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<NotificationSetting> {
    state.run(|store| notifications::update_settings(store, &actor, body))
}
