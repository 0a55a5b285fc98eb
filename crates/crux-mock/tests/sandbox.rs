//! The in-process [`Sandbox`]: the same answers as the server, and a
//! property test over arbitrary requests (methods, paths, headers, bodies;
//! with and without a valid token) that must never panic and must always
//! answer JSON with a status the docs list.

mod common;
#[path = "common/requests.rs"]
mod requests;

use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;
use common::{USERS, get, retailer_admin};
use crux_mock::{DEMO_USERS, Fault, MockServer, Sandbox};
use crux_types::endpoint::{ALL, Endpoint};
use http::{Method, Request, Response, StatusCode, header};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use requests::{DOCUMENTED, sample_for};
use serde_json::{Value, json};
use tower_service::Service;

/// The body limit of the property test's sandbox: small, so that random
/// bodies and declared lengths pass it.
const LIMIT: usize = 2048;

fn request(method: Method, path: &str, token: Option<&str>, body: &str) -> Request<Bytes> {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Token {token}"));
    }
    if !body.is_empty() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    request
        .body(Bytes::copy_from_slice(body.as_bytes()))
        .expect("a valid request")
}

#[tokio::test]
async fn the_sandbox_answers_as_the_server_does() {
    let server = MockServer::start().await.expect("starts");
    let sandbox = Sandbox::new().expect("builds");
    let token = retailer_admin().token;
    for (path, token) in [(USERS, Some(token)), (USERS, None), ("/nope/", Some(token))] {
        let over_the_wire = get(&server, path, token).await;
        let response = sandbox
            .handle(request(Method::GET, path, token, ""))
            .await
            .expect("no fault");
        assert_eq!(response.status(), over_the_wire.status, "{path}");
        assert_eq!(response.body(), over_the_wire.bytes(), "{path}");
    }
    assert_eq!(sandbox.request_count(&Method::GET, USERS), 2);
    assert_eq!(sandbox.total_requests(), 3);
    assert_eq!(sandbox.panics(), 0);
}

#[tokio::test]
async fn the_sandbox_applies_faults_and_counts_panics() {
    let mut sandbox = MockServer::builder()
        .max_body_bytes(10)
        .sandbox()
        .expect("builds");
    let token = Some(retailer_admin().token);

    sandbox.inject(Fault::status(503).retry_after("1"));
    let response = sandbox
        .handle(request(Method::GET, USERS, token, ""))
        .await
        .expect("answered");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()[header::RETRY_AFTER], "1");

    sandbox.inject(Fault::close_before_headers());
    let cut = sandbox
        .handle(request(Method::GET, USERS, token, ""))
        .await
        .expect_err("cut");
    assert!(cut.partial().is_none());

    sandbox.inject(Fault::truncated_body());
    let full = sandbox
        .handle(request(Method::GET, USERS, token, ""))
        .await
        .expect_err("cut")
        .into_partial()
        .expect("head and half the body");
    let declared: usize = full.headers()[header::CONTENT_LENGTH]
        .to_str()
        .expect("ASCII")
        .parse()
        .expect("a number");
    assert_eq!(full.status(), StatusCode::OK);
    assert_eq!(full.body().len(), declared / 2);

    // The body limit applies (through the tower `Service` too).
    let response = sandbox
        .call(request(
            Method::POST,
            "/organizations/user-login/",
            None,
            "{\"username\": 1}",
        ))
        .await
        .expect("answered");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

    assert_eq!(sandbox.panics(), 0);
    sandbox.inject(Fault::panic());
    let response = sandbox
        .handle(request(Method::GET, USERS, token, ""))
        .await
        .expect("answered");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let json: Value = serde_json::from_slice(response.body()).expect("JSON");
    assert_eq!(json, json!({"detail": "A server error occurred."}));
    assert_eq!(sandbox.panics(), 1);
    assert_eq!(sandbox.faults_applied(), 4);
}

// ---------------------------------------------------------------------------
// The property test.

/// One arbitrary request, as plain data (for proptest's report).
#[derive(Debug, Clone)]
struct Case {
    method: Method,
    path: String,
    headers: Vec<(&'static str, Vec<u8>)>,
    body: Vec<u8>,
}

impl Case {
    fn request(&self) -> Request<Bytes> {
        let mut request = Request::builder()
            .method(self.method.clone())
            .uri(encode(&self.path));
        for (name, value) in &self.headers {
            request = request.header(*name, value.as_slice());
        }
        request
            .body(Bytes::from(self.body.clone()))
            .expect("a valid request")
    }
}

/// `path` with every byte a request target may not hold percent-encoded.
fn encode(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/%!$&'()*+,;=:@?".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn methods() -> impl Strategy<Value = Method> {
    prop_oneof![
        4 => prop::sample::select(vec![
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
            Method::HEAD,
            Method::OPTIONS,
        ]),
        1 => "[A-Z]{1,8}".prop_map(|m| Method::from_bytes(m.as_bytes()).expect("a token")),
    ]
}

/// An id of the demo scheme, `dKKKKKKK-0000-4000-8000-SSSSSSSSSSSS` (kind
/// and serial in decimal digits): most are demo objects or ones the
/// sandbox creates at run time.
fn demo_ids() -> impl Strategy<Value = String> {
    (1_u32..=30, prop_oneof![1_u64..=20, 100_u64..=130])
        .prop_map(|(kind, serial)| format!("d{kind:07}-0000-4000-8000-{serial:012}"))
}

/// The id kind of a path placeholder (`{order_uuid}/`), as the demo
/// scheme numbers them (`{user_uuid}`: demo users are kind 3).
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

/// One path segment: a demo id, a demo user's id, or anything.
fn segments() -> impl Strategy<Value = String> {
    let users: Vec<String> = DEMO_USERS.iter().map(|u| u.user_uuid.to_owned()).collect();
    prop_oneof![
        4 => demo_ids(),
        2 => prop::sample::select(users),
        1 => "[0-9]{1,12}",
        2 => any::<String>(),
        1 => Just(String::new()),
    ]
}

/// A path of the catalogue with its placeholders filled (and its
/// endpoint), or any text.
fn paths() -> impl Strategy<Value = (Option<Endpoint>, String)> {
    // Each placeholder: most often an id of its kind (a serial the demo
    // data or the run-time sequence uses), else any segment.
    let slot = (prop::bool::weighted(0.6), 1_u64..=12, segments());
    let templated = (prop::sample::select(ALL), prop::collection::vec(slot, 3)).prop_map(
        |(endpoint, slots)| {
            let mut path = String::new();
            let mut slots = slots.into_iter();
            for part in endpoint.path.split_inclusive('/') {
                if part.starts_with('{') {
                    let (matched, serial, other) = slots.next().unwrap_or_default();
                    let segment = match kind_of(part) {
                        Some(kind) if matched => {
                            format!("d{kind:07}-0000-4000-8000-{serial:012}")
                        }
                        _ => other,
                    };
                    path.push_str(&segment);
                    path.push('/');
                } else {
                    path.push_str(part);
                }
            }
            (Some(endpoint), path)
        },
    );
    let query = prop_oneof![
        3 => Just(String::new()),
        1 => "\\?(start|limit|page|x)=[-0-9a-z]{0,6}(&(start|limit)=[0-9]{0,4})?",
    ];
    prop_oneof![
        4 => (templated, query).prop_map(|((endpoint, path), query)| (endpoint, path + &query)),
        1 => "/[ -~]{0,60}".prop_map(|path| (None, path)),
        1 => any::<String>().prop_map(|path| (None, format!("/{path}"))),
    ]
}

fn authorizations() -> impl Strategy<Value = Option<Vec<u8>>> {
    let tokens: Vec<&'static str> = DEMO_USERS.iter().map(|u| u.token).collect();
    // The admins hold every permission of their organization: past the
    // guard, into the routes.
    let admins: Vec<&'static str> = DEMO_USERS
        .iter()
        .filter(|u| u.username.starts_with("admin@"))
        .map(|u| u.token)
        .collect();
    prop_oneof![
        6 => prop::sample::select(admins).prop_map(|t| Some(format!("Token {t}").into_bytes())),
        4 => prop::sample::select(tokens).prop_map(|t| Some(format!("Token {t}").into_bytes())),
        1 => Just(None),
        1 => "(Token|token|Bearer|Basic)( [ -~]{0,40}){0,2}".prop_map(|v| Some(v.into_bytes())),
        1 => header_bytes().prop_map(Some),
    ]
}

/// Bytes a header value may hold (visible ASCII, space, tab, obs-text).
fn header_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![0x20_u8..0x7f, 0x80_u8..=0xff, Just(b'\t')],
        0..40,
    )
    .prop_map(|mut bytes| {
        // No leading or trailing whitespace.
        while bytes.first().is_some_and(u8::is_ascii_whitespace) {
            bytes.remove(0);
        }
        while bytes.last().is_some_and(u8::is_ascii_whitespace) {
            bytes.pop();
        }
        bytes
    })
}

fn content_types() -> impl Strategy<Value = Option<Vec<u8>>> {
    prop_oneof![
        4 => Just(Some(b"application/json".to_vec())),
        1 => Just(Some(b"application/json; charset=utf-8".to_vec())),
        1 => Just(Some(b"application/vnd.crux+json".to_vec())),
        1 => Just(Some(b"text/plain".to_vec())),
        1 => Just(None),
        1 => header_bytes().prop_map(Some),
    ]
}

/// `sample` with one member replaced (`how` 0), dropped (1) or added
/// (else): member `index`, new value `value`.
fn mutate(mut sample: Value, index: prop::sample::Index, value: Value, how: u8) -> Value {
    if let Value::Object(map) = &mut sample {
        let keys: Vec<String> = map.keys().cloned().collect();
        match (how, keys.is_empty()) {
            (0, false) => {
                map.insert(keys[index.index(keys.len())].clone(), value);
            }
            (1, false) => {
                map.remove(&keys[index.index(keys.len())]);
            }
            _ => {
                map.insert("extra".to_owned(), value);
            }
        }
    }
    sample
}

/// The names of the catalogue's endpoints, for a sample of any of them.
fn any_sample() -> impl Strategy<Value = Value> {
    prop::sample::select(ALL).prop_map(|endpoint| sample_for(endpoint.name))
}

/// Any JSON value, small.
fn values() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e300_f64..1e300).prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        "[-0-9.eE]{1,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// How to make the body from the endpoint's sample, if any.
#[derive(Debug, Clone)]
enum BodyPlan {
    /// The endpoint's sample as is.
    Sample,
    /// The endpoint's sample mutated ([`mutate`]).
    Mutated(prop::sample::Index, Value, u8),
    /// The sample cut short: not JSON any more.
    Cut(prop::sample::Index),
    /// These bytes (random, any sample, any JSON value, over the limit).
    Bytes(Vec<u8>),
}

fn encode_json(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("encodes")
}

fn body_plans() -> impl Strategy<Value = BodyPlan> {
    prop_oneof![
        3 => Just(BodyPlan::Sample),
        6 => (any::<prop::sample::Index>(), values(), 0..3_u8)
            .prop_map(|(index, value, how)| BodyPlan::Mutated(index, value, how)),
        1 => any::<prop::sample::Index>().prop_map(BodyPlan::Cut),
        2 => Just(BodyPlan::Bytes(Vec::new())),
        1 => any_sample().prop_map(|v| BodyPlan::Bytes(encode_json(&v))),
        1 => values().prop_map(|v| BodyPlan::Bytes(encode_json(&v))),
        1 => prop::collection::vec(any::<u8>(), 0..256).prop_map(BodyPlan::Bytes),
        // Over the limit.
        1 => Just(BodyPlan::Bytes(vec![b' '; LIMIT + 1])),
    ]
}

impl BodyPlan {
    /// The body for a request to `endpoint` (`None`: a path off the
    /// catalogue, which gets some endpoint's sample).
    fn body(self, endpoint: Option<&Endpoint>) -> Vec<u8> {
        let sample = || sample_for(endpoint.map_or("", |e| e.name));
        match self {
            Self::Sample => encode_json(&sample()),
            Self::Mutated(index, value, how) => encode_json(&mutate(sample(), index, value, how)),
            Self::Cut(at) => {
                let body = encode_json(&sample());
                body[..at.index(body.len())].to_vec()
            }
            Self::Bytes(bytes) => bytes,
        }
    }
}

fn cases() -> impl Strategy<Value = Case> {
    (
        methods(),
        prop::bool::weighted(0.8),
        paths(),
        authorizations(),
        content_types(),
        prop::option::weighted(0.2, 0_usize..=2 * LIMIT),
        body_plans(),
    )
        .prop_map(
            |(method, use_catalogue_method, (endpoint, path), auth, content_type, length, plan)| {
                let method = match &endpoint {
                    Some(endpoint) if use_catalogue_method => {
                        Method::from_bytes(endpoint.method.as_str().as_bytes()).unwrap_or(method)
                    }
                    _ => method,
                };
                let mut headers = Vec::new();
                headers.extend(auth.map(|value| ("authorization", value)));
                headers.extend(content_type.map(|value| ("content-type", value)));
                // A declared length, true or not (hyper would check it).
                headers.extend(length.map(|n| ("content-length", n.to_string().into_bytes())));
                Case {
                    method,
                    path,
                    headers,
                    body: plan.body(endpoint.as_ref()),
                }
            },
        )
}

/// Checks one answer: a documented status, JSON (an object with only a
/// string `detail` for an error), an empty body for a 204 or a `HEAD`.
fn check(case: &Case, response: &Response<Bytes>) -> Result<(), TestCaseError> {
    let status = response.status().as_u16();
    prop_assert!(DOCUMENTED.contains(&status), "status {status}");
    if status == 204 || case.method == Method::HEAD {
        prop_assert!(response.body().is_empty(), "{:?}", response.body());
        return Ok(());
    }
    prop_assert_eq!(
        response
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.as_bytes()),
        Some(&b"application/json"[..])
    );
    let json: Value = serde_json::from_slice(response.body())
        .map_err(|err| TestCaseError::fail(format!("{status}: not JSON: {err}")))?;
    if status >= 400 {
        let object = json
            .as_object()
            .ok_or_else(|| TestCaseError::fail("not an object"))?;
        prop_assert_eq!(object.len(), 1, "{}", json);
        prop_assert!(object["detail"].is_string(), "{}", json);
    }
    Ok(())
}

#[test]
fn arbitrary_requests_never_panic_and_answer_documented_json() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime");
    // One sandbox for all the cases: the writes that succeed change the
    // state the next cases see, as on a real server.
    let sandbox = MockServer::builder()
        .max_body_bytes(LIMIT)
        .sandbox()
        .expect("builds");
    let statuses: Vec<AtomicUsize> = (0..600).map(|_| AtomicUsize::new(0)).collect();
    // 256 cases in CI (well under a second); `PROPTEST_CASES=N` for more.
    let count = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    let mut runner = TestRunner::new(Config {
        cases: count,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&cases(), |case| {
        // Per case, so that shrinking finds the smallest request that panics.
        let panics = sandbox.panics();
        let response = runtime
            .block_on(sandbox.handle(case.request()))
            .map_err(|cut| TestCaseError::fail(format!("cut without a fault: {cut}")))?;
        prop_assert_eq!(sandbox.panics(), panics, "panicked (see stderr)");
        statuses[usize::from(response.status().as_u16())].fetch_add(1, Ordering::Relaxed);
        check(&case, &response)
    });
    if let Err(err) = result {
        panic!("{err}");
    }
    assert_eq!(sandbox.panics(), 0);
    // The cases reach past the guard: some answers are successes, some
    // the domain's 4xx, not only 401 and 404.
    let seen = |code: usize| statuses[code].load(Ordering::Relaxed);
    assert!(seen(200) > 0, "no 200");
    assert!(seen(400) + seen(422) + seen(415) > 0, "no body error");
    assert!(seen(413) > 0, "no 413");
}
