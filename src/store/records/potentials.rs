//! A person's potensial per year: `PotentialsV1`, and reading one year in place.

use super::{DateV1, POTENTIALS_VERSION, code, from_code};
use crate::domain::{Potensial, PotensialSource, PotentialEntry, Potentials};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

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
            let r: PotentialsV1Ref<'_> = crate::store::codec::decode_payload_borrowed(payload)?;
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
