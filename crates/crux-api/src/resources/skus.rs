//! `client.skus()`: SKUs, the sellable variants of items.

use crux_types::{NewSku, Sku, SkuId};

use crate::endpoint_macro::{request, resource};

resource! {
    /// SKUs: the sellable variants of items, with stock and prices, from
    /// [`Client::skus`](crate::Client::skus).
    ///
    /// Both organization types list and read the SKUs they have access to;
    /// only suppliers create them, and a retailer calling `create` gets a
    /// 409 ([`Error::is_conflict`](crate::Error::is_conflict)).
    Skus
}

request! {
    /// Lists every SKU you have access to, in one unpaginated array. Both
    /// organization types may call it.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// for sku in client.skus().list().await? {
    ///     println!("{:?}: {:?} in stock", sku.sku_id, sku.quantity_in_stock);
    /// }
    /// # Ok(()) }
    /// ```
    Skus::list() -> ListSkus: Copy => Vec<Sku> = SKUS_LIST;
}

request! {
    /// Gets one SKU you have access to; any other is a 404. Both
    /// organization types may call it. Sent without a body, whatever the
    /// page's example shows (docs/spec-decisions.md, E-11).
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::SkuId) -> Result<(), crux_api::Error> {
    /// let sku = client.skus().get(id).await?;
    /// # Ok(()) }
    /// ```
    Skus::get(sku: SkuId) -> GetSku: Copy => Sku = SKUS_GET[sku];
}

request! {
    /// Creates a SKU of one of your items. Suppliers only: a retailer gets
    /// a 409.
    ///
    /// Sends the [`NewSku`]: quantities as JSON integers, amounts as decimal
    /// strings (docs/spec-decisions.md, E-07). Never sent twice: if it fails
    /// after it may have reached the server, the error says the outcome is
    /// unknown.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, item: crux_api::types::ItemId) -> Result<(), crux_api::Error> {
    /// use crux_api::types::NewSku;
    ///
    /// let mut new = NewSku::new(item, "CHAIR-RED");
    /// new.quantity_in_stock = Some(12);
    /// let sku = client.skus().create(&new).await?;
    /// # Ok(()) }
    /// ```
    Skus::create(new: &'a NewSku) -> CreateSku: Copy => Sku = SKUS_CREATE, body: new;
}
