//! Cleaning text that came from a person or a file before it is stored, so no record can
//! carry escape sequences to an officer's terminal or disguise itself on screen.
//!
//! Removed: every control character (C0, DEL, C1) and every format character (Unicode
//! general category Cf: bidirectional controls and isolates, zero-width spaces, the BOM,
//! soft hyphens, invisible operators, tags, ...), except a zero-width joiner or non-joiner
//! between two letters or marks, where scripts and emoji need them.

/// One line: control characters removed, tabs and newlines turned into spaces, runs of
/// white space folded, ends trimmed.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let c = if matches!(c, '\t' | '\n' | '\r') {
            ' '
        } else {
            c
        };
        if c.is_control() {
            continue;
        }
        if is_format(c) {
            let joins = |c: Option<&char>| c.is_some_and(|c| joinable(*c));
            let inside_word = i > 0 && joins(chars.get(i - 1)) && joins(chars.get(i + 1));
            if !(matches!(c, '\u{200C}' | '\u{200D}') && inside_word) {
                continue;
            }
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Several lines: like [`clean_line`] for each line, keeping the line breaks (`\n` only),
/// without leading or trailing empty lines.
pub fn clean_multiline(s: &str) -> String {
    let lines: Vec<String> = s
        .replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(clean_line)
        .collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].join("\n"),
        _ => String::new(),
    }
}

/// Whether a typed or pasted character is never kept: a control character, or a format
/// character other than the joiners (which [`clean_line`] keeps only inside words).
pub fn is_hidden(c: char) -> bool {
    c.is_control() || (is_format(c) && !matches!(c, '\u{200C}' | '\u{200D}'))
}

/// What a typed or pasted character becomes in a field, as [`clean_line`] would store it:
/// nothing for a hidden character ([`is_hidden`]), a space for any white space other than
/// the space itself (the line and paragraph separators U+2028 and U+2029 among them, which
/// some terminals break the line at), else the character.
pub fn typed(c: char) -> Option<char> {
    if is_hidden(c) {
        None
    } else if c.is_whitespace() {
        Some(' ')
    } else {
        Some(c)
    }
}

/// Text from a file or the database as a message quotes it: as it is when a terminal shows
/// every character plainly, else quoted and escaped the way the CSV messages quote values
/// (Rust's `{:?}`: `"\u{1b}]0;x\u{7}"`), so no escape sequence, bidi control or line
/// separator in a crafted file reaches the officer's terminal.
pub fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(acts_on_terminal) {
        std::borrow::Cow::Owned(format!("{s:?}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A path from the file system as a message quotes it (see [`shown`]).
pub fn shown_path(p: &std::path::Path) -> String {
    shown(&p.to_string_lossy()).into_owned()
}

/// A character a terminal acts on, hides or breaks the line at: control characters, format
/// characters, and the line and paragraph separators (U+2028, U+2029).
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control() || is_format(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A format character (general category Cf): invisible, and able to reorder or hide text.
fn is_format(c: char) -> bool {
    unicode_general_category::get_general_category(c)
        == unicode_general_category::GeneralCategory::Format
}

/// What a joiner may stand between: letters, marks and symbols (emoji sequences).
fn joinable(c: char) -> bool {
    use unicode_general_category::GeneralCategory as G;
    c.is_alphanumeric()
        || matches!(
            unicode_general_category::get_general_category(c),
            G::NonspacingMark | G::SpacingMark | G::EnclosingMark | G::OtherSymbol
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_removed() {
        assert_eq!(clean_line("Siti\u{1b}[2J Lubis"), "Siti[2J Lubis");
        assert_eq!(clean_line("a\u{7}b\u{9b}c"), "abc");
    }

    #[test]
    fn white_space_is_folded_and_trimmed() {
        assert_eq!(clean_line("  dr.\tAna \n Pohan  "), "dr. Ana Pohan");
    }

    #[test]
    fn multiline_keeps_line_breaks_only() {
        assert_eq!(
            clean_multiline("\r\nbaris 1\r\n\u{1b}baris 2\n\n"),
            "baris 1\nbaris 2"
        );
        assert_eq!(clean_multiline("\n \n"), "");
    }

    #[test]
    fn bidi_overrides_are_removed() {
        assert_eq!(clean_line("abc\u{202E}def"), "abcdef");
    }

    #[test]
    fn every_format_character_is_removed_not_a_list() {
        // Soft hyphen, Arabic letter mark, word joiner, invisible times, a tag character,
        // the BOM, a left-to-right isolate, Mongolian vowel separator.
        for c in [
            '\u{00AD}',
            '\u{061C}',
            '\u{2060}',
            '\u{2062}',
            '\u{E0041}',
            '\u{FEFF}',
            '\u{2066}',
            '\u{180E}',
        ] {
            assert_eq!(clean_line(&format!("a{c}b")), "ab", "{:04X}", c as u32);
        }
        // C1 controls (CSI as one character, NEL).
        assert_eq!(clean_line("a\u{9b}31mb\u{85}c"), "a31mbc");
    }

    #[test]
    fn joiners_inside_words_and_emoji_stay() {
        // A family emoji and a Persian word with a zero-width non-joiner.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(clean_line(family), family);
        assert_eq!(
            clean_line("\u{645}\u{6CC}\u{200C}\u{62E}"),
            "\u{645}\u{6CC}\u{200C}\u{62E}"
        );
        // At an edge or between spaces it hides nothing useful: removed.
        assert_eq!(clean_line("\u{200D}Ani \u{200C} Lubis"), "Ani Lubis");
    }

    #[test]
    fn text_that_a_terminal_would_act_on_is_quoted_escaped() {
        assert_eq!(shown("Puskesmas Belawan"), "Puskesmas Belawan");
        assert_eq!(shown("Budi \u{e9}"), "Budi \u{e9}");
        assert_eq!(shown("\u{1b}]0;x\u{7}"), "\"\\u{1b}]0;x\\u{7}\"");
        for hostile in ["a\u{202e}b", "a\u{2028}b", "a\u{9b}b", "a\u{200b}b"] {
            let s = shown(hostile);
            assert!(s.starts_with('"') && s.is_ascii(), "{s}");
        }
    }
}
