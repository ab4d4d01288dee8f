//! Staff records: saving from the form, the demo, the record screen, the evaluator list.

use super::*;

impl App {
    /// The staff form, new (`None`) or for a person; a kept draft is offered back.
    pub(super) fn open_staff_form(&mut self, nip: Option<&str>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let staff = match nip {
                Some(n) => match self.store.get_staff(n)? {
                    Some(s) => Some(s),
                    None => return Ok(None),
                },
                None => None,
            };
            let draft = self.find_draft(&crate::screens::staff_form::draft_name(nip))?;
            Ok(Some((staff, self.store.units()?, draft)))
        })();
        let (staff, units, draft) = match loaded {
            Ok(Some(x)) => x,
            Ok(None) => return true,
            Err(e) => return self.fail(e),
        };
        let mut pairs: Vec<(String, String)> = units.into_iter().map(|u| (u.id, u.name)).collect();
        pairs.sort_by(|a, b| a.1.cmp(&b.1));
        let mut form = StaffForm::new(staff, &pairs, self.opts.today, &self.ui);
        if let Some(d) = draft {
            form.offer_draft(self.draft_time(d.time_micros), d.fields);
        }
        self.push(Screen::Form(Box::new(form)));
        true
    }

    pub(super) fn save_staff(&mut self, staff: crate::domain::Staff) -> bool {
        let actor = self.opts.actor.clone();
        match self.store.save_staff_on(&staff, self.opts.today, &actor) {
            Ok(saved) => {
                let draft = match &self.screen {
                    Screen::Form(f) => Some(
                        self.draft_key(&crate::screens::staff_form::draft_name(f.nip().as_deref())),
                    ),
                    _ => None,
                };
                if let Some(key) = draft
                    && let Err(e) = self.store.delete_draft(&key)
                {
                    return self.fail(e);
                }
                // The evaluator pick reads names from this; build it again when needed.
                self.people = None;
                let nip = saved.nip.as_str().to_string();
                // Off the form; from the welcome screen on, the list exists.
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                if matches!(self.screen, Screen::Welcome(_)) {
                    match self.full_index() {
                        Ok(index) => {
                            self.screen = Screen::List(Box::new(StaffList::new(index, false)))
                        }
                        Err(e) => return self.fail(e),
                    }
                } else if let Ok(Some(summary)) = self.store.summary(&nip)
                    && let Some(list) = self.list_mut()
                {
                    list.index_mut().upsert(summary);
                }
                if let Some(list) = self.list_mut() {
                    list.select_nip(&nip);
                }
                // Show the saved record: refresh it, or open it for a new one.
                let record = match self.record(&nip) {
                    Ok(r) => r,
                    Err(e) => return self.fail(e),
                };
                if let Some(r) = record {
                    if matches!(self.screen, Screen::Record(_)) {
                        self.screen = Screen::Record(Box::new(r));
                    } else {
                        self.push(Screen::Record(Box::new(r)));
                    }
                }
                self.status = Some((self.ui.t(T::Saved).to_string(), false));
                true
            }
            Err(e) => {
                let taken = matches!(e, StoreError::AlreadyExists { .. });
                let message = match e {
                    StoreError::AlreadyExists { .. } => self.ui.t(T::ErrExists).to_string(),
                    StoreError::Stale { .. } => self.stale_text(),
                    other => {
                        crate::ui::errors::store_error_text_at(&self.ui, &other, self.store.path())
                    }
                };
                if let Screen::Form(f) = &mut self.screen {
                    f.refused(message, taken);
                }
                true
            }
        }
    }

    pub(super) fn load_demo(&mut self) -> bool {
        if !self.store.is_empty() {
            return false;
        }
        let actor = self.opts.actor.clone();
        match crate::demo::fill(&self.store, 300, 1, self.opts.today, &actor, &|_| {}) {
            Ok(_) => match self.full_index() {
                Ok(index) => {
                    self.screen = Screen::List(Box::new(StaffList::new(index, false)));
                    self.stack.clear();
                    self.status = Some((self.ui.t(T::DemoLoaded).to_string(), false));
                    true
                }
                Err(e) => self.fail(e),
            },
            Err(e) => self.fail(e),
        }
    }

    /// Makes the person the head of their unit (replacing the head it had), or, when they
    /// are, leaves the unit without a head; `undo` puts back the head that the last change
    /// from this record replaced. Saved and audited as a change of the unit; the record is
    /// drawn again from the store (offering to undo) and the status line says what changed.
    pub(super) fn toggle_unit_head(&mut self, nip: &str, undo: bool) -> bool {
        type Change = (String, String, Option<crate::domain::Nip>);
        let changed = (|| -> Result<Option<Change>, StoreError> {
            let Some(staff) = self.store.get_staff(nip)? else {
                return Ok(None);
            };
            let Some(mut unit) = self.store.get_unit(&staff.unit_id)? else {
                return Ok(None);
            };
            let before = unit.head.clone();
            let next = match &self.head_undo {
                Some((u, previous)) if undo && *u == unit.id => previous.clone(),
                // Nothing of this unit to undo: nothing is done.
                _ if undo => return Ok(None),
                _ if unit.is_head(nip) => None,
                _ => Some(staff.nip.clone()),
            };
            // From today: the head before stays the head of the days before (issue 21).
            unit.set_head(next, self.opts.today);
            self.store.save_unit(&unit, &self.opts.actor)?;
            let name_of = |n: &Option<crate::domain::Nip>| -> Result<String, StoreError> {
                Ok(match n {
                    Some(n) => self
                        .store
                        .get_staff(n.as_str())?
                        .map_or(n.as_str().to_string(), |s| s.nama),
                    None => self.ui.t(T::NoHead).to_string(),
                })
            };
            let text = format!(
                "{} {}: {} {} {}",
                self.ui.t(T::HeadChanged),
                unit.name,
                name_of(&before)?,
                self.ui.theme.sym("→", "->"),
                name_of(&unit.head)?
            );
            Ok(Some((text, unit.id, before)))
        })();
        match changed {
            Ok(Some((text, unit, before))) => {
                let before_name = match &before {
                    Some(n) => match self.store.get_staff(n.as_str()) {
                        Ok(s) => Some(s.map_or(n.as_str().to_string(), |s| s.nama)),
                        Err(e) => return self.fail(e),
                    },
                    None => None,
                };
                self.head_undo = (!undo).then_some((unit, before));
                match self.record(nip) {
                    Ok(Some(r)) if matches!(self.screen, Screen::Record(_)) => {
                        let r = if undo {
                            r
                        } else {
                            r.with_head_undo(before_name)
                        };
                        self.screen = Screen::Record(Box::new(r))
                    }
                    Ok(_) => {}
                    Err(e) => return self.fail(e),
                }
                let hint = if undo {
                    String::new()
                } else {
                    format!(" ({})", self.ui.t(T::HeadUndoHint))
                };
                self.status = Some((format!("{text}{hint}"), false));
                true
            }
            Ok(None) => true,
            Err(e) => self.fail(e),
        }
    }

    pub(super) fn record(&self, nip: &str) -> Result<Option<StaffRecord>, StoreError> {
        let Some(staff) = self.store.get_staff(nip)? else {
            return Ok(None);
        };
        let staff_for_career = staff.clone();
        let unit_record = self.store.get_unit(&staff.unit_id)?;
        let head = unit_record.as_ref().is_some_and(|u| u.is_head(nip));
        let other_head = match unit_record.as_ref().and_then(|u| u.head.clone()) {
            Some(h) if !head => self.store.get_staff(h.as_str())?.map(|s| s.nama),
            _ => None,
        };
        let unit = unit_record.map_or(staff.unit_id.clone(), |u| u.name);
        // Only a PPPK has contracts (issue 21).
        let contracts = if staff.nip.kind().is_pppk() {
            self.store.contracts_of(nip)?
        } else {
            crate::domain::Contracts::default()
        };
        let history = self
            .store
            .history_of_person(nip)?
            .into_iter()
            .map(|entry| HistoryRow {
                when: jiff::Timestamp::from_microsecond(entry.time_micros as i64)
                    .map(|t| {
                        t.to_zoned(self.opts.tz.clone())
                            .strftime("%Y-%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default(),
                entry,
            })
            .collect();
        Ok(Some(
            StaffRecord::new(
                staff,
                unit,
                self.store.evaluations_of(nip)?,
                self.store.trainings_of(nip)?,
                history,
                self.opts.today,
            )
            .with_head(head, other_head)
            .with_potentials(&self.store.potentials_of(nip)?)
            .with_coaching(self.store.coaching_of(nip)?)
            .with_competencies(&self.store.competencies()?, &self.store.requirements()?)
            .with_skp(crate::views::skp::skp_rows(&self.store.skp_of(nip)?))
            .with_contracts(contracts)
            .with_career(crate::screens::staff_record::career_rows(
                &self
                    .store
                    .career_of(nip)?
                    .unwrap_or_else(|| crate::domain::Career::implied(&staff_for_career)),
                &self
                    .store
                    .units()?
                    .into_iter()
                    .map(|u| (u.id, u.name))
                    .collect(),
            )),
        ))
    }

    pub(super) fn people(&mut self) -> Result<People, StoreError> {
        if let Some(p) = &self.people {
            return Ok(p.clone());
        }
        // Before the whole list is read, read everyone from the store (and keep nothing).
        if self.pending_load {
            return Ok(std::sync::Arc::new(
                self.store
                    .iter_summaries()
                    .filter(|s| s.as_ref().map_or(true, |s| self.in_scope(&s.unit_id)))
                    .map(|s| s.map(candidate))
                    .collect::<Result<_, _>>()?,
            ));
        }
        let people: People = match self.list_mut() {
            Some(list) => std::sync::Arc::new(list.index_mut().people()),
            None => std::sync::Arc::new(
                self.store
                    .iter_summaries()
                    .filter(|s| s.as_ref().map_or(true, |s| self.in_scope(&s.unit_id)))
                    .map(|s| s.map(candidate))
                    .collect::<Result<_, _>>()?,
            ),
        };
        self.people = Some(people.clone());
        Ok(people)
    }
}

/// A summary as an evaluator to pick.
fn candidate(s: crate::domain::StaffSummary) -> crate::screens::evaluation_form::Candidate {
    let pppk = s.golongan.is_pppk();
    crate::screens::evaluation_form::Candidate::new(s.nip, s.name, pppk)
}
