//! The unit realisation screen's data (issue 19, "a realisation entry screen for a whole
//! unit, indicator by indicator"): for one unit and one evaluation period, the people whose
//! SKP covers the period, each with that plan; page `k` of the screen is the `k`-th
//! indicator of every plan (people set from one template share their indicators, so a
//! page is one indicator for a group of the same position).

use crate::domain::skp::{self, Realisasi};
use crate::domain::{Aspek, JenisRhk, Nilai, Pendekatan, Period, Skp};
use crate::model::staff_index::StaffIndex;
use crate::store::{Store, StoreError};
use std::collections::VecDeque;

/// One person of the unit with the plan that covers the period.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOf {
    /// The 18 NIP digits.
    pub nip: String,
    pub name: String,
    pub skp: Skp,
}

/// A unit's plans for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRealisation {
    pub unit_id: String,
    pub unit_name: String,
    pub period: Period,
    /// People with an SKP covering the period, in name order.
    pub people: Vec<PlanOf>,
    /// People of the unit without one (older years, imports, not planned yet).
    pub without_skp: usize,
    /// Every unit the officer sees, (id, name) by name, for the unit picker.
    pub units: Vec<(String, String)>,
    /// People of the unit whose plans are not read yet, (NIP, name) in name order after
    /// the ones in `people`: [`unit_realisation`] reads a screenful before the first frame
    /// and [`UnitRealisation::read_more`] the rest after it.
    pub pending: VecDeque<(String, String)>,
    /// How many people the unit has (read or not).
    pub members: usize,
}

/// How many people [`unit_realisation`] reads before the screen is first drawn: more than
/// a screen's rows, so the first frame is a full page (the biggest demo unit has 14,000
/// people, whose plans take most of a second to read).
pub const FIRST_READ: usize = 60;

/// How many people one [`UnitRealisation::read_more`] step reads: about 10 ms on an idle
/// 2-core machine (35 µs a person on the 100,000-person demo), so a key pressed while the
/// rest loads waits at most that long.
pub const READ_STEP: usize = 300;

/// One row of a page: a person's `k`-th indicator and its realisation of the period.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRow<'a> {
    /// Position in [`UnitRealisation::people`].
    pub person: usize,
    pub nip: &'a str,
    pub name: &'a str,
    pub skp_id: u32,
    pub revision: u64,
    /// The plan's approach: under `Kuantitatif` a realisation is a number.
    pub pendekatan: Pendekatan,
    /// 1-based RHK number, as printed (`RHK 2`).
    pub rhk_no: usize,
    pub jenis: JenisRhk,
    pub rhk: &'a str,
    pub indikator_id: u32,
    pub aspek: Aspek,
    pub indikator: &'a str,
    pub target: &'a Nilai,
    /// The realisation recorded for exactly this period.
    pub realisasi: Option<&'a Realisasi>,
    /// Realisation against target in percent, where both are numbers.
    pub capaian: Option<f64>,
}

impl UnitRealisation {
    /// Pages: the most indicators any of the plans has.
    pub fn pages(&self) -> usize {
        self.people
            .iter()
            .map(|p| p.skp.indicators().count())
            .max()
            .unwrap_or(0)
    }

    /// The rows of page `k` (0-based): everyone whose plan has a `k`-th indicator.
    pub fn rows(&self, k: usize) -> Vec<EntryRow<'_>> {
        let mut out = Vec::with_capacity(self.people.len());
        for (n, p) in self.people.iter().enumerate() {
            let found = p
                .skp
                .rhk
                .iter()
                .enumerate()
                .flat_map(|(r, rhk)| rhk.indikator.iter().map(move |i| (r, rhk, i)))
                .nth(k);
            let Some((r, rhk, i)) = found else { continue };
            let realisasi = i.realisasi_of(self.period);
            out.push(EntryRow {
                person: n,
                nip: &p.nip,
                name: &p.name,
                skp_id: p.skp.id,
                revision: p.skp.revision,
                pendekatan: p.skp.pendekatan,
                rhk_no: r + 1,
                jenis: rhk.jenis,
                rhk: &rhk.teks,
                indikator_id: i.id,
                aspek: i.aspek,
                indikator: &i.teks,
                target: &i.target,
                realisasi,
                capaian: realisasi.and_then(|x| skp::capaian(i.aspek, &i.target, &x.nilai)),
            });
        }
        out
    }

    /// Realisations recorded on page `k`, and its rows.
    pub fn filled(&self, k: usize) -> (usize, usize) {
        let rows = self.rows(k);
        (
            rows.iter().filter(|r| r.realisasi.is_some()).count(),
            rows.len(),
        )
    }

    /// While plans are still being read: (people read, people in the unit).
    pub fn loading(&self) -> Option<(usize, usize)> {
        (!self.pending.is_empty()).then(|| (self.members - self.pending.len(), self.members))
    }

    /// Reads the plans of the next `n` people not read yet (in name order, after the
    /// ones shown). Returns whether any were left to read.
    ///
    /// # Errors
    /// A store read failed; the people not read stay pending.
    pub fn read_more(&mut self, store: &Store, n: usize) -> Result<bool, StoreError> {
        if self.pending.is_empty() {
            return Ok(false);
        }
        for _ in 0..n {
            let Some((nip, _)) = self.pending.front() else {
                break;
            };
            let skps = store.skp_of(nip)?;
            let plan = skp::skp_for(&skps, self.period).cloned();
            let Some((nip, name)) = self.pending.pop_front() else {
                break;
            };
            match plan {
                Some(skp) => self.people.push(PlanOf { nip, name, skp }),
                None => self.without_skp += 1,
            }
        }
        Ok(true)
    }

    /// Reads every plan not read yet.
    ///
    /// # Errors
    /// As [`UnitRealisation::read_more`].
    pub fn read_all(&mut self, store: &Store) -> Result<(), StoreError> {
        while self.read_more(store, READ_STEP)? {}
        Ok(())
    }

    /// Puts in a person's SKP as the store saved (or reread) it: the next save goes from
    /// its revision. A plan that no longer covers the period leaves the list.
    pub fn replace(&mut self, nip: &str, skp: Skp) {
        let Some(pos) = self.people.iter().position(|p| p.nip == nip) else {
            return;
        };
        if skp.covers(self.period) {
            self.people[pos].skp = skp;
        } else {
            self.people.remove(pos);
            self.without_skp += 1;
        }
    }
}

/// The plans of unit `unit_id` for `period`: its people from the staff rows in memory
/// (`index`, already limited to the officer's units), in name order, each with the SKP
/// that is the plan for the period ([`skp::skp_for`]). Only the first [`FIRST_READ`]
/// people's plans are read; the rest wait in `pending` for
/// [`UnitRealisation::read_more`] (or [`UnitRealisation::read_all`]).
///
/// # Errors
/// A store read failed.
pub fn unit_realisation(
    store: &Store,
    index: &StaffIndex,
    unit_id: &str,
    period: Period,
) -> Result<UnitRealisation, StoreError> {
    let mut pending = VecDeque::new();
    index.for_each_by_name(|p| {
        if p.unit_id == unit_id {
            pending.push_back((p.nip.to_string(), p.name.to_string()));
        }
    });
    let mut data = UnitRealisation {
        unit_id: unit_id.to_string(),
        unit_name: index.unit_name(unit_id),
        period,
        people: Vec::new(),
        without_skp: 0,
        units: index.units(),
        members: pending.len(),
        pending,
    };
    data.read_more(store, FIRST_READ)?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Indikator, Intervensi, PeriodKind, PersonAtTime, Rhk};

    fn plan(indicators: &[&str]) -> Skp {
        let mut s = Skp::new_year(
            2026,
            PersonAtTime::named("A", None),
            PersonAtTime::named("B", None),
        );
        let mut r = Rhk::new(JenisRhk::Utama, "Layanan", Intervensi::None);
        for t in indicators {
            r.indikator.push(Indikator {
                id: 0,
                aspek: Aspek::Kuantitas,
                teks: "x".into(),
                target: Nilai::parse(t).expect("target"),
                realisasi: Vec::new(),
            });
        }
        s.rhk.push(r);
        s.number();
        s.id = 1;
        s.revision = 1;
        s
    }

    #[test]
    fn a_page_holds_the_kth_indicator_of_every_plan_that_has_one() {
        let q3 = Period::new(2026, PeriodKind::Triwulan(3)).expect("q3");
        let mut one = plan(&["10 laporan"]);
        let id = one.rhk[0].indikator[0].id;
        one.indikator_mut(id)
            .expect("indicator")
            .set_realisasi(q3, Nilai::parse("12 laporan"), "");
        let mut u = UnitRealisation {
            unit_id: "u".into(),
            unit_name: "U".into(),
            period: q3,
            people: vec![
                PlanOf {
                    nip: "1".into(),
                    name: "Ani".into(),
                    skp: one,
                },
                PlanOf {
                    nip: "2".into(),
                    name: "Budi".into(),
                    skp: plan(&["5 kegiatan", "3 hari"]),
                },
            ],
            without_skp: 0,
            units: Vec::new(),
            pending: VecDeque::new(),
            members: 2,
        };
        assert_eq!(u.loading(), None);
        assert_eq!(u.pages(), 2);
        let first = u.rows(0);
        assert_eq!(first.len(), 2);
        assert_eq!(first[0].capaian, Some(120.0));
        assert_eq!(first[1].realisasi, None);
        assert_eq!(u.filled(0), (1, 2));
        let second = u.rows(1);
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].name, "Budi");
        assert_eq!(second[0].target.to_string(), "3 hari");
        // A plan moved out of the period leaves the list.
        let mut moved = plan(&["1 x"]);
        moved.mulai = jiff::civil::date(2026, 10, 1);
        u.replace("1", moved);
        assert_eq!(u.people.len(), 1);
        assert_eq!(u.without_skp, 1);
    }
}
