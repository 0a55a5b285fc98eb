//! What commands print: plain-text tables (columns as wide as their widest
//! cell, in characters, two spaces apart, no trailing spaces), key/value
//! lists, and pretty JSON; and [`Render`], how each result is printed.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use crate::{
    cli::OutputFormat,
    exit::{Exit, Failure},
};

/// The placeholder for a missing value.
pub(crate) const NONE: &str = "-";

/// A result a command prints: with `-o json` its serde JSON, else what
/// [`table`](Self::table) writes.
pub(crate) trait Render: Serialize {
    /// Writes the `-o table` form: a [`Table`], [`Fields`] or a line.
    fn table(&self, out: &mut dyn Write) -> io::Result<()>;
}

/// Prints `value` on stdout, in `format`.
pub(crate) fn render<T: Render + ?Sized>(format: OutputFormat, value: &T) -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match format {
        OutputFormat::Table => value.table(&mut out),
        OutputFormat::Json => write_json(&mut out, value),
    };
    written.and_then(|()| out.flush()).or_else(write_failure)
}

/// The failure of writing the output; a closed pipe (`crux ... | head`) is
/// not one.
pub(crate) fn write_failure(error: io::Error) -> Result<(), Failure> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::Other,
            format!("cannot write the output: {error}"),
        ))
    }
}

/// Writes `value` as pretty JSON and one trailing newline.
pub(crate) fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// Key/value lines, for one object: the keys in a column, the values
/// aligned after them. Empty values show as `-`; control characters are
/// escaped, as in a [`Table`].
#[derive(Debug, Default)]
pub(crate) struct Fields {
    rows: Vec<(&'static str, String)>,
}

impl Fields {
    /// No lines yet.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds a line.
    pub(crate) fn field(&mut self, key: &'static str, value: impl AsRef<str>) -> &mut Self {
        let value = value.as_ref().trim();
        let value = if value.is_empty() { NONE } else { value };
        self.rows.push((key, escape_controls(value)));
        self
    }

    /// Writes the lines.
    pub(crate) fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        let width = self
            .rows
            .iter()
            .map(|(key, _)| key.chars().count())
            .max()
            .unwrap_or(0);
        for (key, value) in &self.rows {
            writeln!(out, "{key:<width$}  {value}")?;
        }
        Ok(())
    }
}

/// `text`, or `-` when it is empty or blank.
pub(crate) fn or_none(text: &str) -> &str {
    if text.trim().is_empty() { NONE } else { text }
}

/// A table with a header row.
#[derive(Debug)]
pub(crate) struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these column headers.
    pub(crate) fn new(headers: &[&'static str]) -> Self {
        Self {
            headers: headers.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row. Control characters in cells (newlines, terminal escape
    /// sequences from API data) are escaped, so every row stays one line;
    /// missing cells are empty, extra cells are dropped.
    pub(crate) fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut row: Vec<String> = cells
            .into_iter()
            .take(self.headers.len())
            .map(|cell| escape_controls(cell.as_ref()))
            .collect();
        row.resize(self.headers.len(), String::new());
        self.rows.push(row);
    }

    /// Writes the header and the rows.
    pub(crate) fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let header = self.headers.iter().copied();
        write_line(out, header, &widths)?;
        for row in &self.rows {
            write_line(out, row.iter().map(String::as_str), &widths)?;
        }
        Ok(())
    }
}

/// Writes one row of a table whose width is fixed in advance (rows printed
/// as they arrive): each cell padded to its width, control characters
/// escaped; a longer cell pushes the rest of its row to the right.
pub(crate) fn write_row<S: AsRef<str>>(
    out: &mut dyn Write,
    cells: &[S],
    widths: &[usize],
) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| escape_controls(c.as_ref())).collect();
    write_line(out, cells.iter().map(String::as_str), widths)
}

fn write_line<'a>(
    out: &mut dyn Write,
    cells: impl Iterator<Item = &'a str>,
    widths: &[usize],
) -> io::Result<()> {
    let mut line = String::new();
    for (i, (cell, width)) in cells.zip(widths).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        line.push_str(cell);
        let pad = width.saturating_sub(cell.chars().count());
        line.extend(std::iter::repeat_n(' ', pad));
    }
    writeln!(out, "{}", line.trim_end())
}

/// `text` with control characters (newlines, terminal escape sequences)
/// escaped, so that data from the API stays on its line and cannot drive the
/// terminal.
pub(crate) fn escape_controls(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(table: &Table) -> String {
        let mut out = Vec::new();
        assert!(table.write_to(&mut out).is_ok());
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn columns_align_on_characters() {
        let mut table = Table::new(&["NAME", "EMAIL", "X"]);
        table.row(["Zoë Ünal", "z@example.com", ""]);
        table.row(["Al", "al@example.com", "yes"]);
        assert_eq!(
            render(&table),
            "NAME      EMAIL           X\n\
             Zoë Ünal  z@example.com\n\
             Al        al@example.com  yes\n"
        );
    }

    #[test]
    fn fields_align_and_fill_blanks() {
        let mut fields = Fields::new();
        fields
            .field("NAME", "Zoë")
            .field("PHONE", " ")
            .field("X", "a\nb");
        let mut out = Vec::new();
        assert!(fields.write_to(&mut out).is_ok());
        assert_eq!(
            String::from_utf8(out).unwrap_or_default(),
            "NAME   Zoë\nPHONE  -\nX      a\\nb\n"
        );
    }

    #[test]
    fn cells_stay_on_one_line() {
        let mut table = Table::new(&["A", "B"]);
        table.row(["x\ny\u{1b}[2J"]);
        let expected = format!("A{}  B\nx\\ny\\u{{1b}}[2J\n", " ".repeat(12));
        assert_eq!(render(&table), expected);
    }
}
