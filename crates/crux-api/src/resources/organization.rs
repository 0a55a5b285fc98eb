//! `client.organization()`: your organization.

use crate::endpoint_macro::{request, resource};

resource! {
    /// Your organization, from
    /// [`Client::organization`](crate::Client::organization).
    Organization
}

request! {
    /// Gets the details of the organization the token belongs to, with its
    /// account manager.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let organization = client.organization().get().await?;
    /// println!("{} ({})", organization.name, organization.org_type);
    /// # Ok(()) }
    /// ```
    Organization::get() -> GetOrganization: Copy => crux_types::Organization = ORGANIZATION_GET;
}
