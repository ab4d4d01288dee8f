//! The competency catalogue (`CompetencyV1`) and what positions require (`RequirementV1`).

use super::{COMPETENCY_VERSION, REQUIREMENT_VERSION, code, from_code};
use crate::domain::{JenisJabatan, TrainingKind};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

/// A competency of the catalogue (AKPK, issue 13), keyed by its id in `competencies`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CompetencyV1 {
    pub id: String,
    pub name: String,
    /// A position in `CompetencyKind::ALL`.
    pub kind: u8,
    /// Positions in `TrainingKind::ALL` (the codes of `TrainingV2`).
    pub training_kinds: Vec<u8>,
    pub title_words: Vec<String>,
    /// `None`: valid for good.
    pub validity_months: Option<u16>,
}

pub fn encode_competency(c: &crate::domain::Competency) -> Result<Vec<u8>, DecodeError> {
    encode(
        COMPETENCY_VERSION,
        &CompetencyV1 {
            id: c.id.clone(),
            name: c.name.clone(),
            kind: code(&crate::domain::CompetencyKind::ALL, &c.kind),
            training_kinds: c
                .training_kinds
                .iter()
                .map(|k| code(TrainingKind::ALL, k))
                .collect(),
            title_words: c.title_words.clone(),
            validity_months: c.validity_months,
        },
    )
}

pub fn decode_competency(bytes: &[u8]) -> Result<crate::domain::Competency, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: CompetencyV1 = decode_payload(payload)?;
            Ok(crate::domain::Competency {
                id: r.id,
                name: r.name,
                kind: from_code(
                    &crate::domain::CompetencyKind::ALL,
                    r.kind,
                    "competency kind",
                )?,
                training_kinds: r
                    .training_kinds
                    .into_iter()
                    .map(|c| from_code(TrainingKind::ALL, c, "training kind"))
                    .collect::<Result<_, _>>()?,
                title_words: r.title_words,
                validity_months: r.validity_months,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

/// A position's need for a competency, keyed by `Requirement::key` in `requirements`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct RequirementV1 {
    /// The position's name; empty = any.
    pub jabatan: String,
    /// A position in `JenisJabatan::ALL`; `None` = any.
    pub jenis: Option<u8>,
    /// The competency's id.
    pub competency: String,
}

pub fn encode_requirement(r: &crate::domain::Requirement) -> Result<Vec<u8>, DecodeError> {
    encode(
        REQUIREMENT_VERSION,
        &RequirementV1 {
            jabatan: r.jabatan.clone(),
            jenis: r.jenis.map(|j| code(&JenisJabatan::ALL, &j)),
            competency: r.competency.clone(),
        },
    )
}

pub fn decode_requirement(bytes: &[u8]) -> Result<crate::domain::Requirement, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: RequirementV1 = decode_payload(payload)?;
            Ok(crate::domain::Requirement {
                jabatan: r.jabatan,
                jenis: r
                    .jenis
                    .map(|c| from_code(&JenisJabatan::ALL, c, "jenis jabatan"))
                    .transpose()?,
                competency: r.competency,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}
