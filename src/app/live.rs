//! Issue 22, part C: what a session sees of the saves of other sessions of the same
//! process (`kinerja serve`). The signal is the audit trail itself: every save writes one
//! entry in the same transaction, keyed by time, so the newest audit key is a change
//! counter shared by every session at no cost to the writers. Each session remembers the
//! newest key it has seen; when it differs, it reads only the entries after it and
//! re-reads only the open records they name. A form is never re-read (what was typed
//! stays): it is told who changed its record, when and what.

use super::*;
use crate::screens::officers::OfficerChange;
use crate::store::AuditEntry;

/// More entries than this since a session last looked (an import, the demo) and every
/// open record is read again instead of matching them one by one.
pub(super) const CHANGES_READ: usize = 500;

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
        ["petugas", name] => Some(format!("officers/{name}")),
        _ => None,
    }
}

/// The person (NIP) an audit record is about, for records kept per person.
pub(super) fn person_of(record: &str) -> Option<&str> {
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

/// A unique tag for a session's drafts: `~`, the time it started (microseconds, hex) and
/// a number counted in this process, so neither a restart nor two sessions in the same
/// microsecond share one.
pub(super) fn new_tag() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let micros = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_micros());
    format!("~{micros:x}-{n}")
}

/// A draft key split after its officer: the session tag (`None`: a draft kept before
/// drafts were per session) and the form's draft name.
fn split_key<'a>(actor: &str, key: &'a str) -> Option<(Option<&'a str>, &'a str)> {
    let rest = key.strip_prefix(actor)?.strip_prefix('/')?;
    if rest.starts_with('~') {
        let (tag, name) = rest.split_once('/')?;
        Some((Some(tag), name))
    } else {
        Some((None, rest))
    }
}

/// What opens a draft's form (`None`: no form opens from its name alone: a group
/// training, an SKP's parts, a partner), and the person it is about.
fn outcome_of_draft(name: &str) -> (Option<Outcome>, Option<String>) {
    let parts: Vec<&str> = name.split('/').collect();
    let id = |s: &str| s.parse::<u32>().ok();
    let nip = parts
        .get(1)
        .filter(|n| **n != "baru")
        .map(|n| n.to_string());
    let outcome = match parts.as_slice() {
        ["pegawai", "baru"] => Some(Outcome::NewStaff),
        ["pegawai", nip] => Some(Outcome::EditStaff(nip.to_string())),
        ["evaluasi", nip, which] => Some(Outcome::OpenEvaluation(nip.to_string(), id(which))),
        ["pembinaan", nip, which] => Some(Outcome::OpenCoaching(nip.to_string(), id(which))),
        ["potensial", nip] => Some(Outcome::OpenPotential(nip.to_string())),
        ["keberatan", nip, which] => id(which).map(|i| Outcome::OpenKeberatan(nip.to_string(), i)),
        ["karier", nip, which] => Some(Outcome::EditCareer(nip.to_string(), id(which))),
        ["kontrak", nip, which] => Some(Outcome::OpenContract(
            nip.to_string(),
            which.parse::<Date>().ok(),
        )),
        ["pelatihan", nip, which] if !nip.starts_with("grup-") => {
            Some(Outcome::OpenTraining(vec![nip.to_string()], id(which)))
        }
        // Petugas' form (issue 22, i22-officers).
        ["petugas", "baru"] => Some(Outcome::OfficerChange(OfficerChange::New)),
        ["petugas", name] => Some(Outcome::OfficerChange(OfficerChange::Edit(
            name.to_string(),
        ))),
        _ => None,
    };
    let nip = nip.filter(|n| n.bytes().all(|b| b.is_ascii_digit()));
    (outcome, nip)
}

/// The words for the kind of form a draft belongs to.
fn kind_of_draft(name: &str) -> T {
    match name.split('/').next().unwrap_or("") {
        "pegawai" => T::DraftKindPegawai,
        "evaluasi" => T::DraftKindEvaluasi,
        "pembinaan" => T::DraftKindPembinaan,
        "potensial" => T::DraftKindPotensial,
        "pelatihan" => T::DraftKindPelatihan,
        "karier" => T::DraftKindKarier,
        "kontrak" => T::DraftKindKontrak,
        "keberatan" => T::DraftKindKeberatan,
        "skp" => T::DraftKindSkp,
        "petugas" => T::DraftKindPetugas,
        _ => T::DraftKindOther,
    }
}

/// A draft of an ended session offered at the start: what opens its form, and the person
/// whose record goes under it.
pub(super) struct DraftOffer {
    outcome: Outcome,
    nip: Option<String>,
}

impl App {
    /// Marks this session open (its drafts are its own) and offers the newest draft an
    /// ended session of this officer left.
    pub(super) fn started(&mut self) {
        let who = self
            .opts
            .officer
            .as_ref()
            .map(|o| (o.name.clone(), o.role.label().to_string()));
        self.live = Some(self.shared.enter(&self.session_tag, who));
        if !matches!(self.screen, Screen::Welcome(_)) {
            self.offer_waiting_draft();
        }
    }

    /// This officer's drafts that no open session holds (sessions that ended, or kept
    /// before drafts were per session), newest first: key, draft name, draft.
    fn waiting_drafts(&self) -> Result<Vec<(String, String, crate::store::Draft)>, StoreError> {
        let actor = self.opts.actor.as_str();
        let mut out: Vec<_> = self
            .store
            .drafts_under(&format!("{actor}/"))?
            .into_iter()
            .filter_map(|(key, draft)| {
                let (tag, name) = split_key(actor, &key)?;
                let free = tag.is_none_or(|t| t != self.session_tag && !self.shared.is_live(t));
                free.then(|| (key.clone(), name.to_string(), draft))
            })
            .collect();
        out.sort_by_key(|(_, _, d)| std::cmp::Reverse(d.time_micros));
        Ok(out)
    }

    /// The draft a form named `name` offers back: this session's own, else the newest one
    /// an ended session of this officer left, which is moved to this session's key first
    /// (so no other session takes it too).
    pub(super) fn find_draft(&self, name: &str) -> Result<Option<crate::store::Draft>, StoreError> {
        let own = self.draft_key(name);
        if let Some(d) = self.store.draft(&own)? {
            return Ok(Some(d));
        }
        for (key, n, _) in self.waiting_drafts()? {
            if n == name
                && let Some(d) = self.store.claim_draft(&key, &own)?
            {
                return Ok(Some(d));
            }
        }
        Ok(None)
    }

    fn offer_waiting_draft(&mut self) {
        let Ok(waiting) = self.waiting_drafts() else {
            return;
        };
        let Some((_, name, draft)) = waiting.first() else {
            return;
        };
        let (outcome, nip) = outcome_of_draft(name);
        let who = match (&nip, name.split('/').collect::<Vec<_>>().as_slice()) {
            // The officer form's draft names the officer (i22-a).
            (_, ["petugas", "baru"]) => self.ui.t(T::DraftNewOfficer).to_string(),
            (_, ["petugas", officer]) => crate::domain::text::clean_line(officer),
            (Some(n), _) => self
                .store
                .get_staff(n)
                .ok()
                .flatten()
                .map_or(n.clone(), |s| crate::domain::text::clean_line(&s.nama)),
            (None, _) => self.ui.t(T::DraftNewPerson).to_string(),
        };
        let t = if outcome.is_some() {
            T::DraftWaiting
        } else {
            T::DraftWaitingForm
        };
        let kind = self.ui.t(kind_of_draft(name));
        // English: "An evaluation draft", "An officer draft".
        let template = match self.ui.t(t).strip_prefix("A {kind}") {
            Some(rest) if kind.starts_with(['a', 'e', 'i', 'o', 'u']) => {
                format!("An {{kind}}{rest}")
            }
            _ => self.ui.t(t).to_string(),
        };
        let mut text = template
            .replace("{kind}", kind)
            .replace("{who}", &who)
            .replace(
                "{time}",
                &when(draft.time_micros, &self.opts.tz, self.opts.today),
            );
        if waiting.len() > 1 {
            let more = self
                .ui
                .t(T::DraftMore)
                .replace("{n}", &(waiting.len() - 1).to_string());
            text = format!("{text} {more}");
        }
        self.status = Some((text, false));
        self.draft_offer = outcome.map(|outcome| DraftOffer { outcome, nip });
    }

    /// The key after a draft was offered at the start: `y` opens its form over the
    /// person's record and uses the draft, `n` keeps it for later and says so; any other
    /// key leaves it for later and does what it does (`None`).
    pub(super) fn answer_draft_offer(&mut self, key: &KeyEvent) -> Option<bool> {
        let offer = self.draft_offer.take()?;
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => {
                self.status = None;
                if let Some(nip) = offer.nip {
                    self.carry_out(Outcome::OpenStaff(nip));
                }
                self.carry_out(offer.outcome);
                if self.current().form().is_some_and(|f| f.draft_unresolved()) {
                    self.take_key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
                }
                Some(true)
            }
            KeyCode::Char('n') | KeyCode::Char('N') => {
                self.status = Some((self.ui.t(T::DraftLater).to_string(), false));
                Some(true)
            }
            _ => None,
        }
    }

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
        self.check_access(&entries, everything);
        // The other screens that show stored data (refresh.rs).
        changed |= self.mark_stale(&entries, own);
        changed
    }

    /// Ends this session (`SSH`) when its officer was removed or has no key left: the
    /// drafts, written as forms change, are flushed first, and the officer is told. A
    /// change of role or units takes effect at the next login instead.
    fn check_access(&mut self, entries: &[AuditEntry], everything: bool) {
        let Some(name) = self.opts.officer.as_ref().map(|o| o.name.clone()) else {
            return;
        };
        let record = format!("officers/{name}");
        if !self.opts.remote || !(everything || entries.iter().any(|e| e.record == record)) {
            return;
        }
        let gone = match self.store.officer(&name) {
            Ok(Some(o)) => o.keys.is_empty(),
            Ok(None) => true,
            Err(_) => false,
        };
        if gone {
            let _ = self.store.flush();
            self.goodbye = Some(self.ui.t(T::LiveRevoked).to_string());
            self.quit = true;
        }
    }

    /// What the officer is told as the session closes, when it was ended for them.
    pub fn goodbye(&self) -> Option<&str> {
        self.goodbye.as_deref()
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

/// A time as the officer reads it: `HH:MM` today, else with the date.
fn when(micros: u64, tz: &TimeZone, today: Date) -> String {
    jiff::Timestamp::from_microsecond(micros as i64)
        .map(|t| {
            let at = t.to_zoned(tz.clone());
            if at.date() == today {
                at.strftime("%H:%M").to_string()
            } else {
                at.strftime("%Y-%m-%d %H:%M").to_string()
            }
        })
        .unwrap_or_default()
}

/// Who (cleaned), when (the time alone today, else the date too) and what (the entry's
/// summary, cleaned and cut to a line) of an audit entry.
fn parts(entry: &AuditEntry, tz: &TimeZone, today: Date) -> (String, String, String) {
    let who = crate::domain::text::clean_line(&entry.actor);
    let when = when(entry.time_micros, tz, today);
    let mut what = crate::domain::text::clean_line(&entry.summary);
    if what.chars().count() > 60 {
        what = what.chars().take(59).chain(['…']).collect();
    }
    (who, when, what)
}

/// The form's notice that another session saved its record.
pub(super) fn changed_text(ui: &Ui, entry: &AuditEntry, tz: &TimeZone, today: Date) -> String {
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
        assert_eq!(
            record_of_draft("petugas/budi"),
            Some("officers/budi".to_string())
        );
        assert_eq!(record_of_draft("petugas/baru"), None);
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
