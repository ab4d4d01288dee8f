//! A person's evaluations (SKP), stored as one group: `EvaluationsV1`.

use super::{EVALUATIONS_VERSION, kind_code, nip_from};
use crate::domain::{AspekPenilaian, Evaluation, Evaluator, Period, PeriodKind, Rating};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

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

pub(super) fn evaluator_to(e: &Evaluator) -> EvaluatorV1 {
    EvaluatorV1 {
        nip: e
            .nip
            .as_ref()
            .map(|n| (n.as_str().to_string(), kind_code(n.kind()))),
        nama: e.nama.clone(),
    }
}

pub(super) fn evaluator_from(e: EvaluatorV1) -> Result<Evaluator, DecodeError> {
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
