//! The domain layer: plain functions on the [`Store`](crate::store::Store),
//! one per operation, named as the catalogue names it (`users::list` is
//! `users.list`). Each takes the [`Actor`] and already-extracted inputs,
//! and returns a [`DomainError`] on failure; `crate::error` maps those to
//! HTTP statuses in one place. Nothing here knows HTTP, so every rule is
//! unit-tested without a server.
//!
//! Inputs arrive as the request gave them: path ids as text (a malformed
//! id is the same 404 as an unknown one) and bodies as a decoded JSON
//! value, or the error of decoding it, which a function returns only after
//! its 404 checks (as DRF reads the body after `get_object()`).

pub(crate) mod access;
pub(crate) mod accounting;
pub(crate) mod catalogs;
pub(crate) mod connections;
pub(crate) mod discovery;
pub(crate) mod fields;
pub(crate) mod inventory_lists;
pub(crate) mod items;
pub(crate) mod login;
pub(crate) mod membership;
pub(crate) mod notifications;
pub(crate) mod orders;
pub(crate) mod organization;
pub(crate) mod permissions;
pub(crate) mod search;
pub(crate) mod skus;
pub(crate) mod users;
pub(crate) mod values;
pub(crate) mod views;

use crux_types::endpoint::Endpoint;
use crux_types::{OrgType, OrganizationId, UserId};
use serde_json::Value;

/// Who is calling: the user behind a valid token, their organization and
/// its type. Built by [`access::authenticate`]; checked against the
/// endpoint catalogue by [`access::authorize`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Actor {
    /// The calling user.
    pub(crate) user: UserId,
    /// The user's organization.
    pub(crate) org: OrganizationId,
    /// The organization's type.
    pub(crate) org_type: OrgType,
}

/// A request body as the domain gets it: the JSON value, or why it could
/// not be read (415, 400).
pub(crate) type Body = Result<Value, DomainError>;

/// Why an operation failed. `crate::error` maps each to its status and
/// `detail`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DomainError {
    /// 401: no valid token, or the token of a user who may not use it.
    Unauthenticated(&'static str),
    /// 409: the endpoint is not for the caller's organization type.
    WrongOrganizationType {
        /// The endpoint called.
        endpoint: &'static Endpoint,
        /// The caller's organization type.
        org_type: OrgType,
    },
    /// 403: the caller lacks these permissions (all of those missing).
    MissingPermissions(Vec<&'static str>),
    /// 404: no such object, or not one the caller's organization may see.
    NotFound,
    /// 415: the body is not JSON (the `Content-Type` given).
    UnsupportedMediaType(String),
    /// 400: the body or a field of it is invalid (DRF's message).
    Invalid(String),
    /// 422: the action cannot be done on this object in its current state
    /// (the order endpoints: cancelling what is already allocated).
    Unprocessable(String),
    /// 500: the store contradicts itself (a user without organization).
    Inconsistent(&'static str),
}

impl DomainError {
    /// 400 with `detail`.
    pub(crate) fn invalid(detail: impl Into<String>) -> Self {
        Self::Invalid(detail.into())
    }
}

/// The result of a domain function.
pub(crate) type Outcome<T> = Result<T, DomainError>;

#[cfg(test)]
pub(crate) mod testing;
