//! Saving the competency catalogue and the requirements of positions.

use super::{Audit, abort, read};
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError};

impl Store {
    /// Creates or replaces a competency of the catalogue (keyed by its id, from the name),
    /// in one audited transaction. Returns whether it changed anything.
    pub fn save_competency(
        &self,
        competency: &crate::domain::Competency,
        actor: &str,
    ) -> Result<bool, StoreError> {
        let c = competency.clone().cleaned();
        c.validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        // The summaries keep a competency by a 32-bit key of its id: refuse a clash.
        if let Some(other) = self
            .competencies()?
            .into_iter()
            .find(|o| o.key() == c.key() && o.id != c.id)
        {
            return Err(StoreError::Invalid(format!(
                "competency {:?} clashes with {:?} in the key the summaries keep; rename it slightly",
                c.name, other.name
            )));
        }
        let value =
            records::encode_competency(&c).map_err(|e| StoreError::Invalid(e.to_string()))?;
        if self
            .competencies
            .get(c.id.as_bytes())?
            .is_some_and(|v| v[..] == value[..])
        {
            return Ok(false);
        }
        // Every summary keeps what the catalogue satisfies: marked stale first, so a kill
        // before the rebuild below leaves the next open to redo it.
        self.summaries_dirty()?;
        let changed = self.audited(
            [&self.competencies, &self.training_stats],
            actor,
            |[t_competencies, t_training_stats]| {
                crate::store::stats::closed_changed(t_training_stats)?;
                let before = read(
                    t_competencies,
                    "competencies",
                    &c.id,
                    records::decode_competency,
                )?;
                t_competencies.insert(c.id.as_bytes(), value.clone())?;
                Ok((
                    true,
                    Audit {
                        action: if before.is_some() {
                            AuditAction::Update
                        } else {
                            AuditAction::Create
                        },
                        record: format!("competencies/{}", c.id),
                        summary: crate::store::diff::with_changes(
                            &format!(
                                "{} ({}, {})",
                                c.name,
                                c.kind.label(),
                                c.validity_months
                                    .map_or("-".to_string(), |m| format!("{m} bulan"))
                            ),
                            &crate::store::diff::edits(before.as_ref(), &c),
                        ),
                    },
                ))
            },
        )?;
        self.rebuild_all_summaries()?;
        // What the catalogue satisfies decides the competencies closed (Mitra).
        self.recount_closed_tolerant()?;
        Ok(changed)
    }

    /// Adds a requirement (a position's need for a catalogued competency), audited.
    /// Returns false when the same requirement is already stored. Errors: an invalid
    /// requirement, a competency not in the catalogue.
    pub fn save_requirement(
        &self,
        requirement: &crate::domain::Requirement,
        actor: &str,
    ) -> Result<bool, StoreError> {
        let r = requirement.clone().cleaned();
        r.validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let key = r.key();
        let value =
            records::encode_requirement(&r).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let result = self.audited(
            [&self.competencies, &self.requirements, &self.training_stats],
            actor,
            |[t_competencies, t_requirements, t_training_stats]| {
                crate::store::stats::closed_changed(t_training_stats)?;
                if t_competencies.get(r.competency.as_bytes())?.is_none() {
                    return abort(StoreError::NotFound {
                        what: format!("competency {}", r.competency),
                    });
                }
                let fresh = t_requirements
                    .insert(key.as_bytes(), value.clone())?
                    .is_none();
                Ok((
                    fresh,
                    Audit {
                        action: if fresh {
                            AuditAction::Create
                        } else {
                            AuditAction::Update
                        },
                        record: format!("requirements/{}", r.competency),
                        summary: requirement_label(&r),
                    },
                ))
            },
        );
        // The requirements decide the competencies closed (Mitra): recounted now, as a
        // change to the catalogue rebuilds the summaries in its save.
        self.recount_closed_tolerant()?;
        result
    }

    /// Replaces the requirement `old` (as stored) by `new` in one audited transaction, as
    /// an edit on the requirements screen does: the key of a requirement is its content,
    /// so an edit removes the old key and writes the new one. Without `old` it adds `new`.
    /// Errors: an invalid requirement, a competency not in the catalogue, `old` no longer
    /// stored, `new` stored already (another requirement).
    pub fn replace_requirement(
        &self,
        old: Option<&crate::domain::Requirement>,
        new: &crate::domain::Requirement,
        actor: &str,
    ) -> Result<(), StoreError> {
        let r = new.clone().cleaned();
        r.validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let key = r.key();
        let old_key = old.map(|o| o.clone().cleaned().key());
        let value =
            records::encode_requirement(&r).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let before = old.map(|o| requirement_label(&o.clone().cleaned()));
        let result = self.audited(
            [&self.competencies, &self.requirements, &self.training_stats],
            actor,
            |[t_competencies, t_requirements, t_training_stats]| {
                crate::store::stats::closed_changed(t_training_stats)?;
                if t_competencies.get(r.competency.as_bytes())?.is_none() {
                    return abort(StoreError::NotFound {
                        what: format!("competency {}", r.competency),
                    });
                }
                if let Some(k) = &old_key
                    && *k != key
                {
                    if t_requirements.remove(k.as_bytes())?.is_none() {
                        return abort(StoreError::NotFound {
                            what: format!("requirement {}", k.replace('\0', " / ")),
                        });
                    }
                    if t_requirements.get(key.as_bytes())?.is_some() {
                        return abort(StoreError::Invalid(format!(
                            "requirement {} exists already",
                            key.replace('\0', " / ")
                        )));
                    }
                }
                let fresh = t_requirements
                    .insert(key.as_bytes(), value.clone())?
                    .is_none();
                Ok((
                    (),
                    Audit {
                        action: if old_key.is_none() && fresh {
                            AuditAction::Create
                        } else {
                            AuditAction::Update
                        },
                        record: format!("requirements/{}", r.competency),
                        summary: match &before {
                            Some(b) if *b != requirement_label(&r) => {
                                format!("{b} => {}", requirement_label(&r))
                            }
                            _ => requirement_label(&r),
                        },
                    },
                ))
            },
        );
        // The requirements decide the competencies closed (Mitra): recounted now, as a
        // change to the catalogue rebuilds the summaries in its save.
        self.recount_closed_tolerant()?;
        result
    }

    /// Removes a requirement, audited. Errors: no such requirement.
    pub fn delete_requirement(
        &self,
        requirement: &crate::domain::Requirement,
        actor: &str,
    ) -> Result<(), StoreError> {
        let r = requirement.clone().cleaned();
        let key = r.key();
        let result = self.audited(
            [&self.requirements, &self.training_stats],
            actor,
            |[t_requirements, t_training_stats]| {
                crate::store::stats::closed_changed(t_training_stats)?;
                if t_requirements.remove(key.as_bytes())?.is_none() {
                    return abort(StoreError::NotFound {
                        what: format!("requirement {}", key.replace('\0', " / ")),
                    });
                }
                Ok((
                    (),
                    Audit {
                        action: AuditAction::Delete,
                        record: format!("requirements/{}", r.competency),
                        summary: requirement_label(&r),
                    },
                ))
            },
        );
        // The requirements decide the competencies closed (Mitra): recounted now, as a
        // change to the catalogue rebuilds the summaries in its save.
        self.recount_closed_tolerant()?;
        result
    }
}

/// A requirement as its audit entry names it: `jabatan / jenis -> competency` (`-` for
/// an empty jabatan or jenis).
fn requirement_label(r: &crate::domain::Requirement) -> String {
    format!(
        "{} / {} -> {}",
        if r.jabatan.is_empty() {
            "-"
        } else {
            &r.jabatan
        },
        r.jenis.map_or("-", |j| j.label()),
        r.competency
    )
}
