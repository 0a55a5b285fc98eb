//! The commands of the last release, hidden, kept for one more release:
//! each runs the command that replaced it, after a note on stderr
//! ([`Command::deprecation`]). `crux org` and `crux accounting` are trees
//! of their own; `crux users grant|revoke` and `crux notifications set`
//! are hidden variants of their resource's commands.

use clap::Subcommand;
use crux_api::types::endpoint::{
    Endpoint, NOTIFICATIONS_UPDATE_SETTINGS, ORGANIZATION_GET, PAYMENT_METHOD_GET,
    SUBSCRIPTION_GET, TRANSACTIONS_EXPORT, TRANSACTIONS_GET, TRANSACTIONS_LIST,
    USERS_ADD_PERMISSIONS, USERS_REMOVE_PERMISSIONS,
};

use super::{Command, deprecated_about};
use crate::commands::{
    NotificationsCommand, OrganizationCommand, PaymentMethodCommand, SubscriptionCommand,
    TransactionArgs, TransactionsCommand, UsersCommand,
};

/// `crux org ...`: now `crux organization ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum OrgCommand {
    #[command(about = deprecated_about(&ORGANIZATION_GET))]
    Show,
}

/// `crux accounting ...`: now `crux subscription|payment-method|transactions ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum AccountingCommand {
    #[command(about = deprecated_about(&SUBSCRIPTION_GET))]
    Subscription,
    #[command(about = deprecated_about(&PAYMENT_METHOD_GET))]
    PaymentMethods,
    #[command(about = deprecated_about(&TRANSACTIONS_LIST))]
    Transactions,
    #[command(about = deprecated_about(&TRANSACTIONS_GET))]
    Transaction(TransactionArgs),
    #[command(about = deprecated_about(&TRANSACTIONS_EXPORT))]
    Export,
}

impl Command {
    /// For a deprecated command, its words (`org show`) and the endpoint it
    /// calls, whose command replaced it.
    pub(crate) fn deprecation(&self) -> Option<(&'static str, &'static Endpoint)> {
        Some(match self {
            Self::Users {
                command: UsersCommand::Grant(_),
            } => ("users grant", &USERS_ADD_PERMISSIONS),
            Self::Users {
                command: UsersCommand::Revoke(_),
            } => ("users revoke", &USERS_REMOVE_PERMISSIONS),
            Self::Notifications {
                command: NotificationsCommand::Set(_),
            } => ("notifications set", &NOTIFICATIONS_UPDATE_SETTINGS),
            Self::Org {
                command: OrgCommand::Show,
            } => ("org show", &ORGANIZATION_GET),
            Self::Accounting { command } => match command {
                AccountingCommand::Subscription => ("accounting subscription", &SUBSCRIPTION_GET),
                AccountingCommand::PaymentMethods => {
                    ("accounting payment-methods", &PAYMENT_METHOD_GET)
                }
                AccountingCommand::Transactions => ("accounting transactions", &TRANSACTIONS_LIST),
                AccountingCommand::Transaction(_) => ("accounting transaction", &TRANSACTIONS_GET),
                AccountingCommand::Export => ("accounting export", &TRANSACTIONS_EXPORT),
            },
            _ => return None,
        })
    }
}

impl OrgCommand {
    /// The command that replaced this one.
    pub(crate) fn replacement(self) -> Command {
        match self {
            Self::Show => Command::Organization {
                command: OrganizationCommand::Get,
            },
        }
    }
}

impl AccountingCommand {
    /// The command that replaced this one.
    pub(crate) fn replacement(self) -> Command {
        let transactions = |command| Command::Transactions { command };
        match self {
            Self::Subscription => Command::Subscription {
                command: SubscriptionCommand::Get,
            },
            Self::PaymentMethods => Command::PaymentMethod {
                command: PaymentMethodCommand::Get,
            },
            Self::Transactions => transactions(TransactionsCommand::List),
            Self::Transaction(args) => transactions(TransactionsCommand::Get(args)),
            Self::Export => transactions(TransactionsCommand::Export),
        }
    }
}
