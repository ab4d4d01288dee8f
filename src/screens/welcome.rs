//! The first screen on an empty database: load the demo, add someone, or import.

use super::{Outcome, Screen};
use crate::ui::keys::{self, Binding, Key, bind};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub struct Welcome {
    /// The database path, for the import command shown.
    db: String,
}

/// The welcome screen's keys: they decide what a key does, and the footer and help show
/// them.
const KEYS: [Binding<Act>; 3] = [
    bind(&[Key::Char('d')], Act::Demo, T::KeyDemo, true),
    bind(&[Key::Char('n')], Act::New, T::KeyNew, true),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, true),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Demo,
    New,
    Quit,
}

impl Welcome {
    pub fn new(db: &str) -> Welcome {
        Welcome { db: db.to_string() }
    }
}

impl Screen for Welcome {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut k = keys::help(&KEYS);
        k.push(key(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            T::KeyHelp,
            true,
        ));
        k
    }

    fn handle(&mut self, key: KeyEvent, _ui: &Ui) -> Outcome {
        match keys::action(&KEYS, &key) {
            Some(Act::Demo) => Outcome::LoadDemo,
            Some(Act::New) => Outcome::NewStaff,
            Some(Act::Quit) => Outcome::Quit,
            None => Outcome::Ignored,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let k = |s: &'static str| Span::styled(format!("  {s}  "), ui.theme.key());
        let lines = vec![
            Line::raw(""),
            Line::styled(format!("  {}", ui.t(T::WelcomeTitle)), ui.theme.title()),
            Line::raw(""),
            Line::raw(format!("  {}", ui.t(T::WelcomeEmpty))),
            Line::raw(""),
            Line::from(vec![k("d"), Span::raw(ui.t(T::WelcomeDemo))]),
            Line::from(vec![k("n"), Span::raw(ui.t(T::WelcomeNew))]),
            Line::from(vec![k("q"), Span::raw(ui.t(T::KeyQuit))]),
            Line::raw(""),
            Line::raw(format!("  {}", ui.t(T::WelcomeImport))),
            Line::styled(
                format!(
                    "    kinerja --db {} import staff FILE.csv",
                    ui.theme.text(&self.db)
                ),
                ui.theme.muted(),
            ),
        ];
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(" kinerja ");
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            area,
        );
    }

    fn title(&self) -> T {
        T::AppName
    }
}
