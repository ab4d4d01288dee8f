//! The help popup: the keys of the current screen, from the same table as the footer.

use super::{KeyHelp, Ui, centered};
use crate::ui::lang::T;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Keys that work on every screen.
pub const GLOBAL: [KeyHelp; 5] = [
    super::key("Ctrl-C", "Ctrl-C", T::KeyQuitAnywhere, false),
    super::key("1", "1", T::TabHome, false),
    super::key("3", "3", T::KeyTrainingTab, false),
    super::key("4", "4", T::KeyReportTab, false),
    super::key("2", "2", T::KeyStaffTab, false),
];

/// How many lines the help of these keys has (for scrolling).
pub fn lines_of(keys: &[KeyHelp], tabs: bool) -> u16 {
    let globals = if tabs { GLOBAL.len() } else { 1 };
    (keys.len() + globals + 2) as u16
}

/// `tabs`: whether the tab keys `1`-`4` work here (not on the welcome screen, not where
/// digits are typed or rated). `scroll`: the first line shown when the help is taller
/// than the screen (Up/Down scroll it).
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    ui: &Ui,
    title: &str,
    keys: &[KeyHelp],
    tabs: bool,
    scroll: u16,
) {
    let globals = if tabs { &GLOBAL[..] } else { &GLOBAL[..1] };
    let all: Vec<&KeyHelp> = keys.iter().chain(globals.iter()).collect();
    let label_width = all
        .iter()
        .map(|k| {
            if ui.theme.ascii { k.ascii } else { k.keys }
                .chars()
                .count()
        })
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
            let label = if ui.theme.ascii { k.ascii } else { k.keys };
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
