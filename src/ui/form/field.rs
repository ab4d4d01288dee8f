//! A form's fields, described as data: what each holds, how keys edit it, and how its
//! value reads and writes as draft text.

use crate::domain::Rating;
use crate::ui::input::{Choice, TextInput};
use crate::ui::rating::RatingField;
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};

/// What a field holds and how keys edit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text, at most `max` characters.
    Text { max: usize },
    /// Digits only (and spaces when `spaces`), at most `max` characters.
    Digits { max: usize, spaces: bool },
    /// A date typed as text (`2025-03-31`, `31-03-2025`, `31/03/2025`).
    Date,
    /// One of fixed options.
    Choice,
    /// A rating, `1` `2` `3`; `optional` ones can be emptied with Backspace.
    Rating { optional: bool },
    /// Several lines of text.
    Notes { max: usize },
    /// One line of text with a suggestion from a list that `Enter` or `Right` takes.
    Suggest { max: usize },
    /// A computed value, shown but never focused.
    Info,
    /// A section title, never focused.
    Heading,
}

pub(super) enum Value {
    Text(TextInput),
    Choice(Choice),
    Rating(RatingField),
    Notes(Box<TextArea<'static>>),
    Info(String, Style),
    Heading,
}

/// One field of a form.
pub struct Field {
    /// The field's name in drafts and in [`Form`] look-ups.
    pub id: &'static str,
    pub label: String,
    pub kind: Kind,
    pub(super) value: Value,
    /// Shown but not editable (an existing evaluation's period).
    pub locked: bool,
    /// Not shown and not focused.
    pub hidden: bool,
    /// A short remark beside the value (the birth date a NIP gives, "suggested"); shown in
    /// full in the message area when the field is focused.
    pub note: Option<String>,
    /// What `Enter` or `Right` at the end of a suggest field takes.
    pub suggestion: Option<String>,
    /// Columns for the value (clamped to the screen).
    pub width: u16,
    /// The form accepts this choice's typed text as a new value (a unit created with
    /// Ctrl-N): shown plainly, not as a mismatch.
    pub accept_typed: bool,
}

pub(super) fn notes_area(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.set_cursor_line_style(Style::new());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

impl Field {
    pub(super) fn new(
        id: &'static str,
        label: impl Into<String>,
        kind: Kind,
        value: Value,
    ) -> Field {
        let width = match kind {
            Kind::Text { max } | Kind::Suggest { max } => max.clamp(4, 40) as u16,
            Kind::Digits { max, .. } => (max + 1).min(40) as u16,
            Kind::Date => 12,
            Kind::Notes { .. } => 60,
            Kind::Choice | Kind::Rating { .. } | Kind::Info | Kind::Heading => 26,
        };
        Field {
            id,
            label: label.into(),
            kind,
            value,
            locked: false,
            hidden: false,
            note: None,
            suggestion: None,
            width,
            accept_typed: false,
        }
    }

    pub fn text(id: &'static str, label: impl Into<String>, max: usize, value: &str) -> Field {
        Field::new(
            id,
            label,
            Kind::Text { max },
            Value::Text(TextInput::new(value).with_max(max)),
        )
    }

    pub fn digits(
        id: &'static str,
        label: impl Into<String>,
        max: usize,
        spaces: bool,
        value: &str,
    ) -> Field {
        Field::new(
            id,
            label,
            Kind::Digits { max, spaces },
            Value::Text(TextInput::new(value).with_max(max)),
        )
    }

    pub fn date(id: &'static str, label: impl Into<String>, value: &str) -> Field {
        Field::new(
            id,
            label,
            Kind::Date,
            Value::Text(TextInput::new(value).with_max(10)),
        )
    }

    pub fn choice(
        id: &'static str,
        label: impl Into<String>,
        options: Vec<String>,
        selected: Option<usize>,
    ) -> Field {
        let width = options
            .iter()
            .map(|o| o.chars().count() + 4)
            .max()
            .unwrap_or(8)
            .clamp(8, 40) as u16;
        let mut f = Field::new(
            id,
            label,
            Kind::Choice,
            Value::Choice(Choice::new(options, selected)),
        );
        f.width = width;
        f
    }

    pub fn rating(
        id: &'static str,
        label: impl Into<String>,
        optional: bool,
        value: Option<Rating>,
    ) -> Field {
        Field::new(
            id,
            label,
            Kind::Rating { optional },
            Value::Rating(RatingField::new(value, optional)),
        )
    }

    pub fn notes(id: &'static str, label: impl Into<String>, max: usize, value: &str) -> Field {
        Field::new(
            id,
            label,
            Kind::Notes { max },
            Value::Notes(Box::new(notes_area(value))),
        )
    }

    pub fn suggest(id: &'static str, label: impl Into<String>, max: usize, value: &str) -> Field {
        Field::new(
            id,
            label,
            Kind::Suggest { max },
            Value::Text(TextInput::new(value).with_max(max)),
        )
    }

    pub fn info(id: &'static str, label: impl Into<String>) -> Field {
        Field::new(
            id,
            label,
            Kind::Info,
            Value::Info(String::new(), Style::new()),
        )
    }

    pub fn heading(id: &'static str, label: impl Into<String>) -> Field {
        Field::new(id, label, Kind::Heading, Value::Heading)
    }

    pub fn locked(mut self, locked: bool) -> Field {
        self.locked = locked;
        self
    }

    pub fn width(mut self, width: u16) -> Field {
        self.width = width;
        self
    }

    pub(super) fn focusable(&self) -> bool {
        !self.hidden && !self.locked && !matches!(self.kind, Kind::Info | Kind::Heading)
    }

    pub(super) fn is_text(&self) -> bool {
        matches!(self.value, Value::Text(_) | Value::Notes(_))
    }

    /// The value as a draft keeps it.
    pub fn value_text(&self) -> String {
        match &self.value {
            Value::Text(t) => t.value().to_string(),
            // Typed text that matches no option is kept as typed (a new unit's name).
            Value::Choice(c) if c.no_match() => c.typed().to_string(),
            Value::Choice(c) => c.value().unwrap_or("").to_string(),
            Value::Rating(r) => r.value.map_or(String::new(), |r| r.code().to_string()),
            Value::Notes(t) => t.lines().join("\n"),
            Value::Info(..) | Value::Heading => String::new(),
        }
    }

    pub(super) fn set_value_text(&mut self, v: &str) {
        match &mut self.value {
            Value::Text(t) => {
                let max = t.max();
                *t = TextInput::new(v);
                if let Some(m) = max {
                    *t = std::mem::take(t).with_max(m);
                }
            }
            Value::Choice(c) => match c.options().iter().position(|o| o == v) {
                Some(i) => c.select(Some(i)),
                None if v.is_empty() => c.select(None),
                // Not an option (typed, or from the other language): kept as typed text.
                None => c.set_typed(v),
            },
            Value::Rating(r) => {
                r.value = v.parse::<u8>().ok().and_then(Rating::from_code);
            }
            Value::Notes(t) => **t = notes_area(v),
            Value::Info(..) | Value::Heading => {}
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        match &self.value {
            Value::Text(t) => t.value().trim().is_empty(),
            Value::Choice(c) => c.selected().is_none(),
            Value::Rating(r) => r.value.is_none(),
            Value::Notes(t) => t.lines().iter().all(|l| l.trim().is_empty()),
            Value::Info(..) | Value::Heading => false,
        }
    }

    pub(super) fn accepts(&self, c: char) -> bool {
        match self.kind {
            Kind::Digits { spaces, .. } => c.is_ascii_digit() || (spaces && c == ' '),
            Kind::Date => c.is_ascii_digit() || matches!(c, '-' | '/'),
            _ => !c.is_control(),
        }
    }
}
