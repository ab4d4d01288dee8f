//! Kenaikan pangkat (`N` on Laporan, issue 21): who is due at one of the six promotion
//! periods of a year (Peraturan BKN 4/2023) and whether each is eligible, eligible first;
//! below the table, the selected person's predikat of the two years judged, what holds
//! them back and what the list warns of. `←` `→` the period, `[` `]` the year, `f` a unit
//! (with its sub-units), `x` the list as CSV (as `kinerja export promotions`), `Enter` the
//! person's record.

use super::{Outcome, Screen};
use crate::domain::{NotEligible, PromotionPeriod, PromotionWarning, format_date};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::T;
use crate::ui::tabs::Tab;
use crate::ui::unit_picker::UnitPicker;
use crate::ui::{KeyHelp, Ui, fit, key};
use crate::views::promotions::PromotionList;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    PrevPeriod,
    NextPeriod,
    PrevYear,
    NextYear,
    Unit,
    Export,
    Open,
    Back,
    Quit,
}

const KEYS: [Binding<Act>; 9] = [
    bind(
        &[Key::Code(KeyCode::Left)],
        Act::PrevPeriod,
        T::KeyPeriodMove,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Right)],
        Act::NextPeriod,
        T::KeyPeriodMove,
        false,
    ),
    bind(&[Key::Char('[')], Act::PrevYear, T::KeyYear, true),
    bind(&[Key::Char(']')], Act::NextYear, T::KeyYear, false),
    bind(&[Key::Char('f')], Act::Unit, T::KeyUnit, true),
    bind(&[Key::Char('x')], Act::Export, T::KeyExport, true),
    bind(&[Key::Code(KeyCode::Enter)], Act::Open, T::KeyOpen, true),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, false),
];

/// A reason a person is held back, in the interface language.
pub fn reason_text(r: &NotEligible, ui: &Ui) -> String {
    match r {
        NotEligible::NoEvaluation(y) => ui.t(T::PromoNoEval).replace("{year}", &y.to_string()),
        NotEligible::Below(y, p) => ui
            .t(T::PromoBelow)
            .replace("{year}", &y.to_string())
            .replace("{predikat}", p.label()),
        NotEligible::Objection(y) => ui.t(T::PromoObjection).replace("{year}", &y.to_string()),
    }
}

/// A warning of the list, in the interface language.
pub fn warning_text(w: &PromotionWarning, ui: &Ui) -> String {
    match w {
        PromotionWarning::EducationCap(cap) => ui.t(T::PromoCap).replace("{cap}", &cap.to_string()),
        PromotionWarning::Fungsional => ui.t(T::PromoFungsional).to_string(),
    }
}

pub struct Promotions {
    list: PromotionList,
    selected: usize,
    /// The unit picker `f` opened, while it is open.
    picker: Option<UnitPicker>,
}

impl Promotions {
    pub fn new(list: PromotionList) -> Promotions {
        Promotions {
            list,
            selected: 0,
            picker: None,
        }
    }

    pub fn period(&self) -> PromotionPeriod {
        self.list.period
    }

    /// The unit the list is narrowed to.
    pub fn unit(&self) -> Option<&str> {
        self.list.unit.as_deref()
    }

    /// Keeps the selected line of the list it replaces (read again, issue 22).
    pub fn keep_place_of(mut self, old: &Promotions) -> Promotions {
        self.selected = old.selected.min(self.list.rows.len().saturating_sub(1));
        self
    }
}

impl Screen for Promotions {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut k = keys::help(&KEYS);
        k.extend(keys::nav_help());
        k.push(key(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            T::KeyHelp,
            true,
        ));
        k
    }

    fn handle(&mut self, key: KeyEvent, _ui: &Ui) -> Outcome {
        if let Some(nav) = keys::action(&NAV, &key) {
            self.selected = keys::step(nav, self.selected, self.list.rows.len(), 10);
            return Outcome::Changed;
        }
        let p = self.list.period;
        let year = |y: i16| PromotionPeriod::new(y, p.month).unwrap_or(p);
        let unit = self.list.unit.clone();
        match keys::action(&KEYS, &key) {
            Some(Act::PrevPeriod) => Outcome::OpenPromotions(Some(p.previous()), unit),
            Some(Act::NextPeriod) => Outcome::OpenPromotions(Some(p.next()), unit),
            Some(Act::PrevYear) => Outcome::OpenPromotions(Some(year(p.year - 1)), unit),
            Some(Act::NextYear) => Outcome::OpenPromotions(Some(year(p.year + 1)), unit),
            Some(Act::Unit) => {
                self.picker = Some(UnitPicker::new(&self.list.all_units, unit.as_deref()));
                Outcome::Changed
            }
            Some(Act::Export) => Outcome::ExportPromotions(p, unit),
            Some(Act::Open) => match self.list.rows.get(self.selected) {
                Some(r) => Outcome::OpenStaff(r.nip.clone()),
                None => Outcome::Ignored,
            },
            Some(Act::Back) => Outcome::Back,
            Some(Act::Quit) => Outcome::Quit,
            None => Outcome::Ignored,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [top, table_area, details] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(5),
        ])
        .areas(area);
        let list = &self.list;
        let count = ui
            .t(T::PromoCount)
            .replace("{n}", &list.eligible().to_string())
            .replace("{m}", &list.rows.len().to_string());
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![
                    Span::styled(format!("{} ", ui.t(T::PromoTitle)), ui.theme.title()),
                    Span::styled(
                        format!(
                            "{} {} {}",
                            ui.theme.sym("◀", "<"),
                            format_date(list.period.date()),
                            ui.theme.sym("▶", ">")
                        ),
                        ui.theme.key(),
                    ),
                    Span::raw(format!("  {count}")),
                ]),
                Line::from(vec![
                    Span::styled(format!("{}: ", ui.t(T::Unit)), ui.theme.muted()),
                    Span::raw(fit(
                        ui,
                        match &list.unit {
                            Some(u) => list.unit_name(u),
                            None => ui.all_units(),
                        },
                        (top.width as usize).saturating_sub(8),
                    )),
                ]),
                Line::styled(
                    fit(ui, ui.t(T::PromoRule), top.width as usize),
                    ui.theme.muted(),
                ),
            ]),
            top,
        );
        if list.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(ui.t(T::PromoNone), ui.theme.muted())),
                table_area,
            );
        } else {
            let height = table_area.height.saturating_sub(1) as usize;
            let start = self.selected.saturating_sub(height.saturating_sub(1));
            let rows: Vec<Row> = list
                .rows
                .iter()
                .enumerate()
                .skip(start)
                .take(height)
                .map(|(i, r)| {
                    let p = &r.promotion;
                    let (status, style) = if p.eligible() {
                        (ui.t(T::PromoEligible), ui.theme.ok())
                    } else {
                        (ui.t(T::PromoNotEligible), ui.theme.error())
                    };
                    let mark = if p.warnings.is_empty() {
                        ""
                    } else {
                        ui.theme.sym(" ⚠", " !")
                    };
                    let row = Row::new(vec![
                        Cell::from(ui.theme.text(&r.name)),
                        Cell::from(p.from.to_string()),
                        Cell::from(p.to.to_string()),
                        Cell::from(format_date(p.tmt_golongan)),
                        Cell::from(Line::from(vec![
                            Span::styled(status, style),
                            Span::styled(mark, ui.theme.key()),
                        ])),
                    ]);
                    crate::ui::table::marked(row, i == self.selected, ui)
                })
                .collect();
            crate::ui::table::draw(
                frame,
                table_area,
                ui,
                &[
                    T::ColName,
                    T::PromoColGol,
                    T::PromoColNext,
                    T::PromoColTmt,
                    T::Status,
                ],
                &[
                    Constraint::Fill(1),
                    Constraint::Length(5),
                    Constraint::Length(7),
                    Constraint::Length(11),
                    Constraint::Length(11),
                ],
                rows,
            );
        }
        let width = details.width as usize;
        let mut lines = Vec::new();
        if let Some(r) = list.rows.get(self.selected) {
            let p = &r.promotion;
            let predikat: Vec<String> = p
                .predikat
                .iter()
                .map(|(y, x)| format!("{y} {}", x.map_or("-", |x| x.label())))
                .collect();
            let carried = if p.carried {
                format!(" ({})", ui.t(T::PromoCarried))
            } else {
                String::new()
            };
            let dot = ui.theme.sym(" · ", " - ");
            lines.push(Line::styled(
                fit(
                    ui,
                    &format!(
                        "{}{dot}{}",
                        crate::domain::summary::spaced_nip(&r.nip),
                        list.unit_name(&r.unit_id)
                    ),
                    width,
                ),
                ui.theme.header(),
            ));
            lines.push(Line::raw(fit(
                ui,
                &format!(
                    "{}: {}{carried}{dot}{}",
                    ui.t(T::PromoColDue),
                    format_date(p.due),
                    predikat.join(", ")
                ),
                width,
            )));
            for x in &p.not_eligible {
                lines.push(Line::styled(
                    fit(
                        ui,
                        &format!("{} {}", ui.theme.sym("✗", "x"), reason_text(x, ui)),
                        width,
                    ),
                    ui.theme.error(),
                ));
            }
            for w in &p.warnings {
                lines.push(Line::styled(
                    fit(
                        ui,
                        &format!("{} {}", ui.theme.sym("⚠", "!"), warning_text(w, ui)),
                        width,
                    ),
                    ui.theme.key(),
                ));
            }
        }
        lines.truncate(4);
        if list.unknown_tmt > 0 {
            lines.push(Line::styled(
                fit(
                    ui,
                    &ui.t(T::PromoUnknown)
                        .replace("{n}", &list.unknown_tmt.to_string()),
                    width,
                ),
                ui.theme.muted(),
            ));
        }
        frame.render_widget(Paragraph::new(lines), details);
    }

    fn title(&self) -> T {
        T::PromoTitle
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Report)
    }

    fn unit_picker(&mut self) -> Option<&mut Option<UnitPicker>> {
        Some(&mut self.picker)
    }

    fn open_picker(&self) -> Option<&UnitPicker> {
        self.picker.as_ref()
    }

    fn unit_chosen(&mut self, unit: Option<String>) -> Outcome {
        Outcome::OpenPromotions(Some(self.list.period), unit)
    }
}
