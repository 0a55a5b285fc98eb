//! The permission catalogue.

use crux_types::PermissionId;

use super::DemoPermission;
use super::ids::id;

/// The permission names, one constant each: the catalogue below and the
/// demo users' lists use these, so a misspelt name does not compile.
pub(crate) mod names {
    /// `view_org_users`.
    pub(crate) const VIEW_ORG_USERS: &str = "view_org_users";
    /// `edit_org_users`.
    pub(crate) const EDIT_ORG_USERS: &str = "edit_org_users";
    /// `view_org_subscription_plan`.
    pub(crate) const VIEW_ORG_SUBSCRIPTION_PLAN: &str = "view_org_subscription_plan";
    /// `edit_org_subscription_plan`.
    pub(crate) const EDIT_ORG_SUBSCRIPTION_PLAN: &str = "edit_org_subscription_plan";
    /// `view_payment_info`.
    pub(crate) const VIEW_PAYMENT_INFO: &str = "view_payment_info";
    /// `edit_payment_info`.
    pub(crate) const EDIT_PAYMENT_INFO: &str = "edit_payment_info";
    /// `view_billing_statement`.
    pub(crate) const VIEW_BILLING_STATEMENT: &str = "view_billing_statement";
    /// `view_notifications_settings`.
    pub(crate) const VIEW_NOTIFICATIONS_SETTINGS: &str = "view_notifications_settings";
    /// `edit_email_notifications_preferences`.
    pub(crate) const EDIT_EMAIL_NOTIFICATIONS_PREFERENCES: &str =
        "edit_email_notifications_preferences";
    /// `cancel_order`.
    pub(crate) const CANCEL_ORDER: &str = "cancel_order";
    /// `view_order`.
    pub(crate) const VIEW_ORDER: &str = "view_order";
    /// `export_order`.
    pub(crate) const EXPORT_ORDER: &str = "export_order";
    /// `view_items`.
    pub(crate) const VIEW_ITEMS: &str = "view_items";
    /// `create_order`.
    pub(crate) const CREATE_ORDER: &str = "create_order";
    /// `view_inventory_lists`.
    pub(crate) const VIEW_INVENTORY_LISTS: &str = "view_inventory_lists";
    /// `edit_inventory_lists`.
    pub(crate) const EDIT_INVENTORY_LISTS: &str = "edit_inventory_lists";
    /// `edit_items`.
    pub(crate) const EDIT_ITEMS: &str = "edit_items";
    /// `add_order_tracking`.
    pub(crate) const ADD_ORDER_TRACKING: &str = "add_order_tracking";
    /// `allocate_order`.
    pub(crate) const ALLOCATE_ORDER: &str = "allocate_order";
    /// `view_supplier_catalogs`.
    pub(crate) const VIEW_SUPPLIER_CATALOGS: &str = "view_supplier_catalogs";
    /// `edit_supplier_catalogs`.
    pub(crate) const EDIT_SUPPLIER_CATALOGS: &str = "edit_supplier_catalogs";
}

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
        n: $n:literal, name: $name:expr, display_name: $display:literal,
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
        n: "01", name: names::VIEW_ORG_USERS, display_name: "View Users",
        description: "Ability to see the users in an organization",
        visibility: "BOTH", grouping: "ORGUSERS",
    },
    permission! {
        n: "02", name: names::EDIT_ORG_USERS, display_name: "Edit Users",
        description: "Ability to edit/change/delete users in an organization",
        visibility: "BOTH", grouping: "ORGUSERS",
    },
    permission! {
        n: "03", name: names::VIEW_ORG_SUBSCRIPTION_PLAN, display_name: "View Subscription Plan",
        description: "View the subscription plan info for an organization",
        visibility: "BOTH", grouping: "ORGSUB",
    },
    permission! {
        n: "04", name: names::EDIT_ORG_SUBSCRIPTION_PLAN, display_name: "Edit Subscription Plan",
        description: "Change the subscription plan of an organization",
        visibility: "BOTH", grouping: "ORGSUB",
    },
    permission! {
        n: "05", name: names::VIEW_PAYMENT_INFO, display_name: "View Payment Info",
        description: "See the payment methods of an organization",
        visibility: "BOTH", grouping: "BILLING",
    },
    permission! {
        n: "06", name: names::EDIT_PAYMENT_INFO, display_name: "Edit Payment Info",
        description: "Add, change or remove the payment methods of an organization",
        visibility: "BOTH", grouping: "BILLING",
    },
    permission! {
        n: "07", name: names::VIEW_BILLING_STATEMENT, display_name: "View Billing Statements",
        description: "See the billing statements and transactions of an organization",
        visibility: "BOTH", grouping: "BILLING",
    },
    permission! {
        n: "08", name: names::VIEW_NOTIFICATIONS_SETTINGS, display_name: "View Notification Settings",
        description: "See the notification settings of a user",
        visibility: "BOTH", grouping: "NOTIFICATIONS",
    },
    permission! {
        n: "09", name: names::EDIT_EMAIL_NOTIFICATIONS_PREFERENCES, display_name: "Edit Email Notifications",
        description: "Choose which notifications are sent by email",
        visibility: "BOTH", grouping: "NOTIFICATIONS",
    },
    permission! {
        n: "10", name: names::CANCEL_ORDER, display_name: "Cancel Orders",
        description: "Cancel orders and order items",
        visibility: "BOTH", grouping: "ORDERS",
    },
    permission! {
        n: "11", name: names::VIEW_ORDER, display_name: "View Orders",
        description: "See orders and their details",
        visibility: "BOTH", grouping: "ORDERS",
    },
    permission! {
        n: "12", name: names::EXPORT_ORDER, display_name: "Export Orders",
        description: "Export orders as CSV",
        visibility: "BOTH", grouping: "ORDERS",
    },
    permission! {
        n: "13", name: names::VIEW_ITEMS, display_name: "View Items",
        description: "See items and their SKUs",
        visibility: "BOTH", grouping: "ITEMS",
    },
    // Retailers only.
    permission! {
        n: "14", name: names::CREATE_ORDER, display_name: "Create Orders",
        description: "Place orders with connected suppliers",
        visibility: "RETAILER", grouping: "ORDERS",
    },
    permission! {
        n: "15", name: names::VIEW_INVENTORY_LISTS, display_name: "View Inventory Lists",
        description: "See the inventory lists of an organization",
        visibility: "RETAILER", grouping: "INVENTORY",
    },
    permission! {
        n: "16", name: names::EDIT_INVENTORY_LISTS, display_name: "Edit Inventory Lists",
        description: "Create inventory lists and add or remove their items",
        visibility: "RETAILER", grouping: "INVENTORY",
    },
    // Suppliers only.
    permission! {
        n: "17", name: names::EDIT_ITEMS, display_name: "Edit Items",
        description: "Create and change items and their SKUs",
        visibility: "SUPPLIER", grouping: "ITEMS",
    },
    permission! {
        n: "18", name: names::ADD_ORDER_TRACKING, display_name: "Add Order Tracking",
        description: "Add tracking numbers to orders",
        visibility: "SUPPLIER", grouping: "ORDERS",
    },
    permission! {
        n: "19", name: names::ALLOCATE_ORDER, display_name: "Allocate Orders",
        description: "Accept or reject the line items of an order",
        visibility: "SUPPLIER", grouping: "ORDERS",
    },
    permission! {
        n: "20", name: names::VIEW_SUPPLIER_CATALOGS, display_name: "View Catalogs",
        description: "See the catalogs of a supplier",
        visibility: "SUPPLIER", grouping: "CATALOGS",
    },
    permission! {
        n: "21", name: names::EDIT_SUPPLIER_CATALOGS, display_name: "Edit Catalogs",
        description: "Create catalogs and add or remove their items",
        visibility: "SUPPLIER", grouping: "CATALOGS",
    },
];
