//! The demo product world, generated from [`SEED`]: items with SKUs
//! (stock, condition, prices), catalogs, the connections and the
//! retailer's inventory list. The same seed gives the same world, ids
//! included: the n-th item is `d0000022-0000-4000-8000-00000000000n`.

use std::time::Duration;

use crux_types::{Decimal, Timestamp};
use serde_json::{Map, Value};

use super::SeedError;
use super::values::{amount, timestamp};
use crate::demo::products::{
    ADJECTIVES, BRANDS, CATEGORIES, COLORS, CONDITIONS, CONNECTIONS, COUNTRIES, IMAGE_SIZES,
    INVENTORY_LIST, MATERIALS, NOUNS, SEED, SUPPLIER_PRODUCTS, SupplierProducts,
};
use crate::store::products::{
    CatalogId, CatalogRow, CategoryId, CategoryRow, ConnectionId, ConnectionRow, ImageId, ImageRow,
    InventoryListId, InventoryListRow, ItemId, ItemRow, SkuId, SkuRow,
};
use crate::store::{IdKind, IdSequence, Store, Table};

/// When the first demo item was created; each next one an hour later.
const FIRST_CREATED: &str = "2024-01-02T09:00:00Z";

/// splitmix64: a small, fixed pseudo-random sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `values` (not empty).
    fn pick<'a, T>(&mut self, values: &'a [T]) -> Option<&'a T> {
        values.get(self.below(values.len()))
    }
}

/// The id sequence's n-th id of `kind`, typed.
fn nth<T>(kind: IdKind, n: u64, wrap: fn(uuid::Uuid) -> T) -> Result<T, SeedError> {
    IdSequence::nth(kind, n)
        .map(wrap)
        .ok_or_else(|| SeedError(format!("id {n} of {kind:?}")))
}

/// Counters of the ids handed out.
#[derive(Default)]
struct Counters {
    items: u64,
    skus: u64,
    catalogs: u64,
    categories: u64,
    images: u64,
}

/// Adds the product world to `store` and reserves its ids in the store's
/// sequence, so that objects created at run time come after them.
pub(super) fn add_products(store: &mut Store) -> Result<(), SeedError> {
    let mut rng = Rng(SEED);
    let mut n = Counters::default();
    let first = timestamp(FIRST_CREATED)?;
    for supplier in SUPPLIER_PRODUCTS {
        supplier_products(store, supplier, &mut rng, &mut n, &first)?;
    }
    for (k, (retailer, supplier)) in (1..).zip(CONNECTIONS) {
        store.connections.insert(ConnectionRow {
            id: nth(IdKind::Connection, k, ConnectionId::new)?,
            retailer: retailer.id,
            supplier: supplier.id,
        });
    }
    let lists = inventory_list(store, &first)?;
    store.inventory_lists = lists;
    for (kind, count) in [
        (IdKind::Item, n.items),
        (IdKind::Sku, n.skus),
        (IdKind::Catalog, n.catalogs),
        (IdKind::Category, n.categories),
        (IdKind::Image, n.images),
        (IdKind::Connection, CONNECTIONS.len() as u64),
        (IdKind::InventoryList, 1),
    ] {
        store.ids.reserve(kind, count);
    }
    Ok(())
}

/// One supplier's catalogs, items and SKUs.
fn supplier_products(
    store: &mut Store,
    recipe: &SupplierProducts,
    rng: &mut Rng,
    n: &mut Counters,
    first: &Timestamp,
) -> Result<(), SeedError> {
    let org = recipe.org;
    let supplier = org
        .supplier
        .ok_or_else(|| SeedError(format!("{} is not a supplier", org.demo.name)))?;
    let mut catalogs = Vec::new();
    for (name, shipping, handling) in recipe.catalogs {
        n.catalogs += 1;
        catalogs.push(CatalogRow {
            id: nth(IdKind::Catalog, n.catalogs, CatalogId::new)?,
            org: org.id,
            supplier,
            name: (*name).to_owned(),
            description: format!("{name}: demo catalog of {}.", org.demo.name),
            shipping: shipping.map(amount).transpose()?,
            handling: handling.map(amount).transpose()?,
            skus: Vec::new(),
            created: *first,
            last_updated: *first,
        });
    }
    // One category id per path for this supplier.
    let mut categories = Vec::new();
    for path in CATEGORIES {
        n.categories += 1;
        categories.push(CategoryRow {
            id: nth(IdKind::Category, n.categories, CategoryId::new)?,
            path: path.iter().map(|&p| p.to_owned()).collect(),
        });
    }
    let pick = |rng: &mut Rng, values: &[&'static str]| rng.pick(values).copied().unwrap_or("");
    for k in 1..=recipe.items {
        n.items += 1;
        let created =
            Timestamp::new(*first.as_datetime() + Duration::from_secs(3600 * (n.items - 1)));
        let (adjective, noun, brand) = (pick(rng, ADJECTIVES), pick(rng, NOUNS), pick(rng, BRANDS));
        let origin = rng.pick(COUNTRIES).map_or("US", |c| c.0);
        let shipping_origin = rng.pick(COUNTRIES).map_or("US", |c| c.0);
        let category = rng.pick(&categories).cloned().into_iter().collect();
        let mut images = Vec::new();
        for _ in 0..rng.below(4) {
            n.images += 1;
            let size = rng.pick(IMAGE_SIZES).copied().unwrap_or(80);
            images.push(ImageRow {
                id: nth(IdKind::Image, n.images, ImageId::new)?,
                uri: format!("https://images.demo.example/{size}/{}.jpg", n.images),
                size,
            });
        }
        let mut attributes = Map::new();
        attributes.insert("material".into(), Value::from(pick(rng, MATERIALS)));
        let item = ItemRow {
            id: nth(IdKind::Item, n.items, ItemId::new)?,
            org: org.id,
            supplier,
            supplier_name: org.demo.name.to_owned(),
            item_id: format!("{}-{k:04}", recipe.prefix),
            title: format!("The {adjective} {noun}"),
            description: format!("A {adjective} {noun} by {brand}."),
            warranty: (rng.below(2) == 0).then(|| "1 year limited warranty".to_owned()),
            return_policy: None,
            manufacturer: format!("{brand} Manufacturing"),
            brand: brand.to_owned(),
            country_of_origin: origin.to_owned(),
            shipping_origin_country: shipping_origin.to_owned(),
            other_marketplace_restriction: None,
            fba_certified: Some(rng.below(2) == 0),
            attributes,
            categories: category,
            images,
            created,
            last_updated: created,
        };
        let catalog = (k % 8 != 0)
            .then(|| (k as usize) % catalogs.len().max(1))
            .and_then(|at| catalogs.get_mut(at));
        let mut sku_ids = Vec::new();
        for s in 1..=1 + rng.below(3) {
            n.skus += 1;
            let sku = sku(rng, &item, s, nth(IdKind::Sku, n.skus, SkuId::new)?);
            sku_ids.push(sku.id);
            store.skus.insert(sku);
        }
        if let Some(catalog) = catalog {
            catalog.skus.extend(sku_ids);
        }
        store.items.insert(item);
    }
    for catalog in catalogs {
        store.catalogs.insert(catalog);
    }
    Ok(())
}

/// The `s`-th SKU of `item`.
fn sku(rng: &mut Rng, item: &ItemRow, s: usize, id: SkuId) -> SkuRow {
    let msrp = Decimal::new(1000 + rng.below(19_000) as i64, 2);
    let mut distinguishing = Map::new();
    let color = COLORS
        .get((s - 1) % COLORS.len())
        .copied()
        .unwrap_or("black");
    distinguishing.insert("color".into(), Value::from(color));
    let units_bundled = if rng.below(4) == 0 { 6 } else { 1 };
    SkuRow {
        id,
        item: item.id,
        org: item.org,
        sku_id: format!("{}-{s}", item.item_id),
        restrictions: None,
        condition: rng.pick(CONDITIONS).copied().unwrap_or("new").to_owned(),
        quantity_in_stock: Some(rng.below(200) as u32),
        quantity_on_backorder: rng.below(50) as u32,
        units_bundled,
        distinguishing,
        nondistinguishing: Map::new(),
        map: (rng.below(2) == 0).then(|| (msrp * Decimal::new(8, 1)).round_dp(2)),
        msrp: Some(msrp),
        cost: base_cost(msrp),
        created: item.created,
        last_updated: item.created,
    }
}

/// The supplier's price of a SKU with this MSRP: 60 % of it, to the cent.
pub(crate) fn base_cost(msrp: Decimal) -> Decimal {
    (msrp * Decimal::new(6, 1)).round_dp(2)
}

/// The retailer's demo inventory list.
fn inventory_list(store: &Store, first: &Timestamp) -> Result<Table<InventoryListRow>, SeedError> {
    let (name, description, items) = INVENTORY_LIST;
    let (retailer, supplier) = CONNECTIONS
        .first()
        .ok_or_else(|| SeedError("no connection for the inventory list".into()))?;
    let retailer_id = retailer
        .retailer
        .ok_or_else(|| SeedError(format!("{} is not a retailer", retailer.demo.name)))?;
    let item_ids: Vec<ItemId> = store
        .items
        .visible(supplier.id)
        .enumerate()
        .filter(|(at, _)| items.contains(&(*at as u64 + 1)))
        .map(|(_, item)| item.id)
        .collect();
    let skus = store
        .skus
        .iter()
        .filter(|sku| item_ids.contains(&sku.item))
        .map(|sku| sku.id)
        .collect();
    Ok([InventoryListRow {
        id: nth(IdKind::InventoryList, 1, InventoryListId::new)?,
        org: retailer.id,
        retailer: retailer_id,
        name: name.to_owned(),
        description: description.to_owned(),
        skus,
        created: *first,
        last_updated: *first,
    }]
    .into_iter()
    .collect())
}
