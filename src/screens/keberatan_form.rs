//! The objection screen (keberatan, PP 30/2019 Pasal 59; `o` on an evaluation row of the
//! staff record), on the form engine: the day the employee received the result (when the
//! evaluation does not have it yet), the objection (the day it was filed and its reasons),
//! the evaluator's explanation (text and day), and the atasan's decision (kept, or changed
//! with the new Hasil Kerja and Perilaku ratings; who decided, when, a note). Above the
//! fields: the result objected to and the one decided; under them: the evaluation's
//! history, so every step stays in sight.
//!
//! The domain decides what is refused and what is only a warning
//! ([`Keberatan::validate`]): a decision by the person who objected is refused; a filing
//! after the 14 days, or a decision by the evaluator, is shown as a warning before the save
//! and saved by a second Ctrl-S. Saving asks `app/` for [`Outcome::SaveKeberatan`], which
//! the store validates again and applies: the decided ratings replace the evaluation's,
//! the original stays in the objection.

use super::staff_record::{HistoryRow, action_text};
use super::{FormSpec, FormState, Outcome, Screen};
use crate::domain::keberatan::{KEBERATAN_DAYS, days_after, last_day, same_person};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{
    EmploymentKind, Evaluation, HasilKeputusan, Keberatan, KeberatanError, KeberatanStatus,
    KeberatanWarning, Keputusan, Nip, PersonAtTime, Predikat, Rating, format_date, parse_date,
    predikat,
};
use crate::ui::form::{Field, Form};
use crate::ui::keys::Key;
use crate::ui::labels::{keberatan_status_text, period_text, rating_short};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Pasted, Ui, fit};
use crossterm::event::{KeyCode, KeyEvent};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

const RECEIVED: &str = "diterima";
const FILED: &str = "diajukan";
const REASONS: &str = "alasan";
const EXPLAINED_ON: &str = "penjelasan_tanggal";
const EXPLANATION: &str = "penjelasan";
const DECISION: &str = "keputusan";
const HASIL: &str = "hasil_kerja";
const PERILAKU: &str = "perilaku";
const NEW_PREDIKAT: &str = "predikat_baru";
const DECIDER: &str = "oleh";
const DECIDER_NIP: &str = "oleh_nip";
const DECIDED_ON: &str = "keputusan_tanggal";
const NOTE: &str = "catatan";

/// The decision field's options, in this order.
const NOT_DECIDED: usize = 0;
const KEPT: usize = 1;
const CHANGED: usize = 2;

/// The history lines under the form at most (the newest).
const HISTORY_SHOWN: usize = 3;

/// The objection form of one evaluation of one person.
pub struct KeberatanForm {
    /// Whose evaluation (NIP digits): the person who objects, who may not decide.
    pub nip: String,
    name: String,
    /// The evaluation as stored when the screen opened.
    original: Evaluation,
    today: Date,
    /// Why this officer may only read (`None`: the officer may record the steps).
    read_only: Option<String>,
    /// The warnings a second Ctrl-S confirmed, and those shown at the last Ctrl-S with
    /// the values they are about ([`KeberatanForm::warned_values`]).
    confirmed: Vec<KeberatanWarning>,
    asked: Option<(Vec<KeberatanWarning>, Vec<String>)>,
    form: Form,
}

impl KeberatanForm {
    /// The form for the evaluation `original` of the person `nip` (`name` shown above it),
    /// with its objection's steps so far.
    pub fn new(nip: &str, name: &str, original: Evaluation, today: Date, ui: &Ui) -> KeberatanForm {
        let k = original.keberatan.as_ref();
        let decision = k.and_then(|k| k.keputusan.as_ref());
        let date = |d: Option<Date>| d.map_or(String::new(), format_date);
        let (new_hasil, new_perilaku) = match decision.map(|d| d.hasil) {
            Some(HasilKeputusan::Diubah {
                hasil_kerja,
                perilaku,
            }) => (Some(hasil_kerja), Some(perilaku)),
            _ => (None, None),
        };
        let decision_i = match decision.map(|d| d.hasil) {
            None => NOT_DECIDED,
            Some(HasilKeputusan::Tetap) => KEPT,
            Some(HasilKeputusan::Diubah { .. }) => CHANGED,
        };
        let decider = decision.map(|d| &d.oleh);
        let fields = vec![
            // The 14 days run from this day: set once, fixed once an objection counts on it.
            Field::date(RECEIVED, ui.t(T::KbReceived), &date(original.diterima))
                .locked(original.diterima.is_some() && k.is_some()),
            Field::heading("h_keberatan", ui.t(T::KbHeadingFiled)),
            Field::date(FILED, ui.t(T::KbFiledOn), &date(k.map(|k| k.diajukan))),
            Field::notes(
                REASONS,
                ui.t(T::KbReasons),
                2000,
                k.map_or("", |k| &k.alasan),
            ),
            Field::heading("h_penjelasan", ui.t(T::KbHeadingExplained)),
            Field::date(
                EXPLAINED_ON,
                ui.t(T::KbExplainedOn),
                &date(k.and_then(|k| k.penjelasan_tanggal)),
            ),
            Field::notes(
                EXPLANATION,
                ui.t(T::KbExplanation),
                2000,
                k.map_or("", |k| &k.penjelasan),
            ),
            Field::heading("h_keputusan", ui.t(T::KbHeadingDecision)),
            Field::choice(
                DECISION,
                ui.t(T::KbDecision),
                [T::KbNotDecided, T::KbKept, T::KbChanged]
                    .iter()
                    .map(|t| ui.t(*t).to_string())
                    .collect(),
                Some(decision_i),
            ),
            Field::rating(HASIL, ui.t(T::HasilKerja), false, new_hasil),
            Field::rating(PERILAKU, ui.t(T::Perilaku), false, new_perilaku),
            Field::info(NEW_PREDIKAT, ui.t(T::KbNewPredikat)),
            Field::text(
                DECIDER,
                ui.t(T::KbDecidedBy),
                100,
                decider.map_or("", |d| &d.nama),
            )
            .width(30),
            Field::digits(
                DECIDER_NIP,
                ui.t(T::KbDeciderNip),
                23,
                true,
                &decider
                    .and_then(|d| d.nip.as_ref())
                    .map_or(String::new(), |n| n.to_string()),
            ),
            Field::date(
                DECIDED_ON,
                ui.t(T::KbDecidedOn),
                &date(decision.map(|d| d.tanggal)),
            ),
            Field::notes(
                NOTE,
                ui.t(T::KbNote),
                2000,
                decision.map_or("", |d| &d.catatan),
            ),
        ];
        let mut form = KeberatanForm {
            nip: nip.to_string(),
            name: name.to_string(),
            original,
            today,
            read_only: None,
            confirmed: Vec::new(),
            asked: None,
            form: Form::new(ui.t(T::KbTitle), fields, false),
        };
        form.refresh(ui);
        // The first step not taken yet has the focus: once explained, the decision (its
        // fields are all filled or hidden until decided); else the first empty field.
        match form.original.keberatan.as_ref().map(|k| k.status()) {
            Some(KeberatanStatus::Dijelaskan) => form.form.focus_on(DECISION),
            _ => form.form.focus_first_empty(),
        }
        form.form.mark_clean();
        form
    }

    /// The officer may only read (a viewer, or a penilai of another unit): `why` is said
    /// when a change is tried; the fields can still be moved through to read them.
    pub fn read_only(mut self, why: String) -> KeberatanForm {
        self.read_only = Some(why);
        self
    }

    /// The evaluation's id, for the draft's name and the app.
    pub fn evaluation_id(&self) -> u32 {
        self.original.id
    }

    fn date_of(&self, id: &str) -> Option<Date> {
        parse_date(&self.form.text(id))
    }

    fn filled(&self, id: &str) -> bool {
        !self.form.text(id).trim().is_empty()
    }

    fn decision(&self) -> usize {
        self.form.choice(DECISION).unwrap_or(NOT_DECIDED)
    }

    /// Whether the form records an objection: the original had one, or a step is filled.
    fn has_objection(&self) -> bool {
        self.original.keberatan.is_some()
            || [FILED, REASONS, EXPLAINED_ON, EXPLANATION]
                .iter()
                .any(|id| self.filled(id))
            || self.decision() != NOT_DECIDED
    }

    /// The decider's NIP: empty, a PNS NIP, or failing that an NI PPPK.
    fn decider_nip(&self) -> Result<Option<Nip>, crate::domain::NipError> {
        let text = self.form.text(DECIDER_NIP);
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Nip::parse(text)
            .or_else(|e| Nip::parse_as(text, EmploymentKind::Pppk).map_err(|_| e))
            .map(Some)
    }

    /// The ratings objected to: kept in the objection once filed, else the evaluation's.
    fn asal(&self) -> (Rating, Rating) {
        match &self.original.keberatan {
            Some(k) => (k.asal_hasil_kerja, k.asal_perilaku),
            None => (self.original.hasil_kerja, self.original.perilaku),
        }
    }

    /// The atasan who decided: the evaluation's atasan (with rank, position and unit as
    /// recorded there) when the typed name or NIP is theirs, else who was typed.
    fn decider(&self) -> Option<PersonAtTime> {
        let typed = PersonAtTime {
            nip: self.decider_nip().ok()?,
            nama: clean_line(&self.form.text(DECIDER)),
            ..Default::default()
        };
        Some(match &self.original.atasan_penilai {
            Some(a) if same_person(a, &typed) => PersonAtTime {
                nip: typed.nip.clone().or(a.nip.clone()),
                nama: typed.nama,
                ..a.clone()
            },
            _ => typed,
        })
    }

    /// The objection the fields describe (`None` while a date cannot be read or a step
    /// misses what it needs), or `Ok(None)` when the form records none.
    fn keberatan(&self) -> Result<Option<Keberatan>, ()> {
        if !self.has_objection() {
            return Ok(None);
        }
        let diajukan = self.date_of(FILED).ok_or(())?;
        let penjelasan_tanggal = match self.filled(EXPLAINED_ON) {
            true => Some(self.date_of(EXPLAINED_ON).ok_or(())?),
            false => None,
        };
        let keputusan = match self.decision() {
            NOT_DECIDED => None,
            d => Some(Keputusan {
                tanggal: self.date_of(DECIDED_ON).ok_or(())?,
                oleh: self.decider().ok_or(())?,
                hasil: if d == CHANGED {
                    HasilKeputusan::Diubah {
                        hasil_kerja: self.form.rating(HASIL).ok_or(())?,
                        perilaku: self.form.rating(PERILAKU).ok_or(())?,
                    }
                } else {
                    HasilKeputusan::Tetap
                },
                catatan: clean_multiline(&self.form.text(NOTE)),
            }),
        };
        let (asal_hasil_kerja, asal_perilaku) = self.asal();
        Ok(Some(Keberatan {
            diajukan,
            alasan: clean_multiline(&self.form.text(REASONS)),
            asal_hasil_kerja,
            asal_perilaku,
            penjelasan: clean_multiline(&self.form.text(EXPLANATION)),
            penjelasan_tanggal,
            keputusan,
        }))
    }

    /// The evaluation as it would be saved: the day received, the objection, and the
    /// ratings it decides (the store applies them again).
    fn evaluation(&self) -> Option<Evaluation> {
        let mut e = self.original.clone();
        e.diterima = match self.filled(RECEIVED) {
            true => Some(self.date_of(RECEIVED)?),
            false => None,
        };
        Some(match self.keberatan().ok()? {
            Some(k) => e.with_keberatan(k),
            None => {
                e.keberatan = None;
                e
            }
        })
    }

    /// What the domain says of the objection as the fields describe it: refusals, or the
    /// warnings to confirm.
    fn checked(&self) -> Option<Result<Vec<KeberatanWarning>, KeberatanError>> {
        let e = self.evaluation()?;
        let k = e.keberatan.as_ref()?;
        Some(k.validate(&e, &self.nip))
    }

    /// The values a warning is about, as typed: the days (a late filing) and the decider
    /// (a decision by the evaluator). A confirmation holds while they stay as warned.
    fn warned_values(&self) -> Vec<String> {
        [RECEIVED, FILED, DECIDER, DECIDER_NIP]
            .iter()
            .map(|id| self.form.text(id).trim().to_string())
            .collect()
    }

    fn warnings(&self) -> Vec<KeberatanWarning> {
        match self.checked() {
            Some(Ok(w)) => w,
            _ => Vec::new(),
        }
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let date_problem = |id: &str| {
            if !self.filled(id) {
                ui.t(T::Required).to_string()
            } else if crate::domain::looks_like_date(&self.form.text(id)) {
                ui.t(T::ErrNoSuchDate).to_string()
            } else {
                ui.t(T::ErrDate).to_string()
            }
        };
        // A date that must be read when given, and not after today.
        let dated = |id: &'static str, required: bool, out: &mut Vec<_>| {
            let d = self.date_of(id);
            match d {
                None if required || self.filled(id) => out.push((id, date_problem(id))),
                Some(d) if d > self.today => out.push((id, ui.t(T::ErrAfterToday).to_string())),
                _ => {}
            }
            d
        };
        let objection = self.has_objection();
        let received = dated(RECEIVED, false, &mut out);
        if objection && !self.filled(RECEIVED) {
            out.push((RECEIVED, ui.t(T::KbNeedReceived).to_string()));
        }
        if !objection {
            return out;
        }
        let filed = dated(FILED, true, &mut out);
        if let (Some(r), Some(f)) = (received, filed)
            && f < r
        {
            out.push((FILED, ui.t(T::KbBeforeReceived).to_string()));
        }
        if clean_multiline(&self.form.text(REASONS)).is_empty() {
            out.push((REASONS, ui.t(T::Required).to_string()));
        }
        let explanation = !clean_multiline(&self.form.text(EXPLANATION)).is_empty();
        let explained = dated(EXPLAINED_ON, explanation, &mut out);
        if let (Some(e), Some(f)) = (explained, filed)
            && e < f
        {
            out.push((EXPLAINED_ON, ui.t(T::KbBeforeFiled).to_string()));
        }
        if explained.is_some() && !explanation {
            out.push((EXPLANATION, ui.t(T::Required).to_string()));
        }
        let decision = self.decision();
        if decision == NOT_DECIDED {
            return out;
        }
        if decision == CHANGED {
            for id in [HASIL, PERILAKU] {
                if self.form.rating(id).is_none() {
                    out.push((id, ui.t(T::NotChosen).to_string()));
                }
            }
        }
        if clean_line(&self.form.text(DECIDER)).is_empty() {
            out.push((DECIDER, ui.t(T::KbNeedDecider).to_string()));
        }
        match self.decider_nip() {
            Err(e) => out.push((DECIDER_NIP, crate::ui::errors::nip_error_text(ui, &e))),
            // PP 30/2019 Pasal 59: the atasan decides; the person who objected never does.
            Ok(Some(n)) if n.as_str() == self.nip => {
                out.push((DECIDER_NIP, ui.t(T::KbDecidedByPerson).to_string()))
            }
            Ok(_) => {}
        }
        let decided = dated(DECIDED_ON, true, &mut out);
        if let (Some(d), Some(f)) = (decided, filed)
            && d < f
        {
            out.push((DECIDED_ON, ui.t(T::KbBeforeFiled).to_string()));
        }
        out
    }

    /// The domain's refusals not caught above, on the field they are about, and the
    /// warnings not confirmed yet by a second Ctrl-S.
    fn domain_problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        match self.checked() {
            Some(Err(e)) => {
                let (id, t) = match e {
                    KeberatanError::NoReasons => (REASONS, T::Required),
                    KeberatanError::NotReceived => (RECEIVED, T::KbNeedReceived),
                    KeberatanError::BeforeReceived => (FILED, T::KbBeforeReceived),
                    KeberatanError::DecidedBeforeFiled => (DECIDED_ON, T::KbBeforeFiled),
                    KeberatanError::DecidedByPerson => (DECIDER_NIP, T::KbDecidedByPerson),
                    KeberatanError::NoDecider => (DECIDER, T::KbNeedDecider),
                    KeberatanError::AlreadyFiled => (FILED, T::KbAlreadyFiled),
                };
                vec![(id, ui.t(t).to_string())]
            }
            Some(Ok(w)) if !w.is_empty() && w != self.confirmed => w
                .iter()
                .map(|w| match w {
                    KeberatanWarning::Late(days) => (
                        FILED,
                        ui.t(T::KbWarnLate).replace("{days}", &days.to_string()),
                    ),
                    KeberatanWarning::DecidedByEvaluator => {
                        (DECIDER, ui.t(T::KbWarnByEvaluator).to_string())
                    }
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The day of the 14 the filing falls on, or where the last day is: a note beside the
    /// dates, so the window is in sight before a save.
    fn notes(&mut self, ui: &Ui) {
        let received = self.date_of(RECEIVED);
        self.form.field_mut(RECEIVED).note = received.map(|r| {
            ui.t(T::KbLastDay)
                .replace("{date}", &format_date(last_day(r)))
                .replace("{days}", &KEBERATAN_DAYS.to_string())
        });
        self.form.field_mut(FILED).note = match (received, self.date_of(FILED)) {
            (Some(r), Some(f)) if f >= r => {
                let day = days_after(r, f);
                let text = if day > KEBERATAN_DAYS {
                    T::KbDayLate
                } else {
                    T::KbDayOf
                };
                Some(
                    ui.t(text)
                        .replace("{day}", &day.to_string())
                        .replace("{days}", &KEBERATAN_DAYS.to_string()),
                )
            }
            _ => None,
        };
    }

    /// Shows the fields of the decision chosen: the new ratings only when it changes the
    /// result, who decided only once decided.
    fn show_decision_fields(&mut self, ui: &Ui) {
        let decision = self.decision();
        for id in [HASIL, PERILAKU, NEW_PREDIKAT] {
            self.form.field_mut(id).hidden = decision != CHANGED;
        }
        for id in [DECIDER, DECIDER_NIP, DECIDED_ON, NOTE] {
            self.form.field_mut(id).hidden = decision == NOT_DECIDED;
        }
        let text = match (self.form.rating(HASIL), self.form.rating(PERILAKU)) {
            (Some(h), Some(p)) => predikat(h, p).label().to_string(),
            _ => "-".to_string(),
        };
        let style = match (self.form.rating(HASIL), self.form.rating(PERILAKU)) {
            (Some(h), Some(p)) => ui.theme.predikat(predikat(h, p)),
            _ => ui.theme.muted(),
        };
        self.form.set_info(NEW_PREDIKAT, text, style);
    }

    /// The predikat the form decides now: the changed ratings, the original when kept,
    /// `None` while not decided.
    fn decided_predikat(&self) -> Option<Predikat> {
        match self.decision() {
            KEPT => {
                let (h, p) = self.asal();
                Some(predikat(h, p))
            }
            CHANGED => Some(predikat(
                self.form.rating(HASIL)?,
                self.form.rating(PERILAKU)?,
            )),
            _ => None,
        }
    }
}

/// The draft's name of an objection form, after the officer's prefix.
pub fn draft_name(nip: &str, evaluation: u32) -> String {
    format!("keberatan/{nip}/{evaluation}")
}

impl FormSpec for KeberatanForm {
    type Record = Evaluation;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        T::KbTitle
    }

    fn draft_id(&self) -> String {
        draft_name(&self.nip, self.original.id)
    }

    fn revision(&self) -> u64 {
        self.original.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.original.revision = revision;
    }

    fn refresh(&mut self, ui: &Ui) {
        self.show_decision_fields(ui);
        self.notes(ui);
        let mut problems = self.problems(ui);
        if problems.is_empty() {
            problems = self.domain_problems(ui);
        }
        // A problem with the filing day says it all: its note would repeat it.
        if problems.iter().any(|(id, _)| *id == FILED) {
            self.form.field_mut(FILED).note = None;
        }
        self.form.set_problems(problems);
    }

    /// A second Ctrl-S with the same warnings saves them (a late filing, a decision by the
    /// evaluator): allowed, after they were seen. Edits in between keep the question
    /// answered while the values warned about stay as they were (a reason typed on, say);
    /// another date or decider asks again.
    fn before_save(&mut self, ui: &Ui) {
        let warnings = self.warnings();
        let asked = (warnings.clone(), self.warned_values());
        if self.asked.as_ref() == Some(&asked) {
            self.confirmed = warnings.clone();
        }
        self.refresh(ui);
        let unconfirmed = !warnings.is_empty() && warnings != self.confirmed;
        self.asked = unconfirmed.then_some(asked);
    }

    fn build(&self) -> Option<Evaluation> {
        self.evaluation()
    }

    fn save_outcome(&self, e: Evaluation) -> Outcome {
        Outcome::SaveKeberatan(self.nip.clone(), Box::new(e))
    }

    /// Read-only: only the keys that move through the fields (and Esc, help).
    fn own_key(&mut self, key: KeyEvent, _ui: &Ui) -> Option<Outcome> {
        let why = self.read_only.as_ref()?;
        // Enter would start a new line in a note: only Tab and the arrows move.
        let moves = key.modifiers.is_empty()
            && matches!(
                key.code,
                KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down | KeyCode::Esc
            )
            || key.code == KeyCode::BackTab;
        if moves {
            return None;
        }
        self.form.error = Some(why.clone());
        Some(Outcome::Changed)
    }

    fn edited(&mut self, id: &'static str, ui: &Ui) -> Outcome {
        // Deciding offers the evaluation's atasan as the decider, and today.
        if id == DECISION && self.decision() != NOT_DECIDED {
            if !self.filled(DECIDER)
                && let Some(a) = self.original.atasan_penilai.clone()
            {
                self.form.set_text(DECIDER, &a.nama);
                if let Some(n) = &a.nip {
                    self.form.set_text(DECIDER_NIP, &n.to_string());
                }
            }
            if !self.filled(DECIDED_ON) {
                self.form.set_text(DECIDED_ON, &format_date(self.today));
            }
        }
        // The warnings asked about are asked again only when what they are about changed
        // (`before_save` compares the values).
        self.refresh(ui);
        Outcome::Changed
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let e = &self.original;
        let (h, p) = self.asal();
        let result = |label: T, pred: Option<Predikat>, ratings: Option<(Rating, Rating)>| {
            let mut spans = vec![Span::styled(
                format!(" {:<18}", ui.t(label)),
                ui.theme.muted(),
            )];
            match pred {
                Some(pr) => {
                    spans.push(Span::styled(pr.label(), ui.theme.predikat(pr)));
                    if let Some((h, p)) = ratings {
                        spans.push(Span::raw(format!(
                            " ({} {}, {} {})",
                            ui.t(T::HasilKerja),
                            rating_short(h, ui.lang),
                            ui.t(T::Perilaku),
                            rating_short(p, ui.lang)
                        )));
                    }
                }
                None => spans.push(Span::styled(
                    format!("- ({})", ui.t(T::KbNotDecided)),
                    ui.theme.muted(),
                )),
            }
            Line::from(spans)
        };
        let decided_ratings = match self.decision() {
            KEPT => Some((h, p)),
            CHANGED => self.form.rating(HASIL).zip(self.form.rating(PERILAKU)),
            _ => None,
        };
        let status = match &e.keberatan {
            Some(k) => keberatan_status_text(k.status(), ui).to_string(),
            None => ui.t(T::KbNone).to_string(),
        };
        let head = format!(
            " {} {} {}",
            self.name,
            ui.theme.sym("·", "-"),
            period_text(e.period, ui.lang)
        );
        vec![
            Line::from(vec![
                Span::styled(fit(ui, &head, width.saturating_sub(20)), ui.theme.header()),
                Span::styled(format!("  {}: {status}", ui.t(T::Status)), ui.theme.muted()),
            ]),
            result(T::KbOriginal, Some(predikat(h, p)), Some((h, p))),
            result(T::KbDecidedResult, self.decided_predikat(), decided_ratings),
        ]
    }
}

/// The objection screen: the form, and under it the evaluation's history (who saved which
/// step when, from the audit trail).
pub struct KeberatanScreen {
    pub form: KeberatanForm,
    /// The evaluation's audit entries, newest first.
    history: Vec<HistoryRow>,
}

impl KeberatanScreen {
    /// `history`: the evaluation's changes (`Store::audit_of`), newest first.
    pub fn new(form: KeberatanForm, history: Vec<HistoryRow>) -> KeberatanScreen {
        KeberatanScreen { form, history }
    }

    fn history_lines(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let mut lines = vec![Line::styled(
            format!(" {} ({})", ui.t(T::KbHistory), self.history.len()),
            ui.theme.header(),
        )];
        if self.history.is_empty() {
            lines.push(Line::styled(
                format!(" {}", ui.t(T::NoHistory)),
                ui.theme.muted(),
            ));
        }
        // Every line is this evaluation's: its period is said once, above.
        let period = format!("{}: ", self.form.original.period);
        for h in self.history.iter().take(HISTORY_SHOWN) {
            let summary = h
                .entry
                .summary
                .strip_prefix(&period)
                .unwrap_or(&h.entry.summary);
            // The day is enough here: the record's Riwayat has the time.
            let text = format!(
                " {:<10} {:<8} {:<7} {}",
                h.when.get(..10).unwrap_or(&h.when),
                fit(ui, &h.entry.actor, 8),
                ui.t(action_text(h.entry.action)),
                ui.theme.text(summary)
            );
            lines.push(Line::raw(fit(ui, &text, width)));
        }
        lines
    }
}

impl Screen for KeberatanScreen {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = self.form.keys();
        if self.form.read_only.is_some() {
            keys.retain(|k| {
                matches!(
                    k.action,
                    T::KeyNextField | T::KeyPrevField | T::KeyCancel | T::KeyHelp
                ) || k.keys.contains(&Key::Code(KeyCode::Esc))
            });
        }
        keys
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        self.form.handle(key, ui)
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let shown = self.history.len().clamp(1, HISTORY_SHOWN) as u16 + 1;
        let [form, history] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(shown + 1)]).areas(area);
        self.form.draw(frame, form, ui);
        let block = Block::default()
            .borders(Borders::TOP)
            .border_set(ui.theme.border());
        let inner = block.inner(history);
        frame.render_widget(block, history);
        frame.render_widget(
            Paragraph::new(self.history_lines(ui, inner.width as usize)),
            inner,
        );
    }

    fn title(&self) -> T {
        T::KbTitle
    }

    fn captures_text(&self) -> bool {
        true
    }

    fn paste(&mut self, text: &str, ui: &Ui) -> Option<Pasted> {
        if self.form.read_only.is_some() {
            return None;
        }
        self.form.paste(text, ui)
    }

    fn form(&self) -> Option<&dyn FormState> {
        Some(&self.form)
    }

    fn form_mut(&mut self) -> Option<&mut dyn FormState> {
        Some(&mut self.form)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Period;
    use crossterm::event::KeyModifiers;
    use jiff::civil::date;

    const NIP: &str = "198503302010012002";

    fn evaluation() -> Evaluation {
        Evaluation {
            id: 3,
            period: Period::annual(2025),
            hasil_kerja: Rating::DiBawah,
            perilaku: Rating::Sesuai,
            berakhlak: Default::default(),
            penilai: Some(PersonAtTime::named("Bu Penilai", None)),
            atasan_penilai: Some(PersonAtTime::named("Pak Atasan", None)),
            catatan: String::new(),
            diterima: Some(date(2026, 1, 10)),
            pegawai: None,
            keberatan: None,
            revision: 2,
        }
    }

    fn press(f: &mut KeberatanForm, code: KeyCode, ui: &Ui) -> Outcome {
        f.handle(KeyEvent::new(code, KeyModifiers::NONE), ui)
    }

    fn ctrl_s(f: &mut KeberatanForm, ui: &Ui) -> Outcome {
        f.handle(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), ui)
    }

    fn type_in(f: &mut KeberatanForm, id: &str, text: &str, ui: &Ui) {
        f.form.focus_on(id);
        for c in text.chars() {
            press(f, KeyCode::Char(c), ui);
        }
    }

    fn filed_on(day: &str, ui: &Ui) -> KeberatanForm {
        let mut f = KeberatanForm::new(NIP, "Rina", evaluation(), date(2026, 11, 28), ui);
        type_in(&mut f, FILED, day, ui);
        type_in(&mut f, REASONS, "Target tidak realistis", ui);
        f
    }

    #[test]
    fn the_fourteenth_day_saves_at_once_and_the_fifteenth_asks_once_more() {
        let ui = Ui::default();
        let mut f = filed_on("2026-01-24", &ui);
        match ctrl_s(&mut f, &ui) {
            Outcome::SaveKeberatan(nip, e) => {
                assert_eq!(nip, NIP);
                let k = e.keberatan.expect("filed");
                assert_eq!(k.diajukan, date(2026, 1, 24));
                assert_eq!(k.asal_hasil_kerja, Rating::DiBawah);
            }
            o => panic!("day 14 saves: {o:?}"),
        }
        let mut f = filed_on("2026-01-25", &ui);
        assert_eq!(ctrl_s(&mut f, &ui), Outcome::Changed, "day 15 warns first");
        let shown = f
            .form
            .first_problem()
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        assert!(shown.contains("15"), "{shown}");
        assert!(matches!(ctrl_s(&mut f, &ui), Outcome::SaveKeberatan(..)));
    }

    #[test]
    fn the_person_cannot_decide_and_the_evaluator_deciding_is_a_warning() {
        let ui = Ui::default();
        let mut f = filed_on("2026-01-12", &ui);
        f.form.focus_on(DECISION);
        press(&mut f, KeyCode::Right, &ui);
        assert_eq!(f.form.text(DECIDER), "Pak Atasan", "the atasan is offered");
        assert_eq!(f.form.text(DECIDED_ON), "2026-11-28");
        f.form.focus_on(DECIDER_NIP);
        for c in NIP.chars() {
            press(&mut f, KeyCode::Char(c), &ui);
        }
        assert_eq!(ctrl_s(&mut f, &ui), Outcome::Changed);
        assert_eq!(
            ctrl_s(&mut f, &ui),
            Outcome::Changed,
            "refused, not a warning"
        );
        assert_eq!(f.form.first_problem().map(|(id, _)| *id), Some(DECIDER_NIP));
        // The evaluator deciding: a warning; a second Ctrl-S saves it.
        f.form.set_text(DECIDER_NIP, "");
        f.form.set_text(DECIDER, "Bu Penilai");
        f.refresh(&ui);
        assert_eq!(ctrl_s(&mut f, &ui), Outcome::Changed);
        match ctrl_s(&mut f, &ui) {
            Outcome::SaveKeberatan(_, e) => {
                assert_eq!(e.predikat(), Predikat::ButuhPerbaikan, "kept");
                let k = e.keberatan.expect("objection");
                assert_eq!(k.keputusan.map(|d| d.hasil), Some(HasilKeputusan::Tetap));
            }
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn a_changed_decision_needs_both_ratings_and_replaces_the_result() {
        let ui = Ui::default();
        let mut f = filed_on("2026-01-12", &ui);
        assert!(f.form.field(HASIL).hidden, "no new ratings before deciding");
        f.form.focus_on(DECISION);
        press(&mut f, KeyCode::Right, &ui);
        press(&mut f, KeyCode::Right, &ui);
        assert!(!f.form.field(HASIL).hidden);
        assert_eq!(ctrl_s(&mut f, &ui), Outcome::Changed, "ratings not chosen");
        f.form.focus_on(HASIL);
        press(&mut f, KeyCode::Char('2'), &ui);
        press(&mut f, KeyCode::Char('2'), &ui);
        match ctrl_s(&mut f, &ui) {
            Outcome::SaveKeberatan(_, e) => {
                assert_eq!(e.predikat(), Predikat::Baik);
                let k = e.keberatan.expect("objection");
                assert_eq!(k.asal_predikat(), Predikat::ButuhPerbaikan);
            }
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn a_viewer_moves_through_the_steps_but_changes_nothing() {
        let ui = Ui::default();
        let mut f = KeberatanForm::new(NIP, "Rina", evaluation(), date(2026, 11, 28), &ui)
            .read_only("hanya membaca".into());
        press(&mut f, KeyCode::Char('2'), &ui);
        assert!(!f.form.is_dirty());
        assert_eq!(f.form.error.as_deref(), Some("hanya membaca"));
        assert_eq!(ctrl_s(&mut f, &ui), Outcome::Changed);
        assert_eq!(press(&mut f, KeyCode::Tab, &ui), Outcome::Changed);
    }
}
