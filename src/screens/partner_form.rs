//! The partner forms of the Mitra screen, on the form engine: a partner's contact and the
//! competencies it delivers (`e`), or one agreement (`a` adds one, `Enter` on an agreement
//! edits it, `Ctrl-D` there removes it). Each builds the whole partner as it will be saved,
//! at the revision it was opened at, so a save over a newer partner is refused as stale.

use super::{FormSpec, Outcome};
use crate::domain::text::clean_line;
use crate::domain::{
    Agreement, AgreementKind, Competency, Contact, Partner, format_date, parse_date, unit_id,
};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use jiff::civil::Date;
use ratatui::text::{Line, Span};

const CONTACT_NAME: &str = "kontak_nama";
const PHONE: &str = "kontak_telepon";
const EMAIL: &str = "kontak_email";
const COMPETENCIES: &str = "kompetensi";
const KIND: &str = "jenis_perjanjian";
const NUMBER: &str = "nomor_perjanjian";
const START: &str = "mulai";
const END: &str = "selesai";
const SCOPE: &str = "ruang_lingkup";
const STATE: &str = "keadaan";

/// What the form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerEdit {
    /// The contact and the competencies.
    Contact,
    /// A new agreement.
    NewAgreement,
    /// The agreement at this position of `Partner::agreements`.
    Agreement(usize),
}

/// An agreement's state on a day, in the interface language.
pub fn agreement_state(a: &Agreement, on: Date, ui: &Ui) -> &'static str {
    ui.t(if a.mulai > on {
        T::AgreementNotYet
    } else if a.selesai < on {
        T::AgreementEnded
    } else if a.expires_soon(on) {
        T::AgreementExpiring
    } else {
        T::AgreementInForce
    })
}

pub struct PartnerForm {
    partner: Partner,
    edit: PartnerEdit,
    catalogue: Vec<Competency>,
    today: Date,
    form: Form,
}

impl PartnerForm {
    /// A form over `partner` as it was read (its revision is the one the save expects).
    pub fn new(
        partner: Partner,
        edit: PartnerEdit,
        catalogue: Vec<Competency>,
        today: Date,
        ui: &Ui,
    ) -> PartnerForm {
        let edit = match edit {
            PartnerEdit::Agreement(i) if i >= partner.agreements.len() => PartnerEdit::NewAgreement,
            e => e,
        };
        let (title, fields, is_new) = match edit {
            PartnerEdit::Contact => {
                let names: Vec<String> = partner
                    .competencies
                    .iter()
                    .map(|id| {
                        catalogue
                            .iter()
                            .find(|c| &c.id == id)
                            .map_or(id.clone(), |c| c.name.clone())
                    })
                    .collect();
                let fields = vec![
                    Field::text(
                        CONTACT_NAME,
                        ui.t(T::ContactName),
                        100,
                        &partner.contact.nama,
                    )
                    .width(36),
                    Field::text(PHONE, ui.t(T::ContactPhone), 40, &partner.contact.telepon)
                        .width(24),
                    Field::text(EMAIL, ui.t(T::ContactEmail), 100, &partner.contact.email)
                        .width(36),
                    Field::text(
                        COMPETENCIES,
                        ui.t(T::PartnerCompetencies),
                        1000,
                        &names.join("; "),
                    )
                    .width(50),
                ];
                (ui.t(T::EditPartnerContact), fields, false)
            }
            PartnerEdit::NewAgreement | PartnerEdit::Agreement(_) => {
                let a = match edit {
                    PartnerEdit::Agreement(i) => partner.agreements.get(i),
                    _ => None,
                };
                let kind_i = a.map_or(Some(0), |a| {
                    AgreementKind::ALL.iter().position(|k| *k == a.kind)
                });
                let fields = vec![
                    Field::choice(
                        KIND,
                        ui.t(T::AgreementKindLabel),
                        AgreementKind::ALL
                            .iter()
                            .map(|k| k.label().to_string())
                            .collect(),
                        kind_i,
                    ),
                    Field::text(
                        NUMBER,
                        ui.t(T::AgreementNumber),
                        80,
                        a.map_or("", |a| &a.nomor),
                    )
                    .width(36),
                    Field::date(
                        START,
                        ui.t(T::AgreementStart),
                        &a.map_or(String::new(), |a| format_date(a.mulai)),
                    ),
                    Field::date(
                        END,
                        ui.t(T::AgreementEnd),
                        &a.map_or(String::new(), |a| format_date(a.selesai)),
                    ),
                    Field::text(
                        SCOPE,
                        ui.t(T::AgreementScope),
                        200,
                        a.map_or("", |a| &a.ruang_lingkup),
                    )
                    .width(50),
                    Field::info(STATE, ui.t(T::AgreementState)),
                ];
                let title = ui.t(if a.is_some() {
                    T::EditAgreement
                } else {
                    T::NewAgreement
                });
                (title, fields, a.is_none())
            }
        };
        let mut f = PartnerForm {
            partner,
            edit,
            catalogue,
            today,
            form: Form::new(title, fields, is_new).with_delete(T::DeleteAgreementAsk),
        };
        f.refresh(ui);
        f.form.mark_clean();
        f
    }

    /// The partner (id) and what is edited, for the draft's key: `kontak`,
    /// `perjanjian-baru` or `perjanjian-N`.
    /// The draft's name after the officer's prefix: `mitra/{partner}/{part}`.
    pub fn draft_of(&self) -> String {
        let which = match self.edit {
            PartnerEdit::Contact => "kontak".to_string(),
            PartnerEdit::NewAgreement => "perjanjian-baru".to_string(),
            PartnerEdit::Agreement(i) => format!("perjanjian-{i}"),
        };
        format!("mitra/{}/{which}", self.partner.id)
    }

    /// The catalogue competency a typed name means: its id or name (case aside), else the
    /// one competency whose name contains it ("BTCLS" for "PPGD / BTCLS (demo)"), from 3
    /// characters on; `None` when none or several do.
    fn resolve(&self, name: &str) -> Option<&Competency> {
        let id = unit_id(name);
        if let Some(c) = self
            .catalogue
            .iter()
            .find(|c| c.id == id || c.name.eq_ignore_ascii_case(name))
        {
            return Some(c);
        }
        let typed = name.to_lowercase();
        if typed.chars().count() < 3 {
            return None;
        }
        let mut matching = self
            .catalogue
            .iter()
            .filter(|c| c.name.to_lowercase().contains(&typed));
        match (matching.next(), matching.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }

    /// The competency ids the field names, or the first name not in the catalogue.
    fn competency_ids(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for name in self.form.text(COMPETENCIES).split(';').map(clean_line) {
            if name.is_empty() {
                continue;
            }
            match self.resolve(&name) {
                Some(c) if !out.contains(&c.id) => out.push(c.id.clone()),
                Some(_) => {}
                None => return Err(name),
            }
        }
        Ok(out)
    }

    fn date_of(&self, id: &str) -> Option<Date> {
        parse_date(&self.form.text(id))
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.edit == PartnerEdit::Contact {
            if let Err(name) = self.competency_ids() {
                out.push((
                    COMPETENCIES,
                    format!("{}: {name}", ui.t(T::ErrNotInCatalogue)),
                ));
            }
            return out;
        }
        if self.form.choice(KIND).is_none() {
            out.push((KIND, ui.t(T::NotChosen).to_string()));
        }
        let nomor = clean_line(&self.form.text(NUMBER));
        if nomor.is_empty() {
            out.push((NUMBER, ui.t(T::Required).to_string()));
        } else if let Some(kind) = self.kind() {
            let taken = self.partner.agreements.iter().enumerate().any(|(i, a)| {
                self.edit != PartnerEdit::Agreement(i)
                    && a.kind == kind
                    && a.nomor.eq_ignore_ascii_case(&nomor)
            });
            if taken {
                out.push((NUMBER, ui.t(T::ErrAgreementTaken).to_string()));
            }
        }
        let date_problem = |id: &str| {
            if self.form.text(id).trim().is_empty() {
                ui.t(T::Required).to_string()
            } else if crate::domain::looks_like_date(&self.form.text(id)) {
                ui.t(T::ErrNoSuchDate).to_string()
            } else {
                ui.t(T::ErrDate).to_string()
            }
        };
        let (start, end) = (self.date_of(START), self.date_of(END));
        if start.is_none() {
            out.push((START, date_problem(START)));
        }
        match (start, end) {
            (_, None) => out.push((END, date_problem(END))),
            (Some(s), Some(e)) if e < s => out.push((END, ui.t(T::ErrEndBeforeStart).to_string())),
            _ => {}
        }
        out
    }

    fn kind(&self) -> Option<AgreementKind> {
        AgreementKind::ALL.get(self.form.choice(KIND)?).copied()
    }

    fn agreement(&self) -> Option<Agreement> {
        Some(
            Agreement {
                kind: self.kind()?,
                nomor: self.form.text(NUMBER),
                mulai: self.date_of(START)?,
                selesai: self.date_of(END)?,
                ruang_lingkup: self.form.text(SCOPE),
            }
            .cleaned(),
        )
    }

    /// The partner as the form would save it.
    fn partner_as_saved(&self) -> Option<Partner> {
        let mut p = self.partner.clone();
        match self.edit {
            PartnerEdit::Contact => {
                p.contact = Contact {
                    nama: self.form.text(CONTACT_NAME),
                    telepon: self.form.text(PHONE),
                    email: self.form.text(EMAIL),
                }
                .cleaned();
                p.competencies = self.competency_ids().ok()?;
            }
            PartnerEdit::NewAgreement => p.agreements.push(self.agreement()?),
            PartnerEdit::Agreement(i) => *p.agreements.get_mut(i)? = self.agreement()?,
        }
        Some(p.cleaned())
    }

    /// The problems, and the note or state the part edited shows.
    fn show(&mut self, ui: &Ui) {
        let problems = self.problems(ui);
        self.form.set_problems(problems);
        if self.edit == PartnerEdit::Contact {
            // The catalogue's names not chosen yet (a name not understood chooses none), in
            // full when the field is focused.
            let chosen: Vec<String> = self
                .form
                .text(COMPETENCIES)
                .split(';')
                .map(clean_line)
                .filter_map(|name| self.resolve(&name).map(|c| c.id.clone()))
                .collect();
            let rest: Vec<&str> = self
                .catalogue
                .iter()
                .filter(|c| !chosen.contains(&c.id))
                .map(|c| c.name.as_str())
                .collect();
            self.form.field_mut(COMPETENCIES).note = (!rest.is_empty())
                .then(|| format!("{}: {}", ui.t(T::CatalogueChoices), rest.join("; ")));
        } else {
            // Nothing while the dates are wrong.
            let state = self
                .agreement()
                .filter(|a| a.mulai <= a.selesai)
                .map_or(String::new(), |a| {
                    agreement_state(&a, self.today, ui).into()
                });
            self.form
                .set_info(STATE, state, ratatui::style::Style::new());
        }
    }
}

impl FormSpec for PartnerForm {
    type Record = Partner;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        T::Partners
    }

    fn draft_id(&self) -> String {
        self.draft_of()
    }

    fn revision(&self) -> u64 {
        self.partner.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.partner.revision = revision;
    }

    fn refresh(&mut self, ui: &Ui) {
        self.show(ui);
    }

    fn build(&self) -> Option<Partner> {
        self.partner_as_saved()
    }

    fn save_outcome(&self, p: Partner) -> Outcome {
        Outcome::SavePartner(Box::new(p))
    }

    /// An agreement removed: the partner without it.
    fn delete_outcome(&self) -> Outcome {
        match self.edit {
            PartnerEdit::Agreement(i) if i < self.partner.agreements.len() => {
                let mut p = self.partner.clone();
                p.agreements.remove(i);
                Outcome::SavePartner(Box::new(p))
            }
            _ => Outcome::Changed,
        }
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let name = format!(
            "{} ({})",
            self.partner.name,
            crate::ui::labels::organiser_text(self.partner.kind, ui.lang)
        );
        vec![Line::from(Span::styled(
            format!(" {}", fit(ui, &name, width)),
            ui.theme.header(),
        ))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CompetencyKind, OrganiserKind};
    use crate::screens::Screen;
    use crossterm::event::KeyEvent;
    use crossterm::event::{KeyCode, KeyModifiers};
    use jiff::civil::date;

    fn type_text(f: &mut PartnerForm, text: &str, ui: &Ui) {
        for c in text.chars() {
            f.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), ui);
        }
    }

    fn catalogue() -> Vec<Competency> {
        vec![Competency::new(
            "Literasi Digital (demo)",
            CompetencyKind::Teknis,
            vec![],
            vec!["Literasi Digital".into()],
            Some(24),
        )]
    }

    #[test]
    fn an_agreement_form_builds_the_partner_with_the_new_agreement() {
        let ui = Ui::default();
        let p = Partner::new("PT Solusi Digital Pesisir", OrganiserKind::Swasta);
        let mut f = PartnerForm::new(
            p,
            PartnerEdit::NewAgreement,
            catalogue(),
            date(2026, 12, 1),
            &ui,
        );
        f.form.focus_on(NUMBER);
        type_text(&mut f, "PKS/1/2026", &ui);
        f.form.focus_on(START);
        type_text(&mut f, "2026-01-01", &ui);
        f.form.focus_on(END);
        type_text(&mut f, "2025-12-31", &ui);
        assert_eq!(
            f.problems(&ui).first().map(|(id, _)| *id),
            Some(END),
            "ends before it starts"
        );
        for _ in 0..10 {
            f.handle(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE), &ui);
        }
        type_text(&mut f, "2027-02-28", &ui);
        assert!(f.problems(&ui).is_empty(), "{:?}", f.problems(&ui));
        let saved = f.handle(
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            &ui,
        );
        let Outcome::SavePartner(p) = saved else {
            panic!("{saved:?}");
        };
        assert_eq!(p.agreements.len(), 1);
        assert_eq!(p.agreements[0].selesai, date(2027, 2, 28));
    }

    #[test]
    fn competencies_must_be_in_the_catalogue() {
        let ui = Ui::default();
        let p = Partner::new("PT Solusi Digital Pesisir", OrganiserKind::Swasta);
        let mut f = PartnerForm::new(p, PartnerEdit::Contact, catalogue(), date(2026, 12, 1), &ui);
        f.form.focus_on(COMPETENCIES);
        type_text(&mut f, "literasi digital (demo); Sulap", &ui);
        assert_eq!(
            f.problems(&ui).first().map(|(id, _)| *id),
            Some(COMPETENCIES)
        );
        for _ in 0..7 {
            f.handle(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE), &ui);
        }
        assert!(f.problems(&ui).is_empty(), "{:?}", f.problems(&ui));
        assert_eq!(
            f.build().map(|p| p.competencies),
            Some(vec!["literasi-digital-demo".to_string()])
        );
    }

    /// A trial had to type " (demo)" after every name, and saw names it had chosen offered
    /// again beside a misspelt one. A part of a name that only one competency has is that
    /// competency; a name not understood chooses none, and the others stay chosen.
    #[test]
    fn a_part_of_one_name_chooses_it_and_chosen_names_are_not_offered_again() {
        let ui = Ui::default();
        let mut cat = catalogue();
        cat.push(Competency::new(
            "PPGD / BTCLS (demo)",
            CompetencyKind::Teknis,
            vec![],
            vec!["BTCLS".into()],
            Some(36),
        ));
        let p = Partner::new("PT Solusi Digital Pesisir", OrganiserKind::Swasta);
        let mut f = PartnerForm::new(p, PartnerEdit::Contact, cat, date(2026, 12, 1), &ui);
        f.form.focus_on(COMPETENCIES);
        type_text(&mut f, "btcls; Sulap", &ui);
        assert_eq!(
            f.problems(&ui).first().map(|(_, text)| text.as_str()),
            Some("tidak ada di katalog kompetensi: Sulap")
        );
        let note = f.form.field(COMPETENCIES).note.clone().unwrap_or_default();
        assert!(note.contains("Literasi Digital (demo)"), "{note}");
        assert!(!note.contains("BTCLS"), "chosen already: {note}");
        for _ in 0..7 {
            f.handle(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE), &ui);
        }
        assert_eq!(
            f.build().map(|p| p.competencies),
            Some(vec!["ppgd-btcls-demo".to_string()])
        );
        // Too short, or part of several: not chosen.
        assert!(f.resolve("bt").is_none());
        assert!(f.resolve("demo").is_none());
    }
}
