//! Connections and connection requests without HTTP.

use serde_json::json;

use super::*;
use crate::domain::testing::{actor, store};

const BUYER: &str = "buyer@retail.demo.example";

#[test]
fn requests_take_either_name_and_update_only_what_is_given() {
    let mut store = store();
    let body = json!({"org_name": "Acme", "primary_contact_name": "Rita", "requested_integrations": [{"integration_type": "orders"}]});
    let created = create_request(&mut store, &actor(BUYER), Ok(body)).expect("created");
    let id = created["request_uuid"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let request = get_request(&store, &actor(BUYER), &id).expect("found");
    assert_eq!(request["org_name"], "Acme");
    assert_eq!(request["integrations"][0]["integration_type"], "orders");
    assert_eq!(request["additional_information"], json!(null));
    update_request(
        &mut store,
        &actor(BUYER),
        &id,
        Ok(json!({"additional_information": "hi"})),
    )
    .expect("updated");
    let request = get_request(&store, &actor(BUYER), &id).expect("found");
    assert_eq!(request["additional_information"], "hi");
    assert_eq!(request["integrations"].as_array().map(Vec::len), Some(1));
    assert!(update_request(&mut store, &actor(BUYER), &id, Ok(json!({"org_name": " "}))).is_err());
    assert!(
        update_request(
            &mut store,
            &actor(BUYER),
            &id,
            Ok(json!({"uploaded_files": [1]}))
        )
        .is_err()
    );
    let page = requests(&store, &actor(BUYER), Some(5), Some(500)).expect("page");
    assert_eq!(
        page["pagination"],
        json!({"start": 1, "limit": 100, "total_count": 1})
    );
}

#[test]
fn the_list_shows_each_side_its_connections() {
    let store = store();
    let retailer = list(&store, &actor(BUYER)).expect("list");
    assert_eq!(retailer[0]["status"], "ACTIVE");
    assert_eq!(
        retailer[0]["supplier"]["contact"]["email"],
        "admin@supply.demo.example"
    );
    let faraway = list(&store, &actor("admin@faraway.demo.example")).expect("list");
    assert_eq!(faraway, json!([]));
}
