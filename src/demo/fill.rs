//! Writing the demo into a store.

use super::competencies::competency_catalogue;
use super::plan::generate;
use crate::store::bulk::BulkWriter;
use crate::store::{AuditAction, Store, StoreError};
use jiff::civil::Date;

/// Writes `n` demo people into `store` (which the caller has checked is empty), calling
/// `progress` with the number written so far. Returns a one-line summary.
pub fn fill(
    store: &Store,
    n: usize,
    seed: u64,
    today: Date,
    actor: &str,
    progress: &dyn Fn(usize),
) -> Result<String, StoreError> {
    let mut demo = generate(seed, n, today);
    let mut w = BulkWriter::for_job(store, AuditAction::Demo, actor, &format!("{n} staff"));
    for u in &demo.units {
        w.put_unit(u)?;
    }
    for p in &demo.partners {
        w.put_partner(p)?;
    }
    let (catalogue, requirements) = competency_catalogue();
    for c in &catalogue {
        w.put_competency(c)?;
    }
    for r in &requirements {
        w.put_requirement(r)?;
    }
    let (mut evaluations, mut trainings, mut coaching, mut written) = (0usize, 0usize, 0, 0usize);
    let (mut skp, mut contracts, mut careers) = (0usize, 0usize, 0usize);
    while let Some(p) = demo.next_person() {
        let nip = p.staff.nip.as_str();
        w.put_staff(&p.staff, None)?;
        if !p.evaluations.items.is_empty() {
            evaluations += p.evaluations.items.len();
            w.put_evaluations(nip, &p.evaluations)?;
        }
        if !p.trainings.items.is_empty() {
            trainings += p.trainings.items.len();
            w.put_trainings(nip, &p.trainings)?;
        }
        if !p.potentials.items.is_empty() {
            w.put_potentials(nip, &p.potentials)?;
        }
        if !p.coaching.items.is_empty() {
            coaching += p.coaching.items.len();
            w.put_coaching(nip, &p.coaching)?;
        }
        if !p.skp.items.is_empty() {
            skp += p.skp.items.len();
            w.put_skp(nip, &p.skp)?;
        }
        if !p.contracts.items.is_empty() {
            contracts += p.contracts.items.len();
            w.put_contracts(nip, &p.contracts)?;
        }
        if let Some(c) = &p.career {
            careers += 1;
            w.put_career(nip, c)?;
        }
        written += 1;
        if written % 1000 == 0 {
            progress(written);
        }
    }
    progress(written);
    let summary = format!(
        "{} staff, {} units, {} evaluations, {} trainings, {} coaching records, {} SKP, {} contracts, {} career histories (seed {seed})",
        demo.len(),
        demo.units.len(),
        evaluations,
        trainings,
        coaching,
        skp,
        contracts,
        careers
    );
    w.finish(actor, AuditAction::Demo, &summary)?;
    Ok(summary)
}
