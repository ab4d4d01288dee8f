//! A person's career history (riwayat pangkat, jabatan, unit; issue 21): `CareerV1`.

use super::{CAREER_VERSION, DateV1, code, from_code};
use crate::domain::{
    Career, CareerEntry, CareerKind, CareerValue, Golongan, Jabatan, JenisJabatan,
};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

/// One entry. The fields of the other kinds are empty (0 or `""`).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CareerEntryV1 {
    pub id: u32,
    /// Position in `CareerKind::ALL`: 0 pangkat, 1 jabatan, 2 unit.
    pub kind: u8,
    /// TMT; `None` when not known.
    pub tmt: Option<DateV1>,
    /// Pangkat: `Golongan::ordinal`.
    pub golongan: u8,
    /// Jabatan: the position's name.
    pub jabatan: String,
    /// Jabatan: position in `JenisJabatan::ALL`.
    pub jenis: u8,
    /// Unit: the unit id.
    pub unit: String,
    pub nomor_sk: String,
}

/// A person's history (tree `career`, key the NIP).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CareerV1 {
    pub next_id: u32,
    /// By kind, then TMT (an unknown one first).
    pub entries: Vec<CareerEntryV1>,
    pub revision: u64,
}

pub fn encode_career(c: &Career) -> Result<Vec<u8>, DecodeError> {
    encode(
        CAREER_VERSION,
        &CareerV1 {
            next_id: c.next_id,
            entries: c
                .entries
                .iter()
                .map(|e| {
                    let mut v = CareerEntryV1 {
                        id: e.id,
                        kind: code(&CareerKind::ALL, &e.kind()),
                        tmt: e.tmt.map(DateV1::from),
                        golongan: 0,
                        jabatan: String::new(),
                        jenis: 0,
                        unit: String::new(),
                        nomor_sk: e.nomor_sk.clone(),
                    };
                    match &e.value {
                        CareerValue::Pangkat(g) => v.golongan = g.ordinal(),
                        CareerValue::Jabatan(j) => {
                            v.jabatan = j.nama.clone();
                            v.jenis = code(&JenisJabatan::ALL, &j.jenis);
                        }
                        CareerValue::Unit(u) => v.unit = u.clone(),
                    }
                    v
                })
                .collect(),
            revision: c.revision,
        },
    )
}

pub fn decode_career(bytes: &[u8]) -> Result<Career, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: CareerV1 = decode_payload(payload)?;
            let entries = r
                .entries
                .into_iter()
                .map(|e| {
                    let value = match from_code(&CareerKind::ALL, e.kind, "career kind")? {
                        CareerKind::Pangkat => CareerValue::Pangkat(
                            Golongan::all()
                                .nth(usize::from(e.golongan))
                                .ok_or_else(|| {
                                    DecodeError::Invalid(format!("golongan code {}", e.golongan))
                                })?,
                        ),
                        CareerKind::Jabatan => CareerValue::Jabatan(Jabatan {
                            nama: e.jabatan,
                            jenis: from_code(&JenisJabatan::ALL, e.jenis, "jenis jabatan")?,
                        }),
                        CareerKind::Unit => CareerValue::Unit(e.unit),
                    };
                    Ok(CareerEntry {
                        id: e.id,
                        tmt: e.tmt.map(DateV1::to_date).transpose()?,
                        value,
                        nomor_sk: e.nomor_sk,
                    })
                })
                .collect::<Result<Vec<_>, DecodeError>>()?;
            Ok(Career {
                next_id: r.next_id,
                entries,
                revision: r.revision,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_history_survives_the_round_trip() {
        let mut c = Career {
            next_id: 1,
            entries: Vec::new(),
            revision: 4,
        };
        c.put(CareerEntry::new(
            None,
            CareerValue::Pangkat(Golongan::Pns(8)),
        ))
        .unwrap();
        c.put(CareerEntry {
            id: 0,
            tmt: Some(date(2020, 4, 1)),
            value: CareerValue::Jabatan(Jabatan {
                nama: "Perawat".into(),
                jenis: JenisJabatan::AhliMuda,
            }),
            nomor_sk: "800/12/2020".into(),
        })
        .unwrap();
        c.put(CareerEntry::new(
            Some(date(2021, 1, 4)),
            CareerValue::Unit("puskesmas-belawan".into()),
        ))
        .unwrap();
        let bytes = encode_career(&c).unwrap();
        assert_eq!(bytes[0], CAREER_VERSION);
        assert_eq!(decode_career(&bytes).unwrap(), c);
        assert!(decode_career(&[9, 0]).is_err());
    }
}
