//! One person: identity derived from the NIP, rank, position and unit, the pension date
//! (DOMAIN.md, BUP) and any warnings the record deserves, then sections for evaluations,
//! trainings (this year's JP against 20) and the change history. `p` opens the one-page
//! profile.

mod career;
mod coaching;
mod competencies;
mod contracts;
mod skp;

pub use career::{CareerRow, career_rows};

use super::{Outcome, PrintDoc, Screen};
use crate::domain::{
    Coaching, EmploymentKind, Evaluation, Period, Predikat, Sex, Staff, Training, format_date,
};
use crate::ui::choice::{Choice, Chosen};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::labels::{period_text, rating_text};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, fit, key};
use crate::views::AuditEntry;
use crossterm::event::{KeyCode, KeyEvent};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Gauge, Paragraph, Row, Table, Tabs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Evaluations,
    Trainings,
    History,
    /// Pembinaan kinerja: the person's coaching records.
    Coaching,
    /// The competencies the position requires and the person's state for each (AKPK,
    /// issue 13).
    Competencies,
    /// The person's SKPs (issue 19).
    Skp,
    /// A PPPK's contracts (perjanjian kerja, issue 21); not shown for a PNS.
    Contracts,
    /// The career history: riwayat pangkat, jabatan, unit (issue 21).
    Career,
}

const SECTIONS: [Section; 8] = [
    Section::Evaluations,
    Section::Trainings,
    Section::History,
    Section::Coaching,
    Section::Competencies,
    Section::Skp,
    Section::Career,
    Section::Contracts,
];

/// The Kontrak section's place in `rows`.
const CONTRACT_ROW: usize = 7;

/// The SKP section's place in `rows`.
const SKP_ROW: usize = 5;
/// The Karier section's place in `rows`.
const CAREER_ROW: usize = 6;

/// One required competency of the person's position with their state on the record's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetencyRow {
    pub name: String,
    pub kind: crate::domain::CompetencyKind,
    pub validity_months: Option<u16>,
    pub state: crate::domain::CompetencyState,
}

/// A change in the history, with its time already put in the officer's time zone.
pub struct HistoryRow {
    pub when: String,
    pub entry: AuditEntry,
}

pub struct StaffRecord {
    pub staff: Staff,
    unit_name: String,
    evaluations: Vec<Evaluation>,
    trainings: Vec<Training>,
    history: Vec<HistoryRow>,
    /// Newest first.
    coaching: Vec<Coaching>,
    today: Date,
    section: Section,
    /// Selected row in each section.
    rows: [usize; 8],
    /// The person heads their unit (pimpinan unit kerja).
    head: bool,
    /// The unit's head when that is someone else (their name), for the question.
    other_head: Option<String>,
    /// A head change made from this record in this session, which `H` offers to undo:
    /// the head before it (their name; `None`: the unit had none).
    undo_head: Option<Option<String>>,
    /// `H` was pressed once: `y` changes the unit's head (or undoes the last change), any
    /// other key cancels.
    confirm_head: bool,
    /// The newest potensial and, when that year has an annual evaluation, its 9-box.
    potential: Option<(crate::domain::PotentialEntry, Option<u8>)>,
    /// The position's required competencies, in catalogue order.
    competencies: Vec<CompetencyRow>,
    /// The person's SKPs, newest first.
    skp: Vec<crate::views::skp::SkpRow>,
    /// `P` was pressed: the documents to choose from (issue 20).
    print: Option<Choice<PrintDoc>>,
    /// The angka kredit of a functional person (issue 21), `None` for anyone else.
    kredit: Option<crate::domain::KreditRecord>,
    /// A PPPK's contracts, oldest first as the store keeps them (issue 21).
    contracts: crate::domain::Contracts,
    /// The career history, newest first (issue 21).
    career: Vec<CareerRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    NewSkp,
    NewEvaluation,
    NewTraining,
    NewCoaching,
    OpenRow,
    /// The objection (keberatan) to the selected evaluation: its steps, or a new one.
    Keberatan,
    NextSection,
    PrevSection,
    Edit,
    ToggleHead,
    Potential,
    Profile,
    Print,
    Back,
}

/// The record's keys: they decide what a key does, and the footer and help show them.
const KEYS: [Binding<Act>; 14] = [
    bind(
        &[Key::Char('e')],
        Act::NewEvaluation,
        T::KeyNewEvaluation,
        true,
    ),
    bind(&[Key::Char('t')], Act::NewTraining, T::KeyNewTraining, true),
    bind(&[Key::Char('c')], Act::NewCoaching, T::KeyNewCoaching, true),
    bind(
        &[Key::Code(KeyCode::Enter)],
        Act::OpenRow,
        T::KeyOpenRow,
        false,
    ),
    bind(&[Key::Char('o')], Act::Keberatan, T::KeyKeberatan, false),
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
    bind(&[Key::Char('u')], Act::Edit, T::KeyEdit, true),
    bind(&[Key::Char('n')], Act::NewSkp, T::KeyNew, true),
    bind(&[Key::Char('T')], Act::Potential, T::KeyPotensial, false),
    bind(&[Key::Char('P')], Act::Print, T::KeyPrint, false),
    bind(&[Key::Char('H')], Act::ToggleHead, T::KeyHead, false),
    bind(&[Key::Char('p')], Act::Profile, T::KeyProfile, true),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
];

impl StaffRecord {
    pub fn new(
        staff: Staff,
        unit_name: String,
        evaluations: Vec<Evaluation>,
        trainings: Vec<Training>,
        history: Vec<HistoryRow>,
        today: Date,
    ) -> StaffRecord {
        let mut evaluations = evaluations;
        // Newest first on screen.
        evaluations.reverse();
        let mut trainings = trainings;
        trainings.reverse();
        let kredit =
            crate::views::angka_kredit::of_person(staff.jabatan.jenis, &evaluations, today);
        StaffRecord {
            kredit,
            staff,
            unit_name,
            evaluations,
            trainings,
            history,
            coaching: Vec::new(),
            today,
            section: Section::Evaluations,
            rows: [0; 8],
            head: false,
            other_head: None,
            undo_head: None,
            confirm_head: false,
            potential: None,
            competencies: Vec::new(),
            skp: Vec::new(),
            print: None,
            contracts: crate::domain::Contracts::default(),
            career: Vec::new(),
        }
    }

    /// The person's potensial: of the newest year that has an annual evaluation too (else
    /// the newest), placed in the 9-box with that year's Hasil Kerja (PermenPANRB 3/2020).
    pub fn with_potentials(mut self, potentials: &crate::domain::Potentials) -> StaffRecord {
        // The newest year that has an annual evaluation too, else the newest potensial.
        let has_annual = |y: i16| {
            self.evaluations
                .iter()
                .any(|x| x.period == crate::domain::Period::annual(y))
        };
        let chosen = potentials
            .items
            .iter()
            .rev()
            .find(|e| has_annual(e.year))
            .or(potentials.items.last());
        self.potential = chosen.map(|e| {
            let annual = self
                .evaluations
                .iter()
                .find(|x| x.period == crate::domain::Period::annual(e.year))
                .map(|x| x.predikat());
            (
                e.clone(),
                crate::domain::placement(annual, Some(e.potensial)).ok(),
            )
        });
        self
    }

    /// The competencies the person's position requires (by name or jenis jabatan /
    /// jenjang), each with the person's state on the record's day, from the trainings the
    /// record holds (DOMAIN.md, AKPK; issue 13).
    pub fn with_competencies(
        mut self,
        catalogue: &[crate::domain::Competency],
        requirements: &[crate::domain::Requirement],
    ) -> StaffRecord {
        self.competencies = crate::domain::competency_states(
            &self.staff.jabatan,
            &self.trainings,
            requirements,
            catalogue,
            self.today,
        )
        .into_iter()
        .map(|(c, state)| CompetencyRow {
            name: c.name.clone(),
            kind: c.kind,
            validity_months: c.validity_months,
            state,
        })
        .collect();
        self
    }

    /// Marks the person as the head of their unit (shown beside the unit); `other`: the
    /// name of the unit's head when that is someone else.
    pub fn with_head(mut self, head: bool, other: Option<String>) -> StaffRecord {
        self.head = head;
        self.other_head = other;
        self
    }

    /// Offers to undo the head change just made here: `before` is the head it replaced
    /// (their name; `None`: the unit had none).
    pub fn with_head_undo(mut self, before: Option<String>) -> StaffRecord {
        self.undo_head = Some(before);
        self
    }

    /// The question `H` asks, naming what changes.
    fn head_question(&self, ui: &Ui) -> String {
        // Names without titles, so the question fits 80 columns whole.
        let unit = &self.unit_name;
        let name = self.staff.nama.clone();
        let none = ui.t(T::NoHead);
        let arrow = ui.theme.sym("→", "->");
        let (from, to) = match (&self.undo_head, self.head) {
            (Some(before), true) => (name, before.clone().unwrap_or(none.into())),
            (Some(before), false) => (
                self.other_head.clone().unwrap_or(none.into()),
                before.clone().unwrap_or(none.into()),
            ),
            (None, true) => (name, none.to_string()),
            (None, false) => (self.other_head.clone().unwrap_or(none.into()), name),
        };
        let verb = ui.t(if self.undo_head.is_some() {
            T::HeadAskUndo
        } else {
            T::HeadAskChange
        });
        format!("{verb} {unit}: {from} {arrow} {to}? y/n")
    }

    /// The person's coaching records (pembinaan kinerja), oldest first as the store keeps
    /// them; shown newest first.
    pub fn with_coaching(mut self, mut coaching: Vec<Coaching>) -> StaffRecord {
        coaching.reverse();
        self.coaching = coaching;
        self
    }

    /// The evaluation that puts the person on the coaching list: the latest by period,
    /// when its predikat is Butuh Perbaikan or worse.
    fn flagged_by(&self) -> Option<(Period, Predikat)> {
        self.evaluations
            .iter()
            .max_by_key(|e| e.period.sort_key())
            .map(|e| (e.period, e.predikat()))
            .filter(|(_, p)| p.needs_coaching())
    }

    /// What `P` offers: the SKP of the selected SKP's year (else this year), the
    /// Evaluasi and the Dokumen Evaluasi of the selected evaluation's period, the profile.
    fn print_choice(&self, ui: &Ui) -> Choice<PrintDoc> {
        let year = self
            .skp
            .get(self.rows[5])
            .map(|r| r.mulai.year())
            .unwrap_or(self.today.year());
        let mut items = vec![(
            ui.t(T::PrintSkp).replace("{year}", &year.to_string()),
            PrintDoc::Skp(Period::annual(year)),
        )];
        if let Some(e) = self.evaluations.get(self.rows[0]) {
            let period = crate::ui::labels::period_text(e.period, ui.lang);
            items.push((
                ui.t(T::PrintEvaluasi).replace("{period}", &period),
                PrintDoc::Evaluasi(e.period),
            ));
            items.push((
                ui.t(T::PrintDokumen).replace("{period}", &period),
                PrintDoc::Dokumen(e.period),
            ));
        }
        items.push((ui.t(T::PrintProfil).to_string(), PrintDoc::Profil));
        Choice::new(
            format!("{}: {}", ui.t(T::PrintTitle), self.staff.nama),
            items,
        )
    }

    pub fn section(&self) -> Section {
        self.section
    }

    /// Shows `section` (a record refreshed after a save stays where the officer was).
    pub fn with_section(mut self, section: Section) -> StaffRecord {
        self.section = section;
        self
    }

    /// This record read again after another session's save, shown as `old` was: its
    /// section, each section's selected row (kept within the rows there are now) and a
    /// head change this session may still undo (issue 22).
    pub fn following(mut self, old: &StaffRecord) -> StaffRecord {
        self.section = old.section;
        self.undo_head = old.undo_head.clone();
        for (i, section) in SECTIONS.into_iter().enumerate() {
            let Some(row) = old.rows.get(i) else { continue };
            let was = std::mem::replace(&mut self.section, section);
            let len = self.section_len();
            self.section = was;
            if let Some(slot) = self.rows.get_mut(i) {
                *slot = (*row).min(len.saturating_sub(1));
            }
        }
        self
    }

    fn section_len(&self) -> usize {
        match self.section {
            Section::Evaluations => self.evaluations.len(),
            Section::Trainings => self.trainings.len(),
            Section::History => self.history.len(),
            Section::Coaching => self.coaching.len(),
            Section::Competencies => self.competencies.len(),
            Section::Skp => self.skp.len(),
            Section::Contracts => self.contracts.items.len(),
            Section::Career => self.career.len(),
        }
    }

    /// The sections this record shows: Kontrak only for a PPPK.
    fn sections(&self) -> Vec<Section> {
        let pppk = self.staff.nip.kind().is_pppk();
        SECTIONS
            .into_iter()
            .filter(|s| *s != Section::Contracts || pppk)
            .collect()
    }

    fn draw_identity(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let s = &self.staff;
        let nip = &s.nip;
        let birth = nip.birth_date();
        let label = |t: T| Span::styled(format!("{:<11}", ui.t(t)), ui.theme.muted());
        let mut left = vec![
            Line::from(vec![label(T::FieldNip), Span::raw(nip.to_string())]),
            Line::from(vec![
                label(T::Born),
                Span::raw(format!(
                    "{} ({} {})",
                    format_date(birth),
                    nip.age_on(self.today),
                    ui.t(T::Age)
                )),
            ]),
        ];
        if let Some(sex) = nip.sex() {
            let t = if sex == Sex::Male { T::Male } else { T::Female };
            left.push(Line::from(vec![label(T::Sex), Span::raw(ui.t(t))]));
        }
        if let Some((y, m)) = nip.tmt_cpns() {
            let months = (i32::from(self.today.year()) - i32::from(y)) * 12
                + i32::from(self.today.month())
                - i32::from(m);
            left.push(Line::from(vec![
                label(T::TmtCpns),
                Span::raw(format!(
                    "{y:04}-{m:02} ({} {})",
                    months.max(0) / 12,
                    ui.t(T::Age)
                )),
            ]));
        }
        left.push(Line::from(vec![
            label(T::Status),
            Span::raw(nip.kind().code()),
        ]));
        // DOMAIN.md, BUP: the pension date from the birth date and the position.
        let pension = crate::domain::Pension::of(birth, &s.jabatan);
        left.push(Line::from(vec![
            label(T::Pension),
            Span::styled(
                format!(
                    "{} ({} {})",
                    format_date(pension.date),
                    ui.t(T::BupYears),
                    pension.age
                ),
                match crate::domain::retiring(pension.date, self.today) {
                    Some(_) if s.aktif => ui.theme.error(),
                    _ => Style::new(),
                },
            ),
        ]));
        let mut right = vec![Line::from(vec![
            label(T::Rank),
            Span::raw(s.golongan.to_string()),
        ])];
        if let (EmploymentKind::Pns, Some(p)) = (s.nip.kind(), s.golongan.pangkat()) {
            right.push(Line::from(vec![label(T::Pangkat), Span::raw(p)]));
        }
        right.extend([
            Line::from(vec![label(T::Education), Span::raw(s.pendidikan.label())]),
            Line::from(vec![
                label(T::Position),
                Span::raw(fit(ui, &s.jabatan.title(), 26)),
            ]),
            Line::from(if self.head {
                {
                    let mark = format!(" ({})", ui.t(T::HeadOfUnit));
                    let room = 27usize.saturating_sub(mark.chars().count());
                    vec![
                        label(T::Unit),
                        Span::raw(fit(ui, &self.unit_name, room)),
                        Span::styled(mark, ui.theme.key()),
                    ]
                }
            } else {
                vec![label(T::Unit), Span::raw(fit(ui, &self.unit_name, 26))]
            }),
            Line::from(vec![
                label(T::Active),
                Span::raw(ui.t(if s.aktif { T::Yes } else { T::No })),
            ]),
        ]);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(
                format!(" {} ", fit(ui, &s.display_name(), 60)),
                ui.theme.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [l, r] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .areas(inner);
        frame.render_widget(Paragraph::new(left), l);
        frame.render_widget(Paragraph::new(right), r);
    }

    fn table_window(&self, i: usize, height: usize) -> (usize, usize) {
        let selected = self.rows[i];
        let start = selected.saturating_sub(height.saturating_sub(1));
        (start, selected)
    }

    fn draw_evaluations(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.evaluations.is_empty() {
            draw_empty(frame, area, ui, T::NoEvaluations);
            return;
        }
        // The trend: the predikat of the last periods, oldest first, in their colours;
        // then the newest potensial and its box.
        let objection = self.objection_line(ui, area.width as usize);
        let kredit = self.kredit_line(ui, area.width as usize);
        let [
            trend_area,
            potential_area,
            kredit_area,
            objection_area,
            area,
        ] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(u16::from(kredit.is_some())),
            Constraint::Length(u16::from(objection.is_some())),
            Constraint::Fill(1),
        ])
        .areas(area);
        if let Some(line) = objection {
            frame.render_widget(Paragraph::new(line), objection_area);
        }
        if let Some(line) = kredit {
            frame.render_widget(Paragraph::new(line), kredit_area);
        }
        let potential = match &self.potential {
            Some((e, place)) => {
                let mut text = format!(
                    "{} {}: {} ({}, {})",
                    ui.t(T::Potensial),
                    e.year,
                    crate::ui::labels::potensial_text(e.potensial, ui.lang),
                    crate::ui::labels::potensial_source_text(e.source, ui.lang),
                    crate::domain::format_date(e.date)
                );
                if let Some(n) = place {
                    text.push_str(&format!(
                        "{}{} {n}: {}",
                        ui.theme.sym(" · ", " - "),
                        ui.t(T::Box),
                        crate::domain::talent::follow_up(*n, ui.lang == crate::ui::lang::Lang::En)
                    ));
                }
                Line::raw(fit(ui, &text, potential_area.width as usize))
            }
            None => Line::styled(
                format!("{}: {} (T)", ui.t(T::Potensial), ui.t(T::NoPotensial)),
                ui.theme.muted(),
            ),
        };
        frame.render_widget(Paragraph::new(potential), potential_area);
        let mut trend = vec![Span::styled(
            format!("{}: ", ui.t(T::Trend)),
            ui.theme.muted(),
        )];
        for e in self.evaluations.iter().take(10).rev() {
            let p = e.predikat();
            trend.push(Span::styled(
                format!("{} ", crate::ui::labels::predikat_short(p)),
                ui.theme.predikat(p),
            ));
        }
        // The newest annual evaluation against its year's periodic ones: flagged when it
        // is better than all of them or worse than all (DOMAIN.md, a warning only).
        let newest_annual = self
            .evaluations
            .iter()
            .find(|e| e.period.kind == crate::domain::PeriodKind::Tahunan)
            .map(|e| e.period.year);
        if let Some((_, periodic, check)) =
            newest_annual.and_then(|y| crate::domain::annual_check(&self.evaluations, y))
        {
            let text = match check {
                crate::domain::AnnualAgainstPeriodic::BetterThanAll => {
                    Some(ui.t(T::AnnualBetterThanPeriodic))
                }
                crate::domain::AnnualAgainstPeriodic::WorseThanAll => {
                    Some(ui.t(T::AnnualWorseThanPeriodic))
                }
                _ => None,
            };
            if let (Some(text), Some(year)) = (text, newest_annual) {
                let shorts: Vec<&str> = periodic
                    .iter()
                    .map(|p| crate::ui::labels::predikat_short(*p))
                    .collect();
                trend.push(Span::styled(
                    format!(
                        " {} {year} {text} ({})",
                        ui.theme.sym("⚠", "!"),
                        shorts.join(" ")
                    ),
                    ui.theme.error(),
                ));
            }
        }
        frame.render_widget(Paragraph::new(Line::from(trend)), trend_area);
        let height = area.height.saturating_sub(1) as usize;
        let (start, selected) = self.table_window(0, height);
        let rows: Vec<Row> = self
            .evaluations
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, e)| {
                let p = e.predikat();
                let row = Row::new(vec![
                    Cell::from(period_text(e.period, ui.lang)),
                    Cell::from(rating_text(e.hasil_kerja, ui.lang)),
                    Cell::from(rating_text(e.perilaku, ui.lang)),
                    // A period not ended yet: the predikat is provisional (DOMAIN.md).
                    Cell::from(Line::from({
                        let mut cell = vec![Span::styled(p.label(), ui.theme.predikat(p))];
                        // A period not ended yet: the predikat is provisional (DOMAIN.md).
                        if e.period.is_provisional(self.today) {
                            cell.push(Span::styled(
                                format!(" ({})", ui.t(T::Provisional)),
                                ui.theme.muted(),
                            ));
                        }
                        // An objection: marked, the line above says where it stands.
                        if let Some(k) = &e.keberatan {
                            cell.push(Span::styled(
                                format!(" {}", ui.theme.sym("⚑", "!")),
                                if k.is_open() {
                                    ui.theme.error()
                                } else {
                                    ui.theme.muted()
                                },
                            ));
                        }
                        cell
                    })),
                ]);
                selected_row(row, i == selected, ui)
            })
            .collect();
        draw_table(
            frame,
            area,
            ui,
            &[T::Period, T::HasilKerja, T::Perilaku, T::Predikat].map(|t| ui.t(t)),
            rows,
            &[
                Constraint::Length(19),
                Constraint::Length(20),
                Constraint::Length(20),
                Constraint::Fill(1),
            ],
        );
    }

    /// The angka kredit line of a functional person (issue 21): the selected evaluation's
    /// credit (marked when it does not count), its year's total, and the total at the
    /// jenjang toward the next: `AK TW3 2026 0,781 · 2026 2,344 · Ahli Pertama 21,094/100
    /// → Ahli Muda`. `None` for anyone else.
    fn kredit_line(&self, ui: &Ui, width: usize) -> Option<Line<'static>> {
        use crate::domain::KreditStatus;
        use crate::ui::labels::kredit_text;
        let r = self.kredit.as_ref()?;
        let dot = ui.theme.sym(" · ", " - ");
        let mut parts = Vec::new();
        let selected = self
            .evaluations
            .get(self.rows[0])
            .and_then(|e| r.entries.iter().find(|x| x.period == e.period));
        if let Some(e) = selected {
            let mut part = format!(
                "{} {}",
                crate::screens::profile_text::period_short(e.period, ui.lang),
                kredit_text(e.kredit, ui.lang)
            );
            let mark = match e.status {
                KreditStatus::Dihitung => None,
                KreditStatus::DigantiTahunan => Some(T::AkSuperseded),
                KreditStatus::Tumpang => Some(T::AkOverlap),
                KreditStatus::Sementara => Some(T::Provisional),
            };
            if let Some(m) = mark {
                part.push_str(&format!(" ({})", ui.t(m)));
            }
            parts.push(part);
            parts.push(format!(
                "{} {}",
                e.period.year,
                kredit_text(r.of_year(e.period.year), ui.lang)
            ));
        }
        let total = kredit_text(r.in_jenjang, ui.lang);
        parts.push(match r.next {
            Some((next, need)) => format!(
                "{} {total}/{} {} {}",
                r.jenjang.label(),
                kredit_text(need, ui.lang),
                ui.theme.sym("→", "->"),
                next.label()
            ),
            None => format!("{} {total} ({})", r.jenjang.label(), ui.t(T::AkTop)),
        });
        let text = format!("{} {}", ui.t(T::AkShort), parts.join(dot));
        Some(Line::raw(fit(ui, &text, width)))
    }

    /// The line above the evaluations about an objection (keberatan, issue 19): the
    /// selected evaluation's, else the first open one; `None` when there is none.
    fn objection_line(&self, ui: &Ui, width: usize) -> Option<Line<'static>> {
        let selected = self.evaluations.get(self.rows[0]);
        let (e, k) = selected
            .and_then(|e| Some((e, e.keberatan.as_ref()?)))
            .or_else(|| {
                self.evaluations
                    .iter()
                    .find_map(|e| Some((e, e.keberatan.as_ref().filter(|k| k.is_open())?)))
            })?;
        let mut text = format!(
            "{} {}: {} {}",
            ui.t(T::KbShort),
            period_text(e.period, ui.lang),
            crate::ui::labels::keberatan_status_text(k.status(), ui),
            format_date(
                k.keputusan
                    .as_ref()
                    .map(|d| d.tanggal)
                    .or(k.penjelasan_tanggal.filter(|_| k.keputusan.is_none()))
                    .unwrap_or(k.diajukan)
            ),
        );
        if let Some(d) = &k.keputusan {
            let (from, to) = (k.asal_predikat(), e.predikat());
            if from != to {
                text.push_str(&format!(
                    " ({} {} {})",
                    from.label(),
                    ui.theme.sym("→", "->"),
                    to.label()
                ));
            } else if matches!(d.hasil, crate::domain::HasilKeputusan::Tetap) {
                text.push_str(&format!(" ({})", ui.t(T::KbKeptShort)));
            }
        }
        let style = if k.is_open() {
            ui.theme.error()
        } else {
            ui.theme.muted()
        };
        let hint = format!("  o {}", ui.t(T::KeyKeberatan));
        let mut spans = vec![
            Span::styled(format!("{} ", ui.theme.sym("⚑", "!")), style),
            Span::styled(fit(ui, &text, width.saturating_sub(2)), style),
        ];
        // The key where it fits (help lists it too).
        if 2 + text.chars().count() + hint.chars().count() <= width {
            spans.push(Span::styled(hint, ui.theme.muted()));
        }
        Some(Line::from(spans))
    }

    fn draw_trainings(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let year = self.today.year();
        let jp = crate::domain::training::jp_in_year(&self.trainings, year);
        let [gauge_area, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let pppk = self.staff.nip.kind().is_pppk();
        let target = ui.jp.of(pppk);
        // A PPPK's ceiling counts per contract year (PP 49/2018 Pasal 40): the one in force
        // today, else the calendar year.
        let span = self.contracts.ceiling_span(self.today);
        let ceiling_jp = if span.contract {
            crate::domain::training::jp_between(&self.trainings, span.start, span.end)
        } else {
            jp
        };
        let above = crate::domain::JpTargets::above_ceiling(pppk, ceiling_jp);
        let (jp, ratio) = if target == 0 && span.contract && pppk {
            let ratio = f64::from(ceiling_jp) / f64::from(crate::domain::PPPK_JP_CEILING);
            (ceiling_jp, ratio.min(1.0))
        } else if target == 0 {
            let ratio = f64::from(jp) / f64::from(crate::domain::PPPK_JP_CEILING);
            (jp, ratio.min(1.0))
        } else {
            (jp, (f64::from(jp) / f64::from(target)).min(1.0))
        };
        let label = if target == 0 && span.contract && pppk {
            // "JP tahun kontrak 2025-07-01 - 2026-06-30: 26 JP (paling lama 24)"
            format!(
                "{} {} - {}: {jp} JP ({})",
                ui.t(T::JpContractYear),
                format_date(span.start),
                format_date(span.end),
                ui.t(T::JpAtMost)
            )
        } else if target == 0 {
            format!(
                "{} {year}: {jp} JP ({})",
                ui.t(T::JpThisYear),
                ui.t(T::JpNoFloor)
            )
        } else {
            format!("{} {year}: {jp} / {target} JP", ui.t(T::JpThisYear))
        };
        let label = match above {
            true if span.contract && target == 0 => {
                format!("{} {label}", ui.theme.sym("⚠", "!"))
            }
            true => format!("{label}  {}", ui.t(T::JpAboveCeiling)),
            false => label,
        };
        let gauge_style = if above {
            ui.theme.error()
        } else if jp >= target {
            ui.theme.ok()
        } else {
            ui.theme.key()
        };
        if ui.theme.ascii || !ui.theme.color {
            // Gauge fills with block characters; draw the bar with '#' instead.
            let width = (gauge_area.width as usize)
                .saturating_sub(label.len() + 3)
                .min(40);
            let filled = (ratio * width as f64).round() as usize;
            let bar = format!(
                "[{}{}] {label}",
                "#".repeat(filled),
                "-".repeat(width - filled)
            );
            frame.render_widget(Paragraph::new(Line::styled(bar, gauge_style)), gauge_area);
        } else {
            let gauge = Gauge::default()
                .ratio(ratio)
                .label(label)
                .gauge_style(gauge_style);
            frame.render_widget(gauge, gauge_area);
        }
        if self.trainings.is_empty() {
            draw_empty(frame, table_area, ui, T::NoTrainings);
            return;
        }
        let height = table_area.height.saturating_sub(1) as usize;
        let (start, selected) = self.table_window(1, height);
        let rows: Vec<Row> = self
            .trainings
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, t)| {
                let row = Row::new(vec![
                    Cell::from(format!(
                        "{} {}",
                        format_date(t.mulai),
                        format_date(t.selesai)
                    )),
                    Cell::from(ui.theme.text(&t.judul)),
                    Cell::from(format!("{:>4}", t.jp)),
                    Cell::from(crate::ui::labels::training_status_text(t.status, ui.lang)),
                ]);
                selected_row(row, i == selected, ui)
            })
            .collect();
        draw_table(
            frame,
            table_area,
            ui,
            &[T::Dates, T::Title, T::ColJp, T::Status].map(|t| ui.t(t)),
            rows,
            &[
                Constraint::Length(21),
                Constraint::Fill(1),
                Constraint::Length(4),
                Constraint::Length(11),
            ],
        );
    }

    fn draw_history(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.history.is_empty() {
            draw_empty(frame, area, ui, T::NoHistory);
            return;
        }
        let height = area.height.saturating_sub(1) as usize;
        let (start, selected) = self.table_window(2, height);
        // What is left of the width after the three fixed columns and their gaps: a longer
        // summary is cut with the ellipsis, never silently.
        let what_w = (area.width as usize).saturating_sub(16 + 10 + 7 + 3);
        let rows: Vec<Row> = self
            .history
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, h)| {
                let row = Row::new(vec![
                    Cell::from(h.when.clone()),
                    Cell::from(fit(ui, &h.entry.actor, 10)),
                    Cell::from(ui.t(action_text(h.entry.action))),
                    Cell::from(fit(ui, &h.entry.summary, what_w)),
                ]);
                if i == selected {
                    row.style(ui.theme.selected())
                } else {
                    row.style(Style::new())
                }
            })
            .collect();
        draw_table(
            frame,
            area,
            ui,
            &[ui.t(T::When), ui.t(T::Who), "", ui.t(T::What)],
            rows,
            &[
                Constraint::Length(16),
                Constraint::Length(10),
                Constraint::Length(7),
                Constraint::Fill(1),
            ],
        );
    }
}

/// An audit action as the Riwayat tab names it.
/// A section with nothing to list: one muted line saying so.
fn draw_empty(frame: &mut Frame, area: Rect, ui: &Ui, text: T) {
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {}", ui.t(text)), ui.theme.muted())),
        area,
    );
}

/// A section's row, in reverse video when it is the selected one.
fn selected_row<'a>(row: Row<'a>, selected: bool, ui: &Ui) -> Row<'a> {
    crate::ui::table::marked(row, selected, ui)
}

/// A section's table: its column titles over its rows, in `widths`.
fn draw_table(
    frame: &mut Frame,
    area: Rect,
    ui: &Ui,
    header: &[&str],
    rows: Vec<Row>,
    widths: &[Constraint],
) {
    let header = Row::new(header.iter().map(|h| Cell::from(*h))).style(ui.theme.header());
    frame.render_widget(Table::new(rows, widths.to_vec()).header(header), area);
}

pub(crate) fn action_text(a: crate::views::AuditAction) -> T {
    use crate::views::AuditAction;
    match a {
        AuditAction::Create => T::ActCreate,
        AuditAction::Update => T::ActUpdate,
        AuditAction::Delete => T::ActDelete,
        AuditAction::Import => T::ActImport,
        AuditAction::Demo => T::ActDemo,
        AuditAction::Restore => T::ActRestore,
        AuditAction::Compact => T::ActCompact,
        AuditAction::Login => T::ActLogin,
        AuditAction::Logout => T::ActLogout,
    }
}

impl Screen for StaffRecord {
    fn keys(&self) -> Vec<KeyHelp> {
        if self.print.is_some() {
            return crate::ui::choice::KEYS.to_vec();
        }
        let mut k = keys::help(&KEYS);
        // The footer is 80 columns: `b` is in it on the Pembinaan section, in help always.
        for x in &mut k {
            if x.action == T::KeyNewCoaching {
                x.footer = self.section == Section::Coaching;
            }
            // In the footer where the selected evaluation has an objection (issue 19).
            if x.action == T::KeyKeberatan {
                x.footer = self.section == Section::Evaluations
                    && self
                        .evaluations
                        .get(self.rows[0])
                        .is_some_and(|e| e.keberatan.is_some());
            }
        }
        if self.section != Section::Evaluations || self.evaluations.is_empty() {
            k.retain(|x| x.action != T::KeyKeberatan);
        }
        // `n` makes a new SKP, a new contract on Kontrak, a new career entry on Karier.
        if !matches!(
            self.section,
            Section::Skp | Section::Contracts | Section::Career
        ) {
            k.retain(|x| x.action != T::KeyNew);
        }
        if !matches!(
            self.section,
            Section::Evaluations
                | Section::Trainings
                | Section::Coaching
                | Section::Skp
                | Section::Contracts
                | Section::Career
        ) {
            // The rows of Riwayat and Kompetensi open nothing.
            k.retain(|x| x.action != T::KeyOpenRow);
        }
        k.extend(keys::nav_help());
        k.push(key(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            T::KeyHelp,
            true,
        ));
        k
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        if let Some(choice) = &mut self.print {
            return match choice.handle(key) {
                Chosen::Pick(doc) => {
                    self.print = None;
                    Outcome::PrintPerson(self.staff.nip.as_str().to_string(), doc)
                }
                Chosen::Cancel => {
                    self.print = None;
                    Outcome::Changed
                }
                Chosen::Changed => Outcome::Changed,
            };
        }
        // Changing a unit's head replaces (or removes) the one it has: asked first.
        if self.confirm_head {
            self.confirm_head = false;
            let nip = self.staff.nip.as_str().to_string();
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') if self.undo_head.is_some() => {
                    Outcome::UndoUnitHead(nip)
                }
                KeyCode::Char('y') | KeyCode::Char('Y') => Outcome::ToggleUnitHead(nip),
                _ => Outcome::Changed,
            };
        }
        let sections = self.sections();
        let i = sections
            .iter()
            .position(|s| *s == self.section)
            .unwrap_or(0);
        // The section's own slot in `rows` (its place among all sections).
        let slot = SECTIONS
            .iter()
            .position(|s| *s == self.section)
            .unwrap_or(0);
        let len = self.section_len();
        if let Some(nav) = keys::action(&NAV, &key) {
            self.rows[slot] = keys::step(nav, self.rows[slot], len, 10);
            return Outcome::Changed;
        }
        let nip = self.staff.nip.as_str().to_string();
        let act = keys::action(&KEYS, &key);
        if self.section == Section::Skp
            && let Some(act) = act
            && matches!(act, Act::NewSkp | Act::OpenRow | Act::Edit)
        {
            return self.skp_key(act).unwrap_or(Outcome::Ignored);
        }
        if self.section == Section::Contracts
            && let Some(act) = act
            && matches!(act, Act::NewSkp | Act::OpenRow)
        {
            return self.contract_key(act).unwrap_or(Outcome::Ignored);
        }
        if self.section == Section::Career
            && let Some(act) = act
            && matches!(act, Act::NewSkp | Act::OpenRow | Act::Edit)
        {
            return self.career_key(act).unwrap_or(Outcome::Ignored);
        }
        match act {
            Some(Act::NewSkp) => return Outcome::Ignored,
            Some(Act::NextSection) => self.section = sections[(i + 1) % sections.len()],
            Some(Act::PrevSection) => {
                self.section = sections[(i + sections.len() - 1) % sections.len()]
            }
            Some(Act::Edit) => return Outcome::EditStaff(nip),
            Some(Act::ToggleHead) => self.confirm_head = true,
            Some(Act::Potential) => return Outcome::OpenPotential(nip),
            Some(Act::Print) => self.print = Some(self.print_choice(ui)),
            Some(Act::Profile) => return Outcome::OpenProfile(nip),
            Some(Act::NewEvaluation) => return Outcome::OpenEvaluation(nip, None),
            Some(Act::NewTraining) => return Outcome::OpenTraining(vec![nip], None),
            Some(Act::NewCoaching) => return Outcome::OpenCoaching(nip, None),
            Some(Act::Keberatan) => {
                return match (self.section, self.evaluations.get(self.rows[0])) {
                    (Section::Evaluations, Some(e)) => Outcome::OpenKeberatan(nip, e.id),
                    _ => Outcome::Ignored,
                };
            }
            Some(Act::OpenRow) => {
                return match self.section {
                    Section::Trainings => match self.trainings.get(self.rows[1]) {
                        Some(t) => Outcome::OpenTraining(vec![nip], Some(t.id)),
                        None => Outcome::Ignored,
                    },
                    Section::Evaluations => match self.evaluations.get(self.rows[0]) {
                        Some(e) => Outcome::OpenEvaluation(nip, Some(e.id)),
                        None => Outcome::Ignored,
                    },
                    Section::Coaching => match self.coaching.get(self.rows[3]) {
                        Some(c) => Outcome::OpenCoaching(nip, Some(c.id)),
                        None => Outcome::Ignored,
                    },
                    _ => Outcome::Ignored,
                };
            }
            Some(Act::Back) => return Outcome::Back,
            None => return Outcome::Ignored,
        }
        Outcome::Changed
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        // Warnings are few (at most one per kind) and each gets its own line.
        let warnings = crate::domain::staff_warnings(&self.staff, self.today);
        let [identity, warn_area, tabs, body] = Layout::vertical([
            Constraint::Length(8),
            Constraint::Length(warnings.len() as u16),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        self.draw_identity(frame, identity, ui);
        let warn_lines: Vec<Line> = warnings
            .iter()
            .map(|w| {
                Line::styled(
                    format!(
                        " {} {}",
                        ui.theme.sym("⚠", "!"),
                        crate::ui::warnings::staff_warning_text(w, ui.lang)
                    ),
                    ui.theme.error(),
                )
            })
            .collect();
        frame.render_widget(Paragraph::new(warn_lines), warn_area);
        let sections = self.sections();
        let titles: Vec<&str> = sections
            .iter()
            .map(|s| {
                ui.t(match s {
                    Section::Evaluations => T::Evaluations,
                    Section::Trainings => T::Trainings,
                    Section::History => T::History,
                    Section::Coaching => T::Coaching,
                    Section::Competencies => T::Competencies,
                    Section::Skp => T::Skp,
                    Section::Contracts => T::Contracts,
                    Section::Career => T::CareerTab,
                })
            })
            .collect();
        let selected = sections
            .iter()
            .position(|s| *s == self.section)
            .unwrap_or(0);
        if self.confirm_head {
            let ask = self.head_question(ui);
            frame.render_widget(
                Paragraph::new(Line::styled(
                    fit(ui, &ask, tabs.width as usize),
                    ui.theme.key(),
                )),
                tabs,
            );
        } else {
            // Eight sections (with Kontrak) are wider than 80 columns: show the ones around
            // the selected section, with an arrow on the side that has more.
            let (start, end) = tab_window(&titles, selected, tabs.width as usize);
            let mut shown: Vec<String> = titles[start..end].iter().map(|t| t.to_string()).collect();
            let mut at = selected - start;
            if start > 0 {
                shown.insert(0, ui.theme.sym("‹", "<").to_string());
                at += 1;
            }
            if end < titles.len() {
                shown.push(ui.theme.sym("›", ">").to_string());
            }
            frame.render_widget(
                Tabs::new(shown)
                    .select(at)
                    .highlight_style(ui.theme.selected())
                    .divider(ui.theme.sym("│", "|")),
                tabs,
            );
        }
        match self.section {
            Section::Evaluations => self.draw_evaluations(frame, body, ui),
            Section::Trainings => self.draw_trainings(frame, body, ui),
            Section::History => self.draw_history(frame, body, ui),
            Section::Coaching => self.draw_coaching(frame, body, ui),
            Section::Competencies => self.draw_competencies(frame, body, ui),
            Section::Skp => self.draw_skp(frame, body, ui),
            Section::Contracts => self.draw_contracts(frame, body, ui),
            Section::Career => self.draw_career(frame, body, ui),
        }
        if let Some(choice) = &self.print {
            choice.draw(frame, area, ui);
        }
    }

    fn title(&self) -> T {
        T::StaffRecord
    }

    /// The print choice takes every key while it is open.
    fn binds_digits(&self) -> bool {
        self.print.is_some()
    }
}

/// The titles `[start, end)` that fit `width` columns as ratatui's `Tabs` draws them (a
/// space each side, a one-column divider between), keeping `selected` and as many after
/// it as fit; two columns of each cut side are kept for its arrow.
fn tab_window(titles: &[&str], selected: usize, width: usize) -> (usize, usize) {
    let w = |t: &str| unicode_width::UnicodeWidthStr::width(t) + 3;
    let total = |a: usize, b: usize| -> usize {
        titles[a..b].iter().map(|t| w(t)).sum::<usize>()
            + if a > 0 { 4 } else { 0 }
            + if b < titles.len() { 4 } else { 0 }
    };
    let (mut start, mut end) = (0, titles.len());
    while total(start, end) > width && end - start > 1 {
        if end - 1 > selected {
            end -= 1;
        } else {
            start += 1;
        }
    }
    (start, end)
}
