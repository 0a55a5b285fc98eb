//! The ids of the product world: crux-types' typed ids, and a parser for
//! path text.

use std::str::FromStr;

pub(crate) use crux_types::{
    CatalogId, CategoryId, ConnectionId, ImageId, InventoryListId, ItemId, SkuId,
};

/// The id in `text` (a path segment), if it is one.
pub(crate) fn parse_id<T: FromStr>(text: &str) -> Option<T> {
    text.parse().ok()
}
