//! Pelatihan (tab `3`): for a year, who reached 20 JP, the spread of JP, each unit's share,
//! the trainings held, the partners and the JP they delivered, and who needs coaching
//! (pembinaan) with the reason. Built once when the tab opens, never per keystroke.

use super::{Outcome, Screen};
use crate::domain::{CoachingStatus, OrganiserKind};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::labels::{reason_text, status_style, status_text, targets_note};
use crate::ui::lang::T;
use crate::ui::tabs::Tab;
use crate::ui::unit_picker::UnitPicker;
use crate::ui::{KeyHelp, Ui, fit, key};
use crate::views::competency_gaps::Suggestion;
use crate::views::training::{Coaching, Held, PartnerJp, TrainingData};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Cell, Gauge, Paragraph, Row, Table, Tabs};

/// Which people the coaching list shows (`s` cycles it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CoachingFilter {
    #[default]
    All,
    /// Flagged by predikat and no coaching since.
    Missing,
    /// A coaching whose follow-up date passed without being closed.
    Overdue,
}

impl CoachingFilter {
    fn next(self) -> CoachingFilter {
        match self {
            CoachingFilter::All => CoachingFilter::Missing,
            CoachingFilter::Missing => CoachingFilter::Overdue,
            CoachingFilter::Overdue => CoachingFilter::All,
        }
    }

    fn keeps(self, c: &Coaching) -> bool {
        match self {
            CoachingFilter::All => true,
            CoachingFilter::Missing => c.status == Some(CoachingStatus::Missing),
            CoachingFilter::Overdue => c.status == Some(CoachingStatus::Overdue),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Summary,
    Coaching,
    Held,
    Partners,
}

const SECTIONS: [Section; 4] = [
    Section::Summary,
    Section::Coaching,
    Section::Held,
    Section::Partners,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    NextSection,
    PrevSection,
    PrevYear,
    NextYear,
    Unit,
    Open,
    Coach,
    Filter,
    Competencies,
    Partners,
    Requirements,
    Back,
    Quit,
}

/// Pelatihan's keys: they decide what a key does, and the footer and help show them.
const KEYS: [Binding<Act>; 13] = [
    bind(
        &[Key::Code(KeyCode::Tab)],
        Act::NextSection,
        T::KeySection,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::BackTab)],
        Act::PrevSection,
        T::KeyPrevSection,
        false,
    ),
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
    bind(&[Key::Char('f')], Act::Unit, T::KeyUnit, true),
    bind(&[Key::Code(KeyCode::Enter)], Act::Open, T::KeyOpen, true),
    bind(&[Key::Char('c')], Act::Coach, T::KeyCoach, true),
    bind(&[Key::Char('v')], Act::Filter, T::KeyCoachingFilter, true),
    bind(
        &[Key::Char('K')],
        Act::Competencies,
        T::KeyCompetencies,
        true,
    ),
    bind(&[Key::Char('m')], Act::Partners, T::KeyPartners, true),
    bind(
        &[Key::Char('R')],
        Act::Requirements,
        T::KeyRequirements,
        false,
    ),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, false),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, true),
];

pub struct TrainingOverview {
    data: TrainingData,
    section: Section,
    rows: [usize; 4],
    filter: CoachingFilter,
    /// Positions in `data.coaching` the filter keeps.
    shown: Vec<usize>,
    /// The unit picker `f` opened, while it is open.
    picker: Option<UnitPicker>,
}

/// Lines below the coaching list for the selected person's whole reason.
const DETAIL_LINES: usize = 3;

/// A suggestion in full (each competency with its state and expiry day), for the line
/// under the coaching list; `None` when there is none.
pub fn suggestion_detail(s: &Suggestion, ui: &Ui) -> Option<String> {
    use crate::views::competency_gaps::Gap;
    match s {
        Suggestion::Competencies(gaps) if !gaps.is_empty() => {
            let parts: Vec<String> = gaps
                .iter()
                .map(|(name, gap)| match gap {
                    Gap::Kedaluwarsa(d) | Gap::SegeraKedaluwarsa(d) => format!(
                        "{name} ({} {})",
                        ui.t(T::CompExpired),
                        crate::domain::format_date(*d)
                    ),
                    Gap::BelumAda => format!("{name} ({})", ui.t(T::CompMissing)),
                })
                .collect();
            Some(format!("{} {}", ui.t(T::NeedsCompetency), parts.join(", ")))
        }
        Suggestion::Kinds(kinds) if !kinds.is_empty() => {
            let kinds: Vec<&str> = kinds.iter().map(|k| k.label()).collect();
            Some(format!("{} {}", ui.t(T::Suggested), kinds.join(", ")))
        }
        _ => None,
    }
}

impl TrainingOverview {
    /// Stays on the section, rows and coaching filter `before` was on (another year or
    /// unit of the tab); the work that section needs first, if any.
    pub fn follow(&mut self, before: &TrainingOverview) -> Option<Outcome> {
        self.keep_view_of(before);
        let d = &self.data;
        ((matches!(self.section, Section::Held | Section::Partners) && !d.stats_loaded)
            || (self.section == Section::Partners && !d.gaps_loaded))
            .then_some(Outcome::LoadTrainingStats(d.year))
    }

    pub fn new(data: TrainingData) -> TrainingOverview {
        let mut t = TrainingOverview {
            picker: None,
            data,
            section: Section::Summary,
            rows: [0; 4],
            filter: CoachingFilter::All,
            shown: Vec::new(),
        };
        t.apply_filter();
        t
    }

    fn apply_filter(&mut self) {
        let filter = self.filter;
        self.shown = (0..self.data.coaching.len())
            .filter(|i| filter.keeps(&self.data.coaching[*i]))
            .collect();
        self.rows[1] = self.rows[1].min(self.shown.len().saturating_sub(1));
    }

    /// Counts each person's coaching status again from everyone's coaching records (after
    /// a coaching was saved from the list), keeping the filter and the selection.
    pub fn set_coaching_records(
        &mut self,
        records: &crate::views::coaching::CoachedByNip,
        today: jiff::civil::Date,
    ) {
        for c in std::sync::Arc::make_mut(&mut self.data.coaching) {
            let items = records.get(&c.nip).map_or(&[][..], |v| v.as_slice());
            c.status = crate::domain::follow_up(items, c.flagged_since, today);
        }
        self.apply_filter();
    }

    /// The year and the unit shown (`None`: all units), to build the tab again.
    pub fn year_unit(&self) -> (i16, Option<String>) {
        (self.data.year, self.data.unit.clone())
    }

    /// Keeps the section, rows and filter of `old` (the tab built again with fresh data).
    pub fn keep_view_of(&mut self, old: &TrainingOverview) {
        self.section = old.section;
        self.filter = old.filter;
        self.rows = old.rows;
        self.apply_filter();
        for (i, row) in self.rows.iter_mut().enumerate() {
            let len = match SECTIONS[i] {
                Section::Summary => self.data.units.len(),
                Section::Coaching => self.shown.len(),
                Section::Held => self.data.held.len(),
                Section::Partners => self.data.partners.len(),
            };
            *row = (*row).min(len.saturating_sub(1));
        }
    }

    /// The filter of the coaching list.
    pub fn filter(&self) -> CoachingFilter {
        self.filter
    }

    /// The coaching list's people the filter shows, in order.
    pub fn shown_coaching(&self) -> impl Iterator<Item = &Coaching> {
        self.shown.iter().filter_map(|i| self.data.coaching.get(*i))
    }

    pub fn set_stats(&mut self, held: Vec<Held>, partners: Vec<PartnerJp>) {
        self.data.held = held;
        self.data.partners = partners;
        self.data.stats_loaded = true;
        self.data.gaps_loaded = true;
    }

    /// Everyone on the coaching list, whatever the filter.
    pub fn coaching(&self) -> &[Coaching] {
        &self.data.coaching
    }

    fn len(&self) -> usize {
        match self.section {
            Section::Summary => self.data.units.len(),
            Section::Coaching => self.shown.len(),
            Section::Held => self.data.held.len(),
            Section::Partners => self.data.partners.len(),
        }
    }

    fn unit_label(&self, ui: &Ui) -> String {
        self.data
            .unit
            .as_ref()
            .and_then(|u| self.data.all_units.iter().find(|(id, _)| id == u))
            .map_or(ui.all_units().to_string(), |(_, n)| ui.theme.text(n))
    }

    fn window(&self, i: usize, height: usize) -> usize {
        self.rows[i].saturating_sub(height.saturating_sub(1))
    }

    fn draw_summary(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let d = &self.data;
        let [top, _, chart, table] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(6),
            Constraint::Fill(1),
        ])
        .areas(area);
        let ratio = if d.staff == 0 {
            0.0
        } else {
            f64::from(d.reached) / f64::from(d.staff)
        };
        let label = format!(
            "{} / {} ({}) {} ({})",
            d.reached,
            d.staff,
            crate::ui::percent(d.reached, d.staff),
            ui.t(T::ReachedTarget),
            targets_note(ui)
        );
        let label = format!("{label}  {}", self.unit_label(ui));
        // Without colour a filled gauge cannot be told from its label: a text gauge then.
        if ui.theme.ascii || !ui.theme.color {
            // The text on its own line, the bar on the one below: side by side they need
            // more than 80 columns, and the unit (the officer's scope) was cut off.
            let both = Rect {
                height: top.height + 1,
                ..top
            }
            .intersection(area);
            frame.render_widget(
                Paragraph::new(vec![
                    Line::raw(label),
                    crate::ui::gauge_line(ui, 30, ratio, String::new()),
                ]),
                both,
            );
        } else {
            frame.render_widget(
                Gauge::default()
                    .ratio(ratio.min(1.0))
                    .label(label)
                    .gauge_style(ui.theme.ok()),
                top,
            );
        }
        let labels = ["0", "1-9", "10-19", "20+"];
        let bars: Vec<Bar> = labels
            .iter()
            .zip(d.spread)
            .map(|(l, v)| Bar::default().label(Line::raw(*l)).value(u64::from(v)))
            .collect();
        let mut chart_widget = BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(7)
            .bar_gap(2)
            .bar_style(ui.theme.key());
        if ui.theme.ascii {
            chart_widget = chart_widget.bar_set(crate::ui::ASCII_BARS);
        }
        let [chart_area, legend] =
            Layout::horizontal([Constraint::Length(40), Constraint::Fill(1)]).areas(chart);
        frame.render_widget(chart_widget, chart_area);
        frame.render_widget(
            Paragraph::new(vec![Line::styled(ui.t(T::JpSpread), ui.theme.muted())]),
            legend,
        );
        let height = table.height.saturating_sub(1) as usize;
        let start = self.window(0, height);
        let rows: Vec<Row> = d
            .units
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, u)| {
                let r = if u.staff == 0 {
                    0.0
                } else {
                    f64::from(u.reached) / f64::from(u.staff)
                };
                let row = Row::new(vec![
                    Cell::from(crate::ui::short_name(ui, &u.name, 26)),
                    Cell::from(format!("{:>4} / {:<4}", u.reached, u.staff)),
                    Cell::from(crate::ui::gauge_line(
                        ui,
                        20,
                        r,
                        crate::ui::percent(u.reached, u.staff),
                    )),
                ]);
                crate::ui::table::marked(row, i == self.rows[0], ui)
            })
            .collect();
        let header = Row::new([ui.t(T::ColUnit), ui.t(T::Reached), ""].map(Cell::from))
            .style(ui.theme.header());
        frame.render_widget(
            Table::new(
                rows,
                [
                    Constraint::Length(27),
                    Constraint::Length(12),
                    Constraint::Fill(1),
                ],
            )
            .header(header),
            table,
        );
    }

    fn draw_coaching(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        // Name 22, unit 14, coaching 9 and a space after each: the reasons get the rest.
        let reason_w = (area.width as usize)
            .saturating_sub(22 + 14 + 9 + 3)
            .max(10);
        let d = &self.data;
        if self.shown.is_empty() {
            let text = if d.coaching.is_empty() {
                ui.t(T::NobodyNeedsCoaching)
            } else {
                ui.t(T::NoMatch)
            };
            frame.render_widget(Paragraph::new(Line::styled(text, ui.theme.ok())), area);
            return;
        }
        // The selected person's whole reason and suggestion below the list, over up to
        // three lines: the column cuts them.
        let selected = self
            .shown
            .get(self.rows[1])
            .and_then(|i| d.coaching.get(*i));
        let detail_lines: Vec<String> = selected
            .map(|c| {
                let mut parts: Vec<String> = c.reasons.iter().map(|r| reason_text(r, ui)).collect();
                parts.extend(suggestion_detail(&c.suggested, ui));
                let width = area.width as usize;
                let mut lines = super::profile_text::wrap(&ui.theme.text(&parts.join("; ")), width);
                if lines.len() > DETAIL_LINES {
                    let rest = lines.split_off(DETAIL_LINES - 1).join(" ");
                    lines.push(fit(ui, &rest, width));
                }
                lines
            })
            .unwrap_or_default();
        let [area, detail] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(detail_lines.len().max(1) as u16),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(
                detail_lines
                    .into_iter()
                    .map(|l| Line::styled(l, ui.theme.muted()))
                    .collect::<Vec<_>>(),
            ),
            detail,
        );
        let height = area.height.saturating_sub(1) as usize;
        let start = self.window(1, height);
        let rows: Vec<Row> = self
            .shown_coaching()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, c)| {
                let mut why: Vec<String> = c.reasons.iter().map(|r| reason_text(r, ui)).collect();
                match &c.suggested {
                    Suggestion::Competencies(gaps) if !gaps.is_empty() => {
                        let names: Vec<&str> = gaps.iter().map(|(n, _)| n.as_str()).collect();
                        why.push(format!("{} {}", ui.t(T::NeedsCompetency), names.join(", ")));
                    }
                    Suggestion::Kinds(kinds) if !kinds.is_empty() => {
                        let kinds: Vec<&str> = kinds.iter().map(|k| k.label()).collect();
                        why.push(format!("{} {}", ui.t(T::Suggested), kinds.join(", ")));
                    }
                    _ => {}
                }
                let status = match c.status {
                    Some(s) => Cell::from(Span::styled(status_text(s, ui), status_style(s, ui))),
                    None => Cell::from(Span::styled("-", ui.theme.muted())),
                };
                let row = Row::new(vec![
                    Cell::from(fit(ui, &c.name, 22)),
                    Cell::from(crate::ui::short_name(ui, &c.unit, 14)),
                    status,
                    Cell::from(crate::ui::fit_words(ui, &why.join("; "), reason_w)),
                ]);
                crate::ui::table::marked(row, i == self.rows[1], ui)
            })
            .collect();
        let header = Row::new(
            [
                ui.t(T::ColName),
                ui.t(T::ColUnit),
                ui.t(T::Coaching),
                ui.t(T::Reason),
            ]
            .map(Cell::from),
        )
        .style(ui.theme.header());
        frame.render_widget(
            Table::new(
                rows,
                [
                    Constraint::Length(22),
                    Constraint::Length(14),
                    Constraint::Length(9),
                    Constraint::Fill(1),
                ],
            )
            .header(header),
            area,
        );
    }

    fn draw_held(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let height = area.height.saturating_sub(1) as usize;
        let start = self.window(2, height);
        // The title takes what the other columns leave (four spaces between columns).
        let title_w = (area.width as usize)
            .saturating_sub(18 + 11 + 5 + 3 + 4)
            .max(10);
        let rows: Vec<Row> = self
            .data
            .held
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, h)| {
                let row = Row::new(vec![
                    Cell::from(fit(ui, &h.title, title_w)),
                    Cell::from(fit(ui, &h.organiser, 18)),
                    Cell::from(h.dates.clone()),
                    Cell::from(format!("{:>4}", h.participants)),
                    Cell::from(format!("{:>3}", h.jp)),
                ]);
                crate::ui::table::marked(row, i == self.rows[2], ui)
            })
            .collect();
        crate::ui::table::draw(
            frame,
            area,
            ui,
            &[T::Title, T::Organiser, T::Dates, T::PeopleShort, T::ColJp],
            &[
                Constraint::Fill(1),
                Constraint::Length(18),
                Constraint::Length(11),
                Constraint::Length(5),
                Constraint::Length(3),
            ],
            rows,
        );
    }

    fn draw_partners(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let height = area.height.saturating_sub(2) as usize;
        let start = self.window(3, height);
        let private: u64 = self
            .data
            .partners
            .iter()
            .filter(|p| p.kind != OrganiserKind::Pemerintah)
            .map(|p| p.jp)
            .sum();
        let public: u64 = self
            .data
            .partners
            .iter()
            .filter(|p| p.kind == OrganiserKind::Pemerintah)
            .map(|p| p.jp)
            .sum();
        let [top, table] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(Line::raw(format!(
                "{}: {public} JP   {}: {private} JP",
                crate::ui::labels::organiser_text(OrganiserKind::Pemerintah, ui.lang),
                ui.t(T::PrivateAndSoe)
            ))),
            top,
        );
        let rows: Vec<Row> = self
            .data
            .partners
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, p)| {
                let row = Row::new(vec![
                    Cell::from(fit(ui, &p.name, 34)),
                    Cell::from(crate::ui::labels::organiser_text(p.kind, ui.lang)),
                    Cell::from(format!("{:>6}", p.participants)),
                    Cell::from(format!("{:>7}", p.jp)),
                    Cell::from(format!(
                        "{:>6}",
                        p.gaps.map_or("-".to_string(), |g| g.to_string())
                    )),
                ]);
                crate::ui::table::marked(row, i == self.rows[3], ui)
            })
            .collect();
        // Numbers are right-aligned under right-aligned headings.
        let header = Row::new([
            Cell::from(ui.t(T::Organiser)),
            Cell::from(ui.t(T::KindShort)),
            Cell::from(format!("{:>6}", ui.t(T::PeopleShort))),
            Cell::from(format!("{:>7}", "JP")),
            Cell::from(format!("{:>6}", ui.t(T::GapsClosable))),
        ])
        .style(ui.theme.header());
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(7),
            Constraint::Length(8),
            Constraint::Length(7),
        ];
        frame.render_widget(Table::new(rows, widths).header(header), table);
    }
}

impl Screen for TrainingOverview {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut k = keys::help(&KEYS);
        if self.section != Section::Coaching {
            // Only the coaching list opens a person, records coaching and filters.
            k.retain(|x| !matches!(x.action, T::KeyOpen | T::KeyCoach | T::KeyCoachingFilter));
        }
        k.extend(keys::nav_help());
        // Handled by the app; listed here because they work on this screen.
        k.push(key(&[Key::Char('2')], T::KeyStaffTab, false));
        k.push(key(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            T::KeyHelp,
            true,
        ));
        k
    }

    fn handle(&mut self, key: KeyEvent, _ui: &Ui) -> Outcome {
        let i = SECTIONS
            .iter()
            .position(|s| *s == self.section)
            .unwrap_or(0);
        if let Some(nav) = keys::action(&NAV, &key) {
            self.rows[i] = keys::step(nav, self.rows[i], self.len(), 10);
            return Outcome::Changed;
        }
        let d = &self.data;
        match keys::action(&KEYS, &key) {
            Some(act @ (Act::NextSection | Act::PrevSection)) => {
                let step = if act == Act::NextSection { 1 } else { 3 };
                self.section = SECTIONS[(i + step) % 4];
                if (matches!(self.section, Section::Held | Section::Partners) && !d.stats_loaded)
                    || (self.section == Section::Partners && !d.gaps_loaded)
                {
                    return Outcome::LoadTrainingStats(d.year);
                }
                Outcome::Changed
            }
            Some(Act::PrevYear) => Outcome::TrainingYear(d.year - 1, d.unit.clone()),
            Some(Act::NextYear) => Outcome::TrainingYear(d.year + 1, d.unit.clone()),
            Some(Act::Unit) => {
                self.picker = Some(UnitPicker::new(&d.all_units, d.unit.as_deref()));
                Outcome::Changed
            }
            Some(act @ (Act::Open | Act::Coach)) if self.section == Section::Coaching => {
                let selected = self
                    .shown
                    .get(self.rows[1])
                    .and_then(|i| d.coaching.get(*i));
                match (selected, act) {
                    (Some(c), Act::Open) => Outcome::OpenStaff(c.nip.clone()),
                    (Some(c), _) => Outcome::OpenCoaching(c.nip.clone(), None),
                    (None, _) => Outcome::Ignored,
                }
            }
            // A partner of the year: opened on Mitra (one grammar: Enter opens).
            Some(Act::Open) if self.section == Section::Partners => {
                match d.partners.get(self.rows[3]) {
                    Some(p) => Outcome::OpenPartner(
                        d.year,
                        crate::domain::unit_id(&p.name),
                        p.name.clone(),
                    ),
                    None => Outcome::Ignored,
                }
            }
            Some(Act::Filter) if self.section == Section::Coaching => {
                self.filter = self.filter.next();
                self.rows[1] = 0;
                self.apply_filter();
                Outcome::Changed
            }
            Some(Act::Competencies) => {
                Outcome::CompetencyView(super::competency::CompetencyQuery {
                    unit: d.unit.clone(),
                    list: None,
                })
            }
            Some(Act::Requirements) => Outcome::OpenRequirements,
            Some(Act::Open | Act::Coach | Act::Filter) | None => Outcome::Ignored,
            Some(Act::Partners) => Outcome::OpenPartners(d.year),
            Some(Act::Back) => Outcome::Back,
            Some(Act::Quit) => Outcome::Quit,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [bar, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let [year, tabs] =
            Layout::horizontal([Constraint::Length(10), Constraint::Fill(1)]).areas(bar);
        frame.render_widget(
            Paragraph::new(crate::ui::year_span(ui, self.data.year)),
            year,
        );
        let mut titles: Vec<String> = [T::Summary, T::NeedsCoaching, T::TrainingsHeld, T::Partners]
            .map(|t| ui.t(t).to_string())
            .to_vec();
        // The coaching list's filter, in its title.
        let filter = match self.filter {
            CoachingFilter::All => None,
            CoachingFilter::Missing => Some(CoachingStatus::Missing),
            CoachingFilter::Overdue => Some(CoachingStatus::Overdue),
        };
        if let Some(f) = filter {
            titles[1] = format!("{}: {}", titles[1], status_text(f, ui));
        }
        let i = SECTIONS
            .iter()
            .position(|s| *s == self.section)
            .unwrap_or(0);
        frame.render_widget(
            Tabs::new(titles)
                .select(i)
                .highlight_style(ui.theme.selected())
                .divider(ui.theme.sym("│", "|")),
            tabs,
        );
        match self.section {
            Section::Summary => self.draw_summary(frame, body, ui),
            Section::Coaching => self.draw_coaching(frame, body, ui),
            Section::Held => self.draw_held(frame, body, ui),
            Section::Partners => self.draw_partners(frame, body, ui),
        }
    }

    fn title(&self) -> T {
        T::TabTraining
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Training)
    }

    fn unit_picker(&mut self) -> Option<&mut Option<UnitPicker>> {
        Some(&mut self.picker)
    }

    fn open_picker(&self) -> Option<&UnitPicker> {
        self.picker.as_ref()
    }

    fn unit_chosen(&mut self, unit: Option<String>) -> Outcome {
        Outcome::TrainingYear(self.data.year, unit)
    }
}
