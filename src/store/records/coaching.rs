//! A person's coaching records (pembinaan kinerja), stored as one group: `CoachingGroupV1`,
//! then `CoachingGroupV2`, whose records may name the RHK they are about (issue 19).

use super::evaluations::{EvaluatorV1, evaluator_from, evaluator_to};
use super::{COACHING_VERSION, DateV1, code, from_code};
use crate::domain::{Coaching, CoachingDates, CoachingKind};
use crate::store::codec::{DecodeError, decode_payload, decode_payload_borrowed, encode, split};
use serde::{Deserialize, Serialize};

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

/// The second layout of a coaching record: `CoachingV1` and the RHK it is about, as (the
/// SKP's id, the RHK's id in that SKP) among the person's SKPs.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CoachingV2 {
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
    pub rhk: Option<(u32, u32)>,
    pub revision: u64,
}

/// All coaching records of one person in the second layout.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CoachingGroupV2 {
    pub next_id: u32,
    pub items: Vec<CoachingV2>,
}

impl From<CoachingV1> for CoachingV2 {
    /// The first layout named no RHK.
    fn from(c: CoachingV1) -> CoachingV2 {
        CoachingV2 {
            id: c.id,
            tanggal: c.tanggal,
            jenis: c.jenis,
            pemberi: c.pemberi,
            masalah: c.masalah,
            langkah: c.langkah,
            tindak_lanjut: c.tindak_lanjut,
            selesai: c.selesai,
            hasil: c.hasil,
            rhk: None,
            revision: c.revision,
        }
    }
}

impl From<CoachingGroupV1> for CoachingGroupV2 {
    fn from(g: CoachingGroupV1) -> CoachingGroupV2 {
        CoachingGroupV2 {
            next_id: g.next_id,
            items: g.items.into_iter().map(CoachingV2::from).collect(),
        }
    }
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
        .map(|c| CoachingV2 {
            id: c.id,
            tanggal: c.tanggal.into(),
            jenis: code(&CoachingKind::ALL, &c.jenis),
            pemberi: evaluator_to(&c.pemberi),
            masalah: c.masalah.clone(),
            langkah: c.langkah.clone(),
            tindak_lanjut: c.tindak_lanjut.into(),
            selesai: c.selesai.map(DateV1::from),
            hasil: c.hasil.clone(),
            rhk: c.rhk,
            revision: c.revision,
        })
        .collect();
    encode(
        COACHING_VERSION,
        &CoachingGroupV2 {
            next_id: g.next_id,
            items,
        },
    )
}

pub fn decode_coaching(bytes: &[u8]) -> Result<CoachingGroup, DecodeError> {
    let (version, payload) = split(bytes)?;
    let r: CoachingGroupV2 = match version {
        1 => decode_payload::<CoachingGroupV1>(payload)?.into(),
        2 => decode_payload(payload)?,
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
            rhk: c.rhk,
            revision: c.revision,
        });
    }
    Ok(CoachingGroup {
        next_id: r.next_id,
        items,
    })
}

/// `EvaluatorV1` borrowing its text from the stored bytes (read, never kept).
#[derive(Deserialize)]
struct EvaluatorV1Ref<'a> {
    #[allow(dead_code)]
    #[serde(borrow)]
    nip: Option<(&'a str, u8)>,
    #[allow(dead_code)]
    nama: &'a str,
}

/// `CoachingV1` borrowing its texts: only its dates are used.
#[derive(Deserialize)]
#[allow(dead_code)]
struct CoachingV1Ref<'a> {
    id: u32,
    tanggal: DateV1,
    jenis: u8,
    #[serde(borrow)]
    pemberi: EvaluatorV1Ref<'a>,
    masalah: &'a str,
    langkah: &'a str,
    tindak_lanjut: DateV1,
    selesai: Option<DateV1>,
    hasil: &'a str,
    revision: u64,
}

/// `CoachingV2` borrowing its texts: only its dates are used.
#[derive(Deserialize)]
#[allow(dead_code)]
struct CoachingV2Ref<'a> {
    id: u32,
    tanggal: DateV1,
    jenis: u8,
    #[serde(borrow)]
    pemberi: EvaluatorV1Ref<'a>,
    masalah: &'a str,
    langkah: &'a str,
    tindak_lanjut: DateV1,
    selesai: Option<DateV1>,
    hasil: &'a str,
    rhk: Option<(u32, u32)>,
    revision: u64,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct CoachingGroupRef<C> {
    next_id: u32,
    items: Vec<C>,
}

/// The dates of each coaching of an encoded group ([`CoachingDates`]), without building
/// the records or copying their texts: Beranda's and Pelatihan's statuses read only these.
/// Errors: as [`decode_coaching`], for the same bytes.
pub fn decode_coaching_dates(bytes: &[u8]) -> Result<Vec<CoachingDates>, DecodeError> {
    fn dates(
        tanggal: &DateV1,
        tindak_lanjut: &DateV1,
        selesai: &Option<DateV1>,
    ) -> Result<CoachingDates, DecodeError> {
        Ok(CoachingDates {
            tanggal: tanggal.to_date()?,
            tindak_lanjut: tindak_lanjut.to_date()?,
            closed: selesai.map(DateV1::to_date).transpose()?.is_some(),
        })
    }
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let g: CoachingGroupRef<CoachingV1Ref<'_>> = decode_payload_borrowed(payload)?;
            g.items
                .iter()
                .map(|c| dates(&c.tanggal, &c.tindak_lanjut, &c.selesai))
                .collect()
        }
        2 => {
            let g: CoachingGroupRef<CoachingV2Ref<'_>> = decode_payload_borrowed(payload)?;
            g.items
                .iter()
                .map(|c| dates(&c.tanggal, &c.tindak_lanjut, &c.selesai))
                .collect()
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}
