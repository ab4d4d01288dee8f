//! The officer's role and units applied to what a session shows and does (DESIGN.md,
//! "Several officers").

use super::*;
use crate::screens::Access;

/// The view limited to the officer's units (a penilai's, or a viewer's when listed).
pub(super) fn scoped(mut index: StaffIndex, opts: &Options) -> StaffIndex {
    if let Some(units) = opts.officer.as_ref().and_then(|o| o.scope()) {
        index.set_scope(Some(units));
    }
    index
}

/// Why a role refuses an access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refusal {
    Viewer,
    AdminOnly,
    AdminOnlyRequirements,
    AdminOnlyAudit,
    AdminOnlyOfficers,
    OtherUnit,
    /// Over `serve`, a file would be written on the server.
    RemoteExport,
    RemoteProfile,
}

impl Refusal {
    fn text(self) -> T {
        match self {
            Refusal::Viewer => T::RoleViewer,
            Refusal::AdminOnly => T::RoleAdminOnly,
            Refusal::AdminOnlyRequirements => T::RoleAdminOnlyRequirements,
            Refusal::AdminOnlyAudit => T::RoleAdminOnlyAudit,
            Refusal::AdminOnlyOfficers => T::RoleAdminOnlyOfficers,
            Refusal::OtherUnit => T::RoleOtherUnit,
            Refusal::RemoteExport => T::ServeNoExport,
            Refusal::RemoteProfile => T::ServeNoProfileExport,
        }
    }
}

/// Whether `officer` may have `access`: `None` when allowed. `remote`: a `serve` session.
/// `unit_of` gives a person's unit (NIP -> unit id; `None`: cannot be read, refused).
/// DESIGN.md: a viewer reads only; a penilai writes evaluations, trainings, coaching and
/// potensial for the staff of its units; an admin does everything.
pub(super) fn decide(
    access: &Access,
    officer: &crate::domain::Officer,
    remote: bool,
    unit_of: &dyn Fn(&str) -> Option<String>,
) -> Option<Refusal> {
    let sees = |nip: &str| unit_of(nip).is_some_and(|u| officer.sees_unit(&u));
    // A viewer is told the reason that applies to every change.
    let admin_only = |why| {
        (!officer.may_edit_staff_records()).then_some(if officer.may_write() {
            why
        } else {
            Refusal::Viewer
        })
    };
    match access {
        Access::Read => None,
        Access::ExportReport if remote => Some(Refusal::RemoteExport),
        Access::ExportReport => None,
        Access::ExportProfile(_) if remote => Some(Refusal::RemoteProfile),
        // Only someone in the officer's units opens (a row another session moved under the
        // cursor may be someone else's).
        Access::ReadPerson(nip) | Access::ExportProfile(nip) => {
            (!sees(nip)).then_some(Refusal::OtherUnit)
        }
        Access::ReadUnit(unit) => (!officer.sees_unit(unit)).then_some(Refusal::OtherUnit),
        Access::AdminStaff => admin_only(Refusal::AdminOnly),
        Access::AdminRequirements => admin_only(Refusal::AdminOnlyRequirements),
        // Reading, but everyone's changes: a viewer is told it is for admins too.
        Access::AdminAudit => {
            (!officer.may_edit_staff_records()).then_some(Refusal::AdminOnlyAudit)
        }
        Access::AdminOfficers => {
            (!officer.may_edit_staff_records()).then_some(Refusal::AdminOnlyOfficers)
        }
        Access::Write => (!officer.may_write()).then_some(Refusal::Viewer),
        Access::WriteFor(nips) => {
            if !officer.may_write() {
                return Some(Refusal::Viewer);
            }
            // A person who cannot be read is not let through.
            nips.iter()
                .any(|nip| !unit_of(nip).is_some_and(|u| officer.may_write_for_unit(&u)))
                .then_some(Refusal::OtherUnit)
        }
    }
}

impl App {
    /// Why the officer's role does not allow `outcome`, in the UI language; `None` when it
    /// does (or no officers exist). See [`decide`].
    pub(super) fn refused(&self, outcome: &Outcome) -> Option<String> {
        let officer = self.opts.officer.as_ref()?;
        let unit_of = |nip: &str| self.store.get_staff(nip).ok().flatten().map(|s| s.unit_id);
        decide(&outcome.access(), officer, self.opts.remote, &unit_of)
            .map(|r| self.ui.t(r.text()).to_string())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Officer, Role};
    use crate::screens::partner_form::PartnerEdit;

    fn officer(role: Role, units: &[&str]) -> Officer {
        Officer {
            name: "petugas".into(),
            role,
            units: units.iter().map(|u| u.to_string()).collect(),
            keys: Vec::new(),
            lang: String::new(),
            revision: 0,
        }
    }

    /// Every outcome that writes to the store, with real records from the demo: the person
    /// is in `unit`.
    fn write_outcomes() -> (Vec<Outcome>, String, String) {
        let today = jiff::civil::date(2026, 6, 1);
        let mut demo = crate::demo::generate(7, 300, today);
        let partner = demo.partners[0].clone();
        let unit = demo.units[0].clone();
        let mut found = None;
        while let Some(p) = demo.next_person() {
            if !p.evaluations.items.is_empty()
                && !p.trainings.items.is_empty()
                && !p.coaching.items.is_empty()
                && !p.potentials.items.is_empty()
            {
                found = Some(p);
                break;
            }
        }
        let p = found.expect("the demo has someone with every kind of record");
        let nip = p.staff.nip.as_str().to_string();
        let e = Box::new(p.evaluations.items[0].clone());
        let t = Box::new(p.trainings.items[0].clone());
        let c = Box::new(p.coaching.items[0].clone());
        let pot = Box::new(p.potentials.items[0].clone());
        let (_, requirements) = crate::demo::competency_catalogue();
        let req = Box::new(requirements[0].clone());
        let skp = crate::domain::Skp::new_year(
            2026,
            crate::domain::PersonAtTime::named(&p.staff.nama, Some(p.staff.nip.clone())),
            crate::domain::PersonAtTime::named("Penilai", None),
        );
        let n = || nip.clone();
        let outcomes = vec![
            Outcome::NewStaff,
            Outcome::EditStaff(n()),
            Outcome::SaveStaff(Box::new(p.staff.clone()), Some(unit)),
            Outcome::LoadDemo,
            Outcome::SetUnitRating(p.staff.unit_id.clone(), 2025, None),
            Outcome::ToggleUnitHead(n()),
            Outcome::EditPartner(partner.id.clone(), PartnerEdit::Contact),
            Outcome::SavePartner(Box::new(partner)),
            Outcome::SaveRequirement(None, req.clone()),
            Outcome::DeleteRequirement(req),
            Outcome::OpenEvaluation(n(), None),
            Outcome::SaveEvaluation(n(), e.clone()),
            Outcome::DeleteEvaluation(n(), 1, 1),
            Outcome::SaveKeberatan(n(), e.clone()),
            Outcome::QuickEntry,
            Outcome::QuickStart,
            Outcome::QuickSave(n(), e),
            Outcome::OpenTraining(vec![n()], None),
            Outcome::SaveTraining(vec![n()], t),
            Outcome::DeleteTraining(n(), 1, 1),
            Outcome::TrainForCompetency(vec![n()], "btcls".into()),
            Outcome::OpenCoaching(n(), None),
            Outcome::SaveCoaching(n(), c),
            Outcome::DeleteCoaching(n(), 1, 1),
            Outcome::OpenPotential(n()),
            Outcome::SavePotential(n(), pot),
            Outcome::OpenRealisation(p.staff.unit_id.clone()),
            Outcome::RealisationView(p.staff.unit_id.clone(), crate::domain::Period::annual(2025)),
            Outcome::SaveRealisasi(Box::new(crate::screens::realisation::RealisasiEntry {
                nip: n(),
                skp_id: 1,
                revision: 1,
                indikator_id: 2,
                period: crate::domain::Period::annual(2025),
                nilai: None,
                catatan: String::new(),
            })),
            Outcome::EditSkp(n(), crate::screens::skp::SkpEdit::New),
            Outcome::SaveSkp(n(), Box::new(skp.clone())),
            Outcome::DeleteSkp(n(), 1, 1),
            Outcome::SkpTemplate(vec![n()]),
            Outcome::SkpCascade(n(), 1),
            Outcome::SaveSkpGroup(vec![n()], Box::new(skp)),
            Outcome::OpenContract(n(), None),
            Outcome::SaveContract(
                n(),
                None,
                Box::new(crate::domain::Contract {
                    mulai: today,
                    selesai: today,
                    nomor: String::new(),
                }),
            ),
            Outcome::DeleteContract(n(), today, 1),
            Outcome::EditCareer(n(), None),
            Outcome::SaveCareer(
                n(),
                Box::new(crate::domain::CareerEntry::new(
                    None,
                    crate::domain::CareerValue::Unit(p.staff.unit_id.clone()),
                )),
            ),
            Outcome::DeleteCareer(n(), 1, 1),
        ];
        (outcomes, nip, p.staff.unit_id)
    }

    fn admin_only(o: &Outcome) -> bool {
        matches!(o.access(), Access::AdminStaff | Access::AdminRequirements)
    }

    #[test]
    fn every_write_action_is_refused_to_a_viewer_and_allowed_to_an_admin() {
        let (outcomes, nip, unit) = write_outcomes();
        let unit_of = |n: &str| (n == nip).then(|| unit.clone());
        for o in &outcomes {
            assert_ne!(
                o.access(),
                Access::Read,
                "{o:?} writes: it must say who may"
            );
            let viewer = officer(Role::Viewer, &[]);
            assert_eq!(
                decide(&o.access(), &viewer, false, &unit_of),
                Some(Refusal::Viewer),
                "viewer: {o:?}"
            );
            let admin = officer(Role::Admin, &[]);
            assert_eq!(
                decide(&o.access(), &admin, false, &unit_of),
                None,
                "admin: {o:?}"
            );
        }
    }

    #[test]
    fn a_penilai_writes_for_its_own_units_only_and_never_staff_records() {
        let (outcomes, nip, unit) = write_outcomes();
        let unit_of = |n: &str| (n == nip).then(|| unit.clone());
        let own = officer(Role::Penilai, &[unit.as_str()]);
        let other = officer(Role::Penilai, &["unit-lain"]);
        for o in &outcomes {
            let mine = decide(&o.access(), &own, false, &unit_of);
            let theirs = decide(&o.access(), &other, false, &unit_of);
            match o.access() {
                Access::AdminStaff => {
                    assert_eq!(mine, Some(Refusal::AdminOnly), "{o:?}");
                    assert_eq!(theirs, Some(Refusal::AdminOnly), "{o:?}");
                }
                Access::AdminRequirements => {
                    assert_eq!(mine, Some(Refusal::AdminOnlyRequirements), "{o:?}");
                }
                Access::WriteFor(_) => {
                    assert_eq!(mine, None, "{o:?}");
                    assert_eq!(theirs, Some(Refusal::OtherUnit), "{o:?}");
                }
                Access::Write => assert_eq!((mine, theirs), (None, None), "{o:?}"),
                a => panic!("{o:?} is a write action but asks for {a:?}"),
            }
            assert_eq!(admin_only(o), mine.is_some(), "{o:?}");
        }
    }

    #[test]
    fn only_an_admin_opens_the_audit_trail() {
        let unit_of = |_: &str| Some("pkm".to_string());
        let open = Outcome::OpenAudit(Default::default());
        for (role, refused) in [
            (Role::Admin, None),
            (Role::Penilai, Some(Refusal::AdminOnlyAudit)),
            (Role::Viewer, Some(Refusal::AdminOnlyAudit)),
        ] {
            let o = officer(role, &["pkm"]);
            assert_eq!(
                decide(&open.access(), &o, true, &unit_of),
                refused,
                "{role:?}"
            );
        }
    }

    #[test]
    fn reading_needs_only_sight_of_the_unit_and_files_stay_local() {
        let unit_of = |_: &str| Some("pkm".to_string());
        let viewer = officer(Role::Viewer, &["pkm"]);
        let open = Outcome::OpenStaff("1".into());
        assert_eq!(decide(&open.access(), &viewer, false, &unit_of), None);
        // An objection is read by whoever sees the person; saving it is a write.
        let objection = Outcome::OpenKeberatan("1".into(), 1);
        assert_eq!(decide(&objection.access(), &viewer, false, &unit_of), None);
        assert_eq!(
            decide(
                &objection.access(),
                &officer(Role::Viewer, &["sdn"]),
                false,
                &unit_of
            ),
            Some(Refusal::OtherUnit)
        );
        let elsewhere = officer(Role::Viewer, &["sdn"]);
        // A record and an SKP: read where the unit is seen, never elsewhere.
        for open in [
            Outcome::OpenStaff("1".into()),
            Outcome::OpenSkp("1".into(), 1),
        ] {
            assert_eq!(decide(&open.access(), &viewer, false, &unit_of), None);
            assert_eq!(
                decide(&open.access(), &elsewhere, false, &unit_of),
                Some(Refusal::OtherUnit)
            );
        }
        let export = Outcome::ExportReport(2025);
        assert_eq!(decide(&export.access(), &viewer, false, &unit_of), None);
        assert_eq!(
            decide(&export.access(), &viewer, true, &unit_of),
            Some(Refusal::RemoteExport)
        );
        // Printing is reading (issue 20): a viewer prints, over `serve` too (the file goes
        // beside the database); a penilai only its units' people and reports.
        let period = crate::domain::Period::annual(2026);
        let penilai = officer(Role::Penilai, &["pkm"]);
        let other = officer(Role::Penilai, &["sdn"]);
        for print in [
            Outcome::PrintPerson("1".into(), crate::screens::PrintDoc::Profil),
            Outcome::PrintUnit("pkm".into(), period, crate::screens::UnitDoc::Laporan),
        ] {
            for remote in [false, true] {
                assert_eq!(decide(&print.access(), &viewer, remote, &unit_of), None);
                assert_eq!(decide(&print.access(), &penilai, remote, &unit_of), None);
            }
            assert_eq!(
                decide(&print.access(), &other, false, &unit_of),
                Some(Refusal::OtherUnit),
                "{print:?}"
            );
        }
        let profile = Outcome::ExportProfile("1".into());
        assert_eq!(
            decide(&profile.access(), &viewer, true, &unit_of),
            Some(Refusal::RemoteProfile)
        );
    }
}
