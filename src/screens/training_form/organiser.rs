//! The organiser of a training: a known partner by suggestion (its kind is then the
//! partner's own), or a new one only on `Ctrl-N`, after the closest known names were
//! offered.

use super::{ORGANISER, ORGANISER_KIND, TrainingForm};
use crate::domain::text::clean_line;
use crate::domain::{OrganiserKind, Partner};
use crate::screens::Outcome;
use crate::ui::Ui;
use crate::ui::closest::closest;
use crate::ui::lang::T;

impl TrainingForm {
    /// The known partner the organiser field names exactly (case aside).
    pub(super) fn known_partner(&self) -> Option<&Partner> {
        let typed = clean_line(&self.form.text(ORGANISER)).to_lowercase();
        self.partners
            .iter()
            .find(|p| p.name.to_lowercase() == typed)
    }

    /// A known partner whose name contains what is typed, if it is not typed in full. Only
    /// a name that contains the typed text is offered for Enter: a loosely similar one is
    /// named in the note, never taken by a key meant to move on.
    pub(super) fn suggestion(&self) -> Option<&Partner> {
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

    /// The suggestion, the kind a known partner fixes, and the note of what is typed.
    pub(super) fn organiser_notes(&mut self, ui: &Ui) {
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
    }

    /// No organiser, or one that is no partner (and not chosen as a new one).
    pub(super) fn organiser_problem(&self, ui: &Ui, out: &mut Vec<(&'static str, String)>) {
        let organiser = clean_line(&self.form.text(ORGANISER));
        if organiser.is_empty() {
            out.push((ORGANISER, ui.t(T::Required).to_string()));
        } else if self.known_partner().is_none()
            && self.new_partner.as_deref() != Some(&organiser)
            && self.original.as_ref().map(|t| t.penyelenggara.as_str()) != Some(&organiser)
        {
            out.push((ORGANISER, ui.t(T::PartnerUnknown).to_string()));
        }
    }

    /// `Ctrl-N` in the organiser field: record what is typed as a new partner.
    pub(super) fn choose_new_partner(&mut self) -> Outcome {
        let typed = clean_line(&self.form.text(ORGANISER));
        if typed.is_empty() || self.known_partner().is_some() {
            return Outcome::Ignored;
        }
        self.new_partner = Some(typed);
        Outcome::Changed
    }
}
