//! Cleaning text that came from a person or a file before it is stored, so no record can
//! carry escape sequences to an officer's terminal.

/// One line: control characters removed, tabs and newlines turned into spaces, runs of
/// white space folded, ends trimmed.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = if matches!(c, '\t' | '\n' | '\r') {
            ' '
        } else {
            c
        };
        if c.is_control() || is_invisible_format(c) {
            continue;
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

/// Bidirectional overrides and similar marks can disguise text on screen.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
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
}
