//! The Kompetensi view (issue 13): computed from the staff rows in memory, the catalogue
//! and the requirements; and the group training form it opens for a competency gap.

use super::*;
use crate::screens::competency::{CompetencyQuery, CompetencyScreen, CompetencyScreenData};
use crate::views::competency_view::{CompetencyData, gap_list, matrix};

impl App {
    /// The catalogue and the requirements, read from the store (a few dozen values).
    fn competency_data(&self) -> Result<CompetencyData, StoreError> {
        Ok(CompetencyData {
            catalogue: self.store.competencies()?,
            requirements: self.store.requirements()?,
        })
    }

    /// Shows the Kompetensi view for `query`, replacing the one shown (keeping its place)
    /// or opening over the current screen. Reads no staff record or training once the
    /// list is loaded: the rows in memory hold each person's competencies.
    pub(super) fn open_competencies(&mut self, query: CompetencyQuery) -> bool {
        let scope = |u: &str| self.in_scope(u);
        let loaded = (|| -> Result<_, StoreError> {
            let data = self.competency_data()?;
            let units = crate::views::talent::units(&self.store, &scope)?;
            Ok((data, units))
        })();
        let (data, (all_units, unit_names)) = match loaded {
            Ok(v) => v,
            Err(e) => return self.fail(e),
        };
        // An unknown unit (removed meanwhile) shows every unit instead.
        let unit = query
            .unit
            .filter(|u| all_units.iter().any(|(id, _)| id == u));
        let on = self.opts.today;
        let compute = |index: &StaffIndex| {
            let m = matrix(index, unit.as_deref(), &data, on);
            let people = match &query.list {
                Some((c, position)) => {
                    gap_list(index, unit.as_deref(), position.as_deref(), &data, *c, on)
                }
                None => Vec::new(),
            };
            (m, people)
        };
        let (m, people) = match self.list_ref().filter(|_| !self.pending_load) {
            Some(list) => compute(list.index()),
            None => {
                let index = StaffIndex::build(
                    self.store.iter_summaries(),
                    HashMap::new(),
                    self.opts.today.year(),
                );
                match index {
                    Ok(index) => compute(&scoped(index, &self.opts)),
                    Err(e) => return self.fail(e),
                }
            }
        };
        let screen = CompetencyScreen::new(CompetencyScreenData {
            query: CompetencyQuery {
                unit,
                list: query.list,
            },
            on,
            catalogue: data.catalogue,
            matrix: m,
            people,
            all_units,
            unit_names,
        });
        if let Screen::Competency(old) = &self.screen {
            let screen = screen.keep_place_of(old);
            self.screen = Screen::Competency(Box::new(screen));
        } else {
            self.push(Screen::Competency(Box::new(screen)));
        }
        true
    }

    /// The group training form for `nips`, prefilled with the competency `id`: one save
    /// gives everyone marked a training that states it, closing their gap.
    pub(super) fn open_training_for(&mut self, nips: Vec<String>, id: &str) -> bool {
        let competency = match self.store.competencies() {
            Ok(all) => all.into_iter().find(|c| c.id == id),
            Err(e) => return self.fail(e),
        };
        if !self.open_training(nips, None) {
            return false;
        }
        if let (Screen::Training(form), Some(c)) = (&mut self.screen, competency) {
            form.prefill_competency(&c, &self.ui);
        }
        true
    }
}
