//! The data store: one [`Table`] per kind of object, keyed by typed ids,
//! plus the permission catalogue, the clock and the id sequences. One per
//! server; built from the demo dataset ([`Store::demo`]) and changed by
//! the write routes through the domain layer.

pub(crate) mod orders;
pub(crate) mod products;
mod rows;
pub(crate) mod seed;
mod sequence;
pub(crate) mod table;

use crux_types::{OrgType, OrganizationId, Permission, PermissionVisibility};

use orders::{DiscoveryRow, OrderRow, RequestRow};
use products::{CatalogRow, ConnectionRow, InventoryListRow, ItemRow, SkuRow};

pub(crate) use rows::{ExportRow, NotificationRow, OrgRow, TransactionRow, UserRow};
pub(crate) use seed::SeedError;
pub(crate) use sequence::{Clock, IdKind, IdSequence};
pub(crate) use table::Table;

/// Everything the mock knows.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    /// The organizations.
    pub(crate) organizations: Table<OrgRow>,
    /// The users, with their credentials and settings.
    pub(crate) users: Table<UserRow>,
    /// Dashboard notifications.
    pub(crate) notifications: Table<NotificationRow>,
    /// Billing transactions.
    pub(crate) transactions: Table<TransactionRow>,
    /// Exports requested so far.
    pub(crate) exports: Table<ExportRow>,
    /// Retailer-supplier connections (who sees whose products).
    pub(crate) connections: Table<ConnectionRow>,
    /// Items of every supplier.
    pub(crate) items: Table<ItemRow>,
    /// SKUs of every item.
    pub(crate) skus: Table<SkuRow>,
    /// Catalogs of every supplier.
    pub(crate) catalogs: Table<CatalogRow>,
    /// Inventory lists of every retailer.
    pub(crate) inventory_lists: Table<InventoryListRow>,
    /// Orders of every retailer.
    pub(crate) orders: Table<OrderRow>,
    /// Connection requests of every retailer.
    pub(crate) requests: Table<RequestRow>,
    /// The suppliers listed for discovery.
    pub(crate) discovery: Table<DiscoveryRow>,
    /// The permission catalogue, in display order (every organization type).
    pub(crate) permissions: Vec<Permission>,
    /// The clock that stamps what is created.
    pub(crate) clock: Clock,
    /// The ids of what is created.
    pub(crate) ids: IdSequence,
}

impl Store {
    /// The users with token `token`.
    pub(crate) fn user_by_token(&self, token: &str) -> Option<&UserRow> {
        self.users.iter().find(|row| row.token == token)
    }

    /// The user with username `username`.
    pub(crate) fn user_by_username(&self, username: &str) -> Option<&UserRow> {
        self.users.iter().find(|row| row.username == username)
    }

    /// The organizations whose products `org` sees: its own (a supplier's),
    /// and those of the suppliers connected to it (a retailer's).
    pub(crate) fn product_owners(&self, org: OrganizationId) -> Vec<OrganizationId> {
        let mut owners = vec![org];
        owners.extend(
            self.connections
                .visible(org)
                .filter(|c| c.retailer == org)
                .map(|c| c.supplier),
        );
        owners
    }

    /// The permissions an organization of type `org_type` sees, in
    /// catalogue order.
    pub(crate) fn permissions_for<'a>(
        &'a self,
        org_type: &'a OrgType,
    ) -> impl Iterator<Item = &'a Permission> {
        self.permissions
            .iter()
            .filter(move |permission| permission_visible(permission, org_type))
    }
}

/// Whether `permission` exists for organizations of type `org_type`.
pub(crate) fn permission_visible(permission: &Permission, org_type: &OrgType) -> bool {
    match &permission.visibility {
        Some(PermissionVisibility::Both) => true,
        Some(visibility) => visibility.as_str() == org_type.as_str(),
        None => false,
    }
}

#[cfg(test)]
mod tests;
