//! `client.items()`: items, item search and item exports.

use crux_types::{
    ExportRef, Item, ItemId, ItemIdList, ItemSearch, ItemSearchPage, NewItem, PageRequest,
    endpoint::{Endpoint, ITEMS_SEARCH},
};
use futures_core::Stream;

use crate::{
    Error,
    endpoint_macro::{request, resource},
    pagination::{Page, PagedRequest, pages},
};

resource! {
    /// Items: suppliers' products, with their SKUs, from
    /// [`Client::items`](crate::Client::items).
    ///
    /// Both organization types list, read, search and export the items they
    /// have access to (a retailer, those of the suppliers it is connected
    /// to); only suppliers create them, and a retailer calling
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
    /// `limit` means is disputed (docs/spec-decisions.md, E-37); for every
    /// page, use [`search_all`](Items::search_all). The search only reads
    /// (the catalogue marks it `read`), so it is retried like a GET.
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

impl<'a> Items<'a> {
    /// Every item that matches `search`, page by page, as a stream: each
    /// item exactly once, in server order, whatever the server reads
    /// `limit` as (docs/architecture.md, "Pagination"). `search.pagination`'s
    /// `limit` is the page size asked for (100 by default); its `start` is
    /// ignored, the walk begins at the first item. A page that fails (after
    /// the client's retries) ends the stream with its error. Both
    /// organization types may call it.
    ///
    /// The stream owns a clone of the client and of `search`, so it may be
    /// moved to a task; nothing is sent until it is first polled.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use std::pin::pin;
    /// use crux_api::types::ItemSearch;
    ///
    /// let search = ItemSearch { search_term: Some("chair".into()), ..ItemSearch::default() };
    /// let mut items = pin!(client.items().search_all(&search));
    /// while let Some(item) = std::future::poll_fn(|cx| items.as_mut().poll_next(cx)).await {
    ///     println!("{}", item?.uuid);
    /// }
    /// # Ok(()) }
    /// # use futures_core::Stream;
    /// ```
    pub fn search_all(
        self,
        search: &ItemSearch,
    ) -> impl Stream<Item = Result<Item, Error>> + Send + 'static + use<> {
        pages(self.client, search)
    }
}

impl PagedRequest for ItemSearch {
    const ENDPOINT: &'static Endpoint = &ITEMS_SEARCH;
    type Page = ItemSearchPage;

    fn page_size(&self) -> Option<u64> {
        self.pagination.as_ref()?.limit.map(u64::from)
    }

    fn set_window(&mut self, start: u64, limit: u64) {
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        self.pagination = Some(PageRequest::new(clamp(start), clamp(limit)));
    }
}

impl Page for ItemSearchPage {
    type Item = Item;
    type Key = ItemId;

    fn into_items(self) -> (Vec<Item>, Option<u64>) {
        (self.items, self.pagination.total_count.map(u64::from))
    }

    fn key(item: &Item) -> ItemId {
        item.uuid
    }
}
