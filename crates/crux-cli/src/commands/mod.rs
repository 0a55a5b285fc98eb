//! The subcommands, one module per resource (`crux <resource> <verb>`):
//! its clap subcommand enum, with the arguments only it takes, its `run`,
//! and how its results print. Each calls its endpoint through a
//! [`Session`], which explains failures from the endpoint's catalogue
//! entry, and prints the result with [`Render`](crate::output::Render).

mod billing;
mod body;
mod catalogs;
mod connections;
mod discovery;
mod done;
mod inventory_lists;
mod items;
mod login;
mod mock;
mod notifications;
mod orders;
mod organization;
mod payment_method;
mod permissions;
mod product;
mod session;
mod skus;
mod stream;
mod subscription;
mod transactions;
mod users;

use std::io::{self, Write};

pub(crate) use self::{
    catalogs::CatalogsCommand,
    connections::ConnectionsCommand,
    discovery::DiscoveryCommand,
    inventory_lists::InventoryListsCommand,
    items::ItemsCommand,
    login::LoginArgs,
    mock::MockCommand,
    notifications::NotificationsCommand,
    orders::OrdersCommand,
    organization::OrganizationCommand,
    payment_method::PaymentMethodCommand,
    permissions::PermissionsCommand,
    skus::SkusCommand,
    subscription::SubscriptionCommand,
    transactions::{TransactionArgs, TransactionsCommand},
    users::UsersCommand,
};
pub(crate) use session::Session;
use session::{client_builder, explain};

use crate::{
    cli::{Cli, Command, GlobalArgs, command_of},
    exit::{Exit, Failure},
};

/// Runs the parsed command line.
pub(crate) async fn run(cli: Cli) -> Result<(), Failure> {
    if cli.global.token.is_some() {
        return Err(Failure::new(
            Exit::Usage,
            "--token is not accepted: a token on the command line leaks into shell history and process listings; run `crux login`, set CRUX_TOKEN or pass --token-file PATH",
        ));
    }
    #[cfg(not(feature = "mock"))]
    if cli.global.mock || !cli.global.mock_fault.is_empty() {
        let what = if cli.global.mock {
            "--mock"
        } else {
            "--mock-fault"
        };
        return Err(mock::not_built_in(what));
    }
    if !cli.global.mock && !cli.global.mock_fault.is_empty() {
        return Err(Failure::new(
            Exit::Usage,
            "--mock-fault needs --mock: it injects faults into the built-in sandbox",
        ));
    }
    let Cli { global, command } = cli;
    if let Some((old, endpoint)) = command.deprecation() {
        note(&format!(
            "`crux {old}` is deprecated and goes away in the next release: use `{}`",
            command_of(endpoint)
        ));
    }
    dispatch(&global, command).await
}

async fn dispatch(global: &GlobalArgs, command: Command) -> Result<(), Failure> {
    let connect = || Session::connect(global);
    match command {
        Command::Login(args) => login::run(global, &args).await,
        Command::Users { command } => users::run(&connect().await?, command).await,
        Command::Permissions { command } => permissions::run(&connect().await?, command).await,
        Command::Organization { command } => organization::run(&connect().await?, command).await,
        Command::Notifications { command } => notifications::run(&connect().await?, command).await,
        Command::Subscription { command } => subscription::run(&connect().await?, command).await,
        Command::PaymentMethod { command } => payment_method::run(&connect().await?, command).await,
        Command::Transactions { command } => transactions::run(&connect().await?, command).await,
        Command::Catalogs { command } => catalogs::run(&connect().await?, command).await,
        Command::Items { command } => items::run(&connect().await?, command).await,
        Command::Skus { command } => skus::run(&connect().await?, command).await,
        Command::InventoryLists { command } => {
            inventory_lists::run(&connect().await?, command).await
        }
        Command::Orders { command } => orders::run(&connect().await?, command).await,
        Command::Connections { command } => connections::run(&connect().await?, command).await,
        Command::Discovery { command } => discovery::run(&connect().await?, command).await,
        Command::Mock {
            command: MockCommand::Serve(args),
        } => mock::serve(args).await,
        // Deprecated: the commands that replaced them.
        Command::Org { command } => Box::pin(dispatch(global, command.replacement())).await,
        Command::Accounting { command } => Box::pin(dispatch(global, command.replacement())).await,
    }
}

/// Writes a note on stderr (never stdout, which is for the command's data).
pub(crate) fn note(text: &str) {
    // Nothing to do if stderr is gone.
    let _ = writeln!(io::stderr().lock(), "note: {text}");
}
