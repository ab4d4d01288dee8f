//! The Mitra screen (training partners): reading its figures, the partner forms, saving.

use super::*;
use crate::domain::Partner;
use crate::screens::partner_form::{PartnerEdit, PartnerForm};
use crate::screens::partners::{MitraData, PartnersScreen};

impl App {
    fn mitra_data(&self, year: i16) -> Result<MitraData, StoreError> {
        let today = self.opts.today;
        Ok(MitraData {
            year,
            today,
            rows: crate::views::partners::partner_rows(&self.store, year, today)?,
            competency_names: self
                .store
                .competencies()?
                .into_iter()
                .map(|c| (c.id, c.name))
                .collect(),
        })
    }

    /// Opens Mitra for `year`, or shows another year on the open one.
    pub(super) fn open_partners(&mut self, year: i16) -> bool {
        if !(1900..=self.opts.today.year() + 5).contains(&year) {
            return true;
        }
        let data = match self.mitra_data(year) {
            Ok(d) => d,
            Err(e) => return self.fail(e),
        };
        if let Screen::Partners(p) = &mut self.screen {
            p.set_data(data);
        } else {
            self.push(Screen::Partners(Box::new(PartnersScreen::new(data))));
        }
        // A partner open on another year: its competencies closed are counted after the
        // frame (see `App::run_deferred`).
        self.deferred = Some(super::Deferred::PartnerClosed);
        true
    }

    /// Mitra for `year` with the partner `id` opened (Enter on Pelatihan's partners); the
    /// list, saying so, when the organiser `name` is not a partner on record.
    pub(super) fn open_partner(&mut self, year: i16, id: &str, name: &str) -> bool {
        if !self.open_partners(year) {
            return false;
        }
        let opened = match &mut self.screen {
            Screen::Partners(p) => p.open_partner(id),
            _ => return true,
        };
        if !opened {
            self.status = Some((self.ui.t(T::NotAPartner).replace("{name}", name), false));
        }
        true
    }

    /// Counts the competencies closed by the partner opened on Mitra, when not counted for
    /// the year shown yet.
    pub(super) fn count_closed(&mut self) -> bool {
        let Screen::Partners(p) = &self.screen else {
            return false;
        };
        let Some((id, year)) = p.needs_closed() else {
            return false;
        };
        let counted = self.store.partner(&id).and_then(|partner| match partner {
            Some(partner) => {
                crate::views::partners::competencies_closed(&self.store, &partner, year)
            }
            None => Ok(0),
        });
        match counted {
            Ok(n) => {
                if let Screen::Partners(p) = &mut self.screen {
                    p.set_closed(&id, year, n);
                }
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// Opens a partner form over the partner as stored now.
    pub(super) fn edit_partner(&mut self, id: &str, edit: PartnerEdit) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            Ok((self.store.partner(id)?, self.store.competencies()?))
        })();
        match loaded {
            Ok((Some(partner), catalogue)) => {
                let mut form =
                    PartnerForm::new(partner, edit, catalogue, self.opts.today, &self.ui);
                match self.find_draft(&form.draft_of()) {
                    Ok(Some(d)) => form.offer_draft(self.draft_time(d.time_micros), d.fields),
                    Ok(None) => {}
                    Err(e) => return self.fail(e),
                }
                self.push(Screen::PartnerForm(Box::new(form)));
                true
            }
            Ok((None, _)) => true,
            Err(e) => self.fail(e),
        }
    }

    /// Saves (audited, flushed), goes back to Mitra with its figures read again.
    pub(super) fn save_partner(&mut self, partner: Partner) -> bool {
        let actor = self.opts.actor.clone();
        let key = match &self.screen {
            Screen::PartnerForm(f) => Some(self.draft_key(&f.draft_of())),
            _ => None,
        };
        match self.store.save_partner(&partner, &actor) {
            Ok(_) => {
                if let Some(key) = key
                    && let Err(e) = self.store.delete_draft(&key)
                {
                    return self.fail(e);
                }
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                let year = match &self.screen {
                    Screen::Partners(p) => p.year(),
                    _ => self.opts.today.year(),
                };
                self.open_partners(year);
                self.status = Some((self.ui.t(T::Saved).to_string(), false));
                true
            }
            Err(e) => {
                let message = match e {
                    StoreError::Stale { .. } => self.stale_text(),
                    other => {
                        crate::ui::errors::store_error_text_at(&self.ui, &other, self.store.path())
                    }
                };
                if let Screen::PartnerForm(f) = &mut self.screen {
                    f.set_error(message);
                }
                true
            }
        }
    }
}
