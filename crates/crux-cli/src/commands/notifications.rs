//! `crux notifications ...`.

use std::io::{self, Write};

use crux_api::types::endpoint::{
    NOTIFICATIONS_LIST, NOTIFICATIONS_SETTINGS, NOTIFICATIONS_UPDATE_SETTINGS,
};
use crux_types::{
    DashboardNotification, NotificationSetting, NotificationSettingUpdate, NotificationVia,
};

use super::Session;
use crate::{
    cli::{NotificationsCommand, UpdateSettingsArgs},
    exit::Failure,
    output::{NONE, Render, Table},
};

/// Runs `crux notifications ...`.
pub(super) async fn run(s: &Session, command: NotificationsCommand) -> Result<(), Failure> {
    let notifications = s.client().notifications();
    match command {
        NotificationsCommand::List => s.show(&NOTIFICATIONS_LIST, notifications.list()).await,
        NotificationsCommand::Settings => {
            s.show(&NOTIFICATIONS_SETTINGS, notifications.settings())
                .await
        }
        // `set`: its deprecated name.
        NotificationsCommand::UpdateSettings(args) | NotificationsCommand::Set(args) => {
            update_settings(s, args).await
        }
    }
}

/// `crux notifications update-settings SETTING --via V [--enabled B]
/// [--frequency F]`: prints the update sent.
async fn update_settings(s: &Session, args: UpdateSettingsArgs) -> Result<(), Failure> {
    let mut update = NotificationSettingUpdate::new(args.setting, args.via.into());
    if let Some(enabled) = args.enabled {
        update = update.with_enabled(enabled);
    }
    if let Some(frequency) = args.frequency {
        update = update.with_frequency(frequency.into());
    }
    let request = s.client().notifications().update_settings(update.clone());
    s.call(&NOTIFICATIONS_UPDATE_SETTINGS, request).await?;
    s.render(&update)
}

/// `updated notification setting <uuid> (email): enabled=true`.
impl Render for NotificationSettingUpdate {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut changes = Vec::new();
        if let Some(enabled) = self.enabled {
            changes.push(format!("enabled={enabled}"));
        }
        if let Some(frequency) = &self.notification_frequency {
            changes.push(format!("frequency={frequency}"));
        }
        writeln!(
            out,
            "updated notification setting {} ({}): {}",
            self.uuid,
            via_name(&self.notification_via),
            changes.join(", ")
        )
    }
}

/// A channel as `--via` names it (`email`, `dashboard`), or the API's
/// value when it is another one.
fn via_name(via: &NotificationVia) -> &str {
    match via {
        NotificationVia::Email => "email",
        NotificationVia::Dashboard => "dashboard",
        other => other.as_str(),
    }
}

/// CREATED, TITLE, TYPE, UUID.
impl Render for Vec<DashboardNotification> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["CREATED", "TITLE", "TYPE", "UUID"]);
        for notification in self {
            table.row([
                notification.created_at.to_string(),
                notification.title.clone(),
                via_name(&notification.kind).to_owned(),
                notification.uuid.to_string(),
            ]);
        }
        table.write_to(out)
    }
}

/// UUID, NAME, DOMAIN, VIA, ENABLED, FREQUENCY: one row per channel.
impl Render for Vec<NotificationSetting> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["UUID", "NAME", "DOMAIN", "VIA", "ENABLED", "FREQUENCY"]);
        for setting in self {
            let uuid = setting.uuid.to_string();
            let head = [
                uuid.as_str(),
                setting.notification_name.as_str(),
                setting.notification_domain.as_str(),
            ];
            if setting.notification_type.is_empty() {
                table.row(head.into_iter().chain([NONE; 3]));
            }
            for channel in &setting.notification_type {
                let enabled = if channel.enabled { "yes" } else { "no" };
                table.row(head.into_iter().chain([
                    via_name(&channel.notification_via),
                    enabled,
                    channel.notification_frequency.as_str(),
                ]));
            }
        }
        table.write_to(out)
    }
}
