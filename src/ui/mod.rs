//! Shared by the screens and the app, below both (it imports nothing above it): the texts of
//! both languages, the theme, the key tables and their footer and help, the text inputs,
//! the form engine and small layout helpers.

pub mod choice;
pub mod closest;
pub mod errors;
pub mod event;
pub mod form;
pub mod help;
pub mod input;
pub mod keys;
pub mod labels;
pub mod lang;
pub mod rating;
pub mod skp_labels;
pub mod table;
pub mod tabs;
pub mod theme;
pub mod unit_picker;
pub mod warnings;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use lang::{Lang, T};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use theme::Theme;

/// Everything a screen needs to draw besides its own state.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ui {
    pub lang: Lang,
    pub theme: Theme,
    /// The yearly JP targets per employment kind (a setting).
    pub jp: crate::domain::JpTargets,
    /// The session sees only some units (an officer limited to their units): "all units"
    /// then means all of theirs, and says so.
    pub scoped: bool,
}

impl Ui {
    pub fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }

    /// What a screen shows when no unit is chosen: every unit, or for an officer limited
    /// to some units, every unit of theirs.
    pub fn all_units(&self) -> &'static str {
        self.t(if self.scoped {
            T::AllYourUnits
        } else {
            T::AllUnits
        })
    }
}

/// What became of pasted text in a screen that took it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pasted {
    Whole,
    /// Cut at the field's limit, in characters.
    Cut(usize),
}

impl Pasted {
    /// From whether a field took all of it and the field's limit.
    pub fn from_field(whole: bool, max: Option<usize>) -> Pasted {
        match (whole, max) {
            (false, Some(m)) => Pasted::Cut(m),
            _ => Pasted::Whole,
        }
    }
}

/// One key a screen offers: the footer and the help popup are both built from these, so
/// help can never drift from the real keys. The label is derived from the keys
/// ([`keys::label`]).
#[derive(Debug, Clone)]
pub struct KeyHelp {
    pub keys: std::borrow::Cow<'static, [keys::Key]>,
    pub action: T,
    /// Shown in the footer as well as in help.
    pub footer: bool,
}

impl KeyHelp {
    /// How the keys are written: Unicode arrows, or ASCII words on ASCII terminals.
    pub fn label(&self, ascii: bool) -> String {
        keys::label(&self.keys, ascii)
    }
}

pub const fn key(keys: &'static [keys::Key], action: T, footer: bool) -> KeyHelp {
    KeyHelp {
        keys: std::borrow::Cow::Borrowed(keys),
        action,
        footer,
    }
}

/// The footer line: the keys marked for it, as many as fit.
pub fn footer(ui: &Ui, keys: &[KeyHelp], width: u16) -> Line<'static> {
    let entry = |k: &KeyHelp| {
        let label = k.label(ui.theme.ascii);
        let text = ui.t(k.action);
        let len = label.chars().count() + 1 + text.chars().count() + 2;
        (label, text, len)
    };
    // The help key is always shown, last: its room is kept first.
    let help = keys.iter().find(|k| k.footer && k.action == T::KeyHelp);
    let mut room = width as usize - help.map_or(0, |k| entry(k).2).min(width as usize);
    let mut spans = Vec::new();
    for k in keys.iter().filter(|k| k.footer && k.action != T::KeyHelp) {
        let (label, text, len) = entry(k);
        if len > room {
            break;
        }
        room -= len;
        spans.push(Span::styled(label, ui.theme.key()));
        spans.push(Span::raw(format!(" {text}  ")));
    }
    if let Some(k) = help {
        let (label, text, _) = entry(k);
        spans.push(Span::styled(label, ui.theme.key()));
        spans.push(Span::raw(format!(" {text}")));
    }
    Line::from(spans)
}

pub fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

/// Cuts `s` to `width` characters, marking the cut.
pub fn fit(ui: &Ui, s: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    let s = ui.theme.text(s);
    if s.width() <= width {
        return s;
    }
    // Cut by display columns, a grapheme at a time as the terminal draws them (a CJK
    // character or an emoji with its variation selector takes two), keeping one column
    // for the mark.
    let mark = ui.theme.sym("…", "~");
    let mut out = String::new();
    let mut used = 0usize;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > width.saturating_sub(1) {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push_str(mark);
    out
}

/// Cuts `s` to `width` characters at a word boundary, marking the cut: reasons and prompts
/// are never cut mid-word.
pub fn fit_words(ui: &Ui, s: &str, width: usize) -> String {
    let s = ui.theme.text(s);
    if s.chars().count() <= width {
        return s;
    }
    let mark = ui.theme.sym("…", "~");
    let mut out = String::new();
    for word in s.split(' ') {
        let next = if out.is_empty() {
            word.chars().count()
        } else {
            out.chars().count() + 1 + word.chars().count()
        };
        if next + 1 > width {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One word longer than the column: cut it, as nothing else fits.
        return fit(ui, &s, width);
    }
    let out = out.trim_end_matches([';', ',']).to_string();
    format!("{out}{mark}")
}

/// Abbreviations officers use for the long words of unit and position names, tried in
/// order until a name fits its column.
const ABBREVIATIONS: [(&str, &str); 14] = [
    ("Puskesmas Pembantu", "Pustu"),
    ("Puskesmas", "Pkm"),
    ("Kelurahan", "Kel."),
    ("Kecamatan", "Kec."),
    ("Sekolah Dasar Negeri", "SDN"),
    ("SD Negeri", "SDN"),
    ("SMP Negeri", "SMPN"),
    ("SMA Negeri", "SMAN"),
    ("Administrasi", "Adm."),
    ("Kepegawaian", "Kepeg."),
    ("Keuangan", "Keu."),
    ("Pelaksana", "Pelaks."),
    ("Pengelola", "Pengl."),
    ("Komputer", "Komp."),
];

/// `name` with every usual abbreviation applied ("Puskesmas Belawan" -> "Pkm Belawan"):
/// the form the lists show, so a picker finds a unit by it too.
pub fn abbreviated(name: &str) -> String {
    ABBREVIATIONS
        .iter()
        .fold(name.to_string(), |s, (long, short)| s.replace(long, short))
}

/// A unit or position name in `width` columns: whole if it fits, else shortened by the
/// usual abbreviations ("Kel. Belawan Sicanang", "SDN 060970", "Pkm Sicanang"), and only
/// then cut at a character boundary with a mark.
pub fn short_name(ui: &Ui, name: &str, width: usize) -> String {
    let mut s = name.to_string();
    for (long, short) in ABBREVIATIONS {
        if s.chars().count() <= width {
            break;
        }
        s = s.replace(long, short);
    }
    fit(ui, &s, width)
}

/// The year a screen shows, as every screen with a year writes it: `◀ 2025 ▶` (`< 2025 >`
/// in ASCII), in the key colour, since `[` and `]` change it.
pub fn year_span(ui: &Ui, year: i16) -> Span<'static> {
    Span::styled(
        format!(
            "{} {year} {}",
            ui.theme.sym("◀", "<"),
            ui.theme.sym("▶", ">")
        ),
        ui.theme.key(),
    )
}

/// `n` and the counted word: `one` for exactly one, else `many` ("1 person", "2 people";
/// Indonesian has one form for both).
pub fn counted(ui: &Ui, n: usize, one: T, many: T) -> String {
    format!("{n} {}", ui.t(if n == 1 { one } else { many }))
}

/// A rectangle of `w` x `h` centred in `area` (clamped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A text gauge: `width` cells filled for `ratio`, then `label`; `#` and `-` in ASCII mode.
/// `part` of `whole` as a whole percentage, rounded down ("65%" for 193 of 293, "99%" for
/// 293 of 294: never 100% before every one), `0%` of nothing. Every screen's "N / M (x%)".
pub fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        return "0%".to_string();
    }
    format!("{}%", u64::from(part) * 100 / u64::from(whole))
}

pub fn gauge_line(ui: &Ui, width: usize, ratio: f64, label: String) -> Line<'static> {
    let filled = ((ratio.clamp(0.0, 1.0)) * width as f64).round() as usize;
    let (on, off) = if ui.theme.ascii {
        ("#", "-")
    } else {
        ("█", "░")
    };
    Line::from(vec![
        Span::styled(on.repeat(filled), ui.theme.ok()),
        Span::styled(off.repeat(width.saturating_sub(filled)), ui.theme.muted()),
        Span::raw(format!(" {label}")),
    ])
}

/// Bar chart bars drawn with `#` only, for ASCII terminals.
pub const ASCII_BARS: ratatui::symbols::bar::Set = ratatui::symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "#",
    half: "#",
    three_eighths: "#",
    one_quarter: "#",
    one_eighth: "#",
    empty: " ",
};

/// Why a person has no box, in the interface language.
pub fn gap_label(g: crate::domain::TalentGap, english: bool) -> &'static str {
    match (g, english) {
        (crate::domain::TalentGap::NoAnnual, false) => "tanpa evaluasi tahunan",
        (crate::domain::TalentGap::NoAnnual, true) => "no annual evaluation",
        (crate::domain::TalentGap::NoPotensial, false) => "tanpa potensial",
        (crate::domain::TalentGap::NoPotensial, true) => "no potential",
        (crate::domain::TalentGap::Neither, false) => "tanpa keduanya",
        (crate::domain::TalentGap::Neither, true) => "neither",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_is_rounded_down_so_it_is_never_100_before_everyone() {
        // Beranda and Pelatihan said 65% and 66% of the same 193 / 293.
        assert_eq!(percent(193, 293), "65%");
        assert_eq!(percent(293, 294), "99%");
        assert_eq!(percent(294, 294), "100%");
        assert_eq!(percent(0, 0), "0%");
        assert_eq!(percent(u32::MAX, u32::MAX), "100%");
    }

    #[test]
    fn counts_take_the_singular_for_one_in_english() {
        let en = Ui {
            lang: Lang::En,
            theme: Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        let id = Ui {
            lang: Lang::Id,
            ..en
        };
        let people = |ui: &Ui, n| counted(ui, n, T::PeopleOne, T::BoxPeople);
        assert_eq!(people(&en, 1), "1 person");
        assert_eq!(people(&en, 0), "0 people");
        assert_eq!(people(&en, 2), "2 people");
        assert_eq!(people(&id, 1), "1 orang");
        let agreements = |n| {
            counted(
                &en,
                n,
                T::AgreementsExpiringCountOne,
                T::AgreementsExpiringCount,
            )
        };
        assert_eq!(agreements(1), "1 agreement ending soon");
        assert_eq!(agreements(2), "2 agreements ending soon");
    }

    #[test]
    fn long_unit_names_are_shortened_by_rule_before_they_are_cut() {
        let ui = Ui {
            lang: Lang::Id,
            theme: Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        assert_eq!(
            short_name(&ui, "Puskesmas Sicanang", 40),
            "Puskesmas Sicanang"
        );
        assert_eq!(
            short_name(&ui, "Kelurahan Belawan Sicanang", 21),
            "Kel. Belawan Sicanang"
        );
        assert_eq!(short_name(&ui, "SD Negeri 060970", 12), "SDN 060970");
        assert_eq!(short_name(&ui, "Puskesmas Sicanang", 14), "Pkm Sicanang");
        assert_eq!(
            short_name(&ui, "Puskesmas Pembantu Bahari", 14),
            "Pustu Bahari"
        );
        assert_eq!(
            short_name(&ui, "Kelurahan Belawan Sicanang", 19),
            "Kel. Belawan Sican…"
        );
    }

    #[test]
    fn a_cut_counts_display_columns_not_characters() {
        let ui = Ui {
            lang: Lang::Id,
            theme: Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        // Ten columns: "Lim " and two wide characters are eight; the third would not fit
        // beside the mark.
        let cut = fit(&ui, "Lim 林美玲 Tanoto Wijaya", 10);
        assert_eq!(cut, "Lim 林美…");
        assert!(unicode_width::UnicodeWidthStr::width(cut.as_str()) <= 10);
    }

    #[test]
    fn reasons_are_cut_between_words() {
        let ui = Ui {
            lang: Lang::Id,
            theme: Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        assert_eq!(
            fit_words(&ui, "JP 6 dari 20; disarankan: Bimtek, Kursus", 20),
            "JP 6 dari 20…"
        );
        assert_eq!(fit_words(&ui, "pendek", 20), "pendek");
    }
}
