//! `GET /organizations/users/all/`.

use std::future::IntoFuture;

use crux_types::User;

use crate::{Client, Error, ResponseFuture};

/// Lists every user of your organization. `.await` it.
///
/// The API returns the whole list in one unpaginated array.
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
    pub(crate) const PATH: &'static str = "/organizations/users/all/";

    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

impl<'a> IntoFuture for ListUsers<'a> {
    type Output = Result<Vec<User>, Error>;
    type IntoFuture = ResponseFuture<'a, Vec<User>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.client.get_json(Self::PATH))
    }
}
