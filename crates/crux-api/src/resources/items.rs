//! `client.items()`: items, item search and item exports.

use crux_types::{ExportRef, Item, ItemId, ItemIdList, ItemSearch, ItemSearchPage, NewItem};

use crate::endpoint_macro::{request, resource};

resource! {
    /// Items: suppliers' products, with their SKUs, from
    /// [`Client::items`](crate::Client::items).
    ///
    /// Both organization types list, read, search and export the items they
    /// have access to (a retailer those in the catalogs of the suppliers it
    /// is connected to); only suppliers create them, and a retailer calling
    /// `create` gets a 409 ([`Error::is_conflict`](crate::Error::is_conflict)).
    Items
}

request! {
    /// Lists every item you have access to, with its SKUs, in one
    /// unpaginated array. Both organization types may call it.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// for item in client.items().list().await? {
    ///     println!("{}: {:?}", item.uuid, item.title);
    /// }
    /// # Ok(()) }
    /// ```
    Items::list() -> ListItems: Copy => Vec<Item> = ITEMS_LIST;
}

request! {
    /// Gets one item you have access to, with its SKUs; any other is a 404.
    /// Both organization types may call it.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::ItemId) -> Result<(), crux_api::Error> {
    /// let item = client.items().get(id).await?;
    /// # Ok(()) }
    /// ```
    Items::get(item: ItemId) -> GetItem: Copy => Item = ITEMS_GET[item];
}

request! {
    /// Creates an item, without SKUs (add them with
    /// [`Skus::create`](crate::resources::Skus::create)). Suppliers only: a
    /// retailer gets a 409.
    ///
    /// Sends the [`NewItem`]. Never sent twice: if it fails after it may
    /// have reached the server, the error says the outcome is unknown.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::NewItem;
    ///
    /// let new = NewItem { title: Some("Garden chair".into()), ..NewItem::default() };
    /// let item = client.items().create(&new).await?;
    /// # Ok(()) }
    /// ```
    Items::create(new: &'a NewItem) -> CreateItem: Copy => Item = ITEMS_CREATE, body: new;
}

request! {
    /// Searches the items you have access to and returns one page: the
    /// items (without their SKUs), the facet counts, and where the page is
    /// (`pagination`). Both organization types may call it.
    ///
    /// Sends the [`ItemSearch`]; set `pagination` to choose the page. What
    /// `limit` means is disputed (docs/spec-decisions.md, E-37). The search
    /// is a POST, so it is not sent again once it may have reached the
    /// server.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::{ItemSearch, PageRequest};
    ///
    /// let search = ItemSearch {
    ///     search_term: Some("chair".into()),
    ///     pagination: Some(PageRequest::new(0, 50)),
    ///     ..ItemSearch::default()
    /// };
    /// let page = client.items().search(&search).await?;
    /// println!("{} of {:?}", page.items.len(), page.pagination.total_count);
    /// # Ok(()) }
    /// ```
    Items::search(search: &'a ItemSearch) -> SearchItems: Copy
        => ItemSearchPage = ITEMS_SEARCH, body: search;
}

request! {
    /// Asks for items to be emailed to you as CSV; `.await` it for the
    /// export's id (the file never comes back in the response). Both
    /// organization types may call it.
    ///
    /// Sends `{"item_uuids": [...]}`. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, item: crux_api::types::ItemId) -> Result<(), crux_api::Error> {
    /// let export = client.items().export(&[item]).await?;
    /// println!("export {}", export.uuid);
    /// # Ok(()) }
    /// ```
    Items::export(items: &'a [ItemId]) -> ExportItems: Copy
        => ExportRef = ITEMS_EXPORT, body: ItemIdList { item_uuids: items.to_vec() };
}

request! {
    /// Get Item Export by Search: asks for items to be emailed to you as
    /// CSV; `.await` it for the export's id. Both organization types may
    /// call it.
    ///
    /// The page documents the same body as [`export`](Items::export), an id
    /// list, and no search; that is what is sent, `{"item_uuids": [...]}`
    /// (docs/spec-decisions.md, E-25). Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, item: crux_api::types::ItemId) -> Result<(), crux_api::Error> {
    /// let export = client.items().export_by_search(&[item]).await?;
    /// # Ok(()) }
    /// ```
    Items::export_by_search(items: &'a [ItemId]) -> ExportItemsBySearch: Copy
        => ExportRef = ITEMS_EXPORT_BY_SEARCH, body: ItemIdList { item_uuids: items.to_vec() };
}
