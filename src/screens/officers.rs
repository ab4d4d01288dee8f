//! Petugas (`O` on the staff list, admins only; issue 22): the officers, each with their
//! role, units and language, the selected one's keys with their comments and SHA256
//! fingerprints (what `officer key remove` takes), and a line of who is logged in now
//! with which role. An admin adds an officer (`n`), changes role, units and language
//! (`u`, officer_form.rs), removes an officer or one of their keys (`d`, asked y/n) and
//! adds a key by pasting its public key line (`Tab` to the keys, `n`); the app
//! carries these out with the store's checks and audit, like `kinerja officer ...`.

use super::{Outcome, Screen};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, fit, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

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

/// A change asked on the screen, carried out by the app through the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficerChange {
    /// Remove the officer (name).
    Remove(String),
    /// Remove the officer's (name) key with this fingerprint.
    RemoveKey(String, String),
    /// Add the keys of this pasted text (OpenSSH lines or an RFC 4716 block) to the
    /// officer (name).
    AddKey(String, String),
    /// Open the form for a new officer.
    New,
    /// Open the form on the officer's (name) role, units and language.
    Edit(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Back,
    Quit,
    Focus,
    NewKey,
    Delete,
    Edit,
}

const KEYS: [Binding<Act>; 6] = [
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, false),
    bind(
        &[Key::Code(KeyCode::Tab)],
        Act::Focus,
        T::OfficersKeyFocus,
        true,
    ),
    bind(&[Key::Char('n')], Act::NewKey, T::KeyNew, true),
    bind(&[Key::Char('u')], Act::Edit, T::KeyEdit, true),
    bind(
        &[Key::Char('d'), Key::Code(KeyCode::Delete)],
        Act::Delete,
        T::KeyDelete,
        true,
    ),
];

/// What the screen is doing besides listing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    List,
    /// A removal waiting for `y`.
    Confirm(OfficerChange),
    /// A public key being pasted or typed for the selected officer.
    AddKey(String),
}

/// Longest key text taken (an RFC 4716 block of a 4096-bit RSA key is under 1 KiB).
const KEY_TEXT_MAX: usize = 8192;

pub struct OfficersScreen {
    rows: Vec<OfficerRow>,
    /// Who is logged in now: name and role label.
    online: Vec<(String, String)>,
    selected: usize,
    /// Whether `↑` `↓` and `d` work on the selected officer's keys.
    on_keys: bool,
    key_selected: usize,
    mode: Mode,
}

impl OfficersScreen {
    pub fn new(rows: Vec<OfficerRow>, online: Vec<(String, String)>) -> OfficersScreen {
        OfficersScreen {
            rows,
            online,
            selected: 0,
            on_keys: false,
            key_selected: 0,
            mode: Mode::List,
        }
    }

    /// Selects the officer `name` (after a change, the list read again), if listed.
    pub fn select(&mut self, name: &str) {
        if let Some(i) = self.rows.iter().position(|o| o.name == name) {
            self.selected = i;
        }
    }

    /// The selected officer's name.
    pub fn selected_name(&self) -> Option<&str> {
        self.rows.get(self.selected).map(|o| o.name.as_str())
    }

    /// Whether the list is only shown: no question asked and no key being pasted (what
    /// a re-read after another session's save would lose, issue 22).
    pub fn idle(&self) -> bool {
        matches!(self.mode, Mode::List)
    }

    /// Whether the selection is on the selected officer's keys.
    pub fn on_keys(&self) -> bool {
        self.on_keys
    }

    /// Keeps the selection on the keys (or the officers) after the list is read again.
    pub fn set_on_keys(&mut self, on_keys: bool) {
        self.on_keys = on_keys;
    }

    fn key_count(&self) -> usize {
        self.rows.get(self.selected).map_or(0, |o| o.keys.len())
    }

    fn handle_add_key(&mut self, key: KeyEvent, mut text: String) -> Outcome {
        use crossterm::event::KeyModifiers;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let submit = matches!(key.code, KeyCode::Enter | KeyCode::F(2))
            || (ctrl && key.code == KeyCode::Char('s'));
        if submit {
            let Some(o) = self.rows.get(self.selected) else {
                return Outcome::Changed;
            };
            if text.trim().is_empty() {
                self.mode = Mode::AddKey(text);
                return Outcome::Ignored;
            }
            return Outcome::OfficerChange(OfficerChange::AddKey(o.name.clone(), text));
        }
        match key.code {
            KeyCode::Esc => {
                self.mode = Mode::List;
                return Outcome::Changed;
            }
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char(c) if !ctrl && text.len() < KEY_TEXT_MAX => text.push(c),
            _ => {
                self.mode = Mode::AddKey(text);
                return Outcome::Ignored;
            }
        }
        self.mode = Mode::AddKey(text);
        Outcome::Changed
    }
}

impl Screen for OfficersScreen {
    fn keys(&self) -> Vec<KeyHelp> {
        match self.mode {
            Mode::List => {}
            // The question's answer, or the pasted key's save and cancel.
            Mode::Confirm(_) => return vec![key(&[Key::Char('y')], T::OfficersKeyYes, true)],
            Mode::AddKey(_) => {
                return vec![
                    key(
                        &[
                            Key::Code(KeyCode::Enter),
                            Key::Ctrl('s'),
                            Key::Code(KeyCode::F(2)),
                        ],
                        T::KeySave,
                        true,
                    ),
                    key(&[Key::Code(KeyCode::Esc)], T::KeyCancel, true),
                ];
            }
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
        match std::mem::replace(&mut self.mode, Mode::List) {
            Mode::List => {}
            Mode::Confirm(change) => {
                return if key.code == KeyCode::Char('y') {
                    Outcome::OfficerChange(change)
                } else {
                    Outcome::Changed
                };
            }
            Mode::AddKey(text) => return self.handle_add_key(key, text),
        }
        if let Some(nav) = keys::action(&NAV, &key) {
            if self.on_keys {
                self.key_selected = keys::step(nav, self.key_selected, self.key_count(), 10);
            } else {
                self.selected = keys::step(nav, self.selected, self.rows.len(), 10);
                self.key_selected = 0;
            }
            return Outcome::Changed;
        }
        let Some(act) = keys::action(&KEYS, &key) else {
            return Outcome::Ignored;
        };
        let Some(o) = self.rows.get(self.selected) else {
            return match act {
                Act::Back => Outcome::Back,
                Act::Quit => Outcome::Quit,
                Act::NewKey => Outcome::OfficerChange(OfficerChange::New),
                _ => Outcome::Ignored,
            };
        };
        match act {
            Act::Back if self.on_keys => {
                self.on_keys = false;
                Outcome::Changed
            }
            Act::Back => Outcome::Back,
            Act::Quit => Outcome::Quit,
            Act::Focus => {
                self.on_keys = !self.on_keys;
                self.key_selected = 0;
                Outcome::Changed
            }
            Act::NewKey if self.on_keys => {
                self.mode = Mode::AddKey(String::new());
                Outcome::Changed
            }
            Act::NewKey => Outcome::OfficerChange(OfficerChange::New),
            Act::Edit => Outcome::OfficerChange(OfficerChange::Edit(o.name.clone())),
            Act::Delete if self.on_keys => match o.keys.get(self.key_selected) {
                Some((fp, _)) => {
                    self.mode = Mode::Confirm(OfficerChange::RemoveKey(o.name.clone(), fp.clone()));
                    Outcome::Changed
                }
                None => Outcome::Ignored,
            },
            Act::Delete => {
                self.mode = Mode::Confirm(OfficerChange::Remove(o.name.clone()));
                Outcome::Changed
            }
        }
    }

    fn captures_text(&self) -> bool {
        !matches!(self.mode, Mode::List)
    }

    fn paste(&mut self, text: &str, _ui: &Ui) -> Option<crate::ui::Pasted> {
        let Mode::AddKey(typed) = &mut self.mode else {
            return None;
        };
        let room = KEY_TEXT_MAX.saturating_sub(typed.len());
        let taken: String = text.chars().filter(|c| *c != '\r').take(room).collect();
        let whole = taken.len() == text.chars().filter(|c| *c != '\r').count();
        typed.push_str(&taken);
        Some(crate::ui::Pasted::from_field(whole, Some(KEY_TEXT_MAX)))
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
                crate::ui::table::marked(row, i == self.selected, ui)
            })
            .collect();
        crate::ui::table::draw(
            frame,
            table_area,
            ui,
            &[
                T::ColName,
                T::OfficersColRole,
                T::OfficersColUnits,
                T::OfficersColLang,
                T::OfficersColKeys,
                T::OfficersColLastLogin,
            ],
            &[
                Constraint::Length(16),
                Constraint::Length(8),
                Constraint::Fill(1),
                Constraint::Length(6),
                Constraint::Length(5),
                Constraint::Length(16),
            ],
            rows,
        );
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
            let below = if matches!(self.mode, Mode::Confirm(_)) {
                3
            } else {
                2
            };
            let shown = details.height.saturating_sub(below) as usize;
            let first = self.key_selected.saturating_sub(shown.saturating_sub(1));
            for (i, (fp, comment)) in o.keys.iter().enumerate().skip(first).take(shown) {
                let comment = if comment.is_empty() { "-" } else { comment };
                let line = fit(ui, &format!(" {fp}  {comment}"), width);
                lines.push(if self.on_keys && i == self.key_selected {
                    Line::styled(line, ui.theme.selected())
                } else {
                    Line::raw(line)
                });
            }
        }
        let bottom = match &self.mode {
            Mode::List => Line::styled(fit(ui, ui.t(T::OfficersHint), width), ui.theme.muted()),
            Mode::Confirm(change) => {
                let q = match change {
                    OfficerChange::Remove(name) => {
                        ui.t(T::OfficersAskRemove).replace("{name}", name)
                    }
                    OfficerChange::RemoveKey(name, fp) => ui
                        .t(T::OfficersAskRemoveKey)
                        .replace("{name}", name)
                        .replace("{key}", fp),
                    _ => String::new(),
                };
                lines.push(Line::styled(fit(ui, &q, width), ui.theme.title()));
                Line::styled(fit(ui, ui.t(T::OfficersYesNo), width), ui.theme.title())
            }
            Mode::AddKey(text) => {
                // The end of what was pasted, on one line.
                let flat: String = ui.theme.text(&text.replace('\n', " "));
                let label = ui.t(T::OfficersPasteKey);
                let room = width.saturating_sub(label.chars().count() + 2);
                let skip = flat.chars().count().saturating_sub(room);
                let tail: String = flat.chars().skip(skip).collect();
                Line::styled(format!("{label} {tail}_"), ui.theme.title())
            }
        };
        lines.push(bottom);
        frame.render_widget(Paragraph::new(lines), details);
    }

    fn title(&self) -> T {
        T::OfficersTitle
    }
}
