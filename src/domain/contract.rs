//! PPPK contracts (perjanjian kerja): each with its start and end day, renewed over time
//! (DOMAIN.md, "After the evaluation"; PP 49/2018 Pasal 37). The contract year, which the
//! 24 JP ceiling counts over (PP 49/2018 Pasal 40), and the contracts that end soon, for
//! the extension decision.

use super::text::clean_line;
use jiff::ToSpan;
use jiff::civil::Date;

/// Beranda lists the contracts that end within this many months, for the extension decision.
pub const ENDING_SOON_MONTHS: i32 = 3;

/// One perjanjian kerja of a PPPK: from `mulai` to `selesai`, both days in force.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contract {
    pub mulai: Date,
    pub selesai: Date,
    /// The number of the agreement (nomor perjanjian kerja), free text; may be empty.
    pub nomor: String,
}

/// Why a contract cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContractError {
    #[error("the end {selesai} is before the start {mulai}")]
    EndBeforeStart { mulai: Date, selesai: Date },
    #[error("the year {0} is outside 1900-2999")]
    Year(i16),
    #[error(
        "it overlaps the contract from {mulai} to {selesai}; a person has one contract at a time"
    )]
    Overlaps { mulai: Date, selesai: Date },
}

/// What a contract deserves a look for, never a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractWarning {
    /// Shorter than one year: PP 49/2018 Pasal 37 ayat 1 says at least one year.
    ShorterThanAYear,
}

impl Contract {
    pub fn cleaned(mut self) -> Contract {
        self.nomor = clean_line(&self.nomor);
        self
    }

    /// The start and end in 1900-2999, the end not before the start.
    pub fn validate(&self) -> Result<(), ContractError> {
        for d in [self.mulai, self.selesai] {
            if !(1900..=2999).contains(&d.year()) {
                return Err(ContractError::Year(d.year()));
            }
        }
        if self.selesai < self.mulai {
            return Err(ContractError::EndBeforeStart {
                mulai: self.mulai,
                selesai: self.selesai,
            });
        }
        Ok(())
    }

    /// Warnings: a contract shorter than a year (PP 49/2018 Pasal 37 ayat 1: "paling
    /// singkat 1 (satu) tahun"). A contract from 1 March 2025 to 28 February 2026 is a year.
    pub fn warnings(&self) -> Vec<ContractWarning> {
        let mut out = Vec::new();
        if self.selesai < add_years(self.mulai, 1).saturating_sub(1.day()) {
            out.push(ContractWarning::ShorterThanAYear);
        }
        out
    }

    /// Whether `day` is within the contract (both ends in force).
    pub fn covers(&self, day: Date) -> bool {
        self.mulai <= day && day <= self.selesai
    }

    /// Whether the two share a day.
    pub fn overlaps(&self, other: &Contract) -> bool {
        self.mulai <= other.selesai && other.mulai <= self.selesai
    }

    /// The contract year holding `day`: the first runs from `mulai` to the day before its
    /// first anniversary, the next from there, and the last stops at `selesai`. A contract
    /// from 1 July 2025 has the year 1 July 2025 - 30 June 2026, across two calendar
    /// years. A start on 29 February has its anniversaries on 28 February. `None` when
    /// the contract does not cover `day`.
    pub fn year_of(&self, day: Date) -> Option<(Date, Date)> {
        if !self.covers(day) {
            return None;
        }
        // Whole years since the start, corrected where the anniversary is still to come.
        let mut k = i32::from(day.year()) - i32::from(self.mulai.year());
        while k > 0 && add_years(self.mulai, k) > day {
            k -= 1;
        }
        let start = add_years(self.mulai, k);
        let end = add_years(self.mulai, k + 1)
            .saturating_sub(1.day())
            .min(self.selesai);
        Some((start, end))
    }
}

/// `d` plus `years` years; 29 February falls on 28 February in a common year.
fn add_years(d: Date, years: i32) -> Date {
    d.saturating_add((years as i64).years())
}

/// A PPPK's contracts, oldest first, never two in force on one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contracts {
    /// By `mulai`.
    pub items: Vec<Contract>,
    /// Bumped by the store on each save; a save with an older one is refused.
    pub revision: u64,
}

impl Contracts {
    /// The contract that started on `mulai`.
    pub fn starting(&self, mulai: Date) -> Option<&Contract> {
        self.items.iter().find(|c| c.mulai == mulai)
    }

    /// The contract in force on `day`.
    pub fn at(&self, day: Date) -> Option<&Contract> {
        self.items.iter().find(|c| c.covers(day))
    }

    /// The newest contract (the latest start).
    pub fn latest(&self) -> Option<&Contract> {
        self.items.iter().max_by_key(|c| c.mulai)
    }

    /// Puts `contract` in, in place of the one that started on `replacing` (an edit) or
    /// as a new one, keeping the list by start. Refused when it overlaps another.
    pub fn put(
        &mut self,
        replacing: Option<Date>,
        contract: Contract,
    ) -> Result<(), ContractError> {
        contract.validate()?;
        if let Some(other) = self
            .items
            .iter()
            .filter(|c| Some(c.mulai) != replacing)
            .find(|c| c.overlaps(&contract))
        {
            return Err(ContractError::Overlaps {
                mulai: other.mulai,
                selesai: other.selesai,
            });
        }
        self.items.retain(|c| Some(c.mulai) != replacing);
        self.items.push(contract);
        self.items.sort_by_key(|c| c.mulai);
        Ok(())
    }

    /// Takes out the contract that started on `mulai`; `None` when there is none.
    pub fn remove(&mut self, mulai: Date) -> Option<Contract> {
        let pos = self.items.iter().position(|c| c.mulai == mulai)?;
        Some(self.items.remove(pos))
    }

    /// The first two contracts that share a day, if any (what `check` reports).
    pub fn overlap(&self) -> Option<(&Contract, &Contract)> {
        self.items.iter().enumerate().find_map(|(i, a)| {
            self.items[i + 1..]
                .iter()
                .find(|b| a.overlaps(b))
                .map(|b| (a, b))
        })
    }

    /// The span the PPPK ceiling of 24 JP counts over on `day` (PP 49/2018 Pasal 40,
    /// "paling lama 24 JP" per contract year): the contract year holding `day`, or the
    /// calendar year of `day` when no contract covers it.
    pub fn ceiling_span(&self, day: Date) -> CeilingSpan {
        match self.at(day).and_then(|c| c.year_of(day)) {
            Some((start, end)) => CeilingSpan {
                start,
                end,
                contract: true,
            },
            None => CeilingSpan::calendar(day.year()),
        }
    }
}

/// The days a PPPK's JP are counted over against the ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CeilingSpan {
    pub start: Date,
    pub end: Date,
    /// A contract year; `false`: the calendar year (no contract covers the day).
    pub contract: bool,
}

impl CeilingSpan {
    /// The calendar year `year`.
    pub fn calendar(year: i16) -> CeilingSpan {
        CeilingSpan {
            start: Date::new(year, 1, 1).unwrap_or(Date::MIN),
            end: Date::new(year, 12, 31).unwrap_or(Date::MAX),
            contract: false,
        }
    }

    /// Whether `day` is in the span.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }
}

/// Where a contract stands on a day, for Beranda's list of contracts to decide on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Ending {
    /// Ended before the day, with no later contract recorded.
    Ended,
    /// Ends on the day or within the next three months.
    Soon,
}

/// Whether a person's newest contract needs the extension decision on `today`: it ends
/// within [`ENDING_SOON_MONTHS`] months (the day three months on included: on 30 November
/// a contract ending on 28 February is listed, one ending on 1 March is not), or it has
/// ended with no later contract recorded. `None` otherwise and without contracts.
pub fn ending(contracts: &Contracts, today: Date) -> Option<(Contract, Ending)> {
    let latest = contracts.latest()?;
    let limit = today.saturating_add(ENDING_SOON_MONTHS.months());
    if latest.selesai < today {
        Some((latest.clone(), Ending::Ended))
    } else if latest.selesai <= limit {
        Some((latest.clone(), Ending::Soon))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn contract(mulai: Date, selesai: Date) -> Contract {
        Contract {
            mulai,
            selesai,
            nomor: String::new(),
        }
    }

    #[test]
    fn a_contract_year_runs_across_two_calendar_years() {
        // PP 49/2018 Pasal 40: the ceiling is per contract year, not per calendar year.
        let c = contract(date(2025, 7, 1), date(2027, 6, 30));
        assert_eq!(
            c.year_of(date(2025, 12, 31)),
            Some((date(2025, 7, 1), date(2026, 6, 30)))
        );
        assert_eq!(
            c.year_of(date(2026, 1, 1)),
            Some((date(2025, 7, 1), date(2026, 6, 30)))
        );
        assert_eq!(
            c.year_of(date(2026, 6, 30)),
            Some((date(2025, 7, 1), date(2026, 6, 30)))
        );
        assert_eq!(
            c.year_of(date(2026, 7, 1)),
            Some((date(2026, 7, 1), date(2027, 6, 30)))
        );
        assert_eq!(c.year_of(date(2025, 6, 30)), None);
        assert_eq!(c.year_of(date(2027, 7, 1)), None);
    }

    #[test]
    fn the_last_contract_year_stops_at_the_end_of_the_contract() {
        let c = contract(date(2024, 3, 1), date(2025, 8, 31));
        assert_eq!(
            c.year_of(date(2025, 5, 1)),
            Some((date(2025, 3, 1), date(2025, 8, 31)))
        );
    }

    #[test]
    fn a_start_on_29_february_has_its_anniversary_on_28_february() {
        let c = contract(date(2024, 2, 29), date(2029, 2, 28));
        assert_eq!(
            c.year_of(date(2025, 2, 27)),
            Some((date(2024, 2, 29), date(2025, 2, 27)))
        );
        assert_eq!(
            c.year_of(date(2025, 2, 28)),
            Some((date(2025, 2, 28), date(2026, 2, 27)))
        );
    }

    #[test]
    fn without_a_contract_the_ceiling_counts_over_the_calendar_year() {
        let none = Contracts::default();
        let span = none.ceiling_span(date(2026, 5, 2));
        assert_eq!(
            (span.start, span.end),
            (date(2026, 1, 1), date(2026, 12, 31))
        );
        assert!(!span.contract);
        let mut some = Contracts::default();
        some.put(None, contract(date(2025, 7, 1), date(2026, 6, 30)))
            .unwrap();
        let span = some.ceiling_span(date(2026, 5, 2));
        assert_eq!(
            (span.start, span.end),
            (date(2025, 7, 1), date(2026, 6, 30))
        );
        assert!(span.contract);
        // After the contract: the calendar year again.
        assert!(!some.ceiling_span(date(2026, 7, 1)).contract);
    }

    #[test]
    fn contracts_may_not_overlap_and_an_edit_replaces_its_own() {
        let mut all = Contracts::default();
        all.put(None, contract(date(2024, 1, 1), date(2024, 12, 31)))
            .unwrap();
        all.put(None, contract(date(2025, 1, 1), date(2025, 12, 31)))
            .unwrap();
        assert_eq!(
            all.put(None, contract(date(2024, 12, 31), date(2025, 3, 1))),
            Err(ContractError::Overlaps {
                mulai: date(2024, 1, 1),
                selesai: date(2024, 12, 31)
            })
        );
        // Moving the second contract's end is an edit of itself, not an overlap.
        all.put(
            Some(date(2025, 1, 1)),
            contract(date(2025, 1, 1), date(2026, 12, 31)),
        )
        .unwrap();
        assert_eq!(all.items.len(), 2);
        assert_eq!(all.latest().map(|c| c.selesai), Some(date(2026, 12, 31)));
        assert_eq!(
            all.put(None, contract(date(2026, 2, 1), date(2026, 1, 1))),
            Err(ContractError::EndBeforeStart {
                mulai: date(2026, 2, 1),
                selesai: date(2026, 1, 1)
            })
        );
    }

    #[test]
    fn ending_within_three_months_includes_the_day_three_months_on() {
        let today = date(2025, 11, 30);
        let with_end = |selesai: Date| Contracts {
            items: vec![contract(date(2025, 1, 1), selesai)],
            revision: 1,
        };
        // 30 November + 3 months = 28 February (no 30 February).
        assert_eq!(
            ending(&with_end(date(2026, 2, 28)), today).map(|e| e.1),
            Some(Ending::Soon)
        );
        assert_eq!(ending(&with_end(date(2026, 3, 1)), today), None);
        assert_eq!(
            ending(&with_end(today), today).map(|e| e.1),
            Some(Ending::Soon)
        );
        assert_eq!(
            ending(&with_end(date(2025, 11, 29)), today).map(|e| e.1),
            Some(Ending::Ended)
        );
        assert_eq!(ending(&Contracts::default(), today), None);
    }

    #[test]
    fn a_renewal_takes_the_person_off_the_list() {
        let today = date(2025, 11, 30);
        let mut all = Contracts::default();
        all.put(None, contract(date(2025, 1, 1), date(2025, 12, 31)))
            .unwrap();
        assert!(ending(&all, today).is_some());
        all.put(None, contract(date(2026, 1, 1), date(2026, 12, 31)))
            .unwrap();
        assert_eq!(ending(&all, today), None);
    }

    #[test]
    fn a_contract_shorter_than_a_year_is_a_warning() {
        let year = contract(date(2025, 3, 1), date(2026, 2, 28));
        assert!(year.warnings().is_empty());
        let short = contract(date(2025, 3, 1), date(2026, 2, 27));
        assert_eq!(short.warnings(), [ContractWarning::ShorterThanAYear]);
    }
}
