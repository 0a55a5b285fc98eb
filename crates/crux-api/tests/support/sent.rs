//! Requests as a transport received them: described for snapshots, and
//! matched to their catalogue row for the coverage tests; and request values
//! checked, before they are awaited, to hold no token in their `Debug`.

use std::{cell::Cell, collections::BTreeSet, fmt::Debug};

use crux_api::types::endpoint::{self, Endpoint};

use super::CANARY;

thread_local! {
    /// How many values [`checked_for`] has checked on this thread (a
    /// `#[tokio::test]` runs its future on the test's own thread).
    static CHECKED: Cell<usize> = const { Cell::new(0) };
}

/// `request` (a request value, before it is awaited), checked to hold the
/// test token nowhere in its `Debug` (plain or pretty), and counted.
///
/// ```ignore
/// let users = checked(client.users().list()).await?;
/// ```
#[track_caller]
pub fn checked<R: Debug>(request: R) -> R {
    checked_for(CANARY, request)
}

/// [`checked`] for another token (a client made by a login).
#[track_caller]
pub fn checked_for<R: Debug>(token: &str, request: R) -> R {
    assert!(!token.is_empty());
    for shown in [format!("{request:?}"), format!("{request:#?}")] {
        assert!(
            !shown.contains(token),
            "a request value's Debug shows the token: {shown}"
        );
    }
    CHECKED.with(|checked| checked.set(checked.get() + 1));
    request
}

/// How many values [`checked`] and [`checked_for`] have checked on this
/// thread so far: compare before and after to count a test's checks.
pub fn checked_count() -> usize {
    CHECKED.with(Cell::get)
}

/// A request as the transport received it.
pub type Sent = http::Request<bytes::Bytes>;

/// A header's value, `-` when absent.
pub fn header(request: &Sent, name: &str) -> String {
    request
        .headers()
        .get(name)
        .map_or("-", |v| v.to_str().unwrap_or("<binary>"))
        .to_owned()
}

/// One entry per request: method, path and query, content type, body.
pub fn describe(request: &Sent) -> String {
    assert_eq!(header(request, "accept"), "application/json");
    let body = String::from_utf8_lossy(request.body());
    format!(
        "{} {}\n  content-type: {}\n  body: {}",
        request.method(),
        request.uri().path_and_query().expect("a path"),
        header(request, "content-type"),
        if body.is_empty() { "(none)" } else { &body },
    )
}

/// Every request described, each checked to carry the test token.
pub fn describe_all(requests: &[Sent]) -> String {
    let described: Vec<String> = requests
        .iter()
        .inspect(|r| assert_eq!(header(r, "authorization"), format!("Token {CANARY}")))
        .map(describe)
        .collect();
    described.join("\n")
}

/// The one catalogue endpoint `request` was sent to.
pub fn endpoint_of(request: &Sent) -> &'static Endpoint {
    let (method, path) = (request.method().as_str(), request.uri().path());
    let matching: Vec<_> = endpoint::ALL
        .iter()
        .filter(|e| e.method.as_str() == method && fills(e.path, path))
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "{method} {path} is one catalogue endpoint"
    );
    matching[0]
}

/// Whether `path` fills the template `template` (a placeholder takes one
/// non-empty segment).
fn fills(template: &str, path: &str) -> bool {
    let (template, path): (Vec<_>, Vec<_>) =
        (template.split('/').collect(), path.split('/').collect());
    template.len() == path.len()
        && template
            .iter()
            .zip(&path)
            .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
}

/// The coverage check of a request-snapshot file: every request in `sent`
/// (collected since `checks_before`, a [`checked_count`]) had its request
/// value's Debug checked for the token, and the requests reach each
/// implemented catalogue row that `rows` selects exactly once, and no other.
/// Returns the names of the rows reached.
pub fn assert_reaches_each_once(
    sent: &[Sent],
    checks_before: usize,
    rows: impl Fn(&Endpoint) -> bool,
) -> BTreeSet<&'static str> {
    assert_eq!(
        checked_count() - checks_before,
        sent.len(),
        "every request value's Debug was checked for the token"
    );
    let reached: Vec<&str> = sent
        .iter()
        .map(|request| endpoint_of(request).name)
        .collect();
    let distinct: BTreeSet<&str> = reached.iter().copied().collect();
    assert_eq!(distinct.len(), reached.len(), "each endpoint once");
    let selected: BTreeSet<&str> = endpoint::ALL
        .iter()
        .filter(|e| e.implemented && rows(e))
        .map(|e| e.name)
        .collect();
    assert_eq!(distinct, selected);
    distinct
}
