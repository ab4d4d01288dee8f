//! The audit screen's read model (issue 22): the newest entries of the audit trail up to
//! the end of a day, narrowed by officer and by a text in the record or the summary.
//! Reads newest first and stops after a page of matches or a bounded scan, so a long trail
//! is never loaded whole.

use crate::store::{AuditAction, Store, StoreError};
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Matching entries kept at most.
pub const PAGE: usize = 500;
/// Entries read at most for one page (a rare filter stops here and says so).
pub const SCAN: usize = 50_000;

/// What the screen asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Entries up to the end of this day (local time); `None`: up to now.
    pub until: Option<Date>,
    /// Only this officer's (actor's) entries.
    pub officer: Option<String>,
    /// Only entries whose record, action or summary holds this text (any case).
    pub text: String,
}

/// One entry as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    /// Local time, `YYYY-MM-DD HH:MM:SS`.
    pub when: String,
    pub actor: String,
    pub action: AuditAction,
    pub record: String,
    pub summary: String,
}

/// A page of the trail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditPage {
    pub query: AuditQuery,
    /// Newest first.
    pub rows: Vec<AuditRow>,
    /// The officers the `f` filter steps through: the officers and every actor read.
    pub actors: Vec<String>,
    /// More entries match beyond the page, or the scan stopped before the trail's start.
    pub more: bool,
}

/// Microseconds at the end of `day` (the next day's start) in `tz`.
fn end_of(day: Date, tz: &TimeZone) -> Option<u64> {
    let next = day.tomorrow().ok()?;
    let z = next.to_zoned(tz.clone()).ok()?;
    u64::try_from(z.timestamp().as_microsecond()).ok()
}

/// The page for `query`.
///
/// # Errors
/// A damaged audit entry (named by its key), a read failure.
pub fn audit_page(
    store: &Store,
    query: &AuditQuery,
    tz: &TimeZone,
) -> Result<AuditPage, StoreError> {
    let until = query.until.and_then(|d| end_of(d, tz));
    let text = query.text.trim().to_lowercase();
    let mut actors: std::collections::BTreeSet<String> =
        store.officers()?.into_iter().map(|o| o.name).collect();
    let mut rows = Vec::new();
    let mut more = false;
    for (scanned, entry) in store.audit_before(until).enumerate() {
        if scanned >= SCAN {
            more = true;
            break;
        }
        let e = entry?;
        actors.insert(e.actor.clone());
        if query.officer.as_ref().is_some_and(|o| *o != e.actor) {
            continue;
        }
        if !text.is_empty()
            && ![e.record.as_str(), e.summary.as_str(), e.action.label()]
                .iter()
                .any(|f| f.to_lowercase().contains(&text))
        {
            continue;
        }
        if rows.len() == PAGE {
            more = true;
            break;
        }
        let when = i64::try_from(e.time_micros)
            .ok()
            .and_then(|us| jiff::Timestamp::from_microsecond(us).ok())
            .map(|t| {
                t.to_zoned(tz.clone())
                    .strftime("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_default();
        // Text from the database, one line each (a crafted entry cannot move the cursor).
        let clean = crate::domain::text::clean_line;
        rows.push(AuditRow {
            when,
            actor: clean(&e.actor),
            action: e.action,
            record: clean(&e.record),
            summary: clean(&e.summary),
        });
    }
    Ok(AuditPage {
        query: query.clone(),
        rows,
        actors: actors.into_iter().collect(),
        more,
    })
}

impl AuditPage {
    /// The officer after (or before, `back`) the one filtered by, through all of them and
    /// back to none.
    pub fn step_officer(&self, back: bool) -> Option<String> {
        let n = self.actors.len();
        if n == 0 {
            return None;
        }
        let pos = self
            .query
            .officer
            .as_ref()
            .and_then(|o| self.actors.iter().position(|a| a == o));
        // Positions 0..n are the officers, n is "all".
        let at = pos.unwrap_or(n);
        let next = if back {
            (at + n) % (n + 1)
        } else {
            (at + 1) % (n + 1)
        };
        self.actors.get(next).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f_steps_through_the_officers_and_back_to_all() {
        let mut page = AuditPage {
            actors: vec!["ani".into(), "budi".into()],
            ..Default::default()
        };
        let mut seen = Vec::new();
        for _ in 0..3 {
            let next = page.step_officer(false);
            seen.push(next.clone());
            page.query.officer = next;
        }
        assert_eq!(seen, [Some("ani".into()), Some("budi".into()), None]);
        assert_eq!(page.step_officer(true), Some("budi".into()));
    }

    #[test]
    fn a_page_is_newest_first_bounded_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        for i in 0..(PAGE + 5) {
            let actor = if i % 2 == 0 { "ani" } else { "budi" };
            store
                .audit_event(actor, AuditAction::Login, "officers/x", &format!("n{i}"))
                .unwrap();
        }
        let tz = TimeZone::UTC;
        let all = audit_page(&store, &AuditQuery::default(), &tz).unwrap();
        assert_eq!(all.rows.len(), PAGE);
        assert!(all.more);
        assert_eq!(all.rows[0].summary, format!("n{}", PAGE + 4));
        let q = AuditQuery {
            officer: Some("budi".into()),
            text: "N1".into(),
            ..Default::default()
        };
        let some = audit_page(&store, &q, &tz).unwrap();
        assert!(!some.more);
        assert!(
            some.rows
                .iter()
                .all(|r| r.actor == "budi" && r.summary.starts_with("n1"))
        );
        assert_eq!(some.rows.len(), 1 + 5 + 50);
        assert_eq!(all.actors, ["ani", "budi"]);
        store
            .audit_event("ani", AuditAction::Login, "officers/ani", "a\x1b[2Jb\nc")
            .unwrap();
        let page = audit_page(&store, &AuditQuery::default(), &tz).unwrap();
        assert_eq!(page.rows[0].summary, "a[2Jb c");
    }
}
