//! The command line's shape: its commands against the endpoint catalogue
//! and the README, the deprecated names, the global options.

use clap::CommandFactory;
use crux_api::types::endpoint::{ALL, Endpoint};

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

/// Whether `endpoint` has its command: every implemented one does.
fn has_command(endpoint: &Endpoint) -> bool {
    endpoint.implemented
}

#[test]
fn the_visible_commands_are_the_implemented_endpoints() {
    let mut expected: Vec<String> = ALL
        .iter()
        .filter(|e| has_command(e))
        .map(command_of)
        .chain(["crux mock serve".to_owned()])
        .collect();
    expected.sort();
    assert_eq!(command_paths().0, expected);
}

#[test]
fn the_readme_lists_every_command_with_what_it_needs() {
    let readme = include_str!("../../README.md");
    for endpoint in ALL.iter().filter(|e| has_command(e)) {
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
        command: Command::Mock {
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

#[test]
fn help_lines_name_the_caller_and_the_permissions_from_the_catalogue() {
    use crux_api::types::endpoint::{
        CATALOGS_CREATE, CONNECTIONS_LIST, DISCOVERY_SUPPLIERS, USERS_LIST,
    };
    assert_eq!(about("List", &USERS_LIST), "List (needs view_org_users)");
    assert_eq!(
        about("Create", &CATALOGS_CREATE),
        "Create (for suppliers; needs edit_supplier_catalogs)"
    );
    assert_eq!(about("Find", &DISCOVERY_SUPPLIERS), "Find (for retailers)");
    assert_eq!(about("List", &CONNECTIONS_LIST), "List");
}
