//! The 59 endpoints, in the order of the spec's endpoint table.
//!
//! One line each: constant, row, operation name, method (`read` after a
//! POST that only queries: the searches and the fee quote), path, caller,
//! permissions and where they come from, section, implemented. The
//! permissions marked `inferred` are not on the endpoint's page; see
//! docs/spec-decisions.md, E-32.

use super::{Caller, Endpoint, HttpMethod, PermissionSource, Section::*};

// The methods as the rows spell them, so that the generated docs do too.
const GET: HttpMethod = HttpMethod::Get;
const POST: HttpMethod = HttpMethod::Post;
const PUT: HttpMethod = HttpMethod::Put;
const PATCH: HttpMethod = HttpMethod::Patch;
const DELETE: HttpMethod = HttpMethod::Delete;
// Callers and permission sources as the generated docs read them.
#[allow(non_upper_case_globals)]
mod words {
    use super::{Caller, PermissionSource};
    pub(super) const no_token: Caller = Caller::NoToken;
    pub(super) const both: Caller = Caller::Both;
    pub(super) const retailer: Caller = Caller::Retailer;
    pub(super) const supplier: Caller = Caller::Supplier;
    pub(super) const stated: PermissionSource = PermissionSource::Stated;
    pub(super) const inferred: PermissionSource = PermissionSource::Inferred;
    pub(super) const none: PermissionSource = PermissionSource::None;
}
use words::*;

macro_rules! catalogue {
    ($(
        $konst:ident = $row:literal $name:literal $method:ident $($read:ident)? $path:literal,
        $caller:ident, [$($perm:literal),*] $source:ident, $section:ident, $done:literal;
    )*) => {
        /// The rustdoc line of an endpoint, as a string literal, for
        /// `#[doc = ...]` in the crates that serve or call it:
        /// `crux_types::endpoint_doc!(USERS_LIST)` gives
        /// "`GET /organizations/users/all/`; caller: both; permissions:
        /// `view_org_users` (stated)".
        #[doc(hidden)]
        #[macro_export]
        macro_rules! endpoint_doc {
            $(
                ($konst) => {
                    ::core::concat!("`", ::core::stringify!($method), " ", $path, "`; caller: ",
                        ::core::stringify!($caller), "; permissions:", $(" `", $perm, "`",)*
                        " (", ::core::stringify!($source), ")")
                };
            )*
        }

        $(
            #[doc = concat!("`", $name, "`, row ", stringify!($row), " of the spec's table: ",
                endpoint_doc!($konst), ".")]
            pub const $konst: Endpoint = Endpoint {
                row: $row,
                name: $name,
                method: $method,
                read: catalogue!(@read $method $($read)?),
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
    // Every GET is a read; a POST is one only when its row says `read`.
    (@read GET) => { true };
    (@read $method:ident read) => { true };
    (@read $method:ident) => { false };
}

catalogue! {
    LOGIN = 1 "login" POST "/organizations/user-login/",
        no_token, [] none, Organization, true;
    USERS_LIST = 2 "users.list" GET "/organizations/users/all/",
        both, ["view_org_users"] stated, Organization, true;
    USERS_GET = 3 "users.get" GET "/organizations/users/detail/{user_uuid}/",
        both, ["view_org_users"] stated, Organization, true;
    PERMISSIONS_LIST = 4 "permissions.list" GET "/organizations/all_permissions/",
        both, ["view_org_users"] stated, Organization, true;
    USERS_PERMISSIONS = 5 "users.permissions" GET "/organizations/users/permissions/{user_uuid}/",
        both, ["view_org_users"] stated, Organization, true;
    USERS_ADD_PERMISSIONS = 6 "users.add_permissions" PATCH "/organizations/users/permissions/{user_uuid}/",
        both, ["edit_org_users"] stated, Organization, true;
    USERS_REMOVE_PERMISSIONS = 7 "users.remove_permissions" DELETE "/organizations/users/permissions/{user_uuid}/",
        both, ["edit_org_users"] stated, Organization, true;
    ORGANIZATION_GET = 8 "organization.get" GET "/organizations/",
        both, [] none, Organization, true;
    // The page asks for `view_orders`, which does not exist (E-32).
    NOTIFICATIONS_LIST = 9 "notifications.list" GET "/notifications/",
        both, ["view_order"] stated, Organization, true;
    NOTIFICATIONS_SETTINGS = 10 "notifications.settings" GET "/notifications/notification-settings/",
        both, ["view_notifications_settings"] stated, Organization, true;
    NOTIFICATIONS_UPDATE_SETTINGS = 11 "notifications.update_settings" PUT "/notifications/notification-settings/",
        both, ["view_notifications_settings", "edit_email_notifications_preferences"] stated, Organization, true;
    PAYMENT_METHOD_GET = 12 "payment_method.get" GET "/accounting/payment-methods/",
        both, ["view_payment_info"] inferred, Accounting, true;
    SUBSCRIPTION_GET = 13 "subscription.get" GET "/organizations/subscription/",
        both, ["view_org_subscription_plan"] stated, Accounting, true;
    TRANSACTIONS_LIST = 14 "transactions.list" GET "/accounting/transactions/",
        both, ["view_billing_statement"] inferred, Accounting, true;
    TRANSACTIONS_GET = 15 "transactions.get" GET "/accounting/transactions/{transaction_id}/",
        both, ["view_billing_statement"] inferred, Accounting, true;
    TRANSACTIONS_EXPORT = 16 "transactions.export" POST "/accounting/transactions/export/",
        both, ["view_billing_statement"] inferred, Accounting, true;
    CONNECTIONS_LIST = 17 "connections.list" GET "/organizations/connections/",
        both, [] none, Discovery, true;
    DISCOVERY_SUPPLIERS = 18 "discovery.suppliers" POST read "/discovery/suppliers/",
        retailer, [] none, Discovery, true;
    CONNECTIONS_CREATE_REQUEST = 19 "connections.create_request" POST "/organizations/connections/request/",
        retailer, [] none, Discovery, true;
    CONNECTIONS_REQUESTS = 20 "connections.requests" GET "/organizations/connections/request/",
        retailer, [] none, Discovery, true;
    CONNECTIONS_GET_REQUEST = 21 "connections.get_request" GET "/organizations/connections/request/{request_uuid}/",
        retailer, [] none, Discovery, true;
    CONNECTIONS_UPDATE_REQUEST = 22 "connections.update_request" PATCH "/organizations/connections/request/{request_uuid}/",
        retailer, [] none, Discovery, true;
    ORDERS_SEARCH = 23 "orders.search" POST read "/orders/",
        both, ["view_order"] inferred, Ordering, true;
    ORDERS_GET = 24 "orders.get" GET "/orders/{order_uuid}/",
        both, ["view_order"] inferred, Ordering, true;
    ORDERS_EXPORT = 25 "orders.export" POST "/orders/export/",
        both, ["export_order"] inferred, Ordering, true;
    ORDERS_EXPORT_BY_SEARCH = 26 "orders.export_by_search" POST "/orders/search/export/",
        both, ["export_order"] inferred, Ordering, true;
    ORDERS_CREATE = 27 "orders.create" POST "/orders/create/",
        retailer, ["create_order"] inferred, Ordering, true;
    ORDERS_FEES = 28 "orders.fees" POST read "/orders/fees/",
        retailer, [] none, Ordering, true;
    ORDERS_CANCEL = 29 "orders.cancel" PATCH "/orders/cancel/",
        retailer, ["cancel_order"] inferred, Ordering, true;
    ORDERS_CANCEL_ITEM = 30 "orders.cancel_item" DELETE "/orders/items/cancel/{order_item_uuid}/",
        retailer, ["cancel_order"] inferred, Ordering, true;
    ORDERS_ADD_TRACKING = 31 "orders.add_tracking" POST "/orders/tracking/{order_uuid}/",
        supplier, ["add_order_tracking"] inferred, Ordering, true;
    ORDERS_ALLOCATE = 32 "orders.allocate" PUT "/orders/allocation/{order_uuid}/",
        supplier, ["allocate_order"] inferred, Ordering, true;
    // `view_supplier_catalogs` exists for suppliers only; a retailer needs none.
    CATALOGS_LIST = 33 "catalogs.list" GET "/products/catalogs/",
        both, ["view_supplier_catalogs"] inferred, Product, true;
    CATALOGS_GET = 34 "catalogs.get" GET "/products/catalogs/{catalog_uuid}/",
        both, ["view_supplier_catalogs"] inferred, Product, true;
    ITEMS_LIST = 35 "items.list" GET "/products/items/",
        both, ["view_items"] inferred, Product, true;
    ITEMS_GET = 36 "items.get" GET "/products/items/{item_uuid}/",
        both, ["view_items"] inferred, Product, true;
    ITEMS_EXPORT = 37 "items.export" POST "/products/items/export/",
        both, ["view_items"] inferred, Product, true;
    ITEMS_SEARCH = 38 "items.search" POST read "/products/items/search/",
        both, ["view_items"] inferred, Product, true;
    ITEMS_EXPORT_BY_SEARCH = 39 "items.export_by_search" POST "/products/items/search/export/",
        both, ["view_items"] inferred, Product, true;
    SKUS_LIST = 40 "skus.list" GET "/products/skus/",
        both, ["view_items"] inferred, Product, true;
    SKUS_GET = 41 "skus.get" GET "/products/skus/{sku_uuid}/",
        both, ["view_items"] inferred, Product, true;
    INVENTORY_LISTS_LIST = 42 "inventory_lists.list" GET "/products/inventory-lists/",
        retailer, ["view_inventory_lists"] inferred, Product, true;
    INVENTORY_LISTS_GET = 43 "inventory_lists.get" GET "/products/inventory-lists/{inventory_list_uuid}/",
        retailer, ["view_inventory_lists"] inferred, Product, true;
    INVENTORY_LISTS_CREATE = 44 "inventory_lists.create" POST "/products/inventory-lists/",
        retailer, ["edit_inventory_lists"] inferred, Product, true;
    INVENTORY_LISTS_ADD_ITEMS = 45 "inventory_lists.add_items" POST "/products/inventory-lists/{inventory_list_uuid}/add-items/",
        retailer, ["edit_inventory_lists"] inferred, Product, true;
    INVENTORY_LISTS_REMOVE_ITEMS = 46 "inventory_lists.remove_items" POST "/products/inventory-lists/{inventory_list_uuid}/remove-items/",
        retailer, ["edit_inventory_lists"] inferred, Product, true;
    INVENTORY_LISTS_ADD_ITEMS_BY_SEARCH = 47 "inventory_lists.add_items_by_search" POST "/products/inventory-lists/{inventory_list_uuid}/add-items-by-search/",
        retailer, ["edit_inventory_lists"] inferred, Product, true;
    INVENTORY_LISTS_REMOVE_ITEMS_BY_SEARCH = 48 "inventory_lists.remove_items_by_search" POST "/products/inventory-lists/{inventory_list_uuid}/remove-items-by-search/",
        retailer, ["edit_inventory_lists"] inferred, Product, true;
    INVENTORY_LISTS_ADD_SKUS = 49 "inventory_lists.add_skus" POST "/products/inventory-lists/{inventory_list_uuid}/add-skus/",
        retailer, ["edit_inventory_lists"] inferred, Product, true;
    INVENTORY_LISTS_REMOVE_SKUS = 50 "inventory_lists.remove_skus" POST "/products/inventory-lists/{inventory_list_uuid}/remove-skus/",
        retailer, ["edit_inventory_lists"] inferred, Product, true;
    CATALOGS_CREATE = 51 "catalogs.create" POST "/products/catalogs/",
        supplier, ["edit_supplier_catalogs"] inferred, Product, true;
    CATALOGS_ADD_ITEMS = 52 "catalogs.add_items" POST "/products/catalogs/{catalog_uuid}/add-items/",
        supplier, ["edit_supplier_catalogs"] inferred, Product, true;
    CATALOGS_ADD_ITEMS_BY_SEARCH = 53 "catalogs.add_items_by_search" POST "/products/catalogs/{catalog_uuid}/add-items-by-search/",
        supplier, ["edit_supplier_catalogs"] inferred, Product, true;
    CATALOGS_REMOVE_ITEMS = 54 "catalogs.remove_items" POST "/products/catalogs/{catalog_uuid}/remove-items/",
        supplier, ["edit_supplier_catalogs"] inferred, Product, true;
    CATALOGS_REMOVE_ITEMS_BY_SEARCH = 55 "catalogs.remove_items_by_search" POST "/products/catalogs/{catalog_uuid}/remove-items-by-search/",
        supplier, ["edit_supplier_catalogs"] inferred, Product, true;
    CATALOGS_ADD_SKUS = 56 "catalogs.add_skus" POST "/products/catalogs/{catalog_uuid}/add-skus/",
        supplier, ["edit_supplier_catalogs"] inferred, Product, true;
    CATALOGS_REMOVE_SKUS = 57 "catalogs.remove_skus" POST "/products/catalogs/{catalog_uuid}/remove-skus/",
        supplier, ["edit_supplier_catalogs"] inferred, Product, true;
    ITEMS_CREATE = 58 "items.create" POST "/products/items/",
        supplier, ["edit_items"] inferred, Product, true;
    SKUS_CREATE = 59 "skus.create" POST "/products/skus/",
        supplier, ["edit_items"] inferred, Product, true;
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
