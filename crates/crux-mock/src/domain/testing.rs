//! Helpers for the domain's unit tests: the demo store and its actors.

use super::Actor;
use super::access::authenticate;
use crate::demo::DemoUser;
use crate::store::Store;

/// A fresh demo store.
pub(crate) fn store() -> Store {
    Store::demo().expect("the demo data builds")
}

/// The token of the demo user `username`.
pub(crate) fn token(username: &str) -> &'static str {
    DemoUser::find(username).expect("a demo user").token
}

/// The actor of the active demo user `username`.
pub(crate) fn actor(username: &str) -> Actor {
    authenticate(&store(), token(username)).expect("an active demo user")
}

/// The user id of the demo user `username`, as text.
pub(crate) fn user_id(username: &str) -> &'static str {
    DemoUser::find(username).expect("a demo user").user_uuid
}
