//! A screen session on a `TestBackend`: an app over a temporary database, fed keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use kinerja::app::{App, Options};
use kinerja::store::Store;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub struct Session {
    pub dir: tempfile::TempDir,
    pub app: App,
    pub term: Terminal<TestBackend>,
}

pub fn options(lang: Lang, theme: Theme) -> Options {
    Options {
        lang,
        theme,
        today: date(2026, 11, 28),
        tz: jiff::tz::TimeZone::UTC,
        actor: "tester".into(),
        db_label: "/data/kinerja".into(),
        export_dir: std::env::temp_dir(),
        officer: None,
        jp: Default::default(),
        remote: false,
        instansi: None,
        tempat: None,
    }
}

pub fn session_with(staff: usize, lang: Lang, theme: Theme, w: u16, h: u16) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    if staff > 0 {
        kinerja::demo::fill(&store, staff, 1, date(2026, 11, 28), "demo", &|_| {}).unwrap();
    }
    let mut app = App::new(store, options(lang, theme)).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir,
        app,
        term: Terminal::new(TestBackend::new(w, h)).unwrap(),
    };
    s.draw();
    // Beranda comes first; most tests start from the staff list (tab 2).
    s.key(KeyCode::Char('2'));
    s
}

/// The three looks every screen is snapshotted in: Indonesian, English, and Indonesian
/// without colour in ASCII.
pub fn looks() -> [(&'static str, Lang, Theme); 3] {
    [
        ("id", Lang::Id, Theme::default()),
        ("en", Lang::En, Theme::default()),
        (
            "ascii",
            Lang::Id,
            Theme {
                color: false,
                ascii: true,
            },
        ),
    ]
}

pub fn demo() -> Session {
    session_with(300, Lang::Id, Theme::default(), 80, 24)
}

impl Session {
    pub fn draw(&mut self) {
        let app = &mut self.app;
        self.term.draw(|f| app.draw(f)).unwrap();
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.key_mod(code, KeyModifiers::NONE)
    }

    /// One key, then a frame, then the work it deferred and a frame again (as the loop).
    pub fn key_mod(&mut self, code: KeyCode, m: KeyModifiers) -> &mut Self {
        self.app.handle_key(KeyEvent::new(code, m));
        self.draw();
        self.deferred();
        self
    }

    /// The work keys deferred, each step followed by a frame, while the app is busy (as
    /// the loop does when no key comes).
    pub fn deferred(&mut self) {
        loop {
            if self.app.run_deferred() {
                self.draw();
            }
            if !self.app.busy() {
                break;
            }
        }
    }

    /// Feeds bytes as one read from the terminal, through the parser the loop uses, then
    /// draws once (as the loop does). Returns whether the app asked for a frame.
    pub fn bytes(&mut self, bytes: &[u8]) -> bool {
        let mut parser = kinerja::ui::event::InputParser::new();
        let mut inputs = Vec::new();
        parser.feed(bytes, &mut inputs);
        parser.flush_pending(&mut inputs);
        let mut changed = false;
        for input in inputs {
            changed |= self.app.handle_input(input);
        }
        self.draw();
        self.deferred();
        changed
    }

    /// Saves with `key` (Ctrl-S or F2) and, when the form asks to confirm a period that has
    /// not ended yet, answers with the same key.
    pub fn save_confirming(&mut self, key: KeyEvent) -> &mut Self {
        self.app.handle_key(key);
        self.draw();
        if self.shows("belum berakhir") {
            self.app.handle_key(key);
            self.draw();
        }
        self
    }

    pub fn type_text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    pub fn lines(&self) -> Vec<String> {
        let buf = self.term.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    pub fn text(&self) -> String {
        self.lines().join("\n")
    }

    pub fn shows(&self, s: &str) -> bool {
        self.text().contains(s)
    }
}

impl Session {
    /// Reopens the app on the same database (as after a restart).
    pub fn reopen(self) -> Session {
        self.reopen_as(Lang::Id, Theme::default())
    }

    /// [`Session::reopen`] in another language or look.
    pub fn reopen_as(self, lang: Lang, theme: Theme) -> Session {
        let Session { dir, app, term } = self;
        app.into_store().close().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let mut app = App::new(store, options(lang, theme)).unwrap();
        app.finish_loading().unwrap();
        let mut s = Session { dir, app, term };
        s.draw();
        s.key(KeyCode::Char('2'));
        s
    }
}

/// Fills `dir/db` with the demo (300 staff) and closes it.
pub fn make_demo_at(dir: &std::path::Path) {
    let store = Store::open(&dir.join("db")).unwrap();
    kinerja::demo::fill(&store, 300, 1, date(2026, 11, 28), "demo", &|_| {}).unwrap();
    store.close().unwrap();
}

/// A session on the database in `dir/db`, which the caller keeps.
pub fn open_at(dir: &std::path::Path) -> Session {
    let store = Store::open(&dir.join("db")).unwrap();
    let mut app = App::new(store, options(Lang::Id, Theme::default())).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir: tempfile::tempdir().unwrap(),
        app,
        term: Terminal::new(TestBackend::new(80, 24)).unwrap(),
    };
    s.draw();
    // Beranda comes first; most tests start from the staff list (tab 2).
    s.key(KeyCode::Char('2'));
    s
}
