//! Staff summaries: `SummaryV1` to `SummaryV6` (derived, not frozen) and their conversion.

use super::{DateV1, SUMMARY_VERSION, code, from_code};
use crate::domain::{
    Golongan, JenisJabatan, KeberatanStatus, Pendidikan, Predikat, Rating, StaffSummary,
};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

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

/// The fifth summary layout: `SummaryV4` and the open objections to the person's
/// evaluations, for Beranda (issue 19).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SummaryV5 {
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
    /// Each open objection: (year, period kind code, period number, position in
    /// `KeberatanStatus::ALL`, the day it was filed).
    pub keberatan: Vec<(i16, u8, u8, u8, DateV1)>,
}

/// The sixth summary layout: `SummaryV5` and what the career history gives (issue 21):
/// the education level, the TMT of the current golongan and, for people who moved, their
/// unit entries.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SummaryV6 {
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
    /// Each open objection: (year, period kind code, period number, position in
    /// `KeberatanStatus::ALL`, the day it was filed).
    pub keberatan: Vec<(i16, u8, u8, u8, DateV1)>,
    /// Position in `Pendidikan::ALL`, `u8::MAX` unknown.
    pub pendidikan: u8,
    /// The TMT of the current golongan, when known.
    pub tmt_golongan: Option<DateV1>,
    /// (TMT, unit id) of each unit entry when the person was in more than one unit.
    pub moves: Vec<(Option<DateV1>, String)>,
}

impl From<SummaryV5> for SummaryV6 {
    /// The fifth layout did not keep the career: unknown (the store rebuilds such
    /// summaries on open, as their layout marker is older).
    fn from(r: SummaryV5) -> SummaryV6 {
        SummaryV6 {
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
            held: r.held,
            keberatan: r.keberatan,
            pendidikan: u8::MAX,
            tmt_golongan: None,
            moves: Vec::new(),
        }
    }
}

impl From<SummaryV4> for SummaryV5 {
    /// The fourth layout did not keep the open objections: left empty (the store rebuilds
    /// such summaries on open, as their layout marker is older).
    fn from(r: SummaryV4) -> SummaryV5 {
        SummaryV5 {
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
            held: r.held,
            keberatan: Vec::new(),
        }
    }
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
        &SummaryV6 {
            nip: s.nip.clone(),
            name: s.name.clone(),
            golongan: s.golongan.ordinal(),
            jabatan: s.jabatan.clone(),
            jenis: s.jenis.map_or(u8::MAX, |j| code(&JenisJabatan::ALL, &j)),
            unit_id: s.unit_id.clone(),
            aktif: s.aktif,
            last: s.last.map(|(period, p)| {
                let (kind, n) = super::period_kind_to(period.kind);
                (period.year, kind, n, p.code())
            }),
            jp: s.jp.clone(),
            annual: s.annual.iter().map(|(y, p)| (*y, p.code())).collect(),
            annual_hasil: s.annual_hasil.iter().map(|(y, r)| (*y, r.code())).collect(),
            held: s.held.iter().map(|(k, d)| (*k, (*d).into())).collect(),
            keberatan: s
                .keberatan
                .iter()
                .map(|(period, status, filed)| {
                    let (kind, n) = super::period_kind_to(period.kind);
                    (
                        period.year,
                        kind,
                        n,
                        code(&KeberatanStatus::ALL, status),
                        (*filed).into(),
                    )
                })
                .collect(),
            pendidikan: s.pendidikan.map_or(u8::MAX, |p| code(&Pendidikan::ALL, &p)),
            tmt_golongan: s.tmt_golongan.map(DateV1::from),
            moves: s
                .moves
                .iter()
                .map(|(tmt, unit)| (tmt.map(DateV1::from), unit.clone()))
                .collect(),
        },
    )
}

pub fn decode_summary(bytes: &[u8]) -> Result<StaffSummary, DecodeError> {
    let (version, payload) = split(bytes)?;
    let r: SummaryV6 = match version {
        1 => SummaryV5::from(SummaryV4::from(SummaryV3::from(SummaryV2::from(
            decode_payload::<SummaryV1>(payload)?,
        ))))
        .into(),
        2 => SummaryV5::from(SummaryV4::from(SummaryV3::from(
            decode_payload::<SummaryV2>(payload)?,
        )))
        .into(),
        3 => SummaryV5::from(SummaryV4::from(decode_payload::<SummaryV3>(payload)?)).into(),
        4 => SummaryV5::from(decode_payload::<SummaryV4>(payload)?).into(),
        5 => decode_payload::<SummaryV5>(payload)?.into(),
        6 => decode_payload(payload)?,
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
            let period = super::period_from(year, kind, n)?;
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
        keberatan: r
            .keberatan
            .into_iter()
            .map(|(year, kind, n, status, filed)| {
                Ok((
                    super::period_from(year, kind, n)?,
                    from_code(&KeberatanStatus::ALL, status, "keberatan status")?,
                    filed.to_date()?,
                ))
            })
            .collect::<Result<_, DecodeError>>()?,
        pendidikan: match r.pendidikan {
            u8::MAX => None,
            c => Some(from_code(&Pendidikan::ALL, c, "pendidikan")?),
        },
        tmt_golongan: r.tmt_golongan.map(DateV1::to_date).transpose()?,
        moves: r
            .moves
            .into_iter()
            .map(|(tmt, unit)| Ok((tmt.map(DateV1::to_date).transpose()?, unit)))
            .collect::<Result<_, DecodeError>>()?,
    })
}
