//! A person's SKPs (plans with their RHK, indicators, realisations, evidence and feedback),
//! stored as one group under the NIP: `SkpGroupV1`.

use super::evaluations::{PersonV2, person_from, person_to};
use super::{DateV1, SKP_VERSION, from_code, period_from, period_kind_to};
use crate::domain::{
    Amount, Aspek, Bukti, Indikator, Intervensi, JenisRhk, Lampiran, Nilai, Pendekatan, Realisasi,
    Rhk, Skp, SkpForm, SkpStatus, UmpanBalik,
};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

/// A target or realisation: a number (hundredths) with its satuan in `teks`, or a sentence.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct NilaiV1 {
    pub angka: Option<u64>,
    pub teks: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct RealisasiV1 {
    pub year: i16,
    pub period_kind: u8,
    pub period_number: u8,
    pub nilai: NilaiV1,
    pub catatan: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct IndikatorV1 {
    pub id: u32,
    /// Position in `Aspek::ALL`.
    pub aspek: u8,
    pub teks: String,
    pub target: NilaiV1,
    pub realisasi: Vec<RealisasiV1>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct BuktiV1 {
    pub id: u32,
    pub indikator: Option<u32>,
    pub tanggal: DateV1,
    pub uraian: String,
    pub lokasi: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct UmpanBalikV1 {
    pub id: u32,
    pub indikator: Option<u32>,
    pub tanggal: DateV1,
    pub dari: String,
    pub teks: String,
}

/// 0 none, 1 the superior's RHK (with an optional link), 2 Perjanjian Kinerja.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct IntervensiV1 {
    pub kind: u8,
    pub link: Option<(String, u32, u32)>,
    pub teks: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct RhkV1 {
    pub id: u32,
    /// Position in `JenisRhk::ALL`.
    pub jenis: u8,
    pub teks: String,
    pub intervensi: IntervensiV1,
    pub indikator: Vec<IndikatorV1>,
    pub bukti: Vec<BuktiV1>,
    pub umpan_balik: Vec<UmpanBalikV1>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SkpV1 {
    pub id: u32,
    pub mulai: DateV1,
    pub selesai: DateV1,
    /// Position in `SkpForm::ALL`.
    pub form: u8,
    /// Position in `Pendekatan::ALL`.
    pub pendekatan: u8,
    /// `None` while a draft; the date it was set (ditetapkan).
    pub ditetapkan: Option<DateV1>,
    pub pegawai: PersonV2,
    pub penilai: PersonV2,
    pub atasan: Option<PersonV2>,
    pub rhk: Vec<RhkV1>,
    /// Seven expectations in `NilaiBerakhlak::ALL` order.
    pub ekspektasi: Vec<String>,
    pub sumber_daya: Vec<String>,
    pub skema_pertanggungjawaban: Vec<String>,
    pub konsekuensi: Vec<String>,
    pub next_id: u32,
    pub revision: u64,
}

/// All SKPs of one person, stored under the NIP.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SkpGroupV1 {
    pub next_id: u32,
    pub items: Vec<SkpV1>,
}

/// One person's SKPs, as the store keeps them (oldest first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkpGroup {
    pub next_id: u32,
    pub items: Vec<Skp>,
}

fn nilai_to(n: &Nilai) -> NilaiV1 {
    match n {
        Nilai::Angka { nilai, satuan } => NilaiV1 {
            angka: Some(nilai.0),
            teks: satuan.clone(),
        },
        Nilai::Teks(t) => NilaiV1 {
            angka: None,
            teks: t.clone(),
        },
    }
}

fn nilai_from(n: NilaiV1) -> Nilai {
    match n.angka {
        Some(a) => Nilai::Angka {
            nilai: Amount(a),
            satuan: n.teks,
        },
        None => Nilai::Teks(n.teks),
    }
}

fn position<T: PartialEq>(all: &[T], v: &T) -> u8 {
    all.iter().position(|x| x == v).unwrap_or(0) as u8
}

fn skp_to(s: &Skp) -> SkpV1 {
    SkpV1 {
        id: s.id,
        mulai: s.mulai.into(),
        selesai: s.selesai.into(),
        form: position(&SkpForm::ALL, &s.form),
        pendekatan: position(&Pendekatan::ALL, &s.pendekatan),
        ditetapkan: match s.status {
            SkpStatus::Draft => None,
            SkpStatus::Ditetapkan(d) => Some(d.into()),
        },
        pegawai: person_to(&s.pegawai),
        penilai: person_to(&s.penilai),
        atasan: s.atasan.as_ref().map(person_to),
        rhk: s
            .rhk
            .iter()
            .map(|r| RhkV1 {
                id: r.id,
                jenis: position(&JenisRhk::ALL, &r.jenis),
                teks: r.teks.clone(),
                intervensi: match &r.intervensi {
                    Intervensi::None => IntervensiV1 {
                        kind: 0,
                        link: None,
                        teks: String::new(),
                    },
                    Intervensi::Atasan { link, teks } => IntervensiV1 {
                        kind: 1,
                        link: link.clone(),
                        teks: teks.clone(),
                    },
                    Intervensi::PerjanjianKinerja(teks) => IntervensiV1 {
                        kind: 2,
                        link: None,
                        teks: teks.clone(),
                    },
                },
                indikator: r
                    .indikator
                    .iter()
                    .map(|i| IndikatorV1 {
                        id: i.id,
                        aspek: position(&Aspek::ALL, &i.aspek),
                        teks: i.teks.clone(),
                        target: nilai_to(&i.target),
                        realisasi: i
                            .realisasi
                            .iter()
                            .map(|x| {
                                let (period_kind, period_number) = period_kind_to(x.period.kind);
                                RealisasiV1 {
                                    year: x.period.year,
                                    period_kind,
                                    period_number,
                                    nilai: nilai_to(&x.nilai),
                                    catatan: x.catatan.clone(),
                                }
                            })
                            .collect(),
                    })
                    .collect(),
                bukti: r
                    .bukti
                    .iter()
                    .map(|b| BuktiV1 {
                        id: b.id,
                        indikator: b.indikator,
                        tanggal: b.tanggal.into(),
                        uraian: b.uraian.clone(),
                        lokasi: b.lokasi.clone(),
                    })
                    .collect(),
                umpan_balik: r
                    .umpan_balik
                    .iter()
                    .map(|u| UmpanBalikV1 {
                        id: u.id,
                        indikator: u.indikator,
                        tanggal: u.tanggal.into(),
                        dari: u.dari.clone(),
                        teks: u.teks.clone(),
                    })
                    .collect(),
            })
            .collect(),
        ekspektasi: s.ekspektasi.to_vec(),
        sumber_daya: s.lampiran.sumber_daya.clone(),
        skema_pertanggungjawaban: s.lampiran.skema_pertanggungjawaban.clone(),
        konsekuensi: s.lampiran.konsekuensi.clone(),
        next_id: s.next_id,
        revision: s.revision,
    }
}

fn skp_from(s: SkpV1) -> Result<Skp, DecodeError> {
    let ekspektasi: [String; 7] = s.ekspektasi.try_into().map_err(|v: Vec<String>| {
        DecodeError::Invalid(format!("{} BerAKHLAK expectations instead of 7", v.len()))
    })?;
    let mut rhk = Vec::with_capacity(s.rhk.len());
    for r in s.rhk {
        let mut indikator = Vec::with_capacity(r.indikator.len());
        for i in r.indikator {
            let mut realisasi = Vec::with_capacity(i.realisasi.len());
            for x in i.realisasi {
                realisasi.push(Realisasi {
                    period: period_from(x.year, x.period_kind, x.period_number)?,
                    nilai: nilai_from(x.nilai),
                    catatan: x.catatan,
                });
            }
            indikator.push(Indikator {
                id: i.id,
                aspek: from_code(&Aspek::ALL, i.aspek, "aspek")?,
                teks: i.teks,
                target: nilai_from(i.target),
                realisasi,
            });
        }
        let mut bukti = Vec::with_capacity(r.bukti.len());
        for b in r.bukti {
            bukti.push(Bukti {
                id: b.id,
                indikator: b.indikator,
                tanggal: b.tanggal.to_date()?,
                uraian: b.uraian,
                lokasi: b.lokasi,
            });
        }
        let mut umpan_balik = Vec::with_capacity(r.umpan_balik.len());
        for u in r.umpan_balik {
            umpan_balik.push(UmpanBalik {
                id: u.id,
                indikator: u.indikator,
                tanggal: u.tanggal.to_date()?,
                dari: u.dari,
                teks: u.teks,
            });
        }
        rhk.push(Rhk {
            id: r.id,
            jenis: from_code(&JenisRhk::ALL, r.jenis, "jenis RHK")?,
            teks: r.teks,
            intervensi: match r.intervensi.kind {
                0 => Intervensi::None,
                1 => Intervensi::Atasan {
                    link: r.intervensi.link,
                    teks: r.intervensi.teks,
                },
                2 => Intervensi::PerjanjianKinerja(r.intervensi.teks),
                k => return Err(DecodeError::Invalid(format!("intervensi code {k}"))),
            },
            indikator,
            bukti,
            umpan_balik,
        });
    }
    Ok(Skp {
        id: s.id,
        mulai: s.mulai.to_date()?,
        selesai: s.selesai.to_date()?,
        form: from_code(&SkpForm::ALL, s.form, "SKP form")?,
        pendekatan: from_code(&Pendekatan::ALL, s.pendekatan, "pendekatan")?,
        status: match s.ditetapkan {
            None => SkpStatus::Draft,
            Some(d) => SkpStatus::Ditetapkan(d.to_date()?),
        },
        pegawai: person_from(s.pegawai)?,
        penilai: person_from(s.penilai)?,
        atasan: s.atasan.map(person_from).transpose()?,
        rhk,
        ekspektasi,
        lampiran: Lampiran {
            sumber_daya: s.sumber_daya,
            skema_pertanggungjawaban: s.skema_pertanggungjawaban,
            konsekuensi: s.konsekuensi,
        },
        next_id: s.next_id,
        revision: s.revision,
    })
}

pub fn encode_skp(g: &SkpGroup) -> Result<Vec<u8>, DecodeError> {
    encode(
        SKP_VERSION,
        &SkpGroupV1 {
            next_id: g.next_id,
            items: g.items.iter().map(skp_to).collect(),
        },
    )
}

pub fn decode_skp(bytes: &[u8]) -> Result<SkpGroup, DecodeError> {
    let (version, payload) = split(bytes)?;
    let r: SkpGroupV1 = match version {
        1 => decode_payload(payload)?,
        v => return Err(DecodeError::UnknownVersion(v)),
    };
    Ok(SkpGroup {
        next_id: r.next_id,
        items: r
            .items
            .into_iter()
            .map(skp_from)
            .collect::<Result<_, _>>()?,
    })
}
