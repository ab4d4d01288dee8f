//! A PPPK's contracts (perjanjian kerja): `ContractsV1`, tree `contracts`, key the NIP.

use super::{CONTRACTS_VERSION, DateV1};
use crate::domain::{Contract, Contracts};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

/// One contract: its first and last day in force and its number.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ContractV1 {
    pub mulai: DateV1,
    pub selesai: DateV1,
    pub nomor: String,
}

/// A person's contracts, by start (tree `contracts`, key NIP); only PPPK with a contract
/// have a key.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ContractsV1 {
    pub items: Vec<ContractV1>,
    pub revision: u64,
}

pub fn encode_contracts(c: &Contracts) -> Result<Vec<u8>, DecodeError> {
    encode(
        CONTRACTS_VERSION,
        &ContractsV1 {
            items: c
                .items
                .iter()
                .map(|k| ContractV1 {
                    mulai: k.mulai.into(),
                    selesai: k.selesai.into(),
                    nomor: k.nomor.clone(),
                })
                .collect(),
            revision: c.revision,
        },
    )
}

pub fn decode_contracts(bytes: &[u8]) -> Result<Contracts, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: ContractsV1 = decode_payload(payload)?;
            Ok(Contracts {
                items: r
                    .items
                    .into_iter()
                    .map(|k| {
                        let c = Contract {
                            mulai: k.mulai.to_date()?,
                            selesai: k.selesai.to_date()?,
                            nomor: k.nomor,
                        };
                        c.validate()
                            .map_err(|e| DecodeError::Invalid(format!("contract: {e}")))?;
                        Ok(c)
                    })
                    .collect::<Result<_, DecodeError>>()?,
                revision: r.revision,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}
