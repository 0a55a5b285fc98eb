//! The Connection object.

use serde::{Deserialize, Serialize};

use crate::id::{ConnectionId, RetailerId, SupplierId};
use crate::organization::{AccountManager, Organization, Person};

/// A connection between a retailer and a supplier, as Get Connections
/// (`GET /organizations/connections/`, a bare array) returns it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Connection {
    /// Identifies the connection.
    pub uuid: ConnectionId,
    /// The retailer side.
    pub retailer: ConnectionParty<RetailerId>,
    /// The supplier side.
    pub supplier: ConnectionParty<SupplierId>,
    /// Where the connection stands.
    pub status: ConnectionStatus,
    /// The CRUX account manager of the connection; may be `null`
    /// (docs/spec-decisions.md, E-28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_manager: Option<AccountManager>,
    /// The supplier's account number for the retailer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppliers_retailer_account_number: Option<String>,
    /// The retailer's account number for the supplier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retailers_supplier_account_number: Option<String>,
}

/// One side of a [`Connection`]: the retailer (`Id` = [`RetailerId`]) or
/// the supplier (`Id` = [`SupplierId`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConnectionParty<Id> {
    /// The retailer's or supplier's id (not its organization's).
    pub uuid: Id,
    /// Its organization.
    pub organization: ConnectionOrganization,
    /// Its contact person (the `objects/contact` include is the
    /// [`Person`] shape; docs/spec-decisions.md, E-35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Person>,
}

/// An [`Organization`] with the `website` that connections add
/// (docs/spec-decisions.md, E-18).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConnectionOrganization {
    /// The organization.
    #[serde(flatten)]
    pub organization: Organization,
    /// Its public website, as given (`"retailer.com"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

string_enum! {
    /// Where a connection stands (`Connection.status`).
    pub enum ConnectionStatus {
        /// Waiting for confirmation.
        ConfirmationWaiting = "CONFIRMATION WAITING",
        /// Active.
        Active = "ACTIVE",
        /// Deactivated.
        Deactivated = "DEACTIVATED",
    }
}
