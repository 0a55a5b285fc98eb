//! A tiny HTTP/1.1 client for the tests: one request per connection, with
//! hyper's low-level client (so connection faults surface as errors), plus
//! raw TCP helpers.

#![allow(
    dead_code,
    unreachable_pub,
    reason = "each test binary uses a different subset of the helpers"
)]

pub mod orders;
pub mod products;

use std::time::Duration;

use bytes::Bytes;
use crux_mock::MockServer;
use http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A response: head, and the body or the error reading it.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Result<Bytes, hyper::Error>,
}

impl Reply {
    /// The body; panics if reading it failed.
    pub fn bytes(&self) -> &Bytes {
        self.body.as_ref().expect("body read")
    }

    /// The body as JSON; panics if it is not.
    pub fn json(&self) -> Value {
        serde_json::from_slice(self.bytes()).unwrap_or_else(|err| {
            panic!(
                "body is not JSON ({err}): {:?}",
                String::from_utf8_lossy(self.bytes())
            )
        })
    }

    /// The value of header `name`, as text.
    pub fn header(&self, name: impl header::AsHeaderName) -> Option<&str> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ASCII header"))
    }

    /// Checks a 200 JSON response and decodes it as a `T` (a crux-types
    /// model).
    #[track_caller]
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> T {
        assert_eq!(
            self.status,
            StatusCode::OK,
            "{:?}",
            String::from_utf8_lossy(self.bytes())
        );
        assert_eq!(self.header(header::CONTENT_TYPE), Some("application/json"));
        serde_json::from_slice(self.bytes()).unwrap_or_else(|err| {
            panic!(
                "body does not decode ({err}): {:?}",
                String::from_utf8_lossy(self.bytes())
            )
        })
    }

    /// Checks that a 200 body is exactly the re-encoded `T` (the mock sends
    /// the crux-types models), and returns it pretty-printed in wire order,
    /// for a snapshot.
    #[track_caller]
    pub fn wire<T: serde::de::DeserializeOwned + serde::Serialize>(&self) -> String {
        let value: T = self.decode();
        let compact = serde_json::to_string(&value).expect("encodes");
        assert_eq!(compact.as_bytes(), self.bytes().as_ref());
        serde_json::to_string_pretty(&value).expect("encodes")
    }

    /// Checks an error response: `status`, JSON content type, a `detail`
    /// string; returns the detail.
    #[track_caller]
    pub fn assert_detail(&self, status: StatusCode) -> String {
        assert_eq!(self.status, status, "{:?}", self.body);
        assert_eq!(self.header(header::CONTENT_TYPE), Some("application/json"));
        let json = self.json();
        let object = json.as_object().expect("an object");
        assert_eq!(object.len(), 1, "only `detail`: {json}");
        json["detail"]
            .as_str()
            .expect("detail is a string")
            .to_owned()
    }
}

/// Sends one request on a new connection.
pub async fn send(
    server: &MockServer,
    method: Method,
    path: &str,
    headers: &[(&str, &[u8])],
    body: impl Into<Bytes>,
) -> Result<Reply, hyper::Error> {
    let stream = TcpStream::connect(server.local_addr())
        .await
        .expect("connect to the mock");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);

    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, server.local_addr().to_string());
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(Full::new(body.into())).expect("valid request");
    let response = sender.send_request(request).await?;
    let (parts, body) = response.into_parts();
    let body = body.collect().await.map(|collected| collected.to_bytes());
    Ok(Reply {
        status: parts.status,
        headers: parts.headers,
        body,
    })
}

/// `GET path`, with `Authorization: Token <token>` if given; panics on a
/// connection error.
pub async fn get(server: &MockServer, path: &str, token: Option<&str>) -> Reply {
    let auth = token.map(|token| format!("Token {token}"));
    let headers: Vec<(&str, &[u8])> = auth
        .iter()
        .map(|value| ("authorization", value.as_bytes()))
        .collect();
    send(server, Method::GET, path, &headers, Bytes::new())
        .await
        .expect("request answered")
}

/// `POST path` with a JSON content type and `body`; panics on a connection
/// error.
pub async fn post_json(server: &MockServer, path: &str, body: impl Into<Bytes>) -> Reply {
    send(
        server,
        Method::POST,
        path,
        &[("content-type", b"application/json; charset=utf-8")],
        body,
    )
    .await
    .expect("request answered")
}

/// `method path` as `user` (`Authorization: Token ...`), with a JSON body
/// (`Content-Type: application/json; charset=utf-8`) when `body` is given;
/// panics on a connection error.
pub async fn call(
    server: &MockServer,
    method: Method,
    path: &str,
    user: &crux_mock::DemoUser,
    body: Option<String>,
) -> Reply {
    let auth = format!("Token {}", user.token);
    let mut headers: Vec<(&str, &[u8])> = vec![("authorization", auth.as_bytes())];
    if body.is_some() {
        headers.push(("content-type", b"application/json; charset=utf-8"));
    }
    send(server, method, path, &headers, body.unwrap_or_default())
        .await
        .expect("request answered")
}

/// `GET path` as `user`.
pub async fn get_as(server: &MockServer, path: &str, user: &crux_mock::DemoUser) -> Reply {
    get(server, path, Some(user.token)).await
}

/// `method path` as `user`, with `body` encoded as JSON.
pub async fn send_json(
    server: &MockServer,
    method: Method,
    path: &str,
    user: &crux_mock::DemoUser,
    body: &impl serde::Serialize,
) -> Reply {
    let body = serde_json::to_string(body).expect("encodes");
    call(server, method, path, user, Some(body)).await
}

/// `method path` as `user`, with a raw body and `Content-Type` (none when
/// `None`).
pub async fn send_raw(
    server: &MockServer,
    method: Method,
    path: &str,
    user: &crux_mock::DemoUser,
    content_type: Option<&str>,
    body: &str,
) -> Reply {
    let auth = format!("Token {}", user.token);
    let mut headers: Vec<(&str, &[u8])> = vec![("authorization", auth.as_bytes())];
    if let Some(content_type) = content_type {
        headers.push(("content-type", content_type.as_bytes()));
    }
    send(server, method, path, &headers, body.to_owned())
        .await
        .expect("request answered")
}

/// The users list path.
pub const USERS: &str = "/organizations/users/all/";
/// The login path.
pub const LOGIN: &str = "/organizations/user-login/";

/// The demo user with this username.
pub fn demo(username: &str) -> &'static crux_mock::DemoUser {
    crux_mock::DEMO_USERS
        .iter()
        .find(|user| user.username == username)
        .expect("demo user exists")
}

/// The retailer admin's token.
pub fn retailer_admin() -> &'static crux_mock::DemoUser {
    demo("admin@retail.demo.example")
}

/// Retailer buyer: no `view_org_users`, no billing permissions.
pub fn buyer() -> &'static crux_mock::DemoUser {
    demo("buyer@retail.demo.example")
}

/// Retailer viewer: `view_*` permissions but not `view_payment_info` or
/// `view_notifications_settings`, no `edit_*`.
pub fn viewer() -> &'static crux_mock::DemoUser {
    demo("viewer@retail.demo.example")
}

/// Supplier admin: every supplier permission.
pub fn supply_admin() -> &'static crux_mock::DemoUser {
    demo("admin@supply.demo.example")
}

/// Supplier warehouse: `view_notifications_settings` without
/// `edit_email_notifications_preferences`, no `view_org_users`.
pub fn warehouse() -> &'static crux_mock::DemoUser {
    demo("warehouse@supply.demo.example")
}

/// Supplier finance: billing permissions, `view_org_users` without
/// `edit_org_users`, no `view_order`.
pub fn finance() -> &'static crux_mock::DemoUser {
    demo("finance@supply.demo.example")
}

/// DRF's 403 sentence, which the mock's 403 detail starts with.
pub const PERMISSION_DENIED: &str = "You do not have permission to perform this action.";

/// Checks the mock's 403: DRF's sentence, then ``(needs `a` and `b`)``
/// naming demo permissions; returns the names.
#[track_caller]
pub fn assert_forbidden(reply: &Reply) -> Vec<String> {
    let detail = reply.assert_detail(StatusCode::FORBIDDEN);
    let names = detail
        .strip_prefix(PERMISSION_DENIED)
        .and_then(|rest| rest.strip_prefix(" (needs `"))
        .and_then(|rest| rest.strip_suffix("`)"))
        .unwrap_or_else(|| panic!("not the mock's 403 detail: {detail:?}"));
    let names: Vec<String> = names.split("` and `").map(str::to_owned).collect();
    for name in &names {
        assert!(
            crux_mock::DEMO_PERMISSIONS.iter().any(|p| p.name == name),
            "{detail:?} names an unknown permission"
        );
    }
    names
}

/// Checks the mock's 403 naming exactly `permissions` as missing.
#[track_caller]
pub fn assert_forbidden_needs(reply: &Reply, permissions: &[&str]) {
    assert_eq!(assert_forbidden(reply), permissions);
}

/// Writes `bytes` on a new raw connection, closes the write side, and reads
/// until the server closes the connection or 5 seconds pass; returns what
/// was read (possibly partial).
pub async fn raw(server: &MockServer, bytes: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(server.local_addr())
        .await
        .expect("connect to the mock");
    // The server may close before reading everything: ignore write errors.
    let _ = stream.write_all(bytes).await;
    let _ = stream.shutdown().await;
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut out)).await;
    out
}

/// Splits a raw HTTP/1.1 response into its head (as text) and body.
pub fn split_raw(response: &[u8]) -> (String, &[u8]) {
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete head");
    (
        String::from_utf8_lossy(&response[..end]).into_owned(),
        &response[end + 4..],
    )
}
