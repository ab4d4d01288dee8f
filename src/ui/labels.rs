//! Labels several screens show for the same values: the short predikat codes, a coaching
//! status (word and colour), why someone needs coaching, and the JP targets in force. In
//! the interface language; kept here so that no screen borrows them from another.

use super::Ui;
use super::lang::T;
use crate::domain::{CoachingStatus, Predikat};
use crate::views::coaching::Reason;

/// The short code of a predikat for narrow columns: SB, B, BP, K, SK.
pub fn predikat_short(p: Predikat) -> &'static str {
    match p {
        Predikat::SangatBaik => "SB",
        Predikat::Baik => "B",
        Predikat::ButuhPerbaikan => "BP",
        Predikat::Kurang => "K",
        Predikat::SangatKurang => "SK",
    }
}

/// A coaching status in the interface language.
pub fn status_text(s: CoachingStatus, ui: &Ui) -> &'static str {
    ui.t(match s {
        CoachingStatus::Missing => T::CoachMissing,
        CoachingStatus::Overdue => T::CoachOverdue,
        CoachingStatus::Open => T::CoachOpen,
        CoachingStatus::Closed => T::CoachClosedStatus,
    })
}

/// Missing and overdue in the error colour, closed as done, open plain.
pub fn status_style(s: CoachingStatus, ui: &Ui) -> ratatui::style::Style {
    match s {
        CoachingStatus::Missing | CoachingStatus::Overdue => ui.theme.error(),
        CoachingStatus::Closed => ui.theme.ok(),
        CoachingStatus::Open => ratatui::style::Style::new(),
    }
}

/// Why someone needs coaching, in the interface language.
pub fn reason_text(r: &Reason, ui: &Ui) -> String {
    match r {
        Reason::Predikat(p) => format!("{} {}", ui.t(T::ReasonPredikat), p.label()),
        // Which target flagged the person: the part due by today, or the whole year's.
        Reason::BelowJp {
            jp,
            target,
            year_target,
        } if target < year_target => format!(
            "{jp} / {target} {} ({year_target}/{})",
            ui.t(T::ReasonJpToday),
            ui.t(T::ReasonJpYear)
        ),
        Reason::BelowJp { jp, target, .. } => {
            format!(
                "{jp} / {target} {} {}",
                ui.t(T::ReasonJp),
                ui.t(T::ReasonJpYear)
            )
        }
    }
}

/// `target: PNS 20 JP, PPPK -`: which target each kind is held to (a setting).
pub fn targets_note(ui: &Ui) -> String {
    let pppk = match ui.jp.pppk {
        0 => "-".to_string(),
        n => format!("{n} JP"),
    };
    ui.t(T::JpTargetsNote)
        .replace("{pns}", &ui.jp.pns.to_string())
        .replace("{pppk}", &pppk)
}
