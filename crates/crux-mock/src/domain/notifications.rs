//! `notifications.*`: dashboard notifications (per organization) and
//! notification settings (per user: each names its `org_user`).

use crux_types::{DashboardNotification, NotificationSetting, NotificationSettingUpdate};
use serde_json::Value;

use super::{Actor, Body, DomainError, Outcome, fields};
use crate::store::Store;

/// `notifications.list`: the organization's notifications, newest first.
pub(crate) fn list(store: &Store, actor: &Actor) -> Outcome<Vec<DashboardNotification>> {
    Ok(store
        .notifications
        .visible(actor.org)
        .map(|row| row.notification.clone())
        .collect())
}

/// `notifications.settings`: the caller's own settings, as last updated.
pub(crate) fn settings(store: &Store, actor: &Actor) -> Outcome<Vec<NotificationSetting>> {
    store
        .users
        .get(&actor.user)
        .map(|row| row.settings.clone())
        .ok_or(DomainError::Inconsistent("an actor without user"))
}

/// `notifications.update_settings`: changes one channel of one of the
/// caller's settings and answers the whole setting. `uuid` and
/// `notification_via` select it and are required; `enabled` and
/// `notification_frequency` are each optional. A setting that is not the
/// caller's is a 404; a channel it does not have, or an undocumented
/// value, a 400.
pub(crate) fn update_settings(
    store: &mut Store,
    actor: &Actor,
    body: Body,
) -> Outcome<NotificationSetting> {
    let update = parse_update(body?)?;
    let user = store
        .users
        .get_mut(&actor.user)
        .ok_or(DomainError::Inconsistent("an actor without user"))?;
    let setting = user
        .settings
        .iter_mut()
        .find(|setting| setting.uuid == update.uuid)
        .ok_or(DomainError::NotFound)?;
    let channel = setting
        .notification_type
        .iter_mut()
        .find(|channel| channel.notification_via == update.notification_via)
        .ok_or_else(|| {
            DomainError::invalid(format!(
                "notification_via: this notification setting has no \"{}\" channel.",
                update.notification_via
            ))
        })?;
    if let Some(enabled) = update.enabled {
        channel.enabled = enabled;
    }
    if let Some(frequency) = update.notification_frequency {
        channel.notification_frequency = frequency;
    }
    Ok(setting.clone())
}

/// The update in a body: 400 for a missing field, a wrong type or an
/// undocumented value (DRF's "is not a valid choice").
fn parse_update(body: Value) -> Outcome<NotificationSettingUpdate> {
    fields::require(fields::object(&body)?, &["uuid", "notification_via"])?;
    let update: NotificationSettingUpdate = fields::decode(body)?;
    let invalid = |field: &str, value: &str| {
        DomainError::invalid(format!("{field}: \"{value}\" is not a valid choice."))
    };
    if !update.notification_via.is_known() {
        return Err(invalid(
            "notification_via",
            update.notification_via.as_str(),
        ));
    }
    match &update.notification_frequency {
        Some(frequency) if !frequency.is_known() => {
            Err(invalid("notification_frequency", frequency.as_str()))
        }
        _ => Ok(update),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::testing::{actor, store};

    const ADMIN: &str = "admin@retail.demo.example";

    #[test]
    fn notifications_are_per_organization() {
        let store = store();
        let retail = list(&store, &actor(ADMIN)).expect("list");
        let titles: Vec<_> = retail.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(titles, ["Invoice Due", "Order Shipped", "API Errors"]);
        let supply = list(&store, &actor("admin@supply.demo.example")).expect("list");
        assert_eq!(supply[0].title, "New Order Received");
    }

    #[test]
    fn an_update_changes_one_channel_of_ones_own_setting() {
        let mut store = store();
        let admin = actor(ADMIN);
        let mine = "d0000008-0000-4000-8000-000000000102";
        let body = json!({"uuid": mine, "notification_via": "Dashboard", "enabled": true});
        let updated = update_settings(&mut store, &admin, Ok(body)).expect("updated");
        assert!(updated.notification_type[0].enabled);
        assert_eq!(settings(&store, &admin).expect("read")[1], updated);

        // The buyer's setting 02 is not the admin's.
        let theirs =
            json!({"uuid": "d0000008-0000-4000-8000-000000000202", "notification_via": "email"});
        assert_eq!(
            update_settings(&mut store, &admin, Ok(theirs)),
            Err(DomainError::NotFound)
        );
        let email_only = json!({"uuid": "d0000008-0000-4000-8000-000000000104", "notification_via": "Dashboard"});
        assert_eq!(
            update_settings(&mut store, &admin, Ok(email_only)),
            Err(DomainError::invalid(
                "notification_via: this notification setting has no \"Dashboard\" channel."
            ))
        );
        assert_eq!(
            update_settings(
                &mut store,
                &admin,
                Ok(json!({"uuid": mine, "notification_via": "SMS"}))
            ),
            Err(DomainError::invalid(
                "notification_via: \"SMS\" is not a valid choice."
            ))
        );
        assert_eq!(
            update_settings(&mut store, &admin, Ok(json!({}))),
            Err(DomainError::invalid(
                "uuid: This field is required. notification_via: This field is required."
            ))
        );
    }
}
