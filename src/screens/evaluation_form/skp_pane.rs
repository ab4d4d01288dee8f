//! The evaluation form beside its SKP (issue 19, "Evaluating against the SKP"): for the
//! period being evaluated, each RHK with its indicators, targets, realisations, capaian,
//! evidence counts and the latest feedback, in a pane right of the fields that `PgUp`
//! `PgDn` scroll; the warnings when the Hasil Kerja rating contradicts the realisations
//! (domain `skp::hasil_kerja_warnings`; never a refusal: the evaluator chooses, DOMAIN.md)
//! and, for an annual, when it differs from the last periodic evaluation (AKHIR). Without
//! an SKP for the period the form says so above its fields and works as before.

use super::{EvaluationForm, HASIL, KIND};
use crate::domain::evaluation::last_periodic;
use crate::domain::skp::{HasilKerjaWarning, skp_for};
use crate::domain::{Nilai, PeriodKind, Skp};
use crate::screens::FormSpec;
use crate::ui::keys::Key;
use crate::ui::lang::T;
use crate::ui::skp_labels::aspek_text;
use crate::ui::{KeyHelp, Ui, fit, key};
use crate::views::skp::{SkpReading, capaian_text};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// The pane's keys, while there is an SKP to show.
pub(super) const PANE_KEYS: [KeyHelp; 1] = [key(
    &[Key::Code(KeyCode::PageUp), Key::Code(KeyCode::PageDown)],
    T::KeyScrollSkp,
    false,
)];

impl EvaluationForm {
    /// The person's SKPs: the one for the period is shown beside the ratings, and a
    /// part-year one's span of months becomes a period to choose.
    pub fn set_skps(&mut self, skps: Vec<Skp>, ui: &Ui) {
        for s in &skps {
            let kind = s.span_period().kind;
            if matches!(kind, PeriodKind::Rentang(..)) && !self.kinds.contains(&kind) {
                self.kinds.push(kind);
            }
        }
        let labels = self
            .kinds
            .iter()
            .map(|k| super::period::kind_label(*k, ui.lang))
            .collect();
        self.form.set_options(KIND, labels);
        self.skps = skps;
        self.refresh(ui);
    }

    /// The plan of the period being evaluated, read for it.
    pub(super) fn read_skp(&mut self) {
        let reading = self
            .period()
            .and_then(|p| skp_for(&self.skps, p).map(|s| SkpReading::of(s, p)));
        if reading.as_ref().map(|r| (r.skp.id, r.period))
            != self.reading.as_ref().map(|r| (r.skp.id, r.period))
        {
            self.pane_scroll = 0;
        }
        self.reading = reading;
    }

    /// The warnings of the ratings against the plan and the year's last periodic
    /// evaluation, as shown at the top of the pane and beside Hasil Kerja.
    pub(super) fn skp_warnings(&mut self, ui: &Ui) {
        let mut out = Vec::new();
        if let (Some(r), Some(hasil)) = (&self.reading, self.form.rating(HASIL)) {
            for w in r.warnings(hasil) {
                out.push(match w {
                    HasilKerjaWarning::AboveButAllBelow => ui.t(T::WarnAboveAllBelow).to_string(),
                    HasilKerjaWarning::BelowButAllMet => ui.t(T::WarnBelowAllMet).to_string(),
                    HasilKerjaWarning::NoRealisation(n) => {
                        ui.t(T::WarnNoRealisation).replace("{n}", &n.to_string())
                    }
                });
            }
        }
        // A head's rating that differs from the unit's: also at the top of the pane, where
        // it shows when the form beside the pane has no room for notes.
        if let Some(head) = self.form.field(HASIL).note.as_deref()
            && let Some(warning) = head.strip_prefix("! ")
        {
            out.push(warning.to_string());
        }
        // Beside Hasil Kerja: the contradiction first (a unit head's proposal stays).
        if let Some(first) = out.first() {
            let note = match self.form.field(HASIL).note.clone() {
                Some(head) => format!("! {first}; {head}"),
                None => format!("! {first}"),
            };
            self.form.field_mut(HASIL).note = Some(note);
        }
        if let Some(akhir) = self.akhir_text(ui) {
            out.push(akhir);
        }
        self.warnings = out;
    }

    /// For an annual: `beda dari Triwulan IV (B)` when its predikat differs from the last
    /// periodic evaluation of the year (DOMAIN.md: the annual is the final periodic one).
    pub(super) fn akhir_text(&self, ui: &Ui) -> Option<String> {
        let period = self.period().filter(|p| p.kind == PeriodKind::Tahunan)?;
        let (Some(h), Some(p)) = (self.form.rating(HASIL), self.form.rating(super::PERILAKU))
        else {
            return None;
        };
        let annual = crate::domain::predikat(h, p);
        let (last_period, last) = last_periodic(&self.periodic, period.year)?;
        (annual != last).then(|| {
            format!(
                "{} {} ({})",
                ui.t(T::AkhirDiffersShort),
                crate::ui::labels::period_kind_text(last_period.kind, ui.lang),
                crate::ui::labels::predikat_short(last)
            )
        })
    }

    /// `PgUp` `PgDn` scroll the pane by half its height.
    pub(super) fn scroll_pane(&mut self, key: &KeyEvent) -> bool {
        if self.reading.is_none() {
            return false;
        }
        let step = (self.pane_height / 2).max(1);
        match key.code {
            KeyCode::PageDown => self.pane_scroll = self.pane_scroll.saturating_add(step),
            KeyCode::PageUp => self.pane_scroll = self.pane_scroll.saturating_sub(step),
            _ => return false,
        }
        true
    }

    /// The line above the fields when the period has no SKP.
    pub(super) fn no_skp_line(&self, ui: &Ui) -> Option<Line<'static>> {
        (self.reading.is_none() && self.period().is_some())
            .then(|| Line::styled(format!(" {}", ui.t(T::NoSkpForPeriod)), ui.theme.muted()))
    }

    /// Draws the pane on the right of `area` when the period has an SKP, and gives back
    /// the rest for the fields.
    pub(super) fn draw_pane(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) -> Rect {
        let Some(reading) = &self.reading else {
            return area;
        };
        let pane_w = (area.width * 35 / 100).clamp(28, 60);
        if area.width < pane_w + 48 {
            return area;
        }
        let fields = Rect {
            width: area.width - pane_w,
            ..area
        };
        let pane = Rect {
            x: area.x + fields.width,
            width: pane_w,
            ..area
        };
        let title = format!(
            " SKP {} ",
            crate::ui::labels::period_text(reading.skp.span_period(), ui.lang)
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(
                fit(ui, &title, pane_w.saturating_sub(2) as usize),
                ui.theme.title(),
            ));
        let inner = block.inner(pane);
        frame.render_widget(block, pane);
        let lines = pane_lines(reading, &self.warnings, inner.width as usize, ui);
        let height = inner.height as usize;
        self.pane_height = inner.height;
        let last = lines.len().saturating_sub(height);
        let scroll = (self.pane_scroll as usize).min(last);
        self.pane_scroll = scroll as u16;
        let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
        // More below or above: the last or first line says so.
        if scroll < last
            && let Some(l) = shown.last_mut()
        {
            *l = Line::styled(format!("{} PgDn", ui.theme.sym("▼", "v")), ui.theme.muted())
                .right_aligned();
        }
        if scroll > 0
            && let Some(l) = shown.first_mut()
        {
            *l = Line::styled(format!("{} PgUp", ui.theme.sym("▲", "^")), ui.theme.muted())
                .right_aligned();
        }
        frame.render_widget(Paragraph::new(shown), inner);
        fields
    }
}

/// The pane's lines: the warnings, then each RHK and its indicators (realisation against
/// target, capaian, evidence and feedback counts, the latest feedback).
fn pane_lines(
    reading: &SkpReading,
    warnings: &[String],
    width: usize,
    ui: &Ui,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for w in warnings {
        for part in wrap(&format!("! {w}"), width) {
            lines.push(Line::styled(part, ui.theme.error()));
        }
    }
    let (done, all) = reading.realised();
    lines.push(Line::styled(
        fit(
            ui,
            &format!("{} {done} / {all}", ui.t(T::RealFilled)),
            width,
        ),
        ui.theme.muted(),
    ));
    if reading.rows.is_empty() {
        return lines;
    }
    let mut rhk = 0;
    // Feedback on the RHK as a whole is the latest of each of its indicators: said once.
    let mut said: Option<(usize, &str)> = None;
    for r in &reading.rows {
        if r.rhk_no != rhk {
            rhk = r.rhk_no;
            lines.push(Line::styled(
                fit(
                    ui,
                    &format!(
                        "RHK {} {}",
                        r.rhk_no,
                        crate::ui::skp_labels::jenis_text(r.jenis, ui.lang)
                    ),
                    width,
                ),
                ui.theme.title(),
            ));
            // The whole text, on as many lines as it takes: the pane scrolls.
            for part in wrap(&ui.theme.text(&r.rhk), width) {
                lines.push(Line::raw(part));
            }
        }
        lines.push(Line::styled(
            fit(
                ui,
                &format!(" {}: {}", aspek_text(r.aspek, ui.lang), r.indikator),
                width,
            ),
            ui.theme.muted(),
        ));
        let against = match (&r.realisasi, &r.target) {
            (
                Some(Nilai::Angka { nilai, satuan }),
                Nilai::Angka {
                    nilai: t,
                    satuan: ts,
                },
            ) if satuan == ts => format!("{nilai}/{t} {satuan}"),
            (Some(real), t) => format!("{real} / {t}"),
            (None, t) => format!("- / {t}"),
        };
        let cap = capaian_text(r.capaian);
        let cap_style = match r.met {
            Some(true) => ui.theme.ok(),
            Some(false) => ui.theme.error(),
            None => ui.theme.muted(),
        };
        let room = width.saturating_sub(cap.chars().count() + 3);
        lines.push(Line::from(vec![
            Span::raw(format!("  {}", fit(ui, &against, room))),
            Span::raw(" "),
            Span::styled(cap, cap_style),
        ]));
        if r.bukti > 0 || r.umpan_balik > 0 {
            lines.push(Line::styled(
                fit(
                    ui,
                    &format!(
                        "  {} {}, {} {}",
                        ui.t(T::PaneEvidence),
                        r.bukti,
                        ui.t(T::PaneFeedback),
                        r.umpan_balik
                    ),
                    width,
                ),
                ui.theme.muted(),
            ));
        }
        if let Some(u) = &r.last_umpan_balik
            && said != Some((r.rhk_no, u.as_str()))
        {
            said = Some((r.rhk_no, u.as_str()));
            lines.push(Line::styled(
                fit(ui, &format!("  \"{}\"", u.replace('\n', " ")), width),
                ui.theme.muted(),
            ));
        }
    }
    lines
}

/// `text` in lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(4);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !line.is_empty() && line.chars().count() + 1 + len > width {
            out.push(std::mem::take(&mut line));
        }
        if line.is_empty() {
            // A word longer than the line is cut into pieces.
            let mut w: Vec<char> = word.chars().collect();
            while w.len() > width {
                out.push(w.drain(..width).collect());
            }
            line.extend(w);
        } else {
            line.push(' ');
            line.push_str(word);
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn text_wraps_between_words_and_cuts_a_word_too_long() {
        assert_eq!(
            wrap("Di Atas, padahal semua indikator", 16),
            vec!["Di Atas, padahal", "semua indikator"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert!(wrap("", 10).is_empty());
    }
}
