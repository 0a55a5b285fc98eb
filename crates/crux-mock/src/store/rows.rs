//! The row types of the store's tables, each with its visibility rule.

use crux_types::{
    DashboardNotification, ExportId, NotificationId, NotificationSetting, OrgType, Organization,
    OrganizationId, PaymentMethod, PermissionId, RetailerId, Subscription, SupplierId, Timestamp,
    Transaction, TransactionId, User, UserId, UserStatus,
};

use super::table::{Row, Visible};

/// An organization, with what belongs to it alone (one of each).
#[derive(Debug, Clone)]
pub(crate) struct OrgRow {
    /// Get Organization Details.
    pub(crate) organization: Organization,
    /// `retailer_uuid` of a retailer (login response).
    pub(crate) retailer: Option<RetailerId>,
    /// `supplier_uuid` of a supplier (login response).
    pub(crate) supplier: Option<SupplierId>,
    /// Get Subscription.
    pub(crate) subscription: Subscription,
    /// Get Payment Methods.
    pub(crate) payment_method: PaymentMethod,
}

impl OrgRow {
    /// The organization's type.
    pub(crate) fn org_type(&self) -> &OrgType {
        &self.organization.org_type
    }
}

impl Row for OrgRow {
    type Id = OrganizationId;
    fn id(&self) -> &OrganizationId {
        &self.organization.uuid
    }
}

/// An organization sees itself only.
impl Visible for OrgRow {
    fn visible_to(&self, org: OrganizationId) -> bool {
        self.organization.uuid == org
    }
}

/// A user account: the user, credentials and the user's own settings.
#[derive(Debug, Clone)]
pub(crate) struct UserRow {
    /// The user as Get All Users returns it, permissions as assigned now.
    pub(crate) user: User,
    /// The user's organization.
    pub(crate) org: OrganizationId,
    /// The login username.
    pub(crate) username: &'static str,
    /// The login password.
    pub(crate) password: &'static str,
    /// The API token.
    pub(crate) token: &'static str,
    /// The user's notification settings, as currently set.
    pub(crate) settings: Vec<NotificationSetting>,
}

impl UserRow {
    /// Only `ACTIVE` users may log in or use their token.
    pub(crate) fn is_active(&self) -> bool {
        self.user.status == UserStatus::Active
    }

    /// Whether permission `name` is assigned to the user now.
    pub(crate) fn has_permission(&self, name: &str) -> bool {
        self.user
            .permission_assignments
            .assigned()
            .any(|permission| permission.name == name)
    }

    /// Whether `id` is a permission the user can be given (one visible to
    /// the organization type).
    pub(crate) fn can_hold(&self, id: PermissionId) -> bool {
        self.user
            .permission_assignments
            .permissions
            .iter()
            .any(|entry| entry.permission.uuid == id)
    }

    /// Marks the permissions `ids` assigned (or not); other ids are ignored.
    pub(crate) fn set_assigned(&mut self, ids: &[PermissionId], assigned: bool) {
        for entry in &mut self.user.permission_assignments.permissions {
            if ids.contains(&entry.permission.uuid) {
                entry.assigned = assigned;
            }
        }
    }
}

impl Row for UserRow {
    type Id = UserId;
    fn id(&self) -> &UserId {
        &self.user.uuid
    }
}

/// A user is seen by the users of the same organization.
impl Visible for UserRow {
    fn visible_to(&self, org: OrganizationId) -> bool {
        self.org == org
    }
}

/// A dashboard notification of one organization.
#[derive(Debug, Clone)]
pub(crate) struct NotificationRow {
    /// The notification.
    pub(crate) notification: DashboardNotification,
    /// The organization it is for.
    pub(crate) org: OrganizationId,
}

impl Row for NotificationRow {
    type Id = NotificationId;
    fn id(&self) -> &NotificationId {
        &self.notification.uuid
    }
}

impl Visible for NotificationRow {
    fn visible_to(&self, org: OrganizationId) -> bool {
        self.org == org
    }
}

/// A billing transaction of one organization.
#[derive(Debug, Clone)]
pub(crate) struct TransactionRow {
    /// The transaction.
    pub(crate) transaction: Transaction,
    /// The organization billed.
    pub(crate) org: OrganizationId,
}

impl Row for TransactionRow {
    type Id = TransactionId;
    fn id(&self) -> &TransactionId {
        &self.transaction.transaction_id
    }
}

impl Visible for TransactionRow {
    fn visible_to(&self, org: OrganizationId) -> bool {
        self.org == org
    }
}

/// An export requested at run time.
#[derive(Debug, Clone)]
pub(crate) struct ExportRow {
    /// The id answered.
    pub(crate) id: ExportId,
    /// The endpoint that asked for it (`"transactions.export"`).
    pub(crate) endpoint: &'static str,
    /// The requesting user's organization.
    pub(crate) org: OrganizationId,
    /// The requesting user.
    pub(crate) requested_by: UserId,
    /// When (the store's clock).
    pub(crate) created_at: Timestamp,
}

impl Row for ExportRow {
    type Id = ExportId;
    fn id(&self) -> &ExportId {
        &self.id
    }
}

impl Visible for ExportRow {
    fn visible_to(&self, org: OrganizationId) -> bool {
        self.org == org
    }
}
