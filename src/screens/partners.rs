//! Mitra (training partners; `m` on the Pelatihan tab): every known partner with its kind,
//! the agreements in force today, whether one expires within 3 months, and its year
//! (trainings held, participants, JP delivered, trainings outside agreement). `Enter`
//! opens a partner: its contact, the competencies it delivers, its agreements with their
//! state, the year's figures with the competencies closed, and the trainings outside
//! agreement. `e` edits the contact and competencies, `a` adds an agreement, `Enter` on
//! an agreement edits it (the forms are in `partner_form`). The rules are in
//! [`crate::domain::partner`] and [`crate::views::partners`].

use super::partner_form::{PartnerEdit, agreement_state};
use super::{Outcome, Screen};
use crate::domain::{OrganiserKind, format_date};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::labels::organiser_text;
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, fit, fit_words, key};
use crate::views::partners::PartnerRow;
use crossterm::event::{KeyCode, KeyEvent};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// What the Mitra screen shows, read by `app/`.
#[derive(Debug, Clone)]
pub struct MitraData {
    pub year: i16,
    pub today: Date,
    /// By name.
    pub rows: Vec<PartnerRow>,
    /// The catalogue's (id, name), to name the competencies.
    pub competency_names: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Open,
    PrevYear,
    NextYear,
    Contact,
    AddAgreement,
    Back,
    Quit,
}

const KEYS: [Binding<Act>; 7] = [
    bind(&[Key::Code(KeyCode::Enter)], Act::Open, T::KeyOpen, true),
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
    bind(&[Key::Char('u')], Act::Contact, T::KeyPartnerContact, true),
    bind(
        &[Key::Char('a')],
        Act::AddAgreement,
        T::KeyAddAgreement,
        true,
    ),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, false),
];

pub struct PartnersScreen {
    data: MitraData,
    selected: usize,
    /// The partner opened (by id), with the agreement selected.
    detail: Option<(String, usize)>,
    /// Competencies closed by the opened partner in the year, once counted.
    closed: Option<(String, i16, usize)>,
}

impl PartnersScreen {
    pub fn new(data: MitraData) -> PartnersScreen {
        PartnersScreen {
            data,
            selected: 0,
            detail: None,
            closed: None,
        }
    }

    /// New figures (another year, or after a save), keeping the selection and the partner
    /// opened.
    pub fn set_data(&mut self, data: MitraData) {
        let id = self.current().map(|r| r.partner.id.clone());
        self.data = data;
        if let Some(i) = id.and_then(|id| self.data.rows.iter().position(|r| r.partner.id == id)) {
            self.selected = i;
        }
        self.selected = self.selected.min(self.data.rows.len().saturating_sub(1));
        if let Some((id, _)) = &self.detail
            && !self.data.rows.iter().any(|r| &r.partner.id == id)
        {
            self.detail = None;
        }
        // An agreement removed: the cursor stays on the page's last line, not past it.
        if let Some((id, i)) = &mut self.detail
            && let Some(r) = self.data.rows.iter().find(|r| &r.partner.id == id)
        {
            let len = r.partner.agreements.len() + r.flagged().count();
            *i = (*i).min(len.saturating_sub(1));
        }
    }

    pub fn year(&self) -> i16 {
        self.data.year
    }

    /// Opens the partner with `id` (Enter on Pelatihan's partners): false when no partner
    /// on record has it (an organiser never entered on Mitra).
    pub fn open_partner(&mut self, id: &str) -> bool {
        match self.data.rows.iter().position(|r| r.partner.id == id) {
            Some(i) => {
                self.selected = i;
                self.detail = Some((id.to_string(), 0));
                true
            }
            None => false,
        }
    }

    /// The partner opened, if any (by id).
    pub fn opened(&self) -> Option<&str> {
        self.detail.as_ref().map(|(id, _)| id.as_str())
    }

    /// The count of competencies closed by a partner in a year (see [`crate::views::partners`]).
    pub fn set_closed(&mut self, id: &str, year: i16, closed: usize) {
        self.closed = Some((id.to_string(), year, closed));
    }

    fn current(&self) -> Option<&PartnerRow> {
        match &self.detail {
            Some((id, _)) => self.data.rows.iter().find(|r| &r.partner.id == id),
            None => self.data.rows.get(self.selected),
        }
    }

    fn closed_wanted(&self) -> Outcome {
        match &self.detail {
            Some((id, _)) => Outcome::LoadPartnerClosed(id.clone(), self.data.year),
            None => Outcome::Changed,
        }
    }

    /// Whether the opened partner's competencies closed are counted for the shown year.
    pub fn needs_closed(&self) -> Option<(String, i16)> {
        let (id, _) = self.detail.as_ref()?;
        match &self.closed {
            Some((c, y, _)) if c == id && *y == self.data.year => None,
            _ => Some((id.clone(), self.data.year)),
        }
    }

    fn agreements_text(row: &PartnerRow, ui: &Ui) -> String {
        if row.partner.agreements.is_empty() {
            if row.partner.kind == OrganiserKind::Pemerintah {
                "-".into()
            } else {
                ui.t(T::NoAgreement).into()
            }
        } else {
            format!("{} {}", row.in_force, ui.t(T::InForceShort))
        }
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.data.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(ui.t(T::NoPartners), ui.theme.muted())),
                area,
            );
            return;
        }
        let height = area.height.saturating_sub(1) as usize;
        let start = self.selected.saturating_sub(height.saturating_sub(1));
        let name_w = (area.width as usize)
            .saturating_sub(10 + 11 + 7 + 5 + 6 + 6 + 5 + 7)
            .max(10);
        let rows: Vec<Row> = self
            .data
            .rows
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, r)| {
                let flagged = r.flagged().count();
                let row = Row::new(vec![
                    Cell::from(fit(ui, &r.partner.name, name_w)),
                    Cell::from(organiser_text(r.partner.kind, ui.lang)),
                    Cell::from(Self::agreements_text(r, ui)),
                    Cell::from(if r.expiring > 0 {
                        Span::styled(ui.t(T::ExpiringShort), ui.theme.key())
                    } else {
                        Span::raw("")
                    }),
                    Cell::from(format!("{:>4}", r.held.len())),
                    Cell::from(format!("{:>5}", r.participants)),
                    Cell::from(format!("{:>5}", r.jp)),
                    Cell::from(if flagged > 0 {
                        Span::styled(format!("{flagged:>4}"), ui.theme.error())
                    } else {
                        Span::raw(format!("{:>4}", "-"))
                    }),
                ]);
                crate::ui::table::marked(row, i == self.selected, ui)
            })
            .collect();
        let header = Row::new([
            Cell::from(ui.t(T::Organiser)),
            Cell::from(ui.t(T::KindShort)),
            Cell::from(ui.t(T::AgreementsShort)),
            Cell::from(""),
            Cell::from(format!("{:>4}", ui.t(T::TrainingsShort))),
            Cell::from(format!("{:>5}", ui.t(T::PeopleShort))),
            Cell::from(format!("{:>5}", "JP")),
            Cell::from(format!("{:>4}", ui.t(T::OutsideShort))),
        ])
        .style(ui.theme.header());
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Length(11),
            Constraint::Length(7),
            Constraint::Length(5),
            Constraint::Length(6),
            Constraint::Length(6),
            Constraint::Length(5),
        ];
        frame.render_widget(Table::new(rows, widths).header(header), area);
    }

    fn competency_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.data
            .competency_names
            .iter()
            .find(|(i, _)| i == id)
            .map_or(id, |(_, n)| n.as_str())
    }

    fn draw_detail(&self, frame: &mut Frame, area: Rect, ui: &Ui, row: &PartnerRow) {
        let p = &row.partner;
        let w = area.width as usize;
        let selected = self.detail.as_ref().map_or(0, |(_, i)| *i);
        let mut lines: Vec<Line> = vec![Line::styled(
            fit(
                ui,
                &format!("{} ({})", p.name, organiser_text(p.kind, ui.lang)),
                w,
            ),
            ui.theme.title(),
        )];
        let contact: Vec<&str> = [&p.contact.nama, &p.contact.telepon, &p.contact.email]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(String::as_str)
            .collect();
        let contact = if contact.is_empty() {
            "-".to_string()
        } else {
            contact.join(ui.theme.sym(" · ", "; "))
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", ui.t(T::Contact)), ui.theme.muted()),
            Span::raw(fit(ui, &contact, w.saturating_sub(10))),
        ]));
        let names: Vec<&str> = p
            .competencies
            .iter()
            .map(|c| self.competency_name(c))
            .collect();
        let names = if names.is_empty() {
            "-".to_string()
        } else {
            names.join("; ")
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}: ", ui.t(T::PartnerCompetencies)),
                ui.theme.muted(),
            ),
            Span::raw(fit_words(ui, &names, w.saturating_sub(14))),
        ]));
        lines.push(Line::styled(ui.t(T::Agreements), ui.theme.header()));
        if p.agreements.is_empty() {
            let text = if p.needs_agreement() {
                ui.t(T::NoAgreementLong)
            } else {
                ui.t(T::GovernmentNoAgreement)
            };
            lines.push(Line::styled(format!("  {text}"), ui.theme.muted()));
        }
        // At most 5 agreements at a time, scrolled to the selected one (the last ones while
        // a training outside agreement is selected).
        let first = selected
            .min(p.agreements.len().saturating_sub(1))
            .saturating_sub(4);
        for (i, a) in p.agreements.iter().enumerate().skip(first).take(5) {
            let state = agreement_state(a, self.data.today, ui);
            let style = if a.expires_soon(self.data.today) {
                ui.theme.key()
            } else if a.selesai < self.data.today {
                ui.theme.muted()
            } else {
                ratatui::style::Style::new()
            };
            let text = format!(
                "{} {:<4}{:<24} {}..{} {:<15} {}",
                if i == selected { ">" } else { " " },
                a.kind.label(),
                fit(ui, &a.nomor, 23),
                format_date(a.mulai),
                format_date(a.selesai),
                state,
                a.ruang_lingkup
            );
            let line = Line::styled(fit(ui, &text, w), style);
            lines.push(if i == selected {
                line.style(ui.theme.selected())
            } else {
                line
            });
        }
        let closed = match &self.closed {
            Some((id, y, n)) if id == &p.id && *y == self.data.year => n.to_string(),
            _ => ui.theme.sym("…", "~").to_string(),
        };
        let flagged: Vec<_> = row.flagged().collect();
        lines.push(Line::styled(
            fit(
                ui,
                &format!(
                    "{} {}: {} {}{sep}{} {}{sep}{} JP{sep}{} {}",
                    ui.t(T::YearWord),
                    self.data.year,
                    row.held.len(),
                    ui.t(T::TrainingsWord),
                    row.participants,
                    ui.t(T::ParticipantsWord),
                    row.jp,
                    closed,
                    ui.t(T::CompetenciesClosed),
                    sep = ui.theme.sym(" · ", "; "),
                ),
                w,
            ),
            ui.theme.header(),
        ));
        if flagged.is_empty() {
            if !p.agreements.is_empty() && p.needs_agreement() {
                lines.push(Line::styled(
                    format!("  {}", ui.t(T::NoneOutsideAgreement)),
                    ui.theme.ok(),
                ));
            }
        } else {
            lines.push(Line::styled(
                format!("{} ({})", ui.t(T::OutsideAgreement), flagged.len()),
                ui.theme.error(),
            ));
            let room = (area.height as usize).saturating_sub(lines.len());
            let shown = if flagged.len() > room {
                room.saturating_sub(1)
            } else {
                flagged.len()
            };
            // The selected one (past the agreements) stays in view.
            let at = selected.checked_sub(p.agreements.len());
            let start = at.map_or(0, |f| (f + 1).saturating_sub(shown.max(1)));
            for (k, h) in flagged.iter().enumerate().skip(start).take(shown) {
                let tail = format!(
                    " {}..{} {:>4} {}",
                    format_date(h.mulai),
                    format_date(h.selesai),
                    h.participants,
                    ui.t(T::PeopleShort)
                );
                let title_w = w.saturating_sub(tail.chars().count() + 2);
                let line = Line::raw(format!(
                    "{} {:<title_w$}{tail}",
                    if Some(k) == at { ">" } else { " " },
                    fit(ui, &h.judul, title_w)
                ));
                lines.push(if Some(k) == at {
                    line.style(ui.theme.selected())
                } else {
                    line
                });
            }
            let below = flagged.len().saturating_sub(start + shown);
            if below > 0 {
                lines.push(Line::styled(
                    format!(
                        "  {} +{below} ({})",
                        ui.theme.sym("…", "~"),
                        ui.t(T::ScrollDown)
                    ),
                    ui.theme.muted(),
                ));
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

impl Screen for PartnersScreen {
    fn keys(&self) -> Vec<KeyHelp> {
        let mut k = keys::help(&KEYS);
        let on_agreement = self
            .current()
            .zip(self.detail.as_ref())
            .is_some_and(|(r, (_, i))| *i < r.partner.agreements.len());
        if self.detail.is_some() {
            k.retain(|x| x.action != T::KeyOpen || on_agreement);
            for x in &mut k {
                if x.action == T::KeyOpen {
                    x.action = T::KeyEditAgreement;
                }
            }
        }
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
            match &mut self.detail {
                Some((id, i)) => {
                    // The agreements, then the trainings outside agreement: moving past
                    // the last agreement scrolls through those.
                    let len = self
                        .data
                        .rows
                        .iter()
                        .find(|r| &r.partner.id == id)
                        .map_or(0, |r| r.partner.agreements.len() + r.flagged().count());
                    *i = keys::step(nav, *i, len, 5);
                }
                None => {
                    self.selected = keys::step(nav, self.selected, self.data.rows.len(), 10);
                }
            }
            return Outcome::Changed;
        }
        let Some(act) = keys::action(&KEYS, &key) else {
            return Outcome::Ignored;
        };
        let id = self.current().map(|r| r.partner.id.clone());
        match (act, id) {
            (Act::Back, _) if self.detail.is_some() => {
                self.detail = None;
                Outcome::Changed
            }
            (Act::Back, _) => Outcome::Back,
            (Act::Quit, _) => Outcome::Quit,
            (Act::PrevYear, _) => Outcome::OpenPartners(self.data.year - 1),
            (Act::NextYear, _) => Outcome::OpenPartners(self.data.year + 1),
            (_, None) => Outcome::Ignored,
            (Act::Open, Some(id)) => match &self.detail {
                None => {
                    self.detail = Some((id, 0));
                    self.closed_wanted()
                }
                Some((_, i)) => {
                    let has = self
                        .current()
                        .is_some_and(|r| *i < r.partner.agreements.len());
                    if has {
                        Outcome::EditPartner(id, PartnerEdit::Agreement(*i))
                    } else {
                        Outcome::Ignored
                    }
                }
            },
            (Act::Contact, Some(id)) => Outcome::EditPartner(id, PartnerEdit::Contact),
            (Act::AddAgreement, Some(id)) => Outcome::EditPartner(id, PartnerEdit::NewAgreement),
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [bar, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let expiring: usize = self.data.rows.iter().map(|r| r.expiring).sum();
        let flagged: usize = self.data.rows.iter().map(|r| r.flagged().count()).sum();
        let mut spans = vec![
            crate::ui::year_span(ui, self.data.year),
            Span::styled(format!("  {} ", ui.t(T::Partners)), ui.theme.title()),
            Span::raw(format!(
                " {}",
                crate::ui::counted(
                    ui,
                    self.data.rows.len(),
                    T::PartnersCountOne,
                    T::PartnersCount
                )
            )),
        ];
        if expiring > 0 {
            spans.push(Span::styled(
                format!(
                    "  {}",
                    crate::ui::counted(
                        ui,
                        expiring,
                        T::AgreementsExpiringCountOne,
                        T::AgreementsExpiringCount
                    )
                ),
                ui.theme.key(),
            ));
        }
        if flagged > 0 {
            spans.push(Span::styled(
                format!("  {flagged} {}", ui.t(T::OutsideAgreementCount)),
                ui.theme.error(),
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), bar);
        match self.current().filter(|_| self.detail.is_some()) {
            Some(row) => self.draw_detail(frame, body, ui, row),
            None => self.draw_list(frame, body, ui),
        }
    }

    fn title(&self) -> T {
        T::Partners
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partner_not_on_record_is_not_opened() {
        // An organiser of a database from before partners were kept (every training save
        // records its organiser now): Mitra stays on its list; the app says why.
        let mut p = PartnersScreen::new(MitraData {
            year: 2026,
            today: jiff::civil::date(2026, 11, 28),
            rows: Vec::new(),
            competency_names: Vec::new(),
        });
        assert!(!p.open_partner("lembaga-kursus"));
        assert_eq!(p.opened(), None);
    }
}
