//! The product objects as the API sends them (Item, Sku, Catalog,
//! InventoryList), rendered from the store's rows for one caller: what it
//! sees of price tiers, catalogs and inventory lists depends on who asks.
//!
//! Money is written as a decimal string with its scale (`"20.99"`), as
//! crux-types writes it; the API's numbers and the mock's strings decode
//! alike (docs/spec-decisions.md, E-07).

use crux_types::{Decimal, OrganizationId, RetailerId, SupplierId, Timestamp};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::store::Store;
use crate::store::products::{
    CatalogId, CatalogRow, CategoryId, ImageId, InventoryListId, InventoryListRow, ItemId, ItemRow,
    SkuId, SkuRow,
};

/// A decimal written as a string with its scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Money(pub(crate) Decimal);

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// `{"uuid": ...}`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Ref<T> {
    pub(crate) uuid: T,
}

/// `{"uuid": ..., "name": ...}`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NamedRef<T> {
    pub(crate) uuid: T,
    pub(crate) name: String,
}

/// `{"min": ..., "max": ...}`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Range {
    pub(crate) min: Option<Money>,
    pub(crate) max: Option<Money>,
}

impl Range {
    fn of(values: impl Iterator<Item = Decimal> + Clone) -> Self {
        Self {
            min: values.clone().min().map(Money),
            max: values.max().map(Money),
        }
    }
}

/// `ProductImage`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Image {
    uuid: ImageId,
    uri: String,
    uri_type: &'static str,
    width: u32,
    height: u32,
}

/// `Category`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Category {
    pub(crate) uuid: CategoryId,
    pub(crate) path: Vec<String>,
    pub(crate) description: &'static str,
}

/// `PriceTier`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PriceTier {
    pub(crate) handling_cost: Money,
    pub(crate) shipping_cost_type: &'static str,
    pub(crate) catalog: NamedRef<CatalogId>,
    pub(crate) shipping_cost_is_estimate: bool,
    pub(crate) cost: Money,
    pub(crate) cost_per_unit: Money,
    pub(crate) shipping_cost: Option<Money>,
    pub(crate) minimum_tier_quantity: u64,
}

/// `Sku`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Sku {
    pub(crate) uuid: SkuId,
    restrictions: Option<String>,
    condition: String,
    sku_distinguishing_attributes: Map<String, Value>,
    sku_nondistinguishing_attributes: Map<String, Value>,
    minimum_advertised_price: Option<Money>,
    msrp: Option<Money>,
    minimum_advertised_price_currency: &'static str,
    msrp_currency: &'static str,
    price_tiers: Vec<PriceTier>,
    product_images: Vec<Image>,
    product_videos: Vec<Value>,
    inventory_lists: Vec<NamedRef<InventoryListId>>,
    catalogs: Vec<NamedRef<CatalogId>>,
    created: Timestamp,
    last_updated: Timestamp,
    sku_id: String,
    quantity_in_stock: Option<u64>,
    quantity_on_backorder: u64,
    number_of_units_bundled: u64,
    item: Ref<ItemId>,
}

/// `Item`: with its `skus` (list, detail, create), or with `sku_count` and
/// `catalog_type` instead (search).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Item {
    pub(crate) uuid: ItemId,
    #[serde(skip_serializing_if = "Option::is_none")]
    skus: Option<Vec<Sku>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sku_count: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    catalog_type: Option<Vec<&'static str>>,
    restrict_from_marketplaces: Vec<String>,
    supplier: NamedRef<SupplierId>,
    cost_range: Range,
    minimum_advertised_price_range: Range,
    msrp_range: Range,
    product_images: Vec<Image>,
    product_videos: Vec<Value>,
    categories: Vec<Category>,
    created: Timestamp,
    last_updated: Timestamp,
    item_id: String,
    title: String,
    description: String,
    warranty: Option<String>,
    return_policy: Option<String>,
    manufacturer: String,
    brand: String,
    country_of_origin: String,
    shipping_origin_country: String,
    other_marketplace_restriction: Option<String>,
    fba_certified: Option<bool>,
    item_attributes: Map<String, Value>,
}

/// `Catalog`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Catalog {
    pub(crate) uuid: CatalogId,
    supplier: Ref<SupplierId>,
    pub(crate) skus: Vec<Ref<SkuId>>,
    pub(crate) num_skus: usize,
    default_shipping_cost: Option<Money>,
    default_handling_cost: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retailer: Option<Ref<RetailerId>>,
    created: Timestamp,
    last_updated: Timestamp,
    pub(crate) name: String,
    description: String,
}

/// `InventoryList`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct InventoryList {
    pub(crate) uuid: InventoryListId,
    retailer: Ref<RetailerId>,
    pub(crate) skus: Vec<Ref<SkuId>>,
    pub(crate) num_skus: usize,
    created: Timestamp,
    last_updated: Timestamp,
    pub(crate) name: String,
    description: String,
}

/// Who is looking: the organization and the product owners it sees.
#[derive(Debug, Clone)]
pub(crate) struct Viewer {
    /// The caller's organization.
    pub(crate) org: OrganizationId,
    /// Its retailer id, for a retailer.
    pub(crate) retailer: Option<RetailerId>,
    /// The organizations whose products it sees ([`Store::product_owners`]).
    pub(crate) owners: Vec<OrganizationId>,
}

impl Viewer {
    /// The viewer for a caller of organization `org`.
    pub(crate) fn of(store: &Store, org: OrganizationId) -> Self {
        Self {
            org,
            retailer: store.organizations.get(&org).and_then(|o| o.retailer),
            owners: store.product_owners(org),
        }
    }
}

/// The shipping cost type of a catalog's default shipping cost.
pub(crate) fn shipping_cost_type(catalog: &CatalogRow) -> &'static str {
    match catalog.shipping {
        None => "variable",
        Some(cost) if cost.is_zero() => "free",
        Some(_) => "fixed",
    }
}

/// The catalogs holding `sku`.
pub(crate) fn catalogs_of<'a>(
    store: &'a Store,
    sku: &'a SkuRow,
) -> impl Iterator<Item = &'a CatalogRow> {
    store
        .catalogs
        .visible(sku.org)
        .filter(move |c| c.skus.contains(&sku.id))
}

/// A SKU's price tiers: in each catalog holding it, one unit bundle at its
/// cost, and 10 bundles or more at 5 % off.
pub(crate) fn price_tiers(store: &Store, sku: &SkuRow) -> Vec<PriceTier> {
    let units = Decimal::from(sku.units_bundled.max(1));
    catalogs_of(store, sku)
        .flat_map(|catalog| {
            [
                (1, sku.cost),
                (10, (sku.cost * Decimal::new(95, 2)).round_dp(2)),
            ]
            .map(|(quantity, cost)| PriceTier {
                handling_cost: Money(catalog.handling.unwrap_or_default()),
                shipping_cost_type: shipping_cost_type(catalog),
                catalog: NamedRef {
                    uuid: catalog.id,
                    name: catalog.name.clone(),
                },
                shipping_cost_is_estimate: catalog.shipping.is_none(),
                cost: Money(cost),
                cost_per_unit: Money((cost / units).round_dp(4).normalize()),
                shipping_cost: catalog.shipping.map(Money),
                minimum_tier_quantity: quantity,
            })
        })
        .collect()
}

fn images(item: &ItemRow) -> Vec<Image> {
    item.images
        .iter()
        .map(|i| Image {
            uuid: i.id,
            uri: i.uri.clone(),
            uri_type: "url",
            width: i.size,
            height: i.size,
        })
        .collect()
}

/// The SKU as `viewer` sees it.
pub(crate) fn sku(store: &Store, viewer: &Viewer, row: &SkuRow) -> Sku {
    Sku {
        uuid: row.id,
        restrictions: row.restrictions.clone(),
        condition: row.condition.clone(),
        sku_distinguishing_attributes: row.distinguishing.clone(),
        sku_nondistinguishing_attributes: row.nondistinguishing.clone(),
        minimum_advertised_price: row.map.map(Money),
        msrp: row.msrp.map(Money),
        minimum_advertised_price_currency: "USD",
        msrp_currency: "USD",
        price_tiers: price_tiers(store, row),
        product_images: Vec::new(),
        product_videos: Vec::new(),
        inventory_lists: store
            .inventory_lists
            .visible(viewer.org)
            .filter(|list| list.skus.contains(&row.id))
            .map(|list| NamedRef {
                uuid: list.id,
                name: list.name.clone(),
            })
            .collect(),
        catalogs: catalogs_of(store, row)
            .map(|c| NamedRef {
                uuid: c.id,
                name: c.name.clone(),
            })
            .collect(),
        created: row.created,
        last_updated: row.last_updated,
        sku_id: row.sku_id.clone(),
        quantity_in_stock: row.quantity_in_stock,
        quantity_on_backorder: row.quantity_on_backorder,
        number_of_units_bundled: row.units_bundled,
        item: Ref { uuid: row.item },
    }
}

/// The SKUs of `item`, in creation order.
pub(crate) fn skus_of<'a>(
    store: &'a Store,
    item: &'a ItemRow,
) -> impl Iterator<Item = &'a SkuRow> + Clone {
    store
        .skus
        .iter()
        .filter(move |s| s.org == item.org && s.item == item.id)
}

/// The item as `viewer` sees it: with its SKUs, or (`search`) with their
/// count and the item's catalog types.
pub(crate) fn item(store: &Store, viewer: &Viewer, row: &ItemRow, search: bool) -> Item {
    let skus = skus_of(store, row);
    let costs = skus.clone().map(|s| s.cost);
    let in_catalog = skus.clone().any(|s| catalogs_of(store, s).next().is_some());
    Item {
        uuid: row.id,
        skus: (!search).then(|| skus.clone().map(|s| sku(store, viewer, s)).collect()),
        sku_count: search.then(|| skus.clone().count()),
        catalog_type: search.then(|| if in_catalog { vec!["standard"] } else { vec![] }),
        restrict_from_marketplaces: Vec::new(),
        supplier: NamedRef {
            uuid: row.supplier,
            name: row.supplier_name.clone(),
        },
        cost_range: Range::of(costs),
        minimum_advertised_price_range: Range::of(skus.clone().filter_map(|s| s.map)),
        msrp_range: Range::of(skus.clone().filter_map(|s| s.msrp)),
        product_images: images(row),
        product_videos: Vec::new(),
        categories: row
            .categories
            .iter()
            .map(|c| Category {
                uuid: c.id,
                path: c.path.clone(),
                description: "",
            })
            .collect(),
        created: row.created,
        last_updated: row.last_updated,
        item_id: row.item_id.clone(),
        title: row.title.clone(),
        description: row.description.clone(),
        warranty: row.warranty.clone(),
        return_policy: row.return_policy.clone(),
        manufacturer: row.manufacturer.clone(),
        brand: row.brand.clone(),
        country_of_origin: row.country_of_origin.clone(),
        shipping_origin_country: row.shipping_origin_country.clone(),
        other_marketplace_restriction: row.other_marketplace_restriction.clone(),
        fba_certified: row.fba_certified,
        item_attributes: row.attributes.clone(),
    }
}

/// The catalog as `viewer` sees it (a retailer sees itself as its
/// `retailer`).
pub(crate) fn catalog(viewer: &Viewer, row: &CatalogRow) -> Catalog {
    Catalog {
        uuid: row.id,
        supplier: Ref { uuid: row.supplier },
        skus: row.skus.iter().map(|&uuid| Ref { uuid }).collect(),
        num_skus: row.skus.len(),
        default_shipping_cost: row.shipping.map(Money),
        default_handling_cost: row.handling.map(Money),
        retailer: viewer.retailer.map(|uuid| Ref { uuid }),
        created: row.created,
        last_updated: row.last_updated,
        name: row.name.clone(),
        description: row.description.clone(),
    }
}

/// The inventory list.
pub(crate) fn inventory_list(row: &InventoryListRow) -> InventoryList {
    InventoryList {
        uuid: row.id,
        retailer: Ref { uuid: row.retailer },
        skus: row.skus.iter().map(|&uuid| Ref { uuid }).collect(),
        num_skus: row.skus.len(),
        created: row.created,
        last_updated: row.last_updated,
        name: row.name.clone(),
        description: row.description.clone(),
    }
}
