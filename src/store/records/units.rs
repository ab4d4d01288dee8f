//! Unit records: `UnitV1`, `UnitV2`, `UnitV3` and their period ratings.

use super::{DateV1, UNIT_VERSION, code, from_code, kind_code, nip_from};
use crate::domain::{PeriodKind, Unit, UnitKind, UnitRating};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// Version 3 (issue 21) adds the former heads, so a past year is judged with the head it
/// had. A version 1 or 2 unit reads as one whose head never changed.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct UnitV3 {
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
    /// Each change of head: the day, and the head before it (as `head`), oldest first.
    pub former_heads: Vec<(DateV1, Option<(String, u8)>)>,
}

/// A period within a year as stored: 1 triwulan (1-4), 2 bulanan (1-12).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodKindV1(pub u8, pub u8);

impl PeriodKindV1 {
    fn from_kind(k: PeriodKind) -> PeriodKindV1 {
        let (kind, n) = super::period_kind_to(k);
        PeriodKindV1(kind, n)
    }

    fn to_kind(self, year: i16) -> Result<PeriodKind, DecodeError> {
        if self.0 == 0 {
            return Err(DecodeError::Invalid(format!("unit period kind {}", self.0)));
        }
        super::period_from(year, self.0, self.1).map(|p| p.kind)
    }
}

pub fn encode_unit(u: &Unit) -> Result<Vec<u8>, DecodeError> {
    encode(
        UNIT_VERSION,
        &UnitV3 {
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
            former_heads: u
                .former_heads
                .iter()
                .map(|(day, n)| {
                    (
                        DateV1::from(*day),
                        n.as_ref()
                            .map(|n| (n.as_str().to_string(), kind_code(n.kind()))),
                    )
                })
                .collect(),
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
                former_heads: Vec::new(),
            })
        }
        2 => {
            let r: UnitV2 = decode_payload(payload)?;
            let r = UnitV3 {
                id: r.id,
                name: r.name,
                parent: r.parent,
                kind: r.kind,
                ratings: r.ratings,
                period_ratings: r.period_ratings,
                head: r.head,
                former_heads: Vec::new(),
            };
            unit_from_v3(r)
        }
        3 => unit_from_v3(decode_payload(payload)?),
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

/// A unit of the third layout (the older ones are read into it).
fn unit_from_v3(r: UnitV3) -> Result<Unit, DecodeError> {
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
        former_heads: r
            .former_heads
            .into_iter()
            .map(|(day, n)| {
                Ok((
                    day.to_date()?,
                    n.map(|(digits, kind)| nip_from(&digits, kind))
                        .transpose()?,
                ))
            })
            .collect::<Result<_, DecodeError>>()?,
    })
}
