//! Who may call what: the token's user ([`authenticate`]) and the
//! endpoint catalogue's rules ([`authorize`]). The guard in front of every
//! route runs these two and nothing else decides access.

use crux_types::endpoint::Endpoint;

use super::{Actor, DomainError, Outcome};
use crate::store::Store;

/// DRF's 401 detail for an unknown token.
pub(crate) const INVALID_TOKEN: &str = "Invalid token.";
/// DRF's 401 detail for the token of a user who is not active.
pub(crate) const INACTIVE_USER: &str = "User inactive or deleted.";

/// The actor behind `token`: 401 when no user has it or the user is not
/// `ACTIVE`.
pub(crate) fn authenticate(store: &Store, token: &str) -> Outcome<Actor> {
    let user = store
        .user_by_token(token)
        .ok_or(DomainError::Unauthenticated(INVALID_TOKEN))?;
    if !user.is_active() {
        return Err(DomainError::Unauthenticated(INACTIVE_USER));
    }
    let org = store
        .organizations
        .get(&user.org)
        .ok_or(DomainError::Inconsistent("a user without organization"))?;
    Ok(Actor {
        user: user.user.uuid,
        org: user.org,
        org_type: org.org_type().clone(),
    })
}

/// Whether `actor` may call `endpoint`, as the catalogue says: 409 when
/// the endpoint is for the other organization type, then 403 naming every
/// permission the endpoint needs (for this organization type) that the
/// user does not hold now. Permissions are read from the store, so a
/// change made by an earlier request counts.
pub(crate) fn authorize(store: &Store, actor: &Actor, endpoint: &'static Endpoint) -> Outcome<()> {
    if !endpoint.allows(&actor.org_type) {
        return Err(DomainError::WrongOrganizationType {
            endpoint,
            org_type: actor.org_type.clone(),
        });
    }
    let user = store
        .users
        .get(&actor.user)
        .ok_or(DomainError::Inconsistent("an actor without user"))?;
    let missing: Vec<&'static str> = endpoint
        .permissions_for(&actor.org_type)
        .filter(|permission| !user.has_permission(permission))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(DomainError::MissingPermissions(missing))
    }
}

#[cfg(test)]
mod tests {
    use crux_types::OrgType;
    use crux_types::endpoint::{self, Caller};

    use super::*;
    use crate::domain::testing::{actor, store, token};

    #[test]
    fn tokens_make_actors() {
        let store = store();
        let admin = authenticate(&store, token("admin@retail.demo.example")).expect("active");
        assert_eq!(admin, actor("admin@retail.demo.example"));
        assert_eq!(admin.org_type, OrgType::Retailer);
        assert_eq!(
            authenticate(&store, "nope"),
            Err(DomainError::Unauthenticated(INVALID_TOKEN))
        );
        assert_eq!(
            authenticate(&store, token("former@retail.demo.example")),
            Err(DomainError::Unauthenticated(INACTIVE_USER))
        );
    }

    #[test]
    fn the_wrong_organization_type_is_a_conflict_before_permissions() {
        let store = store();
        let supplier = actor("warehouse@supply.demo.example");
        // Retailer-only: a supplier gets 409, whatever its permissions.
        assert_eq!(
            authorize(&store, &supplier, &endpoint::INVENTORY_LISTS_LIST),
            Err(DomainError::WrongOrganizationType {
                endpoint: &endpoint::INVENTORY_LISTS_LIST,
                org_type: OrgType::Supplier,
            })
        );
        let retailer = actor("buyer@retail.demo.example");
        assert!(matches!(
            authorize(&store, &retailer, &endpoint::ORDERS_ALLOCATE),
            Err(DomainError::WrongOrganizationType { .. })
        ));
        assert_eq!(
            authorize(&store, &retailer, &endpoint::INVENTORY_LISTS_LIST),
            Ok(())
        );
        assert_eq!(endpoint::INVENTORY_LISTS_LIST.caller, Caller::Retailer);
    }

    #[test]
    fn missing_permissions_are_named() {
        let store = store();
        let buyer = actor("buyer@retail.demo.example");
        assert_eq!(
            authorize(&store, &buyer, &endpoint::USERS_LIST),
            Err(DomainError::MissingPermissions(vec!["view_org_users"]))
        );
        let warehouse = actor("warehouse@supply.demo.example");
        assert_eq!(
            authorize(&store, &warehouse, &endpoint::NOTIFICATIONS_UPDATE_SETTINGS),
            Err(DomainError::MissingPermissions(vec![
                "edit_email_notifications_preferences"
            ]))
        );
        let finance = actor("finance@supply.demo.example");
        assert_eq!(
            authorize(&store, &finance, &endpoint::NOTIFICATIONS_UPDATE_SETTINGS),
            Err(DomainError::MissingPermissions(vec![
                "view_notifications_settings",
                "edit_email_notifications_preferences"
            ]))
        );
        // No permission needed.
        assert_eq!(
            authorize(&store, &buyer, &endpoint::ORGANIZATION_GET),
            Ok(())
        );
    }

    #[test]
    fn a_permission_of_the_other_type_does_not_apply() {
        let store = store();
        // `view_supplier_catalogs` exists for suppliers only: a retailer
        // needs nothing, a supplier needs it.
        let buyer = actor("buyer@retail.demo.example");
        assert_eq!(authorize(&store, &buyer, &endpoint::CATALOGS_LIST), Ok(()));
        let finance = actor("finance@supply.demo.example");
        assert_eq!(
            authorize(&store, &finance, &endpoint::CATALOGS_LIST),
            Err(DomainError::MissingPermissions(vec![
                "view_supplier_catalogs"
            ]))
        );
    }
}
