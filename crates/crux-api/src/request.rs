//! The path of one call: build the request, send it through the transport
//! under a deadline (on the client's [`AsyncSleep`] timer), retry by the
//! [`RetryPolicy`](crate::RetryPolicy) (each retry paid from the client's
//! [`RetryBudget`](crate::RetryBudget)), check the status, decode the body.
//!
//! Every endpoint method ends here, so headers, limits, retries and error
//! reporting are decided once.

use std::{future::Future, pin::Pin, time::Duration};

use bytes::Bytes;
use crux_transport::Transport;
use crux_types::endpoint::Endpoint;
use http::{HeaderMap, HeaderValue, Method, Request, Response, Uri, header};
use serde::{Serialize, de::DeserializeOwned};
use tokio::time::Instant;

use crate::{
    Client, Error, ErrorKind,
    client::ClientInner,
    config::{RequestPath, Token},
    retry::{is_idempotent, is_retryable_status},
    rt::{AsyncSleep, SharedAsyncSleep},
};

/// The future of a request value's `.await`: boxed, `Send`, borrowing the
/// [`Client`].
pub type ResponseFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'a>>;

/// `crux-rs/<version>`, sent as `User-Agent` on every request.
const USER_AGENT: &str = concat!("crux-rs/", env!("CARGO_PKG_VERSION"));
/// The content type of every request body.
const JSON_UTF8: &str = "application/json; charset=utf-8";

impl Client {
    /// Sends a request without a body and decodes a JSON response into `T`.
    pub(crate) async fn get_json<'p, T: DeserializeOwned>(
        &self,
        path: impl Into<RequestPath<'p>>,
    ) -> Result<T, Error> {
        let path = path.into();
        let (response, attempts) = self.call(&Call::new(Method::GET, path, true), None).await?;
        decode(response).map_err(|e| {
            e.with_attempts(attempts)
                .with_request(&Method::GET, path.as_str())
        })
    }

    /// Sends `body` as JSON to `endpoint` (its method; `path` is its path
    /// filled in) and decodes a JSON response into `T`.
    pub(crate) async fn send_json<'p, B: Serialize, T: DeserializeOwned>(
        &self,
        endpoint: &Endpoint,
        path: impl Into<RequestPath<'p>>,
        body: &B,
    ) -> Result<T, Error> {
        let path = path.into();
        let method = crate::endpoint_macro::method(endpoint)?;
        let call = Call::new(method, path, retry_safe(endpoint));
        let (response, attempts) = self.call(&call, Some(encode(body)?)).await?;
        decode(response).map_err(|e| {
            e.with_attempts(attempts)
                .with_request(&call.method, path.as_str())
        })
    }

    /// Sends a request to `endpoint` with an optional JSON body and expects
    /// no particular response: any 2xx is success and its body is discarded
    /// (docs/spec-decisions.md, E-26: most writes document no response).
    pub(crate) async fn send_unit<'p, B: Serialize>(
        &self,
        endpoint: &Endpoint,
        path: impl Into<RequestPath<'p>>,
        body: Option<&B>,
    ) -> Result<(), Error> {
        let path = path.into();
        let method = crate::endpoint_macro::method(endpoint)?;
        let bytes = body.map(encode).transpose()?;
        let call = Call::new(method, path, retry_safe(endpoint));
        self.call(&call, bytes).await.map(drop)
    }

    /// Sends the request, retrying by the policy, and returns a success
    /// response with the number of attempts it took (so that a decode error
    /// can say it too), or the last error, marked by [`mark_outcome`]
    /// whatever the reason the retries stopped.
    async fn call(
        &self,
        call: &Call<'_>,
        body: Option<Bytes>,
    ) -> Result<(Response<Bytes>, u32), Error> {
        let (method, path) = (&call.method, call.path.as_str());
        let sleep = &self.inner.sleep;
        if !sleep.is_available() {
            return Err(Error::no_timer().with_request(method, path));
        }
        self.call_with(sleep, call, body)
            .await
            .map_err(|error| mark_outcome(call, error.with_request(method, path)))
    }

    /// The retry loop. Every exit returns the last attempt's error as it is,
    /// so that [`call`](Self::call) tags and marks all of them in one place.
    async fn call_with(
        &self,
        sleep: &SharedAsyncSleep,
        call: &Call<'_>,
        body: Option<Bytes>,
    ) -> Result<(Response<Bytes>, u32), Error> {
        let inner = &*self.inner;
        let policy = &inner.retry;
        // No deadline when the timeout is too far out to represent (`Duration::MAX`).
        let deadline = Instant::now().checked_add(inner.call_timeout);
        let left = || deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let uri = inner.base_url.join(call.path)?;
        let mut attempt = 1;
        // What the last retry cost the budget, paid back on success.
        let mut last_retry_cost = None;
        loop {
            // The whole call timeout is left at the first attempt (the clock
            // was read just above): no second read.
            let left_now = match attempt {
                1 => deadline.map(|_| inner.call_timeout),
                _ => left(),
            };
            let attempt_timeout = left_now.map_or(inner.timeout, |r| r.min(inner.timeout));
            let request = build_request(inner, call.method.clone(), uri.clone(), body.clone());
            let error = match self.attempt(sleep, request, attempt_timeout).await {
                Ok(response) => {
                    inner.budget.succeeded(last_retry_cost);
                    return Ok((response, attempt));
                }
                Err(error) => error.with_attempts(attempt),
            };
            if !should_retry(call, &error) || attempt >= policy.max_attempts {
                return Err(error);
            }
            let delay = match error.retry_after() {
                Some(asked) if asked > policy.max_backoff => return Err(error),
                Some(asked) => asked,
                None => policy.backoff(attempt + 1),
            };
            if left().is_some_and(|left| delay >= left) {
                return Err(error);
            }
            // Last, so that only a retry about to happen is paid for.
            match inner.budget.try_acquire(timed_out(&error)) {
                Ok(cost) => last_retry_cost = Some(cost),
                Err(_refused) => return Err(error),
            }
            sleep.sleep(delay).await;
            attempt += 1;
        }
    }

    /// One attempt: send under the per-attempt deadline, enforce the size
    /// limit, and turn a non-success status into an error.
    async fn attempt(
        &self,
        sleep: &SharedAsyncSleep,
        request: Request<Bytes>,
        timeout: Duration,
    ) -> Result<Response<Bytes>, Error> {
        let inner = &*self.inner;
        let sent = inner.transport.send(request);
        // A transport that already enforces this deadline needs no second timer.
        let response = if inner.transport_timeout.is_some_and(|t| t <= timeout) {
            sent.await
        } else {
            crate::rt::timeout(sleep, timeout, sent)
                .await
                .ok_or_else(Error::timeout)?
        };
        let response = response.map_err(Error::transport)?;
        if response.body().len() > inner.max_response_body_bytes {
            return Err(Error::body_too_large(inner.max_response_body_bytes));
        }
        if !response.status().is_success() {
            return Err(Error::from_status(
                response.status(),
                response.headers(),
                response.body(),
            ));
        }
        Ok(response)
    }
}

/// One attempt's request: the headers are a clone of the client's ready
/// [`RequestHeaders`] (no hashing, one allocation a map).
fn build_request(
    inner: &ClientInner,
    method: Method,
    uri: Uri,
    body: Option<Bytes>,
) -> Request<Bytes> {
    let headers = match body {
        Some(_) => &inner.headers.with_body,
        None => &inner.headers.without_body,
    };
    let mut request = Request::new(body.unwrap_or_default());
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers.clone();
    request
}

/// The headers of every request, built once per client: `Authorization`
/// (when there is a token, marked sensitive), `Accept` and `User-Agent`,
/// then `Content-Type` for a request with a body; in that order.
#[derive(Debug, Clone)]
pub(crate) struct RequestHeaders {
    without_body: HeaderMap,
    with_body: HeaderMap,
}

impl RequestHeaders {
    pub(crate) fn new(token: Option<&Token>) -> Self {
        // Room for the `Host` header hyper adds to an HTTP/1 request (and
        // `Content-Type`), so that adding it to a clone does not rehash.
        let mut without_body = HeaderMap::with_capacity(6);
        if let Some(token) = token {
            without_body.insert(header::AUTHORIZATION, token.header_value().clone());
        }
        without_body.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        without_body.insert(header::USER_AGENT, HeaderValue::from_static(USER_AGENT));
        let mut with_body = without_body.clone();
        with_body.insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON_UTF8));
        Self {
            without_body,
            with_body,
        }
    }
}

/// One call's method, path, and whether sending it twice is harmless.
struct Call<'a> {
    method: Method,
    path: RequestPath<'a>,
    /// An idempotent method, or a read ([`Endpoint::read`]): retried on any
    /// retryable failure, not only when it provably never left.
    idempotent: bool,
}

impl<'a> Call<'a> {
    fn new(method: Method, path: RequestPath<'a>, read: bool) -> Self {
        let idempotent = read || is_idempotent(&method);
        Self {
            method,
            path,
            idempotent,
        }
    }
}

/// Whether a retry of `endpoint` can never do anything twice: its catalogue
/// row says it only reads (the POST searches and the fee quote; the README,
/// "Retries").
fn retry_safe(endpoint: &Endpoint) -> bool {
    endpoint.read
}

/// Whether `error` is worth another attempt of `call`.
fn should_retry(call: &Call<'_>, error: &Error) -> bool {
    let idempotent = call.idempotent;
    if let Some(transport) = error.transport_error() {
        use crux_transport::TransportErrorKind::{BodyTooLarge, Other, Tls};
        // The same again would fail the same way: a certificate, a body over
        // the limit, an answer that is not HTTP or a request the transport
        // refuses to send.
        let hopeless = matches!(transport.kind(), Tls | BodyTooLarge | Other);
        return !hopeless && (idempotent || !transport.may_have_been_sent());
    }
    match error.kind() {
        ErrorKind::Timeout => idempotent,
        ErrorKind::Status => idempotent && error.status().is_some_and(is_retryable_status),
        _ => false,
    }
}

/// Whether `error` is an attempt that ran out of time (the client's deadline
/// or the transport's): its retry costs more of the budget.
fn timed_out(error: &Error) -> bool {
    error.is_timeout()
        || error
            .transport_error()
            .is_some_and(|t| t.kind() == crux_transport::TransportErrorKind::Timeout)
}

/// A POST or PATCH that failed after it may have reached the server has an
/// unknown outcome: say so rather than retry it.
fn mark_outcome(call: &Call<'_>, error: Error) -> Error {
    if call.idempotent {
        return error;
    }
    let may_have_been_sent = match error.transport_error() {
        Some(transport) => transport.may_have_been_sent(),
        None => error.kind() == ErrorKind::Timeout,
    };
    if may_have_been_sent {
        error.with_outcome_unknown()
    } else {
        error
    }
}

/// Encodes a request body as JSON.
fn encode<B: Serialize>(body: &B) -> Result<Bytes, Error> {
    serde_json::to_vec(body)
        .map(Bytes::from)
        .map_err(|e| Error::config("the request body could not be encoded").with_source(e))
}

/// Implements `IntoFuture` for a request value: `|request| body` turns the
/// value into the call's result.
macro_rules! into_future {
    ($name:ident => $output:ty, |$request:ident| $body:expr) => {
        impl<'a> ::std::future::IntoFuture for $name<'a> {
            type Output = Result<$output, crate::Error>;
            type IntoFuture = crate::ResponseFuture<'a, $output>;

            fn into_future(self) -> Self::IntoFuture {
                let $request = self;
                Box::pin(async move { $body })
            }
        }
    };
}
pub(crate) use into_future;

/// Decodes a success body. When it fails, the non-generic
/// [`Error::decode`] names the JSON path of the failure from the error's
/// position (`crate::json_path`), so the body is decoded only once and each
/// model's `Deserialize` impl is instantiated only once.
fn decode<T: DeserializeOwned>(response: Response<Bytes>) -> Result<T, Error> {
    let (parts, body) = response.into_parts();
    serde_json::from_slice(&body).map_err(|e| Error::decode(parts.status, &body, e))
}
