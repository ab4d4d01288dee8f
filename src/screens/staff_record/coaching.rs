//! The record's Pembinaan section: whether the latest evaluation asks for coaching, and the records.

use super::*;
impl StaffRecord {
    /// Pembinaan: whether the latest evaluation asks for coaching and where it stands
    /// (DOMAIN.md, Pembinaan kinerja), then the records, newest first, with their status.
    pub(super) fn draw_coaching(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        use crate::ui::labels::{status_style, status_text};
        let [top, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        if let Some((period, p)) = self.flagged_by() {
            let status = crate::domain::follow_up(&self.coaching, Some(period.start()), self.today);
            let mut spans = vec![Span::styled(
                // The start of the flagging evaluation's period: coaching from then on counts.
                format!(
                    " {} {} ({}): ",
                    ui.t(T::CoachSince),
                    format_date(period.start()),
                    p.label()
                ),
                ui.theme.muted(),
            )];
            if let Some(s) = status {
                spans.push(Span::styled(status_text(s, ui), status_style(s, ui)));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), top);
        }
        if self.coaching.is_empty() {
            draw_empty(frame, table_area, ui, T::NoCoaching);
            return;
        }
        let height = table_area.height.saturating_sub(1) as usize;
        let (start, selected) = self.table_window(3, height);
        // The problem takes what the other columns leave (a space after each).
        let problem_w = (table_area.width as usize)
            .saturating_sub(10 + 17 + 13 + 10 + 4)
            .max(10);
        let rows: Vec<Row> = self
            .coaching
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, c)| {
                let status = c.status(self.today);
                let row = Row::new(vec![
                    Cell::from(format_date(c.tanggal)),
                    Cell::from(c.jenis.label()),
                    Cell::from(format_date(c.tindak_lanjut)),
                    Cell::from(Span::styled(
                        status_text(status, ui),
                        status_style(status, ui),
                    )),
                    Cell::from(fit(ui, &c.masalah.replace('\n', " "), problem_w)),
                ]);
                selected_row(row, i == selected, ui)
            })
            .collect();
        draw_table(
            frame,
            table_area,
            ui,
            &[
                T::CoachingDate,
                T::CoachingKindLabel,
                T::CoachFollowUp,
                T::Status,
                T::CoachProblem,
            ]
            .map(|t| ui.t(t)),
            rows,
            &[
                Constraint::Length(10),
                Constraint::Length(17),
                Constraint::Length(13),
                Constraint::Length(10),
                Constraint::Fill(1),
            ],
        );
    }
}
