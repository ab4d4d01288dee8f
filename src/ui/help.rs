//! The help popup: the keys of the current screen, from the same table as the footer.

use super::{KeyHelp, Ui, centered};
use crate::ui::keys::Key;
use crate::ui::lang::T;
use crate::ui::tabs::{TABS, Tab};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Quits from any screen, even one that takes text.
const QUIT_ANYWHERE: [Key; 1] = [Key::Ctrl('c')];

/// Quits from any screen that takes no text.
const QUIT: [Key; 1] = [Key::Char('q')];

/// The tab keys, from the tab table.
const TAB_KEYS: [[Key; 1]; 5] = {
    let mut keys = [[Key::Char(' ')]; 5];
    let mut i = 0;
    while i < TABS.len() {
        keys[i] = [TABS[i].key];
        i += 1;
    }
    keys
};

/// The keys that work everywhere, as help lists them: Ctrl-C, and the tab keys when they
/// work here (`tabs`), without the tab one is on (`current`).
pub fn globals(tabs: bool, current: Option<Tab>) -> Vec<KeyHelp> {
    let mut keys = vec![super::key(&QUIT_ANYWHERE, T::KeyQuitAnywhere, false)];
    if tabs {
        keys.push(super::key(&QUIT, T::KeyQuit, false));
        for (t, k) in TABS.iter().zip(TAB_KEYS.iter()) {
            if Some(t.tab) != current {
                keys.push(super::key(k, t.help, false));
            }
        }
    }
    keys
}

/// How many lines the help of these keys has (for scrolling).
pub fn lines_of(keys: &[KeyHelp], globals: &[KeyHelp]) -> u16 {
    (keys.len() + globals.len() + 2) as u16
}

/// `globals`: from [`globals`]. `scroll`: the first line shown when the help is taller
/// than the screen (Up/Down scroll it).
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    ui: &Ui,
    title: &str,
    keys: &[KeyHelp],
    globals: &[KeyHelp],
    scroll: u16,
) {
    // A global key the screen lists itself (the staff tab on Pelatihan) is listed once.
    let all: Vec<&KeyHelp> = keys
        .iter()
        .chain(
            globals
                .iter()
                .filter(|g| !keys.iter().any(|k| k.keys == g.keys)),
        )
        .collect();
    let label_width = all
        .iter()
        .map(|k| k.label(ui.theme.ascii).chars().count())
        .max()
        .unwrap_or(4);
    let action_width = all
        .iter()
        .map(|k| ui.t(k.action).chars().count())
        .max()
        .unwrap_or(10);
    let width = (1 + label_width + 2 + action_width + 1).max(ui.t(T::HelpClose).chars().count() + 2)
        as u16
        + 2;
    let height = all.len() as u16 + 4;
    let popup = centered(area, width, height);
    let mut lines: Vec<Line> = all
        .iter()
        .map(|k| {
            let label = k.label(ui.theme.ascii);
            Line::from(vec![
                Span::styled(format!(" {label:<label_width$}  "), ui.theme.key()),
                Span::raw(ui.t(k.action)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" {}", ui.t(T::HelpClose)),
        ui.theme.muted(),
    ));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(ui.theme.border())
        .title(format!(" {}: {title} ", ui.t(T::HelpTitle)));
    let inner_h = popup.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(inner_h);
    let block = if max_scroll > 0 {
        block.title_bottom(Line::styled(
            format!(" {} ", ui.theme.sym("↑↓", "Up/Down")),
            ui.theme.muted(),
        ))
    } else {
        block
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        popup,
    );
}
