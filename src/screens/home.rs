//! Beranda (tab `1`), the first screen once data exists: the last annual evaluation's
//! coverage and predikat spread, this year's 20 JP compliance, who needs attention (open
//! objections first, then coaching), and who retires within 12 months (so nobody is sent to a long training in their last months).
//! Beside the predikat chart, the PPPK contracts that end within three months (issue 21),
//! with each person's latest quarterly and annual predikat, for the extension decision.
//! Counted in the same pass that reads the staff list, so it costs no extra read.

use super::{Outcome, Screen};
use crate::domain::{Predikat, Retiring, RetiringEntry, format_date};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::labels::{
    period_text, predikat_short, reason_text, status_style, status_text, targets_note,
};
use crate::ui::lang::T;
use crate::ui::tabs::Tab;
use crate::ui::unit_picker::UnitPicker;
use crate::ui::{KeyHelp, Ui, fit, key};
use crate::views::home::HomeData;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Unit,
    Open,
    Audit,
    Quit,
}

/// Beranda's keys: they decide what a key does, and the footer and help show them.
const KEYS: [Binding<Act>; 4] = [
    bind(&[Key::Char('f')], Act::Unit, T::KeyUnit, true),
    bind(&[Key::Code(KeyCode::Enter)], Act::Open, T::KeyOpen, true),
    // Issue 22: the audit trail, for admins (in help; the role decides when it opens).
    bind(&[Key::Char('A')], Act::Audit, T::KeyAudit, false),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, true),
];

/// Open objections listed on Beranda at most; the title counts all of them.
const OBJECTIONS_SHOWN: usize = 3;

/// Contracts listed beside the chart at most (its height: the legend, the title and the
/// column names take three of its seven lines); the title counts all of them.
const CONTRACTS_SHOWN: usize = 4;

pub struct Home {
    data: HomeData,
    selected: usize,
    /// The unit picker `f` opened, while it is open.
    picker: Option<UnitPicker>,
}

impl Home {
    pub fn new(data: HomeData) -> Home {
        Home {
            data,
            selected: 0,
            picker: None,
        }
    }

    pub fn set(&mut self, data: HomeData) {
        self.data = data;
    }

    /// The unit Beranda counts (`None`: every unit the officer sees).
    pub fn unit(&self) -> Option<&str> {
        self.data.unit.as_deref()
    }

    /// Counted again after another session's save (issue 22): the selected line stays
    /// where it was when it still exists.
    pub fn refresh(&mut self, data: HomeData) {
        self.data = data;
        self.selected = self.selected.min(self.rows().saturating_sub(1));
    }

    /// The open objections the attention list shows (at most [`OBJECTIONS_SHOWN`]), above
    /// the people to coach.
    fn objections_shown(&self) -> usize {
        self.data.keberatan.len().min(OBJECTIONS_SHOWN)
    }

    /// The contracts listed beside the chart (at most [`CONTRACTS_SHOWN`]).
    fn contracts_shown(&self) -> usize {
        self.data.contracts.len().min(CONTRACTS_SHOWN)
    }

    /// The attention list's rows: the objections shown, then as many people to coach as
    /// leave the list as long as before (the retiring list keeps its room).
    fn attention_rows(&self) -> usize {
        let k = self.objections_shown();
        k + self
            .data
            .attention
            .len()
            .min(crate::views::home::ATTENTION.saturating_sub(k))
    }

    /// Every row the selection moves over, top to bottom: the contracts beside the chart,
    /// then the attention list.
    fn rows(&self) -> usize {
        self.contracts_shown() + self.attention_rows()
    }

    /// The contracts beside the chart in `width` columns: the title with the count, the
    /// column names, then one line per contract (`!` and the error colour once ended),
    /// the selected one in reverse video. Nothing when no contract is due.
    fn contract_lines(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let d = &self.data;
        let shown = self.contracts_shown();
        if d.contracts_total == 0 {
            return Vec::new();
        }
        let total = d.contracts_total as usize;
        let count = if shown < total {
            format!("({shown}/{total})")
        } else {
            format!("({total})")
        };
        let mut lines = vec![Line::styled(
            fit(ui, &format!("{} {count}", ui.t(T::ContractsEnding)), width),
            ui.theme.header(),
        )];
        // name, end, quarterly and annual predikat: " NAME END        TW  Thn"
        // A wide terminal gives the name room up to 30 columns, not the whole width.
        let name_w = width.saturating_sub(1 + 1 + 10 + 1 + 4 + 3).clamp(8, 30);
        lines.push(Line::styled(
            format!(
                " {:<name_w$} {:<10} {:<4}{}",
                ui.t(T::ContractColName),
                ui.t(T::ContractColEnd),
                ui.t(T::ContractColQuarter),
                ui.t(T::ContractColAnnual)
            ),
            ui.theme.muted(),
        ));
        for (i, c) in d.contracts.iter().take(shown).enumerate() {
            let ended = c.ending == crate::domain::Ending::Ended;
            let short = |p: Option<Predikat>| p.map_or("-", predikat_short);
            let text = format!(
                "{}{:<name_w$} {} {:<4}{:<3}",
                if ended { "!" } else { " " },
                fit(ui, &c.name, name_w),
                format_date(c.contract.selesai),
                short(c.triwulan.map(|(_, p)| p)),
                short(c.tahunan.map(|(_, p)| p)),
            );
            let style = if i == self.selected {
                ui.theme.selected()
            } else if ended {
                ui.theme.error()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::styled(text, style));
        }
        lines
    }

    fn bar(ui: &Ui, width: usize, part: u32, whole: u32) -> Line<'static> {
        let ratio = if whole == 0 {
            0.0
        } else {
            f64::from(part) / f64::from(whole)
        };
        crate::ui::gauge_line(
            ui,
            width,
            ratio,
            format!("{part} / {whole} ({})", crate::ui::percent(part, whole)),
        )
    }
}

/// The retiring list in `room` lines of `width` columns: a header with the count, then one
/// line per person that fits (name, unit, position, pension date; `!` and the error colour
/// when the date is already past). When fewer than all fit, the header says how many more
/// there are and where the whole list is (the staff list sorted by pension date).
/// `people`: the first on the list, in its order; `total`: everyone on it.
/// Shared by Beranda and Laporan.
pub fn retiring_lines(
    ui: &Ui,
    people: &[RetiringEntry],
    total: usize,
    unit_name: &dyn Fn(&str) -> String,
    room: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let shown = people.len().min(room.saturating_sub(1)).min(total);
    let people = &people[..shown];
    // When the screen has room for fewer than all, say so: the nearest come first.
    let mut header = vec![Span::styled(
        if shown < total {
            format!(
                "{} ({shown} {} {total})",
                ui.t(T::RetiringTitle),
                ui.t(T::OfTotal)
            )
        } else {
            format!("{} ({total})", ui.t(T::RetiringTitle))
        },
        ui.theme.header(),
    )];
    if shown < total {
        header.push(Span::styled(
            format!(
                "  {}",
                ui.t(T::RetiringMore)
                    .replace("{n}", &(total - shown).to_string())
            ),
            ui.theme.muted(),
        ));
    }
    let mut lines = vec![Line::from(header)];
    if total == 0 {
        lines.push(Line::styled(
            format!(" {}", ui.t(T::NobodyRetiring)),
            ui.theme.muted(),
        ));
    }
    // 80 columns give name 22, unit 16 and position 18; a wider screen shares the rest
    // among the three, so that fewer names are cut.
    let extra = width.saturating_sub(80);
    let (name_w, unit_w, position_w) = (22 + extra / 4, 16 + extra * 3 / 8, 18 + extra * 3 / 8);
    for r in people {
        let overdue = r.status == Retiring::Overdue;
        let text = format!(
            "{}{:<name_w$} {:<unit_w$} {:<position_w$} {}{}",
            if overdue { "!" } else { " " },
            fit(ui, &r.name, name_w),
            crate::ui::short_name(ui, &unit_name(&r.unit_id), unit_w),
            crate::ui::short_name(ui, &r.position, position_w),
            format_date(r.pension.date),
            if overdue {
                format!(" {}", ui.t(T::PastPension))
            } else {
                String::new()
            }
        );
        let style = if overdue {
            ui.theme.error()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    lines
}

impl Screen for Home {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut k = keys::nav_help();
        k.extend(keys::help(&KEYS));
        // Handled by the app; listed here because they work on this screen.
        k.push(key(
            &[
                Key::Char('2'),
                Key::Char('3'),
                Key::Char('4'),
                Key::Char('5'),
            ],
            T::KeyTabs,
            true,
        ));
        k.push(key(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            T::KeyHelp,
            true,
        ));
        k
    }

    fn handle(&mut self, key: KeyEvent, _ui: &Ui) -> Outcome {
        if let Some(nav) = keys::action(&NAV, &key) {
            self.selected = keys::step(nav, self.selected, self.rows(), 10);
            return Outcome::Changed;
        }
        let cs = self.contracts_shown();
        let k = self.objections_shown();
        match keys::action(&KEYS, &key) {
            // A contract row opens the person, whose record lists the contracts.
            Some(Act::Open) if self.selected < cs => match self.data.contracts.get(self.selected) {
                Some(c) => Outcome::OpenStaff(c.nip.clone()),
                None => Outcome::Ignored,
            },
            // An objection row opens the person, whose record marks the evaluation.
            Some(Act::Open) if self.selected < cs + k => {
                match self.data.keberatan.get(self.selected - cs) {
                    Some((nip, ..)) => Outcome::OpenStaff(nip.clone()),
                    None => Outcome::Ignored,
                }
            }
            Some(Act::Open) => match self.data.attention.get(self.selected - cs - k) {
                Some((nip, _, _, _)) => Outcome::OpenStaff(nip.clone()),
                None => Outcome::Ignored,
            },
            Some(Act::Audit) => Outcome::OpenAudit(Default::default()),
            Some(Act::Unit) => {
                self.picker = Some(UnitPicker::new(
                    &self.data.all_units,
                    self.data.unit.as_deref(),
                ));
                Outcome::Changed
            }
            Some(Act::Quit) => Outcome::Quit,
            None => Outcome::Ignored,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let d = &self.data;
        if !d.loaded() {
            frame.render_widget(
                Paragraph::new(Line::styled(ui.t(T::Loading), ui.theme.muted())),
                area,
            );
            return;
        }
        // The retiring list takes what the rest leaves: a tall screen lists more.
        let [cov, jp, chart, att, ret] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(2),
            Constraint::Length(7),
            Constraint::Length(1 + self.attention_rows().max(1) as u16),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![
                    Span::styled(
                        format!("{} {} {}  ", ui.t(T::Coverage), ui.t(T::AnnualOf), d.year),
                        ui.theme.header(),
                    ),
                    Span::styled(
                        d.unit
                            .as_ref()
                            .and_then(|u| d.all_units.iter().find(|(id, _)| id == u))
                            .map_or(ui.all_units().to_string(), |(_, n)| ui.theme.text(n)),
                        ui.theme.key(),
                    ),
                ]),
                Self::bar(ui, 30, d.evaluated, d.active),
            ]),
            cov,
        );
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(
                    format!(
                        "{} {} ({}){}",
                        ui.t(T::ReachedTarget),
                        d.jp_year,
                        targets_note(ui),
                        d.due_today.map_or(String::new(), |n| format!(
                            "; {} PNS {n}",
                            ui.t(T::ReasonJpToday)
                        ))
                    ),
                    ui.theme.header(),
                ),
                Self::bar(ui, 30, d.reached, d.active),
            ]),
            jp,
        );
        let bars: Vec<Bar> = Predikat::ALL
            .iter()
            .map(|p| {
                Bar::default()
                    .label(Line::raw(predikat_short(*p)))
                    .value(u64::from(d.counts.get(*p)))
                    .style(ui.theme.predikat(*p))
            })
            .collect();
        let mut chart_widget = BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(6)
            .bar_gap(2);
        if ui.theme.ascii {
            chart_widget = chart_widget.bar_set(crate::ui::ASCII_BARS);
        }
        let [chart_area, legend] =
            Layout::horizontal([Constraint::Length(42), Constraint::Fill(1)]).areas(chart);
        frame.render_widget(chart_widget, chart_area);
        let mut legend_lines = vec![Line::styled(
            format!("{} {}", ui.t(T::PredikatSpread), d.year),
            ui.theme.muted(),
        )];
        legend_lines.extend(self.contract_lines(ui, usize::from(legend.width)));
        frame.render_widget(Paragraph::new(legend_lines), legend);
        // The coaching counts beside the title (PermenPANRB 6/2022: coaching followed up),
        // and the open objections when there are any (PP 30/2019 Pasal 59).
        let mut title = vec![
            Span::styled(ui.t(T::Attention), ui.theme.header()),
            Span::styled(
                format!(
                    "   {}: {} {}, {} {}",
                    ui.t(T::Coaching),
                    d.coaching_missing,
                    ui.t(T::CoachMissing),
                    d.coaching_overdue,
                    ui.t(T::CoachOverdue)
                ),
                if d.coaching_missing + d.coaching_overdue > 0 {
                    ui.theme.error()
                } else {
                    ui.theme.muted()
                },
            ),
        ];
        if d.keberatan_open > 0 {
            title.push(Span::styled(
                format!(
                    "   {}: {} {}",
                    ui.t(T::Keberatan),
                    d.keberatan_open,
                    ui.t(T::KbOpen)
                ),
                ui.theme.error(),
            ));
        }
        let mut lines = vec![Line::from(title)];
        let k = self.objections_shown();
        let cs = self.contracts_shown();
        // The status and the day of that step: "dijelaskan: 2026-01-22".
        for (i, (_, name, period, status, day)) in d.keberatan.iter().take(k).enumerate() {
            let i = i + cs;
            let line = Line::from(vec![
                Span::raw(format!(" {:<26} ", fit(ui, name, 26))),
                Span::styled(format!("{:<9}", ui.t(T::KbShort)), ui.theme.error()),
                Span::raw(format!(
                    " {} {}: {}",
                    period_text(*period, ui.lang),
                    crate::ui::labels::keberatan_status_text(*status, ui),
                    crate::domain::format_date(*day),
                )),
            ]);
            lines.push(if i == self.selected {
                line.style(ui.theme.selected())
            } else {
                line
            });
        }
        let room = self.attention_rows() - k;
        for (i, (_, name, reason, status)) in d.attention.iter().take(room).enumerate() {
            let i = i + cs + k;
            let mut spans = vec![Span::raw(format!(" {:<26} ", fit(ui, name, 26)))];
            spans.push(match status {
                Some(s) => {
                    Span::styled(format!("{:<9}", status_text(*s, ui)), status_style(*s, ui))
                }
                None => Span::raw(format!("{:<9}", "-")),
            });
            spans.push(Span::raw(format!(" {}", reason_text(reason, ui))));
            let line = Line::from(spans);
            lines.push(if i == self.selected {
                line.style(ui.theme.selected())
            } else {
                line
            });
        }
        if d.attention.is_empty() && k == 0 {
            lines.push(Line::styled(ui.t(T::NobodyNeedsCoaching), ui.theme.ok()));
        }
        frame.render_widget(Paragraph::new(lines), att);
        let unit_name = |id: &str| {
            d.all_units
                .iter()
                .find(|(u, _)| u == id)
                .map_or(id.to_string(), |(_, n)| n.clone())
        };
        frame.render_widget(
            Paragraph::new(retiring_lines(
                ui,
                &d.retiring,
                d.retiring_total as usize,
                &unit_name,
                usize::from(ret.height),
                usize::from(ret.width),
            )),
            ret,
        );
    }

    fn title(&self) -> T {
        T::TabHome
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Home)
    }

    fn unit_picker(&mut self) -> Option<&mut Option<UnitPicker>> {
        Some(&mut self.picker)
    }

    fn open_picker(&self) -> Option<&UnitPicker> {
        self.picker.as_ref()
    }

    fn unit_chosen(&mut self, unit: Option<String>) -> Outcome {
        Outcome::HomeUnit(unit)
    }
}
