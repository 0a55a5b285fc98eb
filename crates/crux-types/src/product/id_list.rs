//! The id-list bodies of the add, remove and export calls.

use serde::{Deserialize, Serialize};

use crate::id::{ItemId, SkuId};

/// `{"item_uuids": [...]}`: the body of the add-items and remove-items
/// calls of catalogs and inventory lists, of Get Item Export
/// (`POST /products/items/export/`) and of Get Item Export by Search
/// (`POST /products/items/search/export/`, which documents the same body;
/// docs/spec-decisions.md, E-25).
///
/// ```
/// use crux_types::{ItemId, ItemIdList};
///
/// let id: ItemId = "6dc3646a-8719-483e-8b4c-617215fb1bf0".parse()?;
/// assert_eq!(
///     serde_json::to_string(&ItemIdList::new([id]))?,
///     r#"{"item_uuids":["6dc3646a-8719-483e-8b4c-617215fb1bf0"]}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemIdList {
    /// The items, in order. Always written, `[]` when empty; `null` or a
    /// missing key reads as empty.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub item_uuids: Vec<ItemId>,
}

impl ItemIdList {
    /// A list of the items `ids`, in order.
    #[must_use]
    pub fn new(ids: impl IntoIterator<Item = ItemId>) -> Self {
        Self {
            item_uuids: ids.into_iter().collect(),
        }
    }
}

impl FromIterator<ItemId> for ItemIdList {
    fn from_iter<I: IntoIterator<Item = ItemId>>(ids: I) -> Self {
        Self::new(ids)
    }
}

/// `{"sku_uuids": [...]}`: the body of the add-SKUs and remove-SKUs calls
/// of catalogs and inventory lists. The remove-SKUs page of inventory lists
/// names the field `skus` in its text; its sample and every example send
/// `sku_uuids`, which is what is sent (docs/spec-decisions.md, E-19).
///
/// ```
/// use crux_types::{SkuId, SkuIdList};
///
/// let id: SkuId = "26476fbe-3427-4648-9925-2090e06a41e9".parse()?;
/// assert_eq!(
///     serde_json::to_string(&SkuIdList::new([id]))?,
///     r#"{"sku_uuids":["26476fbe-3427-4648-9925-2090e06a41e9"]}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SkuIdList {
    /// The SKUs, in order. Always written, `[]` when empty; `null` or a
    /// missing key reads as empty.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sku_uuids: Vec<SkuId>,
}

impl SkuIdList {
    /// A list of the SKUs `ids`, in order.
    #[must_use]
    pub fn new(ids: impl IntoIterator<Item = SkuId>) -> Self {
        Self {
            sku_uuids: ids.into_iter().collect(),
        }
    }
}

impl FromIterator<SkuId> for SkuIdList {
    fn from_iter<I: IntoIterator<Item = SkuId>>(ids: I) -> Self {
        Self::new(ids)
    }
}
