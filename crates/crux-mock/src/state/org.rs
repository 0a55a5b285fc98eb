//! One organization's data as API objects: the organization itself, its
//! permission catalogue, notifications and billing data.

use crux_types::{
    AccountManager, CardNumber, DashboardNotification, Decimal, NaiveDate, NextBillPlan,
    NotificationVia, OrgType, Organization, OrganizationStatus, PaymentMethod, Permission, Person,
    Subscription, Timestamp, Transaction, TransactionId,
};

use super::account::api_permission;
use crate::demo::accounting::{DemoBilling, DemoPaymentMethod, DemoSubscription, billing};
use crate::demo::notifications::DASHBOARD_NOTIFICATIONS;
use crate::demo::organizations::{OrgProfile, profile};
use crate::demo::{DEMO_PERMISSIONS, DemoOrganization};

/// One organization's data. Nothing here changes: no route writes it.
#[derive(Debug, Clone)]
pub(crate) struct OrgData {
    /// The demo entry.
    pub(crate) demo: &'static DemoOrganization,
    /// Get Organization Details.
    pub(crate) organization: Organization,
    /// Get All Permissions: every permission visible to the organization
    /// type, in catalogue order.
    pub(crate) permissions: Vec<Permission>,
    /// Get Dashboard Notifications.
    pub(crate) notifications: Vec<DashboardNotification>,
    /// Get Subscription.
    pub(crate) subscription: Subscription,
    /// Get Payment Methods.
    pub(crate) payment_method: PaymentMethod,
    /// Get Transactions.
    pub(crate) transactions: Vec<Transaction>,
}

impl OrgData {
    /// Builds the data of a demo organization; `None` if a value does not
    /// parse or a table has no entry for it.
    pub(super) fn demo(demo: &'static DemoOrganization) -> Option<Self> {
        let billing: &DemoBilling = billing(demo.name)?;
        Some(Self {
            demo,
            organization: organization(demo, profile(demo.name)?)?,
            permissions: DEMO_PERMISSIONS
                .iter()
                .filter(|permission| permission.visible_to(demo.org_type))
                .map(api_permission)
                .collect::<Option<_>>()?,
            notifications: DASHBOARD_NOTIFICATIONS
                .iter()
                .filter(|notification| notification.organization == demo.name)
                .map(|notification| {
                    Some(DashboardNotification {
                        uuid: notification.uuid.parse().ok()?,
                        title: notification.title.to_owned(),
                        created_at: notification.created_at.parse().ok()?,
                        kind: NotificationVia::Dashboard,
                    })
                })
                .collect::<Option<_>>()?,
            subscription: subscription(&billing.subscription, &billing.payment_method)?,
            payment_method: payment_method(&billing.payment_method)?,
            transactions: billing
                .transactions
                .iter()
                .map(|t| {
                    Some(Transaction {
                        statement_date: date(t.statement_date)?,
                        payment_date: match t.payment_date {
                            Some(text) => Some(date(text)?),
                            None => None,
                        },
                        transaction_id: TransactionId::new(t.transaction_id),
                        total: amount(t.total)?,
                        status: t.status.to_owned(),
                    })
                })
                .collect::<Option<_>>()?,
        })
    }
}

/// Get Organization Details.
fn organization(demo: &DemoOrganization, profile: &OrgProfile) -> Option<Organization> {
    let manager = &profile.account_manager;
    Some(Organization {
        uuid: demo.org_uuid.parse().ok()?,
        name: demo.name.to_owned(),
        org_type: OrgType::from(demo.org_type),
        status: OrganizationStatus::from(profile.status),
        created_date: timestamp(profile.created_date)?,
        active_date: match profile.active_date {
            Some(text) => Some(timestamp(text)?),
            None => None,
        },
        account_manager: Some(AccountManager {
            uuid: manager.uuid.parse().ok()?,
            person: Person {
                uuid: manager.person_uuid.parse().ok()?,
                first_name: manager.first_name.to_owned(),
                last_name: manager.last_name.to_owned(),
                email: manager.email.to_owned(),
                phone: Some(manager.phone.to_owned()),
                job_title: Some(manager.job_title.to_owned()),
            },
        }),
    })
}

/// Get Subscription; the next bill goes to `card`.
fn subscription(demo: &DemoSubscription, card: &DemoPaymentMethod) -> Option<Subscription> {
    let strings = |values: &[&str]| values.iter().map(|&v| v.to_owned()).collect();
    let (bill_date, amount_due, start_date, end_date) = demo.next_bill;
    Some(Subscription {
        plan_name: demo.plan_name.to_owned(),
        available_add_ons: strings(demo.available_add_ons),
        plan_features: strings(demo.plan_features),
        plan_add_ons: strings(demo.plan_add_ons),
        next_bill_plan: NextBillPlan {
            bill_date: date(bill_date)?,
            amount: amount(amount_due)?,
            start_date: date(start_date)?,
            end_date: date(end_date)?,
            card_last_four: last_four(card.card_number)?,
        },
    })
}

/// Get Payment Methods.
fn payment_method(demo: &DemoPaymentMethod) -> Option<PaymentMethod> {
    Some(PaymentMethod {
        payment_type: demo.payment_type.to_owned(),
        card_number: Some(CardNumber::new(demo.card_number)),
        card_last_four: last_four(demo.card_number)?,
        card_expiration: date(demo.card_expiration)?,
        is_default: true,
        address: demo.address.to_owned(),
    })
}

/// The last four characters of a card number.
fn last_four(number: &str) -> Option<String> {
    number
        .get(number.len().checked_sub(4)?..)
        .map(str::to_owned)
}

/// A `YYYY-MM-DD` date.
fn date(text: &str) -> Option<NaiveDate> {
    text.parse().ok()
}

/// An RFC 3339 timestamp.
fn timestamp(text: &str) -> Option<Timestamp> {
    text.parse().ok()
}

/// A decimal amount, scale kept (`"149.00"`).
fn amount(text: &str) -> Option<Decimal> {
    Decimal::from_str_exact(text).ok()
}
