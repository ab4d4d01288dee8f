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
        // The problem may quote decoded text: escaped if a terminal would act on it.
        let problem = crate::domain::text::shown(&self.problem);
        write!(f, "{}/{}: {problem}", self.tree, self.key)
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

    /// [`examine`]s a value, reporting each of its problems; its facts, if it decoded under
    /// its own key.
    fn examined(&mut self, tree: &'static str, key: &[u8], value: &[u8]) -> Option<Facts> {
        let (facts, problems) = examine(tree, key, value);
        for p in problems {
            self.damaged(tree, key, p);
        }
        facts
    }

    fn damaged(&mut self, tree: &'static str, key: &[u8], problem: impl Into<String>) {
        self.damage.push(Damage {
            tree,
            key: keys::show(key),
            problem: problem.into(),
        });
    }
}

/// What one stored value told about itself, for the checks that need other trees (see
/// [`examine`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Facts {
    /// Nothing the other checks need (a draft, an officer, an audit entry).
    Plain,
    /// A unit, by id.
    Unit(String),
    /// A staff record and the unit it names.
    Staff { unit: String },
    /// A competency of the catalogue, by id.
    Competency(String),
    /// A requirement and the competency it names.
    Requirement { competency: String },
    /// A partner and the competencies it names.
    Partner { competencies: Vec<String> },
    /// One person's group of records (evaluations, trainings, coaching, SKP,
    /// potentials), which must belong to a staff record: how many it holds.
    Group(usize),
}

/// Decodes `value` as stored under `key` in `tree` (a record tree: not an index, a summary
/// or `meta`) and lists what is wrong with it by itself: it does not decode, it is stored
/// under another key, or ids and periods inside it repeat or are out of range. The facts
/// come back when it decoded under its own key (a group's inner problems still give its
/// count). `check` and a restore's first pass both judge records with it.
pub(super) fn examine(tree: &str, key: &[u8], value: &[u8]) -> (Option<Facts>, Vec<String>) {
    let mut problems = Vec::new();
    let facts = match tree {
        "units" => match records::decode_unit(value) {
            Ok(u) if u.id.as_bytes() == key => Some(Facts::Unit(u.id)),
            Ok(u) => {
                problems.push(format!("holds unit {:?} under another key", u.id));
                None
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "officers" => match records::decode_officer(value) {
            Ok(o) if o.name.as_bytes() == key => Some(Facts::Plain),
            Ok(o) => {
                problems.push(format!("holds officer {:?} under another key", o.name));
                None
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "partners" => match records::decode_partner(value) {
            Ok(p) if p.id.as_bytes() == key => Some(Facts::Partner {
                competencies: p.competencies,
            }),
            Ok(p) => {
                problems.push(format!("holds partner {:?} under another key", p.id));
                None
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "competencies" => match records::decode_competency(value) {
            Ok(c) if c.id.as_bytes() == key => Some(Facts::Competency(c.id)),
            Ok(c) => {
                problems.push(format!("holds competency {:?} under another key", c.id));
                None
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "requirements" => match records::decode_requirement(value) {
            Ok(q) if q.key().as_bytes() == key => Some(Facts::Requirement {
                competency: q.competency,
            }),
            Ok(_) => {
                problems.push("holds a requirement under another key".into());
                None
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "staff" => match records::decode_staff(value) {
            Ok(s) if s.nip.as_str().as_bytes() == key => Some(Facts::Staff { unit: s.unit_id }),
            Ok(_) => {
                problems.push("holds another NIP than its key".into());
                None
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "evaluations" => match records::decode_evaluations(value) {
            Ok(g) => {
                let mut ids = HashSet::new();
                let mut periods = HashSet::new();
                for e in &g.items {
                    if !ids.insert(e.id) || e.id == 0 || e.id >= g.next_id {
                        problems.push(format!(
                            "evaluation id {} is repeated or out of range",
                            e.id
                        ));
                    }
                    if !periods.insert(e.period) {
                        problems.push(format!("two evaluations for {}", e.period));
                    }
                }
                Some(Facts::Group(g.items.len()))
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "potentials" => match records::decode_potentials(value) {
            Ok(p) => {
                let mut years = HashSet::new();
                for e in &p.items {
                    if !years.insert(e.year) {
                        problems.push(format!("two potentials for {}", e.year));
                    }
                }
                Some(Facts::Group(p.items.len()))
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "trainings" => match records::decode_trainings(value) {
            Ok(g) => {
                let mut ids = HashSet::new();
                for t in &g.items {
                    if !ids.insert(t.id) || t.id == 0 || t.id >= g.next_id {
                        problems.push(format!("training id {} is repeated or out of range", t.id));
                    }
                }
                Some(Facts::Group(g.items.len()))
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "coaching" => match records::decode_coaching(value) {
            Ok(g) => {
                let mut ids = HashSet::new();
                let mut dates = HashSet::new();
                for c in &g.items {
                    if !ids.insert(c.id) || c.id == 0 || c.id >= g.next_id {
                        problems.push(format!("coaching id {} is repeated or out of range", c.id));
                    }
                    if !dates.insert((c.tanggal, c.jenis)) {
                        problems.push(format!(
                            "two coaching records of {} on {}",
                            c.jenis.label(),
                            crate::domain::format_date(c.tanggal)
                        ));
                    }
                }
                Some(Facts::Group(g.items.len()))
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "skp" => match records::decode_skp(value) {
            Ok(g) => {
                let mut ids = HashSet::new();
                for s in &g.items {
                    if !ids.insert(s.id) || s.id == 0 || s.id >= g.next_id {
                        problems.push(format!("SKP id {} is repeated or out of range", s.id));
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
                            problems.push(format!(
                                "SKP {}: inner id {id} is repeated or out of range",
                                s.id
                            ));
                        }
                    }
                }
                Some(Facts::Group(g.items.len()))
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "contracts" => match records::decode_contracts(value) {
            Ok(c) => Some(Facts::Group(c.items.len())),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "career" => match records::decode_career(value) {
            Ok(c) => Some(Facts::Group(c.entries.len())),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "drafts" => match records::decode_draft(value) {
            Ok(_) => Some(Facts::Plain),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        "audit" => {
            if key.len() != 16 {
                problems.push("key is not time and id (16 bytes)".into());
            }
            match records::decode_audit(value) {
                Ok(_) => Some(Facts::Plain),
                Err(e) => {
                    problems.push(e.to_string());
                    None
                }
            }
        }
        other => {
            problems.push(format!("{other} is not a record tree"));
            None
        }
    };
    (facts, problems)
}

impl Store {
    /// Reads the whole database. Only sled itself failing is an `Err`; damage is reported.
    /// Each tree is checked in turn; the later checks use what the earlier ones found.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        // One state, as a backup reads it: a save landing between two trees' walks
        // (under `serve`) would look like a record without its index.
        let _no_writes = self.no_writes();
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
        self.check_contracts(&mut r, &staff_units)?;
        self.check_career(&mut r, &units)?;
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
        if let Some(v) = self.meta.get(keys::HOST_KEY)?
            && let Some(problem) = super::host::host_key_problem(&v)
        {
            r.damaged("meta", keys::HOST_KEY, problem);
        }
        Ok(())
    }

    /// Every unit decodes under its own id; returns the ids.
    fn check_units(&self, r: &mut CheckReport) -> Result<HashSet<String>, StoreError> {
        let mut units = HashSet::new();
        for item in self.units.iter() {
            let (k, v) = item?;
            if let Some(Facts::Unit(id)) = r.examined("units", &k, &v) {
                units.insert(id);
                r.counts.units += 1;
            }
        }
        Ok(units)
    }

    /// Every officer decodes under its own name.
    fn check_officers(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.tree("officers")?.iter() {
            let (k, v) = item?;
            r.examined("officers", &k, &v);
        }
        Ok(())
    }

    /// Every partner decodes under its own id.
    fn check_partners(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.partners.iter() {
            let (k, v) = item?;
            if r.examined("partners", &k, &v).is_some() {
                r.counts.partners += 1;
            }
        }
        Ok(())
    }

    /// Every competency of the catalogue decodes under its own id; returns the ids.
    fn check_competencies(&self, r: &mut CheckReport) -> Result<HashSet<String>, StoreError> {
        let mut competencies = HashSet::new();
        for item in self.competencies.iter() {
            let (k, v) = item?;
            if let Some(Facts::Competency(id)) = r.examined("competencies", &k, &v) {
                competencies.insert(id);
                r.counts.competencies += 1;
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
            match r.examined("requirements", &k, &v) {
                Some(Facts::Requirement { competency }) if !competencies.contains(&competency) => r
                    .damaged(
                        "requirements",
                        &k,
                        format!("names competency {competency:?}, which does not exist"),
                    ),
                Some(_) => r.counts.requirements += 1,
                None => {}
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
            if let (
                Some(Facts::Partner {
                    competencies: named,
                }),
                _,
            ) = examine("partners", &k, &v)
                && let Some(c) = named.iter().find(|c| !competencies.contains(*c))
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
            if let Some(Facts::Staff { unit }) = r.examined("staff", &k, &v) {
                if !units.contains(&unit) {
                    r.damaged(
                        "staff",
                        &k,
                        format!("names unit {unit:?}, which does not exist"),
                    );
                }
                let nip = String::from_utf8_lossy(&k);
                if !self
                    .staff_by_unit
                    .contains_key(keys::staff_by_unit(&unit, &nip))?
                {
                    r.damaged("staff", &k, "missing from the staff_by_unit index");
                }
                staff_units.insert(k.to_vec(), unit);
                r.counts.staff += 1;
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
            if let Some(Facts::Group(n)) = r.examined("evaluations", &k, &v) {
                r.counts.evaluations += n;
            }
        }
        Ok(())
    }

    /// Every stored career history decodes, belongs to a staff record, keeps its rules
    /// (`Career::validate`), has ids in range, names known units, and its newest entries
    /// are the staff record's golongan, jabatan and unit (issue 21).
    fn check_career(&self, r: &mut CheckReport, units: &HashSet<String>) -> Result<(), StoreError> {
        for item in self.career.iter() {
            let (k, v) = item?;
            let nip = String::from_utf8_lossy(&k).into_owned();
            let career = match records::decode_career(&v) {
                Ok(c) => c,
                Err(e) => {
                    r.damaged("career", &k, e.to_string());
                    continue;
                }
            };
            r.counts.career += career.entries.len();
            let staff = match self.get_staff(&nip) {
                Ok(Some(s)) => s,
                Ok(None) => {
                    r.damaged("career", &k, "belongs to no staff record");
                    continue;
                }
                // The staff value itself is reported with its tree.
                Err(_) => continue,
            };
            if let Err(e) = career.validate(&staff.nip) {
                r.damaged("career", &k, e.to_string());
            }
            let mut ids = HashSet::new();
            for e in &career.entries {
                if !ids.insert(e.id) || e.id == 0 || e.id >= career.next_id {
                    r.damaged(
                        "career",
                        &k,
                        format!("entry id {} is repeated or out of range", e.id),
                    );
                }
                if let crate::domain::CareerValue::Unit(u) = &e.value
                    && !units.contains(u)
                {
                    r.damaged(
                        "career",
                        &k,
                        format!("entry {} names unit {u:?}, which is not stored", e.id),
                    );
                }
            }
            let mut sorted = career.clone();
            sorted.sort();
            if sorted != career {
                r.damaged("career", &k, "entries are not in TMT order");
            }
            if career.apply(&staff) != staff {
                r.damaged(
                    "career",
                    &k,
                    "its newest entries are not the staff record's golongan, jabatan and unit",
                );
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
            if let Some(Facts::Group(n)) = r.examined("potentials", &k, &v) {
                r.counts.potentials += n;
            }
        }
        Ok(())
    }

    /// Every person's contracts decode, belong to a PPPK's staff record and never overlap.
    fn check_contracts(
        &self,
        r: &mut CheckReport,
        staff_units: &StaffUnits,
    ) -> Result<(), StoreError> {
        for item in self.contracts.iter() {
            let (k, v) = item?;
            if !staff_units.contains_key(&k[..]) {
                r.damaged("contracts", &k, "belongs to no staff record");
            } else if let Some(v) = self.staff.get(&k)?
                && let Ok(s) = records::decode_staff(&v)
                && !s.nip.kind().is_pppk()
            {
                r.damaged("contracts", &k, "belongs to a PNS; contracts are for PPPK");
            }
            match records::decode_contracts(&v) {
                Ok(c) => {
                    r.counts.contracts += c.items.len();
                    if let Some((a, b)) = c.overlap() {
                        r.damaged(
                            "contracts",
                            &k,
                            format!(
                                "the contracts from {} and from {} overlap",
                                a.mulai, b.mulai
                            ),
                        );
                    }
                    if c.items.windows(2).any(|w| w[0].mulai > w[1].mulai) {
                        r.damaged("contracts", &k, "contracts out of order");
                    }
                }
                Err(e) => r.damaged("contracts", &k, e.to_string()),
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
            if let Some(Facts::Group(n)) = r.examined("trainings", &k, &v) {
                r.counts.trainings += n;
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
            if let Some(Facts::Group(n)) = r.examined("coaching", &k, &v) {
                r.counts.coaching += n;
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
            if let Some(Facts::Group(n)) = r.examined("skp", &k, &v) {
                r.counts.skp += n;
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
                        let (evaluations, trainings, career) = (
                            self.evaluation_group(&nip),
                            self.training_group(&nip),
                            self.stored_career(&nip),
                        );
                        if let (Ok(e), Ok(t), Ok(c)) = (evaluations, trainings, career)
                            && StaffSummary::of_with_career(
                                &staff,
                                &e.items,
                                &t.items,
                                &catalogue,
                                c.as_ref(),
                            ) != summary
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
            r.examined("drafts", &k, &v);
        }
        Ok(())
    }

    /// Every audit entry decodes under a 16-byte key.
    fn check_audit(&self, r: &mut CheckReport) -> Result<(), StoreError> {
        for item in self.audit.iter() {
            let (k, v) = item?;
            if r.examined("audit", &k, &v).is_some() {
                r.counts.audit += 1;
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
