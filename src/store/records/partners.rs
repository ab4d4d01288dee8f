//! Training organisers (partners): `PartnerV1`, `PartnerV2` and their agreements.

use super::{DateV1, PARTNER_VERSION, code, from_code};
use crate::domain::OrganiserKind;
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

/// An organiser of trainings, government or private (the domain's type; kept here under
/// its old path for the code that names it so).
pub use crate::domain::Partner;

/// Version 1: name and kind only.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PartnerV1 {
    pub id: String,
    pub name: String,
    pub kind: u8,
}

/// An agreement as stored by `PartnerV2`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct AgreementV1 {
    /// A position in `AgreementKind::ALL`.
    pub kind: u8,
    pub nomor: String,
    pub mulai: DateV1,
    pub selesai: DateV1,
    pub ruang_lingkup: String,
}

/// Version 2 (issue 13): the fields of `PartnerV1`, then the agreements, the contact
/// (name, phone, e-mail), the competency ids it can deliver and a revision. A version 1
/// partner reads as one with none of them, at revision 0.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct PartnerV2 {
    pub id: String,
    pub name: String,
    pub kind: u8,
    pub agreements: Vec<AgreementV1>,
    pub contact_nama: String,
    pub contact_telepon: String,
    pub contact_email: String,
    pub competencies: Vec<String>,
    pub revision: u64,
}

pub fn encode_partner(p: &Partner) -> Result<Vec<u8>, DecodeError> {
    use crate::domain::AgreementKind;
    encode(
        PARTNER_VERSION,
        &PartnerV2 {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: code(&OrganiserKind::ALL, &p.kind),
            agreements: p
                .agreements
                .iter()
                .map(|a| AgreementV1 {
                    kind: code(&AgreementKind::ALL, &a.kind),
                    nomor: a.nomor.clone(),
                    mulai: a.mulai.into(),
                    selesai: a.selesai.into(),
                    ruang_lingkup: a.ruang_lingkup.clone(),
                })
                .collect(),
            contact_nama: p.contact.nama.clone(),
            contact_telepon: p.contact.telepon.clone(),
            contact_email: p.contact.email.clone(),
            competencies: p.competencies.clone(),
            revision: p.revision,
        },
    )
}

pub fn decode_partner(bytes: &[u8]) -> Result<Partner, DecodeError> {
    use crate::domain::{Agreement, AgreementKind, Contact};
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: PartnerV1 = decode_payload(payload)?;
            Ok(Partner {
                id: r.id,
                name: r.name,
                kind: from_code(&OrganiserKind::ALL, r.kind, "organiser kind")?,
                agreements: Vec::new(),
                contact: Contact::default(),
                competencies: Vec::new(),
                revision: 0,
            })
        }
        2 => {
            let r: PartnerV2 = decode_payload(payload)?;
            Ok(Partner {
                id: r.id,
                name: r.name,
                kind: from_code(&OrganiserKind::ALL, r.kind, "organiser kind")?,
                agreements: r
                    .agreements
                    .into_iter()
                    .map(|a| {
                        Ok(Agreement {
                            kind: from_code(&AgreementKind::ALL, a.kind, "agreement kind")?,
                            nomor: a.nomor,
                            mulai: a.mulai.to_date()?,
                            selesai: a.selesai.to_date()?,
                            ruang_lingkup: a.ruang_lingkup,
                        })
                    })
                    .collect::<Result<_, DecodeError>>()?,
                contact: Contact {
                    nama: r.contact_nama,
                    telepon: r.contact_telepon,
                    email: r.contact_email,
                },
                competencies: r.competencies,
                revision: r.revision,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}
