//! Petugas (`O` on the staff list, admins only; issue 22): the officers, each with their
//! role, units and language, the selected one's keys with their comments and SHA256
//! fingerprints (what `officer key remove` takes), and a line of who is logged in now
//! with which role. Read only: changes are made with `kinerja officer ...` (carried out
//! by the running server).

use super::{Outcome, Screen};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, fit, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// One officer as the screen shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerRow {
    pub name: String,
    /// The role's label (`admin`, `penilai`, `viewer`).
    pub role: String,
    /// The names of their units; empty: every unit.
    pub units: Vec<String>,
    /// `id`, `en`, or empty for the server's language.
    pub lang: String,
    /// Each key's fingerprint (`SHA256:...`) and comment.
    pub keys: Vec<(String, String)>,
    /// When they last logged in over SSH (`YYYY-MM-DD HH:MM`, local time), empty: never.
    pub last_login: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Back,
    Quit,
}

const KEYS: [Binding<Act>; 2] = [
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, false),
];

pub struct OfficersScreen {
    rows: Vec<OfficerRow>,
    /// Who is logged in now: name and role label.
    online: Vec<(String, String)>,
    selected: usize,
}

impl OfficersScreen {
    pub fn new(rows: Vec<OfficerRow>, online: Vec<(String, String)>) -> OfficersScreen {
        OfficersScreen {
            rows,
            online,
            selected: 0,
        }
    }
}

impl Screen for OfficersScreen {
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
            self.selected = keys::step(nav, self.selected, self.rows.len(), 10);
            return Outcome::Changed;
        }
        match keys::action(&KEYS, &key) {
            Some(Act::Back) => Outcome::Back,
            Some(Act::Quit) => Outcome::Quit,
            None => Outcome::Ignored,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [top, table_area, details] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(6),
        ])
        .areas(area);
        let width = top.width as usize;
        let online: Vec<String> = self
            .online
            .iter()
            .map(|(n, r)| format!("{} ({r})", ui.theme.text(n)))
            .collect();
        let online = if online.is_empty() {
            "-".to_string()
        } else {
            online.join(", ")
        };
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![
                    Span::styled(format!("{} ", ui.t(T::OfficersTitle)), ui.theme.title()),
                    Span::raw(
                        ui.t(T::OfficersCount)
                            .replace("{n}", &self.rows.len().to_string()),
                    ),
                ]),
                Line::styled(
                    fit(ui, &format!("{} {online}", ui.t(T::OfficersOnline)), width),
                    ui.theme.muted(),
                ),
            ]),
            top,
        );
        let height = table_area.height.saturating_sub(1) as usize;
        let start = self.selected.saturating_sub(height.saturating_sub(1));
        let all_units = ui.t(T::OfficersAllUnits);
        let rows: Vec<Row> = self
            .rows
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, o)| {
                let units = if o.units.is_empty() {
                    all_units.to_string()
                } else {
                    o.units.join(", ")
                };
                let lang = if o.lang.is_empty() { "-" } else { &o.lang };
                let row = Row::new(vec![
                    Cell::from(ui.theme.text(&o.name)),
                    Cell::from(o.role.clone()),
                    Cell::from(fit(ui, &units, 30)),
                    Cell::from(lang.to_string()),
                    Cell::from(o.keys.len().to_string()),
                    Cell::from(if o.last_login.is_empty() {
                        "-".to_string()
                    } else {
                        o.last_login.clone()
                    }),
                ]);
                if i == self.selected {
                    row.style(ui.theme.selected())
                } else {
                    row
                }
            })
            .collect();
        let header = Row::new(
            [
                ui.t(T::ColName),
                ui.t(T::OfficersColRole),
                ui.t(T::OfficersColUnits),
                ui.t(T::OfficersColLang),
                ui.t(T::OfficersColKeys),
                ui.t(T::OfficersColLastLogin),
            ]
            .map(Cell::from),
        )
        .style(ui.theme.header());
        let widths = [
            Constraint::Length(16),
            Constraint::Length(8),
            Constraint::Fill(1),
            Constraint::Length(6),
            Constraint::Length(5),
            Constraint::Length(16),
        ];
        frame.render_widget(Table::new(rows, widths).header(header), table_area);
        let width = details.width as usize;
        let mut lines = Vec::new();
        if let Some(o) = self.rows.get(self.selected) {
            lines.push(Line::styled(
                fit(
                    ui,
                    &format!("{} {}", ui.t(T::OfficersKeysOf), o.name),
                    width,
                ),
                ui.theme.header(),
            ));
            for (fp, comment) in o
                .keys
                .iter()
                .take(details.height.saturating_sub(2) as usize)
            {
                let comment = if comment.is_empty() { "-" } else { comment };
                lines.push(Line::raw(fit(ui, &format!(" {fp}  {comment}"), width)));
            }
        }
        lines.push(Line::styled(
            fit(ui, ui.t(T::OfficersHint), width),
            ui.theme.muted(),
        ));
        frame.render_widget(Paragraph::new(lines), details);
    }

    fn title(&self) -> T {
        T::OfficersTitle
    }
}
