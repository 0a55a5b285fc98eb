//! Dashboard notifications (per organization) and notification settings
//! (per user: the page calls them "specific to your user account", and
//! each setting names its `org_user`).

use axum::Json;
use axum::extract::{Request, State};
use crux_types::{DashboardNotification, NotificationSetting, NotificationSettingUpdate};
use serde_json::Value;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::json::{self, JsonBody};
use crate::state::AppState;

/// `GET /notifications/` (Get Dashboard Notifications): the caller's
/// organization's notifications, newest first.
///
/// The page asks for `view_orders`, which is not a permission (ERRATA
/// E-32); the mock checks `view_order`, the documented name closest to it.
pub(super) async fn dashboard(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<DashboardNotification>>, ApiError> {
    caller.require("view_order")?;
    state.with_store(|store| {
        store
            .org(caller.org_name())
            .map(|org| Json(org.notifications.clone()))
            .ok_or_else(ApiError::internal)
    })
}

/// `GET /notifications/notification-settings/` (Get Notification
/// Settings): the caller's own settings, as last updated. Needs
/// `view_notifications_settings`.
pub(super) async fn settings(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<NotificationSetting>>, ApiError> {
    caller.require("view_notifications_settings")?;
    state.with_store(|store| {
        store
            .org_user(caller.org_name(), caller.user_id())
            .map(|account| Json(account.settings.clone()))
            .ok_or_else(ApiError::internal)
    })
}

/// `PUT /notifications/notification-settings/` (Update Notification
/// Settings): changes one channel of one of the caller's settings. Needs
/// `view_notifications_settings` and `edit_email_notifications_preferences`.
///
/// `uuid` and `notification_via` select the setting and its channel
/// (ERRATA E-48) and are required; `enabled` and `notification_frequency`
/// are the changes, each optional. The page documents no response (E-26):
/// the mock answers 200 with the whole updated setting. A setting that is
/// not the caller's is a 404; a channel the setting does not have, or an
/// undocumented value, a 400.
pub(super) async fn update_setting(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Json<NotificationSetting>, ApiError> {
    caller.require("view_notifications_settings")?;
    caller.require("edit_email_notifications_preferences")?;
    let update = parse_update(JsonBody::read(request).await?)?;
    state.with_store(|store| {
        let account = store
            .org_user_mut(caller.org_name(), caller.user_id())
            .ok_or_else(ApiError::internal)?;
        let setting = account
            .settings
            .iter_mut()
            .find(|setting| setting.uuid == update.uuid)
            .ok_or_else(ApiError::not_found)?;
        let channel = setting
            .notification_type
            .iter_mut()
            .find(|channel| channel.notification_via == update.notification_via)
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "notification_via: this notification setting has no \"{}\" channel.",
                    update.notification_via
                ))
            })?;
        if let Some(enabled) = update.enabled {
            channel.enabled = enabled;
        }
        if let Some(frequency) = update.notification_frequency {
            channel.notification_frequency = frequency;
        }
        Ok(Json(setting.clone()))
    })
}

/// The update in a body: 400 for a missing field, a wrong type or an
/// undocumented value (DRF's "is not a valid choice").
fn parse_update(body: Value) -> Result<NotificationSettingUpdate, ApiError> {
    json::require_fields(json::object(&body)?, &["uuid", "notification_via"])?;
    let update: NotificationSettingUpdate = json::decode(body)?;
    let invalid = |field: &str, value: &str| {
        ApiError::bad_request(format!("{field}: \"{value}\" is not a valid choice."))
    };
    if !update.notification_via.is_known() {
        return Err(invalid(
            "notification_via",
            update.notification_via.as_str(),
        ));
    }
    match &update.notification_frequency {
        Some(frequency) if !frequency.is_known() => {
            Err(invalid("notification_frequency", frequency.as_str()))
        }
        _ => Ok(update),
    }
}
