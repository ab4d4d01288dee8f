//! The staff form (`n` new, `u` edit), on the form engine: every field checked as it is
//! typed; the NIP shows why it is wrong, or the birth date it gives when right. The unit
//! (`unit`), the staff warnings (`warnings`) and old drafts (`draft`) have files of their own.

mod checks;
mod draft;
mod position;
mod unit;
mod warnings;

use super::Outcome;
use super::form_spec::FormSpec;
use crate::domain::text::clean_line;
use crate::domain::{
    EmploymentKind, Golongan, Jabatan, JenisJabatan, Nip, NipError, Pendidikan, Staff, format_date,
};
use crate::ui::form::{Field, Form, options};
use crate::ui::keys::Key;
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, is_ctrl, key};
use crossterm::event::{KeyCode, KeyEvent};

const NIP: &str = "nip";
const KIND: &str = "jenis";
const NAME: &str = "nama";
const TITLE_BEFORE: &str = "gelar_depan";
const TITLE_AFTER: &str = "gelar_belakang";
const RANK: &str = "golongan";
const EDUCATION: &str = "pendidikan";
const POSITION: &str = "jabatan";
const POSITION_KIND: &str = "jenis_jabatan";
const UNIT: &str = "unit";
const ACTIVE: &str = "aktif";
/// The fields checked, in the order their problems are shown.
const CHECKED: [&str; 8] = [
    NIP,
    KIND,
    NAME,
    RANK,
    EDUCATION,
    POSITION,
    POSITION_KIND,
    UNIT,
];

pub use checks::Problem;

pub struct StaffForm {
    form: Form,
    /// The record being edited, or `None` for a new one.
    original: Option<Staff>,
    unit_ids: Vec<String>,
    unit_names: Vec<String>,
    /// The officer chose to create this unit (`Ctrl-N` on a name no unit has).
    new_unit: Option<String>,
    lang_yes_no: [String; 2],
    /// For the warnings that depend on the day (birth in the future, past the pension age).
    today: jiff::civil::Date,
}

/// The ranks a person of `kind` may hold, lowest first: for a PPPK paruh waktu `-` (none
/// stated) first, then the PPPK golongan.
fn rank_options(kind: EmploymentKind) -> Vec<String> {
    let mut ranks: Vec<Golongan> = Golongan::all().filter(|g| g.fits(kind)).collect();
    ranks.sort();
    ranks.into_iter().map(|g| g.to_string()).collect()
}

impl StaffForm {
    /// `units`: (id, name) pairs, by name.
    /// `today`: for the warnings that depend on the day.
    pub fn new(
        original: Option<Staff>,
        units: &[(String, String)],
        today: jiff::civil::Date,
        ui: &Ui,
    ) -> StaffForm {
        let o = original.as_ref();
        let kind = o.map_or(EmploymentKind::Pns, |s| s.nip.kind());
        let kind_i = EmploymentKind::ALL.iter().position(|k| *k == kind);
        let ranks = rank_options(kind);
        let rank_i = o.and_then(|s| ranks.iter().position(|r| *r == s.golongan.to_string()));
        let edu_i = o.and_then(|s| Pendidikan::ALL.iter().position(|p| *p == s.pendidikan));
        let jj_i = o.and_then(|s| JenisJabatan::ALL.iter().position(|j| *j == s.jabatan.jenis));
        let unit_i = o.and_then(|s| units.iter().position(|(id, _)| *id == s.unit_id));
        let yes_no = [ui.t(T::Yes).to_string(), ui.t(T::No).to_string()];
        let fields = vec![
            Field::digits(
                NIP,
                ui.t(T::FieldNip),
                23,
                true,
                &o.map(|s| s.nip.to_string()).unwrap_or_default(),
            )
            .locked(o.is_some()),
            Field::choice(
                KIND,
                ui.t(T::FieldKind),
                options(&EmploymentKind::ALL, EmploymentKind::code),
                kind_i,
            )
            .locked(o.is_some()),
            Field::text(NAME, ui.t(T::FieldName), 100, o.map_or("", |s| &s.nama)),
            Field::text(
                TITLE_BEFORE,
                ui.t(T::FieldTitleBefore),
                30,
                o.map_or("", |s| &s.gelar_depan),
            ),
            Field::text(
                TITLE_AFTER,
                ui.t(T::FieldTitleAfter),
                30,
                o.map_or("", |s| &s.gelar_belakang),
            ),
            Field::choice(RANK, ui.t(T::FieldRank), ranks, rank_i),
            Field::choice(
                EDUCATION,
                ui.t(T::FieldEducation),
                options(&Pendidikan::ALL, Pendidikan::label),
                edu_i,
            ),
            Field::text(
                POSITION,
                ui.t(T::FieldPosition),
                100,
                o.map_or("", |s| &s.jabatan.nama),
            ),
            Field::choice(
                POSITION_KIND,
                ui.t(T::FieldPositionKind),
                options(&JenisJabatan::ALL, JenisJabatan::label),
                jj_i,
            ),
            Field::choice(
                UNIT,
                ui.t(T::FieldUnit),
                units.iter().map(|(_, n)| n.clone()).collect(),
                unit_i,
            )
            .width(40),
            Field::choice(
                ACTIVE,
                ui.t(T::FieldActive),
                yes_no.to_vec(),
                Some(if o.is_none_or(|s| s.aktif) { 0 } else { 1 }),
            ),
        ];
        let title = ui.t(if o.is_some() {
            T::EditStaffTitle
        } else {
            T::NewStaffTitle
        });
        let mut form = StaffForm {
            form: Form::new(title, fields, o.is_none()),
            unit_ids: units.iter().map(|(id, _)| id.clone()).collect(),
            unit_names: units.iter().map(|(_, n)| n.clone()).collect(),
            new_unit: None,
            original,
            lang_yes_no: yes_no,
            today,
        };
        form.refresh(ui);
        form
    }

    /// The NIP digits of the record being edited (`None` for a new one).
    pub fn nip(&self) -> Option<String> {
        self.original.as_ref().map(|s| s.nip.as_str().to_string())
    }

    fn kind(&self) -> EmploymentKind {
        self.form
            .choice(KIND)
            .and_then(|i| EmploymentKind::ALL.get(i).copied())
            .unwrap_or(EmploymentKind::Pns)
    }

    fn nip_result(&self) -> Result<Nip, NipError> {
        // An existing record's NIP is locked: it is the stored one, valid under the rules it
        // was saved with, whatever checks input has gained since.
        if let Some(o) = &self.original {
            return Ok(o.nip.clone());
        }
        Nip::parse_as(&self.form.text(NIP), self.kind())
    }

    pub fn refused(&mut self, message: String, nip_taken: bool) {
        self.form.error = Some(message);
        if nip_taken {
            self.form.focus_on(NIP);
        }
    }
}

/// The draft's name of the staff form for a person (`None`: a new one), after the
/// officer's prefix.
pub fn draft_name(nip: Option<&str>) -> String {
    format!("pegawai/{}", nip.unwrap_or("baru"))
}

impl FormSpec for StaffForm {
    type Record = Staff;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        if self.is_new() {
            T::NewStaffTitle
        } else {
            T::EditStaffTitle
        }
    }

    fn draft_id(&self) -> String {
        draft_name(self.nip().as_deref())
    }

    fn revision(&self) -> u64 {
        self.original.as_ref().map_or(0, |s| s.revision)
    }

    fn set_revision(&mut self, revision: u64) {
        if let Some(o) = self.original.as_mut() {
            o.revision = revision;
        }
    }

    /// Recomputes the problems and the notes after a change.
    fn refresh(&mut self, ui: &Ui) {
        let text = |Problem(t, detail): Problem| match t {
            // The NIP's text is whole already.
            T::FieldNip => detail,
            _ if detail.is_empty() => ui.t(t).to_string(),
            _ => format!("{} ({detail})", ui.t(t)),
        };
        let problems = CHECKED
            .into_iter()
            .filter_map(|f| self.problem(f, ui).map(|p| (f, text(p))))
            .collect();
        self.form.set_problems(problems);
        self.form.field_mut(NIP).note = self.nip_result().ok().map(|nip| {
            let mut s = format!("{} {}", ui.t(T::BornOn), format_date(nip.birth_date()));
            if let Some((y, m)) = nip.tmt_cpns() {
                s.push_str(&format!(", {} {y:04}-{m:02}", ui.t(T::AppointedOn)));
            }
            s
        });
        self.show_warnings(ui);
        self.unit_note(ui);
        self.offer_position();
    }

    fn build(&self) -> Option<Staff> {
        let pick = |id: &str| self.form.choice(id).unwrap_or(0);
        let kind = self.kind();
        let rank_text = self.form.text(RANK);
        let golongan = Golongan::parse_for(&rank_text, kind)?;
        let nip = self.nip_result().ok()?;
        Some(Staff {
            nip,
            nama: clean_line(&self.form.text(NAME)),
            gelar_depan: clean_line(&self.form.text(TITLE_BEFORE)),
            gelar_belakang: clean_line(&self.form.text(TITLE_AFTER)),
            golongan,
            pendidikan: Pendidikan::ALL[pick(EDUCATION).min(Pendidikan::ALL.len() - 1)],
            jabatan: Jabatan {
                nama: clean_line(&self.form.text(POSITION)),
                jenis: JenisJabatan::ALL[pick(POSITION_KIND).min(JenisJabatan::ALL.len() - 1)],
            },
            unit_id: match self.new_unit_record() {
                Some(u) => u.id,
                None => self.unit_ids.get(pick(UNIT)).cloned().unwrap_or_default(),
            },
            aktif: self.form.text(ACTIVE) == self.lang_yes_no[0],
            revision: self.revision(),
        })
    }

    fn save_outcome(&self, staff: Staff) -> Outcome {
        Outcome::SaveStaff(Box::new(staff), self.new_unit_record())
    }

    fn own_keys(&self) -> Vec<KeyHelp> {
        vec![key(&[Key::Ctrl('n')], T::KeyNewUnit, false)]
    }

    /// Ctrl-N on a unit name that no unit has: the officer's explicit choice to create it.
    fn own_key(&mut self, key: KeyEvent, ui: &Ui) -> Option<Outcome> {
        match self.form.focus_id() {
            UNIT if is_ctrl(&key, 'n') => Some(self.choose_new_unit(ui)),
            POSITION if matches!(key.code, KeyCode::Enter | KeyCode::Right) => {
                self.take_position().then_some(Outcome::Changed)
            }
            _ => None,
        }
    }

    fn edited(&mut self, id: &'static str, _ui: &Ui) -> Outcome {
        if id == KIND {
            self.form.set_options(RANK, rank_options(self.kind()));
            // A PPPK paruh waktu needs no golongan (KepmenPANRB 16/2025): `-` unless one
            // offered is chosen.
            if self.kind() == EmploymentKind::PppkParuhWaktu && self.form.choice(RANK).is_none() {
                self.form.set_choice(RANK, Some(0));
            }
        }
        if id == UNIT && self.form.choice_unmatched(UNIT).map(|t| clean_line(&t)) != self.new_unit {
            // Another name typed or chosen: the earlier choice to create one lapses.
            self.new_unit = None;
        }
        Outcome::Changed
    }

    fn draft_used(&mut self, fields: &[(String, String)], _ui: &Ui) {
        self.read_draft(fields);
    }

    fn draft_extra(&self) -> Vec<(String, String)> {
        vec![(
            "unit_baru".into(),
            self.new_unit.clone().unwrap_or_default(),
        )]
    }
}
