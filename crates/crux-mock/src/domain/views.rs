//! The product objects as the API sends them (crux-types' `Item`, `Sku`,
//! `Catalog`, `InventoryList`), rendered from the store's rows for one
//! caller: what it sees of price tiers, catalogs and inventory lists
//! depends on who asks.

use crux_types::{
    Catalog, CatalogRef, CatalogType, Category, Decimal, InventoryList, InventoryListRef, Item,
    ItemRef, OrganizationId, PriceRange, PriceTier, ProductIdentifiers, ProductImage, RetailerId,
    RetailerRef, ShippingCostType, Sku, SkuCondition, SkuRef, SkuRestriction, SupplierRef, UriType,
};

use crate::store::Store;
use crate::store::products::{CatalogRow, InventoryListRow, ItemRow, SkuRow};

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
pub(crate) fn shipping_cost_type(catalog: &CatalogRow) -> ShippingCostType {
    match catalog.shipping {
        None => ShippingCostType::Variable,
        Some(cost) if cost.is_zero() => ShippingCostType::Free,
        Some(_) => ShippingCostType::Fixed,
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

fn catalog_ref(catalog: &CatalogRow) -> CatalogRef {
    CatalogRef {
        uuid: catalog.id,
        name: Some(catalog.name.clone()),
    }
}

/// A SKU's price tiers: in each catalog holding it, one bundle at its
/// cost, and 10 bundles or more at 5 % off.
pub(crate) fn price_tiers(store: &Store, sku: &SkuRow) -> Vec<PriceTier> {
    let units = Decimal::from(sku.units_bundled.max(1));
    catalogs_of(store, sku)
        .flat_map(|catalog| {
            let discounted = (sku.cost * Decimal::new(95, 2)).round_dp(2);
            [(1, sku.cost), (10, discounted)].map(|(quantity, cost)| PriceTier {
                minimum_tier_quantity: Some(quantity),
                catalog: Some(catalog_ref(catalog)),
                cost: Some(cost),
                cost_per_unit: Some((cost / units).round_dp(4).normalize()),
                handling_cost: Some(catalog.handling.unwrap_or_default()),
                shipping_cost: catalog.shipping,
                shipping_cost_type: Some(shipping_cost_type(catalog)),
                shipping_cost_is_estimate: Some(catalog.shipping.is_none()),
            })
        })
        .collect()
}

/// The SKU as `viewer` sees it.
pub(crate) fn sku(store: &Store, viewer: &Viewer, row: &SkuRow) -> Sku {
    Sku {
        uuid: row.id,
        item: ItemRef { uuid: row.item },
        sku_id: Some(row.sku_id.clone()),
        restrictions: row.restrictions.as_deref().map(SkuRestriction::from),
        condition: Some(SkuCondition::from(row.condition.as_str())),
        sku_distinguishing_attributes: row.distinguishing.clone(),
        sku_nondistinguishing_attributes: row.nondistinguishing.clone(),
        minimum_advertised_price: row.map,
        minimum_advertised_price_currency: Some("USD".into()),
        msrp: row.msrp,
        msrp_currency: Some("USD".into()),
        price_tiers: price_tiers(store, row),
        product_images: Vec::new(),
        product_videos: Vec::new(),
        measurements: None,
        product_identifiers: Some(ProductIdentifiers::default()),
        inventory_lists: Some(
            store
                .inventory_lists
                .visible(viewer.org)
                .filter(|list| list.skus.contains(&row.id))
                .map(|list| InventoryListRef {
                    uuid: list.id,
                    name: Some(list.name.clone()),
                })
                .collect(),
        ),
        catalogs: Some(catalogs_of(store, row).map(catalog_ref).collect()),
        quantity_in_stock: row.quantity_in_stock,
        quantity_on_backorder: Some(row.quantity_on_backorder),
        number_of_units_bundled: Some(row.units_bundled),
        created: row.created,
        last_updated: row.last_updated,
    }
}

fn range(values: impl Iterator<Item = Decimal> + Clone) -> PriceRange {
    PriceRange {
        min: values.clone().min(),
        max: values.max(),
    }
}

/// The item as `viewer` sees it: with its SKUs, or (`search`) with their
/// count and the item's catalog types instead.
pub(crate) fn item(store: &Store, viewer: &Viewer, row: &ItemRow, search: bool) -> Item {
    let skus = skus_of(store, row);
    let in_catalog = skus.clone().any(|s| catalogs_of(store, s).next().is_some());
    Item {
        uuid: row.id,
        supplier: SupplierRef {
            uuid: row.supplier,
            name: Some(row.supplier_name.clone()),
        },
        item_id: Some(row.item_id.clone()),
        title: Some(row.title.clone()),
        description: Some(row.description.clone()),
        skus: (!search).then(|| skus.clone().map(|s| sku(store, viewer, s)).collect()),
        sku_count: search.then(|| u32::try_from(skus.clone().count()).unwrap_or(u32::MAX)),
        catalog_type: search.then(|| {
            in_catalog
                .then_some(CatalogType::Standard)
                .into_iter()
                .collect()
        }),
        restrict_from_marketplaces: Some(Vec::new()),
        other_marketplace_restriction: row.other_marketplace_restriction.clone(),
        cost_range: Some(range(skus.clone().map(|s| s.cost))),
        minimum_advertised_price_range: Some(range(skus.clone().filter_map(|s| s.map))),
        msrp_range: Some(range(skus.clone().filter_map(|s| s.msrp))),
        product_images: row
            .images
            .iter()
            .map(|i| ProductImage {
                uuid: i.id,
                uri: Some(i.uri.clone()),
                uri_type: Some(UriType::Url),
                width: Some(i.size),
                height: Some(i.size),
            })
            .collect(),
        product_videos: Vec::new(),
        warranty: row.warranty.clone(),
        return_policy: row.return_policy.clone(),
        manufacturer: Some(row.manufacturer.clone()),
        brand: Some(row.brand.clone()),
        country_of_origin: Some(row.country_of_origin.clone()),
        shipping_origin_country: Some(row.shipping_origin_country.clone()),
        fba_certified: row.fba_certified,
        item_attributes: row.attributes.clone(),
        categories: row
            .categories
            .iter()
            .map(|c| Category {
                uuid: c.id,
                path: c.path.clone(),
                description: Some(String::new()),
            })
            .collect(),
        created: row.created,
        last_updated: row.last_updated,
    }
}

fn count(n: usize) -> Option<u32> {
    Some(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The catalog as `viewer` sees it (a retailer sees itself as its
/// `retailer`).
pub(crate) fn catalog(viewer: &Viewer, row: &CatalogRow) -> Catalog {
    Catalog {
        uuid: row.id,
        supplier: SupplierRef {
            uuid: row.supplier,
            name: None,
        },
        name: Some(row.name.clone()),
        description: Some(row.description.clone()),
        skus: row.skus.iter().map(|&uuid| SkuRef { uuid }).collect(),
        num_skus: count(row.skus.len()),
        default_shipping_cost: row.shipping,
        default_handling_cost: row.handling,
        retailer: viewer.retailer.map(|uuid| RetailerRef { uuid }),
        retailers: None,
        is_discoverable: None,
        created: row.created,
        last_updated: row.last_updated,
    }
}

/// The inventory list.
pub(crate) fn inventory_list(row: &InventoryListRow) -> InventoryList {
    InventoryList {
        uuid: row.id,
        retailer: RetailerRef { uuid: row.retailer },
        name: Some(row.name.clone()),
        description: Some(row.description.clone()),
        skus: row.skus.iter().map(|&uuid| SkuRef { uuid }).collect(),
        num_skus: count(row.skus.len()),
        created: row.created,
        last_updated: row.last_updated,
    }
}
