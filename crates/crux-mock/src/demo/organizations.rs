//! The demo organizations, and what Get Organization Details shows of them.

use super::DemoOrganization;

/// The retailer's name, the key other tables use.
pub(super) const RETAILER: &str = "Demo Retail Co.";
/// The supplier's name, the key other tables use.
pub(super) const SUPPLIER: &str = "Demo Supply Co.";

/// The two demo organizations: one retailer, one supplier.
pub static DEMO_ORGANIZATIONS: &[DemoOrganization] = &[
    DemoOrganization {
        name: RETAILER,
        org_type: "RETAILER",
        org_uuid: "d0000001-0000-4000-8000-000000000001",
        retailer_uuid: "d0000002-0000-4000-8000-000000000001",
        supplier_uuid: "",
    },
    DemoOrganization {
        name: SUPPLIER,
        org_type: "SUPPLIER",
        org_uuid: "d0000001-0000-4000-8000-000000000002",
        retailer_uuid: "",
        supplier_uuid: "d0000002-0000-4000-8000-000000000002",
    },
];

/// The rest of an organization's `Organization` object (Get Organization
/// Details): the fields [`DemoOrganization`] does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OrgProfile {
    /// [`DemoOrganization::name`] of the organization.
    pub(crate) organization: &'static str,
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
    pub(crate) uuid: &'static str,
    /// `AccountManager.person.uuid`.
    pub(crate) person_uuid: &'static str,
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

/// The profile of each demo organization.
pub(crate) static ORG_PROFILES: &[OrgProfile] = &[
    OrgProfile {
        organization: RETAILER,
        status: "ACTIVE",
        created_date: "2018-02-09T17:02:13Z",
        active_date: Some("2018-02-12T09:30:00.123456Z"),
        account_manager: DemoAccountManager {
            uuid: "d0000005-0000-4000-8000-000000000001",
            person_uuid: "d0000006-0000-4000-8000-000000000001",
            first_name: "Joe",
            last_name: "Account",
            email: "joe@accounts.demo.example",
            phone: "(555)555-0201",
            job_title: "Account Manager",
        },
    },
    OrgProfile {
        organization: SUPPLIER,
        status: "ACTIVE",
        created_date: "2018-03-01T15:45:00Z",
        active_date: None,
        account_manager: DemoAccountManager {
            uuid: "d0000005-0000-4000-8000-000000000002",
            person_uuid: "d0000006-0000-4000-8000-000000000002",
            first_name: "Ava",
            last_name: "Manager",
            email: "ava@accounts.demo.example",
            phone: "(555)555-0202",
            job_title: "Senior Account Manager",
        },
    },
];

/// The profile of organization `name`.
pub(crate) fn profile(name: &str) -> Option<&'static OrgProfile> {
    ORG_PROFILES.iter().find(|p| p.organization == name)
}
