//! Issue 22, the rest of the live view: every screen that shows stored data (Beranda,
//! Talenta, Pelatihan, Kompetensi, Mitra, Kenaikan pangkat, the profile, the SKP, the
//! audit and officers screens, Realisasi) is read again when a save changes what it
//! shows, as the list, the open record and Laporan already are (`live.rs`).
//!
//! Cheaply: a save marks the screens it concerns (on top or below it) stale, and a stale
//! screen is read again only once it is on top: a screen under a record costs nothing
//! until the officer goes back to it. A screen being typed into (a search, an open unit
//! picker, a question asked) is read again once the typing ends, so nothing typed is lost.
//! Realisasi, typed into for long stretches, instead takes in each saved SKP in place
//! and says who changed the person being typed for, as forms do.

use super::live::{changed_text, person_of};
use super::*;
use crate::store::AuditEntry;
use crate::store::records::AuditAction;

/// The tree of an audit record name (`skp/NIP/3` -> `skp`).
fn tree(record: &str) -> &str {
    record.split('/').next().unwrap_or("")
}

/// The trees a save names in its record; anything else (`import`, `demo`, a restore) may
/// have changed everything.
const KNOWN: [&str; 14] = [
    "units",
    "partners",
    "competencies",
    "requirements",
    "staff",
    "evaluations",
    "trainings",
    "potentials",
    "coaching",
    "skp",
    "contracts",
    "career",
    "officers",
    "settings",
];

/// A save of data, not a login or logout.
fn is_save(e: &AuditEntry) -> bool {
    !matches!(e.action, AuditAction::Login | AuditAction::Logout)
}

/// A save that may have changed every record (an import, the demo, a restore).
fn is_bulk(e: &AuditEntry) -> bool {
    is_save(e) && !KNOWN.contains(&tree(&e.record))
}

/// Whether the saves `entries` (`bulk`: too many to tell one by one) change what
/// `screen` shows. The list, records and forms are `live.rs`'s.
fn concerns(screen: &Screen, entries: &[AuditEntry], bulk: bool) -> bool {
    let saves = || entries.iter().filter(|e| is_save(e));
    let any_data = || bulk || saves().any(|e| tree(&e.record) != "officers");
    let about = |nip: &str| {
        bulk || saves()
            .any(|e| person_of(&e.record) == Some(nip) || tree(&e.record) == "units" || is_bulk(e))
    };
    match screen {
        Screen::Home(_)
        | Screen::Talent(_)
        | Screen::TrainingTab(_)
        | Screen::Competency(_)
        | Screen::Partners(_)
        | Screen::Promotions(_)
        | Screen::Report(_) => any_data(),
        Screen::Profile(p) => about(p.profile().identity.nip.as_str()),
        Screen::Skp(s) => about(&s.nip),
        // Realisasi takes in each saved SKP in place (`take_in_realisations`).
        Screen::Realisation(_) => {
            bulk || saves().any(|e| matches!(tree(&e.record), "staff" | "units") || is_bulk(e))
        }
        // Every entry is a line of the trail; the officers' last logins are logins.
        Screen::Audit(_) => !entries.is_empty(),
        Screen::Officers(_) => {
            bulk || entries
                .iter()
                .any(|e| tree(&e.record) == "officers" || is_bulk(e))
        }
        _ => false,
    }
}

/// Where a screen's data lives: what tells two screens apart on the stack while they are
/// moved about (each is boxed, the box stays put). A box freed and another made at the
/// same place only costs one needless re-read.
fn addr(s: &Screen) -> usize {
    s.as_dyn() as *const dyn ScreenTrait as *const () as usize
}

impl App {
    /// Marks stale the open screens the saves `entries` change (`own`: this session's
    /// saves, whose screen on top shows them already). Laporan on top is `live.rs`'s.
    /// True when the screen on top changed (Realisasi takes in saved SKPs at once).
    pub(super) fn mark_stale(&mut self, entries: &[AuditEntry], own: bool) -> bool {
        let bulk = entries.len() >= super::live::CHANGES_READ || entries.iter().any(is_bulk);
        let screens = std::iter::once(&self.screen).chain(self.stack.iter());
        for (i, s) in screens.enumerate() {
            let on_top = i == 0;
            if on_top && (own || matches!(s, Screen::Report(_))) {
                continue;
            }
            if concerns(s, entries, bulk) {
                let a = addr(s);
                if !self.stale.contains(&a) {
                    self.stale.push(a);
                }
            }
        }
        !own && self.take_in_realisations(entries)
    }

    /// Reads the screen on top again when it is stale and nothing is being typed on it;
    /// true when it changed. The status line stays unless reading failed.
    pub(super) fn refresh_stale(&mut self) -> bool {
        if self.stale.is_empty() {
            return false;
        }
        let open: Vec<usize> = std::iter::once(&self.screen)
            .chain(self.stack.iter())
            .map(addr)
            .collect();
        self.stale.retain(|a| open.contains(a));
        let top = addr(&self.screen);
        if !self.stale.contains(&top) || self.captures_text() || !self.settled() {
            return false;
        }
        self.stale.retain(|a| *a != top);
        let status = self.status.take();
        let changed = self.reread();
        self.status = self.status.take().or(status);
        changed
    }

    /// Whether the screen on top may be replaced: no question or picker open on it.
    fn settled(&self) -> bool {
        match &self.screen {
            Screen::Officers(o) => o.idle(),
            Screen::Report(r) => !r.picking(),
            Screen::Realisation(r) => !r.typing(),
            _ => true,
        }
    }

    /// The screen on top, read again in its place (year, unit, selection and scroll kept).
    fn reread(&mut self) -> bool {
        match &self.screen {
            Screen::Home(h) => {
                let unit = h.unit().map(str::to_string);
                match self.home_data(unit) {
                    Ok(data) => {
                        if let Screen::Home(h) = &mut self.screen {
                            h.refresh(data);
                        }
                        true
                    }
                    Err(e) => self.fail(e),
                }
            }
            Screen::Talent(t) => {
                let (year, unit) = (t.year(), t.unit().map(str::to_string));
                self.open_talent(year, unit)
            }
            Screen::Report(r) => {
                let (year, selected) = (r.year(), r.selected());
                self.open_report(year, selected)
            }
            Screen::TrainingTab(old) => {
                let (year, unit) = old.year_unit();
                match self.training_data_kept(year, unit) {
                    Ok(data) => {
                        let mut fresh = TrainingOverview::new(data);
                        if let Screen::TrainingTab(old) = &self.screen {
                            fresh.keep_view_of(old);
                        }
                        self.screen = Screen::TrainingTab(Box::new(fresh));
                        true
                    }
                    Err(e) => self.fail(e),
                }
            }
            Screen::Competency(c) => {
                let query = c.query().clone();
                self.open_competencies(query)
            }
            Screen::Partners(p) => {
                let year = p.year();
                self.open_partners(year)
            }
            Screen::Promotions(old) => {
                let (period, unit) = (old.period(), old.unit().map(str::to_string));
                let list =
                    crate::views::promotions::promotions_in(&self.store, period, unit, &|u| {
                        self.in_scope(u)
                    });
                match list {
                    Ok(list) => {
                        let fresh = crate::screens::promotions::Promotions::new(list);
                        self.screen = Screen::Promotions(Box::new(fresh.keep_place_of(old)));
                        true
                    }
                    Err(e) => self.fail(e),
                }
            }
            Screen::Profile(old) => {
                let nip = old.profile().identity.nip.as_str().to_string();
                match crate::views::profile::Profile::build(
                    &self.store,
                    &nip,
                    self.opts.today,
                    &self.opts.jp,
                ) {
                    Ok(Some(p)) => {
                        let fresh = ProfileScreen::new(p).keep_place_of(old);
                        self.screen = Screen::Profile(Box::new(fresh));
                        true
                    }
                    Ok(None) => false,
                    Err(e) => self.fail(e),
                }
            }
            Screen::Skp(old) => {
                let (nip, id) = (old.nip.clone(), old.skp().id);
                match self.skp_screen(&nip, id) {
                    Ok(Some(s)) => {
                        let fresh = s.follow(old);
                        self.screen = Screen::Skp(Box::new(fresh));
                        true
                    }
                    // Removed elsewhere: left as it was; its forms refuse a stale save.
                    Ok(None) => false,
                    Err(e) => self.fail(e),
                }
            }
            Screen::Realisation(r) => {
                let (unit, period) = (r.unit_id().to_string(), r.period());
                self.open_realisation(&unit, Some(period))
            }
            Screen::Audit(s) => {
                let query = s.query().clone();
                self.open_audit(query)
            }
            Screen::Officers(o) => {
                let name = o.selected_name().unwrap_or_default().to_string();
                self.show_officers_again(&name);
                true
            }
            _ => false,
        }
    }

    /// Puts each SKP another session saved into the open Realisasi screens as saved (the
    /// next realisation saves over its new revision); when it is the person being typed
    /// for, the screen says who changed it, when and what. Nothing typed is lost. True
    /// when the screen on top changed.
    fn take_in_realisations(&mut self, entries: &[AuditEntry]) -> bool {
        let saved: Vec<&AuditEntry> = entries
            .iter()
            .filter(|e| is_save(e) && tree(&e.record) == "skp")
            .collect();
        if saved.is_empty() {
            return false;
        }
        let mut changed = false;
        let (ui, tz, today) = (self.ui, self.opts.tz.clone(), self.opts.today);
        let store = self.store.clone();
        let screens = std::iter::once(&mut self.screen).chain(self.stack.iter_mut());
        for (i, s) in screens.enumerate() {
            let Screen::Realisation(r) = s else { continue };
            let period = r.period();
            let mut nips: Vec<&str> = saved.iter().filter_map(|e| person_of(&e.record)).collect();
            nips.dedup();
            for nip in nips {
                let shown = r.data_mut().people.iter().any(|p| p.nip == nip);
                if !shown {
                    continue;
                }
                let Ok(skps) = store.skp_of(nip) else {
                    continue;
                };
                let Some(skp) = crate::domain::skp::skp_for(&skps, period).cloned() else {
                    continue;
                };
                let typed_for = i == 0 && r.typing() && r.selected_nip().as_deref() == Some(nip);
                let notice = typed_for
                    .then(|| {
                        saved
                            .iter()
                            .rev()
                            .find(|e| person_of(&e.record) == Some(nip))
                    })
                    .flatten()
                    .map(|e| changed_text(&ui, e, &tz, today));
                r.changed_elsewhere(nip, skp, notice);
                changed |= i == 0;
            }
        }
        changed
    }
}
