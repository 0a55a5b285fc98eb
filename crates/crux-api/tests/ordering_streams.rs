//! The three page streams of issue 10 (`orders().search_all`,
//! `connections().requests_all`, `discovery().suppliers_all`) against
//! closure servers holding 1,234 items, under each reading of `limit`
//! (docs/spec-decisions.md, E-37): every item exactly once, in order, with
//! the window where each endpoint carries it (top-level body fields,
//! `pagination` in the body, the query string).

use std::{future::poll_fn, ops::Range, pin::pin};

use bytes::Bytes;
use crux_api::{
    Client, Error, RetryPolicy,
    transport::test_util::{FnTransport, infallible_transport_fn},
    types::{OrderQuery, SupplierQuery},
};
use futures_core::Stream;
use serde_json::{Value, json};

const TOTAL: u64 = 1_234;

/// How a server reads `limit`.
#[derive(Debug, Clone, Copy)]
enum Reading {
    /// A page size, capped at 100 like discovery.
    PageSize,
    /// The index where the page ends, exclusive.
    EndExclusive,
    /// The index where the page ends, inclusive (the get-orders prose).
    EndInclusive,
}

const READINGS: [Reading; 3] = [
    Reading::PageSize,
    Reading::EndExclusive,
    Reading::EndInclusive,
];

/// The items a server reading `limit` as `reading` answers for a window.
fn window(reading: Reading, start: u64, limit: u64) -> Range<u64> {
    let end = match reading {
        Reading::PageSize => start + limit.min(100),
        Reading::EndExclusive => limit,
        Reading::EndInclusive => limit + 1,
    };
    let first = start.min(TOTAL);
    first..end.min(TOTAL).max(first)
}

fn uuid(index: u64) -> String {
    format!("00000000-0000-4000-8000-{index:012x}")
}

/// The index an item's uuid was made from.
fn index(uuid: &impl ToString) -> u64 {
    let text = uuid.to_string();
    u64::from_str_radix(&text[24..], 16).expect("a test uuid")
}

fn client(transport: FnTransport) -> Client {
    Client::builder()
        .token("t")
        .base_url("https://api.example.test")
        .transport(transport)
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client builds")
}

fn json_response(body: &Value) -> http::Response<Bytes> {
    http::Response::new(Bytes::from(body.to_string()))
}

/// Every index the stream yields, in order.
async fn indices<T>(stream: impl Stream<Item = Result<T, Error>>, key: fn(&T) -> u64) -> Vec<u64> {
    let mut stream = pin!(stream);
    let mut seen = Vec::new();
    while let Some(item) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        seen.push(key(&item.expect("a page")));
    }
    seen
}

fn number(value: &Value) -> u64 {
    value.as_u64().expect("a number")
}

#[tokio::test]
async fn order_search_all_yields_every_order_once_under_each_reading() {
    for reading in READINGS {
        let transport = infallible_transport_fn(move |request| {
            assert_eq!(request.uri().path(), "/orders/");
            let body: Value = serde_json::from_slice(request.body()).expect("json");
            assert_eq!(body["term"], "po", "the caller's query is kept");
            let (start, limit) = (number(&body["start"]), number(&body["limit"]));
            let orders: Vec<Value> = window(reading, start, limit)
                .map(|i| json!({"uuid": uuid(i), "created_date": "2018-04-20T22:21:04Z"}))
                .collect();
            json_response(&json!({"total_results": TOTAL, "orders": orders}))
        });
        let client = client(transport.clone());
        let query = OrderQuery {
            term: Some("po".into()),
            ..OrderQuery::default()
        };
        let seen = indices(client.orders().search_all(&query), |o| index(&o.uuid)).await;
        assert_eq!(seen, (0..TOTAL).collect::<Vec<_>>(), "{reading:?}");
        assert!(transport.request_count() <= 14, "{reading:?}");
    }
}

#[tokio::test]
async fn suppliers_all_yields_every_supplier_once_under_each_reading() {
    for reading in READINGS {
        let transport = infallible_transport_fn(move |request| {
            assert_eq!(request.uri().path(), "/discovery/suppliers/");
            let body: Value = serde_json::from_slice(request.body()).expect("json");
            let window_asked = &body["pagination"];
            let (start, limit) = (
                number(&window_asked["start"]),
                number(&window_asked["limit"]),
            );
            let suppliers: Vec<Value> = window(reading, start, limit)
                .map(|i| json!({"uuid": uuid(i)}))
                .collect();
            json_response(&json!({
                "suppliers": suppliers,
                "pagination": {"total_count": TOTAL, "start": null, "limit": null},
            }))
        });
        let client = client(transport);
        let query = SupplierQuery::default();
        let seen = indices(client.discovery().suppliers_all(&query), |s| index(&s.uuid)).await;
        assert_eq!(seen, (0..TOTAL).collect::<Vec<_>>(), "{reading:?}");
    }
}

#[tokio::test]
async fn requests_all_yields_every_request_once_with_the_window_in_the_query() {
    for reading in READINGS {
        let transport = infallible_transport_fn(move |request| {
            assert_eq!(request.uri().path(), "/organizations/connections/request/");
            assert!(request.body().is_empty(), "a GET has no body (E-11)");
            let query = request.uri().query().expect("a query string");
            let param = |name: &str| -> u64 {
                query
                    .split('&')
                    .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
                    .and_then(|value| value.parse().ok())
                    .expect("start and limit")
            };
            let requests: Vec<Value> = window(reading, param("start"), param("limit"))
                .map(|i| json!({"record_uuid": uuid(i), "request_date": "2018-04-10"}))
                .collect();
            json_response(&json!({
                "requests": requests,
                "pagination": {"total_count": TOTAL, "start": 0, "limit": 50},
            }))
        });
        let client = client(transport);
        let seen = indices(client.connections().requests_all(), |r| {
            index(&r.record_uuid)
        })
        .await;
        assert_eq!(seen, (0..TOTAL).collect::<Vec<_>>(), "{reading:?}");
    }
}
