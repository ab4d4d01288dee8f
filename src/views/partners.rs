//! What the Mitra screen and the Pelatihan tab show of the training partners (issue 13),
//! read from the store: per partner and year the trainings held, participants, JP
//! delivered, the trainings outside agreement and the competencies closed; the agreements
//! expiring soon; and the current gaps a partner could close.
//!
//! Definitions (the agreement rules are in [`crate::domain::partner`]):
//! - A partner's trainings are those whose organiser (penyelenggara) has the partner's id
//!   as its slug. A training belongs to the year it ends in (as JP do).
//! - **Trainings held**: distinct (title, start, end) of the partner in the year, from the
//!   per-year counts the store keeps; **participants** and **JP delivered** count every
//!   participation, JP only of completed ones (as the Pelatihan tab does).
//! - **Competencies closed**: the (person, competency) pairs where a completed training of
//!   the partner ending in the year satisfies a competency that the person's position
//!   requires and that was a gap for them (belum ada or kedaluwarsa) on the day before the
//!   training started. A person who took two such trainings closes the competency once.
//! - **Gaps it could close**: the people (active, in scope) who today have a gap (missing,
//!   expired or expiring within 6 months, as `kinerja export gaps` lists them) in at least
//!   one competency the partner says it delivers.

use crate::domain::{Competency, Partner, Requirement, TrainingStatus, unit_id};
use crate::store::stats::HeldStat;
use crate::store::{Store, StoreError};
use crate::views::competency_gaps::gaps;
use jiff::civil::Date;
use std::collections::{BTreeSet, HashMap, HashSet};

/// One partner's year as the Mitra list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerRow {
    pub partner: Partner,
    /// Agreements in force today.
    pub in_force: usize,
    /// Agreements expiring within 3 months of today without a renewal recorded.
    pub expiring: usize,
    pub held: Vec<HeldStat>,
    pub participants: u32,
    pub jp: u64,
}

impl PartnerRow {
    /// Trainings of the year outside agreement.
    pub fn flagged(&self) -> impl Iterator<Item = &HeldStat> {
        self.held
            .iter()
            .filter(|h| self.partner.outside_agreement(h.mulai, h.selesai))
    }
}

/// Every known partner with its year (by name), from the per-year counts: no pass over
/// the trainings.
pub fn partner_rows(store: &Store, year: i16, today: Date) -> Result<Vec<PartnerRow>, StoreError> {
    let (held, totals) = store.training_stats(year)?;
    let mut by_partner: HashMap<String, Vec<HeldStat>> = HashMap::new();
    for h in held {
        by_partner
            .entry(unit_id(&h.penyelenggara))
            .or_default()
            .push(h);
    }
    let totals: HashMap<String, (u32, u64)> = totals
        .into_iter()
        .map(|p| (unit_id(&p.name), (p.participants, p.jp)))
        .collect();
    let mut rows: Vec<PartnerRow> = store
        .partners()?
        .into_iter()
        .map(|p| {
            let mut held = by_partner.remove(&p.id).unwrap_or_default();
            held.sort_by(|a, b| (a.mulai, &a.judul).cmp(&(b.mulai, &b.judul)));
            let (participants, jp) = totals.get(&p.id).copied().unwrap_or((0, 0));
            PartnerRow {
                in_force: p.in_force(today).count(),
                expiring: p.expiring(today).len(),
                held,
                participants,
                jp,
                partner: p,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.partner
            .name
            .to_lowercase()
            .cmp(&b.partner.name.to_lowercase())
    });
    Ok(rows)
}

/// The competencies a partner's completed trainings ending in `year` closed (see the
/// module's definition), as the store keeps the count per partner and year (issue 23:
/// one read; every save that can change it keeps it, `store/stats.rs`).
pub fn competencies_closed(
    store: &Store,
    partner: &Partner,
    year: i16,
) -> Result<usize, StoreError> {
    Ok(store.competencies_closed(year, &partner.id)? as usize)
}

/// The same figure counted from the trainings of the people `training_stats` names for
/// the partner and the year (the way it was read before the count was kept): the
/// reference the kept count is tested and benchmarked against.
pub fn competencies_closed_by_reading(
    store: &Store,
    partner: &Partner,
    year: i16,
) -> Result<usize, StoreError> {
    let catalogue = store.competencies()?;
    let requirements = store.requirements()?;
    let mut closed: HashSet<(String, String)> = HashSet::new();
    // Only the people the kept index names as having completed a training of an organiser
    // the partner ran (its letters and digits first, then the partner's rule) are read.
    let letters: Vec<char> = partner.id.chars().filter(|c| c.is_alphanumeric()).collect();
    let maybe_ours = |organiser: &str| {
        organiser
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .eq(letters.iter().copied())
    };
    for nip in store.completed_with(year, maybe_ours)? {
        let group = store.training_group(&nip)?;
        let ours: Vec<_> = group
            .items
            .iter()
            .filter(|t| t.status == TrainingStatus::Selesai && t.year() == year && partner.ran(t))
            .collect();
        if ours.is_empty() {
            continue;
        }
        let Some(staff) = store.get_staff(&nip)? else {
            continue;
        };
        for t in ours {
            for c in closed_by(&staff.jabatan, &group.items, t, &requirements, &catalogue) {
                closed.insert((nip.clone(), c.id.clone()));
            }
        }
    }
    Ok(closed.len())
}

/// The required competencies of `jabatan` that `t` satisfies and that were a gap the day
/// before it started, given all of the person's trainings.
fn closed_by<'a>(
    jabatan: &crate::domain::Jabatan,
    trainings: &[crate::domain::Training],
    t: &crate::domain::Training,
    requirements: &[Requirement],
    catalogue: &'a [Competency],
) -> Vec<&'a Competency> {
    let Ok(before) = t.mulai.yesterday() else {
        return Vec::new();
    };
    crate::domain::required_for(jabatan, requirements, catalogue)
        .into_iter()
        .filter(|c| c.satisfied_by(t) && c.state(trainings, before).is_gap())
        .collect()
}

/// Per partner id, the people who have a gap today in a competency it delivers (see the
/// module's definition). Partners that deliver nothing are left out; without any such
/// partner nothing is read.
pub fn closable_gaps(
    store: &Store,
    partners: &[Partner],
    today: Date,
) -> Result<HashMap<String, usize>, StoreError> {
    if partners.iter().all(|p| p.competencies.is_empty()) {
        return Ok(HashMap::new());
    }
    // Gap rows name the competency; the catalogue turns names back into ids.
    let ids: HashMap<String, String> = store
        .competencies()?
        .into_iter()
        .map(|c| (c.name, c.id))
        .collect();
    let mut people: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for row in gaps(store, None, today)? {
        if let Some(id) = ids.get(&row.competency) {
            people.entry(id.as_str()).or_default().insert(row.nip);
        }
    }
    Ok(partners
        .iter()
        .filter(|p| !p.competencies.is_empty())
        .map(|p| {
            let mut who: BTreeSet<&String> = BTreeSet::new();
            for c in &p.competencies {
                if let Some(set) = people.get(c.as_str()) {
                    who.extend(set.iter());
                }
            }
            (p.id.clone(), who.len())
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        CompetencyKind, Jabatan, JenisJabatan, OrganiserKind, Training, TrainingKind,
    };
    use jiff::civil::date;

    fn training(judul: &str, mulai: Date, status: TrainingStatus) -> Training {
        Training {
            id: 1,
            judul: judul.into(),
            jenis: TrainingKind::Workshop,
            penyelenggara: "PT Medika".into(),
            jenis_penyelenggara: OrganiserKind::Swasta,
            mulai,
            selesai: mulai,
            jp: 8,
            status,
            no_sertifikat: String::new(),
            catatan: String::new(),
            kompetensi: None,
            revision: 1,
        }
    }

    #[test]
    fn a_training_closes_a_required_competency_that_was_a_gap_before_it() {
        let btcls = Competency::new(
            "BTCLS",
            CompetencyKind::Teknis,
            vec![],
            vec!["BTCLS".into()],
            Some(36),
        );
        let catalogue = vec![btcls];
        let requirements = vec![Requirement {
            jabatan: "Perawat".into(),
            jenis: None,
            competency: "btcls".into(),
        }];
        let perawat = Jabatan {
            nama: "Perawat".into(),
            jenis: JenisJabatan::Terampil,
        };
        let t = training("Pelatihan BTCLS", date(2026, 3, 2), TrainingStatus::Selesai);
        let closed = closed_by(
            &perawat,
            std::slice::from_ref(&t),
            &t,
            &requirements,
            &catalogue,
        );
        assert_eq!(closed.len(), 1);
        // Already held (a BTCLS a year before, still valid): nothing closed.
        let earlier = training("BTCLS", date(2025, 3, 2), TrainingStatus::Selesai);
        let both = vec![earlier, t.clone()];
        assert!(closed_by(&perawat, &both, &t, &requirements, &catalogue).is_empty());
        // Another position does not require it.
        let guru = Jabatan {
            nama: "Guru".into(),
            jenis: JenisJabatan::AhliPertama,
        };
        assert!(
            closed_by(
                &guru,
                std::slice::from_ref(&t),
                &t,
                &requirements,
                &catalogue
            )
            .is_empty()
        );
    }
}
