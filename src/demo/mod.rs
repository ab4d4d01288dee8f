//! Demo data (`kinerja demo`, `kinerja --demo`, the welcome screen): invented but plausible staff of the Belawan units, with evaluations for
//! the last two years and trainings from government bodies and private partners.
//!
//! Deterministic: the same seed, staff count and current year give the same data. Every
//! person is invented from lists of common given names and Batak marga.

mod careers;
mod coaching;
mod competencies;
mod contracts;
mod evaluations;
mod fill;
mod keberatan;
mod names;
mod partners;
mod pension;
mod people;
mod plan;
mod potentials;
mod rng;
mod roles;
mod skp;
mod skp_text;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_pppk;
#[cfg(test)]
mod tests_skp;
mod trainings;
mod units;

pub use competencies::competency_catalogue;
pub use fill::fill;
pub use pension::{NEAR_PENSION_MONTHS, near_pension_indices};
pub use plan::{Demo, DemoPerson, generate};
pub use rng::Rng;
pub use units::RULE_BREAKING_UNIT;
