//! `P` (print) on the screens (issue 20): the record's choice of document, Laporan's unit
//! report, where the file goes (the export directory; over `serve` the documents folder
//! beside the database), private and never replacing, and who may print. pdftotext checks
//! the file's text when poppler is installed (required when KINERJA_REQUIRE_PDF_TOOLS is
//! set, as tests/print.rs does).

mod common;

use common::session::{Session, options};
use crossterm::event::KeyCode;
use kinerja::app::App;
use kinerja::domain::{Officer, Role};
use kinerja::store::Store;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The first person of the demo's staff list: the record `Enter` opens.
const FIRST: &str = "196708201995122459";
const NAME: &str = "Ani Harahap";

/// A session on the demo whose files go into `export_dir`, as `officer`, remote or not.
fn session_as(export_dir: &Path, officer: Option<Officer>, remote: bool) -> Session {
    let dir = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    let store = Store::open(&dir.path().join("db")).unwrap();
    let mut opts = options(Lang::Id, Theme::default());
    opts.export_dir = export_dir.to_path_buf();
    opts.officer = officer;
    opts.remote = remote;
    let mut app = App::new(store, opts).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir,
        app,
        term: Terminal::new(TestBackend::new(80, 24)).unwrap(),
    };
    s.draw();
    s.key(KeyCode::Char('2'));
    s
}

fn officer(role: Role, units: Vec<String>) -> Officer {
    Officer {
        name: "tester".into(),
        role,
        units,
        keys: Vec::new(),
        lang: String::new(),
        revision: 0,
    }
}

/// The files in `dir` whose names start with `prefix`.
fn files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    v.sort();
    v
}

/// The text of a PDF, or `None` when pdftotext is missing (and not required).
fn pdf_text(path: &Path) -> Option<String> {
    match Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
    {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        Ok(o) => panic!("pdftotext failed on {}: {:?}", path.display(), o),
        Err(e) => {
            if std::env::var_os("KINERJA_REQUIRE_PDF_TOOLS").is_some() {
                panic!("KINERJA_REQUIRE_PDF_TOOLS is set but pdftotext is missing: {e}");
            }
            eprintln!("SKIPPED: pdftotext is missing (apt-get install poppler-utils)");
            None
        }
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn p_on_the_record_chooses_dokumen_evaluasi_and_writes_a_private_pdf() {
    let out = tempfile::tempdir().unwrap();
    let mut s = session_as(out.path(), None, false);
    s.key(KeyCode::Enter).key(KeyCode::Char('P'));
    assert!(s.shows("Cetak PDF: Ani Harahap"), "{}", s.text());
    assert!(s.shows("Dokumen Evaluasi Kinerja"), "{}", s.text());
    assert!(s.shows("Profil satu halaman"), "{}", s.text());
    // The footer is the list's: move, choose, cancel.
    assert!(s.lines()[23].contains("pilih"), "{}", s.lines()[23]);
    // SKP, Evaluasi, Dokumen Evaluasi, Profil: the third.
    s.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Enter);
    let written = files(out.path(), &format!("dokumen-{FIRST}-"));
    assert_eq!(written.len(), 1, "{}", s.text());
    let path = &written[0];
    assert!(
        s.lines()[23].contains("ditulis ke"),
        "the path is said: {}",
        s.lines()[23]
    );
    assert!(!s.shows("Cetak PDF:"), "the list closed: {}", s.text());
    assert_eq!(mode(path), 0o600);
    assert!(std::fs::read(path).unwrap().starts_with(b"%PDF"));
    if let Some(text) = pdf_text(path) {
        assert!(text.contains(NAME), "{text}");
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(digits.contains(FIRST), "{text}");
        assert!(text.contains("DOKUMEN EVALUASI KINERJA"), "{text}");
    }
    // Again: a second file, the first kept.
    let before = std::fs::read(path).unwrap();
    s.key(KeyCode::Char('P'))
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert_eq!(files(out.path(), &format!("dokumen-{FIRST}-")).len(), 2);
    assert_eq!(std::fs::read(path).unwrap(), before);
}

#[test]
fn esc_leaves_the_choice_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let mut s = session_as(out.path(), None, false);
    s.key(KeyCode::Enter).key(KeyCode::Char('P'));
    assert!(s.shows("Cetak PDF:"), "{}", s.text());
    s.key(KeyCode::Char('2'));
    assert!(
        s.shows("Cetak PDF:"),
        "a digit stays in the list: {}",
        s.text()
    );
    s.key(KeyCode::Esc);
    assert!(!s.shows("Cetak PDF:"), "{}", s.text());
    assert!(s.shows(NAME), "still on the record: {}", s.text());
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn p_on_the_profile_and_laporan_writes_the_profile_and_the_unit_report() {
    let out = tempfile::tempdir().unwrap();
    let mut s = session_as(out.path(), None, false);
    s.key(KeyCode::Enter)
        .key(KeyCode::Char('p'))
        .key(KeyCode::Char('P'));
    assert_eq!(
        files(out.path(), &format!("profil-{FIRST}")).len(),
        1,
        "{}",
        s.text()
    );
    s.key(KeyCode::Esc)
        .key(KeyCode::Esc)
        .key(KeyCode::Char('4'));
    s.key(KeyCode::Char('P'));
    assert!(s.shows("Laporan unit 2025"), "{}", s.text());
    s.key(KeyCode::Enter);
    let written = files(out.path(), "laporan-");
    assert_eq!(written.len(), 1, "{}", s.text());
    assert_eq!(mode(&written[0]), 0o600);
    assert!(s.lines()[23].contains("ditulis ke"), "{}", s.lines()[23]);
    if let Some(text) = pdf_text(&written[0]) {
        assert!(text.to_uppercase().contains("LAPORAN"), "{text}");
    }
    // The second choice: everyone's evaluations of the unit in one file.
    s.key(KeyCode::Char('P'))
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert_eq!(files(out.path(), "evaluasi-").len(), 1, "{}", s.lines()[23]);
}

#[test]
fn over_serve_the_file_goes_beside_the_database_and_the_screen_says_so() {
    let out = tempfile::tempdir().unwrap();
    let mut s = session_as(out.path(), Some(officer(Role::Viewer, Vec::new())), true);
    s.key(KeyCode::Enter).key(KeyCode::Char('P'));
    // The profile, last.
    s.key(KeyCode::End)
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Down);
    s.key(KeyCode::Enter);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    let docs = s.dir.path().join("documents");
    let written = files(&docs, &format!("profil-{FIRST}"));
    assert_eq!(written.len(), 1, "{}", s.text());
    assert!(
        s.lines()[23].contains("ditulis di server ke"),
        "{}",
        s.lines()[23]
    );
    assert_eq!(mode(&docs) & 0o077, 0, "the folder is private");
}

#[test]
fn a_viewer_prints_and_a_penilai_prints_only_its_units() {
    let out = tempfile::tempdir().unwrap();
    let mut s = session_as(out.path(), Some(officer(Role::Viewer, Vec::new())), false);
    s.key(KeyCode::Char('4'))
        .key(KeyCode::Char('P'))
        .key(KeyCode::Enter);
    assert_eq!(files(out.path(), "laporan-").len(), 1, "{}", s.text());

    let sd = kinerja::domain::unit_id("SD Negeri 060968");
    let out = tempfile::tempdir().unwrap();
    let mut s = session_as(
        out.path(),
        Some(officer(Role::Penilai, vec![sd.clone()])),
        false,
    );
    s.key(KeyCode::Char('4'))
        .key(KeyCode::Char('P'))
        .key(KeyCode::Enter);
    let written = files(out.path(), "laporan-");
    assert_eq!(written.len(), 1, "{}", s.text());
    let name = written[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(name.contains(&sd), "{name}");
    // Another unit is not offered: Laporan lists only the penilai's units (printing
    // another's is refused by role, app/roles.rs's tests).
    assert!(!s.shows("Puskesmas Belawan"), "{}", s.text());
}
