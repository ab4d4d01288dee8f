//! Jejak audit (issue 22; `A` on Beranda, admin only): the audit trail newest first, up
//! to the end of a day (`[` `]`), narrowed by officer (`f` steps through them) and by a
//! text in the record, action or summary (`/`, as you type). The selected entry's whole
//! record and summary below the table. It reads a page at a time (views/audit.rs).

use super::{Outcome, Screen};
use crate::ui::input::TextInput;
use crate::ui::keys::{self, Binding, Key, NAV, Nav, bind};
use crate::ui::lang::T;
use crate::ui::tabs::Tab;
use crate::ui::{KeyHelp, Ui, fit, key};
use crate::views::audit::{AuditPage, AuditQuery};
use crossterm::event::{KeyCode, KeyEvent};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    PrevDay,
    NextDay,
    Officer,
    Search,
    Open,
    Back,
    Quit,
}

const KEYS: [Binding<Act>; 7] = [
    bind(&[Key::Char('[')], Act::PrevDay, T::KeyDay, true),
    bind(&[Key::Char(']')], Act::NextDay, T::KeyDay, true),
    bind(&[Key::Char('f')], Act::Officer, T::KeyOfficer, true),
    bind(&[Key::Char('/')], Act::Search, T::KeySearch, true),
    bind(&[Key::Code(KeyCode::Enter)], Act::Open, T::KeyOpen, false),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, true),
];

const SEARCH_KEYS: [KeyHelp; 4] = [
    key(&[Key::Code(KeyCode::Enter)], T::KeyKeepFilter, true),
    key(&[Key::Code(KeyCode::Esc)], T::KeyClearFilter, true),
    key(
        &[Key::Code(KeyCode::Up), Key::Code(KeyCode::Down)],
        T::KeyMove,
        true,
    ),
    key(&[Key::Code(KeyCode::F(1))], T::KeyHelp, true),
];

/// The person (NIP) a record names: `staff/NIP`, `evaluations/NIP/ID`, `career/NIP`, ...
pub fn person_of(record: &str) -> Option<String> {
    let nip = record.split('/').nth(1)?;
    (nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit())).then(|| nip.to_string())
}

pub struct AuditScreen {
    page: AuditPage,
    today: Date,
    selected: usize,
    /// The search being typed, while it is.
    search: Option<TextInput>,
}

impl AuditScreen {
    pub fn new(page: AuditPage, today: Date) -> AuditScreen {
        AuditScreen {
            page,
            today,
            selected: 0,
            search: None,
        }
    }

    /// A new page for the same screen (another filter): the typing goes on.
    pub fn show(&mut self, page: AuditPage) {
        self.page = page;
        self.selected = 0;
    }

    pub fn query(&self) -> &AuditQuery {
        &self.page.query
    }

    fn with(&self, change: impl FnOnce(&mut AuditQuery)) -> Outcome {
        let mut q = self.page.query.clone();
        change(&mut q);
        if q == self.page.query {
            Outcome::Ignored
        } else {
            Outcome::OpenAudit(q)
        }
    }

    fn day(&self, back: bool) -> Outcome {
        let today = self.today;
        self.with(|q| {
            let at = q.until.unwrap_or(today);
            let next = if back { at.yesterday() } else { at.tomorrow() };
            q.until = match next {
                Ok(d) if d < today => Some(d),
                Ok(_) => None,
                Err(_) => q.until,
            };
        })
    }

    fn typed(&self, text: &str) -> Outcome {
        let text = text.to_string();
        self.with(|q| q.text = text)
    }
}

impl Screen for AuditScreen {
    fn keys(&self) -> Vec<KeyHelp> {
        if self.search.is_some() {
            return SEARCH_KEYS.to_vec();
        }
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
        let len = self.page.rows.len();
        if let Some(input) = &mut self.search {
            return match key.code {
                KeyCode::Enter => {
                    self.search = None;
                    Outcome::Changed
                }
                KeyCode::Esc => {
                    self.search = None;
                    match self.typed("") {
                        Outcome::Ignored => Outcome::Changed,
                        o => o,
                    }
                }
                KeyCode::Up | KeyCode::Down => {
                    let nav = if key.code == KeyCode::Up {
                        Nav::Up
                    } else {
                        Nav::Down
                    };
                    self.selected = keys::step(nav, self.selected, len, 10);
                    Outcome::Changed
                }
                _ => {
                    if input.handle(&key) {
                        let text = input.value().to_string();
                        match self.typed(&text) {
                            Outcome::Ignored => Outcome::Changed,
                            o => o,
                        }
                    } else {
                        Outcome::Ignored
                    }
                }
            };
        }
        if let Some(nav) = keys::action(&NAV, &key) {
            self.selected = keys::step(nav, self.selected, len, 10);
            return Outcome::Changed;
        }
        match keys::action(&KEYS, &key) {
            Some(Act::PrevDay) => self.day(true),
            Some(Act::NextDay) => self.day(false),
            Some(Act::Officer) => {
                let next = self.page.step_officer(false);
                self.with(|q| q.officer = next)
            }
            Some(Act::Search) => {
                self.search = Some(TextInput::new(&self.page.query.text).with_max(60));
                Outcome::Changed
            }
            Some(Act::Open) => self
                .page
                .rows
                .get(self.selected)
                .and_then(|r| person_of(&r.record))
                .map_or(Outcome::Ignored, Outcome::OpenStaff),
            Some(Act::Back) => Outcome::Back,
            Some(Act::Quit) => Outcome::Quit,
            None => Outcome::Ignored,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [top, table_area, details] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(4),
        ])
        .areas(area);
        let width = top.width as usize;
        let q = &self.page.query;
        let until = match q.until {
            Some(d) => crate::domain::format_date(d),
            None => ui.t(T::AuditNow).to_string(),
        };
        let officer = q
            .officer
            .as_deref()
            .map_or(ui.t(T::AuditAllOfficers).to_string(), |o| ui.theme.text(o));
        let mut first = vec![
            Span::styled(format!("{} ", ui.t(T::AuditTitle)), ui.theme.title()),
            Span::styled(
                format!(
                    "{} {} {}",
                    ui.theme.sym("◀", "<"),
                    until,
                    ui.theme.sym("▶", ">")
                ),
                ui.theme.key(),
            ),
            Span::raw(format!("  {}: {officer}", ui.t(T::AuditColOfficer))),
        ];
        match &self.search {
            Some(input) => {
                first.push(Span::styled(
                    format!("  {}: ", ui.t(T::SearchPrompt)),
                    ui.theme.key(),
                ));
                first.push(Span::raw(fit(ui, input.value(), 20)));
                first.push(Span::styled(ui.theme.sym("▏", "_"), ui.theme.key()));
            }
            None if !q.text.is_empty() => first.push(Span::raw(format!(
                "  {}: {}",
                ui.t(T::SearchPrompt),
                fit(ui, &q.text, 20)
            ))),
            None => {}
        }
        let count = ui
            .t(T::AuditCount)
            .replace("{n}", &self.page.rows.len().to_string());
        let mut second = count;
        if self.page.more {
            second.push_str("; ");
            second.push_str(ui.t(T::AuditMore));
        }
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(first),
                Line::styled(fit(ui, &second, width), ui.theme.muted()),
            ]),
            top,
        );
        if self.page.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(ui.t(T::AuditNone), ui.theme.muted())),
                table_area,
            );
        } else {
            let height = table_area.height.saturating_sub(1) as usize;
            let start = self.selected.saturating_sub(height.saturating_sub(1));
            let action = |a| ui.t(crate::screens::staff_record::action_text(a));
            let rows: Vec<Row> = self
                .page
                .rows
                .iter()
                .enumerate()
                .skip(start)
                .take(height)
                .map(|(i, r)| {
                    // `MM-DD HH:MM`: the day and minute; the year is in the title.
                    let when = r.when.get(5..16).unwrap_or(&r.when).to_string();
                    let row = Row::new(vec![
                        Cell::from(when),
                        Cell::from(fit(ui, &r.actor, 10)),
                        Cell::from(fit(ui, action(r.action), 10)),
                        Cell::from(fit(ui, &r.record, 26)),
                        Cell::from(ui.theme.text(&r.summary)),
                    ]);
                    crate::ui::table::marked(row, i == self.selected, ui)
                })
                .collect();
            crate::ui::table::draw(
                frame,
                table_area,
                ui,
                &[
                    T::AuditColWhen,
                    T::AuditColOfficer,
                    T::AuditColAction,
                    T::AuditColRecord,
                    T::AuditColSummary,
                ],
                &[
                    Constraint::Length(11),
                    Constraint::Length(10),
                    Constraint::Length(10),
                    Constraint::Length(26),
                    Constraint::Fill(1),
                ],
                rows,
            );
        }
        if let Some(r) = self.page.rows.get(self.selected) {
            let lines = vec![
                Line::styled(
                    fit(
                        ui,
                        &format!("{} {} {}", r.when, r.actor, r.record),
                        details.width as usize,
                    ),
                    ui.theme.header(),
                ),
                Line::raw(ui.theme.text(&r.summary)),
            ];
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), details);
        }
    }

    fn title(&self) -> T {
        T::AuditTitle
    }

    fn tab(&self) -> Option<Tab> {
        Some(Tab::Home)
    }

    fn captures_text(&self) -> bool {
        self.search.is_some()
    }
}
