//! Saving and deleting a PPPK's contract (perjanjian kerja).

use super::{Audit, abort, encoded, read};
use crate::domain::{Contract, Contracts, format_date};
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError};
use jiff::civil::Date;

/// The audit record of a person's contract: under `contracts/NIP/`, so the record's
/// history (`history_of_person`) finds it.
fn record(nip: &str, mulai: Date) -> String {
    format!("contracts/{nip}/{}", format_date(mulai))
}

impl Store {
    /// Records a PPPK's contract, in place of the one that started on `replacing` (an edit)
    /// or as a new one, in one audited transaction. `revision` is the revision of the
    /// person's contracts the officer saw (0 when there were none): a save over a newer one
    /// is refused as stale. Errors: no such staff, a PNS, an invalid contract or one that
    /// overlaps another (`ContractError`).
    pub fn save_contract(
        &self,
        nip: &str,
        replacing: Option<Date>,
        contract: &Contract,
        revision: u64,
        actor: &str,
    ) -> Result<Contracts, StoreError> {
        let contract = contract.clone().cleaned();
        self.audited(
            [&self.staff, &self.contracts],
            actor,
            |[t_staff, t_contracts]| {
                let Some(staff) = read(t_staff, "staff", nip, records::decode_staff)? else {
                    return abort(StoreError::NotFound {
                        what: format!("staff {nip}"),
                    });
                };
                if !staff.nip.kind().is_pppk() {
                    return abort(StoreError::Invalid(format!(
                        "{nip} is a PNS; contracts (perjanjian kerja) are for PPPK"
                    )));
                }
                let mut all = read(t_contracts, "contracts", nip, records::decode_contracts)?
                    .unwrap_or_default();
                if all.revision != revision {
                    return abort(StoreError::Stale {
                        what: format!("the contracts of {nip}"),
                        expected: revision,
                        found: all.revision,
                    });
                }
                let before = replacing.and_then(|m| all.starting(m).cloned());
                if replacing.is_some() && before.is_none() {
                    return abort(StoreError::NotFound {
                        what: format!(
                            "the contract of {nip} from {}",
                            replacing.map(format_date).unwrap_or_default()
                        ),
                    });
                }
                if let Err(e) = all.put(replacing, contract.clone()) {
                    return abort(StoreError::Invalid(e.to_string()));
                }
                all.revision += 1;
                t_contracts.insert(nip.as_bytes(), encoded(records::encode_contracts(&all))?)?;
                let span = |c: &Contract| {
                    format!(
                        "{}..{} {}",
                        format_date(c.mulai),
                        format_date(c.selesai),
                        c.nomor
                    )
                    .trim_end()
                    .to_string()
                };
                Ok((
                    all,
                    Audit {
                        action: if before.is_some() {
                            AuditAction::Update
                        } else {
                            AuditAction::Create
                        },
                        record: record(nip, contract.mulai),
                        summary: crate::store::diff::with_changes(
                            &match &before {
                                Some(old) => {
                                    format!("kontrak {} -> {}", span(old), span(&contract))
                                }
                                None => format!("kontrak {}", span(&contract)),
                            },
                            &crate::store::diff::edits(before.as_ref(), &contract),
                        ),
                    },
                ))
            },
        )
    }

    /// Removes the person's contract that started on `mulai`, if their contracts are still
    /// at `revision`; audited.
    pub fn delete_contract(
        &self,
        nip: &str,
        mulai: Date,
        revision: u64,
        actor: &str,
    ) -> Result<Contracts, StoreError> {
        self.audited([&self.contracts], actor, |[t_contracts]| {
            let missing = || StoreError::NotFound {
                what: format!("the contract of {nip} from {}", format_date(mulai)),
            };
            let Some(mut all) = read(t_contracts, "contracts", nip, records::decode_contracts)?
            else {
                return abort(missing());
            };
            if all.revision != revision {
                return abort(StoreError::Stale {
                    what: format!("the contracts of {nip}"),
                    expected: revision,
                    found: all.revision,
                });
            }
            let Some(gone) = all.remove(mulai) else {
                return abort(missing());
            };
            all.revision += 1;
            t_contracts.insert(nip.as_bytes(), encoded(records::encode_contracts(&all))?)?;
            Ok((
                all,
                Audit {
                    action: AuditAction::Delete,
                    record: record(nip, mulai),
                    summary: format!(
                        "kontrak {}..{}",
                        format_date(gone.mulai),
                        format_date(gone.selesai)
                    ),
                },
            ))
        })
    }
}
