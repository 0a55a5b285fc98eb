//! The accounting resources: `payment_method`, `subscription`,
//! `transactions`.

/// `payment_method.*`.
pub(super) mod payment_method {
    use axum::extract::State;
    use crux_types::PaymentMethod;

    use crate::domain::{Actor, accounting};
    use crate::shared::{AppState, Reply};

    /// `payment_method.get`.
    pub(crate) async fn get(State(state): State<AppState>, actor: Actor) -> Reply<PaymentMethod> {
        state.run(|store| accounting::payment_method(store, &actor))
    }
}

/// `subscription.*`.
pub(super) mod subscription {
    use axum::extract::State;
    use crux_types::Subscription;

    use crate::domain::{Actor, accounting};
    use crate::shared::{AppState, Reply};

    /// `subscription.get`.
    pub(crate) async fn get(State(state): State<AppState>, actor: Actor) -> Reply<Subscription> {
        state.run(|store| accounting::subscription(store, &actor))
    }
}

/// `transactions.*`.
pub(super) mod transactions {
    use axum::extract::State;
    use crux_types::{ExportRef, Transaction};

    use crate::domain::{Actor, accounting};
    use crate::json::JsonBody;
    use crate::routes::PathText;
    use crate::shared::{AppState, Reply};

    /// `transactions.list`.
    pub(crate) async fn list(
        State(state): State<AppState>,
        actor: Actor,
    ) -> Reply<Vec<Transaction>> {
        state.run(|store| accounting::list(store, &actor))
    }

    /// `transactions.get`.
    pub(crate) async fn get(
        State(state): State<AppState>,
        actor: Actor,
        id: PathText,
    ) -> Reply<Transaction> {
        state.run(|store| accounting::get(store, &actor, &id.0))
    }

    /// `transactions.export`.
    pub(crate) async fn export(
        State(state): State<AppState>,
        actor: Actor,
        JsonBody(body): JsonBody,
    ) -> Reply<ExportRef> {
        state.run(|store| accounting::export(store, &actor, body))
    }
}
