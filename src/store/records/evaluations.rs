//! A person's evaluations (SKP), stored as one group: `EvaluationsV2` (V1 is read and
//! upgraded: no date received, no people at the time, no objection).

use super::{DateV1, EVALUATIONS_VERSION, kind_code, nip_from, period_from, period_kind_to};
use crate::domain::{
    Evaluation, Golongan, HasilKeputusan, Keberatan, Keputusan, PenilaianNilai, PersonAtTime,
    Rating,
};
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

/// A person as they were then (V2): the V1 fields and rank, position and unit.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PersonV2 {
    pub nip: Option<(String, u8)>,
    pub nama: String,
    /// 0 = not known, else the rank's ordinal + 1.
    pub golongan: u8,
    pub jabatan: String,
    pub unit: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct KeputusanV2 {
    pub tanggal: DateV1,
    pub oleh: PersonV2,
    /// 0 kept; else changed to these `Rating::code`s.
    pub hasil_kerja: u8,
    pub perilaku: u8,
    pub catatan: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct KeberatanV2 {
    pub diajukan: DateV1,
    pub alasan: String,
    pub asal_hasil_kerja: u8,
    pub asal_perilaku: u8,
    pub penjelasan: String,
    pub penjelasan_tanggal: Option<DateV1>,
    pub keputusan: Option<KeputusanV2>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct EvaluationV2 {
    pub id: u32,
    pub year: i16,
    /// See `period_kind_to`: 0 annual, 1 quarter, 2 month, 3 span (first * 16 + last).
    pub period_kind: u8,
    pub period_number: u8,
    pub hasil_kerja: u8,
    pub perilaku: u8,
    pub aspek: Vec<AspekV1>,
    pub penilai: Option<PersonV2>,
    pub atasan_penilai: Option<PersonV2>,
    pub catatan: String,
    pub diterima: Option<DateV1>,
    pub pegawai: Option<PersonV2>,
    pub keberatan: Option<KeberatanV2>,
    pub revision: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct EvaluationsV2 {
    pub next_id: u32,
    pub items: Vec<EvaluationV2>,
}

/// One person's evaluations, as the store keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvaluationGroup {
    pub next_id: u32,
    pub items: Vec<Evaluation>,
}

impl From<EvaluatorV1> for PersonV2 {
    fn from(e: EvaluatorV1) -> PersonV2 {
        PersonV2 {
            nip: e.nip,
            nama: e.nama,
            golongan: 0,
            jabatan: String::new(),
            unit: String::new(),
        }
    }
}

impl From<EvaluationV1> for EvaluationV2 {
    fn from(e: EvaluationV1) -> EvaluationV2 {
        EvaluationV2 {
            id: e.id,
            year: e.year,
            period_kind: e.period_kind,
            period_number: e.period_number,
            hasil_kerja: e.hasil_kerja,
            perilaku: e.perilaku,
            aspek: e.aspek,
            penilai: e.penilai.map(PersonV2::from),
            atasan_penilai: e.atasan_penilai.map(PersonV2::from),
            catatan: e.catatan,
            diterima: None,
            pegawai: None,
            keberatan: None,
            revision: e.revision,
        }
    }
}

/// A person at a time as stored.
pub(crate) fn person_to(e: &PersonAtTime) -> PersonV2 {
    PersonV2 {
        nip: e
            .nip
            .as_ref()
            .map(|n| (n.as_str().to_string(), kind_code(n.kind()))),
        nama: e.nama.clone(),
        golongan: e.golongan.map_or(0, |g| g.ordinal() + 1),
        jabatan: e.jabatan.clone(),
        unit: e.unit.clone(),
    }
}

/// A stored person at a time.
pub(crate) fn person_from(e: PersonV2) -> Result<PersonAtTime, DecodeError> {
    Ok(PersonAtTime {
        nip: match e.nip {
            Some((digits, kind)) => Some(nip_from(&digits, kind)?),
            None => None,
        },
        nama: e.nama,
        golongan: match e.golongan {
            0 => None,
            g => Some(
                Golongan::all()
                    .nth(usize::from(g - 1))
                    .ok_or_else(|| DecodeError::Invalid(format!("golongan code {g}")))?,
            ),
        },
        jabatan: e.jabatan,
        unit: e.unit,
    })
}

pub(super) fn evaluator_to(e: &PersonAtTime) -> EvaluatorV1 {
    EvaluatorV1 {
        nip: e
            .nip
            .as_ref()
            .map(|n| (n.as_str().to_string(), kind_code(n.kind()))),
        nama: e.nama.clone(),
    }
}

pub(super) fn evaluator_from(e: EvaluatorV1) -> Result<PersonAtTime, DecodeError> {
    Ok(PersonAtTime {
        nip: match e.nip {
            Some((digits, kind)) => Some(nip_from(&digits, kind)?),
            None => None,
        },
        nama: e.nama,
        ..Default::default()
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
            let (period_kind, period_number) = period_kind_to(e.period.kind);
            EvaluationV2 {
                id: e.id,
                year: e.period.year,
                period_kind,
                period_number,
                hasil_kerja: e.hasil_kerja.code(),
                perilaku: e.perilaku.code(),
                aspek: e
                    .berakhlak
                    .iter()
                    .map(|a| AspekV1 {
                        rating: a.rating.map_or(0, Rating::code),
                        ekspektasi: a.ekspektasi.clone(),
                        umpan_balik: a.umpan_balik.clone(),
                    })
                    .collect(),
                penilai: e.penilai.as_ref().map(person_to),
                atasan_penilai: e.atasan_penilai.as_ref().map(person_to),
                catatan: e.catatan.clone(),
                diterima: e.diterima.map(DateV1::from),
                pegawai: e.pegawai.as_ref().map(person_to),
                keberatan: e.keberatan.as_ref().map(keberatan_to),
                revision: e.revision,
            }
        })
        .collect();
    encode(
        EVALUATIONS_VERSION,
        &EvaluationsV2 {
            next_id: g.next_id,
            items,
        },
    )
}

fn keberatan_to(k: &Keberatan) -> KeberatanV2 {
    KeberatanV2 {
        diajukan: k.diajukan.into(),
        alasan: k.alasan.clone(),
        asal_hasil_kerja: k.asal_hasil_kerja.code(),
        asal_perilaku: k.asal_perilaku.code(),
        penjelasan: k.penjelasan.clone(),
        penjelasan_tanggal: k.penjelasan_tanggal.map(DateV1::from),
        keputusan: k.keputusan.as_ref().map(|d| {
            let (hasil_kerja, perilaku) = match d.hasil {
                HasilKeputusan::Tetap => (0, 0),
                HasilKeputusan::Diubah {
                    hasil_kerja,
                    perilaku,
                } => (hasil_kerja.code(), perilaku.code()),
            };
            KeputusanV2 {
                tanggal: d.tanggal.into(),
                oleh: person_to(&d.oleh),
                hasil_kerja,
                perilaku,
                catatan: d.catatan.clone(),
            }
        }),
    }
}

fn keberatan_from(k: KeberatanV2) -> Result<Keberatan, DecodeError> {
    Ok(Keberatan {
        diajukan: k.diajukan.to_date()?,
        alasan: k.alasan,
        asal_hasil_kerja: rating_from(k.asal_hasil_kerja, "objected hasil kerja")?,
        asal_perilaku: rating_from(k.asal_perilaku, "objected perilaku")?,
        penjelasan: k.penjelasan,
        penjelasan_tanggal: k.penjelasan_tanggal.map(DateV1::to_date).transpose()?,
        keputusan: match k.keputusan {
            None => None,
            Some(d) => Some(Keputusan {
                tanggal: d.tanggal.to_date()?,
                oleh: person_from(d.oleh)?,
                hasil: match (d.hasil_kerja, d.perilaku) {
                    (0, 0) => HasilKeputusan::Tetap,
                    (h, p) => HasilKeputusan::Diubah {
                        hasil_kerja: rating_from(h, "decided hasil kerja")?,
                        perilaku: rating_from(p, "decided perilaku")?,
                    },
                },
                catatan: d.catatan,
            }),
        },
    })
}

pub fn decode_evaluations(bytes: &[u8]) -> Result<EvaluationGroup, DecodeError> {
    let (version, payload) = split(bytes)?;
    let r: EvaluationsV2 = match version {
        1 => {
            let v1: EvaluationsV1 = decode_payload(payload)?;
            EvaluationsV2 {
                next_id: v1.next_id,
                items: v1.items.into_iter().map(EvaluationV2::from).collect(),
            }
        }
        2 => decode_payload(payload)?,
        v => return Err(DecodeError::UnknownVersion(v)),
    };
    let mut items = Vec::with_capacity(r.items.len());
    for e in r.items {
        let period = period_from(e.year, e.period_kind, e.period_number)?;
        if e.aspek.len() != 7 {
            return Err(DecodeError::Invalid(format!(
                "{} BerAKHLAK values instead of 7",
                e.aspek.len()
            )));
        }
        let mut berakhlak: [PenilaianNilai; 7] = Default::default();
        for (slot, a) in berakhlak.iter_mut().zip(e.aspek) {
            *slot = PenilaianNilai {
                rating: match a.rating {
                    0 => None,
                    c => Some(rating_from(c, "BerAKHLAK value")?),
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
            berakhlak,
            penilai: e.penilai.map(person_from).transpose()?,
            atasan_penilai: e.atasan_penilai.map(person_from).transpose()?,
            catatan: e.catatan,
            diterima: e.diterima.map(DateV1::to_date).transpose()?,
            pegawai: e.pegawai.map(person_from).transpose()?,
            keberatan: e.keberatan.map(keberatan_from).transpose()?,
            revision: e.revision,
        });
    }
    Ok(EvaluationGroup {
        next_id: r.next_id,
        items,
    })
}
