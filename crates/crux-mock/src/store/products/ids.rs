//! The ids of the product world's objects. crux-types has no product
//! models on this branch yet, so the mock declares its own typed ids
//! (UUIDs, written as the plain string, as crux-types' ids are); they are
//! swapped for `crux_types::{CatalogId, ItemId, SkuId, InventoryListId}`
//! once those exist.

use std::fmt;

use serde::{Serialize, Serializer};
use uuid::Uuid;

macro_rules! product_id {
    ($(#[$doc:meta] $name:ident;)*) => {$(
        #[$doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) struct $name(pub(crate) Uuid);

        #[allow(dead_code, reason = "categories, images and connections are not read from paths")]
        impl $name {
            /// The id in `text`, if it is a UUID (any case, hyphenated).
            pub(crate) fn parse(text: &str) -> Option<Self> {
                Uuid::try_parse(text).ok().map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&self.0)
            }
        }
    )*};
}

product_id! {
    /// `Catalog.uuid`.
    CatalogId;
    /// `Item.uuid`.
    ItemId;
    /// `Sku.uuid`.
    SkuId;
    /// `InventoryList.uuid`.
    InventoryListId;
    /// `Category.uuid`.
    CategoryId;
    /// `ProductImage.uuid`.
    ImageId;
    /// A connection between a retailer and a supplier.
    ConnectionId;
}
