//! `/notifications/...`: dashboard notifications and notification settings.

mod list;
mod settings;
mod update_settings;

pub use list::ListNotifications;
pub use settings::GetNotificationSettings;
pub use update_settings::UpdateNotificationSettings;

use crux_types::NotificationSettingUpdate;

use crate::Client;

/// Notifications and their settings, from [`Client::notifications`].
#[derive(Debug, Clone, Copy)]
pub struct Notifications<'a> {
    client: &'a Client,
}

impl<'a> Notifications<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// `GET /notifications/`: the notifications shown on your dashboard.
    /// Sent without a body (the docs' `user_uuid` body is an artifact,
    /// ERRATA E-11).
    pub fn list(self) -> ListNotifications<'a> {
        ListNotifications::new(self.client)
    }

    /// `GET /notifications/notification-settings/`: which notifications you
    /// receive, through which channel and how often. Needs
    /// `view_notifications_settings`.
    pub fn settings(self) -> GetNotificationSettings<'a> {
        GetNotificationSettings::new(self.client)
    }

    /// `PUT /notifications/notification-settings/`: changes one setting,
    /// picked by its `uuid` and `notification_via` (ERRATA E-48). Needs
    /// `view_notifications_settings` and `edit_email_notifications_preferences`.
    pub fn update_settings(
        self,
        update: NotificationSettingUpdate,
    ) -> UpdateNotificationSettings<'a> {
        UpdateNotificationSettings::new(self.client, update)
    }
}
