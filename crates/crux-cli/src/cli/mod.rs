//! The command line: clap types.

use std::{fmt, path::PathBuf, str::FromStr};

use clap::{Args, Parser, Subcommand, ValueEnum};
use crux_api::types::endpoint::Endpoint;
use crux_mock::Fault;

pub(crate) use self::{deprecated::*, resources::*};
use crate::exit::EXIT_CODES_HELP;

mod deprecated;
mod resources;

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

/// A command's help line: `text`, then the permissions `endpoint` needs,
/// read from the catalogue.
fn about(text: &str, endpoint: &Endpoint) -> String {
    match endpoint.permissions {
        [] => text.to_owned(),
        permissions => format!("{text} (needs {})", permissions.join(" and ")),
    }
}

/// The help line of a deprecated command.
fn deprecated_about(endpoint: &Endpoint) -> String {
    format!("Deprecated: use `{}`", command_of(endpoint))
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
    use crux_api::types::endpoint::ALL;

    use super::*;

    /// `crux <resource> <verb>` for each subcommand, `crux <resource>` for
    /// one without any, split by whether it is hidden.
    fn command_paths() -> (Vec<String>, Vec<String>) {
        let (mut visible, mut hidden) = (Vec::new(), Vec::new());
        for resource in Cli::command().get_subcommands() {
            let path = format!("crux {}", resource.get_name());
            let list = if resource.is_hide_set() {
                &mut hidden
            } else {
                &mut visible
            };
            if resource.get_subcommands().next().is_none() {
                list.push(path.clone());
            }
            for verb in resource.get_subcommands() {
                let list = if resource.is_hide_set() || verb.is_hide_set() {
                    &mut hidden
                } else {
                    &mut visible
                };
                list.push(format!("{path} {}", verb.get_name()));
            }
        }
        visible.sort();
        hidden.sort();
        (visible, hidden)
    }

    #[test]
    fn the_visible_commands_are_the_implemented_endpoints() {
        let mut expected: Vec<String> = ALL
            .iter()
            .filter(|e| e.implemented)
            .map(command_of)
            .chain(["crux mock serve".to_owned()])
            .collect();
        expected.sort();
        assert_eq!(command_paths().0, expected);
    }

    #[test]
    fn the_readme_lists_every_command_with_what_it_needs() {
        let readme = include_str!("../../README.md");
        for endpoint in ALL.iter().filter(|e| e.implemented) {
            let command = format!("| `{}", command_of(endpoint));
            let row = readme.lines().find(|line| {
                line.strip_prefix(&command)
                    .is_some_and(|rest| rest.starts_with([' ', '`']))
            });
            let Some(row) = row else {
                panic!("the README lacks {command}");
            };
            for permission in endpoint.permissions {
                assert!(row.contains(&format!("`{permission}`")), "{row}");
            }
        }
    }

    /// Every hidden command is a deprecated one, which names the endpoint
    /// whose command replaced it.
    #[test]
    fn hidden_commands_are_deprecated_names() {
        let uuid = "d0000001-0000-4000-8000-000000000001";
        let deprecated: [(&[&str], &str); 9] = [
            (
                &["users", "grant", uuid, "view_org_users"],
                "crux users add-permissions",
            ),
            (
                &["users", "revoke", uuid, "view_org_users"],
                "crux users remove-permissions",
            ),
            (
                &[
                    "notifications",
                    "set",
                    uuid,
                    "--via",
                    "email",
                    "--enabled",
                    "true",
                ],
                "crux notifications update-settings",
            ),
            (&["org", "show"], "crux organization get"),
            (&["accounting", "subscription"], "crux subscription get"),
            (
                &["accounting", "payment-methods"],
                "crux payment-method get",
            ),
            (&["accounting", "transactions"], "crux transactions list"),
            (
                &["accounting", "transaction", "42"],
                "crux transactions get",
            ),
            (&["accounting", "export"], "crux transactions export"),
        ];
        let mut paths = Vec::new();
        for (args, replacement) in deprecated {
            paths.push(format!("crux {} {}", args[0], args[1]));
            let cli = Cli::try_parse_from(["crux"].iter().chain(args));
            let named = cli.map(|cli| cli.command.deprecation().map(|(_, e)| command_of(e)));
            assert_eq!(
                named.ok().flatten().as_deref(),
                Some(replacement),
                "{args:?}"
            );
        }
        paths.sort();
        assert_eq!(command_paths().1, paths);
        let current = Cli::try_parse_from(["crux", "organization", "get"]);
        assert!(current.is_ok_and(|cli| cli.command.deprecation().is_none()));
    }

    #[test]
    fn the_replacements_are_the_same_commands() {
        for (old, new) in [
            (&["org", "show"][..], &["organization", "get"][..]),
            (&["accounting", "subscription"], &["subscription", "get"]),
            (
                &["accounting", "payment-methods"],
                &["payment-method", "get"],
            ),
            (&["accounting", "transactions"], &["transactions", "list"]),
            (
                &["accounting", "transaction", "42"],
                &["transactions", "get", "42"],
            ),
            (&["accounting", "export"], &["transactions", "export"]),
        ] {
            let parse = |args: &[&str]| {
                let cli = Cli::try_parse_from(["crux"].iter().chain(args));
                cli.map(|cli| match cli.command {
                    Command::Org { command } => format!("{:?}", command.replacement()),
                    Command::Accounting { command } => format!("{:?}", command.replacement()),
                    command => format!("{command:?}"),
                })
                .unwrap_or_default()
            };
            assert_eq!(parse(old), parse(new), "{old:?}");
            assert!(!parse(new).is_empty(), "{new:?}");
        }
    }

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
