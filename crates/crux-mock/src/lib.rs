#![doc = include_str!("../README.md")]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod auth;
mod body;
mod demo;
mod error;
mod faults;
mod json;
mod routes;
mod server;
mod service;
mod state;

pub use demo::{
    DEMO_ORGANIZATIONS, DEMO_PERMISSIONS, DEMO_USERS, DemoOrganization, DemoPermission, DemoUser,
};
pub use faults::{Fault, ParseFaultError};
pub use server::{MockServer, MockServerBuilder};
