//! `kinerja check`: decode every value and verify every index, listing what is damaged.

use super::records;
use super::{Counts, Store, StoreError, keys};
use crate::domain::StaffSummary;
use std::collections::{HashMap, HashSet};

/// One damaged key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub tree: &'static str,
    pub key: String,
    pub problem: String,
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}: {}", self.tree, self.key, self.problem)
    }
}

#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Records that decoded.
    pub counts: Counts,
    pub damage: Vec<Damage>,
}

/// Each staff record's NIP (its key) and unit, as the staff check found them.
type StaffUnits = HashMap<Vec<u8>, String>;

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.damage.is_empty()
    }

    fn damaged(&mut self, tree: &'static str, key: &[u8], problem: impl Into<String>) {
        self.damage.push(Damage {
            tree,
            key: keys::show(key),
            problem: problem.into(),
        });
    }
}

impl Store {
    /// Reads the whole database. Only sled itself failing is an `Err`; damage is reported.
    /// Each tree is checked in turn; the later checks use what the earlier ones found.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        // Not known sound until the whole walk has found nothing (an error stops it).
        self.found_sound(false);
        let mut r = CheckReport::default();
        self.check_meta(&mut r)?;
        let units = self.check_units(&mut r)?;
        self.check_officers(&mut r)?;
        self.check_partners(&mut r)?;
        let competencies = self.check_competencies(&mut r)?;
        self.check_requirements(&mut r, &competencies)?;
        self.check_partner_competencies(&mut r, &competencies)?;
        let staff_units = self.check_staff(&mut r, &units)?;
        self.check_staff_by_unit(&mut r, &staff_units)?;
        self.check_evaluations(&mut r, &staff_units)?;
        self.check_potentials(&mut r, &staff_units)?;
        self.check_trainings(&mut r, &staff_units)?;
        self.check_coaching(&mut r, &staff_units)?;
        self.check_skp(&mut r, &staff_units)?;
        self.check_summaries(&mut r, &staff_units)?;
        self.check_training_stats(&mut r)?;
        self.check_drafts(&mut r)?;
        self.check_audit(&mut r)?;
        self.check_audit_by_record(&mut r)?;
        self.found_sound(r.is_sound());
        Ok(r)
    }

    /// The schema version in `meta`.
    fn check_meta(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        match self.meta.get(keys::SCHEMA_KEY)? {
            Some(v) if v.len() == 4 => {}
            Some(_) => r.damaged("meta", keys::SCHEMA_KEY, "schema version is not 4 bytes"),
            None => r.damaged("meta", keys::SCHEMA_KEY, "schema version is missing"),
        }
        Ok(())
    }

    /// Every unit decodes under its own id; returns the ids.
    fn check_units(&self, r: &mut CheckReport) -> Result<HashSet<String>, StoreError> {
        let mut units = HashSet::new();
        for item in self.units.iter() {
            let (k, v) = item?;
            match records::decode_unit(&v) {
                Ok(u) if u.id.as_bytes() == &k[..] => {
                    units.insert(u.id);
                    r.counts.units += 1;
                }
                Ok(u) => r.damaged(
                    "units",
                    &k,
                    format!("holds unit {:?} under another key", u.id),
                ),
                Err(e) => r.damaged("units", &k, e.to_string()),
            }
        }
        Ok(units)
    }

    /// Every officer decodes under its own name.
    fn check_officers(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.tree("officers")?.iter() {
            let (k, v) = item?;
            match records::decode_officer(&v) {
                Ok(o) if o.name.as_bytes() == &k[..] => {}
                Ok(o) => r.damaged(
                    "officers",
                    &k,
                    format!("holds officer {:?} under another key", o.name),
                ),
                Err(e) => r.damaged("officers", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every partner decodes under its own id.
    fn check_partners(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.partners.iter() {
            let (k, v) = item?;
            match records::decode_partner(&v) {
                Ok(p) if p.id.as_bytes() == &k[..] => r.counts.partners += 1,
                Ok(p) => r.damaged(
                    "partners",
                    &k,
                    format!("holds partner {:?} under another key", p.id),
                ),
                Err(e) => r.damaged("partners", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every competency of the catalogue decodes under its own id; returns the ids.
    fn check_competencies(&self, r: &mut CheckReport) -> Result<HashSet<String>, StoreError> {
        let mut competencies = HashSet::new();
        for item in self.competencies.iter() {
            let (k, v) = item?;
            match records::decode_competency(&v) {
                Ok(c) if c.id.as_bytes() == &k[..] => {
                    competencies.insert(c.id);
                    r.counts.competencies += 1;
                }
                Ok(c) => r.damaged(
                    "competencies",
                    &k,
                    format!("holds competency {:?} under another key", c.id),
                ),
                Err(e) => r.damaged("competencies", &k, e.to_string()),
            }
        }
        Ok(competencies)
    }

    /// Every requirement decodes under its own key and names a catalogued competency.
    fn check_requirements(
        &self,
        r: &mut CheckReport,
        competencies: &HashSet<String>,
    ) -> Result<(), StoreError> {
        for item in self.requirements.iter() {
            let (k, v) = item?;
            match records::decode_requirement(&v) {
                Ok(q) if q.key().as_bytes() != &k[..] => {
                    r.damaged("requirements", &k, "holds a requirement under another key")
                }
                Ok(q) if !competencies.contains(&q.competency) => r.damaged(
                    "requirements",
                    &k,
                    format!("names competency {:?}, which does not exist", q.competency),
                ),
                Ok(_) => r.counts.requirements += 1,
                Err(e) => r.damaged("requirements", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every competency a partner names is in the catalogue.
    fn check_partner_competencies(
        &self,
        r: &mut CheckReport,
        competencies: &HashSet<String>,
    ) -> Result<(), StoreError> {
        // A partner's competencies must be in the catalogue (the saves check it).
        for item in self.partners.iter() {
            let (k, v) = item?;
            if let Ok(p) = records::decode_partner(&v)
                && let Some(c) = p.competencies.iter().find(|c| !competencies.contains(*c))
            {
                r.damaged(
                    "partners",
                    &k,
                    format!("names competency {c:?}, which does not exist"),
                );
            }
        }
        Ok(())
    }

    /// Every staff record decodes under its own NIP, names a unit that exists and is in
    /// `staff_by_unit`; returns each NIP's unit.
    fn check_staff(
        &self,
        r: &mut CheckReport,
        units: &HashSet<String>,
    ) -> Result<StaffUnits, StoreError> {
        let mut staff_units: HashMap<Vec<u8>, String> = HashMap::new();
        for item in self.staff.iter() {
            let (k, v) = item?;
            match records::decode_staff(&v) {
                Ok(s) if s.nip.as_str().as_bytes() == &k[..] => {
                    if !units.contains(&s.unit_id) {
                        r.damaged(
                            "staff",
                            &k,
                            format!("names unit {:?}, which does not exist", s.unit_id),
                        );
                    }
                    if !self
                        .staff_by_unit
                        .contains_key(keys::staff_by_unit(&s.unit_id, s.nip.as_str()))?
                    {
                        r.damaged("staff", &k, "missing from the staff_by_unit index");
                    }
                    staff_units.insert(k.to_vec(), s.unit_id);
                    r.counts.staff += 1;
                }
                Ok(_) => r.damaged("staff", &k, "holds another NIP than its key"),
                Err(e) => r.damaged("staff", &k, e.to_string()),
            }
        }
        Ok(staff_units)
    }

    /// Every `staff_by_unit` entry points to a staff record in that unit.
    fn check_staff_by_unit(
        &self,
        r: &mut CheckReport,
        staff_units: &StaffUnits,
    ) -> Result<(), StoreError> {
        for item in self.staff_by_unit.iter() {
            let (k, _) = item?;
            match keys::split_staff_by_unit(&k) {
                Some((unit, nip)) => match staff_units.get(nip.as_bytes()) {
                    Some(u) if u == unit => {}
                    Some(u) => r.damaged(
                        "staff_by_unit",
                        &k,
                        format!("the staff record is in unit {u:?}"),
                    ),
                    None => r.damaged("staff_by_unit", &k, "points to no staff record"),
                },
                None => r.damaged("staff_by_unit", &k, "is not unit, zero byte, NIP"),
            }
        }
        Ok(())
    }

    /// Every person's evaluations decode, belong to a staff record, have ids in range and
    /// one evaluation per period.
    fn check_evaluations(
        &self,
        r: &mut CheckReport,
        staff_units: &StaffUnits,
    ) -> Result<(), StoreError> {
        for item in self.evaluations.iter() {
            let (k, v) = item?;
            if !staff_units.contains_key(&k[..]) {
                r.damaged("evaluations", &k, "belongs to no staff record");
            }
            match records::decode_evaluations(&v) {
                Ok(g) => {
                    let mut ids = HashSet::new();
                    let mut periods = HashSet::new();
                    for e in &g.items {
                        if !ids.insert(e.id) || e.id == 0 || e.id >= g.next_id {
                            r.damaged(
                                "evaluations",
                                &k,
                                format!("evaluation id {} is repeated or out of range", e.id),
                            );
                        }
                        if !periods.insert(e.period) {
                            r.damaged(
                                "evaluations",
                                &k,
                                format!("two evaluations for {}", e.period),
                            );
                        }
                    }
                    r.counts.evaluations += g.items.len();
                }
                Err(e) => r.damaged("evaluations", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every person's potentials decode, belong to a staff record and have one entry per year.
    fn check_potentials(
        &self,
        r: &mut CheckReport,
        staff_units: &StaffUnits,
    ) -> Result<(), StoreError> {
        for item in self.potentials.iter() {
            let (k, v) = item?;
            if !staff_units.contains_key(&k[..]) {
                r.damaged("potentials", &k, "belongs to no staff record");
            }
            match records::decode_potentials(&v) {
                Ok(p) => {
                    r.counts.potentials += p.items.len();
                    let mut years = HashSet::new();
                    for e in &p.items {
                        if !years.insert(e.year) {
                            r.damaged("potentials", &k, format!("two potentials for {}", e.year));
                        }
                    }
                }
                Err(e) => r.damaged("potentials", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every person's trainings decode, belong to a staff record and have ids in range.
    fn check_trainings(
        &self,
        r: &mut CheckReport,
        staff_units: &StaffUnits,
    ) -> Result<(), StoreError> {
        for item in self.trainings.iter() {
            let (k, v) = item?;
            if !staff_units.contains_key(&k[..]) {
                r.damaged("trainings", &k, "belongs to no staff record");
            }
            match records::decode_trainings(&v) {
                Ok(g) => {
                    let mut ids = HashSet::new();
                    for t in &g.items {
                        if !ids.insert(t.id) || t.id == 0 || t.id >= g.next_id {
                            r.damaged(
                                "trainings",
                                &k,
                                format!("training id {} is repeated or out of range", t.id),
                            );
                        }
                    }
                    r.counts.trainings += g.items.len();
                }
                Err(e) => r.damaged("trainings", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every person's coaching records decode, belong to a staff record, have ids in range
    /// and one record per date and kind.
    fn check_coaching(
        &self,
        r: &mut CheckReport,
        staff_units: &StaffUnits,
    ) -> Result<(), StoreError> {
        for item in self.coaching.iter() {
            let (k, v) = item?;
            if !staff_units.contains_key(&k[..]) {
                r.damaged("coaching", &k, "belongs to no staff record");
            }
            match records::decode_coaching(&v) {
                Ok(g) => {
                    let mut ids = HashSet::new();
                    let mut dates = HashSet::new();
                    for c in &g.items {
                        if !ids.insert(c.id) || c.id == 0 || c.id >= g.next_id {
                            r.damaged(
                                "coaching",
                                &k,
                                format!("coaching id {} is repeated or out of range", c.id),
                            );
                        }
                        if !dates.insert((c.tanggal, c.jenis)) {
                            r.damaged(
                                "coaching",
                                &k,
                                format!(
                                    "two coaching records of {} on {}",
                                    c.jenis.label(),
                                    crate::domain::format_date(c.tanggal)
                                ),
                            );
                        }
                    }
                    r.counts.coaching += g.items.len();
                }
                Err(e) => r.damaged("coaching", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every person's SKPs decode, belong to a staff record, have ids in range, and inside
    /// each SKP the RHK, indicator, evidence and feedback ids are unique and below its
    /// counter.
    fn check_skp(&self, r: &mut CheckReport, staff_units: &StaffUnits) -> Result<(), StoreError> {
        for item in self.skp.iter() {
            let (k, v) = item?;
            if !staff_units.contains_key(&k[..]) {
                r.damaged("skp", &k, "belongs to no staff record");
            }
            match records::decode_skp(&v) {
                Ok(g) => {
                    let mut ids = HashSet::new();
                    for s in &g.items {
                        if !ids.insert(s.id) || s.id == 0 || s.id >= g.next_id {
                            r.damaged(
                                "skp",
                                &k,
                                format!("SKP id {} is repeated or out of range", s.id),
                            );
                        }
                        let mut inner = HashSet::new();
                        let all = s.rhk.iter().flat_map(|x| {
                            std::iter::once(x.id)
                                .chain(x.indikator.iter().map(|i| i.id))
                                .chain(x.bukti.iter().map(|b| b.id))
                                .chain(x.umpan_balik.iter().map(|u| u.id))
                        });
                        for id in all {
                            if !inner.insert(id) || id == 0 || id > s.next_id {
                                r.damaged(
                                    "skp",
                                    &k,
                                    format!(
                                        "SKP {}: inner id {id} is repeated or out of range",
                                        s.id
                                    ),
                                );
                            }
                        }
                    }
                    r.counts.skp += g.items.len();
                }
                Err(e) => r.damaged("skp", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every `staff_summary` entry decodes, belongs to a staff record and equals the summary
    /// computed from the records; every staff record has one.
    fn check_summaries(
        &self,
        r: &mut CheckReport,
        staff_units: &StaffUnits,
    ) -> Result<(), StoreError> {
        // A damaged catalogue is reported with its own tree; the summaries are then
        // compared as if it were empty.
        let catalogue = self.competencies().unwrap_or_default();
        for item in self.staff_summary.iter() {
            let (k, v) = item?;
            let nip = String::from_utf8_lossy(&k).into_owned();
            match records::decode_summary(&v) {
                Ok(summary) => match self.get_staff(&nip) {
                    Ok(Some(staff)) => {
                        let (evaluations, trainings) =
                            (self.evaluation_group(&nip), self.training_group(&nip));
                        if let (Ok(e), Ok(t)) = (evaluations, trainings)
                            && StaffSummary::of(&staff, &e.items, &t.items, &catalogue) != summary
                        {
                            r.damaged("staff_summary", &k, "does not match the records (reopening rebuilds it only after a bulk write; re-save the record)");
                        }
                    }
                    Ok(None) => r.damaged("staff_summary", &k, "belongs to no staff record"),
                    // The staff value itself is reported above.
                    Err(_) => {}
                },
                Err(e) => r.damaged("staff_summary", &k, e.to_string()),
            }
        }
        for nip in staff_units.keys() {
            if !self.staff_summary.contains_key(nip)? {
                r.damaged("staff", nip, "has no staff_summary entry");
            }
        }
        Ok(())
    }

    /// The `training_stats` sums equal a recount of the trainings.
    fn check_training_stats(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for key in self.stats_mismatches()? {
            r.damaged(
                "training_stats",
                &key,
                "does not match the trainings; a bulk write or restore rebuilds it",
            );
        }
        Ok(())
    }

    /// Every draft decodes (their keys are not checked).
    fn check_drafts(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.drafts.iter() {
            let (k, v) = item?;
            if let Err(e) = records::decode_draft(&v) {
                r.damaged("drafts", &k, e.to_string());
            }
        }
        Ok(())
    }

    /// Every audit entry decodes under a 16-byte key.
    fn check_audit(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.audit.iter() {
            let (k, v) = item?;
            if k.len() != 16 {
                r.damaged("audit", &k, "key is not time and id (16 bytes)");
            }
            match records::decode_audit(&v) {
                Ok(_) => r.counts.audit += 1,
                Err(e) => r.damaged("audit", &k, e.to_string()),
            }
        }
        Ok(())
    }

    /// Every `audit_by_record` entry is well formed and points to an audit entry.
    fn check_audit_by_record(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.audit_by_record.iter() {
            let (k, _) = item?;
            let ok = k.len() > 17 && k[k.len() - 17] == 0;
            if !ok {
                r.damaged("audit_by_record", &k, "is not record, zero byte, audit key");
            } else if !self.audit.contains_key(&k[k.len() - 16..])? {
                r.damaged("audit_by_record", &k, "points to no audit entry");
            }
        }
        Ok(())
    }
}
