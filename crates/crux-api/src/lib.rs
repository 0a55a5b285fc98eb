#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod builder;
mod client;
mod config;
mod endpoint_macro;
mod error;
mod json_path;
mod pagination;
mod request;
mod retry;

#[cfg(feature = "accounting")]
pub mod accounting;
pub mod organization;
pub mod resources;
pub mod rt;

pub use builder::{ClientBuilder, Environment};
pub use client::Client;
pub use error::{Error, ErrorKind};
pub use request::ResponseFuture;
pub use retry::{RetryBudget, RetryPolicy, RetryStats};

/// The transport crate, re-exported to plug in another HTTP stack.
pub use crux_transport as transport;
/// The model crate, re-exported so that one dependency is enough.
pub use crux_types as types;
