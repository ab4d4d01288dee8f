//! PPPK contracts (issue 21): the form on a record, its save and delete.

use super::*;
use crate::screens::contract_form::{ContractForm, draft_name};
use jiff::civil::Date;

impl App {
    /// Opens the contract form of a PPPK: the contract that started on `mulai`, or a new
    /// one; offers a draft left from before.
    pub(super) fn open_contract(&mut self, nip: &str, mulai: Option<Date>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let Some(staff) = self.store.get_staff(nip)? else {
                return Ok(None);
            };
            let contracts = self.store.contracts_of(nip)?;
            let draft = self.find_draft(&draft_name(nip, mulai))?;
            Ok(Some((staff, contracts, draft)))
        })();
        let (staff, contracts, draft) = match loaded {
            Ok(Some(x)) => x,
            Ok(None) => return true,
            Err(e) => return self.fail(e),
        };
        if !staff.nip.kind().is_pppk() {
            return true;
        }
        if mulai.is_some_and(|m| contracts.starting(m).is_none()) {
            // Deleted meanwhile in another session.
            return true;
        }
        let mut form = ContractForm::new(
            nip,
            &staff.display_name(),
            contracts,
            mulai,
            self.opts.today,
            &self.ui,
        );
        if let Some(d) = draft {
            form.offer_draft(self.draft_time(d.time_micros), d.fields);
        }
        self.push(Screen::Contract(Box::new(form)));
        true
    }

    /// Saves the contract (one audited transaction), removes the draft and goes back to
    /// the record; a refusal is shown on the form. Beranda's shared counts are forgotten:
    /// they list the contracts that end soon.
    pub(super) fn save_contract(
        &mut self,
        nip: &str,
        replacing: Option<Date>,
        contract: &crate::domain::Contract,
    ) -> bool {
        let revision = match &self.screen {
            Screen::Contract(f) => f.revision(),
            _ => 0,
        };
        let actor = self.opts.actor.clone();
        match self
            .store
            .save_contract(nip, replacing, contract, revision, &actor)
        {
            Ok(_) => {
                if let Err(e) = self
                    .store
                    .delete_draft(&self.draft_key(&draft_name(nip, replacing)))
                {
                    return self.fail(e);
                }
                self.shared.forget_home();
                self.back_to_record(nip, T::Saved)
            }
            Err(e) => {
                let message = match e {
                    StoreError::Stale { .. } => self.stale_text(),
                    other => crate::ui::errors::store_error_text(&self.ui, &other),
                };
                if let Screen::Contract(f) = &mut self.screen {
                    f.set_error(message);
                }
                true
            }
        }
    }

    pub(super) fn delete_contract(&mut self, nip: &str, mulai: Date, revision: u64) -> bool {
        let actor = self.opts.actor.clone();
        match self.store.delete_contract(nip, mulai, revision, &actor) {
            Ok(_) => {
                if let Err(e) = self
                    .store
                    .delete_draft(&self.draft_key(&draft_name(nip, Some(mulai))))
                {
                    return self.fail(e);
                }
                self.shared.forget_home();
                self.back_to_record(nip, T::Deleted)
            }
            Err(StoreError::Stale { .. }) => {
                let message = self.stale_text();
                if let Screen::Contract(f) = &mut self.screen {
                    f.set_error(message);
                }
                true
            }
            Err(e) => self.fail(e),
        }
    }
}
