//! `GET /accounting/payment-methods/`.

use crux_types::PaymentMethod;

use crate::{Client, request::into_future};

/// Gets your payment method. Its card number is a secret: its `Debug` is redacted. `.await` it.
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct GetPaymentMethods<'a> {
    client: &'a Client,
}

impl<'a> GetPaymentMethods<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }
}

into_future!(GetPaymentMethods => PaymentMethod, |request| {
    request.client.get_json("/accounting/payment-methods/").await
});
