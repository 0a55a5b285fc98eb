//! Plain-text tables: columns as wide as their widest cell (in characters),
//! two spaces apart, no trailing spaces.

use std::io::{self, Write};

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
    pub(crate) fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
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

fn write_line<'a>(
    out: &mut impl Write,
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

fn escape_controls(text: &str) -> String {
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
    fn cells_stay_on_one_line() {
        let mut table = Table::new(&["A", "B"]);
        table.row(["x\ny\u{1b}[2J"]);
        let expected = format!("A{}  B\nx\\ny\\u{{1b}}[2J\n", " ".repeat(12));
        assert_eq!(render(&table), expected);
    }
}
