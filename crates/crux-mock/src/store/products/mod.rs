//! The product world's rows: connections, items, SKUs, catalogs and
//! inventory lists, each keyed by its typed id with its visibility rule.
//!
//! Products belong to their supplier's organization. A retailer sees a
//! supplier's products when a connection joins the two: the domain asks
//! [`Store::product_owners`](crate::store::Store::product_owners) which
//! organizations' products a caller sees, and reads the rows through
//! [`Table::visible_to_any`](crate::store::Table::visible_to_any).

mod ids;

use crux_types::{Decimal, OrganizationId, RetailerId, SupplierId, Timestamp};
use serde_json::{Map, Value};

pub(crate) use ids::{
    CatalogId, CategoryId, ConnectionId, ImageId, InventoryListId, ItemId, SkuId, parse_id,
};

use super::table::{Row, Visible};

/// An active connection: the retailer sees the supplier's products.
#[derive(Debug, Clone)]
pub(crate) struct ConnectionRow {
    /// The connection's id.
    pub(crate) id: ConnectionId,
    /// The retailer's organization.
    pub(crate) retailer: OrganizationId,
    /// The supplier's organization.
    pub(crate) supplier: OrganizationId,
}

/// A product image.
#[derive(Debug, Clone)]
pub(crate) struct ImageRow {
    /// `uuid`.
    pub(crate) id: ImageId,
    /// `uri`.
    pub(crate) uri: String,
    /// `width` and `height`, in pixels.
    pub(crate) size: u32,
}

/// An item category: a path, root first.
#[derive(Debug, Clone)]
pub(crate) struct CategoryRow {
    /// `uuid`: one per path and supplier.
    pub(crate) id: CategoryId,
    /// `path`.
    pub(crate) path: Vec<String>,
}

/// An item of a supplier.
#[derive(Debug, Clone)]
pub(crate) struct ItemRow {
    /// `uuid`.
    pub(crate) id: ItemId,
    /// The supplier's organization.
    pub(crate) org: OrganizationId,
    /// `supplier.uuid`.
    pub(crate) supplier: SupplierId,
    /// `supplier.name`.
    pub(crate) supplier_name: String,
    /// `item_id`, the supplier's code.
    pub(crate) item_id: String,
    /// `title`.
    pub(crate) title: String,
    /// `description`.
    pub(crate) description: String,
    /// `warranty`.
    pub(crate) warranty: Option<String>,
    /// `return_policy`.
    pub(crate) return_policy: Option<String>,
    /// `manufacturer`.
    pub(crate) manufacturer: String,
    /// `brand`.
    pub(crate) brand: String,
    /// `country_of_origin` (two letters).
    pub(crate) country_of_origin: String,
    /// `shipping_origin_country` (two letters).
    pub(crate) shipping_origin_country: String,
    /// `other_marketplace_restriction`.
    pub(crate) other_marketplace_restriction: Option<String>,
    /// `fba_certified`.
    pub(crate) fba_certified: Option<bool>,
    /// `item_attributes`, every value as sent.
    pub(crate) attributes: Map<String, Value>,
    /// `categories`.
    pub(crate) categories: Vec<CategoryRow>,
    /// `product_images`.
    pub(crate) images: Vec<ImageRow>,
    /// `created`.
    pub(crate) created: Timestamp,
    /// `last_updated`.
    pub(crate) last_updated: Timestamp,
}

/// A SKU of an item.
#[derive(Debug, Clone)]
pub(crate) struct SkuRow {
    /// `uuid`.
    pub(crate) id: SkuId,
    /// `item.uuid`.
    pub(crate) item: ItemId,
    /// The supplier's organization (the item's).
    pub(crate) org: OrganizationId,
    /// `sku_id`, the supplier's code.
    pub(crate) sku_id: String,
    /// `restrictions`: `tmpunavail`, `discontd` or none.
    pub(crate) restrictions: Option<String>,
    /// `condition`: `new`, `used` or `refurb`.
    pub(crate) condition: String,
    /// `quantity_in_stock`.
    pub(crate) quantity_in_stock: Option<u32>,
    /// `quantity_on_backorder`.
    pub(crate) quantity_on_backorder: u32,
    /// `number_of_units_bundled` (1: a single unit; more: a case pack).
    pub(crate) units_bundled: u32,
    /// `sku_distinguishing_attributes`.
    pub(crate) distinguishing: Map<String, Value>,
    /// `sku_nondistinguishing_attributes`.
    pub(crate) nondistinguishing: Map<String, Value>,
    /// `minimum_advertised_price`.
    pub(crate) map: Option<Decimal>,
    /// `msrp`.
    pub(crate) msrp: Option<Decimal>,
    /// The supplier's price for one bundle, the base of its price tiers.
    pub(crate) cost: Decimal,
    /// `created`.
    pub(crate) created: Timestamp,
    /// `last_updated`.
    pub(crate) last_updated: Timestamp,
}

/// A catalog of a supplier: the SKUs it offers connected retailers.
#[derive(Debug, Clone)]
pub(crate) struct CatalogRow {
    /// `uuid`.
    pub(crate) id: CatalogId,
    /// The supplier's organization.
    pub(crate) org: OrganizationId,
    /// `supplier.uuid`.
    pub(crate) supplier: SupplierId,
    /// `name`.
    pub(crate) name: String,
    /// `description`.
    pub(crate) description: String,
    /// `default_shipping_cost`: `None` is a variable shipping cost.
    pub(crate) shipping: Option<Decimal>,
    /// `default_handling_cost`.
    pub(crate) handling: Option<Decimal>,
    /// `skus`, in the order they were added.
    pub(crate) skus: Vec<SkuId>,
    /// `created`.
    pub(crate) created: Timestamp,
    /// `last_updated`.
    pub(crate) last_updated: Timestamp,
}

/// An inventory list of a retailer.
#[derive(Debug, Clone)]
pub(crate) struct InventoryListRow {
    /// `uuid`.
    pub(crate) id: InventoryListId,
    /// The retailer's organization.
    pub(crate) org: OrganizationId,
    /// `retailer.uuid`.
    pub(crate) retailer: RetailerId,
    /// `name`.
    pub(crate) name: String,
    /// `description`.
    pub(crate) description: String,
    /// `skus`, in the order they were added.
    pub(crate) skus: Vec<SkuId>,
    /// `created`.
    pub(crate) created: Timestamp,
    /// `last_updated`.
    pub(crate) last_updated: Timestamp,
}

macro_rules! owned_row {
    ($($row:ident: $id:ident;)*) => {$(
        impl Row for $row {
            type Id = $id;
            fn id(&self) -> &$id {
                &self.id
            }
        }

        /// Its owner sees it (others through [`Table::visible_to_any`](crate::store::Table::visible_to_any)).
        impl Visible for $row {
            fn visible_to(&self, org: OrganizationId) -> bool {
                self.org == org
            }
        }
    )*};
}

owned_row! {
    ItemRow: ItemId;
    SkuRow: SkuId;
    CatalogRow: CatalogId;
    InventoryListRow: InventoryListId;
}

impl Row for ConnectionRow {
    type Id = ConnectionId;
    fn id(&self) -> &ConnectionId {
        &self.id
    }
}

/// Both sides see a connection.
impl Visible for ConnectionRow {
    fn visible_to(&self, org: OrganizationId) -> bool {
        self.retailer == org || self.supplier == org
    }
}

impl SkuRow {
    /// Whether the SKU is a case pack (more than one unit bundled).
    pub(crate) fn is_case_pack(&self) -> bool {
        self.units_bundled > 1
    }
}
