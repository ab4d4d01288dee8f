//! Reading CSV files as spreadsheets save them, and writing CSV that reads back unchanged.
//!
//! Accepted: UTF-8 with or without a BOM, `,` `;` or tab separators (Excel and LibreOffice in
//! an Indonesian locale write `;`), CRLF or LF line ends, quoted fields with separators or
//! line breaks inside. Column names are matched without regard to case, spaces or `-`.

use super::Failure;
use crate::store::files::PrivateFile;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// One column a file may have: its Indonesian name (the one exports write) and aliases.
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// A read file: the line number where each row starts, and its fields by column name.
pub struct Table {
    pub file: String,
    index: HashMap<&'static str, usize>,
    width: usize,
    pub rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    /// The cleaned-up text of a column in a row; empty when the column is absent.
    pub fn get<'r>(&self, row: &'r csv::StringRecord, column: &str) -> &'r str {
        self.index
            .get(column)
            .and_then(|i| row.get(*i))
            .map(str::trim)
            .unwrap_or("")
    }

    pub fn has(&self, column: &str) -> bool {
        self.index.contains_key(column)
    }

    /// A row with more fields than the header is wrong: usually an unquoted separator.
    pub fn width_problem(&self, row: &csv::StringRecord) -> Option<String> {
        (row.len() > self.width).then(|| {
            format!(
                "{} fields but the header has {}; quote text that contains the separator",
                row.len(),
                self.width
            )
        })
    }
}

fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Picks the separator that splits the header line into the most fields, outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for c in counts.iter_mut() {
                if c.0 == b {
                    c.1 += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|c| c.1)
        .filter(|c| c.1 > 0)
        .map_or(b',', |c| c.0)
}

/// Turns byte offsets into line numbers. The csv crate's own line count is off by one after
/// CRLF line ends and blank lines, so rows are numbered from their byte offset instead:
/// the first line that holds a byte of the row, as a text editor shows it.
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first byte at or after `offset` that is not a line end.
    /// Offsets must not go backwards; rows come in file order.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut at = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while at < self.text.len() && matches!(self.text[at], b'\r' | b'\n') {
            at += 1;
        }
        if at >= self.offset {
            self.line += self.text[self.offset..at]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.offset = at;
        }
        self.line
    }
}

/// The longest value a field may hold, in bytes: notes are a few thousand characters; a
/// larger field is a broken file, not data.
pub const MAX_FIELD_BYTES: usize = 16 * 1024;

/// Where a quote opens and never closes, as the line it opens on (RFC 4180: a field that
/// starts with `"` ends at the next `"` that is not doubled). `None` when every quote
/// closes.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u64> {
    let bytes = text.as_bytes();
    let mut line = 1u64;
    let mut field_start = true;
    let mut quoted_since: Option<u64> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quoted_since {
            Some(_) => {
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 1;
                    } else {
                        quoted_since = None;
                        field_start = false;
                    }
                }
            }
            None => {
                if b == b'"' && field_start {
                    quoted_since = Some(line);
                }
                field_start = b == delimiter || b == b'\n' || b == b'\r';
            }
        }
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    quoted_since
}

/// Reads a whole file and matches its header against `columns`. Columns the file has that
/// `columns` does not know stop the read, all named at once, unless `ignore_unknown`; then
/// they are named on standard error and left out.
pub fn read(path: &Path, columns: &[Column], ignore_unknown: bool) -> Result<Table, Failure> {
    let file = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| Failure::cannot_run(format!("cannot read {file}: {e}")))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        Failure::data(format!(
            "{file}:{line}: not UTF-8 text; save the file as \"CSV UTF-8\" and import it again"
        ))
    })?;
    let delimiter = sniff_delimiter(text);
    if let Some(line) = unclosed_quote(text, delimiter) {
        // Everything after it would be read as one field: refuse the file, whatever the
        // options, so no row disappears into it.
        return Err(Failure::data(format!(
            "{file}:{line}: a quote (\") opens here and never closes, so every line after it would be read as one value; close the quote or remove it, then import again"
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Failure::data(format!("{file}:1: cannot read the header row: {e}")))?
        .clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(Failure::data(format!(
            "{file}:1: the file has no header row"
        )));
    }
    let mut index = HashMap::new();
    let mut unknown = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let folded = fold(h);
        if folded.is_empty() {
            continue;
        }
        let Some(col) = columns
            .iter()
            .find(|c| fold(c.name) == folded || c.aliases.iter().any(|a| fold(a) == folded))
        else {
            unknown.push(format!("{:?}", h.trim()));
            continue;
        };
        if index.insert(col.name, i).is_some() {
            return Err(Failure::data(format!(
                "{file}:1: column {} appears twice",
                col.name
            )));
        }
    }
    if !unknown.is_empty() {
        if ignore_unknown {
            tell!(
                "{file}:1: left out {} unknown column(s): {}",
                unknown.len(),
                unknown.join(", ")
            );
        } else {
            let known: Vec<&str> = columns.iter().map(|c| c.name).collect();
            return Err(Failure::data(format!(
                "{file}:1: {} unknown column(s): {}; the columns kinerja reads are: {}. Rename them, or use --ignore-unknown-columns to import the rest",
                unknown.len(),
                unknown.join(", "),
                known.join(", ")
            )));
        }
    }
    let missing: Vec<&str> = columns
        .iter()
        .filter(|c| c.required && !index.contains_key(c.name))
        .map(|c| c.name)
        .collect();
    if !missing.is_empty() {
        return Err(Failure::data(format!(
            "{file}:1: missing column(s): {}",
            missing.join(", ")
        )));
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
            Failure::data(format!("{file}:{line}: cannot read the row: {e}"))
        })?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if let Some((i, field)) = record
            .iter()
            .enumerate()
            .find(|(_, f)| f.len() > MAX_FIELD_BYTES)
        {
            let column = headers
                .get(i)
                .map_or(format!("{}", i + 1), |h| h.trim().to_string());
            return Err(Failure::data(format!(
                "{file}:{line}: column {column:?} holds {} bytes, more than the {MAX_FIELD_BYTES} a value may have; is the file damaged?",
                field.len()
            )));
        }
        rows.push((line, record));
    }
    Ok(Table {
        file,
        index,
        width: headers.len(),
        rows,
    })
}

/// Where an export goes: standard output, or a private file (0600: the rows are personal
/// data) that appears under its name only when complete.
pub struct Output {
    writer: csv::Writer<Box<dyn Write>>,
    file: Option<(PrivateFile, std::fs::File, std::path::PathBuf)>,
}

impl Output {
    pub fn create(path: Option<&Path>) -> Result<Output, Failure> {
        let (sink, file): (Box<dyn Write>, _) = match path {
            None => (Box::new(super::console::Stdout), None),
            Some(p) => {
                let cannot = |e: std::io::Error| {
                    Failure::cannot_run(format!("cannot write {}: {e}", p.display()))
                };
                // Never replaced, and never written through a symlink.
                if std::fs::symlink_metadata(p).is_ok() {
                    return Err(Failure::cannot_run(format!(
                        "{} already exists; kinerja never overwrites a file, so remove it or choose another name",
                        p.display()
                    )));
                }
                let (handle, f) = PrivateFile::create(p).map_err(cannot)?;
                let writer = f.try_clone().map_err(cannot)?;
                (
                    Box::new(std::io::BufWriter::new(writer)),
                    Some((handle, f, p.to_path_buf())),
                )
            }
        };
        Ok(Output {
            writer: csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(sink),
            file,
        })
    }

    pub fn row<I, T>(&mut self, fields: I) -> Result<(), Failure>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.writer
            .write_record(fields)
            .map_err(|e| match e.into_kind() {
                csv::ErrorKind::Io(io) => self.write_error(&io),
                other => Failure::cannot_run(format!("cannot write a CSV row: {other:?}")),
            })
    }

    fn write_error(&self, e: &std::io::Error) -> Failure {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Failure::reader_gone();
        }
        let target = self
            .file
            .as_ref()
            .map_or("standard output".to_string(), |(_, _, p)| {
                p.display().to_string()
            });
        Failure::cannot_run(format!("cannot write {target}: {e}"))
    }

    /// Flushes; for a file, syncs it and moves it into place.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.writer.flush().map_err(|e| self.write_error(&e))?;
        if let Some((handle, f, path)) = self.file.take() {
            drop(self.writer);
            handle.commit_new(f).map_err(|e| {
                Failure::cannot_run(format!("cannot write {}: {e}", path.display()))
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_taken_from_the_header() {
        assert_eq!(sniff_delimiter("nip;nama;\"a,b\"\n1;2;3"), b';');
        assert_eq!(sniff_delimiter("nip,nama\n"), b',');
        assert_eq!(sniff_delimiter("nip\tnama\n"), b'\t');
        assert_eq!(sniff_delimiter("nip\n"), b',');
    }

    #[test]
    fn rows_are_numbered_by_the_line_they_start_on() {
        let text = "a,b\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n4,5\r\n";
        let mut lines = LineCounter::new(text);
        let offsets: Vec<u64> = ["1,2", "3,", "4,5"]
            .iter()
            .map(|m| text.find(m).unwrap() as u64)
            .collect();
        // The csv crate reports a row's offset at the line end before it; both must count.
        assert_eq!(lines.line_at(offsets[0] - 2), 2);
        assert_eq!(lines.line_at(offsets[1] - 4), 4);
        assert_eq!(lines.line_at(offsets[2]), 6);
    }

    #[test]
    fn an_unclosed_quote_is_found_at_the_line_it_opens() {
        let text = "a,b,c\n1,\"x\",2\n3,\"y,4\n5,6,7\n";
        assert_eq!(unclosed_quote(text, b','), Some(3));
        // Quotes inside a quoted field, doubled, and a quoted line break are fine.
        let fine = "a,b\n1,\"say \"\"hi\"\"\"\n2,\"two\nlines\"\n";
        assert_eq!(unclosed_quote(fine, b','), None);
        // A quote in the middle of an unquoted field is a character, not a quote.
        assert_eq!(unclosed_quote("a,b\n1,5\" tall\n", b','), None);
    }

    #[test]
    fn column_names_ignore_case_spaces_and_dashes() {
        assert_eq!(fold(" Gelar-Depan "), fold("gelar_depan"));
    }
}
