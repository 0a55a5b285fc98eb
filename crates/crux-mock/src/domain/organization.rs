//! `organization.get`: the caller's organization.

use crux_types::Organization;

use super::{Actor, DomainError, Outcome};
use crate::store::{OrgRow, Store};

/// `organization.get`: the caller's organization, with its account
/// manager.
pub(crate) fn get(store: &Store, actor: &Actor) -> Outcome<Organization> {
    own(store, actor).map(|row| row.organization.clone())
}

/// The caller's organization's row; every actor has one.
pub(crate) fn own<'s>(store: &'s Store, actor: &Actor) -> Outcome<&'s OrgRow> {
    store
        .organizations
        .find_visible(&actor.org, actor.org)
        .ok_or(DomainError::Inconsistent("an actor without organization"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{actor, store};

    #[test]
    fn the_callers_own() {
        let store = store();
        let retail = get(&store, &actor("buyer@retail.demo.example")).expect("org");
        let supply = get(&store, &actor("finance@supply.demo.example")).expect("org");
        assert_eq!(retail.name, "Demo Retail Co.");
        assert_eq!(supply.name, "Demo Supply Co.");
        assert!(supply.active_date.is_none());
    }
}
