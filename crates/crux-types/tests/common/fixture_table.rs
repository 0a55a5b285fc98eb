//! The fixture table: which model each file of `tests/fixtures/` decodes
//! into. One list, shared by every test that walks the fixtures
//! (`every_fixture.rs`, `mutated_samples.rs`, `request_round_trip.rs`) and by
//! the `decode_responses` fuzz target (`fuzz/`), each including this file
//! with `#[path]`.
//!
//! [`fixture_table!`]`(callback)` expands to `callback! { .. }` with one line
//! per fixture: `"folder/file.json" => Model;`, or, when the model writes
//! the fixture back differently on purpose, `"folder/file.json" => Model,
//! rewrite;` where `rewrite` names a function of `every_fixture.rs` (other
//! callbacks ignore it). The model names are resolved where the callback
//! expands, so each user imports them.

/// Calls `$callback!` with the table of fixtures (see the module doc).
macro_rules! fixture_table {
    ($callback:ident) => {
        $callback! {
            // organization/
            "organization/add_user_permissions_request.json" => UserPermissionsChange;
            "organization/dashboard_notifications_timestamp_formats.json" => Vec<DashboardNotification>,
                timestamps_written_in_the_z_form;
            "organization/get_all_permissions.json" => Vec<Permission>;
            "organization/get_all_users.json" => Vec<User>;
            "organization/get_dashboard_notifications.json" => Vec<DashboardNotification>;
            "organization/get_notification_settings.json" => Vec<NotificationSetting>,
                email_written_as_documented;
            "organization/get_organization_details.json" => Organization;
            "organization/get_user.json" => User;
            "organization/get_user_permissions.json" => PermissionAssignments;
            "organization/login_request.json" => LoginRequest;
            "organization/login_response.json" => LoginResponse;
            "organization/notification_settings_unknown_values.json" => Vec<NotificationSetting>;
            "organization/organization_pending.json" => Organization;
            "organization/organization_unknown_values.json" => Organization;
            "organization/remove_user_permissions_request.json" => UserPermissionsChange;
            "organization/update_notification_settings_request.json" => NotificationSettingUpdate,
                enabled_written_as_a_boolean;
            "organization/user_empty_permissions.json" => User;
            "organization/user_phone_absent.json" => User;
            "organization/user_phone_null.json" => User;
            "organization/user_unknown_fields.json" => User, unknown_fields_dropped;
            "organization/user_unknown_status_visibility.json" => User;
            "organization/users_empty.json" => Vec<User>;
            // accounting/
            "accounting/export_nested.json" => ExportRef, export_written_flat;
            "accounting/get_payment_methods.json" => PaymentMethod;
            "accounting/get_subscription.json" => Subscription;
            "accounting/get_transaction_details.json" => Transaction;
            "accounting/get_transactions.json" => Vec<Transaction>;
            "accounting/get_transactions_export.json" => ExportRef;
            "accounting/payment_method_without_card_number.json" => PaymentMethod;
            "accounting/subscription_plan_addons.json" => Subscription, plan_addons_written_as_plan_add_ons;
            "accounting/transactions_export_request.json" => TransactionsExportRequest;
            "accounting/transactions_unpaid_and_unknown_status.json" => Vec<Transaction>;
            // product/
            "product/catalog_add_item_by_search_request.json" => ItemSearch;
            "product/catalog_add_item_request.json" => ItemIdList;
            "product/catalog_add_sku_request.json" => SkuIdList;
            "product/catalog_remove_item_by_search_request.json" => ItemSearch;
            "product/catalog_remove_item_request.json" => ItemIdList;
            "product/catalog_remove_skus_request.json" => SkuIdList;
            "product/create_catalog.json" => Catalog;
            "product/create_catalog_request.json" => NewCatalog;
            "product/create_inventory_list.json" => InventoryList;
            "product/create_inventory_list_request.json" => NewInventoryList;
            "product/create_item.json" => Item;
            "product/create_item_request.json" => NewItem;
            "product/create_sku.json" => Sku;
            "product/create_sku_request.json" => NewSku, quantities_written_as_integers;
            "product/get_catalog_detail.json" => Catalog;
            "product/get_catalogs.json" => Vec<Catalog>;
            "product/get_inventory_list_detail.json" => InventoryList;
            "product/get_inventory_lists.json" => Vec<InventoryList>;
            "product/get_item_detail.json" => Item, internal_fields_dropped;
            "product/get_item_export.json" => ExportRef, export_written_flat;
            "product/get_item_export_by_search.json" => ExportRef, export_written_flat;
            "product/get_item_export_by_search_request.json" => ItemIdList;
            "product/get_item_export_request.json" => ItemIdList;
            "product/get_items.json" => Vec<Item>, internal_fields_dropped_and_url_written_as_uri;
            "product/get_sku_detail.json" => Sku, url_written_as_uri;
            "product/get_skus.json" => Vec<Sku>, url_written_as_uri;
            "product/inventory_add_item_by_search_request.json" => ItemSearch;
            "product/inventory_add_item_request.json" => ItemIdList;
            "product/inventory_add_sku_request.json" => SkuIdList;
            "product/inventory_remove_item_by_search_request.json" => ItemSearch;
            "product/inventory_remove_item_request.json" => ItemIdList;
            "product/inventory_remove_sku_request.json" => SkuIdList;
            "product/search_items.json" => ItemSearchPage, url_written_as_uri;
            "product/search_items_request.json" => ItemSearch;
            // ordering/
            "ordering/add_order_tracking_request.json" => NewTracking, order_quantities_written_as_integers;
            "ordering/allocate_order.json" => AllocationResult;
            "ordering/allocate_order_request.json" => AllocationUpdate,
                order_quantities_written_as_integers;
            "ordering/cancel_order_request.json" => OrderCancellation;
            "ordering/create_order.json" => Order;
            "ordering/create_order_request.json" => NewOrder, order_quantities_written_as_integers;
            "ordering/get_order_detail.json" => Order;
            "ordering/get_order_fees.json" => Fees;
            "ordering/get_order_fees_request.json" => FeeQuery;
            "ordering/get_orders.json" => OrderPage;
            "ordering/get_orders_export.json" => ExportRef;
            "ordering/get_orders_export_by_search.json" => ExportRef;
            "ordering/get_orders_export_by_search_request.json" => OrderQuery, order_query_as_documented;
            "ordering/get_orders_export_request.json" => OrderIdList;
            "ordering/get_orders_request.json" => OrderQuery, order_query_as_documented;
            // discovery/
            "discovery/get_connections.json" => Vec<Connection>;
            "discovery/get_discovery_suppliers.json" => SupplierPage;
            "discovery/get_discovery_suppliers_request.json" => SupplierQuery;
            "discovery/get_requested_connection_detail.json" => ConnectionRequest,
                request_dates_and_integration_types_as_written;
            "discovery/get_requested_connections.json" => ConnectionRequestPage,
                request_dates_and_integration_types_as_written;
            "discovery/request_connection.json" => ConnectionRequestCreated,
                request_dates_and_integration_types_as_written;
            "discovery/request_connection_request.json" => NewConnectionRequest,
                request_dates_and_integration_types_as_written;
            "discovery/update_connection_request_request.json" => ConnectionRequestUpdate,
                request_dates_and_integration_types_as_written;
        }
    };
}

pub(crate) use fixture_table;
