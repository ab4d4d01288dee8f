//! Pegawai: the staff list with search, unit filter and sort orders.

use super::{Outcome, Screen};
use crate::model::staff_index::{SortKey, StaffIndex};
use crate::ui::input::TextInput;
use crate::ui::keys::{self, Binding, Key, NAV, Nav, bind};
use crate::ui::labels::predikat_short;
use crate::ui::lang::T;
use crate::ui::tabs::Tab;
use crate::ui::unit_picker::{Picked, UnitPicker};
use crate::ui::{KeyHelp, Pasted, Ui, fit, is_ctrl, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// Most people `a` marks at once (a unit or a search; not the whole list).
const MARK_ALL_LIMIT: usize = 1000;

enum Mode {
    Browse,
    Search(TextInput),
    PickUnit(UnitPicker),
}

pub struct StaffList {
    index: StaffIndex,
    loading: bool,
    selected: usize,
    offset: usize,
    /// Rows that fit, from the last draw; paging uses it.
    page: usize,
    mode: Mode,
    /// People marked with Space, for a group training. Only Space, `u` and a saved group
    /// training change them: Esc and the filters leave them alone.
    marked: std::collections::BTreeSet<String>,
    /// The last non-empty query typed, which Up or Ctrl-P recalls into an empty search box.
    last_query: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Search,
    Unit,
    Sort,
    Open,
    New,
    Quick,
    Realisation,
    Mark,
    Unmark,
    Training,
    SkpTemplate,
    Officers,
    ClearFilter,
    Quit,
}

/// The list's keys: they decide what a key does, and the footer and help show them.
const BROWSE_KEYS: [Binding<Act>; 14] = [
    bind(&[Key::Char('/')], Act::Search, T::KeySearch, true),
    bind(&[Key::Char('f')], Act::Unit, T::KeyUnit, true),
    bind(&[Key::Char('s')], Act::Sort, T::KeySort, true),
    bind(&[Key::Code(KeyCode::Enter)], Act::Open, T::KeyOpen, true),
    bind(&[Key::Char('n')], Act::New, T::KeyNew, true),
    bind(&[Key::Char('E')], Act::Quick, T::KeyQuick, false),
    bind(
        &[Key::Char('R')],
        Act::Realisation,
        T::KeyRealisation,
        false,
    ),
    bind(&[Key::Char(' ')], Act::Mark, T::KeyMark, false),
    bind(&[Key::Char('a')], Act::Unmark, T::KeyMarkAllToggle, false),
    bind(&[Key::Char('t')], Act::Training, T::KeyNewTraining, false),
    bind(
        &[Key::Char('S')],
        Act::SkpTemplate,
        T::KeySkpTemplate,
        false,
    ),
    bind(&[Key::Char('O')], Act::Officers, T::KeyOfficers, false),
    bind(
        &[Key::Code(KeyCode::Esc)],
        Act::ClearFilter,
        T::KeyClearFilter,
        false,
    ),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, true),
];

const SEARCH_KEYS: [KeyHelp; 6] = [
    key(&[Key::Code(KeyCode::Enter)], T::KeyKeepFilter, true),
    key(&[Key::Code(KeyCode::Esc)], T::KeyClearFilter, true),
    key(
        &[Key::Code(KeyCode::Up), Key::Code(KeyCode::Down)],
        T::KeyMove,
        true,
    ),
    // In the footer only while it applies, in place of "move" (see `keys`).
    key(
        &[Key::Code(KeyCode::Up), Key::Ctrl('p')],
        T::KeyRecallSearch,
        false,
    ),
    key(
        &[Key::Code(KeyCode::PageUp), Key::Code(KeyCode::PageDown)],
        T::KeyPage,
        false,
    ),
    key(&[Key::Code(KeyCode::F(1))], T::KeyHelp, true),
];

fn sort_text(k: SortKey) -> T {
    match k {
        SortKey::Name => T::SortName,
        SortKey::Nip => T::SortNip,
        SortKey::Rank => T::SortRank,
        SortKey::Unit => T::SortUnit,
        SortKey::Predikat => T::SortPredikat,
        SortKey::Jp => T::SortJp,
        SortKey::Pension => T::SortPension,
    }
}

impl StaffList {
    /// `loading`: the index holds only the first page; the rest comes with [`Self::loaded`].
    pub fn new(index: StaffIndex, loading: bool) -> StaffList {
        StaffList {
            index,
            loading,
            selected: 0,
            offset: 0,
            page: 20,
            mode: Mode::Browse,
            marked: Default::default(),
            last_query: String::new(),
        }
    }

    /// Swaps in the full index once it is read, keeping the selected person.
    pub fn loaded(&mut self, index: StaffIndex) {
        let nip = self.selected_nip();
        self.index = index;
        self.loading = false;
        self.selected = nip.and_then(|n| self.index.position_of(&n)).unwrap_or(0);
    }

    /// Takes in saves made by other sessions, keeping the selected person; true if the
    /// rows changed.
    pub fn sync(&mut self) -> bool {
        let nip = self.selected_nip();
        if !self.index.sync() {
            return false;
        }
        self.selected = nip
            .and_then(|n| self.index.position_of(&n))
            .unwrap_or(self.selected)
            .min(self.index.len().saturating_sub(1));
        true
    }

    pub fn index(&self) -> &StaffIndex {
        &self.index
    }

    pub fn index_mut(&mut self) -> &mut StaffIndex {
        &mut self.index
    }

    pub fn selected_nip(&self) -> Option<String> {
        self.index.row(self.selected).map(|s| s.nip.clone())
    }

    /// Selects a person if they are in the current view.
    pub fn select_nip(&mut self, nip: &str) {
        if let Some(pos) = self.index.position_of(nip) {
            self.selected = pos;
        }
    }

    fn move_to(&mut self, pos: usize) {
        self.selected = pos.min(self.index.len().saturating_sub(1));
    }

    fn browse_move(&mut self, nav: Nav) {
        self.selected = keys::step(nav, self.selected, self.index.len(), self.page);
    }

    fn draw_info(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let shown = if self.loading {
            ui.t(T::Loading).to_string()
        } else {
            format!(
                "{} / {} {}",
                self.index.len(),
                self.index.total(),
                ui.t(T::Shown)
            )
        };
        let count = if self.marked.is_empty() {
            shown
        } else {
            format!("{} {}  {shown}", self.marked.len(), ui.t(T::Marked))
        };
        // The counts keep their place on the right (the number marked above all); a long
        // query or unit name is cut instead.
        let count_width = (count.chars().count() as u16 + 1).min(area.width);
        let [left_area, count_area] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(count_width)]).areas(area);
        let left: Vec<Span> = match &self.mode {
            Mode::Search(input) => {
                let prompt = format!("{}: ", ui.t(T::SearchPrompt));
                // The end of a long query, where the typing happens, stays in view.
                let room = (left_area.width as usize).saturating_sub(prompt.chars().count() + 1);
                let value = ui.theme.text(input.value());
                let len = value.chars().count();
                let value = if len > room {
                    let tail: String = value.chars().skip(len + 1 - room).collect();
                    format!("{}{tail}", ui.theme.sym("…", "~"))
                } else {
                    value
                };
                vec![
                    Span::styled(prompt, ui.theme.key()),
                    Span::raw(value),
                    Span::styled(ui.theme.sym("▏", "_"), ui.theme.key()),
                ]
            }
            _ => {
                let unit = self
                    .index
                    .unit_filter()
                    .map_or(ui.all_units().to_string(), |u| {
                        ui.theme.text(&self.index.unit_name(u))
                    });
                let mut v = vec![Span::styled(
                    format!(
                        "{}: {}  {}: {}",
                        ui.t(T::SortBy),
                        ui.t(sort_text(self.index.sort())),
                        ui.t(T::ColUnit),
                        unit
                    ),
                    ui.theme.muted(),
                )];
                if !self.index.query().is_empty() {
                    v.push(Span::styled(
                        format!(
                            "  {}: {}",
                            ui.t(T::SearchPrompt),
                            ui.theme.text(self.index.query())
                        ),
                        ui.theme.key(),
                    ));
                }
                v
            }
        };
        frame.render_widget(Paragraph::new(Line::from(left)), left_area);
        frame.render_widget(
            Paragraph::new(Line::raw(count)).alignment(ratatui::layout::Alignment::Right),
            count_area,
        );
    }
}

/// `text` cut to `width` columns as [`fit`] cuts it (ending in `…`), with the characters
/// at `marks` (char positions) in the match style.
fn highlighted(ui: &Ui, text: &str, marks: &[u32], width: usize) -> Line<'static> {
    let whole = ui.theme.text(text);
    let text = fit(ui, &whole, width);
    // The cut mark is no character of the name: never highlighted.
    let kept = if text == whole {
        u32::MAX
    } else {
        text.chars().count().saturating_sub(1) as u32
    };
    let marks: Vec<u32> = marks.iter().copied().filter(|i| *i < kept).collect();
    let marks = marks.as_slice();
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let marked = marks.binary_search(&(i as u32)).is_ok();
        if marked != run_marked && !run.is_empty() {
            let style = if run_marked {
                ui.theme.matched()
            } else {
                Style::new()
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = marked;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_marked {
            ui.theme.matched()
        } else {
            Style::new()
        };
        spans.push(Span::styled(run, style));
    }
    Line::from(spans)
}

impl Screen for StaffList {
    fn keys(&self) -> Vec<KeyHelp> {
        match &self.mode {
            Mode::Browse => {
                let mut k = keys::nav_help();
                k.extend(keys::help(&BROWSE_KEYS));
                k.insert(
                    k.len() - 1,
                    key(
                        &[Key::Char('?'), Key::Code(KeyCode::F(1))],
                        T::KeyHelp,
                        true,
                    ),
                );
                k
            }
            Mode::Search(input) => {
                // In an empty box with a last query, Up recalls it rather than moving.
                // Up is on one line only (the one it does now), which the footer shows.
                let recall = input.value().is_empty() && !self.last_query.is_empty();
                let lines = SEARCH_KEYS
                    .iter()
                    .map(|k| KeyHelp {
                        footer: match k.action {
                            T::KeyRecallSearch => recall,
                            T::KeyMove => !recall,
                            _ => k.footer,
                        },
                        ..k.clone()
                    })
                    .collect();
                let not_now = if recall {
                    T::KeyMove
                } else {
                    T::KeyRecallSearch
                };
                keys::without(lines, not_now, &[Key::Code(KeyCode::Up)])
            }
            Mode::PickUnit(picker) => picker.keys(),
        }
    }

    fn handle(&mut self, key: KeyEvent, _ui: &Ui) -> Outcome {
        match &mut self.mode {
            Mode::Browse => {
                if let Some(nav) = keys::action(&NAV, &key) {
                    self.browse_move(nav);
                    return Outcome::Changed;
                }
                match keys::action(&BROWSE_KEYS, &key) {
                    // A new search starts empty; Up or Ctrl-P brings the last one back.
                    Some(Act::Search) => {
                        if !self.index.query().is_empty() {
                            self.index.set_query("");
                            self.move_to(0);
                        }
                        self.mode = Mode::Search(TextInput::default());
                        Outcome::Changed
                    }
                    Some(Act::Unit) => {
                        self.mode = Mode::PickUnit(UnitPicker::new(
                            &self.index.units(),
                            self.index.unit_filter(),
                        ));
                        Outcome::Changed
                    }
                    // A new order is read from its top.
                    Some(Act::Sort) => {
                        self.index.set_sort(self.index.sort().next());
                        self.move_to(0);
                        Outcome::Changed
                    }
                    Some(Act::Open) => match self.selected_nip() {
                        Some(nip) => Outcome::OpenStaff(nip),
                        None => Outcome::Ignored,
                    },
                    Some(Act::New) => Outcome::NewStaff,
                    Some(Act::Officers) => Outcome::OpenOfficers,
                    Some(Act::Quick) => Outcome::QuickEntry,
                    // The unit the list is narrowed to, else the selected person's.
                    Some(Act::Realisation) => {
                        let unit = self
                            .index
                            .unit_filter()
                            .map(str::to_string)
                            .or_else(|| self.index.row(self.selected).map(|r| r.unit_id));
                        Outcome::OpenRealisation(unit.unwrap_or_default())
                    }
                    Some(Act::Mark) => match self.selected_nip() {
                        Some(nip) => {
                            if !self.marked.remove(&nip) {
                                self.marked.insert(nip);
                            }
                            self.move_to(self.selected + 1);
                            Outcome::Changed
                        }
                        None => Outcome::Ignored,
                    },
                    // A training (or SKP) for everyone marked, or for the selected person.
                    Some(act @ (Act::Training | Act::SkpTemplate)) => {
                        let nips: Vec<String> = if self.marked.is_empty() {
                            self.selected_nip().into_iter().collect()
                        } else {
                            self.marked.iter().cloned().collect()
                        };
                        if nips.is_empty() {
                            Outcome::Ignored
                        } else if act == Act::SkpTemplate {
                            Outcome::SkpTemplate(nips)
                        } else {
                            Outcome::OpenTraining(nips, None)
                        }
                    }
                    Some(Act::Unmark) if !self.marked.is_empty() => {
                        self.marked.clear();
                        Outcome::Changed
                    }
                    // Nothing marked: everyone listed (a unit, a search) is, up to the
                    // most a group form takes.
                    Some(Act::Unmark) => match self.index.view_people(MARK_ALL_LIMIT) {
                        Some(rows) if !rows.is_empty() => {
                            self.marked.extend(rows.into_iter().map(|(nip, ..)| nip));
                            Outcome::Changed
                        }
                        _ => Outcome::Ignored,
                    },
                    Some(Act::Quit) => Outcome::Quit,
                    Some(Act::ClearFilter) if !self.index.query().is_empty() => {
                        self.index.set_query("");
                        self.move_to(0);
                        Outcome::Changed
                    }
                    Some(Act::ClearFilter) | None => Outcome::Ignored,
                }
            }
            Mode::Search(input) => match key.code {
                KeyCode::Enter | KeyCode::Esc => {
                    if !input.value().is_empty() {
                        self.last_query = input.value().to_string();
                    }
                    self.mode = Mode::Browse;
                    if key.code == KeyCode::Esc {
                        self.index.set_query("");
                        self.move_to(0);
                    }
                    Outcome::Changed
                }
                _ if (key.code == KeyCode::Up || is_ctrl(&key, 'p'))
                    && input.value().is_empty()
                    && !self.last_query.is_empty() =>
                {
                    *input = TextInput::new(&self.last_query);
                    self.index.set_query(&self.last_query);
                    self.selected = 0;
                    Outcome::Changed
                }
                KeyCode::Up => {
                    self.browse_move(Nav::Up);
                    Outcome::Changed
                }
                KeyCode::Down => {
                    self.browse_move(Nav::Down);
                    Outcome::Changed
                }
                KeyCode::PageUp => {
                    self.browse_move(Nav::PageUp);
                    Outcome::Changed
                }
                KeyCode::PageDown => {
                    self.browse_move(Nav::PageDown);
                    Outcome::Changed
                }
                _ => {
                    if input.handle(&key) {
                        let q = input.value().to_string();
                        self.index.set_query(&q);
                        self.selected = 0;
                        Outcome::Changed
                    } else {
                        Outcome::Ignored
                    }
                }
            },
            Mode::PickUnit(picker) => match picker.handle(&key) {
                Picked::Unit(unit) => {
                    self.index.set_unit(unit);
                    self.move_to(0);
                    self.mode = Mode::Browse;
                    Outcome::Changed
                }
                Picked::Cancel => {
                    self.mode = Mode::Browse;
                    Outcome::Changed
                }
                Picked::Changed => Outcome::Changed,
                Picked::Ignored => Outcome::Ignored,
            },
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        // Without colour, signs mark what colour would (inactive, JP below target), and the
        // last line says what they mean.
        let signs = !ui.theme.color;
        let [info, table_area, legend] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(u16::from(signs)),
        ])
        .areas(area);
        self.draw_info(frame, info, ui);
        if signs {
            frame.render_widget(
                Paragraph::new(Line::styled(ui.t(T::SignsLegend), ui.theme.muted())),
                legend,
            );
        }

        // Below 100 columns the position is left to the record, so names and units keep
        // room enough to tell rows apart. Sorted by pension, the date takes the place of the
        // predikat and JP.
        let wide = table_area.width >= 100;
        let by_pension = self.index.sort() == SortKey::Pension;
        let mut widths = vec![
            // An NI PPPK spaced as its own layout is 22 wide (`19931228 2025 21 2 001`).
            Constraint::Length(22),
            Constraint::Fill(10),
            Constraint::Length(5),
            Constraint::Fill(9),
            Constraint::Fill(8),
            Constraint::Length(4),
            // Room for the `!` when there is no colour.
            Constraint::Length(3 + u16::from(signs)),
        ];
        if by_pension {
            widths.truncate(5);
            widths.push(Constraint::Length(10));
        }
        if !wide {
            widths.remove(3);
            // Name and unit share the room evenly.
            widths[1] = Constraint::Fill(1);
            widths[3] = Constraint::Fill(1);
        }
        // The columns' widths, so that names are shortened to fit them, not cut blindly.
        let mut col_w: Vec<usize> = Layout::horizontal(widths.clone())
            .spacing(1)
            .split(table_area)
            .iter()
            .map(|r| r.width as usize)
            .collect();
        if !wide {
            col_w.insert(3, 0);
        }
        let rows_fit = table_area.height.saturating_sub(1) as usize;
        self.page = rows_fit.max(1);
        // Scroll by half a page when the selection leaves the screen: a redraw of every
        // row costs about 3 KiB over SSH, so it should come once per half page, not per key.
        let jump = (rows_fit / 2).max(1);
        let last_offset = self.index.len().saturating_sub(rows_fit);
        if self.selected < self.offset {
            self.offset = self.selected.saturating_sub(jump - 1);
        } else if self.selected >= self.offset + rows_fit {
            self.offset = (self.selected + jump)
                .saturating_sub(rows_fit)
                .min(last_offset);
        }
        self.offset = self.offset.min(last_offset);
        if self.index.is_empty() {
            let msg = Paragraph::new(Line::styled(
                format!("  {}", ui.t(T::NoMatch)),
                ui.theme.muted(),
            ));
            frame.render_widget(msg, table_area);
            return;
        }
        let end = (self.offset + rows_fit).min(self.index.len());
        let mut rows = Vec::with_capacity(end - self.offset);
        let highlight = !self.index.query().trim().is_empty();
        for pos in self.offset..end {
            let Some(s) = self.index.row(pos) else {
                break;
            };
            let mark = if self.marked.contains(&s.nip) {
                ui.theme.sym("✓ ", "* ")
            } else {
                ""
            };
            let inactive = if signs && !s.aktif { "- " } else { "" };
            let s = crate::model::staff_index::StaffRow {
                name: format!("{mark}{inactive}{}", s.name),
                ..s
            };
            let name_cell = if highlight {
                let marks = self.index.match_positions(&s.name);
                Cell::from(highlighted(ui, &s.name, &marks, col_w[1]))
            } else {
                // Cut with a mark, so a cut name is never taken for a whole one.
                Cell::from(fit(ui, &s.name, col_w[1]))
            };
            let nip_cell = if highlight {
                let marks = self.index.match_positions(&s.nip);
                // Map digit positions to the spaced form.
                let kind = if s.golongan.is_pppk() {
                    crate::domain::EmploymentKind::Pppk
                } else {
                    crate::domain::EmploymentKind::Pns
                };
                let gaps = crate::domain::Nip::space_positions(kind);
                let spaced: Vec<u32> = marks
                    .iter()
                    .map(|&i| i + gaps.iter().filter(|&&b| i >= b).count() as u32)
                    .collect();
                Cell::from(highlighted(ui, &s.nip_spaced(), &spaced, col_w[0]))
            } else {
                Cell::from(s.nip_spaced())
            };
            let (pred, pred_style) = match s.last {
                Some((_, p)) => (predikat_short(p), ui.theme.predikat(p)),
                None => ("-", ui.theme.muted()),
            };
            let jp = s.jp;
            let reached = ui.jp.reached(s.golongan.is_pppk(), jp);
            let jp_style = if reached {
                Style::new()
            } else {
                ui.theme.muted()
            };
            let below = match (signs, reached) {
                (false, _) => "",
                (true, true) => " ",
                (true, false) => "!",
            };
            let mut name_style = Style::new();
            if !s.aktif {
                name_style = ui.theme.muted();
            }
            let mut cells = vec![
                nip_cell,
                name_cell.style(name_style),
                Cell::from(s.golongan.to_string()),
                Cell::from(crate::ui::short_name(ui, &s.jabatan, col_w[3])),
                Cell::from(crate::ui::short_name(
                    ui,
                    &self.index.unit_name(&s.unit_id),
                    col_w[4],
                )),
            ];
            if by_pension {
                cells.push(Cell::from(
                    s.pension
                        .map_or("-".to_string(), crate::domain::format_date),
                ));
            } else {
                cells.push(Cell::from(Span::styled(pred, pred_style)));
                cells.push(Cell::from(Span::styled(
                    format!("{jp:>3}{below}"),
                    jp_style,
                )));
            }
            if !wide {
                cells.remove(3);
            }
            let mut row = Row::new(cells);
            if pos == self.selected {
                row = row.style(ui.theme.selected());
            }
            rows.push(row);
        }
        let mut titles = vec![
            T::ColNip,
            T::ColName,
            T::ColGol,
            T::ColJabatan,
            T::ColUnit,
            T::ColPredikat,
            T::ColJp,
        ];
        if by_pension {
            titles.truncate(5);
            titles.push(T::ColPension);
        }
        if !wide {
            titles.remove(3);
        }
        let header =
            Row::new(titles.into_iter().map(|t| Cell::from(ui.t(t)))).style(ui.theme.header());
        frame.render_widget(
            Table::new(rows, widths).header(header).column_spacing(1),
            table_area,
        );

        if let Mode::PickUnit(picker) = &self.mode {
            picker.draw(frame, area, ui);
        }
    }

    /// Pasted text goes into the search or the unit filter when one is open.
    /// The search box and the unit filter are one line: line breaks are flattened.
    fn paste(&mut self, text: &str, _ui: &Ui) -> Option<Pasted> {
        let text = &crate::ui::event::flatten_paste(text);
        match &mut self.mode {
            Mode::Browse => None,
            Mode::Search(input) => {
                let whole = input.paste(text);
                let q = input.value().to_string();
                self.index.set_query(&q);
                self.selected = 0;
                Some(Pasted::from_field(whole, input.max()))
            }
            Mode::PickUnit(picker) => Some(picker.paste(text)),
        }
    }

    fn captures_text(&self) -> bool {
        !matches!(self.mode, Mode::Browse)
    }

    fn title(&self) -> T {
        T::TabStaff
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Staff)
    }
}
