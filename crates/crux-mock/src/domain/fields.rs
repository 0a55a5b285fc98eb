//! Reading JSON bodies with DRF's field messages.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{DomainError, Outcome};

/// The body as a JSON object, or 400 as DRF words it
/// (`Invalid data. Expected a dictionary, but got list.`).
pub(crate) fn object(body: &Value) -> Outcome<&Map<String, Value>> {
    match body {
        Value::Object(object) => Ok(object),
        other => Err(DomainError::invalid(format!(
            "Invalid data. Expected a dictionary, but got {}.",
            type_name(other)
        ))),
    }
}

/// 400 naming every field of `names` that is missing or `null` in
/// `object` (`uuid: This field is required.`, DRF's messages).
pub(crate) fn require(object: &Map<String, Value>, names: &[&str]) -> Outcome<()> {
    let problems: Vec<String> = names
        .iter()
        .filter_map(|name| match object.get(*name) {
            None => Some(format!("{name}: This field is required.")),
            Some(Value::Null) => Some(format!("{name}: This field may not be null.")),
            Some(_) => None,
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DomainError::invalid(problems.join(" ")))
    }
}

/// Decodes a JSON value already checked for its required fields; 400
/// `Invalid data - ...` when a field has the wrong type or value.
pub(crate) fn decode<T: DeserializeOwned>(body: Value) -> Outcome<T> {
    serde_json::from_value(body)
        .map_err(|err| DomainError::invalid(format!("Invalid data - {err}")))
}

/// DRF's (Python's) name for a JSON value's type.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}
