//! The tabs: one table that the tab bar, the tab keys, help and "the tab one is on" all
//! read, so a tab is added in one place.

use super::keys::Key;
use super::lang::T;
use crossterm::event::KeyEvent;

/// A top-level screen reached by its digit from any screen that does not take digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Home,
    Staff,
    Training,
    Report,
    Talent,
}

/// One tab: its key, its name in the tab bar, what help calls it, and whether the
/// welcome screen (an empty database) shows it.
#[derive(Debug, Clone, Copy)]
pub struct TabSpec {
    pub tab: Tab,
    pub key: Key,
    pub name: T,
    pub help: T,
    pub on_welcome: bool,
}

const fn tab(tab: Tab, digit: char, name: T, help: T, on_welcome: bool) -> TabSpec {
    TabSpec {
        tab,
        key: Key::Char(digit),
        name,
        help,
        on_welcome,
    }
}

/// The tabs in the order of their keys.
pub const TABS: [TabSpec; 5] = [
    tab(Tab::Home, '1', T::TabHome, T::TabHome, false),
    tab(Tab::Staff, '2', T::TabStaff, T::KeyStaffTab, true),
    tab(Tab::Training, '3', T::TabTraining, T::KeyTrainingTab, false),
    tab(Tab::Report, '4', T::TabReport, T::KeyReportTab, false),
    tab(Tab::Talent, '5', T::TabTalent, T::KeyTalentTab, false),
];

impl Tab {
    /// The tab `event` selects, if it is a tab key.
    pub fn of_key(event: &KeyEvent) -> Option<Tab> {
        TABS.iter().find(|t| t.key.matches(event)).map(|t| t.tab)
    }

    /// This tab's line of the table.
    pub fn spec(self) -> &'static TabSpec {
        // Every tab has exactly one line: the table is written in the enum's order.
        &TABS[self as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn each_tab_is_its_own_line_of_the_table() {
        for (i, t) in TABS.iter().enumerate() {
            assert_eq!(t.tab as usize, i);
            assert_eq!(t.tab.spec().key, t.key);
        }
    }

    #[test]
    fn digits_select_tabs() {
        let k = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(Tab::of_key(&k('3')), Some(Tab::Training));
        assert_eq!(Tab::of_key(&k('5')), Some(Tab::Talent));
        assert_eq!(Tab::of_key(&k('6')), None);
    }
}
