//! The organization section: users, permissions, the organization itself.
//!
//! One file per endpoint; each request value is sent by `.await`ing it.

mod users;

pub use users::{ListUsers, Users};
