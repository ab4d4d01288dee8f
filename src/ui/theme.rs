//! Colours from the terminal's own 16-colour palette, no colour at all under NO_COLOR, and
//! an ASCII mode for terminals that cannot draw box characters.

use crate::domain::Predikat;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

impl Theme {
    /// The theme a terminal asks for: `no_color` (NO_COLOR set, or the config) turns colour
    /// off; `TERM=linux`, `vt100`, `vt220` or `dumb`, or a locale that is set and not UTF-8,
    /// turn on ASCII borders and symbols. An empty `locale` (an SSH client that sent none)
    /// counts as UTF-8.
    pub fn for_terminal(term: &str, no_color: bool, locale: &str, force_ascii: bool) -> Theme {
        let dumb_term = matches!(term, "linux" | "vt100" | "vt220" | "dumb");
        let lower = locale.to_lowercase();
        let utf8 = lower.is_empty() || lower.contains("utf-8") || lower.contains("utf8");
        Theme {
            color: !no_color,
            ascii: force_ascii || dumb_term || !utf8,
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            ascii: false,
        }
    }
}

const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row: reverse video, visible without any colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn muted(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    /// Matched characters of a search: underlined, so it shows without colour too.
    pub fn matched(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    pub fn predikat(&self, p: Predikat) -> Style {
        self.fg(match p {
            Predikat::SangatBaik => Color::Green,
            Predikat::Baik => Color::Cyan,
            Predikat::ButuhPerbaikan => Color::Yellow,
            Predikat::Kurang => Color::Magenta,
            Predikat::SangatKurang => Color::Red,
        })
    }

    /// Text from data, made safe for an ASCII terminal.
    pub fn text(&self, s: &str) -> String {
        if self.ascii && !s.is_ascii() {
            s.chars()
                .map(|c| if c.is_ascii() { c } else { '?' })
                .collect()
        } else {
            s.to_string()
        }
    }

    /// Symbols that have an ASCII stand-in.
    pub fn sym(&self, unicode: &'static str, ascii: &'static str) -> &'static str {
        if self.ascii { ascii } else { unicode }
    }
}
