//! SKP planning (issue 19): the SKP screen, its forms and their drafts, saving an SKP at
//! the revision it was opened at, and the template that makes one SKP per marked person
//! (or per staff member of a unit head, cascading the head's RHK).

use super::*;
use crate::domain::{Skp, Staff};
use crate::screens::skp::labels::skp_error_text;
use crate::screens::skp::{
    DataForm, EkspektasiForm, EvidenceForm, LampiranForm, RhkForm, SkpEdit, SkpEditor, SkpScreen,
    TemplateForm, TemplatePerson,
};
use crate::views::skp::{PlanPeople, Superior, plan_people, superior_plan};

/// Why the template made no SKP for someone.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NotMade {
    Skipped,
    Refused(String),
}

impl App {
    /// The SKP screen of `nip`'s SKP `id`; `None` when either is gone.
    pub(super) fn skp_screen(&self, nip: &str, id: u32) -> Result<Option<SkpScreen>, StoreError> {
        let Some(staff) = self.store.get_staff(nip)? else {
            return Ok(None);
        };
        let Some(skp) = self.store.skp_of(nip)?.into_iter().find(|s| s.id == id) else {
            return Ok(None);
        };
        let head = self
            .store
            .get_unit(&staff.unit_id)?
            .is_some_and(|u| u.is_head(nip));
        Ok(Some(SkpScreen::new(nip, &staff.display_name(), skp, head)))
    }

    pub(super) fn open_skp(&mut self, nip: &str, id: u32) -> bool {
        match self.skp_screen(nip, id) {
            Ok(Some(s)) => {
                self.push(Screen::Skp(Box::new(s)));
                true
            }
            Ok(None) => true,
            Err(e) => self.fail(e),
        }
    }

    /// Opens a form of `nip`'s SKP, offering back a draft kept for it.
    pub(super) fn edit_skp(&mut self, nip: &str, edit: SkpEdit) -> bool {
        let ui = self.ui;
        let today = self.opts.today;
        let opened = (|| -> Result<Option<SkpEditor>, StoreError> {
            let Some(staff) = self.store.get_staff(nip)? else {
                return Ok(None);
            };
            let name = staff.display_name();
            let skps = self.store.skp_of(nip)?;
            let find = |id: u32| skps.iter().find(|s| s.id == id).cloned();
            let people = || -> Result<PlanPeople, StoreError> {
                Ok(plan_people(&self.store, nip)?.unwrap_or_default())
            };
            let taken = || skps.iter().map(|s| (s.id, s.mulai, s.selesai)).collect();
            Ok(match edit {
                SkpEdit::New => Some(SkpEditor::Data(DataForm::new(
                    nip,
                    None,
                    &people()?,
                    taken(),
                    today,
                    &ui,
                ))),
                SkpEdit::Data(id) => find(id).map(|s| {
                    SkpEditor::Data(DataForm::new(
                        nip,
                        Some(s),
                        &PlanPeople::default(),
                        taken(),
                        today,
                        &ui,
                    ))
                }),
                SkpEdit::Rhk(id, rhk) => {
                    let Some(s) = find(id) else { return Ok(None) };
                    let at = rhk.and_then(|r| s.rhk.iter().position(|x| x.id == r));
                    if rhk.is_some() && at.is_none() {
                        // Deleted meanwhile in another session.
                        return Ok(None);
                    }
                    let superior = superior_plan(&self.store, nip, s.mulai)?;
                    let head = people()?.head;
                    Some(SkpEditor::Rhk(RhkForm::new(
                        nip, &name, s, at, superior, head, &ui,
                    )))
                }
                SkpEdit::Ekspektasi(id) => {
                    find(id).map(|s| SkpEditor::Ekspektasi(EkspektasiForm::new(nip, &name, s, &ui)))
                }
                SkpEdit::Lampiran(id) => {
                    find(id).map(|s| SkpEditor::Lampiran(LampiranForm::new(nip, &name, s, &ui)))
                }
                SkpEdit::Note(at) => find(at.skp)
                    .and_then(|s| EvidenceForm::new(nip, &name, s, at, today, &ui))
                    .map(SkpEditor::Evidence),
            })
        })();
        match opened {
            Ok(Some(editor)) => self.push_skp_editor(editor),
            Ok(None) => true,
            Err(e) => self.fail(e),
        }
    }

    /// Shows an SKP form, with the draft kept for it offered back.
    fn push_skp_editor(&mut self, mut editor: SkpEditor) -> bool {
        if let Some(name) = editor.form().and_then(|f| f.draft_name()) {
            match self.find_draft(&name) {
                Ok(Some(d)) => editor.offer_draft(self.draft_time(d.time_micros), d.fields),
                Ok(None) => {}
                Err(e) => return self.fail(e),
            }
        }
        self.push(Screen::SkpEdit(Box::new(editor)));
        true
    }

    /// Removes the draft of the form open now (after its save or delete).
    fn drop_open_draft(&mut self) -> Result<(), StoreError> {
        match self.current().form().and_then(|f| f.draft_name()) {
            Some(name) => self.store.delete_draft(&self.draft_key(&name)),
            None => Ok(()),
        }
    }

    /// A refused save, shown on the form.
    fn skp_refused(&mut self, e: StoreError) -> bool {
        let message = match e {
            StoreError::Stale { .. } => self.stale_text(),
            other => crate::ui::errors::store_error_text_at(&self.ui, &other, self.store.path()),
        };
        if let Screen::SkpEdit(f) = &mut self.screen {
            f.set_error(message);
        }
        true
    }

    /// Saves an SKP from one of its forms: back to the SKP screen read again, or (a new
    /// SKP, from the record) to the record and on to the new SKP's screen.
    pub(super) fn save_skp(&mut self, nip: &str, skp: Skp) -> bool {
        let actor = self.opts.actor.clone();
        let new_rhk = skp.rhk.iter().any(|r| r.id == 0);
        // The store checks the same rules; here they are said in the interface language.
        if let Err(e) = skp.clone().cleaned().validate(nip) {
            let text = skp_error_text(&self.ui, &e);
            if let Screen::SkpEdit(f) = &mut self.screen {
                f.set_error(text);
            }
            return true;
        }
        let saved = match self.store.save_skp(nip, &skp, &actor) {
            Ok(s) => s,
            Err(e) => return self.skp_refused(e),
        };
        if let Err(e) = self.drop_open_draft() {
            return self.fail(e);
        }
        if let Some(s) = self.stack.pop() {
            self.screen = s;
        }
        if let Err(e) = self.refresh_record(nip) {
            return self.fail(e);
        }
        match &self.screen {
            Screen::Skp(before) if before.nip == nip && before.skp().id == saved.id => {
                match self.skp_screen(nip, saved.id) {
                    Ok(Some(s)) => {
                        let mut s = s.follow(before);
                        if new_rhk && let Some(r) = saved.rhk.last() {
                            s.select_rhk(r.id);
                        }
                        self.screen = Screen::Skp(Box::new(s));
                    }
                    Ok(None) => {}
                    Err(e) => return self.fail(e),
                }
            }
            Screen::Record(_) if skp.id == 0 => {
                self.open_skp(nip, saved.id);
            }
            _ => {}
        }
        self.status = Some((self.ui.t(T::Saved).to_string(), false));
        true
    }

    /// The person's record, on screen or under it, read again on the section it was on.
    fn refresh_record(&mut self, nip: &str) -> Result<(), StoreError> {
        let mut fresh = self.record(nip)?;
        for s in std::iter::once(&mut self.screen).chain(self.stack.iter_mut()) {
            if let Screen::Record(old) = s
                && old.staff.nip.as_str() == nip
                && let Some(r) = fresh.take()
            {
                *s = Screen::Record(Box::new(r.with_section(old.section())));
            }
        }
        Ok(())
    }

    pub(super) fn delete_skp(&mut self, nip: &str, id: u32, revision: u64) -> bool {
        let actor = self.opts.actor.clone();
        if let Err(e) = self.store.delete_skp(nip, id, revision, &actor) {
            return self.skp_refused(e);
        }
        if let Err(e) = self.drop_open_draft() {
            return self.fail(e);
        }
        // Off the form, and off the deleted SKP's screen under it.
        while !matches!(self.screen, Screen::Record(_) | Screen::List(_)) {
            match self.stack.pop() {
                Some(s) => self.screen = s,
                None => break,
            }
        }
        if let Err(e) = self.refresh_record(nip) {
            return self.fail(e);
        }
        self.status = Some((self.ui.t(T::Deleted).to_string(), false));
        true
    }

    /// The people of a template: each with their SKP spans (missing records left out).
    fn template_people(
        &self,
        nips: &[String],
    ) -> Result<(Vec<TemplatePerson>, Vec<Staff>), StoreError> {
        let mut people = Vec::new();
        let mut staff = Vec::new();
        for nip in nips {
            let Some(s) = self.store.get_staff(nip)? else {
                continue;
            };
            people.push(TemplatePerson {
                nip: nip.clone(),
                name: s.display_name(),
                spans: self
                    .store
                    .skp_of(nip)?
                    .iter()
                    .map(|x| (x.mulai, x.selesai))
                    .collect(),
            });
            staff.push(s);
        }
        Ok((people, staff))
    }

    /// "SKP for N people" for the marked people (or the one selected).
    pub(super) fn open_skp_template(&mut self, nips: &[String]) -> bool {
        let year = self.opts.today.year();
        let span = (
            Date::new(year, 1, 1).unwrap_or(self.opts.today),
            Date::new(year, 12, 31).unwrap_or(self.opts.today),
        );
        let opened = (|| -> Result<Option<TemplateForm>, StoreError> {
            let (people, staff) = self.template_people(nips)?;
            if people.is_empty() {
                return Ok(None);
            }
            // One unit: its head's plan is what their RHK support.
            let one_unit = staff.iter().all(|s| s.unit_id == staff[0].unit_id);
            let head = self.store.get_unit(&staff[0].unit_id)?.and_then(|u| u.head);
            let member = staff
                .iter()
                .find(|s| one_unit && head.as_ref() != Some(&s.nip));
            let superior = match member {
                Some(s) => superior_plan(&self.store, s.nip.as_str(), span.0)?,
                None => None,
            };
            Ok(Some(TemplateForm::new(
                people,
                superior,
                false,
                span,
                self.opts.today,
                &self.ui,
            )))
        })();
        match opened {
            Ok(Some(f)) => self.push_skp_editor(SkpEditor::Template(f)),
            Ok(None) => true,
            Err(e) => self.fail(e),
        }
    }

    /// The template for the active staff of the unit `nip` heads, filled from their SKP
    /// `id`: each of its RHK the intervensi of a staff RHK.
    pub(super) fn open_skp_cascade(&mut self, nip: &str, id: u32) -> bool {
        let opened = (|| -> Result<Option<TemplateForm>, StoreError> {
            let Some(head) = self.store.get_staff(nip)? else {
                return Ok(None);
            };
            let Some(skp) = self.store.skp_of(nip)?.into_iter().find(|s| s.id == id) else {
                return Ok(None);
            };
            let mut nips = Vec::new();
            for n in self.store.nips_of_unit(&head.unit_id)? {
                if n != nip
                    && self.in_scope(&head.unit_id)
                    && self.store.get_staff(&n)?.is_some_and(|s| s.aktif)
                {
                    nips.push(n);
                }
            }
            let (people, _) = self.template_people(&nips)?;
            if people.is_empty() {
                return Ok(None);
            }
            let superior = Superior {
                nip: nip.to_string(),
                nama: head.display_name(),
                skp_id: skp.id,
                rhk: skp
                    .rhk
                    .iter()
                    .map(|r| (r.id, r.teks.clone(), r.jenis))
                    .collect(),
            };
            Ok(Some(TemplateForm::new(
                people,
                Some(superior),
                true,
                (skp.mulai, skp.selesai),
                self.opts.today,
                &self.ui,
            )))
        })();
        match opened {
            Ok(Some(f)) => self.push_skp_editor(SkpEditor::Template(f)),
            Ok(None) => {
                self.status = Some((self.ui.t(T::SkpNoStaffBelow).to_string(), true));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// One person's SKP from the template: their own people, skipped when an SKP of theirs
    /// overlaps the span.
    fn skp_from_template(
        &self,
        nip: &str,
        template: &Skp,
    ) -> Result<Result<Skp, NotMade>, StoreError> {
        let Some(people) = plan_people(&self.store, nip)? else {
            return Ok(Err(NotMade::Skipped));
        };
        let overlaps = self
            .store
            .skp_of(nip)?
            .iter()
            .any(|s| s.mulai <= template.selesai && template.mulai <= s.selesai);
        if overlaps {
            return Ok(Err(NotMade::Skipped));
        }
        // A head's RHK would support their own plan: a cascade is for their staff.
        let own_plan = template.rhk.iter().any(|r| {
            matches!(&r.intervensi, crate::domain::Intervensi::Atasan { link: Some(l), .. } if l.0 == nip)
        });
        if own_plan {
            return Ok(Err(NotMade::Refused(
                self.ui.t(T::SkpRefusedHead).to_string(),
            )));
        }
        let penilai = if template.penilai.nama.is_empty() {
            people.penilai
        } else {
            Some(template.penilai.clone())
        };
        let Some(penilai) = penilai else {
            return Ok(Err(NotMade::Refused(
                self.ui.t(T::SkpRefusedNoEvaluator).to_string(),
            )));
        };
        let mut skp = template.clone();
        skp.pegawai = people.pegawai;
        skp.penilai = penilai;
        skp.atasan = people.atasan;
        Ok(Ok(skp))
    }

    /// Asks for the template's save after the next frame, which says `menyimpan N SKP…`:
    /// a unit's SKPs take a moment, and the screen says so before it is busy.
    pub(super) fn defer_skp_group(&mut self, nips: Vec<String>, template: Box<Skp>) -> bool {
        let text = self
            .ui
            .t(T::SkpSaving)
            .replace("{n}", &nips.len().to_string());
        self.status = Some((format!("{text}{}", self.ui.theme.sym("…", "...")), false));
        self.deferred = Some(Deferred::SkpGroup(nips, template));
        true
    }

    /// Saves the template as each person's own SKP and says how many were made, skipped
    /// and refused (and why). The marks on the list stay, as after a group training.
    pub(super) fn save_skp_group(&mut self, nips: &[String], template: &Skp) -> bool {
        let actor = self.opts.actor.clone();
        let (mut made, mut skipped) = (0usize, 0usize);
        let mut refused: Vec<String> = Vec::new();
        for nip in nips {
            let skp = match self.skp_from_template(nip, template) {
                Ok(Ok(s)) => s,
                Ok(Err(NotMade::Skipped)) => {
                    skipped += 1;
                    continue;
                }
                Ok(Err(NotMade::Refused(why))) => {
                    refused.push(why);
                    continue;
                }
                Err(e) => return self.fail(e),
            };
            if let Err(e) = skp.clone().cleaned().validate(nip) {
                refused.push(skp_error_text(&self.ui, &e));
                continue;
            }
            match self.store.save_skp(nip, &skp, &actor) {
                Ok(_) => made += 1,
                Err(StoreError::Invalid(why)) => refused.push(why),
                Err(e) => return self.fail(e),
            }
        }
        if let Err(e) = self.drop_open_draft() {
            return self.fail(e);
        }
        if let Some(s) = self.stack.pop() {
            self.screen = s;
        }
        let mut text = format!("{made} {}", self.ui.t(T::SkpMade));
        if skipped > 0 {
            text.push_str(&format!("; {skipped} {}", self.ui.t(T::SkpSkipped)));
        }
        if !refused.is_empty() {
            let mut why = refused.clone();
            why.sort();
            why.dedup();
            text.push_str(&format!(
                "; {} {}: {}",
                refused.len(),
                self.ui.t(T::SkpRefused),
                why.join(", ")
            ));
        }
        self.status = Some((text, made == 0));
        true
    }
}

impl App {
    /// The SKP open on screen (tests).
    pub fn skp_shown(&self) -> Option<&Skp> {
        match &self.screen {
            Screen::Skp(s) => Some(s.skp()),
            _ => None,
        }
    }
}
