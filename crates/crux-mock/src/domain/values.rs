//! Reading the product bodies' values with DRF's field messages: id lists,
//! strings, money and quantities (numbers or numeric strings,
//! docs/spec-decisions.md, E-07), free-form maps. Every error is a 400
//! naming the field.

use crux_types::Decimal;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::fields::type_name;
use super::{DomainError, Outcome};

/// 400 `field: message`.
pub(crate) fn bad(field: &str, message: impl std::fmt::Display) -> DomainError {
    DomainError::invalid(format!("{field}: {message}"))
}

/// The ids of list `field` (`item_uuids`), required: each must be a UUID
/// string; the caller checks that each names an object it may use.
pub(crate) fn id_list(object: &Map<String, Value>, field: &str) -> Outcome<Vec<Uuid>> {
    let items = match object.get(field) {
        None => return Err(bad(field, "This field is required.")),
        Some(Value::Null) => return Err(bad(field, "This field may not be null.")),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(bad(
                field,
                format!(
                    "Expected a list of items but got type \"{}\".",
                    type_name(other)
                ),
            ));
        }
    };
    items
        .iter()
        .map(|item| match item {
            Value::String(text) => Uuid::try_parse(text).map_err(|_| does_not_exist(field, text)),
            other => Err(bad(
                field,
                format!(
                    "Incorrect type. Expected pk value, received {}.",
                    type_name(other)
                ),
            )),
        })
        .collect()
}

/// 400 `field: Invalid pk "…" - object does not exist.`
pub(crate) fn does_not_exist(field: &str, id: impl std::fmt::Display) -> DomainError {
    bad(
        field,
        format!("Invalid pk \"{id}\" - object does not exist."),
    )
}

/// An optional string member; `null` is `None`.
pub(crate) fn string(object: &Map<String, Value>, field: &str) -> Outcome<Option<String>> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(bad(field, "Not a valid string.")),
    }
}

/// A required, non-blank string member.
pub(crate) fn required_string(object: &Map<String, Value>, field: &str) -> Outcome<String> {
    match string(object, field)? {
        Some(text) if !text.trim().is_empty() => Ok(text),
        Some(_) => Err(bad(field, "This field may not be blank.")),
        None => Err(bad(field, "This field is required.")),
    }
}

/// An optional two-letter country code (`"US"`).
pub(crate) fn country(object: &Map<String, Value>, field: &str) -> Outcome<Option<String>> {
    match string(object, field)? {
        Some(code) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Ok(Some(code.to_ascii_uppercase()))
        }
        Some(code) => Err(bad(
            field,
            format!("\"{code}\" is not a two-letter country code."),
        )),
        None => Ok(None),
    }
}

/// An optional boolean (`true`, or `"true"`/`"True"`).
pub(crate) fn boolean(object: &Map<String, Value>, field: &str) -> Outcome<Option<bool>> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(_) => Err(bad(field, "Must be a valid boolean.")),
    }
}

/// A decimal from a JSON number or a numeric string; `None` for `null`
/// or `""`.
pub(crate) fn number(value: &Value) -> Result<Option<Decimal>, ()> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::String(text) if text.trim().is_empty() => return Ok(None),
        Value::String(text) => text.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return Err(()),
    };
    Decimal::from_str_exact(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .map(Some)
        .map_err(|_| ())
}

/// An optional amount of money, not negative.
pub(crate) fn money(object: &Map<String, Value>, field: &str) -> Outcome<Option<Decimal>> {
    let value = object.get(field).unwrap_or(&Value::Null);
    match number(value) {
        Ok(Some(amount)) if amount.is_sign_negative() => Err(bad(
            field,
            "Ensure this value is greater than or equal to 0.",
        )),
        Ok(amount) => Ok(amount),
        Err(()) => Err(bad(field, "A valid number is required.")),
    }
}

/// An optional quantity: a whole number, not negative.
pub(crate) fn quantity(object: &Map<String, Value>, field: &str) -> Outcome<Option<u32>> {
    let value = object.get(field).unwrap_or(&Value::Null);
    match number(value) {
        Ok(None) => Ok(None),
        Ok(Some(n)) if n.is_integer() && !n.is_sign_negative() => u32::try_from(n)
            .map(Some)
            .map_err(|_| bad(field, "A valid integer is required.")),
        _ => Err(bad(field, "A valid integer is required.")),
    }
}

/// An optional free-form map, every value kept.
pub(crate) fn map(object: &Map<String, Value>, field: &str) -> Outcome<Map<String, Value>> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => Ok(map.clone()),
        Some(other) => Err(bad(
            field,
            format!(
                "Expected a dictionary of items but got type \"{}\".",
                type_name(other)
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn numbers_from_json_numbers_and_strings_never_panic() {
        let read = |value: Value| number(&value);
        assert_eq!(read(json!("40.00")), Ok(Some(Decimal::new(4000, 2))));
        assert_eq!(read(json!(10)), Ok(Some(Decimal::from(10))));
        assert_eq!(read(json!(0.9995)), Ok(Some(Decimal::new(9995, 4))));
        assert_eq!(read(json!("")), Ok(None));
        assert_eq!(read(json!(null)), Ok(None));
        for bad in [
            json!("12,00"),
            json!("1e99999"),
            json!(1e300),
            json!(true),
            json!([1]),
        ] {
            assert_eq!(read(bad.clone()), Err(()), "{bad}");
        }
        let object = json!({"q": "-1", "r": "1.5", "s": "99999999999", "m": "-0.01"});
        let object = object.as_object().expect("object");
        for field in ["q", "r", "s"] {
            assert!(quantity(object, field).is_err(), "{field}");
        }
        assert!(money(object, "m").is_err());
    }
}
