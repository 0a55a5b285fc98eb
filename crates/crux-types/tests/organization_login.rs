//! Decoding and encoding of the login models against the fixtures in
//! `tests/fixtures/organization/`.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use crux_types::{
    AuthToken, LoginRequest, LoginResponse, OrgType, OrganizationId, RetailerId, SupplierId, UserId,
};
use serde_json::Value;

const LOGIN_REQUEST: &str = "organization/login_request.json";
const LOGIN_RESPONSE: &str = "organization/login_response.json";

const TOKEN: &str = "47d4yfbwymedhiudj384702984nakju4hajh395d";
const PASSWORD: &str = "crux_is_awesome";

// ---------------------------------------------------------------------------
// Round trips: both samples are written back exactly, `""` included.

#[test]
fn login_request_round_trips_exactly() {
    let request: LoginRequest = common::decode(LOGIN_REQUEST);
    assert_eq!(request, LoginRequest::new("user@mycompany.com", PASSWORD));
    let encoded = serde_json::to_value(&request).expect("models always encode");
    assert_eq!(encoded, common::value(LOGIN_REQUEST));
}

#[test]
fn login_response_round_trips_exactly() {
    let response: LoginResponse = common::decode(LOGIN_RESPONSE);
    let encoded = serde_json::to_value(&response).expect("models always encode");
    // Exact: no null/absent normalization, `"retailer_uuid": ""` included.
    assert_eq!(encoded, common::value(LOGIN_RESPONSE));
    let decoded_again: LoginResponse =
        serde_json::from_value(encoded).expect("encoded JSON decodes");
    assert_eq!(decoded_again, response);
}

#[test]
fn login_response_fields() {
    let response: LoginResponse = common::decode(LOGIN_RESPONSE);
    assert_eq!(response.auth_token.expose_secret(), TOKEN);
    assert_eq!(response.auth_token, AuthToken::new(TOKEN));
    assert_eq!(
        response.org_uuid,
        "757ce28d-fbd6-4b9f-8051-f847482e169f"
            .parse::<OrganizationId>()
            .expect("valid uuid")
    );
    let user: UserId = "52d13dc7-5463-4f90-9e5b-5b8ec97228ff"
        .parse()
        .expect("valid uuid");
    assert_eq!(response.user_uuid, user);
    assert_eq!(response.retailer_uuid, None);
    assert_eq!(
        response.supplier_uuid,
        Some(
            "b5f05054-dce4-4286-96fc-b9424d6b2137"
                .parse::<SupplierId>()
                .expect("valid uuid")
        )
    );
    assert_eq!(response.org_type, OrgType::Supplier);
    let assigned: Vec<&str> = response
        .permission_assignments
        .assigned()
        .map(|permission| permission.name.as_str())
        .collect();
    assert_eq!(assigned, ["view_org_users", "edit_org_users"]);
    assert_eq!(
        response.permission_assignments.org_user.map(|u| u.uuid),
        Some(user)
    );
}

// ---------------------------------------------------------------------------
// retailer_uuid / supplier_uuid (docs/spec-decisions.md, E-29).

/// The login sample with `retailer_uuid` set to `value`, or removed for
/// `None`.
fn with_retailer_uuid(value: Option<Value>) -> Value {
    let mut json = common::value(LOGIN_RESPONSE);
    let object = json.as_object_mut().expect("the sample is an object");
    match value {
        Some(value) => object.insert("retailer_uuid".to_owned(), value),
        None => object.remove("retailer_uuid"),
    };
    json
}

#[test]
fn empty_null_or_absent_org_ids_decode_to_none() {
    for value in [Some(Value::from("")), Some(Value::Null), None] {
        let response: LoginResponse = serde_json::from_value(with_retailer_uuid(value.clone()))
            .unwrap_or_else(|err| panic!("{value:?}: {err}"));
        assert_eq!(response.retailer_uuid, None, "{value:?}");
        // None is always written back as "".
        let encoded = serde_json::to_value(&response).expect("models always encode");
        assert_eq!(encoded["retailer_uuid"], "", "{value:?}");
    }
}

#[test]
fn present_org_id_decodes_and_encodes_as_the_uuid() {
    let uuid = "757ce28d-fbd6-4b9f-8051-f847482e169f";
    let response: LoginResponse =
        serde_json::from_value(with_retailer_uuid(Some(Value::from(uuid))))
            .expect("a uuid decodes");
    assert_eq!(
        response.retailer_uuid,
        Some(uuid.parse::<RetailerId>().expect("valid uuid"))
    );
    let encoded = serde_json::to_value(&response).expect("models always encode");
    assert_eq!(encoded["retailer_uuid"], uuid);
}

#[test]
fn malformed_org_id_is_a_decode_error() {
    for value in [
        Value::from("r5682624-8e22-44f2-a6b6-ae3fdb556051"),
        Value::from(" "),
        Value::from(42),
        Value::from(false),
    ] {
        let json = with_retailer_uuid(Some(value.clone()));
        let text = serde_json::to_string_pretty(&json).expect("JSON encodes");
        let err = serde_json::from_str::<LoginResponse>(&text).expect_err(&value.to_string());
        assert!(err.is_data(), "{value}: {err}");
    }
}

#[test]
fn org_type_documented_values_and_unknown() {
    assert_eq!(
        OrgType::KNOWN
            .iter()
            .map(OrgType::as_str)
            .collect::<Vec<_>>(),
        ["RETAILER", "SUPPLIER"],
    );
    let unknown: OrgType = serde_json::from_str(r#""MARKETPLACE""#).expect("strings decode");
    assert_eq!(unknown, OrgType::Unknown("MARKETPLACE".to_owned()));
    assert_eq!(
        serde_json::to_string(&unknown).expect("enums encode"),
        r#""MARKETPLACE""#
    );
    // Exact matching.
    assert!(!OrgType::from("retailer").is_known());
}

// ---------------------------------------------------------------------------
// Secrets never reach Debug output.

#[test]
fn token_never_in_debug_output() {
    let response: LoginResponse = common::decode(LOGIN_RESPONSE);
    for text in [format!("{response:?}"), format!("{response:#?}")] {
        assert!(!text.contains(TOKEN), "{text}");
        assert!(text.contains("AuthToken(<redacted>)"), "{text}");
    }
    let token = AuthToken::new(TOKEN);
    assert_eq!(format!("{token:?}"), "AuthToken(<redacted>)");
    assert_eq!(format!("{token:#?}"), "AuthToken(<redacted>)");
}

#[test]
fn password_never_in_debug_output() {
    let request: LoginRequest = common::decode(LOGIN_REQUEST);
    for text in [format!("{request:?}"), format!("{request:#?}")] {
        assert!(!text.contains(PASSWORD), "{text}");
        assert!(text.contains("user@mycompany.com"), "{text}");
        assert!(text.contains("<redacted>"), "{text}");
    }
}

#[test]
fn token_serializes_as_the_plain_string() {
    let token = AuthToken::from(TOKEN.to_owned());
    assert_eq!(
        serde_json::to_string(&token).expect("tokens encode"),
        format!("\"{TOKEN}\"")
    );
    let decoded: AuthToken = serde_json::from_str(&format!("\"{TOKEN}\"")).expect("tokens decode");
    assert_eq!(decoded.expose_secret(), TOKEN);
}

#[test]
fn login_request_missing_field_is_a_decode_error() {
    let err = serde_json::from_str::<LoginRequest>(r#"{"username": "a"}"#)
        .expect_err("password is required");
    assert!(err.to_string().contains("password"), "{err}");
}

#[test]
fn new_ids_debug_with_their_own_names() {
    let uuid = "757ce28d-fbd6-4b9f-8051-f847482e169f";
    let org: OrganizationId = uuid.parse().expect("valid uuid");
    let retailer: RetailerId = uuid.parse().expect("valid uuid");
    let supplier: SupplierId = uuid.parse().expect("valid uuid");
    assert_eq!(format!("{org:?}"), format!("OrganizationId({uuid})"));
    assert_eq!(format!("{retailer:?}"), format!("RetailerId({uuid})"));
    assert_eq!(format!("{supplier:?}"), format!("SupplierId({uuid})"));
    assert_eq!(org.to_string(), uuid);
}
