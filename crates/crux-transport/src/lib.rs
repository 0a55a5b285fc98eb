//! Pluggable HTTP transport for crux-rs.
//!
//! # What a transport is
//!
//! A [`Transport`] takes one fully built `http::Request<Bytes>` and returns the
//! whole `http::Response<Bytes>`, or a [`TransportError`]. It knows nothing
//! about CRUX: no models, no tokens, no URLs beyond the one it is handed. The
//! client in `crux-api` builds requests, decides on retries and decodes
//! responses; the transport only moves bytes.
//!
//! Transports are held as a [`SharedTransport`], a cheap-to-clone
//! `Arc<dyn Transport>`, so one connection pool serves every clone of a client.
//!
//! # What a transport is responsible for
//!
//! - **Connecting and TLS**, including the connect timeout.
//! - **The response size limit**, enforced *while reading*: a transport must
//!   not buffer more than its configured maximum, and should fail before
//!   reading when a declared `Content-Length` is already over it
//!   ([`TransportErrorKind::BodyTooLarge`]).
//! - **Telling whether a failed request may have reached the server**
//!   ([`TransportError::may_have_been_sent`]). Answer `false` only when it is
//!   certain that no byte of the request was written (refused connection, DNS
//!   failure, TLS handshake failure, connect timeout).
//!
//! # What it must not do
//!
//! - **Retry.** Retries belong to the client, which knows whether a method is
//!   idempotent; a transport that re-sends a POST could create an order twice.
//! - **Log or echo headers.** Requests carry the API token in `Authorization`
//!   (marked sensitive); errors must never include header values.
//!
//! The client in `crux-api` also applies its own per-request deadline around
//! [`Transport::send`], on its timer (`crux_api::rt::AsyncSleep`: tokio's by
//! default, or the one given to `ClientBuilder::sleep_impl`), on any
//! executor: a call that finds no timer fails before sending rather than run
//! without a deadline. So a transport without a timeout of its own still
//! cannot hang a call forever. A transport with one (as [`HyperTransport`]
//! has) may stop a request earlier.
//!
//! # Implementations
//!
//! - [`HyperTransport`] (feature `hyper`, on by default): hyper 1.x with
//!   hyper-util's pooled client and rustls (`ring` provider).
//! - [`test_util`] (feature `test-util`): fakes for testing the layers above.
#![cfg_attr(docsrs, feature(doc_auto_cfg))]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod error;
#[cfg(feature = "hyper")]
mod hyper_impl;
mod shared;
#[cfg(feature = "test-util")]
pub mod test_util;

pub use bytes::Bytes;
pub use error::{BoxError, TransportError, TransportErrorKind};
#[cfg(feature = "hyper")]
pub use hyper_impl::{HyperTransport, HyperTransportBuilder};
pub use shared::{BoxFuture, SharedTransport, Transport};
