//! Form fields: a one-line text input (tui-input underneath) and a choice with type-ahead.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::backend::crossterm::to_input_request;
use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthStr;

/// A one-line text field: editing comes from tui-input (Backspace, Ctrl-H, Delete, Ctrl-U,
/// Ctrl-W, Ctrl-K, Home/Ctrl-A, End/Ctrl-E, word moves), wide characters move and delete as
/// one. Control characters are never inserted. An optional limit in characters refuses more
/// and says so through [`TextInput::refused`].
#[derive(Debug, Clone, Default)]
pub struct TextInput {
    input: Input,
    max: Option<usize>,
    refused: bool,
}

impl PartialEq for TextInput {
    fn eq(&self, other: &TextInput) -> bool {
        self.value() == other.value() && self.cursor() == other.cursor()
    }
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            input: Input::new(value.to_string()),
            max: None,
            refused: false,
        }
    }

    /// At most `max` characters.
    pub fn with_max(mut self, max: usize) -> TextInput {
        self.max = Some(max);
        self
    }

    pub fn max(&self) -> Option<usize> {
        self.max
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// Whether the last key or paste was refused because the field is full.
    pub fn refused(&self) -> bool {
        self.refused
    }

    fn room(&self) -> usize {
        self.max.map_or(usize::MAX, |m| {
            m.saturating_sub(self.value().chars().count())
        })
    }

    /// Inserts a character at the cursor, unless the field is full. Control and format
    /// characters (escape sequences, bidi controls) are never inserted: nothing typed or
    /// pasted can reach the terminal as a command.
    pub fn insert(&mut self, c: char) -> bool {
        // Shown as it will be stored: a line separator is a space, an escape nothing.
        let Some(c) = crate::domain::text::typed(c) else {
            return true;
        };
        if self.room() == 0 {
            self.refused = true;
            return false;
        }
        self.input.handle(InputRequest::InsertChar(c));
        true
    }

    /// Inserts pasted text (already flattened to one line) at the cursor, up to the limit;
    /// returns whether all of it went in.
    pub fn paste(&mut self, text: &str) -> bool {
        self.refused = false;
        for c in text.chars().filter_map(crate::domain::text::typed) {
            if !self.insert(c) {
                return false;
            }
        }
        true
    }

    /// Edits on a key; returns whether the key was used.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        self.refused = false;
        let Some(req) = to_input_request(&Event::Key(*key)) else {
            return false;
        };
        match req {
            InputRequest::InsertChar(c) if c.is_control() => return false,
            InputRequest::InsertChar(c)
                if key.modifiers.contains(KeyModifiers::CONTROL)
                    || key.modifiers.contains(KeyModifiers::ALT) =>
            {
                let _ = c;
                return false;
            }
            InputRequest::InsertChar(c) => {
                self.insert(c);
                return true;
            }
            _ => {}
        }
        self.input.handle(req);
        true
    }

    /// What to show in `width` columns: the visible part of the text (scrolled so the
    /// cursor stays on it) and the cursor's column within it.
    pub fn view(&self, width: usize) -> (String, usize) {
        let width = width.max(1);
        // One column is kept for the cursor after the last character.
        let scroll = self.input.visual_scroll(width.saturating_sub(1));
        let mut skipped = 0usize;
        let mut shown = String::new();
        let mut used = 0usize;
        for c in self.value().chars() {
            let w = UnicodeWidthStr::width(c.encode_utf8(&mut [0u8; 4]) as &str);
            if skipped < scroll {
                skipped += w;
                continue;
            }
            if used + w > width {
                break;
            }
            used += w;
            shown.push(c);
        }
        let col = self.input.visual_cursor().saturating_sub(skipped);
        (shown, col.min(width.saturating_sub(1)))
    }
}

/// A choice among fixed options. Typing narrows to the first option containing the typed
/// text; Left/Right step through all options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    options: Vec<String>,
    selected: Option<usize>,
    typed: String,
    /// The selection before typing began: erasing what was typed brings it back.
    before_typing: Option<Option<usize>>,
}

impl Choice {
    pub fn new(options: Vec<String>, selected: Option<usize>) -> Choice {
        Choice {
            options,
            selected,
            typed: String::new(),
            before_typing: None,
        }
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn select(&mut self, i: Option<usize>) {
        self.selected = i.filter(|i| *i < self.options.len());
        self.typed.clear();
        self.before_typing = None;
    }

    pub fn value(&self) -> Option<&str> {
        self.selected
            .and_then(|i| self.options.get(i))
            .map(|s| s.as_str())
    }

    /// Puts back text typed earlier that matches no option (a draft of a new unit).
    pub fn set_typed(&mut self, typed: &str) {
        self.typed = typed.to_string();
    }

    pub fn typed(&self) -> &str {
        &self.typed
    }

    pub fn options(&self) -> &[String] {
        &self.options
    }

    /// Replaces the options, keeping the selection if the same text is still offered.
    pub fn set_options(&mut self, options: Vec<String>) {
        let keep = self.value().map(str::to_string);
        self.options = options;
        self.selected = keep.and_then(|v| self.options.iter().position(|o| *o == v));
        self.typed.clear();
    }

    fn find(&self) -> Option<usize> {
        let t = self.typed.to_lowercase();
        let lower: Vec<String> = self.options.iter().map(|o| o.to_lowercase()).collect();
        lower
            .iter()
            .position(|o| o.starts_with(&t))
            .or_else(|| lower.iter().position(|o| o.contains(&t)))
    }

    /// Whether the typed text matches no option.
    pub fn no_match(&self) -> bool {
        !self.typed.is_empty() && self.find().is_none()
    }

    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let n = self.options.len();
        match key.code {
            KeyCode::Left | KeyCode::Right if n == 0 => {}
            KeyCode::Left => {
                self.typed.clear();
                self.before_typing = None;
                self.selected = Some(self.selected.map_or(n - 1, |i| (i + n - 1) % n));
            }
            KeyCode::Right => {
                self.typed.clear();
                self.before_typing = None;
                self.selected = Some(self.selected.map_or(0, |i| (i + 1) % n));
            }
            KeyCode::Backspace => {
                self.typed.pop();
                if self.typed.is_empty() {
                    // All of it erased: back to what was chosen before typing.
                    if let Some(before) = self.before_typing.take() {
                        self.selected = before;
                    }
                } else if let Some(i) = self.find() {
                    self.selected = Some(i);
                }
            }
            KeyCode::Char('u' | 'w') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.typed.clear();
                if let Some(before) = self.before_typing.take() {
                    self.selected = before;
                }
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                if self.typed.is_empty() {
                    self.before_typing = Some(self.selected);
                }
                self.typed.push(c);
                if let Some(i) = self.find() {
                    self.selected = Some(i);
                }
            }
            _ => return false,
        }
        true
    }

    /// Leaving the field forgets what was typed to find an option; text that matches no
    /// option stays (it is the field's value until changed: a new unit's name).
    pub fn blur(&mut self) {
        if !self.no_match() {
            self.typed.clear();
            self.before_typing = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn text_input_inserts_at_the_cursor_and_deletes() {
        let mut t = TextInput::new("Rina");
        t.handle(&k(KeyCode::Home));
        t.handle(&k(KeyCode::Char('Å')));
        t.handle(&k(KeyCode::End));
        t.handle(&k(KeyCode::Backspace));
        assert_eq!(t.value(), "ÅRin");
        assert_eq!(t.cursor(), 4);
    }

    #[test]
    fn ctrl_h_u_and_w_edit_as_in_a_shell() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let mut t = TextInput::new("Siti Aminah");
        t.handle(&ctrl('h'));
        assert_eq!(t.value(), "Siti Amina");
        t.handle(&ctrl('w'));
        assert_eq!(t.value(), "Siti ");
        t.handle(&ctrl('u'));
        assert_eq!(t.value(), "");
    }

    #[test]
    fn a_full_field_refuses_more_and_says_so() {
        let mut t = TextInput::new("1985").with_max(4);
        assert!(t.handle(&k(KeyCode::Char('1'))));
        assert_eq!(t.value(), "1985");
        assert!(t.refused());
        assert!(!t.paste("99"));
    }

    #[test]
    fn a_long_value_scrolls_to_keep_the_cursor_visible() {
        let t = TextInput::new("Puskesmas Belawan Sicanang");
        let (shown, col) = t.view(10);
        // Nine columns of text and the cursor after them.
        assert_eq!(shown, " Sicanang");
        assert_eq!(col, 9);
        // Wide characters take two columns each.
        let w = TextInput::new("李李李李李李");
        let (shown, col) = w.view(6);
        assert_eq!(shown, "李李");
        assert_eq!(col, 4);
    }

    #[test]
    fn choice_type_ahead_prefers_a_prefix() {
        let mut c = Choice::new(vec!["I/a".into(), "III/a".into(), "II/a".into()], None);
        for ch in "ii".chars() {
            c.handle(&k(KeyCode::Char(ch)));
        }
        assert_eq!(c.value(), Some("III/a"));
        c.handle(&k(KeyCode::Char('/')));
        assert_eq!(c.value(), Some("II/a"));
        c.handle(&k(KeyCode::Right));
        assert_eq!(c.value(), Some("I/a"));
        c.handle(&k(KeyCode::Char('x')));
        assert!(c.no_match());
    }

    #[test]
    fn erasing_what_was_typed_brings_back_the_choice_before() {
        let mut c = Choice::new(vec!["Puskesmas Belawan".into(), "SDN 060970".into()], None);
        for ch in "pus".chars() {
            c.handle(&k(KeyCode::Char(ch)));
        }
        assert_eq!(c.value(), Some("Puskesmas Belawan"));
        for _ in 0..3 {
            c.handle(&k(KeyCode::Backspace));
        }
        assert_eq!(c.value(), None);
    }
}
