//! The training form (`t` on a staff record or on marked staff, `Enter` on a training row):
//! title, kind, organiser (a known partner by type-ahead, or a new one with its kind),
//! dates, JP or hours, status, certificate and notes, checked as they are typed.

use super::Outcome;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::training::{jp_from_hours, validate_jp};
use crate::domain::{
    OrganiserKind, Training, TrainingKind, TrainingStatus, format_date, parse_date, unit_id,
};
use crate::store::Partner;
use crate::ui::input::{Choice, TextInput};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, fit, is_ctrl, key};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Kind,
    Organiser,
    OrganiserKind,
    Start,
    End,
    Jp,
    Hours,
    Status,
    Certificate,
    Notes,
}

const FIELDS: [Field; 11] = [
    Field::Title,
    Field::Kind,
    Field::Organiser,
    Field::OrganiserKind,
    Field::Start,
    Field::End,
    Field::Jp,
    Field::Hours,
    Field::Status,
    Field::Certificate,
    Field::Notes,
];

impl Field {
    fn label(self) -> T {
        match self {
            Field::Title => T::Title,
            Field::Kind => T::TrainingKindLabel,
            Field::Organiser => T::Organiser,
            Field::OrganiserKind => T::OrganiserKindLabel,
            Field::Start => T::Start,
            Field::End => T::End,
            Field::Jp => T::ColJp,
            Field::Hours => T::Hours,
            Field::Status => T::Status,
            Field::Certificate => T::Certificate,
            Field::Notes => T::Notes,
        }
    }
}

const KEYS: [KeyHelp; 7] = [
    key("Tab ↓ Enter", "Tab Down Enter", T::KeyNextField, true),
    key("S-Tab ↑", "S-Tab Up", T::KeyPrevField, false),
    key("← →", "Left Right", T::KeyChoose, true),
    key("Ctrl-S F2", "Ctrl-S F2", T::KeySave, true),
    key("Ctrl-D", "Ctrl-D", T::KeyDelete, false),
    key("Esc", "Esc", T::KeyCancel, true),
    key("F1", "F1", T::KeyHelp, true),
];

/// Training kinds as the choice lists them: classroom first, each labelled with its group.
fn kind_options() -> Vec<(TrainingKind, String)> {
    let mut v: Vec<(TrainingKind, String)> = TrainingKind::ALL
        .iter()
        .map(|k| {
            let group = if k.is_klasikal() {
                "klasikal"
            } else {
                "non-klasikal"
            };
            (*k, format!("{} ({group})", k.label()))
        })
        .collect();
    v.sort_by_key(|(k, _)| !k.is_klasikal());
    v
}

pub struct TrainingForm {
    /// Whose training: one person, or everyone marked on the list.
    pub nips: Vec<String>,
    who: String,
    original: Option<Training>,
    partners: Vec<Partner>,
    kinds: Vec<TrainingKind>,
    title: TextInput,
    kind: Choice,
    organiser: TextInput,
    organiser_kind: Choice,
    start: TextInput,
    end: TextInput,
    jp: TextInput,
    hours: TextInput,
    status: Choice,
    certificate: TextInput,
    notes: TextInput,
    focus: usize,
    confirm: Option<bool>,
    /// A draft from an earlier session: (its time as text, its fields).
    draft: Option<(String, Vec<(String, String)>)>,
    tried_save: bool,
    pub error: Option<String>,
    snapshot: Vec<String>,
}

impl TrainingForm {
    pub fn new(
        nips: Vec<String>,
        who: &str,
        original: Option<Training>,
        partners: Vec<Partner>,
    ) -> TrainingForm {
        let o = original.as_ref();
        let kinds = kind_options();
        let kind_i = o.and_then(|t| kinds.iter().position(|(k, _)| *k == t.jenis));
        let ok_i = o.and_then(|t| {
            OrganiserKind::ALL
                .iter()
                .position(|k| *k == t.jenis_penyelenggara)
        });
        let status_i = o.map_or(Some(2), |t| {
            TrainingStatus::ALL.iter().position(|s| *s == t.status)
        });
        let date = |d: Option<jiff::civil::Date>| d.map_or(String::new(), format_date);
        let mut form = TrainingForm {
            nips,
            who: who.to_string(),
            partners,
            kinds: kinds.iter().map(|(k, _)| *k).collect(),
            title: TextInput::new(o.map_or("", |t| &t.judul)),
            kind: Choice::new(kinds.into_iter().map(|(_, l)| l).collect(), kind_i),
            organiser: TextInput::new(o.map_or("", |t| &t.penyelenggara)),
            organiser_kind: Choice::new(
                OrganiserKind::ALL
                    .iter()
                    .map(|k| k.label().to_string())
                    .collect(),
                ok_i.or(Some(0)),
            ),
            start: TextInput::new(&date(o.map(|t| t.mulai))),
            end: TextInput::new(&date(o.map(|t| t.selesai))),
            jp: TextInput::new(&o.map_or(String::new(), |t| t.jp.to_string())),
            hours: TextInput::default(),
            status: Choice::new(
                TrainingStatus::ALL
                    .iter()
                    .map(|s| s.label().to_string())
                    .collect(),
                status_i,
            ),
            certificate: TextInput::new(o.map_or("", |t| &t.no_sertifikat)),
            notes: TextInput::new(o.map_or("", |t| &t.catatan)),
            focus: 0,
            confirm: None,
            draft: None,
            tried_save: false,
            error: None,
            snapshot: Vec::new(),
            original,
        };
        form.snapshot = form.values();
        form
    }

    /// The form's fields by name: what a draft keeps.
    pub fn draft_fields(&self) -> Vec<(String, String)> {
        let names = [
            "judul",
            "penyelenggara",
            "mulai",
            "selesai",
            "jp",
            "jam",
            "no_sertifikat",
            "catatan",
            "jenis",
            "jenis_penyelenggara",
            "status",
        ];
        let mut fields: Vec<(String, String)> = names
            .iter()
            .map(|n| n.to_string())
            .zip(self.values())
            .collect();
        // The revision the draft was made from (see the evaluation form).
        let revision = self.original.as_ref().map_or(0, |t| t.revision);
        fields.push(("revisi".into(), revision.to_string()));
        fields
    }

    /// Offers back a draft kept from an earlier session (`y` uses it, `n` drops it).
    pub fn offer_draft(&mut self, when: String, fields: Vec<(String, String)>) {
        self.draft = Some((when, fields));
    }

    fn apply_draft(&mut self, fields: &[(String, String)]) {
        let get = |k: &str| {
            fields
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        if let (Some(o), Ok(rev)) = (self.original.as_mut(), get("revisi").parse()) {
            o.revision = rev;
        }
        self.title = TextInput::new(&get("judul"));
        self.organiser = TextInput::new(&get("penyelenggara"));
        self.start = TextInput::new(&get("mulai"));
        self.end = TextInput::new(&get("selesai"));
        self.jp = TextInput::new(&get("jp"));
        self.hours = TextInput::new(&get("jam"));
        self.certificate = TextInput::new(&get("no_sertifikat"));
        self.notes = TextInput::new(&get("catatan"));
        for (choice, key) in [
            (&mut self.kind, "jenis"),
            (&mut self.organiser_kind, "jenis_penyelenggara"),
            (&mut self.status, "status"),
        ] {
            let v = get(key);
            let i = choice.options().iter().position(|o| *o == v);
            choice.select(i);
        }
    }

    /// The record the form edits, for the draft's key.
    pub fn id(&self) -> Option<u32> {
        self.original.as_ref().map(|t| t.id)
    }

    fn values(&self) -> Vec<String> {
        [
            &self.title,
            &self.organiser,
            &self.start,
            &self.end,
            &self.jp,
            &self.hours,
            &self.certificate,
            &self.notes,
        ]
        .iter()
        .map(|t| t.value().to_string())
        .chain(
            [&self.kind, &self.organiser_kind, &self.status]
                .iter()
                .map(|c| c.value().unwrap_or("").to_string()),
        )
        .collect()
    }

    pub fn is_dirty(&self) -> bool {
        self.values() != self.snapshot
    }

    pub fn is_new(&self) -> bool {
        self.original.is_none()
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        KEYS.to_vec()
    }

    /// The JP the form gives: typed, or from the hours.
    fn jp_value(&self) -> Result<u16, T> {
        let jp = self.jp.value().trim();
        if !jp.is_empty() {
            return jp
                .parse::<u32>()
                .ok()
                .and_then(|n| validate_jp(n).ok())
                .ok_or(T::ErrJp);
        }
        let hours = self.hours.value().trim().replace(',', ".");
        match hours.parse::<f64>() {
            Ok(h) => validate_jp(jp_from_hours(h)).map_err(|_| T::ErrJp),
            Err(_) => Err(T::ErrJp),
        }
    }

    fn problem(&self, f: Field) -> Option<T> {
        match f {
            Field::Title if clean_line(self.title.value()).is_empty() => Some(T::Required),
            Field::Kind if self.kind.selected().is_none() => Some(T::NotChosen),
            Field::Organiser if clean_line(self.organiser.value()).is_empty() => Some(T::Required),
            Field::Start if parse_date(self.start.value()).is_none() => Some(T::ErrDate),
            Field::End => match (parse_date(self.start.value()), parse_date(self.end.value())) {
                (_, None) => Some(T::ErrDate),
                (Some(s), Some(e)) if e < s => Some(T::ErrEndBeforeStart),
                _ => None,
            },
            Field::Jp => self.jp_value().err(),
            _ => None,
        }
    }

    fn build(&self) -> Result<Training, usize> {
        if let Some(i) = FIELDS.iter().position(|f| self.problem(*f).is_some()) {
            return Err(i);
        }
        let (Some(mulai), Some(selesai), Ok(jp)) = (
            parse_date(self.start.value()),
            parse_date(self.end.value()),
            self.jp_value(),
        ) else {
            return Err(4);
        };
        let pick = |c: &Choice| c.selected().unwrap_or(0);
        let o = self.original.as_ref();
        Ok(Training {
            id: o.map_or(0, |t| t.id),
            judul: clean_line(self.title.value()),
            jenis: self.kinds[pick(&self.kind).min(self.kinds.len() - 1)],
            penyelenggara: clean_line(self.organiser.value()),
            jenis_penyelenggara: OrganiserKind::ALL[pick(&self.organiser_kind).min(2)],
            mulai,
            selesai,
            jp,
            status: TrainingStatus::ALL[pick(&self.status).min(2)],
            no_sertifikat: clean_line(self.certificate.value()),
            catatan: clean_multiline(self.notes.value()),
            revision: o.map_or(0, |t| t.revision),
        })
    }

    /// A known partner whose name contains what is typed.
    fn suggestion(&self) -> Option<&Partner> {
        let q = self.organiser.value().trim().to_lowercase();
        if q.chars().count() < 2 {
            return None;
        }
        self.partners
            .iter()
            .find(|p| p.name.to_lowercase().contains(&q) && p.name != self.organiser.value())
    }

    pub fn handle(&mut self, key: KeyEvent) -> Outcome {
        if let Some((when, fields)) = self.draft.take() {
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    self.apply_draft(&fields);
                    Outcome::Changed
                }
                KeyCode::Char('n') | KeyCode::Char('N') => Outcome::DiscardDraft,
                _ => {
                    self.draft = Some((when, fields));
                    Outcome::Changed
                }
            };
        }
        if let Some(delete) = self.confirm.take() {
            return match (key.code, delete, &self.original) {
                (KeyCode::Char('y') | KeyCode::Char('Y'), true, Some(t)) => {
                    Outcome::DeleteTraining(self.nips[0].clone(), t.id, t.revision)
                }
                (KeyCode::Char('y') | KeyCode::Char('Y'), false, _) => Outcome::Back,
                _ => Outcome::Changed,
            };
        }
        if is_ctrl(&key, 's') || key.code == KeyCode::F(2) {
            self.tried_save = true;
            self.error = None;
            return match self.build() {
                Ok(t) => Outcome::SaveTraining(self.nips.clone(), Box::new(t)),
                Err(i) => {
                    self.focus = i;
                    Outcome::Changed
                }
            };
        }
        if is_ctrl(&key, 'd') && self.original.is_some() && self.nips.len() == 1 {
            self.confirm = Some(true);
            return Outcome::Changed;
        }
        let n = FIELDS.len();
        let field = FIELDS[self.focus];
        match key.code {
            KeyCode::Esc => {
                if self.is_dirty() {
                    self.confirm = Some(false);
                    return Outcome::Changed;
                }
                return Outcome::Back;
            }
            KeyCode::Tab | KeyCode::Down => {
                self.focus = (self.focus + 1) % n;
                return Outcome::Changed;
            }
            KeyCode::Enter if field != Field::Notes => {
                self.focus = (self.focus + 1) % n;
                return Outcome::Changed;
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + n - 1) % n;
                return Outcome::Changed;
            }
            _ => {}
        }
        let used = match field {
            Field::Title => self.title.handle(&key),
            Field::Kind => self.kind.handle(&key),
            Field::Organiser => {
                let at_end = self.organiser.cursor() == self.organiser.value().chars().count();
                match self.suggestion().cloned() {
                    Some(p) if key.code == KeyCode::Right && at_end => {
                        self.organiser = TextInput::new(&p.name);
                        let i = OrganiserKind::ALL.iter().position(|k| *k == p.kind);
                        self.organiser_kind.select(i);
                        true
                    }
                    _ => self.organiser.handle(&key),
                }
            }
            Field::OrganiserKind => self.organiser_kind.handle(&key),
            Field::Start => self.start.handle(&key),
            Field::End => self.end.handle(&key),
            Field::Jp => self.jp.handle(&key),
            Field::Hours => self.hours.handle(&key),
            Field::Status => self.status.handle(&key),
            Field::Certificate => self.certificate.handle(&key),
            Field::Notes => {
                if key.code == KeyCode::Enter {
                    self.notes.insert('\n');
                    true
                } else {
                    self.notes.handle(&key)
                }
            }
        };
        if used {
            self.error = None;
            Outcome::Changed
        } else {
            Outcome::Ignored
        }
    }

    fn input(&self, f: Field) -> Option<&TextInput> {
        Some(match f {
            Field::Title => &self.title,
            Field::Organiser => &self.organiser,
            Field::Start => &self.start,
            Field::End => &self.end,
            Field::Jp => &self.jp,
            Field::Hours => &self.hours,
            Field::Certificate => &self.certificate,
            Field::Notes => &self.notes,
            _ => return None,
        })
    }

    fn choice(&self, f: Field) -> Option<&Choice> {
        Some(match f {
            Field::Kind => &self.kind,
            Field::OrganiserKind => &self.organiser_kind,
            Field::Status => &self.status,
            _ => return None,
        })
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = if self.is_new() {
            T::NewTraining
        } else {
            T::EditTraining
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(
                format!(" {}: {} ", ui.t(title), fit(ui, &self.who, 44)),
                ui.theme.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let (lw, vw) = (20usize, 34usize);
        let mut lines = Vec::new();
        let mut cursor = None;
        for (i, f) in FIELDS.iter().enumerate() {
            let focused = i == self.focus;
            let marker = if focused {
                ui.theme.sym("▶ ", "> ")
            } else {
                "  "
            };
            let value = match (self.input(*f), self.choice(*f)) {
                (Some(t), _) => {
                    if focused {
                        let col = (2 + lw + t.cursor().min(vw)) as u16;
                        cursor = Some(Position::new(inner.x + col, inner.y + i as u16));
                    }
                    t.value().replace('\n', " / ")
                }
                (None, Some(c)) => c.value().unwrap_or("").to_string(),
                _ => String::new(),
            };
            let shown: String = ui.theme.text(&value).chars().take(vw).collect();
            let mut spans = vec![
                Span::styled(marker, ui.theme.key()),
                Span::styled(
                    format!("{:<lw$}", ui.t(f.label())),
                    if focused {
                        ui.theme.header()
                    } else {
                        ui.theme.muted()
                    },
                ),
                Span::styled(
                    format!("{shown:<vw$}"),
                    if focused {
                        ui.theme.selected()
                    } else {
                        Style::new()
                    },
                ),
                Span::raw(" "),
            ];
            if let Some(p) = self.problem(*f) {
                let quiet =
                    self.input(*f).is_some_and(|t| t.value().is_empty()) && !self.tried_save;
                spans.push(Span::styled(
                    ui.t(p),
                    if quiet {
                        ui.theme.muted()
                    } else {
                        ui.theme.error()
                    },
                ));
            } else if *f == Field::Organiser && focused {
                if let Some(p) = self.suggestion() {
                    spans.push(Span::styled(
                        format!("{} {}", ui.theme.sym("→", "->"), fit(ui, &p.name, 18)),
                        ui.theme.ok(),
                    ));
                } else if !self.organiser.value().trim().is_empty()
                    && !self
                        .partners
                        .iter()
                        .any(|p| unit_id(&p.name) == unit_id(self.organiser.value()))
                {
                    spans.push(Span::styled(ui.t(T::NewPartner), ui.theme.ok()));
                }
            } else if *f == Field::Hours
                && !self.hours.value().trim().is_empty()
                && self.jp.value().trim().is_empty()
                && let Ok(jp) = self.jp_value()
            {
                spans.push(Span::styled(format!("= {jp} JP"), ui.theme.ok()));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        if self.nips.len() > 1 {
            lines.push(Line::styled(
                format!("  {} {}", self.nips.len(), ui.t(T::GroupEntry)),
                ui.theme.key(),
            ));
        }
        if let Some((when, _)) = &self.draft {
            let text = format!("  {} ({when}). {}", ui.t(T::DraftFound), ui.t(T::DraftAsk));
            lines.push(Line::styled(text, ui.theme.key()));
        }
        match (self.confirm, &self.error) {
            (Some(true), _) => lines.push(Line::styled(
                format!("  {}", ui.t(T::DeleteTrainingAsk)),
                ui.theme.error(),
            )),
            (Some(false), _) => lines.push(Line::styled(
                format!("  {}", ui.t(T::CloseKeepDraft)),
                ui.theme.error(),
            )),
            (None, Some(e)) => lines.push(Line::styled(
                format!("  {} {}", ui.t(T::NotSaved), ui.theme.text(e)),
                ui.theme.error(),
            )),
            _ => {}
        }
        frame.render_widget(Paragraph::new(lines), inner);
        if let Some(p) = cursor
            && self.confirm.is_none()
        {
            frame.set_cursor_position(p);
        }
    }
}
