//! Laporan (tab `4`): per unit, the staff, the share evaluated, each annual predikat, the
//! unit's rating and the distribution guide of SE MenPANRB 3/2023, and the share reaching
//! 20 JP. Broken rules are explained below the table. It warns; it never changes anyone's
//! rating. `r` opens a picker for the unit's rating of the year (saved once, on Enter);
//! `x` writes the table as CSV. Below, the staff retiring within 12 months (DOMAIN.md, BUP),
//! overdue first.

use super::{Outcome, Screen};
use crate::domain::{Breach, Predikat, RetiringEntry, UnitRating};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::labels::predikat_short;
use crate::ui::lang::{Lang, T};
use crate::ui::tabs::Tab;
use crate::ui::{KeyHelp, Ui, centered, fit, key};
use crate::views::report::UnitReport;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    PrevYear,
    NextYear,
    Rate,
    Export,
    Print,
    Promotions,
    Back,
    Quit,
}

/// The report's keys: they decide what a key does, and the footer and help show them.
const KEYS: [Binding<Act>; 8] = [
    bind(
        &[Key::Char('['), Key::Code(KeyCode::Left)],
        Act::PrevYear,
        T::KeyYear,
        true,
    ),
    bind(
        &[Key::Char(']'), Key::Code(KeyCode::Right)],
        Act::NextYear,
        T::KeyYear,
        false,
    ),
    bind(&[Key::Char('r')], Act::Rate, T::KeyUnitRating, true),
    bind(&[Key::Char('x')], Act::Export, T::KeyExport, true),
    bind(&[Key::Char('P')], Act::Print, T::KeyPrint, true),
    bind(&[Key::Char('N')], Act::Promotions, T::KeyPromotions, false),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, false),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, true),
];

/// While the rating picker is open, every key goes to it.
const PICKER_KEYS: [KeyHelp; 5] = [
    key(
        &[
            Key::Code(KeyCode::Up),
            Key::Code(KeyCode::Down),
            Key::Char('j'),
            Key::Char('k'),
        ],
        T::KeyMove,
        true,
    ),
    key(
        &[
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('3'),
            Key::Char('4'),
            Key::Char('5'),
        ],
        T::KeyChooseSave,
        true,
    ),
    key(&[Key::Code(KeyCode::Enter)], T::KeySave, true),
    key(&[Key::Code(KeyCode::Esc)], T::KeyCancel, true),
    key(
        &[Key::Char('?'), Key::Code(KeyCode::F(1))],
        T::KeyHelp,
        true,
    ),
];

/// What the picker offers, in order: not recorded, then the five ratings (keys 1-5).
const CHOICES: [Option<UnitRating>; 6] = [
    None,
    Some(UnitRating::Istimewa),
    Some(UnitRating::Baik),
    Some(UnitRating::ButuhPerbaikan),
    Some(UnitRating::Kurang),
    Some(UnitRating::SangatKurang),
];

/// The rating picker `r` opens for the selected unit.
struct RatingPicker {
    /// Index into [`CHOICES`].
    selected: usize,
}

/// The rating column's width in a table `width` columns wide: as wide as the longest rating
/// given, as far as the unit column keeps 19 columns (80 columns give 9; from 86 every
/// rating is whole).
fn rating_width(rows: &[UnitReport], width: u16, ui: &Ui) -> usize {
    let longest = rows
        .iter()
        .filter_map(|u| u.rating)
        .map(|r| r.label().chars().count())
        .chain([ui.t(T::UnitRatingCol).chars().count()])
        .max()
        .unwrap_or(0);
    // The fixed columns other than the rating take 42, the spaces between columns 10.
    let room = (width as usize).saturating_sub(42 + 10 + 19);
    longest.min(room).max(9)
}

/// Whether the table cuts this unit's rating (then the lines below it give it whole).
fn rating_cut(u: &UnitReport, width: u16, rows: &[UnitReport], ui: &Ui) -> bool {
    u.rating
        .is_some_and(|r| r.label().chars().count() > rating_width(rows, width, ui))
}

/// Lines of the checked periods within the year Laporan shows for the selected unit.
const PERIODS_SHOWN: usize = 3;

/// Lines of the retiring list Laporan shows at least (the header not counted).
const RETIRING_SHOWN: usize = 4;

pub struct Report {
    rows: Vec<UnitReport>,
    /// Active staff retiring within 12 months of today, overdue first.
    retiring: Vec<RetiringEntry>,
    year: i16,
    selected: usize,
    picker: Option<RatingPicker>,
    /// `P` was pressed: the selected unit's documents to choose from (issue 20).
    print: Option<crate::ui::choice::Choice<super::UnitDoc>>,
    /// The year's annual period has not ended: its predikat are provisional (sementara).
    provisional: bool,
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
    pub fn new(
        rows: Vec<UnitReport>,
        retiring: Vec<RetiringEntry>,
        year: i16,
        selected: usize,
    ) -> Report {
        let selected = selected.min(rows.len().saturating_sub(1));
        Report {
            rows,
            retiring,
            year,
            selected,
            picker: None,
            print: None,
            provisional: false,
        }
    }

    /// Marks the year's predikat provisional: its annual period has not ended yet.
    pub fn provisional(mut self, provisional: bool) -> Report {
        self.provisional = provisional;
        self
    }

    /// Whether the rating picker is open (digits choose there).
    pub fn picking(&self) -> bool {
        self.picker.is_some()
    }

    pub fn year(&self) -> i16 {
        self.year
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Keys while the picker is open. None reaches the tabs or the report behind it: an
    /// unbound key does nothing but is still the picker's.
    fn handle_picker(&mut self, key: KeyEvent) -> Outcome {
        let Some(picker) = &mut self.picker else {
            return Outcome::Ignored;
        };
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let chosen = match key.code {
            KeyCode::Esc => {
                self.picker = None;
                return Outcome::Changed;
            }
            KeyCode::Up | KeyCode::Char('k') if plain => {
                picker.selected = picker.selected.saturating_sub(1);
                return Outcome::Changed;
            }
            KeyCode::Down | KeyCode::Char('j') if plain => {
                picker.selected = (picker.selected + 1).min(CHOICES.len() - 1);
                return Outcome::Changed;
            }
            KeyCode::Enter => picker.selected,
            KeyCode::Char(c @ '1'..='5') if plain => c as usize - '0' as usize,
            _ => return Outcome::Changed,
        };
        self.picker = None;
        let (Some(u), Some(&rating)) = (self.rows.get(self.selected), CHOICES.get(chosen)) else {
            return Outcome::Changed;
        };
        if rating == u.rating {
            // Nothing to save, so nothing goes into the audit trail.
            return Outcome::Changed;
        }
        Outcome::SetUnitRating(u.unit_id.clone(), self.year, rating)
    }

    fn draw_picker(
        &self,
        frame: &mut Frame,
        area: Rect,
        ui: &Ui,
        picker: &RatingPicker,
        unit: &str,
    ) {
        let popup = centered(area, 40, CHOICES.len() as u16 + 3);
        let mut lines = vec![Line::styled(fit(ui, unit, 36), ui.theme.header())];
        for (i, choice) in CHOICES.iter().enumerate() {
            let label = match choice {
                None => format!("   {}", ui.t(T::RatingNotRecorded)),
                Some(r) => format!(" {i} {}", r.label()),
            };
            let style = if i == picker.selected {
                ui.theme.selected()
            } else {
                Style::new()
            };
            lines.push(Line::styled(label, style));
        }
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(format!(" {} {} ", ui.t(T::UnitRatingTitle), self.year));
        frame.render_widget(Clear, popup);
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}

impl Screen for Report {
    fn keys(&self) -> Vec<KeyHelp> {
        if self.print.is_some() {
            crate::ui::choice::KEYS.to_vec()
        } else if self.picker.is_some() {
            PICKER_KEYS.to_vec()
        } else {
            let mut k = keys::help(&KEYS);
            k.extend(keys::nav_help());
            k.push(key(
                &[Key::Char('?'), Key::Code(KeyCode::F(1))],
                T::KeyHelp,
                true,
            ));
            k
        }
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        use crate::ui::choice::Chosen;
        if let Some(choice) = &mut self.print {
            let chosen = choice.handle(key);
            if chosen == Chosen::Changed {
                return Outcome::Changed;
            }
            self.print = None;
            return match (chosen, self.rows.get(self.selected)) {
                (Chosen::Pick(doc), Some(u)) => Outcome::PrintUnit(
                    u.unit_id.clone(),
                    crate::domain::Period::annual(self.year),
                    doc,
                ),
                _ => Outcome::Changed,
            };
        }
        if self.picker.is_some() {
            return self.handle_picker(key);
        }
        if let Some(nav) = keys::action(&NAV, &key) {
            self.selected = keys::step(nav, self.selected, self.rows.len(), 10);
            return Outcome::Changed;
        }
        match keys::action(&KEYS, &key) {
            Some(Act::PrevYear) => Outcome::ReportYear(self.year - 1),
            Some(Act::NextYear) => Outcome::ReportYear(self.year + 1),
            Some(Act::Rate) => {
                let Some(u) = self.rows.get(self.selected) else {
                    return Outcome::Ignored;
                };
                let selected = CHOICES.iter().position(|c| *c == u.rating).unwrap_or(0);
                self.picker = Some(RatingPicker { selected });
                Outcome::Changed
            }
            Some(Act::Export) => Outcome::ExportReport(self.year),
            Some(Act::Print) => {
                let Some(u) = self.rows.get(self.selected) else {
                    return Outcome::Ignored;
                };
                let year = self.year.to_string();
                self.print = Some(crate::ui::choice::Choice::new(
                    format!("{}: {}", ui.t(T::PrintTitle), u.name),
                    vec![
                        (
                            ui.t(T::PrintLaporan).replace("{year}", &year),
                            super::UnitDoc::Laporan,
                        ),
                        (
                            ui.t(T::PrintUnitEvaluasi).replace("{year}", &year),
                            super::UnitDoc::Evaluasi,
                        ),
                    ],
                ));
                Outcome::Changed
            }
            Some(Act::Promotions) => Outcome::OpenPromotions(None, None),
            Some(Act::Back) => Outcome::Back,
            Some(Act::Quit) => Outcome::Quit,
            None => Outcome::Ignored,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        // The retiring list shows at least its first few, and more where the table leaves
        // room (a tall terminal lists everyone).
        let least = self.retiring.len().clamp(1, RETIRING_SHOWN);
        // The selected unit's line, its head's line, and its broken rules (or one line
        // saying there are none).
        let selected = self.rows.get(self.selected);
        let details_height = selected
            .and_then(|u| u.breaches.as_ref())
            .map_or(1, |b| b.len().max(1))
            .min(4)
            + 1
            + usize::from(selected.is_some_and(|u| u.has_head))
            + usize::from(selected.is_some_and(|u| rating_cut(u, area.width, &self.rows, ui)))
            + selected.map_or(0, |u| u.periods.len().min(PERIODS_SHOWN));
        let spare =
            (area.height as usize).saturating_sub(2 + details_height + 1 + self.rows.len() + 1);
        let shown = self.retiring.len().min(spare).max(least);
        let [top, table_area, details, retiring_area] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(details_height as u16),
            Constraint::Length(1 + shown as u16),
        ])
        .areas(area);
        let unit_name = |id: &str| {
            self.rows
                .iter()
                .find(|u| u.unit_id == id)
                .map_or(id.to_string(), |u| u.name.clone())
        };
        frame.render_widget(
            Paragraph::new(super::home::retiring_lines(
                ui,
                &self.retiring,
                self.retiring.len(),
                &unit_name,
                usize::from(retiring_area.height),
                usize::from(retiring_area.width),
            )),
            retiring_area,
        );
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![
                    Span::styled(format!("{} ", ui.t(T::Distribution)), ui.theme.title()),
                    crate::ui::year_span(ui, self.year),
                    Span::styled(
                        if self.provisional {
                            format!("  {}", ui.t(T::ReportProvisional))
                        } else {
                            String::new()
                        },
                        ui.theme.key(),
                    ),
                ]),
                Line::styled(ui.t(T::GuideNote), ui.theme.muted()),
            ]),
            top,
        );
        let header = Row::new(
            [
                ui.t(T::ColUnit),
                ui.t(T::ColStaffShort),
                ui.t(T::ColRatedPct),
                "SB",
                "B",
                "BP",
                "K",
                "SK",
                ui.t(T::UnitRatingCol),
                ui.t(T::Status),
                "JP%",
            ]
            .map(Cell::from),
        )
        .style(ui.theme.header());
        let height = table_area.height.saturating_sub(1) as usize;
        let start = self.selected.saturating_sub(height.saturating_sub(1));
        let rating_w = rating_width(&self.rows, area.width, ui);
        // The count columns are as wide as the largest count of any row (three at the
        // least), so a unit of thousands shows every digit instead of a clipped number;
        // the same for every row, so scrolling never moves the columns.
        let count_w = self
            .rows
            .iter()
            .flat_map(|u| {
                std::iter::once(u.staff).chain(Predikat::ALL.iter().map(|p| u.counts.get(*p)))
            })
            .max()
            .map_or(3, |n| n.to_string().len().max(3));
        let rows: Vec<Row> = self
            .rows
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, u)| {
                let rating = u.rating.map_or("-", |r| r.label());
                // The unit column is what the fixed columns leave (ten spaces between columns).
                let unit_w = (table_area.width as usize)
                    .saturating_sub(6 * count_w + 24 + rating_w + 10)
                    .max(8);
                let (status, style) = match &u.breaches {
                    None => (ui.t(T::NoRating).to_string(), ui.theme.muted()),
                    Some(b) if b.is_empty() => (ui.t(T::Fits).to_string(), ui.theme.ok()),
                    Some(b) => (
                        format!("{} ({})", ui.t(T::BreaksShort), b.len()),
                        ui.theme.error(),
                    ),
                };
                let mut cells = vec![
                    Cell::from(crate::ui::short_name(ui, &u.name, unit_w)),
                    Cell::from(u.staff.to_string()),
                    Cell::from(format!(
                        "{:.0}",
                        UnitReport::percent(u.evaluated_active, u.staff)
                    )),
                ];
                cells.extend(
                    Predikat::ALL
                        .iter()
                        .map(|p| Cell::from(u.counts.get(*p).to_string())),
                );
                cells.push(Cell::from(fit(ui, rating, rating_w)));
                cells.push(Cell::from(Span::styled(status, style)));
                cells.push(Cell::from(format!(
                    "{:.0}",
                    UnitReport::percent(u.reached, u.staff)
                )));
                let row = Row::new(cells);
                crate::ui::table::marked(row, i == self.selected, ui)
            })
            .collect();
        let count = Constraint::Length(count_w as u16);
        let widths = [
            Constraint::Fill(1),
            count,
            Constraint::Length(6),
            count,
            count,
            count,
            count,
            count,
            Constraint::Length(rating_w as u16),
            Constraint::Length(13),
            Constraint::Length(5),
        ];
        frame.render_widget(Table::new(rows, widths).header(header), table_area);

        let Some(u) = self.rows.get(self.selected) else {
            return;
        };
        let shares: Vec<String> = Predikat::ALL
            .iter()
            .map(|p| format!("{} {:.0}%", predikat_short(*p), u.counts.percent(*p)))
            .collect();
        let mut lines = vec![Line::from(vec![
            Span::styled(fit(ui, &u.name, 28), ui.theme.header()),
            Span::raw(format!(
                "  {} {}: {}",
                u.evaluated(),
                ui.t(T::Evaluated),
                shares.join("  ")
            )),
        ])];
        // The rating in full when its column had to cut it.
        if rating_cut(u, area.width, &self.rows, ui) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} {}: ", ui.t(T::UnitRatingTitle), self.year),
                    ui.theme.muted(),
                ),
                Span::raw(u.rating.map_or("-", |r| r.label())),
            ]));
        }
        if u.has_head {
            let head = u.head_predikat.map_or("-", |p| p.label());
            // Counted in the unit above when there is one (issue 21).
            let said = if u.parent.is_some() {
                T::HeadInParent
            } else {
                T::HeadApart
            };
            lines.push(Line::styled(
                format!("{} {head}", ui.t(said)),
                ui.theme.muted(),
            ));
        }
        // The unit's ratings of periods within the year, each checked (issue 21).
        for c in u.periods.iter().take(PERIODS_SHOWN) {
            let head = format!(
                "{} ({}, {} {}): ",
                crate::ui::labels::period_text(c.period, ui.lang),
                c.rating.label(),
                c.counts.total(),
                ui.t(T::Evaluated)
            );
            let (text, style) = if c.breaches.is_empty() {
                (ui.t(T::PeriodFits).to_string(), ui.theme.ok())
            } else {
                (
                    format!(
                        "{} {}",
                        ui.theme.sym("✗", "x"),
                        c.breaches
                            .iter()
                            .map(|b| breach_text(b, ui.lang))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    ui.theme.error(),
                )
            };
            let room = (details.width as usize).saturating_sub(head.chars().count());
            lines.push(Line::from(vec![
                Span::styled(head, ui.theme.muted()),
                Span::styled(fit(ui, &text, room), style),
            ]));
        }
        match &u.breaches {
            // The year shown (not always this one); recorded by an admin only.
            None => lines.push(Line::styled(
                ui.t(T::RatingMissing)
                    .replace("{year}", &self.year.to_string()),
                ui.theme.muted(),
            )),
            Some(b) if b.is_empty() => lines.push(Line::styled(ui.t(T::FitsLong), ui.theme.ok())),
            Some(b) => {
                for x in b {
                    let text = format!("{} {}", ui.theme.sym("✗", "x"), breach_text(x, ui.lang));
                    lines.push(Line::styled(text, ui.theme.error()));
                }
            }
        }
        frame.render_widget(Paragraph::new(lines), details);

        if let Some(picker) = &self.picker {
            self.draw_picker(frame, area, ui, picker, &u.name);
        }
        if let Some(choice) = &self.print {
            choice.draw(frame, area, ui);
        }
    }

    fn title(&self) -> T {
        T::TabReport
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Report)
    }

    /// Digits choose a rating in the picker.
    fn binds_digits(&self) -> bool {
        self.picker.is_some() || self.print.is_some()
    }
}
