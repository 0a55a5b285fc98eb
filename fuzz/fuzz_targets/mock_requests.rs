//! Drives the mock's request handling in process (`crux_mock::Sandbox`,
//! the same path as the server's, without a socket) with requests built
//! from the input: a method, a path (a catalogue template with fuzzed
//! segments, or raw fuzzed text), an `Authorization` header (a demo token
//! or garbage), `Content-Type`, `Content-Length`, other headers, and a body
//! (an endpoint's sample, mutated or cut, or fuzzed bytes). One input is a
//! sequence of up to [`MAX_REQUESTS`] requests, so that a write's effect on
//! the next request is exercised too.
//!
//! A finding is a panic that escapes, a panic the mock caught (it answers
//! 500 and counts it: `Sandbox::panics()` must stay 0), a connection cut
//! (no fault is injected), a status outside [`DOCUMENTED`], or a body that
//! is not JSON (an object with a string `detail` alone for an error), or
//! not empty for a 204 or a `HEAD`: the checks of the property test
//! `arbitrary_requests_never_panic_and_answer_documented_json`
//! (`crates/crux-mock/tests/sandbox.rs`), whose reasoning and status set
//! this target keeps.
//!
//! The sandbox is replaced by a fresh one every [`FRESH_EVERY`] inputs
//! (and for the first input, so that a crash file replayed alone runs on
//! the demo data): the state the writes grow stays bounded.

#![no_main]

// The statuses an answer may have and a valid body per endpoint, shared
// with crux-mock's property test.
#[path = "../../crates/crux-mock/tests/common/requests.rs"]
mod requests;

use std::cell::RefCell;
use std::sync::OnceLock;

use bytes::Bytes;
use crux_mock::{DEMO_USERS, DemoUser, MockServer, Sandbox};
use crux_types::endpoint::{ALL, Caller, Endpoint};
use http::{HeaderName, HeaderValue, Method, Request, Response, Uri, header};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use requests::{DOCUMENTED, sample_for};
use serde_json::{Map, Value};

/// The sandbox's body limit: small, so that fuzzed bodies and declared
/// lengths pass it and go over it (as in the property test).
const LIMIT: usize = 2048;

/// Requests per input, at most.
const MAX_REQUESTS: usize = 4;

/// Inputs handled by one sandbox before a fresh one replaces it.
const FRESH_EVERY: u32 = 256;

/// The runtime the requests run on: current-thread, built once.
fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime")
    })
}

fn fresh_sandbox() -> Sandbox {
    MockServer::builder()
        .max_body_bytes(LIMIT)
        .sandbox()
        .expect("the demo data builds")
}

thread_local! {
    /// The current sandbox and the inputs it has handled.
    static SANDBOX: RefCell<Option<(Sandbox, u32)>> = const { RefCell::new(None) };
}

/// The sandbox for the next input.
fn sandbox() -> Sandbox {
    SANDBOX.with(|cell| {
        let mut cell = cell.borrow_mut();
        match cell.as_mut() {
            Some((sandbox, used)) if *used < FRESH_EVERY => {
                *used += 1;
                sandbox.clone()
            }
            _ => {
                let sandbox = fresh_sandbox();
                *cell = Some((sandbox.clone(), 1));
                sandbox
            }
        }
    })
}

// ---------------------------------------------------------------------------
// Requests from bytes.

/// One request, and what the check needs of it.
struct Case {
    method: Method,
    request: Request<Bytes>,
}

fn method(u: &mut Unstructured<'_>, endpoint: Option<&Endpoint>) -> Result<Method> {
    const COMMON: [Method; 7] = [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::HEAD,
        Method::OPTIONS,
    ];
    Ok(match (u.int_in_range(0..=9_u8)?, endpoint) {
        (0..=5, Some(endpoint)) => {
            Method::from_bytes(endpoint.method.as_str().as_bytes()).unwrap_or(Method::GET)
        }
        (0..=7, _) => u.choose(&COMMON)?.clone(),
        _ => {
            let token: &[u8] = u.arbitrary()?;
            Method::from_bytes(token).unwrap_or(Method::GET)
        }
    })
}

/// The id kind of a path placeholder, as the demo scheme numbers them
/// (the property test's `kind_of`).
fn kind_of(placeholder: &str) -> Option<u32> {
    Some(match placeholder.trim_end_matches('/') {
        "{user_uuid}" => 3,
        "{catalog_uuid}" => 21,
        "{item_uuid}" => 22,
        "{sku_uuid}" => 23,
        "{inventory_list_uuid}" => 24,
        "{order_uuid}" => 27,
        "{order_item_uuid}" => 28,
        "{request_uuid}" => 29,
        _ => return None,
    })
}

/// An id of the demo scheme `dKKKKKKK-0000-4000-8000-SSSSSSSSSSSS`.
fn demo_id(kind: u32, serial: u64) -> String {
    format!("d{kind:07}-0000-4000-8000-{serial:012}")
}

/// A segment for `placeholder`: an id of its kind, a demo id of any
/// kind, a demo user's id, digits, any text, or nothing.
fn segment(u: &mut Unstructured<'_>, placeholder: &str) -> Result<String> {
    let serial = |u: &mut Unstructured<'_>| -> Result<u64> {
        Ok(if u.ratio(3_u8, 4)? {
            u.int_in_range(1..=20)?
        } else {
            u.int_in_range(100..=140)?
        })
    };
    Ok(match (u.int_in_range(0..=9_u8)?, kind_of(placeholder)) {
        (0..=4, Some(kind)) => demo_id(kind, serial(u)?),
        (0..=5, _) => demo_id(u.int_in_range(1..=30)?, serial(u)?),
        (6, _) => u.choose(DEMO_USERS)?.user_uuid.to_owned(),
        (7, _) => u.int_in_range(0..=u64::MAX)?.to_string(),
        (8, _) => u.arbitrary()?,
        _ => String::new(),
    })
}

/// A catalogue path with its placeholders filled (and its endpoint), or
/// fuzzed text (absolute-form, `*` and the like included when `http`
/// accepts them as a request target).
fn path(u: &mut Unstructured<'_>) -> Result<(Option<&'static Endpoint>, String)> {
    if u.ratio(4_u8, 5)? {
        let endpoint = u.choose(ALL)?;
        let mut path = String::new();
        for part in endpoint.path.split_inclusive('/') {
            if part.starts_with('{') {
                path.push_str(&segment(u, part)?);
                path.push('/');
            } else {
                path.push_str(part);
            }
        }
        if u.ratio(1_u8, 4)? {
            let key = *u.choose(&["start", "limit", "page", "x", ""])?;
            let value: String = u.arbitrary()?;
            path.push('?');
            path.push_str(key);
            path.push('=');
            path.push_str(&value);
        }
        Ok((Some(endpoint), path))
    } else {
        let raw: String = u.arbitrary()?;
        Ok((None, raw))
    }
}

/// `target` as a request target: as is when it parses, else with every
/// byte a target may not hold percent-encoded (and a leading `/`).
fn uri(target: &str) -> Uri {
    if let Ok(uri) = Uri::try_from(target) {
        return uri;
    }
    let mut out = String::from("/");
    for byte in target.trim_start_matches('/').bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/%!$&'()*+,;=:@?".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::try_from(out).unwrap_or_else(|_| Uri::from_static("/"))
}

/// A header value from fuzzed bytes, when `http` accepts them.
fn header_value(u: &mut Unstructured<'_>) -> Result<Option<HeaderValue>> {
    let bytes: &[u8] = u.arbitrary()?;
    Ok(HeaderValue::from_bytes(bytes).ok())
}

fn authorization(
    u: &mut Unstructured<'_>,
    endpoint: Option<&Endpoint>,
) -> Result<Option<HeaderValue>> {
    let token = |t: &str| HeaderValue::from_str(&format!("Token {t}")).ok();
    // The admins hold every permission of their organization: past the
    // guard, into the routes; most often an admin of an organization type
    // the endpoint serves, so that writes reach their success paths.
    let admin = |user: &&DemoUser| user.username.starts_with("admin@");
    let serves = |user: &&DemoUser| {
        endpoint.is_none_or(|e| match e.caller {
            Caller::Retailer | Caller::Supplier => {
                user.org_type.eq_ignore_ascii_case(e.caller.as_str())
            }
            _ => true,
        })
    };
    Ok(match u.int_in_range(0..=12_u8)? {
        0..=3 => {
            let admins: Vec<_> = DEMO_USERS.iter().filter(admin).filter(serves).collect();
            token(u.choose(&admins)?.token)
        }
        4..=5 => {
            let admins: Vec<_> = DEMO_USERS.iter().filter(admin).collect();
            token(u.choose(&admins)?.token)
        }
        6..=9 => token(u.choose(DEMO_USERS)?.token),
        10 => None,
        11 => {
            let scheme = *u.choose(&["Token", "token", "Bearer", "Basic", "Token  ", ""])?;
            let rest: String = u.arbitrary()?;
            HeaderValue::from_str(&format!("{scheme} {rest}")).ok()
        }
        _ => header_value(u)?,
    })
}

fn content_type(u: &mut Unstructured<'_>) -> Result<Option<HeaderValue>> {
    Ok(match u.int_in_range(0..=9_u8)? {
        0..=3 => Some(HeaderValue::from_static("application/json")),
        4 => Some(HeaderValue::from_static("application/json; charset=utf-8")),
        5 => Some(HeaderValue::from_static("application/vnd.crux+json")),
        6 => Some(HeaderValue::from_static("text/plain")),
        7 => None,
        _ => header_value(u)?,
    })
}

/// A declared length, true or not (hyper would check it on a socket):
/// none, the body's, a number up to twice the limit, or any text.
fn content_length(u: &mut Unstructured<'_>, body: usize) -> Result<Option<HeaderValue>> {
    Ok(match u.int_in_range(0..=9_u8)? {
        0..=5 => None,
        6 => Some(HeaderValue::from(body)),
        7 => Some(HeaderValue::from(u.int_in_range(0..=2 * LIMIT)?)),
        8 => Some(HeaderValue::from(u.arbitrary::<u64>()?)),
        _ => header_value(u)?,
    })
}

/// Other headers, with names the mock or a proxy might look at, or any.
fn other_header(u: &mut Unstructured<'_>) -> Result<Option<(HeaderName, HeaderValue)>> {
    const NAMES: [&str; 8] = [
        "accept",
        "host",
        "transfer-encoding",
        "content-encoding",
        "x-http-method-override",
        "x-crux-fault",
        "authorization",
        "content-type",
    ];
    let name = if u.ratio(3_u8, 4)? {
        HeaderName::from_static(u.choose(&NAMES)?)
    } else {
        let raw: &[u8] = u.arbitrary()?;
        match HeaderName::from_bytes(raw) {
            Ok(name) => name,
            Err(_) => return Ok(None),
        }
    };
    Ok(header_value(u)?.map(|value| (name, value)))
}

/// A small JSON value from the input (`depth` levels of nesting at most).
fn value(u: &mut Unstructured<'_>, depth: u8) -> Result<Value> {
    let top = if depth == 0 { 6 } else { 8 };
    Ok(match u.int_in_range(0..=top)? {
        0 => Value::Null,
        1 => Value::from(u.arbitrary::<bool>()?),
        2 => Value::from(u.arbitrary::<i64>()?),
        3 => Value::from(u.arbitrary::<u64>()?),
        4 => serde_json::Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        5 => Value::from(u.arbitrary::<String>()?),
        // A sample's own ids and numbers as text, the shapes the mock parses.
        6 => Value::from(*u.choose(&[
            "d0000022-0000-4000-8000-000000000001",
            "d0000023-0000-4000-8000-000000000001",
            "d0000027-0000-4000-8000-000000000001",
            "-1",
            "1e400",
            "0.000000000000000000000000000001",
            "99999999999999999999999999999",
            "True",
            "",
        ])?),
        7 => {
            let len = u.int_in_range(0..=3_usize)?;
            Value::Array(
                (0..len)
                    .map(|_| value(u, depth - 1))
                    .collect::<Result<_>>()?,
            )
        }
        _ => {
            let len = u.int_in_range(0..=3_usize)?;
            let mut map = Map::new();
            for _ in 0..len {
                let key: String = u.arbitrary()?;
                map.insert(key, value(u, depth - 1)?);
            }
            Value::Object(map)
        }
    })
}

/// A value inside `value` (itself, or down through objects and arrays).
fn descend<'a>(u: &mut Unstructured<'_>, value: &'a mut Value) -> Result<&'a mut Value> {
    let len = match &*value {
        Value::Object(map) => map.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if len == 0 || !u.ratio(1_u8, 2)? {
        return Ok(value);
    }
    let index = u.choose_index(len)?;
    match value {
        Value::Object(map) => descend(u, map.values_mut().nth(index).expect("in range")),
        Value::Array(items) => descend(u, &mut items[index]),
        other => Ok(other),
    }
}

/// One value inside `sample` replaced, one of its members dropped or
/// added, or the value doubled into an array.
fn mutate(u: &mut Unstructured<'_>, sample: &mut Value) -> Result<()> {
    let at = descend(u, sample)?;
    match u.int_in_range(0..=3_u8)? {
        0 => *at = value(u, 2)?,
        1 => match at {
            Value::Object(map) if !map.is_empty() => {
                let index = u.choose_index(map.len())?;
                let key = map.keys().nth(index).cloned().unwrap_or_default();
                map.remove(&key);
            }
            Value::Array(items) if !items.is_empty() => {
                let index = u.choose_index(items.len())?;
                items.remove(index);
            }
            _ => *at = Value::Null,
        },
        2 => {
            if let Value::Object(map) = at {
                let key = if u.ratio(1_u8, 2)? {
                    (*u.choose(&["extra", "uuid", "start", "limit", "pagination", "name"])?)
                        .to_owned()
                } else {
                    u.arbitrary()?
                };
                map.insert(key, value(u, 2)?);
            }
        }
        _ => {
            // Duplicate the member as a sibling array element or wrap it.
            let inner = at.take();
            *at = Value::Array(vec![inner.clone(), inner]);
        }
    }
    Ok(())
}

fn body(u: &mut Unstructured<'_>, endpoint: Option<&Endpoint>) -> Result<Vec<u8>> {
    let sample = || {
        let name = endpoint.map_or("", |e| e.name);
        sample_for(name)
    };
    let encode = |value: &Value| serde_json::to_vec(value).expect("encodes");
    Ok(match u.int_in_range(0..=13_u8)? {
        0..=2 => encode(&sample()),
        3..=7 => {
            let mut sample = sample();
            for _ in 0..u.int_in_range(1..=3_u8)? {
                mutate(u, &mut sample)?;
            }
            encode(&sample)
        }
        8 => {
            let body = encode(&sample());
            let at = u.choose_index(body.len())?;
            body[..at].to_vec()
        }
        9 => Vec::new(),
        10 => encode(&sample_for(u.choose(ALL)?.name)),
        11 => encode(&value(u, 3)?),
        12 => u.arbitrary::<&[u8]>()?.to_vec(),
        // Over the limit.
        _ => vec![b' '; LIMIT + u.int_in_range(1..=16)?],
    })
}

fn case(u: &mut Unstructured<'_>) -> Result<Case> {
    let (endpoint, target) = path(u)?;
    let method = method(u, endpoint)?;
    let body = body(u, endpoint)?;
    let mut request = Request::builder().method(method.clone()).uri(uri(&target));
    if let Some(value) = authorization(u, endpoint)? {
        request = request.header(header::AUTHORIZATION, value);
    }
    if let Some(value) = content_type(u)? {
        request = request.header(header::CONTENT_TYPE, value);
    }
    if let Some(value) = content_length(u, body.len())? {
        request = request.header(header::CONTENT_LENGTH, value);
    }
    for _ in 0..u.int_in_range(0..=2_u8)? {
        if let Some((name, value)) = other_header(u)? {
            request = request.header(name, value);
        }
    }
    let request = request
        .body(Bytes::from(body))
        .expect("a request of valid parts");
    Ok(Case { method, request })
}

// ---------------------------------------------------------------------------
// The check.

/// A documented status, JSON (an object with a string `detail` alone for
/// an error), an empty body for a 204 or a `HEAD`: the property test's
/// `check`.
fn check(method: &Method, response: &Response<Bytes>, shown: &str) {
    let status = response.status().as_u16();
    assert!(
        DOCUMENTED.contains(&status),
        "status {status}: {response:?}\nrequest: {shown}"
    );
    if status == 204 || method == Method::HEAD {
        assert!(
            response.body().is_empty(),
            "{status}: {:?}\nrequest: {shown}",
            response.body()
        );
        return;
    }
    assert_eq!(
        response
            .headers()
            .get(header::CONTENT_TYPE)
            .map(HeaderValue::as_bytes),
        Some(&b"application/json"[..]),
        "{status}: Content-Type\nrequest: {shown}"
    );
    let json: Value = serde_json::from_slice(response.body()).unwrap_or_else(|err| {
        panic!(
            "{status}: not JSON: {err}: {:?}\nrequest: {shown}",
            response.body()
        );
    });
    if status >= 400 {
        let object = json.as_object();
        assert!(
            object.is_some_and(|o| o.len() == 1 && o["detail"].is_string()),
            "{status}: not a lone string `detail`: {json}\nrequest: {shown}"
        );
    }
}

/// The request line and headers for a finding's message, the value of
/// `Authorization` (a token) left out.
fn describe(request: &Request<Bytes>) -> String {
    let mut shown = format!("{} {}", request.method(), request.uri());
    for (name, value) in request.headers() {
        if name == header::AUTHORIZATION {
            shown.push_str(&format!("\n{name}: <{} bytes>", value.len()));
        } else {
            shown.push_str(&format!("\n{name}: {value:?}"));
        }
    }
    shown
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut cases = Vec::new();
    while cases.len() < MAX_REQUESTS && !u.is_empty() {
        match case(&mut u) {
            Ok(case) => cases.push(case),
            Err(_) => break,
        }
    }
    if cases.is_empty() {
        return;
    }
    let sandbox = sandbox();
    for Case { method, request } in cases {
        let shown = describe(&request);
        let response = runtime()
            .block_on(sandbox.handle(request))
            .unwrap_or_else(|cut| panic!("cut without a fault: {cut}: {shown}"));
        assert_eq!(
            sandbox.panics(),
            0,
            "the mock panicked (see above): {shown}"
        );
        check(&method, &response, &shown);
    }
});
