//! [`Store::demo`]: the store built from the demo dataset (`crate::demo`).
//!
//! Ids are typed constants there, checked at compile time. The other
//! values (dates, amounts, timestamps) are parsed here, and one that does
//! not parse is an error naming it, which stops the server from starting:
//! nothing is skipped.

use std::fmt;

use crux_types::{
    AccountManager, DashboardNotification, NotificationDomain, NotificationSetting,
    NotificationSettingId, NotificationType, NotificationVia, OrgType, OrgUserRef, Organization,
    OrganizationStatus, Permission, PermissionAssignments, PermissionEntry, PermissionVisibility,
    Person, Transaction, TransactionId, User, UserStatus,
};

mod discovery;
mod products;

pub(crate) use products::base_cost;
mod values;

use values::{amount, date, known, payment_method, subscription, timestamp};

use super::{
    Clock, IdSequence, NotificationRow, OrgRow, Store, Table, TransactionRow, UserRow,
    permission_visible,
};
use crate::demo::ids::demo_uuid;
use crate::demo::notifications::{DASHBOARD_NOTIFICATIONS, SETTING_TEMPLATES};
use crate::demo::organizations::{ORG_SEEDS, OrgSeed};
use crate::demo::permissions::PERMISSION_SEEDS;
use crate::demo::users::{USER_SEEDS, UserSeed};

/// A demo value that does not parse or refers to nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SeedError(pub(super) String);

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "crux-mock demo data: {}", self.0)
    }
}

impl std::error::Error for SeedError {}

impl Store {
    /// The demo dataset as API objects.
    ///
    /// # Errors
    /// A value of the dataset that does not parse, or a user whose
    /// organization or permission does not exist (the crate's tests check
    /// that none does).
    pub(crate) fn demo() -> Result<Self, SeedError> {
        let permissions: Vec<Permission> = PERMISSION_SEEDS
            .iter()
            .map(|seed| {
                let visibility = PermissionVisibility::from(seed.demo.visibility);
                known(visibility.is_known(), "visibility", seed.demo.visibility)?;
                Ok(Permission {
                    uuid: seed.id,
                    name: seed.demo.name.to_owned(),
                    display_name: seed.demo.display_name.to_owned(),
                    description: seed.demo.description.to_owned(),
                    visibility: Some(visibility),
                    grouping: Some(seed.demo.grouping.to_owned()),
                })
            })
            .collect::<Result<_, SeedError>>()?;
        let organizations = ORG_SEEDS
            .iter()
            .map(organization)
            .collect::<Result<Table<_>, _>>()?;
        let users = USER_SEEDS
            .iter()
            .map(|seed| user(seed, &permissions))
            .collect::<Result<Table<_>, _>>()?;
        let mut store = Self {
            organizations,
            users,
            notifications: notifications()?,
            transactions: transactions()?,
            exports: Table::default(),
            connections: Table::default(),
            items: Table::default(),
            skus: Table::default(),
            catalogs: Table::default(),
            inventory_lists: Table::default(),
            orders: Table::default(),
            requests: Table::default(),
            discovery: Table::default(),
            permissions,
            clock: Clock::starting_at(timestamp(Clock::START)?),
            ids: IdSequence::default(),
        };
        products::add_products(&mut store)?;
        discovery::add_discovery(&mut store)?;
        Ok(store)
    }
}

/// An organization's row.
fn organization(seed: &OrgSeed) -> Result<OrgRow, SeedError> {
    let profile = &seed.profile;
    let manager = &profile.account_manager;
    let billing = seed.billing;
    let org_type = OrgType::from(seed.demo.org_type);
    known(org_type.is_known(), "org_type", seed.demo.org_type)?;
    let status = OrganizationStatus::from(profile.status);
    known(status.is_known(), "organization status", profile.status)?;
    Ok(OrgRow {
        organization: Organization {
            uuid: seed.id,
            name: seed.demo.name.to_owned(),
            org_type,
            status,
            created_date: timestamp(profile.created_date)?,
            active_date: profile.active_date.map(timestamp).transpose()?,
            account_manager: Some(AccountManager {
                uuid: manager.uuid,
                person: Person {
                    uuid: manager.person_uuid,
                    first_name: manager.first_name.to_owned(),
                    last_name: manager.last_name.to_owned(),
                    email: manager.email.to_owned(),
                    phone: Some(manager.phone.to_owned()),
                    job_title: Some(manager.job_title.to_owned()),
                },
            }),
        },
        retailer: seed.retailer,
        supplier: seed.supplier,
        subscription: subscription(&billing.subscription, &billing.payment_method)?,
        payment_method: payment_method(&billing.payment_method)?,
    })
}

/// A user's row: every permission of the organization type, marked
/// assigned or not, and one setting per template of the organization.
fn user(seed: &UserSeed, catalogue: &[Permission]) -> Result<UserRow, SeedError> {
    let demo = &seed.demo;
    let org = ORG_SEEDS
        .iter()
        .find(|org| org.id == seed.org)
        .ok_or_else(|| SeedError(format!("{}: no such organization", demo.username)))?;
    let org_type = OrgType::from(org.demo.org_type);
    if let Some(unknown) = demo
        .permissions
        .iter()
        .find(|name| !catalogue.iter().any(|p| p.name == **name))
    {
        return Err(SeedError(format!(
            "{}: no permission {unknown:?}",
            demo.username
        )));
    }
    let status = UserStatus::from(demo.status);
    known(status.is_known(), "user status", demo.status)?;
    let permissions = catalogue
        .iter()
        .filter(|permission| permission_visible(permission, &org_type))
        .map(|permission| PermissionEntry {
            assigned: demo.has_permission(&permission.name),
            permission: permission.clone().into(),
        })
        .collect();
    Ok(UserRow {
        user: User {
            uuid: seed.id,
            person: Person {
                uuid: seed.person,
                first_name: demo.first_name.to_owned(),
                last_name: demo.last_name.to_owned(),
                email: demo.username.to_owned(),
                phone: Some(demo.phone.to_owned()),
                job_title: None,
            },
            permission_assignments: PermissionAssignments {
                permissions,
                org_user: Some(OrgUserRef { uuid: seed.id }),
            },
            status,
        },
        org: seed.org,
        username: demo.username,
        password: demo.password,
        token: demo.token,
        settings: settings(seed)?,
    })
}

/// The user's notification settings: setting `KK` of user `UU` is
/// `d0000008-0000-4000-8000-00000000UUKK`.
fn settings(seed: &UserSeed) -> Result<Vec<NotificationSetting>, SeedError> {
    SETTING_TEMPLATES
        .iter()
        .filter(|template| template.org == seed.org)
        .map(|template| {
            let uuid = demo_uuid(8, seed.n * 100 + template.n)
                .map(NotificationSettingId::new)
                .ok_or_else(|| SeedError(format!("setting {} of user {}", template.n, seed.n)))?;
            Ok(NotificationSetting {
                uuid,
                notification_name: template.name.to_owned(),
                notification_domain: NotificationDomain::from(template.domain),
                notification_type: template
                    .channels
                    .iter()
                    .map(|channel| NotificationType {
                        notification_via: channel.via.into(),
                        notification_frequency: channel.frequency.into(),
                        enabled: channel.enabled,
                    })
                    .collect(),
                org_user: OrgUserRef { uuid: seed.id },
            })
        })
        .collect()
}

/// Every organization's dashboard notifications.
fn notifications() -> Result<Table<NotificationRow>, SeedError> {
    DASHBOARD_NOTIFICATIONS
        .iter()
        .map(|demo| {
            Ok(NotificationRow {
                notification: DashboardNotification {
                    uuid: demo.uuid,
                    title: demo.title.to_owned(),
                    created_at: timestamp(demo.created_at)?,
                    kind: NotificationVia::Dashboard,
                },
                org: demo.org,
            })
        })
        .collect()
}

/// Every organization's transactions.
fn transactions() -> Result<Table<TransactionRow>, SeedError> {
    let mut rows = Vec::new();
    for org in ORG_SEEDS {
        for t in org.billing.transactions {
            rows.push(TransactionRow {
                transaction: Transaction {
                    statement_date: date(t.statement_date)?,
                    payment_date: t.payment_date.map(date).transpose()?,
                    transaction_id: TransactionId::new(t.transaction_id),
                    total: amount(t.total)?,
                    status: t.status.to_owned(),
                },
                org: org.id,
            });
        }
    }
    Ok(rows.into_iter().collect())
}
