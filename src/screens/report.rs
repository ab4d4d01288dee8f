//! Laporan (tab `4`): each unit's spread of annual predikat against the distribution guide
//! of SE MenPANRB 3/2023 for the unit's own rating. It warns and explains; it never changes
//! anyone's rating. `r` records the unit's rating for the year.

use super::staff_list::predikat_short;
use super::{KeyHelp, Outcome, Ui, fit, key};
use crate::app::lang::{Lang, T};
use crate::domain::{Breach, Predikat, PredikatCounts, UnitRating, check_distribution};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use std::collections::{BTreeMap, BTreeSet};

/// A unit as the report shows it.
#[derive(Debug, Clone)]
pub struct ReportUnit {
    pub id: String,
    pub name: String,
    pub ratings: BTreeMap<i16, UnitRating>,
}

const KEYS: [KeyHelp; 6] = [
    key("← →", "Left Right", T::KeyYear, true),
    key("↑↓ j k", "Up Down j k", T::KeyMove, true),
    key("r", "r", T::KeyUnitRating, true),
    key("2", "2", T::KeyStaffTab, true),
    key("? F1", "? F1", T::KeyHelp, true),
    key("q", "q", T::KeyQuit, true),
];

pub struct Report {
    units: Vec<ReportUnit>,
    /// Annual predikat counts per (unit id, year).
    counts: BTreeMap<(String, i16), PredikatCounts>,
    years: Vec<i16>,
    year: i16,
    selected: usize,
}

/// The guide's rule broken, in the interface language.
pub fn breach_text(b: &Breach, lang: Lang) -> String {
    let p = |x: &Predikat| x.label();
    match (b, lang) {
        (Breach::NotLargest(x), Lang::Id) => format!("{} harus menjadi kelompok terbesar", p(x)),
        (Breach::NotLargest(x), Lang::En) => format!("{} should be the largest group", p(x)),
        (Breach::AboveMax(x, n), Lang::Id) => format!("{} lebih dari {n}%", p(x)),
        (Breach::AboveMax(x, n), Lang::En) => format!("{} is above {n}%", p(x)),
        (Breach::BelowMin(x, n), Lang::Id) => format!("{} kurang dari {n}%", p(x)),
        (Breach::BelowMin(x, n), Lang::En) => format!("{} is below {n}%", p(x)),
        (Breach::CombinedBelowMin([a, c], n), Lang::Id) => {
            format!("{} dan {} bersama kurang dari {n}%", p(a), p(c))
        }
        (Breach::CombinedBelowMin([a, c], n), Lang::En) => {
            format!("{} and {} together are below {n}%", p(a), p(c))
        }
        (Breach::NoneOf([a, c]), Lang::Id) => {
            format!("harus ada pegawai {} dan/atau {}", p(a), p(c))
        }
        (Breach::NoneOf([a, c]), Lang::En) => {
            format!("there must be staff with {} and/or {}", p(a), p(c))
        }
        (Breach::NotAllowed(x), Lang::Id) => format!("tidak boleh ada pegawai {}", p(x)),
        (Breach::NotAllowed(x), Lang::En) => format!("no staff may be {}", p(x)),
    }
}

impl Report {
    /// `counts`: every (unit, year) with annual evaluations; `year` the one shown first.
    pub fn new(
        mut units: Vec<ReportUnit>,
        counts: BTreeMap<(String, i16), PredikatCounts>,
        year: i16,
    ) -> Report {
        units.sort_by(|a, b| a.name.cmp(&b.name));
        let mut years: BTreeSet<i16> = counts.keys().map(|(_, y)| *y).collect();
        years.insert(year);
        Report {
            units,
            counts,
            years: years.into_iter().collect(),
            year,
            selected: 0,
        }
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        KEYS.to_vec()
    }

    pub fn year(&self) -> i16 {
        self.year
    }

    /// Records a unit's rating after `app/` saved it.
    pub fn set_rating(&mut self, unit: &str, year: i16, rating: Option<UnitRating>) {
        if let Some(u) = self.units.iter_mut().find(|u| u.id == unit) {
            match rating {
                Some(r) => u.ratings.insert(year, r),
                None => u.ratings.remove(&year),
            };
        }
    }

    fn counts(&self, unit: &str) -> PredikatCounts {
        self.counts
            .get(&(unit.to_string(), self.year))
            .copied()
            .unwrap_or_default()
    }

    /// The rules the unit breaks in the year shown; `None` when its rating is not recorded.
    pub fn breaches(&self, unit: &ReportUnit) -> Option<Vec<Breach>> {
        let rating = unit.ratings.get(&self.year)?;
        Some(check_distribution(*rating, &self.counts(&unit.id)))
    }

    pub fn handle(&mut self, key: KeyEvent) -> Outcome {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Outcome::Ignored;
        }
        let pos = self.years.iter().position(|y| *y == self.year).unwrap_or(0);
        match key.code {
            KeyCode::Left | KeyCode::Char('[') if pos > 0 => self.year = self.years[pos - 1],
            KeyCode::Right | KeyCode::Char(']') if pos + 1 < self.years.len() => {
                self.year = self.years[pos + 1]
            }
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(self.units.len().saturating_sub(1));
            }
            KeyCode::Char('r') => {
                let Some(u) = self.units.get(self.selected) else {
                    return Outcome::Ignored;
                };
                // Not recorded, then each rating in turn, then not recorded again.
                let next = match u.ratings.get(&self.year) {
                    None => Some(UnitRating::ALL[0]),
                    Some(r) => UnitRating::ALL
                        .iter()
                        .position(|x| x == r)
                        .and_then(|i| UnitRating::ALL.get(i + 1))
                        .copied(),
                };
                return Outcome::SetUnitRating(u.id.clone(), self.year, next);
            }
            KeyCode::Char('q') => return Outcome::Quit,
            KeyCode::Esc => return Outcome::Back,
            KeyCode::Left | KeyCode::Right | KeyCode::Char('[') | KeyCode::Char(']') => {}
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [top, table_area, details] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(6),
        ])
        .areas(area);
        let left = ui.theme.sym("◀", "<");
        let right = ui.theme.sym("▶", ">");
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![
                    Span::styled(format!("{} ", ui.t(T::Distribution)), ui.theme.title()),
                    Span::styled(format!("{left} {} {right}", self.year), ui.theme.key()),
                ]),
                Line::styled(ui.t(T::GuideNote), ui.theme.muted()),
            ]),
            top,
        );
        let header = Row::new(
            [
                ui.t(T::ColUnit),
                ui.t(T::UnitRatingCol),
                "n",
                "SB",
                "B",
                "BP",
                "K",
                "SK",
                ui.t(T::Status),
            ]
            .map(Cell::from),
        )
        .style(ui.theme.header());
        let height = table_area.height.saturating_sub(1) as usize;
        let start = self.selected.saturating_sub(height.saturating_sub(1));
        let rows: Vec<Row> = self
            .units
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, u)| {
                let c = self.counts(&u.id);
                let rating = u.ratings.get(&self.year).map_or("-", |r| r.label());
                let (status, style) = match self.breaches(u) {
                    None => (ui.t(T::NoRating).to_string(), ui.theme.muted()),
                    Some(b) if b.is_empty() => (ui.t(T::Fits).to_string(), ui.theme.ok()),
                    Some(b) => (
                        format!("{} ({})", ui.t(T::Breaks), b.len()),
                        ui.theme.error(),
                    ),
                };
                let mut cells = vec![
                    Cell::from(fit(ui, &u.name, 26)),
                    Cell::from(rating),
                    Cell::from(c.total().to_string()),
                ];
                cells.extend(
                    Predikat::ALL
                        .iter()
                        .map(|p| Cell::from(c.get(*p).to_string())),
                );
                cells.push(Cell::from(Span::styled(status, style)));
                let row = Row::new(cells);
                if i == self.selected {
                    row.style(ui.theme.selected())
                } else {
                    row
                }
            })
            .collect();
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(15),
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(13),
        ];
        frame.render_widget(Table::new(rows, widths).header(header), table_area);

        let Some(u) = self.units.get(self.selected) else {
            return;
        };
        let c = self.counts(&u.id);
        let shares: Vec<String> = Predikat::ALL
            .iter()
            .map(|p| format!("{} {:.0}%", predikat_short(*p), c.percent(*p)))
            .collect();
        let mut lines = vec![Line::from(vec![
            Span::styled(fit(ui, &u.name, 30), ui.theme.header()),
            Span::raw(format!(
                "  {} {}: {}",
                c.total(),
                ui.t(T::Evaluated),
                shares.join("  ")
            )),
        ])];
        match self.breaches(u) {
            None => lines.push(Line::styled(ui.t(T::RatingMissing), ui.theme.muted())),
            Some(b) if b.is_empty() => lines.push(Line::styled(ui.t(T::FitsLong), ui.theme.ok())),
            Some(b) => {
                for x in b {
                    lines.push(Line::styled(
                        format!("{} {}", ui.theme.sym("✗", "x"), breach_text(&x, ui.lang)),
                        ui.theme.error(),
                    ));
                }
            }
        }
        frame.render_widget(Paragraph::new(lines).style(Style::new()), details);
    }
}
