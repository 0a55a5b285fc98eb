//! The mock speaks crux-types: the order, discovery and connection bodies
//! as crux-types writes them are accepted, and every answer decodes into
//! its crux-types model.

mod common;

use common::orders::{SUPPLY_SUPPLIER, orderable};
use common::{buyer, call, retailer_admin, send_json, warehouse};
use crux_types::{
    Address, AllocationOutcome, AllocationResult, AllocationUpdate, Connection, ConnectionRequest,
    ConnectionRequestCreated, ConnectionRequestPage, ConnectionRequestUpdate, Decimal, FeeQuery,
    Fees, LineAllocation, LineItemStatus, NewConnectionRequest, NewOrder, NewTracking, Order,
    OrderPage, OrderQuery, OrderSku, SupplierId, SupplierPage, SupplierQuery,
};
use http::{Method, StatusCode};

#[tokio::test]
async fn typed_bodies_in_typed_answers_out() {
    let server = crux_mock::MockServer::start().await.expect("starts");
    let sku = orderable(&server, 4).await.remove(0).0;
    let supplier: SupplierId = SUPPLY_SUPPLIER.parse().expect("an id");
    let address = Address {
        name: Some("Bob".into()),
        ..Address::default()
    };
    let new =
        NewOrder::new("PO-TYPED", address).sku(OrderSku::new(&sku, supplier, 4, Decimal::TEN));
    let order: Order = send_json(&server, Method::POST, "/orders/create/", buyer(), &new)
        .await
        .decode();
    assert_eq!(order.line_items.len(), 1);
    let line = order.line_items[0].uuid;
    let fees: Fees = send_json(
        &server,
        Method::POST,
        "/orders/fees/",
        buyer(),
        &FeeQuery::new().sku(&sku, 4),
    )
    .await
    .decode();
    assert_eq!(Some(fees), order.fees.clone());
    let query = OrderQuery {
        term: Some("PO-TYPED".into()),
        ..OrderQuery::default()
    };
    let page: OrderPage = send_json(&server, Method::POST, "/orders/", warehouse(), &query)
        .await
        .decode();
    assert_eq!(page.orders.len(), 1);
    let allocation = AllocationUpdate::default().line(line, LineAllocation::new(3, 0, 1));
    let path = format!("/orders/allocation/{}/", order.uuid);
    let result: AllocationResult = send_json(&server, Method::PUT, &path, warehouse(), &allocation)
        .await
        .decode();
    assert_eq!(
        result.lines().next().map(|(id, s)| (id, s.clone())),
        Some((line, AllocationOutcome::Allocated))
    );
    let tracking = NewTracking::new("1Z1", "UPS", "Ground").line_item(line, 2, Decimal::ONE);
    let path = format!("/orders/tracking/{}/", order.uuid);
    let reply = send_json(&server, Method::POST, &path, warehouse(), &tracking).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let seen: Order = common::get_as(
        &server,
        &format!("/orders/{}/", order.uuid),
        retailer_admin(),
    )
    .await
    .decode();
    assert_eq!(seen.line_items[0].status, LineItemStatus::HasTracking);
    assert_eq!(seen.line_items[0].tracking_numbers.len(), 1);

    let suppliers: SupplierPage = send_json(
        &server,
        Method::POST,
        "/discovery/suppliers/",
        buyer(),
        &SupplierQuery::default(),
    )
    .await
    .decode();
    assert_eq!(suppliers.suppliers.len(), 11);
    let connections: Vec<Connection> =
        common::get_as(&server, "/organizations/connections/", buyer())
            .await
            .decode();
    assert_eq!(connections.len(), 1);
    let request = NewConnectionRequest::new("Acme Outdoor Supply", "Ben Buyer");
    let reply = send_json(
        &server,
        Method::POST,
        "/organizations/connections/request/",
        buyer(),
        &request,
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let created: ConnectionRequestCreated = serde_json::from_slice(reply.bytes()).expect("decodes");
    let page: ConnectionRequestPage = common::get_as(
        &server,
        "/organizations/connections/request/?start=0&limit=10",
        buyer(),
    )
    .await
    .decode();
    assert_eq!(page.requests.len(), 1);
    let path = format!(
        "/organizations/connections/request/{}/",
        created.request_uuid
    );
    let update = ConnectionRequestUpdate {
        additional_information: Some("hello".into()),
        ..ConnectionRequestUpdate::default()
    };
    let body = serde_json::to_string(&update).expect("encodes");
    assert_eq!(
        call(&server, Method::PATCH, &path, buyer(), Some(body))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let read: ConnectionRequest = common::get_as(&server, &path, buyer()).await.decode();
    assert_eq!(read.additional_information.as_deref(), Some("hello"));
}
