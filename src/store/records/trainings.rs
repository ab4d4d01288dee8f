//! A person's trainings, stored as one group: `TrainingsV1` to `TrainingsV3`, and the
//! reading in place that `trainings_any` does.

use super::{DateV1, TRAININGS_VERSION, code, from_code};
use crate::domain::{OrganiserKind, Training, TrainingKind, TrainingStatus};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

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
    let r: TrainingsV3Ref<'_> = crate::store::codec::decode_payload_borrowed(payload)?;
    for t in &r.items {
        let status = from_code(&TrainingStatus::ALL, t.status, "training status")?;
        if keep(t.penyelenggara, status, t.selesai.to_date()?) {
            return Ok(true);
        }
    }
    Ok(false)
}
