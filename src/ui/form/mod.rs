//! The form engine: every form is a list of [`Field`]s described as data, and this module
//! owns what all forms share: the focus, the dirty check, the draft format (field id ->
//! text), the questions (discard, delete, use a draft), the message area where the focused
//! field's problem is shown in full, the paste rule and the drawing.
//!
//! A form file keeps only its fields, its `build()` into a domain record and its own rules:
//! after each [`FormEvent::Edited`] it recomputes its problems and notes
//! ([`Form::set_problems`], [`Field::note`]).
//!
//! Keys (the same in every form, listed by [`Form::keys`]):
//! - `Tab`/`Down`, `Shift-Tab`/`Up`: next / previous field (in notes, Up/Down move between
//!   lines);
//! - `Enter`: next field; on a suggestion, take it; in notes, a new line;
//! - choices and ratings: `Left`/`Right`, typing the start of an option; ratings `1` `2` `3`
//!   choose and move on to the next field;
//! - `Ctrl-S`/`F2` save, `Ctrl-D` delete (an existing record only), `Esc` close (asks first
//!   when something changed).
//!
//! Questions take `y` for yes; `n`, `Esc` or any other key is no.

mod draw;
mod field;

use field::Value;
pub use field::{Field, Kind};

use super::keys::Key;
use super::lang::T;
use super::{KeyHelp, Pasted, is_ctrl, key};
use crate::domain::Rating;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::CursorMove;

/// The revision of the record a draft was made from (its `revisi` value), which the form
/// files put into their drafts so that a draft saved over a newer record is refused.
pub fn draft_revision(fields: &[(String, String)]) -> Option<u64> {
    fields
        .iter()
        .find(|(k, _)| k == "revisi")
        .and_then(|(_, v)| v.parse().ok())
}

/// The options of a choice field: each item's label, in order.
pub fn options<T: Copy, S: ToString>(all: &[T], label: impl Fn(T) -> S) -> Vec<String> {
    all.iter().map(|x| label(*x).to_string()).collect()
}

/// A question the form is asking; the next key answers it.
enum Ask {
    Discard,
    Delete,
    /// A draft from an earlier session: (its time as text, its fields).
    Draft(String, Vec<(String, String)>),
}

/// What a key did to the form, for the form file to act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormEvent {
    /// Not a form key.
    Ignored,
    /// Focus, cursor or a question changed: redraw.
    Changed,
    /// The field with this id changed its value: run the form's rules.
    Edited(&'static str),
    /// The suggestion of this suggest field was taken (its text is set already); with
    /// `Enter` the focus moved on as well.
    Took(&'static str),
    /// Save was asked and the form has changes (or is new).
    Save,
    /// Save was asked on an existing record that did not change: nothing to write.
    Unchanged,
    /// Delete was confirmed.
    Delete,
    /// Close the form (nothing changed, or the officer agreed to close).
    Close,
    /// The offered draft was taken: its values are in the fields; all of them (also those
    /// that are no field, such as the revision) for the form file.
    DraftUsed(Vec<(String, String)>),
    /// The offered draft was declined.
    DraftDeclined,
}

/// A form: fields, focus, questions and messages.
pub struct Form {
    pub title: String,
    fields: Vec<Field>,
    focus: usize,
    /// First field row shown (the form scrolls when it is taller than the screen).
    scroll: usize,
    start: Vec<(String, String)>,
    ask: Option<Ask>,
    problems: Vec<(&'static str, String)>,
    tried_save: bool,
    /// The store refused the save (stale record, NIP taken): shown until the next key.
    pub error: Option<String>,
    /// A remark about the whole form ("this period is evaluated already: editing it").
    pub notice: Option<String>,
    /// Another session saved the record this form edits since it was opened (who, when,
    /// what): shown until the form closes, the typed values kept (issue 22).
    pub underneath: Option<String>,
    is_new: bool,
    /// Characters refused by a full field: its limit.
    refused: Option<usize>,
    /// A draft was offered and neither used nor declined.
    draft_kept: bool,
    /// The last key was a character the focused field does not take (its kind).
    wrong_char: Option<Kind>,
    /// The question `Ctrl-D` asks, on a record that can be deleted here; `None`: no delete.
    delete_ask: Option<T>,
    /// The offered draft was made before the record changed elsewhere.
    draft_stale: bool,
    /// The form keeps no draft: closing a changed form asks to discard, not to keep.
    no_draft: bool,
}

impl Form {
    /// A form over `fields`, focused on the first field that can take input. `is_new`: a
    /// new record (no delete, and saving is always a write).
    pub fn new(title: impl Into<String>, fields: Vec<Field>, is_new: bool) -> Form {
        let mut f = Form {
            title: title.into(),
            fields,
            focus: 0,
            scroll: 0,
            start: Vec::new(),
            ask: None,
            problems: Vec::new(),
            tried_save: false,
            error: None,
            notice: None,
            underneath: None,
            is_new,
            refused: None,
            draft_kept: false,
            wrong_char: None,
            delete_ask: None,
            draft_stale: false,
            no_draft: false,
        };
        f.focus = f.next_focusable(0, true).unwrap_or(0);
        f.mark_clean();
        f
    }

    pub fn is_new(&self) -> bool {
        self.is_new
    }

    /// Lets `Ctrl-D` delete the record (not a new one), asking this question first.
    pub fn with_delete(mut self, question: T) -> Form {
        if !self.is_new {
            self.delete_ask = Some(question);
        }
        self
    }

    /// A form whose owner keeps no draft: `Esc` on a changed form asks whether to discard
    /// the changes instead of promising a draft.
    pub fn without_draft(mut self) -> Form {
        self.no_draft = true;
        self
    }

    /// What the form holds now becomes its unchanged state.
    pub fn mark_clean(&mut self) {
        self.start = self.values();
    }

    /// Every field's value by id: what a draft keeps and the dirty check compares.
    pub fn values(&self) -> Vec<(String, String)> {
        self.fields
            .iter()
            .filter(|f| !matches!(f.kind, Kind::Info | Kind::Heading))
            .map(|f| (f.id.to_string(), f.value_text()))
            .collect()
    }

    /// Whether anything differs from when the form opened (or was last marked clean).
    pub fn is_dirty(&self) -> bool {
        self.values() != self.start
    }

    /// Puts a draft's values into the fields (unknown ids are skipped).
    pub fn apply(&mut self, values: &[(String, String)]) {
        for (id, v) in values {
            if let Some(f) = self.fields.iter_mut().find(|f| f.id == id) {
                f.set_value_text(v);
            }
        }
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.id == id)
    }

    /// The field with this id. Panics on an id the form does not have: ids are constants
    /// of the form's own file, so that is a programming error, never the user's.
    pub fn field(&self, id: &str) -> &Field {
        match self.index(id) {
            Some(i) => &self.fields[i],
            None => panic!("form {:?} has no field {id:?}", self.title),
        }
    }

    pub fn field_mut(&mut self, id: &str) -> &mut Field {
        match self.index(id) {
            Some(i) => &mut self.fields[i],
            None => panic!("form {:?} has no field {id:?}", self.title),
        }
    }

    /// A text field's value ("" for other kinds).
    pub fn text(&self, id: &str) -> String {
        self.field(id).value_text()
    }

    pub fn set_text(&mut self, id: &str, v: &str) {
        self.field_mut(id).set_value_text(v);
    }

    /// A choice field's selected option.
    pub fn choice(&self, id: &str) -> Option<usize> {
        match &self.field(id).value {
            Value::Choice(c) => c.selected(),
            _ => None,
        }
    }

    /// What was typed into a choice field that matches none of its options.
    pub fn choice_unmatched(&self, id: &str) -> Option<String> {
        match &self.field(id).value {
            Value::Choice(c) if c.no_match() => Some(c.typed().to_string()),
            _ => None,
        }
    }

    pub fn set_choice(&mut self, id: &str, i: Option<usize>) {
        if let Value::Choice(c) = &mut self.field_mut(id).value {
            c.select(i);
        }
    }

    /// Replaces a choice's options, keeping the selected text if it is still offered.
    pub fn set_options(&mut self, id: &str, options: Vec<String>) {
        if let Value::Choice(c) = &mut self.field_mut(id).value {
            c.set_options(options);
        }
    }

    pub fn rating(&self, id: &str) -> Option<Rating> {
        match &self.field(id).value {
            Value::Rating(r) => r.value,
            _ => None,
        }
    }

    pub fn set_rating(&mut self, id: &str, r: Option<Rating>) {
        if let Value::Rating(f) = &mut self.field_mut(id).value {
            f.value = r;
        }
    }

    /// Sets an info field's text and style.
    pub fn set_info(&mut self, id: &str, text: String, style: Style) {
        if let Value::Info(t, s) = &mut self.field_mut(id).value {
            *t = text;
            *s = style;
        }
    }

    /// The id of the focused field.
    pub fn focus_id(&self) -> &'static str {
        self.fields.get(self.focus).map_or("", |f| f.id)
    }

    /// Moves the focus to the field with this id, if it takes input (a locked or hidden
    /// field never gets the focus, so it is never edited).
    pub fn focus_on(&mut self, id: &str) {
        if let Some(i) = self.index(id)
            && self.fields[i].focusable()
        {
            self.blur();
            self.focus = i;
        }
    }

    /// Focuses the first field that can take input and is still empty.
    pub fn focus_first_empty(&mut self) {
        if let Some(i) = self
            .fields
            .iter()
            .position(|f| f.focusable() && f.is_empty())
        {
            self.focus = i;
        }
    }

    fn next_focusable(&self, from: usize, forward: bool) -> Option<usize> {
        let n = self.fields.len();
        (0..n)
            .map(|k| {
                if forward {
                    (from + k) % n
                } else {
                    (from + n - k) % n
                }
            })
            .find(|&i| self.fields[i].focusable())
    }

    fn blur(&mut self) {
        if let Some(Field {
            value: Value::Choice(c),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            c.blur();
        }
    }

    /// Moves to the next field that takes input.
    pub fn advance(&mut self) {
        self.blur();
        let n = self.fields.len();
        if let Some(i) = self.next_focusable((self.focus + 1) % n, true) {
            self.focus = i;
        }
    }

    fn back(&mut self) {
        self.blur();
        let n = self.fields.len();
        if let Some(i) = self.next_focusable((self.focus + n - 1) % n, false) {
            self.focus = i;
        }
    }

    /// The form's current problems, first first: (field id, text). Shown for the focused
    /// field as it is typed, and for all after a save was tried.
    pub fn set_problems(&mut self, problems: Vec<(&'static str, String)>) {
        self.problems = problems;
    }

    pub fn first_problem(&self) -> Option<&(&'static str, String)> {
        self.problems.first()
    }

    fn problem_of(&self, id: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, t)| t.as_str())
    }

    /// The record a form built for a save, if the form has no problem; otherwise the save is
    /// refused ([`Form::refuse_save`]) and `None` returned. One place for every form's save.
    pub fn accept<T>(&mut self, built: Option<T>) -> Option<T> {
        match built {
            Some(record) if self.problems.is_empty() => Some(record),
            _ => {
                self.refuse_save();
                None
            }
        }
    }

    /// A save was refused for a problem: focus it and show problems from now on.
    pub fn refuse_save(&mut self) {
        self.tried_save = true;
        if let Some(id) = self.problems.first().map(|(id, _)| *id) {
            self.focus_on(id);
        }
    }

    /// Offers back a draft kept from an earlier session. `current`: the revision of the
    /// record as it is now; a draft made from another one (its `revisi` value) will be
    /// refused on saving as stale, and the question says so.
    pub fn offer_draft(&mut self, when: String, fields: Vec<(String, String)>, current: u64) {
        self.draft_stale = draft_revision(&fields).is_some_and(|r| r != current);
        self.ask = Some(Ask::Draft(when, fields));
        self.draft_kept = true;
    }

    /// Whether an offered draft is neither used nor declined yet: while the form is
    /// unchanged, that draft must stay in the store.
    pub fn draft_unresolved(&self) -> bool {
        self.draft_kept
    }

    /// Whether a question is waiting for its answer.
    pub fn asking(&self) -> bool {
        self.ask.is_some()
    }

    /// Whether the focused field takes typed text (digits there are text, never tab keys).
    pub fn captures_text(&self) -> bool {
        true
    }

    /// The keys of this form, for the footer and help; while a question is asked, only the
    /// keys that answer it.
    pub fn keys(&self) -> Vec<KeyHelp> {
        match &self.ask {
            Some(Ask::Draft(..)) => {
                return vec![
                    key(&[Key::Char('y')], T::KeyDraftUse, true),
                    key(&[Key::Char('n')], T::KeyDraftDiscard, true),
                    key(&[Key::Code(KeyCode::Esc)], T::KeyDraftLater, true),
                ];
            }
            Some(_) => {
                return vec![
                    key(&[Key::Char('y')], T::Yes, true),
                    key(&[Key::Char('n'), Key::Code(KeyCode::Esc)], T::No, true),
                ];
            }
            None => {}
        }
        let mut keys = vec![
            key(
                &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::Down)],
                T::KeyNextField,
                true,
            ),
            key(
                &[Key::Code(KeyCode::BackTab), Key::Code(KeyCode::Up)],
                T::KeyPrevField,
                false,
            ),
        ];
        let kinds: Vec<Kind> = self.fields.iter().map(|f| f.kind).collect();
        let has_notes = kinds.iter().any(|k| matches!(k, Kind::Notes { .. }));
        let has_suggest = kinds.iter().any(|k| matches!(k, Kind::Suggest { .. }));
        keys.push(key(
            &[Key::Code(KeyCode::Enter)],
            match (has_notes, has_suggest) {
                (true, true) => T::KeyEnterSuggestLine,
                (true, false) => T::KeyNextFieldOrLine,
                (false, true) => T::KeyEnterSuggest,
                (false, false) => T::KeyNextField,
            },
            false,
        ));
        if kinds.iter().any(|k| matches!(k, Kind::Rating { .. })) {
            keys.push(key(
                &[
                    Key::Char('1'),
                    Key::Char('2'),
                    Key::Char('3'),
                    Key::Code(KeyCode::Left),
                    Key::Code(KeyCode::Right),
                ],
                T::KeyChoose,
                true,
            ));
        } else if kinds.contains(&Kind::Choice) {
            keys.push(key(
                &[Key::Code(KeyCode::Left), Key::Code(KeyCode::Right)],
                T::KeyChoose,
                true,
            ));
        }
        if kinds.iter().any(|k| matches!(k, Kind::Suggest { .. })) {
            keys.push(key(
                &[Key::Code(KeyCode::Right)],
                T::KeyTakeSuggestion,
                false,
            ));
        }
        if kinds
            .iter()
            .any(|k| matches!(k, Kind::Text { .. } | Kind::Suggest { .. }))
        {
            keys.push(key(
                &[Key::Ctrl('u'), Key::Ctrl('w')],
                T::KeyClearText,
                false,
            ));
        }
        keys.push(key(
            &[Key::Ctrl('s'), Key::Code(KeyCode::F(2))],
            T::KeySave,
            true,
        ));
        if self.delete_ask.is_some() {
            keys.push(key(&[Key::Ctrl('d')], T::KeyDelete, false));
        }
        keys.push(key(&[Key::Code(KeyCode::Esc)], T::KeyCancel, true));
        keys.push(key(&[Key::Code(KeyCode::F(1))], T::KeyHelp, true));
        keys
    }

    /// Pasted text goes into the focused text field, flattened to one line (notes keep
    /// it as typed text on the current line). `None` when the focus is not a text field.
    pub fn paste(&mut self, text: &str) -> Option<Pasted> {
        if self.ask.is_some() {
            return None;
        }
        let field = self.fields.get_mut(self.focus)?;
        let kind = field.kind;
        let text = match kind {
            // Notes keep the pasted lines; every other field takes one line.
            Kind::Notes { .. } => text
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .replace('\t', " "),
            _ => crate::ui::event::flatten_paste(text),
        };
        let allowed: String = text
            .chars()
            .filter_map(|c| match c {
                '\n' => Some(c),
                // As typed: a line separator is a space, an escape nothing.
                c => crate::domain::text::typed(c),
            })
            .filter(|c| *c == '\n' && matches!(kind, Kind::Notes { .. }) || field.accepts(*c))
            .collect();
        // Characters the field does not take were left out: say so, as when typed.
        let dropped = allowed.chars().count()
            < text
                .chars()
                .filter(|c| !crate::domain::text::is_hidden(*c) || *c == '\n')
                .count();
        let outcome = match &mut field.value {
            Value::Text(t) => Pasted::from_field(t.paste(&allowed), t.max()),
            Value::Notes(t) => {
                let Kind::Notes { max } = kind else {
                    return None;
                };
                let used: usize = t.lines().iter().map(|l| l.chars().count() + 1).sum();
                let room = max.saturating_sub(used);
                let part: String = allowed.chars().take(room).collect();
                t.insert_str(&part);
                Pasted::from_field(part.chars().count() == allowed.chars().count(), Some(max))
            }
            _ => return None,
        };
        self.error = None;
        self.refused = match outcome {
            Pasted::Cut(m) => Some(m),
            Pasted::Whole => None,
        };
        self.wrong_char = dropped.then_some(kind);
        Some(outcome)
    }

    /// Handles one key.
    pub fn handle(&mut self, key: KeyEvent) -> FormEvent {
        self.refused = None;
        self.wrong_char = None;
        if let Some(ask) = self.ask.take() {
            let yes = matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y'));
            return match (ask, yes) {
                (Ask::Discard, true) => FormEvent::Close,
                (Ask::Delete, true) => FormEvent::Delete,
                (Ask::Draft(_, fields), true) => {
                    self.draft_kept = false;
                    self.apply(&fields);
                    FormEvent::DraftUsed(fields)
                }
                (Ask::Draft(..), false) if matches!(key.code, KeyCode::Char('n' | 'N')) => {
                    self.draft_kept = false;
                    FormEvent::DraftDeclined
                }
                // Esc answers "not now": the form closes and the draft stays, untouched (no
                // edit can be saved over it before the officer decides).
                (Ask::Draft(..), false) if key.code == KeyCode::Esc => FormEvent::Close,
                (ask @ Ask::Draft(..), false) => {
                    self.ask = Some(ask);
                    FormEvent::Changed
                }
                (_, false) => FormEvent::Changed,
            };
        }
        if is_ctrl(&key, 's') || key.code == KeyCode::F(2) {
            self.error = None;
            if !self.is_new && !self.is_dirty() {
                return FormEvent::Unchanged;
            }
            return FormEvent::Save;
        }
        if is_ctrl(&key, 'd') {
            if self.delete_ask.is_none() {
                return FormEvent::Ignored;
            }
            self.ask = Some(Ask::Delete);
            return FormEvent::Changed;
        }
        let Some(field) = self.fields.get(self.focus) else {
            return FormEvent::Ignored;
        };
        let in_notes = matches!(field.kind, Kind::Notes { .. });
        match key.code {
            KeyCode::Esc => {
                if self.is_dirty() {
                    self.ask = Some(Ask::Discard);
                    return FormEvent::Changed;
                }
                return FormEvent::Close;
            }
            KeyCode::Tab => {
                self.advance();
                return FormEvent::Changed;
            }
            KeyCode::BackTab => {
                self.back();
                return FormEvent::Changed;
            }
            KeyCode::Down | KeyCode::Up if in_notes => {
                // Up and Down move by the lines as drawn (a long line wraps); only Up on the
                // first of them and Down on the last leave the notes.
                if let Value::Notes(t) = &mut self.fields[self.focus].value {
                    let up = key.code == KeyCode::Up;
                    let before = t.cursor();
                    t.move_cursor(if up { CursorMove::Up } else { CursorMove::Down });
                    if t.cursor() == before {
                        if up {
                            self.back();
                        } else {
                            self.advance();
                        }
                    }
                    return FormEvent::Changed;
                }
            }
            KeyCode::Down => {
                self.advance();
                return FormEvent::Changed;
            }
            KeyCode::Up => {
                self.back();
                return FormEvent::Changed;
            }
            KeyCode::Enter if !in_notes => {
                if matches!(field.kind, Kind::Suggest { .. })
                    && let Some(s) = field.suggestion.clone()
                    && field.value_text() != s
                {
                    // Enter takes the suggestion and moves on; Right only takes it.
                    let took = self.take_suggestion(&s);
                    self.advance();
                    return took;
                }
                self.advance();
                return FormEvent::Changed;
            }
            _ => {}
        }
        self.edit(key)
    }

    fn take_suggestion(&mut self, s: &str) -> FormEvent {
        let id = self.fields[self.focus].id;
        self.fields[self.focus].set_value_text(s);
        self.error = None;
        FormEvent::Took(id)
    }

    fn edit(&mut self, mut key: KeyEvent) -> FormEvent {
        if !self.fields[self.focus].focusable() {
            return FormEvent::Ignored;
        }
        if let KeyCode::Char(c) = key.code {
            match crate::domain::text::typed(c) {
                // Invisible characters (bidi controls, escapes) are never typed into a field.
                None => return FormEvent::Ignored,
                // White space as it will be stored: a line separator is shown as a space.
                Some(c) => key.code = KeyCode::Char(c),
            }
        }
        let before = self.fields[self.focus].value_text();
        let field = &mut self.fields[self.focus];
        let id = field.id;
        let kind = field.kind;
        if let KeyCode::Char(c) = key.code
            && field.is_text()
            && !key.modifiers.contains(KeyModifiers::CONTROL)
            && !field.accepts(c)
        {
            // Not a character this field takes: type nothing, and say which it takes.
            self.wrong_char = Some(kind);
            return FormEvent::Changed;
        }
        let suggestion = field.suggestion.clone();
        let used = match &mut field.value {
            Value::Text(t) => {
                if matches!(kind, Kind::Suggest { .. })
                    && key.code == KeyCode::Right
                    && t.cursor() == t.value().chars().count()
                    && let Some(s) = suggestion
                {
                    return self.take_suggestion(&s);
                }
                let used = t.handle(&key);
                if t.refused() {
                    self.refused = t.max();
                }
                used
            }
            Value::Choice(c) => c.handle(&key),
            Value::Rating(r) => {
                let used = r.handle(&key);
                if used && matches!(key.code, KeyCode::Char('1'..='3')) {
                    // A rating chosen by its number moves on, so a column of ratings is one
                    // key each.
                    self.error = None;
                    self.advance();
                    return FormEvent::Edited(id);
                }
                used
            }
            Value::Notes(t) => {
                let Kind::Notes { max } = kind else {
                    return FormEvent::Ignored;
                };
                let used_chars: usize = t.lines().iter().map(|l| l.chars().count() + 1).sum();
                let adds = matches!(key.code, KeyCode::Char(_) | KeyCode::Enter)
                    && !key.modifiers.contains(KeyModifiers::CONTROL);
                if adds && used_chars > max {
                    self.refused = Some(max);
                    true
                } else if is_ctrl(&key, 'u') {
                    // Clears the notes, as in every text field (the textarea's own Ctrl-U
                    // is undo, which help does not list).
                    t.clear();
                    true
                } else if key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    && !matches!(key.code, KeyCode::Char('h' | 'u' | 'w' | 'a' | 'e' | 'k'))
                {
                    false
                } else {
                    t.input(key)
                        || matches!(
                            key.code,
                            KeyCode::Left
                                | KeyCode::Right
                                | KeyCode::Home
                                | KeyCode::End
                                | KeyCode::Backspace
                                | KeyCode::Delete
                        )
                }
            }
            Value::Info(..) | Value::Heading => false,
        };
        if !used {
            return FormEvent::Ignored;
        }
        if self.fields[self.focus].value_text() != before {
            self.error = None;
            FormEvent::Edited(id)
        } else {
            FormEvent::Changed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::Ui;
    use crate::ui::lang::Lang;
    use crate::ui::theme::Theme;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn form() -> Form {
        Form::new(
            "Uji",
            vec![
                Field::digits("tahun", "Tahun", 4, false, "2025"),
                Field::text("nama", "Nama", 10, ""),
                Field::rating("a", "Aspek A", true, None),
                Field::rating("b", "Aspek B", true, None),
                Field::info("hasil", "Hasil"),
                Field::notes("catatan", "Catatan", 100, ""),
            ],
            false,
        )
    }

    #[test]
    fn a_locked_field_never_takes_the_focus_or_an_edit() {
        let mut f = Form::new(
            "Uji",
            vec![
                Field::digits("tahun", "Tahun", 4, false, "2025").locked(true),
                Field::text("nama", "Nama", 10, ""),
            ],
            false,
        );
        assert_eq!(f.focus_id(), "nama");
        f.focus_on("tahun");
        assert_eq!(f.focus_id(), "nama", "a refused save cannot move it there");
        f.handle(k(KeyCode::Char('7')));
        assert_eq!(f.text("tahun"), "2025");
    }

    #[test]
    fn a_digit_field_types_only_digits() {
        let mut f = form();
        f.set_text("tahun", "");
        f.mark_clean();
        assert_eq!(f.handle(k(KeyCode::Char('x'))), FormEvent::Changed);
        assert_eq!(f.text("tahun"), "");
        assert_eq!(f.handle(k(KeyCode::Char('7'))), FormEvent::Edited("tahun"));
        assert_eq!(f.text("tahun"), "7");
    }

    #[test]
    fn ratings_by_number_move_on_and_skip_info_fields() {
        let mut f = form();
        f.focus_on("a");
        f.handle(k(KeyCode::Char('1')));
        assert_eq!(f.focus_id(), "b");
        f.handle(k(KeyCode::Char('3')));
        assert_eq!(f.focus_id(), "catatan");
        assert_eq!(f.rating("a"), Some(Rating::DiAtas));
        assert_eq!(f.rating("b"), Some(Rating::DiBawah));
    }

    #[test]
    fn esc_on_a_changed_form_asks_and_esc_answers_no() {
        let mut f = form();
        f.focus_on("nama");
        f.handle(k(KeyCode::Char('R')));
        assert_eq!(f.handle(k(KeyCode::Esc)), FormEvent::Changed);
        assert!(f.asking());
        assert_eq!(f.handle(k(KeyCode::Esc)), FormEvent::Changed);
        assert!(!f.asking());
        f.handle(k(KeyCode::Esc));
        assert_eq!(f.handle(k(KeyCode::Char('y'))), FormEvent::Close);
    }

    #[test]
    fn saving_an_unchanged_existing_record_writes_nothing() {
        let mut f = form();
        let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(f.handle(save), FormEvent::Unchanged);
        f.focus_on("nama");
        f.handle(k(KeyCode::Char('R')));
        assert_eq!(f.handle(save), FormEvent::Save);
        // Typed back to what it was: unchanged again.
        f.handle(k(KeyCode::Backspace));
        assert!(!f.is_dirty());
    }

    #[test]
    fn a_full_text_field_refuses_and_says_its_limit() {
        let mut f = form();
        f.focus_on("nama");
        for c in "Rina Siregar".chars() {
            f.handle(k(KeyCode::Char(c)));
        }
        assert_eq!(f.text("nama"), "Rina Sireg");
        let ui = Ui {
            lang: Lang::Id,
            theme: Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        let (msg, _) = f.message(&ui).expect("a message");
        assert!(msg.contains("10"), "{msg}");
    }

    #[test]
    fn notes_take_line_breaks_and_keep_every_line() {
        let mut f = form();
        f.focus_on("catatan");
        for c in "satu".chars() {
            f.handle(k(KeyCode::Char(c)));
        }
        f.handle(k(KeyCode::Enter));
        for c in "dua".chars() {
            f.handle(k(KeyCode::Char(c)));
        }
        f.handle(k(KeyCode::Enter));
        f.handle(k(KeyCode::Char('3')));
        f.handle(k(KeyCode::Enter));
        f.handle(k(KeyCode::Char('4')));
        assert_eq!(f.text("catatan"), "satu\ndua\n3\n4");
    }

    /// A new-user walk: Up on the second line of a long wrapped note left the field, and
    /// Ctrl-U undid instead of clearing as help says.
    #[test]
    fn up_in_notes_moves_by_wrapped_lines_and_ctrl_u_clears() {
        let ui = Ui::default();
        let mut f = form();
        f.focus_on("catatan");
        for _ in 0..19 {
            for c in "kata ".chars() {
                f.handle(k(KeyCode::Char(c)));
            }
        }
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 30))
            .expect("a test terminal");
        term.draw(|fr| f.draw(fr, fr.area(), &ui, Vec::new()))
            .expect("drawn");
        // 95 characters on one line wrap onto two lines or more: Up stays in the notes.
        let row = |f: &Form| match &f.field("catatan").value {
            Value::Notes(t) => t.screen_cursor().row,
            _ => usize::MAX,
        };
        let last = row(&f);
        assert!(last >= 1, "{last}");
        f.handle(k(KeyCode::Up));
        assert_eq!((f.focus_id(), row(&f)), ("catatan", last - 1));
        for _ in 0..last - 1 {
            f.handle(k(KeyCode::Up));
        }
        assert_eq!(f.focus_id(), "catatan");
        f.handle(k(KeyCode::Up));
        assert_eq!(f.focus_id(), "b", "from the first line Up leaves");
        f.focus_on("catatan");
        let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(f.handle(ctrl_u), FormEvent::Edited("catatan"));
        assert_eq!(f.text("catatan"), "");
    }

    #[test]
    fn a_paste_goes_to_the_focused_text_field_only() {
        let mut f = form();
        f.focus_on("a");
        assert_eq!(f.paste("123"), None);
        assert_eq!(f.rating("a"), None);
        f.focus_on("nama");
        assert_eq!(f.paste("Budi Santoso"), Some(Pasted::Cut(10)));
        assert_eq!(f.text("nama"), "Budi Santo");
    }

    #[test]
    fn esc_on_the_draft_question_keeps_the_draft_for_later() {
        let mut f = form();
        f.offer_draft("kemarin".into(), f.values(), 0);
        assert_eq!(f.handle(k(KeyCode::Char('x'))), FormEvent::Changed);
        assert!(f.asking(), "other keys leave the question open");
        assert_eq!(f.handle(k(KeyCode::Esc)), FormEvent::Close);
        assert!(f.draft_unresolved());
        let mut g = form();
        g.offer_draft("kemarin".into(), g.values(), 0);
        assert_eq!(g.handle(k(KeyCode::Char('n'))), FormEvent::DraftDeclined);
        assert!(!g.draft_unresolved());
    }

    #[test]
    fn a_draft_is_the_values_by_id_and_comes_back_whole() {
        let mut f = form();
        f.set_text("nama", "Rina");
        f.set_rating("b", Some(Rating::Sesuai));
        f.set_text("catatan", "a\nb");
        let values = f.values();
        let mut g = form();
        g.offer_draft("kemarin".into(), values.clone(), 0);
        assert_eq!(
            g.handle(k(KeyCode::Char('y'))),
            FormEvent::DraftUsed(values.clone())
        );
        assert_eq!(g.values(), values);
    }
}
