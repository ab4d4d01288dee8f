//! Kompetensi (`K` on the Pelatihan tab; issue 13, AKPK): for a unit (or every unit in
//! scope), the matrix of position x required competency with the number of people who
//! lack it, let it expire or lose it within six months; `Enter` on a cell lists those
//! people, most urgent first. There, `Space` marks people and `t` opens the group training
//! form prefilled with the competency, so one save closes the gap for everyone marked.
//!
//! The screen holds what `app/` computed (`competency_view`); a change of unit,
//! competency or position asks for a new computation through [`Outcome::CompetencyView`].

use super::{Outcome, Screen};
use crate::domain::{Competency, format_date};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::T;
use crate::ui::unit_picker::UnitPicker;
use crate::ui::{KeyHelp, Ui, fit, key, short_name};
use crate::views::competency_gaps::Gap;
use crate::views::competency_view::{GapPerson, Matrix, PositionRow};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::{BTreeSet, HashMap};

/// What the view shows: a unit (`None`: all in scope), and the list of one competency
/// (a position in the catalogue), for one position title or all, or the matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompetencyQuery {
    pub unit: Option<String>,
    pub list: Option<(usize, Option<String>)>,
}

/// Everything the screen draws, computed by `app/`.
#[derive(Debug, Clone, Default)]
pub struct CompetencyScreenData {
    pub query: CompetencyQuery,
    pub on: jiff::civil::Date,
    pub catalogue: Vec<Competency>,
    pub matrix: Matrix,
    /// The people of `query.list`, most urgent first (empty for the matrix).
    pub people: Vec<GapPerson>,
    /// Every unit (id, name) in scope, by name, for `u`.
    pub all_units: Vec<(String, String)>,
    pub unit_names: HashMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Left,
    Right,
    Open,
    AllPositions,
    Mark,
    MarkAll,
    Train,
    PrevCompetency,
    NextCompetency,
    Unit,
    Back,
    Quit,
}

/// The matrix's keys: they decide what a key does, and the footer and help show them.
const MATRIX_KEYS: [Binding<Act>; 7] = [
    bind(
        &[Key::Code(KeyCode::Left)],
        Act::Left,
        T::KeyCompetencyColumn,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Right)],
        Act::Right,
        T::KeyCompetencyColumn,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Enter)],
        Act::Open,
        T::KeyCompetencyWho,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Tab)],
        Act::AllPositions,
        T::KeyCompetencyAllPositions,
        true,
    ),
    bind(&[Key::Char('f')], Act::Unit, T::KeyUnit, true),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, false),
];

/// The list's keys.
const LIST_KEYS: [Binding<Act>; 9] = [
    bind(&[Key::Char(' ')], Act::Mark, T::KeyMark, true),
    bind(&[Key::Char('a')], Act::MarkAll, T::KeyMarkAllToggle, false),
    bind(&[Key::Char('t')], Act::Train, T::KeyCompetencyTrain, true),
    bind(
        &[Key::Code(KeyCode::Enter)],
        Act::Open,
        T::KeyOpenRow,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Left)],
        Act::PrevCompetency,
        T::KeyCompetencyOther,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Right)],
        Act::NextCompetency,
        T::KeyCompetencyOther,
        false,
    ),
    bind(&[Key::Char('f')], Act::Unit, T::KeyUnit, false),
    bind(
        &[Key::Code(KeyCode::Esc)],
        Act::Back,
        T::KeyCompetencyMatrix,
        true,
    ),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, false),
];

/// Width of the matrix's position column, and of each competency column.
const LABEL_W: usize = 24;
const CELL_W: usize = 5;

pub struct CompetencyScreen {
    data: CompetencyScreenData,
    /// Matrix cursor: row (the rows, then the totals row) and column.
    row: usize,
    col: usize,
    /// List cursor.
    person: usize,
    /// Marked NIPs in the list.
    marked: BTreeSet<String>,
    /// The unit picker `f` opened, while it is open.
    picker: Option<UnitPicker>,
}

impl CompetencyScreen {
    pub fn new(data: CompetencyScreenData) -> CompetencyScreen {
        let mut s = CompetencyScreen {
            picker: None,
            data,
            row: 0,
            col: 0,
            person: 0,
            marked: BTreeSet::new(),
        };
        // In a list, the cursor's column is the listed competency; on the matrix it starts
        // on the widest gap: the column with the most, its row with the most.
        if let Some((c, _)) = &s.data.query.list {
            if let Some(i) = s.data.matrix.columns.iter().position(|x| x == c) {
                s.col = i;
            }
        } else if let Some((col, _)) = s
            .data
            .matrix
            .totals
            .iter()
            .enumerate()
            .max_by_key(|(i, t)| (**t, std::cmp::Reverse(*i)))
        {
            s.col = col;
            s.row = s
                .data
                .matrix
                .rows
                .iter()
                .enumerate()
                .max_by_key(|(i, r)| (r.cells.get(col).copied().flatten(), std::cmp::Reverse(*i)))
                .map_or(0, |(i, _)| i);
        }
        s
    }

    /// Keeps the matrix cursor (by position title and competency) from the screen this
    /// one replaces, and the marks when the same list is shown again.
    pub fn keep_place_of(mut self, old: &CompetencyScreen) -> CompetencyScreen {
        let title = old.data.matrix.rows.get(old.row).map(|r| r.title.as_str());
        self.row = match title {
            Some(t) => self
                .data
                .matrix
                .rows
                .iter()
                .position(|r| r.title == t)
                .unwrap_or(0),
            None => self.data.matrix.rows.len(),
        };
        if self.data.query.list.is_none()
            && let Some(c) = old.data.matrix.columns.get(old.col)
        {
            self.col = self
                .data
                .matrix
                .columns
                .iter()
                .position(|x| x == c)
                .unwrap_or(0);
        }
        if old.data.query.list == self.data.query.list
            && old.data.query.unit == self.data.query.unit
        {
            let listed: BTreeSet<&str> = self.data.people.iter().map(|p| p.nip.as_str()).collect();
            self.marked = old
                .marked
                .iter()
                .filter(|n| listed.contains(n.as_str()))
                .cloned()
                .collect();
            self.person = old.person.min(self.data.people.len().saturating_sub(1));
        }
        self
    }

    pub fn query(&self) -> &CompetencyQuery {
        &self.data.query
    }

    pub fn marked(&self) -> Vec<String> {
        self.marked.iter().cloned().collect()
    }

    /// The key table of what is shown: the matrix or a list.
    fn table(&self) -> &'static [Binding<Act>] {
        if self.in_list() {
            &LIST_KEYS
        } else {
            &MATRIX_KEYS
        }
    }

    fn in_list(&self) -> bool {
        self.data.query.list.is_some()
    }

    /// Whether the position titled `position` (`None`: any) requires the competency of
    /// matrix column `col` in the scope shown.
    fn requires(&self, position: Option<&str>, col: usize) -> bool {
        match position {
            None => true,
            Some(p) => self
                .data
                .matrix
                .rows
                .iter()
                .any(|r| r.title == p && r.cells.get(col).copied().flatten().is_some()),
        }
    }

    /// The matrix column of the catalogue's competency `c`, if some position shown
    /// requires it.
    fn column_of(&self, c: usize) -> Option<usize> {
        self.data.matrix.columns.iter().position(|x| *x == c)
    }

    /// The catalogue position of the matrix column under the cursor.
    fn column_competency(&self) -> Option<usize> {
        self.data.matrix.columns.get(self.col).copied()
    }

    fn ask(&self, list: Option<(usize, Option<String>)>) -> Outcome {
        Outcome::CompetencyView(CompetencyQuery {
            unit: self.data.query.unit.clone(),
            list,
        })
    }

    fn unit_label(&self, ui: &Ui) -> String {
        match &self.data.query.unit {
            Some(u) => self
                .data
                .unit_names
                .get(u)
                .cloned()
                .unwrap_or_else(|| u.clone()),
            None => ui.all_units().to_string(),
        }
    }

    /// One line naming a competency: name, kind and validity.
    fn competency_line(&self, ui: &Ui, c: usize, width: usize) -> String {
        let Some(comp) = self.data.catalogue.get(c) else {
            return String::new();
        };
        let validity = match comp.validity_months {
            Some(m) => format!("{} {m} {}", ui.t(T::ValidFor), ui.t(T::Months)),
            None => ui.t(T::ValidForGood).to_string(),
        };
        fit(
            ui,
            &format!(
                "{}{sep}{}{sep}{validity}",
                comp.name,
                comp.kind.label(),
                sep = separator(ui)
            ),
            width,
        )
    }

    fn draw_matrix(&self, frame: &mut Frame, area: Rect, ui: &Ui, title: Line<'static>) {
        let width = area.width as usize;
        let m = &self.data.matrix;
        let [top, body, totals, legend] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let selected = self.column_competency().unwrap_or(0);
        let total = m.totals.get(self.col).copied().unwrap_or(0);
        frame.render_widget(
            Paragraph::new(vec![
                title,
                Line::styled(
                    format!(
                        "K{}: {}",
                        self.col + 1,
                        self.competency_line(ui, selected, width.saturating_sub(5))
                    ),
                    ui.theme.header(),
                ),
                Line::styled(
                    fit(
                        ui,
                        &format!(
                            "{} {}",
                            ui.t(T::CompetencyGapsIn),
                            crate::ui::counted(ui, total as usize, T::PeopleOne, T::PeopleLower)
                        ),
                        width,
                    ),
                    ui.theme.muted(),
                ),
            ]),
            top,
        );
        // Columns that fit, scrolled so the cursor's column shows.
        let fit_cols = (width.saturating_sub(LABEL_W) / CELL_W).max(1);
        let first = self.col.saturating_sub(fit_cols - 1);
        let shown: Vec<usize> = (first..m.columns.len()).take(fit_cols).collect();
        let mut lines = Vec::new();
        let mut head = vec![Span::styled(
            format!("{:<w$}", ui.t(T::PositionPeople), w = LABEL_W),
            ui.theme.header(),
        )];
        for i in &shown {
            let style = if *i == self.col {
                ui.theme.selected()
            } else {
                ui.theme.header()
            };
            head.push(Span::styled(
                format!("{:>w$}", format!("K{}", i + 1), w = CELL_W - 1),
                style,
            ));
            head.push(Span::raw(" "));
        }
        lines.push(Line::from(head));
        // Rows scrolled to keep the cursor's row; the totals stay on their own line below.
        let height = (body.height as usize).saturating_sub(1).max(1);
        let count = m.rows.len();
        let start = self
            .row
            .min(count.saturating_sub(1))
            .saturating_sub(height - 1);
        for r in (start..count).take(height) {
            let row = &m.rows[r];
            let label = position_label(ui, row, LABEL_W - 1);
            lines.push(self.matrix_line(
                ui,
                &label,
                &row.cells,
                &shown,
                r == self.row,
                Style::new(),
            ));
        }
        let sums: Vec<Option<u32>> = m.totals.iter().map(|t| Some(*t)).collect();
        frame.render_widget(
            Paragraph::new(self.matrix_line(
                ui,
                ui.t(T::Total),
                &sums,
                &shown,
                self.row == count,
                ui.theme.header(),
            )),
            totals,
        );
        frame.render_widget(Paragraph::new(lines), body);
        frame.render_widget(
            Paragraph::new(Line::styled(
                fit(ui, ui.t(T::CompetencyMatrixLegend), width),
                ui.theme.muted(),
            )),
            legend,
        );
    }

    /// One line of the matrix: the label, then the shown columns' cells (blank where the
    /// position does not require the competency, a dot for no gap).
    fn matrix_line(
        &self,
        ui: &Ui,
        label: &str,
        cells: &[Option<u32>],
        shown: &[usize],
        on_row: bool,
        label_style: Style,
    ) -> Line<'static> {
        let mut spans = vec![Span::styled(
            format!("{:<w$}", fit(ui, label, LABEL_W - 1), w = LABEL_W),
            if on_row {
                ui.theme.selected()
            } else {
                label_style
            },
        )];
        for i in shown {
            let cell = cells.get(*i).copied().flatten();
            let text = match cell {
                None if on_row && *i == self.col => "-".to_string(),
                None => String::new(),
                Some(0) => ui.theme.sym("·", ".").to_string(),
                Some(n) => n.to_string(),
            };
            let style = if on_row && *i == self.col {
                ui.theme.selected()
            } else if cell.is_some_and(|n| n > 0) {
                ui.theme.error()
            } else {
                ui.theme.muted()
            };
            spans.push(Span::styled(format!("{text:>w$}", w = CELL_W - 1), style));
            spans.push(Span::raw(" "));
        }
        Line::from(spans)
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, ui: &Ui, title: Line<'static>) {
        let width = area.width as usize;
        let Some((c, position)) = &self.data.query.list else {
            return;
        };
        let [top, body] =
            Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(area);
        let scope = match position {
            Some(p) => p.clone(),
            None => ui.t(T::AllPositions).to_string(),
        };
        let (missing, expired, soon) =
            self.data
                .people
                .iter()
                .fold((0, 0, 0), |acc, p| match p.gap {
                    Gap::BelumAda => (acc.0 + 1, acc.1, acc.2),
                    Gap::Kedaluwarsa(_) => (acc.0, acc.1 + 1, acc.2),
                    Gap::SegeraKedaluwarsa(_) => (acc.0, acc.1, acc.2 + 1),
                });
        frame.render_widget(
            Paragraph::new(vec![
                title,
                Line::styled(
                    match self.column_of(*c) {
                        Some(col) => format!(
                            "K{}: {}",
                            col + 1,
                            self.competency_line(ui, *c, width.saturating_sub(5))
                        ),
                        // Not a column here (after `u`, no position of the unit needs it).
                        None => self.competency_line(ui, *c, width),
                    },
                    ui.theme.header(),
                ),
                Line::raw(fit(
                    ui,
                    &format!(
                        "{} {}{sep}{missing} {}{sep}{expired} {}{sep}{soon} {}{sep}{scope}",
                        self.marked.len(),
                        ui.t(T::Marked),
                        ui.t(T::GapMissing),
                        ui.t(T::GapExpired),
                        ui.t(T::GapSoon),
                        sep = separator(ui)
                    ),
                    width,
                )),
                Line::styled(
                    header_line(ui, width, position.is_some()),
                    ui.theme.header(),
                ),
            ]),
            top,
        );
        let mut lines = Vec::new();
        if self.data.people.is_empty() {
            let required = self
                .column_of(*c)
                .is_some_and(|col| self.requires(position.as_deref(), col));
            let text = if required {
                T::CompetencyNoGaps
            } else {
                T::CompetencyNotRequired
            };
            lines.push(Line::styled(format!(" {}", ui.t(text)), ui.theme.muted()));
        }
        let height = (body.height as usize).max(1);
        let start = self.person.saturating_sub(height - 1);
        for (k, p) in self.data.people.iter().enumerate().skip(start).take(height) {
            let mark = if self.marked.contains(&p.nip) {
                ui.theme.sym("■", "x")
            } else {
                " "
            };
            let text = person_line(ui, &self.data, p, mark, width, position.is_some());
            let style = match p.gap {
                _ if k == self.person => ui.theme.selected(),
                Gap::Kedaluwarsa(_) => ui.theme.error(),
                Gap::BelumAda => Style::new(),
                Gap::SegeraKedaluwarsa(_) => ui.theme.muted(),
            };
            lines.push(Line::styled(text, style));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }
}

/// A matrix row's label in `width` columns: the title and the number of people; when it
/// is too long, the name is cut before the jenjang, so two jenjang of one position stay
/// apart ("Pranata Ko… Ahli Muda (3)").
fn position_label(ui: &Ui, row: &PositionRow, width: usize) -> String {
    let count = format!(" ({})", row.people);
    let room = width.saturating_sub(count.chars().count());
    if row.title.chars().count() <= room {
        return format!("{}{count}", row.title);
    }
    let jenjang = row
        .title
        .strip_prefix(row.name.as_str())
        .map(str::trim)
        .unwrap_or("");
    // The name keeps at least 6 columns; the jenjang what is left.
    let name_w = room
        .saturating_sub(jenjang.chars().count() + 1)
        .max(6)
        .min(room);
    let name = fit(ui, &row.name, name_w);
    let rest = room.saturating_sub(name.chars().count() + 1);
    if jenjang.is_empty() || rest == 0 {
        return format!("{}{count}", fit(ui, &row.title, room));
    }
    format!("{name} {}{count}", fit(ui, jenjang, rest))
}

/// The separator between parts of a line: a middle dot, or `-` in ASCII.
fn separator(ui: &Ui) -> &'static str {
    ui.theme.sym(" · ", " - ")
}

/// Column widths of the list: mark, name, position, unit, state, date.
/// The list's columns in `width`: (name, position, unit, state). A list of one position
/// (named in the line above) leaves the position out (0), so the unit has room for a whole
/// name at 80 columns ("Kel. Belawan Sicanang").
fn widths(width: usize, one_position: bool) -> (usize, usize, usize, usize) {
    // 2 (mark) + 13 (state) + 11 (date) + separators.
    let rest = width.saturating_sub(2 + 13 + 11 + 3);
    if one_position {
        let name = (rest / 2).max(10);
        return (name, 0, rest.saturating_sub(name + 1).max(6), 13);
    }
    let name = (rest * 2 / 5).max(10);
    let unit = (rest / 4).max(6);
    let pos = rest.saturating_sub(name + unit).max(4);
    (name, pos, unit, 13)
}

/// `text` padded to `w` and a space, or nothing for a column left out (`w` 0).
fn column(text: &str, w: usize) -> String {
    if w == 0 {
        String::new()
    } else {
        format!("{text:<w$} ")
    }
}

fn header_line(ui: &Ui, width: usize, one_position: bool) -> String {
    let (name, pos, unit, state) = widths(width, one_position);
    format!(
        "  {:<name$} {}{:<unit$} {:<state$}{}",
        ui.t(T::ColName),
        column(ui.t(T::ColJabatan), pos),
        ui.t(T::ColUnit),
        ui.t(T::ColState),
        ui.t(T::ColDate),
    )
}

fn gap_text(ui: &Ui, gap: Gap) -> &'static str {
    match gap {
        Gap::BelumAda => ui.t(T::GapMissing),
        Gap::Kedaluwarsa(_) => ui.t(T::GapExpired),
        Gap::SegeraKedaluwarsa(_) => ui.t(T::GapSoon),
    }
}

fn person_line(
    ui: &Ui,
    d: &CompetencyScreenData,
    p: &GapPerson,
    mark: &str,
    width: usize,
    one_position: bool,
) -> String {
    let (name, pos, unit, state) = widths(width, one_position);
    let unit_name = d
        .unit_names
        .get(&p.unit_id)
        .map_or(p.unit_id.as_str(), |s| s.as_str());
    format!(
        "{mark} {:<name$} {}{:<unit$} {:<state$}{}",
        fit(ui, &p.name, name),
        column(&fit(ui, &p.jabatan, pos), pos),
        short_name(ui, unit_name, unit),
        fit(ui, gap_text(ui, p.gap), state - 1),
        p.gap.date().map(format_date).unwrap_or_default(),
    )
}

impl Screen for CompetencyScreen {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut k = keys::help(self.table());
        k.extend(keys::nav_help());
        k.push(key(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            T::KeyHelp,
            true,
        ));
        k
    }

    fn handle(&mut self, key: KeyEvent, _ui: &Ui) -> Outcome {
        let rows = self.data.matrix.rows.len() + 1;
        if let Some(nav) = keys::action(&NAV, &key) {
            if self.in_list() {
                self.person = keys::step(nav, self.person, self.data.people.len(), 10);
            } else {
                self.row = keys::step(nav, self.row, rows, 10);
            }
            return Outcome::Changed;
        }
        let Some(act) = keys::action(self.table(), &key) else {
            return Outcome::Ignored;
        };
        let columns = self.data.matrix.columns.len();
        match act {
            Act::Left | Act::PrevCompetency | Act::Right | Act::NextCompetency if columns > 0 => {
                let step = if matches!(act, Act::Left | Act::PrevCompetency) {
                    columns - 1
                } else {
                    1
                };
                let position = self.data.query.list.as_ref().and_then(|l| l.1.clone());
                // In a list of one position, only the competencies it requires.
                for _ in 0..columns {
                    self.col = (self.col + step) % columns;
                    if position.is_none() || self.requires(position.as_deref(), self.col) {
                        break;
                    }
                }
                if self.in_list() {
                    return self.ask(self.column_competency().map(|c| (c, position)));
                }
            }
            Act::Left | Act::Right | Act::PrevCompetency | Act::NextCompetency => {}
            Act::Open if self.in_list() => {
                return match self.data.people.get(self.person) {
                    Some(p) => Outcome::OpenStaff(p.nip.clone()),
                    None => Outcome::Ignored,
                };
            }
            Act::Open => {
                let Some(c) = self.column_competency() else {
                    return Outcome::Ignored;
                };
                let position = self.data.matrix.rows.get(self.row).map(|r| r.title.clone());
                return self.ask(Some((c, position)));
            }
            Act::AllPositions if !self.in_list() => {
                let Some(c) = self.column_competency() else {
                    return Outcome::Ignored;
                };
                return self.ask(Some((c, None)));
            }
            Act::AllPositions => {}
            Act::Mark if self.in_list() => {
                if let Some(p) = self.data.people.get(self.person) {
                    if !self.marked.remove(&p.nip) {
                        self.marked.insert(p.nip.clone());
                    }
                    self.person = (self.person + 1).min(self.data.people.len().saturating_sub(1));
                }
            }
            Act::MarkAll if self.in_list() => {
                if self.marked.len() == self.data.people.len() {
                    self.marked.clear();
                } else {
                    self.marked = self.data.people.iter().map(|p| p.nip.clone()).collect();
                }
            }
            Act::Mark | Act::MarkAll => return Outcome::Ignored,
            Act::Train if self.in_list() => {
                let Some((c, _)) = &self.data.query.list else {
                    return Outcome::Ignored;
                };
                let Some(competency) = self.data.catalogue.get(*c) else {
                    return Outcome::Ignored;
                };
                let nips: Vec<String> = if self.marked.is_empty() {
                    self.data
                        .people
                        .get(self.person)
                        .map(|p| p.nip.clone())
                        .into_iter()
                        .collect()
                } else {
                    // In the list's order, so the form names them as listed.
                    self.data
                        .people
                        .iter()
                        .filter(|p| self.marked.contains(&p.nip))
                        .map(|p| p.nip.clone())
                        .collect()
                };
                if nips.is_empty() {
                    return Outcome::Ignored;
                }
                return Outcome::TrainForCompetency(nips, competency.id.clone());
            }
            Act::Train => return Outcome::Ignored,
            Act::Unit => {
                self.picker = Some(UnitPicker::new(
                    &self.data.all_units,
                    self.data.query.unit.as_deref(),
                ));
            }
            Act::Back if self.in_list() => return self.ask(None),
            Act::Back => return Outcome::Back,
            Act::Quit => return Outcome::Quit,
        }
        Outcome::Changed
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let width = area.width as usize;
        let title = Line::from(vec![
            Span::styled(format!("{} ", ui.t(T::CompetencyTitle)), ui.theme.title()),
            Span::raw(fit(ui, &self.unit_label(ui), 34)),
            Span::styled(
                format!("  {} {}", ui.t(T::AsOf), format_date(self.data.on)),
                ui.theme.muted(),
            ),
        ]);
        if self.data.catalogue.is_empty() || self.data.matrix.columns.is_empty() {
            let text = if self.data.catalogue.is_empty() {
                T::CompetencyNoCatalogue
            } else {
                T::CompetencyNoRequirement
            };
            frame.render_widget(
                Paragraph::new(vec![
                    title,
                    Line::raw(""),
                    Line::styled(fit(ui, ui.t(text), width), ui.theme.muted()),
                ]),
                area,
            );
            return;
        }
        if self.in_list() {
            self.draw_list(frame, area, ui, title);
        } else {
            self.draw_matrix(frame, area, ui, title);
        }
    }

    fn title(&self) -> T {
        T::CompetencyTitle
    }

    fn unit_picker(&mut self) -> Option<&mut Option<UnitPicker>> {
        Some(&mut self.picker)
    }

    fn open_picker(&self) -> Option<&UnitPicker> {
        self.picker.as_ref()
    }

    fn unit_chosen(&mut self, unit: Option<String>) -> Outcome {
        Outcome::CompetencyView(CompetencyQuery {
            unit,
            list: self.data.query.list.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CompetencyKind, TrainingKind};
    use crossterm::event::KeyModifiers;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// Two competencies; "Bidan Terampil" requires only the first, "Guru" both.
    fn data(list: Option<(usize, Option<String>)>) -> CompetencyScreenData {
        let c = |name: &str| {
            Competency::new(
                name,
                CompetencyKind::Teknis,
                vec![TrainingKind::Bimtek],
                vec![],
                None,
            )
        };
        CompetencyScreenData {
            query: CompetencyQuery { unit: None, list },
            on: jiff::civil::date(2026, 11, 28),
            catalogue: vec![c("BTCLS"), c("Kurikulum Merdeka")],
            matrix: Matrix {
                columns: vec![0, 1],
                rows: vec![
                    PositionRow {
                        title: "Bidan Terampil".into(),
                        name: "Bidan".into(),
                        people: 3,
                        cells: vec![Some(2), None],
                    },
                    PositionRow {
                        title: "Guru".into(),
                        name: "Guru".into(),
                        people: 4,
                        cells: vec![Some(0), Some(1)],
                    },
                ],
                totals: vec![2, 1],
            },
            ..Default::default()
        }
    }

    fn text(screen: &mut CompetencyScreen) -> String {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| screen.draw(f, f.area(), &Ui::default()))
            .unwrap();
        let buf = term.backend().buffer().clone();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_position_that_does_not_require_the_competency_says_so_not_no_gaps() {
        let mut s = CompetencyScreen::new(data(Some((1, Some("Bidan Terampil".into())))));
        let t = text(&mut s);
        assert!(t.contains("jabatan ini tidak mensyaratkan"), "{t}");
        assert!(!t.contains("tidak ada celah"), "{t}");
        let mut s = CompetencyScreen::new(data(Some((0, Some("Guru".into())))));
        assert!(text(&mut s).contains("tidak ada celah"));
    }

    /// After `u`, the listed competency may be required by no position of the unit: the
    /// list says so, for every position too, and names it without a column number.
    #[test]
    fn a_listed_competency_that_is_no_column_here_is_not_required() {
        let mut d = data(Some((1, None)));
        d.matrix.columns = vec![0];
        for r in &mut d.matrix.rows {
            r.cells.truncate(1);
        }
        d.matrix.totals.truncate(1);
        let t = text(&mut CompetencyScreen::new(d));
        assert!(t.contains("jabatan ini tidak mensyaratkan"), "{t}");
        assert!(t.contains("Kurikulum Merdeka"), "{t}");
        assert!(!t.contains("K1: Kurikulum"), "{t}");
    }

    #[test]
    fn other_competency_keys_skip_what_the_position_does_not_require() {
        let mut s = CompetencyScreen::new(data(Some((0, Some("Bidan Terampil".into())))));
        let key = KeyEvent::new(KeyCode::Right, KeyModifiers::NONE);
        // Bidan requires only the first: → comes back to it.
        assert_eq!(
            s.handle(key, &Ui::default()),
            Outcome::CompetencyView(CompetencyQuery {
                unit: None,
                list: Some((0, Some("Bidan Terampil".into()))),
            })
        );
        // Guru requires both: → moves on.
        let mut s = CompetencyScreen::new(data(Some((0, Some("Guru".into())))));
        assert_eq!(
            s.handle(key, &Ui::default()),
            Outcome::CompetencyView(CompetencyQuery {
                unit: None,
                list: Some((1, Some("Guru".into()))),
            })
        );
    }

    #[test]
    fn in_ascii_the_separators_are_ascii() {
        let mut u = Ui::default();
        u.theme.ascii = true;
        let mut s = CompetencyScreen::new(data(Some((0, None))));
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| s.draw(f, f.area(), &u)).unwrap();
        let buf = term.backend().buffer().clone();
        let all: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(!all.contains('·') && !all.contains('?'), "{all}");
        assert!(all.contains("BTCLS - teknis"), "{all}");
    }
}
