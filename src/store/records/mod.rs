//! Frozen, versioned record layouts and their conversion to and from the domain types.
//!
//! Never change a `...V1` struct or the meaning of a code: add a `...V2` with a new version
//! byte, decode both, and write only the newest. The golden files under `tests/golden/`
//! prove that old values still decode. Enum codes are positions in the domain's `ALL`
//! lists, so those lists only ever grow at the end.

use super::codec::DecodeError;
use crate::domain::{EmploymentKind, Nip, Period, PeriodKind};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

mod audit;
mod career;
mod coaching;
mod competencies;
mod contracts;
mod drafts;
mod evaluations;
mod officers;
mod partners;
mod potentials;
mod skp;
mod staff;
mod summary;
mod trainings;
mod units;

pub use audit::*;
pub use career::*;
pub use coaching::*;
pub use competencies::*;
pub use contracts::*;
pub use drafts::*;
pub use evaluations::*;
pub use officers::*;
pub use partners::*;
pub use potentials::*;
pub use skp::*;
pub use staff::*;
pub use summary::*;
pub use trainings::*;
pub use units::*;

pub const STAFF_VERSION: u8 = 2;
pub const UNIT_VERSION: u8 = 3;
pub const EVALUATIONS_VERSION: u8 = 2;
pub const TRAININGS_VERSION: u8 = 3;
pub const PARTNER_VERSION: u8 = 2;
pub const AUDIT_VERSION: u8 = 1;
pub const SUMMARY_VERSION: u8 = 6;
pub const DRAFT_VERSION: u8 = 1;
pub const OFFICER_VERSION: u8 = 1;
pub const POTENTIALS_VERSION: u8 = 1;
pub const COACHING_VERSION: u8 = 2;
pub const COMPETENCY_VERSION: u8 = 1;
pub const REQUIREMENT_VERSION: u8 = 1;
pub const SKP_VERSION: u8 = 1;
/// PPPK contracts (issue 21).
pub const CONTRACTS_VERSION: u8 = 1;
pub const CAREER_VERSION: u8 = 1;

/// A period kind as two stored bytes: `(0, 0)` annual, `(1, q)` quarter, `(2, m)` month,
/// `(3, first * 16 + last)` a span of months. Shared by every record that stores a period.
pub(crate) fn period_kind_to(k: PeriodKind) -> (u8, u8) {
    match k {
        PeriodKind::Tahunan => (0, 0),
        PeriodKind::Triwulan(q) => (1, q),
        PeriodKind::Bulanan(m) => (2, m),
        PeriodKind::Rentang(a, b) => (3, a * 16 + b),
    }
}

/// The period of `year` stored as [`period_kind_to`] wrote it.
pub(crate) fn period_from(year: i16, kind: u8, n: u8) -> Result<Period, DecodeError> {
    let k = match kind {
        0 => PeriodKind::Tahunan,
        1 => PeriodKind::Triwulan(n),
        2 => PeriodKind::Bulanan(n),
        3 => PeriodKind::Rentang(n / 16, n % 16),
        k => return Err(DecodeError::Invalid(format!("period kind code {k}"))),
    };
    Period::new(year, k).ok_or_else(|| DecodeError::Invalid(format!("period {year} {k:?}")))
}

fn code<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).unwrap_or(0) as u8
}

fn from_code<T: Copy>(all: &[T], c: u8, what: &str) -> Result<T, DecodeError> {
    all.get(usize::from(c))
        .copied()
        .ok_or_else(|| DecodeError::Invalid(format!("{what} code {c}")))
}

fn kind_code(k: EmploymentKind) -> u8 {
    code(&EmploymentKind::ALL, &k)
}

fn nip_from(digits: &str, kind: u8) -> Result<Nip, DecodeError> {
    let kind = from_code(&EmploymentKind::ALL, kind, "employment kind")?;
    // Stored NIPs are read with the storage check only: a record saved under older input
    // rules (an NI PPPK before its sex digit was checked) stays readable.
    Nip::from_stored(digits, kind).map_err(|e| DecodeError::Invalid(format!("NIP: {e}")))
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateV1(pub i16, pub i8, pub i8);

impl From<Date> for DateV1 {
    fn from(d: Date) -> Self {
        DateV1(d.year(), d.month(), d.day())
    }
}

impl DateV1 {
    pub(crate) fn to_date(self) -> Result<Date, DecodeError> {
        Date::new(self.0, self.1, self.2)
            .map_err(|_| DecodeError::Invalid(format!("date {}-{}-{}", self.0, self.1, self.2)))
    }
}
