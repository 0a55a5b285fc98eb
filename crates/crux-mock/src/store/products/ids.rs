//! The ids of the product world: crux-types' typed ids, a parser for path
//! text, and the mock's own connection id (connections are not served
//! yet, issue 10).

use std::fmt;
use std::str::FromStr;

pub(crate) use crux_types::{CatalogId, CategoryId, ImageId, InventoryListId, ItemId, SkuId};
use uuid::Uuid;

/// The id in `text` (a path segment), if it is one.
pub(crate) fn parse_id<T: FromStr>(text: &str) -> Option<T> {
    text.parse().ok()
}

/// A connection between a retailer and a supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ConnectionId(pub(crate) Uuid);

impl fmt::Display for ConnectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
