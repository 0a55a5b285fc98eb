//! `crux notifications ...`.

use std::io::{self, Write};

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use crux_api::types::endpoint::{
    NOTIFICATIONS_LIST, NOTIFICATIONS_SETTINGS, NOTIFICATIONS_UPDATE_SETTINGS,
};
use crux_types::{
    DashboardNotification, NotificationFrequency, NotificationSetting, NotificationSettingId,
    NotificationSettingUpdate, NotificationVia,
};

use super::Session;
use crate::{
    cli::{about, deprecated_about, parse_id},
    exit::Failure,
    output::{NONE, Render, Table},
};

/// `crux notifications ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum NotificationsCommand {
    #[command(about = about("List the notifications on your dashboard", &NOTIFICATIONS_LIST))]
    List,
    #[command(about = about(
        "Show your notification settings, one line per setting and channel",
        &NOTIFICATIONS_SETTINGS
    ))]
    Settings,
    #[command(about = about(
        "Change one channel of a notification setting",
        &NOTIFICATIONS_UPDATE_SETTINGS
    ))]
    UpdateSettings(UpdateSettingsArgs),
    #[command(hide = true, about = deprecated_about(&NOTIFICATIONS_UPDATE_SETTINGS))]
    Set(UpdateSettingsArgs),
}

/// `crux notifications update-settings`.
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("change")
        .args(["enabled", "frequency"])
        .required(true)
        .multiple(true)
))]
pub(crate) struct UpdateSettingsArgs {
    /// The setting's UUID (see `crux notifications settings`)
    #[arg(value_name = "SETTING_UUID", value_parser = parse_id::<NotificationSettingId>)]
    pub(crate) setting: NotificationSettingId,

    /// The channel to change
    #[arg(long, value_enum)]
    pub(crate) via: ViaArg,

    /// Turn the notification on or off on that channel
    #[arg(long, value_name = "true|false")]
    pub(crate) enabled: Option<bool>,

    /// How often the notification is sent on that channel
    #[arg(long, value_enum, ignore_case = true)]
    pub(crate) frequency: Option<FrequencyArg>,
}

/// `--via`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ViaArg {
    /// By email
    Email,
    /// On the CRUX dashboard
    Dashboard,
}

impl From<ViaArg> for NotificationVia {
    fn from(via: ViaArg) -> Self {
        match via {
            ViaArg::Email => Self::Email,
            ViaArg::Dashboard => Self::Dashboard,
        }
    }
}

/// `--frequency`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FrequencyArg {
    /// As soon as it happens ("Real-time")
    RealTime,
    /// Twice a day ("Twice a day")
    #[value(alias = "twice a day")]
    TwiceADay,
    /// Once a day ("Daily")
    Daily,
}

impl From<FrequencyArg> for NotificationFrequency {
    fn from(frequency: FrequencyArg) -> Self {
        match frequency {
            FrequencyArg::RealTime => Self::RealTime,
            FrequencyArg::TwiceADay => Self::TwiceADay,
            FrequencyArg::Daily => Self::Daily,
        }
    }
}

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
