use std::collections::HashSet;

use super::*;

#[test]
fn rows_are_one_to_fifty_nine_in_order() {
    let rows: Vec<u8> = ALL.iter().map(|e| e.row).collect();
    assert_eq!(rows, (1..=59).collect::<Vec<u8>>());
}

#[test]
fn method_and_path_pairs_and_names_are_unique() {
    let pairs: HashSet<_> = ALL.iter().map(|e| (e.method, e.path)).collect();
    assert_eq!(pairs.len(), ALL.len());
    let names: HashSet<_> = ALL.iter().map(|e| e.name).collect();
    assert_eq!(names.len(), ALL.len());
}

#[test]
fn method_counts_match_the_spec() {
    let count = |m| ALL.iter().filter(|e| e.method == m).count();
    let counts = [
        count(HttpMethod::Get),
        count(HttpMethod::Post),
        count(HttpMethod::Patch),
        count(HttpMethod::Put),
        count(HttpMethod::Delete),
    ];
    assert_eq!(counts, [23, 29, 3, 2, 2]);
}

#[test]
fn paths_are_rooted_with_a_trailing_slash_and_snake_case_placeholders() {
    for e in ALL {
        assert!(e.path.starts_with('/') && e.path.ends_with('/'), "{e}");
        for p in e.path_params() {
            assert!(
                !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{e}: {p}"
            );
        }
    }
}

#[test]
fn only_login_is_called_without_a_token_and_names_are_resource_dot_verb() {
    for e in ALL {
        assert_eq!(e.caller == Caller::NoToken, e.name == "login", "{e}");
        if e.name != "login" {
            assert!(!e.resource().is_empty() && !e.verb().is_empty(), "{e}");
            assert_ne!(e.resource(), e.verb(), "{e}");
        }
    }
}

#[test]
fn permissions_are_documented_names_and_sources_agree() {
    let both = [
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
    ];
    for e in ALL {
        for p in e.permissions {
            assert!(
                both.contains(p)
                    || RETAILER_ONLY_PERMISSIONS.contains(p)
                    || SUPPLIER_ONLY_PERMISSIONS.contains(p),
                "{e}: {p}"
            );
        }
        assert_eq!(
            e.permissions.is_empty(),
            e.permission_source == PermissionSource::None,
            "{e}"
        );
    }
}

#[test]
fn every_row_is_implemented() {
    assert!(ALL.iter().all(|e| e.implemented));
}

#[test]
fn callers_and_permissions_follow_the_organization_type() {
    let (retailer, supplier) = (OrgType::Retailer, OrgType::Supplier);
    assert!(INVENTORY_LISTS_GET.allows(&retailer));
    assert!(!INVENTORY_LISTS_GET.allows(&supplier));
    assert!(ORDERS_ALLOCATE.allows(&supplier));
    assert!(!ORDERS_ALLOCATE.allows(&retailer));
    assert!(USERS_LIST.allows(&supplier) && USERS_LIST.allows(&retailer));
    let unknown = OrgType::from("BROKER");
    assert!(USERS_LIST.allows(&unknown));
    assert!(!ORDERS_CREATE.allows(&unknown));
    // A retailer reads catalogs without the supplier-only permission.
    assert_eq!(CATALOGS_LIST.permissions_for(&retailer).count(), 0);
    assert_eq!(
        CATALOGS_LIST.permissions_for(&supplier).collect::<Vec<_>>(),
        ["view_supplier_catalogs"]
    );
}

#[test]
fn paths_are_filled_in_and_percent_encoded() {
    assert_eq!(
        TRANSACTIONS_GET.path_with(&["txn_42-a.b~c"]).as_deref(),
        Ok("/accounting/transactions/txn_42-a.b~c/")
    );
    assert_eq!(
        TRANSACTIONS_GET.path_with(&["../a/b?c#d e"]).as_deref(),
        Ok("/accounting/transactions/..%2Fa%2Fb%3Fc%23d%20e/")
    );
    assert_eq!(
        TRANSACTIONS_GET.path_with(&["é"]).as_deref(),
        Ok("/accounting/transactions/%C3%A9/")
    );
    assert_eq!(
        TRANSACTIONS_GET.path_with(&[".."]).as_deref(),
        Ok("/accounting/transactions/%2E%2E/")
    );
    assert_eq!(USERS_LIST.path_with(&[]).as_deref(), Ok(USERS_LIST.path));
}

#[test]
fn wrong_path_values_are_typed_errors() {
    assert_eq!(
        USERS_GET.path_with(&[]),
        Err(PathError::Arity {
            expected: 1,
            given: 0
        })
    );
    assert_eq!(
        USERS_LIST.path_with(&["x"]),
        Err(PathError::Arity {
            expected: 0,
            given: 1
        })
    );
    assert_eq!(
        USERS_GET.path_with(&[""]),
        Err(PathError::Empty {
            placeholder: "user_uuid"
        })
    );
    assert!(
        USERS_GET
            .path_with(&[""])
            .unwrap_err()
            .to_string()
            .contains("user_uuid")
    );
}

#[test]
fn lookups_by_method_path_and_name() {
    assert_eq!(
        find(
            HttpMethod::Patch,
            "/organizations/users/permissions/{user_uuid}/"
        ),
        Some(&USERS_ADD_PERMISSIONS)
    );
    assert_eq!(find(HttpMethod::Get, "/nope/"), None);
    assert_eq!(by_name("orders.allocate"), Some(&ORDERS_ALLOCATE));
    assert_eq!(
        USERS_GET.to_string(),
        "GET /organizations/users/detail/{user_uuid}/"
    );
}

#[test]
fn reads_are_the_gets_and_the_query_posts() {
    let posts: Vec<&str> = ALL
        .iter()
        .filter(|e| e.read && e.method != HttpMethod::Get)
        .map(|e| e.name)
        .collect();
    assert_eq!(
        posts,
        [
            "discovery.suppliers",
            "orders.search",
            "orders.fees",
            "items.search"
        ]
    );
    assert!(
        ALL.iter()
            .filter(|e| e.method == HttpMethod::Get)
            .all(|e| e.read)
    );
    assert!(!ALL.iter().any(|e| e.read && e.verb().contains("export")));
}
