//! Each item of a walk printed as it arrives, as a table row of fixed
//! widths or one line of JSON, with a progress line on stderr when stderr
//! is a terminal.

use std::{
    io::{self, IsTerminal, Write},
    ops::ControlFlow,
    time::{Duration, Instant},
};

use serde::Serialize;

use crate::{
    cli::OutputFormat,
    exit::Failure,
    output::{write_failure, write_row},
};

/// How often the progress line is redrawn.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The table of a walk: its headers, the widths of its columns (fixed in
/// advance, since later rows are not known yet; a longer cell pushes the
/// rest of its row to the right), the cells of an item, and what the
/// progress line counts (`items`).
pub(crate) struct Columns<T> {
    pub(crate) headers: &'static [&'static str],
    pub(crate) widths: &'static [usize],
    pub(crate) row: fn(&T) -> Vec<String>,
    pub(crate) noun: (&'static str, &'static str),
}

/// Prints items as they arrive, on stdout.
pub(super) struct Rows<'a, T> {
    format: OutputFormat,
    columns: &'a Columns<T>,
    printed: u64,
    progress: Progress<io::Stderr>,
}

impl<'a, T: Serialize> Rows<'a, T> {
    /// A printer in `format`, with progress on stderr if it is a terminal.
    pub(super) fn new(format: OutputFormat, columns: &'a Columns<T>) -> Self {
        let stderr = io::stderr();
        let enabled = stderr.is_terminal();
        Self {
            format,
            columns,
            printed: 0,
            progress: Progress::new(stderr, enabled, columns.noun),
        }
    }

    /// Prints `item` (after the header, for the first one in a table);
    /// breaks when stdout is closed (`crux ... | head`).
    pub(super) fn item(&mut self, item: &T) -> Result<ControlFlow<()>, Failure> {
        self.progress.clear();
        let mut out = io::stdout().lock();
        let written = self.write_item(&mut out, item);
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
            let Columns {
                headers, widths, ..
            } = self.columns;
            return write_row(&mut out, headers, widths).or_else(write_failure);
        }
        Ok(())
    }

    /// Writes one item: a table row (after the header for the first), or
    /// its JSON on one line.
    fn write_item(&self, out: &mut dyn Write, item: &T) -> io::Result<()> {
        let Columns {
            headers,
            widths,
            row,
            ..
        } = self.columns;
        match self.format {
            OutputFormat::Table => {
                if self.printed == 0 {
                    write_row(out, headers, widths)?;
                }
                write_row(out, &row(item), widths)
            }
            OutputFormat::Json => {
                serde_json::to_writer(&mut *out, item).map_err(io::Error::from)?;
                writeln!(out)
            }
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
    noun: (&'static str, &'static str),
    shown: bool,
    last: Option<Instant>,
}

impl<W: Write> Progress<W> {
    fn new(out: W, enabled: bool, noun: (&'static str, &'static str)) -> Self {
        Self {
            out,
            enabled,
            noun,
            shown: false,
            last: None,
        }
    }

    /// Shows the count, unless it was shown a moment ago.
    fn show(&mut self, count: u64) {
        let due = self.last.is_none_or(|at| at.elapsed() >= PROGRESS_EVERY);
        if self.enabled && due {
            // Progress is a courtesy: a failed write is ignored.
            let _ = write!(self.out, "\r\x1b[K{}…", counted(count, self.noun));
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
            let _ = writeln!(self.out, "{}", counted(count, self.noun));
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
fn counted(count: u64, (one, many): (&str, &str)) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_progress_line_left_shown_is_erased_when_dropped() {
        let mut out = Vec::new();
        {
            let mut progress = Progress::new(&mut out, true, ("item", "items"));
            progress.show(1200);
        }
        assert_eq!(String::from_utf8_lossy(&out), "\r\x1b[K1200 items…\r\x1b[K");
    }

    #[test]
    fn progress_only_on_a_terminal_and_erased_before_rows() {
        let mut off = Progress::new(Vec::new(), false, ("item", "items"));
        off.show(1);
        off.clear();
        off.done(1);
        assert!(off.out.is_empty());

        let mut on = Progress::new(Vec::new(), true, ("item", "items"));
        on.show(1);
        on.show(2); // too soon: not redrawn
        on.clear();
        on.done(2);
        let text = String::from_utf8(std::mem::take(&mut on.out)).unwrap();
        assert_eq!(text, "\r\x1b[K1 item…\r\x1b[K2 items\n");
    }
}
