//! What the user sees and does: one file per screen, each with its state, its keys and its
//! drawing. Screens never write to the store; they return an [`Outcome`] that `app/`
//! carries out, so each can be tested on a `TestBackend` without a database.

pub mod evaluation_form;
pub mod help;
pub mod home;
pub mod input;
pub mod quick_entry;
pub mod rating;
pub mod report;
pub mod staff_form;
pub mod staff_index;
pub mod staff_list;
pub mod staff_record;
pub mod training_form;
pub mod training_overview;
pub mod welcome;

use crate::app::lang::{Lang, T};
use crate::app::theme::Theme;
use crate::domain::{Evaluation, Staff, Unit};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// What a key did, for `app/` to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The key means nothing here; `app/` may give it a global meaning.
    Ignored,
    /// Only this screen changed: redraw.
    Changed,
    OpenStaff(String),
    NewStaff,
    EditStaff(String),
    /// Save a staff record, creating its unit first when the form names a new one.
    SaveStaff(Box<Staff>, Option<Unit>),
    LoadDemo,
    /// Open the evaluation form of a person: `None` a new one, else that evaluation.
    OpenEvaluation(String, Option<u32>),
    SaveEvaluation(String, Box<Evaluation>),
    DeleteEvaluation(String, u32, u64),
    /// The officer declined the draft offered back: delete it.
    DiscardDraft,
    /// Penilaian cepat for the listed staff.
    QuickEntry,
    /// The quick entry's setup is done: check who is evaluated already, then start.
    QuickStart,
    QuickSave(String, Box<Evaluation>),
    /// The training form for one person or several (group entry); `Some(id)` to edit.
    OpenTraining(Vec<String>, Option<u32>),
    /// Save a training for each of these people (one record each).
    SaveTraining(Vec<String>, Box<crate::domain::Training>),
    DeleteTraining(String, u32, u64),
    /// Show the Pelatihan tab for a year and one unit (`None`: all units).
    TrainingYear(i16, Option<String>),
    /// Show Beranda for one unit (`None`: all units).
    HomeUnit(Option<String>),
    /// Count the trainings held and the partners of a year (a pass over every training).
    LoadTrainingStats(i16),
    /// Show the report for another year.
    ReportYear(i16),
    /// Write the report of a year as CSV.
    ExportReport(i16),
    /// Record a unit's own rating for a year (`None`: not recorded).
    SetUnitRating(String, i16, Option<crate::domain::UnitRating>),
    Back,
    Quit,
}

/// Everything a screen needs to draw besides its own state.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub lang: Lang,
    pub theme: Theme,
}

impl Ui {
    pub fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }
}

/// One key a screen offers: the footer and the help popup are both built from these, so
/// help can never drift from the real keys.
#[derive(Debug, Clone, Copy)]
pub struct KeyHelp {
    pub keys: &'static str,
    /// The same keys for an ASCII terminal.
    pub ascii: &'static str,
    pub action: T,
    /// Shown in the footer as well as in help.
    pub footer: bool,
}

pub const fn key(keys: &'static str, ascii: &'static str, action: T, footer: bool) -> KeyHelp {
    KeyHelp {
        keys,
        ascii,
        action,
        footer,
    }
}

/// The footer line: the keys marked for it, as many as fit.
pub fn footer(ui: &Ui, keys: &[KeyHelp], width: u16) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for k in keys.iter().filter(|k| k.footer) {
        let label = if ui.theme.ascii { k.ascii } else { k.keys };
        let text = ui.t(k.action);
        let len = label.chars().count() + 1 + text.chars().count() + 2;
        if used + len > width as usize {
            break;
        }
        used += len;
        spans.push(Span::styled(label.to_string(), ui.theme.key()));
        spans.push(Span::raw(format!(" {text}  ")));
    }
    Line::from(spans)
}

pub fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

/// Cuts `s` to `width` characters, marking the cut.
pub fn fit(ui: &Ui, s: &str, width: usize) -> String {
    let s = ui.theme.text(s);
    if s.chars().count() <= width {
        return s;
    }
    let mark = ui.theme.sym("…", "~");
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push_str(mark);
    out
}

/// A rectangle of `w` x `h` centred in `area` (clamped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A text gauge: `width` cells filled for `ratio`, then `label`; `#` and `-` in ASCII mode.
pub fn gauge_line(ui: &Ui, width: usize, ratio: f64, label: String) -> Line<'static> {
    let filled = ((ratio.clamp(0.0, 1.0)) * width as f64).round() as usize;
    let (on, off) = if ui.theme.ascii {
        ("#", "-")
    } else {
        ("█", "░")
    };
    Line::from(vec![
        Span::styled(on.repeat(filled), ui.theme.ok()),
        Span::styled(off.repeat(width.saturating_sub(filled)), ui.theme.muted()),
        Span::raw(format!(" {label}")),
    ])
}

/// Bar chart bars drawn with `#` only, for ASCII terminals.
pub const ASCII_BARS: ratatui::symbols::bar::Set = ratatui::symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "#",
    half: "#",
    three_eighths: "#",
    one_quarter: "#",
    one_eighth: "#",
    empty: " ",
};
