//! The record's Kompetensi section: the competencies the position requires and the person's state of each.

use super::*;
impl StaffRecord {
    /// Kompetensi: a line counting the states, then each required competency with its
    /// kind, validity and the person's state (ada until a day, kedaluwarsa since a day,
    /// belum ada).
    pub(super) fn draw_competencies(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        use crate::domain::CompetencyState;
        let [top, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        if self.competencies.is_empty() {
            draw_empty(frame, top, ui, T::NoCompetencies);
            return;
        }
        let count = |f: fn(&CompetencyState) -> bool| {
            self.competencies.iter().filter(|c| f(&c.state)).count()
        };
        let held = count(|s| matches!(s, CompetencyState::Ada { .. }));
        let expired = count(|s| matches!(s, CompetencyState::Kedaluwarsa(_)));
        let missing = count(|s| matches!(s, CompetencyState::BelumAda));
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    " {}: {held} {}, {expired} {}, {missing} {}",
                    ui.theme.text(&self.staff.jabatan.title()),
                    ui.t(T::CompHeld),
                    ui.t(T::CompExpired),
                    ui.t(T::CompMissing)
                ),
                ui.theme.muted(),
            )),
            top,
        );
        let height = table_area.height.saturating_sub(1) as usize;
        let (start, selected) = self.table_window(4, height);
        let name_w = (table_area.width as usize)
            .saturating_sub(15 + 10 + 23 + 3)
            .max(10);
        let rows: Vec<Row> = self
            .competencies
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, c)| {
                let (text, style) = match c.state {
                    CompetencyState::Ada { until: Some(d) } => (
                        format!(
                            "{} {} {}",
                            ui.t(T::CompHeld),
                            ui.t(T::CompUntil),
                            format_date(d)
                        ),
                        Style::new(),
                    ),
                    CompetencyState::Ada { until: None } => {
                        (ui.t(T::CompHeld).to_string(), Style::new())
                    }
                    CompetencyState::Kedaluwarsa(d) => (
                        format!("{} {}", ui.t(T::CompExpired), format_date(d)),
                        ui.theme.error(),
                    ),
                    CompetencyState::BelumAda => {
                        (ui.t(T::CompMissing).to_string(), ui.theme.error())
                    }
                };
                let validity = match c.validity_months {
                    Some(m) => format!("{m} {}", ui.t(T::CompMonths)),
                    None => ui.t(T::CompForGood).to_string(),
                };
                let row = Row::new(vec![
                    Cell::from(fit(ui, &c.name, name_w)),
                    Cell::from(c.kind.label()),
                    Cell::from(validity),
                    Cell::from(Span::styled(text, style)),
                ]);
                selected_row(row, i == selected, ui)
            })
            .collect();
        draw_table(
            frame,
            table_area,
            ui,
            &[T::Competency, T::CompKind, T::CompValidity, T::Status].map(|t| ui.t(t)),
            rows,
            &[
                Constraint::Fill(1),
                Constraint::Length(15),
                Constraint::Length(10),
                Constraint::Length(23),
            ],
        );
    }
}
