//! The staff form (`n` new, `u` edit), on the form engine: every field checked as it is
//! typed; the NIP shows why it is wrong, or the birth date it gives when right. A unit that
//! is not known is created only when the officer asks for it (`Ctrl-N`), after the closest
//! known names were offered. What is typed is also checked for the staff warnings of
//! DOMAIN.md (appointment before 18, birth in the future, a PNS below the entry rank of
//! their education, still active past the pension age): each shows as a note beside its
//! field, and none stops a save. The position kind's note gives the pension date.

use super::{FormState, Outcome, Screen};
use crate::domain::text::clean_line;
use crate::domain::{
    EmploymentKind, Golongan, Jabatan, JenisJabatan, Nip, NipError, Pendidikan, Staff, Unit,
    UnitKind, format_date, unit_id,
};
use crate::ui::closest::closest;
use crate::ui::errors::nip_error_text;
use crate::ui::form::{Field, Form, FormEvent, draft_revision};
use crate::ui::keys::Key;
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Pasted, Ui, is_ctrl, key};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

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

/// What is wrong with a field, as interface text plus an optional detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub T, pub String);

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

fn rank_options(kind: EmploymentKind) -> Vec<String> {
    Golongan::all()
        .filter(|g| g.is_pppk() == (kind == EmploymentKind::Pppk))
        .map(|g| g.to_string())
        .collect()
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
                EmploymentKind::ALL
                    .iter()
                    .map(|k| k.code().to_string())
                    .collect(),
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
                Pendidikan::ALL
                    .iter()
                    .map(|p| p.label().to_string())
                    .collect(),
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
                JenisJabatan::ALL
                    .iter()
                    .map(|j| j.label().to_string())
                    .collect(),
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

    /// Whether the form is asking a question (the next key answers it).
    pub fn asking(&self) -> bool {
        self.form.asking()
    }

    pub fn is_new(&self) -> bool {
        self.original.is_none()
    }

    /// The NIP digits of the record being edited (`None` for a new one).
    pub fn nip(&self) -> Option<String> {
        self.original.as_ref().map(|s| s.nip.as_str().to_string())
    }

    pub fn offer_draft(&mut self, when: String, fields: Vec<(String, String)>) {
        let current = self.original.as_ref().map_or(0, |s| s.revision);
        self.form.offer_draft(when, fields, current);
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

    fn problem(&self, f: &str, ui: &Ui) -> Option<Problem> {
        let missing = |id: &str| {
            self.form
                .choice(id)
                .is_none()
                .then(|| Problem(T::NotChosen, String::new()))
        };
        let empty = |id: &str| {
            clean_line(&self.form.text(id))
                .is_empty()
                .then(|| Problem(T::Required, String::new()))
        };
        match f {
            NIP => self
                .nip_result()
                .err()
                .map(|e| Problem(T::FieldNip, nip_error_text(ui, &e))),
            KIND | RANK | EDUCATION | POSITION_KIND => missing(f),
            NAME | POSITION => empty(f),
            UNIT if self.new_unit.is_some() => None,
            UNIT => match self.form.choice_unmatched(UNIT) {
                Some(typed) => Some(Problem(T::UnitUnknown, clean_line(&typed))),
                None => missing(UNIT),
            },
            _ => None,
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
        let problems = [
            NIP,
            KIND,
            NAME,
            RANK,
            EDUCATION,
            POSITION,
            POSITION_KIND,
            UNIT,
        ]
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
        let typed = self.form.choice_unmatched(UNIT).map(|t| clean_line(&t));
        self.form.field_mut(UNIT).accept_typed =
            typed.is_some() && self.new_unit.is_some() && typed == self.new_unit;
        self.form.field_mut(UNIT).note = match (&self.new_unit, self.form.choice_unmatched(UNIT)) {
            (Some(name), _) => Some(format!("{}: {name}", ui.t(T::NewUnit))),
            (None, Some(typed)) => {
                let near: Vec<String> = closest(&typed, &self.unit_names, 3)
                    .into_iter()
                    .map(|i| self.unit_names[i].clone())
                    .collect();
                let _ = typed;
                let mut s = String::new();
                if !near.is_empty() {
                    s.push_str(&format!("{}: {}. ", ui.t(T::Closest), near.join("; ")));
                }
                s.push_str(ui.t(T::CtrlNNewUnit));
                Some(s)
            }
            _ => None,
        };
    }

    /// The staff warnings of what is typed so far, each as a note beside the field it
    /// comes from (after the NIP's own note): a warning only, as DOMAIN.md asks. A warning
    /// that needs a field not chosen yet is not given.
    fn show_warnings(&mut self, ui: &Ui) {
        use crate::domain::{Pension, StaffWarningKind as K, staff_warnings};
        let Ok(nip) = self.nip_result() else {
            return;
        };
        let pns = self.kind() == EmploymentKind::Pns;
        let rank = Golongan::parse(&self.form.text(RANK), !pns);
        let education = self
            .form
            .choice(EDUCATION)
            .and_then(|i| Pendidikan::ALL.get(i).copied());
        let jenis = self
            .form
            .choice(POSITION_KIND)
            .and_then(|i| JenisJabatan::ALL.get(i).copied());
        let jabatan = Jabatan {
            nama: clean_line(&self.form.text(POSITION)),
            jenis: jenis.unwrap_or(JenisJabatan::Pelaksana),
        };
        let staff = Staff {
            nip: nip.clone(),
            nama: String::new(),
            gelar_depan: String::new(),
            gelar_belakang: String::new(),
            // Unknown rank or education: the highest rank, which no entry rank is above.
            golongan: match (rank, education) {
                (Some(g), Some(_)) => g,
                _ => Golongan::Pns(16),
            },
            pendidikan: education.unwrap_or(Pendidikan::Sd),
            jabatan: jabatan.clone(),
            unit_id: String::new(),
            aktif: jenis.is_some() && self.form.text(ACTIVE) == self.lang_yes_no[0],
            revision: 0,
        };
        let mut notes: Vec<(&'static str, String)> = Vec::new();
        for w in staff_warnings(&staff, self.today) {
            let field = match w.kind() {
                K::AppointedBeforeEighteen | K::BornInFuture => NIP,
                K::BelowEntryRank => RANK,
                K::PastPensionAge => ACTIVE,
            };
            let text = format!("! {}", crate::ui::warnings::staff_warning_text(&w, ui.lang));
            notes.push((field, text));
        }
        if jenis.is_some() {
            let p = Pension::of(nip.birth_date(), &jabatan);
            self.form.field_mut(POSITION_KIND).note = Some(format!(
                "{} {} ({} {})",
                ui.t(T::Pension),
                format_date(p.date),
                ui.t(T::BupYears),
                p.age
            ));
        } else {
            self.form.field_mut(POSITION_KIND).note = None;
        }
        self.form.field_mut(RANK).note = None;
        self.form.field_mut(ACTIVE).note = None;
        // Warnings first: the note is cut to the room beside the value.
        for (field, text) in notes.into_iter().rev() {
            let note = &mut self.form.field_mut(field).note;
            *note = Some(match note.take() {
                Some(n) => format!("{text}; {n}"),
                None => text,
            });
        }
    }

    fn build(&self) -> Option<Staff> {
        let pick = |id: &str| self.form.choice(id).unwrap_or(0);
        let kind = self.kind();
        let rank_text = self.form.text(RANK);
        let golongan = Golongan::parse(&rank_text, kind == EmploymentKind::Pppk)?;
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
            revision: self.original.as_ref().map_or(0, |s| s.revision),
        })
    }

    fn new_unit_record(&self) -> Option<Unit> {
        let name = clean_line(self.new_unit.as_deref()?);
        (!unit_id(&name).is_empty())
            .then(|| Unit::new(&name, UnitKind::guess_from_name(&name), None))
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

impl FormState for StaffForm {
    fn is_dirty(&self) -> bool {
        self.form.is_dirty()
    }

    /// Whether an offered draft is still unanswered (it must not be removed yet).
    fn draft_unresolved(&self) -> bool {
        self.form.draft_unresolved()
    }

    /// What a draft of this form keeps.
    fn draft_fields(&self) -> Vec<(String, String)> {
        let mut v = self.form.values();
        v.push((
            "unit_baru".into(),
            self.new_unit.clone().unwrap_or_default(),
        ));
        v.push((
            "revisi".into(),
            self.original.as_ref().map_or(0, |s| s.revision).to_string(),
        ));
        v
    }

    fn draft_name(&self) -> Option<String> {
        Some(draft_name(self.nip().as_deref()))
    }
}

impl Screen for StaffForm {
    fn keys(&self) -> Vec<KeyHelp> {
        if self.form.asking() {
            return self.form.keys();
        }
        let mut keys = self.form.keys();
        keys.insert(
            keys.len().saturating_sub(2),
            key(&[Key::Ctrl('n')], T::KeyNewUnit, false),
        );
        keys
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        // Ctrl-N on a unit name that no unit has: the officer's explicit choice to create it.
        if is_ctrl(&key, 'n') && self.form.focus_id() == UNIT && !self.form.asking() {
            if let Some(typed) = self.form.choice_unmatched(UNIT)
                && !unit_id(&clean_line(&typed)).is_empty()
            {
                let name = clean_line(&typed);
                // A name that only differs in spelling from a unit's ("Puskesmas-Belawan")
                // is that unit: choose it instead of promising a new one.
                let id = unit_id(&name);
                if let Some(i) = self.unit_ids.iter().position(|u| *u == id) {
                    self.form.set_choice(UNIT, Some(i));
                    self.new_unit = None;
                } else {
                    self.new_unit = Some(name);
                }
                self.refresh(ui);
                return Outcome::Changed;
            }
            return Outcome::Ignored;
        }
        let outcome = match self.form.handle(key) {
            FormEvent::Ignored => Outcome::Ignored,
            FormEvent::Changed | FormEvent::Took(_) => Outcome::Changed,
            FormEvent::Edited(id) => {
                if id == KIND {
                    self.form.set_options(RANK, rank_options(self.kind()));
                }
                if id == UNIT
                    && self.form.choice_unmatched(UNIT).map(|t| clean_line(&t)) != self.new_unit
                {
                    // Another name typed or chosen: the earlier choice to create one lapses.
                    self.new_unit = None;
                }
                Outcome::Changed
            }
            FormEvent::DraftUsed(fields) => {
                // The ranks offered depend on the kind: offer the draft's, then put its rank.
                self.form.set_options(RANK, rank_options(self.kind()));
                if let Some((_, rank)) = fields.iter().find(|(k, _)| k == RANK) {
                    self.form.set_text(RANK, rank);
                }
                self.new_unit = fields
                    .iter()
                    .find(|(k, v)| k == "unit_baru" && !v.is_empty())
                    .map(|(_, v)| v.clone());
                // A draft kept before the SIASN levels holds an old code ("S1", "SMA"):
                // read it as import does.
                if let Some(typed) = self.form.choice_unmatched(EDUCATION)
                    && let Some(p) = Pendidikan::parse(&typed)
                {
                    let i = Pendidikan::ALL.iter().position(|x| *x == p);
                    self.form.set_choice(EDUCATION, i);
                }
                // "ya"/"tidak" of a draft kept in the other language.
                if let Some((_, v)) = fields.iter().find(|(k, _)| k == ACTIVE) {
                    let yes = matches!(v.to_lowercase().as_str(), "ya" | "yes");
                    let no = matches!(v.to_lowercase().as_str(), "tidak" | "no");
                    if yes || no {
                        self.form.set_choice(ACTIVE, Some(if yes { 0 } else { 1 }));
                    }
                }
                if let (Some(o), Some(rev)) = (self.original.as_mut(), draft_revision(&fields)) {
                    o.revision = rev;
                }
                Outcome::Changed
            }
            FormEvent::DraftDeclined => Outcome::DiscardDraft,
            FormEvent::Unchanged => Outcome::Unchanged,
            FormEvent::Close => Outcome::Back,
            FormEvent::Delete => Outcome::Ignored,
            FormEvent::Save => {
                self.refresh(ui);
                let built = self.build();
                match self.form.accept(built) {
                    Some(staff) => Outcome::SaveStaff(Box::new(staff), self.new_unit_record()),
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

    fn captures_text(&self) -> bool {
        self.form.captures_text()
    }

    fn title(&self) -> T {
        if self.is_new() {
            T::NewStaffTitle
        } else {
            T::EditStaffTitle
        }
    }

    fn form(&self) -> Option<&dyn FormState> {
        Some(self)
    }
}
