//! `crux notifications ...`.

use std::io::Write;

use crux_types::{
    DashboardNotification, NotificationSetting, NotificationSettingUpdate, NotificationVia,
};

use super::{Session, print};
use crate::{
    cli::{NotificationsCommand, OutputFormat, SetNotificationArgs},
    exit::Failure,
    output::{NONE, Table},
};

/// What `notifications settings` needs.
const VIEW: &str = "view_notifications_settings";
/// What `notifications set` needs.
const EDIT: &str = "view_notifications_settings and edit_email_notifications_preferences";

/// Runs `crux notifications ...`.
pub(super) async fn run(
    session: &Session,
    command: NotificationsCommand,
    format: OutputFormat,
) -> Result<(), Failure> {
    match command {
        NotificationsCommand::List => list(session, format).await,
        NotificationsCommand::Settings => settings(session, format).await,
        NotificationsCommand::Set(args) => set(session, args, format).await,
    }
}

/// `crux notifications list`: the dashboard notifications.
async fn list(session: &Session, format: OutputFormat) -> Result<(), Failure> {
    let notifications = session
        .client()
        .notifications()
        .list()
        .await
        .map_err(|e| session.failure(&e, ""))?;
    print(format, &notifications, |out| {
        notifications_table(&notifications).write_to(out)
    })
}

/// `crux notifications settings`: one line per setting and channel.
async fn settings(session: &Session, format: OutputFormat) -> Result<(), Failure> {
    let settings = session
        .client()
        .notifications()
        .settings()
        .await
        .map_err(|e| session.failure(&e, VIEW))?;
    print(format, &settings, |out| {
        settings_table(&settings).write_to(out)
    })
}

/// `crux notifications set SETTING --via V [--enabled B] [--frequency F]`.
async fn set(
    session: &Session,
    args: SetNotificationArgs,
    format: OutputFormat,
) -> Result<(), Failure> {
    let mut update = NotificationSettingUpdate::new(args.setting, args.via.into());
    if let Some(enabled) = args.enabled {
        update = update.with_enabled(enabled);
    }
    if let Some(frequency) = args.frequency {
        update = update.with_frequency(frequency.into());
    }
    session
        .client()
        .notifications()
        .update_settings(update.clone())
        .await
        .map_err(|e| session.failure(&e, EDIT))?;
    print(format, &update, |out| {
        let mut changes = Vec::new();
        if let Some(enabled) = update.enabled {
            changes.push(format!("enabled={enabled}"));
        }
        if let Some(frequency) = &update.notification_frequency {
            changes.push(format!("frequency={frequency}"));
        }
        writeln!(
            out,
            "updated notification setting {} ({}): {}",
            update.uuid,
            via_name(&update.notification_via),
            changes.join(", ")
        )
    })
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
fn notifications_table(notifications: &[DashboardNotification]) -> Table {
    let mut table = Table::new(&["CREATED", "TITLE", "TYPE", "UUID"]);
    for notification in notifications {
        table.row([
            notification.created_at.to_string(),
            notification.title.clone(),
            via_name(&notification.kind).to_owned(),
            notification.uuid.to_string(),
        ]);
    }
    table
}

/// UUID, NAME, DOMAIN, VIA, ENABLED, FREQUENCY: one row per channel.
fn settings_table(settings: &[NotificationSetting]) -> Table {
    let mut table = Table::new(&["UUID", "NAME", "DOMAIN", "VIA", "ENABLED", "FREQUENCY"]);
    for setting in settings {
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
    table
}
