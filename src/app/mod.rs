//! The application: the screens, the keys that work everywhere, and carrying out what the
//! screens ask for (opening, saving, loading the demo) against the store. Fed key and
//! resize events; draws to whatever ratatui backend it is given; touches no terminal,
//! global or environment variable, so one process can run one `App` per SSH session.

pub mod lang;
pub mod theme;

use crate::domain::StaffSummary;
use crate::screens::evaluation_form::{EvaluationForm, People};
use crate::screens::help;
use crate::screens::home::{Home, HomeData};
use crate::screens::quick_entry::{QuickEntry, QuickPerson};
use crate::screens::report::Report;
use crate::screens::staff_form::StaffForm;
use crate::screens::staff_index::StaffIndex;
use crate::screens::staff_list::StaffList;
use crate::screens::staff_record::{HistoryRow, StaffRecord};
use crate::screens::training_form::TrainingForm;
use crate::screens::training_overview::{
    Coaching, Held, PartnerJp, Reason, TrainingData, TrainingOverview, UnitJp,
};
use crate::screens::welcome::Welcome;
use crate::screens::{KeyHelp, Outcome, Ui, footer, is_ctrl};
use crate::store::{Store, StoreError};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use lang::{Lang, T};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashMap;
use theme::Theme;

/// The smallest terminal every screen fits.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// People at the top of the coaching list whose notes are read for suggested trainings.
const SUGGESTED_FOR: usize = 200;

/// Rows read before the first frame; the rest are read right after it.
const FIRST_PAGE: usize = 60;

/// Per-session settings.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    pub today: Date,
    pub tz: TimeZone,
    /// Who is making changes, for the audit trail.
    pub actor: String,
    /// Shown on the welcome screen's import hint.
    pub db_label: String,
    /// Where `x` writes report files.
    pub export_dir: std::path::PathBuf,
}

enum Screen {
    Welcome(Welcome),
    Home(Box<Home>),
    List(Box<StaffList>),
    Record(Box<StaffRecord>),
    Form(Box<StaffForm>),
    Evaluation(Box<EvaluationForm>),
    Quick(Box<QuickEntry>),
    Report(Box<Report>),
    Training(Box<TrainingForm>),
    TrainingTab(Box<TrainingOverview>),
}

pub struct App {
    store: Store,
    ui: Ui,
    opts: Options,
    screen: Screen,
    /// Screens below the current one, to go back to.
    stack: Vec<Screen>,
    help: bool,
    /// A message in the footer until the next key: (text, is an error).
    status: Option<(String, bool)>,
    confirm_quit: bool,
    quit: bool,
    pending_load: bool,
    /// Everyone, for the evaluator pick; built when first needed, dropped on staff saves.
    people: Option<People>,
}

fn unit_names(store: &Store) -> Result<HashMap<String, String>, StoreError> {
    Ok(store.units()?.into_iter().map(|u| (u.id, u.name)).collect())
}

impl App {
    /// Opens on the welcome screen for an empty database, else on the staff list with its
    /// first page; call [`App::finish_loading`] after the first frame for the rest.
    pub fn new(store: Store, opts: Options) -> Result<App, StoreError> {
        let ui = Ui {
            lang: opts.lang,
            theme: opts.theme,
        };
        let first: Vec<StaffSummary> = store
            .iter_summaries()
            .take(FIRST_PAGE)
            .collect::<Result<_, _>>()?;
        // Beranda first once there is data, over the staff list (tab 2) it returns to.
        let (screen, stack, pending_load) = if first.is_empty() && store.is_empty() {
            (
                Screen::Welcome(Welcome::new(&opts.db_label)),
                Vec::new(),
                false,
            )
        } else {
            let index = StaffIndex::new(first, unit_names(&store)?, opts.today.year());
            let list = Screen::List(Box::new(StaffList::new(index, true)));
            let home = Home::new(HomeData::new(opts.today.year() - 1, opts.today.year()));
            (Screen::Home(Box::new(home)), vec![list], true)
        };
        Ok(App {
            store,
            ui,
            opts,
            screen,
            stack,
            help: false,
            status: None,
            confirm_quit: false,
            quit: false,
            pending_load,
            people: None,
        })
    }

    /// Reads every summary into the list (after the first frame). Returns whether the
    /// screen changed.
    pub fn finish_loading(&mut self) -> Result<bool, StoreError> {
        if !self.pending_load {
            return Ok(false);
        }
        self.pending_load = false;
        // One pass: the list's rows and Beranda's counts.
        let mut home = self.home_data_new();
        let target = self.jp_target_now();
        let index = StaffIndex::build(
            self.store.iter_summaries().inspect(|s| {
                if let Ok(s) = s {
                    home.add(s, target);
                }
            }),
            unit_names(&self.store)?,
            self.opts.today.year(),
        )?;
        home.done();
        home.set_units(self.unit_list()?, None);
        if let Some(list) = self.list_mut() {
            list.loaded(index);
        }
        if let Screen::Home(h) = &mut self.screen {
            h.set(home);
        }
        Ok(true)
    }

    fn home_data_new(&self) -> HomeData {
        HomeData::new(self.opts.today.year() - 1, self.opts.today.year())
    }

    /// Every unit as (id, name), by name.
    fn unit_list(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut v: Vec<(String, String)> = unit_names(&self.store)?.into_iter().collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(v)
    }

    /// The JP everyone should have by today: 20 times the elapsed part of the year.
    fn jp_target_now(&self) -> u32 {
        crate::domain::training::pro_rata_target(self.opts.today).floor() as u32
    }

    /// Beranda, counted afresh (a pass over the summaries), for one unit or all.
    fn open_home(&mut self, unit: Option<String>) -> bool {
        let mut home = self.home_data_new();
        match self.unit_list() {
            Ok(units) => home.set_units(units, unit),
            Err(e) => return self.fail(e),
        }
        let target = self.jp_target_now();
        let counted: Result<(), StoreError> = self
            .store
            .iter_summaries()
            .try_for_each(|s| s.map(|s| home.add(&s, target)));
        if let Err(e) = counted {
            return self.fail(e);
        }
        home.done();
        self.push(Screen::Home(Box::new(Home::new(home))));
        true
    }

    fn full_index(&self) -> Result<StaffIndex, StoreError> {
        StaffIndex::build(
            self.store.iter_summaries(),
            unit_names(&self.store)?,
            self.opts.today.year(),
        )
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The store, for reads beside the screens (tests, benchmarks).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Gives the store back, to be closed cleanly.
    pub fn into_store(self) -> Store {
        self.store
    }

    fn list_mut(&mut self) -> Option<&mut StaffList> {
        std::iter::once(&mut self.screen)
            .chain(self.stack.iter_mut())
            .find_map(|s| match s {
                Screen::List(l) => Some(l.as_mut()),
                _ => None,
            })
    }

    fn keys(&self) -> Vec<KeyHelp> {
        match &self.screen {
            Screen::Welcome(w) => w.keys(),
            Screen::Home(h) => h.keys(),
            Screen::List(l) => l.keys(),
            Screen::Record(r) => r.keys(),
            Screen::Form(f) => f.keys(),
            Screen::Evaluation(f) => f.keys(),
            Screen::Quick(q) => q.keys(),
            Screen::Report(r) => r.keys(),
            Screen::Training(f) => f.keys(),
            Screen::TrainingTab(t) => t.keys(),
        }
    }

    fn captures_text(&self) -> bool {
        match &self.screen {
            Screen::List(l) => l.captures_text(),
            Screen::Form(f) => f.captures_text(),
            Screen::Evaluation(_) => true,
            Screen::Quick(q) => q.in_setup(),
            Screen::Training(_) => true,
            _ => false,
        }
    }

    fn form_dirty(&self) -> bool {
        match &self.screen {
            Screen::Form(f) => f.is_dirty(),
            Screen::Evaluation(f) => f.is_dirty(),
            Screen::Training(f) => f.is_dirty(),
            _ => false,
        }
    }

    /// Handles one key; returns whether anything on screen changed.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        if key.kind != KeyEventKind::Press {
            return false;
        }
        let had_status = self.status.take().is_some();
        if self.confirm_quit {
            self.confirm_quit = false;
            if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                self.quit = true;
            }
            return true;
        }
        if is_ctrl(&key, 'c') {
            if self.form_dirty() {
                self.confirm_quit = true;
                self.status = Some((self.ui.t(T::QuitAsk).to_string(), true));
            } else {
                self.quit = true;
            }
            return true;
        }
        if self.help {
            self.help = false;
            return true;
        }
        if key.code == KeyCode::F(1) || (key.code == KeyCode::Char('?') && !self.captures_text()) {
            self.help = true;
            return true;
        }
        let outcome = match &mut self.screen {
            Screen::Welcome(w) => w.handle(key),
            Screen::Home(h) => h.handle(key),
            Screen::List(l) => l.handle(key),
            Screen::Record(r) => r.handle(key),
            Screen::Form(f) => f.handle(key),
            Screen::Evaluation(f) => f.handle(key, &self.ui),
            Screen::Quick(q) => q.handle(key),
            Screen::Report(r) => r.handle(key),
            Screen::Training(f) => f.handle(key),
            Screen::TrainingTab(t) => t.handle(key),
        };
        // The evaluation and training forms are kept as drafts while they change.
        if outcome == Outcome::Changed {
            let draft = match &self.screen {
                Screen::Evaluation(f) if f.is_dirty() => {
                    Some((self.draft_key(&f.nip, f.id()), f.draft_fields()))
                }
                Screen::Training(f) if f.is_dirty() => {
                    Some((self.training_draft_key(&f.nips, f.id()), f.draft_fields()))
                }
                _ => None,
            };
            if let Some((key, fields)) = draft
                && let Err(e) = self.store.save_draft(&key, fields)
            {
                return self.fail(e);
            }
        }
        if outcome == Outcome::Ignored
            && !self.captures_text()
            && !matches!(self.screen, Screen::Welcome(_))
        {
            match key.code {
                KeyCode::Char('2') => {
                    self.show_list();
                    return true;
                }
                KeyCode::Char('4') if !matches!(self.screen, Screen::Report(_)) => {
                    self.show_list();
                    return self.open_report(self.opts.today.year() - 1, 0);
                }
                KeyCode::Char('1') if !matches!(self.screen, Screen::Home(_)) => {
                    self.show_list();
                    return self.open_home(None);
                }
                KeyCode::Char('3') if !matches!(self.screen, Screen::TrainingTab(_)) => {
                    self.show_list();
                    return self.open_training_tab(self.opts.today.year(), None);
                }
                _ => {}
            }
        }
        self.carry_out(outcome) || had_status
    }

    fn show_list(&mut self) {
        while !matches!(self.screen, Screen::List(_)) {
            match self.stack.pop() {
                Some(s) => self.screen = s,
                None => break,
            }
        }
    }

    fn fail(&mut self, e: StoreError) -> bool {
        self.status = Some((e.to_string(), true));
        true
    }

    fn carry_out(&mut self, outcome: Outcome) -> bool {
        match outcome {
            Outcome::Ignored => false,
            Outcome::Changed => true,
            Outcome::Quit => {
                self.quit = true;
                true
            }
            Outcome::Back => {
                if let Screen::Quick(q) = &self.screen {
                    let text = format!("{} {}", q.saved_count(), self.ui.t(T::Evaluated));
                    self.status = Some((text, false));
                }
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                true
            }
            Outcome::OpenStaff(nip) => match self.record(&nip) {
                Ok(Some(r)) => {
                    self.push(Screen::Record(Box::new(r)));
                    true
                }
                Ok(None) => true,
                Err(e) => self.fail(e),
            },
            Outcome::NewStaff => match self.store.units() {
                Ok(units) => {
                    let mut pairs: Vec<(String, String)> =
                        units.into_iter().map(|u| (u.id, u.name)).collect();
                    pairs.sort_by(|a, b| a.1.cmp(&b.1));
                    let form = StaffForm::new(None, &pairs, &self.ui);
                    self.push(Screen::Form(Box::new(form)));
                    true
                }
                Err(e) => self.fail(e),
            },
            Outcome::EditStaff(nip) => {
                let loaded = self
                    .store
                    .get_staff(&nip)
                    .and_then(|s| Ok((s, self.store.units()?)));
                match loaded {
                    Ok((Some(staff), units)) => {
                        let mut pairs: Vec<(String, String)> =
                            units.into_iter().map(|u| (u.id, u.name)).collect();
                        pairs.sort_by(|a, b| a.1.cmp(&b.1));
                        let form = StaffForm::new(Some(staff), &pairs, &self.ui);
                        self.push(Screen::Form(Box::new(form)));
                        true
                    }
                    Ok((None, _)) => true,
                    Err(e) => self.fail(e),
                }
            }
            Outcome::OpenEvaluation(nip, id) => self.open_evaluation(&nip, id),
            Outcome::QuickEntry => self.open_quick_entry(),
            Outcome::OpenTraining(nips, id) => self.open_training(nips, id),
            Outcome::LoadTrainingStats(year) => match self.training_stats(year) {
                Ok((held, partners)) => {
                    if let Screen::TrainingTab(t) = &mut self.screen {
                        t.set_stats(held, partners);
                    }
                    true
                }
                Err(e) => self.fail(e),
            },
            Outcome::TrainingYear(year, unit) => {
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                self.open_training_tab(year, unit)
            }
            Outcome::HomeUnit(unit) => {
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                self.open_home(unit)
            }
            Outcome::SaveTraining(nips, t) => self.save_training(&nips, *t),
            Outcome::DeleteTraining(nip, id, revision) => {
                let actor = self.opts.actor.clone();
                match self.store.delete_training(&nip, id, revision, &actor) {
                    Ok(()) => self.after_evaluation_change(&nip, T::Deleted),
                    Err(e) => self.fail(e),
                }
            }
            Outcome::SetUnitRating(unit, year, rating) => {
                let actor = self.opts.actor.clone();
                let saved = self.store.get_unit(&unit).and_then(|u| match u {
                    Some(mut u) => {
                        match rating {
                            Some(r) => u.ratings.insert(year, r),
                            None => u.ratings.remove(&year),
                        };
                        self.store.save_unit(&u, &actor).map(|_| true)
                    }
                    None => Ok(false),
                });
                match saved {
                    Ok(true) => {
                        let selected = match &self.screen {
                            Screen::Report(r) => r.selected(),
                            _ => 0,
                        };
                        self.open_report(year, selected);
                        self.status = Some((self.ui.t(T::Saved).to_string(), false));
                        true
                    }
                    Ok(false) => true,
                    Err(e) => self.fail(e),
                }
            }
            Outcome::QuickStart => self.start_quick_entry(),
            Outcome::ReportYear(year) => {
                let selected = match &self.screen {
                    Screen::Report(r) => r.selected(),
                    _ => 0,
                };
                self.open_report(year, selected)
            }
            Outcome::ExportReport(year) => self.export_report(year),
            Outcome::QuickSave(nip, e) => self.quick_save(&nip, *e),
            Outcome::SaveEvaluation(nip, e) => self.save_evaluation(&nip, *e),
            Outcome::DeleteEvaluation(nip, id, revision) => {
                let actor = self.opts.actor.clone();
                match self.store.delete_evaluation(&nip, id, revision, &actor) {
                    Ok(()) => {
                        let key = self.draft_key(&nip, Some(id));
                        let _ = self.store.delete_draft(&key);
                        self.after_evaluation_change(&nip, T::Deleted)
                    }
                    Err(e) => self.fail(e),
                }
            }
            Outcome::DiscardDraft => {
                let key = match &self.screen {
                    Screen::Evaluation(f) => Some(self.draft_key(&f.nip, f.id())),
                    Screen::Training(f) => Some(self.training_draft_key(&f.nips, f.id())),
                    _ => None,
                };
                if let Some(key) = key
                    && let Err(e) = self.store.delete_draft(&key)
                {
                    return self.fail(e);
                }
                true
            }
            Outcome::SaveStaff(staff, new_unit) => {
                // A typed unit whose id is taken is that unit: never replace it.
                if let Some(unit) = new_unit {
                    let exists = match self.store.get_unit(&unit.id) {
                        Ok(u) => u.is_some(),
                        Err(e) => return self.fail(e),
                    };
                    if !exists && let Err(e) = self.store.save_unit(&unit, &self.opts.actor) {
                        return self.fail(e);
                    }
                }
                self.save_staff(*staff)
            }
            Outcome::LoadDemo => self.load_demo(),
        }
    }

    /// Laporan: each unit's annual predikat against the distribution guide, from the
    /// summaries (one pass over everyone when the tab opens).
    fn open_report(&mut self, year: i16, selected: usize) -> bool {
        match crate::report::unit_report(&self.store, year) {
            Ok(rows) => {
                let report = Box::new(Report::new(rows, year, selected));
                if matches!(self.screen, Screen::Report(_)) {
                    self.screen = Screen::Report(report);
                } else {
                    self.push(Screen::Report(report));
                }
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// Writes the report of `year` as CSV into the export directory and says where.
    fn export_report(&mut self, year: i16) -> bool {
        let path = self.opts.export_dir.join(format!("laporan-{year}.csv"));
        let written = (|| -> Result<(), String> {
            let rows = crate::report::unit_report(&self.store, year).map_err(|e| e.to_string())?;
            let (handle, file) =
                crate::store::files::PrivateFile::create(&path).map_err(|e| e.to_string())?;
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(file);
            w.write_record(crate::report::COLUMNS)
                .map_err(|e| e.to_string())?;
            for r in &rows {
                w.write_record(crate::report::csv_row(r, year))
                    .map_err(|e| e.to_string())?;
            }
            let file = w.into_inner().map_err(|e| e.to_string())?;
            handle.commit(file).map_err(|e| e.to_string())
        })();
        self.status = Some(match written {
            Ok(()) => (
                format!("{} {}", self.ui.t(T::WrittenTo), path.display()),
                false,
            ),
            Err(e) => (format!("{}: {e}", path.display()), true),
        });
        true
    }

    /// Pelatihan: one pass over the summaries and one over the trainings, when the tab
    /// opens; nothing is scanned per keystroke.
    fn open_training_tab(&mut self, year: i16, unit: Option<String>) -> bool {
        match self.training_data(year, unit) {
            Ok(data) => {
                self.push(Screen::TrainingTab(Box::new(TrainingOverview::new(data))));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// What the Pelatihan tab shows for a year.
    pub fn training_data(
        &self,
        year: i16,
        unit: Option<String>,
    ) -> Result<TrainingData, StoreError> {
        use crate::domain::training::pro_rata_target;
        use std::collections::BTreeMap;
        let today = self.opts.today;
        let names = unit_names(&self.store)?;
        // This year: the target so far; a past year: the whole 20.
        let target = if year == today.year() {
            pro_rata_target(today).floor() as u32
        } else {
            crate::domain::JP_TARGET
        };
        let mut d = TrainingData {
            year,
            ..Default::default()
        };
        let mut units: BTreeMap<String, UnitJp> = BTreeMap::new();
        for s in self.store.iter_summaries() {
            let s = s?;
            if !s.aktif || unit.as_ref().is_some_and(|u| *u != s.unit_id) {
                continue;
            }
            let jp = s.jp_in(year);
            let unit_name = names
                .get(&s.unit_id)
                .cloned()
                .unwrap_or_else(|| s.unit_id.clone());
            let u = units.entry(unit_name.clone()).or_insert_with(|| UnitJp {
                name: unit_name.clone(),
                ..Default::default()
            });
            u.staff += 1;
            d.staff += 1;
            if jp >= crate::domain::JP_TARGET {
                u.reached += 1;
                d.reached += 1;
            }
            d.spread[match jp {
                0 => 0,
                1..=9 => 1,
                10..=19 => 2,
                _ => 3,
            }] += 1;
            let mut reasons = Vec::new();
            if let Some((_, p)) = s.last
                && p.needs_coaching()
            {
                reasons.push(Reason::Predikat(p));
            }
            if jp < target {
                reasons.push(Reason::BelowJp { jp, target });
            }
            if !reasons.is_empty() {
                d.coaching.push(Coaching {
                    nip: s.nip.clone(),
                    name: s.name.clone(),
                    unit: unit_name,
                    reasons,
                    suggested: Vec::new(),
                });
            }
        }
        // Predikat reasons first, then the furthest below the target.
        d.coaching.sort_by_key(|c| {
            let predikat = c.reasons.iter().any(|r| matches!(r, Reason::Predikat(_)));
            let jp = c
                .reasons
                .iter()
                .find_map(|r| match r {
                    Reason::BelowJp { jp, .. } => Some(*jp),
                    _ => None,
                })
                .unwrap_or(u32::MAX);
            (!predikat, jp)
        });
        // The training kinds the last evaluation's notes name, for the people at the top
        // of the list (reading everyone's notes would cost a pass over the evaluations).
        for c in d.coaching.iter_mut().take(SUGGESTED_FOR) {
            if !matches!(c.reasons.first(), Some(Reason::Predikat(_))) {
                continue;
            }
            let mut evaluations = self.store.evaluations_of(&c.nip)?;
            evaluations.sort_by_key(|e| e.period.sort_key());
            if let Some(e) = evaluations.last() {
                let notes = e.catatan.to_lowercase();
                c.suggested = crate::domain::TrainingKind::ALL
                    .iter()
                    .filter(|k| notes.contains(&k.label().to_lowercase()))
                    .copied()
                    .collect();
            }
        }
        d.units = units.into_values().collect();
        (d.held, d.partners) = self.training_stats(year)?;
        d.stats_loaded = true;
        let mut all_units: Vec<(String, String)> = names.into_iter().collect();
        all_units.sort_by(|a, b| a.1.cmp(&b.1));
        d.all_units = all_units;
        d.unit = unit;
        Ok(d)
    }

    /// The trainings held and the partners of a year, from the counts the store keeps.
    pub fn training_stats(&self, year: i16) -> Result<(Vec<Held>, Vec<PartnerJp>), StoreError> {
        let (held, partners) = self.store.training_stats(year)?;
        let mut held: Vec<Held> = held
            .into_iter()
            .map(|h| Held {
                title: h.judul,
                organiser: h.penyelenggara,
                dates: crate::domain::format_date(h.mulai),
                participants: h.participants,
                jp: h.jp,
            })
            .collect();
        held.sort_by_key(|h| std::cmp::Reverse(h.participants));
        let mut partners: Vec<PartnerJp> = partners
            .into_iter()
            .map(|p| PartnerJp {
                name: p.name,
                kind: p.kind,
                participants: p.participants,
                jp: p.jp,
            })
            .collect();
        partners.sort_by_key(|p| std::cmp::Reverse(p.jp));
        Ok((held, partners))
    }

    fn open_training(&mut self, nips: Vec<String>, id: Option<u32>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let first = match nips.first() {
                Some(n) => self.store.get_staff(n)?,
                None => None,
            };
            let original = match (nips.first(), id) {
                (Some(n), Some(id)) => self.store.trainings_of(n)?.into_iter().find(|t| t.id == id),
                _ => None,
            };
            Ok((first, original, self.store.partners()?))
        })();
        match loaded {
            Ok((Some(first), original, partners)) => {
                let who = if nips.len() == 1 {
                    first.display_name()
                } else {
                    format!("{} {}", nips.len(), self.ui.t(T::Marked))
                };
                let key = self.training_draft_key(&nips, id);
                let mut form = TrainingForm::new(nips, &who, original, partners);
                match self.store.draft(&key) {
                    Ok(Some(d)) => form.offer_draft(self.draft_time(d.time_micros), d.fields),
                    Ok(None) => {}
                    Err(e) => return self.fail(e),
                }
                self.push(Screen::Training(Box::new(form)));
                true
            }
            Ok(_) => true,
            Err(e) => self.fail(e),
        }
    }

    /// Saves the training for each person of the form: one record each.
    fn save_training(&mut self, nips: &[String], training: crate::domain::Training) -> bool {
        let actor = self.opts.actor.clone();
        let id = (training.id != 0).then_some(training.id);
        let draft = self.training_draft_key(nips, id);
        for nip in nips {
            if let Err(e) = self.store.save_training(nip, &training, &actor) {
                let message = match e {
                    StoreError::Stale { .. } => self.ui.t(T::StaleSave).to_string(),
                    other => other.to_string(),
                };
                if let Screen::Training(f) = &mut self.screen {
                    f.error = Some(message);
                }
                return true;
            }
            if let Ok(Some(summary)) = self.store.summary(nip)
                && let Some(list) = self.list_mut()
            {
                list.index_mut().upsert(summary);
            }
        }
        if let Err(e) = self.store.delete_draft(&draft) {
            return self.fail(e);
        }
        if nips.len() > 1
            && let Some(list) = self.list_mut()
        {
            list.clear_marks();
        }
        match nips {
            [one] => self.after_evaluation_change(one, T::Saved),
            _ => {
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                self.status = Some((format!("{} ({})", self.ui.t(T::Saved), nips.len()), false));
                true
            }
        }
    }

    /// Most people a quick entry takes at once; a longer list is narrowed first.
    const QUICK_LIMIT: usize = 1000;

    fn open_quick_entry(&mut self) -> bool {
        let rows = self
            .list_mut()
            .and_then(|l| l.index_mut().view_people(Self::QUICK_LIMIT));
        let Some(rows) = rows else {
            self.status = Some((self.ui.t(T::QuickTooMany).to_string(), true));
            return true;
        };
        let people = match self.people() {
            Ok(p) => p,
            Err(e) => return self.fail(e),
        };
        let listed = rows
            .into_iter()
            .map(|(nip, name, unit)| QuickPerson {
                nip,
                name,
                unit,
                evaluated: false,
            })
            .collect();
        let quick = QuickEntry::new(listed, people, self.opts.today);
        self.push(Screen::Quick(Box::new(quick)));
        true
    }

    fn start_quick_entry(&mut self) -> bool {
        let Screen::Quick(q) = &self.screen else {
            return false;
        };
        let Some(period) = q.period() else {
            return false;
        };
        let mut evaluated = Vec::new();
        for nip in q.nips() {
            match self.store.evaluation_group(&nip) {
                Ok(g) => evaluated.push(g.items.iter().any(|e| e.period == period)),
                Err(e) => return self.fail(e),
            }
        }
        if let Screen::Quick(q) = &mut self.screen {
            q.start(&evaluated);
        }
        true
    }

    fn quick_save(&mut self, nip: &str, evaluation: crate::domain::Evaluation) -> bool {
        let actor = self.opts.actor.clone();
        let result = self.store.save_evaluation(nip, &evaluation, &actor);
        if let Ok(Some(summary)) = self.store.summary(nip)
            && let Some(list) = self.list_mut()
        {
            list.index_mut().upsert(summary);
        }
        if let Screen::Quick(q) = &mut self.screen {
            match result {
                // Someone evaluated them meanwhile: nothing to do for them.
                Ok(_) | Err(StoreError::DuplicatePeriod { .. }) => q.saved(),
                Err(e) => q.error = Some(e.to_string()),
            }
        }
        true
    }

    /// A training form's draft: per person, or for a group by its first person and size.
    fn training_draft_key(&self, nips: &[String], id: Option<u32>) -> String {
        let who = match nips {
            [one] => one.clone(),
            [first, ..] => format!("{first}+{}", nips.len() - 1),
            [] => String::new(),
        };
        let which = id.map_or("baru".to_string(), |i| i.to_string());
        format!("{}/pelatihan/{who}/{which}", self.opts.actor)
    }

    fn draft_time(&self, micros: u64) -> String {
        jiff::Timestamp::from_microsecond(micros as i64)
            .map(|t| {
                t.to_zoned(self.opts.tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default()
    }

    fn draft_key(&self, nip: &str, id: Option<u32>) -> String {
        let which = id.map_or("baru".to_string(), |i| i.to_string());
        format!("{}/evaluasi/{nip}/{which}", self.opts.actor)
    }

    fn people(&mut self) -> Result<People, StoreError> {
        if let Some(p) = &self.people {
            return Ok(p.clone());
        }
        let people: People = match self.list_mut() {
            Some(list) => std::sync::Arc::new(list.index_mut().people()),
            None => std::sync::Arc::new(
                self.store
                    .iter_summaries()
                    .map(|s| s.map(|s| (s.nip, s.name.clone(), s.name.to_lowercase())))
                    .collect::<Result<_, _>>()?,
            ),
        };
        self.people = Some(people.clone());
        Ok(people)
    }

    /// Opens the evaluation form; from a form for a taken period, in its place.
    fn open_evaluation(&mut self, nip: &str, id: Option<u32>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let staff = self.store.get_staff(nip)?;
            let evaluations = self.store.evaluations_of(nip)?;
            Ok((staff, evaluations))
        })();
        let (staff, evaluations) = match loaded {
            Ok((Some(s), e)) => (s, e),
            Ok((None, _)) => return true,
            Err(e) => return self.fail(e),
        };
        let people = match self.people() {
            Ok(p) => p,
            Err(e) => return self.fail(e),
        };
        let original = id.and_then(|id| evaluations.iter().find(|e| e.id == id).cloned());
        let taken = evaluations.iter().map(|e| (e.period, e.id)).collect();
        let mut form = EvaluationForm::new(
            nip,
            &staff.display_name(),
            original,
            taken,
            self.opts.today,
            people,
        );
        match self.store.draft(&self.draft_key(nip, id)) {
            Ok(Some(d)) => {
                let when = jiff::Timestamp::from_microsecond(d.time_micros as i64)
                    .map(|t| {
                        t.to_zoned(self.opts.tz.clone())
                            .strftime("%Y-%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default();
                form.offer_draft(when, d.fields);
            }
            Ok(None) => {}
            Err(e) => return self.fail(e),
        }
        if matches!(self.screen, Screen::Evaluation(_)) {
            self.screen = Screen::Evaluation(Box::new(form));
            self.status = Some((self.ui.t(T::PeriodOpened).to_string(), false));
        } else {
            self.push(Screen::Evaluation(Box::new(form)));
        }
        true
    }

    fn save_evaluation(&mut self, nip: &str, evaluation: crate::domain::Evaluation) -> bool {
        let actor = self.opts.actor.clone();
        let id = (evaluation.id != 0).then_some(evaluation.id);
        match self.store.save_evaluation(nip, &evaluation, &actor) {
            Ok(_) => {
                if let Err(e) = self.store.delete_draft(&self.draft_key(nip, id)) {
                    return self.fail(e);
                }
                self.after_evaluation_change(nip, T::Saved)
            }
            Err(StoreError::DuplicatePeriod { existing, .. }) => {
                self.open_evaluation(nip, Some(existing))
            }
            Err(e) => {
                let message = match e {
                    StoreError::Stale { .. } => self.ui.t(T::StaleSave).to_string(),
                    other => other.to_string(),
                };
                if let Screen::Evaluation(f) = &mut self.screen {
                    f.error = Some(message);
                }
                true
            }
        }
    }

    /// Back from the form to the refreshed record, with the list's row updated.
    fn after_evaluation_change(&mut self, nip: &str, done: T) -> bool {
        if let Some(s) = self.stack.pop() {
            self.screen = s;
        }
        if let Ok(Some(summary)) = self.store.summary(nip)
            && let Some(list) = self.list_mut()
        {
            list.index_mut().upsert(summary);
        }
        match self.record(nip) {
            Ok(Some(r)) if matches!(self.screen, Screen::Record(_)) => {
                self.screen = Screen::Record(Box::new(r))
            }
            Ok(_) => {}
            Err(e) => return self.fail(e),
        }
        self.status = Some((self.ui.t(done).to_string(), false));
        true
    }

    fn push(&mut self, screen: Screen) {
        let below = std::mem::replace(&mut self.screen, screen);
        self.stack.push(below);
    }

    fn save_staff(&mut self, staff: crate::domain::Staff) -> bool {
        let actor = self.opts.actor.clone();
        match self.store.save_staff(&staff, &actor) {
            Ok(saved) => {
                // The evaluator pick reads names from this; build it again when needed.
                self.people = None;
                let nip = saved.nip.as_str().to_string();
                // Off the form; from the welcome screen on, the list exists.
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                if matches!(self.screen, Screen::Welcome(_)) {
                    match self.full_index() {
                        Ok(index) => {
                            self.screen = Screen::List(Box::new(StaffList::new(index, false)))
                        }
                        Err(e) => return self.fail(e),
                    }
                } else if let Ok(Some(summary)) = self.store.summary(&nip)
                    && let Some(list) = self.list_mut()
                {
                    list.index_mut().upsert(summary);
                }
                if let Some(list) = self.list_mut() {
                    list.select_nip(&nip);
                }
                // Show the saved record: refresh it, or open it for a new one.
                let record = match self.record(&nip) {
                    Ok(r) => r,
                    Err(e) => return self.fail(e),
                };
                if let Some(r) = record {
                    if matches!(self.screen, Screen::Record(_)) {
                        self.screen = Screen::Record(Box::new(r));
                    } else {
                        self.push(Screen::Record(Box::new(r)));
                    }
                }
                self.status = Some((self.ui.t(T::Saved).to_string(), false));
                true
            }
            Err(e) => {
                let taken = matches!(e, StoreError::AlreadyExists { .. });
                let message = match e {
                    StoreError::AlreadyExists { .. } => self.ui.t(T::ErrExists).to_string(),
                    StoreError::Stale { .. } => self.ui.t(T::StaleSave).to_string(),
                    other => other.to_string(),
                };
                if let Screen::Form(f) = &mut self.screen {
                    f.refused(message, taken);
                }
                true
            }
        }
    }

    fn load_demo(&mut self) -> bool {
        if !self.store.is_empty() {
            return false;
        }
        let actor = self.opts.actor.clone();
        match crate::demo::fill(&self.store, 300, 1, self.opts.today, &actor, &|_| {}) {
            Ok(_) => match self.full_index() {
                Ok(index) => {
                    self.screen = Screen::List(Box::new(StaffList::new(index, false)));
                    self.stack.clear();
                    self.status = Some((self.ui.t(T::DemoLoaded).to_string(), false));
                    true
                }
                Err(e) => self.fail(e),
            },
            Err(e) => self.fail(e),
        }
    }

    fn record(&self, nip: &str) -> Result<Option<StaffRecord>, StoreError> {
        let Some(staff) = self.store.get_staff(nip)? else {
            return Ok(None);
        };
        let unit = self
            .store
            .get_unit(&staff.unit_id)?
            .map_or(staff.unit_id.clone(), |u| u.name);
        let history = self
            .store
            .history_of_person(nip)?
            .into_iter()
            .map(|entry| HistoryRow {
                when: jiff::Timestamp::from_microsecond(entry.time_micros as i64)
                    .map(|t| {
                        t.to_zoned(self.opts.tz.clone())
                            .strftime("%Y-%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default(),
                entry,
            })
            .collect();
        Ok(Some(StaffRecord::new(
            staff,
            unit,
            self.store.evaluations_of(nip)?,
            self.store.trainings_of(nip)?,
            history,
            self.opts.today,
        )))
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        let ui = self.ui;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let msg = ui.t(T::TooSmall);
            let y = area.height / 2;
            let line = Rect::new(area.x, area.y + y, area.width, 1.min(area.height));
            frame.render_widget(Paragraph::new(msg).centered(), line);
            return;
        }
        let [header, body, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let tab = |active: bool| {
            if active {
                ui.theme.selected()
            } else {
                ui.theme.header()
            }
        };
        let on_report = matches!(self.screen, Screen::Report(_));
        let on_training = matches!(self.screen, Screen::TrainingTab(_));
        let on_list = matches!(self.screen, Screen::List(_));
        let on_home = matches!(self.screen, Screen::Home(_));
        let mut left = vec![Span::styled(" kinerja ", ui.theme.title())];
        if !matches!(self.screen, Screen::Welcome(_)) {
            left.push(Span::raw(" "));
            left.push(Span::styled(
                format!(" 1 {} ", ui.t(T::TabHome)),
                tab(on_home),
            ));
        }
        left.push(Span::raw(" "));
        left.push(Span::styled(
            format!(" 2 {} ", ui.t(T::TabStaff)),
            tab(on_list),
        ));
        if !matches!(self.screen, Screen::Welcome(_)) {
            for (label, active) in [
                (format!(" 3 {} ", ui.t(T::TabTraining)), on_training),
                (format!(" 4 {} ", ui.t(T::TabReport)), on_report),
            ] {
                left.push(Span::raw(" "));
                left.push(Span::styled(label, tab(active)));
            }
        }
        let date = crate::domain::format_date(self.opts.today);
        let used: usize = left.iter().map(|s| s.content.chars().count()).sum();
        let mut spans = left;
        spans.push(Span::raw(" ".repeat(
            (header.width as usize).saturating_sub(used + date.len() + 1),
        )));
        spans.push(Span::styled(date, ui.theme.muted()));
        frame.render_widget(Paragraph::new(Line::from(spans)), header);

        match &mut self.screen {
            Screen::Welcome(w) => w.draw(frame, body, &ui),
            Screen::Home(h) => h.draw(frame, body, &ui),
            Screen::List(l) => l.draw(frame, body, &ui),
            Screen::Record(r) => r.draw(frame, body, &ui),
            Screen::Form(f) => f.draw(frame, body, &ui),
            Screen::Evaluation(f) => f.draw(frame, body, &ui),
            Screen::Quick(q) => q.draw(frame, body, &ui),
            Screen::Report(r) => r.draw(frame, body, &ui),
            Screen::Training(f) => f.draw(frame, body, &ui),
            Screen::TrainingTab(t) => t.draw(frame, body, &ui),
        }

        let keys = self.keys();
        let footer_line = match &self.status {
            Some((text, err)) => Line::styled(
                format!(" {}", ui.theme.text(text)),
                if *err {
                    ui.theme.error()
                } else {
                    ui.theme.ok()
                },
            ),
            None => footer(&ui, &keys, foot.width),
        };
        frame.render_widget(Paragraph::new(footer_line), foot);

        if self.help {
            let title = match &self.screen {
                Screen::Welcome(_) => "kinerja",
                Screen::Home(_) => ui.t(T::TabHome),
                Screen::List(_) => ui.t(T::TabStaff),
                Screen::Record(_) => ui.t(T::StaffRecord),
                Screen::Form(f) => ui.t(if f.is_new() {
                    T::NewStaffTitle
                } else {
                    T::EditStaffTitle
                }),
                Screen::Evaluation(f) => ui.t(if f.is_new() {
                    T::NewEvaluation
                } else {
                    T::EditEvaluation
                }),
                Screen::Quick(_) => ui.t(T::QuickEntry),
                Screen::Report(_) => ui.t(T::TabReport),
                Screen::Training(f) => ui.t(if f.is_new() {
                    T::NewTraining
                } else {
                    T::EditTraining
                }),
                Screen::TrainingTab(_) => ui.t(T::TabTraining),
            };
            help::draw(frame, body, &ui, title, &keys);
        }
    }
}
