//! Penilaian cepat (`E` on the staff list): one period and one evaluator for the listed
//! staff, then per person `1`/`2`/`3` for Hasil Kerja, `1`/`2`/`3` for Perilaku, `Enter` to
//! save and go to the next person not yet evaluated. Each person is saved as it goes.

use super::evaluation_form::{Candidate, People};
use super::{Outcome, Screen};
use crate::domain::{Evaluation, Nip, Period, PeriodKind, PersonAtTime, Rating, predikat};
use crate::ui::form::{Field, Form, FormEvent};
use crate::ui::keys::Key;
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Pasted, Ui, fit, is_ctrl, key};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Someone on the list, and whether the period is already evaluated for them.
#[derive(Debug, Clone)]
pub struct QuickPerson {
    pub nip: String,
    pub name: String,
    pub unit: String,
    /// A PPPK, whose NI PPPK is spaced its own way (issue 21).
    pub pppk: bool,
    pub evaluated: bool,
}

/// A setup as the officer left it: the app offers it again to the next quick entry of the
/// same session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuickSetup {
    pub year: String,
    /// The index of the period kind (Tahunan, Triwulan I .. IV).
    pub kind: Option<usize>,
    pub evaluator: String,
    pub evaluator_nip: String,
}

/// A search or unit filter left on the staff list, shown in the setup so the officer knows
/// who will be rated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Everyone the list may show, whatever the filter.
    pub total: usize,
    pub query: String,
    /// The unit's name.
    pub unit: Option<String>,
}

const YEAR: &str = "tahun";
const KIND: &str = "periode";
const EVALUATOR: &str = "penilai";
const EVALUATOR_NIP: &str = "penilai_nip";

enum Phase {
    /// The period and evaluator, on the form engine.
    Setup,
    Entry {
        at: usize,
        hasil: Option<Rating>,
        perilaku: Option<Rating>,
    },
    /// Before the first save of a period that has not ended: `y` saves the person at
    /// `at`, any other key goes back to the setup.
    Confirm {
        at: usize,
        hasil: Rating,
        perilaku: Rating,
    },
    Done,
}

const SETUP_KEYS: [KeyHelp; 6] = [
    key(
        &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::Down)],
        T::KeyNextField,
        true,
    ),
    key(
        &[Key::Code(KeyCode::BackTab), Key::Code(KeyCode::Up)],
        T::KeyPrevField,
        false,
    ),
    key(
        &[Key::Code(KeyCode::Left), Key::Code(KeyCode::Right)],
        T::KeyChoose,
        false,
    ),
    key(
        &[Key::Code(KeyCode::Enter), Key::Code(KeyCode::F(2))],
        T::KeyStart,
        true,
    ),
    key(&[Key::Code(KeyCode::Esc)], T::KeyBack, true),
    key(&[Key::Code(KeyCode::F(1))], T::KeyHelp, true),
];

const ENTRY_KEYS: [KeyHelp; 5] = [
    key(
        &[Key::Char('1'), Key::Char('2'), Key::Char('3')],
        T::KeyRate,
        true,
    ),
    key(&[Key::Code(KeyCode::Backspace)], T::KeyUndo, false),
    key(&[Key::Code(KeyCode::Enter)], T::KeySaveNext, true),
    key(&[Key::Code(KeyCode::Right)], T::KeySkip, true),
    key(&[Key::Code(KeyCode::Esc)], T::KeyStop, true),
];

const CONFIRM_KEYS: [KeyHelp; 2] = [
    key(&[Key::Char('y')], T::Yes, true),
    key(&[Key::Code(KeyCode::Esc)], T::KeyBackToSetup, true),
];

const DONE_KEYS: [KeyHelp; 2] = [
    key(&[Key::Char('r')], T::KeyRateSkipped, true),
    key(
        &[Key::Code(KeyCode::Enter), Key::Code(KeyCode::Esc)],
        T::KeyBack,
        true,
    ),
];

pub struct QuickEntry {
    people: Vec<QuickPerson>,
    kinds: Vec<PeriodKind>,
    setup: Form,
    candidates: People,
    /// The evaluator on offer: (NIP spaced the way of their kind, name).
    suggested: Option<(String, String)>,
    today: Date,
    phase: Phase,
    /// The period not ended yet that the officer said yes to: asked once, not per save.
    provisional_ok: Option<Period>,
    saved: usize,
    filter: ListFilter,
    /// Who has no SKP for the period (by position in `people`): said, never in the way.
    no_skp: Vec<bool>,
    pub error: Option<String>,
}

impl QuickEntry {
    pub fn new(people: Vec<QuickPerson>, candidates: People, today: Date, ui: &Ui) -> QuickEntry {
        let mut kinds = vec![PeriodKind::Tahunan];
        kinds.extend((1..=4).map(PeriodKind::Triwulan));
        let labels = kinds
            .iter()
            .map(|k| crate::ui::labels::period_kind_text(*k, ui.lang))
            .collect();
        let fields = vec![
            Field::digits(
                YEAR,
                ui.t(T::FieldYear),
                4,
                false,
                &(today.year() - 1).to_string(),
            ),
            Field::choice(KIND, ui.t(T::PeriodKind), labels, Some(0)),
            Field::suggest(EVALUATOR, ui.t(T::Evaluator), 100, "").width(30),
            Field::digits(EVALUATOR_NIP, ui.t(T::EvaluatorNip), 23, true, ""),
        ];
        QuickEntry {
            people,
            kinds,
            setup: Form::new(ui.t(T::QuickEntry), fields, true),
            suggested: None,
            candidates,
            today,
            phase: Phase::Setup,
            provisional_ok: None,
            saved: 0,
            filter: ListFilter::default(),
            no_skp: Vec::new(),
            error: None,
        }
    }

    /// The staff list's search and unit filter, named in the setup.
    pub fn filtered(&mut self, filter: ListFilter) {
        self.filter = filter;
    }

    /// The setup's line about who is listed: the filter left on the list, if any.
    fn listed_line(&self, ui: &Ui) -> String {
        let f = &self.filter;
        let query = f.query.trim();
        if query.is_empty() && f.unit.is_none() {
            return format!(" {} {}", self.people.len(), ui.t(T::QuickListed));
        }
        let mut parts = Vec::new();
        if !query.is_empty() {
            parts.push(format!(
                "{} `{}`",
                ui.t(T::QuickFilterSearch),
                fit(ui, query, 20)
            ));
        }
        if let Some(unit) = &f.unit {
            parts.push(format!(
                "{} {}",
                ui.t(T::QuickFilterUnit),
                fit(ui, unit, 30)
            ));
        }
        let counts = ui
            .t(T::QuickFiltered)
            .replace("{shown}", &self.people.len().to_string())
            .replace("{total}", &f.total.to_string());
        format!(" {counts}: {}", parts.join(", "))
    }

    /// The setup as filled in, for the app to remember.
    pub fn setup_values(&self) -> QuickSetup {
        QuickSetup {
            year: self.setup.text(YEAR),
            kind: self.setup.choice(KIND),
            evaluator: self.setup.text(EVALUATOR),
            evaluator_nip: self.setup.text(EVALUATOR_NIP),
        }
    }

    /// Fills the setup with the one the officer used last in this session.
    pub fn remember(&mut self, setup: &QuickSetup, ui: &Ui) {
        self.setup.set_text(YEAR, &setup.year);
        self.setup.set_choice(KIND, setup.kind);
        self.setup.set_text(EVALUATOR, &setup.evaluator);
        self.setup.set_text(EVALUATOR_NIP, &setup.evaluator_nip);
        self.refresh(ui);
    }

    /// The period chosen in the setup; people are checked against it by `app/`.
    pub fn period(&self) -> Option<Period> {
        let year = self.setup.text(YEAR).trim().parse().ok()?;
        Period::new(year, *self.kinds.get(self.setup.choice(KIND)?)?)
    }

    fn evaluator_nip(&self) -> Option<Nip> {
        let text = self.setup.text(EVALUATOR_NIP);
        let text = text.trim();
        Nip::parse(text)
            .or_else(|_| Nip::parse_as(text, crate::domain::EmploymentKind::Pppk))
            .ok()
    }

    /// Recomputes the setup's suggestion and problems.
    fn refresh(&mut self, ui: &Ui) {
        self.suggested = self.suggestion().map(|c| (c.nip_spaced(), c.name.clone()));
        self.setup.field_mut(EVALUATOR).suggestion =
            self.suggested.as_ref().map(|(_, n)| n.clone());
        let mut problems = Vec::new();
        match self.period() {
            None => problems.push((YEAR, ui.t(T::ErrPeriod).to_string())),
            Some(p) if p.is_future(self.today) => {
                problems.push((KIND, ui.t(T::ErrFuturePeriod).to_string()))
            }
            _ => {}
        }
        // Every evaluation names its pejabat penilai (DOMAIN.md): a name always.
        if crate::domain::text::clean_line(&self.setup.text(EVALUATOR)).is_empty() {
            problems.push((EVALUATOR, ui.t(T::ErrNoEvaluator).to_string()));
        }
        let nip = self.setup.text(EVALUATOR_NIP);
        if !nip.trim().is_empty() && self.evaluator_nip().is_none() {
            problems.push((EVALUATOR_NIP, ui.t(T::ErrNip).to_string()));
        }
        self.setup.set_problems(problems);
    }

    pub fn in_setup(&self) -> bool {
        matches!(self.phase, Phase::Setup)
    }

    /// Marks who already has an evaluation for the chosen period (from `app/`), then starts.
    pub fn start(&mut self, evaluated: &[bool]) {
        for (p, e) in self.people.iter_mut().zip(evaluated) {
            p.evaluated = *e;
        }
        self.phase = Phase::Entry {
            at: 0,
            hasil: None,
            perilaku: None,
        };
        self.advance_from(0);
    }

    fn advance_from(&mut self, from: usize) {
        match (from..self.people.len()).find(|i| !self.people[*i].evaluated) {
            Some(at) => {
                self.phase = Phase::Entry {
                    at,
                    hasil: None,
                    perilaku: None,
                }
            }
            None => self.phase = Phase::Done,
        }
    }

    /// Who has an SKP for the chosen period (from `app/`, by position): the others are
    /// rated all the same, with a line saying the period has no SKP (older years, imports).
    pub fn set_plans(&mut self, has_skp: &[bool]) {
        self.no_skp = has_skp.iter().map(|h| !h).collect();
    }

    /// The person at `at` was saved: count them and go on.
    pub fn saved(&mut self) {
        if let Phase::Entry { at, .. } = self.phase {
            self.people[at].evaluated = true;
            self.saved += 1;
            self.advance_from(at + 1);
        }
    }

    pub fn nips(&self) -> Vec<String> {
        self.people.iter().map(|p| p.nip.clone()).collect()
    }

    /// The person at hand turned out to be evaluated already: go on without counting.
    pub fn skip_taken(&mut self) {
        if let Phase::Entry { at, .. } = self.phase {
            self.people[at].evaluated = true;
            self.advance_from(at + 1);
        }
    }

    pub fn saved_count(&self) -> usize {
        self.saved
    }

    /// Who is listed and still has no evaluation for the period: at the end, the skipped.
    fn unevaluated(&self) -> usize {
        self.people.iter().filter(|p| !p.evaluated).count()
    }

    fn suggestion(&self) -> Option<&Candidate> {
        let typed = self.setup.text(EVALUATOR);
        let q = typed.trim().to_lowercase();
        if q.chars().count() < 2 || self.evaluator_nip().is_some() {
            return None;
        }
        self.candidates
            .iter()
            .find(|c| c.lower.contains(&q) || c.nip.starts_with(&q))
    }

    fn handle_setup(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        let taking = self.setup.focus_id() == EVALUATOR && self.suggested.is_some();
        let start = (key.code == KeyCode::Enter && !taking)
            || key.code == KeyCode::F(2)
            || is_ctrl(&key, 's');
        if start {
            self.refresh(ui);
            if self.setup.first_problem().is_some() {
                self.setup.refuse_save();
                return Outcome::Changed;
            }
            return Outcome::QuickStart;
        }
        if key.code == KeyCode::Esc {
            return Outcome::Back;
        }
        let outcome = match self.setup.handle(key) {
            FormEvent::Ignored => Outcome::Ignored,
            FormEvent::Took(_) => {
                if let Some((spaced, _)) = &self.suggested {
                    self.setup.set_text(EVALUATOR_NIP, spaced);
                }
                Outcome::Changed
            }
            _ => Outcome::Changed,
        };
        self.refresh(ui);
        outcome
    }

    fn handle_entry(&mut self, key: KeyEvent) -> Outcome {
        let Phase::Entry {
            at,
            hasil,
            perilaku,
        } = self.phase
        else {
            return Outcome::Ignored;
        };
        let set = |h: Option<Rating>, p: Option<Rating>| Phase::Entry {
            at,
            hasil: h,
            perilaku: p,
        };
        match key.code {
            KeyCode::Esc => Outcome::Back,
            KeyCode::Char(c @ '1'..='3') => {
                let r = Rating::from_code(c as u8 - b'0');
                self.phase = if hasil.is_none() {
                    set(r, None)
                } else {
                    set(hasil, r)
                };
                Outcome::Changed
            }
            KeyCode::Backspace => {
                self.phase = if perilaku.is_some() {
                    set(hasil, None)
                } else {
                    set(None, None)
                };
                Outcome::Changed
            }
            KeyCode::Right => {
                self.advance_from(at + 1);
                Outcome::Changed
            }
            KeyCode::Enter => {
                let (Some(h), Some(p), Some(period)) = (hasil, perilaku, self.period()) else {
                    return Outcome::Ignored;
                };
                // DOMAIN.md: a period not ended yet is unusual: ask, once.
                if period.is_provisional(self.today) && self.provisional_ok != Some(period) {
                    self.phase = Phase::Confirm {
                        at,
                        hasil: h,
                        perilaku: p,
                    };
                    return Outcome::Changed;
                }
                self.save(at, h, p, period)
            }
            _ => Outcome::Ignored,
        }
    }
}

impl QuickEntry {
    /// The evaluation of the person at `at`, for `app/` to save.
    fn save(&self, at: usize, hasil: Rating, perilaku: Rating, period: Period) -> Outcome {
        let person = &self.people[at];
        let name = crate::domain::text::clean_line(&self.setup.text(EVALUATOR));
        // Nobody evaluates themself: the evaluator's own row gets none.
        let penilai = match &self.evaluator_nip() {
            Some(nip) if nip.as_str() == person.nip => None,
            Some(nip) => Some(PersonAtTime {
                nip: Some(nip.clone()),
                nama: name,
                ..Default::default()
            }),
            None if !name.is_empty() => Some(PersonAtTime {
                nip: None,
                nama: name,
                ..Default::default()
            }),
            None => None,
        };
        let e = Evaluation {
            id: 0,
            period,
            hasil_kerja: hasil,
            perilaku,
            berakhlak: Default::default(),
            penilai,
            atasan_penilai: None,
            catatan: String::new(),
            revision: 0,
            diterima: None,
            keberatan: None,
            pegawai: None,
        };
        Outcome::QuickSave(person.nip.clone(), Box::new(e))
    }

    /// The answer to the question about a period not ended: `y` saves and is not asked
    /// again for this period; any other key goes back to the setup to change it.
    fn handle_confirm(
        &mut self,
        key: KeyEvent,
        at: usize,
        hasil: Rating,
        perilaku: Rating,
    ) -> Outcome {
        match (key.code, self.period()) {
            (KeyCode::Char('y' | 'Y'), Some(period)) => {
                self.provisional_ok = Some(period);
                self.phase = Phase::Entry {
                    at,
                    hasil: Some(hasil),
                    perilaku: Some(perilaku),
                };
                self.save(at, hasil, perilaku, period)
            }
            _ => {
                self.phase = Phase::Setup;
                Outcome::Changed
            }
        }
    }
}

impl Screen for QuickEntry {
    fn keys(&self) -> Vec<KeyHelp> {
        match self.phase {
            Phase::Setup => SETUP_KEYS.to_vec(),
            // `r` goes back to the skipped only when someone was skipped.
            Phase::Done if self.unevaluated() == 0 => DONE_KEYS[1..].to_vec(),
            Phase::Done => DONE_KEYS.to_vec(),
            Phase::Confirm { .. } => CONFIRM_KEYS.to_vec(),
            _ => ENTRY_KEYS.to_vec(),
        }
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        self.error = None;
        if let Phase::Setup = self.phase {
            return self.handle_setup(key, ui);
        }
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Outcome::Ignored;
        }
        match &mut self.phase {
            Phase::Setup => Outcome::Ignored,
            Phase::Entry { .. } => self.handle_entry(key),
            Phase::Confirm {
                at,
                hasil,
                perilaku,
            } => {
                let (at, hasil, perilaku) = (*at, *hasil, *perilaku);
                self.handle_confirm(key, at, hasil, perilaku)
            }
            Phase::Done => match key.code {
                KeyCode::Esc | KeyCode::Enter => Outcome::Back,
                // Again from the top: only the skipped are still without an evaluation.
                KeyCode::Char('r') if self.unevaluated() > 0 => {
                    self.advance_from(0);
                    Outcome::Changed
                }
                _ => Outcome::Ignored,
            },
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if let Phase::Setup = self.phase {
            let above = vec![
                Line::raw(self.listed_line(ui)),
                Line::styled(format!(" {}", ui.t(T::QuickHint)), ui.theme.muted()),
            ];
            self.setup.draw(frame, area, ui, above);
            return;
        }
        let period = self.period().map_or("-".to_string(), |p| {
            crate::ui::labels::period_text(p, ui.lang)
        });
        let evaluated = self.people.iter().filter(|p| p.evaluated).count();
        let title = format!(
            " {} {} {} / {} ",
            ui.t(T::QuickEntry),
            period,
            evaluated,
            self.people.len()
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(title, ui.theme.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let mut lines = vec![Line::raw("")];
        match &self.phase {
            // Drawn by the form engine above.
            Phase::Setup => {}
            Phase::Entry { .. } | Phase::Confirm { .. } => {
                let (at, hasil, perilaku, asking) = match self.phase {
                    Phase::Confirm {
                        at,
                        hasil,
                        perilaku,
                    } => (at, Some(hasil), Some(perilaku), true),
                    Phase::Entry {
                        at,
                        hasil,
                        perilaku,
                    } => (at, hasil, perilaku, false),
                    _ => return,
                };
                let (hasil, perilaku) = (&hasil, &perilaku);
                let p = &self.people[at];
                lines.push(Line::styled(
                    format!("  {}", fit(ui, &p.name, 70)),
                    ui.theme.title(),
                ));
                lines.push(Line::raw(format!(
                    "  {}   {}",
                    crate::domain::summary::spaced_nip_of(&p.nip, p.pppk),
                    fit(ui, &p.unit, 40)
                )));
                // Issue 19: the period has no plan to rate against; rating goes on.
                if self.no_skp.get(at).copied().unwrap_or(false) {
                    lines.push(Line::styled(
                        format!("  {}", ui.t(T::NoSkpForPeriod)),
                        ui.theme.muted(),
                    ));
                } else {
                    lines.push(Line::raw(""));
                }
                let show = |r: &Option<Rating>| {
                    r.map_or("_".to_string(), |r| {
                        format!(
                            "{} {}",
                            r.code(),
                            crate::ui::labels::rating_text(r, ui.lang)
                        )
                    })
                };
                let current = if hasil.is_none() { 0 } else { 1 };
                let mark = |i: usize| {
                    if current == i && perilaku.is_none() {
                        ui.theme.sym("▶ ", "> ")
                    } else {
                        "  "
                    }
                };
                lines.push(Line::from(vec![
                    Span::styled(mark(0), ui.theme.key()),
                    Span::styled(format!("{:<18}", ui.t(T::HasilKerja)), ui.theme.muted()),
                    Span::raw(show(hasil)),
                ]));
                lines.push(Line::from(vec![
                    Span::styled(mark(1), ui.theme.key()),
                    Span::styled(format!("{:<18}", ui.t(T::Perilaku)), ui.theme.muted()),
                    Span::raw(show(perilaku)),
                ]));
                // DOMAIN.md: a predikat of a period not ended yet is provisional: marked.
                let provisional = self.period().is_some_and(|p| p.is_provisional(self.today));
                let pred = match (hasil, perilaku) {
                    (Some(h), Some(pr)) => {
                        let x = predikat(*h, *pr);
                        let mark = if provisional { "*" } else { "" };
                        Span::styled(
                            format!("{}{mark}", x.label()),
                            ui.theme.predikat(x).add_modifier(Modifier::BOLD),
                        )
                    }
                    _ => Span::styled("-", ui.theme.muted()),
                };
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(format!("{:<18}", ui.t(T::Predikat)), ui.theme.muted()),
                    pred,
                ]));
                if provisional {
                    lines.push(Line::styled(
                        format!("  {}", ui.t(T::ProvisionalMark)),
                        ui.theme.muted(),
                    ));
                }
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    format!(
                        "  {} {} / {}",
                        ui.t(T::Evaluated),
                        evaluated,
                        self.people.len()
                    ),
                    ui.theme.key(),
                ));
                if asking {
                    lines.push(Line::raw(""));
                    for line in ui.t(T::QuickConfirmProvisional).lines() {
                        lines.push(Line::styled(format!("  {line}"), ui.theme.key()));
                    }
                }
                if let Some(e) = &self.error {
                    lines.push(Line::styled(
                        format!("  {}", ui.theme.text(e)),
                        ui.theme.error(),
                    ));
                }
            }
            Phase::Done => {
                let skipped = self.unevaluated();
                if skipped == 0 {
                    lines.push(Line::styled(
                        format!("  {}", ui.t(T::QuickDone)),
                        ui.theme.ok(),
                    ));
                } else {
                    lines.push(Line::styled(
                        format!("  {}", ui.t(T::QuickDoneSkipped)),
                        ui.theme.title(),
                    ));
                    let counts = ui
                        .t(T::QuickSkippedCount)
                        .replace("{evaluated}", &evaluated.to_string())
                        .replace("{skipped}", &skipped.to_string());
                    lines.push(Line::raw(format!("  {counts}")));
                    lines.push(Line::from(vec![
                        Span::styled("  r ", ui.theme.key()),
                        Span::styled(ui.t(T::KeyRateSkipped), ui.theme.muted()),
                    ]));
                }
                // DOMAIN.md: a period not ended yet is provisional; say how many.
                if self.saved > 0 && self.period().is_some_and(|p| p.is_provisional(self.today)) {
                    lines.push(Line::styled(
                        format!("  {} {}", self.saved, ui.t(T::QuickProvisional)),
                        ui.theme.muted(),
                    ));
                }
                lines.push(Line::raw(format!(
                    "  {} {} / {}",
                    ui.t(T::Evaluated),
                    evaluated,
                    self.people.len()
                )));
            }
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    /// Pasted text goes into the setup's focused text field; never into the ratings.
    fn paste(&mut self, text: &str, ui: &Ui) -> Option<Pasted> {
        match self.phase {
            Phase::Setup => {
                let pasted = self.setup.paste(text);
                self.refresh(ui);
                pasted
            }
            _ => None,
        }
    }

    fn title(&self) -> T {
        T::QuickEntry
    }

    /// Digits rate there: a stray 4 never leaves quick entry.
    fn captures_text(&self) -> bool {
        true
    }
}
