//! The text form of [`Fault`]: `FromStr` and `Display`.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use http::{HeaderValue, Method, StatusCode};

use super::{Fault, FaultKind};

/// Why a fault's text form was rejected (see [`Fault`]'s "Text form").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFaultError {
    message: String,
}

impl ParseFaultError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseFaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid fault: {}", self.message)
    }
}

impl std::error::Error for ParseFaultError {}

/// Keys that take a value, and bare keywords.
const VALUE_KEYS: &[&str] = &["status", "stall", "times", "every", "retry-after", "on"];
const KEYWORDS: &[&str] = &[
    "close-before-headers",
    "close-after-headers",
    "truncated-body",
    "malformed-json",
    "panic",
];

/// Whether `piece` starts an item (a known key or keyword), as opposed to
/// continuing the previous value.
fn starts_item(piece: &str) -> bool {
    let piece = piece.trim();
    let key = piece.split_once('=').map_or(piece, |(key, _)| key).trim();
    VALUE_KEYS
        .iter()
        .chain(KEYWORDS)
        .any(|known| known.eq_ignore_ascii_case(key))
}

/// Splits on commas, gluing pieces that do not start an item to the
/// previous one (commas inside `retry-after` dates and `on` paths).
fn items(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for piece in text.split(',') {
        match items.last_mut() {
            Some(last) if !starts_item(piece) && continues(last) => {
                last.push(',');
                last.push_str(piece);
            }
            _ => items.push(piece.to_owned()),
        }
    }
    items
}

/// Whether `item` is a `retry-after=` or `on=` item, which may hold commas.
fn continues(item: &str) -> bool {
    item.split_once('=').is_some_and(|(key, _)| {
        let key = key.trim();
        key.eq_ignore_ascii_case("retry-after") || key.eq_ignore_ascii_case("on")
    })
}

impl FromStr for Fault {
    type Err = ParseFaultError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut kind = None;
        let mut fault = Fault::new(FaultKind::MalformedJson);
        for item in items(text) {
            let item = item.trim();
            let (key, value) = match item.split_once('=') {
                Some((key, value)) => (key.trim().to_ascii_lowercase(), Some(value.trim())),
                None => (item.to_ascii_lowercase(), None),
            };
            let new_kind = match (key.as_str(), value) {
                ("status", Some(value)) => Some(FaultKind::Status(parse_status(value)?)),
                ("stall", Some(value)) => Some(FaultKind::Stall(parse_duration(value)?)),
                ("close-before-headers", None) => Some(FaultKind::CloseBeforeHeaders),
                ("close-after-headers", None) => Some(FaultKind::CloseAfterHeaders),
                ("truncated-body", None) => Some(FaultKind::TruncatedBody),
                ("malformed-json", None) => Some(FaultKind::MalformedJson),
                ("panic", None) => Some(FaultKind::Panic),
                ("times", Some(value)) => {
                    fault.times = value
                        .parse()
                        .map_err(|_| ParseFaultError::new(format!("bad times {value:?}")))?;
                    None
                }
                ("every", Some(value)) => {
                    let every: usize = value
                        .parse()
                        .map_err(|_| ParseFaultError::new(format!("bad every {value:?}")))?;
                    fault.every = every.max(1);
                    None
                }
                ("retry-after", Some(value)) => {
                    if value.is_empty() || HeaderValue::from_str(value).is_err() {
                        return Err(ParseFaultError::new(format!("bad retry-after {value:?}")));
                    }
                    fault.retry_after = Some(value.to_owned());
                    None
                }
                ("on", Some(value)) => {
                    fault.route = Some(parse_route(value)?);
                    None
                }
                ("", None) if text.trim().is_empty() => {
                    return Err(ParseFaultError::new("empty; expected e.g. status=503"));
                }
                _ => return Err(ParseFaultError::new(format!("unknown item {item:?}"))),
            };
            if let Some(new_kind) = new_kind {
                if kind.is_some() {
                    return Err(ParseFaultError::new(format!(
                        "{text:?} names more than one kind"
                    )));
                }
                kind = Some(new_kind);
            }
        }
        fault.kind = kind.ok_or_else(|| {
            ParseFaultError::new(format!(
                "{text:?} names no kind (status=, stall=, close-before-headers, \
                 close-after-headers, truncated-body or malformed-json)"
            ))
        })?;
        Ok(fault)
    }
}

fn parse_status(value: &str) -> Result<u16, ParseFaultError> {
    value
        .parse::<u16>()
        .ok()
        .filter(|code| StatusCode::from_u16(*code).is_ok() && *code >= 200)
        .ok_or_else(|| ParseFaultError::new(format!("bad status {value:?} (200..=999)")))
}

fn parse_duration(value: &str) -> Result<Duration, ParseFaultError> {
    let bad = || ParseFaultError::new(format!("bad duration {value:?} (e.g. 500ms, 2s, 1m)"));
    let split = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    let (digits, unit) = value.split_at(split);
    let n: u64 = digits.parse().map_err(|_| bad())?;
    match unit.trim() {
        "us" => Ok(Duration::from_micros(n)),
        "ms" => Ok(Duration::from_millis(n)),
        "" | "s" => Ok(Duration::from_secs(n)),
        "m" => n.checked_mul(60).map(Duration::from_secs).ok_or_else(bad),
        _ => Err(bad()),
    }
}

fn parse_route(value: &str) -> Result<(Method, String), ParseFaultError> {
    let bad = || ParseFaultError::new(format!("bad route {value:?} (e.g. GET:/path/)"));
    let (method, path) = value.split_once(':').ok_or_else(bad)?;
    let method =
        Method::from_bytes(method.trim().to_ascii_uppercase().as_bytes()).map_err(|_| bad())?;
    let path = path.trim();
    if !path.starts_with('/') {
        return Err(bad());
    }
    Ok((method, path.to_owned()))
}

/// Writes the text form (kind first, then `times` and `every` if not 1, `retry-after`,
/// `on`), which [`FromStr`] parses back to an equal fault.
impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            FaultKind::Status(code) => write!(f, "status={code}")?,
            FaultKind::Stall(duration) => write!(f, "stall={}", DisplayDuration(duration))?,
            FaultKind::CloseBeforeHeaders => f.write_str("close-before-headers")?,
            FaultKind::CloseAfterHeaders => f.write_str("close-after-headers")?,
            FaultKind::TruncatedBody => f.write_str("truncated-body")?,
            FaultKind::MalformedJson => f.write_str("malformed-json")?,
            FaultKind::Panic => f.write_str("panic")?,
        }
        if self.times != 1 {
            write!(f, ",times={}", self.times)?;
        }
        if self.every != 1 {
            write!(f, ",every={}", self.every)?;
        }
        if let Some(value) = &self.retry_after {
            write!(f, ",retry-after={value}")?;
        }
        if let Some((method, path)) = &self.route {
            write!(f, ",on={method}:{path}")?;
        }
        Ok(())
    }
}

/// A duration in the largest unit that keeps it exact (sub-microsecond
/// parts are dropped).
struct DisplayDuration(Duration);

impl fmt::Display for DisplayDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let micros = self.0.as_micros();
        if micros % 1_000_000 == 0 {
            write!(f, "{}s", micros / 1_000_000)
        } else if micros % 1_000 == 0 {
            write!(f, "{}ms", micros / 1_000)
        } else {
            write!(f, "{micros}us")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Fault {
        text.parse().unwrap_or_else(|err| panic!("{text:?}: {err}"))
    }

    #[test]
    fn grammar_examples() {
        assert_eq!(
            parse("status=503,times=2,retry-after=1"),
            Fault::status(503).times(2).retry_after("1")
        );
        assert_eq!(
            parse("close-before-headers,every=10,times=3"),
            Fault::close_before_headers().every(10).times(3)
        );
        assert_eq!(
            Fault::status(503).every(7).to_string(),
            "status=503,every=7"
        );
        assert_eq!(parse("stall=2s"), Fault::stall(Duration::from_secs(2)));
        assert_eq!(
            parse("stall=250ms"),
            Fault::stall(Duration::from_millis(250))
        );
        assert_eq!(parse("stall=3"), Fault::stall(Duration::from_secs(3)));
        assert_eq!(parse("stall=1m"), Fault::stall(Duration::from_secs(60)));
        assert_eq!(parse("close-before-headers"), Fault::close_before_headers());
        assert_eq!(parse(" Close-After-Headers "), Fault::close_after_headers());
        assert_eq!(parse("truncated-body"), Fault::truncated_body());
        assert_eq!(
            parse("malformed-json,on=get:/organizations/users/all/"),
            Fault::malformed_json().on(Method::GET, "/organizations/users/all/")
        );
        assert_eq!(
            parse("status=503,on=put:/orders/allocation/*/"),
            Fault::status(503).on(Method::PUT, "/orders/allocation/*/")
        );
        assert_eq!(
            parse("status=500,on=GET:/organizations/users/detail/{user_uuid}/"),
            Fault::status(500).on_endpoint(&crux_types::endpoint::USERS_GET)
        );
        assert_eq!(
            parse("times=3, status=429 ,retry-after=Wed, 21 Oct 2015 07:28:00 GMT,on=POST:/x/"),
            Fault::status(429)
                .times(3)
                .retry_after("Wed, 21 Oct 2015 07:28:00 GMT")
                .on(Method::POST, "/x/")
        );
    }

    #[test]
    fn display_round_trips() {
        for fault in [
            Fault::status(503).times(2).retry_after("1"),
            Fault::stall(Duration::from_millis(1500)),
            Fault::stall(Duration::from_micros(7)),
            Fault::close_before_headers().on(Method::GET, "/a,b/"),
            Fault::truncated_body().on(Method::PUT, "/orders/allocation/*/"),
            Fault::close_after_headers().times(0),
            Fault::truncated_body(),
            Fault::malformed_json().retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Fault::panic().on(Method::GET, "/a/"),
            Fault::status(503).every(37).times(usize::MAX),
        ] {
            assert_eq!(parse(&fault.to_string()), fault, "{fault}");
        }
    }

    #[test]
    fn errors() {
        for text in [
            "",
            " ",
            "status",
            "status=99",
            "status=1000",
            "status=abc",
            "stall=2h",
            "stall=-1s",
            "times=2",
            "status=503,malformed-json",
            "status=503,times=-1",
            "status=503,every=x",
            "status=503,retry-after=",
            "status=503,retry-after=a\u{1}b",
            "status=503,on=/x/",
            "status=503,on=GET:x",
            "status=503,bogus",
            "status=503,,times=2",
        ] {
            let err = text.parse::<Fault>().expect_err(text);
            assert!(err.to_string().starts_with("invalid fault: "), "{err}");
        }
    }
}
