//! Text from files and from the keyboard never reaches the terminal as a command: names,
//! notes and organisers with ESC, CSI, OSC, DCS, C1 controls, BEL, NUL, bidi and format
//! characters, imported and typed, and then drawn through the real crossterm backend into
//! a byte buffer: no such byte sequence is in what the program writes.

mod common;

use kinerja::app::App;
use kinerja::store::Store;
use kinerja::ui::event::InputParser;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const HOSTILE: [&str; 8] = [
    "\u{1b}]0;pwned\u{7}",      // OSC: set the window title
    "\u{1b}[2J",                // CSI: clear the screen
    "\u{9b}31m",                // C1 CSI
    "\u{1b}P1$r\u{1b}\\",       // DCS
    "\u{0}",                    // NUL
    "\u{7}",                    // BEL
    "\u{202e}gnp.exe",          // right-to-left override
    "\u{2066}\u{200b}\u{feff}", // isolate, zero-width space, BOM
];

/// What the program itself never writes: OSC, DCS, BEL, NUL, C1 controls, bidi controls
/// and invisible format characters. (It writes CSI sequences for colours and the cursor.)
fn assert_clean(bytes: &[u8], context: &str) {
    let text = String::from_utf8_lossy(bytes);
    for bad in ["\u{1b}]", "\u{1b}P", "\u{7}", "\u{0}", "\u{1b}[2J"] {
        assert!(
            !text.contains(bad),
            "{context}: {bad:?} reached the terminal"
        );
    }
    for c in text.chars() {
        let hidden = ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{feff}' | '\u{200e}' | '\u{200f}');
        assert!(
            !hidden,
            "{context}: U+{:04X} reached the terminal",
            c as u32
        );
    }
}

/// A writer whose bytes the test keeps.
#[derive(Clone, Default)]
struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn draw(app: &mut App) -> Vec<u8> {
    let sink = Sink::default();
    let backend = CrosstermBackend::new(sink.clone());
    let mut term = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap();
    term.draw(|f| app.draw(f)).unwrap();
    sink.0.borrow().clone()
}

fn feed(app: &mut App, bytes: &[u8]) {
    let mut parser = InputParser::new();
    let mut inputs = Vec::new();
    parser.feed(bytes, &mut inputs);
    parser.flush_pending(&mut inputs);
    for i in inputs {
        app.handle_input(i);
    }
}

#[test]
fn hostile_text_imported_or_typed_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    // Imported through the command, as an officer's file would be.
    let mut csv = String::from("nip,nama,golongan,pendidikan,jabatan,jenis_jabatan,unit\n");
    for (i, h) in HOSTILE.iter().enumerate() {
        csv.push_str(&format!(
            "19850330201001100{},\"Ani{h}Lubis\",III/b,S1,Perawat{h},Ahli Pertama,Puskesmas{h} Belawan\n",
            i + 2
        ));
    }
    let file = dir.path().join("hostile.csv");
    std::fs::write(&file, csv).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(&db)
        .args(["import", "staff"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let store = Store::open(&db).unwrap();
    let mut app = App::new(store, common::session::options(Lang::Id, Theme::default())).unwrap();
    app.finish_loading().unwrap();
    let mut screens = Vec::new();
    screens.push(("Beranda", draw(&mut app)));
    feed(&mut app, b"2");
    screens.push(("staff list", draw(&mut app)));
    feed(&mut app, b"\r");
    screens.push(("record", draw(&mut app)));
    // Typed and pasted into the staff form: keys with escapes, and a bracketed paste.
    feed(&mut app, b"u");
    feed(
        &mut app,
        "\u{1b}[200~X\u{1b}]0;t\u{7}\u{202e}Y\u{1b}[201~".as_bytes(),
    );
    screens.push(("staff form after a paste", draw(&mut app)));
    feed(&mut app, b"\x1b");
    feed(&mut app, b"y");
    feed(&mut app, b"e");
    for h in HOSTILE {
        feed(&mut app, format!("\u{1b}[200~{h}\u{1b}[201~").as_bytes());
    }
    screens.push(("evaluation form after pastes", draw(&mut app)));
    for (what, bytes) in &screens {
        assert!(!bytes.is_empty(), "{what} drew nothing");
        assert_clean(bytes, what);
    }
    // The names were kept, with the hostile parts gone.
    let names: Vec<String> = app.store().iter_staff().map(|s| s.unwrap().nama).collect();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("Ani") && n.ends_with("Lubis")),
        "{names:?}"
    );
}

/// The line and paragraph separators (U+2028, U+2029), typed or pasted into a field or the
/// search, are shown as the space they are stored as (issue 24: they were echoed raw, and
/// some terminals break the line at them).
#[test]
fn line_separators_typed_into_a_field_are_shown_as_spaces() {
    let mut s = common::session::demo();
    s.bytes(b"2");
    s.bytes(b"/");
    s.bytes("ani\u{2028}x".as_bytes());
    assert!(s.shows("ani x"), "{}", s.text());
    s.bytes(b"\x1b");
    s.bytes(b"n");
    s.bytes("19\u{2029}85".as_bytes());
    assert!(s.shows("19 85"), "{}", s.text());
    // The name, two fields down.
    s.bytes(b"\t\t");
    s.bytes("Ani\u{2028}Lubis\u{2029}".as_bytes());
    s.bytes("\u{1b}[200~Siti\u{2028}Nur\u{1b}[201~".as_bytes());
    assert!(s.shows("Ani Lubis Siti Nur"), "{}", s.text());
    let bytes = draw(&mut s.app);
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        !text.contains('\u{2028}') && !text.contains('\u{2029}'),
        "a separator reached the terminal"
    );
}
