//! `kinerja export audit [--since DATE] [--officer NAME] [-o FILE]` (issue 22): the audit
//! trail as CSV, oldest first: when (local time), who, what was done, to which record, and
//! the summary the change wrote.

use super::Failure;
use super::csvio::Output;
use crate::store::Store;
use std::path::Path;

/// The columns, in order.
pub const COLUMNS: [&str; 5] = ["waktu", "petugas", "tindakan", "rekaman", "ringkasan"];

/// Which entries: from a day on, by one officer.
#[derive(Debug, Default, Clone, Copy)]
pub struct Filter<'a> {
    /// `YYYY-MM-DD`: entries on or after that day's start, local time.
    pub since: Option<&'a str>,
    /// The officer (actor) name, exactly.
    pub officer: Option<&'a str>,
    /// Refused: the audit is filtered by `since`.
    pub year: Option<i16>,
    /// Refused: the audit trail is not per unit.
    pub unit: Option<&'a str>,
}

/// Writes the entries `filter` selects to `output` (standard output when `None`).
///
/// # Errors
/// `--year` or `--unit` given, an unreadable `--since`, a damaged audit entry, a write
/// failure.
pub fn run(store: &Store, filter: Filter<'_>, output: Option<&Path>) -> Result<(), Failure> {
    let since = since_micros(filter)?;
    let mut out = Output::create(output)?;
    let rows = write(store, &mut out, since, filter.officer)?;
    out.finish()?;
    if let Some(path) = output {
        tell!("export: {rows} row(s) written to {}", path.display());
    }
    Ok(())
}

/// The start of `--since` in microseconds since the Unix epoch (0 without it).
fn since_micros(filter: Filter<'_>) -> Result<u64, Failure> {
    if filter.year.is_some() || filter.unit.is_some() {
        return Err(Failure::cannot_run(
            "export audit takes --since DATE and --officer NAME, not --year or --unit",
        ));
    }
    let Some(text) = filter.since else {
        return Ok(0);
    };
    let day = crate::domain::parse_date(text).ok_or_else(|| {
        Failure::cannot_run(format!(
            "--since {text:?}: give a day as YYYY-MM-DD, e.g. --since 2026-12-01"
        ))
    })?;
    let start = day
        .to_zoned(jiff::tz::TimeZone::system())
        .map_err(|e| Failure::cannot_run(format!("--since {text:?}: {e}")))?;
    Ok(u64::try_from(start.timestamp().as_microsecond()).unwrap_or(0))
}

/// Writes the header and the entries from `since` on (by `officer` when given); the rows
/// written.
///
/// # Errors
/// A damaged audit entry (named by its key), a write failure.
pub fn write(
    store: &Store,
    out: &mut Output,
    since: u64,
    officer: Option<&str>,
) -> Result<usize, Failure> {
    out.row(COLUMNS)?;
    let tz = jiff::tz::TimeZone::system();
    let mut n = 0;
    for entry in store.audit_since(since) {
        let entry = entry?;
        if officer.is_some_and(|o| o != entry.actor) {
            continue;
        }
        let when = i64::try_from(entry.time_micros)
            .ok()
            .and_then(|us| jiff::Timestamp::from_microsecond(us).ok())
            .map(|t| {
                t.to_zoned(tz.clone())
                    .strftime("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_default();
        out.row([
            when,
            entry.actor,
            entry.action.label().to_string(),
            entry.record,
            entry.summary,
        ])?;
        n += 1;
    }
    Ok(n)
}
