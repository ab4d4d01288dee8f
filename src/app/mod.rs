//! The application: the screens, the keys that work everywhere, and carrying out what the
//! screens ask for (opening, saving, loading the demo) against the store. Fed key and
//! resize events; draws to whatever ratatui backend it is given; touches no terminal,
//! global or environment variable, so one process can run one `App` per SSH session.

mod audit;
mod career;
mod coaching;
mod competency;
mod contracts;
mod evaluations;
mod keberatan;
mod kept;
mod live;
mod officers;
#[cfg(test)]
mod test_support;

mod requirements;
mod roles;
mod shared;
mod skp;
use roles::scoped;
pub use shared::Shared;

mod partners;
mod print;
mod profile;
mod realisation;
mod refresh;
mod reports;
mod staff;

mod talent;
mod training;
mod view;
pub use view::{view_key, view_key_of};

use crate::domain::StaffSummary;
use crate::model::staff_index::{SharedStaff, StaffIndex};
use crate::screens::coaching_form::CoachingForm;
use crate::screens::evaluation_form::{EvaluationForm, People};
use crate::screens::home::Home;
use crate::screens::profile::ProfileScreen;
use crate::screens::quick_entry::{ListFilter, QuickEntry, QuickPerson, QuickSetup};
use crate::screens::report::Report;
use crate::screens::staff_form::StaffForm;
use crate::screens::staff_list::StaffList;
use crate::screens::staff_record::{HistoryRow, StaffRecord};
use crate::screens::training_form::TrainingForm;
use crate::screens::training_overview::TrainingOverview;
use crate::screens::welcome::Welcome;
use crate::screens::{FormSpec, Outcome, Screen as ScreenTrait};
use crate::store::{Store, StoreError};
use crate::ui::Pasted;
use crate::ui::event::Input;
use crate::ui::help;
use crate::ui::keys::Key;
use crate::ui::lang::{Lang, T};
use crate::ui::tabs::{TABS, Tab};
use crate::ui::theme::Theme;
use crate::ui::unit_picker::Picked;
use crate::ui::{KeyHelp, Ui, footer, is_ctrl};
use crate::views::home::HomeData;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashMap;

/// The smallest terminal every screen fits.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

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
    /// The officer using this session, once officers exist (roles apply); `None` before.
    pub officer: Option<crate::domain::Officer>,
    /// The yearly JP targets per employment kind (config `jp_target_pns`, `jp_target_pppk`).
    pub jp: crate::domain::JpTargets,
    /// A session of `kinerja serve`: files would land on the server, so `x` does not write;
    /// `P` writes into the documents folder beside the database instead.
    pub remote: bool,
    /// The office and place the printed documents name (config `instansi`, `tempat`).
    pub instansi: Option<String>,
    pub tempat: Option<String>,
}

impl Options {
    /// How the screens of a session with these options are drawn: its language, theme and
    /// JP targets, and whether its officer sees only some units.
    pub fn ui(&self) -> Ui {
        Ui {
            lang: self.lang,
            theme: self.theme,
            jp: self.jp,
            scoped: self.officer.as_ref().and_then(|o| o.scope()).is_some(),
        }
    }
}

/// Slow work a key asked for, done after the frame that shows the screen it fills in.
#[derive(Debug, Clone)]
enum Deferred {
    /// The competencies the partner open on Mitra closed in the year.
    PartnerClosed,
    /// A template's SKPs for these people (the status line says it is saving first).
    SkpGroup(Vec<String>, Box<crate::domain::Skp>),
}

enum Screen {
    Welcome(Welcome),
    Home(Box<Home>),
    List(Box<StaffList>),
    Record(Box<StaffRecord>),
    Profile(Box<ProfileScreen>),
    Form(Box<StaffForm>),
    Evaluation(Box<EvaluationForm>),
    Quick(Box<QuickEntry>),
    Report(Box<Report>),
    Training(Box<TrainingForm>),
    TrainingTab(Box<TrainingOverview>),
    Talent(Box<crate::screens::talent::TalentTab>),
    Competency(Box<crate::screens::competency::CompetencyScreen>),
    Potential(Box<crate::screens::potential_form::PotentialForm>),
    Contract(Box<crate::screens::contract_form::ContractForm>),
    Coaching(Box<CoachingForm>),
    Partners(Box<crate::screens::partners::PartnersScreen>),
    PartnerForm(Box<crate::screens::partner_form::PartnerForm>),
    Requirements(Box<crate::screens::requirements::RequirementsScreen>),
    Realisation(Box<crate::screens::realisation::RealisationScreen>),
    Skp(Box<crate::screens::skp::SkpScreen>),
    SkpEdit(Box<crate::screens::skp::SkpEditor>),
    Keberatan(Box<crate::screens::keberatan_form::KeberatanScreen>),
    Career(Box<crate::screens::career_form::CareerForm>),
    Promotions(Box<crate::screens::promotions::Promotions>),
    Audit(Box<crate::screens::audit::AuditScreen>),
    Officers(Box<crate::screens::officers::OfficersScreen>),
    OfficerForm(Box<crate::screens::officer_form::OfficerForm>),
}

impl Screen {
    /// The screen through the trait every screen implements: the one match that reaches
    /// each screen, so a new screen is one variant here and no arm elsewhere.
    fn as_dyn(&self) -> &dyn ScreenTrait {
        match self {
            Screen::Welcome(s) => s,
            Screen::Home(s) => s.as_ref(),
            Screen::List(s) => s.as_ref(),
            Screen::Record(s) => s.as_ref(),
            Screen::Profile(s) => s.as_ref(),
            Screen::Form(s) => s.as_ref(),
            Screen::Evaluation(s) => s.as_ref(),
            Screen::Quick(s) => s.as_ref(),
            Screen::Report(s) => s.as_ref(),
            Screen::Training(s) => s.as_ref(),
            Screen::TrainingTab(s) => s.as_ref(),
            Screen::Talent(s) => s.as_ref(),
            Screen::Competency(s) => s.as_ref(),
            Screen::Potential(s) => s.as_ref(),
            Screen::Contract(s) => s.as_ref(),
            Screen::Coaching(s) => s.as_ref(),
            Screen::Partners(s) => s.as_ref(),
            Screen::PartnerForm(s) => s.as_ref(),
            Screen::Requirements(s) => s.as_ref(),
            Screen::Realisation(s) => s.as_ref(),
            Screen::Skp(s) => s.as_ref(),
            Screen::SkpEdit(s) => s.as_ref(),
            Screen::Keberatan(s) => s.as_ref(),
            Screen::Career(s) => s.as_ref(),
            Screen::Promotions(s) => s.as_ref(),
            Screen::Audit(s) => s.as_ref(),
            Screen::Officers(s) => s.as_ref(),
            Screen::OfficerForm(s) => s.as_ref(),
        }
    }

    fn as_dyn_mut(&mut self) -> &mut dyn ScreenTrait {
        match self {
            Screen::Welcome(s) => s,
            Screen::Home(s) => s.as_mut(),
            Screen::List(s) => s.as_mut(),
            Screen::Record(s) => s.as_mut(),
            Screen::Profile(s) => s.as_mut(),
            Screen::Form(s) => s.as_mut(),
            Screen::Evaluation(s) => s.as_mut(),
            Screen::Quick(s) => s.as_mut(),
            Screen::Report(s) => s.as_mut(),
            Screen::Training(s) => s.as_mut(),
            Screen::TrainingTab(s) => s.as_mut(),
            Screen::Talent(s) => s.as_mut(),
            Screen::Competency(s) => s.as_mut(),
            Screen::Potential(s) => s.as_mut(),
            Screen::Contract(s) => s.as_mut(),
            Screen::Coaching(s) => s.as_mut(),
            Screen::Partners(s) => s.as_mut(),
            Screen::PartnerForm(s) => s.as_mut(),
            Screen::Requirements(s) => s.as_mut(),
            Screen::Realisation(s) => s.as_mut(),
            Screen::Skp(s) => s.as_mut(),
            Screen::SkpEdit(s) => s.as_mut(),
            Screen::Keberatan(s) => s.as_mut(),
            Screen::Career(s) => s.as_mut(),
            Screen::Promotions(s) => s.as_mut(),
            Screen::Audit(s) => s.as_mut(),
            Screen::Officers(s) => s.as_mut(),
            Screen::OfficerForm(s) => s.as_mut(),
        }
    }
}

pub struct App {
    store: Store,
    shared: Shared,
    ui: Ui,
    opts: Options,
    screen: Screen,
    /// Screens below the current one, to go back to.
    stack: Vec<Screen>,
    help: bool,
    /// The first line of the help shown, when it is taller than the screen.
    help_scroll: u16,
    /// A message in the footer until the next key: (text, is an error).
    status: Option<(String, bool)>,
    confirm_quit: bool,
    quit: bool,
    pending_load: bool,
    /// The database's newest change when the session started: a view is kept at the close
    /// only while it still is (see `view.rs`).
    opened_at: Option<Vec<u8>>,
    /// The store's count of audited writes at the start ([`Store::audited_writes`]):
    /// whether this process saved anything since, whatever the clock did to audit keys.
    writes_at_open: u64,
    /// Work asked for by a key that is done after the next frame, so the screen shows
    /// first (`…`) and the count follows: see [`App::run_deferred`].
    deferred: Option<Deferred>,
    /// The last frame was too small to show the screen: keys and pastes are not taken
    /// (they would act on a screen the officer cannot see), except Ctrl-C.
    too_small: bool,
    /// Everyone, for the evaluator pick; built when first needed, dropped on staff saves.
    people: Option<People>,
    /// The last unit-head change of this session, which the record offers to undo: the
    /// unit (id) and the head it had before.
    head_undo: Option<(String, Option<crate::domain::Nip>)>,
    /// The last quick entry's period and evaluator, offered again by the next `E` of this
    /// session (per session, as the officer is: never a global).
    quick_setup: Option<QuickSetup>,
    /// The newest audit key this session has taken in: another session's save makes a
    /// newer one (issue 22, see `live.rs`).
    seen_change: Option<Vec<u8>>,
    /// This session's tag in its drafts' keys (`~` and a number unique to it).
    session_tag: String,
    /// A draft of an ended session offered at the start, answered by the next key.
    draft_offer: Option<live::DraftOffer>,
    /// Keeps this session counted open while the app lives.
    live: Option<shared::LiveGuard>,
    /// The open screens another session's save made stale, read again once on top
    /// (issue 22, see `refresh.rs`).
    stale: Vec<usize>,
    /// The session ended because its officer, or their last key, was removed: what the
    /// officer is told as the session closes.
    goodbye: Option<String>,
    /// The last Pelatihan, Laporan or Talenta data built, for the next switch to that tab
    /// (see `kept.rs`).
    kept: Option<kept::Kept>,
    /// The kept data a build replaced: let go of once the new tab is on the screen
    /// ([`App::after_frame`]), not before it (freeing a coaching list of tens of thousands
    /// of people takes 10-30 ms at 100,000 staff).
    retired: Option<kept::Kept>,
}

fn unit_names(store: &Store) -> Result<HashMap<String, String>, StoreError> {
    Ok(store.units()?.into_iter().map(|u| (u.id, u.name)).collect())
}

impl App {
    /// Opens on the welcome screen for an empty database, else on the staff list with its
    /// first page; call [`App::finish_loading`] after the first frame for the rest.
    pub fn new(store: Store, opts: Options) -> Result<App, StoreError> {
        let seen_change = App::first_seen(&store);
        let store_writes = store.audited_writes();
        let ui = opts.ui();
        let first: Vec<StaffSummary> = store
            .iter_summaries()
            .take(FIRST_PAGE)
            .collect::<Result<_, _>>()?;
        // Beranda first once there is data, over the staff list (tab 2) it returns to.
        let shared = Shared::from_staff(SharedStaff::new(
            first,
            unit_names(&store)?,
            opts.today.year(),
        ));
        let (screen, stack, pending_load) = if shared.staff.total() == 0 && store.is_empty() {
            (
                Screen::Welcome(Welcome::new(&opts.db_label)),
                Vec::new(),
                false,
            )
        } else {
            let index = scoped(StaffIndex::view(shared.staff.clone()), &opts);
            let list = Screen::List(Box::new(StaffList::new(index, true)));
            let home = Home::new(HomeData::new(opts.today.year() - 1, opts.today.year()));
            (Screen::Home(Box::new(home)), vec![list], true)
        };
        let mut app = App {
            store,
            shared,
            ui,
            opts,
            screen,
            stack,
            help: false,
            help_scroll: 0,
            status: None,
            confirm_quit: false,
            quit: false,
            pending_load,
            deferred: None,
            too_small: false,
            people: None,
            head_undo: None,
            quick_setup: None,
            opened_at: seen_change.clone(),
            writes_at_open: store_writes,
            seen_change,
            session_tag: live::new_tag(),
            draft_offer: None,
            live: None,
            stale: Vec::new(),
            goodbye: None,
            kept: None,
            retired: None,
        };
        app.started();
        Ok(app)
    }

    /// A session over rows another session already read (`kinerja serve`): nothing is
    /// read from the database but Beranda's counts when they are out of date.
    pub fn with_shared(store: Store, shared: Shared, opts: Options) -> Result<App, StoreError> {
        let seen_change = App::first_seen(&store);
        let store_writes = store.audited_writes();
        let ui = opts.ui();
        let mut app = App {
            store,
            shared,
            ui,
            opts,
            screen: Screen::Welcome(Welcome::new("")),
            stack: Vec::new(),
            help: false,
            help_scroll: 0,
            status: None,
            confirm_quit: false,
            quit: false,
            pending_load: false,
            deferred: None,
            too_small: false,
            people: None,
            head_undo: None,
            quick_setup: None,
            opened_at: seen_change.clone(),
            writes_at_open: store_writes,
            seen_change,
            session_tag: live::new_tag(),
            draft_offer: None,
            live: None,
            stale: Vec::new(),
            goodbye: None,
            kept: None,
            retired: None,
        };
        if app.shared.staff.total() == 0 && app.store.is_empty() {
            app.screen = Screen::Welcome(Welcome::new(&app.opts.db_label));
        } else {
            let index = scoped(StaffIndex::view(app.shared.staff.clone()), &app.opts);
            app.screen = Screen::List(Box::new(StaffList::new(index, false)));
            let home = app.home_data(None)?;
            app.push(Screen::Home(Box::new(Home::new(home))));
        }
        app.started();
        Ok(app)
    }

    /// Does the work a key deferred until its screen was drawn (see `Deferred`); true when
    /// something changed and the screen should be drawn again. The terminal loop and each
    /// `serve` session call it after every frame.
    pub fn run_deferred(&mut self) -> bool {
        match self.deferred.take() {
            Some(Deferred::PartnerClosed) => self.count_closed(),
            Some(Deferred::SkpGroup(nips, skp)) => {
                let saved = self.save_skp_group(&nips, &skp);
                self.sync_records(true) || saved
            }
            None => self.read_realisation_step(),
        }
    }

    /// Whether [`App::run_deferred`] has more to do: the loop calls it again without
    /// waiting for a key (a screen reading its data in steps after its first frame, each
    /// step short, so keys are still answered between them).
    pub fn busy(&self) -> bool {
        self.deferred.is_some()
            || matches!(&self.screen, Screen::Realisation(r) if r.loading().is_some())
    }

    /// Reads every summary into the list (after the first frame). Returns whether the
    /// screen changed.
    pub fn finish_loading(&mut self) -> Result<bool, StoreError> {
        if !self.pending_load {
            return Ok(false);
        }
        // One pass: the list's rows and Beranda's counts. Marked done only once all of
        // it was read: rows cut short by an error are never taken for the store's.
        let mut home = self.home_data_new();
        self.read_coaching_and_contracts(&mut home)?;
        let (targets, today) = (self.opts.jp, self.opts.today);
        let scope = self.opts.officer.clone();
        let staff = SharedStaff::build_sized(
            self.store.iter_summaries().inspect(|s| {
                if let Ok(s) = s
                    && scope.as_ref().is_none_or(|o| o.sees_unit(&s.unit_id))
                {
                    home.add(s, &targets, today);
                }
            }),
            unit_names(&self.store)?,
            self.opts.today.year(),
            self.store.staff_hint(),
        )?;
        self.shared.staff.replace_with(staff);
        self.pending_load = false;
        home.read_step_days(&self.store)?;
        home.read_contract_predikat(&self.store)?;
        home.done();
        home.set_units(self.unit_list()?, None);
        if self
            .opts
            .officer
            .as_ref()
            .is_none_or(|o| o.scope().is_none())
        {
            self.shared.keep_home(self.shared.staff.generation(), &home);
        }
        let view = scoped(StaffIndex::view(self.shared.staff.clone()), &self.opts);
        if let Some(list) = self.list_mut() {
            list.loaded(view);
        }
        if let Screen::Home(h) = &mut self.screen {
            h.set(home);
        }
        Ok(true)
    }

    /// Beranda shows `home` until the pass that reads the rows counts it again: the
    /// counts of the day already drawn before the database was open (from the view's
    /// checked head, `Shared::from_view`) when the view's rows could not be used, so
    /// Beranda does not go blank in between. Only while the rows are still to be read.
    pub fn show_home_while_loading(&mut self, home: HomeData) {
        if self.pending_load
            && let Screen::Home(h) = &mut self.screen
        {
            h.set(home);
        }
    }

    /// Reads every row again into the shared rows (after the demo or the first person
    /// saved on the welcome screen), and gives a fresh view of them.
    fn full_index(&self) -> Result<StaffIndex, StoreError> {
        let staff = SharedStaff::build(
            self.store.iter_summaries(),
            unit_names(&self.store)?,
            self.opts.today.year(),
        )?;
        self.shared.staff.replace_with(staff);
        Ok(scoped(
            StaffIndex::view(self.shared.staff.clone()),
            &self.opts,
        ))
    }

    /// Brings the open list, records, Laporan and forms up to date with saves made in
    /// other sessions, and the other screens that show stored data once on top
    /// (`refresh.rs`); true if the screen changed. Called before each frame by `serve`.
    pub fn sync_shared(&mut self) -> bool {
        let mut changed = self.sync_records(false);
        changed |= self.refresh_stale();
        let screens = std::iter::once(&mut self.screen).chain(self.stack.iter_mut());
        for s in screens {
            if let Screen::List(list) = s {
                changed |= list.sync();
            }
        }
        changed
    }

    /// Notes the terminal's size before a first frame (which notes it too): a terminal
    /// too small for the screens takes no keys, whether they come before a frame or
    /// after.
    pub fn note_size(&mut self, width: u16, height: u16) {
        self.too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
    }

    /// Whether the rows are still the first page only ([`App::finish_loading`] reads the
    /// rest after the first frame).
    pub fn loading(&self) -> bool {
        self.pending_load
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

    fn list_ref(&self) -> Option<&StaffList> {
        std::iter::once(&self.screen)
            .chain(self.stack.iter())
            .find_map(|s| match s {
                Screen::List(l) => Some(l.as_ref()),
                _ => None,
            })
    }

    fn list_mut(&mut self) -> Option<&mut StaffList> {
        std::iter::once(&mut self.screen)
            .chain(self.stack.iter_mut())
            .find_map(|s| match s {
                Screen::List(l) => Some(l.as_mut()),
                _ => None,
            })
    }

    /// The current screen, through the trait every screen implements.
    fn current(&self) -> &dyn ScreenTrait {
        self.screen.as_dyn()
    }

    /// The keys the footer and help offer now (tests walk them against the grammar).
    pub fn keys(&self) -> Vec<KeyHelp> {
        match self.current().open_picker() {
            Some(p) => p.keys(),
            None => self.current().keys(),
        }
    }

    /// Whether typed characters go to a text field here (the unit picker's too).
    fn captures_text(&self) -> bool {
        self.current().captures_text() || self.current().open_picker().is_some()
    }

    /// Routes a key to the unit picker open on the screen; `None` when none is open.
    fn picker_key(&mut self, key: &KeyEvent) -> Option<Outcome> {
        let screen = self.screen.as_dyn_mut();
        let slot = screen.unit_picker()?;
        let picked = slot.as_mut()?.handle(key);
        Some(match picked {
            Picked::Unit(unit) => {
                *slot = None;
                screen.unit_chosen(unit)
            }
            Picked::Cancel => {
                *slot = None;
                Outcome::Changed
            }
            Picked::Changed => Outcome::Changed,
            Picked::Ignored => Outcome::Ignored,
        })
    }

    /// Whether the tab keys work here: not on the welcome screen, not where digits are
    /// typed or rated.
    fn tabs_work(&self) -> bool {
        !matches!(self.screen, Screen::Welcome(_))
            && !self.captures_text()
            && !self.current().binds_digits()
    }

    fn form_dirty(&self) -> bool {
        self.current().form().is_some_and(|f| f.is_dirty())
    }

    /// The key of a draft named `name` (a form's [`crate::screens::FormState::draft_name`]): drafts are
    /// kept per officer and session (`NAME/~TAG/name`), so that two sessions of one officer
    /// never write over each other's (issue 22; `live.rs` finds a draft of a session that
    /// ended).
    fn draft_key(&self, name: &str) -> String {
        format!("{}/{}/{name}", self.opts.actor, self.session_tag)
    }

    /// Handles one input from the terminal; returns whether anything on screen changed.
    ///
    /// No screen binds an Alt-key, so an Alt-key is what terminals, tmux and slow links make
    /// of Esc pressed quickly before a key: it acts as Esc, then the key.
    pub fn handle_input(&mut self, input: Input) -> bool {
        if self.too_small {
            return match input {
                Input::Key(key) if is_ctrl(&key, 'c') => self.handle_key(key),
                _ => false,
            };
        }
        match input {
            Input::Key(key) if key.modifiers.contains(KeyModifiers::ALT) => {
                let esc = self.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                if self.quit {
                    return true;
                }
                let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
                self.handle_key(plain) || esc
            }
            Input::Key(key) => self.handle_key(key),
            Input::Paste(text) => self.handle_paste(&text),
        }
    }

    /// Pasted text goes into the focused text field only (line breaks flattened, except in
    /// notes); anywhere else it is ignored with a message, never read as keys.
    pub fn handle_paste(&mut self, text: &str) -> bool {
        self.status = None;
        if self.help || self.confirm_quit {
            return false;
        }
        // One-line fields take it flattened; notes keep its lines (the form decides).
        let ui = self.ui;
        let screen = self.screen.as_dyn_mut();
        let outcome = match screen.unit_picker().and_then(|p| p.as_mut()) {
            Some(picker) => Some(picker.paste(text)),
            None => screen.paste(text, &ui),
        };
        match outcome {
            Some(Pasted::Whole) => {
                self.after_form_change();
                true
            }
            Some(Pasted::Cut(max)) => {
                self.after_form_change();
                let text = format!(
                    "{} {max} {}",
                    self.ui.t(T::PasteTooLong),
                    self.ui.t(T::Characters)
                );
                self.status = Some((text, true));
                true
            }
            None => {
                self.status = Some((self.ui.t(T::PasteIgnored).to_string(), true));
                true
            }
        }
    }

    /// The newest save this session has taken in: `serve` tells the other sessions when
    /// a key moved it (issue 22).
    pub fn change_mark(&self) -> Option<&[u8]> {
        self.seen_change.as_deref()
    }

    /// Handles one key; returns whether anything on screen changed.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let changed = self.take_key(key);
        // This session's own saves: taken in now, so that they are not news at the next
        // frame (the records they touch are read again, forms are not told).
        let synced = self.sync_records(true);
        // A screen gone back to (or done being typed into) that a save made stale.
        let refreshed = self.refresh_stale();
        synced || refreshed || changed
    }

    fn take_key(&mut self, key: KeyEvent) -> bool {
        if key.kind != KeyEventKind::Press {
            return false;
        }
        if let Some(answered) = self.answer_draft_offer(&key) {
            return answered;
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
            // Up and Down scroll a help taller than the screen; any other key closes it.
            let globals = help::globals(self.tabs_work(), self.current().tab());
            let lines = help::lines_of(&self.keys(), &globals);
            match key.code {
                KeyCode::Down | KeyCode::Char('j') if self.help_scroll + 1 < lines => {
                    self.help_scroll += 1
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    self.help_scroll = self.help_scroll.saturating_sub(1)
                }
                _ => self.help = false,
            }
            return true;
        }
        if key.code == KeyCode::F(1) || (key.code == KeyCode::Char('?') && !self.captures_text()) {
            self.help = true;
            self.help_scroll = 0;
            return true;
        }
        let ui = self.ui;
        let outcome = match self.picker_key(&key) {
            Some(outcome) => outcome,
            None => self.screen.as_dyn_mut().handle(key, &ui),
        };
        if outcome == Outcome::Changed && !self.after_form_change() {
            return true;
        }
        if outcome == Outcome::Ignored
            && self.tabs_work()
            && let Some(tab) = Tab::of_key(&key)
            && self.current().tab() != Some(tab)
        {
            return self.open_tab(tab);
        }
        // `q` quits from every screen that takes no text and no digits (a record too, not
        // only the tabs): one meaning everywhere. Forms and pickers keep their letters.
        if outcome == Outcome::Ignored
            && self.tabs_work()
            && Key::Char('q').matches(&key)
            && !self.form_dirty()
        {
            self.quit = true;
            return true;
        }
        self.carry_out(outcome) || had_status
    }

    /// Keeps the open form's draft in step with it: written while the form differs from
    /// what it was opened with, removed once it is back to that. Returns false when the
    /// store failed (the message is shown).
    fn after_form_change(&mut self) -> bool {
        // An offered draft that is not answered yet stays while the form is unchanged.
        let draft = self.current().form().and_then(|f| {
            let name = f.draft_name()?;
            (f.is_dirty() || !f.draft_unresolved()).then(|| {
                (
                    self.draft_key(&name),
                    f.is_dirty().then(|| f.draft_fields()),
                )
            })
        });
        let result = match draft {
            Some((key, Some(fields))) => self.store.save_draft(&key, fields),
            Some((key, None)) => self.store.delete_draft(&key),
            None => Ok(()),
        };
        match result {
            Ok(()) => true,
            Err(e) => {
                self.fail(e);
                false
            }
        }
    }

    /// Goes to a tab from anywhere its key works: back to the staff list at the bottom of
    /// the stack, then the tab over it (the list is tab 2 itself).
    fn open_tab(&mut self, tab: Tab) -> bool {
        self.show_list();
        let year = self.opts.today.year();
        match tab {
            Tab::Staff => true,
            Tab::Home => self.open_home(None),
            Tab::Training => self.open_training_tab(year, None),
            Tab::Report => self.open_report(year - 1, 0),
            Tab::Talent => self.open_talent(year - 1, None),
        }
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
        self.status = Some((
            crate::ui::errors::store_error_text_at(&self.ui, &e, self.store.path()),
            true,
        ));
        true
    }

    fn carry_out(&mut self, outcome: Outcome) -> bool {
        if let Some(why) = self.refused(&outcome) {
            self.status = Some((why, true));
            return true;
        }
        match outcome {
            Outcome::Ignored => false,
            Outcome::Changed => true,
            Outcome::Quit => {
                self.quit = true;
                true
            }
            Outcome::Unchanged => {
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                self.status = Some((self.ui.t(T::NoChanges).to_string(), false));
                true
            }
            Outcome::Back if matches!(&self.screen, Screen::Requirements(r) if r.changed()) => {
                self.leave_requirements()
            }
            Outcome::Back => {
                if let Screen::Quick(q) = &self.screen {
                    let text = format!("{} {}", q.saved_count(), self.ui.t(T::Evaluated));
                    self.status = Some((text, false));
                }
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                // Back on Kompetensi (from a record, or a group training saved only in
                // part): its gaps are counted again from the rows as they are now.
                if let Screen::Competency(c) = &self.screen {
                    let query = c.query().clone();
                    let status = self.status.take();
                    self.open_competencies(query);
                    self.status = status;
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
            Outcome::NewStaff => self.open_staff_form(None),
            Outcome::EditStaff(nip) => self.open_staff_form(Some(&nip)),
            Outcome::OpenEvaluation(nip, id) => self.open_evaluation(&nip, id),
            Outcome::QuickEntry => self.open_quick_entry(),
            Outcome::OpenTraining(nips, id) => self.open_training(nips, id),
            Outcome::LoadTrainingStats(year) => match self.training_stats_with_gaps(year) {
                Ok((held, partners)) => {
                    if let Screen::TrainingTab(t) = &mut self.screen {
                        t.set_stats(held, partners);
                    }
                    true
                }
                Err(e) => self.fail(e),
            },
            Outcome::TrainingYear(year, unit) => {
                let before = match self.stack.pop() {
                    Some(s) => Some(std::mem::replace(&mut self.screen, s)),
                    None => None,
                };
                let opened = self.open_training_tab(year, unit);
                // Another year or unit keeps the section one is on.
                if let (Screen::TrainingTab(now), Some(Screen::TrainingTab(before))) =
                    (&mut self.screen, before)
                    && let Some(load) = now.follow(&before)
                {
                    return self.carry_out(load);
                }
                opened
            }
            Outcome::HomeUnit(unit) => {
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                self.open_home(unit)
            }
            Outcome::SaveTraining(nips, t) => self.save_training(&nips, *t),
            Outcome::OpenCoaching(nip, id) => self.open_coaching(&nip, id),
            Outcome::SaveCoaching(nip, c) => self.save_coaching(&nip, *c),
            Outcome::DeleteCoaching(nip, id, revision) => self.delete_coaching(&nip, id, revision),
            Outcome::DeleteTraining(nip, id, revision) => {
                let actor = self.opts.actor.clone();
                match self.store.delete_training(&nip, id, revision, &actor) {
                    Ok(()) => {
                        let key = self.draft_key(&crate::screens::training_form::draft_name(
                            std::slice::from_ref(&nip),
                            Some(id),
                        ));
                        if let Err(e) = self.store.delete_draft(&key) {
                            return self.fail(e);
                        }
                        self.back_to_record(&nip, T::Deleted)
                    }
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
            Outcome::ToggleUnitHead(nip) => self.toggle_unit_head(&nip, false),
            Outcome::UndoUnitHead(nip) => self.toggle_unit_head(&nip, true),
            // No year after this one: nothing is evaluated there yet.
            Outcome::TalentView(year, _) if year > self.opts.today.year() || year < 1900 => true,
            Outcome::TalentView(year, unit) => self.open_talent(year, unit),
            Outcome::OpenPotential(nip) => self.open_potential(&nip),
            Outcome::SavePotential(nip, entry) => self.save_potential(&nip, &entry),
            Outcome::OpenContract(nip, mulai) => self.open_contract(&nip, mulai),
            Outcome::SaveContract(nip, replacing, c) => self.save_contract(&nip, replacing, &c),
            Outcome::DeleteContract(nip, mulai, revision) => {
                self.delete_contract(&nip, mulai, revision)
            }
            Outcome::OpenProfile(nip) => self.open_profile(&nip),
            Outcome::ExportProfile(nip) => self.export_profile(&nip),
            Outcome::PrintPerson(nip, doc) => self.print_person(&nip, doc),
            Outcome::PrintUnit(unit, period, doc) => self.print_unit(&unit, period, doc),
            Outcome::CompetencyView(query) => self.open_competencies(query),
            Outcome::TrainForCompetency(nips, id) => self.open_training_for(nips, &id),
            Outcome::QuickStart => self.start_quick_entry(),
            // No year after this one: nothing is evaluated there yet.
            Outcome::ReportYear(year) if year > self.opts.today.year() || year < 1900 => true,
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
                        let key = self.draft_key(&crate::screens::evaluation_form::draft_name(
                            &nip,
                            Some(id),
                        ));
                        let _ = self.store.delete_draft(&key);
                        self.back_to_record(&nip, T::Deleted)
                    }
                    Err(e) => self.fail(e),
                }
            }
            Outcome::DiscardDraft => {
                let key = self
                    .current()
                    .form()
                    .and_then(|f| f.draft_name())
                    .map(|name| self.draft_key(&name));
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
                    if !exists {
                        if let Err(e) = self.store.save_unit(&unit, &self.opts.actor) {
                            return self.fail(e);
                        }
                        if let Some(list) = self.list_mut() {
                            list.index_mut().set_unit_name(&unit.id, &unit.name);
                        }
                    }
                }
                self.save_staff(*staff)
            }
            Outcome::LoadDemo => self.load_demo(),
            Outcome::OpenPartners(year) => self.open_partners(year),
            Outcome::OpenPartner(year, id, name) => self.open_partner(year, &id, &name),
            // Counting reads every training: the partner's page is drawn first.
            Outcome::LoadPartnerClosed(..) => {
                self.deferred = Some(Deferred::PartnerClosed);
                true
            }
            Outcome::EditPartner(id, edit) => self.edit_partner(&id, edit),
            Outcome::SavePartner(p) => self.save_partner(*p),
            Outcome::OpenRequirements => self.open_requirements(),
            Outcome::SaveRequirement(old, new) => self.save_requirement(old.map(|o| *o), *new),
            Outcome::DeleteRequirement(r) => self.delete_requirement(*r),
            Outcome::OpenRealisation(unit) => self.open_realisation(&unit, None),
            Outcome::RealisationView(unit, period) => self.open_realisation(&unit, Some(period)),
            Outcome::SaveRealisasi(entry) => self.save_realisasi(*entry),
            Outcome::OpenSkp(nip, id) => self.open_skp(&nip, id),
            Outcome::EditSkp(nip, edit) => self.edit_skp(&nip, edit),
            Outcome::SaveSkp(nip, skp) => self.save_skp(&nip, *skp),
            Outcome::DeleteSkp(nip, id, revision) => self.delete_skp(&nip, id, revision),
            Outcome::SkpTemplate(nips) => self.open_skp_template(&nips),
            Outcome::SkpCascade(nip, id) => self.open_skp_cascade(&nip, id),
            Outcome::SaveSkpGroup(nips, skp) => self.defer_skp_group(nips, skp),
            Outcome::OpenKeberatan(nip, id) => self.open_keberatan(&nip, id),
            Outcome::SaveKeberatan(nip, e) => self.save_keberatan(&nip, *e),
            Outcome::EditCareer(nip, id) => self.edit_career(&nip, id),
            Outcome::SaveCareer(nip, entry) => self.save_career(&nip, &entry),
            Outcome::DeleteCareer(nip, id, revision) => self.delete_career(&nip, id, revision),
            Outcome::OpenPromotions(period, unit) => self.open_promotions(period, unit),
            Outcome::ExportPromotions(period, unit) => self.export_promotions(period, unit),
            Outcome::OpenAudit(query) => self.open_audit(query),
            Outcome::OpenOfficers => self.open_officers(),
            Outcome::OfficerChange(change) => self.change_officer(change),
            Outcome::SaveOfficer(o, creating) => self.save_officer_form(*o, creating),
        }
    }

    /// Most people a quick entry takes at once; a longer list is narrowed first.
    const QUICK_LIMIT: usize = 1000;

    fn push(&mut self, screen: Screen) {
        let below = std::mem::replace(&mut self.screen, screen);
        self.stack.push(below);
    }

    /// What waits for the frame to be on the screen: the tab data a build replaced is let
    /// go of. The loop calls it after each draw.
    pub fn after_frame(&mut self) {
        self.retired = None;
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        let ui = self.ui;
        self.too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
        if self.too_small {
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
        let current = self.current().tab();
        let welcome = matches!(self.screen, Screen::Welcome(_));
        let who = match (&self.opts.officer, self.opts.remote) {
            (Some(o), true) => Some((o.name.as_str(), o.role.label())),
            _ => None,
        };
        draw_header(frame, header, &ui, current, welcome, self.opts.today, who);

        self.screen.as_dyn_mut().draw(frame, body, &ui);
        if let Some(picker) = self.current().open_picker() {
            picker.draw(frame, body, &ui);
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
            let title = ui.t(self.current().title());
            let tabs = self.tabs_work();
            let globals = help::globals(tabs, self.current().tab());
            help::draw(frame, body, &ui, title, &keys, &globals, self.help_scroll);
        }
    }
}

/// The header line: the program's name, the tabs (the current one marked), and the date, or
/// over SSH the officer's name and role (`who`) before it where they fit.
fn draw_header(
    frame: &mut Frame,
    header: Rect,
    ui: &Ui,
    current: Option<Tab>,
    welcome: bool,
    today: jiff::civil::Date,
    who: Option<(&str, &str)>,
) {
    let tab = |active: bool| {
        if active {
            ui.theme.selected()
        } else {
            ui.theme.header()
        }
    };
    // The tabs' own padding separates them: five tabs and the date fit 80 columns.
    let mut left = vec![Span::styled(" kinerja ", ui.theme.title())];
    for t in TABS.iter().filter(|t| t.on_welcome || !welcome) {
        let label = format!(" {} {} ", t.key.label(ui.theme.ascii), ui.t(t.name));
        left.push(Span::styled(label, tab(current == Some(t.tab))));
    }
    let used: usize = left.iter().map(|s| s.content.chars().count()).sum();
    // The date where it fits (the tab names of 80 columns come first). Over SSH the
    // officer's name and role come first (who is working here), the date beside them
    // when both fit.
    let date = crate::domain::format_date(today);
    let room = (header.width as usize).saturating_sub(used + 1);
    let date = match who {
        Some((name, role)) => {
            let sep = ui.theme.sym("·", "/");
            let long = format!("{name} ({role})");
            let short = format!("{name}{sep}{role}");
            let width = |t: &str| t.chars().count();
            if width(&long) + 2 + date.len() <= room {
                format!("{long}  {date}")
            } else if width(&long) <= room {
                long
            } else if width(&short) <= room {
                short
            } else {
                name.chars().take(room).collect()
            }
        }
        None if date.len() <= room => date,
        None => String::new(),
    };
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(
        (header.width as usize).saturating_sub(used + date.chars().count() + 1),
    )));
    spans.push(Span::styled(date, ui.theme.muted()));
    frame.render_widget(Paragraph::new(Line::from(spans)), header);
}

/// The frame drawn before the database is open (issue 23: draw before the work): the
/// header with Beranda and, where Beranda's first line comes, which database is opening.
/// Shape: the whole area; below 80x24 it says so, as every frame does.
pub fn draw_opening(frame: &mut Frame, ui: &Ui, today: jiff::civil::Date, db_label: &str) {
    let Some(body) = opening_frame(frame, ui, today) else {
        return;
    };
    // Where Beranda's first line comes, in the same place: nothing jumps when it does.
    let text = format!("{} {}", ui.t(T::OpeningDatabase), ui.theme.text(db_label));
    frame.render_widget(
        Paragraph::new(Line::styled(text, ui.theme.muted())),
        Rect::new(body.x, body.y, body.width, 1),
    );
}

/// Beranda drawn from counts kept in the screens' view (`Shared::from_view`) while the
/// database still opens: the tab bar and Beranda's body exactly as the screens' first
/// frame draws them, without the key line, which waits for the screens.
pub fn draw_opening_home(frame: &mut Frame, ui: &Ui, today: jiff::civil::Date, home: &HomeData) {
    let Some(body) = opening_frame(frame, ui, today) else {
        return;
    };
    let mut screen = Home::new(home.clone());
    ScreenTrait::draw(&mut screen, frame, body, ui);
}

/// The staff list drawn from the rows of the screens' view (`Shared::from_view`) while
/// the database still opens, after `2` was typed on Beranda drawn early: the tab bar and
/// the list exactly as the screens draw them once they handle that key, without the key
/// line. Only for a view of a database without officers (whose scope would narrow the
/// list), as Beranda's early frame.
pub fn draw_opening_list(frame: &mut Frame, ui: &Ui, today: jiff::civil::Date, shared: &Shared) {
    let Some(body) = opening_frame_of(frame, ui, today, Tab::Staff) else {
        return;
    };
    let mut screen = StaffList::new(StaffIndex::view(shared.staff.clone()), false);
    ScreenTrait::draw(&mut screen, frame, body, ui);
}

/// The opening frames' header (Beranda's tab) and the body's area under it; on a
/// terminal too small for the screens, the line that says so instead, and `None`.
fn opening_frame(frame: &mut Frame, ui: &Ui, today: jiff::civil::Date) -> Option<Rect> {
    opening_frame_of(frame, ui, today, Tab::Home)
}

/// [`opening_frame`] with `tab` marked.
fn opening_frame_of(
    frame: &mut Frame,
    ui: &Ui,
    today: jiff::civil::Date,
    tab: Tab,
) -> Option<Rect> {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let y = area.height / 2;
        let line = Rect::new(area.x, area.y + y, area.width, 1.min(area.height));
        frame.render_widget(Paragraph::new(ui.t(T::TooSmall)).centered(), line);
        return None;
    }
    let [header, body, _foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, ui, Some(tab), false, today, None);
    Some(body)
}
