//! Realisasi SKP: opening the unit realisation screen (its data is
//! `views::realisation`) and saving one realisation at a time.

use super::*;
use crate::domain::Period;
use crate::screens::realisation::{RealisasiEntry, RealisationScreen, default_period};
use crate::views::realisation::{READ_STEP, unit_realisation};

impl App {
    /// The realisation screen of `unit` for `period` (`None`: the latest quarter ended).
    /// From the screen itself (another period or unit) it takes the screen's place and
    /// keeps its indicator page. Only a unit the officer sees opens.
    pub(super) fn open_realisation(&mut self, unit: &str, period: Option<Period>) -> bool {
        if unit.is_empty() {
            self.status = Some((self.ui.t(T::RealNoUnit).to_string(), true));
            return true;
        }
        if !self.in_scope(unit) {
            self.status = Some((self.ui.t(T::RoleOtherUnit).to_string(), true));
            return true;
        }
        let period = period.unwrap_or_else(|| default_period(self.opts.today));
        let Some(list) = self.list_ref() else {
            return true;
        };
        let data = match unit_realisation(&self.store, list.index(), unit, period) {
            Ok(d) => d,
            Err(e) => return self.fail(e),
        };
        let mut screen = RealisationScreen::new(data, self.opts.today);
        if let Screen::Realisation(old) = &self.screen {
            screen.set_page(old.page());
            self.screen = Screen::Realisation(Box::new(screen));
        } else {
            self.push(Screen::Realisation(Box::new(screen)));
        }
        true
    }

    /// Reads the next [`READ_STEP`] people's plans into the realisation screen on top,
    /// when it is still reading them (see `views::realisation::unit_realisation`). True
    /// when the screen changed.
    pub(super) fn read_realisation_step(&mut self) -> bool {
        let Screen::Realisation(r) = &mut self.screen else {
            return false;
        };
        if r.loading().is_none() {
            return false;
        }
        match r.data_mut().read_more(&self.store, READ_STEP) {
            Ok(_) => true,
            Err(e) => {
                // Stop reading (no retry loop on a failing store); the status says why.
                r.data_mut().pending.clear();
                self.fail(e)
            }
        }
    }

    /// Saves one realisation (its own audited transaction); the screen goes on from the
    /// SKP as saved. A stale save reads the SKP again and says so; nothing typed is lost.
    pub(super) fn save_realisasi(&mut self, e: RealisasiEntry) -> bool {
        let actor = self.opts.actor.clone();
        let result = self.store.save_realisasi(
            &e.nip,
            e.skp_id,
            e.revision,
            e.indikator_id,
            e.period,
            e.nilai.clone(),
            &e.catatan,
            &actor,
        );
        let ui = self.ui;
        match result {
            Ok(skp) => {
                if let Screen::Realisation(r) = &mut self.screen {
                    r.saved(&e.nip, skp, &ui);
                }
                true
            }
            Err(StoreError::Stale { .. }) => {
                let fresh = match self.store.skp_of(&e.nip) {
                    Ok(skps) => skps.into_iter().find(|s| s.id == e.skp_id),
                    Err(err) => return self.fail(err),
                };
                if let Screen::Realisation(r) = &mut self.screen {
                    r.refused(
                        ui.t(T::RealStale).to_string(),
                        fresh.map(|s| (e.nip.clone(), s)),
                    );
                }
                true
            }
            Err(err) => {
                let text = format!(
                    "{} {}",
                    ui.t(T::NotSaved),
                    crate::ui::errors::store_error_text_at(&ui, &err, self.store.path())
                );
                if let Screen::Realisation(r) = &mut self.screen {
                    r.refused(text, None);
                }
                true
            }
        }
    }
}
