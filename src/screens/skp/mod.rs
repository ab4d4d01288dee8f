//! The SKP (Sasaran Kinerja Pegawai) of one person, as a plan to read and edit (issue 19,
//! planning): its data (span, form, approach, status, the pegawai, the pejabat penilai and
//! the atasan as they were), the Rencana Hasil Kerja with their indicators and targets, the
//! ekspektasi khusus pimpinan per BerAKHLAK value, the Lampiran, and the evidence and
//! feedback recorded during the period (DOMAIN.md, The SKP cycle).
//!
//! The screen changes nothing itself: each key opens a form on the form engine
//! ([`SkpEditor`]) whose save is the whole SKP, carried out by `app/` with
//! `Store::save_skp` at the revision the screen was opened at.

mod data;
mod editor;
mod evidence;
pub use crate::ui::skp_labels as labels;
mod lists;
mod rhk;
mod slots;
mod template;

pub use data::{DataForm, data_draft_name};
pub use editor::SkpEditor;
pub use evidence::{EvidenceForm, draft_name as evidence_draft_name};
pub use lists::{EkspektasiForm, LampiranForm};
pub use rhk::{RhkForm, draft_name as rhk_draft_name};
pub use template::{TemplateForm, TemplatePerson, template_draft_name};

use super::{Outcome, Screen};
use crate::domain::{NilaiBerakhlak, PersonAtTime, Skp, format_date};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, fit, key};
use crossterm::event::{KeyCode, KeyEvent};
use labels::{aspek_text, form_text, jenis_text, pendekatan_text, span_text, status_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Tabs};

/// Evidence (bukti dukung) or feedback (umpan balik).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Bukti,
    UmpanBalik,
}

/// Which evidence or feedback a form is for: of the RHK `rhk` of SKP `skp`, about one of
/// its indicators or the RHK as a whole; `id`: an existing one, `None` a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteRef {
    pub kind: NoteKind,
    pub skp: u32,
    pub rhk: u32,
    pub indikator: Option<u32>,
    pub id: Option<u32>,
}

/// Which form of a person's SKP to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkpEdit {
    /// A new SKP (its data first).
    New,
    /// The data of SKP `id`: span, form, approach, status, the people.
    Data(u32),
    /// An RHK of SKP `id` with its indicators (`None`: a new RHK).
    Rhk(u32, Option<u32>),
    /// The ekspektasi khusus pimpinan of SKP `id`.
    Ekspektasi(u32),
    /// The Lampiran of SKP `id`.
    Lampiran(u32),
    /// Evidence or feedback.
    Note(NoteRef),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Plan,
    Perilaku,
    Lampiran,
    Notes,
}

const SECTIONS: [Section; 4] = [
    Section::Plan,
    Section::Perilaku,
    Section::Lampiran,
    Section::Notes,
];

/// A line of the plan: an RHK, or one indicator of it (positions in the SKP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlanLine {
    Rhk(usize),
    Indikator(usize, usize),
}

/// A line of the evidence and feedback list: (RHK position, kind, position in its list).
type NoteLine = (usize, NoteKind, usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    New,
    Edit,
    Data,
    Bukti,
    UmpanBalik,
    Cascade,
    Print,
    NextSection,
    PrevSection,
    Back,
}

const KEYS: [Binding<Act>; 10] = [
    bind(&[Key::Char('n')], Act::New, T::KeyNew, true),
    bind(
        &[Key::Code(KeyCode::Enter), Key::Char('u')],
        Act::Edit,
        T::KeyEdit,
        true,
    ),
    bind(&[Key::Char('b')], Act::Bukti, T::KeySkpBukti, true),
    bind(
        &[Key::Char('m')],
        Act::UmpanBalik,
        T::KeySkpUmpanBalik,
        true,
    ),
    bind(&[Key::Char('d')], Act::Data, T::KeySkpData, false),
    bind(&[Key::Char('C')], Act::Cascade, T::KeySkpCascade, false),
    bind(&[Key::Char('P')], Act::Print, T::KeyPrint, false),
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
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
];

pub struct SkpScreen {
    pub nip: String,
    name: String,
    skp: Skp,
    /// The person heads their unit: their plan can cascade to the unit's staff.
    head: bool,
    section: Section,
    /// The selected line of each section.
    rows: [usize; 4],
}

impl SkpScreen {
    /// The SKP `skp` of the person `nip` (`name` with titles); `head`: they head their unit.
    pub fn new(nip: &str, name: &str, skp: Skp, head: bool) -> SkpScreen {
        SkpScreen {
            nip: nip.to_string(),
            name: name.to_string(),
            skp,
            head,
            section: Section::Plan,
            rows: [0; 4],
        }
    }

    /// The SKP shown.
    pub fn skp(&self) -> &Skp {
        &self.skp
    }

    /// Keeps the section and lines of `before` (the same SKP, read again after a save).
    pub fn follow(mut self, before: &SkpScreen) -> SkpScreen {
        self.section = before.section;
        self.rows = before.rows;
        for (i, s) in SECTIONS.iter().enumerate() {
            let len = self.len_of(*s);
            self.rows[i] = self.rows[i].min(len.saturating_sub(1));
        }
        self
    }

    /// Shows `section` (tests and the record's shortcuts).
    pub fn with_section(mut self, section: Section) -> SkpScreen {
        self.section = section;
        self
    }

    /// Selects the line of the RHK `rhk_id` in the plan (after a new RHK is saved).
    pub fn select_rhk(&mut self, rhk_id: u32) {
        if let Some(i) = self
            .plan_lines()
            .iter()
            .position(|l| matches!(l, PlanLine::Rhk(r) if self.skp.rhk[*r].id == rhk_id))
        {
            self.rows[0] = i;
        }
    }

    fn index(&self) -> usize {
        SECTIONS
            .iter()
            .position(|s| *s == self.section)
            .unwrap_or(0)
    }

    fn plan_lines(&self) -> Vec<PlanLine> {
        let mut out = Vec::new();
        for (r, rhk) in self.skp.rhk.iter().enumerate() {
            out.push(PlanLine::Rhk(r));
            out.extend((0..rhk.indikator.len()).map(|i| PlanLine::Indikator(r, i)));
        }
        out
    }

    /// Evidence and feedback, newest first.
    fn note_lines(&self) -> Vec<NoteLine> {
        let mut out: Vec<(jiff::civil::Date, u32, NoteLine)> = Vec::new();
        for (r, rhk) in self.skp.rhk.iter().enumerate() {
            for (i, b) in rhk.bukti.iter().enumerate() {
                out.push((b.tanggal, b.id, (r, NoteKind::Bukti, i)));
            }
            for (i, u) in rhk.umpan_balik.iter().enumerate() {
                out.push((u.tanggal, u.id, (r, NoteKind::UmpanBalik, i)));
            }
        }
        out.sort_by_key(|(d, id, _)| std::cmp::Reverse((*d, *id)));
        out.into_iter().map(|(_, _, l)| l).collect()
    }

    fn len_of(&self, s: Section) -> usize {
        match s {
            Section::Plan => self.plan_lines().len(),
            Section::Perilaku => NilaiBerakhlak::ALL.len(),
            Section::Lampiran => 0,
            Section::Notes => self.note_lines().len(),
        }
    }

    /// The RHK (position) and indicator (id) of the selected plan line.
    fn selected_target(&self) -> Option<(usize, Option<u32>)> {
        match self.plan_lines().get(self.rows[0])? {
            PlanLine::Rhk(r) => Some((*r, None)),
            PlanLine::Indikator(r, i) => Some((*r, Some(self.skp.rhk[*r].indikator[*i].id))),
        }
    }

    fn note(&self, kind: NoteKind) -> Outcome {
        match self.selected_target() {
            Some((r, indikator)) => Outcome::EditSkp(
                self.nip.clone(),
                SkpEdit::Note(NoteRef {
                    kind,
                    skp: self.skp.id,
                    rhk: self.skp.rhk[r].id,
                    indikator,
                    id: None,
                }),
            ),
            None => Outcome::Ignored,
        }
    }

    fn edit(&self) -> Outcome {
        let id = self.skp.id;
        let edit = match self.section {
            Section::Plan => match self.selected_target() {
                Some((r, _)) => SkpEdit::Rhk(id, Some(self.skp.rhk[r].id)),
                None => return Outcome::Ignored,
            },
            Section::Perilaku => SkpEdit::Ekspektasi(id),
            Section::Lampiran => SkpEdit::Lampiran(id),
            Section::Notes => {
                let Some((r, kind, i)) = self.note_lines().get(self.rows[3]).copied() else {
                    return Outcome::Ignored;
                };
                let rhk = &self.skp.rhk[r];
                let (indikator, note) = match kind {
                    NoteKind::Bukti => (rhk.bukti[i].indikator, rhk.bukti[i].id),
                    NoteKind::UmpanBalik => (rhk.umpan_balik[i].indikator, rhk.umpan_balik[i].id),
                };
                SkpEdit::Note(NoteRef {
                    kind,
                    skp: id,
                    rhk: rhk.id,
                    indikator,
                    id: Some(note),
                })
            }
        };
        Outcome::EditSkp(self.nip.clone(), edit)
    }

    fn may_cascade(&self) -> bool {
        self.head && !self.skp.rhk.is_empty()
    }

    /// The header: the period line and the three people. A line too long for `width` goes
    /// on under its label, broken between its parts (at most two lines each), so a date or
    /// a unit is whole, never cut mid-word; the form kind is shortened first.
    fn draw_people(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let s = &self.skp;
        let label = |t: T| Span::styled(format!("{:<10}", ui.t(t)), ui.theme.muted());
        let room = width.saturating_sub(10);
        let who = |p: &PersonAtTime, named: bool| {
            let mut parts = Vec::new();
            if named {
                parts.push(p.nama.clone());
            }
            if let Some(n) = &p.nip {
                parts.push(n.to_string());
            }
            if let Some(g) = p.golongan {
                parts.push(g.to_string());
            }
            for t in [&p.jabatan, &p.unit] {
                if !t.trim().is_empty() {
                    parts.push(t.clone());
                }
            }
            parts
        };
        let head = |form: &str| {
            vec![
                span_text(s.mulai, s.selesai, ui.lang),
                form.to_string(),
                pendekatan_text(s.pendekatan, ui.lang).to_string(),
                status_text(s.status, ui.lang),
            ]
        };
        let mut period = head(form_text(s.form, ui.lang));
        if wrap_parts(ui, &period, room).len() > 1 {
            period = head(labels::form_short(s.form, ui.lang));
        }
        let mut lines = Vec::new();
        let mut row = |t: T, parts: Vec<String>| {
            for (i, text) in wrap_parts(ui, &parts, room).into_iter().enumerate() {
                let lead = if i == 0 {
                    label(t)
                } else {
                    Span::raw(" ".repeat(10))
                };
                lines.push(Line::from(vec![lead, Span::raw(text)]));
            }
        };
        row(T::SkpPeriod, period);
        row(T::SkpPegawai, who(&s.pegawai, false));
        row(T::SkpPenilai, who(&s.penilai, true));
        row(
            T::SkpAtasan,
            s.atasan
                .as_ref()
                .map_or(vec!["-".to_string()], |a| who(a, true)),
        );
        lines
    }

    fn draw_plan(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let lines = self.plan_lines();
        if lines.is_empty() {
            empty(frame, area, ui, T::SkpNoRhk);
            return;
        }
        let [table_area, detail] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let height = table_area.height.saturating_sub(1) as usize;
        let selected = self.rows[0].min(lines.len() - 1);
        let start = selected.saturating_sub(height.saturating_sub(1));
        let text_w = (table_area.width as usize).saturating_sub(4 + 11 + 18 + 6 + 4);
        let rows: Vec<Row> = lines
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(n, line)| {
                let row = match *line {
                    PlanLine::Rhk(r) => {
                        let rhk = &self.skp.rhk[r];
                        Row::new(vec![
                            Cell::from(format!("{}", r + 1)),
                            Cell::from(jenis_text(rhk.jenis, ui.lang)),
                            Cell::from(fit(ui, &rhk.teks.replace('\n', " "), text_w)),
                            Cell::from(""),
                            Cell::from(counts(rhk.bukti.len(), rhk.umpan_balik.len())),
                        ])
                        .style(ui.theme.header())
                    }
                    PlanLine::Indikator(r, i) => {
                        let rhk = &self.skp.rhk[r];
                        let ind = &rhk.indikator[i];
                        let b = rhk
                            .bukti
                            .iter()
                            .filter(|b| b.indikator == Some(ind.id))
                            .count();
                        let u = rhk
                            .umpan_balik
                            .iter()
                            .filter(|u| u.indikator == Some(ind.id))
                            .count();
                        Row::new(vec![
                            Cell::from(""),
                            Cell::from(format!(" {}", aspek_text(ind.aspek, ui.lang))),
                            Cell::from(fit(ui, &ind.teks.replace('\n', " "), text_w)),
                            Cell::from(fit(ui, &ind.target.to_string(), 18)),
                            Cell::from(counts(b, u)),
                        ])
                    }
                };
                crate::ui::table::marked(row, n == selected, ui)
            })
            .collect();
        let header = Row::new(
            [
                "",
                ui.t(T::SkpColKind),
                ui.t(T::SkpColText),
                ui.t(T::SkpColTarget),
                ui.t(T::SkpColNotes),
            ]
            .map(Cell::from),
        )
        .style(ui.theme.header());
        frame.render_widget(
            Table::new(
                rows,
                [
                    Constraint::Length(3),
                    Constraint::Length(10),
                    Constraint::Fill(1),
                    Constraint::Length(18),
                    Constraint::Length(6),
                ],
            )
            .header(header),
            table_area,
        );
        // Under the table: what the selected RHK supports.
        let r = match lines[selected] {
            PlanLine::Rhk(r) | PlanLine::Indikator(r, _) => r,
        };
        let rhk = &self.skp.rhk[r];
        let (label, text) = match &rhk.intervensi {
            crate::domain::Intervensi::None => (T::SkpIntervensi, "-".to_string()),
            crate::domain::Intervensi::Atasan { link, teks } => (
                if link.is_some() {
                    T::SkpIntervensiLinked
                } else {
                    T::SkpIntervensi
                },
                teks.replace('\n', " "),
            ),
            crate::domain::Intervensi::PerjanjianKinerja(t) => {
                (T::SkpPerjanjianKinerja, t.replace('\n', " "))
            }
        };
        let label = format!(" RHK {} {}: ", r + 1, ui.t(label));
        let room = (detail.width as usize).saturating_sub(label.chars().count());
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(label, ui.theme.muted()),
                Span::raw(fit(ui, &text, room)),
            ])),
            detail,
        );
    }

    fn draw_perilaku(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let text_w = (area.width as usize).saturating_sub(25);
        let rows: Vec<Row> = crate::domain::skp::ekspektasi_pairs(&self.skp)
            .enumerate()
            .map(|(i, (value, text))| {
                let text = if text.trim().is_empty() {
                    Span::styled("-", ui.theme.muted())
                } else {
                    Span::raw(fit(ui, &text.replace('\n', " "), text_w))
                };
                let row = Row::new(vec![Cell::from(value.label()), Cell::from(text)]);
                crate::ui::table::marked(row, i == self.rows[1], ui)
            })
            .collect();
        let header = Row::new([ui.t(T::SkpColValue), ui.t(T::SkpColExpectation)].map(Cell::from))
            .style(ui.theme.header());
        frame.render_widget(
            Table::new(rows, [Constraint::Length(23), Constraint::Fill(1)]).header(header),
            area,
        );
    }

    fn draw_lampiran(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let l = &self.skp.lampiran;
        let width = (area.width as usize).saturating_sub(4);
        let mut lines = Vec::new();
        for (title, items) in [
            (T::SkpSumberDaya, &l.sumber_daya),
            (T::SkpSkema, &l.skema_pertanggungjawaban),
            (T::SkpKonsekuensi, &l.konsekuensi),
        ] {
            lines.push(Line::styled(format!(" {}", ui.t(title)), ui.theme.header()));
            if items.is_empty() {
                lines.push(Line::styled("   -", ui.theme.muted()));
            }
            for item in items {
                lines.push(Line::raw(format!(
                    "   {} {}",
                    ui.theme.sym("•", "-"),
                    fit(ui, item, width)
                )));
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn draw_notes(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let lines = self.note_lines();
        if lines.is_empty() {
            empty(frame, area, ui, T::SkpNoNotes);
            return;
        }
        let height = area.height.saturating_sub(1) as usize;
        let selected = self.rows[3].min(lines.len() - 1);
        let start = selected.saturating_sub(height.saturating_sub(1));
        let text_w = (area.width as usize).saturating_sub(10 + 12 + 10 + 4);
        let about = |r: usize, ind: Option<u32>| {
            let rhk = &self.skp.rhk[r];
            match ind.and_then(|id| rhk.indikator.iter().position(|i| i.id == id)) {
                Some(i) => format!("RHK {} IKI {}", r + 1, i + 1),
                None => format!("RHK {}", r + 1),
            }
        };
        let rows: Vec<Row> = lines
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(n, &(r, kind, i))| {
                let rhk = &self.skp.rhk[r];
                let (date, kind_t, target, text) = match kind {
                    NoteKind::Bukti => {
                        let b = &rhk.bukti[i];
                        let text = if b.lokasi.is_empty() {
                            b.uraian.clone()
                        } else {
                            format!("{} ({})", b.uraian, b.lokasi)
                        };
                        (b.tanggal, T::SkpBukti, about(r, b.indikator), text)
                    }
                    NoteKind::UmpanBalik => {
                        let u = &rhk.umpan_balik[i];
                        (
                            u.tanggal,
                            T::SkpUmpanBalik,
                            about(r, u.indikator),
                            format!("{}: {}", u.dari, u.teks),
                        )
                    }
                };
                let row = Row::new(vec![
                    Cell::from(format_date(date)),
                    Cell::from(ui.t(kind_t)),
                    Cell::from(target),
                    Cell::from(fit(ui, &text.replace('\n', " "), text_w)),
                ]);
                crate::ui::table::marked(row, n == selected, ui)
            })
            .collect();
        let header = Row::new(
            [
                ui.t(T::CoachingDate),
                ui.t(T::CoachingKindLabel),
                ui.t(T::SkpColAbout),
                ui.t(T::SkpColText),
            ]
            .map(Cell::from),
        )
        .style(ui.theme.header());
        frame.render_widget(
            Table::new(
                rows,
                [
                    Constraint::Length(10),
                    Constraint::Length(12),
                    Constraint::Length(11),
                    Constraint::Fill(1),
                ],
            )
            .header(header),
            area,
        );
    }
}

/// `2b 1u`: evidence and feedback counts, blank when there are none.
fn counts(bukti: usize, umpan: usize) -> String {
    match (bukti, umpan) {
        (0, 0) => String::new(),
        (b, 0) => format!("{b}b"),
        (0, u) => format!("{u}u"),
        (b, u) => format!("{b}b {u}u"),
    }
}

fn empty(frame: &mut Frame, area: Rect, ui: &Ui, text: T) {
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {}", ui.t(text)), ui.theme.muted())),
        area,
    );
}

impl Screen for SkpScreen {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut k = keys::help(&KEYS);
        let section = self.section;
        k.retain(|x| match x.action {
            T::KeyNew | T::KeySkpBukti | T::KeySkpUmpanBalik => section == Section::Plan,
            T::KeySkpCascade => self.may_cascade(),
            _ => true,
        });
        k.extend(keys::nav_help());
        k.push(key(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            T::KeyHelp,
            true,
        ));
        k
    }

    fn handle(&mut self, key: KeyEvent, _ui: &Ui) -> Outcome {
        let i = self.index();
        if let Some(nav) = keys::action(&NAV, &key) {
            self.rows[i] = keys::step(nav, self.rows[i], self.len_of(self.section), 10);
            return Outcome::Changed;
        }
        match keys::action(&KEYS, &key) {
            Some(Act::NextSection) => self.section = SECTIONS[(i + 1) % SECTIONS.len()],
            Some(Act::PrevSection) => {
                self.section = SECTIONS[(i + SECTIONS.len() - 1) % SECTIONS.len()]
            }
            Some(Act::New) if self.section == Section::Plan => {
                return Outcome::EditSkp(self.nip.clone(), SkpEdit::Rhk(self.skp.id, None));
            }
            Some(Act::Edit) => return self.edit(),
            Some(Act::Data) => {
                return Outcome::EditSkp(self.nip.clone(), SkpEdit::Data(self.skp.id));
            }
            Some(Act::Bukti) if self.section == Section::Plan => return self.note(NoteKind::Bukti),
            Some(Act::UmpanBalik) if self.section == Section::Plan => {
                return self.note(NoteKind::UmpanBalik);
            }
            Some(Act::Cascade) if self.may_cascade() => {
                return Outcome::SkpCascade(self.nip.clone(), self.skp.id);
            }
            // This SKP: the period that covers exactly its months.
            Some(Act::Print) => {
                return Outcome::PrintPerson(
                    self.nip.clone(),
                    super::PrintDoc::Skp(self.skp.span_period()),
                );
            }
            Some(Act::Back) => return Outcome::Back,
            _ => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = format!(" SKP{}{} ", labels::dot(ui), self.name);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(
                fit(ui, &title, (area.width as usize).saturating_sub(4)),
                ui.theme.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let header = self.draw_people(ui, inner.width as usize);
        let [people, tabs, body] = Layout::vertical([
            Constraint::Length(header.len() as u16),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(header), people);
        let titles = [T::SkpPlan, T::SkpPerilaku, T::SkpLampiran, T::SkpNotes].map(|t| ui.t(t));
        frame.render_widget(
            Tabs::new(titles.to_vec())
                .select(self.index())
                .highlight_style(ui.theme.selected())
                .divider(ui.theme.sym("│", "|")),
            tabs,
        );
        match self.section {
            Section::Plan => self.draw_plan(frame, body, ui),
            Section::Perilaku => self.draw_perilaku(frame, body, ui),
            Section::Lampiran => self.draw_lampiran(frame, body, ui),
            Section::Notes => self.draw_notes(frame, body, ui),
        }
    }

    fn title(&self) -> T {
        T::SkpTitle
    }
}

/// `parts` joined by the separator on lines of at most `width` columns, broken between
/// parts: at most two lines, a part wider than a line (or the rest on the second) cut with
/// the ellipsis.
fn wrap_parts(ui: &Ui, parts: &[String], width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let dot = labels::dot(ui);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for p in parts.iter().filter(|p| !p.trim().is_empty()) {
        let p = ui.theme.text(p);
        let joined = if current.is_empty() {
            p.clone()
        } else {
            format!("{current}{dot}{p}")
        };
        if joined.width() <= width || current.is_empty() || lines.len() == 1 {
            current = joined;
        } else {
            lines.push(std::mem::replace(&mut current, p));
        }
    }
    lines.push(current);
    lines.into_iter().map(|l| fit(ui, &l, width)).collect()
}
