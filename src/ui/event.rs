//! Terminal bytes to input events: the one path that every terminal's input takes, so a test
//! can feed the same bytes a terminal sends (`tests/input.rs`). It lives in `ui/` so that the local loop and the SSH server share it.
//!
//! The escape-sequence grammar is terminput's (a maintained parser derived from crossterm's
//! own); this module only decides where one event ends and keeps incomplete sequences for
//! the next read:
//! - a lone `ESC` at the end of a read may be the start of a sequence split across reads, so
//!   it waits until more bytes come or [`InputParser::flush_pending`] is called after a short
//!   pause (the loop waits [`ESC_WAIT`]);
//! - `ESC` followed by a key in the same read parses as Alt-key; the app turns an Alt-key
//!   that has no binding into Esc then the key (`App::handle_input`);
//! - byte `0x08` (Backspace on Windows OpenSSH and some PuTTY settings, and Ctrl-H) is
//!   Backspace;
//! - a bracketed paste (`ESC [200~ ... ESC [201~`) is one [`Input::Paste`], never keys.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::time::Duration;

/// How long a lone `ESC` waits for the rest of a sequence before it counts as the Esc key.
pub const ESC_WAIT: Duration = Duration::from_millis(40);

/// How long an unfinished bracketed paste waits for its next bytes; after that, what came is
/// taken as the paste (never as keys).
pub const PASTE_WAIT: Duration = Duration::from_secs(3);

/// The most of one bracketed paste that is kept (64 KiB; a field holds far less): the rest
/// is dropped as it arrives, up to the end marker, so a paste that never ends costs no
/// memory (issue 24: one logged-in client's endless paste grew the server without bound).
pub const MAX_PASTE: usize = 64 * 1024;

const PASTE_BEGIN: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// One thing the user did at the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    /// Text pasted as a whole (bracketed paste), as the terminal sent it.
    Paste(String),
}

/// Incremental parser: bytes in, events out.
#[derive(Debug, Default)]
pub struct InputParser {
    buf: Vec<u8>,
    /// A bracketed paste begun and not ended.
    paste: Option<Paste>,
}

/// A paste being received: its text up to [`MAX_PASTE`] bytes and the last bytes seen (to
/// find the end marker once the text is full).
#[derive(Debug, Default)]
struct Paste {
    text: Vec<u8>,
    /// The text is full: further bytes only go through `tail`.
    full: bool,
    tail: Vec<u8>,
}

impl Paste {
    /// Takes one byte; true when it completed the end marker.
    fn push(&mut self, b: u8) -> bool {
        if !self.full {
            self.text.push(b);
            if self.text.ends_with(PASTE_END) {
                return true;
            }
            if self.text.len() >= MAX_PASTE + PASTE_END.len() {
                // From here only the last bytes are kept, starting with the ones that may
                // be the beginning of the end marker.
                self.full = true;
                self.tail = self.text[self.text.len() - (PASTE_END.len() - 1)..].to_vec();
            }
            return false;
        }
        if self.tail.len() == PASTE_END.len() {
            self.tail.remove(0);
        }
        self.tail.push(b);
        self.tail == PASTE_END
    }

    /// The pasted text (without the end marker when it came), at most [`MAX_PASTE`] bytes.
    fn finish(mut self) -> String {
        if !self.full && self.text.ends_with(PASTE_END) {
            self.text.truncate(self.text.len() - PASTE_END.len());
        }
        self.text.truncate(MAX_PASTE);
        String::from_utf8_lossy(&self.text).into_owned()
    }
}

impl InputParser {
    pub fn new() -> InputParser {
        InputParser::default()
    }

    /// Parses `bytes` (one read) and appends the complete events to `out`. An incomplete
    /// sequence at the end is kept for the next call.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Input>) {
        for &b in bytes {
            if let Some(paste) = &mut self.paste {
                if paste.push(b)
                    && let Some(done) = self.paste.take()
                {
                    out.push(Input::Paste(done.finish()));
                }
                continue;
            }
            self.buf.push(b);
            // The start of a bracketed paste: its bytes are collected apart (bounded), never
            // parsed as keys.
            if self.buf == PASTE_BEGIN {
                self.buf.clear();
                self.paste = Some(Paste::default());
                continue;
            }
            // A lone ESC waits for the next byte, which makes it a sequence or Alt-key; at
            // the end of a read it waits for the next read or the pause.
            if self.buf == [0x1b] {
                continue;
            }
            self.step(out);
        }
    }

    /// Whether bytes are waiting for the rest of a sequence.
    pub fn has_pending(&self) -> bool {
        !self.buf.is_empty() || self.paste.is_some()
    }

    /// Bytes held for an unfinished sequence or paste: at most [`MAX_PASTE`] and a few.
    pub fn buffered(&self) -> usize {
        self.buf.len()
            + self
                .paste
                .as_ref()
                .map_or(0, |p| p.text.len() + p.tail.len())
    }

    /// Whether a bracketed paste has begun and not ended: its rest may come in later reads
    /// (a long paste over a slow link), so the loop waits [`PASTE_WAIT`] before giving up.
    pub fn in_paste(&self) -> bool {
        self.paste.is_some()
    }

    /// After a pause with no more bytes: a waiting lone ESC is the Esc key; an incomplete
    /// sequence is Esc followed by its other bytes as keys (never silently dropped).
    pub fn flush_pending(&mut self, out: &mut Vec<Input>) {
        if let Some(paste) = self.paste.take() {
            // A paste whose end marker never came: keep what arrived as a paste.
            out.push(Input::Paste(paste.finish()));
            return;
        }
        if self.buf.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.buf);
        let rest = if pending[0] == 0x1b {
            out.push(Input::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
            &pending[1..]
        } else {
            &pending[..]
        };
        for &b in rest {
            self.buf.push(b);
            self.step(out);
        }
        // Whatever is still incomplete (a cut UTF-8 character) cannot become a key.
        self.buf.clear();
    }

    fn step(&mut self, out: &mut Vec<Input>) {
        match terminput::Event::parse_from(&self.buf) {
            Ok(None) => {}
            Ok(Some(event)) => {
                self.buf.clear();
                if let Some(input) = convert(event) {
                    out.push(input);
                }
            }
            // Bytes that are no known sequence are dropped, not typed.
            Err(_) => self.buf.clear(),
        }
    }
}

fn convert(event: terminput::Event) -> Option<Input> {
    match event {
        terminput::Event::Paste(text) => Some(Input::Paste(text)),
        terminput::Event::Key(k) => {
            let mut key = terminput_crossterm::to_crossterm_key(k);
            if key.kind != KeyEventKind::Press {
                return None;
            }
            // 0x08 arrives as Ctrl-H: it is Backspace on the terminals that send it.
            if key.code == KeyCode::Char('h') && key.modifiers == KeyModifiers::CONTROL {
                key = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
            }
            Some(Input::Key(key))
        }
        _ => None,
    }
}

/// Pasted text for a one-line field: line breaks and tabs become spaces, other control
/// characters are dropped, and runs of spaces from the flattening are kept single.
pub fn flatten_paste(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        let c = match c {
            '\r' | '\n' | '\t' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        out.push(c);
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Vec<Input> {
        let mut p = InputParser::new();
        let mut out = Vec::new();
        p.feed(bytes, &mut out);
        p.flush_pending(&mut out);
        out
    }

    fn key(code: KeyCode) -> Input {
        Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn backspace_byte_08_and_7f_are_backspace() {
        assert_eq!(parse(b"\x08"), vec![key(KeyCode::Backspace)]);
        assert_eq!(parse(b"\x7f"), vec![key(KeyCode::Backspace)]);
    }

    #[test]
    fn esc_then_key_in_one_read_is_alt_key() {
        assert_eq!(
            parse(b"\x1by"),
            vec![Input::Key(KeyEvent::new(
                KeyCode::Char('y'),
                KeyModifiers::ALT
            ))]
        );
    }

    #[test]
    fn a_lone_esc_waits_for_the_rest_of_a_split_sequence() {
        let mut p = InputParser::new();
        let mut out = Vec::new();
        p.feed(b"\x1b", &mut out);
        assert!(out.is_empty() && p.has_pending());
        p.feed(b"[B", &mut out);
        assert_eq!(out, vec![key(KeyCode::Down)]);
        p.feed(b"\x1b", &mut out);
        p.flush_pending(&mut out);
        assert_eq!(out, vec![key(KeyCode::Down), key(KeyCode::Esc)]);
    }

    #[test]
    fn a_burst_of_arrows_is_every_arrow() {
        let bytes: Vec<u8> = b"\x1b[B".repeat(100);
        assert_eq!(parse(&bytes), vec![key(KeyCode::Down); 100]);
    }

    #[test]
    fn a_bracketed_paste_is_one_paste_not_keys() {
        let got = parse(b"\x1b[200~Kel. Belawan\r\nSicanang\x1b[201~x");
        assert_eq!(
            got,
            vec![
                Input::Paste("Kel. Belawan\r\nSicanang".into()),
                key(KeyCode::Char('x'))
            ]
        );
    }

    #[test]
    fn a_paste_split_across_reads_is_still_one_paste() {
        let mut p = InputParser::new();
        let mut out = Vec::new();
        p.feed(b"\x1b[200~abc", &mut out);
        p.feed(b"def\x1b[20", &mut out);
        assert!(out.is_empty());
        p.feed(b"1~", &mut out);
        assert_eq!(out, vec![Input::Paste("abcdef".into())]);
    }

    #[test]
    fn an_unfinished_paste_is_never_typed_as_keys() {
        let mut p = InputParser::new();
        let mut out = Vec::new();
        p.feed(b"\x1b[200~1\r2\t3", &mut out);
        assert!(out.is_empty() && p.in_paste());
        // The rest never came: what did is the paste.
        p.flush_pending(&mut out);
        assert_eq!(out, vec![Input::Paste("1\r2\t3".into())]);
    }

    #[test]
    fn an_endless_paste_keeps_at_most_max_paste_bytes() {
        let mut p = InputParser::new();
        let mut out = Vec::new();
        p.feed(b"\x1b[200~", &mut out);
        let chunk = vec![b'a'; 32 * 1024];
        // 16 MiB that never ends: what is held stays bounded.
        for _ in 0..512 {
            p.feed(&chunk, &mut out);
            assert!(p.buffered() <= MAX_PASTE + 16, "{}", p.buffered());
        }
        assert!(out.is_empty() && p.in_paste());
        // The end marker split across reads still ends it, and keys follow as keys.
        p.feed(b"bb\x1b[20", &mut out);
        p.feed(b"1~x", &mut out);
        assert_eq!(out.len(), 2, "{out:?}");
        let Input::Paste(text) = &out[0] else {
            panic!("{out:?}")
        };
        assert_eq!(text.len(), MAX_PASTE);
        assert!(text.bytes().all(|b| b == b'a'));
        assert_eq!(out[1], key(KeyCode::Char('x')));
        assert_eq!(p.buffered(), 0);
    }

    #[test]
    fn an_end_marker_across_the_bound_still_ends_the_paste() {
        for extra in 0..8 {
            let mut bytes = b"\x1b[200~".to_vec();
            bytes.extend(std::iter::repeat_n(b'a', MAX_PASTE + extra));
            bytes.extend_from_slice(b"\x1b[201~z");
            let got = parse(&bytes);
            assert_eq!(got.len(), 2, "extra {extra}: {}", got.len());
            assert_eq!(got[0], Input::Paste("a".repeat(MAX_PASTE)), "extra {extra}");
            assert_eq!(got[1], key(KeyCode::Char('z')), "extra {extra}");
        }
    }

    #[test]
    fn a_paste_just_under_the_bound_is_whole() {
        let text = "é".repeat(MAX_PASTE / 2);
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        assert_eq!(parse(&bytes), vec![Input::Paste(text)]);
    }

    #[test]
    fn utf8_split_across_reads_is_one_character() {
        let mut p = InputParser::new();
        let mut out = Vec::new();
        let e = "é".as_bytes();
        p.feed(&e[..1], &mut out);
        p.feed(&e[1..], &mut out);
        assert_eq!(out, vec![key(KeyCode::Char('é'))]);
    }

    #[test]
    fn pasted_line_breaks_are_flattened() {
        assert_eq!(flatten_paste("a\r\nb\tc\x07 \n"), "a b c");
    }
}
