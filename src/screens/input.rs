//! Form fields: a one-line text input and a choice with type-ahead.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A one-line text field with a cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// Cursor position in characters.
    cursor: usize,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.chars().count(),
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    /// Inserts a character at the cursor (also a line break, for multi-line notes).
    pub fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    /// Edits on a key; returns whether the key was used.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let len = self.value.chars().count();
        match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    && !c.is_control() =>
            {
                let at = self.byte(self.cursor);
                self.value.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte(self.cursor - 1);
                self.value.remove(at);
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < len => {
                let at = self.byte(self.cursor);
                self.value.remove(at);
            }
            KeyCode::Left if self.cursor > 0 => self.cursor -= 1,
            KeyCode::Right if self.cursor < len => self.cursor += 1,
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            KeyCode::Backspace | KeyCode::Delete | KeyCode::Left | KeyCode::Right => {}
            _ => return false,
        }
        true
    }
}

/// A choice among fixed options. Typing narrows to the first option containing the typed
/// text; Left/Right step through all options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    options: Vec<String>,
    selected: Option<usize>,
    typed: String,
}

impl Choice {
    pub fn new(options: Vec<String>, selected: Option<usize>) -> Choice {
        Choice {
            options,
            selected,
            typed: String::new(),
        }
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn select(&mut self, i: Option<usize>) {
        self.selected = i.filter(|i| *i < self.options.len());
    }

    pub fn value(&self) -> Option<&str> {
        self.selected
            .and_then(|i| self.options.get(i))
            .map(|s| s.as_str())
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
                self.selected = Some(self.selected.map_or(n - 1, |i| (i + n - 1) % n));
            }
            KeyCode::Right => {
                self.typed.clear();
                self.selected = Some(self.selected.map_or(0, |i| (i + 1) % n));
            }
            KeyCode::Backspace => {
                self.typed.pop();
                if !self.typed.is_empty()
                    && let Some(i) = self.find()
                {
                    self.selected = Some(i);
                }
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.typed.push(c);
                if let Some(i) = self.find() {
                    self.selected = Some(i);
                }
            }
            _ => return false,
        }
        true
    }

    /// Leaving the field forgets what was typed.
    pub fn blur(&mut self) {
        self.typed.clear();
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
}
