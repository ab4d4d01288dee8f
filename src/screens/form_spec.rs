//! What every form screen shares, written once: a form file implements [`FormSpec`] (its
//! engine, its rules, its `build()` and the outcome a built record makes) and gets
//! [`Screen`] and [`FormState`] from the blanket impls here: routing a key through the
//! [`Form`] engine and turning its [`FormEvent`]s into [`Outcome`]s, paste, the keys list,
//! the dirty check, the draft (its fields and revision) and the save/delete/discard answers.

use super::{FormState, Outcome, Screen};
use crate::ui::form::{Form, FormEvent, draft_revision};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Pasted, Ui};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// A form screen: its fields live in a [`Form`]; the rest of the trait is its own rules.
/// Only the engine, `refresh`, `build`, `save_outcome` and the names are required; every
/// other hook has a default that does nothing special.
pub trait FormSpec {
    /// The domain record a save builds.
    type Record;

    fn engine(&self) -> &Form;
    fn engine_mut(&mut self) -> &mut Form;

    /// The screen's name, as the help popup's title shows it.
    fn screen_title(&self) -> T;

    /// The draft's name after the officer's prefix (`pegawai/NIP`, `evaluasi/NIP/baru`).
    fn draft_id(&self) -> String;

    /// The revision of the record as opened (a draft keeps it; a save must match it).
    fn revision(&self) -> u64;
    /// A used draft was made from this revision: saving it over a newer one is refused.
    fn set_revision(&mut self, revision: u64);

    /// Recomputes notes, suggestions and problems after a change.
    fn refresh(&mut self, ui: &Ui);

    /// The record the fields describe, or `None` while something is missing or wrong.
    fn build(&self) -> Option<Self::Record>;

    /// What saving a built record asks `app/` to do.
    fn save_outcome(&self, record: Self::Record) -> Outcome;

    /// What a confirmed delete asks `app/` to do (forms that delete nothing: redraw).
    fn delete_outcome(&self) -> Outcome {
        Outcome::Changed
    }

    /// Runs before the save's checks (e.g. a second Ctrl-S that answers a question).
    fn before_save(&mut self, _ui: &Ui) {}

    /// A key the form binds itself (before the engine sees it), while no question is asked.
    fn own_key(&mut self, _key: KeyEvent, _ui: &Ui) -> Option<Outcome> {
        None
    }

    /// The keys of [`FormSpec::own_key`], listed before save and close.
    fn own_keys(&self) -> Vec<KeyHelp> {
        Vec::new()
    }

    /// The field `id` changed its value.
    fn edited(&mut self, _id: &'static str, _ui: &Ui) -> Outcome {
        Outcome::Changed
    }

    /// The focus moved from the field `from` to another one.
    fn left(&mut self, _from: &'static str, _ui: &Ui) -> Outcome {
        Outcome::Changed
    }

    /// The suggestion of the field `id` was taken.
    fn took(&mut self, _id: &'static str, _ui: &Ui) -> Outcome {
        Outcome::Changed
    }

    /// A draft was used: its values are in the fields; here the rest of it (`fields` holds
    /// everything the draft kept, the revision aside).
    fn draft_used(&mut self, _fields: &[(String, String)], _ui: &Ui) {}

    /// What a draft keeps besides the fields and the revision.
    fn draft_extra(&self) -> Vec<(String, String)> {
        Vec::new()
    }

    /// Lines drawn above the fields (whose record this is).
    fn above(&self, _ui: &Ui, _width: usize) -> Vec<Line<'static>> {
        Vec::new()
    }

    /// Draws what the form shows beside its fields (the evaluation form's SKP) in part of
    /// `area`, and gives back the part left for the fields.
    fn beside(&mut self, _frame: &mut Frame, area: Rect, _ui: &Ui) -> Rect {
        area
    }

    // Provided: what the app calls on any form.

    /// Offers back a draft kept from an earlier session (`y` uses it, `n` drops it).
    fn offer_draft(&mut self, when: String, fields: Vec<(String, String)>) {
        let current = self.revision();
        self.engine_mut().offer_draft(when, fields, current);
    }

    /// The store refused the save: shown until the next key.
    fn set_error(&mut self, message: String) {
        self.engine_mut().error = Some(message);
    }

    /// Whether the form is asking a question (the next key answers it).
    fn asking(&self) -> bool {
        self.engine().asking()
    }

    /// Whether the form makes a new record.
    fn is_new(&self) -> bool {
        self.engine().is_new()
    }

    /// The save: checks, builds, and either the save's outcome or the refusal shown.
    fn save(&mut self, ui: &Ui) -> Outcome {
        self.before_save(ui);
        self.refresh(ui);
        let built = self.build();
        match self.engine_mut().accept(built) {
            Some(record) => self.save_outcome(record),
            None => Outcome::Changed,
        }
    }
}

impl<F: FormSpec> FormState for F {
    fn is_dirty(&self) -> bool {
        self.engine().is_dirty()
    }

    fn draft_unresolved(&self) -> bool {
        self.engine().draft_unresolved()
    }

    fn draft_name(&self) -> Option<String> {
        Some(self.draft_id())
    }

    /// The fields, what the form keeps besides them, and the revision the draft was made
    /// from: saving it later over a newer record is refused as stale instead of silently
    /// undoing that change.
    fn draft_fields(&self) -> Vec<(String, String)> {
        let mut v = self.engine().values();
        v.extend(self.draft_extra());
        v.push(("revisi".into(), self.revision().to_string()));
        v
    }

    fn changed_underneath(&mut self, notice: String) {
        self.engine_mut().underneath = Some(notice);
    }

    fn underneath(&self) -> Option<&str> {
        self.engine().underneath.as_deref()
    }
}

impl<F: FormSpec> Screen for F {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = self.engine().keys();
        if !self.asking() {
            let at = keys.len().saturating_sub(2);
            keys.splice(at..at, self.own_keys());
        }
        keys
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        if !self.asking()
            && let Some(outcome) = self.own_key(key, ui)
        {
            return outcome;
        }
        let from = self.engine().focus_id();
        let outcome = match self.engine_mut().handle(key) {
            FormEvent::Ignored => Outcome::Ignored,
            FormEvent::Changed if self.engine().focus_id() != from => self.left(from, ui),
            FormEvent::Changed => Outcome::Changed,
            FormEvent::Edited(id) => self.edited(id, ui),
            FormEvent::Took(id) => self.took(id, ui),
            FormEvent::DraftUsed(fields) => {
                self.draft_used(&fields, ui);
                if let Some(rev) = draft_revision(&fields) {
                    self.set_revision(rev);
                }
                Outcome::Changed
            }
            FormEvent::DraftDeclined => Outcome::DiscardDraft,
            FormEvent::Unchanged => Outcome::Unchanged,
            FormEvent::Close => Outcome::Back,
            FormEvent::Delete => self.delete_outcome(),
            FormEvent::Save => self.save(ui),
        };
        self.refresh(ui);
        outcome
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let area = self.beside(frame, area, ui);
        let above = self.above(ui, area.width.saturating_sub(4) as usize);
        self.engine_mut().draw(frame, area, ui, above);
    }

    /// Pasted text into the focused text field, then the form's checks run again.
    fn paste(&mut self, text: &str, ui: &Ui) -> Option<Pasted> {
        let pasted = self.engine_mut().paste(text);
        self.refresh(ui);
        pasted
    }

    fn title(&self) -> T {
        self.screen_title()
    }

    /// Digits and letters are typed into the fields, never read as tab keys.
    fn captures_text(&self) -> bool {
        true
    }

    fn form(&self) -> Option<&dyn FormState> {
        Some(self)
    }

    fn form_mut(&mut self) -> Option<&mut dyn FormState> {
        Some(self)
    }
}
