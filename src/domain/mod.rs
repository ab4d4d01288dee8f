//! Pure rules and types of DOMAIN.md: no I/O, no storage, no terminal.

pub mod angka_kredit;
pub mod career;
pub mod coaching;
pub mod competency;
pub mod contract;
pub mod dates;
pub mod distribution;
pub mod evaluation;
pub mod jabatan;
pub mod keberatan;
pub mod nip;
pub mod officer;
pub mod partner;
pub mod pension;
pub mod promotion;
pub mod rank;
pub mod rating;
pub mod record;
pub mod skp;
pub mod staff;
pub mod summary;
pub mod talent;
pub mod text;
pub mod training;
pub mod unit;

pub use angka_kredit::{AngkaKredit, KreditRecord, KreditStatus, angka_kredit};
pub use career::{Career, CareerEntry, CareerError, CareerKind, CareerValue};
pub use coaching::{
    Coaching, CoachingDates, CoachingError, CoachingKind, CoachingStatus, HasCoachingDates,
    follow_up,
};
pub use competency::{
    Competency, CompetencyError, CompetencyKind, CompetencyState, Requirement, competency_key,
    competency_states, required_for,
};
pub use contract::{
    CeilingSpan, Contract, ContractError, ContractWarning, Contracts, Ending, ending,
};
pub use dates::{format_date, looks_like_date, parse_date};
pub use distribution::{Breach, PredikatCounts, UnitRating, check_distribution, head_hasil_kerja};
pub use evaluation::{
    AnnualAgainstPeriodic, Evaluation, NilaiBerakhlak, PenilaianNilai, Period, PeriodKind,
    PersonAtTime, akhir_differs, annual_against_periodic, annual_check,
};
pub use jabatan::{Jabatan, JenisJabatan};
pub use keberatan::{
    HasilKeputusan, Keberatan, KeberatanError, KeberatanStatus, KeberatanWarning, Keputusan,
};
pub use nip::{EmploymentKind, Nip, NipError, Sex};
pub use officer::{Officer, OfficerError, Role};
pub use partner::{Agreement, AgreementKind, Contact, Partner, PartnerError, closed_per_partner};
pub use pension::{
    Pension, Retiring, StaffWarning, StaffWarningKind, cpns_age_limit, pension_age, pension_date,
    retiring, staff_warnings,
};
pub use promotion::{
    NotEligible, Promotion, PromotionInput, PromotionPeriod, PromotionWarning, education_cap,
};
pub use rank::{Golongan, Pendidikan};
pub use rating::{Predikat, Rating, predikat};
pub use record::Revised;
pub use skp::{
    Amount, Aspek, Bukti, HasilKerjaWarning, Indikator, Intervensi, JenisRhk, Lampiran, Nilai,
    Pendekatan, Realisasi, Rhk, Skp, SkpError, SkpForm, SkpStatus, UmpanBalik,
};
pub use staff::Staff;
pub use summary::{RetiringEntry, StaffSummary};
pub use talent::{
    Potensial, PotensialSource, PotentialEntry, Potentials, TalentGap, berprestasi, kinerja_level,
    nine_box, placement,
};
pub use training::{
    JP_TARGET, JpTargets, OrganiserKind, PPPK_JP_CEILING, Training, TrainingCategory, TrainingKind,
    TrainingStatus, latsar_for_non_cpns,
};
pub use unit::{Unit, UnitKind, pustu_fold, unit_id};
