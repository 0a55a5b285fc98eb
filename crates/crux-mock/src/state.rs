//! In-memory state shared by the accept loop, the routes and
//! [`MockServer`](crate::MockServer): request counters, the fault queue and
//! the data store (the demo accounts as API objects).

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crux_types::{
    OrgUserRef, Permission, PermissionAssignments, PermissionEntry, PermissionVisibility, Person,
    User, UserStatus,
};
use http::Method;

use crate::demo::{DEMO_PERMISSIONS, DEMO_USERS, DemoOrganization, DemoUser};
use crate::faults::FaultQueue;

/// The state handed to every route (axum state) and kept by the server.
pub(crate) type AppState = Arc<Shared>;

/// Everything shared between connections.
#[derive(Debug)]
pub(crate) struct Shared {
    /// Largest request body accepted, in bytes.
    pub(crate) max_body_bytes: usize,
    /// Faults waiting to be applied.
    pub(crate) faults: FaultQueue,
    /// Requests received per (method, path).
    requests: Mutex<HashMap<(Method, String), usize>>,
    /// Requests received in all.
    total: AtomicUsize,
    /// The accounts.
    store: Mutex<Store>,
}

impl Shared {
    /// Fresh state: no request counted, no fault, the demo accounts.
    pub(crate) fn new(max_body_bytes: usize) -> Self {
        Self {
            max_body_bytes,
            faults: FaultQueue::default(),
            requests: Mutex::default(),
            total: AtomicUsize::new(0),
            store: Mutex::new(Store::demo()),
        }
    }

    /// Counts one request.
    pub(crate) fn count(&self, method: &Method, path: &str) {
        self.total.fetch_add(1, Ordering::Relaxed);
        *lock(&self.requests)
            .entry((method.clone(), path.to_owned()))
            .or_default() += 1;
    }

    /// Requests counted for `method` and `path`.
    pub(crate) fn request_count(&self, method: &Method, path: &str) -> usize {
        lock(&self.requests)
            .get(&(method.clone(), path.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// Requests counted in all.
    pub(crate) fn total_requests(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }

    /// Runs `f` with the store locked. Never hold it across an `.await`.
    pub(crate) fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        f(&mut lock(&self.store))
    }
}

/// Locks `mutex`, ignoring poisoning: every critical section leaves the data
/// consistent, and the mock must keep answering.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The accounts, as API objects.
#[derive(Debug)]
pub(crate) struct Store {
    accounts: Vec<Account>,
}

/// One user account.
#[derive(Debug, Clone)]
pub(crate) struct Account {
    /// The demo entry (credentials, token, organization).
    pub(crate) demo: &'static DemoUser,
    /// The user's organization.
    pub(crate) org: &'static DemoOrganization,
    /// The user as Get All Users returns it.
    pub(crate) user: User,
}

impl Account {
    /// Only `ACTIVE` users may log in or use their token.
    pub(crate) fn is_active(&self) -> bool {
        self.user.status == UserStatus::Active
    }

    /// Whether permission `name` is assigned to the user.
    pub(crate) fn has_permission(&self, name: &str) -> bool {
        self.user
            .permission_assignments
            .assigned()
            .any(|permission| permission.name == name)
    }
}

impl Store {
    /// The demo accounts ([`DEMO_USERS`]). An entry whose UUIDs do not parse
    /// is skipped (the crate's tests check that none is).
    fn demo() -> Self {
        Self {
            accounts: DEMO_USERS.iter().filter_map(Account::demo).collect(),
        }
    }

    /// The account whose token is `token`.
    pub(crate) fn by_token(&self, token: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.demo.token == token)
    }

    /// The account whose username is `username`.
    pub(crate) fn by_username(&self, username: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.demo.username == username)
    }

    /// Every user of organization `org_name`, in dataset order.
    pub(crate) fn org_users(&self, org_name: &str) -> Vec<User> {
        self.accounts
            .iter()
            .filter(|a| a.org.name == org_name)
            .map(|a| a.user.clone())
            .collect()
    }
}

impl Account {
    /// Builds the account of a demo user; `None` if a UUID does not parse
    /// or the organization is unknown.
    fn demo(demo: &'static DemoUser) -> Option<Self> {
        let org = demo.org()?;
        let uuid = demo.user_uuid.parse().ok()?;
        let permissions = DEMO_PERMISSIONS
            .iter()
            .filter(|permission| permission.visible_to(org.org_type))
            .map(|permission| {
                Some(PermissionEntry {
                    assigned: demo.has_permission(permission.name),
                    permission: Permission {
                        uuid: permission.uuid.parse().ok()?,
                        name: permission.name.to_owned(),
                        display_name: permission.display_name.to_owned(),
                        description: permission.description.to_owned(),
                        visibility: Some(PermissionVisibility::from(permission.visibility)),
                        grouping: Some(permission.grouping.to_owned()),
                    },
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let user = User {
            uuid,
            person: Person {
                uuid: demo.person_uuid.parse().ok()?,
                first_name: demo.first_name.to_owned(),
                last_name: demo.last_name.to_owned(),
                email: demo.username.to_owned(),
                phone: Some(demo.phone.to_owned()),
                job_title: None,
            },
            permission_assignments: PermissionAssignments {
                permissions,
                org_user: Some(OrgUserRef { uuid }),
            },
            status: UserStatus::from(demo.status),
        };
        Some(Self { demo, org, user })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::demo::DEMO_ORGANIZATIONS;

    #[test]
    fn every_demo_user_builds() {
        assert_eq!(Store::demo().accounts.len(), DEMO_USERS.len());
    }

    #[test]
    fn demo_data_is_consistent() {
        let unique =
            |values: Vec<&str>| values.iter().collect::<HashSet<_>>().len() == values.len();
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
}
