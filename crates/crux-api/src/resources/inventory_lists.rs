//! `client.inventory_lists()`: a retailer's inventory lists, and what is in
//! them.

use crux_types::{
    InventoryList, InventoryListId, ItemId, ItemIdList, ItemSearch, NewInventoryList, SkuId,
    SkuIdList,
};

use crate::endpoint_macro::{request, resource};

resource! {
    /// Inventory lists: the SKUs a retailer has chosen to sell, from
    /// [`Client::inventory_lists`](crate::Client::inventory_lists).
    ///
    /// Retailers only: a supplier calling any of these gets a 409
    /// ([`Error::is_conflict`](crate::Error::is_conflict)).
    InventoryLists
}

request! {
    /// Lists your inventory lists, in one unpaginated array. Retailers
    /// only: a supplier gets a 409.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// for list in client.inventory_lists().list().await? {
    ///     println!("{:?}: {} SKUs", list.name, list.skus.len());
    /// }
    /// # Ok(()) }
    /// ```
    InventoryLists::list() -> ListInventoryLists: Copy
        => Vec<InventoryList> = INVENTORY_LISTS_LIST;
}

request! {
    /// Gets one of your inventory lists; any other is a 404. Retailers
    /// only: a supplier gets a 409.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::InventoryListId) -> Result<(), crux_api::Error> {
    /// let list = client.inventory_lists().get(id).await?;
    /// # Ok(()) }
    /// ```
    InventoryLists::get(list: InventoryListId) -> GetInventoryList: Copy
        => InventoryList = INVENTORY_LISTS_GET[list];
}

request! {
    /// Creates an empty inventory list. Retailers only: a supplier gets a
    /// 409.
    ///
    /// Sends the [`NewInventoryList`]. Never sent twice: if it fails after
    /// it may have reached the server, the error says the outcome is
    /// unknown.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::NewInventoryList;
    ///
    /// let new = NewInventoryList::new("Garden").description("Chairs and tables");
    /// let list = client.inventory_lists().create(&new).await?;
    /// # Ok(()) }
    /// ```
    InventoryLists::create(new: &'a NewInventoryList) -> CreateInventoryList: Copy
        => InventoryList = INVENTORY_LISTS_CREATE, body: new;
}

request! {
    /// Adds items, with all their SKUs, to one of your inventory lists.
    /// Retailers only: a supplier gets a 409.
    ///
    /// Sends `{"item_uuids": [...]}`. The API documents no response body,
    /// so any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, list: crux_api::types::InventoryListId, item: crux_api::types::ItemId) -> Result<(), crux_api::Error> {
    /// client.inventory_lists().add_items(list, &[item]).await?;
    /// # Ok(()) }
    /// ```
    InventoryLists::add_items(list: InventoryListId, items: &'a [ItemId])
        -> AddInventoryListItems: Copy => () = INVENTORY_LISTS_ADD_ITEMS[list],
        body: ItemIdList { item_uuids: items.to_vec() };
}

request! {
    /// Removes items, with all their SKUs, from one of your inventory
    /// lists. Retailers only: a supplier gets a 409.
    ///
    /// Sends `{"item_uuids": [...]}`; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, list: crux_api::types::InventoryListId, item: crux_api::types::ItemId) -> Result<(), crux_api::Error> {
    /// client.inventory_lists().remove_items(list, &[item]).await?;
    /// # Ok(()) }
    /// ```
    InventoryLists::remove_items(list: InventoryListId, items: &'a [ItemId])
        -> RemoveInventoryListItems: Copy => () = INVENTORY_LISTS_REMOVE_ITEMS[list],
        body: ItemIdList { item_uuids: items.to_vec() };
}

request! {
    /// Adds every item a search matches, with all its SKUs, to one of your
    /// inventory lists. Retailers only: a supplier gets a 409.
    ///
    /// Sends the [`ItemSearch`]; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, list: crux_api::types::InventoryListId) -> Result<(), crux_api::Error> {
    /// use crux_api::types::ItemSearch;
    ///
    /// let search = ItemSearch { search_term: Some("chair".into()), ..ItemSearch::default() };
    /// client.inventory_lists().add_items_by_search(list, &search).await?;
    /// # Ok(()) }
    /// ```
    InventoryLists::add_items_by_search(list: InventoryListId, search: &'a ItemSearch)
        -> AddInventoryListItemsBySearch: Copy
        => () = INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH[list], body: search;
}

request! {
    /// Removes every item a search matches, with all its SKUs, from one of
    /// your inventory lists. Retailers only: a supplier gets a 409.
    ///
    /// Sends the [`ItemSearch`]; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, list: crux_api::types::InventoryListId) -> Result<(), crux_api::Error> {
    /// use crux_api::types::ItemSearch;
    ///
    /// let search = ItemSearch { search_term: Some("chair".into()), ..ItemSearch::default() };
    /// client.inventory_lists().remove_items_by_search(list, &search).await?;
    /// # Ok(()) }
    /// ```
    InventoryLists::remove_items_by_search(list: InventoryListId, search: &'a ItemSearch)
        -> RemoveInventoryListItemsBySearch: Copy
        => () = INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH[list], body: search;
}

request! {
    /// Adds SKUs to one of your inventory lists. Retailers only: a supplier
    /// gets a 409.
    ///
    /// Sends `{"sku_uuids": [...]}`; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, list: crux_api::types::InventoryListId, sku: crux_api::types::SkuId) -> Result<(), crux_api::Error> {
    /// client.inventory_lists().add_skus(list, &[sku]).await?;
    /// # Ok(()) }
    /// ```
    InventoryLists::add_skus(list: InventoryListId, skus: &'a [SkuId])
        -> AddInventoryListSkus: Copy => () = INVENTORY_LISTS_ADD_SKUS[list],
        body: SkuIdList { sku_uuids: skus.to_vec() };
}

request! {
    /// Removes SKUs from one of your inventory lists. Retailers only: a
    /// supplier gets a 409.
    ///
    /// Sends `{"sku_uuids": [...]}`, as the page's sample does (its text
    /// says `skus`; docs/spec-decisions.md, E-19); any 2xx is success. Never
    /// sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, list: crux_api::types::InventoryListId, sku: crux_api::types::SkuId) -> Result<(), crux_api::Error> {
    /// client.inventory_lists().remove_skus(list, &[sku]).await?;
    /// # Ok(()) }
    /// ```
    InventoryLists::remove_skus(list: InventoryListId, skus: &'a [SkuId])
        -> RemoveInventoryListSkus: Copy => () = INVENTORY_LISTS_REMOVE_SKUS[list],
        body: SkuIdList { sku_uuids: skus.to_vec() };
}
