//! The demo organizations, and what Get Organization Details shows of them.

use crux_types::{AccountManagerId, OrganizationId, PersonId, RetailerId, SupplierId};

use super::DemoOrganization;
use super::accounting::{DemoBilling, FARAWAY_BILLING, RETAIL_BILLING, SUPPLY_BILLING};
use super::ids::id;

/// `org_uuid` of the retailer.
const RETAIL_UUID: &str = "d0000001-0000-4000-8000-000000000001";
/// `org_uuid` of the supplier.
const SUPPLY_UUID: &str = "d0000001-0000-4000-8000-000000000002";
/// `retailer_uuid` of the retailer.
const RETAILER_UUID: &str = "d0000002-0000-4000-8000-000000000001";
/// `supplier_uuid` of the supplier.
const SUPPLIER_UUID: &str = "d0000002-0000-4000-8000-000000000002";
/// `org_uuid` of the second supplier (not connected to the retailer).
const FARAWAY_UUID: &str = "d0000001-0000-4000-8000-000000000003";
/// `supplier_uuid` of the second supplier.
const FARAWAY_SUPPLIER_UUID: &str = "d0000002-0000-4000-8000-000000000003";

/// One demo organization: its public entry, its typed ids and everything
/// the mock serves about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OrgSeed {
    /// The public entry ([`DEMO_ORGANIZATIONS`]).
    pub(crate) demo: DemoOrganization,
    /// `Organization.uuid`, `org_uuid`.
    pub(crate) id: OrganizationId,
    /// `retailer_uuid` of a retailer.
    pub(crate) retailer: Option<RetailerId>,
    /// `supplier_uuid` of a supplier.
    pub(crate) supplier: Option<SupplierId>,
    /// The rest of Get Organization Details.
    pub(crate) profile: OrgProfile,
    /// Subscription, payment method, transactions.
    pub(crate) billing: &'static DemoBilling,
}

/// The retailer, Demo Retail Co.
pub(crate) const RETAIL: OrgSeed = OrgSeed {
    demo: DemoOrganization {
        name: "Demo Retail Co.",
        org_type: "RETAILER",
        org_uuid: RETAIL_UUID,
        retailer_uuid: RETAILER_UUID,
        supplier_uuid: "",
    },
    id: id!(OrganizationId, RETAIL_UUID),
    retailer: Some(id!(RetailerId, RETAILER_UUID)),
    supplier: None,
    profile: OrgProfile {
        status: "ACTIVE",
        created_date: "2018-02-09T17:02:13Z",
        active_date: Some("2018-02-12T09:30:00.123456Z"),
        account_manager: DemoAccountManager {
            uuid: id!(AccountManagerId, "d0000005-0000-4000-8000-000000000001"),
            person_uuid: id!(PersonId, "d0000006-0000-4000-8000-000000000001"),
            first_name: "Joe",
            last_name: "Account",
            email: "joe@accounts.demo.example",
            phone: "(555)555-0201",
            job_title: "Account Manager",
        },
    },
    billing: &RETAIL_BILLING,
};

/// The supplier, Demo Supply Co.
pub(crate) const SUPPLY: OrgSeed = OrgSeed {
    demo: DemoOrganization {
        name: "Demo Supply Co.",
        org_type: "SUPPLIER",
        org_uuid: SUPPLY_UUID,
        retailer_uuid: "",
        supplier_uuid: SUPPLIER_UUID,
    },
    id: id!(OrganizationId, SUPPLY_UUID),
    retailer: None,
    supplier: Some(id!(SupplierId, SUPPLIER_UUID)),
    profile: OrgProfile {
        status: "ACTIVE",
        created_date: "2018-03-01T15:45:00Z",
        active_date: None,
        account_manager: DemoAccountManager {
            uuid: id!(AccountManagerId, "d0000005-0000-4000-8000-000000000002"),
            person_uuid: id!(PersonId, "d0000006-0000-4000-8000-000000000002"),
            first_name: "Ava",
            last_name: "Manager",
            email: "ava@accounts.demo.example",
            phone: "(555)555-0202",
            job_title: "Senior Account Manager",
        },
    },
    billing: &SUPPLY_BILLING,
};

/// The second supplier, Faraway Goods Ltd.: the retailer is not connected
/// to it, so its products are invisible to the retailer.
pub(crate) const FARAWAY: OrgSeed = OrgSeed {
    demo: DemoOrganization {
        name: "Faraway Goods Ltd.",
        org_type: "SUPPLIER",
        org_uuid: FARAWAY_UUID,
        retailer_uuid: "",
        supplier_uuid: FARAWAY_SUPPLIER_UUID,
    },
    id: id!(OrganizationId, FARAWAY_UUID),
    retailer: None,
    supplier: Some(id!(SupplierId, FARAWAY_SUPPLIER_UUID)),
    profile: OrgProfile {
        status: "ACTIVE",
        created_date: "2019-05-20T08:00:00Z",
        active_date: Some("2019-05-21T10:15:00Z"),
        account_manager: DemoAccountManager {
            uuid: id!(AccountManagerId, "d0000005-0000-4000-8000-000000000003"),
            person_uuid: id!(PersonId, "d0000006-0000-4000-8000-000000000003"),
            first_name: "Joe",
            last_name: "Account",
            email: "joe@accounts.demo.example",
            phone: "(555)555-0201",
            job_title: "Account Manager",
        },
    },
    billing: &FARAWAY_BILLING,
};

/// Every demo organization, in dataset order.
pub(crate) static ORG_SEEDS: &[OrgSeed] = &[RETAIL, SUPPLY, FARAWAY];

/// The demo organizations: one retailer, two suppliers (the retailer is
/// connected to the first supplier only).
pub static DEMO_ORGANIZATIONS: &[DemoOrganization] = &[RETAIL.demo, SUPPLY.demo, FARAWAY.demo];

/// The rest of an organization's `Organization` object (Get Organization
/// Details): the fields [`DemoOrganization`] does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OrgProfile {
    /// `Organization.status`.
    pub(crate) status: &'static str,
    /// `Organization.created_date` (RFC 3339).
    pub(crate) created_date: &'static str,
    /// `Organization.active_date`; `None` is left out, as `null` in the
    /// docs' sample.
    pub(crate) active_date: Option<&'static str>,
    /// `Organization.account_manager`.
    pub(crate) account_manager: DemoAccountManager,
}

/// An organization's CRUX account manager (`AccountManager`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DemoAccountManager {
    /// `AccountManager.uuid`.
    pub(crate) uuid: AccountManagerId,
    /// `AccountManager.person.uuid`.
    pub(crate) person_uuid: PersonId,
    /// `Person.first_name`.
    pub(crate) first_name: &'static str,
    /// `Person.last_name`.
    pub(crate) last_name: &'static str,
    /// `Person.email`.
    pub(crate) email: &'static str,
    /// `Person.phone`.
    pub(crate) phone: &'static str,
    /// `Person.job_title`.
    pub(crate) job_title: &'static str,
}
