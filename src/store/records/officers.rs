//! Officer records (who may sign in and what they may do): `OfficerV1`.

use super::OFFICER_VERSION;
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct OfficerV1 {
    pub name: String,
    /// `Role` code: 0 admin, 1 penilai, 2 viewer.
    pub role: u8,
    /// Unit ids.
    pub units: Vec<String>,
    /// OpenSSH public keys, `ALGO BASE64 [comment]`.
    pub keys: Vec<String>,
    /// `id`, `en`, or empty for the server's default.
    pub lang: String,
    pub revision: u64,
}

pub fn encode_officer(o: &crate::domain::Officer) -> Result<Vec<u8>, DecodeError> {
    encode(
        OFFICER_VERSION,
        &OfficerV1 {
            name: o.name.clone(),
            role: o.role.code(),
            units: o.units.clone(),
            keys: o.keys.clone(),
            lang: o.lang.clone(),
            revision: o.revision,
        },
    )
}

pub fn decode_officer(bytes: &[u8]) -> Result<crate::domain::Officer, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: OfficerV1 = decode_payload(payload)?;
            let role = crate::domain::Role::from_code(r.role)
                .ok_or_else(|| DecodeError::Invalid(format!("role code {}", r.role)))?;
            Ok(crate::domain::Officer {
                name: r.name,
                role,
                units: r.units,
                keys: r.keys,
                lang: r.lang,
                revision: r.revision,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}
