//! Every request body of crux-types ([`REQUESTS`]: the types crux-api sends
//! as a JSON body, each with its documented sample) round-trips for
//! arbitrary values: encode, decode, equal, and the same JSON again.
//!
//! How the values are made: JSON-shaped generation from the type's sample,
//! not hand-written strategies per type, so a field added to a type is
//! covered as soon as its sample has it. Every node of the sample is
//! replaced by an arbitrary value of the same kind: a UUID by any UUID, a
//! timestamp by any instant in any accepted form, a date by any date, a
//! decimal string by any decimal, other strings by any Unicode text
//! (long, empty, non-ASCII), numbers by any integer or float, booleans by
//! either; arrays get 0 to 3 elements shaped like the sample's, and members
//! are dropped or `null` at random. Where the result does not decode (an
//! enum that only knows some strings, a required member dropped), the node
//! that `serde_path_to_error` names is put back from the sample, and the
//! decode retried, so that nearly every case yields an arbitrary value of
//! the type. That value is then what must round-trip, through JSON text as
//! the client sends it.
//!
//! A second test checks that the list is complete: every `*_request.json`
//! fixture of the shared fixture table is the sample of a type listed here.

#[allow(
    dead_code,
    reason = "each test binary uses a different subset of the shared helpers"
)]
mod common;
#[path = "common/fixture_table.rs"]
mod fixture_table;

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt::Debug;

use crux_types::{
    AllocationUpdate, ConnectionRequestUpdate, FeeQuery, ItemIdList, ItemSearch, LoginRequest,
    NewCatalog, NewConnectionRequest, NewInventoryList, NewItem, NewOrder, NewSku, NewTracking,
    NotificationSettingUpdate, OrderCancellation, OrderIdList, OrderQuery, SkuIdList,
    SupplierQuery, Timestamp, TransactionsExportRequest, UserPermissionsChange,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};
use serde_path_to_error::Segment;

/// Generated values per request type.
const CASES: u32 = 64;

/// One request type: its name, its sample, and its round trip.
struct Request {
    model: &'static str,
    sample: &'static str,
    /// Decodes the JSON (repairing it from the sample as the module doc
    /// says), checks the round trip, and returns the value's encoding.
    check: fn(Value, &Value) -> Result<String, TestCaseError>,
}

/// `Model => "sample.json";`, or `Model => "sample.json", written;` where
/// `written` turns a value into what the type deliberately writes of it
/// (what then decodes).
macro_rules! requests {
    ($($model:ty => $sample:literal $(, $written:expr)?;)*) => {
        &[$(Request {
            model: stringify!($model),
            sample: $sample,
            check: |generated, sample| {
                round_trip::<$model>(generated, sample, requests!(@written $($written)?))
            },
        },)*]
    };
    (@written) => { |_| {} };
    (@written $written:expr) => { $written };
}

/// Every request body, with a fixture of its documented sample.
const REQUESTS: &[Request] = requests! {
    // organization
    LoginRequest => "organization/login_request.json";
    UserPermissionsChange => "organization/add_user_permissions_request.json";
    NotificationSettingUpdate => "organization/update_notification_settings_request.json";
    // accounting
    TransactionsExportRequest => "accounting/transactions_export_request.json";
    // product
    NewItem => "product/create_item_request.json";
    NewSku => "product/create_sku_request.json";
    NewCatalog => "product/create_catalog_request.json";
    NewInventoryList => "product/create_inventory_list_request.json";
    ItemSearch => "product/search_items_request.json";
    ItemIdList => "product/catalog_add_item_request.json";
    SkuIdList => "product/catalog_add_sku_request.json";
    // ordering
    NewOrder => "ordering/create_order_request.json";
    OrderQuery => "ordering/get_orders_request.json", dates_cut_to_milliseconds;
    OrderIdList => "ordering/get_orders_export_request.json";
    OrderCancellation => "ordering/cancel_order_request.json";
    AllocationUpdate => "ordering/allocate_order_request.json";
    NewTracking => "ordering/add_order_tracking_request.json";
    FeeQuery => "ordering/get_order_fees_request.json";
    // discovery
    SupplierQuery => "discovery/get_discovery_suppliers_request.json";
    NewConnectionRequest => "discovery/request_connection_request.json";
    ConnectionRequestUpdate => "discovery/update_connection_request_request.json";
};

/// The order query's dates are written with exactly three fraction digits,
/// a finer fraction cut (docs/spec-decisions.md, E-30).
fn dates_cut_to_milliseconds(query: &mut OrderQuery) {
    for date in [&mut query.start_date, &mut query.end_date]
        .into_iter()
        .flatten()
    {
        let written = date.to_string();
        let cut = match written.split_once('.') {
            Some((seconds, fraction)) => format!("{seconds}.{:.3}Z", fraction),
            None => written,
        };
        *date = cut.parse().expect("a timestamp cut to milliseconds");
    }
}

/// Decodes `generated` as `T`, putting back from `sample` each node that
/// stops it decoding; then checks that the value round-trips through JSON
/// text (as `written` says it is written), and returns that text.
fn round_trip<T>(
    mut generated: Value,
    sample: &Value,
    written: fn(&mut T),
) -> Result<String, TestCaseError>
where
    T: DeserializeOwned + Serialize + PartialEq + Debug + Clone,
{
    let value: T = loop {
        match serde_path_to_error::deserialize::<_, T>(generated.clone()) {
            Ok(value) => break value,
            Err(error) => {
                let path: Vec<&Segment> = error.path().iter().collect();
                if !restore(&mut generated, sample, &path) {
                    return Err(TestCaseError::fail(format!(
                        "the sample itself does not decode: {error}"
                    )));
                }
            }
        }
    };
    let encoded = serde_json::to_string(&value)
        .map_err(|err| TestCaseError::fail(format!("{value:?} does not encode: {err}")))?;
    let decoded: T = serde_json::from_str(&encoded).map_err(|err| {
        TestCaseError::fail(format!(
            "{value:?} encodes as {encoded}, which does not decode: {err}"
        ))
    })?;
    let mut expected = value.clone();
    written(&mut expected);
    prop_assert_eq!(
        &decoded,
        &expected,
        "decode(encode(x)) != x; encoded: {}",
        encoded
    );
    let again = serde_json::to_string(&decoded)
        .map_err(|err| TestCaseError::fail(format!("{decoded:?} does not encode: {err}")))?;
    prop_assert_eq!(&again, &encoded, "encode(decode(encode(x))) != encode(x)");
    Ok(encoded)
}

/// Puts back from `sample` the deepest node along `path` that differs from
/// the sample's (an array index past the sample's end maps to its last
/// element). Returns `false` when nothing differs: the sample is at fault.
fn restore(generated: &mut Value, sample: &Value, path: &[&Segment]) -> bool {
    // The nodes along the path, in both trees, as far as both go.
    let mut pairs: Vec<Vec<PathStep>> = vec![Vec::new()];
    let (mut node, mut model) = (&*generated, sample);
    for segment in path {
        let (next, next_model, step) = match (segment, node, model) {
            (Segment::Seq { index }, Value::Array(items), Value::Array(samples))
                if *index < items.len() && !samples.is_empty() =>
            {
                let in_sample = (*index).min(samples.len() - 1);
                (&items[*index], &samples[in_sample], PathStep::Index(*index))
            }
            (Segment::Map { key }, Value::Object(map), Value::Object(samples))
                if map.contains_key(key) && samples.contains_key(key) =>
            {
                (&map[key], &samples[key], PathStep::Key(key.clone()))
            }
            _ => break,
        };
        let mut here = pairs.last().expect("the root is there").clone();
        here.push(step);
        pairs.push(here);
        (node, model) = (next, next_model);
    }
    // The deepest node that differs from the sample's is put back.
    for steps in pairs.iter().rev() {
        let (node, model) = nodes_mut(generated, sample, steps);
        if node != model {
            *node = restore_shape(node, model);
            return true;
        }
    }
    false
}

/// What to put back: an object keeps its generated members where the
/// sample has them too and gets the sample's missing ones (a required
/// member that was dropped); anything else is the sample's node.
fn restore_shape(node: &Value, model: &Value) -> Value {
    match (node, model) {
        (Value::Object(map), Value::Object(samples))
            if samples.keys().any(|key| !map.contains_key(key)) =>
        {
            let mut map = map.clone();
            for (key, value) in samples {
                map.entry(key.clone()).or_insert_with(|| value.clone());
            }
            Value::Object(map)
        }
        _ => model.clone(),
    }
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn nodes_mut<'g, 's>(
    generated: &'g mut Value,
    sample: &'s Value,
    steps: &[PathStep],
) -> (&'g mut Value, &'s Value) {
    let (mut node, mut model) = (generated, sample);
    for step in steps {
        (node, model) = match step {
            PathStep::Key(key) => (&mut node[key.as_str()], &model[key.as_str()]),
            PathStep::Index(index) => {
                let last = model.as_array().map_or(0, |items| items.len() - 1);
                (&mut node[*index], &model[(*index).min(last)])
            }
        };
    }
    (node, model)
}

// ---------------------------------------------------------------------------
// Values shaped like a sample.

/// Any value of the same kind as `sample`, recursively (see the module doc).
fn like(sample: &Value) -> BoxedStrategy<Value> {
    match sample {
        Value::Null => prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u32>().prop_map(Value::from),
            text().prop_map(Value::String),
        ]
        .boxed(),
        Value::Bool(_) => any::<bool>().prop_map(Value::Bool).boxed(),
        Value::Number(number) if number.is_f64() => prop_oneof![
            (-1e9..1e9_f64).prop_map(Value::from),
            any::<u32>().prop_map(Value::from),
            Just(sample.clone()),
        ]
        .boxed(),
        Value::Number(_) => prop_oneof![
            any::<u32>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (0..100_u32).prop_map(Value::from),
        ]
        .boxed(),
        Value::String(string) => string_like(string).prop_map(Value::String).boxed(),
        Value::Array(items) if items.is_empty() => prop::collection::vec(
            prop_oneof![
                text().prop_map(Value::String),
                any::<u32>().prop_map(Value::from)
            ],
            0..3,
        )
        .prop_map(Value::Array)
        .boxed(),
        Value::Array(items) => {
            let shapes: Vec<BoxedStrategy<Value>> = items.iter().map(like).collect();
            (0..=3_usize, shapes)
                .prop_map(|(len, values)| {
                    Value::Array(values.into_iter().cycle().take(len).collect())
                })
                .boxed()
        }
        Value::Object(map) => {
            let members: Vec<BoxedStrategy<(String, Option<Value>)>> = map
                .iter()
                .map(|(key, value)| {
                    let key = key.clone();
                    prop_oneof![
                        6 => like(value).prop_map(Some),
                        1 => Just(Some(Value::Null)),
                        1 => Just(None),
                    ]
                    .prop_map(move |value| (key.clone(), value))
                    .boxed()
                })
                .collect();
            members
                .prop_map(|members| {
                    Value::Object(
                        members
                            .into_iter()
                            .filter_map(|(key, value)| Some((key, value?)))
                            .collect::<Map<_, _>>(),
                    )
                })
                .boxed()
        }
    }
}

/// Any text: short or long, ASCII or not, empty.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,16}",
        "[a-z0-9 _-]{0,16}",
        ("\\PC{1,3}", 100..3_000_usize).prop_map(|(unit, n)| unit.repeat(n)),
        Just("é漢字🦀\u{200b}\"\\\n\t\u{0}".to_owned()),
    ]
}

/// Any string of the same kind as `sample`.
fn string_like(sample: &str) -> BoxedStrategy<String> {
    if sample.len() == 36
        && sample.matches('-').count() == 4
        && sample.parse::<uuid_shape::U>().is_ok()
    {
        any::<[u8; 16]>().prop_map(uuid_shape::format).boxed()
    } else if sample.len() == 10 && sample.parse::<crux_types::NaiveDate>().is_ok() {
        (0..=9999_i32, 1..=12_u32, 1..=28_u32)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
            .boxed()
    } else if sample.parse::<Timestamp>().is_ok() {
        timestamp().boxed()
    } else if sample.parse::<crux_types::Decimal>().is_ok() {
        prop_oneof![
            any::<u32>().prop_map(|n| n.to_string()),
            (any::<i64>(), 0..1_000_000_u32).prop_map(|(whole, cents)| format!("{whole}.{cents}")),
            Just(sample.to_owned()),
        ]
        .boxed()
    } else {
        prop_oneof![Just(sample.to_owned()), text()].boxed()
    }
}

/// Any instant of years 0000 to 9999, in any form [`Timestamp`] reads.
fn timestamp() -> impl Strategy<Value = String> {
    (
        0..=9999_i32,
        1..=12_u32,
        1..=28_u32,
        (0..24_u32, 0..60_u32, 0..60_u32),
        0..1_000_000_000_u32,
        0..4_usize,
    )
        .prop_map(|(y, mo, d, (h, mi, s), nanos, form)| match form {
            0 => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z"),
            1 => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{nanos:09}Z"),
            2 => format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}.{nanos:06}+00:00"),
            _ => format!("{y:04}-{mo:02}-{d:02}"),
        })
}

/// Recognising and writing the UUID shape, without a uuid dependency.
mod uuid_shape {
    use std::str::FromStr;

    /// Something shaped like a UUID: 8-4-4-4-12 hex digits.
    pub(crate) struct U;

    impl FromStr for U {
        type Err = ();
        fn from_str(s: &str) -> Result<Self, ()> {
            let groups: Vec<&str> = s.split('-').collect();
            let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
            let hex = groups
                .iter()
                .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()));
            (lens == [8, 4, 4, 4, 12] && hex).then_some(U).ok_or(())
        }
    }

    pub(crate) fn format(bytes: [u8; 16]) -> String {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }
}

// ---------------------------------------------------------------------------

#[test]
fn arbitrary_request_bodies_round_trip() {
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    for request in REQUESTS {
        let sample = common::value(request.sample);
        let mut runner = TestRunner::new(config.clone());
        let distinct = RefCell::new(HashSet::new());
        let result = runner.run(&like(&sample), |generated| {
            let encoded = (request.check)(generated, &sample)?;
            distinct.borrow_mut().insert(encoded);
            Ok(())
        });
        if let Err(error) = result {
            let shown = match &error {
                TestError::Fail(reason, json) => format!("{reason}\ngenerated: {json}"),
                TestError::Abort(reason) => format!("aborted: {reason}"),
            };
            panic!("{}: {shown}", request.model);
        }
        // Not vacuous: the values are arbitrary, not the sample put back.
        let distinct = distinct.into_inner().len();
        if sample != serde_json::json!({}) {
            assert!(
                distinct * 8 >= CASES as usize,
                "{}: only {distinct} distinct values in {CASES} cases",
                request.model
            );
        }
    }
}

/// The model of every `*_request.json` line of the fixture table.
macro_rules! request_fixture_models {
    ($($name:literal => $model:ty $(, $rewrite:expr)?;)*) => {
        &[$(($name, stringify!($model))),*]
    };
}

#[test]
fn every_request_sample_of_the_fixture_table_is_listed() {
    let table: &[(&str, &str)] = fixture_table::fixture_table!(request_fixture_models);
    for (fixture, model) in table
        .iter()
        .filter(|(name, _)| name.ends_with("_request.json"))
    {
        assert!(
            REQUESTS.iter().any(|request| request.model == *model),
            "{fixture} is the sample of {model}, which is not in REQUESTS"
        );
    }
    for request in REQUESTS {
        assert!(
            table.contains(&(request.sample, request.model)),
            "{} is listed with {}, which is not its sample in the fixture table",
            request.model,
            request.sample
        );
    }
}
