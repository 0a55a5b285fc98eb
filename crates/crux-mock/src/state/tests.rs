//! The demo dataset builds in full and is consistent.

use std::collections::HashSet;

use crux_types::UserStatus;

use super::*;
use crate::demo::accounting::BILLING;
use crate::demo::notifications::{DASHBOARD_NOTIFICATIONS, SETTING_TEMPLATES};
use crate::demo::organizations::ORG_PROFILES;
use crate::demo::{DEMO_ORGANIZATIONS, DEMO_PERMISSIONS, DEMO_USERS};

#[test]
fn every_demo_user_and_organization_builds() {
    let store = Store::demo();
    assert_eq!(store.accounts.len(), DEMO_USERS.len());
    assert_eq!(store.orgs.len(), DEMO_ORGANIZATIONS.len());
    for account in &store.accounts {
        let templates = SETTING_TEMPLATES
            .iter()
            .filter(|t| t.organization == account.org.name)
            .count();
        assert_eq!(
            account.settings.len(),
            templates,
            "{}",
            account.demo.username
        );
        assert!(templates >= 3);
        for setting in &account.settings {
            assert!(setting.notification_domain.is_known());
            assert!(!setting.notification_type.is_empty());
            for channel in &setting.notification_type {
                assert!(channel.notification_via.is_known());
                assert!(channel.notification_frequency.is_known());
            }
        }
    }
    for org in &store.orgs {
        let notifications = DASHBOARD_NOTIFICATIONS
            .iter()
            .filter(|n| n.organization == org.demo.name)
            .count();
        assert_eq!(org.notifications.len(), notifications);
        assert!(notifications >= 2);
        assert!(org.organization.status.is_known());
        assert!(org.organization.account_manager.is_some());
        assert!(org.transactions.len() >= 2);
        assert_eq!(
            org.subscription.next_bill_plan.card_last_four,
            org.payment_method.card_last_four
        );
    }
}

#[test]
fn ids_are_unique_across_the_dataset() {
    let store = Store::demo();
    let mut uuids = HashSet::new();
    for account in &store.accounts {
        assert!(uuids.insert(account.user.uuid.to_string()));
        assert!(uuids.insert(account.user.person.uuid.to_string()));
        for setting in &account.settings {
            assert!(uuids.insert(setting.uuid.to_string()));
        }
    }
    let mut transactions = HashSet::new();
    for org in &store.orgs {
        assert!(uuids.insert(org.organization.uuid.to_string()));
        let manager = org.organization.account_manager.as_ref().expect("manager");
        assert!(uuids.insert(manager.uuid.to_string()));
        assert!(uuids.insert(manager.person.uuid.to_string()));
        for notification in &org.notifications {
            assert!(uuids.insert(notification.uuid.to_string()));
        }
        for transaction in &org.transactions {
            assert!(transactions.insert(transaction.transaction_id.clone()));
        }
    }
    assert_eq!(ORG_PROFILES.len(), DEMO_ORGANIZATIONS.len());
    assert_eq!(BILLING.len(), DEMO_ORGANIZATIONS.len());
}

#[test]
fn exports_are_numbered_in_sequence() {
    let mut store = Store::demo();
    let first = store.next_export().expect("an id");
    let second = store.next_export().expect("an id");
    assert_eq!(first.to_string(), "d0000009-0000-4000-8000-000000000001");
    assert_eq!(second.to_string(), "d0000009-0000-4000-8000-000000000002");
}

#[test]
fn permission_changes_show_in_the_checks() {
    let mut store = Store::demo();
    let admin = &DEMO_USERS[0];
    let view_org_users = DEMO_PERMISSIONS[0].uuid.parse().expect("uuid");
    let org = admin.organization;
    let id = admin.user_uuid.parse().expect("uuid");
    let account = store.org_user_mut(org, id).expect("admin");
    assert!(account.can_hold(view_org_users));
    account.set_assigned(&[view_org_users], false);
    assert!(
        !store
            .by_token(admin.token)
            .expect("admin")
            .has_permission("view_org_users")
    );
    // Supplier-only permissions cannot be held by a retailer's user.
    let edit_items = DEMO_PERMISSIONS[16].uuid.parse().expect("uuid");
    assert!(
        !store
            .by_token(admin.token)
            .expect("admin")
            .can_hold(edit_items)
    );
}

#[test]
fn demo_data_is_consistent() {
    let unique = |values: Vec<&str>| values.iter().collect::<HashSet<_>>().len() == values.len();
    assert!(unique(DEMO_USERS.iter().map(|u| u.username).collect()));
    assert!(unique(DEMO_USERS.iter().map(|u| u.token).collect()));
    assert!(unique(DEMO_USERS.iter().map(|u| u.user_uuid).collect()));
    assert!(unique(DEMO_USERS.iter().map(|u| u.person_uuid).collect()));
    assert!(unique(DEMO_PERMISSIONS.iter().map(|p| p.uuid).collect()));
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
    for org in DEMO_ORGANIZATIONS {
        let users: Vec<_> = DEMO_USERS
            .iter()
            .filter(|u| u.organization == org.name)
            .collect();
        assert!(users.len() >= 3);
        let all = DEMO_PERMISSIONS
            .iter()
            .filter(|p| p.visible_to(org.org_type))
            .count();
        assert!(users.iter().any(|u| u.permissions.len() == all));
        assert!(users.iter().any(|u| !u.has_permission("view_org_users")));
        assert!(users.iter().any(|u| u.status != "ACTIVE"));
    }
}
