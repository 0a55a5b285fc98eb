//! `GET /notifications/notification-settings/`.

use crux_types::NotificationSetting;

use crate::{Client, request::into_future};

/// Gets your notification settings. `.await` it.
///
/// ```no_run
/// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
/// for setting in client.notifications().settings().await? {
///     println!("{:?}", setting);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct GetNotificationSettings<'a> {
    client: &'a Client,
}

impl<'a> GetNotificationSettings<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

into_future!(GetNotificationSettings => Vec<NotificationSetting>, |request| {
    request.client.get_json("/notifications/notification-settings/").await
});
