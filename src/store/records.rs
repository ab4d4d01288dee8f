//! Frozen, versioned record layouts and their conversion to and from the domain types.
//!
//! Never change a `...V1` struct or the meaning of a code: add a `...V2` with a new version
//! byte, decode both, and write only the newest. The golden files under `tests/golden/`
//! prove that old values still decode. Enum codes are positions in the domain's `ALL`
//! lists, so those lists only ever grow at the end.

use super::codec::{DecodeError, decode_payload, encode, split};
use crate::domain::{
    AspekPenilaian, Coaching, CoachingKind, EmploymentKind, Evaluation, Evaluator, Golongan,
    Jabatan, JenisJabatan, Nip, OrganiserKind, Pendidikan, Period, PeriodKind, Predikat, Rating,
    Staff, StaffSummary, Training, TrainingKind, TrainingStatus, Unit, UnitKind, UnitRating,
};
use crate::domain::{Potensial, PotensialSource, PotentialEntry, Potentials};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const STAFF_VERSION: u8 = 2;
pub const UNIT_VERSION: u8 = 2;
pub const EVALUATIONS_VERSION: u8 = 1;
pub const TRAININGS_VERSION: u8 = 3;
pub const PARTNER_VERSION: u8 = 2;
pub const AUDIT_VERSION: u8 = 1;
pub const SUMMARY_VERSION: u8 = 4;
pub const DRAFT_VERSION: u8 = 1;
pub const OFFICER_VERSION: u8 = 1;
pub const POTENTIALS_VERSION: u8 = 1;
pub const COACHING_VERSION: u8 = 1;
pub const COMPETENCY_VERSION: u8 = 1;
pub const REQUIREMENT_VERSION: u8 = 1;

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
    fn to_date(self) -> Result<Date, DecodeError> {
        Date::new(self.0, self.1, self.2)
            .map_err(|_| DecodeError::Invalid(format!("date {}-{}-{}", self.0, self.1, self.2)))
    }
}

// ---------------------------------------------------------------- staff

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct StaffV1 {
    pub nip: String,
    pub kind: u8,
    pub nama: String,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    pub golongan: u8,
    /// A position in `PENDIDIKAN_V1`.
    pub pendidikan: u8,
    pub jabatan_nama: String,
    pub jenis_jabatan: u8,
    pub unit_id: String,
    pub aktif: bool,
    pub revision: u64,
}

/// The staff record of version 2: the fields of `StaffV1`, with `pendidikan` a position in
/// `Pendidikan::ALL` (13 SIASN levels) instead of `PENDIDIKAN_V1`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct StaffV2 {
    pub nip: String,
    pub kind: u8,
    pub nama: String,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    pub golongan: u8,
    /// A position in `Pendidikan::ALL`.
    pub pendidikan: u8,
    pub jabatan_nama: String,
    pub jenis_jabatan: u8,
    pub unit_id: String,
    pub aktif: bool,
    pub revision: u64,
}

/// The `pendidikan` codes of `StaffV1`, frozen: the list `Pendidikan::ALL` had then (SD,
/// SMP, SMA, D3, S1, S2, S3), read as today's levels. A V1 `S1` (code 4) is S-1: V1 coded
/// D4 as S1 too, and the two cannot be told apart any more.
pub const PENDIDIKAN_V1: [Pendidikan; 7] = [
    Pendidikan::Sd,
    Pendidikan::Sltp,
    Pendidikan::Slta,
    Pendidikan::D3,
    Pendidikan::S1,
    Pendidikan::S2,
    Pendidikan::S3,
];

pub fn encode_staff(s: &Staff) -> Result<Vec<u8>, DecodeError> {
    encode(
        STAFF_VERSION,
        &StaffV2 {
            nip: s.nip.as_str().to_string(),
            kind: kind_code(s.nip.kind()),
            nama: s.nama.clone(),
            gelar_depan: s.gelar_depan.clone(),
            gelar_belakang: s.gelar_belakang.clone(),
            golongan: s.golongan.ordinal(),
            pendidikan: code(&Pendidikan::ALL, &s.pendidikan),
            jabatan_nama: s.jabatan.nama.clone(),
            jenis_jabatan: code(&JenisJabatan::ALL, &s.jabatan.jenis),
            unit_id: s.unit_id.clone(),
            aktif: s.aktif,
            revision: s.revision,
        },
    )
}

pub fn decode_staff(bytes: &[u8]) -> Result<Staff, DecodeError> {
    let (version, payload) = split(bytes)?;
    let r: StaffV2 = match version {
        1 => {
            let r: StaffV1 = decode_payload(payload)?;
            StaffV2 {
                nip: r.nip,
                kind: r.kind,
                nama: r.nama,
                gelar_depan: r.gelar_depan,
                gelar_belakang: r.gelar_belakang,
                golongan: r.golongan,
                // Through the frozen V1 table into a V2 code.
                pendidikan: code(
                    &Pendidikan::ALL,
                    &from_code(&PENDIDIKAN_V1, r.pendidikan, "pendidikan")?,
                ),
                jabatan_nama: r.jabatan_nama,
                jenis_jabatan: r.jenis_jabatan,
                unit_id: r.unit_id,
                aktif: r.aktif,
                revision: r.revision,
            }
        }
        2 => decode_payload(payload)?,
        v => return Err(DecodeError::UnknownVersion(v)),
    };
    Ok(Staff {
        nip: nip_from(&r.nip, r.kind)?,
        nama: r.nama,
        gelar_depan: r.gelar_depan,
        gelar_belakang: r.gelar_belakang,
        golongan: Golongan::all()
            .nth(usize::from(r.golongan))
            .ok_or_else(|| DecodeError::Invalid(format!("golongan code {}", r.golongan)))?,
        pendidikan: from_code(&Pendidikan::ALL, r.pendidikan, "pendidikan")?,
        jabatan: Jabatan {
            nama: r.jabatan_nama,
            jenis: from_code(&JenisJabatan::ALL, r.jenis_jabatan, "jenis jabatan")?,
        },
        unit_id: r.unit_id,
        aktif: r.aktif,
        revision: r.revision,
    })
}

// ---------------------------------------------------------------- units

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct UnitV1 {
    pub id: String,
    pub name: String,
    pub parent: Option<String>,
    pub kind: u8,
    /// (year, `UnitRating` code).
    pub ratings: Vec<(i16, u8)>,
}

/// Version 2 adds the ratings of periods within a year and the unit's head
/// (SE MenPANRB 3/2023). A version 1 unit reads as one with neither.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct UnitV2 {
    pub id: String,
    pub name: String,
    pub parent: Option<String>,
    pub kind: u8,
    /// (year, `UnitRating` code): the annual period.
    pub ratings: Vec<(i16, u8)>,
    /// (year, `PeriodKindV1`, `UnitRating` code): triwulan and bulanan periods.
    pub period_ratings: Vec<(i16, PeriodKindV1, u8)>,
    /// The head's NIP digits and employment-kind code.
    pub head: Option<(String, u8)>,
}

/// A period within a year as stored: 1 triwulan (1-4), 2 bulanan (1-12).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodKindV1(pub u8, pub u8);

impl PeriodKindV1 {
    fn from_kind(k: PeriodKind) -> PeriodKindV1 {
        match k {
            PeriodKind::Tahunan => PeriodKindV1(0, 0),
            PeriodKind::Triwulan(q) => PeriodKindV1(1, q),
            PeriodKind::Bulanan(m) => PeriodKindV1(2, m),
        }
    }

    fn to_kind(self, year: i16) -> Result<PeriodKind, DecodeError> {
        let kind = match self.0 {
            1 => PeriodKind::Triwulan(self.1),
            2 => PeriodKind::Bulanan(self.1),
            _ => return Err(DecodeError::Invalid(format!("unit period kind {}", self.0))),
        };
        Period::new(year, kind)
            .map(|p| p.kind)
            .ok_or_else(|| DecodeError::Invalid(format!("unit period {year} {:?}", self)))
    }
}

pub fn encode_unit(u: &Unit) -> Result<Vec<u8>, DecodeError> {
    encode(
        UNIT_VERSION,
        &UnitV2 {
            id: u.id.clone(),
            name: u.name.clone(),
            parent: u.parent.clone(),
            kind: code(&UnitKind::ALL, &u.kind),
            ratings: u
                .ratings
                .iter()
                .map(|(y, r)| (*y, code(&UnitRating::ALL, r)))
                .collect(),
            period_ratings: u
                .period_ratings
                .iter()
                .map(|((y, k), r)| (*y, PeriodKindV1::from_kind(*k), code(&UnitRating::ALL, r)))
                .collect(),
            head: u
                .head
                .as_ref()
                .map(|n| (n.as_str().to_string(), kind_code(n.kind()))),
        },
    )
}

fn unit_ratings_from(ratings: Vec<(i16, u8)>) -> Result<BTreeMap<i16, UnitRating>, DecodeError> {
    ratings
        .into_iter()
        .map(|(y, c)| Ok((y, from_code(&UnitRating::ALL, c, "unit rating")?)))
        .collect()
}

pub fn decode_unit(bytes: &[u8]) -> Result<Unit, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: UnitV1 = decode_payload(payload)?;
            Ok(Unit {
                id: r.id,
                name: r.name,
                parent: r.parent,
                kind: from_code(&UnitKind::ALL, r.kind, "unit kind")?,
                ratings: unit_ratings_from(r.ratings)?,
                period_ratings: BTreeMap::new(),
                head: None,
            })
        }
        2 => {
            let r: UnitV2 = decode_payload(payload)?;
            Ok(Unit {
                id: r.id,
                name: r.name,
                parent: r.parent,
                kind: from_code(&UnitKind::ALL, r.kind, "unit kind")?,
                ratings: unit_ratings_from(r.ratings)?,
                period_ratings: r
                    .period_ratings
                    .into_iter()
                    .map(|(y, k, c)| {
                        Ok((
                            (y, k.to_kind(y)?),
                            from_code(&UnitRating::ALL, c, "unit rating")?,
                        ))
                    })
                    .collect::<Result<_, DecodeError>>()?,
                head: r
                    .head
                    .map(|(digits, kind)| nip_from(&digits, kind))
                    .transpose()?,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

// ---------------------------------------------------------------- partners

/// An organiser of trainings, government or private (the domain's type; kept here under
/// its old path for the code that names it so).
pub use crate::domain::Partner;

/// Version 1: name and kind only.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PartnerV1 {
    pub id: String,
    pub name: String,
    pub kind: u8,
}

/// An agreement as stored by `PartnerV2`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct AgreementV1 {
    /// A position in `AgreementKind::ALL`.
    pub kind: u8,
    pub nomor: String,
    pub mulai: DateV1,
    pub selesai: DateV1,
    pub ruang_lingkup: String,
}

/// Version 2 (issue 13): the fields of `PartnerV1`, then the agreements, the contact
/// (name, phone, e-mail), the competency ids it can deliver and a revision. A version 1
/// partner reads as one with none of them, at revision 0.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PartnerV2 {
    pub id: String,
    pub name: String,
    pub kind: u8,
    pub agreements: Vec<AgreementV1>,
    pub contact_nama: String,
    pub contact_telepon: String,
    pub contact_email: String,
    pub competencies: Vec<String>,
    pub revision: u64,
}

pub fn encode_partner(p: &Partner) -> Result<Vec<u8>, DecodeError> {
    use crate::domain::AgreementKind;
    encode(
        PARTNER_VERSION,
        &PartnerV2 {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: code(&OrganiserKind::ALL, &p.kind),
            agreements: p
                .agreements
                .iter()
                .map(|a| AgreementV1 {
                    kind: code(&AgreementKind::ALL, &a.kind),
                    nomor: a.nomor.clone(),
                    mulai: a.mulai.into(),
                    selesai: a.selesai.into(),
                    ruang_lingkup: a.ruang_lingkup.clone(),
                })
                .collect(),
            contact_nama: p.contact.nama.clone(),
            contact_telepon: p.contact.telepon.clone(),
            contact_email: p.contact.email.clone(),
            competencies: p.competencies.clone(),
            revision: p.revision,
        },
    )
}

pub fn decode_partner(bytes: &[u8]) -> Result<Partner, DecodeError> {
    use crate::domain::{Agreement, AgreementKind, Contact};
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: PartnerV1 = decode_payload(payload)?;
            Ok(Partner {
                id: r.id,
                name: r.name,
                kind: from_code(&OrganiserKind::ALL, r.kind, "organiser kind")?,
                agreements: Vec::new(),
                contact: Contact::default(),
                competencies: Vec::new(),
                revision: 0,
            })
        }
        2 => {
            let r: PartnerV2 = decode_payload(payload)?;
            Ok(Partner {
                id: r.id,
                name: r.name,
                kind: from_code(&OrganiserKind::ALL, r.kind, "organiser kind")?,
                agreements: r
                    .agreements
                    .into_iter()
                    .map(|a| {
                        Ok(Agreement {
                            kind: from_code(&AgreementKind::ALL, a.kind, "agreement kind")?,
                            nomor: a.nomor,
                            mulai: a.mulai.to_date()?,
                            selesai: a.selesai.to_date()?,
                            ruang_lingkup: a.ruang_lingkup,
                        })
                    })
                    .collect::<Result<_, DecodeError>>()?,
                contact: Contact {
                    nama: r.contact_nama,
                    telepon: r.contact_telepon,
                    email: r.contact_email,
                },
                competencies: r.competencies,
                revision: r.revision,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

// ---------------------------------------------------------------- competencies

/// A competency of the catalogue (AKPK, issue 13), keyed by its id in `competencies`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CompetencyV1 {
    pub id: String,
    pub name: String,
    /// A position in `CompetencyKind::ALL`.
    pub kind: u8,
    /// Positions in `TrainingKind::ALL` (the codes of `TrainingV2`).
    pub training_kinds: Vec<u8>,
    pub title_words: Vec<String>,
    /// `None`: valid for good.
    pub validity_months: Option<u16>,
}

pub fn encode_competency(c: &crate::domain::Competency) -> Result<Vec<u8>, DecodeError> {
    encode(
        COMPETENCY_VERSION,
        &CompetencyV1 {
            id: c.id.clone(),
            name: c.name.clone(),
            kind: code(&crate::domain::CompetencyKind::ALL, &c.kind),
            training_kinds: c
                .training_kinds
                .iter()
                .map(|k| code(TrainingKind::ALL, k))
                .collect(),
            title_words: c.title_words.clone(),
            validity_months: c.validity_months,
        },
    )
}

pub fn decode_competency(bytes: &[u8]) -> Result<crate::domain::Competency, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: CompetencyV1 = decode_payload(payload)?;
            Ok(crate::domain::Competency {
                id: r.id,
                name: r.name,
                kind: from_code(
                    &crate::domain::CompetencyKind::ALL,
                    r.kind,
                    "competency kind",
                )?,
                training_kinds: r
                    .training_kinds
                    .into_iter()
                    .map(|c| from_code(TrainingKind::ALL, c, "training kind"))
                    .collect::<Result<_, _>>()?,
                title_words: r.title_words,
                validity_months: r.validity_months,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

/// A position's need for a competency, keyed by `Requirement::key` in `requirements`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct RequirementV1 {
    /// The position's name; empty = any.
    pub jabatan: String,
    /// A position in `JenisJabatan::ALL`; `None` = any.
    pub jenis: Option<u8>,
    /// The competency's id.
    pub competency: String,
}

pub fn encode_requirement(r: &crate::domain::Requirement) -> Result<Vec<u8>, DecodeError> {
    encode(
        REQUIREMENT_VERSION,
        &RequirementV1 {
            jabatan: r.jabatan.clone(),
            jenis: r.jenis.map(|j| code(&JenisJabatan::ALL, &j)),
            competency: r.competency.clone(),
        },
    )
}

pub fn decode_requirement(bytes: &[u8]) -> Result<crate::domain::Requirement, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: RequirementV1 = decode_payload(payload)?;
            Ok(crate::domain::Requirement {
                jabatan: r.jabatan,
                jenis: r
                    .jenis
                    .map(|c| from_code(&JenisJabatan::ALL, c, "jenis jabatan"))
                    .transpose()?,
                competency: r.competency,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

// ---------------------------------------------------------------- evaluations

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct EvaluatorV1 {
    pub nip: Option<(String, u8)>,
    pub nama: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct AspekV1 {
    /// 0 = not rated, else `Rating::code`.
    pub rating: u8,
    pub ekspektasi: String,
    pub umpan_balik: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct EvaluationV1 {
    pub id: u32,
    pub year: i16,
    /// 0 annual, 1 quarter, 2 month.
    pub period_kind: u8,
    pub period_number: u8,
    pub hasil_kerja: u8,
    pub perilaku: u8,
    pub aspek: Vec<AspekV1>,
    pub penilai: Option<EvaluatorV1>,
    pub atasan_penilai: Option<EvaluatorV1>,
    pub catatan: String,
    pub revision: u64,
}

/// All evaluations of one person, stored under the NIP.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct EvaluationsV1 {
    pub next_id: u32,
    pub items: Vec<EvaluationV1>,
}

/// One person's evaluations, as the store keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvaluationGroup {
    pub next_id: u32,
    pub items: Vec<Evaluation>,
}

fn evaluator_to(e: &Evaluator) -> EvaluatorV1 {
    EvaluatorV1 {
        nip: e
            .nip
            .as_ref()
            .map(|n| (n.as_str().to_string(), kind_code(n.kind()))),
        nama: e.nama.clone(),
    }
}

fn evaluator_from(e: EvaluatorV1) -> Result<Evaluator, DecodeError> {
    Ok(Evaluator {
        nip: match e.nip {
            Some((digits, kind)) => Some(nip_from(&digits, kind)?),
            None => None,
        },
        nama: e.nama,
    })
}

fn rating_from(c: u8, what: &str) -> Result<Rating, DecodeError> {
    Rating::from_code(c).ok_or_else(|| DecodeError::Invalid(format!("{what} rating code {c}")))
}

pub fn encode_evaluations(g: &EvaluationGroup) -> Result<Vec<u8>, DecodeError> {
    let items = g
        .items
        .iter()
        .map(|e| {
            let (period_kind, period_number) = match e.period.kind {
                PeriodKind::Tahunan => (0, 0),
                PeriodKind::Triwulan(q) => (1, q),
                PeriodKind::Bulanan(m) => (2, m),
            };
            EvaluationV1 {
                id: e.id,
                year: e.period.year,
                period_kind,
                period_number,
                hasil_kerja: e.hasil_kerja.code(),
                perilaku: e.perilaku.code(),
                aspek: e
                    .aspek
                    .iter()
                    .map(|a| AspekV1 {
                        rating: a.rating.map_or(0, Rating::code),
                        ekspektasi: a.ekspektasi.clone(),
                        umpan_balik: a.umpan_balik.clone(),
                    })
                    .collect(),
                penilai: e.penilai.as_ref().map(evaluator_to),
                atasan_penilai: e.atasan_penilai.as_ref().map(evaluator_to),
                catatan: e.catatan.clone(),
                revision: e.revision,
            }
        })
        .collect();
    encode(
        EVALUATIONS_VERSION,
        &EvaluationsV1 {
            next_id: g.next_id,
            items,
        },
    )
}

pub fn decode_evaluations(bytes: &[u8]) -> Result<EvaluationGroup, DecodeError> {
    let (version, payload) = split(bytes)?;
    let r: EvaluationsV1 = match version {
        1 => decode_payload(payload)?,
        v => return Err(DecodeError::UnknownVersion(v)),
    };
    let mut items = Vec::with_capacity(r.items.len());
    for e in r.items {
        let kind = match (e.period_kind, e.period_number) {
            (0, _) => PeriodKind::Tahunan,
            (1, q) => PeriodKind::Triwulan(q),
            (2, m) => PeriodKind::Bulanan(m),
            (k, _) => return Err(DecodeError::Invalid(format!("period kind code {k}"))),
        };
        let period = Period::new(e.year, kind)
            .ok_or_else(|| DecodeError::Invalid(format!("period {} {:?}", e.year, kind)))?;
        if e.aspek.len() != 7 {
            return Err(DecodeError::Invalid(format!(
                "{} BerAKHLAK aspects instead of 7",
                e.aspek.len()
            )));
        }
        let mut aspek: [AspekPenilaian; 7] = Default::default();
        for (slot, a) in aspek.iter_mut().zip(e.aspek) {
            *slot = AspekPenilaian {
                rating: match a.rating {
                    0 => None,
                    c => Some(rating_from(c, "aspect")?),
                },
                ekspektasi: a.ekspektasi,
                umpan_balik: a.umpan_balik,
            };
        }
        items.push(Evaluation {
            id: e.id,
            period,
            hasil_kerja: rating_from(e.hasil_kerja, "hasil kerja")?,
            perilaku: rating_from(e.perilaku, "perilaku")?,
            aspek,
            penilai: e.penilai.map(evaluator_from).transpose()?,
            atasan_penilai: e.atasan_penilai.map(evaluator_from).transpose()?,
            catatan: e.catatan,
            revision: e.revision,
        });
    }
    Ok(EvaluationGroup {
        next_id: r.next_id,
        items,
    })
}

// ---------------------------------------------------------------- trainings

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TrainingV1 {
    pub id: u32,
    pub judul: String,
    /// A position in `TRAINING_KIND_V1`.
    pub jenis: u8,
    pub penyelenggara: String,
    pub jenis_penyelenggara: u8,
    pub mulai: DateV1,
    pub selesai: DateV1,
    pub jp: u16,
    pub status: u8,
    pub no_sertifikat: String,
    pub catatan: String,
    pub revision: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TrainingsV1 {
    pub next_id: u32,
    pub items: Vec<TrainingV1>,
}

/// One person's trainings, as the store keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainingGroup {
    pub next_id: u32,
    pub items: Vec<Training>,
}

/// A training of version 2: the fields of `TrainingV1`, with `jenis` a position in
/// `TrainingKind::ALL` (grouped by category, formal education added) instead of
/// `TRAINING_KIND_V1`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TrainingV2 {
    pub id: u32,
    pub judul: String,
    /// A position in `TrainingKind::ALL`.
    pub jenis: u8,
    pub penyelenggara: String,
    pub jenis_penyelenggara: u8,
    pub mulai: DateV1,
    pub selesai: DateV1,
    pub jp: u16,
    pub status: u8,
    pub no_sertifikat: String,
    pub catatan: String,
    pub revision: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TrainingsV2 {
    pub next_id: u32,
    pub items: Vec<TrainingV2>,
}

/// A training of version 3: the fields of `TrainingV2` and the competency it gives
/// (`kompetensi`, a `Competency::id`; empty = none stated).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TrainingV3 {
    pub id: u32,
    pub judul: String,
    /// A position in `TrainingKind::ALL`.
    pub jenis: u8,
    pub penyelenggara: String,
    pub jenis_penyelenggara: u8,
    pub mulai: DateV1,
    pub selesai: DateV1,
    pub jp: u16,
    pub status: u8,
    pub no_sertifikat: String,
    pub catatan: String,
    pub kompetensi: String,
    pub revision: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TrainingsV3 {
    pub next_id: u32,
    pub items: Vec<TrainingV3>,
}

impl TrainingV2 {
    /// The same training as version 3, stating no competency.
    fn into_v3(self) -> TrainingV3 {
        TrainingV3 {
            id: self.id,
            judul: self.judul,
            jenis: self.jenis,
            penyelenggara: self.penyelenggara,
            jenis_penyelenggara: self.jenis_penyelenggara,
            mulai: self.mulai,
            selesai: self.selesai,
            jp: self.jp,
            status: self.status,
            no_sertifikat: self.no_sertifikat,
            catatan: self.catatan,
            kompetensi: String::new(),
            revision: self.revision,
        }
    }
}

/// The `jenis` codes of `TrainingV1`, frozen: the list `TrainingKind::ALL` had then. Every
/// kind keeps its name; Magang (code 9), which V1 counted as classroom, is read as today's
/// Magang, a non-classroom kind (PP 11/2017 Pasal 210).
pub const TRAINING_KIND_V1: [TrainingKind; 28] = [
    TrainingKind::DiklatStruktural,
    TrainingKind::DiklatFungsional,
    TrainingKind::DiklatTeknis,
    TrainingKind::Workshop,
    TrainingKind::PelatihanManajerial,
    TrainingKind::PelatihanSosialKultural,
    TrainingKind::Sosialisasi,
    TrainingKind::Bimtek,
    TrainingKind::Seminar,
    TrainingKind::Magang,
    TrainingKind::Kursus,
    TrainingKind::Penataran,
    TrainingKind::Pkp,
    TrainingKind::Pka,
    TrainingKind::Pkn2,
    TrainingKind::Pkn1,
    TrainingKind::LatsarCpns,
    TrainingKind::Coaching,
    TrainingKind::Mentoring,
    TrainingKind::ELearning,
    TrainingKind::PelatihanJarakJauh,
    TrainingKind::Detasering,
    TrainingKind::Outbound,
    TrainingKind::Benchmarking,
    TrainingKind::PertukaranPns,
    TrainingKind::BelajarMandiri,
    TrainingKind::CommunityOfPractice,
    TrainingKind::BimbinganDiTempatKerja,
];

pub fn encode_trainings(g: &TrainingGroup) -> Result<Vec<u8>, DecodeError> {
    let items = g
        .items
        .iter()
        .map(|t| TrainingV3 {
            id: t.id,
            judul: t.judul.clone(),
            jenis: code(TrainingKind::ALL, &t.jenis),
            penyelenggara: t.penyelenggara.clone(),
            jenis_penyelenggara: code(&OrganiserKind::ALL, &t.jenis_penyelenggara),
            mulai: t.mulai.into(),
            selesai: t.selesai.into(),
            jp: t.jp,
            status: code(&TrainingStatus::ALL, &t.status),
            no_sertifikat: t.no_sertifikat.clone(),
            catatan: t.catatan.clone(),
            kompetensi: t.kompetensi.clone().unwrap_or_default(),
            revision: t.revision,
        })
        .collect();
    encode(
        TRAININGS_VERSION,
        &TrainingsV3 {
            next_id: g.next_id,
            items,
        },
    )
}

pub fn decode_trainings(bytes: &[u8]) -> Result<TrainingGroup, DecodeError> {
    let (version, payload) = split(bytes)?;
    // Each item as (kind, the rest in V3 form); V1 kinds go through the frozen V1 table.
    let (next_id, items): (u32, Vec<(TrainingKind, TrainingV3)>) = match version {
        1 => {
            let r: TrainingsV1 = decode_payload(payload)?;
            let items = r
                .items
                .into_iter()
                .map(|t| {
                    let kind = from_code(&TRAINING_KIND_V1, t.jenis, "training kind")?;
                    Ok((
                        kind,
                        TrainingV2 {
                            id: t.id,
                            judul: t.judul,
                            jenis: code(TrainingKind::ALL, &kind),
                            penyelenggara: t.penyelenggara,
                            jenis_penyelenggara: t.jenis_penyelenggara,
                            mulai: t.mulai,
                            selesai: t.selesai,
                            jp: t.jp,
                            status: t.status,
                            no_sertifikat: t.no_sertifikat,
                            catatan: t.catatan,
                            revision: t.revision,
                        }
                        .into_v3(),
                    ))
                })
                .collect::<Result<_, DecodeError>>()?;
            (r.next_id, items)
        }
        2 => {
            let r: TrainingsV2 = decode_payload(payload)?;
            let items = r
                .items
                .into_iter()
                .map(|t| {
                    Ok((
                        from_code(TrainingKind::ALL, t.jenis, "training kind")?,
                        t.into_v3(),
                    ))
                })
                .collect::<Result<_, DecodeError>>()?;
            (r.next_id, items)
        }
        3 => {
            let r: TrainingsV3 = decode_payload(payload)?;
            let items = r
                .items
                .into_iter()
                .map(|t| Ok((from_code(TrainingKind::ALL, t.jenis, "training kind")?, t)))
                .collect::<Result<_, DecodeError>>()?;
            (r.next_id, items)
        }
        v => return Err(DecodeError::UnknownVersion(v)),
    };
    let mut out = Vec::with_capacity(items.len());
    for (jenis, t) in items {
        out.push(Training {
            id: t.id,
            judul: t.judul,
            jenis,
            penyelenggara: t.penyelenggara,
            jenis_penyelenggara: from_code(
                &OrganiserKind::ALL,
                t.jenis_penyelenggara,
                "organiser kind",
            )?,
            mulai: t.mulai.to_date()?,
            selesai: t.selesai.to_date()?,
            jp: t.jp,
            status: from_code(&TrainingStatus::ALL, t.status, "training status")?,
            no_sertifikat: t.no_sertifikat,
            catatan: t.catatan,
            kompetensi: (!t.kompetensi.is_empty()).then_some(t.kompetensi),
            revision: t.revision,
        });
    }
    Ok(TrainingGroup {
        next_id,
        items: out,
    })
}

/// A `TrainingV3` read in place: its text borrowed from the value, nothing allocated.
#[derive(Deserialize)]
#[allow(dead_code)]
struct TrainingV3Ref<'a> {
    id: u32,
    judul: &'a str,
    jenis: u8,
    penyelenggara: &'a str,
    jenis_penyelenggara: u8,
    mulai: DateV1,
    selesai: DateV1,
    jp: u16,
    status: u8,
    no_sertifikat: &'a str,
    catatan: &'a str,
    kompetensi: &'a str,
    revision: u64,
}

#[derive(Deserialize)]
struct TrainingsV3Ref<'a> {
    #[allow(dead_code)]
    next_id: u32,
    #[serde(borrow)]
    items: Vec<TrainingV3Ref<'a>>,
}

/// Whether any training of an encoded group passes `keep(organiser, status, end)`, reading
/// version 3 in place (no text copied): for passes over every training that want only a
/// few groups, such as one partner's. Older versions are decoded whole.
pub fn trainings_any(
    bytes: &[u8],
    keep: impl Fn(&str, TrainingStatus, Date) -> bool,
) -> Result<bool, DecodeError> {
    let (version, payload) = split(bytes)?;
    if version != 3 {
        return Ok(decode_trainings(bytes)?
            .items
            .iter()
            .any(|t| keep(&t.penyelenggara, t.status, t.selesai)));
    }
    let r: TrainingsV3Ref<'_> = super::codec::decode_payload_borrowed(payload)?;
    for t in &r.items {
        let status = from_code(&TrainingStatus::ALL, t.status, "training status")?;
        if keep(t.penyelenggara, status, t.selesai.to_date()?) {
            return Ok(true);
        }
    }
    Ok(false)
}

// ---------------------------------------------------------------- coaching

/// One coaching record (pembinaan kinerja) as stored.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CoachingV1 {
    pub id: u32,
    pub tanggal: DateV1,
    /// A position in `CoachingKind::ALL`.
    pub jenis: u8,
    pub pemberi: EvaluatorV1,
    pub masalah: String,
    pub langkah: String,
    pub tindak_lanjut: DateV1,
    pub selesai: Option<DateV1>,
    pub hasil: String,
    pub revision: u64,
}

/// All coaching records of one person, stored under the NIP in `coaching`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CoachingGroupV1 {
    pub next_id: u32,
    pub items: Vec<CoachingV1>,
}

/// One person's coaching records, as the store keeps them (by date).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoachingGroup {
    pub next_id: u32,
    pub items: Vec<Coaching>,
}

pub fn encode_coaching(g: &CoachingGroup) -> Result<Vec<u8>, DecodeError> {
    let items = g
        .items
        .iter()
        .map(|c| CoachingV1 {
            id: c.id,
            tanggal: c.tanggal.into(),
            jenis: code(&CoachingKind::ALL, &c.jenis),
            pemberi: evaluator_to(&c.pemberi),
            masalah: c.masalah.clone(),
            langkah: c.langkah.clone(),
            tindak_lanjut: c.tindak_lanjut.into(),
            selesai: c.selesai.map(DateV1::from),
            hasil: c.hasil.clone(),
            revision: c.revision,
        })
        .collect();
    encode(
        COACHING_VERSION,
        &CoachingGroupV1 {
            next_id: g.next_id,
            items,
        },
    )
}

pub fn decode_coaching(bytes: &[u8]) -> Result<CoachingGroup, DecodeError> {
    let (version, payload) = split(bytes)?;
    let r: CoachingGroupV1 = match version {
        1 => decode_payload(payload)?,
        v => return Err(DecodeError::UnknownVersion(v)),
    };
    let mut items = Vec::with_capacity(r.items.len());
    for c in r.items {
        items.push(Coaching {
            id: c.id,
            tanggal: c.tanggal.to_date()?,
            jenis: from_code(&CoachingKind::ALL, c.jenis, "coaching kind")?,
            pemberi: evaluator_from(c.pemberi)?,
            masalah: c.masalah,
            langkah: c.langkah,
            tindak_lanjut: c.tindak_lanjut.to_date()?,
            selesai: c.selesai.map(DateV1::to_date).transpose()?,
            hasil: c.hasil,
            revision: c.revision,
        });
    }
    Ok(CoachingGroup {
        next_id: r.next_id,
        items,
    })
}

// ---------------------------------------------------------------- audit

/// What a change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Import,
    Demo,
    Restore,
    /// `kinerja compact` (appended: variant numbers are stored).
    Compact,
}

impl AuditAction {
    pub const ALL: [AuditAction; 7] = [
        AuditAction::Create,
        AuditAction::Update,
        AuditAction::Delete,
        AuditAction::Import,
        AuditAction::Demo,
        AuditAction::Restore,
        AuditAction::Compact,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
            AuditAction::Import => "import",
            AuditAction::Demo => "demo",
            AuditAction::Restore => "restore",
            AuditAction::Compact => "compact",
        }
    }
}

/// One entry of the audit trail: who changed what, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Microseconds since the Unix epoch.
    pub time_micros: u64,
    pub actor: String,
    pub action: AuditAction,
    /// The record, as `tree/key` (e.g. `staff/198503302010011002`), or a run like `import`.
    pub record: String,
    pub summary: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct AuditV1 {
    pub time_micros: u64,
    pub actor: String,
    pub action: u8,
    pub record: String,
    pub summary: String,
}

pub fn encode_audit(a: &AuditEntry) -> Result<Vec<u8>, DecodeError> {
    encode(
        AUDIT_VERSION,
        &AuditV1 {
            time_micros: a.time_micros,
            actor: a.actor.clone(),
            action: code(&AuditAction::ALL, &a.action),
            record: a.record.clone(),
            summary: a.summary.clone(),
        },
    )
}

pub fn decode_audit(bytes: &[u8]) -> Result<AuditEntry, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: AuditV1 = decode_payload(payload)?;
            Ok(AuditEntry {
                time_micros: r.time_micros,
                actor: r.actor,
                action: from_code(&AuditAction::ALL, r.action, "audit action")?,
                record: r.record,
                summary: r.summary,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

// ---------------------------------------------------------------- potentials

/// One year's potensial (PermenPANRB 3/2020).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PotentialV1 {
    pub year: i16,
    /// Position in `Potensial::ALL`.
    pub potensial: u8,
    /// Position in `PotensialSource::ALL`.
    pub source: u8,
    pub date: DateV1,
    pub assessor: String,
}

/// A person's potentials, one per year, oldest first (tree `potentials`, key NIP).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PotentialsV1 {
    pub items: Vec<PotentialV1>,
    pub revision: u64,
}

pub fn encode_potentials(p: &Potentials) -> Result<Vec<u8>, DecodeError> {
    encode(
        POTENTIALS_VERSION,
        &PotentialsV1 {
            items: p
                .items
                .iter()
                .map(|e| PotentialV1 {
                    year: e.year,
                    potensial: code(&Potensial::ALL, &e.potensial),
                    source: code(&PotensialSource::ALL, &e.source),
                    date: e.date.into(),
                    assessor: e.assessor.clone(),
                })
                .collect(),
            revision: p.revision,
        },
    )
}

/// `PotentialV1` with its text borrowed: the same layout, read without copying.
#[derive(Deserialize)]
struct PotentialV1Ref<'a> {
    year: i16,
    potensial: u8,
    #[allow(dead_code)]
    source: u8,
    #[allow(dead_code)]
    date: DateV1,
    #[serde(borrow)]
    #[allow(dead_code)]
    assessor: &'a str,
}

#[derive(Deserialize)]
struct PotentialsV1Ref<'a> {
    #[serde(borrow)]
    items: Vec<PotentialV1Ref<'a>>,
    #[allow(dead_code)]
    revision: u64,
}

/// Only the potensial of `year` from an encoded `Potentials`, without building the rest:
/// the Talenta tab reads this for everyone assessed.
pub fn decode_potensial_of_year(bytes: &[u8], year: i16) -> Result<Option<Potensial>, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: PotentialsV1Ref<'_> = super::codec::decode_payload_borrowed(payload)?;
            r.items
                .iter()
                .find(|e| e.year == year)
                .map(|e| from_code(&Potensial::ALL, e.potensial, "potensial"))
                .transpose()
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

pub fn decode_potentials(bytes: &[u8]) -> Result<Potentials, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: PotentialsV1 = decode_payload(payload)?;
            Ok(Potentials {
                items: r
                    .items
                    .into_iter()
                    .map(|e| {
                        Ok(PotentialEntry {
                            year: e.year,
                            potensial: from_code(&Potensial::ALL, e.potensial, "potensial")?,
                            source: from_code(&PotensialSource::ALL, e.source, "potensial source")?,
                            date: e.date.to_date()?,
                            assessor: e.assessor,
                        })
                    })
                    .collect::<Result<_, DecodeError>>()?,
                revision: r.revision,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

// ---------------------------------------------------------------- staff summaries

/// Derived data, rebuilt from the records whenever in doubt; see `store::summary`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SummaryV1 {
    pub nip: String,
    pub name: String,
    pub golongan: u8,
    pub jabatan: String,
    pub unit_id: String,
    pub aktif: bool,
    /// (year, period kind code, period number, `Predikat::code`), as in `EvaluationV1`.
    pub last: Option<(i16, u8, u8, u8)>,
    pub jp: Vec<(i16, u32)>,
    /// (year, `Predikat::code`) of each annual evaluation.
    pub annual: Vec<(i16, u8)>,
}

/// The second layout: the first plus the position's kind, for the pension date.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SummaryV2 {
    pub nip: String,
    pub name: String,
    pub golongan: u8,
    pub jabatan: String,
    /// Position in `JenisJabatan::ALL`.
    pub jenis: u8,
    pub unit_id: String,
    pub aktif: bool,
    /// (year, period kind code, period number, `Predikat::code`), as in `EvaluationV1`.
    pub last: Option<(i16, u8, u8, u8)>,
    pub jp: Vec<(i16, u32)>,
    /// (year, `Predikat::code`) of each annual evaluation.
    pub annual: Vec<(i16, u8)>,
}

/// The third layout: the second plus each annual evaluation's Hasil Kerja, the 9-box's
/// kinerja (PermenPANRB 3/2020).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SummaryV3 {
    pub nip: String,
    pub name: String,
    pub golongan: u8,
    pub jabatan: String,
    /// Position in `JenisJabatan::ALL`, `u8::MAX` unknown.
    pub jenis: u8,
    pub unit_id: String,
    pub aktif: bool,
    /// (year, period kind code, period number, `Predikat::code`), as in `EvaluationV1`.
    pub last: Option<(i16, u8, u8, u8)>,
    pub jp: Vec<(i16, u32)>,
    /// (year, `Predikat::code`) of each annual evaluation.
    pub annual: Vec<(i16, u8)>,
    /// (year, `Rating::code`) of each annual evaluation's Hasil Kerja.
    pub annual_hasil: Vec<(i16, u8)>,
}

/// The fourth summary layout: `SummaryV3` and, for each catalogue competency a completed
/// training satisfies, the end of the latest such training (issue 13: the Kompetensi view
/// reads gaps from memory instead of every training).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SummaryV4 {
    pub nip: String,
    pub name: String,
    pub golongan: u8,
    pub jabatan: String,
    /// Position in `JenisJabatan::ALL`, `u8::MAX` unknown.
    pub jenis: u8,
    pub unit_id: String,
    pub aktif: bool,
    /// (year, period kind code, period number, `Predikat::code`), as in `EvaluationV1`.
    pub last: Option<(i16, u8, u8, u8)>,
    pub jp: Vec<(i16, u32)>,
    /// (year, `Predikat::code`) of each annual evaluation.
    pub annual: Vec<(i16, u8)>,
    /// (year, `Rating::code`) of each annual evaluation's Hasil Kerja.
    pub annual_hasil: Vec<(i16, u8)>,
    /// (`competency_key` of the competency's id, end date of the latest completed
    /// training that satisfies it).
    pub held: Vec<(u32, DateV1)>,
}

impl From<SummaryV3> for SummaryV4 {
    /// The third layout did not keep the competencies held: left empty (the store
    /// rebuilds such summaries on open, as their layout marker is older).
    fn from(r: SummaryV3) -> SummaryV4 {
        SummaryV4 {
            nip: r.nip,
            name: r.name,
            golongan: r.golongan,
            jabatan: r.jabatan,
            jenis: r.jenis,
            unit_id: r.unit_id,
            aktif: r.aktif,
            last: r.last,
            jp: r.jp,
            annual: r.annual,
            annual_hasil: r.annual_hasil,
            held: Vec::new(),
        }
    }
}

impl From<SummaryV2> for SummaryV3 {
    /// The second layout did not keep the annual Hasil Kerja: left empty (the store
    /// rebuilds such summaries on open, as their layout marker is older).
    fn from(r: SummaryV2) -> SummaryV3 {
        SummaryV3 {
            nip: r.nip,
            name: r.name,
            golongan: r.golongan,
            jabatan: r.jabatan,
            jenis: r.jenis,
            unit_id: r.unit_id,
            aktif: r.aktif,
            last: r.last,
            jp: r.jp,
            annual: r.annual,
            annual_hasil: Vec::new(),
        }
    }
}

impl From<SummaryV1> for SummaryV2 {
    /// The first layout did not keep the position's kind: `u8::MAX` says "unknown" (the
    /// store rebuilds such summaries on open).
    fn from(r: SummaryV1) -> SummaryV2 {
        SummaryV2 {
            nip: r.nip,
            name: r.name,
            golongan: r.golongan,
            jabatan: r.jabatan,
            jenis: u8::MAX,
            unit_id: r.unit_id,
            aktif: r.aktif,
            last: r.last,
            jp: r.jp,
            annual: r.annual,
        }
    }
}

pub fn encode_summary(s: &StaffSummary) -> Result<Vec<u8>, DecodeError> {
    encode(
        SUMMARY_VERSION,
        &SummaryV4 {
            nip: s.nip.clone(),
            name: s.name.clone(),
            golongan: s.golongan.ordinal(),
            jabatan: s.jabatan.clone(),
            jenis: s.jenis.map_or(u8::MAX, |j| code(&JenisJabatan::ALL, &j)),
            unit_id: s.unit_id.clone(),
            aktif: s.aktif,
            last: s.last.map(|(period, p)| {
                let (kind, n) = match period.kind {
                    PeriodKind::Tahunan => (0, 0),
                    PeriodKind::Triwulan(q) => (1, q),
                    PeriodKind::Bulanan(m) => (2, m),
                };
                (period.year, kind, n, p.code())
            }),
            jp: s.jp.clone(),
            annual: s.annual.iter().map(|(y, p)| (*y, p.code())).collect(),
            annual_hasil: s.annual_hasil.iter().map(|(y, r)| (*y, r.code())).collect(),
            held: s.held.iter().map(|(k, d)| (*k, (*d).into())).collect(),
        },
    )
}

pub fn decode_summary(bytes: &[u8]) -> Result<StaffSummary, DecodeError> {
    let (version, payload) = split(bytes)?;
    let r: SummaryV4 = match version {
        1 => SummaryV3::from(SummaryV2::from(decode_payload::<SummaryV1>(payload)?)).into(),
        2 => SummaryV3::from(decode_payload::<SummaryV2>(payload)?).into(),
        3 => decode_payload::<SummaryV3>(payload)?.into(),
        4 => decode_payload(payload)?,
        v => return Err(DecodeError::UnknownVersion(v)),
    };
    let predikat_of = |code: u8| {
        Predikat::ALL
            .into_iter()
            .find(|p| p.code() == code)
            .ok_or_else(|| DecodeError::Invalid(format!("predikat code {code}")))
    };
    let last = match r.last {
        None => None,
        Some((year, kind, n, code)) => {
            let kind = match kind {
                0 => PeriodKind::Tahunan,
                1 => PeriodKind::Triwulan(n),
                2 => PeriodKind::Bulanan(n),
                k => return Err(DecodeError::Invalid(format!("period kind code {k}"))),
            };
            let period = Period::new(year, kind)
                .ok_or_else(|| DecodeError::Invalid(format!("period {year} {kind:?}")))?;
            Some((period, predikat_of(code)?))
        }
    };
    Ok(StaffSummary {
        nip: r.nip,
        name: r.name,
        golongan: Golongan::all()
            .nth(usize::from(r.golongan))
            .ok_or_else(|| DecodeError::Invalid(format!("golongan code {}", r.golongan)))?,
        jabatan: r.jabatan,
        jenis: match r.jenis {
            u8::MAX => None,
            c => Some(from_code(&JenisJabatan::ALL, c, "jenis jabatan")?),
        },
        unit_id: r.unit_id,
        aktif: r.aktif,
        last,
        jp: r.jp,
        annual: r
            .annual
            .into_iter()
            .map(|(y, c)| Ok((y, predikat_of(c)?)))
            .collect::<Result<_, DecodeError>>()?,
        annual_hasil: r
            .annual_hasil
            .into_iter()
            .map(|(y, c)| {
                Rating::from_code(c)
                    .map(|r| (y, r))
                    .ok_or_else(|| DecodeError::Invalid(format!("rating code {c}")))
            })
            .collect::<Result<_, DecodeError>>()?,
        held: r
            .held
            .into_iter()
            .map(|(k, d)| Ok((k, d.to_date()?)))
            .collect::<Result<_, DecodeError>>()?,
    })
}

// ---------------------------------------------------------------- drafts

/// A form being filled, kept as it changes so a dropped link loses nothing: the form's
/// fields by name, so a draft survives changes to the form's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub time_micros: u64,
    pub fields: Vec<(String, String)>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct DraftV1 {
    pub time_micros: u64,
    pub fields: Vec<(String, String)>,
}

pub fn encode_draft(d: &Draft) -> Result<Vec<u8>, DecodeError> {
    encode(
        DRAFT_VERSION,
        &DraftV1 {
            time_micros: d.time_micros,
            fields: d.fields.clone(),
        },
    )
}

pub fn decode_draft(bytes: &[u8]) -> Result<Draft, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: DraftV1 = decode_payload(payload)?;
            Ok(Draft {
                time_micros: r.time_micros,
                fields: r.fields,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

// ---------------------------------------------------------------- officers

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct OfficerV1 {
    pub name: String,
    /// `Role` code: 0 admin, 1 penilai, 2 viewer.
    pub role: u8,
    /// Unit ids.
    pub units: Vec<String>,
    /// OpenSSH public keys, `ALGO BASE64 [comment]`.
    pub keys: Vec<String>,
    /// `id`, `en`, or empty for the server's default.
    pub lang: String,
    pub revision: u64,
}

pub fn encode_officer(o: &crate::domain::Officer) -> Result<Vec<u8>, DecodeError> {
    encode(
        OFFICER_VERSION,
        &OfficerV1 {
            name: o.name.clone(),
            role: o.role.code(),
            units: o.units.clone(),
            keys: o.keys.clone(),
            lang: o.lang.clone(),
            revision: o.revision,
        },
    )
}

pub fn decode_officer(bytes: &[u8]) -> Result<crate::domain::Officer, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: OfficerV1 = decode_payload(payload)?;
            let role = crate::domain::Role::from_code(r.role)
                .ok_or_else(|| DecodeError::Invalid(format!("role code {}", r.role)))?;
            Ok(crate::domain::Officer {
                name: r.name,
                role,
                units: r.units,
                keys: r.keys,
                lang: r.lang,
                revision: r.revision,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}
