//! The unit picker `f` opens on every screen that shows one unit or all: a list of the
//! units to type into (the letters narrow it), arrows to move, Enter to choose, Esc to
//! leave it. One picker, so the unit is chosen the same way everywhere.

use super::input::TextInput;
use super::keys::{self, Key, Nav};
use super::lang::T;
use super::{KeyHelp, Pasted, Ui, centered, fit, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// An open picker: what is typed, the units, and the one selected.
#[derive(Debug)]
pub struct UnitPicker {
    filter: TextInput,
    /// (id, name); the `None` id, first, is every unit.
    units: Vec<(Option<String>, String)>,
    selected: usize,
}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// Enter: this unit (`None`: all units).
    Unit(Option<String>),
    /// Esc: closed, nothing chosen.
    Cancel,
    /// The filter or the selection moved.
    Changed,
    /// The key means nothing here.
    Ignored,
}

/// The picker's keys, for the footer and help while it is open.
const KEYS: [KeyHelp; 5] = [
    key(
        &[Key::Code(KeyCode::Up), Key::Code(KeyCode::Down)],
        T::KeyMove,
        true,
    ),
    key(
        &[Key::Code(KeyCode::PageUp), Key::Code(KeyCode::PageDown)],
        T::KeyPage,
        false,
    ),
    key(&[Key::Code(KeyCode::Enter)], T::KeyChoose, true),
    key(&[Key::Code(KeyCode::Esc)], T::KeyCancel, true),
    key(&[Key::Code(KeyCode::F(1))], T::KeyHelp, true),
];

impl UnitPicker {
    /// A picker over `units` (id, name; in the order to list them), with "all units" first
    /// and `current` (`None`: all) selected.
    pub fn new(units: &[(String, String)], current: Option<&str>) -> UnitPicker {
        let mut all = vec![(None, String::new())];
        all.extend(
            units
                .iter()
                .map(|(id, name)| (Some(id.clone()), name.clone())),
        );
        let selected = current
            .and_then(|c| all.iter().position(|(id, _)| id.as_deref() == Some(c)))
            .unwrap_or(0);
        UnitPicker {
            filter: TextInput::default(),
            units: all,
            selected,
        }
    }

    /// The units the typed text leaves: every typed word, in any case, in the name or in
    /// its abbreviated form as the lists show it (`pkm bel` finds Puskesmas Belawan);
    /// "all units" only while nothing is typed.
    fn visible(&self) -> Vec<&(Option<String>, String)> {
        let typed = self.filter.value().to_lowercase();
        let words: Vec<&str> = typed.split_whitespace().collect();
        self.units
            .iter()
            .filter(|(id, name)| {
                if words.is_empty() {
                    return true;
                }
                let known = format!("{} {}", name, super::abbreviated(name)).to_lowercase();
                id.is_some() && words.iter().all(|w| known.contains(w))
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        KEYS.to_vec()
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Picked {
        let nav = match key.code {
            KeyCode::Up => Some(Nav::Up),
            KeyCode::Down => Some(Nav::Down),
            KeyCode::PageUp => Some(Nav::PageUp),
            KeyCode::PageDown => Some(Nav::PageDown),
            _ => None,
        };
        if let Some(nav) = nav {
            let n = self.visible().len();
            self.selected = keys::step(nav, self.selected, n, 10);
            return Picked::Changed;
        }
        match key.code {
            KeyCode::Esc => Picked::Cancel,
            KeyCode::Enter => match self.visible().get(self.selected) {
                Some((id, _)) => Picked::Unit(id.clone()),
                None => Picked::Ignored,
            },
            _ if self.filter.handle(key) => {
                self.selected = 0;
                Picked::Changed
            }
            _ => Picked::Ignored,
        }
    }

    /// Pasted text narrows the list, as typed text does (one line).
    pub fn paste(&mut self, text: &str) -> Pasted {
        let whole = self.filter.paste(&super::event::flatten_paste(text));
        self.selected = 0;
        Pasted::from_field(whole, self.filter.max())
    }

    /// Draws the picker as a popup in the middle of `area`.
    pub fn draw(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let visible = self.visible();
        let height = (visible.len() as u16 + 3).min(area.height);
        let popup = centered(area, 50, height);
        let mut lines = vec![Line::from(vec![
            Span::styled("> ", ui.theme.key()),
            Span::raw(ui.theme.text(self.filter.value())),
        ])];
        let room = popup.height.saturating_sub(3) as usize;
        let start = self.selected.saturating_sub(room.saturating_sub(1));
        for (i, (id, name)) in visible.iter().enumerate().skip(start).take(room) {
            let label = match id {
                None => ui.all_units().to_string(),
                Some(_) => fit(ui, name, 46),
            };
            let style = if i == self.selected {
                ui.theme.selected()
            } else {
                Style::new()
            };
            lines.push(Line::styled(format!(" {label}"), style));
        }
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(format!(" {} ", ui.t(T::PickUnit)));
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

    fn units() -> Vec<(String, String)> {
        vec![
            ("kel-sicanang".into(), "Kelurahan Belawan Sicanang".into()),
            ("pkm-belawan".into(), "Puskesmas Belawan".into()),
            ("sdn-060968".into(), "SD Negeri 060968".into()),
        ]
    }

    #[test]
    fn typing_narrows_and_enter_chooses_the_unit() {
        let mut p = UnitPicker::new(&units(), None);
        for c in "pusk".chars() {
            assert_eq!(p.handle(&k(KeyCode::Char(c))), Picked::Changed);
        }
        assert_eq!(
            p.handle(&k(KeyCode::Enter)),
            Picked::Unit(Some("pkm-belawan".into()))
        );
    }

    #[test]
    fn the_short_forms_the_lists_show_find_a_unit_word_by_word() {
        let mut p = UnitPicker::new(&units(), None);
        for c in "pkm bel".chars() {
            p.handle(&k(KeyCode::Char(c)));
        }
        assert_eq!(
            p.handle(&k(KeyCode::Enter)),
            Picked::Unit(Some("pkm-belawan".into()))
        );
        let mut p = UnitPicker::new(&units(), None);
        for c in "sican kel".chars() {
            p.handle(&k(KeyCode::Char(c)));
        }
        assert_eq!(
            p.handle(&k(KeyCode::Enter)),
            Picked::Unit(Some("kel-sicanang".into()))
        );
    }

    #[test]
    fn it_opens_on_the_current_unit_and_all_units_is_first() {
        let mut p = UnitPicker::new(&units(), Some("sdn-060968"));
        assert_eq!(
            p.handle(&k(KeyCode::Enter)),
            Picked::Unit(Some("sdn-060968".into()))
        );
        p.handle(&k(KeyCode::Home));
        for _ in 0..5 {
            p.handle(&k(KeyCode::Up));
        }
        assert_eq!(p.handle(&k(KeyCode::Enter)), Picked::Unit(None));
        assert_eq!(p.handle(&k(KeyCode::Esc)), Picked::Cancel);
    }

    #[test]
    fn digits_and_q_are_typed_not_taken_as_keys() {
        let mut p = UnitPicker::new(&units(), None);
        assert_eq!(p.handle(&k(KeyCode::Char('0'))), Picked::Changed);
        assert_eq!(p.handle(&k(KeyCode::Char('q'))), Picked::Changed);
        assert_eq!(
            p.handle(&k(KeyCode::Enter)),
            Picked::Ignored,
            "nothing left"
        );
    }
}
