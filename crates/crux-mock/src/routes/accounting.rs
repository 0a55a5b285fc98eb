//! Accounting: the subscription, the payment method, billing transactions
//! and their export. All per organization.

use axum::Json;
use axum::extract::{Request, State};
use crux_types::{ExportRef, PaymentMethod, Subscription, Transaction};
use serde_json::Value;

use super::{PathParam, param};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::json::{self, JsonBody};
use crate::state::{AppState, OrgData};

/// `GET /organizations/subscription/` (Get Subscription): the caller's
/// organization's plan. Needs `view_org_subscription_plan`.
pub(super) async fn subscription(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Subscription>, ApiError> {
    caller.require("view_org_subscription_plan")?;
    read_org(&state, &caller, |org| org.subscription.clone())
}

/// `GET /accounting/payment-methods/` (Get Payment Methods): the
/// organization's card, one object (ERRATA E-27), the full number
/// included. Needs `view_payment_info`.
pub(super) async fn payment_methods(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<PaymentMethod>, ApiError> {
    caller.require("view_payment_info")?;
    read_org(&state, &caller, |org| org.payment_method.clone())
}

/// `GET /accounting/transactions/` (Get Transactions): the organization's
/// billing transactions, oldest first. Needs `view_billing_statement`.
pub(super) async fn transactions(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<Transaction>>, ApiError> {
    caller.require("view_billing_statement")?;
    read_org(&state, &caller, |org| org.transactions.clone())
}

/// `GET /accounting/transactions/{transaction_id}/` (Get Transaction
/// Details): one of the organization's transactions; an unknown id or
/// another organization's is the same 404. Needs `view_billing_statement`.
pub(super) async fn transaction(
    State(state): State<AppState>,
    caller: Caller,
    transaction_id: PathParam,
) -> Result<Json<Transaction>, ApiError> {
    caller.require("view_billing_statement")?;
    let id = param(transaction_id).ok_or_else(ApiError::not_found)?;
    let Json(found) = read_org(&state, &caller, |org| {
        org.transactions
            .iter()
            .find(|t| t.transaction_id.as_str() == id)
            .cloned()
    })?;
    found.map(Json).ok_or_else(ApiError::not_found)
}

/// `POST /accounting/transactions/export/` (Get Transactions Export):
/// `{"uuid": ...}`, a new export id from the server's sequence
/// (`d0000009-0000-4000-8000-000000000001`, `…02`, ...), with 200. The body
/// must be a JSON object (`{}`); its members are ignored. No email is sent.
/// Needs `view_billing_statement`.
pub(super) async fn export_transactions(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Json<ExportRef>, ApiError> {
    caller.require("view_billing_statement")?;
    let body: Value = JsonBody::read(request).await?;
    json::object(&body)?;
    state.with_store(|store| {
        store
            .next_export()
            .map(|uuid| Json(ExportRef { uuid }))
            .ok_or_else(ApiError::internal)
    })
}

/// `f` of the caller's organization's data.
fn read_org<T>(
    state: &AppState,
    caller: &Caller,
    f: impl FnOnce(&OrgData) -> T,
) -> Result<Json<T>, ApiError> {
    state.with_store(|store| {
        store
            .org(caller.org_name())
            .map(|org| Json(f(org)))
            .ok_or_else(ApiError::internal)
    })
}
