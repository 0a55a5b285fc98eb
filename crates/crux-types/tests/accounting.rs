//! The accounting models (payment method, subscription, transactions,
//! transactions export) against the fixtures in `tests/fixtures/accounting/`,
//! with the money and date rules they rely on.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;

use std::str::FromStr;

use crux_types::{
    CardNumber, Decimal, ExportId, ExportRef, NaiveDate, PaymentMethod, Subscription, Transaction,
    TransactionId, TransactionsExportRequest,
};
use serde_json::{Value, json};

const GET_PAYMENT_METHODS: &str = "accounting/get_payment_methods.json";
const GET_SUBSCRIPTION: &str = "accounting/get_subscription.json";
const GET_TRANSACTIONS: &str = "accounting/get_transactions.json";
const GET_TRANSACTION_DETAILS: &str = "accounting/get_transaction_details.json";
const GET_TRANSACTIONS_EXPORT: &str = "accounting/get_transactions_export.json";
const TRANSACTIONS_EXPORT_REQUEST: &str = "accounting/transactions_export_request.json";
const PAYMENT_METHOD_WITHOUT_CARD_NUMBER: &str =
    "accounting/payment_method_without_card_number.json";
const SUBSCRIPTION_PLAN_ADDONS: &str = "accounting/subscription_plan_addons.json";
const TRANSACTIONS_UNPAID_AND_UNKNOWN_STATUS: &str =
    "accounting/transactions_unpaid_and_unknown_status.json";
const EXPORT_NESTED: &str = "accounting/export_nested.json";

const CARD_NUMBER: &str = "4111111111111111";

fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).expect("valid decimal")
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("valid date")
}

// ---------------------------------------------------------------------------
// Round trips.

#[test]
fn documented_samples_are_written_back_byte_for_byte() {
    // The fixture's text without its layout vs the model's compact JSON:
    // member order, money strings (`"12.00"`), dates and escapes are all
    // exactly as received.
    fn minify(text: &str) -> String {
        let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
        for c in text.chars() {
            if in_string {
                in_string = escaped || c != '"';
                escaped = !escaped && c == '\\';
            } else if c.is_whitespace() {
                continue;
            } else {
                in_string = c == '"';
            }
            out.push(c);
        }
        out
    }
    fn check<T: serde::de::DeserializeOwned + serde::Serialize>(name: &str) {
        let model: T = common::decode(name);
        assert_eq!(
            serde_json::to_string(&model).expect("models always encode"),
            minify(&common::read(name)),
            "{name}"
        );
    }
    check::<PaymentMethod>(GET_PAYMENT_METHODS);
    check::<Subscription>(GET_SUBSCRIPTION);
    check::<Vec<Transaction>>(GET_TRANSACTIONS);
    check::<Transaction>(GET_TRANSACTION_DETAILS);
    check::<ExportRef>(GET_TRANSACTIONS_EXPORT);
    check::<TransactionsExportRequest>(TRANSACTIONS_EXPORT_REQUEST);
}

// ---------------------------------------------------------------------------
// Money (docs/spec-decisions.md, E-07).

#[test]
fn money_strings_keep_their_scale() {
    let transaction: Transaction = common::decode(GET_TRANSACTION_DETAILS);
    assert_eq!(transaction.total, decimal("12"));
    assert_eq!(transaction.total.scale(), 2);
    assert_eq!(transaction.total.to_string(), "12.00");
    let encoded = serde_json::to_string(&transaction).expect("models always encode");
    assert!(encoded.contains(r#""total":"12.00""#), "{encoded}");

    let unusual: Vec<Transaction> = common::decode(TRANSACTIONS_UNPAID_AND_UNKNOWN_STATUS);
    let totals: Vec<String> = unusual.iter().map(|t| t.total.to_string()).collect();
    assert_eq!(totals, ["1234.500", "-5.00"]);
}

#[test]
fn money_arithmetic_is_exact() {
    let subscription: Subscription = common::decode(GET_SUBSCRIPTION);
    let amount = subscription.next_bill_plan.amount;
    assert_eq!(amount.to_string(), "10.99");

    let sum = amount + decimal("0.01");
    assert_eq!(sum.to_string(), "11.00");
    assert_eq!(sum, decimal("11.00"));
    assert_eq!(sum, decimal("11"));

    // The classic binary-float failure, exact here.
    assert_eq!((decimal("0.1") + decimal("0.2")).to_string(), "0.3");

    let transactions: Vec<Transaction> = common::decode(GET_TRANSACTIONS);
    let total: Decimal = transactions.iter().map(|t| t.total).sum();
    assert_eq!(total.to_string(), "22.99");
}

#[test]
fn money_is_also_read_from_a_json_number_and_written_as_a_string() {
    for (sent, read, written) in [
        (json!(12), "12", "12"),
        (json!(0), "0", "0"),
        (json!(10.99), "10.99", "10.99"),
        (json!(12.5), "12.5", "12.5"),
        (
            json!(0.999_523_809_523_809_5),
            "0.9995238095238095",
            "0.9995238095238095",
        ),
        (json!(-3), "-3", "-3"),
        (json!("12.00"), "12.00", "12.00"),
        (json!("0.10"), "0.10", "0.10"),
    ] {
        let mut json = common::value(GET_TRANSACTION_DETAILS);
        json["total"] = sent.clone();
        let transaction: Transaction = serde_json::from_value(json).expect("decodes");
        assert_eq!(transaction.total.to_string(), read, "{sent}");
        let encoded = serde_json::to_value(&transaction).expect("models always encode");
        assert_eq!(encoded["total"], written, "{sent}");
    }
}

#[test]
fn bad_money_is_a_decode_error() {
    for bad in [
        json!("12.OO"),
        json!(""),
        json!(" 12.00"),
        json!("12,00"),
        json!("USD 12.00"),
        json!("1e3"),
        json!("123456789012345678901234567890.5"),
        json!(1e30),
        json!(null),
        json!(true),
        json!([]),
    ] {
        let mut json = common::value(GET_TRANSACTION_DETAILS);
        json["total"] = bad.clone();
        let text = serde_json::to_string_pretty(&json).expect("JSON encodes");
        let err = serde_json::from_str::<Transaction>(&text).expect_err(&bad.to_string());
        assert!(err.is_data(), "{bad}: {err}");
        assert!(err.line() > 0, "{bad}: error has a position: {err}");
    }
}

// ---------------------------------------------------------------------------
// Dates (docs/spec-decisions.md, E-30).

#[test]
fn dates_are_naive_dates_written_as_yyyy_mm_dd() {
    let method: PaymentMethod = common::decode(GET_PAYMENT_METHODS);
    assert_eq!(method.card_expiration, date("2017-11-06"));

    let plan = common::decode::<Subscription>(GET_SUBSCRIPTION).next_bill_plan;
    for day in [plan.bill_date, plan.start_date, plan.end_date] {
        assert_eq!(day, NaiveDate::from_ymd_opt(2017, 11, 6).expect("valid"));
    }

    let transaction: Transaction = common::decode(GET_TRANSACTION_DETAILS);
    assert_eq!(transaction.statement_date, date("2017-11-06"));
    assert_eq!(transaction.payment_date, Some(date("2017-11-06")));
    let encoded = serde_json::to_value(&transaction).expect("models always encode");
    assert_eq!(encoded["statement_date"], "2017-11-06");
    assert_eq!(encoded["payment_date"], "2017-11-06");
}

#[test]
fn a_bad_date_is_a_decode_error() {
    for (name, pointer) in [
        (GET_TRANSACTION_DETAILS, "/statement_date"),
        (GET_TRANSACTION_DETAILS, "/payment_date"),
        (GET_PAYMENT_METHODS, "/card_expiration"),
        (GET_SUBSCRIPTION, "/next_bill_plan/bill_date"),
        (GET_SUBSCRIPTION, "/next_bill_plan/start_date"),
        (GET_SUBSCRIPTION, "/next_bill_plan/end_date"),
    ] {
        for bad in [
            json!("2017-11-31"),
            json!("2017-13-06"),
            json!("11/06/2017"),
            json!("2017-11-06T00:00:00Z"),
            json!(""),
            json!(20_171_106),
        ] {
            let mut json = common::value(name);
            *json.pointer_mut(pointer).expect("pointer exists") = bad.clone();
            let text = serde_json::to_string_pretty(&json).expect("JSON encodes");
            let result = if name == GET_TRANSACTION_DETAILS {
                serde_json::from_str::<Transaction>(&text).map(drop)
            } else if name == GET_PAYMENT_METHODS {
                serde_json::from_str::<PaymentMethod>(&text).map(drop)
            } else {
                serde_json::from_str::<Subscription>(&text).map(drop)
            };
            let err = result.expect_err(&format!("{pointer} = {bad}"));
            assert!(err.is_data(), "{pointer} = {bad}: {err}");
        }
    }
}

// ---------------------------------------------------------------------------
// Payment method (docs/spec-decisions.md, E-27).

#[test]
fn card_number_is_never_in_debug() {
    let method: PaymentMethod = common::decode(GET_PAYMENT_METHODS);
    for debug in [format!("{method:?}"), format!("{method:#?}")] {
        assert!(!debug.contains(CARD_NUMBER), "{debug}");
        assert!(!debug.contains("41111111"), "{debug}");
        assert!(debug.contains("CardNumber(<redacted>)"), "{debug}");
    }
    let number = method.card_number.expect("the sample has one");
    assert_eq!(format!("{number:?}"), "CardNumber(<redacted>)");
    assert_eq!(format!("{number:#?}"), "CardNumber(<redacted>)");
}

#[test]
fn card_number_is_exposed_on_request_and_written_back() {
    let method: PaymentMethod = common::decode(GET_PAYMENT_METHODS);
    let number = method.card_number.as_ref().expect("the sample has one");
    assert_eq!(number.expose_secret(), CARD_NUMBER);
    assert_eq!(number.last4(), Some("1111"));
    assert_eq!(number.last4(), Some(method.card_last_four.as_str()));
    let encoded = serde_json::to_value(&method).expect("models always encode");
    assert_eq!(encoded["card_number"], CARD_NUMBER);
}

#[test]
fn card_number_last4() {
    for (number, last4) in [
        ("4111111111111111", Some("1111")),
        ("378282246310005", Some("0005")),
        ("4111 1111 1111 4897", Some("4897")),
        ("4111111111114897\n", Some("4897")),
        ("1234", Some("1234")),
        ("123", None),
        ("", None),
        ("4111-1111-1111-111x", None),
        ("ＸＸＸＸ", None),
        ("ab€1234", Some("1234")),
    ] {
        assert_eq!(CardNumber::new(number).last4(), last4, "{number:?}");
    }
}

#[test]
fn card_number_is_optional() {
    let method: PaymentMethod = common::decode(PAYMENT_METHOD_WITHOUT_CARD_NUMBER);
    assert_eq!(method.card_number, None);
    let mut json = common::value(GET_PAYMENT_METHODS);
    json["card_number"] = Value::Null;
    let null: PaymentMethod = serde_json::from_value(json).expect("decodes");
    assert_eq!(null, method);
    let encoded = serde_json::to_value(&method).expect("models always encode");
    assert!(encoded.get("card_number").is_none(), "{encoded}");
}

#[test]
fn payment_method_address_is_kept_verbatim() {
    let method: PaymentMethod = common::decode(GET_PAYMENT_METHODS);
    assert_eq!(method.address, "1234 Crux Connect Way\nLehi, Utah 845005");
    assert_eq!(method.payment_type, "CREDIT CARD");
    assert!(method.is_default);
}

// ---------------------------------------------------------------------------
// Subscription (docs/spec-decisions.md, E-36).

#[test]
fn plan_addons_is_read_as_plan_add_ons_and_written_as_the_sample() {
    let sample: Subscription = common::decode(GET_SUBSCRIPTION);
    let renamed: Subscription = common::decode(SUBSCRIPTION_PLAN_ADDONS);
    assert_eq!(renamed, sample);
    assert_eq!(renamed.plan_add_ons, ["add_on1", "add_on2"]);
    let encoded = serde_json::to_value(&renamed).expect("models always encode");
    assert_eq!(encoded, common::value(GET_SUBSCRIPTION));
}

#[test]
fn subscription_lists_empty_null_or_absent_decode_to_empty() {
    let mut json = common::value(GET_SUBSCRIPTION);
    json["available_add_ons"] = json!([]);
    json["plan_features"] = Value::Null;
    json.as_object_mut()
        .expect("an object")
        .remove("plan_add_ons");
    let subscription: Subscription = serde_json::from_value(json).expect("decodes");
    assert!(subscription.available_add_ons.is_empty());
    assert!(subscription.plan_features.is_empty());
    assert!(subscription.plan_add_ons.is_empty());
}

// ---------------------------------------------------------------------------
// Transactions.

#[test]
fn transaction_id_is_an_opaque_string() {
    let transactions: Vec<Transaction> = common::decode(GET_TRANSACTIONS);
    let ids: Vec<&str> = transactions
        .iter()
        .map(|t| t.transaction_id.as_str())
        .collect();
    assert_eq!(ids, ["123456789", "456789101"]);
    assert_eq!(
        transactions[0].transaction_id,
        TransactionId::new("123456789")
    );
    assert_eq!(transactions[0].transaction_id.to_string(), "123456789");

    // Not a UUID, not even numeric: kept as sent.
    let odd: TransactionId = "TX-0001 ".parse().unwrap_or_else(|never| match never {});
    assert_eq!(
        serde_json::to_value(&odd).expect("encodes"),
        Value::from("TX-0001 ")
    );
    // A number is not a string id.
    assert!(serde_json::from_value::<TransactionId>(json!(123_456_789)).is_err());
}

#[test]
fn unpaid_transactions_and_unknown_statuses_are_kept() {
    let transactions: Vec<Transaction> = common::decode(TRANSACTIONS_UNPAID_AND_UNKNOWN_STATUS);
    assert_eq!(transactions[0].payment_date, None);
    assert_eq!(transactions[1].payment_date, None);
    let statuses: Vec<&str> = transactions.iter().map(|t| t.status.as_str()).collect();
    assert_eq!(statuses, ["due", "refunded"]);
}

#[test]
fn unknown_fields_are_ignored() {
    let mut json = common::value(GET_TRANSACTION_DETAILS);
    json["currency"] = Value::from("USD");
    json["invoice"] = json!({ "number": 1 });
    let transaction: Transaction = serde_json::from_value(json).expect("decodes");
    assert_eq!(transaction, common::decode(GET_TRANSACTION_DETAILS));

    let mut json = common::value(GET_SUBSCRIPTION);
    json["next_bill_plan"]["tax"] = Value::from("0.00");
    let subscription: Subscription = serde_json::from_value(json).expect("decodes");
    assert_eq!(subscription, common::decode(GET_SUBSCRIPTION));

    let mut json = common::value(GET_PAYMENT_METHODS);
    json["card_brand"] = Value::from("VISA");
    let method: PaymentMethod = serde_json::from_value(json).expect("decodes");
    assert_eq!(method, common::decode(GET_PAYMENT_METHODS));
}

// ---------------------------------------------------------------------------
// Export (docs/spec-decisions.md, E-24, E-45).

#[test]
fn export_ref_reads_both_shapes_and_writes_the_flat_one() {
    let flat: ExportRef = common::decode(GET_TRANSACTIONS_EXPORT);
    assert_eq!(
        flat.uuid.to_string(),
        "e5682624-3167-47d2-8b09-3cdf3c1fd61b"
    );

    let nested: ExportRef = common::decode(EXPORT_NESTED);
    let id: ExportId = "b039dcf4-3509-49f2-a86e-64df0dc51aba"
        .parse()
        .expect("valid");
    assert_eq!(nested, ExportRef { uuid: id });
    assert_eq!(
        serde_json::to_value(nested).expect("encodes"),
        json!({ "uuid": "b039dcf4-3509-49f2-a86e-64df0dc51aba" }),
    );

    // Both present: the top-level `uuid` wins.
    let both: ExportRef = serde_json::from_value(json!({
        "uuid": "e5682624-3167-47d2-8b09-3cdf3c1fd61b",
        "export": { "uuid": "b039dcf4-3509-49f2-a86e-64df0dc51aba" },
    }))
    .expect("decodes");
    assert_eq!(both, flat);
}

#[test]
fn export_ref_errors() {
    // The sample's id as published is not a UUID: a decode error
    // (docs/spec-decisions.md, E-45).
    let published = json!({ "uuid": "r5682624-3167-47d2-8b09-3cdf3c1fd61b" });
    assert!(
        serde_json::from_value::<ExportRef>(published)
            .unwrap_err()
            .is_data()
    );

    for bad in [
        json!({}),
        json!({ "export": {} }),
        json!({ "export": null, "uuid": null }),
        json!({ "export": { "uuid": "not-a-uuid" } }),
        json!({ "orders": ["e5682624-3167-47d2-8b09-3cdf3c1fd61b"] }),
        json!("e5682624-3167-47d2-8b09-3cdf3c1fd61b"),
        json!(null),
    ] {
        let err = serde_json::from_value::<ExportRef>(bad.clone()).expect_err(&bad.to_string());
        assert!(err.is_data(), "{bad}: {err}");
    }
    let err = serde_json::from_value::<ExportRef>(json!({})).unwrap_err();
    assert!(err.to_string().contains("missing field `uuid`"), "{err}");
}

#[test]
fn transactions_export_request_is_the_empty_object() {
    assert_eq!(
        serde_json::to_string(&TransactionsExportRequest {}).expect("encodes"),
        "{}"
    );
    assert_eq!(
        serde_json::to_string(&TransactionsExportRequest::default()).expect("encodes"),
        "{}"
    );
    let ignored: TransactionsExportRequest =
        serde_json::from_value(json!({ "format": "csv" })).expect("decodes");
    assert_eq!(ignored, TransactionsExportRequest {});
}
