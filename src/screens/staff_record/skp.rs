//! The record's SKP section: the person's SKPs (span, status, form, approach, RHK count,
//! indicators realised of all), newest first. `Enter` opens one, `n` makes a new one,
//! `u` edits the selected one's data (issue 19, planning).

use super::*;
use crate::screens::skp::SkpEdit;
use crate::screens::skp::labels::{form_short, pendekatan_text, span_text, status_word};
use crate::views::skp::SkpRow;

impl StaffRecord {
    /// The person's SKPs, as `views::skp::skp_rows` lists them.
    pub fn with_skp(mut self, rows: Vec<SkpRow>) -> StaffRecord {
        self.skp = rows;
        self
    }

    /// What a key of the SKP section asks for: `n` a new SKP, `Enter` the selected one's
    /// screen, `u` its data.
    pub(super) fn skp_key(&self, act: Act) -> Option<Outcome> {
        let nip = self.staff.nip.as_str().to_string();
        let selected = self.skp.get(self.rows[SKP_ROW]);
        Some(match act {
            Act::NewSkp => Outcome::EditSkp(nip, SkpEdit::New),
            Act::OpenRow => Outcome::OpenSkp(nip, selected?.id),
            Act::Edit => Outcome::EditSkp(nip, SkpEdit::Data(selected?.id)),
            _ => return None,
        })
    }

    pub(super) fn draw_skp(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.skp.is_empty() {
            draw_empty(frame, area, ui, T::SkpNone);
            return;
        }
        let height = area.height.saturating_sub(1) as usize;
        let (start, selected) = self.table_window(SKP_ROW, height);
        let rows: Vec<Row> = self
            .skp
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, s)| {
                let row = Row::new(vec![
                    Cell::from(span_text(s.mulai, s.selesai, ui.lang)),
                    Cell::from(status_word(s.status, ui.lang)),
                    Cell::from(form_short(s.form, ui.lang)),
                    Cell::from(pendekatan_text(s.pendekatan, ui.lang)),
                    Cell::from(format!("{:>3}", s.rhk)),
                    Cell::from(format!("{}/{}", s.realised, s.indicators)),
                ]);
                selected_row(row, i == selected, ui)
            })
            .collect();
        draw_table(
            frame,
            area,
            ui,
            &[
                ui.t(T::SkpColSpan),
                ui.t(T::Status),
                ui.t(T::SkpColForm),
                ui.t(T::SkpColApproach),
                "RHK",
                ui.t(T::SkpColRealised),
            ],
            rows,
            &[
                Constraint::Length(25),
                Constraint::Length(10),
                Constraint::Length(9),
                Constraint::Length(12),
                Constraint::Length(3),
                Constraint::Fill(1),
            ],
        );
    }
}
