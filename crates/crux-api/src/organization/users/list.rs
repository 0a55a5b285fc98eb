//! `GET /organizations/users/all/`.

use crux_types::User;

use crate::{Client, request::into_future};

/// Lists every user of your organization, in one unpaginated array. `.await` it.
///
/// ```no_run
/// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
/// let users = client.users().list().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct ListUsers<'a> {
    client: &'a Client,
}

impl<'a> ListUsers<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

into_future!(ListUsers => Vec<User>, |request| {
    request.client.get_json("/organizations/users/all/").await
});
