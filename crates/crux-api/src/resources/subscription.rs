//! `client.subscription()`: your plan (feature `accounting`).

use crate::endpoint_macro::{request, resource};

resource! {
    /// Your subscription plan, from
    /// [`Client::subscription`](crate::Client::subscription).
    Subscription
}

request! {
    /// Gets your subscription plan.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let plan = client.subscription().get().await?;
    /// println!("next bill: {}", plan.next_bill_plan.amount);
    /// # Ok(()) }
    /// ```
    Subscription::get() -> GetSubscription: Copy => crux_types::Subscription = SUBSCRIPTION_GET;
}
