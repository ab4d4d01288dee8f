//! The evaluation form (`e` on a staff record, `Enter` on an evaluation row): period,
//! evaluator, Hasil Kerja, the seven BerAKHLAK aspects, Perilaku Kerja, the live predikat,
//! each aspect's feedback, notes. Ratings chosen by number move on. The period of an
//! existing evaluation is shown, never edited.

mod evaluator;
mod head;
mod period;
mod predikat;
mod skp_pane;

use evaluator::nip_text;
use period::{default_period, kind_label, period_kinds};

use super::{FormSpec, Outcome};
use crate::domain::text::clean_multiline;
use crate::domain::{Evaluation, NilaiBerakhlak, Nip, PenilaianNilai, Period, PersonAtTime};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use jiff::civil::Date;
use std::sync::Arc;

/// Staff that can be picked as evaluator.
pub type People = Arc<Vec<Candidate>>;

/// A person who can be picked as evaluator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The 18 NIP digits.
    pub nip: String,
    pub name: String,
    /// The name in lowercase, to search.
    pub lower: String,
    /// A PPPK, whose NI PPPK has its own spacing (issue 21).
    pub pppk: bool,
}

impl Candidate {
    pub fn new(nip: String, name: String, pppk: bool) -> Candidate {
        Candidate {
            lower: name.to_lowercase(),
            nip,
            name,
            pppk,
        }
    }

    /// The NIP spaced the way of the person's kind (`Nip::spaced`): an NI PPPK never as a
    /// PNS's TMT CPNS.
    pub fn nip_spaced(&self) -> String {
        crate::domain::summary::spaced_nip_of(&self.nip, self.pppk)
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
const DITERIMA: &str = "diterima";

/// Draft names of the aspect ratings and of their feedback, in `NilaiBerakhlak::ALL` order.
const ASPEK_IDS: [(&str, &str); 7] = [
    (
        "berorientasi_pelayanan",
        "berorientasi_pelayanan_umpan_balik",
    ),
    ("akuntabel", "akuntabel_umpan_balik"),
    ("kompeten", "kompeten_umpan_balik"),
    ("harmonis", "harmonis_umpan_balik"),
    ("loyal", "loyal_umpan_balik"),
    ("adaptif", "adaptif_umpan_balik"),
    ("kolaboratif", "kolaboratif_umpan_balik"),
];

pub struct EvaluationForm {
    pub nip: String,
    original: Option<Evaluation>,
    /// The person's other evaluations, to find a period that is taken.
    taken: Vec<(Period, u32)>,
    today: Date,
    people: People,
    /// The evaluator of the person's latest evaluation: offered while the field is empty.
    last_evaluator: Option<PersonAtTime>,
    /// The person's NIP as a number, for the period's check against the appointment.
    person_nip: Option<Nip>,
    /// The suggestion on offer: (NIP digits, name).
    /// The evaluator on offer: (NIP spaced, name).
    suggested: Option<(String, String)>,
    /// Ekspektasi khusus per aspect: kept as they were (edited in a later version).
    ekspektasi: [String; 7],
    /// The officer set Perilaku; stop following the aspects.
    perilaku_set: bool,
    /// A period not ended yet the officer confirmed (a second Ctrl-S) to save as provisional.
    provisional_ok: Option<Period>,
    /// The period the confirmation question was shown for, at the last Ctrl-S.
    provisional_asked: Option<Period>,
    /// The person's periodic evaluations (period, predikat), to set an annual one against.
    periodic: Vec<(Period, crate::domain::Predikat)>,
    /// The unit the person heads, if any: its rating proposes their Hasil Kerja.
    head_of: Option<crate::domain::Unit>,
    /// The period whose proposal was put into an empty Hasil Kerja, so it is put once.
    proposed_for: Option<Period>,
    /// The period kinds of the choice: annual, quarters, months, and the spans of the
    /// person's part-year SKPs.
    kinds: Vec<crate::domain::PeriodKind>,
    /// The person's SKPs; the one for the period is read into `reading`.
    skps: Vec<crate::domain::Skp>,
    reading: Option<crate::views::skp::SkpReading>,
    /// The warnings at the top of the SKP pane.
    warnings: Vec<String>,
    /// The SKP pane's first line shown, and its height at the last draw.
    pane_scroll: u16,
    pane_height: u16,
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
        let mut kinds = period_kinds();
        // An evaluation of a part-year span keeps its period on offer.
        if let Some(k) = o.map(|e| e.period.kind)
            && !kinds.contains(&k)
        {
            kinds.push(k);
        }
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
                kinds.iter().map(|k| kind_label(*k, ui.lang)).collect(),
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
                &nip_text(penilai.as_ref()),
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
                &nip_text(o.and_then(|e| e.atasan_penilai.as_ref())),
            ),
            Field::rating(HASIL, ui.t(T::HasilKerja), false, o.map(|e| e.hasil_kerja)),
            Field::heading("berakhlak", ui.t(T::AspectsHeading)),
        ];
        for (i, a) in NilaiBerakhlak::ALL.iter().enumerate() {
            fields.push(Field::rating(
                ASPEK_IDS[i].0,
                format!("  {}", a.label()),
                true,
                o.and_then(|e| e.berakhlak[i].rating),
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
        for (i, a) in NilaiBerakhlak::ALL.iter().enumerate() {
            fields.push(
                Field::text(
                    ASPEK_IDS[i].1,
                    format!("  {}", a.label()),
                    500,
                    o.map_or("", |e| &e.berakhlak[i].umpan_balik),
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
        fields.push(Field::date(
            DITERIMA,
            ui.t(T::FieldDiterima),
            &o.and_then(|e| e.diterima)
                .map_or(String::new(), crate::domain::format_date),
        ));
        let which = if existing {
            T::EditEvaluation
        } else {
            T::NewEvaluation
        };
        let title = format!("{}: {}", ui.t(which), fit(ui, person, 40));
        let ekspektasi = o.map_or(Default::default(), |e| {
            e.berakhlak.clone().map(|a| a.ekspektasi)
        });
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
            kinds,
            skps: Vec::new(),
            reading: None,
            warnings: Vec::new(),
            pane_scroll: 0,
            pane_height: 0,
            form: Form::new(title, fields, !existing).with_delete(T::DeleteAsk),
            original,
        };
        form.form.focus_first_empty();
        form.refresh(ui);
        form
    }

    pub fn id(&self) -> Option<u32> {
        self.original.as_ref().map(|e| e.id)
    }
}

/// The draft's name of an evaluation form (`None`: a new one), after the officer's prefix.
pub fn draft_name(nip: &str, id: Option<u32>) -> String {
    let which = id.map_or("baru".to_string(), |i| i.to_string());
    format!("evaluasi/{nip}/{which}")
}

impl FormSpec for EvaluationForm {
    type Record = Evaluation;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        if self.is_new() {
            T::NewEvaluation
        } else {
            T::EditEvaluation
        }
    }

    fn draft_id(&self) -> String {
        draft_name(&self.nip, self.id())
    }

    fn revision(&self) -> u64 {
        self.original.as_ref().map_or(0, |e| e.revision)
    }

    fn set_revision(&mut self, revision: u64) {
        if let Some(o) = self.original.as_mut() {
            o.revision = revision;
        }
    }

    /// Recomputes the suggestion, Perilaku, the predikat and the problems after a change.
    fn refresh(&mut self, ui: &Ui) {
        self.offer_evaluator();
        self.follow_aspects(ui);
        self.show_predikat(ui);
        self.note_same_atasan(ui);
        self.propose_for_head(ui);
        self.read_skp();
        self.skp_warnings(ui);
        let mut out = Vec::new();
        self.period_problems(ui, &mut out);
        self.people_problems(ui, &mut out);
        for id in [HASIL, PERILAKU] {
            if self.form.rating(id).is_none() {
                out.push((id, ui.t(T::NotChosen).to_string()));
            }
        }
        self.diterima_problem(ui, &mut out);
        self.provisional_problem(ui, &mut out);
        self.form.set_problems(out);
    }

    fn build(&self) -> Option<Evaluation> {
        let (Some(period), Some(hasil), Some(perilaku)) = (
            self.period(),
            self.form.rating(HASIL),
            self.form.rating(PERILAKU),
        ) else {
            return None;
        };
        let (penilai, atasan) = self.evaluators();
        let mut berakhlak: [PenilaianNilai; 7] = Default::default();
        for (i, a) in berakhlak.iter_mut().enumerate() {
            a.rating = self.form.rating(ASPEK_IDS[i].0);
            a.umpan_balik = clean_multiline(&self.form.text(ASPEK_IDS[i].1));
            a.ekspektasi = self.ekspektasi[i].clone();
        }
        let o = self.original.as_ref();
        Some(Evaluation {
            id: o.map_or(0, |e| e.id),
            period,
            hasil_kerja: hasil,
            perilaku,
            berakhlak,
            penilai,
            atasan_penilai: atasan,
            catatan: clean_multiline(&self.form.text(NOTES)),
            revision: o.map_or(0, |e| e.revision),
            diterima: crate::domain::parse_date(&self.form.text(DITERIMA)),
            // Who the pegawai was and an objection are kept as they were.
            keberatan: o.and_then(|e| e.keberatan.clone()),
            pegawai: o.and_then(|e| e.pegawai.clone()),
        })
    }

    fn save_outcome(&self, e: Evaluation) -> Outcome {
        Outcome::SaveEvaluation(self.nip.clone(), Box::new(e))
    }

    fn delete_outcome(&self) -> Outcome {
        match &self.original {
            Some(e) => Outcome::DeleteEvaluation(self.nip.clone(), e.id, e.revision),
            None => Outcome::Changed,
        }
    }

    fn before_save(&mut self, ui: &Ui) {
        self.confirm_provisional(ui);
    }

    fn took(&mut self, _id: &'static str, _ui: &Ui) -> Outcome {
        self.take_evaluator();
        Outcome::Changed
    }

    fn edited(&mut self, id: &'static str, _ui: &Ui) -> Outcome {
        self.perilaku_set |= id == PERILAKU;
        // A year being typed is no period yet: only a chosen kind opens a taken one.
        if id == KIND {
            self.open_taken()
        } else {
            Outcome::Changed
        }
    }

    /// Leaving the period fields completes the period: a taken one opens.
    fn left(&mut self, from: &'static str, _ui: &Ui) -> Outcome {
        let period = [YEAR, KIND];
        if period.contains(&from) && !period.contains(&self.form.focus_id()) {
            self.open_taken()
        } else {
            Outcome::Changed
        }
    }

    fn draft_used(&mut self, fields: &[(String, String)], _ui: &Ui) {
        self.perilaku_set = fields
            .iter()
            .any(|(k, v)| k == "perilaku_set" && v == "true");
    }

    fn draft_extra(&self) -> Vec<(String, String)> {
        vec![("perilaku_set".into(), self.perilaku_set.to_string())]
    }

    fn own_key(&mut self, key: crossterm::event::KeyEvent, _ui: &Ui) -> Option<Outcome> {
        self.scroll_pane(&key).then_some(Outcome::Changed)
    }

    fn own_keys(&self) -> Vec<crate::ui::KeyHelp> {
        if self.reading.is_some() {
            skp_pane::PANE_KEYS.to_vec()
        } else {
            Vec::new()
        }
    }

    fn above(&self, ui: &Ui, _width: usize) -> Vec<ratatui::text::Line<'static>> {
        self.no_skp_line(ui).into_iter().collect()
    }

    fn beside(
        &mut self,
        frame: &mut ratatui::Frame,
        area: ratatui::layout::Rect,
        ui: &Ui,
    ) -> ratatui::layout::Rect {
        self.draw_pane(frame, area, ui)
    }
}

impl EvaluationForm {
    /// The date received: a date, not after today (it starts the 14 days of an objection).
    fn diterima_problem(&self, ui: &Ui, out: &mut Vec<(&'static str, String)>) {
        let text = self.form.text(DITERIMA);
        if text.trim().is_empty() {
            return;
        }
        match crate::domain::parse_date(&text) {
            None if crate::domain::looks_like_date(&text) => {
                out.push((DITERIMA, ui.t(T::ErrNoSuchDate).to_string()))
            }
            None => out.push((DITERIMA, ui.t(T::ErrDate).to_string())),
            Some(d) if d > self.today => out.push((DITERIMA, ui.t(T::ErrAfterToday).to_string())),
            Some(_) => {}
        }
    }
}
