//! `GET /organizations/users/detail/{user_uuid}/`.

use crux_types::{User, UserId};

use crate::{Client, request::into_future};

/// Gets one user of your organization. `.await` it.
///
/// ```no_run
/// # async fn run(client: crux_api::Client, id: crux_api::types::UserId) -> Result<(), crux_api::Error> {
/// let user = client.users().get(id).await?;
/// println!("{} is {}", user.person.email, user.status);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct GetUser<'a> {
    client: &'a Client,
    user: UserId,
}

impl<'a> GetUser<'a> {
    pub(crate) fn new(client: &'a Client, user: UserId) -> Self {
        Self { client, user }
    }
}

into_future!(GetUser => User, |request| {
    let path = format!("/organizations/users/detail/{}/", request.user);
    request.client.get_json(&path).await
});
