//! The training form (`t` on a staff record or on marked staff, `Enter` on a training row),
//! on the form engine: title, kind, organiser (a known partner by suggestion; a new one only
//! on `Ctrl-N`, after the closest known names were offered), dates, JP or hours, status
//! (following the dates until the officer chooses one), certificate (per person; none for a
//! group) and notes.

use super::{FormState, Outcome, Screen};
use crate::domain::Partner;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::training::{jp_from_hours, validate_jp};
use crate::domain::{
    Nip, OrganiserKind, Training, TrainingKind, TrainingStatus, format_date, latsar_for_non_cpns,
    parse_date,
};
use crate::ui::closest::closest;
use crate::ui::form::{Field, Form, FormEvent, draft_revision};
use crate::ui::keys::Key;
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Pasted, Ui, fit, is_ctrl, key};
use crossterm::event::KeyEvent;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

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

/// Training kinds as the choice lists them: classroom first, then non-classroom, then
/// formal education, each labelled with its group.
fn kind_options() -> Vec<(TrainingKind, String)> {
    let mut v: Vec<(TrainingKind, String)> = TrainingKind::ALL
        .iter()
        .map(|k| (*k, format!("{} ({})", k.label(), k.category().label())))
        .collect();
    v.sort_by_key(|(k, _)| k.category());
    v
}

pub struct TrainingForm {
    /// Whose training: one person, or everyone marked on the list.
    pub nips: Vec<String>,
    /// Who the form was opened for: its draft's key stays the same when a partial save
    /// leaves fewer people in `nips`.
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
    /// The officer chose to record this organiser as a new partner (`Ctrl-N`).
    new_partner: Option<String>,
    /// The catalogue's competencies (id, name) the competency choice offers after "-";
    /// empty: the field is hidden.
    competencies: Vec<(String, String)>,
    form: Form,
}

/// The status the dates give on `today`: not started, running, or over.
pub fn status_from_dates(start: Date, end: Date, today: Date) -> TrainingStatus {
    if today < start {
        TrainingStatus::Rencana
    } else if today <= end {
        TrainingStatus::Berlangsung
    } else {
        TrainingStatus::Selesai
    }
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
                    .map(|k| k.label().to_string())
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
            competencies: Vec::new(),
        };
        form.refresh(ui);
        form.form.mark_clean();
        form
    }

    /// The competency catalogue as (id, name): the form offers the competency the training
    /// gives (issue 13). A competency the record states that the catalogue no longer has
    /// stays offered under its id, so saving does not drop it.
    pub fn with_competencies(
        mut self,
        mut catalogue: Vec<(String, String)>,
        ui: &Ui,
    ) -> TrainingForm {
        let stated = self.original.as_ref().and_then(|t| t.kompetensi.clone());
        if let Some(id) = &stated
            && !catalogue.iter().any(|(c, _)| c == id)
        {
            catalogue.push((id.clone(), id.clone()));
        }
        let dirty = self.form.is_dirty();
        let mut options = vec![ui.t(T::CompetencyNone).to_string()];
        options.extend(catalogue.iter().map(|(_, name)| name.clone()));
        self.form.set_options(COMPETENCY, options);
        let at = stated.and_then(|id| catalogue.iter().position(|(c, _)| *c == id));
        self.form
            .set_choice(COMPETENCY, Some(at.map_or(0, |i| i + 1)));
        self.form.field_mut(COMPETENCY).hidden = catalogue.is_empty();
        self.competencies = catalogue;
        if !dirty {
            self.form.mark_clean();
        }
        self
    }

    /// Prefills a new training for a competency gap: the competency chosen, the title its
    /// name, the kind its first satisfying kind (if any); the first empty field is focused.
    /// Changes the form, so leaving it asks first.
    pub fn prefill_competency(&mut self, competency: &crate::domain::Competency, ui: &Ui) {
        if let Some(i) = self
            .competencies
            .iter()
            .position(|(c, _)| *c == competency.id)
        {
            self.form.set_choice(COMPETENCY, Some(i + 1));
        }
        if self.form.text(TITLE).trim().is_empty() {
            self.form.set_text(TITLE, &competency.name);
        }
        if let Some(kind) = competency.training_kinds.first()
            && let Some(i) = self.kinds.iter().position(|k| k == kind)
        {
            self.form.set_choice(KIND, Some(i));
        }
        self.form.focus_first_empty();
        self.refresh(ui);
    }

    /// The people's NIPs as stored (PNS or PPPK), in the order of `nips`: the form warns of
    /// a Latsar CPNS for someone who is not a CPNS.
    pub fn with_people(mut self, people: Vec<Nip>, ui: &Ui) -> TrainingForm {
        self.people = people;
        let dirty = self.form.is_dirty();
        self.refresh(ui);
        if !dirty {
            self.form.mark_clean();
        }
        self
    }

    /// The names of the people for whom the chosen kind and start date make a Latsar CPNS
    /// for someone who is not a CPNS (a warning only).
    fn latsar_not_cpns(&self) -> Vec<&str> {
        let kind = self
            .form
            .choice(KIND)
            .and_then(|i| self.kinds.get(i).copied());
        let (Some(kind), (Some(start), _)) = (kind, self.dates()) else {
            return Vec::new();
        };
        self.people
            .iter()
            .zip(&self.names)
            .filter(|(nip, _)| latsar_for_non_cpns(kind, start, nip))
            .map(|(_, name)| name.as_str())
            .collect()
    }

    /// Offers back a draft kept from an earlier session (`y` uses it, `n` drops it).
    pub fn offer_draft(&mut self, when: String, fields: Vec<(String, String)>) {
        let current = self.original.as_ref().map_or(0, |t| t.revision);
        self.form.offer_draft(when, fields, current);
    }

    /// Who the form was opened for, for the draft's key.
    pub fn draft_nips(&self) -> &[String] {
        &self.draft_nips
    }

    /// The record the form edits, for the draft's key.
    pub fn id(&self) -> Option<u32> {
        self.original.as_ref().map(|t| t.id)
    }

    /// Whether the form is asking a question (the next key answers it).
    pub fn asking(&self) -> bool {
        self.form.asking()
    }

    pub fn is_new(&self) -> bool {
        self.original.is_none()
    }

    /// Drops the first `done` people (their records were saved before a failure).
    pub fn keep_only(&mut self, done: usize) {
        let done = done.min(self.nips.len());
        self.nips.drain(..done);
        self.names.drain(..done.min(self.names.len()));
        self.people.drain(..done.min(self.people.len()));
    }

    pub fn set_error(&mut self, message: String) {
        self.form.error = Some(message);
    }

    /// The JP the form gives: typed, or from the hours.
    fn jp_value(&self) -> Result<u16, T> {
        let jp = self.form.text(JP);
        let jp = jp.trim();
        if !jp.is_empty() {
            return jp
                .parse::<u32>()
                .ok()
                .and_then(|n| validate_jp(n).ok())
                .ok_or(T::ErrJp);
        }
        let hours = self.form.text(HOURS).trim().replace(',', ".");
        match hours.parse::<f64>() {
            Ok(h) => validate_jp(jp_from_hours(h)).map_err(|_| T::ErrJp),
            Err(_) => Err(T::ErrJp),
        }
    }

    /// The known partner the organiser field names exactly (case aside).
    fn known_partner(&self) -> Option<&Partner> {
        let typed = clean_line(&self.form.text(ORGANISER)).to_lowercase();
        self.partners
            .iter()
            .find(|p| p.name.to_lowercase() == typed)
    }

    fn dates(&self) -> (Option<Date>, Option<Date>) {
        (
            parse_date(&self.form.text(START)),
            parse_date(&self.form.text(END)),
        )
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if clean_line(&self.form.text(TITLE)).is_empty() {
            out.push((TITLE, ui.t(T::Required).to_string()));
        }
        if self.form.choice(KIND).is_none() {
            out.push((KIND, ui.t(T::NotChosen).to_string()));
        }
        let organiser = clean_line(&self.form.text(ORGANISER));
        if organiser.is_empty() {
            out.push((ORGANISER, ui.t(T::Required).to_string()));
        } else if self.known_partner().is_none()
            && self.new_partner.as_deref() != Some(&organiser)
            && self.original.as_ref().map(|t| t.penyelenggara.as_str()) != Some(&organiser)
        {
            out.push((ORGANISER, ui.t(T::PartnerUnknown).to_string()));
        }
        let (start, end) = self.dates();
        let date_problem = |id: &str| {
            if self.form.text(id).trim().is_empty() {
                ui.t(T::Required).to_string()
            } else if crate::domain::looks_like_date(&self.form.text(id)) {
                ui.t(T::ErrNoSuchDate).to_string()
            } else {
                ui.t(T::ErrDate).to_string()
            }
        };
        if start.is_none() {
            out.push((START, date_problem(START)));
        }
        match (start, end) {
            (_, None) => out.push((END, date_problem(END))),
            (Some(s), Some(e)) if e < s => out.push((END, ui.t(T::ErrEndBeforeStart).to_string())),
            _ => {}
        }
        if let Err(t) = self.jp_value() {
            out.push((JP, ui.t(t).to_string()));
        }
        let status = self
            .form
            .choice(STATUS)
            .and_then(|i| TrainingStatus::ALL.get(i).copied());
        match (status, start, end) {
            (None, _, _) => out.push((STATUS, ui.t(T::NotChosen).to_string())),
            (Some(TrainingStatus::Selesai), _, Some(e)) if e > self.today => {
                out.push((STATUS, ui.t(T::ErrDoneBeforeEnd).to_string()))
            }
            (Some(TrainingStatus::Berlangsung), Some(s), _) if s > self.today => {
                out.push((STATUS, ui.t(T::ErrRunningBeforeStart).to_string()))
            }
            _ => {}
        }
        out
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
            kompetensi: self
                .form
                .choice(COMPETENCY)
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| self.competencies.get(i))
                .map(|(id, _)| id.clone())
                .or_else(|| {
                    // No catalogue given: keep what the record stated.
                    if self.competencies.is_empty() {
                        o.and_then(|t| t.kompetensi.clone())
                    } else {
                        None
                    }
                }),
            revision: o.map_or(0, |t| t.revision),
        })
    }

    /// A known partner whose name contains what is typed, if it is not typed in full. Only
    /// a name that contains the typed text is offered for Enter: a loosely similar one is
    /// named in the note, never taken by a key meant to move on.
    fn suggestion(&self) -> Option<&Partner> {
        let typed = clean_line(&self.form.text(ORGANISER));
        let q = typed.to_lowercase();
        if q.chars().count() < 2
            || self.known_partner().is_some()
            || self.new_partner.as_deref() == Some(typed.as_str())
        {
            return None;
        }
        self.partners
            .iter()
            .find(|p| p.name.to_lowercase().contains(&q))
    }

    /// Recomputes the status from the dates, the suggestion, notes and problems.
    fn refresh(&mut self, ui: &Ui) {
        if !self.status_set
            && let (Some(s), Some(e)) = self.dates()
        {
            let st = status_from_dates(s, e, self.today);
            let i = TrainingStatus::ALL.iter().position(|x| *x == st);
            self.form.set_choice(STATUS, i);
        }
        self.form.field_mut(STATUS).note =
            (!self.status_set).then(|| ui.t(T::FromDates).to_string());
        let suggestion = self.suggestion().map(|p| p.name.clone());
        self.form.field_mut(ORGANISER).suggestion = suggestion;
        // The organiser's kind is the partner's own for a known partner.
        let known = self.known_partner().map(|p| p.kind);
        if let Some(k) = known {
            let i = OrganiserKind::ALL.iter().position(|x| *x == k);
            self.form.set_choice(ORGANISER_KIND, i);
        }
        self.form.field_mut(ORGANISER_KIND).locked = known.is_some();
        let organiser = clean_line(&self.form.text(ORGANISER));
        self.form.field_mut(ORGANISER).note = if known.is_some() || organiser.is_empty() {
            None
        } else if self.new_partner.as_deref() == Some(organiser.as_str()) {
            Some(format!("{}: {organiser}", ui.t(T::NewPartner)))
        } else {
            let near: Vec<String> = closest(&organiser, &self.partner_names, 3)
                .into_iter()
                .map(|i| self.partner_names[i].clone())
                .collect();
            Some(if near.is_empty() {
                ui.t(T::CtrlNNewPartnerAlone).to_string()
            } else {
                format!(
                    "{}: {}. {}",
                    ui.t(T::Closest),
                    near.join("; "),
                    ui.t(T::CtrlNNewPartner)
                )
            })
        };
        // A Latsar CPNS for someone who is not a CPNS: a warning, never a refusal.
        let not_cpns = self.latsar_not_cpns();
        self.form.field_mut(KIND).note = match not_cpns.as_slice() {
            [] => None,
            _ if self.names.len() == 1 => Some(ui.t(T::WarnLatsarNotCpns).to_string()),
            names => Some(format!(
                "{}: {}",
                ui.t(T::WarnLatsarNotCpns),
                names.join(", ")
            )),
        };
        // Hours typed without JP: the JP they make.
        self.form.field_mut(HOURS).note = match self.jp_value() {
            Ok(jp) if self.form.text(JP).trim().is_empty() => Some(format!("= {jp} JP")),
            _ => None,
        };
        let problems = self.problems(ui);
        self.form.set_problems(problems);
    }
}

/// The draft's name of a training form, after the officer's prefix: per person, or for a
/// group by its size and a checksum of everyone in it (two groups never share a draft).
pub fn draft_name(nips: &[String], id: Option<u32>) -> String {
    let who = match nips {
        [one] => one.clone(),
        _ => {
            let mut sorted = nips.to_vec();
            sorted.sort();
            format!(
                "grup-{}-{:08x}",
                nips.len(),
                crc32fast::hash(sorted.join(",").as_bytes())
            )
        }
    };
    let which = id.map_or("baru".to_string(), |i| i.to_string());
    format!("pelatihan/{who}/{which}")
}

impl FormState for TrainingForm {
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
        v.push(("status_dipilih".into(), self.status_set.to_string()));
        v.push((
            "mitra_baru".into(),
            self.new_partner.clone().unwrap_or_default(),
        ));
        // The revision the draft was made from (see the evaluation form).
        let revision = self.original.as_ref().map_or(0, |t| t.revision);
        v.push(("revisi".into(), revision.to_string()));
        v
    }

    fn draft_name(&self) -> Option<String> {
        Some(draft_name(self.draft_nips(), self.id()))
    }
}

impl Screen for TrainingForm {
    fn keys(&self) -> Vec<KeyHelp> {
        if self.form.asking() {
            return self.form.keys();
        }
        let mut keys = self.form.keys();
        keys.insert(
            keys.len().saturating_sub(2),
            key(&[Key::Ctrl('n')], T::KeyNewPartner, false),
        );
        keys
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        if is_ctrl(&key, 'n') && self.form.focus_id() == ORGANISER && !self.form.asking() {
            let typed = clean_line(&self.form.text(ORGANISER));
            if typed.is_empty() || self.known_partner().is_some() {
                return Outcome::Ignored;
            }
            self.new_partner = Some(typed);
            self.refresh(ui);
            return Outcome::Changed;
        }
        let outcome = match self.form.handle(key) {
            FormEvent::Ignored => Outcome::Ignored,
            FormEvent::Changed => Outcome::Changed,
            FormEvent::Took(_) => {
                // A known partner fixes the organiser's kind: Enter moves past it too.
                self.refresh(ui);
                if self.form.focus_id() == ORGANISER_KIND && self.form.field(ORGANISER_KIND).locked
                {
                    self.form.advance();
                }
                Outcome::Changed
            }
            FormEvent::Edited(id) => {
                if id == STATUS {
                    self.status_set = true;
                }
                Outcome::Changed
            }
            FormEvent::DraftUsed(fields) => {
                // A draft kept with an older label of the kind ("Magang (klasikal)"): the
                // kind's name without its group, read as import reads it.
                if let Some(typed) = self.form.choice_unmatched(KIND) {
                    let name = typed.rsplit_once(" (").map_or(typed.as_str(), |(n, _)| n);
                    if let Some(k) = TrainingKind::parse(name) {
                        let i = self.kinds.iter().position(|x| *x == k);
                        self.form.set_choice(KIND, i);
                    }
                }
                let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                self.status_set = get("status_dipilih").as_deref() == Some("true");
                self.new_partner = get("mitra_baru").filter(|v| !v.is_empty());
                if let (Some(o), Some(rev)) = (self.original.as_mut(), draft_revision(&fields)) {
                    o.revision = rev;
                }
                Outcome::Changed
            }
            FormEvent::DraftDeclined => Outcome::DiscardDraft,
            FormEvent::Unchanged => Outcome::Unchanged,
            FormEvent::Close => Outcome::Back,
            FormEvent::Delete => match (&self.original, self.nips.first()) {
                (Some(t), Some(nip)) => Outcome::DeleteTraining(nip.clone(), t.id, t.revision),
                _ => Outcome::Changed,
            },
            FormEvent::Save => {
                self.refresh(ui);
                let built = self.build();
                match self.form.accept(built) {
                    Some(t) => Outcome::SaveTraining(self.nips.clone(), Box::new(t)),
                    None => Outcome::Changed,
                }
            }
        };
        self.refresh(ui);
        outcome
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let width = area.width.saturating_sub(4) as usize;
        let mut above = Vec::new();
        match self.names.as_slice() {
            [one] => above.push(Line::from(Span::styled(
                format!(" {}", fit(ui, one, width)),
                ui.theme.header(),
            ))),
            all => {
                above.push(Line::from(Span::styled(
                    format!(" {} {}", all.len(), ui.t(T::GroupEntry)),
                    ui.theme.header(),
                )));
                above.push(Line::from(Span::raw(format!(
                    " {}",
                    fit(ui, &all.join(", "), width)
                ))));
                above.push(Line::from(Span::styled(
                    format!(" {}", ui.t(T::GroupCertificate)),
                    ui.theme.muted(),
                )));
            }
        }
        self.form.draw(frame, area, ui, above);
    }

    /// Pasted text into the focused text field, then the form's checks run again.
    fn paste(&mut self, text: &str, ui: &Ui) -> Option<Pasted> {
        let pasted = self.form.paste(text);
        self.refresh(ui);
        pasted
    }

    fn title(&self) -> T {
        if self.is_new() {
            T::NewTraining
        } else {
            T::EditTraining
        }
    }

    fn captures_text(&self) -> bool {
        true
    }

    fn form(&self) -> Option<&dyn FormState> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::EmploymentKind;
    use crate::ui::lang::Lang;
    use crate::ui::theme::Theme;
    use crossterm::event::{KeyCode, KeyModifiers};
    use jiff::civil::date;

    fn ui(lang: Lang) -> Ui {
        Ui {
            lang,
            theme: Theme::default(),
            jp: Default::default(),
        }
    }

    fn type_text(f: &mut TrainingForm, text: &str, ui: &Ui) {
        for c in text.chars() {
            f.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), ui);
        }
    }

    fn tab(f: &mut TrainingForm, ui: &Ui) {
        f.handle(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE), ui);
    }

    /// A form for one person with the kind and start typed in.
    fn form_for(nip: Nip, kind: &str, start: &str, ui: &Ui) -> TrainingForm {
        let mut f = TrainingForm::new(
            vec![nip.as_str().to_string()],
            vec!["Rina Siregar".into()],
            None,
            Vec::new(),
            date(2026, 11, 28),
            ui,
        )
        .with_people(vec![nip], ui);
        type_text(&mut f, "Latihan Dasar", ui);
        tab(&mut f, ui);
        type_text(&mut f, kind, ui);
        tab(&mut f, ui);
        type_text(&mut f, "BKPSDM Kota Medan", ui);
        tab(&mut f, ui);
        tab(&mut f, ui);
        type_text(&mut f, start, ui);
        f
    }

    #[test]
    fn latsar_for_someone_not_a_cpns_is_warned_on_the_kind_never_refused() {
        // DOMAIN.md, "Competency development": Latsar CPNS is only for CPNS; kinerja warns.
        let id = ui(Lang::Id);
        let pppk = Nip::parse_as("199204112023212999", EmploymentKind::Pppk).unwrap();
        let f = form_for(pppk, "latsar", "2026-03-02", &id);
        assert_eq!(
            f.form.choice(KIND).map(|i| f.kinds[i]),
            Some(TrainingKind::LatsarCpns)
        );
        let note = f.form.field(KIND).note.clone().unwrap_or_default();
        assert!(note.starts_with("Latsar CPNS hanya untuk CPNS"), "{note}");
        assert!(f.form.first_problem().is_none_or(|(id, _)| *id != KIND));
        let en = ui(Lang::En);
        let pns = Nip::parse("198503302010011002").unwrap();
        // TMT CPNS 2010-01: a Latsar in 2026 is long after the CPNS years.
        let f = form_for(pns.clone(), "latsar", "2026-03-02", &en);
        let note = f.form.field(KIND).note.clone().unwrap_or_default();
        assert!(note.starts_with("Latsar CPNS is for CPNS only"), "{note}");
        // Within 2 years of TMT CPNS: no warning; another kind: none either.
        let f = form_for(pns.clone(), "latsar", "2011-05-02", &id);
        assert_eq!(f.form.field(KIND).note, None);
        let f = form_for(pns, "bimtek", "2026-03-02", &id);
        assert_eq!(f.form.field(KIND).note, None);
    }

    #[test]
    fn kinds_are_offered_by_category_with_magang_non_klasikal() {
        // DOMAIN.md, "Competency development": magang is non-klasikal; formal education is
        // a group of its own.
        let options: Vec<String> = kind_options().into_iter().map(|(_, l)| l).collect();
        assert!(options.contains(&"Magang (non-klasikal)".to_string()));
        assert!(options.contains(&"Tugas Belajar (pendidikan formal)".to_string()));
        assert!(options.contains(&"Izin Belajar (pendidikan formal)".to_string()));
        assert_eq!(
            options.first().map(String::as_str),
            Some("Diklat Struktural (klasikal)")
        );
        assert!(
            options
                .last()
                .is_some_and(|l| l.ends_with("(pendidikan formal)"))
        );
    }

    #[test]
    fn a_draft_with_an_older_kind_label_is_read_by_the_kind_name() {
        let id = ui(Lang::Id);
        let mut f = TrainingForm::new(
            vec!["198503302010011002".into()],
            vec!["Rina Siregar".into()],
            None,
            Vec::new(),
            date(2026, 11, 28),
            &id,
        );
        f.offer_draft(
            "kemarin".into(),
            vec![
                ("judul".into(), "Magang di RSUD".into()),
                ("jenis".into(), "Magang (klasikal)".into()),
            ],
        );
        f.handle(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE), &id);
        assert_eq!(
            f.form.choice(KIND).map(|i| f.kinds[i]),
            Some(TrainingKind::Magang)
        );
    }
}
