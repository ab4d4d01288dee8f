//! Large writes (demo, import, restore): batches of about a thousand keys, each batch one
//! transaction over all the trees it touches, so a record and its index land together.
//! A run writes one audit entry at its end, not one per record.

use super::records::{
    self, AuditAction, CoachingGroup, EvaluationGroup, Partner, SkpGroup, TrainingGroup,
};
use super::{Store, StoreError, keys};
use crate::domain::{Staff, Unit};
use sled::Transactional;
use std::collections::BTreeSet;

/// Keys per transaction: large batches cost memory, small ones time.
pub const CHUNK: usize = 1000;

const STAFF: usize = 0;
const INDEX: usize = 1;
const UNITS: usize = 2;
const PARTNERS: usize = 3;
const EVALUATIONS: usize = 4;
const TRAININGS: usize = 5;
const POTENTIALS: usize = 6;
const COACHING: usize = 7;
const COMPETENCIES: usize = 8;
const REQUIREMENTS: usize = 9;
const SKP: usize = 10;
const CONTRACTS: usize = 11;
const CAREER: usize = 12;

pub struct BulkWriter<'s> {
    store: &'s Store,
    batches: [sled::Batch; 13],
    pending: usize,
    written: u64,
    /// People whose list summary must be rebuilt when the run ends.
    touched: BTreeSet<String>,
    started: bool,
    /// Trainings were written: the per-year counts are rebuilt at the end.
    trainings_written: bool,
    /// The competency catalogue changed: every summary's `held` is rebuilt at the end.
    catalogue_written: bool,
    /// Staff, trainings, careers, requirements or the catalogue were written: the
    /// competencies closed per partner (Mitra) are marked stale and recounted at the end.
    closed_written: bool,
    /// The job this writer does, marked in `meta` while it runs: (action, actor, detail).
    job: Option<(AuditAction, String, String)>,
}

fn invalid(e: super::codec::DecodeError) -> StoreError {
    StoreError::Invalid(e.to_string())
}

impl<'s> BulkWriter<'s> {
    pub fn new(store: &'s Store) -> BulkWriter<'s> {
        BulkWriter {
            store,
            batches: Default::default(),
            pending: 0,
            written: 0,
            touched: BTreeSet::new(),
            started: false,
            trainings_written: false,
            catalogue_written: false,
            closed_written: false,
            job: None,
        }
    }

    /// A writer for a job the next open must hear of if it is cut short: `meta` says it
    /// started (before its first batch) and [`Self::finish`] says it finished.
    pub fn for_job(
        store: &'s Store,
        action: AuditAction,
        actor: &str,
        detail: &str,
    ) -> BulkWriter<'s> {
        let mut w = BulkWriter::new(store);
        w.job = Some((action, actor.to_string(), detail.to_string()));
        w
    }

    /// Keys written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    fn touch(&mut self, nip: &str) {
        self.touched.insert(nip.to_string());
    }

    /// Before the first write that can change the competencies closed: marked stale, so a
    /// run cut short leaves the next open to recount them.
    fn closed_written(&mut self) -> Result<(), StoreError> {
        if !self.closed_written {
            self.store.closed_dirty()?;
            self.closed_written = true;
        }
        Ok(())
    }

    fn put(&mut self, tree: usize, key: &[u8], value: Vec<u8>) -> Result<(), StoreError> {
        self.batches[tree].insert(key, value);
        self.pending += 1;
        if self.pending >= CHUNK {
            self.commit()?;
        }
        Ok(())
    }

    /// Writes a staff record as given (revision included); `previous` is the stored record,
    /// whose index entry is moved if the unit changed.
    pub fn put_staff(&mut self, staff: &Staff, previous: Option<&Staff>) -> Result<(), StoreError> {
        let nip = staff.nip.as_str();
        self.closed_written()?;
        self.touch(nip);
        if let Some(old) = previous
            && old.unit_id != staff.unit_id
        {
            self.batches[INDEX].remove(keys::staff_by_unit(&old.unit_id, nip));
            self.pending += 1;
        }
        // The index entry and the record go into the same transaction: a chunk boundary
        // between them would let a kill leave an entry that points to no record.
        self.batches[INDEX].insert(keys::staff_by_unit(&staff.unit_id, nip), Vec::new());
        self.pending += 1;
        self.put(
            STAFF,
            nip.as_bytes(),
            records::encode_staff(staff).map_err(invalid)?,
        )
    }

    pub fn put_unit(&mut self, unit: &Unit) -> Result<(), StoreError> {
        self.put(
            UNITS,
            unit.id.as_bytes(),
            records::encode_unit(unit).map_err(invalid)?,
        )
    }

    pub fn put_partner(&mut self, partner: &Partner) -> Result<(), StoreError> {
        self.put(
            PARTNERS,
            partner.id.as_bytes(),
            records::encode_partner(partner).map_err(invalid)?,
        )
    }

    pub fn put_evaluations(
        &mut self,
        nip: &str,
        group: &EvaluationGroup,
    ) -> Result<(), StoreError> {
        self.touch(nip);
        self.put(
            EVALUATIONS,
            nip.as_bytes(),
            records::encode_evaluations(group).map_err(invalid)?,
        )
    }

    /// Writes a person's potentials as given (revision included). Potentials are not in
    /// the list summary, so nothing is rebuilt for them.
    pub fn put_potentials(
        &mut self,
        nip: &str,
        potentials: &crate::domain::Potentials,
    ) -> Result<(), StoreError> {
        self.put(
            POTENTIALS,
            nip.as_bytes(),
            records::encode_potentials(potentials).map_err(invalid)?,
        )
    }

    pub fn put_trainings(&mut self, nip: &str, group: &TrainingGroup) -> Result<(), StoreError> {
        self.touch(nip);
        self.closed_written()?;
        if !self.trainings_written {
            // Until the run ends, the per-year training counts may lag behind.
            self.store.stats_dirty()?;
            self.trainings_written = true;
        }
        self.put(
            TRAININGS,
            nip.as_bytes(),
            records::encode_trainings(group).map_err(invalid)?,
        )
    }

    /// Writes a person's SKPs as given (cleaned).
    pub fn put_skp(&mut self, nip: &str, group: &SkpGroup) -> Result<(), StoreError> {
        let group = SkpGroup {
            next_id: group.next_id,
            items: group.items.iter().map(|s| s.clone().cleaned()).collect(),
        };
        self.put(
            SKP,
            nip.as_bytes(),
            records::encode_skp(&group).map_err(invalid)?,
        )
    }

    /// Writes a person's contracts as given (revision included). Contracts are not in the
    /// list summary, so nothing is rebuilt for them.
    pub fn put_contracts(
        &mut self,
        nip: &str,
        contracts: &crate::domain::Contracts,
    ) -> Result<(), StoreError> {
        self.put(
            CONTRACTS,
            nip.as_bytes(),
            records::encode_contracts(contracts).map_err(invalid)?,
        )
    }

    /// Writes a person's career history as given (revision included); the person's
    /// summary is rebuilt at the end. The caller keeps the staff record's golongan,
    /// jabatan and unit equal to the newest entries (`Career::apply`).
    pub fn put_career(
        &mut self,
        nip: &str,
        career: &crate::domain::Career,
    ) -> Result<(), StoreError> {
        self.touch(nip);
        self.closed_written()?;
        self.put(
            CAREER,
            nip.as_bytes(),
            records::encode_career(career).map_err(invalid)?,
        )
    }

    /// Writes a person's coaching records (pembinaan kinerja) as given.
    pub fn put_coaching(&mut self, nip: &str, group: &CoachingGroup) -> Result<(), StoreError> {
        self.put(
            COACHING,
            nip.as_bytes(),
            records::encode_coaching(group).map_err(invalid)?,
        )
    }

    /// Writes a competency of the catalogue as given (cleaned, keyed by its id).
    pub fn put_competency(
        &mut self,
        competency: &crate::domain::Competency,
    ) -> Result<(), StoreError> {
        let c = competency.clone().cleaned();
        self.catalogue_written = true;
        self.closed_written()?;
        self.put(
            COMPETENCIES,
            c.id.as_bytes(),
            records::encode_competency(&c).map_err(invalid)?,
        )
    }

    /// Writes a requirement (cleaned, keyed by `Requirement::key`).
    pub fn put_requirement(
        &mut self,
        requirement: &crate::domain::Requirement,
    ) -> Result<(), StoreError> {
        let r = requirement.clone().cleaned();
        self.closed_written()?;
        self.put(
            REQUIREMENTS,
            r.key().as_bytes(),
            records::encode_requirement(&r).map_err(invalid)?,
        )
    }

    /// Removes a requirement (keyed by `Requirement::key` of its cleaned form); removing
    /// one that is not stored does nothing.
    pub fn remove_requirement(
        &mut self,
        requirement: &crate::domain::Requirement,
    ) -> Result<(), StoreError> {
        let key = requirement.clone().cleaned().key();
        self.closed_written()?;
        self.batches[REQUIREMENTS].remove(key.as_bytes());
        self.pending += 1;
        if self.pending >= CHUNK {
            self.commit()?;
        }
        Ok(())
    }

    /// Writes what is pending in one transaction.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.pending == 0 {
            return Ok(());
        }
        let s = self.store;
        if !self.started {
            if let Some((action, actor, detail)) = &self.job {
                s.job_started(*action, actor, detail)?;
            }
            // Until the run ends, the list summaries may lag behind the records.
            s.summaries_dirty()?;
            self.started = true;
        }
        let trees = [
            s.staff.sled(),
            s.staff_by_unit.sled(),
            s.units.sled(),
            s.partners.sled(),
            s.evaluations.sled(),
            s.trainings.sled(),
            s.potentials.sled(),
            s.coaching.sled(),
            s.competencies.sled(),
            s.requirements.sled(),
            s.skp.sled(),
            s.contracts.sled(),
            s.career.sled(),
        ];
        let batches = std::mem::take(&mut self.batches);
        let _writing = s.writing();
        trees[..].transaction(|tx| {
            for (t, b) in tx.iter().zip(batches.iter()) {
                t.apply_batch(b)?;
            }
            Ok::<(), sled::transaction::ConflictableTransactionError<StoreError>>(())
        })?;
        self.written += self.pending as u64;
        self.pending = 0;
        Ok(())
    }

    /// Commits the rest, writes the run's audit entry and flushes.
    pub fn finish(
        mut self,
        actor: &str,
        action: AuditAction,
        summary: &str,
    ) -> Result<u64, StoreError> {
        self.commit()?;
        if self.started && self.catalogue_written {
            self.store.rebuild_all_summaries()?;
        } else if self.started {
            self.store.rebuild_summaries(&self.touched)?;
        }
        if self.trainings_written {
            // The competencies closed with the rest.
            self.store.rebuild_stats()?;
        } else if self.closed_written {
            self.store.recount_closed_if_stale()?;
        }
        self.store.audit_run(actor, action, summary)?;
        if self.job.is_some() && self.started {
            self.store.job_finished()?;
        }
        Ok(self.written)
    }
}
