//! The SKP's data (`n` on the record's SKP section for a new SKP, `u` there or `d` on the
//! SKP screen for one): the span (a year, or part of it when the position, unit or evaluator
//! changes), form kind, approach, status and the date it was set, and the pegawai, pejabat
//! penilai and atasan as they are at that time (name, NIP optional for a non-ASN
//! evaluator, golongan, jabatan, unit). A new SKP is filled from the staff records.

use super::labels::{form_text, pendekatan_text};
use crate::domain::text::clean_line;
use crate::domain::{
    EmploymentKind, Golongan, Nilai, Nip, NipError, Pendekatan, PersonAtTime, Skp, SkpForm,
    SkpStatus, format_date, parse_date,
};
use crate::screens::{FormSpec, Outcome};
use crate::ui::errors::nip_error_text;
use crate::ui::form::{Field, Form, options};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use crate::views::skp::PlanPeople;
use jiff::civil::Date;
use ratatui::text::{Line, Span};

const MULAI: &str = "mulai";
const SELESAI: &str = "selesai";
const FORM_KIND: &str = "bentuk";
const PENDEKATAN: &str = "pendekatan";
const STATUS: &str = "status";
const SET_ON: &str = "ditetapkan";
const PEGAWAI: &str = "pegawai";
const P_GOL: &str = "pegawai_golongan";
const P_JAB: &str = "pegawai_jabatan";
const P_UNIT: &str = "pegawai_unit";

/// The ids of one person's fields (the evaluator's or the atasan's).
struct Who {
    heading: &'static str,
    nama: &'static str,
    nip: &'static str,
    gol: &'static str,
    jab: &'static str,
    unit: &'static str,
}

const PENILAI: Who = Who {
    heading: "penilai",
    nama: "penilai_nama",
    nip: "penilai_nip",
    gol: "penilai_golongan",
    jab: "penilai_jabatan",
    unit: "penilai_unit",
};

const ATASAN: Who = Who {
    heading: "atasan",
    nama: "atasan_nama",
    nip: "atasan_nip",
    gol: "atasan_golongan",
    jab: "atasan_jabatan",
    unit: "atasan_unit",
};

/// A golongan typed as `III/c` (PNS) or `IX` (PPPK), or `-` (a paruh waktu without one);
/// empty is none.
pub(super) fn golongan_of(text: &str) -> Result<Option<Golongan>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Golongan::parse_any(t).map(Some).ok_or(())
}

/// A NIP field: empty, a PNS NIP, or failing that an NI PPPK.
pub(super) fn nip_of(text: &str) -> Result<Option<Nip>, NipError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Nip::parse(t)
        .or_else(|e| Nip::parse_as(t, EmploymentKind::Pppk).map_err(|_| e))
        .map(Some)
}

/// The span problems shared with the template form: dates that are not dates, a start
/// after the end, two years.
pub(super) fn span_problems(
    form: &Form,
    (mulai, selesai): (&'static str, &'static str),
    ui: &Ui,
    out: &mut Vec<(&'static str, String)>,
) -> Option<(Date, Date)> {
    let date_problem = |id: &str| {
        if form.text(id).trim().is_empty() {
            ui.t(T::Required)
        } else if crate::domain::looks_like_date(&form.text(id)) {
            ui.t(T::ErrNoSuchDate)
        } else {
            ui.t(T::ErrDate)
        }
    };
    let a = parse_date(&form.text(mulai));
    let b = parse_date(&form.text(selesai));
    if a.is_none() {
        out.push((mulai, date_problem(mulai).to_string()));
    }
    if b.is_none() {
        out.push((selesai, date_problem(selesai).to_string()));
    }
    let (a, b) = (a?, b?);
    if a > b || a.year() != b.year() {
        out.push((selesai, ui.t(T::SkpErrSpan).to_string()));
        return None;
    }
    Some((a, b))
}

pub struct DataForm {
    nip: String,
    /// The person's name with titles and NIP, shown above.
    name: String,
    /// The SKP as opened (a new one: empty, filled from the staff records).
    base: Skp,
    is_new: bool,
    /// The spans of the person's other SKPs: the same span twice is refused.
    taken: Vec<(u32, Date, Date)>,
    /// Offered as the day it is set (ditetapkan) when that status is chosen.
    today: Date,
    form: Form,
}

fn person_fields(who: &Who, title: T, p: Option<&PersonAtTime>, ui: &Ui) -> Vec<Field> {
    vec![
        Field::heading(who.heading, ui.t(title)),
        Field::text(who.nama, ui.t(T::SkpName), 100, p.map_or("", |p| &p.nama)).width(40),
        Field::digits(
            who.nip,
            ui.t(T::SkpNipOptional),
            23,
            true,
            &p.and_then(|p| p.nip.as_ref())
                .map_or(String::new(), |n| n.to_string()),
        ),
        Field::text(
            who.gol,
            ui.t(T::SkpGolongan),
            6,
            &p.and_then(|p| p.golongan)
                .map_or(String::new(), |g| g.to_string()),
        )
        .width(8),
        Field::text(
            who.jab,
            ui.t(T::SkpJabatan),
            150,
            p.map_or("", |p| &p.jabatan),
        )
        .width(48),
        Field::text(who.unit, ui.t(T::SkpUnit), 150, p.map_or("", |p| &p.unit)).width(48),
    ]
}

impl DataForm {
    /// The data of `original` (`None`: a new SKP for the year of `today`, filled from
    /// `people`) of the person `nip`; `taken`: the spans of their SKPs.
    pub fn new(
        nip: &str,
        original: Option<Skp>,
        people: &PlanPeople,
        taken: Vec<(u32, Date, Date)>,
        today: Date,
        ui: &Ui,
    ) -> DataForm {
        let year = today.year();
        let is_new = original.is_none();
        let base = original.unwrap_or_else(|| {
            let mut s = Skp::new_year(
                year,
                people.pegawai.clone(),
                people.penilai.clone().unwrap_or_default(),
            );
            s.atasan = people.atasan.clone();
            s
        });
        let b = &base;
        let set_on = match b.status {
            SkpStatus::Ditetapkan(d) => format_date(d),
            SkpStatus::Draft => String::new(),
        };
        let mut fields = vec![
            Field::date(MULAI, ui.t(T::SkpMulai), &format_date(b.mulai)),
            Field::date(SELESAI, ui.t(T::SkpSelesai), &format_date(b.selesai)),
            Field::choice(
                FORM_KIND,
                ui.t(T::SkpFormKind),
                options(&SkpForm::ALL, |f| form_text(f, ui.lang)),
                SkpForm::ALL.iter().position(|f| *f == b.form),
            ),
            Field::choice(
                PENDEKATAN,
                ui.t(T::SkpPendekatan),
                options(&Pendekatan::ALL, |p| pendekatan_text(p, ui.lang)),
                Pendekatan::ALL.iter().position(|p| *p == b.pendekatan),
            ),
            Field::choice(
                STATUS,
                ui.t(T::Status),
                vec![
                    super::labels::status_word(SkpStatus::Draft, ui.lang).into(),
                    ui.t(T::SkpDitetapkan).into(),
                ],
                Some(usize::from(matches!(b.status, SkpStatus::Ditetapkan(_)))),
            ),
            Field::date(SET_ON, ui.t(T::SkpSetOn), &set_on),
            Field::heading(PEGAWAI, ui.t(T::SkpPegawai)),
            Field::text(
                P_GOL,
                ui.t(T::SkpGolongan),
                6,
                &b.pegawai.golongan.map_or(String::new(), |g| g.to_string()),
            )
            .width(8),
            Field::text(P_JAB, ui.t(T::SkpJabatan), 150, &b.pegawai.jabatan).width(48),
            Field::text(P_UNIT, ui.t(T::SkpUnit), 150, &b.pegawai.unit).width(48),
        ];
        let penilai = (!b.penilai.nama.is_empty() || b.penilai.nip.is_some()).then_some(&b.penilai);
        fields.extend(person_fields(&PENILAI, T::SkpPenilaiFull, penilai, ui));
        fields.extend(person_fields(
            &ATASAN,
            T::SkpAtasanFull,
            b.atasan.as_ref(),
            ui,
        ));
        let title = if is_new {
            ui.t(T::SkpNew).to_string()
        } else {
            format!(
                "{} {}",
                ui.t(T::SkpEditData),
                super::labels::span_text(b.mulai, b.selesai, ui.lang)
            )
        };
        let name = match &b.pegawai.nip {
            Some(n) => format!("{}{}{}", b.pegawai.nama, super::labels::dot(ui), n),
            None => b.pegawai.nama.clone(),
        };
        let mut form = DataForm {
            nip: nip.to_string(),
            name,
            base,
            is_new,
            taken,
            today,
            form: Form::new(title, fields, is_new).with_delete(T::SkpDeleteAsk),
        };
        form.refresh(ui);
        form.form.mark_clean();
        form
    }

    fn person(&self, who: &Who) -> Option<PersonAtTime> {
        let nama = clean_line(&self.form.text(who.nama));
        let nip = nip_of(&self.form.text(who.nip)).ok()?;
        if nama.is_empty() && nip.is_none() {
            return None;
        }
        Some(PersonAtTime {
            nip,
            nama,
            golongan: golongan_of(&self.form.text(who.gol)).ok()?,
            jabatan: clean_line(&self.form.text(who.jab)),
            unit: clean_line(&self.form.text(who.unit)),
        })
    }

    fn ditetapkan(&self) -> bool {
        self.form.choice(STATUS) == Some(1)
    }

    fn problems(&mut self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let span = span_problems(&self.form, (MULAI, SELESAI), ui, &mut out);
        if let Some((a, b)) = span
            && self
                .taken
                .iter()
                .any(|(id, x, y)| *id != self.base.id && (*x, *y) == (a, b))
        {
            out.push((MULAI, ui.t(T::SkpErrSpanTaken).to_string()));
        }
        self.form.field_mut(MULAI).note = span.and_then(|(a, b)| {
            self.taken
                .iter()
                .any(|(id, x, y)| *id != self.base.id && *x <= b && a <= *y && (*x, *y) != (a, b))
                .then(|| ui.t(T::SkpWarnOverlap).to_string())
        });
        if self.ditetapkan() {
            let text = self.form.text(SET_ON);
            if parse_date(&text).is_none() {
                let why = if text.trim().is_empty() {
                    T::Required
                } else {
                    T::ErrDate
                };
                out.push((SET_ON, ui.t(why).to_string()));
            }
        }
        if self.form.choice(PENDEKATAN) == Some(0)
            && let Some((r, i)) = self.base.rhk.iter().enumerate().find_map(|(r, rhk)| {
                rhk.indikator
                    .iter()
                    .position(|i| matches!(i.target, Nilai::Teks(_)))
                    .map(|i| (r, i))
            })
        {
            out.push((
                PENDEKATAN,
                format!(
                    "RHK {} IKI {}: {}",
                    r + 1,
                    i + 1,
                    ui.t(T::SkpErrTargetNumber)
                ),
            ));
        }
        if golongan_of(&self.form.text(P_GOL)).is_err() {
            out.push((P_GOL, ui.t(T::SkpErrGolongan).to_string()));
        }
        if clean_line(&self.form.text(PENILAI.nama)).is_empty() {
            out.push((PENILAI.nama, ui.t(T::ErrNoEvaluator).to_string()));
        }
        for (who, own) in [
            (&PENILAI, T::ErrSelfEvaluation),
            (&ATASAN, T::ErrSelfAtasan),
        ] {
            match nip_of(&self.form.text(who.nip)) {
                Err(e) => out.push((who.nip, nip_error_text(ui, &e))),
                Ok(Some(n)) if n.as_str() == self.nip => out.push((who.nip, ui.t(own).to_string())),
                _ => {}
            }
            if golongan_of(&self.form.text(who.gol)).is_err() {
                out.push((who.gol, ui.t(T::SkpErrGolongan).to_string()));
            }
        }
        // The atasan decides an objection: the evaluator in that seat is allowed, but said.
        let same = match (
            nip_of(&self.form.text(PENILAI.nip)),
            nip_of(&self.form.text(ATASAN.nip)),
        ) {
            (Ok(Some(a)), Ok(Some(b))) => a == b,
            _ => {
                let (a, b) = (
                    clean_line(&self.form.text(PENILAI.nama)),
                    clean_line(&self.form.text(ATASAN.nama)),
                );
                !a.is_empty() && a.eq_ignore_ascii_case(&b)
            }
        };
        self.form.field_mut(ATASAN.nama).note =
            same.then(|| ui.t(T::WarnEvaluatorIsAtasan).to_string());
        out
    }
}

/// The draft's name of the data form, after the officer's prefix.
pub fn data_draft_name(nip: &str, id: Option<u32>) -> String {
    match id {
        Some(id) => format!("skp/{nip}/{id}"),
        None => format!("skp/{nip}/baru"),
    }
}

impl FormSpec for DataForm {
    type Record = Skp;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        if self.is_new {
            T::SkpNew
        } else {
            T::SkpEditData
        }
    }

    fn draft_id(&self) -> String {
        data_draft_name(&self.nip, (!self.is_new).then_some(self.base.id))
    }

    fn revision(&self) -> u64 {
        self.base.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.base.revision = revision;
    }

    fn refresh(&mut self, ui: &Ui) {
        self.form.field_mut(SET_ON).hidden = !self.ditetapkan();
        let problems = self.problems(ui);
        self.form.set_problems(problems);
    }

    fn build(&self) -> Option<Skp> {
        let mut s = self.base.clone();
        s.mulai = parse_date(&self.form.text(MULAI))?;
        s.selesai = parse_date(&self.form.text(SELESAI))?;
        s.form = *SkpForm::ALL.get(self.form.choice(FORM_KIND)?)?;
        s.pendekatan = *Pendekatan::ALL.get(self.form.choice(PENDEKATAN)?)?;
        s.status = if self.ditetapkan() {
            SkpStatus::Ditetapkan(parse_date(&self.form.text(SET_ON))?)
        } else {
            SkpStatus::Draft
        };
        s.pegawai.golongan = golongan_of(&self.form.text(P_GOL)).ok()?;
        s.pegawai.jabatan = clean_line(&self.form.text(P_JAB));
        s.pegawai.unit = clean_line(&self.form.text(P_UNIT));
        s.penilai = self.person(&PENILAI)?;
        s.atasan = self.person(&ATASAN);
        Some(s)
    }

    fn save_outcome(&self, skp: Skp) -> Outcome {
        Outcome::SaveSkp(self.nip.clone(), Box::new(skp))
    }

    /// Setting the status to Ditetapkan offers today as the day it was set.
    fn edited(&mut self, id: &'static str, ui: &Ui) -> Outcome {
        if id == STATUS && self.ditetapkan() && self.form.text(SET_ON).trim().is_empty() {
            self.form.set_text(SET_ON, &format_date(self.today));
        }
        self.refresh(ui);
        Outcome::Changed
    }

    fn delete_outcome(&self) -> Outcome {
        if self.is_new {
            return Outcome::Changed;
        }
        Outcome::DeleteSkp(self.nip.clone(), self.base.id, self.base.revision)
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
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use jiff::civil::date;

    fn people() -> PlanPeople {
        PlanPeople {
            pegawai: PersonAtTime {
                nip: Nip::parse("198503302010012002").ok(),
                nama: "Rina Siregar".into(),
                golongan: Golongan::parse("III/c", false),
                jabatan: "Dokter Ahli Muda".into(),
                unit: "Puskesmas Belawan".into(),
            },
            penilai: Some(PersonAtTime::named(
                "Budi",
                Nip::parse("197001012000031001").ok(),
            )),
            atasan: None,
            head: false,
            unit_id: "pkm".into(),
        }
    }

    #[test]
    fn a_new_skp_is_the_year_with_the_people_of_today_and_the_same_span_twice_is_refused() {
        let ui = Ui::default();
        let nip = "198503302010012002";
        let f = DataForm::new(nip, None, &people(), Vec::new(), date(2026, 11, 28), &ui);
        let s = f.build().expect("builds");
        assert_eq!((s.mulai, s.selesai), (date(2026, 1, 1), date(2026, 12, 31)));
        assert_eq!(s.pegawai.jabatan, "Dokter Ahli Muda");
        assert_eq!(s.penilai.nama, "Budi");
        assert_eq!(s.status, SkpStatus::Draft);
        assert!(
            f.form.first_problem().is_none(),
            "{:?}",
            f.form.first_problem()
        );
        let mut g = DataForm::new(
            nip,
            None,
            &people(),
            vec![(3, date(2026, 1, 1), date(2026, 12, 31))],
            date(2026, 11, 28),
            &ui,
        );
        assert_eq!(g.form.first_problem().map(|p| p.0), Some(MULAI));
        // Set on a date: today is offered, and a date must be one.
        g.form.set_text(MULAI, "2026-06-01");
        g.form.focus_on(STATUS);
        g.handle(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE), &ui);
        assert!(!g.form.field(SET_ON).hidden);
        assert_eq!(g.form.text(SET_ON), "2026-11-28", "today offered");
        g.form.set_text(SET_ON, "2026-06-xx");
        g.refresh(&ui);
        assert_eq!(g.form.first_problem().map(|p| p.0), Some(SET_ON));
        g.form.set_text(SET_ON, "2026-06-03");
        g.refresh(&ui);
        let s = g.build().expect("builds");
        assert_eq!(s.status, SkpStatus::Ditetapkan(date(2026, 6, 3)));
        assert!(g.form.field(MULAI).note.is_some(), "overlaps the other one");
        // The person as their own evaluator is refused.
        g.form.set_text(PENILAI.nip, nip);
        g.refresh(&ui);
        assert_eq!(g.form.first_problem().map(|p| p.0), Some(PENILAI.nip));
    }
}
