//! The training form (`t` on a staff record or on marked staff, `Enter` on a training row):
//! title, kind, organiser, dates, JP or hours, status, competency, certificate (per person;
//! none for a group) and notes.

mod competency;
mod group;
mod kinds;
mod latsar;
mod organiser;
mod schedule;

pub use group::draft_name;
pub use schedule::status_from_dates;

use kinds::kind_options;

use super::{FormSpec, Outcome};
use crate::domain::Partner;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{Nip, OrganiserKind, Training, TrainingKind, TrainingStatus, format_date};
use crate::ui::form::{Field, Form};
use crate::ui::keys::Key;
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, is_ctrl, key};
use crossterm::event::KeyEvent;
use jiff::civil::Date;
use ratatui::text::Line;

const TITLE: &str = "judul";
const KIND: &str = "jenis";
const ORGANISER: &str = "penyelenggara";
const ORGANISER_KIND: &str = "jenis_penyelenggara";
const START: &str = "mulai";
const END: &str = "selesai";
const JP: &str = "jp";
const HOURS: &str = "jam";
const STATUS: &str = "status";
const CERTIFICATE: &str = "no_sertifikat";
const NOTES: &str = "catatan";
const COMPETENCY: &str = "kompetensi";

pub struct TrainingForm {
    /// Whose training: one person, or everyone marked on the list.
    pub nips: Vec<String>,
    /// Who the form was opened for: the draft's key, also after a partial save.
    draft_nips: Vec<String>,
    /// Their names, in the order of `nips`.
    names: Vec<String>,
    /// Their parsed NIPs (with PNS or PPPK), in the order of `nips`, for the warnings that
    /// depend on the person; empty until `with_people` gives them.
    people: Vec<Nip>,
    original: Option<Training>,
    partners: Vec<Partner>,
    partner_names: Vec<String>,
    kinds: Vec<TrainingKind>,
    today: Date,
    /// The officer chose the status; stop following the dates.
    status_set: bool,
    /// The Latsar warning saved over in a group, and the one the last Ctrl-S showed.
    latsar_ok: Option<String>,
    latsar_asked: Option<String>,
    /// The officer chose to record this organiser as a new partner (`Ctrl-N`).
    new_partner: Option<String>,
    /// The catalogue's competencies (id, name) the competency choice offers after "-";
    /// empty: the field is hidden.
    competencies: Vec<(String, String)>,
    form: Form,
}

impl TrainingForm {
    /// `names`: the people's names in the order of `nips`.
    pub fn new(
        nips: Vec<String>,
        names: Vec<String>,
        original: Option<Training>,
        partners: Vec<Partner>,
        today: Date,
        ui: &Ui,
    ) -> TrainingForm {
        let o = original.as_ref();
        let kinds = kind_options();
        let kind_i = o.and_then(|t| kinds.iter().position(|(k, _)| *k == t.jenis));
        let ok_i = o.and_then(|t| {
            OrganiserKind::ALL
                .iter()
                .position(|k| *k == t.jenis_penyelenggara)
        });
        let status_i = o.and_then(|t| TrainingStatus::ALL.iter().position(|s| *s == t.status));
        let date = |d: Option<jiff::civil::Date>| d.map_or(String::new(), format_date);
        let group = nips.len() > 1;
        let mut cert = Field::text(
            CERTIFICATE,
            ui.t(T::Certificate),
            60,
            o.map_or("", |t| &t.no_sertifikat),
        );
        cert.hidden = group;
        let fields = vec![
            Field::text(TITLE, ui.t(T::Title), 200, o.map_or("", |t| &t.judul)).width(50),
            Field::choice(
                KIND,
                ui.t(T::TrainingKindLabel),
                kinds.iter().map(|(_, l)| l.clone()).collect(),
                kind_i,
            ),
            Field::suggest(
                ORGANISER,
                ui.t(T::Organiser),
                120,
                o.map_or("", |t| &t.penyelenggara),
            )
            .width(36),
            Field::choice(
                ORGANISER_KIND,
                ui.t(T::OrganiserKindLabel),
                OrganiserKind::ALL
                    .iter()
                    .map(|k| crate::ui::labels::organiser_text(*k, ui.lang).to_string())
                    .collect(),
                ok_i.or(Some(0)),
            ),
            Field::date(START, ui.t(T::Start), &date(o.map(|t| t.mulai))),
            Field::date(END, ui.t(T::End), &date(o.map(|t| t.selesai))),
            Field::digits(
                JP,
                ui.t(T::ColJp),
                4,
                false,
                &o.map_or(String::new(), |t| t.jp.to_string()),
            ),
            Field::text(HOURS, ui.t(T::Hours), 6, ""),
            Field::choice(
                STATUS,
                ui.t(T::Status),
                TrainingStatus::ALL
                    .iter()
                    .map(|s| s.label().to_string())
                    .collect(),
                status_i,
            ),
            {
                // Shown once `with_competencies` gives the catalogue.
                let mut f = Field::choice(
                    COMPETENCY,
                    ui.t(T::CompetencyField),
                    vec![ui.t(T::CompetencyNone).to_string()],
                    Some(0),
                )
                .width(40);
                f.hidden = true;
                f
            },
            cert,
            Field::notes(NOTES, ui.t(T::Notes), 2000, o.map_or("", |t| &t.catatan)),
        ];
        let title = ui.t(if o.is_some() {
            T::EditTraining
        } else {
            T::NewTraining
        });
        let partner_names = partners.iter().map(|p| p.name.clone()).collect();
        let is_new = o.is_none();
        let mut form = TrainingForm {
            draft_nips: nips.clone(),
            nips,
            names,
            people: Vec::new(),
            status_set: !is_new,
            // A group form makes new records only: nothing to delete there.
            form: if group {
                Form::new(title, fields, is_new)
            } else {
                Form::new(title, fields, is_new).with_delete(T::DeleteTrainingAsk)
            },
            original,
            partners,
            partner_names,
            kinds: kinds.iter().map(|(k, _)| *k).collect(),
            today,
            new_partner: None,
            latsar_ok: None,
            latsar_asked: None,
            competencies: Vec::new(),
        };
        form.refresh(ui);
        form.form.mark_clean();
        form
    }

    /// The record the form edits, for the draft's key.
    pub fn id(&self) -> Option<u32> {
        self.original.as_ref().map(|t| t.id)
    }
}

impl FormSpec for TrainingForm {
    type Record = Training;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        if self.is_new() {
            T::NewTraining
        } else {
            T::EditTraining
        }
    }

    fn draft_id(&self) -> String {
        draft_name(self.draft_nips(), self.id())
    }

    fn revision(&self) -> u64 {
        self.original.as_ref().map_or(0, |t| t.revision)
    }

    fn set_revision(&mut self, revision: u64) {
        if let Some(o) = self.original.as_mut() {
            o.revision = revision;
        }
    }

    /// Recomputes the status from the dates, the suggestion, notes and problems.
    fn refresh(&mut self, ui: &Ui) {
        self.schedule_notes(ui);
        self.organiser_notes(ui);
        self.latsar_note(ui);
        let mut out = Vec::new();
        if clean_line(&self.form.text(TITLE)).is_empty() {
            out.push((TITLE, ui.t(T::Required).to_string()));
        }
        if self.form.choice(KIND).is_none() {
            out.push((KIND, ui.t(T::NotChosen).to_string()));
        }
        self.organiser_problem(ui, &mut out);
        self.schedule_problems(ui, &mut out);
        self.latsar_problem(ui, &mut out);
        self.form.set_problems(out);
    }

    fn build(&self) -> Option<Training> {
        let (Some(mulai), Some(selesai)) = self.dates() else {
            return None;
        };
        let jp = self.jp_value().ok()?;
        let pick = |id: &str| self.form.choice(id).unwrap_or(0);
        let o = self.original.as_ref();
        let (penyelenggara, kind) = match self.known_partner() {
            Some(p) => (p.name.clone(), p.kind),
            None => (
                clean_line(&self.form.text(ORGANISER)),
                OrganiserKind::ALL[pick(ORGANISER_KIND).min(OrganiserKind::ALL.len() - 1)],
            ),
        };
        Some(Training {
            id: o.map_or(0, |t| t.id),
            judul: clean_line(&self.form.text(TITLE)),
            jenis: self.kinds[pick(KIND).min(self.kinds.len() - 1)],
            penyelenggara,
            jenis_penyelenggara: kind,
            mulai,
            selesai,
            jp,
            status: TrainingStatus::ALL[pick(STATUS).min(TrainingStatus::ALL.len() - 1)],
            no_sertifikat: if self.nips.len() > 1 {
                String::new()
            } else {
                clean_line(&self.form.text(CERTIFICATE))
            },
            catatan: clean_multiline(&self.form.text(NOTES)),
            kompetensi: self.competency_id(),
            revision: o.map_or(0, |t| t.revision),
        })
    }

    fn save_outcome(&self, t: Training) -> Outcome {
        Outcome::SaveTraining(self.nips.clone(), Box::new(t))
    }

    fn delete_outcome(&self) -> Outcome {
        match (&self.original, self.nips.first()) {
            (Some(t), Some(nip)) => Outcome::DeleteTraining(nip.clone(), t.id, t.revision),
            _ => Outcome::Changed,
        }
    }

    fn before_save(&mut self, ui: &Ui) {
        self.confirm_latsar(ui);
    }

    fn own_keys(&self) -> Vec<KeyHelp> {
        vec![key(&[Key::Ctrl('n')], T::KeyNewPartner, false)]
    }

    fn own_key(&mut self, key: KeyEvent, ui: &Ui) -> Option<Outcome> {
        if !is_ctrl(&key, 'n') || self.form.focus_id() != ORGANISER {
            return None;
        }
        let outcome = self.choose_new_partner();
        if outcome == Outcome::Changed {
            self.refresh(ui);
        }
        Some(outcome)
    }

    /// A known partner fixes the organiser's kind: Enter moves past it too.
    fn took(&mut self, _id: &'static str, ui: &Ui) -> Outcome {
        self.refresh(ui);
        if self.form.focus_id() == ORGANISER_KIND && self.form.field(ORGANISER_KIND).locked {
            self.form.advance();
        }
        Outcome::Changed
    }

    fn edited(&mut self, id: &'static str, _ui: &Ui) -> Outcome {
        if id == STATUS {
            self.status_set = true;
        }
        Outcome::Changed
    }

    fn draft_used(&mut self, fields: &[(String, String)], _ui: &Ui) {
        self.read_old_kind();
        let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        self.status_set = get("status_dipilih").as_deref() == Some("true");
        self.new_partner = get("mitra_baru").filter(|v| !v.is_empty());
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        self.whose(ui, width)
    }

    fn draft_extra(&self) -> Vec<(String, String)> {
        vec![
            ("status_dipilih".into(), self.status_set.to_string()),
            (
                "mitra_baru".into(),
                self.new_partner.clone().unwrap_or_default(),
            ),
        ]
    }
}
#[cfg(test)]
mod tests;
