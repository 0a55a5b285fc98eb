//! `crux items search --all`: each item printed as it arrives, as a table
//! row of fixed widths or one line of JSON, with a progress line on stderr
//! when stderr is a terminal.

use std::{
    io::{self, IsTerminal, Write},
    ops::ControlFlow,
    time::{Duration, Instant},
};

use crux_types::Item;

use super::super::{HEADERS, row};
use crate::{
    cli::OutputFormat,
    exit::Failure,
    output::{write_failure, write_row},
};

/// The widths of the columns of [`HEADERS`]; a longer cell pushes the rest
/// of its row to the right.
const WIDTHS: [usize; 7] = [36, 16, 32, 16, 20, 4, 0];

/// How often the progress line is redrawn.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Prints items as they arrive, on stdout.
pub(super) struct Rows {
    format: OutputFormat,
    printed: u64,
    progress: Progress<io::Stderr>,
}

impl Rows {
    /// A printer in `format`, with progress on stderr if it is a terminal.
    pub(super) fn new(format: OutputFormat) -> Self {
        let stderr = io::stderr();
        let enabled = stderr.is_terminal();
        Self {
            format,
            printed: 0,
            progress: Progress::new(stderr, enabled),
        }
    }

    /// Prints `item` (after the header, for the first one in a table);
    /// breaks when stdout is closed (`crux ... | head`).
    pub(super) fn item(&mut self, item: &Item) -> Result<ControlFlow<()>, Failure> {
        self.progress.clear();
        let mut out = io::stdout().lock();
        let written = write_item(&mut out, self.format, item, self.printed == 0);
        if let Err(error) = written.and_then(|()| out.flush()) {
            // A closed pipe ends the walk quietly; other errors fail it.
            return write_failure(error).map(|()| ControlFlow::Break(()));
        }
        self.printed += 1;
        self.progress.show(self.printed);
        Ok(ControlFlow::Continue(()))
    }

    /// After the last item: the header alone when there was none (a
    /// table), and the count instead of the progress line.
    pub(super) fn finish(mut self) -> Result<(), Failure> {
        self.progress.done(self.printed);
        if self.printed == 0 && self.format == OutputFormat::Table {
            let mut out = io::stdout().lock();
            return write_row(&mut out, &HEADERS, &WIDTHS).or_else(write_failure);
        }
        Ok(())
    }
}

/// Writes one item: a table row (after the header when `first`), or its
/// JSON on one line.
fn write_item(
    out: &mut dyn Write,
    format: OutputFormat,
    item: &Item,
    first: bool,
) -> io::Result<()> {
    match format {
        OutputFormat::Table => {
            if first {
                write_row(out, &HEADERS, &WIDTHS)?;
            }
            write_row(out, &row(item), &WIDTHS)
        }
        OutputFormat::Json => {
            serde_json::to_writer(&mut *out, item).map_err(io::Error::from)?;
            writeln!(out)
        }
    }
}

/// `1200 items…`, redrawn in place on a terminal at most every
/// [`PROGRESS_EVERY`], and erased before each row so rows and progress do
/// not mix when both go to the same terminal.
#[derive(Debug)]
struct Progress<W: Write> {
    out: W,
    enabled: bool,
    shown: bool,
    last: Option<Instant>,
}

impl<W: Write> Progress<W> {
    fn new(out: W, enabled: bool) -> Self {
        Self {
            out,
            enabled,
            shown: false,
            last: None,
        }
    }

    /// Shows the count, unless it was shown a moment ago.
    fn show(&mut self, count: u64) {
        let due = self.last.is_none_or(|at| at.elapsed() >= PROGRESS_EVERY);
        if self.enabled && due {
            // Progress is a courtesy: a failed write is ignored.
            let _ = write!(self.out, "\r\x1b[K{}…", items(count));
            let _ = self.out.flush();
            self.shown = true;
            self.last = Some(Instant::now());
        }
    }

    /// Erases the progress line, if shown.
    fn clear(&mut self) {
        if self.shown {
            let _ = write!(self.out, "\r\x1b[K");
            self.shown = false;
        }
    }

    /// Replaces the progress line by the final count.
    fn done(&mut self, count: u64) {
        if self.enabled {
            self.clear();
            let _ = writeln!(self.out, "{}", items(count));
        }
    }
}

/// A walk that ends early (a failed page, a closed pipe) leaves no progress
/// line for the error message to be printed after.
impl<W: Write> Drop for Progress<W> {
    fn drop(&mut self) {
        self.clear();
        let _ = self.out.flush();
    }
}

/// `1 item`, `2 items`.
fn items(count: u64) -> String {
    if count == 1 {
        "1 item".to_owned()
    } else {
        format!("{count} items")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_progress_line_left_shown_is_erased_when_dropped() {
        let mut out = Vec::new();
        {
            let mut progress = Progress::new(&mut out, true);
            progress.show(1200);
        }
        assert_eq!(String::from_utf8_lossy(&out), "\r\x1b[K1200 items…\r\x1b[K");
    }

    #[test]
    fn progress_only_on_a_terminal_and_erased_before_rows() {
        let mut off = Progress::new(Vec::new(), false);
        off.show(1);
        off.clear();
        off.done(1);
        assert!(off.out.is_empty());

        let mut on = Progress::new(Vec::new(), true);
        on.show(1);
        on.show(2); // too soon: not redrawn
        on.clear();
        on.done(2);
        let text = String::from_utf8(std::mem::take(&mut on.out)).unwrap();
        assert_eq!(text, "\r\x1b[K1 item…\r\x1b[K2 items\n");
    }
}
