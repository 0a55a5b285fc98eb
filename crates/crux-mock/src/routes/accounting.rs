//! The accounting resources: `payment_method`, `subscription`,
//! `transactions`.

use crux_types::endpoint as e;

use super::Routes;

/// The routes of this file, in the catalogue's order.
pub(super) fn routes(r: Routes) -> Routes {
    r.add(&e::PAYMENT_METHOD_GET, payment_method::get)
        .add(&e::SUBSCRIPTION_GET, subscription::get)
        .add(&e::TRANSACTIONS_LIST, transactions::list)
        .add(&e::TRANSACTIONS_GET, transactions::get)
        .add(&e::TRANSACTIONS_EXPORT, transactions::export)
}

/// `payment_method.*`.
mod payment_method {
    use axum::extract::State;
    use crux_types::PaymentMethod;

    use crate::domain::{Actor, accounting};
    use crate::shared::{AppState, Reply};

    /// `payment_method.get`.
    pub(super) async fn get(State(state): State<AppState>, actor: Actor) -> Reply<PaymentMethod> {
        state.run(|store| accounting::payment_method(store, &actor))
    }
}

/// `subscription.*`.
mod subscription {
    use axum::extract::State;
    use crux_types::Subscription;

    use crate::domain::{Actor, accounting};
    use crate::shared::{AppState, Reply};

    /// `subscription.get`.
    pub(super) async fn get(State(state): State<AppState>, actor: Actor) -> Reply<Subscription> {
        state.run(|store| accounting::subscription(store, &actor))
    }
}

/// `transactions.*`.
mod transactions {
    use axum::extract::State;
    use crux_types::{ExportRef, Transaction};

    use crate::domain::{Actor, accounting};
    use crate::json::JsonBody;
    use crate::routes::PathText;
    use crate::shared::{AppState, Reply};

    /// `transactions.list`.
    pub(super) async fn list(
        State(state): State<AppState>,
        actor: Actor,
    ) -> Reply<Vec<Transaction>> {
        state.run(|store| accounting::list(store, &actor))
    }

    /// `transactions.get`.
    pub(super) async fn get(
        State(state): State<AppState>,
        actor: Actor,
        id: PathText,
    ) -> Reply<Transaction> {
        state.run(|store| accounting::get(store, &actor, &id.0))
    }

    /// `transactions.export`.
    pub(super) async fn export(
        State(state): State<AppState>,
        actor: Actor,
        JsonBody(body): JsonBody,
    ) -> Reply<ExportRef> {
        state.run(|store| accounting::export(store, &actor, body))
    }
}
