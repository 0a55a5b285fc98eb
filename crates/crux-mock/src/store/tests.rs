//! The demo dataset builds in full and is consistent.

use std::collections::HashSet;

use crux_types::UserStatus;

use super::*;
use crate::demo::notifications::{DASHBOARD_NOTIFICATIONS, SETTING_TEMPLATES};
use crate::demo::organizations::ORG_SEEDS;
use crate::demo::{DEMO_ORGANIZATIONS, DEMO_PERMISSIONS, DEMO_USERS};

fn demo() -> Store {
    Store::demo().unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn every_demo_user_and_organization_builds() {
    let store = demo();
    assert_eq!(store.users.len(), DEMO_USERS.len());
    assert_eq!(store.organizations.len(), DEMO_ORGANIZATIONS.len());
    for row in store.users.iter() {
        let templates = SETTING_TEMPLATES
            .iter()
            .filter(|t| t.org == row.org)
            .count();
        assert_eq!(row.settings.len(), templates, "{}", row.username);
        assert!(templates >= 3);
        for setting in &row.settings {
            assert!(setting.notification_domain.is_known());
            assert!(!setting.notification_type.is_empty());
            for channel in &setting.notification_type {
                assert!(channel.notification_via.is_known());
                assert!(channel.notification_frequency.is_known());
            }
        }
    }
    for org in store.organizations.iter() {
        let id = org.organization.uuid;
        let notifications = DASHBOARD_NOTIFICATIONS
            .iter()
            .filter(|n| n.org == id)
            .count();
        assert_eq!(store.notifications.visible(id).count(), notifications);
        assert!(notifications >= 2);
        assert!(org.organization.status.is_known());
        assert!(org.organization.account_manager.is_some());
        assert!(store.transactions.visible(id).count() >= 2);
        assert_eq!(
            org.subscription.next_bill_plan.card_last_four,
            org.payment_method.card_last_four
        );
    }
}

#[test]
fn the_public_tables_show_the_typed_ids() {
    let store = demo();
    for (public, row) in DEMO_USERS.iter().zip(store.users.iter()) {
        assert_eq!(public.user_uuid, row.user.uuid.to_string());
        assert_eq!(public.person_uuid, row.user.person.uuid.to_string());
        assert_eq!(public.username, row.username);
        let org = store.organizations.get(&row.org).expect("organization");
        assert_eq!(public.organization, org.organization.name);
        assert_eq!(public.org_type, org.org_type().as_str());
    }
    for (public, seed) in DEMO_ORGANIZATIONS.iter().zip(ORG_SEEDS) {
        assert_eq!(public.org_uuid, seed.id.to_string());
        let text = |id: Option<String>| id.unwrap_or_default();
        assert_eq!(
            public.retailer_uuid,
            text(seed.retailer.map(|i| i.to_string()))
        );
        assert_eq!(
            public.supplier_uuid,
            text(seed.supplier.map(|i| i.to_string()))
        );
    }
    for (public, permission) in DEMO_PERMISSIONS.iter().zip(&store.permissions) {
        assert_eq!(public.uuid, permission.uuid.to_string());
        assert_eq!(public.name, permission.name);
    }
}

#[test]
fn ids_are_unique_across_the_dataset() {
    let store = demo();
    let mut uuids = HashSet::new();
    for row in store.users.iter() {
        assert!(uuids.insert(row.user.uuid.to_string()));
        assert!(uuids.insert(row.user.person.uuid.to_string()));
        for setting in &row.settings {
            assert!(uuids.insert(setting.uuid.to_string()));
        }
    }
    for org in store.organizations.iter() {
        assert!(uuids.insert(org.organization.uuid.to_string()));
        let manager = org.organization.account_manager.as_ref().expect("manager");
        assert!(uuids.insert(manager.uuid.to_string()));
        assert!(uuids.insert(manager.person.uuid.to_string()));
    }
    for row in store.notifications.iter() {
        assert!(uuids.insert(row.notification.uuid.to_string()));
    }
    for permission in &store.permissions {
        assert!(uuids.insert(permission.uuid.to_string()));
    }
    assert_eq!(store.transactions.len(), 9);
}

#[test]
fn every_permission_the_catalogue_checks_exists() {
    for endpoint in crux_types::endpoint::ALL {
        for name in endpoint.permissions {
            let permission = DEMO_PERMISSIONS
                .iter()
                .find(|p| p.name == *name)
                .unwrap_or_else(|| panic!("{}: no permission {name}", endpoint.name));
            for org_type in ["RETAILER", "SUPPLIER"] {
                assert_eq!(
                    permission.visible_to(org_type),
                    crux_types::endpoint::permission_applies_to(name, &org_type.into()),
                    "{name} for {org_type}"
                );
            }
        }
    }
}

#[test]
fn permission_changes_show_in_the_checks() {
    let mut store = demo();
    let admin = &DEMO_USERS[0];
    let view_org_users = store.permissions[0].uuid;
    let edit_items = store.permissions[16].uuid;
    let id = store.user_by_token(admin.token).expect("admin").user.uuid;
    let row = store.users.get_mut(&id).expect("admin");
    assert!(row.can_hold(view_org_users));
    // Supplier-only permissions cannot be held by a retailer's user.
    assert!(!row.can_hold(edit_items));
    row.set_assigned(&[view_org_users], false);
    let row = store.user_by_token(admin.token).expect("admin");
    assert!(!row.has_permission("view_org_users"));
}

#[test]
fn demo_data_is_consistent() {
    let unique = |values: Vec<&str>| values.iter().collect::<HashSet<_>>().len() == values.len();
    assert!(unique(DEMO_USERS.iter().map(|u| u.username).collect()));
    assert!(unique(DEMO_USERS.iter().map(|u| u.token).collect()));
    assert!(unique(DEMO_PERMISSIONS.iter().map(|p| p.name).collect()));
    assert_eq!(DEMO_PERMISSIONS.len(), 21);

    for user in DEMO_USERS {
        let org = user.org().expect("organization exists");
        assert_eq!(org.org_type, user.org_type, "{}", user.username);
        assert_eq!(user.token.len(), 40, "{}", user.username);
        assert!(user.token.starts_with("demo"));
        assert!(
            user.token
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        );
        assert!(UserStatus::from(user.status).is_known());
        for name in user.permissions {
            let permission = DEMO_PERMISSIONS
                .iter()
                .find(|p| p.name == *name)
                .expect("permission exists");
            assert!(permission.visible_to(user.org_type), "{name}");
        }
    }
    // Every organization has an admin; the first two have the full range
    // of users (the second supplier has its admin only).
    for (n, org) in DEMO_ORGANIZATIONS.iter().enumerate() {
        let users: Vec<_> = DEMO_USERS
            .iter()
            .filter(|u| u.organization == org.name)
            .collect();
        let all = DEMO_PERMISSIONS
            .iter()
            .filter(|p| p.visible_to(org.org_type))
            .count();
        assert!(users.iter().any(|u| u.permissions.len() == all));
        if n >= 2 {
            continue;
        }
        assert!(users.len() >= 3);
        assert!(users.iter().any(|u| !u.has_permission("view_org_users")));
        assert!(users.iter().any(|u| u.status != "ACTIVE"));
    }
}
