//! Drawing a form: the message area, the fields (scrolled to keep the focus visible) and
//! each field's row. The state and the keys are in the parent module.

use super::{Ask, Field, Form, Kind, Value};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

impl Form {
    /// The text of the message area: the question, the store's refusal, another session's
    /// save of the record underneath, the focused
    /// field's problem (or the first one after a save was tried), a refused character, the
    /// focused field's note, the form's notice; with its style.
    pub(super) fn message(&self, ui: &Ui) -> Option<(String, Style)> {
        if let Some(ask) = &self.ask {
            let text = match ask {
                Ask::Discard if self.no_draft => ui.t(T::DiscardAsk).to_string(),
                Ask::Discard => ui.t(T::CloseKeepDraft).to_string(),
                Ask::Delete => ui.t(self.delete_ask.unwrap_or(T::DeleteAsk)).to_string(),
                Ask::Draft(when, _) if self.draft_stale => format!(
                    "{} ({when}). {} {}",
                    ui.t(T::DraftFound),
                    ui.t(T::DraftStale),
                    ui.t(T::DraftAsk)
                ),
                Ask::Draft(when, _) => {
                    format!("{} ({when}). {}", ui.t(T::DraftFound), ui.t(T::DraftAsk))
                }
            };
            return Some((text, ui.theme.key().add_modifier(Modifier::BOLD)));
        }
        if let Some(e) = &self.error {
            return Some((format!("{} {e}", ui.t(T::NotSaved)), ui.theme.error()));
        }
        if let Some(u) = &self.underneath {
            return Some((u.clone(), ui.theme.error()));
        }
        let focused = self.fields.get(self.focus);
        let label_of = |id: &str| {
            self.fields
                .iter()
                .find(|f| f.id == id)
                .map_or(String::new(), |f| f.label.trim().to_string())
        };
        if self.tried_save {
            // The focused field's own problem first (the officer is fixing it), else the
            // first problem of the form.
            let own = focused.and_then(|f| self.problems.iter().find(|(id, _)| *id == f.id));
            if let Some((id, p)) = own.or(self.problems.first()) {
                let note = focused
                    .filter(|f| f.id == *id)
                    .and_then(|f| f.note.as_ref())
                    .map_or(String::new(), |n| format!(". {n}"));
                return Some((format!("{}: {p}{note}", label_of(id)), ui.theme.error()));
            }
        }
        if let Some(f) = focused
            && let Some(p) = self.problem_of(f.id)
            && !f.is_empty()
        {
            let text = match &f.note {
                Some(n) => format!("{}: {p}. {n}", f.label.trim()),
                None => format!("{}: {p}", f.label.trim()),
            };
            return Some((text, ui.theme.muted()));
        }
        if let Some(f) = focused
            && let Some(sug) = &f.suggestion
            && f.value_text() != *sug
            && self.problem_of(f.id).is_none_or(|_| f.is_empty())
        {
            return Some((
                format!(
                    "{} {sug} (Enter / {})",
                    ui.theme.sym("→", "->"),
                    ui.theme.sym("→", "Right")
                ),
                ui.theme.ok(),
            ));
        }
        if let Some(kind) = self.wrong_char {
            let t = match kind {
                Kind::Digits { spaces: true, .. } => T::DigitsAndSpacesOnly,
                Kind::Digits { .. } => T::DigitsOnly,
                _ => T::DateChars,
            };
            return Some((ui.t(t).to_string(), ui.theme.error()));
        }
        if let Some(max) = self.refused {
            return Some((
                format!("{} {max} {}", ui.t(T::FieldFull), ui.t(T::Characters)),
                ui.theme.error(),
            ));
        }
        if let Some(f) = focused
            && let Some(n) = &f.note
        {
            return Some((format!("{}: {n}", f.label.trim()), ui.theme.muted()));
        }
        if let Some(f) = focused
            && let Value::Choice(c) = &f.value
            && c.no_match()
            && !f.accept_typed
        {
            return Some((
                format!("{}: {} ({})", f.label.trim(), ui.t(T::NoOption), c.typed()),
                ui.theme.error(),
            ));
        }
        self.notice.as_ref().map(|n| (n.clone(), ui.theme.ok()))
    }

    fn row_height(f: &Field) -> u16 {
        match &f.value {
            _ if f.hidden => 0,
            Value::Notes(t) => (t.lines().len() as u16 + 1).clamp(3, 6),
            _ => 1,
        }
    }

    /// Draws the form in `area`: `above` (e.g. who it is for) first, then the fields
    /// (scrolled to keep the focus visible), then the message area.
    pub fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui, above: Vec<Line<'static>>) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(
                format!(
                    " {} ",
                    fit(ui, &self.title, (area.width as usize).saturating_sub(4))
                ),
                ui.theme.title(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let focus = self.ask.is_none().then_some(self.focus);
        for (i, f) in self.fields.iter_mut().enumerate() {
            if let Value::Notes(t) = &mut f.value {
                let focused = focus == Some(i);
                t.set_style(if focused {
                    Style::new()
                } else {
                    ui.theme.muted()
                });
                t.set_cursor_style(if focused {
                    Style::new().add_modifier(Modifier::REVERSED)
                } else {
                    Style::new()
                });
            }
        }
        if inner.height < 4 || inner.width < 20 {
            return;
        }
        let message = self.message(ui);
        let msg_h = message.as_ref().map_or(0, |(t, _)| {
            let w = inner.width.saturating_sub(2).max(1) as usize;
            // Words wrap, so allow a little more than the bare character count.
            ((t.chars().count() + t.chars().count() / 8).div_ceil(w) as u16).clamp(1, 4)
        });
        let above_h = (above.len() as u16).min(inner.height / 3);
        let fields_area = Rect {
            x: inner.x,
            y: inner.y + above_h,
            width: inner.width,
            height: inner.height.saturating_sub(above_h + msg_h + 1),
        };
        if above_h > 0 {
            frame.render_widget(
                Paragraph::new(above),
                Rect {
                    height: above_h,
                    ..inner
                },
            );
        }
        // Scroll so the focused field is on screen, whole.
        let heights: Vec<u16> = self.fields.iter().map(Form::row_height).collect();
        if self.focus < self.scroll {
            self.scroll = self.focus;
        }
        while self.scroll < self.focus
            && heights[self.scroll..=self.focus].iter().sum::<u16>() > fields_area.height
        {
            self.scroll += 1;
        }
        let label_w = self
            .fields
            .iter()
            .filter(|f| !f.hidden)
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(10)
            .clamp(10, 26);
        let value_x = fields_area.x + 2 + label_w as u16 + 1;
        let room = (fields_area.x + fields_area.width).saturating_sub(value_x + 1);
        // Notes beside the values start in one column: after the widest of the narrower
        // values (wide text fields show their notes in the message area).
        let side_w = self
            .fields
            .iter()
            .filter(|f| !f.hidden && f.width <= 26 && !matches!(f.kind, Kind::Notes { .. }))
            .map(|f| f.width)
            .max()
            .unwrap_or(20)
            .min(room * 2 / 3) as usize;
        let mut y = fields_area.y;
        let bottom = fields_area.y + fields_area.height;
        if self.scroll > 0 {
            let more = Line::styled(ui.theme.sym("▲", "^"), ui.theme.muted());
            frame.render_widget(
                Paragraph::new(more).right_aligned(),
                Rect::new(fields_area.x, fields_area.y, fields_area.width, 1),
            );
        }
        for (i, &h) in heights.iter().enumerate().skip(self.scroll) {
            if h == 0 {
                continue;
            }
            if y + h > bottom {
                let more = Line::styled(ui.theme.sym("▼", "v"), ui.theme.muted());
                frame.render_widget(
                    Paragraph::new(more).right_aligned(),
                    Rect::new(
                        fields_area.x,
                        bottom.saturating_sub(1),
                        fields_area.width,
                        1,
                    ),
                );
                break;
            }
            let focused = i == self.focus && self.ask.is_none();
            let cursor = self.draw_field(
                frame,
                i,
                y,
                fields_area,
                (label_w, side_w),
                room,
                focused,
                ui,
            );
            if let Some(p) = cursor {
                frame.set_cursor_position(p);
            }
            y += h;
        }
        if let Some((text, style)) = message {
            let r = Rect {
                x: inner.x + 1,
                y: inner.y + inner.height - msg_h,
                width: inner.width.saturating_sub(2),
                height: msg_h,
            };
            let text = ui.theme.text(&text);
            frame.render_widget(
                Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true }),
                r,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_field(
        &self,
        frame: &mut Frame,
        i: usize,
        y: u16,
        area: Rect,
        (label_w, side_w): (usize, usize),
        room: u16,
        focused: bool,
        ui: &Ui,
    ) -> Option<Position> {
        let f = &self.fields[i];
        let marker = if focused {
            ui.theme.sym("▶ ", "> ")
        } else {
            "  "
        };
        let label_style = match f.kind {
            Kind::Heading => ui.theme.title(),
            _ if focused => ui.theme.header(),
            _ => ui.theme.muted(),
        };
        let mut spans = vec![
            Span::styled(marker, ui.theme.key()),
            Span::styled(
                format!("{:<label_w$} ", fit(ui, &f.label, label_w)),
                label_style,
            ),
        ];
        let width = f.width.min(room) as usize;
        let value_x = area.x + 2 + label_w as u16 + 1;
        let value_style = if focused {
            ui.theme.selected()
        } else if f.locked {
            ui.theme.muted()
        } else {
            Style::new()
        };
        let mut cursor = None;
        let mut used = width;
        match &f.value {
            Value::Text(t) => {
                let (shown, col) = if focused {
                    t.view(width)
                } else {
                    (fit(ui, t.value(), width), 0)
                };
                let shown = ui.theme.text(&shown);
                let pad =
                    width.saturating_sub(unicode_width::UnicodeWidthStr::width(shown.as_str()));
                spans.push(Span::styled(
                    format!("{shown}{}", " ".repeat(pad)),
                    value_style,
                ));
                if focused {
                    cursor = Some(Position::new(value_x + col as u16, y));
                }
            }
            Value::Choice(c) => {
                // Typed text that matches no option is shown as typed, marked unless the form
                // took it as a new value.
                let unmatched = c.no_match() && !f.accept_typed;
                let v = if c.no_match() && f.accept_typed {
                    c.typed().to_string()
                } else if unmatched {
                    format!("{}?", c.typed())
                } else {
                    c.value().unwrap_or("-").to_string()
                };
                // The arrows follow the value, so values line up with the text fields.
                let text = if focused {
                    format!("{v} {}", ui.theme.sym("◀▶", "<>"))
                } else {
                    v
                };
                let style = if unmatched {
                    ui.theme.error()
                } else {
                    value_style
                };
                spans.push(Span::styled(
                    format!("{:<width$}", fit(ui, &text, width)),
                    style,
                ));
                if focused && !c.typed().is_empty() && !c.no_match() {
                    let t = format!(" [{}]", c.typed());
                    used += t.chars().count();
                    spans.push(Span::styled(t, ui.theme.muted()));
                }
            }
            Value::Rating(r) => {
                spans.push(Span::styled(
                    format!("{:<width$}", fit(ui, &r.text(ui.lang), width)),
                    value_style,
                ));
            }
            Value::Info(text, style) => {
                spans.push(Span::styled(fit(ui, text, width), *style));
                used = text.chars().count().min(width);
            }
            Value::Heading => used = 0,
            Value::Notes(_) => {}
        }
        // The note (or the problem) beside the value, in what room is left.
        let side_room = (room as usize).saturating_sub(used + 1);
        let side = match (self.problem_of(f.id), &f.note, &f.suggestion) {
            (_, _, Some(s)) if focused && f.value_text() != *s => {
                Some((format!("{} {s}", ui.theme.sym("→", "->")), ui.theme.ok()))
            }
            (Some(p), _, _) if self.tried_save || (focused && !f.is_empty()) => {
                Some((p.to_string(), ui.theme.error()))
            }
            (_, Some(n), _) => Some((n.clone(), ui.theme.muted())),
            _ => None,
        };
        if let Some((text, style)) = side
            && side_room > 3
            && !matches!(f.value, Value::Notes(_))
        {
            // Aligned when the note still fits; a long note starts right after its value.
            let len = text.chars().count();
            let pad = side_w
                .saturating_sub(used)
                .min(side_room.saturating_sub(len));
            let side_room = side_room.saturating_sub(pad);
            spans.push(Span::raw(" ".repeat(pad + 1)));
            spans.push(Span::styled(fit(ui, &text, side_room), style));
        }
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(area.x, y, area.width, 1),
        );
        if let Value::Notes(t) = &f.value {
            let h = Form::row_height(f);
            let r = Rect::new(value_x, y, room.min(f.width), h);
            // The field's own textarea is drawn, so it knows its width: Up and Down then
            // move by the lines as wrapped.
            frame.render_widget(&**t, r);
        }
        cursor
    }
}
