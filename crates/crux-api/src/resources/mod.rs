//! The endpoints, one file per resource: its handle (`Users`, returned by
//! [`Client::users`](crate::Client::users)) and the request value of each of
//! its operations (`ListUsers`, returned by `client.users().list()`), which
//! is sent by `.await`ing it.
//!
//! A handle is named after the [`Client`](crate::Client) method that returns
//! it, and its methods after the operation's verb in the endpoint catalogue
//! ([`crux_types::endpoint`], `resource.verb`), where each request's method,
//! path, caller and permissions are declared once.

mod catalogs;
mod connections;
mod discovery;
mod inventory_lists;
mod items;
mod notifications;
mod orders;
mod organization;
mod permissions;
mod skus;
mod users;

#[cfg(feature = "accounting")]
mod payment_method;
#[cfg(feature = "accounting")]
mod subscription;
#[cfg(feature = "accounting")]
mod transactions;

pub use catalogs::*;
pub use connections::*;
pub use discovery::*;
pub use inventory_lists::*;
pub use items::*;
pub use notifications::*;
pub use orders::*;
pub use organization::*;
pub use permissions::*;
pub use skus::*;
pub use users::*;

#[cfg(feature = "accounting")]
pub use payment_method::*;
#[cfg(feature = "accounting")]
pub use subscription::*;
#[cfg(feature = "accounting")]
pub use transactions::*;
