//! The demo data set: units, partners and people's identities planned up front, each
//! person's records made when asked for.

use super::coaching::coaching_for;
use super::evaluations::evaluations_for;
use super::keberatan::Objections;
use super::partners::{GOV_ORGANISERS, PRIVATE_ORGANISERS, with_agreements};
use super::pension::plant_near_pension;
use super::people::{person, quota};
use super::potentials::potentials_for;
use super::rng::Rng;
use super::skp::{Cascade, HeadRhk, SkpPeople, head_links, head_rhk, skp_for};
use super::trainings::trainings_for;
use super::units::{RULE_BREAKING_UNIT, UNITS, lead_unit, pustu_of};
use crate::domain::{
    OrganiserKind, PersonAtTime, Predikat, Rating, Staff, Unit, UnitKind, UnitRating,
};
use crate::store::{EvaluationGroup, Partner, SkpGroup, TrainingGroup};
use jiff::civil::Date;
use std::collections::HashSet;

/// Everything the demo writes for one person.
pub struct DemoPerson {
    pub staff: Staff,
    pub evaluations: EvaluationGroup,
    pub trainings: TrainingGroup,
    /// Potensial for last year and, for some, the year before (PermenPANRB 3/2020).
    pub potentials: crate::domain::Potentials,
    pub coaching: crate::store::CoachingGroup,
    /// SKPs of last year and this year, with realisations, evidence and feedback.
    pub skp: SkpGroup,
    /// A PPPK's contracts (issue 21); empty for a PNS.
    pub contracts: crate::domain::Contracts,
    /// The career history (issue 21); `None`: the one the record implies.
    pub career: Option<crate::domain::Career>,
}

pub(super) struct Draft {
    pub(super) staff: Staff,
    pub(super) unit: usize,
    /// How well this person works, 0 (poor) to 1 (excellent).
    pub(super) latent: f64,
    /// Annual predikat for the year before last and last year.
    pub(super) annual: [Option<Predikat>; 2],
    /// For a unit's head: the Hasil Kerja the unit's rating gives, per year as `annual`.
    pub(super) head_hasil: [Option<Rating>; 2],
}

/// The demo data set. Units, partners and the people's identities are built up front
/// (they are small); evaluations and trainings are made one person at a time by
/// [`Demo::next_person`], so 100,000 people never sit in memory with all their records.
pub struct Demo {
    pub units: Vec<Unit>,
    pub partners: Vec<Partner>,
    drafts: Vec<Draft>,
    heads: Vec<Option<usize>>,
    rng: Rng,
    /// A stream of its own for potentials, so adding them changed nobody's other data.
    talent_rng: Rng,
    /// A stream of its own for the coaching records, so adding them left everything else
    /// the demo draws as it was.
    coaching_rng: Rng,
    /// Streams of their own for the SKPs and for the dates received and objections, so
    /// adding them changed nothing else the demo draws.
    skp_rng: Rng,
    objections: Objections,
    /// A stream of its own for the PPPK contracts, so adding them changed nothing else.
    contract_rng: Rng,
    /// A stream of its own for the career histories (issue 21).
    career_rng: Rng,
    /// Per unit, its head's RHK of last year and this year, which the staff's RHK cite.
    head_rhk: Vec<[Option<HeadRhk>; 2]>,
    today: Date,
    next: usize,
}

/// Plans `n` people for the year of `today`.
pub fn generate(seed: u64, n: usize, today: Date) -> Demo {
    let mut rng = Rng::new(seed);
    let year = today.year();
    let mut units: Vec<Unit> = UNITS
        .iter()
        .map(|u| Unit::new(u.name, u.kind, u.parent.map(crate::domain::unit_id)))
        .collect();
    for (i, u) in units.iter_mut().enumerate() {
        // A pustu has no capaian organisasi of its own: its puskesmas's counts.
        if pustu_of(i).is_some() {
            continue;
        }
        for y in [year - 2, year - 1] {
            let rating = if i % 7 == 3 {
                UnitRating::Istimewa
            } else {
                UnitRating::Baik
            };
            u.ratings.insert(y, rating);
        }
    }

    let total_weight: u32 = UNITS.iter().map(|u| u.weight).sum();
    let mut used = HashSet::new();
    let mut drafts: Vec<Draft> = Vec::with_capacity(n);
    for i in 0..n {
        // Every unit gets its share of the staff, spread evenly through the list.
        let mut pick = ((i as u64 * u64::from(total_weight)) / n.max(1) as u64) as u32;
        let mut unit = 0;
        for (k, u) in UNITS.iter().enumerate() {
            if pick < u.weight {
                unit = k;
                break;
            }
            pick -= u.weight;
        }
        let staff = person(&mut rng, &units[unit], UNITS[unit].kind, today, &mut used);
        drafts.push(Draft {
            staff,
            unit,
            latent: rng.unit(),
            annual: [None, None],
            head_hasil: [None, None],
        });
    }

    plant_near_pension(&mut drafts, today, &mut used);

    // Some PPPK appointed since paruh waktu began are paruh waktu (issue 21), from a
    // stream of their own.
    let mut pw_rng = Rng::new(seed ^ 0x7061_7275_6877_616b);
    for d in &mut drafts {
        super::contracts::maybe_paruh_waktu(&mut pw_rng, &mut d.staff, today);
    }

    // Unit heads (the highest PNS rank) evaluate their staff. Each unit names its head,
    // whose result is the unit's own: their Hasil Kerja follows the unit's rating and they
    // are left out of the unit's distribution (SE MenPANRB 3/2023).
    let mut heads: Vec<Option<usize>> = vec![None; UNITS.len()];
    for (i, d) in drafts.iter().enumerate() {
        // A pustu's staff are led by their puskesmas's head.
        if d.staff.golongan.is_pppk() || pustu_of(d.unit).is_some() {
            continue;
        }
        let better = |b: usize| {
            (d.staff.golongan, &d.staff.nip) > (drafts[b].staff.golongan, &drafts[b].staff.nip)
        };
        if heads[d.unit].is_none_or(better) {
            heads[d.unit] = Some(i);
        }
    }

    for (k, h) in heads.iter().enumerate() {
        if let Some(h) = h {
            units[k].head = Some(drafts[*h].staff.nip.clone());
            for (slot, y) in [year - 2, year - 1].into_iter().enumerate() {
                drafts[*h].head_hasil[slot] = units[k]
                    .ratings
                    .get(&y)
                    .map(|r| crate::domain::head_hasil_kerja(*r));
            }
        }
    }

    // The annual predikat of each unit follows a quota, so every unit but the one meant to
    // break the guide fits it.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); UNITS.len()];
    for (i, d) in drafts.iter().enumerate() {
        if heads[d.unit] != Some(i) {
            members[d.unit].push(i);
        }
    }
    for (slot, y) in [year - 2, year - 1].into_iter().enumerate() {
        for (k, unit_members) in members.iter().enumerate() {
            let mut order = unit_members.clone();
            let score = |i: usize| {
                drafts[i].latent + 0.15 * (((i as u64 * 7919 + y as u64) % 100) as f64 / 100.0)
            };
            order.sort_by(|&a, &b| score(b).total_cmp(&score(a)));
            // A pustu's staff follow the rating of their puskesmas (its own share of
            // each predikat), so both rows of the report read the same pattern.
            let lead = lead_unit(k);
            let breaking = UNITS[lead].name == RULE_BREAKING_UNIT && y == year - 1;
            let quotas = if breaking {
                quota(order.len(), &[0.2, 0.8, 0.0, 0.0, 0.0])
            } else if units[lead].ratings.get(&y) == Some(&UnitRating::Istimewa) {
                quota(order.len(), &[0.55, 0.3, 0.1, 0.05, 0.0])
            } else {
                quota(order.len(), &[0.12, 0.62, 0.17, 0.06, 0.03])
            };
            let mut it = order.into_iter();
            for (p, count) in Predikat::ALL.iter().zip(quotas) {
                for i in it.by_ref().take(count) {
                    drafts[i].annual[slot] = Some(*p);
                }
            }
        }
    }
    // The heads, outside the quotas: Sangat Baik under an Istimewa unit, otherwise Baik.
    for h in heads.iter().flatten() {
        for slot in 0..2 {
            drafts[*h].annual[slot] = drafts[*h].head_hasil[slot].map(|r| match r {
                Rating::DiAtas => Predikat::SangatBaik,
                _ => Predikat::Baik,
            });
        }
    }

    let head_plans: Vec<[Option<HeadRhk>; 2]> = heads
        .iter()
        .enumerate()
        .map(|(k, h)| {
            [year - 1, year].map(|y| {
                let nip = &drafts[(*h)?].staff.nip;
                (y >= nip.appointed().0)
                    .then(|| head_links(nip.as_str(), &head_rhk(&units[k], UNITS[k].kind, y)))
            })
        })
        .collect();

    let partners: Vec<Partner> = GOV_ORGANISERS
        .iter()
        .map(|name| (*name, OrganiserKind::Pemerintah))
        .chain(PRIVATE_ORGANISERS.iter().copied())
        .map(|(name, kind)| Partner {
            id: crate::domain::unit_id(name),
            name: name.to_string(),
            kind,
            ..Default::default()
        })
        .map(|p| with_agreements(p, today))
        .collect();

    Demo {
        units,
        partners,
        drafts,
        heads,
        rng,
        talent_rng: Rng::new(seed ^ 0x7a1e_47ba_11e7_0003),
        coaching_rng: Rng::new(seed ^ 0x7065_6d62_696e_6161),
        skp_rng: Rng::new(seed ^ 0x736b_7020_7265_6e63),
        objections: Objections::new(seed ^ 0x6b65_6265_7261_7461),
        contract_rng: Rng::new(seed ^ 0x6b6f_6e74_7261_6b21),
        career_rng: Rng::new(seed ^ 0x6b61_7269_6572_2121),
        head_rhk: head_plans,
        today,
        next: 0,
    }
}

const SEKDA: &str = "Sekretaris Daerah Kota Medan";

/// Who evaluates the head of unit `k`: the head of the office above it.
fn superior_of_head(k: usize) -> PersonAtTime {
    let name = match (UNITS[k].kind, UNITS[k].parent) {
        (UnitKind::Kesehatan, _) => "Kepala Dinas Kesehatan Kota Medan",
        (UnitKind::Pendidikan, _) => "Kepala Dinas Pendidikan Kota Medan",
        (_, Some(_)) => "Camat Medan Belawan",
        (_, None) => SEKDA,
    };
    PersonAtTime::named(name, None)
}

impl Demo {
    /// Person `i` as an SKP or an evaluation names them: NIP, name, rank, position, unit.
    fn person_at_time(&self, i: usize) -> PersonAtTime {
        let d = &self.drafts[i];
        PersonAtTime {
            nip: Some(d.staff.nip.clone()),
            nama: d.staff.display_name(),
            golongan: Some(d.staff.golongan),
            jabatan: d.staff.jabatan.title(),
            unit: self.units[d.unit].name.clone(),
        }
    }

    /// How many people the demo holds.
    pub fn len(&self) -> usize {
        self.drafts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.drafts.is_empty()
    }

    /// The next person with their evaluations and trainings, in a fixed order.
    pub fn next_person(&mut self) -> Option<DemoPerson> {
        let i = self.next;
        let d = self.drafts.get(i)?;
        self.next += 1;
        let lead = lead_unit(d.unit);
        let penilai = match self.heads[lead].filter(|h| *h != i) {
            Some(h) => PersonAtTime {
                nip: Some(self.drafts[h].staff.nip.clone()),
                nama: self.drafts[h].staff.display_name(),
                ..Default::default()
            },
            None => PersonAtTime {
                nip: None,
                nama: match UNITS[lead].kind {
                    UnitKind::Kesehatan => "Kepala Dinas Kesehatan Kota Medan",
                    UnitKind::Pendidikan => "Kepala Dinas Pendidikan Kota Medan",
                    _ => "Camat Medan Belawan",
                }
                .to_string(),
                ..Default::default()
            },
        };
        let evaluations = evaluations_for(&mut self.rng, d, &penilai, self.today);
        let trainings = trainings_for(
            &mut self.rng,
            UNITS[d.unit].kind,
            &self.partners,
            d.staff.jabatan.jenis == crate::domain::JenisJabatan::Pengawas,
            self.today,
        );
        let potentials = potentials_for(&mut self.talent_rng, d, self.today);
        let contracts =
            super::contracts::contracts_for(&mut self.contract_rng, &d.staff, self.today);
        let coaching = coaching_for(&mut self.coaching_rng, &evaluations, &penilai, self.today);
        let mut evaluations = evaluations;
        let is_head = self.heads[lead] == Some(i);
        let unit = &self.units[d.unit];
        let pegawai = self.person_at_time(i);
        let above_head = superior_of_head(lead);
        let (skp_penilai, atasan) = match self.heads[lead] {
            Some(h) if h != i => (self.person_at_time(h), above_head),
            // The head (and a unit without one) is evaluated from outside the unit.
            _ => {
                let by = if is_head { above_head } else { penilai.clone() };
                let atasan = if by.nama == SEKDA {
                    PersonAtTime::named("Wali Kota Medan", None)
                } else {
                    PersonAtTime::named(SEKDA, None)
                };
                (by, atasan)
            }
        };
        let cascade = Cascade {
            unit,
            kind: UNITS[d.unit].kind,
            is_head,
            head: [0, 1].map(|slot| self.head_rhk[lead][slot].as_ref()),
        };
        let people = SkpPeople {
            pegawai: &pegawai,
            penilai: &skp_penilai,
            atasan: &atasan,
        };
        let skp = skp_for(
            &mut self.skp_rng,
            d,
            &cascade,
            &people,
            &evaluations.items,
            self.today,
        );
        // Every evaluation names the atasan pejabat penilai: the one the SKP names (the
        // official above the unit's head; above an outside evaluator, the Sekretaris
        // Daerah), who would decide an objection (PP 30/2019).
        for e in &mut evaluations.items {
            if e.atasan_penilai.is_none() {
                e.atasan_penilai = Some(atasan.clone());
            }
        }
        self.objections.apply(
            &mut evaluations.items,
            &pegawai,
            &atasan,
            is_head,
            self.today,
        );
        let career =
            super::careers::career_for(&mut self.career_rng, d, &self.units, is_head, self.today);
        if let Some(c) = &career {
            super::careers::people_then(c, &self.units, &mut evaluations.items);
        }
        Some(DemoPerson {
            staff: d.staff.clone(),
            evaluations,
            trainings,
            potentials,
            coaching,
            skp,
            contracts,
            career,
        })
    }
}
