//! Times the tab switches that build their data (issue 23), on the path the `tabs_scale`
//! bench drives, without criterion: for each of Pelatihan (`3`), Laporan (`4`) and Talenta
//! (`5`), key `2`, another of the three tabs, key `2`, then the tab and a draw into an 80x24
//! `TestBackend`, timed; the data a build replaced is let go of after the draw, as the loop
//! does. The first switch to Talenta is the session's first (it reads the year's
//! potentials and builds name order).
//!
//! `cargo run --release --example tab_switches -- DB [SWITCHES] [TAB]`: DB is a copy of a
//! database (a full `kinerja demo --staff 100000`; run `kinerja --db DB check` first once
//! after copying); SWITCHES per tab (default 5); TAB one of `3`, `4`, `5` for that tab
//! alone. Prints each switch in milliseconds.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::app::{App, Options};
use kinerja::store::Store;
use ratatui::{Terminal, backend::TestBackend};
use std::time::Instant;

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: tab_switches DB [SWITCHES] [TAB]");
        std::process::exit(2);
    };
    let switches: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let only: Option<char> = args.next().and_then(|s| s.chars().next());
    let opts = Options {
        lang: Default::default(),
        theme: Default::default(),
        today: jiff::civil::date(2026, 11, 28),
        tz: jiff::tz::TimeZone::UTC,
        actor: "bench".into(),
        db_label: "bench".into(),
        export_dir: std::env::temp_dir(),
        officer: None,
        jp: Default::default(),
        remote: false,
        instansi: None,
        tempat: None,
    };
    let store = Store::open(std::path::Path::new(&path)).expect("open the database");
    let mut app = App::new(store, opts).expect("the screens");
    app.finish_loading().expect("every row read");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    for (tab, between) in [('3', '4'), ('4', '3'), ('5', '4')] {
        if only.is_some_and(|o| o != tab) {
            continue;
        }
        let mut times = Vec::with_capacity(switches);
        for _ in 0..switches {
            key(&mut app, KeyCode::Char('2'));
            key(&mut app, KeyCode::Char(between));
            key(&mut app, KeyCode::Char('2'));
            let started = Instant::now();
            key(&mut app, KeyCode::Char(tab));
            term.draw(|f| app.draw(f)).expect("draw");
            times.push(format!("{:.1}", started.elapsed().as_secs_f64() * 1000.0));
            app.after_frame();
        }
        println!("tab {tab}: [{}]", times.join(", "));
    }
}
