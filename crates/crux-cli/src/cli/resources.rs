//! The commands of the endpoint catalogue: `crux <resource> <verb>`, each
//! with its help line from its endpoint ([`about`]).

use clap::{ArgGroup, Args, Subcommand, ValueEnum, builder::NonEmptyStringValueParser};
use crux_api::types::endpoint::{
    Endpoint, NOTIFICATIONS_LIST, NOTIFICATIONS_SETTINGS, NOTIFICATIONS_UPDATE_SETTINGS,
    ORGANIZATION_GET, PAYMENT_METHOD_GET, PERMISSIONS_LIST, SUBSCRIPTION_GET, TRANSACTIONS_EXPORT,
    TRANSACTIONS_GET, TRANSACTIONS_LIST, USERS_ADD_PERMISSIONS, USERS_GET, USERS_LIST,
    USERS_PERMISSIONS, USERS_REMOVE_PERMISSIONS,
};
use crux_types::{
    NotificationFrequency, NotificationSettingId, NotificationVia, PermissionId, UserId,
};

use super::{about, deprecated_about, parse_id};

/// `crux users ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum UsersCommand {
    /// List every user of your organization
    #[command(about = about("List every user of your organization", &USERS_LIST))]
    List,
    /// Show one user and the permissions assigned to them
    #[command(about = about("Show one user and the permissions assigned to them", &USERS_GET))]
    Get {
        /// The user's UUID
        #[arg(value_name = "USER_UUID", value_parser = parse_id::<UserId>)]
        user: UserId,
    },
    /// Show every permission available to a user, assigned or not
    #[command(about = about(
        "Show every permission available to a user, assigned or not",
        &USERS_PERMISSIONS
    ))]
    Permissions {
        /// The user's UUID
        #[arg(value_name = "USER_UUID", value_parser = parse_id::<UserId>)]
        user: UserId,
    },
    /// Give permissions to a user
    #[command(about = by_name("Give permissions to a user", &USERS_ADD_PERMISSIONS))]
    AddPermissions(ChangePermissionsArgs),
    /// Take permissions from a user
    #[command(about = by_name("Take permissions from a user", &USERS_REMOVE_PERMISSIONS))]
    RemovePermissions(ChangePermissionsArgs),
    /// Deprecated: `crux users add-permissions`
    #[command(hide = true, about = deprecated_about(&USERS_ADD_PERMISSIONS))]
    Grant(ChangePermissionsArgs),
    /// Deprecated: `crux users remove-permissions`
    #[command(hide = true, about = deprecated_about(&USERS_REMOVE_PERMISSIONS))]
    Revoke(ChangePermissionsArgs),
}

/// [`about`], with what a permission given by name needs: the permission
/// list.
fn by_name(text: &str, endpoint: &Endpoint) -> String {
    let names = PERMISSIONS_LIST.permissions.join(" and ");
    match endpoint.permissions {
        _ if names.is_empty() => about(text, endpoint),
        [] => format!("{text} (names need {names})"),
        needs => format!(
            "{text} (needs {}; names also need {names})",
            needs.join(" and ")
        ),
    }
}

/// `crux users add-permissions|remove-permissions USER PERMISSION...`.
#[derive(Debug, Args)]
pub(crate) struct ChangePermissionsArgs {
    /// The user's UUID
    #[arg(value_name = "USER_UUID", value_parser = parse_id::<UserId>)]
    pub(crate) user: UserId,

    /// Permission UUIDs or names, such as view_org_users (see `crux permissions list`)
    #[arg(value_name = "PERMISSION", required = true, value_parser = parse_permission)]
    pub(crate) permissions: Vec<PermissionArg>,
}

/// A permission on the command line: its UUID, or its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PermissionArg {
    /// A permission UUID, sent as is.
    Id(PermissionId),
    /// A permission name, looked up in `crux permissions list`.
    Name(String),
}

fn parse_permission(text: &str) -> Result<PermissionArg, String> {
    if let Ok(id) = text.parse::<PermissionId>() {
        return Ok(PermissionArg::Id(id));
    }
    let name = text.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err("expected a permission UUID or name, such as view_org_users".to_owned());
    }
    Ok(PermissionArg::Name(name.to_owned()))
}

/// `crux permissions ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum PermissionsCommand {
    /// List the permissions that can be granted in your organization
    #[command(about = about(
        "List the permissions that can be granted in your organization",
        &PERMISSIONS_LIST
    ))]
    List,
}

/// `crux organization ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum OrganizationCommand {
    /// Show your organization and its account manager
    #[command(about = about("Show your organization and its account manager", &ORGANIZATION_GET))]
    Get,
}

/// `crux notifications ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum NotificationsCommand {
    /// List the notifications on your dashboard
    #[command(about = about("List the notifications on your dashboard", &NOTIFICATIONS_LIST))]
    List,
    /// Show your notification settings, one line per setting and channel
    #[command(about = about(
        "Show your notification settings, one line per setting and channel",
        &NOTIFICATIONS_SETTINGS
    ))]
    Settings,
    /// Change one channel of a notification setting
    #[command(about = about(
        "Change one channel of a notification setting",
        &NOTIFICATIONS_UPDATE_SETTINGS
    ))]
    UpdateSettings(UpdateSettingsArgs),
    /// Deprecated: `crux notifications update-settings`
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

/// `crux subscription ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum SubscriptionCommand {
    /// Show your subscription plan and next bill
    #[command(about = about("Show your subscription plan and next bill", &SUBSCRIPTION_GET))]
    Get,
}

/// `crux payment-method ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum PaymentMethodCommand {
    /// Show your payment method; the card only by its last four digits
    #[command(about = about(
        "Show your payment method; the card only by its last four digits",
        &PAYMENT_METHOD_GET
    ))]
    Get,
}

/// `crux transactions ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum TransactionsCommand {
    /// List your billing transactions
    #[command(about = about("List your billing transactions", &TRANSACTIONS_LIST))]
    List,
    /// Show one billing transaction
    #[command(about = about("Show one billing transaction", &TRANSACTIONS_GET))]
    Get(TransactionArgs),
    /// Have your transactions emailed to you as CSV
    #[command(about = about("Have your transactions emailed to you as CSV", &TRANSACTIONS_EXPORT))]
    Export,
}

/// `crux transactions get ID`.
#[derive(Debug, Args)]
pub(crate) struct TransactionArgs {
    /// The transaction id (a number, not a UUID)
    #[arg(value_name = "ID", value_parser = NonEmptyStringValueParser::new())]
    pub(crate) id: String,
}
