//! The career entry form (`n`, `Enter` or `u` on the record's Karier section, issue 21):
//! one change of rank, position or unit with its TMT (empty: not known) and the decree's
//! number. The fields of the chosen kind are shown; the whole history is checked as it
//! would be saved (`Career::validate`), and a note says whether the entry is the newest of
//! its kind, which the staff record then follows. `Ctrl-D` removes an existing entry.

use super::{FormSpec, Outcome};
use crate::domain::{
    Career, CareerEntry, CareerError, CareerKind, CareerValue, Golongan, Jabatan, JenisJabatan,
    Nip, format_date, parse_date,
};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};

const KIND: &str = "jenis";
const TMT: &str = "tmt";
const GOLONGAN: &str = "golongan";
const JABATAN: &str = "jabatan";
const JENIS_JABATAN: &str = "jenis_jabatan";
const UNIT: &str = "unit";
const SK: &str = "nomor_sk";

/// The words of a kind in the interface language.
pub fn kind_text(kind: CareerKind) -> T {
    match kind {
        CareerKind::Pangkat => T::CareerPangkat,
        CareerKind::Jabatan => T::CareerJabatan,
        CareerKind::Unit => T::CareerUnit,
    }
}

/// A domain refusal in the interface language.
pub fn error_text(e: &CareerError, ui: &Ui) -> String {
    let kind = |k: &CareerKind| ui.t(kind_text(*k)).to_lowercase();
    match e {
        CareerError::Missing(k) | CareerError::LastOfKind(k) => {
            ui.t(T::CareerErrLast).replace("{kind}", &kind(k))
        }
        CareerError::TwoUnknown(k) => ui.t(T::CareerErrTwoUnknown).replace("{kind}", &kind(k)),
        CareerError::SameTmt(k, d) => ui
            .t(T::CareerErrSameTmt)
            .replace("{kind}", &kind(k))
            .replace("{date}", &format_date(*d)),
        CareerError::BeforeAppointment(_, start) => ui
            .t(T::CareerErrBeforeAppointment)
            .replace("{date}", &format_date(*start)),
        CareerError::RankKindMismatch { .. } => ui.t(T::CareerErrRank).to_string(),
        CareerError::EmptyJabatan | CareerError::EmptyUnit => ui.t(T::Required).to_string(),
        CareerError::NoEntry(_) => ui.t(T::StaleSave).to_string(),
    }
}

pub struct CareerForm {
    pub nip: Nip,
    /// The history as the form was opened (its revision guards the save).
    career: Career,
    /// The entry edited (`None`: a new one).
    editing: Option<CareerEntry>,
    /// Every rank the person's employment kind has, in the golongan field's order.
    ranks: Vec<Golongan>,
    /// Every unit (id, name), by name, in the unit field's order.
    units: Vec<(String, String)>,
    form: Form,
}

impl CareerForm {
    /// The form for `nip`'s history: a new entry (`id` `None`), or the entry `id`.
    pub fn new(
        nip: Nip,
        person: &str,
        career: Career,
        id: Option<u32>,
        units: Vec<(String, String)>,
        ui: &Ui,
    ) -> CareerForm {
        let editing = id.and_then(|id| career.entry(id).cloned());
        let pppk = nip.kind() == crate::domain::EmploymentKind::Pppk;
        let ranks: Vec<Golongan> = Golongan::all().filter(|g| g.is_pppk() == pppk).collect();
        let e = editing.as_ref();
        let (mut golongan, mut jabatan, mut jenis, mut unit) = (None, String::new(), None, None);
        match e.map(|e| &e.value) {
            Some(CareerValue::Pangkat(g)) => golongan = ranks.iter().position(|r| r == g),
            Some(CareerValue::Jabatan(j)) => {
                jabatan = j.nama.clone();
                jenis = JenisJabatan::ALL.iter().position(|x| *x == j.jenis);
            }
            Some(CareerValue::Unit(u)) => unit = units.iter().position(|(id, _)| id == u),
            None => {}
        }
        let fields = vec![
            Field::choice(
                KIND,
                ui.t(T::CareerFieldKind),
                CareerKind::ALL
                    .iter()
                    .map(|k| ui.t(kind_text(*k)).to_string())
                    .collect(),
                Some(e.map_or(0, |e| {
                    CareerKind::ALL
                        .iter()
                        .position(|k| *k == e.kind())
                        .unwrap_or(0)
                })),
            )
            .locked(e.is_some()),
            Field::date(
                TMT,
                ui.t(T::CareerFieldTmt),
                &e.and_then(|e| e.tmt).map(format_date).unwrap_or_default(),
            ),
            Field::choice(
                GOLONGAN,
                ui.t(T::CareerFieldGolongan),
                ranks
                    .iter()
                    .map(|g| match g.pangkat() {
                        Some(p) => format!("{g} {p}"),
                        None => g.to_string(),
                    })
                    .collect(),
                golongan,
            ),
            Field::text(JABATAN, ui.t(T::CareerFieldJabatan), 100, &jabatan).width(40),
            Field::choice(
                JENIS_JABATAN,
                ui.t(T::CareerFieldJenis),
                JenisJabatan::ALL
                    .iter()
                    .map(|j| j.label().to_string())
                    .collect(),
                jenis,
            ),
            Field::choice(
                UNIT,
                ui.t(T::CareerFieldUnit),
                units.iter().map(|(_, name)| name.clone()).collect(),
                unit,
            ),
            Field::text(
                SK,
                ui.t(T::CareerFieldSk),
                60,
                e.map_or("", |e| e.nomor_sk.as_str()),
            )
            .width(30),
        ];
        let title = format!("{}: {}", ui.t(T::CareerTitle), fit(ui, person, 40));
        let is_new = editing.is_none();
        let mut form = CareerForm {
            nip,
            career,
            editing,
            ranks,
            units,
            form: Form::new(title, fields, is_new).with_delete(T::CareerDeleteAsk),
        };
        form.show_kind();
        form.refresh(ui);
        form
    }

    /// The revision of the history the save must match.
    pub fn revision(&self) -> u64 {
        self.career.revision
    }

    /// The entry's id (0: new).
    pub fn entry_id(&self) -> u32 {
        self.editing.as_ref().map_or(0, |e| e.id)
    }

    fn kind(&self) -> CareerKind {
        self.form
            .choice(KIND)
            .and_then(|i| CareerKind::ALL.get(i).copied())
            .unwrap_or(CareerKind::Pangkat)
    }

    /// Shows only the value fields of the chosen kind.
    fn show_kind(&mut self) {
        let kind = self.kind();
        for (id, k) in [
            (GOLONGAN, CareerKind::Pangkat),
            (JABATAN, CareerKind::Jabatan),
            (JENIS_JABATAN, CareerKind::Jabatan),
            (UNIT, CareerKind::Unit),
        ] {
            self.form.field_mut(id).hidden = k != kind;
        }
    }

    /// The TMT typed: `Ok(None)` when empty (not known), `Err` with the reason when it is
    /// not a date.
    fn tmt(&self) -> Result<Option<jiff::civil::Date>, T> {
        let text = self.form.text(TMT);
        if text.trim().is_empty() {
            return Ok(None);
        }
        match parse_date(&text) {
            Some(d) => Ok(Some(d)),
            None if crate::domain::looks_like_date(&text) => Err(T::ErrNoSuchDate),
            None => Err(T::ErrDate),
        }
    }

    /// The value the fields give, or the field and reason it is missing.
    fn value(&self) -> Result<CareerValue, (&'static str, T)> {
        match self.kind() {
            CareerKind::Pangkat => self
                .form
                .choice(GOLONGAN)
                .and_then(|i| self.ranks.get(i).copied())
                .map(CareerValue::Pangkat)
                .ok_or((GOLONGAN, T::NotChosen)),
            CareerKind::Jabatan => {
                let nama = crate::domain::text::clean_line(&self.form.text(JABATAN));
                if nama.is_empty() {
                    return Err((JABATAN, T::Required));
                }
                let jenis = self
                    .form
                    .choice(JENIS_JABATAN)
                    .and_then(|i| JenisJabatan::ALL.get(i).copied())
                    .ok_or((JENIS_JABATAN, T::NotChosen))?;
                Ok(CareerValue::Jabatan(Jabatan { nama, jenis }))
            }
            CareerKind::Unit => self
                .form
                .choice(UNIT)
                .and_then(|i| self.units.get(i))
                .map(|(id, _)| CareerValue::Unit(id.clone()))
                .ok_or((UNIT, T::NotChosen)),
        }
    }

    /// The entry the fields describe, if the history it makes keeps its rules.
    fn entry(&self) -> Option<CareerEntry> {
        let entry = CareerEntry {
            id: self.entry_id(),
            tmt: self.tmt().ok()?,
            value: self.value().ok()?,
            nomor_sk: crate::domain::text::clean_line(&self.form.text(SK)),
        };
        let mut next = self.career.clone();
        next.put(entry.clone()).ok()?;
        next.validate(&self.nip).ok()?;
        Some(entry)
    }
}

/// The draft's name of a person's career entry form, after the officer's prefix.
pub fn draft_name(nip: &str, id: u32) -> String {
    if id == 0 {
        format!("karier/{nip}/baru")
    } else {
        format!("karier/{nip}/{id}")
    }
}

impl FormSpec for CareerForm {
    type Record = CareerEntry;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        T::CareerTitle
    }

    fn draft_id(&self) -> String {
        draft_name(self.nip.as_str(), self.entry_id())
    }

    fn revision(&self) -> u64 {
        self.career.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.career.revision = revision;
    }

    /// Shows the chosen kind's fields, notes whether the entry is the newest of its kind
    /// (the staff record follows it), and lists what stops the save.
    fn refresh(&mut self, ui: &Ui) {
        self.show_kind();
        let mut problems = Vec::new();
        if let Err(why) = self.tmt() {
            problems.push((TMT, ui.t(why).to_string()));
        }
        if let Err((id, why)) = self.value() {
            problems.push((id, ui.t(why).to_string()));
        }
        let mut newest = None;
        if let (Ok(tmt), Ok(value)) = (self.tmt(), self.value()) {
            let mut next = self.career.clone();
            let entry = CareerEntry {
                id: self.entry_id(),
                tmt,
                value,
                nomor_sk: String::new(),
            };
            match next.put(entry) {
                Ok((placed, _)) => {
                    if let Err(e) = next.validate(&self.nip) {
                        problems.push((TMT, error_text(&e, ui)));
                    }
                    newest = Some(next.latest(placed.kind()).map(|e| e.id) == Some(placed.id));
                }
                Err(e) => problems.push((TMT, error_text(&e, ui))),
            }
        }
        self.form.field_mut(TMT).note = newest.map(|n| {
            ui.t(if n {
                T::CareerNoteNewest
            } else {
                T::CareerNoteOlder
            })
            .to_string()
        });
        self.form.set_problems(problems);
    }

    /// The entry the fields describe, or `None` while something is missing or the history
    /// would break.
    fn build(&self) -> Option<CareerEntry> {
        self.entry()
    }

    fn save_outcome(&self, entry: CareerEntry) -> Outcome {
        Outcome::SaveCareer(self.nip.as_str().to_string(), Box::new(entry))
    }

    fn delete_outcome(&self) -> Outcome {
        match &self.editing {
            Some(e) => Outcome::DeleteCareer(self.nip.as_str().to_string(), e.id, self.revision()),
            None => Outcome::Changed,
        }
    }
}
