//! The demo users.

use crux_types::{OrganizationId, PersonId, UserId};

use super::DemoUser;
use super::ids::id;
use super::organizations::{FARAWAY, RETAIL, SUPPLY};
use super::permissions::names::*;

/// A demo user: the public entry and its typed ids.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UserSeed {
    /// The public entry ([`DEMO_USERS`]).
    pub(crate) demo: DemoUser,
    /// `User.uuid`.
    pub(crate) id: UserId,
    /// `Person.uuid`.
    pub(crate) person: PersonId,
    /// The user's organization.
    pub(crate) org: OrganizationId,
    /// `NN`, the user's number in the id scheme.
    pub(crate) n: u64,
}

/// Every permission visible to a retailer.
const RETAILER_ALL: &[&str] = &[
    VIEW_ORG_USERS,
    EDIT_ORG_USERS,
    VIEW_ORG_SUBSCRIPTION_PLAN,
    EDIT_ORG_SUBSCRIPTION_PLAN,
    VIEW_PAYMENT_INFO,
    EDIT_PAYMENT_INFO,
    VIEW_BILLING_STATEMENT,
    VIEW_NOTIFICATIONS_SETTINGS,
    EDIT_EMAIL_NOTIFICATIONS_PREFERENCES,
    CANCEL_ORDER,
    VIEW_ORDER,
    EXPORT_ORDER,
    VIEW_ITEMS,
    CREATE_ORDER,
    VIEW_INVENTORY_LISTS,
    EDIT_INVENTORY_LISTS,
];

/// Every permission visible to a supplier.
const SUPPLIER_ALL: &[&str] = &[
    VIEW_ORG_USERS,
    EDIT_ORG_USERS,
    VIEW_ORG_SUBSCRIPTION_PLAN,
    EDIT_ORG_SUBSCRIPTION_PLAN,
    VIEW_PAYMENT_INFO,
    EDIT_PAYMENT_INFO,
    VIEW_BILLING_STATEMENT,
    VIEW_NOTIFICATIONS_SETTINGS,
    EDIT_EMAIL_NOTIFICATIONS_PREFERENCES,
    CANCEL_ORDER,
    VIEW_ORDER,
    EXPORT_ORDER,
    VIEW_ITEMS,
    EDIT_ITEMS,
    ADD_ORDER_TRACKING,
    ALLOCATE_ORDER,
    VIEW_SUPPLIER_CATALOGS,
    EDIT_SUPPLIER_CATALOGS,
];

/// Builds a user; `n` is the last two digits of its UUIDs and phone.
macro_rules! user {
    (
        n: $n:literal, org: $org:expr, status: $status:literal,
        username: $username:literal, password: $password:literal, token: $token:literal,
        name: ($first:literal, $last:literal),
        permissions: $permissions:expr,
        description: $description:literal $(,)?
    ) => {
        UserSeed {
            demo: DemoUser {
                username: $username,
                password: $password,
                token: $token,
                first_name: $first,
                last_name: $last,
                phone: concat!("(555)555-01", $n),
                organization: $org.demo.name,
                org_type: $org.demo.org_type,
                user_uuid: concat!("d0000003-0000-4000-8000-0000000000", $n),
                person_uuid: concat!("d0000004-0000-4000-8000-0000000000", $n),
                status: $status,
                permissions: $permissions,
                description: $description,
            },
            id: id!(UserId, concat!("d0000003-0000-4000-8000-0000000000", $n)),
            person: id!(PersonId, concat!("d0000004-0000-4000-8000-0000000000", $n)),
            org: $org.id,
            n: n($n),
        }
    };
}

/// The demo users, four in each of the first two organizations and the
/// second supplier's admin; the crate README has them as a table. In each
/// of the first two organizations: an admin with every permission, a user
/// without `view_org_users`, a user with `view_org_users` but not
/// `edit_org_users`, and a user who is not `ACTIVE` (so cannot log in, and
/// whose token answers 401).
pub static DEMO_USERS: &[DemoUser] = &public(&SEEDS);

/// The users with typed ids, in [`DEMO_USERS`] order.
pub(crate) static USER_SEEDS: &[UserSeed] = &SEEDS;

/// The public entries of `seeds`.
const fn public<const N: usize>(seeds: &[UserSeed; N]) -> [DemoUser; N] {
    let mut out = [EMPTY; N];
    let mut i = 0;
    while i < N {
        out[i] = seeds[i].demo;
        i += 1;
    }
    out
}

/// A placeholder, overwritten by [`public`].
const EMPTY: DemoUser = DemoUser {
    username: "",
    password: "",
    token: "",
    first_name: "",
    last_name: "",
    phone: "",
    organization: "",
    org_type: "",
    user_uuid: "",
    person_uuid: "",
    status: "",
    permissions: &[],
    description: "",
};

/// The value of a two-digit decimal literal (`"07"` is 7); the macro only
/// passes digits.
const fn n(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut value = 0;
    let mut i = 0;
    while i < bytes.len() {
        value = value * 10 + (bytes[i].wrapping_sub(b'0') % 10) as u64;
        i += 1;
    }
    value
}

/// The users; see [`DEMO_USERS`].
const SEEDS: [UserSeed; 9] = [
    user! {
        n: "01", org: RETAIL, status: "ACTIVE",
        username: "admin@retail.demo.example", password: "retail-admin-pass",
        token: "demoretaileradmin00000000000000000000001",
        name: ("Rita", "Admin"),
        permissions: RETAILER_ALL,
        description: "retailer admin: every permission",
    },
    user! {
        n: "02", org: RETAIL, status: "ACTIVE",
        username: "buyer@retail.demo.example", password: "retail-buyer-pass",
        token: "demoretailerbuyer00000000000000000000002",
        name: ("Ben", "Buyer"),
        permissions: &[
            VIEW_NOTIFICATIONS_SETTINGS,
            EDIT_EMAIL_NOTIFICATIONS_PREFERENCES,
            CANCEL_ORDER,
            VIEW_ORDER,
            EXPORT_ORDER,
            VIEW_ITEMS,
            CREATE_ORDER,
            VIEW_INVENTORY_LISTS,
            EDIT_INVENTORY_LISTS,
        ],
        description: "retailer buyer: orders and inventory lists, no view_org_users (403 on the users list)",
    },
    user! {
        n: "03", org: RETAIL, status: "ACTIVE",
        username: "viewer@retail.demo.example", password: "retail-viewer-pass",
        token: "demoretailerviewer0000000000000000000003",
        name: ("Vera", "Viewer"),
        permissions: &[
            VIEW_ORG_USERS,
            VIEW_ORG_SUBSCRIPTION_PLAN,
            VIEW_BILLING_STATEMENT,
            VIEW_ORDER,
            VIEW_ITEMS,
        ],
        description: "retailer read-only: view_org_users and other view_* permissions, no edit_*",
    },
    user! {
        n: "04", org: RETAIL, status: "DEACTIVATED",
        username: "former@retail.demo.example", password: "retail-former-pass",
        token: "demoretailerformer0000000000000000000004",
        name: ("Fred", "Former"),
        permissions: &[
            VIEW_ORG_USERS,
            VIEW_ORDER,
            VIEW_ITEMS,
        ],
        description: "deactivated retailer user: login answers 400, the token 401",
    },
    user! {
        n: "05", org: SUPPLY, status: "ACTIVE",
        username: "admin@supply.demo.example", password: "supply-admin-pass",
        token: "demosupplieradmin00000000000000000000005",
        name: ("Sara", "Admin"),
        permissions: SUPPLIER_ALL,
        description: "supplier admin: every permission",
    },
    user! {
        n: "06", org: SUPPLY, status: "ACTIVE",
        username: "warehouse@supply.demo.example", password: "supply-warehouse-pass",
        token: "demosupplierwarehouse0000000000000000006",
        name: ("Walt", "Warehouse"),
        permissions: &[
            VIEW_NOTIFICATIONS_SETTINGS,
            VIEW_ORDER,
            VIEW_ITEMS,
            EDIT_ITEMS,
            ADD_ORDER_TRACKING,
            ALLOCATE_ORDER,
            VIEW_SUPPLIER_CATALOGS,
            EDIT_SUPPLIER_CATALOGS,
        ],
        description: "supplier warehouse: orders, items and catalogs, no view_org_users (403 on the users list)",
    },
    user! {
        n: "07", org: SUPPLY, status: "ACTIVE",
        username: "finance@supply.demo.example", password: "supply-finance-pass",
        token: "demosupplierfinance000000000000000000007",
        name: ("Fiona", "Finance"),
        permissions: &[
            VIEW_ORG_USERS,
            VIEW_ORG_SUBSCRIPTION_PLAN,
            EDIT_ORG_SUBSCRIPTION_PLAN,
            VIEW_PAYMENT_INFO,
            EDIT_PAYMENT_INFO,
            VIEW_BILLING_STATEMENT,
        ],
        description: "supplier finance: billing and subscription, view_org_users but not edit_org_users",
    },
    user! {
        n: "08", org: SUPPLY, status: "CONFIRMATION WAITING",
        username: "pending@supply.demo.example", password: "supply-pending-pass",
        token: "demosupplierpending000000000000000000008",
        name: ("Penny", "Pending"),
        permissions: &[
            VIEW_ORG_USERS,
            VIEW_ITEMS,
        ],
        description: "supplier user waiting for confirmation: login answers 400, the token 401",
    },
    user! {
        n: "09", org: FARAWAY, status: "ACTIVE",
        username: "admin@faraway.demo.example", password: "faraway-admin-pass",
        token: "demofarawayadmin000000000000000000000009",
        name: ("Omar", "Owner"),
        permissions: SUPPLIER_ALL,
        description: "second supplier's admin: every permission; the retailer is not connected to this supplier",
    },
];
