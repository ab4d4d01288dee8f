//! Key bindings as data: each screen has one table of [`Binding`]s (keys, action, text,
//! footer or not). The same table decides what a key does ([`action`]), what the footer
//! shows and what help lists ([`help`]), so help can never name a key that does something
//! else. A key's label is derived from the key itself ([`Key::label`]), never typed
//! beside it, so a footer cannot drift from its binding. Lists share one navigation
//! table, [`NAV`].

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
    /// How help and the footer write this key: `↑`, `Enter`, `Ctrl-S`, `[`; with `ascii`
    /// only ASCII (`Up`, `Left`).
    pub fn label(self, ascii: bool) -> String {
        let named = |unicode: &str, plain: &str| if ascii { plain } else { unicode }.to_string();
        match self {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Code(code) => match code {
                KeyCode::Up => named("↑", "Up"),
                KeyCode::Down => named("↓", "Down"),
                KeyCode::Left => named("←", "Left"),
                KeyCode::Right => named("→", "Right"),
                KeyCode::Enter => "Enter".to_string(),
                KeyCode::Esc => "Esc".to_string(),
                KeyCode::Tab => "Tab".to_string(),
                KeyCode::BackTab => "S-Tab".to_string(),
                KeyCode::PageUp => "PgUp".to_string(),
                KeyCode::PageDown => "PgDn".to_string(),
                KeyCode::Home => "Home".to_string(),
                KeyCode::End => "End".to_string(),
                KeyCode::Backspace => "Backspace".to_string(),
                KeyCode::Delete => "Del".to_string(),
                KeyCode::F(n) => format!("F{n}"),
                KeyCode::Char(' ') => "Space".to_string(),
                KeyCode::Char(c) => c.to_string(),
                other => format!("{other:?}"),
            },
        }
    }

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

/// The label of several keys, as help and the footer show them: each key's own label
/// ([`Key::label`]), separated by spaces; a run of three or more digits in a row is
/// written as a range (`1-5`).
pub fn label(keys: &[Key], ascii: bool) -> String {
    let digit = |k: &Key| match k {
        Key::Char(c) => c.to_digit(10),
        _ => None,
    };
    let (up, down) = (Key::Code(KeyCode::Up), Key::Code(KeyCode::Down));
    let mut parts = Vec::new();
    let mut i = 0;
    let arrows = [
        up,
        down,
        Key::Code(KeyCode::Left),
        Key::Code(KeyCode::Right),
    ];
    while i < keys.len() {
        // The four arrows side by side, in ASCII: one short word, so that a footer at 80
        // columns keeps the keys after them ("Left Right Up Down" took 18).
        if ascii
            && keys
                .get(i..i + 4)
                .is_some_and(|four| arrows.iter().all(|a| four.contains(a)))
        {
            parts.push("Arrows".to_string());
            i += 4;
            continue;
        }
        // Up and Down side by side are one arrow pair.
        if i + 1 < keys.len() && [(up, down), (down, up)].contains(&(keys[i], keys[i + 1])) {
            parts.push(if ascii { "Up Down" } else { "↑↓" }.to_string());
            i += 2;
            continue;
        }
        let mut end = i;
        if let Some(first) = digit(&keys[i]) {
            while end + 1 < keys.len()
                && digit(&keys[end + 1]) == Some(first + (end + 1 - i) as u32)
            {
                end += 1;
            }
        }
        if end - i >= 2 {
            parts.push(format!(
                "{}-{}",
                keys[i].label(ascii),
                keys[end].label(ascii)
            ));
        } else {
            end = i;
            parts.push(keys[i].label(ascii));
        }
        i = end + 1;
    }
    parts.join(" ")
}

/// One line of a screen's key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A: 'static> {
    pub keys: &'static [Key],
    pub action: A,
    pub text: T,
    /// Shown in the footer as well as in help.
    pub footer: bool,
}

/// A binding, for the tables.
pub const fn bind<A>(keys: &'static [Key], action: A, text: T, footer: bool) -> Binding<A> {
    Binding {
        keys,
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

/// The help and footer lines of a table. Bindings next to each other with the same text
/// share one line with all their keys (Left and Right: one line "← →"); the line is in the
/// footer when any of them is.
pub fn help<A>(table: &[Binding<A>]) -> Vec<KeyHelp> {
    let mut lines: Vec<KeyHelp> = Vec::new();
    for b in table {
        match lines.last_mut() {
            Some(last) if last.action == b.text => {
                let mut keys = last.keys.to_vec();
                for k in b.keys {
                    if !keys.contains(k) {
                        keys.push(*k);
                    }
                }
                // Named keys (arrows) before letters: "← → [ ]".
                keys.sort_by_key(|k| !matches!(k, Key::Code(_)));
                last.keys = keys.into();
                last.footer |= b.footer;
            }
            _ => lines.push(key(b.keys, b.text, b.footer)),
        }
    }
    lines
}

/// The key grammar (docs/user-guide.md, "One key, one verb"): each of these keys means
/// one verb on every screen that binds it, listed by the texts that verb may be shown
/// with there. A screen need not bind a key; where it does, it means this.
pub const GRAMMAR: [(Key, &[T]); 18] = [
    // The time shown back and forward: the year, or the day on the audit trail.
    (Key::Char('['), &[T::KeyYear, T::KeyDay]),
    (Key::Char(']'), &[T::KeyYear, T::KeyDay]),
    // Whose rows are shown: the unit, or the officer on the audit trail.
    (Key::Char('f'), &[T::KeyUnit, T::KeyOfficer]),
    (Key::Char('/'), &[T::KeySearch]),
    (Key::Char(' '), &[T::KeyMark]),
    (Key::Char('?'), &[T::KeyHelp]),
    (Key::Char('q'), &[T::KeyQuit]),
    (Key::Char('u'), &[T::KeyEdit, T::KeyPartnerContact]),
    (Key::Char('e'), &[T::KeyNewEvaluation]),
    (Key::Char('t'), &[T::KeyNewTraining, T::KeyCompetencyTrain]),
    (Key::Char('c'), &[T::KeyNewCoaching, T::KeyCoach]),
    (Key::Char('s'), &[T::KeySort]),
    (Key::Char('K'), &[T::KeyCompetencies]),
    (Key::Char('H'), &[T::KeyHead]),
    (Key::Char('n'), &[T::KeyNew]),
    (Key::Char('x'), &[T::KeyExport, T::KeyExportMarkdown]),
    (Key::Char('o'), &[T::KeyKeberatan]),
    (Key::Char('P'), &[T::KeyPrint]),
];

/// Where `lines` (a screen's footer and help) break the grammar: each key of the grammar
/// shown with a text its verb does not have, and each key shown on two lines (two
/// meanings on one screen). Empty when the screen follows it.
pub fn grammar_breaks(lines: &[KeyHelp]) -> Vec<String> {
    let mut breaks = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for k in line.keys.iter() {
            if let Some((_, verbs)) = GRAMMAR.iter().find(|(g, _)| g == k)
                && !verbs.contains(&line.action)
            {
                breaks.push(format!("{} means {:?}", k.label(true), line.action));
            }
            if lines[i + 1..].iter().any(|other| other.keys.contains(k)) {
                breaks.push(format!("{} is listed twice", k.label(true)));
            }
        }
    }
    breaks
}

/// `lines` with `drop` taken off the line of `text` (a key that does something else
/// here now, listed on its other line); a line left without keys goes.
pub fn without(mut lines: Vec<KeyHelp>, text: T, drop: &[Key]) -> Vec<KeyHelp> {
    for line in lines.iter_mut().filter(|l| l.action == text) {
        line.keys = line
            .keys
            .iter()
            .filter(|k| !drop.contains(k))
            .copied()
            .collect();
    }
    lines.retain(|l| !l.keys.is_empty());
    lines
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
        &[Key::Code(KeyCode::Down), Key::Char('j')],
        Nav::Down,
        T::KeyMove,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Up), Key::Char('k')],
        Nav::Up,
        T::KeyMove,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::PageUp)],
        Nav::PageUp,
        T::KeyPage,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::PageDown)],
        Nav::PageDown,
        T::KeyPage,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Home), Key::Char('g')],
        Nav::Top,
        T::KeyTopBottom,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::End), Key::Char('G')],
        Nav::Bottom,
        T::KeyTopBottom,
        false,
    ),
];

/// The navigation lines of help, folded into three so that help stays short.
pub fn nav_help() -> Vec<KeyHelp> {
    help(&NAV)
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
    fn labels_come_from_the_keys() {
        assert_eq!(
            label(&[Key::Code(KeyCode::Up), Key::Char('k')], false),
            "↑ k"
        );
        assert_eq!(label(&[Key::Code(KeyCode::Left)], true), "Left");
        let four = [
            Key::Code(KeyCode::Left),
            Key::Code(KeyCode::Right),
            Key::Code(KeyCode::Up),
            Key::Code(KeyCode::Down),
        ];
        assert_eq!(label(&four, true), "Arrows");
        assert_eq!(label(&four, false), "← → ↑↓");
        assert_eq!(label(&four[1..], true), "Right Up Down", "three are named");
        assert_eq!(
            label(&[Key::Ctrl('s'), Key::Code(KeyCode::F(2))], false),
            "Ctrl-S F2"
        );
        let digits = [
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('3'),
            Key::Char('5'),
        ];
        assert_eq!(label(&digits, false), "1-3 5");
        assert_eq!(label(&[Key::Char('['), Key::Char(']')], true), "[ ]");
        assert_eq!(label(&[Key::Char(' ')], false), "Space");
    }

    #[test]
    fn neighbours_with_one_text_share_a_help_line() {
        let lines = help(&NAV);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].label(false), "↑↓ j k");
        assert_eq!(lines[0].label(true), "Up Down j k");
        assert!(
            lines[0].footer,
            "Down is in the footer, so the merged line is"
        );
    }

    #[test]
    fn a_key_with_another_verb_or_listed_twice_breaks_the_grammar() {
        const YEAR: [Key; 1] = [Key::Char('[')];
        let lines = [key(&YEAR, T::KeyCompetencyOther, true)];
        assert_eq!(grammar_breaks(&lines), ["[ means KeyCompetencyOther"]);
        const F: [Key; 1] = [Key::Char('f')];
        let lines = [key(&F, T::KeyUnit, true), key(&F, T::KeyUnit, false)];
        assert_eq!(grammar_breaks(&lines), ["f is listed twice"]);
        assert!(grammar_breaks(&help(&NAV)).is_empty());
    }

    #[test]
    fn steps_stay_in_the_list() {
        assert_eq!(step(Nav::Up, 0, 10, 5), 0);
        assert_eq!(step(Nav::Down, 9, 10, 5), 9);
        assert_eq!(step(Nav::PageDown, 7, 10, 5), 9);
        assert_eq!(step(Nav::Bottom, 0, 0, 5), 0);
    }
}
