//! Trainings: the form (one person or a group), its drafts, the Pelatihan tab.

use super::*;
use crate::views::competency_gaps::Suggestion;

impl App {
    /// Pelatihan: one pass over the summaries and one over the trainings, when the tab
    /// opens; nothing is scanned per keystroke.
    pub(super) fn open_training_tab(&mut self, year: i16, unit: Option<String>) -> bool {
        match self.training_data(year, unit) {
            Ok(data) => {
                self.push(Screen::TrainingTab(Box::new(TrainingOverview::new(data))));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// What the Pelatihan tab shows for a year.
    pub fn training_data(
        &self,
        year: i16,
        unit: Option<String>,
    ) -> Result<TrainingData, StoreError> {
        use std::collections::BTreeMap;
        let today = self.opts.today;
        let targets = self.opts.jp;
        let names = unit_names(&self.store)?;
        // Each person's own target (per employment kind): this year, the part due by
        // today; a past year, the whole year's.
        let target_of = |pppk: bool| {
            if year == today.year() {
                targets.pro_rata(pppk, today)
            } else {
                targets.of(pppk)
            }
        };
        let mut d = TrainingData {
            year,
            ..Default::default()
        };
        let mut units: BTreeMap<String, UnitJp> = BTreeMap::new();
        // Competency gaps come from the summaries (what each person holds), the catalogue
        // and the requirements: no training is read. What a position requires is matched
        // once per position.
        let competencies = crate::views::competency_view::CompetencyData {
            catalogue: self.store.competencies()?,
            requirements: self.store.requirements()?,
        };
        // What each position requires (positions in the catalogue), matched once per
        // position: a pass over tens of thousands of people needing coaching would match
        // every requirement against each of them otherwise.
        let mut requires: HashMap<(String, crate::domain::JenisJabatan), Vec<usize>> =
            HashMap::new();
        // Everyone ever coached (a pass over the coaching tree only), for the statuses.
        let coached = super::coaching::coaching_by_person(&self.store)?;
        let mut visit = |s: crate::domain::StaffSummary| {
            if !s.aktif
                || unit.as_ref().is_some_and(|u| *u != s.unit_id)
                || !self.in_scope(&s.unit_id)
            {
                return;
            }
            let jp = s.jp_in(year);
            let unit_name = names
                .get(&s.unit_id)
                .cloned()
                .unwrap_or_else(|| s.unit_id.clone());
            let u = units.entry(unit_name.clone()).or_insert_with(|| UnitJp {
                name: unit_name.clone(),
                ..Default::default()
            });
            u.staff += 1;
            d.staff += 1;
            let pppk = s.golongan.is_pppk();
            let target = target_of(pppk);
            if targets.reached(pppk, jp) {
                u.reached += 1;
                d.reached += 1;
            }
            d.spread[match jp {
                0 => 0,
                1..=9 => 1,
                10..=19 => 2,
                _ => 3,
            }] += 1;
            let mut reasons = Vec::new();
            if let Some((_, p)) = s.last
                && p.needs_coaching()
            {
                reasons.push(Reason::Predikat(p));
            }
            if jp < target {
                reasons.push(Reason::BelowJp {
                    jp,
                    target,
                    year_target: targets.of(pppk),
                });
            }
            if !reasons.is_empty() {
                let mut suggested = Suggestion::None;
                if let Some(jenis) = s.jenis {
                    let required = requires
                        .entry((s.jabatan.to_lowercase(), jenis))
                        .or_insert_with(|| {
                            competencies.required_by(&crate::domain::Jabatan {
                                nama: s.jabatan.clone(),
                                jenis,
                            })
                        });
                    if !required.is_empty() {
                        let required: Vec<&crate::domain::Competency> = required
                            .iter()
                            .map(|i| &competencies.catalogue[*i])
                            .collect();
                        let gaps = crate::views::competency_gaps::gaps_among(
                            &required,
                            |id| s.held_until(id),
                            today,
                        );
                        suggested = Suggestion::from(&gaps, None);
                    }
                }
                d.coaching.push(Coaching {
                    nip: s.nip.clone(),
                    name: s.name.clone(),
                    unit: unit_name,
                    reasons,
                    suggested,
                    flagged_since: super::coaching::flagged_since(s.last),
                    status: super::coaching::status_of(&coached, &s.nip, s.last, today),
                });
            }
        };
        // From the staff rows in memory once the list is loaded (each row keeps what its
        // summary holds): no summary is read from the store.
        match self.list_ref().filter(|_| !self.pending_load) {
            Some(list) => list.index().for_each_summary(&mut visit),
            None => {
                for s in self.store.iter_summaries() {
                    visit(s?);
                }
            }
        }
        // Predikat reasons first, then the furthest below the target.
        d.coaching.sort_by_key(|c| {
            let predikat = c.reasons.iter().any(|r| matches!(r, Reason::Predikat(_)));
            let jp = c
                .reasons
                .iter()
                .find_map(|r| match r {
                    Reason::BelowJp { jp, .. } => Some(*jp),
                    _ => None,
                })
                .unwrap_or(u32::MAX);
            (!predikat, jp)
        });
        // Without competency gaps: the training kinds the last evaluation's notes name,
        // for the people at the top of the list (reading everyone's notes would cost a
        // pass over the evaluations).
        for c in d.coaching.iter_mut().take(SUGGESTED_FOR) {
            if !matches!(c.reasons.first(), Some(Reason::Predikat(_))) || !c.suggested.is_empty() {
                continue;
            }
            let mut evaluations = self.store.evaluations_of(&c.nip)?;
            evaluations.sort_by_key(|e| e.period.sort_key());
            if let Some(e) = evaluations.last() {
                c.suggested = Suggestion::from(&[], Some(&e.catatan));
            }
        }
        d.units = units.into_values().collect();
        (d.held, d.partners) = self.training_stats(year)?;
        d.stats_loaded = true;
        let mut all_units: Vec<(String, String)> = names
            .into_iter()
            .filter(|(id, _)| self.in_scope(id))
            .collect();
        all_units.sort_by(|a, b| a.1.cmp(&b.1));
        d.all_units = all_units;
        d.unit = unit;
        Ok(d)
    }

    /// [`App::training_stats`] with the people each partner could close a gap of (a pass
    /// over every person's gaps: read when Pelatihan's Partners section is first opened).
    pub fn training_stats_with_gaps(
        &self,
        year: i16,
    ) -> Result<(Vec<Held>, Vec<PartnerJp>), StoreError> {
        let (held, mut partners) = self.training_stats(year)?;
        let known = self.store.partners()?;
        let data = crate::views::competency_view::CompetencyData {
            catalogue: self.store.competencies()?,
            requirements: self.store.requirements()?,
        };
        let with: Vec<&crate::domain::Partner> = known
            .iter()
            .filter(|p| !p.competencies.is_empty())
            .collect();
        let sets: Vec<Vec<usize>> = with
            .iter()
            .map(|p| {
                p.competencies
                    .iter()
                    .filter_map(|id| data.catalogue.iter().position(|c| c.id == *id))
                    .collect()
            })
            .collect();
        // From the staff rows in memory, limited to the officer's units: each person's
        // competencies are kept there, so no training is read (issue 13, "gaps kept up to
        // date on save"). Before the list is loaded, from rows read for this count.
        let built;
        let index = match self.list_ref().filter(|_| !self.pending_load) {
            Some(list) => list.index(),
            None => {
                built = scoped(
                    StaffIndex::build(
                        self.store.iter_summaries(),
                        HashMap::new(),
                        self.opts.today.year(),
                    )?,
                    &self.opts,
                );
                &built
            }
        };
        let counts =
            crate::views::competency_view::closable_by(index, None, &data, &sets, self.opts.today);
        let gaps: HashMap<String, usize> = with.iter().map(|p| p.id.clone()).zip(counts).collect();
        for p in &mut partners {
            p.gaps = gaps.get(&crate::domain::unit_id(&p.name)).copied();
        }
        Ok((held, partners))
    }

    /// The trainings held and the partners of a year, from the counts the store keeps.
    pub fn training_stats(&self, year: i16) -> Result<(Vec<Held>, Vec<PartnerJp>), StoreError> {
        let (held, partners) = self.store.training_stats(year)?;
        let mut held: Vec<Held> = held
            .into_iter()
            .map(|h| Held {
                title: h.judul,
                organiser: h.penyelenggara,
                dates: crate::domain::format_date(h.mulai),
                participants: h.participants,
                // One participation's JP: the average, should participants differ.
                jp: (h.jp_total / u64::from(h.participants.max(1))) as u32,
            })
            .collect();
        held.sort_by_key(|h| std::cmp::Reverse(h.participants));
        let mut partners: Vec<PartnerJp> = partners
            .into_iter()
            .map(|p| PartnerJp {
                gaps: None,
                name: p.name,
                kind: p.kind,
                participants: p.participants,
                jp: p.jp,
            })
            .collect();
        partners.sort_by_key(|p| std::cmp::Reverse(p.jp));
        Ok((held, partners))
    }

    pub(super) fn open_training(&mut self, nips: Vec<String>, id: Option<u32>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let mut names = Vec::with_capacity(nips.len());
            let mut people = Vec::with_capacity(nips.len());
            for n in &nips {
                if let Some(s) = self.store.get_staff(n)? {
                    names.push(s.display_name());
                    people.push(s.nip);
                }
            }
            let first = (names.len() == nips.len() && !names.is_empty()).then_some(names);
            let original = match (nips.first(), id) {
                (Some(n), Some(id)) => self.store.trainings_of(n)?.into_iter().find(|t| t.id == id),
                _ => None,
            };
            let catalogue: Vec<(String, String)> = self
                .store
                .competencies()?
                .into_iter()
                .map(|c| (c.id, c.name))
                .collect();
            Ok((first, people, original, self.store.partners()?, catalogue))
        })();
        match loaded {
            Ok((Some(names), people, original, partners, catalogue)) => {
                let key = self.training_draft_key(&nips, id);
                let mut form =
                    TrainingForm::new(nips, names, original, partners, self.opts.today, &self.ui)
                        .with_people(people, &self.ui)
                        .with_competencies(catalogue, &self.ui);
                match self.store.draft(&key) {
                    Ok(Some(d)) => form.offer_draft(self.draft_time(d.time_micros), d.fields),
                    Ok(None) => {}
                    Err(e) => return self.fail(e),
                }
                self.push(Screen::Training(Box::new(form)));
                true
            }
            Ok(_) => true,
            Err(e) => self.fail(e),
        }
    }

    /// Saves the training for each person of the form: one record each.
    pub(super) fn save_training(
        &mut self,
        nips: &[String],
        training: crate::domain::Training,
    ) -> bool {
        let actor = self.opts.actor.clone();
        let id = (training.id != 0).then_some(training.id);
        // The draft is the form's, keyed by who it was opened for (a partial save earlier
        // may have left fewer people in `nips`).
        let draft = match &self.screen {
            Screen::Training(f) => self.training_draft_key(f.draft_nips(), f.id()),
            _ => self.training_draft_key(nips, id),
        };
        for (done, nip) in nips.iter().enumerate() {
            if let Err(e) = self.store.save_training(nip, &training, &actor) {
                let mut message = match e {
                    StoreError::Stale { .. } => self.ui.t(T::StaleSave).to_string(),
                    other => crate::ui::errors::store_error_text(&self.ui, &other),
                };
                if done > 0 {
                    message = format!("{message} ({} {done})", self.ui.t(T::AlreadySavedFor));
                }
                if let Screen::Training(f) = &mut self.screen {
                    // Those already saved leave the form, so saving again adds no duplicate.
                    f.keep_only(done);
                    f.set_error(message);
                }
                return true;
            }
            if let Ok(Some(summary)) = self.store.summary(nip)
                && let Some(list) = self.list_mut()
            {
                list.index_mut().upsert(summary);
            }
        }
        if let Err(e) = self.store.delete_draft(&draft) {
            return self.fail(e);
        }
        let done = match nips {
            [one] => self.back_to_record(one, T::Saved),
            _ => {
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                self.status = Some((format!("{} ({})", self.ui.t(T::Saved), nips.len()), false));
                true
            }
        };
        // Back on the Kompetensi view: its gaps are counted again from the rows just
        // updated, so the people the training closed a gap for leave the list.
        if let Screen::Competency(c) = &self.screen {
            let query = c.query().clone();
            let status = self.status.take();
            self.open_competencies(query);
            self.status = status;
        }
        done
    }

    /// A training form's draft: per person, or for a group by its size and a checksum of
    /// everyone in it (two groups never share a draft).
    pub(super) fn training_draft_key(&self, nips: &[String], id: Option<u32>) -> String {
        // A group is named by everyone in it, so two groups never share a draft.
        let who = match nips {
            [one] => one.clone(),
            _ => {
                let mut sorted = nips.to_vec();
                sorted.sort();
                format!(
                    "grup-{}-{:08x}",
                    nips.len(),
                    crc32fast::hash(sorted.join(",").as_bytes())
                )
            }
        };
        let which = id.map_or("baru".to_string(), |i| i.to_string());
        format!("{}/pelatihan/{who}/{which}", self.opts.actor)
    }
}
