//! The accounting endpoints: `subscription.get`, `payment_method.get`,
//! `transactions.list`, `transactions.get`, `transactions.export`.

use crux_types::{ExportId, ExportRef, PaymentMethod, Subscription, Transaction, TransactionId};

use super::organization::own;
use super::{Actor, Body, DomainError, Outcome, fields};
use crate::store::{ExportRow, IdKind, Store};

/// `subscription.get`: the organization's plan.
pub(crate) fn subscription(store: &Store, actor: &Actor) -> Outcome<Subscription> {
    own(store, actor).map(|row| row.subscription.clone())
}

/// `payment_method.get`: the organization's card, one object, the full
/// number included.
pub(crate) fn payment_method(store: &Store, actor: &Actor) -> Outcome<PaymentMethod> {
    own(store, actor).map(|row| row.payment_method.clone())
}

/// `transactions.list`: the organization's transactions, oldest first.
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Vec<Transaction>> {
    Ok(store
        .transactions
        .visible(actor.org)
        .map(|row| row.transaction.clone())
        .collect())
}

/// `transactions.get`: one of the organization's transactions; an unknown
/// id or another organization's is the same 404.
pub(crate) fn get(store: &Store, actor: &Actor, id: &str) -> Outcome<Transaction> {
    store
        .transactions
        .find_visible(&TransactionId::new(id), actor.org)
        .map(|row| row.transaction.clone())
        .ok_or(DomainError::NotFound)
}

/// `transactions.export`: a new export id from the store's sequence,
/// recorded with the clock's time. The body must be a JSON object (`{}`);
/// its members are ignored. No email is sent.
pub(crate) fn export(store: &mut Store, actor: &Actor, body: Body) -> Outcome<ExportRef> {
    fields::object(&body?)?;
    record_export(store, actor, "transactions.export").map(|uuid| ExportRef { uuid })
}

/// A new export for `endpoint`: the next export id, recorded with the
/// clock's time.
pub(crate) fn record_export(
    store: &mut Store,
    actor: &Actor,
    endpoint: &'static str,
) -> Outcome<ExportId> {
    let id = store
        .ids
        .next(IdKind::Export)
        .map(ExportId::new)
        .ok_or(DomainError::Inconsistent("the export ids are used up"))?;
    let created_at = store.clock.tick();
    store.exports.insert(ExportRow {
        id,
        endpoint,
        org: actor.org,
        requested_by: actor.user,
        created_at,
    });
    Ok(id)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::testing::{actor, store};

    const RETAIL: &str = "admin@retail.demo.example";
    const SUPPLY: &str = "finance@supply.demo.example";

    #[test]
    fn transactions_are_per_organization() {
        let store = store();
        let ids = |user| {
            list(&store, &actor(user))
                .expect("list")
                .into_iter()
                .map(|t| t.transaction_id.as_str().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(RETAIL),
            ["100000001", "100000002", "100000003", "100000004"]
        );
        assert_eq!(ids(SUPPLY), ["200000001", "200000002", "200000003"]);
        assert!(get(&store, &actor(RETAIL), "100000004").is_ok());
        assert_eq!(
            get(&store, &actor(SUPPLY), "100000004"),
            Err(DomainError::NotFound)
        );
        assert_eq!(
            payment_method(&store, &actor(SUPPLY))
                .expect("card")
                .card_last_four,
            "0005"
        );
        assert_eq!(
            subscription(&store, &actor(RETAIL))
                .expect("plan")
                .plan_name,
            "Retailer Growth"
        );
    }

    #[test]
    fn exports_have_sequential_ids_and_clock_times() {
        let mut store = store();
        let first = export(&mut store, &actor(RETAIL), Ok(json!({}))).expect("export");
        let second = export(&mut store, &actor(SUPPLY), Ok(json!({"x": 1}))).expect("export");
        assert_eq!(
            first.uuid.to_string(),
            "d0000009-0000-4000-8000-000000000001"
        );
        assert_eq!(
            second.uuid.to_string(),
            "d0000009-0000-4000-8000-000000000002"
        );
        let rows: Vec<_> = store
            .exports
            .iter()
            .map(|r| r.created_at.to_string())
            .collect();
        assert_eq!(rows, ["2024-07-01T00:00:00Z", "2024-07-01T00:00:01Z"]);
        assert_eq!(
            export(&mut store, &actor(RETAIL), Ok(json!([]))),
            Err(DomainError::invalid(
                "Invalid data. Expected a dictionary, but got list."
            ))
        );
        assert_eq!(store.exports.len(), 2);
    }
}
