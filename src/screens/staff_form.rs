//! The staff form (`n` new, `u` edit): every field checked as it is typed; the NIP shows
//! why it is wrong, or the birth date it gives when right.

use super::Outcome;
use crate::domain::text::clean_line;
use crate::domain::{
    EmploymentKind, Golongan, Jabatan, JenisJabatan, Nip, NipError, Pendidikan, Staff, Unit,
    UnitKind, format_date, unit_id,
};
use crate::ui::input::{Choice, TextInput};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, is_ctrl, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Nip,
    Kind,
    Name,
    TitleBefore,
    TitleAfter,
    Rank,
    Education,
    Position,
    PositionKind,
    Unit,
    Active,
}

const FIELDS: [Field; 11] = [
    Field::Nip,
    Field::Kind,
    Field::Name,
    Field::TitleBefore,
    Field::TitleAfter,
    Field::Rank,
    Field::Education,
    Field::Position,
    Field::PositionKind,
    Field::Unit,
    Field::Active,
];

impl Field {
    fn label(self) -> T {
        match self {
            Field::Nip => T::FieldNip,
            Field::Kind => T::FieldKind,
            Field::Name => T::FieldName,
            Field::TitleBefore => T::FieldTitleBefore,
            Field::TitleAfter => T::FieldTitleAfter,
            Field::Rank => T::FieldRank,
            Field::Education => T::FieldEducation,
            Field::Position => T::FieldPosition,
            Field::PositionKind => T::FieldPositionKind,
            Field::Unit => T::FieldUnit,
            Field::Active => T::FieldActive,
        }
    }
}

/// What is wrong with a field, as interface text plus an optional detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub T, pub String);

const KEYS: [KeyHelp; 6] = [
    key("Tab ↓ Enter", "Tab Down Enter", T::KeyNextField, true),
    key("S-Tab ↑", "S-Tab Up", T::KeyPrevField, false),
    key("← →", "Left Right", T::KeyChoose, true),
    key("Ctrl-S F2", "Ctrl-S F2", T::KeySave, true),
    key("Esc", "Esc", T::KeyCancel, true),
    key("F1", "F1", T::KeyHelp, true),
];

pub struct StaffForm {
    /// The record being edited, or `None` for a new one.
    original: Option<Staff>,
    nip: TextInput,
    kind: Choice,
    name: TextInput,
    title_before: TextInput,
    title_after: TextInput,
    rank: Choice,
    education: Choice,
    position: TextInput,
    position_kind: Choice,
    unit: Choice,
    unit_ids: Vec<String>,
    active: Choice,
    focus: usize,
    /// The message of a refused save (stale record, NIP taken).
    pub error: Option<String>,
    confirm_discard: bool,
    /// A save was tried: empty required fields now count as errors.
    tried_save: bool,
    start: Vec<String>,
}

fn rank_options(kind: EmploymentKind) -> Vec<String> {
    Golongan::all()
        .filter(|g| g.is_pppk() == (kind == EmploymentKind::Pppk))
        .map(|g| g.to_string())
        .collect()
}

impl StaffForm {
    /// `units`: (id, name) pairs, by name.
    pub fn new(original: Option<Staff>, units: &[(String, String)], ui: &Ui) -> StaffForm {
        let o = original.as_ref();
        let kind = o.map_or(EmploymentKind::Pns, |s| s.nip.kind());
        let kind_i = EmploymentKind::ALL.iter().position(|k| *k == kind);
        let ranks = rank_options(kind);
        let rank_i = o.and_then(|s| ranks.iter().position(|r| *r == s.golongan.to_string()));
        let edu_i = o.and_then(|s| Pendidikan::ALL.iter().position(|p| *p == s.pendidikan));
        let jj_i = o.and_then(|s| JenisJabatan::ALL.iter().position(|j| *j == s.jabatan.jenis));
        let unit_i = o.and_then(|s| units.iter().position(|(id, _)| *id == s.unit_id));
        let mut form = StaffForm {
            nip: TextInput::new(&o.map(|s| s.nip.to_string()).unwrap_or_default()),
            kind: Choice::new(
                EmploymentKind::ALL
                    .iter()
                    .map(|k| k.code().to_string())
                    .collect(),
                kind_i,
            ),
            name: TextInput::new(o.map_or("", |s| &s.nama)),
            title_before: TextInput::new(o.map_or("", |s| &s.gelar_depan)),
            title_after: TextInput::new(o.map_or("", |s| &s.gelar_belakang)),
            rank: Choice::new(ranks, rank_i),
            education: Choice::new(
                Pendidikan::ALL
                    .iter()
                    .map(|p| p.code().to_string())
                    .collect(),
                edu_i,
            ),
            position: TextInput::new(o.map_or("", |s| &s.jabatan.nama)),
            position_kind: Choice::new(
                JenisJabatan::ALL
                    .iter()
                    .map(|j| j.label().to_string())
                    .collect(),
                jj_i,
            ),
            unit: Choice::new(units.iter().map(|(_, n)| n.clone()).collect(), unit_i),
            unit_ids: units.iter().map(|(id, _)| id.clone()).collect(),
            active: Choice::new(
                vec![ui.t(T::Yes).to_string(), ui.t(T::No).to_string()],
                Some(if o.is_none_or(|s| s.aktif) { 0 } else { 1 }),
            ),
            focus: if original.is_some() { 2 } else { 0 },
            original,
            error: None,
            confirm_discard: false,
            tried_save: false,
            start: Vec::new(),
        };
        form.start = form.snapshot();
        form
    }

    fn snapshot(&self) -> Vec<String> {
        FIELDS.iter().map(|f| self.text_of(*f)).collect()
    }

    fn text_of(&self, f: Field) -> String {
        match f {
            Field::Nip => self.nip.value().to_string(),
            Field::Kind => self.kind.value().unwrap_or("").to_string(),
            Field::Name => self.name.value().to_string(),
            Field::TitleBefore => self.title_before.value().to_string(),
            Field::TitleAfter => self.title_after.value().to_string(),
            Field::Rank => self.rank.value().unwrap_or("").to_string(),
            Field::Education => self.education.value().unwrap_or("").to_string(),
            Field::Position => self.position.value().to_string(),
            Field::PositionKind => self.position_kind.value().unwrap_or("").to_string(),
            Field::Unit => self.unit.value().unwrap_or("").to_string(),
            Field::Active => self.active.value().unwrap_or("").to_string(),
        }
    }

    /// Whether anything differs from when the form opened.
    pub fn is_dirty(&self) -> bool {
        self.snapshot() != self.start
    }

    pub fn is_new(&self) -> bool {
        self.original.is_none()
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        KEYS.to_vec()
    }

    /// Forms take every printable key as text.
    pub fn captures_text(&self) -> bool {
        true
    }

    fn kind(&self) -> EmploymentKind {
        self.kind
            .selected()
            .and_then(|i| EmploymentKind::ALL.get(i).copied())
            .unwrap_or(EmploymentKind::Pns)
    }

    fn nip_result(&self) -> Result<Nip, NipError> {
        Nip::parse_as(self.nip.value(), self.kind())
    }

    /// The problem of one field, if any.
    fn problem(&self, f: Field) -> Option<Problem> {
        let missing = |c: &Choice| {
            c.selected()
                .is_none()
                .then(|| Problem(T::NotChosen, String::new()))
        };
        let empty = |t: &TextInput| {
            clean_line(t.value())
                .is_empty()
                .then(|| Problem(T::Required, String::new()))
        };
        match f {
            Field::Nip => self.nip_result().err().map(|e| nip_problem(&e)),
            Field::Kind => missing(&self.kind),
            Field::Name => empty(&self.name),
            Field::Rank => missing(&self.rank),
            Field::Education => missing(&self.education),
            Field::Position => empty(&self.position),
            Field::PositionKind => missing(&self.position_kind),
            Field::Unit if self.new_unit().is_some() => None,
            Field::Unit => missing(&self.unit),
            Field::Active | Field::TitleBefore | Field::TitleAfter => None,
        }
    }

    /// The record the form describes, or the first field with a problem.
    fn build(&self) -> Result<Staff, usize> {
        if let Some(i) = FIELDS.iter().position(|f| self.problem(*f).is_some()) {
            return Err(i);
        }
        let pick = |c: &Choice| c.selected().unwrap_or(0);
        let kind = self.kind();
        let rank_text = self.rank.value().unwrap_or("");
        let golongan = Golongan::parse(rank_text, kind == EmploymentKind::Pppk).ok_or(5usize)?;
        let nip = self.nip_result().map_err(|_| 0usize)?;
        Ok(Staff {
            nip,
            nama: clean_line(self.name.value()),
            gelar_depan: clean_line(self.title_before.value()),
            gelar_belakang: clean_line(self.title_after.value()),
            golongan,
            pendidikan: Pendidikan::ALL[pick(&self.education).min(Pendidikan::ALL.len() - 1)],
            jabatan: Jabatan {
                nama: clean_line(self.position.value()),
                jenis: JenisJabatan::ALL
                    [pick(&self.position_kind).min(JenisJabatan::ALL.len() - 1)],
            },
            unit_id: match self.new_unit() {
                Some(u) => u.id,
                None => self
                    .unit_ids
                    .get(pick(&self.unit))
                    .cloned()
                    .unwrap_or_default(),
            },
            aktif: pick(&self.active) == 0,
            revision: self.original.as_ref().map_or(0, |s| s.revision),
        })
    }

    /// A unit typed in that matches none of the known ones: it is created on save.
    fn new_unit(&self) -> Option<Unit> {
        let typed = clean_line(self.unit.typed());
        (self.unit.no_match() && !unit_id(&typed).is_empty())
            .then(|| Unit::new(&typed, UnitKind::guess_from_name(&typed), None))
    }

    fn focus_to(&mut self, i: usize) {
        // What was typed in a choice is forgotten on leaving it, except a new unit's name.
        for c in [
            &mut self.kind,
            &mut self.rank,
            &mut self.education,
            &mut self.position_kind,
            &mut self.active,
        ] {
            c.blur();
        }
        self.focus = i;
        // An existing record's NIP never changes.
        if !self.is_new() && FIELDS[self.focus] == Field::Nip {
            self.focus = 1;
        }
    }

    /// Shows the refusal of a save and focuses the field it concerns.
    pub fn refused(&mut self, message: String, nip_taken: bool) {
        self.error = Some(message);
        if nip_taken {
            self.focus_to(0);
        }
    }

    pub fn handle(&mut self, key: KeyEvent) -> Outcome {
        if self.confirm_discard {
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => Outcome::Back,
                _ => {
                    self.confirm_discard = false;
                    Outcome::Changed
                }
            };
        }
        if is_ctrl(&key, 's') || key.code == KeyCode::F(2) {
            self.tried_save = true;
            return match self.build() {
                Ok(_) if !self.is_new() && !self.is_dirty() => Outcome::Back,
                Ok(staff) => Outcome::SaveStaff(Box::new(staff), self.new_unit()),
                Err(i) => {
                    self.focus_to(i);
                    self.error = None;
                    Outcome::Changed
                }
            };
        }
        let n = FIELDS.len();
        match key.code {
            KeyCode::Esc => {
                if self.is_dirty() {
                    self.confirm_discard = true;
                    return Outcome::Changed;
                }
                return Outcome::Back;
            }
            KeyCode::Tab | KeyCode::Down | KeyCode::Enter => {
                self.focus_to((self.focus + 1) % n);
                if !self.is_new() && self.focus == 0 {
                    self.focus_to(1);
                }
                return Outcome::Changed;
            }
            KeyCode::BackTab | KeyCode::Up => {
                let prev = (self.focus + n - 1) % n;
                self.focus_to(if !self.is_new() && prev == 0 {
                    n - 1
                } else {
                    prev
                });
                return Outcome::Changed;
            }
            _ => {}
        }
        let used = match FIELDS[self.focus] {
            Field::Nip => self.nip.handle(&key),
            Field::Kind => {
                let used = self.kind.handle(&key);
                if used {
                    self.rank.set_options(rank_options(self.kind()));
                }
                used
            }
            Field::Name => self.name.handle(&key),
            Field::TitleBefore => self.title_before.handle(&key),
            Field::TitleAfter => self.title_after.handle(&key),
            Field::Rank => self.rank.handle(&key),
            Field::Education => self.education.handle(&key),
            Field::Position => self.position.handle(&key),
            Field::PositionKind => self.position_kind.handle(&key),
            Field::Unit => self.unit.handle(&key),
            Field::Active => self.active.handle(&key),
        };
        if used {
            self.error = None;
            Outcome::Changed
        } else {
            Outcome::Ignored
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = if self.is_new() {
            T::NewStaffTitle
        } else {
            T::EditStaffTitle
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(format!(" {} ", ui.t(title)), ui.theme.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let label_w = 16usize;
        let value_w = 28usize;
        let mut lines = Vec::new();
        let mut cursor = None;
        for (i, f) in FIELDS.iter().enumerate() {
            let focused = i == self.focus;
            let marker = if focused {
                ui.theme.sym("▶ ", "> ")
            } else {
                "  "
            };
            let mut spans = vec![
                Span::styled(marker, ui.theme.key()),
                Span::styled(
                    format!("{:<label_w$}", ui.t(f.label())),
                    if focused {
                        ui.theme.header()
                    } else {
                        ui.theme.muted()
                    },
                ),
            ];
            let (value, is_text) = match f {
                Field::Nip => (self.nip.value().to_string(), true),
                Field::Name => (self.name.value().to_string(), true),
                Field::TitleBefore => (self.title_before.value().to_string(), true),
                Field::TitleAfter => (self.title_after.value().to_string(), true),
                Field::Position => (self.position.value().to_string(), true),
                _ => {
                    let c = self.choice(*f);
                    let shown = c.value().unwrap_or("").to_string();
                    let arrows = if focused {
                        ui.theme.sym("◀ ", "< ")
                    } else {
                        "  "
                    };
                    let right = if focused {
                        ui.theme.sym(" ▶", " >")
                    } else {
                        ""
                    };
                    (format!("{arrows}{shown}{right}"), false)
                }
            };
            let value = ui.theme.text(&value);
            let shown: String = value.chars().take(value_w).collect();
            let value_style = if focused {
                ui.theme.selected()
            } else {
                Style::new()
            };
            spans.push(Span::styled(format!("{shown:<value_w$}"), value_style));
            if focused && is_text {
                let col = (2 + label_w + self.text_cursor(*f).min(value_w)) as u16;
                cursor = Some(Position::new(inner.x + col, inner.y + i as u16));
            }
            spans.push(Span::raw(" "));
            spans.push(self.note(*f, ui));
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        // The focused field's problem in full: the note beside it may be cut.
        let focused = FIELDS[self.focus];
        if let Some(Problem(t, detail)) = self.problem(focused)
            && (!self.text_of(focused).is_empty() || self.tried_save)
        {
            let detail = if detail.is_empty() {
                String::new()
            } else {
                format!(" ({detail})")
            };
            lines.push(Line::styled(
                format!(
                    "  {}: {}{}",
                    ui.t(focused.label()),
                    ui.t(t),
                    ui.theme.text(&detail)
                ),
                ui.theme.error(),
            ));
        }
        if self.confirm_discard {
            lines.push(Line::styled(
                format!("  {}", ui.t(T::DiscardAsk)),
                ui.theme.error(),
            ));
        } else if let Some(e) = &self.error {
            lines.push(Line::styled(
                format!("  {} {}", ui.t(T::NotSaved), ui.theme.text(e)),
                ui.theme.error(),
            ));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        if let Some(p) = cursor {
            frame.set_cursor_position(p);
        }
    }

    fn choice(&self, f: Field) -> &Choice {
        match f {
            Field::Kind => &self.kind,
            Field::Rank => &self.rank,
            Field::Education => &self.education,
            Field::PositionKind => &self.position_kind,
            Field::Unit => &self.unit,
            _ => &self.active,
        }
    }

    fn text_cursor(&self, f: Field) -> usize {
        match f {
            Field::Nip => self.nip.cursor(),
            Field::Name => self.name.cursor(),
            Field::TitleBefore => self.title_before.cursor(),
            Field::TitleAfter => self.title_after.cursor(),
            Field::Position => self.position.cursor(),
            _ => 0,
        }
    }

    /// The note to the right of a field: its problem, or for the NIP what it tells.
    fn note(&self, f: Field, ui: &Ui) -> Span<'static> {
        if let Some(Problem(t, detail)) = self.problem(f) {
            // An empty field is a reminder, not yet an error, until a save is tried.
            if self.text_of(f).is_empty() && !self.tried_save {
                return Span::styled(ui.t(t).to_string(), ui.theme.muted());
            }
            let text = if detail.is_empty() {
                ui.t(t).to_string()
            } else {
                format!("{} ({detail})", ui.t(t))
            };
            return Span::styled(text, ui.theme.error());
        }
        if let Some(c) = matches!(
            f,
            Field::Kind
                | Field::Rank
                | Field::Education
                | Field::PositionKind
                | Field::Unit
                | Field::Active
        )
        .then(|| self.choice(f))
            && c.no_match()
        {
            if let Some(u) = self.new_unit().filter(|_| f == Field::Unit) {
                let text = format!("{}: {}", ui.t(T::NewUnit), ui.theme.text(&u.name));
                return Span::styled(text, ui.theme.ok());
            }
            return Span::styled(ui.t(T::NoOption).to_string(), ui.theme.error());
        }
        if f == Field::Nip
            && let Ok(nip) = self.nip_result()
        {
            let mut s = format!("{} {}", ui.t(T::BornOn), format_date(nip.birth_date()));
            if let Some((y, m)) = nip.tmt_cpns() {
                s.push_str(&format!(", {} {y:04}-{m:02}", ui.t(T::AppointedOn)));
            }
            return Span::styled(s, ui.theme.ok());
        }
        Span::raw("")
    }
}

fn nip_problem(e: &NipError) -> Problem {
    match e {
        NipError::WrongLength(n) => Problem(T::ErrLength, n.to_string()),
        NipError::NotADigit { found, .. } => Problem(T::ErrDigit, format!("{found:?}")),
        NipError::BadBirthDate(d) => Problem(T::ErrBirth, d.clone()),
        NipError::BadTmtMonth(m) => Problem(T::ErrMonth, format!("{m:02}")),
        NipError::BadSex(d) => Problem(T::ErrSex, d.to_string()),
        NipError::ZeroSequence => Problem(T::ErrSeq, String::new()),
    }
}
