//! The suppliers listed for discovery: the two demo suppliers, and ten
//! more that exist only in the discovery list (no users, no products),
//! with names starting with letters and digits for `initial_character`.

use super::organizations::{FARAWAY, OrgSeed, SUPPLY};

/// A demo supplier listed for discovery (its SKU count is its products').
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListedOrg {
    /// The supplier.
    pub(crate) org: OrgSeed,
    /// `website`.
    pub(crate) website: &'static str,
    /// When it joined the discovery catalog.
    pub(crate) joined: &'static str,
}

/// The demo suppliers: Demo Supply Co. (connected to the retailer, so
/// never in its discovery list) and Faraway Goods Ltd.
pub(crate) static LISTED_ORGS: &[ListedOrg] = &[
    ListedOrg {
        org: SUPPLY,
        website: "https://supply.demo.example",
        joined: "2018-03-02T09:00:00Z",
    },
    ListedOrg {
        org: FARAWAY,
        website: "https://faraway.demo.example",
        joined: "2019-05-22T09:00:00Z",
    },
];

/// A supplier listed only for discovery.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListedOnly {
    /// Serial `NN` of its supplier id `d0000002-0000-4000-8000-0000000000NN`.
    pub(crate) serial: u64,
    /// `name`.
    pub(crate) name: &'static str,
    /// `number_of_skus`.
    pub(crate) skus: u32,
    /// `shipping_origin_country_name`.
    pub(crate) country: &'static str,
    /// When it joined the discovery catalog (the clock starts at
    /// 2024-07-01: `recent: 30` finds those of June 2024).
    pub(crate) joined: &'static str,
}

/// The suppliers listed only for discovery, in id order.
pub(crate) static LISTED_ONLY: &[ListedOnly] = &[
    ListedOnly {
        serial: 11,
        name: "Acme Outdoor Supply",
        skus: 120,
        country: "United States of America",
        joined: "2023-04-11T10:00:00Z",
    },
    ListedOnly {
        serial: 12,
        name: "Bright Home Goods",
        skus: 48,
        country: "Canada",
        joined: "2024-06-20T10:00:00Z",
    },
    ListedOnly {
        serial: 13,
        name: "7 Seas Trading",
        skus: 310,
        country: "Singapore",
        joined: "2022-09-01T10:00:00Z",
    },
    ListedOnly {
        serial: 14,
        name: "Northwind Wholesale",
        skus: 75,
        country: "United States of America",
        joined: "2024-06-28T10:00:00Z",
    },
    ListedOnly {
        serial: 15,
        name: "3D Print Depot",
        skus: 12,
        country: "Germany",
        joined: "2024-05-15T10:00:00Z",
    },
    ListedOnly {
        serial: 16,
        name: "Cobalt Kitchenware",
        skus: 64,
        country: "Mexico",
        joined: "2021-02-03T10:00:00Z",
    },
    ListedOnly {
        serial: 17,
        name: "Zephyr Apparel",
        skus: 205,
        country: "United Kingdom of Great Britain and Northern Ireland",
        joined: "2024-06-05T10:00:00Z",
    },
    ListedOnly {
        serial: 18,
        name: "acorn Toys",
        skus: 33,
        country: "Canada",
        joined: "2020-11-30T10:00:00Z",
    },
    ListedOnly {
        serial: 19,
        name: "Quartz Electronics",
        skus: 98,
        country: "Taiwan, Province of China",
        joined: "2023-12-24T10:00:00Z",
    },
    ListedOnly {
        serial: 20,
        name: "99 Cent Bulk",
        skus: 500,
        country: "United States of America",
        joined: "2024-06-30T10:00:00Z",
    },
];
