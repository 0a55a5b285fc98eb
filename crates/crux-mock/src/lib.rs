#![doc = include_str!("../README.md")]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod body;
mod demo;
mod domain;
mod error;
mod faults;
mod guard;
mod json;
mod routes;
mod sandbox;
mod server;
mod service;
mod shared;
mod store;

pub use demo::{
    DEMO_ORGANIZATIONS, DEMO_PERMISSIONS, DEMO_USERS, DemoOrganization, DemoPermission, DemoUser,
};
pub use faults::{Fault, ParseFaultError};
pub use sandbox::{Cut, Sandbox};
pub use server::{ExportRecord, MockServer, MockServerBuilder};
