//! The one-page profile (issue 12), opened with `p` on a staff record: the [`Profile`]
//! drawn as lines in one bordered box that scrolls when taller than the screen. `x` asks
//! `app/` to write it as Markdown; `Esc` goes back to the record.

use super::profile_text::{
    coaching_lines, competency_lines, period_short, rank_text, training_dates, training_facts,
    unit_text, wrap,
};
use super::{Outcome, Screen};
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::T;
use crate::ui::{KeyHelp, Ui, fit, gauge_line, key};
use crate::views::profile::Profile;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Columns of one period in the trend.
const TREND_COLUMN: usize = 9;
/// Columns of a JP bar.
const BAR: usize = 20;
/// Columns of an identity label.
const LABEL: usize = 11;

pub struct ProfileScreen {
    profile: Profile,
    /// The first line shown.
    scroll: usize,
    /// The largest useful `scroll` and the lines shown at once, as of the last draw.
    max_scroll: usize,
    page: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Export,
    Print,
    Back,
}

/// The profile's keys besides scrolling: they decide what a key does, and the footer and
/// help show them.
const KEYS: [Binding<Act>; 3] = [
    bind(&[Key::Char('x')], Act::Export, T::KeyExportMarkdown, true),
    bind(&[Key::Char('P')], Act::Print, T::KeyPrint, true),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
];

impl ProfileScreen {
    pub fn new(profile: Profile) -> ProfileScreen {
        ProfileScreen {
            profile,
            scroll: 0,
            max_scroll: 0,
            page: 1,
        }
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Keeps the scroll of the profile it replaces (read again after another session's
    /// save, issue 22).
    pub fn keep_place_of(mut self, old: &ProfileScreen) -> ProfileScreen {
        self.scroll = old.scroll;
        self.page = old.page;
        self
    }

    /// Every line of the profile for a box `width` columns wide.
    fn lines(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let p = &self.profile;
        let id = &p.identity;
        let label = |t: T| Span::styled(format!("{:<LABEL$}", ui.t(t)), ui.theme.muted());
        let half = width / 2;
        let value_width = half.saturating_sub(LABEL + 1);
        let pair = |l: (T, String, Style), r: Option<(T, String, Style)>| {
            let mut spans = vec![
                label(l.0),
                Span::styled(format!("{:<value_width$}", fit(ui, &l.1, value_width)), l.2),
                Span::raw(" "),
            ];
            if let Some((t, v, style)) = r {
                spans.push(label(t));
                spans.push(Span::styled(fit(ui, &v, width - half - LABEL), style));
            }
            Line::from(spans)
        };
        let plain = Style::new();
        let lang = ui.lang;
        let born = format!(
            "{} ({} {})",
            crate::domain::format_date(id.born),
            id.age,
            ui.t(T::Age)
        );
        let sex = id.sex.map(|s| {
            ui.t(if s == crate::domain::Sex::Male {
                T::Male
            } else {
                T::Female
            })
            .to_string()
        });
        let pension = format!(
            "{} ({} {})",
            crate::domain::format_date(id.pension.date),
            ui.t(T::BupYears),
            id.pension.age
        );
        let pension_style = if id.retiring.is_some() {
            ui.theme.error()
        } else {
            plain
        };
        let mut out = vec![
            pair(
                (T::FieldNip, id.nip.to_string(), plain),
                Some((T::Rank, rank_text(id.golongan), plain)),
            ),
            pair(
                (T::Born, born, plain),
                Some((T::ServiceYears, p.service_text(lang), plain)),
            ),
            pair(
                (T::Sex, sex.unwrap_or_default(), plain),
                Some((T::Pension, pension, pension_style)),
            ),
            pair(
                (T::Status, id.kind().code().to_string(), plain),
                Some((
                    T::Active,
                    ui.t(if id.aktif { T::Yes } else { T::No }).to_string(),
                    plain,
                )),
            ),
            Line::from(vec![
                label(T::Position),
                Span::raw(fit(ui, &id.position, width.saturating_sub(LABEL))),
            ]),
            Line::from(vec![
                label(T::Unit),
                Span::raw(fit(ui, &unit_text(id, lang), width.saturating_sub(LABEL))),
            ]),
        ];

        let heading = |text: String| Line::styled(text, ui.theme.header());
        let muted = |text: String| Line::styled(format!(" {text}"), ui.theme.muted());

        out.push(Line::default());
        out.push(heading(ui.t(T::TrendTitle).to_string()));
        if p.trend.is_empty() {
            out.push(muted(ui.t(T::NoEvaluations).to_string()));
        } else {
            let columns = (width.saturating_sub(1) / TREND_COLUMN).max(1);
            let first = p.trend.len().saturating_sub(columns);
            let shown = &p.trend[first..];
            let names: String = shown
                .iter()
                .map(|t| format!("{:<TREND_COLUMN$}", period_short(t.period, lang)))
                .collect();
            out.push(Line::styled(
                format!(" {}", names.trim_end()),
                ui.theme.muted(),
            ));
            let mut codes = vec![Span::raw(" ")];
            for t in shown {
                let code = crate::ui::labels::predikat_short(t.predikat);
                let mark = if t.provisional { "*" } else { "" };
                codes.push(Span::styled(
                    format!("{code}{mark}"),
                    ui.theme.predikat(t.predikat),
                ));
                codes.push(Span::raw(
                    " ".repeat(TREND_COLUMN.saturating_sub(code.len() + mark.len())),
                ));
            }
            out.push(Line::from(codes));
            if shown.iter().any(|t| t.provisional) {
                out.push(muted(ui.t(T::ProvisionalMark).to_string()));
            }
        }

        if let Some(section) = &p.skp {
            let (title, lines) = crate::screens::profile_text::skp_lines(section, lang);
            out.push(Line::default());
            out.push(heading(title));
            // Wrapped, never cut: the realisation is at the end of an indicator's line.
            for line in lines {
                let (first, rest) = if line.starts_with("  ") {
                    ("   ", "     ")
                } else {
                    (" ", "    ")
                };
                for (i, l) in wrap(
                    &ui.theme.text(line.trim_start()),
                    width.saturating_sub(rest.len()),
                )
                .into_iter()
                .enumerate()
                {
                    out.push(Line::raw(format!(
                        "{}{l}",
                        if i == 0 { first } else { rest }
                    )));
                }
            }
        }

        out.push(Line::default());
        out.push(heading(ui.t(T::JpPerYear).to_string()));
        for y in &p.jp {
            let text = match y.percent() {
                Some(share) => format!("{} / {} JP ({share}%)", y.jp, y.target),
                None => format!("{} JP", y.jp),
            };
            let mut line = gauge_line(ui, BAR, y.ratio(), text);
            line.spans.insert(0, Span::raw(format!(" {}  ", y.year)));
            if y.above_ceiling {
                line.spans.push(Span::styled(
                    format!(" {}", ui.theme.sym("⚠", "!")),
                    ui.theme.error(),
                ));
            }
            out.push(line);
        }
        if let Some(note) = p.jp_note(lang) {
            for l in wrap(&note, width.saturating_sub(1)) {
                out.push(muted(l));
            }
        }

        out.push(Line::default());
        out.push(heading(p.trainings_heading(lang)));
        if p.trainings.is_empty() {
            out.push(muted(ui.t(T::NoTrainings).to_string()));
        }
        for t in &p.trainings {
            let dates = training_dates(t);
            let room = width.saturating_sub(dates.chars().count() + 3);
            out.push(Line::from(vec![
                Span::raw(format!(" {dates}  ")),
                Span::raw(fit(ui, &t.judul, room)),
            ]));
            let facts = format!("{}; {}", training_facts(t), t.penyelenggara);
            out.push(Line::styled(
                format!("   {}", fit(ui, &facts, width.saturating_sub(3))),
                ui.theme.muted(),
            ));
        }

        if let Some(competencies) = &p.competencies {
            out.push(Line::default());
            out.push(heading(ui.t(T::Competencies).to_string()));
            if competencies.is_empty() {
                out.push(muted(ui.t(T::NoRequiredCompetencies).to_string()));
            }
            let lines = competency_lines(competencies, ui.lang);
            // Wrapped, never cut: the state is at the end of the line.
            for (c, line) in competencies.iter().zip(&lines) {
                let style = if c.gap.is_some() {
                    ui.theme.error()
                } else {
                    Style::new()
                };
                for (i, l) in wrap(&ui.theme.text(line), width.saturating_sub(3))
                    .into_iter()
                    .enumerate()
                {
                    let indent = if i == 0 { " " } else { "   " };
                    out.push(Line::styled(format!("{indent}{l}"), style));
                }
            }
        }
        if let Some(kredit) = &p.angka_kredit {
            out.push(Line::default());
            out.push(heading(ui.t(T::AkTitle).to_string()));
            for line in crate::screens::profile_text::kredit_lines(kredit, ui.lang) {
                for l in wrap(&ui.theme.text(&line), width.saturating_sub(1)) {
                    out.push(Line::raw(format!(" {l}")));
                }
            }
        }
        if let Some(talent) = &p.talent {
            out.push(Line::default());
            out.push(heading(format!("{} {}", ui.t(T::TalentTitle), talent.year)));
            // The box's follow-up is the answer: wrapped, never cut.
            for line in talent.lines(ui.lang) {
                for l in wrap(&ui.theme.text(&line), width.saturating_sub(1)) {
                    out.push(Line::raw(format!(" {l}")));
                }
            }
        }
        if let Some(open) = &p.open_coaching {
            out.push(Line::default());
            out.push(heading(ui.t(T::OpenCoachingTitle).to_string()));
            for line in coaching_lines(open, ui.lang) {
                for l in wrap(&ui.theme.text(&line), width.saturating_sub(1)) {
                    out.push(Line::raw(format!(" {l}")));
                }
            }
        }

        out.push(Line::default());
        match &p.notes {
            Some(n) => {
                out.push(heading(format!(
                    "{} ({})",
                    ui.t(T::LatestNotes),
                    crate::ui::labels::period_text(n.period, ui.lang)
                )));
                for l in wrap(&ui.theme.text(&n.text), width.saturating_sub(1)) {
                    out.push(Line::raw(format!(" {l}")));
                }
            }
            None => {
                out.push(heading(ui.t(T::LatestNotes).to_string()));
                out.push(muted(ui.t(T::NoNotes).to_string()));
            }
        }
        out
    }
}

impl Screen for ProfileScreen {
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
            let before = self.scroll;
            self.scroll = keys::step(nav, self.scroll, self.max_scroll + 1, self.page);
            return if self.scroll == before {
                Outcome::Ignored
            } else {
                Outcome::Changed
            };
        }
        let nip = self.profile.identity.nip.as_str().to_string();
        match keys::action(&KEYS, &key) {
            Some(Act::Export) => Outcome::ExportProfile(nip),
            Some(Act::Print) => Outcome::PrintPerson(nip, super::PrintDoc::Profil),
            Some(Act::Back) => Outcome::Back,
            None => Outcome::Ignored,
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border());
        let inner = block.inner(area);
        let lines = self.lines(ui, inner.width as usize);
        let page = (inner.height as usize).max(1);
        self.page = page;
        self.max_scroll = lines.len().saturating_sub(page);
        self.scroll = self.scroll.min(self.max_scroll);
        let name = &self.profile.identity.name;
        let mut block = block.title(Span::styled(
            format!(" {}: {} ", ui.t(T::ProfileTitle), fit(ui, name, 50)),
            ui.theme.title(),
        ));
        if self.max_scroll > 0 {
            // Where the view is, when there is more than one screenful.
            let last = (self.scroll + page).min(lines.len());
            block = block.title(
                Line::styled(
                    format!(" {}-{last}/{} ", self.scroll + 1, lines.len()),
                    ui.theme.muted(),
                )
                .right_aligned(),
            );
        }
        frame.render_widget(block, area);
        let shown: Vec<Line> = lines.into_iter().skip(self.scroll).take(page).collect();
        frame.render_widget(Paragraph::new(shown), inner);
    }

    fn title(&self) -> T {
        T::ProfileTitle
    }
}
