//! The permission catalogue.

use crux_types::PermissionId;

use super::DemoPermission;
use super::ids::id;

/// A permission of the catalogue: its public entry and its typed id.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PermissionSeed {
    /// The public entry ([`DEMO_PERMISSIONS`]).
    pub(crate) demo: DemoPermission,
    /// `Permission.uuid`.
    pub(crate) id: PermissionId,
}

/// Builds a catalogue entry; `n` is the last two digits of its UUID.
macro_rules! permission {
    (
        n: $n:literal, name: $name:literal, display_name: $display:literal,
        description: $description:literal,
        visibility: $visibility:literal, grouping: $grouping:literal $(,)?
    ) => {
        PermissionSeed {
            demo: DemoPermission {
                uuid: concat!("d0000000-0000-4000-8000-0000000000", $n),
                name: $name,
                display_name: $display,
                description: $description,
                visibility: $visibility,
                grouping: $grouping,
            },
            id: id!(
                PermissionId,
                concat!("d0000000-0000-4000-8000-0000000000", $n)
            ),
        }
    };
}

/// Every permission the mock knows, in the order users' permission lists
/// show them: the 21 names documented in `_v1_documentation/permissions.md`
/// (13 for both organization types, 3 retailer-only, 5 supplier-only).
///
/// The display names, descriptions and groupings of `view_org_users`,
/// `edit_org_users` and `view_org_subscription_plan` are the docs'; the
/// others are written for the mock. The docs only show the groupings
/// `ORGUSERS` and `ORGSUB`; `BILLING`, `NOTIFICATIONS`, `ORDERS`, `ITEMS`,
/// `INVENTORY` and `CATALOGS` are invented.
pub static DEMO_PERMISSIONS: &[DemoPermission] = &public(&SEEDS);

/// The catalogue with typed ids, in [`DEMO_PERMISSIONS`] order.
pub(crate) static PERMISSION_SEEDS: &[PermissionSeed] = &SEEDS;

/// The public entries of `seeds`.
const fn public<const N: usize>(seeds: &[PermissionSeed; N]) -> [DemoPermission; N] {
    let mut out = [EMPTY; N];
    let mut i = 0;
    while i < N {
        out[i] = seeds[i].demo;
        i += 1;
    }
    out
}

/// A placeholder, overwritten by [`public`].
const EMPTY: DemoPermission = DemoPermission {
    uuid: "",
    name: "",
    display_name: "",
    description: "",
    visibility: "",
    grouping: "",
};

/// The catalogue; see [`DEMO_PERMISSIONS`].
const SEEDS: [PermissionSeed; 21] = [
    // Both organization types.
    permission! {
        n: "01", name: "view_org_users", display_name: "View Users",
        description: "Ability to see the users in an organization",
        visibility: "BOTH", grouping: "ORGUSERS",
    },
    permission! {
        n: "02", name: "edit_org_users", display_name: "Edit Users",
        description: "Ability to edit/change/delete users in an organization",
        visibility: "BOTH", grouping: "ORGUSERS",
    },
    permission! {
        n: "03", name: "view_org_subscription_plan", display_name: "View Subscription Plan",
        description: "View the subscription plan info for an organization",
        visibility: "BOTH", grouping: "ORGSUB",
    },
    permission! {
        n: "04", name: "edit_org_subscription_plan", display_name: "Edit Subscription Plan",
        description: "Change the subscription plan of an organization",
        visibility: "BOTH", grouping: "ORGSUB",
    },
    permission! {
        n: "05", name: "view_payment_info", display_name: "View Payment Info",
        description: "See the payment methods of an organization",
        visibility: "BOTH", grouping: "BILLING",
    },
    permission! {
        n: "06", name: "edit_payment_info", display_name: "Edit Payment Info",
        description: "Add, change or remove the payment methods of an organization",
        visibility: "BOTH", grouping: "BILLING",
    },
    permission! {
        n: "07", name: "view_billing_statement", display_name: "View Billing Statements",
        description: "See the billing statements and transactions of an organization",
        visibility: "BOTH", grouping: "BILLING",
    },
    permission! {
        n: "08", name: "view_notifications_settings", display_name: "View Notification Settings",
        description: "See the notification settings of a user",
        visibility: "BOTH", grouping: "NOTIFICATIONS",
    },
    permission! {
        n: "09", name: "edit_email_notifications_preferences", display_name: "Edit Email Notifications",
        description: "Choose which notifications are sent by email",
        visibility: "BOTH", grouping: "NOTIFICATIONS",
    },
    permission! {
        n: "10", name: "cancel_order", display_name: "Cancel Orders",
        description: "Cancel orders and order items",
        visibility: "BOTH", grouping: "ORDERS",
    },
    permission! {
        n: "11", name: "view_order", display_name: "View Orders",
        description: "See orders and their details",
        visibility: "BOTH", grouping: "ORDERS",
    },
    permission! {
        n: "12", name: "export_order", display_name: "Export Orders",
        description: "Export orders as CSV",
        visibility: "BOTH", grouping: "ORDERS",
    },
    permission! {
        n: "13", name: "view_items", display_name: "View Items",
        description: "See items and their SKUs",
        visibility: "BOTH", grouping: "ITEMS",
    },
    // Retailers only.
    permission! {
        n: "14", name: "create_order", display_name: "Create Orders",
        description: "Place orders with connected suppliers",
        visibility: "RETAILER", grouping: "ORDERS",
    },
    permission! {
        n: "15", name: "view_inventory_lists", display_name: "View Inventory Lists",
        description: "See the inventory lists of an organization",
        visibility: "RETAILER", grouping: "INVENTORY",
    },
    permission! {
        n: "16", name: "edit_inventory_lists", display_name: "Edit Inventory Lists",
        description: "Create inventory lists and add or remove their items",
        visibility: "RETAILER", grouping: "INVENTORY",
    },
    // Suppliers only.
    permission! {
        n: "17", name: "edit_items", display_name: "Edit Items",
        description: "Create and change items and their SKUs",
        visibility: "SUPPLIER", grouping: "ITEMS",
    },
    permission! {
        n: "18", name: "add_order_tracking", display_name: "Add Order Tracking",
        description: "Add tracking numbers to orders",
        visibility: "SUPPLIER", grouping: "ORDERS",
    },
    permission! {
        n: "19", name: "allocate_order", display_name: "Allocate Orders",
        description: "Accept or reject the line items of an order",
        visibility: "SUPPLIER", grouping: "ORDERS",
    },
    permission! {
        n: "20", name: "view_supplier_catalogs", display_name: "View Catalogs",
        description: "See the catalogs of a supplier",
        visibility: "SUPPLIER", grouping: "CATALOGS",
    },
    permission! {
        n: "21", name: "edit_supplier_catalogs", display_name: "Edit Catalogs",
        description: "Create catalogs and add or remove their items",
        visibility: "SUPPLIER", grouping: "CATALOGS",
    },
];
