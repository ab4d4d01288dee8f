//! The officer's role and units applied to what a session shows and does (DESIGN.md,
//! "Several officers").

use super::*;

/// The view limited to the officer's units (a penilai's, or a viewer's when listed).
pub(super) fn scoped(mut index: StaffIndex, opts: &Options) -> StaffIndex {
    if let Some(units) = opts.officer.as_ref().and_then(|o| o.scope()) {
        index.set_scope(Some(units));
    }
    index
}

impl App {
    /// Why the officer's role does not allow `outcome`, in the UI language; `None` when it
    /// does (or no officers exist). DESIGN.md: viewer reads only; penilai writes
    /// evaluations, trainings and coaching for staff of its units; admin does everything.
    pub(super) fn refused(&self, outcome: &Outcome) -> Option<String> {
        let officer = self.opts.officer.as_ref()?;
        let nips: Vec<&str> = match outcome {
            Outcome::NewStaff
            | Outcome::EditStaff(_)
            | Outcome::SaveStaff(..)
            | Outcome::SetUnitRating(..)
            | Outcome::ToggleUnitHead(_)
            // Partners serve every unit: edited by whoever edits units.
            | Outcome::EditPartner(..)
            | Outcome::SavePartner(_)
            | Outcome::LoadDemo => {
                return (!officer.may_edit_staff_records()).then(|| {
                    // A viewer is told the reason that applies to every change.
                    let why = if officer.may_write() {
                        T::RoleAdminOnly
                    } else {
                        T::RoleViewer
                    };
                    self.ui.t(why).to_string()
                });
            }
            Outcome::SaveRequirement(..) | Outcome::DeleteRequirement(_) => {
                return (!officer.may_edit_staff_records()).then(|| {
                    let why = if officer.may_write() {
                        T::RoleAdminOnlyRequirements
                    } else {
                        T::RoleViewer
                    };
                    self.ui.t(why).to_string()
                });
            }
            Outcome::OpenEvaluation(nip, _)
            | Outcome::SaveEvaluation(nip, _)
            | Outcome::DeleteEvaluation(nip, ..)
            | Outcome::QuickSave(nip, _)
            | Outcome::OpenPotential(nip)
            | Outcome::SavePotential(nip, _)
            | Outcome::DeleteTraining(nip, ..)
            | Outcome::OpenCoaching(nip, _)
            | Outcome::SaveCoaching(nip, _)
            | Outcome::DeleteCoaching(nip, ..) => vec![nip.as_str()],
            Outcome::OpenTraining(nips, _)
            | Outcome::SaveTraining(nips, _)
            | Outcome::TrainForCompetency(nips, _) => nips.iter().map(String::as_str).collect(),
            Outcome::QuickEntry | Outcome::QuickStart => Vec::new(),
            Outcome::ExportProfile(_) if self.opts.remote => {
                return Some(self.ui.t(T::ServeNoProfileExport).to_string());
            }
            // Reading: anyone who may see the person's unit (a viewer too).
            Outcome::OpenStaff(nip) | Outcome::OpenProfile(nip) | Outcome::ExportProfile(nip) => {
                // Only someone in the officer's units opens (a row another session moved
                // under the cursor may be someone else's).
                let unit = self.store.get_staff(nip).ok().flatten().map(|s| s.unit_id);
                return match unit {
                    Some(u) if officer.sees_unit(&u) => None,
                    _ => Some(self.ui.t(T::RoleOtherUnit).to_string()),
                };
            }
            Outcome::ExportReport(_) if self.opts.remote => {
                return Some(self.ui.t(T::ServeNoExport).to_string());
            }
            _ => return None,
        };
        if !officer.may_write() {
            return Some(self.ui.t(T::RoleViewer).to_string());
        }
        for nip in nips {
            // A person who cannot be read is not let through.
            let unit = match self.store.get_staff(nip) {
                Ok(Some(s)) => s.unit_id,
                _ => return Some(self.ui.t(T::RoleOtherUnit).to_string()),
            };
            if !officer.may_write_for_unit(&unit) {
                return Some(self.ui.t(T::RoleOtherUnit).to_string());
            }
        }
        None
    }

    /// A line in the footer until the next key (e.g. the role the local screens apply).
    pub fn notice(&mut self, text: String, error: bool) {
        self.status = Some((text, error));
    }

    /// The units the officer is limited to (`None`: all).
    pub(super) fn scope(&self) -> Option<Vec<String>> {
        self.opts.officer.as_ref().and_then(|o| o.scope())
    }

    /// Whether staff of `unit_id` may be shown in this session.
    pub(super) fn in_scope(&self, unit_id: &str) -> bool {
        self.opts
            .officer
            .as_ref()
            .is_none_or(|o| o.sees_unit(unit_id))
    }
}
