//! Drafts of forms being filled: `Draft` and `DraftV1`.

use super::DRAFT_VERSION;
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

/// A form being filled, kept as it changes so a dropped link loses nothing: the form's
/// fields by name, so a draft survives changes to the form's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub time_micros: u64,
    pub fields: Vec<(String, String)>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct DraftV1 {
    pub time_micros: u64,
    pub fields: Vec<(String, String)>,
}

pub fn encode_draft(d: &Draft) -> Result<Vec<u8>, DecodeError> {
    encode(
        DRAFT_VERSION,
        &DraftV1 {
            time_micros: d.time_micros,
            fields: d.fields.clone(),
        },
    )
}

pub fn decode_draft(bytes: &[u8]) -> Result<Draft, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: DraftV1 = decode_payload(payload)?;
            Ok(Draft {
                time_micros: r.time_micros,
                fields: r.fields,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}
