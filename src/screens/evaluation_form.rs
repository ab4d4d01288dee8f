//! The evaluation form (`e` on a staff record, `Enter` on an evaluation row): period,
//! evaluator, Hasil Kerja, the seven BerAKHLAK aspects with feedback, Perilaku Kerja
//! (suggested from the aspects until the officer sets it), the predikat live from the
//! matrix, and notes. Kept as a draft while it changes.

use super::Outcome;
use crate::domain::evaluation::suggest_perilaku;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{
    Aspek, AspekPenilaian, Evaluation, Evaluator, Nip, Period, PeriodKind, predikat,
};
use crate::ui::input::{Choice, TextInput};
use crate::ui::lang::T;
use crate::ui::rating::RatingField;
use crate::ui::{KeyHelp, Ui, fit, is_ctrl, key};
use crossterm::event::{KeyCode, KeyEvent};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use std::sync::Arc;

/// Staff that can be picked as evaluator: (NIP digits, name, name in lowercase).
pub type People = Arc<Vec<(String, String, String)>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Year,
    Kind,
    Evaluator,
    EvaluatorNip,
    Hasil,
    AspekRating(usize),
    AspekFeedback(usize),
    Perilaku,
    Notes,
}

fn fields() -> Vec<Field> {
    let mut v = vec![
        Field::Year,
        Field::Kind,
        Field::Evaluator,
        Field::EvaluatorNip,
        Field::Hasil,
    ];
    for i in 0..7 {
        v.push(Field::AspekRating(i));
        v.push(Field::AspekFeedback(i));
    }
    v.push(Field::Perilaku);
    v.push(Field::Notes);
    v
}

/// What a new evaluation most likely is for: last year's annual one, else the newest
/// quarter that has started, else this year's annual one; the first not yet evaluated.
fn default_period(taken: &[(Period, u32)], today: Date) -> Option<Period> {
    let y = today.year();
    let mut candidates = vec![Period::annual(y - 1)];
    candidates.extend(
        (1..=4u8)
            .rev()
            .filter_map(|q| Period::new(y, PeriodKind::Triwulan(q))),
    );
    candidates.push(Period::annual(y));
    candidates
        .into_iter()
        .filter(|p| !p.is_future(today))
        .find(|p| !taken.iter().any(|(t, _)| t == p))
}

/// Period kinds in the order of the choice: annual, four quarters, twelve months.
fn period_kinds() -> Vec<PeriodKind> {
    let mut v = vec![PeriodKind::Tahunan];
    v.extend((1..=4).map(PeriodKind::Triwulan));
    v.extend((1..=12).map(PeriodKind::Bulanan));
    v
}

fn kind_label(k: PeriodKind) -> String {
    match Period::new(2000, k) {
        Some(p) => p.to_string().replace(" 2000", "").replace("/2000", ""),
        None => String::new(),
    }
}

const KEYS: [KeyHelp; 9] = [
    key("Tab ↓", "Tab Down", T::KeyNextField, true),
    key("S-Tab ↑", "S-Tab Up", T::KeyPrevField, false),
    key("Enter", "Enter", T::KeyNextFieldOrLine, false),
    key("1 2 3 ← →", "1 2 3 Left Right", T::KeyChoose, true),
    key("→", "Right", T::KeyTakeSuggestion, false),
    key("Ctrl-S F2", "Ctrl-S F2", T::KeySave, true),
    key("Ctrl-D", "Ctrl-D", T::KeyDelete, false),
    key("Esc", "Esc", T::KeyCancel, true),
    key("F1", "F1", T::KeyHelp, true),
];

enum Ask {
    None,
    Discard,
    Delete,
    /// A draft from an earlier session: (its time as text, its fields).
    Draft(String, Vec<(String, String)>),
}

pub struct EvaluationForm {
    pub nip: String,
    person: String,
    original: Option<Evaluation>,
    /// The person's other evaluations, to find a period that is taken.
    taken: Vec<(Period, u32)>,
    today: Date,
    people: People,
    year: TextInput,
    kind: Choice,
    evaluator: TextInput,
    evaluator_nip: TextInput,
    hasil: RatingField,
    aspek: [RatingField; 7],
    feedback: [TextInput; 7],
    /// Ekspektasi khusus per aspect: kept as they were (edited in a later version).
    ekspektasi: [String; 7],
    perilaku: RatingField,
    /// The officer set Perilaku; stop following the aspects.
    perilaku_set: bool,
    notes: TextInput,
    focus: usize,
    order: Vec<Field>,
    ask: Ask,
    tried_save: bool,
    pub error: Option<String>,
    start: Vec<(String, String)>,
}

impl EvaluationForm {
    pub fn new(
        nip: &str,
        person: &str,
        original: Option<Evaluation>,
        taken: Vec<(Period, u32)>,
        today: Date,
        people: People,
    ) -> EvaluationForm {
        let o = original.as_ref();
        let kinds = period_kinds();
        let period = o
            .map(|e| e.period)
            .or_else(|| default_period(&taken, today));
        let kind_i = period.and_then(|p| kinds.iter().position(|k| *k == p.kind));
        let year = period.map_or(today.year() - 1, |p| p.year);
        let penilai = o.and_then(|e| e.penilai.clone());
        let mut aspek = [RatingField::new(None, true); 7];
        let mut feedback: [TextInput; 7] = Default::default();
        let mut ekspektasi: [String; 7] = Default::default();
        if let Some(e) = o {
            for i in 0..7 {
                aspek[i].value = e.aspek[i].rating;
                feedback[i] = TextInput::new(&e.aspek[i].umpan_balik);
                ekspektasi[i] = e.aspek[i].ekspektasi.clone();
            }
        }
        let mut form = EvaluationForm {
            nip: nip.to_string(),
            person: person.to_string(),
            taken,
            today,
            people,
            year: TextInput::new(&year.to_string()),
            kind: Choice::new(
                kinds.iter().map(|k| kind_label(*k)).collect(),
                kind_i.or(Some(0)),
            ),
            evaluator: TextInput::new(penilai.as_ref().map_or("", |p| &p.nama)),
            evaluator_nip: TextInput::new(
                &penilai
                    .as_ref()
                    .and_then(|p| p.nip.as_ref())
                    .map_or(String::new(), |n| n.to_string()),
            ),
            hasil: RatingField::new(o.map(|e| e.hasil_kerja), false),
            aspek,
            feedback,
            ekspektasi,
            perilaku: RatingField::new(o.map(|e| e.perilaku), false),
            perilaku_set: o.is_some(),
            notes: TextInput::new(o.map_or("", |e| &e.catatan)),
            focus: 0,
            order: fields(),
            ask: Ask::None,
            tried_save: false,
            error: None,
            start: Vec::new(),
            original,
        };
        form.start = form.draft_fields();
        form
    }

    pub fn is_new(&self) -> bool {
        self.original.is_none()
    }

    pub fn id(&self) -> Option<u32> {
        self.original.as_ref().map(|e| e.id)
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        KEYS.to_vec()
    }

    pub fn is_dirty(&self) -> bool {
        self.draft_fields() != self.start
    }

    /// Offers back a draft kept from an earlier session.
    pub fn offer_draft(&mut self, when: String, fields: Vec<(String, String)>) {
        self.ask = Ask::Draft(when, fields);
    }

    /// The form's fields by name: what a draft keeps.
    pub fn draft_fields(&self) -> Vec<(String, String)> {
        let r = |f: &RatingField| f.value.map_or(String::new(), |r| r.code().to_string());
        let mut v = vec![
            ("tahun".to_string(), self.year.value().to_string()),
            (
                "periode".into(),
                self.kind.value().unwrap_or("").to_string(),
            ),
            ("penilai".into(), self.evaluator.value().to_string()),
            ("penilai_nip".into(), self.evaluator_nip.value().to_string()),
            ("hasil_kerja".into(), r(&self.hasil)),
            ("perilaku".into(), r(&self.perilaku)),
            ("perilaku_set".into(), self.perilaku_set.to_string()),
            ("catatan".into(), self.notes.value().to_string()),
            // The revision the draft was made from: saving it later over a newer record is
            // refused as stale instead of silently undoing that change.
            (
                "revisi".into(),
                self.original.as_ref().map_or(0, |e| e.revision).to_string(),
            ),
        ];
        for (i, a) in Aspek::ALL.iter().enumerate() {
            v.push((a.code().to_string(), r(&self.aspek[i])));
            v.push((
                format!("{}_umpan_balik", a.code()),
                self.feedback[i].value().to_string(),
            ));
        }
        v
    }

    fn apply_draft(&mut self, fields: &[(String, String)]) {
        let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let rating = |v: Option<&str>| {
            v.and_then(|s| s.parse::<u8>().ok())
                .and_then(crate::domain::Rating::from_code)
        };
        if let Some(v) = get("tahun") {
            self.year = TextInput::new(v);
        }
        if let (Some(o), Some(rev)) = (
            self.original.as_mut(),
            get("revisi").and_then(|r| r.parse().ok()),
        ) {
            o.revision = rev;
        }
        if let Some(v) = get("periode") {
            let i = self.kind.options().iter().position(|o| o == v);
            self.kind.select(i);
        }
        if let Some(v) = get("penilai") {
            self.evaluator = TextInput::new(v);
        }
        if let Some(v) = get("penilai_nip") {
            self.evaluator_nip = TextInput::new(v);
        }
        self.hasil.value = rating(get("hasil_kerja"));
        self.perilaku.value = rating(get("perilaku"));
        self.perilaku_set = get("perilaku_set") == Some("true");
        if let Some(v) = get("catatan") {
            self.notes = TextInput::new(v);
        }
        for (i, a) in Aspek::ALL.iter().enumerate() {
            self.aspek[i].value = rating(get(a.code()));
            if let Some(v) = get(&format!("{}_umpan_balik", a.code())) {
                self.feedback[i] = TextInput::new(v);
            }
        }
    }

    fn period(&self) -> Option<Period> {
        let year = self.year.value().trim().parse::<i16>().ok()?;
        let kind = self
            .kind
            .selected()
            .and_then(|i| period_kinds().get(i).copied())?;
        Period::new(year, kind)
    }

    fn evaluator_nip(&self) -> Result<Option<Nip>, String> {
        let text = self.evaluator_nip.value().trim();
        if text.is_empty() {
            return Ok(None);
        }
        Nip::parse(text)
            .or_else(|e| Nip::parse_as(text, crate::domain::EmploymentKind::Pppk).map_err(|_| e))
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// The first problem of the form: (field index, text).
    fn problem(&self, ui: &Ui) -> Option<(usize, String)> {
        let at = |f: Field| self.order.iter().position(|x| *x == f).unwrap_or(0);
        let Some(period) = self.period() else {
            return Some((at(Field::Year), ui.t(T::ErrPeriod).to_string()));
        };
        if period.is_future(self.today) {
            return Some((at(Field::Kind), ui.t(T::ErrFuturePeriod).to_string()));
        }
        if let Some((_, id)) = self
            .taken
            .iter()
            .find(|(p, id)| *p == period && Some(*id) != self.id())
        {
            return Some((
                at(Field::Kind),
                format!("{} ({id})", ui.t(T::ErrPeriodTaken)),
            ));
        }
        match self.evaluator_nip() {
            Err(e) => return Some((at(Field::EvaluatorNip), e)),
            Ok(Some(n)) if n.as_str() == self.nip => {
                return Some((
                    at(Field::EvaluatorNip),
                    ui.t(T::ErrSelfEvaluation).to_string(),
                ));
            }
            _ => {}
        }
        if self.hasil.value.is_none() {
            return Some((at(Field::Hasil), ui.t(T::NotChosen).to_string()));
        }
        if self.perilaku.value.is_none() {
            return Some((at(Field::Perilaku), ui.t(T::NotChosen).to_string()));
        }
        None
    }

    fn build(&self, ui: &Ui) -> Result<Evaluation, usize> {
        if let Some((i, _)) = self.problem(ui) {
            return Err(i);
        }
        let (Some(period), Some(hasil), Some(perilaku)) =
            (self.period(), self.hasil.value, self.perilaku.value)
        else {
            return Err(0);
        };
        let nip = self.evaluator_nip().ok().flatten();
        let nama = clean_line(self.evaluator.value());
        let penilai = (nip.is_some() || !nama.is_empty()).then_some(Evaluator { nip, nama });
        let mut aspek: [AspekPenilaian; 7] = Default::default();
        for (i, a) in aspek.iter_mut().enumerate() {
            a.rating = self.aspek[i].value;
            a.umpan_balik = clean_multiline(self.feedback[i].value());
            a.ekspektasi = self.ekspektasi[i].clone();
        }
        let o = self.original.as_ref();
        Ok(Evaluation {
            id: o.map_or(0, |e| e.id),
            period,
            hasil_kerja: hasil,
            perilaku,
            aspek,
            penilai,
            atasan_penilai: o.and_then(|e| e.atasan_penilai.clone()),
            catatan: clean_multiline(self.notes.value()),
            revision: o.map_or(0, |e| e.revision),
        })
    }

    /// Staff whose name or NIP contains what is typed in the evaluator field.
    fn suggestions(&self, n: usize) -> Vec<&(String, String, String)> {
        let q = self.evaluator.value().trim().to_lowercase();
        if q.chars().count() < 2 {
            return Vec::new();
        }
        let digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
        self.people
            .iter()
            .filter(|(nip, _, lower)| {
                *nip != self.nip
                    && (lower.contains(&q) || (!digits.is_empty() && nip.starts_with(&digits)))
            })
            .take(n)
            .collect()
    }

    fn follow_aspects(&mut self) {
        if !self.perilaku_set {
            let aspects: Vec<AspekPenilaian> = self
                .aspek
                .iter()
                .map(|a| AspekPenilaian {
                    rating: a.value,
                    ..Default::default()
                })
                .collect();
            self.perilaku.value = suggest_perilaku(&aspects);
        }
    }

    pub fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        match std::mem::replace(&mut self.ask, Ask::None) {
            Ask::None => {}
            Ask::Discard => {
                return if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                    Outcome::Back
                } else {
                    Outcome::Changed
                };
            }
            Ask::Delete => {
                return match (key.code, &self.original) {
                    (KeyCode::Char('y') | KeyCode::Char('Y'), Some(e)) => {
                        Outcome::DeleteEvaluation(self.nip.clone(), e.id, e.revision)
                    }
                    _ => Outcome::Changed,
                };
            }
            Ask::Draft(when, fields) => {
                return match key.code {
                    KeyCode::Char('y') | KeyCode::Char('Y') => {
                        self.apply_draft(&fields);
                        Outcome::Changed
                    }
                    KeyCode::Char('n') | KeyCode::Char('N') => Outcome::DiscardDraft,
                    _ => {
                        self.ask = Ask::Draft(when, fields);
                        Outcome::Changed
                    }
                };
            }
        }
        if is_ctrl(&key, 's') || key.code == KeyCode::F(2) {
            self.tried_save = true;
            self.error = None;
            return match self.build(ui) {
                Ok(e) => Outcome::SaveEvaluation(self.nip.clone(), Box::new(e)),
                Err(i) => {
                    self.focus = i;
                    Outcome::Changed
                }
            };
        }
        if is_ctrl(&key, 'd') && self.original.is_some() {
            self.ask = Ask::Delete;
            return Outcome::Changed;
        }
        let n = self.order.len();
        let field = self.order[self.focus];
        match key.code {
            KeyCode::Esc => {
                if self.is_dirty() {
                    self.ask = Ask::Discard;
                    return Outcome::Changed;
                }
                return Outcome::Back;
            }
            KeyCode::Tab | KeyCode::Down => {
                self.focus = (self.focus + 1) % n;
                return self.after_move(field);
            }
            KeyCode::Enter if field != Field::Notes => {
                self.focus = (self.focus + 1) % n;
                return self.after_move(field);
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + n - 1) % n;
                return self.after_move(field);
            }
            _ => {}
        }
        let used = match field {
            // A year is digits only.
            Field::Year => match key.code {
                KeyCode::Char(c) if !c.is_ascii_digit() => false,
                _ => self.year.handle(&key),
            },
            Field::Kind => self.kind.handle(&key),
            Field::Evaluator => {
                if key.code == KeyCode::Right
                    && self.evaluator.cursor() == self.evaluator.value().chars().count()
                {
                    // Right at the end of the text takes the first suggestion.
                    if let Some((nip, name, _)) = self.suggestions(1).first().map(|x| (*x).clone())
                    {
                        self.evaluator = TextInput::new(&name);
                        self.evaluator_nip =
                            TextInput::new(&crate::domain::summary::spaced_nip(&nip));
                        true
                    } else {
                        false
                    }
                } else {
                    self.evaluator.handle(&key)
                }
            }
            Field::EvaluatorNip => self.evaluator_nip.handle(&key),
            Field::Hasil => self.hasil.handle(&key),
            Field::AspekRating(i) => {
                let used = self.aspek[i].handle(&key);
                self.follow_aspects();
                used
            }
            Field::AspekFeedback(i) => self.feedback[i].handle(&key),
            Field::Perilaku => {
                let used = self.perilaku.handle(&key);
                if used {
                    self.perilaku_set = true;
                }
                used
            }
            Field::Notes => {
                if key.code == KeyCode::Enter {
                    self.notes.insert('\n');
                    true
                } else {
                    self.notes.handle(&key)
                }
            }
        };
        if !used {
            return Outcome::Ignored;
        }
        self.error = None;
        // A new evaluation for a period already evaluated: open that one instead.
        if self.is_new()
            && matches!(field, Field::Year | Field::Kind)
            && let Some(period) = self.period()
            && let Some((_, id)) = self.taken.iter().find(|(p, _)| *p == period)
        {
            return Outcome::OpenEvaluation(self.nip.clone(), Some(*id));
        }
        Outcome::Changed
    }

    fn after_move(&mut self, _from: Field) -> Outcome {
        self.kind.blur();
        Outcome::Changed
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = if self.is_new() {
            T::NewEvaluation
        } else {
            T::EditEvaluation
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(
                format!(" {}: {} ", ui.t(title), fit(ui, &self.person, 40)),
                ui.theme.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let focused = self.order[self.focus];
        let lw = 24usize;
        let mut lines: Vec<Line> = Vec::new();
        let mut cursor = None;
        let value_style = |f: Field| {
            if f == focused {
                ui.theme.selected()
            } else {
                Style::new()
            }
        };
        let marker = |f: Field| {
            if f == focused {
                ui.theme.sym("▶ ", "> ")
            } else {
                "  "
            }
        };
        let row = |label: String, parts: Vec<Span<'static>>, lines: &mut Vec<Line<'static>>| {
            let mut spans = vec![Span::styled(format!("{label:<lw$}"), ui.theme.muted())];
            spans.extend(parts);
            lines.push(Line::from(spans));
        };
        let text_part = |f: Field,
                         input: &TextInput,
                         width: usize,
                         y: usize,
                         x: usize,
                         cursor: &mut Option<Position>| {
            let v = ui.theme.text(input.value());
            let shown: String = v.chars().take(width).collect();
            if f == focused {
                *cursor = Some(Position::new(
                    inner.x + (x + input.cursor().min(width)) as u16,
                    inner.y + y as u16,
                ));
            }
            Span::styled(format!("{shown:<width$}"), value_style(f))
        };
        // Period
        let y = lines.len();
        let year = text_part(Field::Year, &self.year, 4, y, lw + 2, &mut cursor);
        row(
            ui.t(T::Period).to_string(),
            vec![
                Span::styled(marker(Field::Year), ui.theme.key()),
                year,
                Span::raw("  "),
                Span::styled(marker(Field::Kind), ui.theme.key()),
                Span::styled(
                    format!("{:<14}", self.kind.value().unwrap_or("")),
                    value_style(Field::Kind),
                ),
            ],
            &mut lines,
        );
        // Evaluator
        let y = lines.len();
        let name = text_part(
            Field::Evaluator,
            &self.evaluator,
            28,
            y,
            lw + 2,
            &mut cursor,
        );
        let hint = match self.suggestions(1).first() {
            Some((nip, n, _)) if focused == Field::Evaluator && self.evaluator.value() != n => {
                Span::styled(
                    format!(" {} {}", ui.theme.sym("→", "->"), fit(ui, n, 22)),
                    ui.theme.ok(),
                )
            }
            _ => Span::raw(""),
        };
        row(
            ui.t(T::Evaluator).to_string(),
            vec![
                Span::styled(marker(Field::Evaluator), ui.theme.key()),
                name,
                hint,
            ],
            &mut lines,
        );
        let y = lines.len();
        let nip = text_part(
            Field::EvaluatorNip,
            &self.evaluator_nip,
            22,
            y,
            lw + 2,
            &mut cursor,
        );
        row(
            ui.t(T::EvaluatorNip).to_string(),
            vec![
                Span::styled(marker(Field::EvaluatorNip), ui.theme.key()),
                nip,
            ],
            &mut lines,
        );
        // Hasil kerja
        row(
            ui.t(T::HasilKerja).to_string(),
            vec![
                Span::styled(marker(Field::Hasil), ui.theme.key()),
                Span::styled(
                    format!("{:<22}", self.hasil.text()),
                    value_style(Field::Hasil),
                ),
            ],
            &mut lines,
        );
        for (i, a) in Aspek::ALL.iter().enumerate() {
            let y = lines.len();
            let fb = text_part(
                Field::AspekFeedback(i),
                &self.feedback[i],
                24,
                y,
                lw + 2 + 22 + 2,
                &mut cursor,
            );
            row(
                format!("  {}", a.label()),
                vec![
                    Span::styled(marker(Field::AspekRating(i)), ui.theme.key()),
                    Span::styled(
                        format!("{:<22}", self.aspek[i].text()),
                        value_style(Field::AspekRating(i)),
                    ),
                    Span::styled(marker(Field::AspekFeedback(i)), ui.theme.key()),
                    fb,
                ],
                &mut lines,
            );
        }
        let suggested = if self.perilaku_set {
            String::new()
        } else {
            format!(" ({})", ui.t(T::FromAspects))
        };
        row(
            ui.t(T::Perilaku).to_string(),
            vec![
                Span::styled(marker(Field::Perilaku), ui.theme.key()),
                Span::styled(
                    format!("{:<22}", self.perilaku.text()),
                    value_style(Field::Perilaku),
                ),
                Span::styled(suggested, ui.theme.muted()),
            ],
            &mut lines,
        );
        let pred = match (self.hasil.value, self.perilaku.value) {
            (Some(h), Some(p)) => {
                let pr = predikat(h, p);
                Span::styled(
                    pr.label(),
                    ui.theme
                        .predikat(pr)
                        .add_modifier(ratatui::style::Modifier::BOLD),
                )
            }
            _ => Span::styled("-", ui.theme.muted()),
        };
        row(
            ui.t(T::Predikat).to_string(),
            vec![Span::raw("  "), pred],
            &mut lines,
        );
        // Notes: up to three lines.
        let y = lines.len();
        let note_lines: Vec<String> = ui
            .theme
            .text(self.notes.value())
            .split('\n')
            .map(str::to_string)
            .collect();
        for k in 0..3 {
            let label = if k == 0 {
                ui.t(T::Notes).to_string()
            } else {
                String::new()
            };
            let m = if k == 0 { marker(Field::Notes) } else { "  " };
            let text: String = note_lines
                .get(k)
                .map_or(String::new(), |l| l.chars().take(50).collect());
            row(
                label,
                vec![
                    Span::styled(m, ui.theme.key()),
                    Span::styled(format!("{text:<50}"), value_style(Field::Notes)),
                ],
                &mut lines,
            );
        }
        if focused == Field::Notes {
            let before: String = self
                .notes
                .value()
                .chars()
                .take(self.notes.cursor())
                .collect();
            let line = before.matches('\n').count().min(2);
            let col = before
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                .min(50);
            cursor = Some(Position::new(
                inner.x + (lw + 2 + col) as u16,
                inner.y + (y + line) as u16,
            ));
        }
        // The question or the problem, last.
        let message = match &self.ask {
            Ask::Discard => Some((ui.t(T::CloseKeepDraft).to_string(), ui.theme.error())),
            Ask::Delete => Some((ui.t(T::DeleteAsk).to_string(), ui.theme.error())),
            Ask::Draft(when, _) => Some((
                format!("{} ({when}). {}", ui.t(T::DraftFound), ui.t(T::DraftAsk)),
                ui.theme.key(),
            )),
            Ask::None => match (&self.error, self.problem(ui)) {
                (Some(e), _) => Some((
                    format!("{} {}", ui.t(T::NotSaved), ui.theme.text(e)),
                    ui.theme.error(),
                )),
                (None, Some((i, p))) if self.tried_save || i == self.focus => Some((
                    p,
                    if self.tried_save {
                        ui.theme.error()
                    } else {
                        ui.theme.muted()
                    },
                )),
                _ => None,
            },
        };
        if let Some((text, style)) = message {
            lines.push(Line::styled(
                format!(" {}", fit(ui, &text, inner.width as usize - 2)),
                style,
            ));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        if let Some(p) = cursor
            && matches!(self.ask, Ask::None)
        {
            frame.set_cursor_position(p);
        }
    }
}
