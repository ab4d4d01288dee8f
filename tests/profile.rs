//! The one-page profile (issue 12): `p` on a record opens it, it scrolls and `Esc` goes
//! back; its screen and its Markdown for one demo person as snapshots; `x` writes the
//! Markdown without replacing a file; roles; `kinerja profile` end to end.

mod common;

use common::session::{Session, looks, options, session_with};
use crossterm::event::KeyCode;
use jiff::civil::date;
use kinerja::app::App;
use kinerja::domain::{Officer, Role};
use kinerja::store::Store;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use kinerja::views::profile::Profile;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

/// The first person of the demo's staff list (by name): the record `Enter` opens.
const FIRST: &str = "196708201995122459";

/// A session on the demo whose `x` writes into `export_dir`, as `officer` (`None`: no
/// officers), remote (over `kinerja serve`) or not.
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

fn viewer() -> Officer {
    Officer {
        name: "tester".into(),
        role: Role::Viewer,
        units: Vec::new(),
        keys: Vec::new(),
        lang: String::new(),
        revision: 0,
    }
}

/// The profile box's first line inside the border.
fn first_line(s: &Session) -> String {
    s.lines()[2].clone()
}

#[test]
fn p_on_a_record_opens_the_profile_which_scrolls_and_esc_goes_back() {
    let mut s = session_with(300, Lang::Id, Theme::default(), 80, 24);
    s.key(KeyCode::Enter).key(KeyCode::Char('p'));
    assert!(
        s.lines()[1].contains("Profil pegawai: Ani Harahap, S.Pd."),
        "{}",
        s.text()
    );
    let top = first_line(&s);
    assert!(top.contains("NIP        19670820 199512 2 459"), "{top}");
    // Taller than the box: the position is shown and the notes are below it.
    assert!(s.lines()[1].contains(" 1-20/"), "{}", s.lines()[1]);
    assert!(!s.shows("Catatan evaluasi terakhir"));

    s.key(KeyCode::Down);
    assert!(s.lines()[1].contains(" 2-21/"), "{}", s.lines()[1]);
    assert_ne!(first_line(&s), top);

    s.key(KeyCode::End);
    assert!(s.shows("Catatan evaluasi terakhir"), "{}", s.text());
    let bottom = first_line(&s);
    // End is the last screenful: PgDn and Down do not move past it.
    s.key(KeyCode::PageDown).key(KeyCode::Down);
    assert_eq!(first_line(&s), bottom);

    s.key(KeyCode::PageUp).key(KeyCode::Home);
    assert_eq!(first_line(&s), top);

    s.key(KeyCode::Esc);
    assert!(s.shows("Evaluasi │ Pelatihan │ Riwayat"), "{}", s.text());
    assert!(!s.shows("Profil pegawai"));
}

/// The profile screen alone on a `TestBackend` (no database) tall enough not to scroll.
fn draw_alone(profile: Profile, lang: Lang) -> Vec<String> {
    let mut screen = kinerja::screens::profile::ProfileScreen::new(profile);
    let ui = kinerja::ui::Ui {
        lang,
        theme: Theme::default(),
        jp: Default::default(),
        scoped: false,
    };
    let mut term = Terminal::new(TestBackend::new(80, 40)).unwrap();
    term.draw(|f| kinerja::screens::Screen::draw(&mut screen, f, f.area(), &ui))
        .unwrap();
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn a_pppk_head_of_unit_shows_the_mark_the_appointment_year_and_no_jp_floor() {
    let mut staff = common::staff("198503302010012002");
    staff.nip =
        kinerja::domain::Nip::parse_as("199312282025212001", kinerja::domain::EmploymentKind::Pppk)
            .unwrap();
    staff.golongan = kinerja::domain::Golongan::Pppk(9);
    let mut t = common::training("Kursus Pelayanan Prima", 30);
    t.mulai = date(2026, 3, 2);
    t.selesai = date(2026, 3, 5);
    let profile = Profile::of(
        &staff,
        "Puskesmas Belawan".into(),
        true,
        vec![],
        vec![t],
        date(2026, 11, 28),
        &Default::default(),
    );
    let lines = draw_alone(profile, Lang::Id);
    let text = lines.join("\n");
    assert!(
        text.contains("Unit       Puskesmas Belawan (pimpinan)"),
        "{text}"
    );
    assert!(text.contains("Masa kerja 1 tahun (sejak 2025)"), "{text}");
    assert!(text.contains("Status     PPPK"), "{text}");
    // No target: the JP alone, the bar against the 24 JP ceiling, and 30 JP warned.
    assert!(
        text.contains(" 2026  ████████████████████ 30 JP ⚠"),
        "{text}"
    );
    assert!(
        text.contains("PPPK: tanpa batas bawah; 2026: di atas 24 JP"),
        "{text}"
    );
    assert!(text.contains("belum ada evaluasi"), "{text}");
    assert!(text.contains("belum ada catatan evaluasi"), "{text}");
}

#[test]
fn help_on_the_profile_lists_its_keys() {
    let mut s = session_with(300, Lang::En, Theme::default(), 80, 24);
    s.key(KeyCode::Enter)
        .key(KeyCode::Char('p'))
        .key(KeyCode::F(1));
    assert!(s.shows("write as Markdown"), "{}", s.text());
    assert!(s.shows("PgUp PgDn"), "{}", s.text());
}

#[test]
fn the_profile_screen_at_80x24() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        s.key(KeyCode::Enter).key(KeyCode::Char('p'));
        insta::assert_snapshot!(format!("profile__{look}"), s.text());
        s.key(KeyCode::End);
        insta::assert_snapshot!(format!("profile_end__{look}"), s.text());
    }
}

#[test]
fn the_markdown_of_one_demo_person() {
    let dir = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    let store = Store::open(&dir.path().join("db")).unwrap();
    let p = Profile::build(&store, FIRST, date(2026, 11, 28), &Default::default())
        .unwrap()
        .unwrap();
    let md = p.markdown(Lang::Id);
    // A4: no table line wider than 90 characters.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        assert!(line.chars().count() <= 90, "{line}");
    }
    insta::assert_snapshot!("profile_markdown__id", md);
    insta::assert_snapshot!("profile_text__en", p.text(Lang::En));
    assert!(p.text(Lang::En).lines().all(|l| l.chars().count() <= 78));
}

#[test]
fn x_writes_the_markdown_and_never_replaces_a_file() {
    let out = tempfile::tempdir().unwrap();
    let mut s = session_as(out.path(), None, false);
    let name = format!("profil-{FIRST}.md");
    let first = out.path().join(&name);
    s.key(KeyCode::Enter)
        .key(KeyCode::Char('p'))
        .key(KeyCode::Char('x'));
    assert!(
        s.lines()[23].contains(&format!("ditulis ke {}", first.display())),
        "{}",
        s.lines()[23]
    );
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.starts_with("# Ani Harahap, S.Pd.\n"), "{text}");
    let mode = std::fs::metadata(&first).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    // The file is there now: the next `x` takes a numbered name and leaves it alone.
    std::fs::write(&first, "the officer's own file").unwrap();
    s.key(KeyCode::Char('x'));
    let second = out.path().join(format!("profil-{FIRST}-2.md"));
    assert!(
        s.lines()[23].contains(&second.display().to_string()),
        "{}",
        s.lines()[23]
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        b"the officer's own file".to_vec()
    );
    assert_eq!(std::fs::read_to_string(&second).unwrap(), text);
}

#[test]
fn a_viewer_reads_and_writes_profiles_but_not_over_ssh() {
    let out = tempfile::tempdir().unwrap();
    let mut s = session_as(out.path(), Some(viewer()), false);
    s.key(KeyCode::Enter).key(KeyCode::Char('p'));
    assert!(s.shows("Profil pegawai: Ani Harahap"), "{}", s.text());
    s.key(KeyCode::Char('x'));
    assert!(out.path().join(format!("profil-{FIRST}.md")).exists());

    let remote_out = tempfile::tempdir().unwrap();
    let mut s = session_as(remote_out.path(), Some(viewer()), true);
    s.key(KeyCode::Enter).key(KeyCode::Char('p'));
    assert!(s.shows("Profil pegawai: Ani Harahap"), "{}", s.text());
    s.key(KeyCode::Char('x'));
    assert!(s.shows("tidak tersedia lewat SSH"), "{}", s.lines()[23]);
    assert_eq!(std::fs::read_dir(remote_out.path()).unwrap().count(), 0);
}

#[test]
fn a_penilai_reads_the_profiles_of_their_unit() {
    let out = tempfile::tempdir().unwrap();
    let penilai = Officer {
        role: Role::Penilai,
        units: vec![kinerja::domain::unit_id("SD Negeri 060968")],
        ..viewer()
    };
    let mut s = session_as(out.path(), Some(penilai), false);
    s.key(KeyCode::Enter).key(KeyCode::Char('p'));
    assert!(s.shows("Profil pegawai: Ani Harahap"), "{}", s.text());
    assert!(s.shows("SD Negeri 060968"), "{}", s.text());
}

// ------------------------------------------------------------------ the command line

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn kinerja(db: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        // No config file of the user's: the defaults (Indonesian, 20 JP for PNS).
        .env("XDG_CONFIG_HOME", db.with_file_name("config"))
        .env("HOME", db.with_file_name("home"))
        .output()
        .expect("the kinerja binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A demo database of 40 staff and the NIP of its first person.
fn demo_db() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let run = kinerja(&db, &["demo", "--staff", "40"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let staff = kinerja(&db, &["export", "staff"]);
    let nip = staff
        .stdout
        .lines()
        .nth(1)
        .and_then(|l| l.split(',').next())
        .unwrap()
        .to_string();
    (dir, db, nip)
}

#[test]
fn kinerja_profile_writes_markdown_or_text_to_stdout_or_a_new_private_file() {
    let (dir, db, nip) = demo_db();
    let md = kinerja(&db, &["profile", &nip]);
    assert_eq!(md.code, Some(0), "{}", md.stderr);
    assert!(md.stdout.starts_with("# "), "{}", md.stdout);
    assert!(md.stdout.contains("\n## Identitas\n"), "{}", md.stdout);
    assert!(md.stdout.contains("\n## JP per tahun\n"), "{}", md.stdout);

    let txt = kinerja(&db, &["--lang", "en", "profile", &nip, "--format", "txt"]);
    assert_eq!(txt.code, Some(0), "{}", txt.stderr);
    assert!(
        txt.stdout.contains("\nIdentity\n--------\n"),
        "{}",
        txt.stdout
    );
    assert!(!txt.stdout.contains("## "), "{}", txt.stdout);

    // Spaces in the NIP are fine, as everywhere.
    let spaced = format!(
        "{} {} {} {}",
        &nip[0..8],
        &nip[8..14],
        &nip[14..15],
        &nip[15..]
    );
    let file = dir.path().join("profil.md");
    let run = kinerja(&db, &["profile", &spaced, "-o", file.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("written to"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), md.stdout);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn kinerja_profile_never_replaces_a_file() {
    let (dir, db, nip) = demo_db();
    let file = dir.path().join("mine.md");
    std::fs::write(&file, "mine\n").unwrap();
    let run = kinerja(&db, &["profile", &nip, "-o", file.to_str().unwrap()]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine\n");
    // Nor through a symlink.
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let run = kinerja(&db, &["profile", &nip, "-o", link.to_str().unwrap()]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine\n");
}

#[test]
fn kinerja_profile_of_an_unknown_nip_says_which_and_what_to_do() {
    let (_dir, db, _) = demo_db();
    let run = kinerja(&db, &["profile", "197805122005011003"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("197805122005011003"), "{}", run.stderr);
    assert!(
        run.stderr.contains("kinerja export staff"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    let run = kinerja(&db, &["profile", "12345"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("not a NIP"), "{}", run.stderr);
}

/// The profile's remarks are wrapped at 80 columns, never cut: a long competency with its
/// state at the end, and the 9-box's follow-up in English.
#[test]
fn the_profiles_remarks_are_wrapped_not_cut_at_80_columns() {
    use kinerja::domain::{CompetencyKind, CompetencyState};
    use kinerja::views::profile::{CompetencyLine, TalentSection};
    let staff = common::staff("198503302010012002");
    let mut profile = Profile::of(
        &staff,
        "Puskesmas Belawan".into(),
        false,
        vec![],
        vec![],
        date(2026, 11, 28),
        &Default::default(),
    );
    profile.competencies = Some(vec![CompetencyLine {
        name: "Penanganan Kegawatdaruratan Obstetri dan Neonatal Dasar di Puskesmas Rawat Inap"
            .into(),
        kind: CompetencyKind::Teknis,
        state: CompetencyState::Kedaluwarsa(date(2026, 3, 1)),
        gap: None,
    }]);
    profile.talent = Some(TalentSection {
        year: 2025,
        potential: None,
        predikat: None,
        kinerja: None,
        place: Err(kinerja::domain::TalentGap::Neither),
    });
    let lines = draw_alone(profile, Lang::En);
    let text = lines.join("\n");
    assert!(!text.contains('…'), "{text}");
    assert!(text.contains("expired 2026-03-01"), "{text}");
}

#[test]
fn under_lang_en_the_record_and_the_profile_say_the_same_period_and_rating_words() {
    let mut s = session_with(300, Lang::En, Theme::default(), 80, 24);
    s.key(KeyCode::Enter);
    // The record's newest evaluation: Q3 2026, both ratings below expectations.
    let row = s
        .lines()
        .into_iter()
        .find(|l| l.starts_with("Q3 2026"))
        .unwrap_or_else(|| panic!("{}", s.text()));
    assert!(row.contains("Below expectations"), "{row}");
    assert!(
        !s.shows("Triwulan") && !s.shows("Ekspektasi"),
        "{}",
        s.text()
    );
    assert!(s.shows("Potential 2025: low"), "{}", s.text());

    s.key(KeyCode::Char('p'));
    // The trend names the same period; the 9-box section the same rating and potential.
    assert!(s.shows("Q3 2026"), "{}", s.text());
    s.key(KeyCode::End);
    assert!(s.shows("Rating: "), "{}", s.text());
    assert!(s.shows("(Below expectations)"), "{}", s.text());
    assert!(s.shows("Potential: low"), "{}", s.text());
    assert!(s.shows("Latest evaluation notes (Q3 2026)"), "{}", s.text());
    assert!(
        !s.shows("Triwulan") && !s.shows("Ekspektasi"),
        "{}",
        s.text()
    );

    // The Indonesian screens keep the official words.
    let mut id = session_with(300, Lang::Id, Theme::default(), 80, 24);
    id.key(KeyCode::Enter);
    assert!(id.shows("Triwulan III 2026"), "{}", id.text());
    assert!(id.shows("Di Bawah Ekspektasi"), "{}", id.text());
}
