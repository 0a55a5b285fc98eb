//! What the sandbox's property test (`tests/sandbox.rs`) and the
//! `mock_requests` fuzz target (`fuzz/fuzz_targets/mock_requests.rs`, which
//! includes this file by path) share: the statuses an answer may have, and
//! a valid body for each endpoint to start mutating from. One file, so the
//! two cannot drift apart.

use crux_mock::{DEMO_PERMISSIONS, DEMO_USERS};
use serde_json::{Value, json};

/// The statuses the mock may answer when no fault is injected.
///
/// The docs' response codes (/work/shared/spec ENDPOINTS.md, "Response
/// codes": 200, 201, 204, 400, 401, 403, 404, 405, 409, 415, 422), plus
/// 413, the mock's own body limit (crate README, "Errors"). Not 500: the
/// mock answers 500 only for a panic (counted, and checked to be 0) or an
/// inconsistent store (`DomainError::Inconsistent`), both bugs; nor 429
/// and 5xx other than that, which only faults produce.
pub(crate) const DOCUMENTED: &[u16] = &[200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 415, 422];

/// A valid body for `endpoint` (as far as the mock checks), to mutate:
/// with the admin of the right organization, most reach the handler's
/// success path (201 and 204 included).
pub(crate) fn sample_for(endpoint: &str) -> Value {
    let item = "d0000022-0000-4000-8000-000000000001";
    let sku = "d0000023-0000-4000-8000-000000000001";
    let order = "d0000027-0000-4000-8000-000000000001";
    match endpoint {
        "login" => json!({"username": DEMO_USERS[0].username, "password": DEMO_USERS[0].password}),
        "users.add_permissions" | "users.remove_permissions" => {
            json!({"permission_uuids": [DEMO_PERMISSIONS[0].uuid, DEMO_PERMISSIONS[3].uuid]})
        }
        "notifications.update_settings" => json!({
            "uuid": "d0000008-0000-4000-8000-000000000101",
            "notification_via": "Email",
            "enabled": "False",
            "notification_frequency": "Daily",
        }),
        "catalogs.create" => {
            json!({"name": "A catalog", "handling_cost": "1.50", "default_shipping_cost": 2})
        }
        "inventory_lists.create" => json!({"name": "A list"}),
        "items.create" => json!({
            "item_id": "X-1",
            "title": "A thing",
            "country_of_origin": "US",
            "categories": [{"path": ["a", "b"]}],
        }),
        "skus.create" => json!({"item": {"uuid": item}, "sku_id": "X-1-1", "msrp": "9.99"}),
        "connections.create_request" => json!({
            "organization_name": "Shop",
            "primary_contact_name": "Ann",
            "integrations": ["x"],
        }),
        "connections.update_request" => json!({"organization_name": "Shop 2"}),
        "orders.create" | "orders.fees" => json!({
            "purchase_order_id": "PO-1",
            "skus": [{"sku_id": "DS-0001-1", "supplier_uuid": "d0000002-0000-4000-8000-000000000002", "quantity": 1, "price": "10"}],
            "address": {"name": "Bob", "address1": "1 Main St", "city": "Anaheim", "state": "CA", "postal_code": "92802"},
        }),
        "orders.cancel" => json!({"order_uuid": order}),
        "orders.export" => json!({"uuids": [order]}),
        "orders.allocate" => {
            json!({"line_items": [{"uuid": "d0000028-0000-4000-8000-000000000001", "quantity_accepted": 1, "quantity_rejected": 0, "quantity_backordered": 0}]})
        }
        "orders.add_tracking" => {
            json!({"tracking_numbers": [{"tracking_number": "1Z", "carrier": "UPS"}]})
        }
        "discovery.suppliers" => json!({"pagination": {"start": 0, "limit": 2}, "sort_by": "name"}),
        name if name.ends_with("_skus") => json!({"sku_uuids": [sku]}),
        name if name.ends_with("_items") || name.starts_with("items.export") => {
            json!({"item_uuids": [item]})
        }
        name if name.contains("search") => json!({"search_term": "demo", "start": 0, "limit": 5}),
        _ => json!({}),
    }
}
