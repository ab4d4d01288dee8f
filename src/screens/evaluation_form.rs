//! The evaluation form (`e` on a staff record, `Enter` on an evaluation row), on the form
//! engine: period, evaluator (suggested), Hasil Kerja, the seven BerAKHLAK aspects,
//! Perilaku Kerja (suggested from the aspects until the officer sets it), the predikat live
//! from the matrix, each aspect's feedback as its own field, and notes. Ratings chosen by
//! number move on, so a complete annual evaluation is a handful of keys. The period of an
//! existing evaluation is shown, never edited: no path moves an evaluation to another
//! period.

use super::{FormState, Outcome, Screen};
use crate::domain::evaluation::suggest_perilaku;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{
    Aspek, AspekPenilaian, Evaluation, Evaluator, Nip, Period, PeriodKind, Rating, predikat,
};
use crate::ui::form::{Field, Form, FormEvent, draft_revision};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Pasted, Ui, fit};
use crossterm::event::KeyEvent;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use std::sync::Arc;

/// Staff that can be picked as evaluator: (NIP digits, name, name in lowercase).
pub type People = Arc<Vec<(String, String, String)>>;

/// What a new evaluation most likely is for: last year's annual one, else the newest
/// quarter that has started, else this year's annual one; the first not yet evaluated.
fn default_period(taken: &[(Period, u32)], today: Date) -> Option<Period> {
    let y = today.year();
    let mut candidates = vec![Period::annual(y - 1)];
    candidates.extend(
        (1..=4u8)
            .rev()
            .filter_map(|q| Period::new(y, PeriodKind::Triwulan(q))),
    );
    candidates.push(Period::annual(y));
    candidates
        .into_iter()
        .filter(|p| !p.is_future(today))
        .find(|p| !taken.iter().any(|(t, _)| t == p))
}

/// Period kinds in the order of the choice: annual, four quarters, twelve months.
fn period_kinds() -> Vec<PeriodKind> {
    let mut v = vec![PeriodKind::Tahunan];
    v.extend((1..=4).map(PeriodKind::Triwulan));
    v.extend((1..=12).map(PeriodKind::Bulanan));
    v
}

fn kind_label(k: PeriodKind) -> String {
    match Period::new(2000, k) {
        Some(p) => p.to_string().replace(" 2000", "").replace("/2000", ""),
        None => String::new(),
    }
}

const YEAR: &str = "tahun";
const KIND: &str = "periode";
const EVALUATOR: &str = "penilai";
const EVALUATOR_NIP: &str = "penilai_nip";
const ATASAN: &str = "atasan";
const ATASAN_NIP: &str = "atasan_nip";
const HASIL: &str = "hasil_kerja";
const PERILAKU: &str = "perilaku";
const PREDIKAT: &str = "predikat";
const NOTES: &str = "catatan";

/// Draft names of the aspect ratings and their feedback, in `Aspek::ALL` order.
const ASPEK_IDS: [&str; 7] = [
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
];
const FEEDBACK_IDS: [&str; 7] = [
    "berorientasi_pelayanan_umpan_balik",
    "akuntabel_umpan_balik",
    "kompeten_umpan_balik",
    "harmonis_umpan_balik",
    "loyal_umpan_balik",
    "adaptif_umpan_balik",
    "kolaboratif_umpan_balik",
];

pub struct EvaluationForm {
    pub nip: String,
    original: Option<Evaluation>,
    /// The person's other evaluations, to find a period that is taken.
    taken: Vec<(Period, u32)>,
    today: Date,
    people: People,
    /// The evaluator of the person's latest evaluation: offered while the field is empty.
    last_evaluator: Option<Evaluator>,
    /// The person's NIP as a number, for the period's check against the appointment.
    person_nip: Option<Nip>,
    /// The suggestion on offer: (NIP digits, name).
    suggested: Option<(String, String)>,
    /// Ekspektasi khusus per aspect: kept as they were (edited in a later version).
    ekspektasi: [String; 7],
    /// The officer set Perilaku; stop following the aspects.
    perilaku_set: bool,
    /// A period not ended yet that the officer confirmed (a second Ctrl-S) to save as
    /// provisional.
    provisional_ok: Option<Period>,
    /// The period the confirmation question was shown for, at the last Ctrl-S.
    provisional_asked: Option<Period>,
    /// The person's periodic evaluations (period, predikat), to set an annual one against.
    periodic: Vec<(Period, crate::domain::Predikat)>,
    /// The unit the person heads, if any: its rating proposes their Hasil Kerja.
    head_of: Option<crate::domain::Unit>,
    /// The period whose proposal was put into an empty Hasil Kerja, so it is put once.
    proposed_for: Option<Period>,
    form: Form,
}

impl EvaluationForm {
    pub fn new(
        nip: &str,
        person: &str,
        original: Option<Evaluation>,
        taken: Vec<(Period, u32)>,
        today: Date,
        people: People,
        ui: &Ui,
    ) -> EvaluationForm {
        let o = original.as_ref();
        let kinds = period_kinds();
        let period = o
            .map(|e| e.period)
            .or_else(|| default_period(&taken, today));
        let kind_i = period.and_then(|p| kinds.iter().position(|k| *k == p.kind));
        let year = period.map_or(today.year() - 1, |p| p.year);
        let penilai = o.and_then(|e| e.penilai.clone());
        let existing = o.is_some();
        let mut fields = vec![
            Field::digits(YEAR, ui.t(T::FieldYear), 4, false, &year.to_string()).locked(existing),
            Field::choice(
                KIND,
                ui.t(T::Period),
                kinds.iter().map(|k| kind_label(*k)).collect(),
                kind_i.or(Some(0)),
            )
            .locked(existing),
            Field::suggest(
                EVALUATOR,
                ui.t(T::Evaluator),
                100,
                penilai.as_ref().map_or("", |p| &p.nama),
            )
            .width(30),
            Field::digits(
                EVALUATOR_NIP,
                ui.t(T::EvaluatorNip),
                23,
                true,
                &penilai
                    .as_ref()
                    .and_then(|p| p.nip.as_ref())
                    .map_or(String::new(), |n| n.to_string()),
            ),
            Field::text(
                ATASAN,
                ui.t(T::Atasan),
                100,
                o.and_then(|e| e.atasan_penilai.as_ref())
                    .map_or("", |a| &a.nama),
            )
            .width(30),
            Field::digits(
                ATASAN_NIP,
                ui.t(T::AtasanNip),
                23,
                true,
                &o.and_then(|e| e.atasan_penilai.as_ref())
                    .and_then(|a| a.nip.as_ref())
                    .map_or(String::new(), |n| n.to_string()),
            ),
            Field::rating(HASIL, ui.t(T::HasilKerja), false, o.map(|e| e.hasil_kerja)),
            Field::heading("aspek", ui.t(T::AspectsHeading)),
        ];
        for (i, a) in Aspek::ALL.iter().enumerate() {
            fields.push(Field::rating(
                ASPEK_IDS[i],
                format!("  {}", a.label()),
                true,
                o.and_then(|e| e.aspek[i].rating),
            ));
        }
        fields.push(Field::rating(
            PERILAKU,
            ui.t(T::Perilaku),
            false,
            o.map(|e| e.perilaku),
        ));
        fields.push(Field::info(PREDIKAT, ui.t(T::Predikat)).width(52));
        fields.push(Field::heading("umpan_balik", ui.t(T::FeedbackHeading)));
        for (i, a) in Aspek::ALL.iter().enumerate() {
            fields.push(
                Field::text(
                    FEEDBACK_IDS[i],
                    format!("  {}", a.label()),
                    500,
                    o.map_or("", |e| &e.aspek[i].umpan_balik),
                )
                .width(50),
            );
        }
        fields.push(Field::notes(
            NOTES,
            ui.t(T::Notes),
            4000,
            o.map_or("", |e| &e.catatan),
        ));
        let title = format!(
            "{}: {}",
            ui.t(if existing {
                T::EditEvaluation
            } else {
                T::NewEvaluation
            }),
            fit(ui, person, 40)
        );
        let mut ekspektasi: [String; 7] = Default::default();
        if let Some(e) = o {
            for (i, x) in ekspektasi.iter_mut().enumerate() {
                *x = e.aspek[i].ekspektasi.clone();
            }
        }
        let mut form = EvaluationForm {
            nip: nip.to_string(),
            taken,
            today,
            people,
            last_evaluator: None,
            person_nip: None,
            suggested: None,
            ekspektasi,
            perilaku_set: existing,
            // An existing provisional evaluation was confirmed when it was first saved.
            provisional_ok: o.map(|e| e.period),
            provisional_asked: None,
            periodic: Vec::new(),
            head_of: None,
            proposed_for: None,
            form: Form::new(title, fields, !existing).with_delete(T::DeleteAsk),
            original,
        };
        form.form.focus_first_empty();
        form.refresh(ui);
        form
    }

    /// Offers this evaluator while the field is empty (the person's latest one).
    pub fn set_last_evaluator(&mut self, e: Option<Evaluator>, ui: &Ui) {
        self.last_evaluator = e;
        self.refresh(ui);
    }

    /// The person's NIP, so a period before the appointment is refused.
    pub fn set_person_nip(&mut self, nip: Nip, ui: &Ui) {
        self.person_nip = Some(nip);
        self.refresh(ui);
    }

    /// This form was opened in place of a new one for a period already evaluated.
    pub fn mark_reopened(&mut self, ui: &Ui) {
        self.form.notice = Some(ui.t(T::PeriodOpened).to_string());
    }

    pub fn is_new(&self) -> bool {
        self.original.is_none()
    }

    pub fn id(&self) -> Option<u32> {
        self.original.as_ref().map(|e| e.id)
    }

    /// Whether the form is asking a question (the next key answers it).
    pub fn asking(&self) -> bool {
        self.form.asking()
    }

    pub fn set_error(&mut self, message: String) {
        self.form.error = Some(message);
    }

    /// Offers back a draft kept from an earlier session.
    pub fn offer_draft(&mut self, when: String, fields: Vec<(String, String)>) {
        let current = self.original.as_ref().map_or(0, |e| e.revision);
        self.form.offer_draft(when, fields, current);
    }

    fn period(&self) -> Option<Period> {
        let year = self.form.text(YEAR).trim().parse::<i16>().ok()?;
        let kind = self
            .form
            .choice(KIND)
            .and_then(|i| period_kinds().get(i).copied())?;
        Period::new(year, kind)
    }

    fn evaluator_nip(&self) -> Result<Option<Nip>, crate::domain::NipError> {
        self.nip_of(EVALUATOR_NIP)
    }

    /// A NIP field: empty, a PNS NIP, or failing that an NI PPPK.
    fn nip_of(&self, field: &str) -> Result<Option<Nip>, crate::domain::NipError> {
        let text = self.form.text(field);
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Nip::parse(text)
            .or_else(|e| Nip::parse_as(text, crate::domain::EmploymentKind::Pppk).map_err(|_| e))
            .map(Some)
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        match self.period() {
            None => out.push((YEAR, ui.t(T::ErrPeriod).to_string())),
            Some(period) if period.is_future(self.today) => {
                out.push((KIND, ui.t(T::ErrFuturePeriod).to_string()))
            }
            Some(period)
                if self
                    .person_nip
                    .as_ref()
                    .is_some_and(|n| period.before_appointment(n)) =>
            {
                out.push((KIND, ui.t(T::ErrBeforeAppointment).to_string()))
            }
            Some(period) => {
                if let Some((_, id)) = self
                    .taken
                    .iter()
                    .find(|(p, id)| *p == period && Some(*id) != self.id())
                {
                    let text = if self.is_new() && self.has_entries() {
                        ui.t(T::PeriodTakenTyped).to_string()
                    } else {
                        format!("{} ({id})", ui.t(T::ErrPeriodTaken))
                    };
                    out.push((KIND, text));
                }
            }
        }
        // A name always (DOMAIN.md: the regulation's form marks only the NIP optional).
        if clean_line(&self.form.text(EVALUATOR)).is_empty() {
            out.push((EVALUATOR, ui.t(T::ErrNoEvaluator).to_string()));
        }
        match self.evaluator_nip() {
            Err(e) => out.push((EVALUATOR_NIP, crate::ui::errors::nip_error_text(ui, &e))),
            Ok(Some(n)) if n.as_str() == self.nip => {
                out.push((EVALUATOR_NIP, ui.t(T::ErrSelfEvaluation).to_string()))
            }
            _ => {}
        }
        match self.nip_of(ATASAN_NIP) {
            Err(e) => out.push((ATASAN_NIP, crate::ui::errors::nip_error_text(ui, &e))),
            Ok(Some(n)) if n.as_str() == self.nip => {
                out.push((ATASAN_NIP, ui.t(T::ErrSelfAtasan).to_string()))
            }
            _ => {}
        }
        if self.form.rating(HASIL).is_none() {
            out.push((HASIL, ui.t(T::NotChosen).to_string()));
        }
        if self.form.rating(PERILAKU).is_none() {
            out.push((PERILAKU, ui.t(T::NotChosen).to_string()));
        }
        // DOMAIN.md: a period not ended yet is unusual: ask, once everything else is right.
        if out.is_empty()
            && let Some(period) = self.period()
            && period.is_provisional(self.today)
            && self.provisional_ok != Some(period)
        {
            out.push((KIND, ui.t(T::ConfirmProvisional).to_string()));
        }
        out
    }

    fn build(&self) -> Option<Evaluation> {
        let (Some(period), Some(hasil), Some(perilaku)) = (
            self.period(),
            self.form.rating(HASIL),
            self.form.rating(PERILAKU),
        ) else {
            return None;
        };
        let who = |nip: Option<Nip>, nama: String| {
            (nip.is_some() || !nama.is_empty()).then_some(Evaluator { nip, nama })
        };
        let penilai = who(
            self.evaluator_nip().ok().flatten(),
            clean_line(&self.form.text(EVALUATOR)),
        );
        let atasan = who(
            self.nip_of(ATASAN_NIP).ok().flatten(),
            clean_line(&self.form.text(ATASAN)),
        );
        let mut aspek: [AspekPenilaian; 7] = Default::default();
        for (i, a) in aspek.iter_mut().enumerate() {
            a.rating = self.form.rating(ASPEK_IDS[i]);
            a.umpan_balik = clean_multiline(&self.form.text(FEEDBACK_IDS[i]));
            a.ekspektasi = self.ekspektasi[i].clone();
        }
        let o = self.original.as_ref();
        Some(Evaluation {
            id: o.map_or(0, |e| e.id),
            period,
            hasil_kerja: hasil,
            perilaku,
            aspek,
            penilai,
            atasan_penilai: atasan,
            catatan: clean_multiline(&self.form.text(NOTES)),
            revision: o.map_or(0, |e| e.revision),
        })
    }

    /// The suggestion for the evaluator field: the latest evaluator while it is empty, else
    /// the first person whose name or NIP contains what is typed.
    fn suggestion(&self) -> Option<(String, String)> {
        let typed = self.form.text(EVALUATOR);
        let q = typed.trim().to_lowercase();
        if q.is_empty() {
            return self.last_evaluator.as_ref().map(|e| {
                (
                    e.nip
                        .as_ref()
                        .map_or(String::new(), |n| n.as_str().to_string()),
                    e.nama.clone(),
                )
            });
        }
        if q.chars().count() < 2 {
            return None;
        }
        let digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
        self.people
            .iter()
            .find(|(nip, _, lower)| {
                *nip != self.nip
                    && (lower.contains(&q) || (!digits.is_empty() && nip.starts_with(&digits)))
            })
            .map(|(nip, name, _)| (nip.clone(), name.clone()))
    }

    /// Whether anything besides the period was entered.
    fn has_entries(&self) -> bool {
        let proposed = self.only_proposed();
        self.form.values().iter().any(|(id, v)| {
            id != YEAR && id != KIND && !(proposed && id == HASIL) && !v.trim().is_empty()
        })
    }

    fn follow_aspects(&mut self) {
        if !self.perilaku_set {
            let aspects: Vec<AspekPenilaian> = ASPEK_IDS
                .iter()
                .map(|id| AspekPenilaian {
                    rating: self.form.rating(id),
                    ..Default::default()
                })
                .collect();
            self.form.set_rating(PERILAKU, suggest_perilaku(&aspects));
        }
    }

    /// Recomputes the suggestion, Perilaku, the predikat and the problems after a change.
    fn refresh(&mut self, ui: &Ui) {
        self.suggested = self.suggestion();
        self.form.field_mut(EVALUATOR).suggestion = self.suggested.as_ref().map(|(_, n)| n.clone());
        self.follow_aspects();
        // "From the aspects" only while it follows them and they give a value.
        self.form.field_mut(PERILAKU).note = (!self.perilaku_set
            && self.form.rating(PERILAKU).is_some())
        .then(|| ui.t(T::FromAspects).to_string());
        let (text, style) = match (self.form.rating(HASIL), self.form.rating(PERILAKU)) {
            (Some(h), Some(p)) => {
                let pr = predikat(h, p);
                (
                    format!("{}{}", pr.label(), self.against_periodic(pr, ui)),
                    ui.theme.predikat(pr).add_modifier(Modifier::BOLD),
                )
            }
            _ => ("-".to_string(), ui.theme.muted()),
        };
        self.form.set_info(PREDIKAT, text, style);
        // The atasan decides an objection to the evaluator's rating: the same person for
        // both is allowed, but said.
        let same = {
            let ev = clean_line(&self.form.text(EVALUATOR));
            let at = clean_line(&self.form.text(ATASAN));
            let nips = (
                self.evaluator_nip().ok().flatten(),
                self.nip_of(ATASAN_NIP).ok().flatten(),
            );
            match nips {
                (Some(a), Some(b)) => a == b,
                _ => !ev.is_empty() && ev.eq_ignore_ascii_case(&at),
            }
        };
        self.form.field_mut(ATASAN).note = same.then(|| ui.t(T::WarnEvaluatorIsAtasan).to_string());
        self.propose_for_head(ui);
        let problems = self.problems(ui);
        self.form.set_problems(problems);
    }

    /// The unit the person heads (pimpinan unit kerja): its rating for the period proposes
    /// Hasil Kerja, and another choice is warned about (SE MenPANRB 3/2023).
    pub fn set_head_of(&mut self, unit: Option<crate::domain::Unit>, ui: &Ui) {
        self.head_of = unit;
        self.refresh(ui);
    }

    /// For a unit's head: puts the Hasil Kerja that the unit's rating gives into an empty
    /// field of a new evaluation (once per period), and notes beside the field where it
    /// comes from, or that the chosen one differs. A warning only: any rating may be saved.
    fn propose_for_head(&mut self, ui: &Ui) {
        let period = self.period();
        let proposal = period.and_then(|p| self.head_proposal(p));
        if self.original.is_none() && self.proposed_for != period {
            // Follow the period while Hasil Kerja is empty or still the earlier proposal;
            // never replace what the officer chose.
            let untouched = self.form.rating(HASIL).is_none() || self.only_proposed();
            if untouched {
                self.form.set_rating(HASIL, proposal.map(|(_, h)| h));
                self.proposed_for = proposal.and(period);
            }
        }
        let Some((_, hasil)) = proposal else {
            self.form.field_mut(HASIL).note = None;
            return;
        };
        // Short enough for the note column: the unit's rating itself is on Laporan.
        let short = match hasil {
            Rating::DiAtas => "Di Atas",
            Rating::Sesuai => "Sesuai",
            Rating::DiBawah => "Di Bawah",
        };
        let note = match self.form.rating(HASIL) {
            Some(chosen) if chosen != hasil => format!("{} {short}", ui.t(T::HeadDiffers)),
            _ => ui.t(T::HeadProposal).to_string(),
        };
        self.form.field_mut(HASIL).note = Some(note);
    }

    /// For a head: the unit's rating of `period` and the Hasil Kerja it gives.
    fn head_proposal(&self, period: Period) -> Option<(crate::domain::UnitRating, Rating)> {
        let r = self.head_of.as_ref()?.rating_of(period)?;
        Some((r, crate::domain::head_hasil_kerja(r)))
    }

    /// Whether Hasil Kerja holds only what the unit's rating proposed (not the officer's
    /// own entry, so it does not keep a taken period from opening).
    fn only_proposed(&self) -> bool {
        let proposed = self
            .proposed_for
            .and_then(|p| self.head_proposal(p))
            .map(|(_, h)| h);
        proposed.is_some() && self.form.rating(HASIL) == proposed
    }

    /// The person's periodic evaluations, for the annual form's comparison.
    pub fn set_periodic(&mut self, periodic: Vec<(Period, crate::domain::Predikat)>, ui: &Ui) {
        self.periodic = periodic;
        self.refresh(ui);
    }

    /// For an annual period: `  ! di atas semua periodik (B B)` when the
    /// predikat is better than every periodic one of its year or worse than all (DOMAIN.md,
    /// a warning only); empty otherwise.
    fn against_periodic(&self, annual: crate::domain::Predikat, ui: &Ui) -> String {
        let Some(period) = self.period().filter(|p| p.kind == PeriodKind::Tahunan) else {
            return String::new();
        };
        let mut of_year: Vec<&(Period, crate::domain::Predikat)> = self
            .periodic
            .iter()
            .filter(|(p, _)| p.year == period.year && p.kind != PeriodKind::Tahunan)
            .collect();
        of_year.sort_by_key(|(p, _)| p.sort_key());
        let periodic: Vec<crate::domain::Predikat> = of_year.iter().map(|(_, p)| *p).collect();
        let text = match crate::domain::annual_against_periodic(annual, &periodic) {
            crate::domain::AnnualAgainstPeriodic::BetterThanAll => T::AnnualAboveShort,
            crate::domain::AnnualAgainstPeriodic::WorseThanAll => T::AnnualBelowShort,
            _ => return String::new(),
        };
        let shorts: Vec<&str> = periodic
            .iter()
            .map(|p| crate::ui::labels::predikat_short(*p))
            .collect();
        format!("  ! {} ({})", ui.t(text), shorts.join(" "))
    }
}

/// The draft's name of an evaluation form (`None`: a new evaluation), after the
/// officer's prefix.
pub fn draft_name(nip: &str, id: Option<u32>) -> String {
    let which = id.map_or("baru".to_string(), |i| i.to_string());
    format!("evaluasi/{nip}/{which}")
}

impl FormState for EvaluationForm {
    fn is_dirty(&self) -> bool {
        self.form.is_dirty()
    }

    /// Whether an offered draft is still unanswered (it must not be removed yet).
    fn draft_unresolved(&self) -> bool {
        self.form.draft_unresolved()
    }

    /// The form's fields by name: what a draft keeps.
    fn draft_fields(&self) -> Vec<(String, String)> {
        let mut v = self.form.values();
        v.push(("perilaku_set".into(), self.perilaku_set.to_string()));
        // The revision the draft was made from: saving it later over a newer record is
        // refused as stale instead of silently undoing that change.
        v.push((
            "revisi".into(),
            self.original.as_ref().map_or(0, |e| e.revision).to_string(),
        ));
        v
    }

    fn draft_name(&self) -> Option<String> {
        Some(draft_name(&self.nip, self.id()))
    }
}

impl Screen for EvaluationForm {
    fn keys(&self) -> Vec<KeyHelp> {
        self.form.keys()
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        let outcome = match self.form.handle(key) {
            FormEvent::Ignored => Outcome::Ignored,
            FormEvent::Changed => Outcome::Changed,
            FormEvent::Took(_) => {
                if let Some((nip, _)) = &self.suggested {
                    let spaced = if nip.is_empty() {
                        String::new()
                    } else {
                        crate::domain::summary::spaced_nip(nip)
                    };
                    self.form.set_text(EVALUATOR_NIP, &spaced);
                }
                // Taken with Enter: on to the ratings (the NIP is filled, the atasan optional).
                if self.form.focus_id() == EVALUATOR_NIP
                    && !self.form.text(EVALUATOR_NIP).is_empty()
                    && self.form.rating(HASIL).is_none()
                {
                    self.form.focus_on(HASIL);
                }
                Outcome::Changed
            }
            FormEvent::Edited(id) => {
                if id == PERILAKU {
                    self.perilaku_set = true;
                }
                // A new evaluation for a period already evaluated: open that one instead,
                // unless something was entered already (then saving is refused and the
                // problem says why: nothing typed is thrown away).
                if self.is_new()
                    && (id == YEAR || id == KIND)
                    && !self.has_entries()
                    && let Some(period) = self.period()
                    && let Some((_, taken)) = self.taken.iter().find(|(p, _)| *p == period)
                {
                    return Outcome::OpenEvaluation(self.nip.clone(), Some(*taken));
                }
                Outcome::Changed
            }
            FormEvent::DraftUsed(fields) => {
                let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
                self.perilaku_set = get("perilaku_set") == Some("true");
                if let (Some(o), Some(rev)) = (self.original.as_mut(), draft_revision(&fields)) {
                    o.revision = rev;
                }
                Outcome::Changed
            }
            FormEvent::DraftDeclined => Outcome::DiscardDraft,
            FormEvent::Unchanged => Outcome::Unchanged,
            FormEvent::Close => Outcome::Back,
            FormEvent::Delete => match &self.original {
                Some(e) => Outcome::DeleteEvaluation(self.nip.clone(), e.id, e.revision),
                None => Outcome::Changed,
            },
            FormEvent::Save => {
                // The question was on screen at the last Ctrl-S: this one is the yes.
                if self.provisional_asked.is_some() && self.provisional_asked == self.period() {
                    self.provisional_ok = self.provisional_asked;
                }
                self.refresh(ui);
                let built = self.build();
                let asking = self
                    .form
                    .first_problem()
                    .is_some_and(|(_, text)| text.as_str() == ui.t(T::ConfirmProvisional));
                self.provisional_asked = if asking { self.period() } else { None };
                match self.form.accept(built) {
                    Some(e) => Outcome::SaveEvaluation(self.nip.clone(), Box::new(e)),
                    None => Outcome::Changed,
                }
            }
        };
        self.refresh(ui);
        outcome
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        self.form.draw(frame, area, ui, Vec::new());
    }

    /// Pasted text into the focused text field, then the form's checks run again.
    fn paste(&mut self, text: &str, ui: &Ui) -> Option<Pasted> {
        let pasted = self.form.paste(text);
        self.refresh(ui);
        pasted
    }

    fn title(&self) -> T {
        if self.is_new() {
            T::NewEvaluation
        } else {
            T::EditEvaluation
        }
    }

    fn captures_text(&self) -> bool {
        true
    }

    fn form(&self) -> Option<&dyn FormState> {
        Some(self)
    }
}
