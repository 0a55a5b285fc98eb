//! `crux mock serve`: the sandbox as a standalone server.

use std::io::{self, Write};

use crux_mock::{DemoUser, MockServer};

use crate::{
    cli::ServeArgs,
    exit::{Exit, Failure},
    output::{Table, write_failure},
};

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
