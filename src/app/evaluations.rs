//! Evaluations: the form, its drafts, quick entry.

use super::*;

impl App {
    /// Opens the evaluation form; from a form for a taken period, in its place.
    pub(super) fn open_evaluation(&mut self, nip: &str, id: Option<u32>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let staff = self.store.get_staff(nip)?;
            let evaluations = self.store.evaluations_of(nip)?;
            Ok((staff, evaluations))
        })();
        let (staff, evaluations) = match loaded {
            Ok((Some(s), e)) => (s, e),
            Ok((None, _)) => return true,
            Err(e) => return self.fail(e),
        };
        let people = match self.people() {
            Ok(p) => p,
            Err(e) => return self.fail(e),
        };
        let original = id.and_then(|id| evaluations.iter().find(|e| e.id == id).cloned());
        let taken = evaluations.iter().map(|e| (e.period, e.id)).collect();
        // The evaluator of the latest evaluation that names one: offered while empty.
        let last_evaluator = evaluations
            .iter()
            .filter(|e| e.penilai.is_some())
            .max_by_key(|e| (e.period.year, e.id))
            .and_then(|e| e.penilai.clone());
        let mut form = EvaluationForm::new(
            nip,
            &staff.display_name(),
            original,
            taken,
            self.opts.today,
            people,
            &self.ui,
        );
        form.set_last_evaluator(last_evaluator, &self.ui);
        form.set_periodic(
            evaluations
                .iter()
                .map(|e| (e.period, e.predikat()))
                .collect(),
            &self.ui,
        );
        form.set_person_nip(staff.nip.clone(), &self.ui);
        match self.store.skp_of(nip) {
            Ok(skps) => form.set_skps(skps, &self.ui),
            Err(e) => return self.fail(e),
        }
        match self.store.get_unit(&staff.unit_id) {
            Ok(unit) => form.set_head_of(unit.filter(|u| u.is_head(nip)), &self.ui),
            Err(e) => return self.fail(e),
        }
        match self.find_draft(&crate::screens::evaluation_form::draft_name(nip, id)) {
            Ok(Some(d)) => {
                let when = jiff::Timestamp::from_microsecond(d.time_micros as i64)
                    .map(|t| {
                        t.to_zoned(self.opts.tz.clone())
                            .strftime("%Y-%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default();
                form.offer_draft(when, d.fields);
            }
            Ok(None) => {}
            Err(e) => return self.fail(e),
        }
        if matches!(self.screen, Screen::Evaluation(_)) {
            form.mark_reopened(&self.ui);
            self.screen = Screen::Evaluation(Box::new(form));
            self.status = Some((self.ui.t(T::PeriodOpened).to_string(), false));
        } else {
            self.push(Screen::Evaluation(Box::new(form)));
        }
        true
    }

    /// The people of an evaluation as they are now, where it does not say yet (DOMAIN.md:
    /// "An evaluation keeps who the people were at the time"): the pegawai from their staff
    /// record (golongan, jabatan, unit name), kept once recorded; the evaluator and the
    /// atasan the same way when their NIP is staff in the database.
    pub(super) fn stamp_people(
        &self,
        nip: &str,
        e: &mut crate::domain::Evaluation,
    ) -> Result<(), StoreError> {
        if e.pegawai.is_none()
            && let Some(staff) = self.store.get_staff(nip)?
        {
            e.pegawai = Some(self.person_now(&staff)?);
        }
        for who in [&mut e.penilai, &mut e.atasan_penilai]
            .into_iter()
            .flatten()
        {
            let unknown = who.golongan.is_none() && who.jabatan.is_empty() && who.unit.is_empty();
            let staff = match &who.nip {
                Some(n) if unknown => self.store.get_staff(n.as_str())?,
                _ => None,
            };
            if let Some(staff) = staff {
                let now = self.person_now(&staff)?;
                who.golongan = now.golongan;
                who.jabatan = now.jabatan;
                who.unit = now.unit;
            }
        }
        Ok(())
    }

    /// A staff member as they are now: name, NIP, golongan, jabatan, unit name.
    fn person_now(
        &self,
        staff: &crate::domain::Staff,
    ) -> Result<crate::domain::PersonAtTime, StoreError> {
        let unit = self
            .store
            .get_unit(&staff.unit_id)?
            .map_or_else(|| staff.unit_id.clone(), |u| u.name);
        Ok(crate::domain::PersonAtTime {
            nip: Some(staff.nip.clone()),
            nama: staff.display_name(),
            golongan: Some(staff.golongan),
            jabatan: staff.jabatan.title(),
            unit,
        })
    }

    /// After a save of `year`'s annual or last periodic evaluation: the AKHIR warning when
    /// they differ (DOMAIN.md: the annual is the final periodic one), for the status line.
    fn akhir_status(&self, nip: &str, period: crate::domain::Period) -> Option<String> {
        let evaluations = self.store.evaluations_of(nip).ok()?;
        let (annual, last, last_period) =
            crate::domain::evaluation::akhir_differs(&evaluations, period.year)?;
        let about_it = period.kind == crate::domain::PeriodKind::Tahunan || period == last_period;
        about_it.then(|| {
            self.ui
                .t(T::AkhirDiffersSaved)
                .replace("{annual}", crate::ui::labels::predikat_short(annual))
                .replace(
                    "{period}",
                    &crate::ui::labels::period_text(last_period, self.ui.lang),
                )
                .replace("{last}", crate::ui::labels::predikat_short(last))
        })
    }

    pub(super) fn save_evaluation(
        &mut self,
        nip: &str,
        mut evaluation: crate::domain::Evaluation,
    ) -> bool {
        let actor = self.opts.actor.clone();
        let id = (evaluation.id != 0).then_some(evaluation.id);
        if let Err(e) = self.stamp_people(nip, &mut evaluation) {
            return self.fail(e);
        }
        match self.store.save_evaluation(nip, &evaluation, &actor) {
            Ok(_) => {
                if let Err(e) = self.store.delete_draft(
                    &self.draft_key(&crate::screens::evaluation_form::draft_name(nip, id)),
                ) {
                    return self.fail(e);
                }
                let warning = self.akhir_status(nip, evaluation.period);
                let done = self.back_to_record(nip, T::Saved);
                if let Some(w) = warning {
                    self.status = Some((w, false));
                }
                done
            }
            Err(StoreError::DuplicatePeriod { existing, .. }) => {
                self.open_evaluation(nip, Some(existing))
            }
            Err(e) => {
                let message = match e {
                    StoreError::Stale { .. } => self.stale_text(),
                    other => {
                        crate::ui::errors::store_error_text_at(&self.ui, &other, self.store.path())
                    }
                };
                if let Screen::Evaluation(f) = &mut self.screen {
                    f.set_error(message);
                }
                true
            }
        }
    }

    /// Back from the form to the refreshed record, with the list's row updated.
    pub(super) fn back_to_record(&mut self, nip: &str, done: T) -> bool {
        if let Some(s) = self.stack.pop() {
            self.screen = s;
        }
        if let Ok(Some(summary)) = self.store.summary(nip)
            && let Some(list) = self.list_mut()
        {
            list.index_mut().upsert(summary);
        }
        match self.record(nip) {
            Ok(Some(r)) if let Screen::Record(old) = &self.screen => {
                // The refreshed record stays on the section the officer was in.
                let r = r.with_section(old.section());
                self.screen = Screen::Record(Box::new(r))
            }
            Ok(_) => {}
            Err(e) => return self.fail(e),
        }
        self.status = Some((self.ui.t(done).to_string(), false));
        true
    }

    pub(super) fn draft_time(&self, micros: u64) -> String {
        jiff::Timestamp::from_microsecond(micros as i64)
            .map(|t| {
                t.to_zoned(self.opts.tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default()
    }

    pub(super) fn open_quick_entry(&mut self) -> bool {
        let rows = self
            .list_mut()
            .and_then(|l| l.index_mut().view_people(Self::QUICK_LIMIT));
        let Some(rows) = rows else {
            self.status = Some((self.ui.t(T::QuickTooMany).to_string(), true));
            return true;
        };
        let filter = self
            .list_mut()
            .map(|l| {
                let index = l.index_mut();
                ListFilter {
                    total: index.total(),
                    query: index.query().to_string(),
                    unit: index.unit_filter().map(|id| index.unit_name(id)),
                }
            })
            .unwrap_or_default();
        let people = match self.people() {
            Ok(p) => p,
            Err(e) => return self.fail(e),
        };
        let listed = rows
            .into_iter()
            .map(|(nip, name, unit, pppk)| QuickPerson {
                nip,
                name,
                unit,
                pppk,
                evaluated: false,
            })
            .collect();
        let mut quick = QuickEntry::new(listed, people, self.opts.today, &self.ui);
        quick.filtered(filter);
        if let Some(setup) = &self.quick_setup {
            quick.remember(setup, &self.ui);
        }
        self.push(Screen::Quick(Box::new(quick)));
        true
    }

    pub(super) fn start_quick_entry(&mut self) -> bool {
        let Screen::Quick(q) = &self.screen else {
            return false;
        };
        let Some(period) = q.period() else {
            return false;
        };
        self.quick_setup = Some(q.setup_values());
        // Skipped: who has an evaluation for the period already, and who was appointed
        // after it (DOMAIN.md: such an evaluation is impossible).
        let mut evaluated = Vec::new();
        for nip in q.nips() {
            let done = (|| -> Result<bool, StoreError> {
                let taken = self
                    .store
                    .evaluation_group(&nip)?
                    .items
                    .iter()
                    .any(|e| e.period == period);
                let too_early = self
                    .store
                    .get_staff(&nip)?
                    .is_some_and(|s| period.before_appointment(&s.nip));
                Ok(taken || too_early)
            })();
            match done {
                Ok(b) => evaluated.push(b),
                Err(e) => return self.fail(e),
            }
        }
        // Who has an SKP for the period: the others are rated all the same, with a note.
        let mut plans = Vec::new();
        for nip in q.nips() {
            match self.store.skp_of(&nip) {
                Ok(skps) => plans.push(crate::domain::skp::skp_for(&skps, period).is_some()),
                Err(e) => return self.fail(e),
            }
        }
        if let Screen::Quick(q) = &mut self.screen {
            q.set_plans(&plans);
            q.start(&evaluated);
        }
        true
    }

    pub(super) fn quick_save(
        &mut self,
        nip: &str,
        mut evaluation: crate::domain::Evaluation,
    ) -> bool {
        let actor = self.opts.actor.clone();
        if let Err(e) = self.stamp_people(nip, &mut evaluation) {
            return self.fail(e);
        }
        let result = self.store.save_evaluation(nip, &evaluation, &actor);
        if let Ok(Some(summary)) = self.store.summary(nip)
            && let Some(list) = self.list_mut()
        {
            list.index_mut().upsert(summary);
        }
        if let Screen::Quick(q) = &mut self.screen {
            match result {
                Ok(_) => q.saved(),
                // Someone evaluated them meanwhile: say so, keep theirs, go on.
                Err(StoreError::DuplicatePeriod { .. }) => {
                    q.skip_taken();
                    q.error = Some(self.ui.t(T::PeriodTakenSkipped).to_string());
                }
                Err(e) => {
                    q.error = Some(crate::ui::errors::store_error_text_at(
                        &self.ui,
                        &e,
                        self.store.path(),
                    ))
                }
            }
        }
        true
    }
}
