//! `PUT /notifications/notification-settings/`.

use crux_types::NotificationSettingUpdate;
use http::Method;

use crate::{Client, request::into_future};

/// Changes one notification setting. `.await` it.
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
#[derive(Debug, Clone)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct UpdateNotificationSettings<'a> {
    client: &'a Client,
    update: NotificationSettingUpdate,
}

impl<'a> UpdateNotificationSettings<'a> {
    pub(crate) fn new(client: &'a Client, update: NotificationSettingUpdate) -> Self {
        Self { client, update }
    }
}

into_future!(UpdateNotificationSettings => (), |request| {
    let path = "/notifications/notification-settings/";
    request.client.send_unit(Method::PUT, path, Some(&request.update)).await
});
