//! The terminal: raw mode and the alternate screen, the event loop, and restoring the
//! terminal on every way out (including a panic, through ratatui's chained hook).
//!
//! The loop blocks on the next event and draws only when something changed, inside
//! synchronized-output markers; an idle session writes nothing.

use crate::app::App;
use crate::app::theme::Theme;
use crossterm::event::{self, Event, KeyEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::DefaultTerminal;
use std::io;

/// Picks the theme from the environment: `NO_COLOR` turns colour off; `TERM=linux`,
/// `vt100`, `vt220`, `dumb` or a non-UTF-8 locale turn on ASCII borders and symbols.
pub fn theme_from_env(force_ascii: bool, no_color_config: bool) -> Theme {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let no_color = var("NO_COLOR").is_some() || no_color_config;
    let term = var("TERM").unwrap_or_default();
    let dumb_term = matches!(term.as_str(), "linux" | "vt100" | "vt220" | "dumb");
    // The first of LC_ALL, LC_CTYPE, LANG that is set decides the character set.
    let locale = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"))
        .unwrap_or_default();
    let lower = locale.to_lowercase();
    let utf8 = lower.contains("utf-8") || lower.contains("utf8");
    Theme {
        color: !no_color,
        ascii: force_ascii || dumb_term || !utf8,
    }
}

fn draw(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|f| app.draw(f))?;
    crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

/// Runs the app until it quits. The terminal is restored before this returns, whatever
/// happened.
pub fn run(app: &mut App) -> Result<(), String> {
    let mut terminal = ratatui::try_init().map_err(|e| format!("cannot use this terminal: {e}"))?;
    let result = event_loop(&mut terminal, app);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> Result<(), String> {
    let io_err = |e: io::Error| format!("terminal error: {e}");
    draw(terminal, app).map_err(io_err)?;
    // The first frame shows the first page; now read the rest of the list.
    if app.finish_loading().map_err(|e| e.to_string())? {
        draw(terminal, app).map_err(io_err)?;
    }
    while !app.should_quit() {
        let changed = match event::read().map_err(io_err)? {
            Event::Key(key) if key.kind == KeyEventKind::Press => app.handle_key(key),
            Event::Resize(_, _) => {
                terminal.autoresize().map_err(io_err)?;
                true
            }
            _ => false,
        };
        if changed && !app.should_quit() {
            draw(terminal, app).map_err(io_err)?;
        }
    }
    Ok(())
}
