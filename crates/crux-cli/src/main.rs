//! `crux`: the CRUX Connect API from the command line.
//!
//! See the crate README for the commands, the token sources and the exit
//! codes.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod auth;
mod cli;
mod commands;
mod exit;
mod output;
mod prompt;
mod token_file;

use std::{
    io::{self, Write},
    process::ExitCode,
};

use clap::Parser;

use crate::exit::{Exit, Failure};

fn main() -> ExitCode {
    // Usage errors exit 2; --help and --version exit 0.
    let cli = cli::Cli::parse();
    let result = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::new(Exit::Other, format!("cannot start the async runtime: {e}")))
        .and_then(|runtime| runtime.block_on(commands::run(cli)));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Nothing more to do if stderr is gone.
            let _ = writeln!(io::stderr().lock(), "error: {}", failure.message());
            failure.exit().into()
        }
    }
}
