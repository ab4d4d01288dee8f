//! The record's Karier section (issue 21): the career history (riwayat pangkat, jabatan,
//! unit) as one timeline, newest first, an unknown TMT last; the newest entry of each kind
//! (what the record holds) marked. `n` adds an entry, `Enter` or `u` edits the selected one.

use super::*;
use crate::domain::{Career, CareerKind, CareerValue};
use crate::screens::career_form::kind_text;
use std::collections::HashMap;

/// One entry as the section shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CareerRow {
    pub id: u32,
    pub tmt: Option<Date>,
    pub kind: CareerKind,
    /// The value: the golongan with its pangkat, the position's title, the unit's name.
    pub text: String,
    pub nomor_sk: String,
    /// The newest of its kind: what the record holds.
    pub current: bool,
}

/// The rows of a history, newest first (an unknown TMT last); `units` names unit ids.
pub fn career_rows(career: &Career, units: &HashMap<String, String>) -> Vec<CareerRow> {
    let newest: Vec<u32> = CareerKind::ALL
        .iter()
        .filter_map(|k| career.latest(*k).map(|e| e.id))
        .collect();
    let mut rows: Vec<CareerRow> = career
        .entries
        .iter()
        .map(|e| CareerRow {
            id: e.id,
            tmt: e.tmt,
            kind: e.kind(),
            text: match &e.value {
                CareerValue::Pangkat(g) => match g.pangkat() {
                    Some(p) => format!("{g} {p}"),
                    None => g.to_string(),
                },
                CareerValue::Jabatan(j) => j.title(),
                CareerValue::Unit(u) => units.get(u).cloned().unwrap_or_else(|| u.clone()),
            },
            nomor_sk: e.nomor_sk.clone(),
            current: newest.contains(&e.id),
        })
        .collect();
    // Newest first; an unknown TMT is the oldest of its kind, so last.
    rows.sort_by(|a, b| {
        b.tmt
            .is_some()
            .cmp(&a.tmt.is_some())
            .then(b.tmt.cmp(&a.tmt))
            .then(a.kind.cmp(&b.kind))
    });
    rows
}

impl StaffRecord {
    /// The person's career history as [`career_rows`] lists it, and its revision.
    pub fn with_career(mut self, rows: Vec<CareerRow>) -> StaffRecord {
        self.career = rows;
        self
    }

    /// What a key of the Karier section asks for: `n` a new entry, `Enter` or `u` the
    /// selected one.
    pub(super) fn career_key(&self, act: Act) -> Option<Outcome> {
        let nip = self.staff.nip.as_str().to_string();
        let selected = self.career.get(self.rows[CAREER_ROW]);
        Some(match act {
            Act::NewSkp => Outcome::EditCareer(nip, None),
            Act::OpenRow | Act::Edit => Outcome::EditCareer(nip, Some(selected?.id)),
            _ => return None,
        })
    }

    pub(super) fn draw_career(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.career.is_empty() {
            draw_empty(frame, area, ui, T::CareerNone);
            return;
        }
        let height = area.height.saturating_sub(1) as usize;
        let (start, selected) = self.table_window(CAREER_ROW, height);
        let mark = ui.theme.sym("●", "*");
        let rows: Vec<Row> = self
            .career
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, c)| {
                let tmt = c
                    .tmt
                    .map(format_date)
                    .unwrap_or_else(|| ui.t(T::CareerUnknown).to_string());
                let row = Row::new(vec![
                    Cell::from(tmt),
                    Cell::from(ui.t(kind_text(c.kind))),
                    Cell::from(Line::from(vec![
                        Span::styled(
                            if c.current {
                                format!("{mark} ")
                            } else {
                                "  ".into()
                            },
                            ui.theme.key(),
                        ),
                        Span::raw(ui.theme.text(&c.text)),
                    ])),
                    Cell::from(ui.theme.text(&c.nomor_sk)),
                ]);
                selected_row(row, i == selected, ui)
            })
            .collect();
        draw_table(
            frame,
            area,
            ui,
            &[
                "TMT",
                ui.t(T::CareerColKind),
                ui.t(T::CareerColValue),
                ui.t(T::CareerColSk),
            ],
            rows,
            &[
                Constraint::Length(13),
                Constraint::Length(10),
                Constraint::Fill(1),
                Constraint::Length(18),
            ],
        );
    }
}
