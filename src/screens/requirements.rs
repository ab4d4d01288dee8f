//! Kebutuhan kompetensi (issue 13, AKPK; `R` on the Pelatihan tab): which positions need
//! which competencies, as a list, with a form on the form engine to add (`n`) or edit
//! (`Enter`) one, and `d` to delete the selected one after a question.
//!
//! A requirement names a competency of the catalogue and a position by its name, by its
//! jenis jabatan / jenjang, or both (both: both must match; see `domain::competency`).
//! The position's name is suggested from the positions held by staff; a name nobody holds
//! is allowed (with a remark), since requirements may come before the people.
//!
//! The screen never writes: it returns [`Outcome::SaveRequirement`] and
//! [`Outcome::DeleteRequirement`], which `app/` carries out (admin only once officers
//! exist), then hands the stored list back with [`RequirementsScreen::saved`].

use super::{FormState, Outcome, Screen};
use crate::domain::text::clean_line;
use crate::domain::{Competency, JenisJabatan, Requirement};
use crate::ui::form::{Field, Form, FormEvent};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Pasted, Ui, fit, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

const COMPETENCY: &str = "kompetensi";
const POSITION: &str = "jabatan";
const JENIS: &str = "jenis_jabatan";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    New,
    Edit,
    Delete,
    Back,
}

/// The list's keys: they decide what a key does, and the footer and help show them.
const KEYS: [Binding<Act>; 4] = [
    bind(&[Key::Char('n')], Act::New, T::KeyNew, true),
    bind(&[Key::Code(KeyCode::Enter)], Act::Edit, T::KeyEdit, true),
    bind(&[Key::Char('d')], Act::Delete, T::KeyDelete, true),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
];

/// The form of one requirement.
struct RequirementForm {
    /// The requirement edited (as stored); `None` for a new one.
    original: Option<Requirement>,
    form: Form,
}

pub struct RequirementsScreen {
    catalogue: Vec<Competency>,
    /// Sorted by competency name, position name, jenis.
    rows: Vec<Requirement>,
    /// The position names held by staff, for the suggestion.
    positions: Vec<String>,
    selected: usize,
    asking_delete: bool,
    form: Option<RequirementForm>,
    /// Why this officer may not change requirements (`None`: may).
    read_only: Option<String>,
    /// A line under the list until the next key: (text, is an error).
    message: Option<(String, bool)>,
    /// Something was saved or deleted since the screen opened.
    changed: bool,
}

/// The jenis choice's options: "any" first, then every jenis jabatan / jenjang.
fn jenis_options(ui: &Ui) -> Vec<String> {
    std::iter::once(ui.t(T::ReqAny).to_string())
        .chain(JenisJabatan::ALL.iter().map(|j| j.label().to_string()))
        .collect()
}

impl RequirementsScreen {
    /// The screen over the catalogue and the stored requirements; `positions` are the
    /// position names held by staff; `read_only` says why this officer may not change
    /// requirements, if so.
    pub fn new(
        catalogue: Vec<Competency>,
        requirements: Vec<Requirement>,
        positions: Vec<String>,
        read_only: Option<String>,
    ) -> RequirementsScreen {
        let mut s = RequirementsScreen {
            catalogue,
            rows: Vec::new(),
            positions,
            selected: 0,
            asking_delete: false,
            form: None,
            read_only,
            message: None,
            changed: false,
        };
        s.set_rows(requirements);
        s
    }

    fn competency_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.catalogue
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| c.name.as_str())
    }

    fn set_rows(&mut self, mut rows: Vec<Requirement>) {
        let name = |r: &Requirement| self.competency_name(&r.competency).to_lowercase();
        rows.sort_by_cached_key(|r| {
            (
                name(r),
                r.jabatan.to_lowercase(),
                r.jenis
                    .and_then(|j| JenisJabatan::ALL.iter().position(|x| *x == j)),
            )
        });
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// The requirements as listed.
    pub fn rows(&self) -> &[Requirement] {
        &self.rows
    }

    /// Whether something was saved or deleted since the screen opened.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// Whether a form is open (keys are typed into it).
    pub fn editing(&self) -> bool {
        self.form.is_some()
    }

    /// After a save or delete: the stored list, the form closed, `select` selected.
    pub fn saved(&mut self, rows: Vec<Requirement>, select: Option<&Requirement>) {
        self.form = None;
        self.asking_delete = false;
        self.changed = true;
        self.set_rows(rows);
        if let Some(r) = select {
            let key = r.clone().cleaned().key();
            if let Some(i) = self.rows.iter().position(|x| x.key() == key) {
                self.selected = i;
            }
        }
    }

    /// A refused save or delete: on the form when one is open, else under the list.
    pub fn set_error(&mut self, message: String) {
        match &mut self.form {
            Some(f) => f.form.error = Some(message),
            None => self.message = Some((message, true)),
        }
    }

    fn open_form(&mut self, original: Option<Requirement>, ui: &Ui) {
        let o = original.as_ref();
        let competency_i = o.and_then(|r| self.catalogue.iter().position(|c| c.id == r.competency));
        let jenis_i = match o.and_then(|r| r.jenis) {
            None => Some(0),
            Some(j) => JenisJabatan::ALL
                .iter()
                .position(|x| *x == j)
                .map(|i| i + 1),
        };
        let fields = vec![
            Field::choice(
                COMPETENCY,
                ui.t(T::Competency),
                self.catalogue.iter().map(|c| c.name.clone()).collect(),
                competency_i,
            ),
            Field::suggest(
                POSITION,
                ui.t(T::ReqPosition),
                100,
                o.map_or("", |r| &r.jabatan),
            )
            .width(36),
            Field::choice(JENIS, ui.t(T::ReqJenis), jenis_options(ui), jenis_i),
        ];
        let title = ui.t(if o.is_some() {
            T::EditRequirement
        } else {
            T::NewRequirement
        });
        let is_new = o.is_none();
        self.form = Some(RequirementForm {
            original,
            form: Form::new(title, fields, is_new)
                .with_delete(T::DeleteRequirementAsk)
                .without_draft(),
        });
        self.refresh(ui);
        if let Some(f) = &mut self.form {
            f.form.mark_clean();
        }
    }

    /// The requirement the form describes, if a competency is chosen.
    fn build(&self) -> Option<Requirement> {
        let f = self.form.as_ref()?;
        let c = self.catalogue.get(f.form.choice(COMPETENCY)?)?;
        let jenis = match f.form.choice(JENIS)? {
            0 => None,
            i => Some(*JenisJabatan::ALL.get(i - 1)?),
        };
        Some(
            Requirement {
                jabatan: clean_line(&f.form.text(POSITION)),
                jenis,
                competency: c.id.clone(),
            }
            .cleaned(),
        )
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let Some(f) = &self.form else {
            return out;
        };
        if f.form.choice(COMPETENCY).is_none() {
            out.push((COMPETENCY, ui.t(T::NotChosen).to_string()));
        }
        if f.form.choice(JENIS).is_none() {
            out.push((JENIS, ui.t(T::NotChosen).to_string()));
        }
        if clean_line(&f.form.text(POSITION)).is_empty() && f.form.choice(JENIS) == Some(0) {
            out.push((POSITION, ui.t(T::ErrReqNoPosition).to_string()));
        }
        if let Some(r) = self.build() {
            let key = r.key();
            let own = f.original.as_ref().map(|o| o.clone().cleaned().key());
            if own.as_deref() != Some(key.as_str()) && self.rows.iter().any(|x| x.key() == key) {
                out.push((POSITION, ui.t(T::ErrReqExists).to_string()));
            }
        }
        out
    }

    /// A held position whose name contains what is typed, when it is not typed in full.
    fn suggestion(&self) -> Option<String> {
        let f = self.form.as_ref()?;
        let typed = clean_line(&f.form.text(POSITION)).to_lowercase();
        if typed.chars().count() < 2 || self.positions.iter().any(|p| p.to_lowercase() == typed) {
            return None;
        }
        self.positions
            .iter()
            .find(|p| p.to_lowercase().contains(&typed))
            .cloned()
    }

    fn refresh(&mut self, ui: &Ui) {
        let problems = self.problems(ui);
        let suggestion = self.suggestion();
        let Some(f) = &mut self.form else {
            return;
        };
        let typed = clean_line(&f.form.text(POSITION));
        let known = typed.is_empty()
            || self
                .positions
                .iter()
                .any(|p| p.to_lowercase() == typed.to_lowercase());
        let field = f.form.field_mut(POSITION);
        field.suggestion = suggestion;
        field.note = (!known).then(|| ui.t(T::ReqUnknownPosition).to_string());
        f.form.set_problems(problems);
    }

    fn handle_form(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        let Some(f) = &mut self.form else {
            return Outcome::Ignored;
        };
        let outcome = match f.form.handle(key) {
            FormEvent::Ignored => Outcome::Ignored,
            FormEvent::Changed | FormEvent::Edited(_) | FormEvent::Took(_) => Outcome::Changed,
            // No drafts are kept for this three-field form.
            FormEvent::DraftUsed(_) | FormEvent::DraftDeclined => Outcome::Changed,
            FormEvent::Unchanged | FormEvent::Close => {
                self.form = None;
                return Outcome::Changed;
            }
            FormEvent::Delete => match &f.original {
                Some(r) => Outcome::DeleteRequirement(Box::new(r.clone())),
                None => Outcome::Changed,
            },
            FormEvent::Save => {
                self.refresh(ui);
                let built = self.build();
                let Some(f) = &mut self.form else {
                    return Outcome::Changed;
                };
                match f.form.accept(built) {
                    Some(r) => {
                        Outcome::SaveRequirement(f.original.clone().map(Box::new), Box::new(r))
                    }
                    None => Outcome::Changed,
                }
            }
        };
        self.refresh(ui);
        outcome
    }
}

impl FormState for RequirementsScreen {
    fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.form.is_dirty())
    }

    fn draft_unresolved(&self) -> bool {
        false
    }

    /// The requirement form keeps no draft: Esc asks to discard instead.
    fn draft_name(&self) -> Option<String> {
        None
    }

    fn draft_fields(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

impl Screen for RequirementsScreen {
    fn keys(&self) -> Vec<KeyHelp> {
        if let Some(f) = &self.form {
            return f.form.keys();
        }
        if self.asking_delete {
            return vec![
                key(&[Key::Char('y')], T::Yes, true),
                key(&[Key::Char('n'), Key::Code(KeyCode::Esc)], T::No, true),
            ];
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

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        if self.form.is_some() {
            return self.handle_form(key, ui);
        }
        self.message = None;
        if self.asking_delete {
            self.asking_delete = false;
            return match (key.code, self.rows.get(self.selected)) {
                (KeyCode::Char('y') | KeyCode::Char('Y'), Some(r)) => {
                    Outcome::DeleteRequirement(Box::new(r.clone()))
                }
                _ => Outcome::Changed,
            };
        }
        if let Some(nav) = keys::action(&NAV, &key) {
            self.selected = keys::step(nav, self.selected, self.rows.len(), 10);
            return Outcome::Changed;
        }
        let act = keys::action(&KEYS, &key);
        if matches!(act, Some(Act::New | Act::Edit | Act::Delete))
            && let Some(why) = &self.read_only
        {
            self.message = Some((why.clone(), true));
            return Outcome::Changed;
        }
        match act {
            Some(Act::New) if self.catalogue.is_empty() => {
                self.message = Some((ui.t(T::NoCatalogue).to_string(), true));
                Outcome::Changed
            }
            Some(Act::New) => {
                self.open_form(None, ui);
                Outcome::Changed
            }
            Some(Act::Edit) => match self.rows.get(self.selected).cloned() {
                Some(r) => {
                    self.open_form(Some(r), ui);
                    Outcome::Changed
                }
                None => Outcome::Ignored,
            },
            Some(Act::Delete) if self.rows.get(self.selected).is_some() => {
                self.asking_delete = true;
                Outcome::Changed
            }
            Some(Act::Delete) => Outcome::Ignored,
            Some(Act::Back) => Outcome::Back,
            None => Outcome::Ignored,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if let Some(f) = &mut self.form {
            let hint = Line::styled(format!(" {}", ui.t(T::ErrReqNoPosition)), ui.theme.muted());
            f.form.draw(frame, area, ui, vec![hint]);
            return;
        }
        let [title, table, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!(" {}", ui.t(T::Requirements)), ui.theme.title()),
                Span::styled(
                    format!("  {} {}", self.rows.len(), ui.t(T::ReqCount)),
                    ui.theme.muted(),
                ),
            ])),
            title,
        );
        let bottom_line = if self.asking_delete {
            Some((ui.t(T::DeleteRequirementAsk).to_string(), true))
        } else if let Some(m) = &self.message {
            Some(m.clone())
        } else if self.catalogue.is_empty() {
            Some((ui.t(T::NoCatalogue).to_string(), true))
        } else {
            None
        };
        if let Some((text, error)) = bottom_line {
            let style = if error {
                ui.theme.error()
            } else {
                ui.theme.ok()
            };
            frame.render_widget(
                Paragraph::new(Line::styled(
                    format!(" {}", fit(ui, &text, bottom.width as usize)),
                    style,
                )),
                bottom,
            );
        }
        if self.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    format!(" {}", ui.t(T::NoRequirements)),
                    ui.theme.muted(),
                )),
                table,
            );
            return;
        }
        let height = table.height.saturating_sub(1) as usize;
        let start = self.selected.saturating_sub(height.saturating_sub(1));
        // Competency 32, jenis 14 and a space after each: the position gets the rest.
        let position_w = (table.width as usize).saturating_sub(32 + 14 + 2).max(10);
        let rows: Vec<Row> = self
            .rows
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, r)| {
                let position = if r.jabatan.is_empty() {
                    Span::styled(ui.t(T::ReqAnyPosition), ui.theme.muted())
                } else {
                    Span::raw(fit(ui, &r.jabatan, position_w))
                };
                let jenis = match r.jenis {
                    Some(j) => Span::raw(j.label()),
                    None => Span::styled(ui.t(T::ReqAny), ui.theme.muted()),
                };
                let row = Row::new(vec![
                    Cell::from(fit(ui, self.competency_name(&r.competency), 32)),
                    Cell::from(position),
                    Cell::from(jenis),
                ]);
                crate::ui::table::marked(row, i == self.selected, ui)
            })
            .collect();
        let header = Row::new(
            [ui.t(T::Competency), ui.t(T::ReqPosition), ui.t(T::ReqJenis)].map(Cell::from),
        )
        .style(ui.theme.header());
        frame.render_widget(
            Table::new(
                rows,
                [
                    Constraint::Length(32),
                    Constraint::Fill(1),
                    Constraint::Length(14),
                ],
            )
            .header(header),
            table,
        );
    }

    fn paste(&mut self, text: &str, ui: &Ui) -> Option<Pasted> {
        let f = self.form.as_mut()?;
        let pasted = f.form.paste(text);
        self.refresh(ui);
        pasted
    }

    fn title(&self) -> T {
        T::Requirements
    }

    fn captures_text(&self) -> bool {
        self.form.is_some()
    }

    fn form(&self) -> Option<&dyn FormState> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CompetencyKind, TrainingKind};
    use crossterm::event::KeyModifiers;

    fn screen() -> RequirementsScreen {
        let catalogue = vec![
            Competency::new(
                "BTCLS",
                CompetencyKind::Teknis,
                vec![],
                vec!["BTCLS".into()],
                Some(36),
            ),
            Competency::new(
                "Kepemimpinan Pengawas",
                CompetencyKind::Manajerial,
                vec![TrainingKind::Pkp],
                vec![],
                None,
            ),
        ];
        let reqs = vec![Requirement {
            jabatan: "Perawat".into(),
            jenis: None,
            competency: "btcls".into(),
        }];
        RequirementsScreen::new(
            catalogue,
            reqs,
            vec!["Perawat".into(), "Bidan".into()],
            None,
        )
    }

    fn press(s: &mut RequirementsScreen, code: KeyCode, ui: &Ui) -> Outcome {
        s.handle(KeyEvent::new(code, KeyModifiers::NONE), ui)
    }

    #[test]
    fn a_new_requirement_by_jenjang_alone_is_built_and_a_duplicate_is_refused() {
        let ui = Ui::default();
        let mut s = screen();
        assert_eq!(press(&mut s, KeyCode::Char('n'), &ui), Outcome::Changed);
        assert!(s.editing());
        // Nothing chosen: the competency, then the position or jenjang are missing.
        let first = s.problems(&ui);
        assert_eq!(first.first().map(|p| p.0), Some(COMPETENCY));
        assert!(first.iter().any(|p| p.0 == POSITION));
        if let Some(f) = &mut s.form {
            f.form.set_choice(COMPETENCY, Some(1));
            let pengawas = JenisJabatan::ALL
                .iter()
                .position(|j| *j == JenisJabatan::Pengawas)
                .map(|i| i + 1);
            f.form.set_choice(JENIS, pengawas);
        }
        assert!(s.problems(&ui).is_empty(), "{:?}", s.problems(&ui));
        assert_eq!(
            s.build(),
            Some(Requirement {
                jabatan: String::new(),
                jenis: Some(JenisJabatan::Pengawas),
                competency: "kepemimpinan-pengawas".into(),
            })
        );
        // The stored one again: refused as a duplicate.
        if let Some(f) = &mut s.form {
            f.form.set_choice(COMPETENCY, Some(0));
            f.form.set_choice(JENIS, Some(0));
            f.form.set_text(POSITION, "perawat");
        }
        assert!(
            s.problems(&ui)
                .iter()
                .any(|(id, p)| *id == POSITION && p == ui.t(T::ErrReqExists))
        );
    }

    #[test]
    fn editing_keeps_its_own_key_and_d_asks_before_deleting() {
        let ui = Ui::default();
        let mut s = screen();
        press(&mut s, KeyCode::Enter, &ui);
        assert!(s.problems(&ui).is_empty(), "{:?}", s.problems(&ui));
        press(&mut s, KeyCode::Esc, &ui);
        assert!(!s.editing());
        assert_eq!(press(&mut s, KeyCode::Char('d'), &ui), Outcome::Changed);
        assert_eq!(press(&mut s, KeyCode::Char('n'), &ui), Outcome::Changed);
        press(&mut s, KeyCode::Char('d'), &ui);
        assert_eq!(
            press(&mut s, KeyCode::Char('y'), &ui),
            Outcome::DeleteRequirement(Box::new(s.rows()[0].clone()))
        );
    }

    #[test]
    fn a_read_only_officer_is_told_why_and_gets_no_form() {
        let ui = Ui::default();
        let mut s = screen();
        s.read_only = Some("admin only".into());
        press(&mut s, KeyCode::Char('n'), &ui);
        assert!(!s.editing());
        assert_eq!(s.message, Some(("admin only".into(), true)));
    }
}
