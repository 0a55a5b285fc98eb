//! `GET /organizations/`: your organization.

use crux_types::Organization;

use crate::{Client, request::into_future};

/// Your organization, from [`Client::organization`].
#[derive(Debug, Clone, Copy)]
pub struct Organizations<'a> {
    client: &'a Client,
}

impl<'a> Organizations<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// `GET /organizations/`: the details of the organization the token
    /// belongs to, with its account manager.
    pub fn get(self) -> GetOrganization<'a> {
        GetOrganization {
            client: self.client,
        }
    }
}

/// Gets your organization. `.await` it.
///
/// ```no_run
/// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
/// let organization = client.organization().get().await?;
/// println!("{} ({})", organization.name, organization.org_type);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct GetOrganization<'a> {
    client: &'a Client,
}

into_future!(GetOrganization => Organization, |request| {
    request.client.get_json("/organizations/").await
});
