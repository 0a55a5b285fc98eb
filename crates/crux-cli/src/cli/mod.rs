//! The command line: the top-level clap types, global options, and what
//! the resources share ([`about`], [`parse_id`]). Each resource's
//! subcommands live with their `run`, in [`crate::commands`].

use std::{fmt, path::PathBuf, str::FromStr};

use clap::{Args, Parser, Subcommand, ValueEnum};
use crux_api::types::endpoint::{Caller, Endpoint};
#[cfg(feature = "mock")]
pub(crate) use crux_mock::Fault;

pub(crate) use self::deprecated::*;
use crate::{
    commands::{
        CatalogsCommand, ConnectionsCommand, DiscoveryCommand, InventoryListsCommand, ItemsCommand,
        LoginArgs, MockCommand, NotificationsCommand, OrdersCommand, OrganizationCommand,
        PaymentMethodCommand, PermissionsCommand, SkusCommand, SubscriptionCommand,
        TransactionsCommand, UsersCommand,
    },
    exit::EXIT_CODES_HELP,
};

mod deprecated;

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
        // Checked when run (`--mock` is required), not with clap's
        // `requires`, which misses a global `--mock` given on another level.
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

/// The subcommands: one per resource of the endpoint catalogue, named as
/// the catalogue names it (`crux <resource> <verb>`, see [`command_of`]),
/// and the deprecated names, hidden.
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
    Organization {
        #[command(subcommand)]
        command: OrganizationCommand,
    },
    /// Your dashboard notifications and notification settings
    Notifications {
        #[command(subcommand)]
        command: NotificationsCommand,
    },
    /// Your subscription plan (unpublished endpoint)
    Subscription {
        #[command(subcommand)]
        command: SubscriptionCommand,
    },
    /// Your payment method (unpublished endpoint)
    PaymentMethod {
        #[command(subcommand)]
        command: PaymentMethodCommand,
    },
    /// Your billing transactions (unpublished endpoints)
    Transactions {
        #[command(subcommand)]
        command: TransactionsCommand,
    },
    /// Suppliers' catalogs
    Catalogs {
        #[command(subcommand)]
        command: CatalogsCommand,
    },
    /// Items: list, search, create, export
    Items {
        #[command(subcommand)]
        command: ItemsCommand,
    },
    /// The SKUs of items
    Skus {
        #[command(subcommand)]
        command: SkusCommand,
    },
    /// Your inventory lists (for retailers)
    InventoryLists {
        #[command(subcommand)]
        command: InventoryListsCommand,
    },
    /// Orders: search, create, allocate, track, cancel, export
    Orders {
        #[command(subcommand)]
        command: OrdersCommand,
    },
    /// Your connections with suppliers or retailers, and connection requests (for retailers)
    Connections {
        #[command(subcommand)]
        command: ConnectionsCommand,
    },
    /// Suppliers you are not connected to yet (for retailers)
    Discovery {
        #[command(subcommand)]
        command: DiscoveryCommand,
    },
    /// The CRUX sandbox (crux-mock): a local server with demo data
    Mock {
        #[command(subcommand)]
        command: MockCommand,
    },
    /// Deprecated: `crux organization`
    #[command(hide = true)]
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Deprecated: `crux subscription`, `crux payment-method`, `crux transactions`
    #[command(hide = true)]
    Accounting {
        #[command(subcommand)]
        command: AccountingCommand,
    },
}

/// `crux users add-permissions` as the command of `endpoint`, from its
/// catalogue name (`users.add_permissions`).
pub(crate) fn command_of(endpoint: &Endpoint) -> String {
    let words: Vec<String> = endpoint
        .name
        .split('.')
        .map(|word| word.replace('_', "-"))
        .collect();
    format!("crux {}", words.join(" "))
}

/// A command's help line: `text`, then who may call `endpoint` (when only
/// one organization type may) and the permissions it needs, both read from
/// the catalogue: `Create a catalog (for suppliers; needs
/// edit_supplier_catalogs)`.
pub(crate) fn about(text: &str, endpoint: &Endpoint) -> String {
    let caller = match endpoint.caller {
        Caller::Retailer => Some("for retailers"),
        Caller::Supplier => Some("for suppliers"),
        _ => None,
    };
    let needs = (!endpoint.permissions.is_empty())
        .then(|| format!("needs {}", endpoint.permissions.join(" and ")));
    let notes: Vec<&str> = caller.into_iter().chain(needs.as_deref()).collect();
    if notes.is_empty() {
        text.to_owned()
    } else {
        format!("{text} ({})", notes.join("; "))
    }
}

/// The help line of a deprecated command.
pub(crate) fn deprecated_about(endpoint: &Endpoint) -> String {
    format!("Deprecated: use `{}`", command_of(endpoint))
}

/// Parses a typed UUID argument.
pub(crate) fn parse_id<T>(text: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    text.trim()
        .parse::<T>()
        .map_err(|e| format!("not a UUID: {e}"))
}

/// A `--fault` or `--mock-fault` argument in a build without the sandbox
/// (the `mock` feature): kept as given, never used, since the command
/// fails before it would be (see `commands::mock::not_built_in`).
#[cfg(not(feature = "mock"))]
pub(crate) type Fault = String;

/// Parses a `--fault` or `--mock-fault` argument.
#[cfg(feature = "mock")]
pub(crate) fn parse_fault(spec: &str) -> Result<Fault, String> {
    spec.parse::<Fault>().map_err(|e| e.to_string())
}

/// Accepts any `--fault` or `--mock-fault` argument in a build without the
/// sandbox: the command then fails saying how to get it, whatever the
/// argument.
#[cfg(not(feature = "mock"))]
pub(crate) fn parse_fault(spec: &str) -> Result<Fault, String> {
    Ok(spec.to_owned())
}

#[cfg(test)]
mod tests;
