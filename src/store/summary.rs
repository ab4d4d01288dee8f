//! The `staff_summary` tree: one small value per person with what the staff list shows,
//! so the list opens without decoding every record. Single saves update it in their own
//! transaction; bulk writes rebuild it for the people they touched, under a marker in
//! `meta` that an interrupted run leaves missing, so the next open repairs it.

use super::records;
use super::{Store, StoreError, corrupt, keys};
use crate::domain::StaffSummary;
use std::collections::BTreeSet;

/// People per batch when rebuilding.
const CHUNK: usize = 1000;

/// The marker's value: which summary layout the tree holds. Summaries are derived data,
/// so a new layout needs no migration, only this number raised: the next open rebuilds.
const LAYOUT: u8 = 8;

impl Store {
    /// Rebuilds every summary if an earlier bulk write did not finish, or the tree holds
    /// another layout.
    pub(super) fn ensure_summaries(&self) -> Result<(), StoreError> {
        if self.meta.get(keys::SUMMARIES_KEY)?.as_deref() == Some(&[LAYOUT][..]) {
            return Ok(());
        }
        self.rebuild_all_summaries()
    }

    /// Recomputes every summary (after the competency catalogue changed, or on a new
    /// layout), then marks them sound.
    pub(super) fn rebuild_all_summaries(&self) -> Result<(), StoreError> {
        let mut nips = BTreeSet::new();
        for key in self.staff.iter().keys() {
            nips.insert(String::from_utf8_lossy(&key?).into_owned());
        }
        self.staff_summary.clear()?;
        self.rebuild_summaries(&nips)
    }

    /// Marks the summaries as being rebuilt (before a bulk write).
    pub(super) fn summaries_dirty(&self) -> Result<(), StoreError> {
        self.meta.remove(keys::SUMMARIES_KEY)?;
        self.db.flush()?;
        Ok(())
    }

    /// Recomputes the summaries of `nips` from their records, then marks them sound.
    pub(super) fn rebuild_summaries(&self, nips: &BTreeSet<String>) -> Result<(), StoreError> {
        let catalogue = self.competencies()?;
        let mut batch = sled::Batch::default();
        let mut pending = 0;
        for nip in nips {
            // A value that cannot be read leaves that person out of the list; the open
            // goes on, and `check` names the damage.
            let parts = (|| -> Result<_, StoreError> {
                let staff = self.get_staff(nip)?;
                Ok((
                    staff,
                    self.evaluation_group(nip)?,
                    self.training_group(nip)?,
                    self.stored_career(nip)?,
                ))
            })();
            let (staff, evaluations, trainings, career) = match parts {
                Ok((Some(s), e, t, c)) => (s, e, t, c),
                Ok((None, ..)) | Err(StoreError::Corrupt { .. }) => {
                    batch.remove(nip.as_bytes());
                    continue;
                }
                Err(e) => return Err(e),
            };
            let summary = StaffSummary::of_with_career(
                &staff,
                &evaluations.items,
                &trainings.items,
                &catalogue,
                career.as_ref(),
            );
            let value = records::encode_summary(&summary)
                .map_err(|e| StoreError::Invalid(e.to_string()))?;
            batch.insert(nip.as_bytes(), value);
            pending += 1;
            if pending >= CHUNK {
                self.staff_summary.apply_batch(std::mem::take(&mut batch))?;
                pending = 0;
            }
        }
        self.staff_summary.apply_batch(batch)?;
        self.meta.insert(keys::SUMMARIES_KEY, &[LAYOUT][..])?;
        self.db.flush()?;
        Ok(())
    }

    pub fn summary(&self, nip: &str) -> Result<Option<StaffSummary>, StoreError> {
        match self.staff_summary.get(nip.as_bytes())? {
            Some(v) => Ok(Some(
                records::decode_summary(&v).map_err(corrupt("staff_summary", nip.as_bytes()))?,
            )),
            None => Ok(None),
        }
    }

    /// Every summary in NIP order, decoded one at a time.
    pub fn iter_summaries(&self) -> impl Iterator<Item = Result<StaffSummary, StoreError>> + '_ {
        self.staff_summary.iter().map(|item| {
            let (k, v) = item?;
            records::decode_summary(&v).map_err(corrupt("staff_summary", &k))
        })
    }
}
