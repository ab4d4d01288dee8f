//! Key bindings as data: each screen has one table of [`Binding`]s (keys, action, text,
//! footer or not). The same table decides what a key does ([`action`]), what the footer
//! shows and what help lists ([`help`]), so help can never name a key that does something
//! else. Lists share one navigation table, [`NAV`].

use super::lang::T;
use super::{KeyHelp, key};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character without Ctrl or Alt (Shift is part of the character).
    Char(char),
    /// A key without modifiers (arrows, Enter, Esc, F-keys).
    Code(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
}

impl Key {
    /// Whether `event` is this key.
    pub fn matches(self, event: &KeyEvent) -> bool {
        let ctrl_alt = event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self {
            Key::Char(c) => !ctrl_alt && event.code == KeyCode::Char(c),
            Key::Code(code) => !ctrl_alt && event.code == code,
            Key::Ctrl(c) => {
                event.modifiers.contains(KeyModifiers::CONTROL) && event.code == KeyCode::Char(c)
            }
        }
    }
}

/// One line of a screen's key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A: 'static> {
    pub keys: &'static [Key],
    /// How help and the footer write the keys, and the same for ASCII terminals.
    pub label: &'static str,
    pub ascii: &'static str,
    pub action: A,
    pub text: T,
    /// Shown in the footer as well as in help.
    pub footer: bool,
}

/// A binding, for the tables.
pub const fn bind<A>(
    keys: &'static [Key],
    label: &'static str,
    ascii: &'static str,
    action: A,
    text: T,
    footer: bool,
) -> Binding<A> {
    Binding {
        keys,
        label,
        ascii,
        action,
        text,
        footer,
    }
}

/// The action `event` is bound to in `table`, if any.
pub fn action<A: Copy>(table: &[Binding<A>], event: &KeyEvent) -> Option<A> {
    table
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action)
}

/// The help and footer lines of a table. A binding with an empty label shares the line of
/// the one before it (Left and Right: one line "← →").
pub fn help<A>(table: &[Binding<A>]) -> Vec<KeyHelp> {
    table
        .iter()
        .filter(|b| !b.label.is_empty())
        .map(|b| key(b.label, b.ascii, b.text, b.footer))
        .collect()
}

/// Moving in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// The navigation keys every list has.
pub const NAV: [Binding<Nav>; 6] = [
    bind(
        &[Key::Code(KeyCode::Up), Key::Char('k')],
        "↑ k",
        "Up k",
        Nav::Up,
        T::KeyMove,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Down), Key::Char('j')],
        "↓ j",
        "Down j",
        Nav::Down,
        T::KeyMove,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::PageUp)],
        "PgUp",
        "PgUp",
        Nav::PageUp,
        T::KeyPage,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::PageDown)],
        "PgDn",
        "PgDn",
        Nav::PageDown,
        T::KeyPage,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Home), Key::Char('g')],
        "Home g",
        "Home g",
        Nav::Top,
        T::KeyTopBottom,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::End), Key::Char('G')],
        "End G",
        "End G",
        Nav::Bottom,
        T::KeyTopBottom,
        false,
    ),
];

/// The navigation lines of help, folded into two so that help stays short.
pub fn nav_help() -> Vec<KeyHelp> {
    vec![
        key("↑↓ j k", "Up Down j k", T::KeyMove, true),
        key("PgUp PgDn", "PgUp PgDn", T::KeyPage, false),
        key("Home End g G", "Home End g G", T::KeyTopBottom, false),
    ]
}

/// `selected` moved by `nav` in a list of `len` rows showing `page` at a time.
pub fn step(nav: Nav, selected: usize, len: usize, page: usize) -> usize {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    match nav {
        Nav::Up => selected.saturating_sub(1),
        Nav::Down => (selected + 1).min(last),
        Nav::PageUp => selected.saturating_sub(page),
        Nav::PageDown => (selected + page).min(last),
        Nav::Top => 0,
        Nav::Bottom => last,
    }
}

/// The unit `f` steps to: the one after `current` in `units` (`None` = all units comes
/// first and after the last).
pub fn next_unit(units: &[(String, String)], current: Option<&str>) -> Option<String> {
    match current {
        None => units.first().map(|(id, _)| id.clone()),
        Some(c) => {
            let i = units.iter().position(|(id, _)| id == c)?;
            units.get(i + 1).map(|(id, _)| id.clone())
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
    fn the_table_decides_the_action() {
        assert_eq!(action(&NAV, &k(KeyCode::Char('j'))), Some(Nav::Down));
        assert_eq!(action(&NAV, &k(KeyCode::End)), Some(Nav::Bottom));
        assert_eq!(action(&NAV, &k(KeyCode::Char('x'))), None);
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(action(&NAV, &ctrl_j), None);
    }

    #[test]
    fn steps_stay_in_the_list() {
        assert_eq!(step(Nav::Up, 0, 10, 5), 0);
        assert_eq!(step(Nav::Down, 9, 10, 5), 9);
        assert_eq!(step(Nav::PageDown, 7, 10, 5), 9);
        assert_eq!(step(Nav::Bottom, 0, 0, 5), 0);
    }
}
