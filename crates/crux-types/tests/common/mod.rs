//! Fixture loading and JSON comparison helpers shared by the integration
//! tests. Fixtures live in `tests/fixtures/` (see its README).

use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Path of a fixture, `name` being relative to `tests/fixtures/`.
fn path(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect()
}

/// The text of a fixture.
pub(crate) fn read(name: &str) -> String {
    let path = path(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read fixture {}: {err}", path.display()))
}

/// A fixture decoded as `T`; panics with the fixture name and serde's
/// line/column on failure.
pub(crate) fn decode<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&read(name))
        .unwrap_or_else(|err| panic!("cannot decode fixture {name}: {err}"))
}

/// A fixture as an untyped JSON value.
pub(crate) fn value(name: &str) -> Value {
    decode(name)
}

/// Removes every object member whose value is `null`, at any depth, so that
/// comparing two normalized values treats `null` and absent as equal. That is
/// the only difference it hides: `null` array elements are kept.
pub(crate) fn without_null_members(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, member)| !member.is_null())
                .map(|(key, member)| (key, without_null_members(member)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_null_members).collect()),
        other => other,
    }
}
