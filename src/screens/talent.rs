//! Talenta (tab `5`): the 9-box of PermenPANRB 3/2020 for a year and a unit (or all), laid
//! out as DOMAIN.md draws it (kinerja rows from the annual Hasil Kerja, potensial columns),
//! each box with its number, count and follow-up; the people of the selected box below;
//! staff without a box counted apart by reason. `b` shows the berprestasi instead.

use super::{Outcome, Screen};
use crate::domain::talent::{GRID_ROWS, TalentGap, follow_up};
use crate::domain::{Potensial, Rating};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::{Lang, T};
use crate::ui::tabs::Tab;
use crate::ui::unit_picker::UnitPicker;
use crate::ui::{KeyHelp, Ui, fit, gap_label, key, short_name};
use crate::views::talent::{TalentData, TalentPerson};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Left,
    Right,
    Up,
    Down,
    SwitchFocus,
    Open,
    PrevYear,
    NextYear,
    Unit,
    Berprestasi,
    Back,
    Quit,
}

/// The keys: they decide what a key does, and the footer and help show them.
const KEYS: [Binding<Act>; 12] = [
    bind(&[Key::Code(KeyCode::Left)], Act::Left, T::KeyMoveBox, true),
    bind(
        &[Key::Code(KeyCode::Right)],
        Act::Right,
        T::KeyMoveBox,
        false,
    ),
    bind(&[Key::Code(KeyCode::Up)], Act::Up, T::KeyMoveBox, false),
    bind(&[Key::Code(KeyCode::Down)], Act::Down, T::KeyMoveBox, false),
    bind(
        &[Key::Code(KeyCode::Tab)],
        Act::SwitchFocus,
        T::KeyTalentList,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Enter)],
        Act::Open,
        T::KeyOpenRow,
        false,
    ),
    bind(&[Key::Char('[')], Act::PrevYear, T::KeyYear, true),
    bind(&[Key::Char(']')], Act::NextYear, T::KeyYear, false),
    bind(&[Key::Char('f')], Act::Unit, T::KeyUnit, true),
    bind(&[Key::Char('B')], Act::Berprestasi, T::KeyBerprestasi, true),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, false),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, true),
];

/// The grid position (row, column) of each box, index box - 1.
fn position_of_box(n: u8) -> (usize, usize) {
    for (r, k) in GRID_ROWS.iter().enumerate() {
        for (c, p) in Potensial::ALL.iter().enumerate() {
            if crate::domain::nine_box(*k, *p) == n {
                return (r, c);
            }
        }
    }
    (0, 0)
}

fn box_at(row: usize, col: usize) -> u8 {
    let k = GRID_ROWS.get(row).copied().unwrap_or(Rating::Sesuai);
    let p = Potensial::ALL
        .get(col)
        .copied()
        .unwrap_or(Potensial::Menengah);
    crate::domain::nine_box(k, p)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    Grid,
    List,
}

pub struct TalentTab {
    data: std::sync::Arc<TalentData>,
    /// The selected box's grid position.
    row: usize,
    col: usize,
    focus: Focus,
    /// The selected person in the list below.
    person: usize,
    /// The berprestasi list instead of the grid.
    berprestasi: bool,
    /// The year's annual period has not ended: its boxes may still change.
    provisional: bool,
    /// The unit picker `f` opened, while it is open.
    picker: Option<UnitPicker>,
}

/// A rating as the grid's row label.
fn row_label(r: Rating, lang: Lang) -> &'static str {
    crate::ui::labels::rating_short(r, lang)
}

impl TalentTab {
    /// Opens on box 9 (the top right), or where the most people are when it is empty.
    pub fn new(data: std::sync::Arc<TalentData>) -> TalentTab {
        let start = if data.boxes[8].is_empty() {
            (1..=9u8)
                .max_by_key(|b| data.boxes[usize::from(b - 1)].len())
                .unwrap_or(9)
        } else {
            9
        };
        let (row, col) = position_of_box(start);
        TalentTab {
            picker: None,
            data,
            row,
            col,
            focus: Focus::Grid,
            person: 0,
            berprestasi: false,
            provisional: false,
        }
    }

    /// Marks the year provisional (sementara): its annual period has not ended.
    pub fn provisional(mut self, provisional: bool) -> TalentTab {
        self.provisional = provisional;
        self
    }

    /// Keeps the view's place (box, list, berprestasi) from the tab it replaces.
    pub fn keep_place_of(mut self, old: &TalentTab) -> TalentTab {
        self.row = old.row;
        self.col = old.col;
        self.berprestasi = old.berprestasi;
        self
    }

    pub fn year(&self) -> i16 {
        self.data.year
    }

    pub fn unit(&self) -> Option<&str> {
        self.data.unit.as_deref()
    }

    pub fn selected_box(&self) -> u8 {
        box_at(self.row, self.col)
    }

    /// The people the list shows: the selected box's, or the berprestasi.
    fn listed(&self) -> &[u32] {
        if self.berprestasi {
            &self.data.berprestasi
        } else {
            &self.data.boxes[usize::from(self.selected_box() - 1)]
        }
    }

    fn draw_grid(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        // 8 for the row labels ("Di Bawah"), then three cells of 24 at 80 columns: a mark
        // column and 23 for the follow-up's lines ("pengembangan kompetensi").
        let label_w = 8u16;
        let cell_w = area.width.saturating_sub(label_w) / 3;
        let english = ui.lang == Lang::En;
        let mut lines = Vec::with_capacity(10);
        // Column heads: potensial, low to high.
        let mut head = vec![Span::styled(
            format!("{:<w$}", ui.t(T::KinerjaShort), w = label_w as usize),
            ui.theme.muted(),
        )];
        for p in Potensial::ALL {
            head.push(Span::styled(
                format!(
                    "{:<w$}",
                    fit(
                        ui,
                        &crate::ui::labels::potensial_head(p, ui.lang),
                        cell_w as usize - 1
                    ),
                    w = cell_w as usize
                ),
                ui.theme.header(),
            ));
        }
        lines.push(Line::from(head));
        for (r, k) in GRID_ROWS.iter().enumerate() {
            let mut rows: [Vec<Span>; 3] = Default::default();
            rows[0].push(Span::styled(
                format!("{:<w$}", row_label(*k, ui.lang), w = label_w as usize),
                ui.theme.header(),
            ));
            rows[1].push(Span::raw(" ".repeat(label_w as usize)));
            rows[2].push(Span::raw(" ".repeat(label_w as usize)));
            for c in 0..3 {
                let n = box_at(r, c);
                let count = self.data.boxes[usize::from(n - 1)].len();
                let selected = (r, c) == (self.row, self.col);
                let w = cell_w as usize - 1;
                let mut style = if selected {
                    ui.theme.selected()
                } else {
                    ratatui::style::Style::new()
                };
                if selected && self.focus == Focus::Grid {
                    style = style.add_modifier(Modifier::BOLD);
                }
                let mark = if selected {
                    ui.theme.sym("▶", ">")
                } else {
                    " "
                };
                let first = format!(
                    "{mark}{n}{}{}",
                    ui.theme.sym(" · ", ": "),
                    crate::ui::counted(ui, count, T::PeopleOne, T::BoxPeople)
                );
                let text = follow_up(n, english);
                let (a, b) = split_two(text, w);
                rows[0].push(Span::styled(
                    format!("{:<w$}", fit(ui, &first, w)),
                    style.add_modifier(Modifier::BOLD),
                ));
                rows[1].push(Span::styled(format!("{:<w$}", fit(ui, &a, w)), style));
                rows[2].push(Span::styled(format!("{:<w$}", fit(ui, &b, w)), style));
                for row in rows.iter_mut() {
                    row.push(Span::raw(" "));
                }
            }
            for row in rows {
                lines.push(Line::from(row));
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn draw_people(&self, frame: &mut Frame, area: Rect, ui: &Ui, with_box: bool) {
        let listed = self.listed();
        let mut lines = Vec::new();
        if !with_box {
            let n = self.selected_box();
            let english = ui.lang == Lang::En;
            lines.push(Line::styled(
                fit(
                    ui,
                    &format!(
                        "{} {n}: {} ({})",
                        ui.t(T::Box),
                        follow_up(n, english),
                        listed.len()
                    ),
                    area.width as usize,
                ),
                ui.theme.header(),
            ));
        }
        if listed.is_empty() {
            lines.push(Line::styled(
                format!(" {}", ui.t(T::NobodyHere)),
                ui.theme.muted(),
            ));
            frame.render_widget(Paragraph::new(lines), area);
            return;
        }
        let height = (area.height as usize).saturating_sub(lines.len()).max(1);
        let start = self.person.saturating_sub(height - 1);
        let focused = self.focus == Focus::List || self.berprestasi;
        for (k, i) in listed.iter().enumerate().skip(start).take(height) {
            let Some(p) = self.data.person(*i) else {
                continue;
            };
            let line = person_line(ui, &self.data, p, area.width as usize, with_box);
            let style = if focused && k == self.person {
                ui.theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::styled(line, style));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// Splits a follow-up text into two lines of at most `w` characters, at a space.
fn split_two(text: &str, w: usize) -> (String, String) {
    if text.chars().count() <= w {
        return (text.to_string(), String::new());
    }
    let mut cut = 0;
    for (i, c) in text.char_indices() {
        if text[..i].chars().count() > w {
            break;
        }
        if c == ' ' || c == ',' {
            cut = i;
        }
    }
    if cut == 0 {
        cut = text.char_indices().nth(w).map_or(text.len(), |(i, _)| i);
    }
    let (a, b) = text.split_at(cut);
    (
        a.trim_end_matches(',').trim().to_string(),
        b.trim_start_matches([',', ' ']).to_string(),
    )
}

/// A person in a list: name, unit, position, JP of the year (and the box, for berprestasi).
fn person_line(ui: &Ui, d: &TalentData, p: &TalentPerson, width: usize, with_box: bool) -> String {
    let jp = format!("{:>3} JP", p.jp);
    let boxed = if with_box {
        match p.place {
            Ok(b) => format!("{} {b}  ", ui.t(T::Box)),
            Err(_) => format!("{:<w$}", "-", w = ui.t(T::Box).chars().count() + 4),
        }
    } else {
        String::new()
    };
    let fixed = 1 + boxed.chars().count() + jp.len() + 2;
    let rest = width.saturating_sub(fixed);
    let name_w = (rest * 2 / 5).max(8);
    let unit_w = (rest / 4).max(6);
    let pos_w = rest.saturating_sub(name_w + unit_w + 2).max(4);
    format!(
        " {boxed}{:<nw$} {:<uw$} {:<pw$} {jp}",
        fit(ui, d.name(p), name_w),
        short_name(ui, d.unit_name(&p.unit_id), unit_w),
        fit(ui, &p.jabatan, pos_w),
        nw = name_w,
        uw = unit_w,
        pw = pos_w,
    )
}

impl Screen for TalentTab {
    fn keys(&self) -> Vec<KeyHelp> {
        // The arrows move between boxes on the grid and between people in a list.
        let arrows = [Key::Code(KeyCode::Up), Key::Code(KeyCode::Down)];
        let mut k = keys::help(&KEYS);
        if self.focus == Focus::List || self.berprestasi {
            k = keys::without(k, T::KeyMoveBox, &arrows);
            k.extend(keys::nav_help());
        } else {
            k.extend(keys::without(keys::nav_help(), T::KeyMove, &arrows));
        }
        k.push(key(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            T::KeyHelp,
            true,
        ));
        k
    }

    fn handle(&mut self, key: KeyEvent, _ui: &Ui) -> Outcome {
        let in_list = self.focus == Focus::List || self.berprestasi;
        if in_list
            && !matches!(key.code, KeyCode::Left | KeyCode::Right)
            && let Some(nav) = keys::action(&NAV, &key)
        {
            self.person = keys::step(nav, self.person, self.listed().len(), 10);
            return Outcome::Changed;
        }
        let Some(act) = keys::action(&KEYS, &key) else {
            return Outcome::Ignored;
        };
        let before = (self.row, self.col);
        match act {
            Act::Left if !self.berprestasi => self.col = self.col.saturating_sub(1),
            Act::Right if !self.berprestasi => self.col = (self.col + 1).min(2),
            Act::Up if !self.berprestasi => self.row = self.row.saturating_sub(1),
            Act::Down if !self.berprestasi => self.row = (self.row + 1).min(2),
            Act::Left | Act::Right | Act::Up | Act::Down => {}
            Act::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::Grid => Focus::List,
                    Focus::List => Focus::Grid,
                }
            }
            Act::Open => {
                let Some(i) = self.listed().get(self.person) else {
                    return Outcome::Ignored;
                };
                return match self.data.person(*i) {
                    Some(p) => Outcome::OpenStaff(p.nip().to_string()),
                    None => Outcome::Ignored,
                };
            }
            Act::PrevYear => {
                return Outcome::TalentView(self.data.year - 1, self.data.unit.clone());
            }
            Act::NextYear => {
                return Outcome::TalentView(self.data.year + 1, self.data.unit.clone());
            }
            Act::Unit => {
                self.picker = Some(UnitPicker::new(
                    &self.data.all_units,
                    self.data.unit.as_deref(),
                ));
            }
            Act::Berprestasi => {
                self.berprestasi = !self.berprestasi;
                self.person = 0;
            }
            // Esc leaves the berprestasi list for the grid first.
            Act::Back if self.berprestasi => {
                self.berprestasi = false;
                self.person = 0;
            }
            Act::Back => return Outcome::Back,
            Act::Quit => return Outcome::Quit,
        }
        if (self.row, self.col) != before {
            self.person = 0;
        }
        Outcome::Changed
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let unit = match &self.data.unit {
            Some(u) => fit(ui, self.data.unit_name(u), 30),
            None => ui.all_units().to_string(),
        };
        let title = Line::from(vec![
            Span::styled(format!("{} ", ui.t(T::TalentTitle)), ui.theme.title()),
            crate::ui::year_span(ui, self.data.year),
            Span::raw(format!("  {unit}")),
            Span::styled(
                if self.provisional {
                    format!("  {}", ui.t(T::TalentProvisional))
                } else {
                    String::new()
                },
                ui.theme.key(),
            ),
        ]);
        if self.berprestasi {
            let [top, list] =
                Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
            frame.render_widget(
                Paragraph::new(vec![
                    title,
                    Line::styled(
                        format!(
                            "{} ({})",
                            ui.t(T::BerprestasiTitle),
                            self.data.berprestasi.len()
                        ),
                        ui.theme.header(),
                    ),
                ]),
                top,
            );
            self.draw_people(frame, list, ui, true);
            return;
        }
        let [top, grid, gaps, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(10),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(title), top);
        self.draw_grid(frame, grid, ui);
        let english = ui.lang == Lang::En;
        let gap_text: Vec<String> = TalentGap::ALL
            .iter()
            .zip(&self.data.gaps)
            .map(|(g, v)| format!("{} {}", v.len(), gap_label(*g, english)))
            .collect();
        frame.render_widget(
            Paragraph::new(Line::styled(
                fit(
                    ui,
                    &format!(
                        "{}: {}",
                        ui.t(T::TalentNoBox),
                        gap_text.join(ui.theme.sym(" · ", "; "))
                    ),
                    area.width as usize,
                ),
                ui.theme.muted(),
            )),
            gaps,
        );
        self.draw_people(frame, list, ui, false);
    }

    fn title(&self) -> T {
        T::TabTalent
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Talent)
    }

    fn unit_picker(&mut self) -> Option<&mut Option<UnitPicker>> {
        Some(&mut self.picker)
    }

    fn open_picker(&self) -> Option<&UnitPicker> {
        self.picker.as_ref()
    }

    fn unit_chosen(&mut self, unit: Option<String>) -> Outcome {
        Outcome::TalentView(self.data.year, unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_holds_every_box_once_where_domain_md_puts_it() {
        let mut seen = Vec::new();
        for r in 0..3 {
            for c in 0..3 {
                let n = box_at(r, c);
                assert_eq!(position_of_box(n), (r, c));
                seen.push(n);
            }
        }
        // Top row Di Atas: 4 7 9; bottom row Di Bawah: 1 3 6.
        assert_eq!(&seen[..3], &[4, 7, 9]);
        assert_eq!(&seen[6..], &[1, 3, 6]);
    }

    #[test]
    fn follow_ups_split_into_two_lines_at_a_space() {
        let (a, b) = split_two("pertahankan, rotasi, pengayaan jabatan", 20);
        assert!(a.chars().count() <= 20, "{a}");
        assert_eq!(
            format!("{a}, {b}"),
            "pertahankan, rotasi, pengayaan jabatan"
        );
        assert_eq!(
            split_two("pendek", 20),
            ("pendek".to_string(), String::new())
        );
    }
}
