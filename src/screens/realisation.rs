//! Realisasi SKP (`R` on the staff list): the realisations of one unit for one evaluation
//! period, indicator by indicator (issue 19). Page `k` lists everyone whose SKP covers the
//! period with their `k`-th indicator, its target, the realisation recorded and the
//! capaian. A digit starts typing the selected person's realisation (`Enter` for a text
//! one); `Enter` saves that one realisation (the store's `save_realisasi`) and moves on to
//! the next person, so a page is the numbers and one `Enter` each. After the last person
//! the next page follows. The satuan is the target's when only a number is typed.
//!
//! Under a `Kuantitatif` SKP a sentence is refused (the realisation is a number and its
//! satuan). A satuan other than the target's (`280 orang` for `300 pasien`) gives no
//! capaian: the line under the table says so while it is typed, and the first `Enter` asks
//! for a second one to save it anyway.

use super::{Outcome, Screen};
use crate::domain::{Nilai, Pendekatan, Period, PeriodKind};
use crate::ui::input::TextInput;
use crate::ui::keys::{self, Binding, Key, NAV, bind};
use crate::ui::lang::T;
use crate::ui::unit_picker::UnitPicker;
use crate::ui::{KeyHelp, Pasted, Ui, fit, key, year_span};
use crate::views::realisation::{EntryRow, UnitRealisation};
use crate::views::skp::capaian_text;
use crossterm::event::{KeyCode, KeyEvent};
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// One realisation to save, as the screen asks `app/` to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealisasiEntry {
    /// The 18 NIP digits.
    pub nip: String,
    pub skp_id: u32,
    /// The SKP's revision as shown: a save over a newer one is refused (stale).
    pub revision: u64,
    pub indikator_id: u32,
    pub period: Period,
    /// `None` clears the period's realisation.
    pub nilai: Option<Nilai>,
    /// The note the realisation had (from an import): kept when only the value changes.
    pub catatan: String,
}

/// The most characters a realisation takes.
const MAX_TYPED: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Enter,
    NextPage,
    PrevPage,
    PrevPeriod,
    NextPeriod,
    PrevYear,
    NextYear,
    Kind,
    Unit,
    Clear,
    Back,
    Quit,
}

/// The keys while browsing: they decide what a key does, and the footer and help show
/// them.
const BROWSE_KEYS: [Binding<Act>; 12] = [
    bind(
        &[
            Key::Code(KeyCode::Enter),
            Key::Char('0'),
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('3'),
            Key::Char('4'),
            Key::Char('5'),
            Key::Char('6'),
            Key::Char('7'),
            Key::Char('8'),
            Key::Char('9'),
        ],
        Act::Enter,
        T::KeyEnterRealisation,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Tab)],
        Act::NextPage,
        T::KeyIndicator,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::BackTab)],
        Act::PrevPage,
        T::KeyIndicator,
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Left)],
        Act::PrevPeriod,
        T::KeyPeriodMove,
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Right)],
        Act::NextPeriod,
        T::KeyPeriodMove,
        true,
    ),
    bind(&[Key::Char('[')], Act::PrevYear, T::KeyYear, false),
    bind(&[Key::Char(']')], Act::NextYear, T::KeyYear, false),
    bind(&[Key::Char('b')], Act::Kind, T::KeyMonthQuarter, false),
    bind(&[Key::Char('f')], Act::Unit, T::KeyUnit, true),
    bind(
        &[Key::Code(KeyCode::Delete)],
        Act::Clear,
        T::KeyClearRealisation,
        false,
    ),
    bind(&[Key::Code(KeyCode::Esc)], Act::Back, T::KeyBack, true),
    bind(&[Key::Char('q')], Act::Quit, T::KeyQuit, false),
];

/// The keys while a realisation is typed.
const ENTRY_KEYS: [KeyHelp; 5] = [
    key(&[Key::Code(KeyCode::Enter)], T::KeySaveNext, true),
    key(
        &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)],
        T::KeyIndicator,
        true,
    ),
    key(
        &[Key::Code(KeyCode::Up), Key::Code(KeyCode::Down)],
        T::KeyMove,
        false,
    ),
    key(&[Key::Code(KeyCode::Esc)], T::KeyStop, true),
    key(&[Key::Code(KeyCode::F(1))], T::KeyHelp, true),
];

const ASK_KEYS: [KeyHelp; 2] = [
    key(&[Key::Char('y')], T::Yes, true),
    key(&[Key::Code(KeyCode::Esc)], T::KeyCancel, true),
];

enum Mode {
    Browse,
    /// Typing the selected person's realisation.
    Entry(TextInput),
    /// `Del` asked whether to clear the selected realisation.
    ClearAsk,
}

pub struct RealisationScreen {
    data: UnitRealisation,
    /// The page: the `page`-th indicator of each plan.
    page: usize,
    /// The selected row of the page.
    selected: usize,
    offset: usize,
    /// Rows that fit, from the last draw.
    rows_fit: usize,
    mode: Mode,
    picker: Option<UnitPicker>,
    today: Date,
    /// A line under the table until the next key: (text, is an error).
    message: Option<(String, bool)>,
    /// A realisation whose satuan is not the target's, warned about at its first `Enter`:
    /// (NIP, indicator id, the text typed). The next `Enter` on the same saves it.
    satuan_asked: Option<(String, u32, String)>,
}

/// The period a unit's realisations are most likely entered for: the latest quarter that
/// has ended (the last one of last year early in January).
pub fn default_period(today: Date) -> Period {
    let q = (today.month() as u8 - 1) / 3 + 1;
    let (year, q) = if q == 1 {
        (today.year() - 1, 4)
    } else {
        (today.year(), q - 1)
    };
    Period::new(year, PeriodKind::Triwulan(q)).unwrap_or(Period::annual(year))
}

/// The satuan typed and the target's when they differ (case aside): such a realisation
/// has no capaian. `None` when either has none, or for a sentence.
pub fn other_satuan(typed: &Nilai, target: &Nilai) -> Option<(String, String)> {
    match (typed, target) {
        (Nilai::Angka { satuan: a, .. }, Nilai::Angka { satuan: b, .. })
            if !a.is_empty() && !b.is_empty() && a.to_lowercase() != b.to_lowercase() =>
        {
            Some((a.clone(), b.clone()))
        }
        _ => None,
    }
}

/// What is typed as a realisation: a number keeps the target's satuan when none is typed
/// (`12` for a target of `10 laporan` is `12 laporan`); anything else is a sentence.
/// `None` when empty.
pub fn typed_nilai(typed: &str, target: &Nilai) -> Option<Nilai> {
    match Nilai::parse(typed)? {
        Nilai::Angka { nilai, satuan } if satuan.is_empty() => Some(Nilai::Angka {
            nilai,
            satuan: match target {
                Nilai::Angka { satuan, .. } => satuan.clone(),
                Nilai::Teks(_) => String::new(),
            },
        }),
        other => Some(other),
    }
}

impl RealisationScreen {
    pub fn new(data: UnitRealisation, today: Date) -> RealisationScreen {
        RealisationScreen {
            data,
            page: 0,
            selected: 0,
            offset: 0,
            rows_fit: 10,
            mode: Mode::Browse,
            picker: None,
            today,
            message: None,
            satuan_asked: None,
        }
    }

    pub fn unit_id(&self) -> &str {
        &self.data.unit_id
    }

    /// The plans shown; the app reads the rest of them into it after the first frame
    /// ([`UnitRealisation::read_more`]).
    pub fn data_mut(&mut self) -> &mut UnitRealisation {
        &mut self.data
    }

    /// While the unit's plans are still being read: (people read, people in the unit).
    pub fn loading(&self) -> Option<(usize, usize)> {
        self.data.loading()
    }

    pub fn period(&self) -> Period {
        self.data.period
    }

    pub fn page(&self) -> usize {
        self.page
    }

    /// Shows page `page` (kept when another period or unit is shown).
    pub fn set_page(&mut self, page: usize) {
        self.page = page.min(self.data.pages().saturating_sub(1));
        self.selected = 0;
        self.offset = 0;
    }

    /// Whether a realisation is being typed.
    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::Entry(_))
    }

    /// The NIP of the selected row's person.
    pub fn selected_nip(&self) -> Option<String> {
        self.rows().get(self.selected).map(|r| r.nip.to_string())
    }

    /// Another session saved `nip`'s SKP (issue 22): it is put in as saved, whatever is
    /// typed stays, and `notice` (who changed it, when, what) shows under the table.
    pub fn changed_elsewhere(
        &mut self,
        nip: &str,
        skp: crate::domain::Skp,
        notice: Option<String>,
    ) {
        self.data.replace(nip, skp);
        self.selected = self.selected.min(self.rows().len().saturating_sub(1));
        if let Some(text) = notice {
            self.message = Some((text, true));
        }
    }

    fn rows(&self) -> Vec<EntryRow<'_>> {
        self.data.rows(self.page)
    }

    /// The store saved the realisation: the person's SKP as saved (its new revision), and
    /// on to the next person, typing still; after the last one the next page.
    pub fn saved(&mut self, nip: &str, skp: crate::domain::Skp, ui: &Ui) {
        self.data.replace(nip, skp);
        self.message = Some((ui.t(T::Saved).to_string(), false));
        self.advance(ui);
    }

    /// On to the next person, typing still; after a page's last one the next page; after
    /// the last page, typing ends and the screen says so.
    fn advance(&mut self, ui: &Ui) {
        let len = self.rows().len();
        if self.selected + 1 < len {
            self.selected += 1;
        } else if self.page + 1 < self.data.pages() {
            self.page += 1;
            self.selected = 0;
            self.offset = 0;
        } else {
            self.mode = Mode::Browse;
            self.message = Some((ui.t(T::RealDone).to_string(), false));
            return;
        }
        if let Mode::Entry(input) = &mut self.mode {
            *input = TextInput::default().with_max(MAX_TYPED);
        }
    }

    /// The save was refused: the reason, and what was typed stays. With the SKP read
    /// again (a stale save), the next `Enter` saves over the newer revision.
    pub fn refused(&mut self, message: String, fresh: Option<(String, crate::domain::Skp)>) {
        if let Some((nip, skp)) = fresh {
            self.data.replace(&nip, skp);
            self.selected = self.selected.min(self.rows().len().saturating_sub(1));
        }
        self.message = Some((message, true));
    }

    fn move_to(&mut self, selected: usize) {
        self.selected = selected.min(self.rows().len().saturating_sub(1));
        if let Mode::Entry(input) = &mut self.mode {
            *input = TextInput::default().with_max(MAX_TYPED);
        }
    }

    fn turn_page(&mut self, forward: bool) -> Outcome {
        let pages = self.data.pages();
        if pages == 0 {
            return Outcome::Ignored;
        }
        self.page = if forward {
            (self.page + 1) % pages
        } else {
            (self.page + pages - 1) % pages
        };
        self.move_to(0);
        self.offset = 0;
        Outcome::Changed
    }

    /// Another period of the same kind in the year (`step` -1 or 1), the same one in
    /// another year, or the other kind (quarter <-> the quarter's last month).
    fn period_outcome(&self, act: Act) -> Outcome {
        let p = self.data.period;
        let kind = match (act, p.kind) {
            (Act::PrevPeriod, PeriodKind::Triwulan(q)) if q > 1 => PeriodKind::Triwulan(q - 1),
            (Act::NextPeriod, PeriodKind::Triwulan(q)) if q < 4 => PeriodKind::Triwulan(q + 1),
            (Act::PrevPeriod, PeriodKind::Bulanan(m)) if m > 1 => PeriodKind::Bulanan(m - 1),
            (Act::NextPeriod, PeriodKind::Bulanan(m)) if m < 12 => PeriodKind::Bulanan(m + 1),
            // The quarter's last month that has started.
            (Act::Kind, PeriodKind::Triwulan(q)) => {
                let month = (q * 3 - 2..=q * 3)
                    .rev()
                    .find(|m| {
                        Period::new(p.year, PeriodKind::Bulanan(*m))
                            .is_some_and(|x| !x.is_future(self.today))
                    })
                    .unwrap_or(q * 3);
                PeriodKind::Bulanan(month)
            }
            (Act::Kind, PeriodKind::Bulanan(m)) => PeriodKind::Triwulan(m.div_ceil(3)),
            (Act::PrevYear | Act::NextYear, k) => k,
            _ => return Outcome::Ignored,
        };
        let year = match act {
            Act::PrevYear => p.year - 1,
            Act::NextYear => p.year + 1,
            _ => p.year,
        };
        match Period::new(year, kind) {
            Some(period) if !period.is_future(self.today) => {
                Outcome::RealisationView(self.data.unit_id.clone(), period)
            }
            _ => Outcome::Ignored,
        }
    }

    /// Starts typing the selected person's realisation (with `first`, a digit typed).
    fn start_entry(&mut self, first: Option<char>, ui: &Ui) -> Outcome {
        if self.rows().is_empty() {
            return Outcome::Ignored;
        }
        if self.data.period.is_future(self.today) {
            self.message = Some((ui.t(T::ErrFuturePeriod).to_string(), true));
            return Outcome::Changed;
        }
        let mut input = TextInput::default().with_max(MAX_TYPED);
        if let Some(c) = first {
            input.insert(c);
        }
        self.mode = Mode::Entry(input);
        Outcome::Changed
    }

    /// The selected row's realisation as typed, for `app/` to save (`None` typed: clear).
    fn entry(&self, typed: &str, clear: bool) -> Option<RealisasiEntry> {
        let rows = self.rows();
        let row = rows.get(self.selected)?;
        let nilai = typed_nilai(typed, row.target);
        if nilai.is_none() && !clear {
            return None;
        }
        Some(RealisasiEntry {
            nip: row.nip.to_string(),
            skp_id: row.skp_id,
            revision: row.revision,
            indikator_id: row.indikator_id,
            period: self.data.period,
            nilai,
            catatan: row.realisasi.map_or(String::new(), |r| r.catatan.clone()),
        })
    }

    /// Why `typed` is not saved on this `Enter`: a sentence under a `Kuantitatif` SKP
    /// (refused), or a satuan other than the target's not asked about yet (the next
    /// `Enter` saves it).
    fn check_typed(&mut self, typed: &str, ui: &Ui) -> Option<String> {
        let rows = self.rows();
        let row = rows.get(self.selected)?;
        let nilai = typed_nilai(typed, row.target)?;
        if row.pendekatan == Pendekatan::Kuantitatif && matches!(nilai, Nilai::Teks(_)) {
            let example = match row.target {
                Nilai::Angka { .. } => row.target.to_string(),
                Nilai::Teks(_) => "12 laporan".to_string(),
            };
            return Some(ui.t(T::RealErrNumber).replace("{example}", &example));
        }
        let (got, want) = other_satuan(&nilai, row.target)?;
        let asked = (row.nip.to_string(), row.indikator_id, typed.to_string());
        if self.satuan_asked.as_ref() == Some(&asked) {
            return None;
        }
        self.satuan_asked = Some(asked);
        Some(
            ui.t(T::RealAskSatuan)
                .replace("{typed}", &ui.theme.text(&got))
                .replace("{target}", &ui.theme.text(&want)),
        )
    }

    fn handle_browse(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        if let Some(nav) = keys::action(&NAV, &key) {
            let len = self.rows().len();
            self.selected = keys::step(nav, self.selected, len, self.rows_fit);
            return Outcome::Changed;
        }
        match keys::action(&BROWSE_KEYS, &key) {
            Some(Act::Enter) => {
                let first = match key.code {
                    KeyCode::Char(c) => Some(c),
                    _ => None,
                };
                self.start_entry(first, ui)
            }
            Some(Act::NextPage) => self.turn_page(true),
            Some(Act::PrevPage) => self.turn_page(false),
            Some(
                act @ (Act::PrevPeriod
                | Act::NextPeriod
                | Act::PrevYear
                | Act::NextYear
                | Act::Kind),
            ) => self.period_outcome(act),
            Some(Act::Unit) => {
                self.picker = Some(UnitPicker::new(
                    &self.data.units,
                    Some(self.data.unit_id.as_str()),
                ));
                Outcome::Changed
            }
            Some(Act::Clear) => {
                let recorded = self
                    .rows()
                    .get(self.selected)
                    .is_some_and(|r| r.realisasi.is_some());
                if !recorded {
                    return Outcome::Ignored;
                }
                self.mode = Mode::ClearAsk;
                Outcome::Changed
            }
            Some(Act::Back) => Outcome::Back,
            Some(Act::Quit) => Outcome::Quit,
            // A letter starts nothing here: said, not silently dropped.
            None => match key.code {
                KeyCode::Char(c)
                    if c.is_alphabetic()
                        && !key.modifiers.intersects(
                            crossterm::event::KeyModifiers::CONTROL
                                | crossterm::event::KeyModifiers::ALT,
                        )
                        && !self.rows().is_empty() =>
                {
                    self.message = Some((
                        ui.t(T::RealLetterHint).replace("{key}", &c.to_string()),
                        true,
                    ));
                    Outcome::Changed
                }
                _ => Outcome::Ignored,
            },
        }
    }

    fn handle_entry(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        let Mode::Entry(input) = &mut self.mode else {
            return Outcome::Ignored;
        };
        match key.code {
            KeyCode::Esc => {
                self.mode = Mode::Browse;
                Outcome::Changed
            }
            KeyCode::Enter => {
                let typed = input.value().to_string();
                if typed.trim().is_empty() {
                    // Nothing typed: this one stays as it is; on to the next.
                    self.advance(ui);
                    return Outcome::Changed;
                }
                if let Some(refusal) = self.check_typed(&typed, ui) {
                    self.message = Some((refusal, true));
                    return Outcome::Changed;
                }
                self.satuan_asked = None;
                match self.entry(&typed, false) {
                    Some(e) => Outcome::SaveRealisasi(Box::new(e)),
                    None => Outcome::Ignored,
                }
            }
            KeyCode::Tab => self.turn_page(true),
            KeyCode::BackTab => self.turn_page(false),
            KeyCode::Up => {
                self.move_to(self.selected.saturating_sub(1));
                Outcome::Changed
            }
            KeyCode::Down => {
                self.move_to(self.selected + 1);
                Outcome::Changed
            }
            _ => {
                if input.handle(&key) {
                    Outcome::Changed
                } else {
                    Outcome::Ignored
                }
            }
        }
    }
}

impl Screen for RealisationScreen {
    fn keys(&self) -> Vec<KeyHelp> {
        match &self.mode {
            Mode::Browse => {
                // The screen's own keys first: the footer shows as many as fit. With no
                // SKP for the period there is nothing to fill in, page or clear.
                let mut k = keys::help(&BROWSE_KEYS);
                if self.rows().is_empty() {
                    k.retain(|h| {
                        !matches!(
                            h.action,
                            T::KeyEnterRealisation | T::KeyIndicator | T::KeyClearRealisation
                        )
                    });
                }
                k.extend(keys::nav_help());
                k.push(key(
                    &[Key::Char('?'), Key::Code(KeyCode::F(1))],
                    T::KeyHelp,
                    true,
                ));
                k
            }
            Mode::Entry(_) => ENTRY_KEYS.to_vec(),
            Mode::ClearAsk => ASK_KEYS.to_vec(),
        }
    }

    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome {
        self.message = None;
        match &self.mode {
            Mode::Browse => self.handle_browse(key, ui),
            Mode::Entry(_) => self.handle_entry(key, ui),
            Mode::ClearAsk => {
                self.mode = Mode::Browse;
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    match self.entry("", true) {
                        Some(e) => Outcome::SaveRealisasi(Box::new(e)),
                        None => Outcome::Changed,
                    }
                } else {
                    Outcome::Changed
                }
            }
        }
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = format!(
            " {}: {} ",
            ui.t(T::RealisationTitle),
            fit(ui, &self.data.unit_name, 50)
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(ui.theme.border())
            .title(Span::styled(title, ui.theme.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.height < 8 || inner.width < 40 {
            return;
        }
        let width = inner.width as usize;
        let pages = self.data.pages();
        let (filled, total) = self.data.filled(self.page);
        let mut lines: Vec<Line> = Vec::new();
        // The period line: year, period, page, how many are filled.
        let mut head = vec![
            Span::raw(" "),
            year_span(ui, self.data.period.year),
            Span::raw("  "),
            Span::styled(
                crate::ui::labels::period_kind_text(self.data.period.kind, ui.lang),
                ui.theme.title(),
            ),
        ];
        if pages > 0 {
            head.push(Span::styled(
                format!(
                    "   {} {} / {}   {} {filled} / {total}",
                    ui.t(T::RealIndicator),
                    self.page + 1,
                    pages,
                    ui.t(T::RealFilled)
                ),
                ui.theme.muted(),
            ));
        }
        let loading = self.data.loading().map(|(n, m)| {
            ui.t(T::RealLoading)
                .replace("{n}", &n.to_string())
                .replace("{m}", &m.to_string())
        });
        lines.push(Line::from(head));
        let rows = self.data.rows(self.page);
        if rows.is_empty() {
            lines.push(Line::raw(""));
            if let Some(text) = &loading {
                lines.push(Line::styled(format!(" {text}"), ui.theme.muted()));
            } else {
                lines.push(Line::styled(
                    format!(" {}", ui.t(T::RealNoPlans)),
                    ui.theme.muted(),
                ));
            }
            if loading.is_none() && self.data.without_skp > 0 {
                lines.push(Line::styled(
                    format!(
                        " {}",
                        ui.t(T::RealWithoutSkp)
                            .replace("{n}", &self.data.without_skp.to_string())
                    ),
                    ui.theme.muted(),
                ));
            }
            frame.render_widget(Paragraph::new(lines), inner);
            return;
        }
        self.selected = self.selected.min(rows.len() - 1);
        // What the selected row's indicator is, in full (two lines).
        let sel = &rows[self.selected];
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    " RHK {} {}: ",
                    sel.rhk_no,
                    crate::ui::skp_labels::jenis_text(sel.jenis, ui.lang)
                ),
                ui.theme.muted(),
            ),
            Span::raw(fit(ui, sel.rhk, width.saturating_sub(20))),
        ]));
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    " {}: ",
                    crate::ui::skp_labels::aspek_text(sel.aspek, ui.lang)
                ),
                ui.theme.muted(),
            ),
            Span::styled(
                fit(ui, sel.indikator, width.saturating_sub(14)),
                ui.theme.title(),
            ),
        ]));
        // The table: name, indicator, target, realisation, capaian (as wide as its title).
        let cap_w = unicode_width::UnicodeWidthStr::width(ui.t(T::RealColCapaian)).max(7);
        let (target_w, real_w) = (11usize, 13usize);
        let rest = width.saturating_sub(2 + target_w + real_w + cap_w + 4);
        let name_w = rest / 2;
        let ind_w = rest - name_w;
        let cell = |s: &str, w: usize| {
            let s = fit(ui, s, w);
            let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(s.as_str()));
            format!("{s}{}", " ".repeat(pad))
        };
        lines.push(Line::styled(
            format!(
                "  {} {} {} {} {:>cap_w$}",
                cell(ui.t(T::ColName), name_w),
                cell(ui.t(T::RealColIndicator), ind_w),
                cell(ui.t(T::RealColTarget), target_w),
                cell(ui.t(T::RealColRealisasi), real_w),
                fit(ui, ui.t(T::RealColCapaian), cap_w),
            ),
            ui.theme.header(),
        ));
        let bottom_lines = 2usize;
        let rows_fit = (inner.height as usize)
            .saturating_sub(lines.len() + bottom_lines)
            .max(1);
        self.rows_fit = rows_fit;
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows_fit {
            self.offset = self.selected + 1 - rows_fit;
        }
        let typing = match &self.mode {
            Mode::Entry(input) => Some(input),
            _ => None,
        };
        for (i, r) in rows.iter().enumerate().skip(self.offset).take(rows_fit) {
            let selected = i == self.selected;
            let marker = if selected {
                ui.theme.sym("▶ ", "> ")
            } else {
                "  "
            };
            // Typing over a recorded value: it stays in sight, dimmed after the cursor,
            // until the first character replaces it.
            let kept = match (selected, typing) {
                (true, Some(input)) if input.value().is_empty() => {
                    r.realisasi.map(|x| x.nilai.to_string())
                }
                _ => None,
            };
            let real = match (selected, typing) {
                (true, Some(input)) => {
                    let (shown, _) = input.view(real_w - 1);
                    format!("{}{}", ui.theme.text(&shown), ui.theme.sym("▏", "_"))
                }
                _ => r.realisasi.map_or("-".to_string(), |x| x.nilai.to_string()),
            };
            let met = r
                .realisasi
                .and_then(|x| crate::domain::skp::met(r.aspek, r.target, &x.nilai));
            let cap_style = match met {
                Some(true) => ui.theme.ok(),
                Some(false) => ui.theme.error(),
                None => ui.theme.muted(),
            };
            let row_style = if selected {
                ui.theme.selected()
            } else {
                Style::new()
            };
            let real_style = if selected && typing.is_some() {
                ui.theme.key()
            } else {
                row_style
            };
            let mut spans = vec![
                Span::styled(marker, ui.theme.key()),
                Span::styled(
                    format!(
                        "{} {} {} ",
                        cell(r.name, name_w),
                        cell(r.indikator, ind_w),
                        cell(&r.target.to_string(), target_w)
                    ),
                    row_style,
                ),
            ];
            match &kept {
                Some(value) => {
                    spans.push(Span::styled(real, real_style));
                    spans.push(Span::styled(cell(value, real_w - 1), ui.theme.muted()));
                }
                None => spans.push(Span::styled(cell(&real, real_w), real_style)),
            }
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                format!("{:>cap_w$}", capaian_text(r.capaian)),
                cap_style,
            ));
            lines.push(Line::from(spans));
        }
        while lines.len() < inner.height as usize - bottom_lines {
            lines.push(Line::raw(""));
        }
        // Under the table: the question, the message, or what typing does; then who has no
        // SKP for the period.
        let under = match (&self.mode, &self.message) {
            (Mode::ClearAsk, _) => Line::styled(
                format!(" {}", ui.t(T::RealClearAsk)),
                ui.theme.key().add_modifier(ratatui::style::Modifier::BOLD),
            ),
            (_, Some((text, true))) => {
                Line::styled(fit(ui, &format!(" {text}"), width), ui.theme.error())
            }
            (_, Some((text, false))) => {
                Line::styled(fit(ui, &format!(" {text}"), width), ui.theme.ok())
            }
            (Mode::Entry(input), None) => {
                let satuan = match sel.target {
                    Nilai::Angka { satuan, .. } if !satuan.is_empty() => satuan.as_str(),
                    _ => "-",
                };
                let typed = typed_nilai(input.value(), sel.target);
                let other = typed.as_ref().and_then(|n| other_satuan(n, sel.target));
                let (text, style) = match (other, sel.realisasi) {
                    // Said while it is typed, before any Enter.
                    (Some((got, want)), _) => (satuan_warning(ui, &got, &want), ui.theme.error()),
                    (None, Some(x)) if input.value().is_empty() => (
                        ui.t(T::RealReplaceHint)
                            .replace("{value}", &x.nilai.to_string()),
                        ui.theme.muted(),
                    ),
                    (None, _) => {
                        let hint = match sel.pendekatan {
                            Pendekatan::Kuantitatif => T::RealTypeNumberHint,
                            Pendekatan::Kualitatif => T::RealTypeHint,
                        };
                        (
                            format!("{}; {} {satuan}", ui.t(hint), ui.t(T::RealSatuan)),
                            ui.theme.muted(),
                        )
                    }
                };
                Line::styled(fit(ui, &format!(" {text}"), width), style)
            }
            (Mode::Browse, None) => {
                Line::styled(format!(" {}", ui.t(T::RealBrowseHint)), ui.theme.muted())
            }
        };
        lines.push(under);
        // While plans are read the counts are partial: say so instead of the count of
        // people without a plan.
        if let Some(text) = &loading {
            lines.push(Line::styled(format!(" {text}"), ui.theme.muted()));
        } else if self.data.without_skp > 0 {
            lines.push(Line::styled(
                format!(
                    " {}",
                    ui.t(T::RealWithoutSkp)
                        .replace("{n}", &self.data.without_skp.to_string())
                ),
                ui.theme.muted(),
            ));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn title(&self) -> T {
        T::RealisationTitle
    }

    /// Typed characters go into the realisation while one is typed.
    fn captures_text(&self) -> bool {
        matches!(self.mode, Mode::Entry(_))
    }

    /// A digit starts a realisation: no digit opens another tab here.
    fn binds_digits(&self) -> bool {
        true
    }

    fn paste(&mut self, text: &str, _ui: &Ui) -> Option<Pasted> {
        match &mut self.mode {
            Mode::Entry(input) => {
                let text = crate::ui::event::flatten_paste(text);
                let whole = input.paste(&text);
                Some(Pasted::from_field(whole, input.max()))
            }
            _ => None,
        }
    }

    fn unit_picker(&mut self) -> Option<&mut Option<UnitPicker>> {
        Some(&mut self.picker)
    }

    fn open_picker(&self) -> Option<&UnitPicker> {
        self.picker.as_ref()
    }

    /// A realisation belongs to one unit: "all units" keeps the one shown.
    fn unit_chosen(&mut self, unit: Option<String>) -> Outcome {
        match unit {
            Some(u) => Outcome::RealisationView(u, self.data.period),
            None => Outcome::Changed,
        }
    }
}

/// "The satuan typed is not the target's: no capaian", naming both.
fn satuan_warning(ui: &Ui, got: &str, want: &str) -> String {
    ui.t(T::RealWarnSatuan)
        .replace("{typed}", &ui.theme.text(got))
        .replace("{target}", &ui.theme.text(want))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_typed_number_keeps_the_target_satuan() {
        let target = Nilai::parse("10 laporan").expect("target");
        assert_eq!(
            typed_nilai("12", &target),
            Nilai::parse("12 laporan"),
            "the target's satuan"
        );
        assert_eq!(
            typed_nilai("12,5 dokumen", &target),
            Nilai::parse("12,5 dokumen")
        );
        assert_eq!(
            typed_nilai("selesai tepat waktu", &target),
            Some(Nilai::Teks("selesai tepat waktu".into()))
        );
        assert_eq!(typed_nilai("  ", &target), None);
        let text = Nilai::Teks("baik".into());
        assert_eq!(typed_nilai("3", &text), Nilai::parse("3"));
    }

    #[test]
    fn another_satuan_is_told_apart_from_the_targets_case_aside() {
        let target = Nilai::parse("300 pasien").expect("target");
        let typed = |t: &str| typed_nilai(t, &target).expect("typed");
        assert_eq!(
            other_satuan(&typed("280 orang"), &target),
            Some(("orang".into(), "pasien".into()))
        );
        assert!(other_satuan(&typed("12abc"), &target).is_some());
        assert_eq!(other_satuan(&typed("280 Pasien"), &target), None);
        assert_eq!(other_satuan(&typed("280"), &target), None, "the target's");
        assert_eq!(other_satuan(&typed("belum"), &target), None, "a sentence");
    }

    #[test]
    fn the_default_period_is_the_latest_quarter_that_has_ended() {
        let q = |y, n| Period::new(y, PeriodKind::Triwulan(n)).expect("quarter");
        assert_eq!(default_period(date(2026, 11, 28)), q(2026, 3));
        assert_eq!(default_period(date(2026, 4, 1)), q(2026, 1));
        assert_eq!(default_period(date(2026, 2, 10)), q(2025, 4));
        assert_eq!(default_period(date(2026, 12, 31)), q(2026, 3));
    }
}
