//! The demo product world, as a recipe: each supplier's catalogs and how
//! many items it has, the connections, and the word lists the generator
//! (`store/seed/products.rs`) draws from with a fixed seed. Every server
//! builds the same world, so tests can rely on it.

use super::organizations::{FARAWAY, OrgSeed, RETAIL, SUPPLY};

/// The generator's seed.
pub(crate) const SEED: u64 = 0x00c0_ffee_d00d_2024;

/// A supplier's products.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SupplierProducts {
    /// The supplier.
    pub(crate) org: OrgSeed,
    /// The prefix of its item codes (`DS-0001`).
    pub(crate) prefix: &'static str,
    /// How many items it has.
    pub(crate) items: u64,
    /// Its catalogs: name, default shipping cost, default handling cost.
    /// Item `n` is in catalog `n % catalogs.len()`, except every eighth
    /// item, which is in none.
    pub(crate) catalogs: &'static [(&'static str, Option<&'static str>, Option<&'static str>)],
}

/// The suppliers with products, in the order their rows are made.
pub(crate) static SUPPLIER_PRODUCTS: &[SupplierProducts] = &[
    SupplierProducts {
        org: SUPPLY,
        prefix: "DS",
        items: 24,
        catalogs: &[
            ("Demo Supply Standard", Some("4.99"), Some("0.99")),
            ("Demo Supply Free Shipping", Some("0.00"), Some("0.50")),
            ("Demo Supply Oversize", None, None),
        ],
    },
    SupplierProducts {
        org: FARAWAY,
        prefix: "FG",
        items: 8,
        catalogs: &[("Faraway Goods Catalog", Some("7.50"), Some("1.25"))],
    },
];

/// The connections: (retailer, supplier). The retailer is connected to
/// Demo Supply Co. and not to Faraway Goods Ltd.
pub(crate) static CONNECTIONS: &[(OrgSeed, OrgSeed)] = &[(RETAIL, SUPPLY)];

/// The retailer's demo inventory list: name, description, and the items
/// (by number in Demo Supply Co.'s list, from 1) whose SKUs it holds.
pub(crate) static INVENTORY_LIST: (&str, &str, &[u64]) = (
    "Summer picks",
    "Demo inventory list of Demo Retail Co.",
    &[1, 2],
);

/// Adjectives of item titles.
pub(crate) static ADJECTIVES: &[&str] = &[
    "sturdy", "chunky", "elegant", "compact", "rustic", "vivid", "quiet", "rugged", "sleek",
    "cozy", "bright", "classic",
];

/// Nouns of item titles.
pub(crate) static NOUNS: &[&str] = &[
    "boot", "lamp", "kettle", "tent", "backpack", "chair", "blanket", "mug", "lantern", "planter",
    "jacket", "skillet",
];

/// Brands.
pub(crate) static BRANDS: &[&str] = &["Acme", "Northwind", "Globex", "Initech", "Umbrella"];

/// Countries of origin and shipping origins: code and English name.
pub(crate) static COUNTRIES: &[(&str, &str)] = &[
    ("US", "United States"),
    ("CA", "Canada"),
    ("MX", "Mexico"),
    ("AR", "Argentina"),
    ("CN", "China"),
    ("DE", "Germany"),
];

/// Category paths, root first.
pub(crate) static CATEGORIES: &[&[&str]] = &[
    &["home", "garden"],
    &["home", "kitchen"],
    &["outdoor", "camping"],
    &["apparel", "shoes"],
    &["toys"],
];

/// SKU colours (`sku_distinguishing_attributes.color`).
pub(crate) static COLORS: &[&str] = &["azure", "black", "olive", "red", "white"];

/// Item materials (`item_attributes.material`).
pub(crate) static MATERIALS: &[&str] = &["steel", "cotton", "oak", "nylon", "ceramic"];

/// SKU conditions, `new` the most common.
pub(crate) static CONDITIONS: &[&str] = &["new", "new", "new", "used", "refurb"];

/// Image sizes, in pixels (square).
pub(crate) static IMAGE_SIZES: &[u32] = &[80, 155, 285, 600];
