//! The AccountManager object.

use serde::{Deserialize, Serialize};

use super::Person;
use crate::id::AccountManagerId;

/// The CRUX account manager of an organization
/// (`Organization.account_manager`).
///
/// Documented in the `objects/account_manager.md` include, whose `person`
/// is the [`Person`] object (with `job_title`, which the include comments
/// out but the samples send; docs/spec-decisions.md, E-35).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AccountManager {
    /// Identifies the account manager.
    pub uuid: AccountManagerId,
    /// The account manager's name and contact details.
    pub person: Person,
}
