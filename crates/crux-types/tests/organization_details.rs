//! Get Organization Details: the Organization and AccountManager models,
//! against the fixtures in `tests/fixtures/organization/`.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use crux_types::{OrgType, Organization, OrganizationStatus, Timestamp};
use serde_json::{Value, json};

const GET_ORGANIZATION_DETAILS: &str = "organization/get_organization_details.json";
const ORGANIZATION_PENDING: &str = "organization/organization_pending.json";
const ORGANIZATION_UNKNOWN_VALUES: &str = "organization/organization_unknown_values.json";

// ---------------------------------------------------------------------------
// Round trips.

#[test]
fn created_date_without_fraction_is_written_back_exactly() {
    let organization: Organization = common::decode(GET_ORGANIZATION_DETAILS);
    let encoded = serde_json::to_value(&organization).expect("models always encode");
    assert_eq!(encoded["created_date"], "2018-02-09T17:02:13Z");

    let pending: Organization = common::decode(ORGANIZATION_PENDING);
    let encoded = serde_json::to_value(&pending).expect("models always encode");
    assert_eq!(encoded["active_date"], "2018-02-10T09:30:00.123456Z");
}

// ---------------------------------------------------------------------------
// Specific behaviors.

#[test]
fn sample_fields() {
    let organization: Organization = common::decode(GET_ORGANIZATION_DETAILS);
    assert_eq!(
        organization.uuid.to_string(),
        "757ce28d-fbd6-4b9f-8051-f847482e169f"
    );
    assert_eq!(organization.org_type, OrgType::Supplier);
    assert_eq!(organization.status, OrganizationStatus::Active);
    assert_eq!(
        organization.created_date,
        "2018-02-09T17:02:13Z".parse::<Timestamp>().expect("valid")
    );
    assert_eq!(organization.active_date, None);

    let manager = organization.account_manager.expect("the sample has one");
    assert_eq!(
        manager.uuid.to_string(),
        "6c249798-7564-468d-83de-d98ae8b0b7cf"
    );
    assert_eq!(manager.person.phone.as_deref(), Some("(267)977-0572x195"));
    assert_eq!(manager.person.job_title, None);
}

#[test]
fn null_and_absent_optional_fields_decode_to_none_and_are_not_written() {
    for name in [ORGANIZATION_PENDING, ORGANIZATION_UNKNOWN_VALUES] {
        let organization: Organization = common::decode(name);
        assert_eq!(organization.account_manager, None, "{name}");
        let encoded = serde_json::to_value(&organization).expect("models always encode");
        assert!(
            encoded.get("account_manager").is_none(),
            "{name}: {encoded}"
        );
    }
    let absent: Organization = common::decode(ORGANIZATION_UNKNOWN_VALUES);
    assert_eq!(absent.active_date, None);
}

#[test]
fn unknown_org_type_and_status_are_kept() {
    let organization: Organization = common::decode(ORGANIZATION_UNKNOWN_VALUES);
    assert_eq!(
        organization.org_type,
        OrgType::Unknown("PARTNER".to_owned())
    );
    assert_eq!(
        organization.status,
        OrganizationStatus::Unknown("SUSPENDED".to_owned())
    );
    let encoded = serde_json::to_value(&organization).expect("models always encode");
    assert_eq!(encoded["org_type"], "PARTNER");
    assert_eq!(encoded["status"], "SUSPENDED");
}

#[test]
fn unknown_fields_are_ignored() {
    let mut json = common::value(GET_ORGANIZATION_DETAILS);
    // `website` is what connection organizations add
    // (docs/spec-decisions.md, E-18).
    json["website"] = Value::from("https://www.example.com");
    json["account_manager"]["organization"] = json!({ "uuid": "x" });
    json["account_manager"]["person"]["middle_name"] = Value::Null;
    let organization: Organization = serde_json::from_value(json).expect("decodes");
    assert_eq!(organization, common::decode(GET_ORGANIZATION_DETAILS));
}

#[test]
fn every_timestamp_format_is_accepted_for_created_and_active_dates() {
    for (text, expected) in [
        ("2018-02-09T17:02:13Z", "2018-02-09T17:02:13Z"),
        ("2018-02-09T17:02:13.804995Z", "2018-02-09T17:02:13.804995Z"),
        (
            "2018-02-09 17:02:13.804995+00:00",
            "2018-02-09T17:02:13.804995Z",
        ),
        ("2018-02-09", "2018-02-09T00:00:00Z"),
    ] {
        let mut json = common::value(GET_ORGANIZATION_DETAILS);
        json["created_date"] = Value::from(text);
        json["active_date"] = Value::from(text);
        let organization: Organization = serde_json::from_value(json).expect(text);
        let encoded = serde_json::to_value(&organization).expect("models always encode");
        assert_eq!(encoded["created_date"], expected, "{text}");
        assert_eq!(encoded["active_date"], expected, "{text}");
    }
}

#[test]
fn a_bad_date_is_a_decode_error() {
    for (pointer, bad) in [
        ("/created_date", Value::from("2018-02-30T17:02:13Z")),
        ("/created_date", Value::from("09/02/2018")),
        ("/created_date", Value::from("")),
        ("/created_date", Value::from(1_518_195_733)),
        ("/created_date", Value::Null),
        ("/active_date", Value::from("2018-13-01")),
    ] {
        let mut json = common::value(GET_ORGANIZATION_DETAILS);
        *json.pointer_mut(pointer).expect("pointer exists") = bad.clone();
        let text = serde_json::to_string_pretty(&json).expect("JSON encodes");
        let err = serde_json::from_str::<Organization>(&text).expect_err(&bad.to_string());
        assert!(err.is_data(), "{pointer} = {bad}: {err}");
        assert!(
            err.line() > 0,
            "{pointer} = {bad}: error has a position: {err}"
        );
    }
}

#[test]
fn invalid_uuid_is_a_decode_error_at_every_id() {
    let bad = "r5682624-8e22-44f2-a6b6-ae3fdb556051";
    for pointer in [
        "/uuid",
        "/account_manager/uuid",
        "/account_manager/person/uuid",
    ] {
        let mut json = common::value(GET_ORGANIZATION_DETAILS);
        *json.pointer_mut(pointer).expect("pointer exists") = Value::from(bad);
        let err = serde_json::from_value::<Organization>(json).expect_err(pointer);
        assert!(err.is_data(), "{pointer}: {err}");
    }
}
