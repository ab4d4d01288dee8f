//! What Beranda (tab `1`) shows: the last annual evaluation's coverage and predikat
//! spread, this year's 20 JP compliance, who needs attention and where their coaching
//! stands, the open objections (keberatan, issue 19), and who retires within 12 months.
//! Counted in the same pass that reads the staff list ([`HomeData::add`] per person), so it
//! costs no extra read. The PPPK contracts that end within three months (issue 21) are
//! found by one pass over the contracts tree (only the PPPK with a contract), matched in the
//! same pass, and only the people kept have their evaluations read.

use super::coaching::Reason;
use crate::domain::{
    CoachingStatus, Contract, Contracts, Ending, JpTargets, KeberatanStatus, Period, PeriodKind,
    Predikat, PredikatCounts, RetiringEntry, StaffSummary,
};
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::sync::Arc;

/// Who needs attention most, shown on the home screen.
pub const ATTENTION: usize = 6;

/// Open objections kept for the home screen (the oldest filed first); all are counted.
pub const KEBERATAN: usize = 20;

/// The contracts ending soonest kept for the home screen; all are counted.
pub const CONTRACTS: usize = 40;

/// A PPPK whose newest contract ends within three months, or ended with no renewal on
/// record: the extension decision, made on the performance (PP 49/2018 Pasal 37 ayat 2),
/// with the latest quarterly and annual predikat beside it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ContractDue {
    pub nip: String,
    pub name: String,
    pub unit_id: String,
    pub contract: Contract,
    pub ending: Ending,
    /// The newest quarterly (triwulan) evaluation's period and predikat.
    pub triwulan: Option<(Period, Predikat)>,
    /// The newest annual predikat and its year.
    pub tahunan: Option<(i16, Predikat)>,
}

/// Every PPPK whose newest contract ends within three months of `today` or has ended (one
/// pass over the contracts tree), by NIP.
pub fn contracts_ending(
    store: &Store,
    today: jiff::civil::Date,
) -> Result<HashMap<String, (Contract, Ending)>, StoreError> {
    let mut out = HashMap::new();
    for item in store.iter_contracts() {
        let (nip, contracts) = item?;
        if let Some(e) = crate::domain::ending(&contracts, today) {
            out.insert(nip, e);
        }
    }
    Ok(out)
}

/// The contracts of every PPPK whose newest contract ends within three months of `last` or
/// has ended (one pass over the contracts tree, keeping only those): for [`ending_on`] on
/// `last` and the days before it, from one read.
pub fn contracts_ending_by(
    store: &Store,
    last: jiff::civil::Date,
) -> Result<Vec<(String, Contracts)>, StoreError> {
    let mut out = Vec::new();
    for item in store.iter_contracts() {
        let (nip, contracts) = item?;
        if crate::domain::ending(&contracts, last).is_some() {
            out.push((nip, contracts));
        }
    }
    Ok(out)
}

/// [`contracts_ending`] on `today`, over contracts already read ([`contracts_ending_by`] a
/// day on or after `today`).
pub fn ending_on(
    all: &[(String, Contracts)],
    today: jiff::civil::Date,
) -> HashMap<String, (Contract, Ending)> {
    all.iter()
        .filter_map(|(nip, contracts)| {
            crate::domain::ending(contracts, today).map(|e| (nip.clone(), e))
        })
        .collect()
}

/// Who retires soonest, kept for the home screen: as many as the tallest screen shows (the
/// screen shows those that fit and says how many more there are).
pub const RETIRING: usize = 60;

/// Serialized only into the screens' view file (`app/view.rs`), never into a record.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct HomeData {
    /// The annual period counted: last year's.
    pub year: i16,
    pub active: u32,
    /// Active staff with that annual evaluation.
    pub evaluated: u32,
    pub counts: PredikatCounts,
    /// This year's JP.
    pub jp_year: i16,
    pub reached: u32,
    /// (NIP, name, reason, where their coaching stands), the worst first.
    pub attention: Vec<(String, String, Reason, Option<CoachingStatus>)>,
    /// People on the coaching list (as Pelatihan's for this year) flagged by predikat with
    /// no coaching since (missing), and with a coaching past its follow-up date (overdue).
    pub coaching_missing: u32,
    pub coaching_overdue: u32,
    /// The open objections (keberatan not decided yet) of the people counted, the oldest
    /// filing first, at most [`KEBERATAN`]: (NIP, name, period, where it stands, the day of
    /// that step: filed, or explained once [`HomeData::read_step_days`] ran).
    pub keberatan: Vec<(String, String, Period, KeberatanStatus, jiff::civil::Date)>,
    /// Every open objection of the people counted.
    pub keberatan_open: u32,
    /// Everyone's coaching records while counting (see [`HomeData::set_coaching_shared`]).
    #[serde(skip)]
    coached: Arc<super::coaching::CoachedByNip>,
    /// The unit counted, `None` for all.
    pub unit: Option<String>,
    /// Every unit as (id, name), by name, for `f`.
    pub all_units: Vec<(String, String)>,
    /// This year: the PNS JP due by today, which flags people on the attention list.
    pub due_today: Option<u32>,
    /// The first [`RETIRING`] on the retiring list (overdue first, then the nearest pension
    /// date).
    pub retiring: Vec<RetiringEntry>,
    /// Everyone on the retiring list: active, pension past or within 12 months.
    pub retiring_total: u32,
    /// The first [`CONTRACTS`] PPPK contracts to decide on (issue 21), the earliest end
    /// first (ended ones before those ending).
    pub contracts: Vec<ContractDue>,
    /// Every active PPPK counted whose contract ends within three months or has ended.
    pub contracts_total: u32,
    /// The contracts ending, by NIP, while counting (see [`HomeData::set_contracts`]).
    #[serde(skip)]
    ending: Arc<HashMap<String, (Contract, Ending)>>,
    loaded: bool,
}

impl HomeData {
    pub fn new(year: i16, jp_year: i16) -> HomeData {
        HomeData {
            year,
            jp_year,
            ..Default::default()
        }
    }

    /// The units `f` steps through, and the one counted (call before `add`).
    pub fn set_units(&mut self, units: Vec<(String, String)>, unit: Option<String>) {
        self.all_units = units;
        self.unit = unit;
    }

    /// Everyone's coaching records by NIP, for the coaching statuses (call before `add`;
    /// let go of by `done`), shared with other counts and with the app's kept copy
    /// ([`crate::app::Shared`]).
    pub fn set_coaching_shared(&mut self, coached: Arc<super::coaching::CoachedByNip>) {
        self.coached = coached;
    }

    /// The PPPK contracts that end soon ([`contracts_ending`]), for the list (call before
    /// `add`; dropped by `done`).
    pub fn set_contracts(&mut self, ending: HashMap<String, (Contract, Ending)>) {
        self.ending = Arc::new(ending);
    }

    /// Counts one person (every summary passes here once).
    /// `targets`: the year's JP target per employment kind; `today`: for the pro-rata
    /// target that flags a person below it (this year only).
    pub fn add(&mut self, s: &StaffSummary, targets: &JpTargets, today: jiff::civil::Date) {
        if !s.aktif || self.unit.as_ref().is_some_and(|u| *u != s.unit_id) {
            return;
        }
        let pppk = s.golongan.is_pppk();
        if self.jp_year == today.year() {
            self.due_today = Some(targets.pro_rata(false, today));
        }
        let jp_target_now = if self.jp_year == today.year() {
            targets.pro_rata(pppk, today)
        } else {
            targets.of(pppk)
        };
        self.active += 1;
        if let Some((contract, ending)) = self.ending.get(&s.nip) {
            self.contracts_total += 1;
            self.contracts.push(ContractDue {
                nip: s.nip.clone(),
                name: s.name.clone(),
                unit_id: s.unit_id.clone(),
                contract: contract.clone(),
                ending: *ending,
                triwulan: None,
                tahunan: s.annual.last().copied(),
            });
            self.contracts
                .sort_by(|a, b| (a.contract.selesai, &a.nip).cmp(&(b.contract.selesai, &b.nip)));
            self.contracts.truncate(CONTRACTS);
        }
        if let Some(r) = s.retiring_on(today) {
            self.retiring_total += 1;
            self.retiring.push(r);
            self.retiring
                .sort_by(|a, b| a.order_key().cmp(&b.order_key()));
            self.retiring.truncate(RETIRING);
        }
        // An objection waits for the atasan's decision (PP 30/2019 Pasal 59).
        for (period, status, day) in &s.keberatan {
            self.keberatan_open += 1;
            self.keberatan
                .push((s.nip.clone(), s.name.clone(), *period, *status, *day));
        }
        if !s.keberatan.is_empty() {
            self.keberatan
                .sort_by(|a, b| (a.4, &a.0, a.2.sort_key()).cmp(&(b.4, &b.0, b.2.sort_key())));
            self.keberatan.truncate(KEBERATAN);
        }
        if let Some(p) = s.annual_in(self.year) {
            self.evaluated += 1;
            self.counts.add(p);
        }
        let jp = s.jp_in(self.jp_year);
        if targets.reached(pppk, jp) {
            self.reached += 1;
        }
        let reason = match s.last {
            Some((_, p)) if p.needs_coaching() => Some(Reason::Predikat(p)),
            _ if jp < jp_target_now => Some(Reason::BelowJp {
                jp,
                target: jp_target_now,
                year_target: targets.of(pppk),
            }),
            _ => None,
        };
        if let Some(reason) = reason {
            let since = s
                .last
                .filter(|(_, p)| p.needs_coaching())
                .map(|(period, _)| period.start());
            let items = self.coached.get(&s.nip).map_or(&[][..], |v| v.as_slice());
            let status = crate::domain::follow_up(items, since, today);
            match status {
                Some(CoachingStatus::Missing) => self.coaching_missing += 1,
                Some(CoachingStatus::Overdue) => self.coaching_overdue += 1,
                _ => {}
            }
            // Keep only the worst few: poor predikat first (worst first), then fewest JP;
            // among equals, the first counted. A person the list would drop at once is not
            // copied in (tens of thousands are below the JP due at 100,000 staff).
            fn worst_first(r: &Reason) -> (u8, u32, u32) {
                match r {
                    Reason::Predikat(p) => (0, u32::from(5 - p.code()), 0),
                    Reason::BelowJp { jp, .. } => (1, 0, *jp),
                }
            }
            let full = self.attention.len() >= ATTENTION;
            if !full
                || self
                    .attention
                    .last()
                    .is_some_and(|(_, _, last, _)| worst_first(&reason) < worst_first(last))
            {
                self.attention
                    .push((s.nip.clone(), s.name.clone(), reason, status));
                self.attention.sort_by_key(|(_, _, r, _)| worst_first(r));
                self.attention.truncate(ATTENTION);
            }
        }
    }

    /// The day of the step each objection kept is at, for "dijelaskan: <day>": the
    /// summaries hold the filing day, so an explained one reads its explanation's day from
    /// the person's evaluations (at most [`KEBERATAN`] reads, explained ones only).
    pub fn read_step_days(&mut self, store: &Store) -> Result<(), StoreError> {
        for (nip, _, period, status, day) in &mut self.keberatan {
            if *status != KeberatanStatus::Dijelaskan {
                continue;
            }
            let explained = store
                .evaluations_of(nip)?
                .into_iter()
                .find(|e| e.period == *period)
                .and_then(|e| e.keberatan)
                .and_then(|k| k.penjelasan_tanggal);
            if let Some(d) = explained {
                *day = d;
            }
        }
        Ok(())
    }

    /// The newest quarterly predikat of each contract kept (at most [`CONTRACTS`] reads of
    /// a person's evaluations); the annual one came with the summary.
    pub fn read_contract_predikat(&mut self, store: &Store) -> Result<(), StoreError> {
        self.read_contract_predikat_with(store, &mut HashMap::new())
    }

    /// [`HomeData::read_contract_predikat`], taking each person's from `known` when an
    /// earlier count read it (counts of several days list mostly the same contracts), and
    /// adding those it reads.
    pub fn read_contract_predikat_with(
        &mut self,
        store: &Store,
        known: &mut HashMap<String, Option<(Period, Predikat)>>,
    ) -> Result<(), StoreError> {
        for c in &mut self.contracts {
            if let Some(p) = known.get(&c.nip) {
                c.triwulan = *p;
                continue;
            }
            let evaluations = store.evaluations_of(&c.nip)?;
            c.triwulan = evaluations
                .iter()
                .filter(|e| matches!(e.period.kind, PeriodKind::Triwulan(_)))
                .max_by_key(|e| e.period.sort_key())
                .map(|e| (e.period, e.predikat()));
            known.insert(c.nip.clone(), c.triwulan);
        }
        Ok(())
    }

    pub fn done(&mut self) {
        self.loaded = true;
        self.coached = Arc::default();
        self.ending = Arc::default();
    }

    /// Everyone was counted ([`HomeData::done`]); before, Beranda says it is loading.
    pub fn loaded(&self) -> bool {
        self.loaded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Golongan, Period};
    use jiff::civil::date;

    fn person(nip: &str, aktif: bool, filed: Option<jiff::civil::Date>) -> StaffSummary {
        StaffSummary {
            nip: nip.into(),
            name: format!("Pegawai {nip}"),
            golongan: Golongan::parse("III/a", false).expect("rank"),
            jabatan: "Perawat".into(),
            jenis: None,
            unit_id: "pkm".into(),
            aktif,
            last: None,
            jp: Vec::new(),
            annual: Vec::new(),
            annual_hasil: Vec::new(),
            held: Vec::new(),
            keberatan: filed
                .map(|d| (Period::annual(2025), KeberatanStatus::Diajukan, d))
                .into_iter()
                .collect(),
            pendidikan: None,
            tmt_golongan: None,
            moves: Vec::new(),
        }
    }

    #[test]
    fn contracts_ending_are_listed_for_active_people_of_the_unit_earliest_end_first() {
        use jiff::civil::date;
        let mut home = HomeData::new(2025, 2026);
        let today = date(2026, 11, 28);
        let c = |selesai| Contract {
            mulai: date(2025, 12, 1),
            selesai,
            nomor: String::new(),
        };
        home.set_contracts(HashMap::from([
            ("1".to_string(), (c(date(2027, 2, 28)), Ending::Soon)),
            ("2".to_string(), (c(date(2026, 10, 31)), Ending::Ended)),
            ("3".to_string(), (c(date(2026, 12, 31)), Ending::Soon)),
        ]));
        home.set_units(Vec::new(), Some("pkm".into()));
        let targets = JpTargets::default();
        let mut annual = person("1", true, None);
        annual.annual = vec![(2024, Predikat::Baik), (2025, Predikat::SangatBaik)];
        home.add(&annual, &targets, today);
        home.add(&person("2", true, None), &targets, today);
        home.add(&person("3", false, None), &targets, today);
        let mut elsewhere = person("4", true, None);
        elsewhere.unit_id = "sd".into();
        home.add(&elsewhere, &targets, today);
        assert_eq!(home.contracts_total, 2, "the inactive one is not counted");
        let nips: Vec<&str> = home.contracts.iter().map(|c| c.nip.as_str()).collect();
        assert_eq!(nips, ["2", "1"]);
        assert_eq!(
            home.contracts[1].tahunan,
            Some((2025, Predikat::SangatBaik))
        );
        home.done();
        assert!(home.ending.is_empty(), "dropped once counted");
    }

    #[test]
    fn open_objections_are_counted_and_listed_oldest_filing_first() {
        let mut home = HomeData::new(2025, 2026);
        let today = date(2026, 11, 28);
        let targets = JpTargets::default();
        home.add(&person("2", true, Some(date(2026, 1, 20))), &targets, today);
        home.add(&person("1", true, Some(date(2026, 1, 19))), &targets, today);
        home.add(&person("3", false, Some(date(2026, 1, 5))), &targets, today);
        home.add(&person("4", true, None), &targets, today);
        assert_eq!(home.keberatan_open, 2, "the inactive one is not counted");
        let nips: Vec<&str> = home.keberatan.iter().map(|k| k.0.as_str()).collect();
        assert_eq!(nips, ["1", "2"]);
    }

    proptest::proptest! {
        /// The attention list keeps the worst [`ATTENTION`] of everyone flagged, in
        /// order, the first counted first among equals: the same as listing them all,
        /// sorting stably and keeping the first few (what `add` did before it stopped
        /// copying in those it would drop at once).
        #[test]
        fn the_attention_list_is_the_worst_few_of_everyone_flagged(
            people in proptest::collection::vec((0u8..7, 0u32..30), 0..60)
        ) {
            let today = date(2026, 11, 28);
            let targets = JpTargets::default();
            let mut home = HomeData::new(2025, 2026);
            let mut all = Vec::new();
            for (n, (predikat, jp)) in people.iter().enumerate() {
                let mut s = person(&format!("{n:02}"), true, None);
                // 1-5: a predikat (code), else none.
                s.last = Predikat::ALL
                    .iter()
                    .find(|p| p.code() == *predikat)
                    .map(|p| (Period::annual(2025), *p));
                s.jp = vec![(2026, *jp)];
                home.add(&s, &targets, today);
                let due = targets.pro_rata(false, today);
                let reason = match s.last {
                    Some((_, p)) if p.needs_coaching() => Some((0, u32::from(5 - p.code()), 0)),
                    _ if *jp < due => Some((1, 0, *jp)),
                    _ => None,
                };
                if let Some(key) = reason {
                    all.push((key, s.nip.clone()));
                }
            }
            all.sort_by_key(|(key, _)| *key);
            let expected: Vec<String> =
                all.into_iter().take(ATTENTION).map(|(_, nip)| nip).collect();
            let got: Vec<String> = home.attention.iter().map(|a| a.0.clone()).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
