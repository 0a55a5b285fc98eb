//! `client.catalogs()`: suppliers' catalogs, and what is in them.

use crux_types::{
    Catalog, CatalogId, ItemId, ItemIdList, ItemSearch, NewCatalog, SkuId, SkuIdList,
};

use crate::endpoint_macro::{request, resource};

resource! {
    /// Catalogs: the SKUs a supplier offers to retailers, from
    /// [`Client::catalogs`](crate::Client::catalogs).
    ///
    /// Both organization types read catalogs (a retailer those of the
    /// suppliers it is connected to); only suppliers create and fill them,
    /// and a retailer calling those gets a 409 ([`Error::is_conflict`](crate::Error::is_conflict)).
    Catalogs
}

request! {
    /// Lists the catalogs you have access to, in one unpaginated array.
    /// Both organization types may call it (a supplier needs
    /// `view_supplier_catalogs`).
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// for catalog in client.catalogs().list().await? {
    ///     println!("{}: {:?} SKUs", catalog.uuid, catalog.num_skus);
    /// }
    /// # Ok(()) }
    /// ```
    Catalogs::list() -> ListCatalogs: Copy => Vec<Catalog> = CATALOGS_LIST;
}

request! {
    /// Gets one catalog you have access to; any other is a 404. Both
    /// organization types may call it.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::CatalogId) -> Result<(), crux_api::Error> {
    /// let catalog = client.catalogs().get(id).await?;
    /// # Ok(()) }
    /// ```
    Catalogs::get(catalog: CatalogId) -> GetCatalog: Copy => Catalog = CATALOGS_GET[catalog];
}

request! {
    /// Creates a catalog. Suppliers only: a retailer gets a 409.
    ///
    /// Sends the [`NewCatalog`], costs as decimal strings. As a POST, it is
    /// never sent twice: if it fails after it may have reached the server,
    /// the error says the outcome is unknown.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::NewCatalog;
    ///
    /// let catalog = client.catalogs().create(&NewCatalog::new("Summer")).await?;
    /// # Ok(()) }
    /// ```
    Catalogs::create(new: &'a NewCatalog) -> CreateCatalog: Copy
        => Catalog = CATALOGS_CREATE, body: new;
}

request! {
    /// Adds your items, with all their SKUs, to one of your catalogs.
    /// Suppliers only: a retailer gets a 409.
    ///
    /// Sends `{"item_uuids": [...]}`. The API documents no response body,
    /// so any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, catalog: crux_api::types::CatalogId, item: crux_api::types::ItemId) -> Result<(), crux_api::Error> {
    /// client.catalogs().add_items(catalog, &[item]).await?;
    /// # Ok(()) }
    /// ```
    Catalogs::add_items(catalog: CatalogId, items: &'a [ItemId]) -> AddCatalogItems: Copy
        => () = CATALOGS_ADD_ITEMS[catalog], body: ItemIdList { item_uuids: items.to_vec() };
}

request! {
    /// Removes items, with all their SKUs, from one of your catalogs.
    /// Suppliers only: a retailer gets a 409.
    ///
    /// Sends `{"item_uuids": [...]}`; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, catalog: crux_api::types::CatalogId, item: crux_api::types::ItemId) -> Result<(), crux_api::Error> {
    /// client.catalogs().remove_items(catalog, &[item]).await?;
    /// # Ok(()) }
    /// ```
    Catalogs::remove_items(catalog: CatalogId, items: &'a [ItemId]) -> RemoveCatalogItems: Copy
        => () = CATALOGS_REMOVE_ITEMS[catalog], body: ItemIdList { item_uuids: items.to_vec() };
}

request! {
    /// Adds every item a search matches, with all its SKUs, to one of your
    /// catalogs. Suppliers only: a retailer gets a 409.
    ///
    /// Sends the [`ItemSearch`]; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, catalog: crux_api::types::CatalogId) -> Result<(), crux_api::Error> {
    /// use crux_api::types::ItemSearch;
    ///
    /// let search = ItemSearch { search_term: Some("chair".into()), ..ItemSearch::default() };
    /// client.catalogs().add_items_by_search(catalog, &search).await?;
    /// # Ok(()) }
    /// ```
    Catalogs::add_items_by_search(catalog: CatalogId, search: &'a ItemSearch)
        -> AddCatalogItemsBySearch: Copy => () = CATALOGS_ADD_ITEMS_BY_SEARCH[catalog],
        body: search;
}

request! {
    /// Removes every item a search matches, with all its SKUs, from one of
    /// your catalogs. Suppliers only: a retailer gets a 409.
    ///
    /// Sends the [`ItemSearch`]; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, catalog: crux_api::types::CatalogId) -> Result<(), crux_api::Error> {
    /// use crux_api::types::ItemSearch;
    ///
    /// let search = ItemSearch { search_term: Some("chair".into()), ..ItemSearch::default() };
    /// client.catalogs().remove_items_by_search(catalog, &search).await?;
    /// # Ok(()) }
    /// ```
    Catalogs::remove_items_by_search(catalog: CatalogId, search: &'a ItemSearch)
        -> RemoveCatalogItemsBySearch: Copy => () = CATALOGS_REMOVE_ITEMS_BY_SEARCH[catalog],
        body: search;
}

request! {
    /// Adds SKUs of items already in one of your catalogs to it. Suppliers
    /// only: a retailer gets a 409.
    ///
    /// Sends `{"sku_uuids": [...]}`; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, catalog: crux_api::types::CatalogId, sku: crux_api::types::SkuId) -> Result<(), crux_api::Error> {
    /// client.catalogs().add_skus(catalog, &[sku]).await?;
    /// # Ok(()) }
    /// ```
    Catalogs::add_skus(catalog: CatalogId, skus: &'a [SkuId]) -> AddCatalogSkus: Copy
        => () = CATALOGS_ADD_SKUS[catalog], body: SkuIdList { sku_uuids: skus.to_vec() };
}

request! {
    /// Removes SKUs from one of your catalogs. Suppliers only: a retailer
    /// gets a 409.
    ///
    /// Sends `{"sku_uuids": [...]}`; any 2xx is success. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, catalog: crux_api::types::CatalogId, sku: crux_api::types::SkuId) -> Result<(), crux_api::Error> {
    /// client.catalogs().remove_skus(catalog, &[sku]).await?;
    /// # Ok(()) }
    /// ```
    Catalogs::remove_skus(catalog: CatalogId, skus: &'a [SkuId]) -> RemoveCatalogSkus: Copy
        => () = CATALOGS_REMOVE_SKUS[catalog], body: SkuIdList { sku_uuids: skus.to_vec() };
}
