//! `client.discovery()`: the suppliers of the discovery catalog.

use crux_types::{
    DiscoverySupplier, PageRequest, SupplierId, SupplierPage, SupplierQuery,
    endpoint::{DISCOVERY_SUPPLIERS, Endpoint},
};
use futures_core::Stream;

use crate::{
    Error,
    endpoint_macro::{request, resource},
    pagination::{Page, PagedRequest, pages},
};

resource! {
    /// The discovery catalog: suppliers a retailer may ask to connect to,
    /// from [`Client::discovery`](crate::Client::discovery). Retailers only:
    /// a supplier gets a 409
    /// ([`Error::is_conflict`](crate::Error::is_conflict)).
    Discovery
}

request! {
    /// Lists one page of the discovery catalog's suppliers. Retailers only:
    /// a supplier gets a 409.
    ///
    /// Sends the [`SupplierQuery`]; its window goes in `pagination`
    /// (docs/spec-decisions.md, E-15), where `limit` is a page size (50 by
    /// default, at most 100). It only reads, so it is retried like a GET.
    /// For every page, use [`suppliers_all`](Discovery::suppliers_all).
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::SupplierQuery;
    ///
    /// let query = SupplierQuery { initial_character: Some("T".into()), ..SupplierQuery::default() };
    /// let page = client.discovery().suppliers(&query).await?;
    /// for supplier in &page.suppliers {
    ///     println!("{:?}: {:?} SKUs", supplier.name, supplier.number_of_skus);
    /// }
    /// # Ok(()) }
    /// ```
    Discovery::suppliers(query: &'a SupplierQuery) -> ListDiscoverySuppliers: Copy
        => SupplierPage = DISCOVERY_SUPPLIERS, body: query;
}

impl Discovery<'_> {
    /// Every supplier that matches `query`, page by page, as a stream: each
    /// exactly once, whatever the server reads `limit` as
    /// (docs/architecture.md, "Pagination"). `query.pagination`'s `limit`
    /// is the page size asked for (100 by default); its `start` is ignored.
    /// A page that fails (after the client's retries) ends the stream with
    /// its error. Retailers only: a supplier gets a 409.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use std::pin::pin;
    /// use crux_api::types::SupplierQuery;
    ///
    /// let mut suppliers = pin!(client.discovery().suppliers_all(&SupplierQuery::default()));
    /// while let Some(supplier) = std::future::poll_fn(|cx| suppliers.as_mut().poll_next(cx)).await {
    ///     println!("{}", supplier?.uuid);
    /// }
    /// # Ok(()) }
    /// # use futures_core::Stream;
    /// ```
    pub fn suppliers_all(
        self,
        query: &SupplierQuery,
    ) -> impl Stream<Item = Result<DiscoverySupplier, Error>> + Send + 'static + use<> {
        pages(self.client, query)
    }
}

impl PagedRequest for SupplierQuery {
    const ENDPOINT: &'static Endpoint = &DISCOVERY_SUPPLIERS;
    type Page = SupplierPage;

    fn page_size(&self) -> Option<u64> {
        self.pagination.as_ref()?.limit.map(u64::from)
    }

    fn set_window(&mut self, start: u64, limit: u64) {
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        self.pagination = Some(PageRequest::new(clamp(start), clamp(limit)));
    }
}

impl Page for SupplierPage {
    type Item = DiscoverySupplier;
    type Key = SupplierId;

    fn into_items(self) -> (Vec<DiscoverySupplier>, Option<u64>) {
        (self.suppliers, self.pagination.total_count.map(u64::from))
    }

    fn key(supplier: &DiscoverySupplier) -> SupplierId {
        supplier.uuid
    }
}
