//! A rating choice: `1` above, `2` as expected, `3` below (DESIGN.md), or Left/Right.

use crate::domain::Rating;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatingField {
    pub value: Option<Rating>,
    /// Whether it may be left empty (the aspects may; the two ratings may not).
    pub optional: bool,
}

impl RatingField {
    pub fn new(value: Option<Rating>, optional: bool) -> RatingField {
        RatingField { value, optional }
    }

    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        let step = |v: Option<Rating>, forward: bool| {
            let i = v.map_or(if forward { 2 } else { 0 }, |r| usize::from(r.code() - 1));
            let next = if forward { (i + 1) % 3 } else { (i + 2) % 3 };
            Some(Rating::ALL[next])
        };
        match key.code {
            KeyCode::Char(c @ '1'..='3') => self.value = Rating::from_code(c as u8 - b'0'),
            KeyCode::Right => self.value = step(self.value, true),
            KeyCode::Left => self.value = step(self.value, false),
            KeyCode::Backspace | KeyCode::Delete if self.optional => self.value = None,
            _ => return false,
        }
        true
    }

    /// `2 Sesuai Ekspektasi` (`2 As expected`), or a dash when empty.
    pub fn text(&self, lang: crate::ui::lang::Lang) -> String {
        self.value.map_or("-".to_string(), |r| {
            format!("{} {}", r.code(), crate::ui::labels::rating_text(r, lang))
        })
    }
}
