//! `client.notifications()`: dashboard notifications and notification
//! settings.

use crux_types::{DashboardNotification, NotificationSetting, NotificationSettingUpdate};

use crate::endpoint_macro::{request, resource};

resource! {
    /// Notifications and their settings, from
    /// [`Client::notifications`](crate::Client::notifications).
    Notifications
}

request! {
    /// Lists the notifications shown on your dashboard. Sent without a body
    /// (the docs' `user_uuid` body is an artifact, docs/spec-decisions.md, E-11).
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let notifications = client.notifications().list().await?;
    /// # Ok(()) }
    /// ```
    Notifications::list() -> ListNotifications: Copy
        => Vec<DashboardNotification> = NOTIFICATIONS_LIST;
}

request! {
    /// Gets your notification settings: which notifications you receive,
    /// through which channel and how often.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// for setting in client.notifications().settings().await? {
    ///     println!("{:?}", setting);
    /// }
    /// # Ok(()) }
    /// ```
    Notifications::settings() -> GetNotificationSettings: Copy
        => Vec<NotificationSetting> = NOTIFICATIONS_SETTINGS;
}

request! {
    /// Changes one notification setting, picked by its `uuid` and
    /// `notification_via` (docs/spec-decisions.md, E-48).
    ///
    /// The body is the [`NotificationSettingUpdate`] as given: fields left
    /// `None` are not sent. The API documents no response body, so any 2xx is
    /// success. A PUT is idempotent, so it is retried like a GET.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, setting: crux_api::types::NotificationSettingId) -> Result<(), crux_api::Error> {
    /// use crux_api::types::{NotificationSettingUpdate, NotificationVia};
    ///
    /// let update = NotificationSettingUpdate {
    ///     uuid: setting,
    ///     notification_via: NotificationVia::Email,
    ///     enabled: Some(false),
    ///     notification_frequency: None,
    /// };
    /// client.notifications().update_settings(update).await?;
    /// # Ok(()) }
    /// ```
    Notifications::update_settings(update: NotificationSettingUpdate)
        -> UpdateNotificationSettings => () = NOTIFICATIONS_UPDATE_SETTINGS, body: update;
}
