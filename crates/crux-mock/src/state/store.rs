//! The data store: the demo accounts and organizations as API objects, and
//! the export sequence.

use crux_types::{ExportId, User, UserId};

use super::{Account, OrgData};
use crate::demo::{DEMO_ORGANIZATIONS, DEMO_USERS};

/// The accounts and organizations, as API objects.
#[derive(Debug)]
pub(crate) struct Store {
    pub(super) accounts: Vec<Account>,
    pub(super) orgs: Vec<OrgData>,
    /// Exports created so far.
    exports: u64,
}

impl Store {
    /// The demo data ([`DEMO_USERS`], [`DEMO_ORGANIZATIONS`]). An entry
    /// with a value that does not parse is skipped (the crate's tests check
    /// that none is).
    pub(crate) fn demo() -> Self {
        Self {
            accounts: DEMO_USERS.iter().filter_map(Account::demo).collect(),
            orgs: DEMO_ORGANIZATIONS
                .iter()
                .filter_map(OrgData::demo)
                .collect(),
            exports: 0,
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

    /// User `id`, if it belongs to organization `org_name`.
    pub(crate) fn org_user(&self, org_name: &str, id: UserId) -> Option<&Account> {
        self.accounts
            .iter()
            .find(|a| a.org.name == org_name && a.user.uuid == id)
    }

    /// User `id`, if it belongs to organization `org_name`, for a change.
    pub(crate) fn org_user_mut(&mut self, org_name: &str, id: UserId) -> Option<&mut Account> {
        self.accounts
            .iter_mut()
            .find(|a| a.org.name == org_name && a.user.uuid == id)
    }

    /// The data of organization `org_name`.
    pub(crate) fn org(&self, org_name: &str) -> Option<&OrgData> {
        self.orgs.iter().find(|o| o.demo.name == org_name)
    }

    /// A new export id: `d0000009-0000-4000-8000-000000000001`, then `…02`,
    /// and so on (the number in decimal digits). `None` past 12 digits.
    pub(crate) fn next_export(&mut self) -> Option<ExportId> {
        let n = self.exports.checked_add(1)?;
        let id = format!("d0000009-0000-4000-8000-{n:012}").parse().ok()?;
        self.exports = n;
        Some(id)
    }
}
