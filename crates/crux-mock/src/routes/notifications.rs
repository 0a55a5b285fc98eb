//! `notifications.*`.

use axum::extract::State;
use crux_types::endpoint as e;
use crux_types::{DashboardNotification, NotificationSetting};

use super::Routes;
use crate::domain::{Actor, notifications};
use crate::json::JsonBody;
use crate::shared::{AppState, Reply};

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::NOTIFICATIONS_LIST, list)
        .add(&e::NOTIFICATIONS_SETTINGS, settings)
        .add(&e::NOTIFICATIONS_UPDATE_SETTINGS, update_settings)
}

/// `notifications.list`.
async fn list(State(state): State<AppState>, actor: Actor) -> Reply<Vec<DashboardNotification>> {
    state.run(|store| notifications::list(store, &actor))
}

/// `notifications.settings`.
async fn settings(State(state): State<AppState>, actor: Actor) -> Reply<Vec<NotificationSetting>> {
    state.run(|store| notifications::settings(store, &actor))
}

/// `notifications.update_settings`.
async fn update_settings(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Reply<NotificationSetting> {
    state.run(|store| notifications::update_settings(store, &actor, body))
}
