//! The command line: clap types.

use std::{fmt, path::PathBuf, str::FromStr};

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum, builder::NonEmptyStringValueParser};
use crux_mock::Fault;
use crux_types::{
    NotificationFrequency, NotificationSettingId, NotificationVia, PermissionId, UserId,
};

use crate::exit::EXIT_CODES_HELP;

/// The CRUX Connect API from the command line.
///
/// Log in once with `crux login` (the token is saved to a file of mode 0600),
/// or authenticate with the CRUX_TOKEN environment variable or --token-file;
/// or try every command offline with --mock (a built-in sandbox with demo
/// data).
#[derive(Debug, Parser)]
#[command(name = "crux", version, after_help = EXIT_CODES_HELP)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options accepted before or after the subcommand.
#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// The CRUX deployment to call
    #[arg(long, global = true, value_enum, default_value_t = EnvArg::Sandbox)]
    pub(crate) env: EnvArg,

    /// Another base URL (https, or http on a loopback host), e.g. a `crux mock serve`; overrides --env
    #[arg(long, global = true, value_name = "URL")]
    pub(crate) base_url: Option<String>,

    /// Use a built-in sandbox (crux-mock) with demo data, as its retailer admin; works offline, ignores CRUX_TOKEN and the token file
    #[arg(long, global = true, conflicts_with_all = ["base_url", "token_file"])]
    pub(crate) mock: bool,

    /// With --mock: inject a fault into the sandbox, e.g. `status=503,times=3` (repeatable)
    #[arg(
        long,
        global = true,
        value_name = "SPEC",
        requires = "mock",
        value_parser = parse_fault
    )]
    pub(crate) mock_fault: Vec<Fault>,

    /// The token file: read the API token from it (a trailing newline is ignored) instead of CRUX_TOKEN; `crux login` saves the token there [default: $CRUX_TOKEN_FILE, else $XDG_CONFIG_HOME/crux/token, else ~/.config/crux/token]
    #[arg(long, global = true, value_name = "PATH")]
    pub(crate) token_file: Option<PathBuf>,

    /// Output format
    #[arg(short, long, global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub(crate) output: OutputFormat,

    /// Refused: a token on the command line ends up in shell history and
    /// process listings. Accepted by the parser only to fail with a clear
    /// message (exit 2), without keeping or echoing the value.
    #[arg(long, global = true, hide = true, value_name = "TOKEN", value_parser = reject_token)]
    pub(crate) token: Option<RefusedToken>,
}

/// The value of a `--token` argument, dropped at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RefusedToken;

fn reject_token(_: &str) -> Result<RefusedToken, String> {
    Ok(RefusedToken)
}

/// `--env`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum EnvArg {
    // `help` rather than doc comments: rustdoc wants bare URLs as links.
    #[value(help = "https://api-sandbox.cruxconnect.com")]
    Sandbox,
    #[value(help = "https://api.cruxconnect.com")]
    Production,
}

impl From<EnvArg> for crux_api::Environment {
    fn from(env: EnvArg) -> Self {
        match env {
            EnvArg::Sandbox => Self::Sandbox,
            EnvArg::Production => Self::Production,
        }
    }
}

/// `--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Aligned columns, for people
    Table,
    /// The API's JSON, pretty-printed, for jq and scripts
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Log in with your username and password; save the API token for later commands
    Login(LoginArgs),
    /// Your organization's users and their permissions
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },
    /// The permissions that can be granted in your organization
    Permissions {
        #[command(subcommand)]
        command: PermissionsCommand,
    },
    /// Your organization
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Your dashboard notifications and notification settings
    Notifications {
        #[command(subcommand)]
        command: NotificationsCommand,
    },
    /// Subscription, payment method and billing transactions (unpublished endpoints)
    Accounting {
        #[command(subcommand)]
        command: AccountingCommand,
    },
    /// The CRUX sandbox (crux-mock): a local server with demo data
    Mock {
        #[command(subcommand)]
        command: MockCommand,
    },
}

/// `crux login`.
#[derive(Debug, Args)]
pub(crate) struct LoginArgs {
    /// The username (an email address); asked for when not given
    #[arg(long, value_name = "USERNAME")]
    pub(crate) username: Option<String>,

    /// Print the token on stdout instead of saving it to the token file
    #[arg(long)]
    pub(crate) print_token: bool,
}

/// `crux users ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum UsersCommand {
    /// List every user of your organization (needs view_org_users)
    List,
    /// Show one user and the permissions assigned to them (needs view_org_users)
    Get {
        /// The user's UUID
        #[arg(value_name = "USER_UUID", value_parser = parse_id::<UserId>)]
        user: UserId,
    },
    /// Show every permission available to a user, assigned or not (needs view_org_users)
    Permissions {
        /// The user's UUID
        #[arg(value_name = "USER_UUID", value_parser = parse_id::<UserId>)]
        user: UserId,
    },
    /// Grant permissions to a user (needs edit_org_users; names also need view_org_users)
    Grant(ChangePermissionsArgs),
    /// Revoke permissions from a user (needs edit_org_users; names also need view_org_users)
    Revoke(ChangePermissionsArgs),
}

/// `crux users grant|revoke USER PERMISSION...`.
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
    /// List the permissions that can be granted in your organization (needs view_org_users)
    List,
}

/// `crux org ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum OrgCommand {
    /// Show your organization and its account manager
    Show,
}

/// `crux notifications ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum NotificationsCommand {
    /// List the notifications on your dashboard
    List,
    /// Show your notification settings, one line per setting and channel (needs view_notifications_settings)
    Settings,
    /// Change one channel of a notification setting (needs view_notifications_settings and edit_email_notifications_preferences)
    Set(SetNotificationArgs),
}

/// `crux notifications set`.
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("change")
        .args(["enabled", "frequency"])
        .required(true)
        .multiple(true)
))]
pub(crate) struct SetNotificationArgs {
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

/// `crux accounting ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum AccountingCommand {
    /// Show your subscription plan and next bill (needs view_org_subscription_plan)
    Subscription,
    /// Show your payment method; the card only by its last four digits (needs view_payment_info)
    PaymentMethods,
    /// List your billing transactions (needs view_billing_statement)
    Transactions,
    /// Show one billing transaction (needs view_billing_statement)
    Transaction {
        /// The transaction id (a number, not a UUID)
        #[arg(value_name = "ID", value_parser = NonEmptyStringValueParser::new())]
        id: String,
    },
    /// Have your transactions emailed to you as CSV (needs view_billing_statement)
    Export,
}

/// Parses a typed UUID argument.
fn parse_id<T>(text: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    text.trim()
        .parse::<T>()
        .map_err(|e| format!("not a UUID: {e}"))
}

/// `crux mock ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum MockCommand {
    /// Run the sandbox until Ctrl-C; print its URL and demo users (with their tokens)
    Serve(ServeArgs),
}

/// `crux mock serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The port to listen on, on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 0)]
    pub(crate) port: u16,

    /// Inject a fault, e.g. `status=503,times=2,retry-after=1`, `stall=2s`,
    /// `close-before-headers`, `truncated-body`, `malformed-json`, each
    /// optionally `,on=GET:/organizations/users/all/` (repeatable)
    #[arg(long = "fault", visible_alias = "faults", value_name = "SPEC", value_parser = parse_fault)]
    pub(crate) faults: Vec<Fault>,
}

fn parse_fault(spec: &str) -> Result<Fault, String> {
    spec.parse::<Fault>().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn faults_repeat_under_both_names() {
        let cli = Cli::try_parse_from([
            "crux",
            "mock",
            "serve",
            "--faults",
            "stall=1s",
            "--fault",
            "malformed-json",
        ]);
        let Ok(Cli {
            command:
                Command::Mock {
                    command: MockCommand::Serve(args),
                },
            ..
        }) = cli
        else {
            panic!("{cli:?}");
        };
        assert_eq!(args.faults.len(), 2);
        assert_eq!(args.port, 0);
    }

    #[test]
    fn global_options_go_anywhere() {
        for args in [
            &["crux", "--env", "production", "-o", "json", "users", "list"][..],
            &["crux", "users", "--env", "production", "list", "-o", "json"],
            &["crux", "users", "list", "--env=production", "--output=json"],
        ] {
            let cli = Cli::try_parse_from(args);
            let global = cli.as_ref().map(|cli| (cli.global.env, cli.global.output));
            assert!(
                matches!(global, Ok((EnvArg::Production, OutputFormat::Json))),
                "{args:?}: {cli:?}"
            );
        }
    }
}
