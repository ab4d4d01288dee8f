//! A small list to choose one thing from, drawn over the screen: `P` (print) opens one
//! where there are several documents. `↑` `↓` move, `Enter` chooses, `Esc` leaves it, as
//! the unit picker does.

use super::keys::Key;
use super::lang::T;
use super::{KeyHelp, Ui, centered, fit, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// An open list: its title, the choices (label, value) and the one selected.
#[derive(Debug, Clone)]
pub struct Choice<A> {
    title: String,
    items: Vec<(String, A)>,
    selected: usize,
}

/// What a key did to the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen<A> {
    /// Enter: this value.
    Pick(A),
    /// Esc: closed, nothing chosen.
    Cancel,
    /// The selection moved, or the key means nothing here (the list stays open).
    Changed,
}

/// The list's keys, for the footer and help while it is open.
pub const KEYS: [KeyHelp; 4] = [
    key(
        &[
            Key::Code(KeyCode::Up),
            Key::Code(KeyCode::Down),
            Key::Char('k'),
            Key::Char('j'),
        ],
        T::KeyMove,
        true,
    ),
    key(&[Key::Code(KeyCode::Enter)], T::KeyChoose, true),
    key(&[Key::Code(KeyCode::Esc)], T::KeyCancel, true),
    key(
        &[Key::Char('?'), Key::Code(KeyCode::F(1))],
        T::KeyHelp,
        true,
    ),
];

impl<A: Clone> Choice<A> {
    /// A list titled `title` over `items` (label, value), the first selected.
    pub fn new(title: String, items: Vec<(String, A)>) -> Choice<A> {
        Choice {
            title,
            items,
            selected: 0,
        }
    }

    /// The labels, in order (for tests and help).
    pub fn labels(&self) -> Vec<&str> {
        self.items.iter().map(|(l, _)| l.as_str()).collect()
    }

    pub fn handle(&mut self, key: KeyEvent) -> Chosen<A> {
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.selected = self.selected.saturating_sub(1);
                Chosen::Changed
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(self.items.len().saturating_sub(1));
                Chosen::Changed
            }
            KeyCode::Enter => match self.items.get(self.selected) {
                Some((_, v)) => Chosen::Pick(v.clone()),
                None => Chosen::Cancel,
            },
            KeyCode::Esc => Chosen::Cancel,
            _ => Chosen::Changed,
        }
    }

    /// Draws the list centred in `area`, as wide as its longest label (within `area`).
    pub fn draw(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        use unicode_width::UnicodeWidthStr;
        let longest = self
            .items
            .iter()
            .map(|(l, _)| l.width())
            .chain([self.title.width()])
            .max()
            .unwrap_or(0);
        let width = (longest as u16 + 6).clamp(30, area.width);
        let popup = centered(area, width, self.items.len() as u16 + 2);
        let room = popup.width.saturating_sub(4) as usize;
        let lines: Vec<Line> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, (label, _))| {
                let style = if i == self.selected {
                    ui.theme.selected()
                } else {
                    Style::new()
                };
                Line::styled(format!(" {} ", fit(ui, label, room)), style)
            })
            .collect();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(format!(" {} ", fit(ui, &self.title, room)));
        frame.render_widget(Clear, popup);
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_move_enter_chooses_esc_leaves() {
        let mut c = Choice::new("t".into(), vec![("a".into(), 1), ("b".into(), 2)]);
        assert_eq!(c.handle(k(KeyCode::Up)), Chosen::Changed);
        assert_eq!(c.handle(k(KeyCode::Down)), Chosen::Changed);
        assert_eq!(c.handle(k(KeyCode::Down)), Chosen::Changed);
        assert_eq!(c.handle(k(KeyCode::Enter)), Chosen::Pick(2));
        assert_eq!(c.handle(k(KeyCode::Char('k'))), Chosen::Changed);
        assert_eq!(c.handle(k(KeyCode::Enter)), Chosen::Pick(1));
        assert_eq!(c.handle(k(KeyCode::Esc)), Chosen::Cancel);
        assert_eq!(c.labels(), vec!["a", "b"]);
    }
}
