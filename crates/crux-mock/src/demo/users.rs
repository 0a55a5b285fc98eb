//! The demo users.

use super::DemoUser;
use super::organizations::{RETAILER, SUPPLIER};

/// Every permission visible to a retailer.
const RETAILER_ALL: &[&str] = &[
    "view_org_users",
    "edit_org_users",
    "view_org_subscription_plan",
    "edit_org_subscription_plan",
    "view_payment_info",
    "edit_payment_info",
    "view_billing_statement",
    "view_notifications_settings",
    "edit_email_notifications_preferences",
    "cancel_order",
    "view_order",
    "export_order",
    "view_items",
    "create_order",
    "view_inventory_lists",
    "edit_inventory_lists",
];

/// Every permission visible to a supplier.
const SUPPLIER_ALL: &[&str] = &[
    "view_org_users",
    "edit_org_users",
    "view_org_subscription_plan",
    "edit_org_subscription_plan",
    "view_payment_info",
    "edit_payment_info",
    "view_billing_statement",
    "view_notifications_settings",
    "edit_email_notifications_preferences",
    "cancel_order",
    "view_order",
    "export_order",
    "view_items",
    "edit_items",
    "add_order_tracking",
    "allocate_order",
    "view_supplier_catalogs",
    "edit_supplier_catalogs",
];

/// Builds a user; `n` is the last two digits of its UUIDs and phone.
macro_rules! user {
    (
        n: $n:literal, org: $org:expr, org_type: $org_type:literal, status: $status:literal,
        username: $username:literal, password: $password:literal, token: $token:literal,
        name: ($first:literal, $last:literal),
        permissions: $permissions:expr,
        description: $description:literal $(,)?
    ) => {
        DemoUser {
            username: $username,
            password: $password,
            token: $token,
            first_name: $first,
            last_name: $last,
            phone: concat!("(555)555-01", $n),
            organization: $org,
            org_type: $org_type,
            user_uuid: concat!("d0000003-0000-4000-8000-0000000000", $n),
            person_uuid: concat!("d0000004-0000-4000-8000-0000000000", $n),
            status: $status,
            permissions: $permissions,
            description: $description,
        }
    };
}

/// The demo users, four per organization; the crate README has them as a
/// table. In each organization: an admin with every permission, a user
/// without `view_org_users`, a user with `view_org_users` but not
/// `edit_org_users`, and a user who is not `ACTIVE` (so cannot log in, and
/// whose token answers 401).
pub static DEMO_USERS: &[DemoUser] = &[
    user! {
        n: "01", org: RETAILER, org_type: "RETAILER", status: "ACTIVE",
        username: "admin@retail.demo.example", password: "retail-admin-pass",
        token: "demoretaileradmin00000000000000000000001",
        name: ("Rita", "Admin"),
        permissions: RETAILER_ALL,
        description: "retailer admin: every permission",
    },
    user! {
        n: "02", org: RETAILER, org_type: "RETAILER", status: "ACTIVE",
        username: "buyer@retail.demo.example", password: "retail-buyer-pass",
        token: "demoretailerbuyer00000000000000000000002",
        name: ("Ben", "Buyer"),
        permissions: &[
            "view_notifications_settings",
            "edit_email_notifications_preferences",
            "cancel_order",
            "view_order",
            "export_order",
            "view_items",
            "create_order",
            "view_inventory_lists",
            "edit_inventory_lists",
        ],
        description: "retailer buyer: orders and inventory lists, no view_org_users (403 on the users list)",
    },
    user! {
        n: "03", org: RETAILER, org_type: "RETAILER", status: "ACTIVE",
        username: "viewer@retail.demo.example", password: "retail-viewer-pass",
        token: "demoretailerviewer0000000000000000000003",
        name: ("Vera", "Viewer"),
        permissions: &[
            "view_org_users",
            "view_org_subscription_plan",
            "view_billing_statement",
            "view_order",
            "view_items",
        ],
        description: "retailer read-only: view_org_users and other view_* permissions, no edit_*",
    },
    user! {
        n: "04", org: RETAILER, org_type: "RETAILER", status: "DEACTIVATED",
        username: "former@retail.demo.example", password: "retail-former-pass",
        token: "demoretailerformer0000000000000000000004",
        name: ("Fred", "Former"),
        permissions: &[
            "view_org_users",
            "view_order",
            "view_items",
        ],
        description: "deactivated retailer user: login answers 400, the token 401",
    },
    user! {
        n: "05", org: SUPPLIER, org_type: "SUPPLIER", status: "ACTIVE",
        username: "admin@supply.demo.example", password: "supply-admin-pass",
        token: "demosupplieradmin00000000000000000000005",
        name: ("Sara", "Admin"),
        permissions: SUPPLIER_ALL,
        description: "supplier admin: every permission",
    },
    user! {
        n: "06", org: SUPPLIER, org_type: "SUPPLIER", status: "ACTIVE",
        username: "warehouse@supply.demo.example", password: "supply-warehouse-pass",
        token: "demosupplierwarehouse0000000000000000006",
        name: ("Walt", "Warehouse"),
        permissions: &[
            "view_notifications_settings",
            "view_order",
            "view_items",
            "edit_items",
            "add_order_tracking",
            "allocate_order",
            "view_supplier_catalogs",
            "edit_supplier_catalogs",
        ],
        description: "supplier warehouse: orders, items and catalogs, no view_org_users (403 on the users list)",
    },
    user! {
        n: "07", org: SUPPLIER, org_type: "SUPPLIER", status: "ACTIVE",
        username: "finance@supply.demo.example", password: "supply-finance-pass",
        token: "demosupplierfinance000000000000000000007",
        name: ("Fiona", "Finance"),
        permissions: &[
            "view_org_users",
            "view_org_subscription_plan",
            "edit_org_subscription_plan",
            "view_payment_info",
            "edit_payment_info",
            "view_billing_statement",
        ],
        description: "supplier finance: billing and subscription, view_org_users but not edit_org_users",
    },
    user! {
        n: "08", org: SUPPLIER, org_type: "SUPPLIER", status: "CONFIRMATION WAITING",
        username: "pending@supply.demo.example", password: "supply-pending-pass",
        token: "demosupplierpending000000000000000000008",
        name: ("Penny", "Pending"),
        permissions: &[
            "view_org_users",
            "view_items",
        ],
        description: "supplier user waiting for confirmation: login answers 400, the token 401",
    },
];
