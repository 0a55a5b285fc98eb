//! `client.payment_method()`: your payment method (feature `accounting`).

use crate::endpoint_macro::{request, resource};

resource! {
    /// Your payment method, from
    /// [`Client::payment_method`](crate::Client::payment_method).
    PaymentMethod
}

request! {
    /// Gets your payment method: one object, despite the plural in the path
    /// (docs/spec-decisions.md, E-27). Its card number is a secret: its `Debug` is redacted.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let method = client.payment_method().get().await?;
    /// println!("{method:?}");
    /// # Ok(()) }
    /// ```
    PaymentMethod::get() -> GetPaymentMethod: Copy
        => crux_types::PaymentMethod = PAYMENT_METHOD_GET;
}
