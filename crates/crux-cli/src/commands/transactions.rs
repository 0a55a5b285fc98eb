//! `crux transactions ...` (unpublished endpoints).

use std::io::{self, Write};

use clap::{Args, Subcommand, builder::NonEmptyStringValueParser};
use crux_api::types::endpoint::{TRANSACTIONS_EXPORT, TRANSACTIONS_GET, TRANSACTIONS_LIST};
use crux_types::{ExportRef, Transaction, TransactionId};

use super::{Session, billing::usd};
use crate::{
    cli::about,
    exit::Failure,
    output::{Fields, NONE, Render, Table},
};

/// `crux transactions ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum TransactionsCommand {
    #[command(about = about("List your billing transactions", &TRANSACTIONS_LIST))]
    List,
    #[command(about = about("Show one billing transaction", &TRANSACTIONS_GET))]
    Get(TransactionArgs),
    #[command(about = about("Have your transactions emailed to you as CSV", &TRANSACTIONS_EXPORT))]
    Export,
}

/// `crux transactions get ID`.
#[derive(Debug, Args)]
pub(crate) struct TransactionArgs {
    /// The transaction id (a number, not a UUID)
    #[arg(value_name = "ID", value_parser = NonEmptyStringValueParser::new())]
    pub(crate) id: String,
}

/// Runs `crux transactions ...`.
pub(super) async fn run(s: &Session, command: TransactionsCommand) -> Result<(), Failure> {
    match command {
        TransactionsCommand::List => {
            let request = s.client().transactions().list();
            s.show(&TRANSACTIONS_LIST, request).await
        }
        TransactionsCommand::Get(args) => {
            let request = s.client().transactions().get(TransactionId::new(args.id));
            s.show(&TRANSACTIONS_GET, request).await
        }
        TransactionsCommand::Export => {
            let request = s.client().transactions().export();
            s.show(&TRANSACTIONS_EXPORT, request).await
        }
    }
}

/// DATE (of the statement), ID, TOTAL, STATUS, PAID (the payment date).
impl Render for Vec<Transaction> {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Table::new(&["DATE", "ID", "TOTAL", "STATUS", "PAID"]);
        for transaction in self {
            table.row([
                transaction.statement_date.to_string(),
                transaction.transaction_id.as_str().to_owned(),
                usd(transaction.total),
                transaction.status.clone(),
                paid(transaction),
            ]);
        }
        table.write_to(out)
    }
}

/// `export <uuid> requested: ...`.
impl Render for ExportRef {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "export {} requested: the CSV file will be emailed to you",
            self.uuid
        )
    }
}

fn paid(transaction: &Transaction) -> String {
    transaction
        .payment_date
        .map_or_else(|| NONE.to_owned(), |date| date.to_string())
}

/// ID, STATEMENT DATE, PAYMENT DATE, TOTAL, STATUS.
impl Render for Transaction {
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut fields = Fields::new();
        fields
            .field("ID", self.transaction_id.as_str())
            .field("STATEMENT DATE", self.statement_date.to_string())
            .field("PAYMENT DATE", paid(self))
            .field("TOTAL", usd(self.total))
            .field("STATUS", &self.status);
        fields.write_to(out)
    }
}
