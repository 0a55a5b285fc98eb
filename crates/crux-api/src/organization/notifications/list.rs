//! `GET /notifications/`.

use crux_types::DashboardNotification;

use crate::{Client, request::into_future};

/// Lists your dashboard notifications. `.await` it.
///
/// ```no_run
/// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
/// let notifications = client.notifications().list().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct ListNotifications<'a> {
    client: &'a Client,
}

impl<'a> ListNotifications<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

into_future!(ListNotifications => Vec<DashboardNotification>, |request| {
    request.client.get_json("/notifications/").await
});
