//! Product search through HTTP: pages (`limit` as a page size), sort,
//! facet counts, filters and the term.

mod common;

use common::products::{ids, search};
use common::retailer_admin;
use crux_mock::MockServer;
use serde_json::json;

#[tokio::test]
async fn search_pages_with_limit_as_a_page_size() {
    let server = MockServer::start().await.expect("starts");
    let retailer = retailer_admin();
    let mut seen = Vec::new();
    let mut start = 0;
    loop {
        let page = search(
            &server,
            retailer,
            json!({"sort": "title", "pagination": {"start": start, "limit": 5}}),
        )
        .await;
        let pagination = &page["pagination"];
        assert_eq!(
            (pagination["start"].as_u64(), pagination["limit"].as_u64()),
            (Some(start), Some(5))
        );
        assert_eq!(pagination["total_count"], 24);
        let items = ids(&page["items"]);
        if items.is_empty() {
            break;
        }
        assert!(items.len() <= 5);
        start += items.len() as u64;
        seen.extend(
            page["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|i| i["title"].as_str().expect("title").to_lowercase()),
        );
    }
    assert_eq!(seen.len(), 24);
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted);
    let page = search(&server, retailer, json!({"pagination": {"limit": 1000}})).await;
    assert_eq!(page["pagination"]["limit"], 100);
    assert_eq!(ids(&page["items"]).len(), 24);
    let page = search(
        &server,
        retailer,
        json!({"sort": "-title", "pagination": {"start": 23}}),
    )
    .await;
    assert_eq!(
        page["items"][0]["title"].as_str().map(str::to_lowercase),
        Some(sorted[0].clone())
    );
    assert_eq!(page["sort"], json!(["-title"]));
}

#[tokio::test]
async fn search_facets_count_the_matches_and_filter() {
    let server = MockServer::start().await.expect("starts");
    let retailer = retailer_admin();
    let all = search(&server, retailer, json!({})).await;
    let facets = &all["facets"];
    assert_eq!(
        facets["supplier"],
        json!([{"name": "Demo Supply Co.", "count": 24,
        "uuid": "d0000002-0000-4000-8000-000000000002", "selected": false}])
    );
    assert_eq!(facets["catalog_type"], json!(["standard"]));
    assert!(facets["categories"]["d0000002-0000-4000-8000-000000000002"].is_array());
    assert_eq!(all["filters"]["quantity_in_stock"], json!({}));
    // Each condition bucket's count is the number of items it selects.
    for bucket in facets["condition"].as_array().expect("buckets") {
        let code = bucket["uuid"].as_str().expect("code");
        let page = search(&server, retailer, json!({"facets": {"condition": [code]}})).await;
        assert_eq!(page["pagination"]["total_count"], bucket["count"], "{code}");
        let selected = page["facets"]["condition"].as_array().expect("buckets");
        assert!(
            selected
                .iter()
                .any(|b| b["uuid"] == code && b["selected"] == true)
        );
    }
    // Twenty-one of the 24 items are in a catalog (every eighth is not).
    let standard = search(
        &server,
        retailer,
        json!({"facets": {"catalog_type": ["standard"]}}),
    )
    .await;
    assert_eq!(standard["pagination"]["total_count"], 21);
    let free = search(
        &server,
        retailer,
        json!({"facets": {"shipping_cost_type": ["Free"]}}),
    )
    .await;
    assert_eq!(free["pagination"]["total_count"], 7);
    let stocked = search(
        &server,
        retailer,
        json!({"filters": {"quantity_in_stock": {"min": "150"}}}),
    )
    .await;
    let n = stocked["pagination"]["total_count"]
        .as_u64()
        .expect("count");
    assert!(n > 0 && n < 24, "{n}");
    let cheap = search(
        &server,
        retailer,
        json!({"filters": {"cost_per_unit": {"max": 1}}}),
    )
    .await;
    assert_eq!(cheap["pagination"]["total_count"], 0);
    let term = search(&server, retailer, json!({"search_term": "ds-0003"})).await;
    assert_eq!(term["pagination"]["total_count"], 1);
}
