//! `crux login`: exchanges a username and password for an API token, and
//! saves the token to the token file (or prints it with `--print-token`).

use std::io::{self, Write};

use clap::Args;
use crux_api::types::endpoint::LOGIN;
use crux_types::{LoginResponse, OrgType, OrganizationId, RetailerId, SupplierId, UserId};
use serde::Serialize;

use super::{client_builder, explain};
use crate::{
    cli::GlobalArgs,
    exit::{Exit, Failure, chain},
    output::{Render, escape_controls, render},
    prompt, token_file,
};

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

/// What `crux login -o json` prints. The token only with `--print-token`.
#[derive(Debug, Serialize)]
struct LoginReport<'a> {
    username: &'a str,
    user_uuid: UserId,
    org_uuid: OrganizationId,
    org_type: &'a OrgType,
    retailer_uuid: Option<RetailerId>,
    supplier_uuid: Option<SupplierId>,
    /// The names of the permissions assigned to the user.
    permissions: Vec<&'a str>,
    /// Where the token was saved; `None` with `--print-token`.
    token_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth_token: Option<&'a str>,
}

/// `crux login [--username U] [--print-token]`.
pub(super) async fn run(global: &GlobalArgs, args: &LoginArgs) -> Result<(), Failure> {
    if global.mock {
        return Err(Failure::new(
            Exit::Usage,
            "`crux login` does not work with --mock (the built-in sandbox needs no login); log in to a `crux mock serve` with --base-url instead",
        ));
    }
    // Where the token goes, settled before asking for anything.
    let target = if args.print_token {
        None
    } else {
        let path = global.token_file.clone().or_else(token_file::default_path);
        Some(path.ok_or_else(|| {
            Failure::new(
                Exit::Usage,
                format!(
                    "nowhere to save the token: set HOME, XDG_CONFIG_HOME or {}, pass --token-file PATH, or use --print-token",
                    token_file::TOKEN_FILE_ENV
                ),
            )
        })?)
    };
    let username = match &args.username {
        Some(username) => username.trim().to_owned(),
        None => prompt::username()?,
    };
    if username.is_empty() {
        return Err(Failure::new(Exit::Usage, "the username is empty"));
    }
    let password = prompt::password()?;

    // The client logged in is not needed: the token is what is kept.
    let (_client, login) = client_builder(global)
        .login(&username, &password)
        .await
        .map_err(|e| login_failure(&e, global, &password))?;
    let token = login.auth_token.expose_secret();
    let saved = match &target {
        Some(path) => {
            token_file::save(path, token).map_err(|e| {
                Failure::new(
                    Exit::Other,
                    format!("cannot save the token to {}: {e}", path.display()),
                )
                .redact(token)
            })?;
            Some(path.display().to_string())
        }
        None => None,
    };

    status(&format!(
        "logged in as {} ({} organization {})",
        escape_controls(&username),
        org_type_name(&login.org_type),
        login.org_uuid
    ));
    if let Some(path) = &saved {
        status(&format!(
            "token saved to {} (mode 0600)",
            escape_controls(path)
        ));
    }
    render(
        global.output,
        &report(&username, &login, saved, args.print_token),
    )
}

/// The token with `--print-token`, else nothing (the status lines are on
/// stderr).
impl Render for LoginReport<'_> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        match self.auth_token {
            Some(token) => writeln!(out, "{token}"),
            None => Ok(()),
        }
    }
}

fn report<'a>(
    username: &'a str,
    login: &'a LoginResponse,
    token_file: Option<String>,
    print_token: bool,
) -> LoginReport<'a> {
    LoginReport {
        username,
        user_uuid: login.user_uuid,
        org_uuid: login.org_uuid,
        org_type: &login.org_type,
        retailer_uuid: login.retailer_uuid,
        supplier_uuid: login.supplier_uuid,
        permissions: login
            .permission_assignments
            .assigned()
            .map(|p| p.name.as_str())
            .collect(),
        token_file,
        auth_token: print_token.then(|| login.auth_token.expose_secret()),
    }
}

/// `retailer`, `supplier`, or the API's value.
fn org_type_name(org_type: &OrgType) -> String {
    match org_type {
        OrgType::Retailer => "retailer".to_owned(),
        OrgType::Supplier => "supplier".to_owned(),
        other => escape_controls(other.as_str()),
    }
}

/// A failed login: wrong credentials (400, as the API answers them, or 401)
/// are exit code 3; anything else is explained as for any call.
fn login_failure(error: &crux_api::Error, global: &GlobalArgs, password: &str) -> Failure {
    // The API answers a wrong password with 400, which has no predicate.
    let bad_request = error.status().is_some_and(|s| s.as_u16() == 400);
    let failure = if bad_request || error.is_unauthorized() {
        let reason = error.message().map_or_else(|| chain(error), str::to_owned);
        Failure::new(Exit::Auth, format!("login refused: {reason}"))
    } else {
        let base_url = global.base_url.clone().unwrap_or_else(|| {
            crux_api::Environment::from(global.env)
                .base_url()
                .to_owned()
        });
        explain(error, None, &base_url, &LOGIN)
    };
    failure.redact(password)
}

/// A status line on stderr (stdout is for the token or the JSON).
fn status(text: &str) {
    // Nothing to do if stderr is gone.
    let _ = writeln!(io::stderr().lock(), "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_types_read_as_words() {
        assert_eq!(org_type_name(&OrgType::Retailer), "retailer");
        assert_eq!(org_type_name(&OrgType::from("BROKER\n")), "BROKER\\n");
    }
}
