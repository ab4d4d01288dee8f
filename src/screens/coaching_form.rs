//! The coaching form (pembinaan kinerja; `b` on a staff record, `c` on Pelatihan's coaching
//! list, `Enter` on a coaching row), on the form engine: date, kind, who gave it (name and
//! optional NIP), the problem, the agreed steps, the follow-up date, once closed the
//! closing date and the outcome, and the RHK it is about (one of the person's RHK of the
//! coaching date's year, optional; issue 19).

use super::{FormSpec, Outcome};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{
    Coaching, CoachingKind, EmploymentKind, Nip, PersonAtTime, format_date, parse_date,
};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use crate::views::coaching::RhkChoice;
use jiff::civil::Date;
use ratatui::text::{Line, Span};

const DATE: &str = "tanggal";
const KIND: &str = "jenis";
const RHK: &str = "rhk";
const GIVER: &str = "pemberi_nama";
const GIVER_NIP: &str = "pemberi_nip";
const PROBLEM: &str = "masalah";
const STEPS: &str = "langkah";
const FOLLOW_UP: &str = "tindak_lanjut";
const CLOSED: &str = "selesai";
const OUTCOME: &str = "hasil";

pub struct CoachingForm {
    /// Whose coaching.
    pub nip: String,
    person: Option<Nip>,
    name: String,
    original: Option<Coaching>,
    today: Date,
    /// Every RHK of the person's plans; the field offers those of the coaching date's year.
    rhk_all: Vec<RhkChoice>,
    /// What each option of the RHK field points at, in option order (the first: none).
    rhk_options: Vec<Option<(u32, u32)>>,
    form: Form,
}

impl CoachingForm {
    /// A form for the person `nip` (`name` shown above it): `original` to edit, `None` for a
    /// new one, which offers `giver` (e.g. the latest evaluator) and today's date.
    pub fn new(
        nip: &str,
        name: &str,
        original: Option<Coaching>,
        giver: Option<PersonAtTime>,
        today: Date,
        ui: &Ui,
    ) -> CoachingForm {
        let o = original.as_ref();
        let giver = o.map(|c| c.pemberi.clone()).or(giver);
        let date = |d: Option<Date>| d.map_or(String::new(), format_date);
        let kind_i = o.map_or(Some(0), |c| {
            CoachingKind::ALL.iter().position(|k| *k == c.jenis)
        });
        let fields = vec![
            Field::date(
                DATE,
                ui.t(T::CoachingDate),
                &date(Some(o.map_or(today, |c| c.tanggal))),
            ),
            Field::choice(
                KIND,
                ui.t(T::CoachingKindLabel),
                CoachingKind::ALL
                    .iter()
                    .map(|k| k.label().to_string())
                    .collect(),
                kind_i,
            ),
            Field::text(
                GIVER,
                ui.t(T::CoachGiver),
                100,
                giver.as_ref().map_or("", |g| &g.nama),
            )
            .width(30),
            Field::digits(
                GIVER_NIP,
                ui.t(T::CoachGiverNip),
                23,
                true,
                &giver
                    .as_ref()
                    .and_then(|g| g.nip.as_ref())
                    .map_or(String::new(), |n| n.to_string()),
            ),
            Field::notes(
                PROBLEM,
                ui.t(T::CoachProblem),
                2000,
                o.map_or("", |c| &c.masalah),
            ),
            Field::notes(
                STEPS,
                ui.t(T::CoachSteps),
                2000,
                o.map_or("", |c| &c.langkah),
            ),
            Field::date(
                FOLLOW_UP,
                ui.t(T::CoachFollowUp),
                &date(o.map(|c| c.tindak_lanjut)),
            ),
            Field::date(
                CLOSED,
                ui.t(T::CoachClosed),
                &date(o.and_then(|c| c.selesai)),
            ),
            Field::notes(
                OUTCOME,
                ui.t(T::CoachOutcome),
                2000,
                o.map_or("", |c| &c.hasil),
            ),
            // Last: optional, and the Tab order of the fields before it stays as it was.
            Field::choice(
                RHK,
                ui.t(T::CoachRhk),
                vec![ui.t(T::CoachRhkNone).into()],
                Some(0),
            )
            .width(50),
        ];
        let title = ui.t(if o.is_some() {
            T::EditCoaching
        } else {
            T::NewCoaching
        });
        let is_new = o.is_none();
        let mut form = CoachingForm {
            nip: nip.to_string(),
            person: None,
            name: name.to_string(),
            original,
            today,
            rhk_all: Vec::new(),
            rhk_options: vec![None],
            form: Form::new(title, fields, is_new).with_delete(T::DeleteCoachingAsk),
        };
        form.update_rhk(ui);
        form.refresh(ui);
        form.form.mark_clean();
        form
    }

    /// The person's NIP as stored (PNS or PPPK): the giver may not be them.
    pub fn with_person(mut self, nip: Nip, ui: &Ui) -> CoachingForm {
        self.person = Some(nip);
        let dirty = self.form.is_dirty();
        self.refresh(ui);
        if !dirty {
            self.form.mark_clean();
        }
        self
    }

    /// The person's RHK, plan by plan (`views::coaching::rhk_choices`): the RHK field offers
    /// those of the coaching date's year, with the one the record names chosen.
    pub fn with_rhk(mut self, all: Vec<RhkChoice>, ui: &Ui) -> CoachingForm {
        let dirty = self.form.is_dirty();
        self.rhk_all = all;
        self.update_rhk(ui);
        let named = self.original.as_ref().and_then(|c| c.rhk);
        if let Some(i) = named.and_then(|p| self.rhk_options.iter().position(|o| *o == Some(p))) {
            self.form.set_choice(RHK, Some(i));
        }
        self.refresh(ui);
        if !dirty {
            self.form.mark_clean();
        }
        self
    }

    /// The year whose RHK the field offers: the coaching date's (today's while the date
    /// cannot be read).
    fn rhk_year(&self) -> i16 {
        self.date_of(DATE).unwrap_or(self.today).year()
    }

    /// Offers the RHK of the coaching date's year (the choice stays when still offered),
    /// and the RHK the record names when no plan holds it any more.
    fn update_rhk(&mut self, ui: &Ui) {
        let year = self.rhk_year();
        let of_year: Vec<&RhkChoice> = self.rhk_all.iter().filter(|c| c.year == year).collect();
        let plans = {
            let mut ids: Vec<u32> = of_year.iter().map(|c| c.skp_id).collect();
            ids.dedup();
            ids.len()
        };
        // The first option says why nothing else is offered when the year has no plan.
        let none = match of_year.is_empty() {
            true => ui.t(T::CoachRhkNoSkp).replace("{year}", &year.to_string()),
            false => ui.t(T::CoachRhkNone).to_string(),
        };
        let mut labels = vec![none];
        let mut pointers = vec![None];
        for c in &of_year {
            let mut label = format!("RHK {} {}", c.no, clean_line(&c.teks));
            // Two plans in one year (a change of position): say which part of the year.
            if let (Some((from, to)), true) = (c.part, plans > 1) {
                label = format!("{label} ({} - {})", format_date(from), format_date(to));
            }
            labels.push(label);
            pointers.push(Some((c.skp_id, c.rhk_id)));
        }
        let named = self.original.as_ref().and_then(|c| c.rhk);
        if let Some((skp, rhk)) = named
            && !self
                .rhk_all
                .iter()
                .any(|c| (c.skp_id, c.rhk_id) == (skp, rhk))
        {
            labels.push(format!("RHK #{rhk} (SKP {skp}): {}", ui.t(T::CoachRhkGone)));
            pointers.push(Some((skp, rhk)));
        }
        self.form.set_options(RHK, labels);
        self.rhk_options = pointers;
        if self.form.choice(RHK).is_none() && self.form.choice_unmatched(RHK).is_none() {
            self.form.set_choice(RHK, Some(0));
        }
    }

    /// The RHK chosen, as (SKP id, RHK id); `None` when none is named.
    fn rhk(&self) -> Option<(u32, u32)> {
        self.form
            .choice(RHK)
            .and_then(|i| self.rhk_options.get(i).copied().flatten())
    }

    /// The record the form edits, for the draft's key.
    pub fn id(&self) -> Option<u32> {
        self.original.as_ref().map(|c| c.id)
    }

    /// The giver's NIP: empty, a PNS NIP, or failing that an NI PPPK.
    fn giver_nip(&self) -> Result<Option<Nip>, crate::domain::NipError> {
        let text = self.form.text(GIVER_NIP);
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Nip::parse(text)
            .or_else(|e| Nip::parse_as(text, EmploymentKind::Pppk).map_err(|_| e))
            .map(Some)
    }

    fn date_of(&self, id: &str) -> Option<Date> {
        parse_date(&self.form.text(id))
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let date_problem = |id: &str| {
            if self.form.text(id).trim().is_empty() {
                ui.t(T::Required).to_string()
            } else if crate::domain::looks_like_date(&self.form.text(id)) {
                ui.t(T::ErrNoSuchDate).to_string()
            } else {
                ui.t(T::ErrDate).to_string()
            }
        };
        let start = self.date_of(DATE);
        match start {
            None => out.push((DATE, date_problem(DATE))),
            Some(d) if d > self.today => out.push((DATE, ui.t(T::ErrAfterToday).to_string())),
            _ => {}
        }
        if self.form.choice(KIND).is_none() {
            out.push((KIND, ui.t(T::NotChosen).to_string()));
        }
        if self.form.choice(RHK).is_none() {
            out.push((RHK, ui.t(T::NotChosen).to_string()));
        }
        if clean_line(&self.form.text(GIVER)).is_empty() {
            out.push((GIVER, ui.t(T::ErrGiverName).to_string()));
        }
        match self.giver_nip() {
            Err(e) => out.push((GIVER_NIP, crate::ui::errors::nip_error_text(ui, &e))),
            Ok(Some(n)) if n.as_str() == self.nip => {
                out.push((GIVER_NIP, ui.t(T::ErrGiverIsPerson).to_string()))
            }
            Ok(_) => {}
        }
        for id in [PROBLEM, STEPS] {
            if clean_multiline(&self.form.text(id)).is_empty() {
                out.push((id, ui.t(T::Required).to_string()));
            }
        }
        match (self.date_of(FOLLOW_UP), start) {
            (None, _) => out.push((FOLLOW_UP, date_problem(FOLLOW_UP))),
            (Some(f), Some(s)) if f < s => {
                out.push((FOLLOW_UP, ui.t(T::ErrFollowUpBefore).to_string()))
            }
            _ => {}
        }
        let closed_text = self.form.text(CLOSED);
        let closed = self.date_of(CLOSED);
        let outcome = clean_multiline(&self.form.text(OUTCOME));
        if !closed_text.trim().is_empty() {
            match (closed, start) {
                (None, _) => out.push((CLOSED, date_problem(CLOSED))),
                (Some(c), Some(s)) if c < s => {
                    out.push((CLOSED, ui.t(T::ErrFollowUpBefore).to_string()))
                }
                (Some(c), _) if c > self.today => {
                    out.push((CLOSED, ui.t(T::ErrAfterToday).to_string()))
                }
                _ => {}
            }
            if outcome.is_empty() {
                out.push((OUTCOME, ui.t(T::ErrOutcomeNeeded).to_string()));
            }
        } else if !outcome.is_empty() {
            out.push((CLOSED, ui.t(T::ErrClosedNeeded).to_string()));
        }
        out
    }

    /// The coaching the fields describe, or `None` while something is missing or wrong.
    fn coaching(&self) -> Option<Coaching> {
        let tanggal = self.date_of(DATE)?;
        let tindak_lanjut = self.date_of(FOLLOW_UP)?;
        let selesai = match self.form.text(CLOSED).trim() {
            "" => None,
            _ => Some(self.date_of(CLOSED)?),
        };
        let jenis = *CoachingKind::ALL.get(self.form.choice(KIND)?)?;
        let o = self.original.as_ref();
        Some(Coaching {
            id: o.map_or(0, |c| c.id),
            tanggal,
            jenis,
            pemberi: PersonAtTime {
                nip: self.giver_nip().ok()?,
                nama: clean_line(&self.form.text(GIVER)),
                ..Default::default()
            },
            masalah: clean_multiline(&self.form.text(PROBLEM)),
            langkah: clean_multiline(&self.form.text(STEPS)),
            tindak_lanjut,
            selesai,
            hasil: clean_multiline(&self.form.text(OUTCOME)),
            rhk: self.rhk(),
            revision: o.map_or(0, |c| c.revision),
        })
    }
}

/// The draft's name of a coaching form (`None`: a new record), after the officer's
/// prefix.
pub fn draft_name(nip: &str, id: Option<u32>) -> String {
    let which = id.map_or("baru".to_string(), |i| i.to_string());
    format!("pembinaan/{nip}/{which}")
}

impl FormSpec for CoachingForm {
    type Record = Coaching;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        if self.is_new() {
            T::NewCoaching
        } else {
            T::EditCoaching
        }
    }

    fn draft_id(&self) -> String {
        draft_name(&self.nip, self.id())
    }

    fn revision(&self) -> u64 {
        self.original.as_ref().map_or(0, |c| c.revision)
    }

    fn set_revision(&mut self, revision: u64) {
        if let Some(o) = self.original.as_mut() {
            o.revision = revision;
        }
    }

    fn refresh(&mut self, ui: &Ui) {
        let problems = self.problems(ui);
        self.form.set_problems(problems);
    }

    fn edited(&mut self, id: &'static str, ui: &Ui) -> Outcome {
        // Another year offers that year's RHK.
        if id == DATE {
            self.update_rhk(ui);
        }
        Outcome::Changed
    }

    fn draft_used(&mut self, fields: &[(String, String)], ui: &Ui) {
        // The draft's date may be of another year: its RHK is among that year's options.
        self.update_rhk(ui);
        if let Some((_, v)) = fields.iter().find(|(k, _)| k == RHK) {
            self.form.set_text(RHK, v);
        }
    }

    fn build(&self) -> Option<Coaching> {
        self.coaching()
    }

    fn save_outcome(&self, c: Coaching) -> Outcome {
        Outcome::SaveCoaching(self.nip.clone(), Box::new(c))
    }

    fn delete_outcome(&self) -> Outcome {
        match &self.original {
            Some(c) => Outcome::DeleteCoaching(self.nip.clone(), c.id, c.revision),
            None => Outcome::Changed,
        }
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        vec![Line::from(Span::styled(
            format!(" {}", fit(ui, &self.name, width)),
            ui.theme.header(),
        ))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::Screen;
    use crossterm::event::KeyEvent;
    use crossterm::event::{KeyCode, KeyModifiers};
    use jiff::civil::date;

    fn press(f: &mut CoachingForm, code: KeyCode, ui: &Ui) -> Outcome {
        f.handle(KeyEvent::new(code, KeyModifiers::NONE), ui)
    }

    fn type_text(f: &mut CoachingForm, text: &str, ui: &Ui) {
        for c in text.chars() {
            press(f, KeyCode::Char(c), ui);
        }
    }

    #[test]
    fn a_filled_form_builds_the_coaching_and_an_outcome_needs_a_closing_date() {
        let ui = Ui::default();
        let giver = PersonAtTime {
            nip: None,
            nama: "Kepala Puskesmas".into(),
            ..Default::default()
        };
        let mut f = CoachingForm::new(
            "198503302010012002",
            "Rina Siregar",
            None,
            Some(giver),
            date(2026, 11, 28),
            &ui,
        );
        f.form.focus_on(PROBLEM);
        type_text(&mut f, "Laporan terlambat", &ui);
        f.form.focus_on(STEPS);
        type_text(&mut f, "Selesai tanggal 5", &ui);
        f.form.focus_on(FOLLOW_UP);
        type_text(&mut f, "2026-12-28", &ui);
        let built = f.build().expect("builds");
        assert_eq!(built.tanggal, date(2026, 11, 28));
        assert_eq!(built.jenis, CoachingKind::Bimbingan);
        assert_eq!(built.pemberi.nama, "Kepala Puskesmas");
        assert!(f.problems(&ui).is_empty(), "{:?}", f.problems(&ui));
        f.form.focus_on(OUTCOME);
        type_text(&mut f, "Membaik", &ui);
        assert_eq!(
            f.problems(&ui).first().map(|(id, _)| *id),
            Some(CLOSED),
            "an outcome without a closing date"
        );
        f.form.focus_on(CLOSED);
        type_text(&mut f, "2026-11-28", &ui);
        assert!(f.problems(&ui).is_empty(), "{:?}", f.problems(&ui));
        assert_eq!(f.build().and_then(|c| c.selesai), Some(date(2026, 11, 28)));
    }

    fn choice(skp_id: u32, rhk_id: u32, year: i16, no: usize, teks: &str) -> RhkChoice {
        RhkChoice {
            skp_id,
            rhk_id,
            year,
            no,
            jenis: crate::domain::JenisRhk::Utama,
            teks: teks.into(),
            part: None,
        }
    }

    #[test]
    fn the_rhk_field_offers_the_coaching_years_rhk_and_keeps_a_vanished_one() {
        let ui = Ui::default();
        let all = vec![
            choice(1, 1, 2025, 1, "Imunisasi dasar"),
            choice(2, 1, 2026, 1, "Laporan posyandu"),
            choice(2, 2, 2026, 2, "Kunjungan rumah"),
        ];
        let mut f = CoachingForm::new(
            "198503302010012002",
            "Rina Siregar",
            None,
            None,
            date(2026, 11, 28),
            &ui,
        )
        .with_rhk(all.clone(), &ui);
        assert_eq!(f.rhk_options, vec![None, Some((2, 1)), Some((2, 2))]);
        assert_eq!(f.rhk(), None, "optional: none named at first");
        assert!(!f.form.is_dirty(), "offering the RHK changes nothing");
        f.form.focus_on(RHK);
        press(&mut f, KeyCode::Right, &ui);
        press(&mut f, KeyCode::Right, &ui);
        assert_eq!(f.rhk(), Some((2, 2)));
        // A coaching date in 2025 offers 2025's plan.
        f.form.focus_on(DATE);
        for _ in 0..10 {
            press(&mut f, KeyCode::Backspace, &ui);
        }
        type_text(&mut f, "2025-10-01", &ui);
        assert_eq!(f.rhk_options, vec![None, Some((1, 1))]);
        assert_eq!(f.rhk(), None, "2026's RHK is not offered for 2025");
        // A record naming an RHK no plan holds any more keeps it, said so.
        let named = crate::domain::Coaching {
            id: 1,
            tanggal: date(2026, 11, 2),
            jenis: CoachingKind::Bimbingan,
            pemberi: PersonAtTime::named("Kepala Puskesmas", None),
            masalah: "Laporan terlambat".into(),
            langkah: "Selesai tanggal 5".into(),
            tindak_lanjut: date(2026, 12, 2),
            selesai: None,
            hasil: String::new(),
            rhk: Some((9, 3)),
            revision: 1,
        };
        let g = CoachingForm::new(
            "198503302010012002",
            "Rina",
            Some(named),
            None,
            date(2026, 11, 28),
            &ui,
        )
        .with_rhk(all, &ui);
        assert_eq!(g.rhk(), Some((9, 3)));
        assert!(
            g.form.text(RHK).contains(ui.t(T::CoachRhkGone)),
            "{}",
            g.form.text(RHK)
        );
    }
}
