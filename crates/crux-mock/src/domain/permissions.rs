//! `permissions.list`: the permission catalogue.

use crux_types::Permission;

use super::{Actor, Outcome};
use crate::store::Store;

/// `permissions.list`: every permission visible to the caller's
/// organization type (`BOTH` and its own), in catalogue order.
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Vec<Permission>> {
    Ok(store.permissions_for(&actor.org_type).cloned().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{actor, store};

    #[test]
    fn each_type_sees_both_and_its_own() {
        let store = store();
        let retail = list(&store, &actor("viewer@retail.demo.example")).expect("list");
        let supply = list(&store, &actor("finance@supply.demo.example")).expect("list");
        assert_eq!((retail.len(), supply.len()), (16, 18));
        assert!(retail.iter().any(|p| p.name == "create_order"));
        assert!(!retail.iter().any(|p| p.name == "edit_items"));
        assert!(supply.iter().any(|p| p.name == "edit_items"));
    }
}
