//! The SKP's forms as one screen for the app: each is a [`FormSpec`] of its own; this
//! hands the app's calls to the one open, so the app keeps one variant for all of them.

use super::{DataForm, EkspektasiForm, EvidenceForm, LampiranForm, RhkForm, TemplateForm};
use crate::screens::{FormSpec, FormState, Outcome, Screen};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Pasted, Ui};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

pub enum SkpEditor {
    Data(DataForm),
    Rhk(RhkForm),
    Ekspektasi(EkspektasiForm),
    Lampiran(LampiranForm),
    Evidence(EvidenceForm),
    Template(TemplateForm),
}

/// Calls `$body` with `$f` bound to the form open in `$e`.
macro_rules! each {
    ($e:expr, $f:ident => $body:expr) => {
        match $e {
            SkpEditor::Data($f) => $body,
            SkpEditor::Rhk($f) => $body,
            SkpEditor::Ekspektasi($f) => $body,
            SkpEditor::Lampiran($f) => $body,
            SkpEditor::Evidence($f) => $body,
            SkpEditor::Template($f) => $body,
        }
    };
}

impl SkpEditor {
    fn screen(&self) -> &dyn Screen {
        each!(self, f => f as &dyn Screen)
    }

    fn screen_mut(&mut self) -> &mut dyn Screen {
        each!(self, f => f as &mut dyn Screen)
    }

    /// The store refused the save: shown on the form until the next key.
    pub fn set_error(&mut self, message: String) {
        each!(self, f => f.set_error(message))
    }

    /// Offers back a draft kept from an earlier session.
    pub fn offer_draft(&mut self, when: String, fields: Vec<(String, String)>) {
        each!(self, f => f.offer_draft(when, fields))
    }

    /// Whether this is the form for several people.
    pub fn is_template(&self) -> bool {
        matches!(self, SkpEditor::Template(_))
    }
}

impl Screen for SkpEditor {
    fn keys(&self) -> Vec<KeyHelp> {
        self.screen().keys()
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        self.screen_mut().handle(key, ui)
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        self.screen_mut().draw(frame, area, ui)
    }

    fn title(&self) -> T {
        self.screen().title()
    }

    fn captures_text(&self) -> bool {
        self.screen().captures_text()
    }

    fn paste(&mut self, text: &str, ui: &Ui) -> Option<Pasted> {
        self.screen_mut().paste(text, ui)
    }

    fn form(&self) -> Option<&dyn FormState> {
        self.screen().form()
    }

    fn form_mut(&mut self) -> Option<&mut dyn FormState> {
        self.screen_mut().form_mut()
    }
}
