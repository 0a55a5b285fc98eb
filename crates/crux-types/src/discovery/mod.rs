//! Discovery domain: connections, discovery suppliers and connection
//! requests.
//!
//! Endpoints using these types (rows 17 to 22 of the endpoint table):
//!
//! | Endpoint | Request body | Returns |
//! |---|---|---|
//! | `GET /organizations/connections/` | none | `Vec<`[`Connection`]`>` |
//! | `POST /discovery/suppliers/` (retailer) | [`SupplierQuery`] | [`SupplierPage`] |
//! | `POST /organizations/connections/request/` (retailer) | [`NewConnectionRequest`] | [`ConnectionRequestCreated`] |
//! | `GET /organizations/connections/request/` (retailer) | none (`start`, `limit` in the query string) | [`ConnectionRequestPage`] |
//! | `GET /organizations/connections/request/{request_uuid}/` (retailer) | none | [`ConnectionRequest`] |
//! | `PATCH /organizations/connections/request/{request_uuid}/` (retailer) | [`ConnectionRequestUpdate`] | 204 |
//!
//! The request and response names of a connection request differ
//! (docs/spec-decisions.md, E-16).

mod connection;
mod new_request;
mod request;
mod supplier;

pub use connection::{Connection, ConnectionOrganization, ConnectionParty, ConnectionStatus};
pub use new_request::{
    ConnectionRequestUpdate, IntegrationUpdate, NewConnectionRequest, NewIntegration,
};
pub use request::{
    ConnectionRequest, ConnectionRequestCreated, ConnectionRequestPage, FileUpload, Integration,
    IntegrationType,
};
pub use supplier::{DiscoverySupplier, SupplierPage, SupplierQuery, SupplierSort};
