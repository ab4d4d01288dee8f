//! Issue 22, part C: what a session sees of the saves of other sessions of the same
//! process (`kinerja serve`). The signal is the audit trail itself: every save writes one
//! entry in the same transaction, keyed by time, so the newest audit key is a change
//! counter shared by every session at no cost to the writers. Each session remembers the
//! newest key it has seen; when it differs, it reads only the entries after it and
//! re-reads only the open records they name. A form is never re-read (what was typed
//! stays): it is told who changed its record, when and what.

use super::*;
use crate::store::AuditEntry;

/// More entries than this since a session last looked (an import, the demo) and every
/// open record is read again instead of matching them one by one.
const CHANGES_READ: usize = 500;

/// The audit record a form edits, from its draft's name (`None`: a new record, or a form
/// whose record no other session can change under it).
pub(super) fn record_of_draft(name: &str) -> Option<String> {
    let parts: Vec<&str> = name.split('/').collect();
    match parts.as_slice() {
        [_, "baru"] | [_, _, "baru", ..] => None,
        ["pegawai", nip] => Some(format!("staff/{nip}")),
        ["evaluasi", nip, id] | ["keberatan", nip, id] => Some(format!("evaluations/{nip}/{id}")),
        ["pembinaan", nip, id] => Some(format!("coaching/{nip}/{id}")),
        ["pelatihan", nip, id] if !nip.starts_with("grup-") => {
            Some(format!("trainings/{nip}/{id}"))
        }
        ["potensial", nip] => Some(format!("potentials/{nip}")),
        ["karier", nip, _] => Some(format!("career/{nip}")),
        ["kontrak", nip, mulai] => Some(format!("contracts/{nip}/{mulai}")),
        ["skp", nip, id, ..] => Some(format!("skp/{nip}/{id}")),
        _ => None,
    }
}

/// The person (NIP) an audit record is about, for records kept per person.
fn person_of(record: &str) -> Option<&str> {
    let mut parts = record.split('/');
    let tree = parts.next()?;
    let per_person = [
        "staff",
        "evaluations",
        "trainings",
        "coaching",
        "potentials",
        "career",
        "contracts",
        "skp",
    ];
    per_person.contains(&tree).then(|| parts.next()).flatten()
}

impl App {
    /// The newest change this session has taken in (see the module's comment).
    pub(super) fn first_seen(store: &Store) -> Option<Vec<u8>> {
        store.last_change().ok().flatten()
    }

    /// Takes in the saves made since this session last looked: the open staff records
    /// they touch are read again (on their section), Laporan is counted again, and an
    /// open form whose record another session saved says so. `own`: the saves are this
    /// session's own (just made by a key): records are read again, forms are not told.
    /// Returns whether the screen changed.
    pub(super) fn sync_records(&mut self, own: bool) -> bool {
        let (entries, last) = match self
            .store
            .changes_after(self.seen_change.as_deref(), CHANGES_READ)
        {
            Ok(read) => read,
            Err(_) => return false,
        };
        let Some(last) = last else {
            return false;
        };
        self.seen_change = Some(last);
        let everything =
            entries.len() >= CHANGES_READ || entries.iter().any(|e| person_of(&e.record).is_none());
        let touched =
            |nip: &str| everything || entries.iter().any(|e| person_of(&e.record) == Some(nip));
        let mut changed = false;
        // Records, wherever they are on the stack: back on them shows them as they are.
        let mut stale: Vec<usize> = Vec::new();
        for (i, s) in std::iter::once(&self.screen)
            .chain(self.stack.iter())
            .enumerate()
        {
            if let Screen::Record(r) = s
                && touched(r.staff.nip.as_str())
            {
                stale.push(i);
            }
        }
        for i in stale {
            let slot = if i == 0 {
                &self.screen
            } else {
                &self.stack[i - 1]
            };
            let Screen::Record(old) = slot else { continue };
            match self.record(old.staff.nip.as_str()) {
                Ok(Some(r)) => {
                    let fresh = Screen::Record(Box::new(r.following(old)));
                    if i == 0 {
                        self.screen = fresh;
                        changed = true;
                    } else {
                        self.stack[i - 1] = fresh;
                    }
                }
                // Removed elsewhere: left as it was (nothing removes staff today).
                Ok(None) => {}
                Err(e) => {
                    self.fail(e);
                    changed = true;
                }
            }
        }
        if let Screen::Report(r) = &self.screen
            && !r.picking()
        {
            let (year, selected) = (r.year(), r.selected());
            let status = self.status.take();
            self.open_report(year, selected);
            self.status = status.or(self.status.take());
            changed = true;
        }
        if !own {
            changed |= self.tell_forms(&entries);
        }
        changed
    }

    /// Tells every open form (the current one and those below it) whose record one of
    /// `entries` saved: who, when, what.
    fn tell_forms(&mut self, entries: &[AuditEntry]) -> bool {
        let ui = self.ui;
        let (tz, today) = (self.opts.tz.clone(), self.opts.today);
        let mut changed = false;
        let screens = std::iter::once(&mut self.screen).chain(self.stack.iter_mut());
        for (i, s) in screens.enumerate() {
            let Some(form) = s.as_dyn_mut().form_mut() else {
                continue;
            };
            let Some(record) = form.draft_name().and_then(|n| record_of_draft(&n)) else {
                continue;
            };
            if let Some(entry) = entries.iter().rev().find(|e| e.record == record) {
                form.changed_underneath(changed_text(&ui, entry, &tz, today));
                changed |= i == 0;
            }
        }
        changed
    }

    /// The refusal of a stale save of the open form: who saved its record last, when,
    /// and what (from the audit trail); the plain refusal when the trail has nothing.
    pub(super) fn stale_text(&self) -> String {
        let entry = self
            .current()
            .form()
            .and_then(|f| f.draft_name())
            .and_then(|n| record_of_draft(&n))
            .and_then(|record| self.store.audit_of(&record).ok())
            .and_then(|mut entries| entries.pop());
        match entry {
            Some(e) => {
                let (who, when, what) = parts(&e, &self.opts.tz, self.opts.today);
                self.ui
                    .t(T::LiveStale)
                    .replace("{who}", &who)
                    .replace("{time}", &when)
                    .replace("{what}", &what)
            }
            None => self.ui.t(T::StaleSave).to_string(),
        }
    }
}

/// Who (cleaned), when (the time alone today, else the date too) and what (the entry's
/// summary, cleaned and cut to a line) of an audit entry.
fn parts(entry: &AuditEntry, tz: &TimeZone, today: Date) -> (String, String, String) {
    let who = crate::domain::text::clean_line(&entry.actor);
    let when = jiff::Timestamp::from_microsecond(entry.time_micros as i64)
        .map(|t| {
            let at = t.to_zoned(tz.clone());
            if at.date() == today {
                at.strftime("%H:%M").to_string()
            } else {
                at.strftime("%Y-%m-%d %H:%M").to_string()
            }
        })
        .unwrap_or_default();
    let mut what = crate::domain::text::clean_line(&entry.summary);
    if what.chars().count() > 60 {
        what = what.chars().take(59).chain(['…']).collect();
    }
    (who, when, what)
}

/// The form's notice that another session saved its record.
fn changed_text(ui: &Ui, entry: &AuditEntry, tz: &TimeZone, today: Date) -> String {
    let (who, when, what) = parts(entry, tz, today);
    ui.t(T::LiveChanged)
        .replace("{who}", &who)
        .replace("{time}", &when)
        .replace("{what}", &what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_draft_names_the_record_it_edits() {
        let nip = "198503302010011002";
        assert_eq!(
            record_of_draft(&format!("pegawai/{nip}")),
            Some(format!("staff/{nip}"))
        );
        assert_eq!(
            record_of_draft(&format!("evaluasi/{nip}/3")),
            Some(format!("evaluations/{nip}/3"))
        );
        assert_eq!(
            record_of_draft(&format!("keberatan/{nip}/3")),
            Some(format!("evaluations/{nip}/3"))
        );
        assert_eq!(
            record_of_draft(&format!("skp/{nip}/2/rhk/4")),
            Some(format!("skp/{nip}/2"))
        );
        assert_eq!(record_of_draft(&format!("evaluasi/{nip}/baru")), None);
        assert_eq!(record_of_draft("pegawai/baru"), None);
        assert_eq!(record_of_draft("pelatihan/grup-3-0000abcd/baru"), None);
        assert_eq!(record_of_draft("pelatihan/grup-3-0000abcd/2"), None);
    }

    #[test]
    fn an_audit_record_names_its_person_when_kept_per_person() {
        assert_eq!(person_of("evaluations/1985/3"), Some("1985"));
        assert_eq!(person_of("staff/1985"), Some("1985"));
        assert_eq!(person_of("units/u1"), None);
        assert_eq!(person_of("import"), None);
    }
}
