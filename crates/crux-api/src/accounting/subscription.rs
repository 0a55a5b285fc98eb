//! `GET /organizations/subscription/`.

use crux_types::Subscription;

use crate::{Client, request::into_future};

/// Gets your subscription plan. `.await` it.
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct GetSubscription<'a> {
    client: &'a Client,
}

impl<'a> GetSubscription<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

into_future!(GetSubscription => Subscription, |request| {
    request.client.get_json("/organizations/subscription/").await
});
