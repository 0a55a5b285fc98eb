//! `client.orders()`: order search, detail, exports, creation, fees,
//! cancellation, tracking and allocation.

use crux_types::{
    AllocationResult, AllocationUpdate, ExportRef, FeeQuery, Fees, LineItemId, NewOrder,
    NewTracking, Order, OrderCancellation, OrderId, OrderIdList, OrderPage, OrderQuery,
    endpoint::{Endpoint, ORDERS_CREATE, ORDERS_SEARCH},
};
use futures_core::Stream;

use crate::{
    Error,
    endpoint_macro::{request, resource},
    pagination::{Page, PagedRequest, pages},
    request::into_future,
};

resource! {
    /// Orders, from [`Client::orders`](crate::Client::orders).
    ///
    /// Both organization types search, read and export the orders they take
    /// part in. Retailers create, quote and cancel orders; suppliers add
    /// tracking and allocate. The other type gets a 409
    /// ([`Error::is_conflict`](crate::Error::is_conflict)).
    Orders
}

request! {
    /// Searches your orders and returns one page: `{total_results, orders}`.
    /// Both organization types may call it.
    ///
    /// Sends the [`OrderQuery`]; its dates are written
    /// `YYYY-MM-DDThh:mm:ss.000Z` (docs/spec-decisions.md, E-30). What
    /// `limit` means is disputed (docs/spec-decisions.md, E-37); for every
    /// page, use [`search_all`](Orders::search_all). The search only reads,
    /// so it is retried like a GET.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::OrderQuery;
    ///
    /// let query = OrderQuery { start: Some(0), limit: Some(24), ..OrderQuery::default() };
    /// let page = client.orders().search(&query).await?;
    /// println!("{} of {:?}", page.orders.len(), page.total_results);
    /// # Ok(()) }
    /// ```
    Orders::search(query: &'a OrderQuery) -> SearchOrders: Copy
        => OrderPage = ORDERS_SEARCH, body: query;
}

request! {
    /// Gets one of your orders, with its lines, allocation and tracking;
    /// any other is a 404. Both organization types may call it.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::OrderId) -> Result<(), crux_api::Error> {
    /// let order = client.orders().get(id).await?;
    /// for line in &order.line_items {
    ///     println!("{}: {:?}", line.uuid, line.status);
    /// }
    /// # Ok(()) }
    /// ```
    Orders::get(order: OrderId) -> GetOrder: Copy => Order = ORDERS_GET[order];
}

request! {
    /// Asks for orders to be emailed to you as CSV; `.await` it for the
    /// export's id. Both organization types may call it.
    ///
    /// Sends `{"uuids": [...]}`. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::OrderId) -> Result<(), crux_api::Error> {
    /// let export = client.orders().export(&[id]).await?;
    /// println!("export {}", export.uuid);
    /// # Ok(()) }
    /// ```
    Orders::export(orders: &'a [OrderId]) -> ExportOrders: Copy
        => ExportRef = ORDERS_EXPORT, body: OrderIdList { uuids: orders.to_vec() };
}

request! {
    /// Asks for the orders matching a query to be emailed to you as CSV;
    /// `.await` it for the export's id. Both organization types may call
    /// it.
    ///
    /// Sends the [`OrderQuery`] (its sample sends `line_item_designation`
    /// as a list, [`Designations::Many`](crux_types::Designations::Many);
    /// docs/spec-decisions.md, E-12). Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::OrderQuery;
    ///
    /// let query = OrderQuery { term: Some("po-tH7poMMX".into()), ..OrderQuery::default() };
    /// let export = client.orders().export_by_search(&query).await?;
    /// # Ok(()) }
    /// ```
    Orders::export_by_search(query: &'a OrderQuery) -> ExportOrdersBySearch: Copy
        => ExportRef = ORDERS_EXPORT_BY_SEARCH, body: query;
}

/// Creates an order: see [`Orders::create`].
///
/// Sends `POST /orders/create/`: [`ORDERS_CREATE`](crux_types::endpoint::ORDERS_CREATE).
/// `.await` it.
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct CreateOrder<'a> {
    client: &'a crate::Client,
    new: &'a NewOrder,
}

impl<'a> Orders<'a> {
    /// Creates an order for the SKUs of [`NewOrder`] and returns it, with
    /// its lines `Unallocated`. Retailers only: a supplier gets a 409.
    ///
    /// **Never sent twice.** CRUX has no idempotency key, and a second send
    /// could buy everything twice, so the client does not retry it once it
    /// may have reached the server. When that happens (a reset after the
    /// request was written, a timeout), the error's
    /// [`is_outcome_unknown`](crate::Error::is_outcome_unknown) is `true`
    /// and its [`purchase_order_id`](crate::Error::purchase_order_id) names
    /// the order. Before trying again, look for it with
    /// [`find_by_purchase_order_id`](Orders::find_by_purchase_order_id):
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, new: crux_api::types::NewOrder) -> Result<(), crux_api::Error> {
    /// let order = match client.orders().create(&new).await {
    ///     Ok(order) => order,
    ///     Err(error) if error.is_outcome_unknown() => {
    ///         let found = client.orders().find_by_purchase_order_id(&new.purchase_order_id).await?;
    ///         match found.into_iter().next() {
    ///             Some(order) => order, // it was created
    ///             None => client.orders().create(&new).await?, // it was not
    ///         }
    ///     }
    ///     Err(error) => return Err(error),
    /// };
    /// # Ok(()) }
    /// ```
    pub fn create(self, new: &'a NewOrder) -> CreateOrder<'a> {
        CreateOrder {
            client: self.client,
            new,
        }
    }
}

into_future!(CreateOrder => Order, |request| {
    let CreateOrder { client, new } = request;
    let path = crate::endpoint_macro::path(&ORDERS_CREATE, &[])?;
    client
        .send_json(&ORDERS_CREATE, &path, new)
        .await
        .map_err(|error| {
            if error.is_outcome_unknown() {
                error.with_purchase_order_id(&new.purchase_order_id)
            } else {
                error
            }
        })
});

request! {
    /// Quotes the fees of a possible order (shipping estimate, drop-ship
    /// fee, order fee) without creating it. Retailers only: a supplier gets
    /// a 409.
    ///
    /// Sends the [`FeeQuery`]; it only reads, so it is retried like a GET.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use crux_api::types::FeeQuery;
    ///
    /// let fees = client.orders().fees(&FeeQuery::new().sku("000078", 5)).await?;
    /// println!("order fee {}", fees.order_fee);
    /// # Ok(()) }
    /// ```
    Orders::fees(query: &'a FeeQuery) -> GetOrderFees: Copy => Fees = ORDERS_FEES, body: query;
}

request! {
    /// Asks to cancel one of your orders; the suppliers decide. Retailers
    /// only: a supplier gets a 409. Any 2xx is success (no documented
    /// response).
    ///
    /// Sends `{"order_uuid": ...}`. Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, id: crux_api::types::OrderId) -> Result<(), crux_api::Error> {
    /// client.orders().cancel(id).await?;
    /// # Ok(()) }
    /// ```
    Orders::cancel(order: OrderId) -> CancelOrder: Copy
        => () = ORDERS_CANCEL, body: OrderCancellation { order_uuid: order };
}

request! {
    /// Asks to cancel one line of an order, by the line's id
    /// ([`LineItem::uuid`](crux_types::LineItem::uuid)). Retailers only: a
    /// supplier gets a 409. Sent without a body; any 2xx is success
    /// (docs/spec-decisions.md, E-22).
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, order: crux_api::types::Order) -> Result<(), crux_api::Error> {
    /// client.orders().cancel_item(order.line_items[0].uuid).await?;
    /// # Ok(()) }
    /// ```
    Orders::cancel_item(line_item: LineItemId) -> CancelOrderItem: Copy
        => () = ORDERS_CANCEL_ITEM[line_item];
}

request! {
    /// Adds one shipment's tracking to an order. Suppliers only: a retailer
    /// gets a 409. Any 2xx is success (no documented response).
    ///
    /// Sends the [`NewTracking`], one bare object (docs/spec-decisions.md,
    /// E-05). Never sent twice.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, order: crux_api::types::Order) -> Result<(), crux_api::Error> {
    /// use crux_api::types::NewTracking;
    ///
    /// let line = &order.line_items[0];
    /// let tracking = NewTracking::new("1Z999", "UPS", "Ground")
    ///     .line_item(line.uuid, 2, "27.00".parse().expect("a decimal"));
    /// client.orders().add_tracking(order.uuid, &tracking).await?;
    /// # Ok(()) }
    /// ```
    Orders::add_tracking(order: OrderId, tracking: &'a NewTracking) -> AddOrderTracking: Copy
        => () = ORDERS_ADD_TRACKING[order], body: tracking;
}

request! {
    /// Allocates an order's lines: for each, how many units are accepted,
    /// rejected and backordered. Returns each line's new status
    /// (docs/spec-decisions.md, E-08). Suppliers only: a retailer gets a
    /// 409.
    ///
    /// Sends the [`AllocationUpdate`]. A PUT: retried like a GET.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client, order: crux_api::types::Order) -> Result<(), crux_api::Error> {
    /// use crux_api::types::{AllocationUpdate, LineAllocation};
    ///
    /// let line = &order.line_items[0];
    /// let update = AllocationUpdate::default().line(line.uuid, LineAllocation::new(20, 0, 2));
    /// for (line, status) in client.orders().allocate(order.uuid, &update).await?.lines() {
    ///     println!("{line}: {status}");
    /// }
    /// # Ok(()) }
    /// ```
    Orders::allocate(order: OrderId, update: &'a AllocationUpdate) -> AllocateOrder: Copy
        => AllocationResult = ORDERS_ALLOCATE[order], body: update;
}

impl<'a> Orders<'a> {
    /// Every order that matches `query`, page by page, as a stream: each
    /// order exactly once, in server order, whatever the server reads
    /// `limit` as (docs/architecture.md, "Pagination"). `query.limit` is
    /// the page size asked for (100 by default); `query.start` is ignored,
    /// the walk begins at the first order. A page that fails (after the
    /// client's retries) ends the stream with its error. Both organization
    /// types may call it.
    ///
    /// The stream owns a clone of the client and of `query`; nothing is
    /// sent until it is first polled.
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// use std::pin::pin;
    /// use crux_api::types::OrderQuery;
    ///
    /// let mut orders = pin!(client.orders().search_all(&OrderQuery::default()));
    /// while let Some(order) = std::future::poll_fn(|cx| orders.as_mut().poll_next(cx)).await {
    ///     println!("{}", order?.uuid);
    /// }
    /// # Ok(()) }
    /// # use futures_core::Stream;
    /// ```
    pub fn search_all(
        self,
        query: &OrderQuery,
    ) -> impl Stream<Item = Result<Order, Error>> + Send + 'static + use<> {
        pages(self.client, query)
    }

    /// Looks up your orders by purchase order number: an order search by
    /// `term` (which matches an order uuid, a purchase order number or a
    /// SKU id), walking every page, keeping the orders whose
    /// `purchase_order_id` is exactly `purchase_order_id`. Both organization
    /// types may call it.
    ///
    /// `.await` gives those orders, oldest first as the server sorts them:
    /// empty when no such order exists, one in the usual case (a retailer's
    /// purchase order numbers are its own; a supplier may see the same
    /// number from two retailers). This is the check to run before creating
    /// an order again after an outcome-unknown
    /// [`create`](Orders::create).
    ///
    /// ```no_run
    /// # async fn run(client: crux_api::Client) -> Result<(), crux_api::Error> {
    /// let found = client.orders().find_by_purchase_order_id("po-tH7poMMX").await?;
    /// if let Some(order) = found.first() {
    ///     println!("exists: {}", order.uuid);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn find_by_purchase_order_id(
        self,
        purchase_order_id: &'a str,
    ) -> FindOrdersByPurchaseOrderId<'a> {
        FindOrdersByPurchaseOrderId {
            client: self.client,
            purchase_order_id,
        }
    }
}

/// Finds orders by purchase order number: see
/// [`Orders::find_by_purchase_order_id`]. Sends `POST /orders/` (one or more
/// pages): [`ORDERS_SEARCH`](crux_types::endpoint::ORDERS_SEARCH). `.await`
/// it.
#[derive(Debug, Clone, Copy)]
#[must_use = "requests do nothing until you `.await` them"]
pub struct FindOrdersByPurchaseOrderId<'a> {
    client: &'a crate::Client,
    purchase_order_id: &'a str,
}

into_future!(FindOrdersByPurchaseOrderId => Vec<Order>, |request| {
    let FindOrdersByPurchaseOrderId { client, purchase_order_id } = request;
    let query = OrderQuery {
        term: Some(purchase_order_id.to_owned()),
        ..OrderQuery::default()
    };
    let mut orders = std::pin::pin!(pages(client, &query));
    let mut found = Vec::new();
    while let Some(order) = std::future::poll_fn(|cx| orders.as_mut().poll_next(cx)).await {
        let order = order?;
        if order.purchase_order_id.as_deref() == Some(purchase_order_id) {
            found.push(order);
        }
    }
    Ok(found)
});

impl PagedRequest for OrderQuery {
    const ENDPOINT: &'static Endpoint = &ORDERS_SEARCH;
    type Page = OrderPage;

    fn page_size(&self) -> Option<u64> {
        self.limit.map(u64::from)
    }

    fn set_window(&mut self, start: u64, limit: u64) {
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        self.start = Some(clamp(start));
        self.limit = Some(clamp(limit));
    }
}

impl Page for OrderPage {
    type Item = Order;
    type Key = OrderId;

    fn into_items(self) -> (Vec<Order>, Option<u64>) {
        (self.orders, self.total_results.map(u64::from))
    }

    fn key(order: &Order) -> OrderId {
        order.uuid
    }
}
