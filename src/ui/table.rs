//! The list table every list screen draws: column names in the header style, the selected
//! row in the selected style.

use super::Ui;
use super::lang::T;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row, Table};

/// `row` in the theme's selected style when `selected`, else as it is.
pub fn marked<'a>(row: Row<'a>, selected: bool, ui: &Ui) -> Row<'a> {
    if selected {
        row.style(ui.theme.selected())
    } else {
        row
    }
}

/// Draws `rows` in `area` under a header of `columns` (in the UI's language), one width
/// each from `widths`.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    ui: &Ui,
    columns: &[T],
    widths: &[Constraint],
    rows: Vec<Row<'_>>,
) {
    let header = Row::new(columns.iter().map(|t| Cell::from(ui.t(*t)))).style(ui.theme.header());
    frame.render_widget(
        Table::new(rows, widths.iter().copied()).header(header),
        area,
    );
}
