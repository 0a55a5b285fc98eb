//! Small references to other objects, as they appear inside catalogs, items,
//! SKUs and inventory lists: `{"uuid": ...}`, sometimes with a `name`.

use serde::{Deserialize, Serialize};

use crate::id::{CatalogId, InventoryListId, ItemId, RetailerId, SkuId, SupplierId};

/// A reference to an item: `{"uuid": ...}` (`Sku.item`, the `item` of a
/// [`NewSku`](super::NewSku)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    /// Identifies the item.
    pub uuid: ItemId,
}

/// A reference to a SKU: `{"uuid": ...}` (the `skus` of a catalog or an
/// inventory list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SkuRef {
    /// Identifies the SKU.
    pub uuid: SkuId,
}

/// A reference to a retailer: `{"uuid": ...}` (`Catalog.retailer`,
/// `InventoryList.retailer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RetailerRef {
    /// Identifies the retailer.
    pub uuid: RetailerId,
}

/// A reference to a supplier: `{"uuid": ...}` in a catalog, `{"uuid": ...,
/// "name": ...}` in an item (the `supplier_minimal` include).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SupplierRef {
    /// Identifies the supplier.
    pub uuid: SupplierId,
    /// The supplier's name; absent in catalogs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A catalog by id and name (the `catalog_simple` include): the `catalog`
/// of a price tier, the `catalogs` of a created SKU.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CatalogRef {
    /// Identifies the catalog.
    pub uuid: CatalogId,
    /// The catalog's name; a supplier's own catalog of everything is
    /// `"__master__"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// An inventory list by id and name (the `inventory_list_minimal`
/// include): the `inventory_lists` a SKU is in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InventoryListRef {
    /// Identifies the inventory list.
    pub uuid: InventoryListId,
    /// The name the retailer gave the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}
