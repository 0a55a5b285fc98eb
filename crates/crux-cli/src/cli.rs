//! The command line: clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use crux_mock::Fault;

use crate::exit::EXIT_CODES_HELP;

/// The CRUX Connect API from the command line.
///
/// Authenticate with the CRUX_TOKEN environment variable or --token-file, or
/// try every command offline with --mock (a built-in sandbox with demo data).
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

    /// Use a built-in sandbox (crux-mock) with demo data, as its retailer admin; works offline, ignores CRUX_TOKEN
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

    /// Read the API token from this file (a trailing newline is ignored) instead of CRUX_TOKEN
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
    /// Your organization's users
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },
    /// The CRUX sandbox (crux-mock): a local server with demo data
    Mock {
        #[command(subcommand)]
        command: MockCommand,
    },
}

/// `crux users ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum UsersCommand {
    /// List every user of your organization (needs the view_org_users permission)
    List,
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
