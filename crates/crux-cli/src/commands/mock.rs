//! `crux mock serve`: the sandbox as a standalone server.

use std::io::{self, Write};

use clap::{Args, Subcommand};
use crux_mock::{DemoUser, Fault, MockServer};

use crate::{
    cli::parse_fault,
    exit::{Exit, Failure},
    output::{Table, write_failure},
};

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

/// Starts the sandbox, prints its URL and demo users on stdout, then serves
/// until Ctrl-C.
pub(super) async fn serve(args: ServeArgs) -> Result<(), Failure> {
    let mock = MockServer::builder()
        .port(args.port)
        .start()
        .await
        .map_err(|e| {
            Failure::new(
                Exit::Other,
                format!("cannot start the sandbox on 127.0.0.1:{}: {e}", args.port),
            )
        })?;
    for fault in args.faults {
        mock.inject(fault);
    }
    let url = mock.base_url().to_owned();
    print_banner(&url, mock.demo_users()).or_else(write_failure)?;
    // Nothing to do if stderr is gone.
    let _ = writeln!(io::stderr().lock(), "serving until Ctrl-C");
    mock.run_until_ctrl_c()
        .await
        .map_err(|e| Failure::new(Exit::Other, format!("cannot wait for Ctrl-C: {e}")))
}

fn print_banner(url: &str, users: &[DemoUser]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "CRUX sandbox (crux-mock) listening on {url}")?;
    writeln!(out)?;
    demo_users_table(users).write_to(&mut out)?;
    if let Some(user) = users
        .iter()
        .find(|u| u.permissions.contains(&"view_org_users"))
    {
        writeln!(out)?;
        writeln!(
            out,
            "try: CRUX_TOKEN={} crux --base-url {url} users list",
            user.token
        )?;
    }
    out.flush()
}

/// USERNAME, PASSWORD, TOKEN, ORGANIZATION, TYPE, STATUS, PERMISSIONS (how
/// many), DESCRIPTION (what the account is for, e.g. which permission it
/// lacks).
fn demo_users_table(users: &[DemoUser]) -> Table {
    let mut table = Table::new(&[
        "USERNAME",
        "PASSWORD",
        "TOKEN",
        "ORGANIZATION",
        "TYPE",
        "STATUS",
        "PERMISSIONS",
        "DESCRIPTION",
    ]);
    for user in users {
        let count = user.permissions.len().to_string();
        table.row([
            user.username,
            user.password,
            user.token,
            user.organization,
            user.org_type,
            user.status,
            count.as_str(),
            user.description,
        ]);
    }
    table
}
