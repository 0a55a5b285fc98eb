//! Test support: a small hyper server on loopback that records every request
//! and answers what the test tells it to.
//!
//! Each server runs on the test's own tokio runtime and is aborted when its
//! handle drops, so nothing outlives the test.
#![allow(dead_code, unreachable_pub)]

use std::{
    convert::Infallible,
    future::Future,
    pin::Pin,
    sync::{Arc, Mutex},
};

use bytes::Bytes;
use http::{HeaderMap, Method, Request, Response, StatusCode, Uri};
use http_body_util::{BodyExt, Full};
use hyper::{body::Incoming, service::service_fn};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::{net::TcpListener, task::JoinHandle};

pub mod raw;
pub mod sent;

/// The token used by tests: if it ever shows up in output, a test fails.
pub const CANARY: &str = "canary-7f3e9a1c2b4d";

/// The seed page's sample (`GET /organizations/users/all/`), shared with crux-types.
pub const USERS_JSON: &str =
    include_str!("../../../crux-types/tests/fixtures/organization/get_all_users.json");

/// What the server saw of one request.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: Method,
    pub uri: Uri,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// What the server does with a request.
pub enum Reply {
    /// Answer this response.
    Respond(Response<Bytes>),
    /// Read the request, then never answer.
    Never,
}

impl Reply {
    /// A response with `status`, `content-type` and `body`.
    pub fn with(status: u16, content_type: &str, body: impl Into<Bytes>) -> Self {
        let mut response = Response::new(body.into());
        *response.status_mut() = StatusCode::from_u16(status).expect("valid status");
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            content_type.parse().expect("valid header"),
        );
        Self::Respond(response)
    }

    /// A JSON response.
    pub fn json(status: u16, body: impl Into<Bytes>) -> Self {
        Self::with(status, "application/json", body)
    }
}

type Handler = dyn Fn(&Recorded) -> Reply + Send + Sync;

/// A running test server. Dropping it stops it.
pub struct TestServer {
    pub base_url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
    task: JoinHandle<()>,
}

impl TestServer {
    /// Starts a plain-HTTP server on 127.0.0.1 and a random port.
    pub async fn start(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let base_url = format!("http://{}", listener.local_addr().expect("local addr"));
        Self::serve(listener, base_url, handler, |stream| {
            Box::pin(async move { Some(stream) })
        })
    }

    /// Starts a server that accepts connections through `wrap` (for TLS).
    pub fn serve<S, W>(
        listener: TcpListener,
        base_url: String,
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
        wrap: W,
    ) -> Self
    where
        S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Send + Unpin + 'static,
        W: Fn(tokio::net::TcpStream) -> Pin<Box<dyn Future<Output = Option<S>> + Send>>
            + Send
            + Sync
            + 'static,
    {
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let recorded = Arc::clone(&requests);
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let handler = Arc::clone(&handler);
                let recorded = Arc::clone(&recorded);
                let accepted = wrap(stream);
                tokio::spawn(async move {
                    let Some(stream) = accepted.await else { return };
                    let service = service_fn(move |request: Request<Incoming>| {
                        let handler = Arc::clone(&handler);
                        let recorded = Arc::clone(&recorded);
                        async move {
                            let (parts, body) = request.into_parts();
                            let body = body
                                .collect()
                                .await
                                .map(|b| b.to_bytes())
                                .unwrap_or_default();
                            let seen = Recorded {
                                method: parts.method,
                                uri: parts.uri,
                                headers: parts.headers,
                                body,
                            };
                            let reply = handler(&seen);
                            recorded.lock().expect("lock").push(seen);
                            match reply {
                                Reply::Respond(response) => {
                                    Ok::<_, Infallible>(response.map(Full::new))
                                }
                                Reply::Never => std::future::pending().await,
                            }
                        }
                    });
                    let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Self {
            base_url,
            requests,
            task,
        }
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().expect("lock").clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A client for `server` with the canary token, retrying by the default
/// rules but without jitter (every backoff is zero), so that no test waits
/// for a real backoff.
pub fn client_for(base_url: &str) -> crux_api::Client {
    crux_api::Client::builder()
        .token(CANARY)
        .base_url(base_url)
        .retry(crux_api::RetryPolicy::new().random(|| 0.0))
        .build()
        .expect("client builds")
}

/// A users list of `n` users, generated deterministically from the sample's shape.
pub fn users_json(n: usize) -> String {
    let mut out = String::from("[");
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            r#"{{"uuid":"00000000-0000-4000-8000-{i:012}","person":{{"uuid":"00000000-0000-4000-9000-{i:012}","first_name":"User","last_name":"{i}","email":"user{i}@example.com","phone":null}},"permission_assignments":{{"permissions":[{{"assigned":true,"permission":{{"uuid":"68b1647d-b6a7-48b1-9ec2-bf2f1003b6cc","name":"view_org_users","display_name":"View Users","description":"Ability to see the users in an organization","visibility":"BOTH","grouping":"ORGUSERS"}}}}],"org_user":{{"uuid":"00000000-0000-4000-8000-{i:012}"}}}},"status":"ACTIVE"}}"#
        ));
    }
    out.push(']');
    out
}
