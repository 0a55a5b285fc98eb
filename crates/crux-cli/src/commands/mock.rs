//! `crux mock serve`: the sandbox as a standalone server, and what the
//! sandbox's options say in a build without it (the `mock` feature off).

#[cfg(feature = "mock")]
use std::io::{self, Write};

use clap::{Args, Subcommand};
#[cfg(feature = "mock")]
use crux_mock::{DemoUser, MockServer};

#[cfg(feature = "mock")]
use crate::output::{Table, write_failure};
use crate::{
    cli::{Fault, parse_fault},
    exit::{Exit, Failure},
};

/// The failure of `what` (`--mock`, `--mock-fault`, `crux mock serve`) in a
/// build without the built-in sandbox (crux-cli's `mock` feature, on by
/// default): a usage error saying how to get a build with it.
///
/// Compiled in every build, so that its message is tested in every test run
/// (the `mock` feature is on in the workspace's).
#[cfg_attr(feature = "mock", allow(dead_code))]
pub(crate) fn not_built_in(what: &str) -> Failure {
    Failure::new(
        Exit::Usage,
        format!(
            "{what} needs the built-in sandbox (crux-mock), which this build of crux leaves out: install crux with it (`cargo install crux-cli --features mock`) or build crux-cli with its default features"
        ),
    )
}

/// In a build without the sandbox: fails with [`not_built_in`].
#[cfg(not(feature = "mock"))]
pub(super) async fn serve(_: ServeArgs) -> Result<(), Failure> {
    Err(not_built_in("`crux mock serve`"))
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

/// Starts the sandbox, prints its URL and demo users on stdout, then serves
/// until Ctrl-C.
#[cfg(feature = "mock")]
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

#[cfg(feature = "mock")]
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

#[cfg(feature = "mock")]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_sandbox_the_message_says_how_to_get_it() {
        let failure = not_built_in("`crux mock serve`");
        assert_eq!(failure.exit(), Exit::Usage);
        assert_eq!(
            failure.message(),
            "`crux mock serve` needs the built-in sandbox (crux-mock), which this build of crux leaves out: install crux with it (`cargo install crux-cli --features mock`) or build crux-cli with its default features"
        );
    }
}
