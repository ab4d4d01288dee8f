//! Staff records: `StaffV1`, `StaffV2` and the frozen `PENDIDIKAN_V1` codes.

use super::{STAFF_VERSION, code, from_code, kind_code, nip_from};
use crate::domain::{Golongan, Jabatan, JenisJabatan, Pendidikan, Staff};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

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
