//! The 59 endpoints, in the order of the spec's endpoint table.
//!
//! One line each: constant, row, operation name, method, path, caller,
//! permissions and where they come from, section, implemented. The
//! permissions marked `Inferred` are not on the endpoint's page; see
//! docs/spec-decisions.md, E-32.

use super::{
    Caller::*, Endpoint, HttpMethod::*, PermissionSource::None as Unstated, PermissionSource::*,
    Section::*,
};

macro_rules! catalogue {
    ($(
        $konst:ident = $row:literal $name:literal $method:ident $path:literal,
        $caller:ident, [$($perm:literal),*] $source:ident, $section:ident, $done:literal;
    )*) => {
        $(
            #[doc = concat!("`", stringify!($method), " ", $path, "`: `", $name, "`, row ",
                stringify!($row), " of the spec's table.")]
            #[doc = ""]
            #[doc = concat!("Caller: ", stringify!($caller), "; permissions (",
                stringify!($source), "):", $(" `", $perm, "`",)* ".")]
            pub const $konst: Endpoint = Endpoint {
                row: $row,
                name: $name,
                method: $method,
                path: $path,
                caller: $caller,
                permissions: &[$($perm),*],
                permission_source: $source,
                section: $section,
                implemented: $done,
            };
        )*

        /// Every endpoint, by row.
        pub const ALL: &[Endpoint] = &[$($konst),*];
    };
}

catalogue! {
    LOGIN = 1 "login" Post "/organizations/user-login/",
        NoToken, [] Unstated, Organization, true;
    USERS_LIST = 2 "users.list" Get "/organizations/users/all/",
        Both, ["view_org_users"] Stated, Organization, true;
    USERS_GET = 3 "users.get" Get "/organizations/users/detail/{user_uuid}/",
        Both, ["view_org_users"] Stated, Organization, true;
    PERMISSIONS_LIST = 4 "permissions.list" Get "/organizations/all_permissions/",
        Both, ["view_org_users"] Stated, Organization, true;
    USERS_PERMISSIONS = 5 "users.permissions" Get "/organizations/users/permissions/{user_uuid}/",
        Both, ["view_org_users"] Stated, Organization, true;
    USERS_ADD_PERMISSIONS = 6 "users.add_permissions" Patch "/organizations/users/permissions/{user_uuid}/",
        Both, ["edit_org_users"] Stated, Organization, true;
    USERS_REMOVE_PERMISSIONS = 7 "users.remove_permissions" Delete "/organizations/users/permissions/{user_uuid}/",
        Both, ["edit_org_users"] Stated, Organization, true;
    ORGANIZATION_GET = 8 "organization.get" Get "/organizations/",
        Both, [] Unstated, Organization, true;
    // The page asks for `view_orders`, which does not exist (E-32).
    NOTIFICATIONS_LIST = 9 "notifications.list" Get "/notifications/",
        Both, ["view_order"] Stated, Organization, true;
    NOTIFICATIONS_SETTINGS = 10 "notifications.settings" Get "/notifications/notification-settings/",
        Both, ["view_notifications_settings"] Stated, Organization, true;
    NOTIFICATIONS_UPDATE_SETTINGS = 11 "notifications.update_settings" Put "/notifications/notification-settings/",
        Both, ["view_notifications_settings", "edit_email_notifications_preferences"] Stated, Organization, true;
    PAYMENT_METHOD_GET = 12 "payment_method.get" Get "/accounting/payment-methods/",
        Both, ["view_payment_info"] Inferred, Accounting, true;
    SUBSCRIPTION_GET = 13 "subscription.get" Get "/organizations/subscription/",
        Both, ["view_org_subscription_plan"] Stated, Accounting, true;
    TRANSACTIONS_LIST = 14 "transactions.list" Get "/accounting/transactions/",
        Both, ["view_billing_statement"] Inferred, Accounting, true;
    TRANSACTIONS_GET = 15 "transactions.get" Get "/accounting/transactions/{transaction_id}/",
        Both, ["view_billing_statement"] Inferred, Accounting, true;
    TRANSACTIONS_EXPORT = 16 "transactions.export" Post "/accounting/transactions/export/",
        Both, ["view_billing_statement"] Inferred, Accounting, true;
    CONNECTIONS_LIST = 17 "connections.list" Get "/organizations/connections/",
        Both, [] Unstated, Discovery, false;
    DISCOVERY_SUPPLIERS = 18 "discovery.suppliers" Post "/discovery/suppliers/",
        Retailer, [] Unstated, Discovery, false;
    CONNECTIONS_CREATE_REQUEST = 19 "connections.create_request" Post "/organizations/connections/request/",
        Retailer, [] Unstated, Discovery, false;
    CONNECTIONS_REQUESTS = 20 "connections.requests" Get "/organizations/connections/request/",
        Retailer, [] Unstated, Discovery, false;
    CONNECTIONS_GET_REQUEST = 21 "connections.get_request" Get "/organizations/connections/request/{request_uuid}/",
        Retailer, [] Unstated, Discovery, false;
    CONNECTIONS_UPDATE_REQUEST = 22 "connections.update_request" Patch "/organizations/connections/request/{request_uuid}/",
        Retailer, [] Unstated, Discovery, false;
    ORDERS_SEARCH = 23 "orders.search" Post "/orders/",
        Both, ["view_order"] Inferred, Ordering, false;
    ORDERS_GET = 24 "orders.get" Get "/orders/{order_uuid}/",
        Both, ["view_order"] Inferred, Ordering, false;
    ORDERS_EXPORT = 25 "orders.export" Post "/orders/export/",
        Both, ["export_order"] Inferred, Ordering, false;
    ORDERS_EXPORT_BY_SEARCH = 26 "orders.export_by_search" Post "/orders/search/export/",
        Both, ["export_order"] Inferred, Ordering, false;
    ORDERS_CREATE = 27 "orders.create" Post "/orders/create/",
        Retailer, ["create_order"] Inferred, Ordering, false;
    ORDERS_FEES = 28 "orders.fees" Post "/orders/fees/",
        Retailer, [] Unstated, Ordering, false;
    ORDERS_CANCEL = 29 "orders.cancel" Patch "/orders/cancel/",
        Retailer, ["cancel_order"] Inferred, Ordering, false;
    ORDERS_CANCEL_ITEM = 30 "orders.cancel_item" Delete "/orders/items/cancel/{order_item_uuid}/",
        Retailer, ["cancel_order"] Inferred, Ordering, false;
    ORDERS_ADD_TRACKING = 31 "orders.add_tracking" Post "/orders/tracking/{order_uuid}/",
        Supplier, ["add_order_tracking"] Inferred, Ordering, false;
    ORDERS_ALLOCATE = 32 "orders.allocate" Put "/orders/allocation/{order_uuid}/",
        Supplier, ["allocate_order"] Inferred, Ordering, false;
    // `view_supplier_catalogs` exists for suppliers only; a retailer needs none.
    CATALOGS_LIST = 33 "catalogs.list" Get "/products/catalogs/",
        Both, ["view_supplier_catalogs"] Inferred, Product, false;
    CATALOGS_GET = 34 "catalogs.get" Get "/products/catalogs/{catalog_uuid}/",
        Both, ["view_supplier_catalogs"] Inferred, Product, false;
    ITEMS_LIST = 35 "items.list" Get "/products/items/",
        Both, ["view_items"] Inferred, Product, false;
    ITEMS_GET = 36 "items.get" Get "/products/items/{item_uuid}/",
        Both, ["view_items"] Inferred, Product, false;
    ITEMS_EXPORT = 37 "items.export" Post "/products/items/export/",
        Both, ["view_items"] Inferred, Product, false;
    ITEMS_SEARCH = 38 "items.search" Post "/products/items/search/",
        Both, ["view_items"] Inferred, Product, false;
    ITEMS_EXPORT_BY_SEARCH = 39 "items.export_by_search" Post "/products/items/search/export/",
        Both, ["view_items"] Inferred, Product, false;
    SKUS_LIST = 40 "skus.list" Get "/products/skus/",
        Both, ["view_items"] Inferred, Product, false;
    SKUS_GET = 41 "skus.get" Get "/products/skus/{sku_uuid}/",
        Both, ["view_items"] Inferred, Product, false;
    INVENTORY_LISTS_LIST = 42 "inventory_lists.list" Get "/products/inventory-lists/",
        Retailer, ["view_inventory_lists"] Inferred, Product, false;
    INVENTORY_LISTS_GET = 43 "inventory_lists.get" Get "/products/inventory-lists/{inventory_list_uuid}/",
        Retailer, ["view_inventory_lists"] Inferred, Product, false;
    INVENTORY_LISTS_CREATE = 44 "inventory_lists.create" Post "/products/inventory-lists/",
        Retailer, ["edit_inventory_lists"] Inferred, Product, false;
    INVENTORY_LISTS_ADD_ITEMS = 45 "inventory_lists.add_items" Post "/products/inventory-lists/{inventory_list_uuid}/add-items/",
        Retailer, ["edit_inventory_lists"] Inferred, Product, false;
    INVENTORY_LISTS_REMOVE_ITEMS = 46 "inventory_lists.remove_items" Post "/products/inventory-lists/{inventory_list_uuid}/remove-items/",
        Retailer, ["edit_inventory_lists"] Inferred, Product, false;
    INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH = 47 "inventory_lists.add_items_by_search" Post "/products/inventory-lists/{inventory_list_uuid}/add-items-by-search/",
        Retailer, ["edit_inventory_lists"] Inferred, Product, false;
    INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH = 48 "inventory_lists.remove_items_by_search" Post "/products/inventory-lists/{inventory_list_uuid}/remove-items-by-search/",
        Retailer, ["edit_inventory_lists"] Inferred, Product, false;
    INVENTORY_LISTS_ADD_SKUS = 49 "inventory_lists.add_skus" Post "/products/inventory-lists/{inventory_list_uuid}/add-skus/",
        Retailer, ["edit_inventory_lists"] Inferred, Product, false;
    INVENTORY_LISTS_REMOVE_SKUS = 50 "inventory_lists.remove_skus" Post "/products/inventory-lists/{inventory_list_uuid}/remove-skus/",
        Retailer, ["edit_inventory_lists"] Inferred, Product, false;
    CATALOGS_CREATE = 51 "catalogs.create" Post "/products/catalogs/",
        Supplier, ["edit_supplier_catalogs"] Inferred, Product, false;
    CATALOGS_ADD_ITEMS = 52 "catalogs.add_items" Post "/products/catalogs/{catalog_uuid}/add-items/",
        Supplier, ["edit_supplier_catalogs"] Inferred, Product, false;
    CATALOGS_ADD_ITEMS_BY_SEARCH = 53 "catalogs.add_items_by_search" Post "/products/catalogs/{catalog_uuid}/add-items-by-search/",
        Supplier, ["edit_supplier_catalogs"] Inferred, Product, false;
    CATALOGS_REMOVE_ITEMS = 54 "catalogs.remove_items" Post "/products/catalogs/{catalog_uuid}/remove-items/",
        Supplier, ["edit_supplier_catalogs"] Inferred, Product, false;
    CATALOGS_REMOVE_ITEMS_BY_SEARCH = 55 "catalogs.remove_items_by_search" Post "/products/catalogs/{catalog_uuid}/remove-items-by-search/",
        Supplier, ["edit_supplier_catalogs"] Inferred, Product, false;
    CATALOGS_ADD_SKUS = 56 "catalogs.add_skus" Post "/products/catalogs/{catalog_uuid}/add-skus/",
        Supplier, ["edit_supplier_catalogs"] Inferred, Product, false;
    CATALOGS_REMOVE_SKUS = 57 "catalogs.remove_skus" Post "/products/catalogs/{catalog_uuid}/remove-skus/",
        Supplier, ["edit_supplier_catalogs"] Inferred, Product, false;
    ITEMS_CREATE = 58 "items.create" Post "/products/items/",
        Supplier, ["edit_items"] Inferred, Product, false;
    SKUS_CREATE = 59 "skus.create" Post "/products/skus/",
        Supplier, ["edit_items"] Inferred, Product, false;
}

/// The permissions that exist for retailers only.
pub const RETAILER_ONLY_PERMISSIONS: &[&str] = &[
    "create_order",
    "view_inventory_lists",
    "edit_inventory_lists",
];

/// The permissions that exist for suppliers only.
pub const SUPPLIER_ONLY_PERMISSIONS: &[&str] = &[
    "edit_items",
    "add_order_tracking",
    "allocate_order",
    "view_supplier_catalogs",
    "edit_supplier_catalogs",
];
