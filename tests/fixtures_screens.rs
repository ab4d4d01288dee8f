//! Screens that only draw data, built from `views` values written here: no database and
//! no demo, so each look is a few rows whose every figure is known.

mod common;

use common::session::looks;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::domain::{PredikatCounts, UnitRating, check_distribution};
use kinerja::screens::report::Report;
use kinerja::screens::{Outcome, Screen};
use kinerja::ui::Ui;
use kinerja::views::report::UnitReport;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn unit(id: &str, name: &str, counts: [u32; 5], rating: Option<UnitRating>) -> UnitReport {
    let counts = PredikatCounts(counts);
    UnitReport {
        unit_id: id.into(),
        name: name.into(),
        staff: counts.total() + 1,
        breaches: rating.map(|r| check_distribution(r, &counts)),
        counts,
        rating,
        head_predikat: None,
        has_head: true,
        parent: None,
        periods: Vec::new(),
        reached: 3,
        evaluated_active: counts.total(),
        retiring: 0,
    }
}

fn rows() -> Vec<UnitReport> {
    vec![
        unit(
            "pkm",
            "Puskesmas Belawan",
            [2, 10, 3, 0, 0],
            Some(UnitRating::Baik),
        ),
        unit("kel", "Kelurahan Belawan Sicanang", [0, 4, 1, 1, 0], None),
        unit(
            "sdn",
            "SD Negeri 060968",
            [5, 2, 0, 0, 0],
            Some(UnitRating::Kurang),
        ),
    ]
}

fn text(screen: &mut Report, ui: &Ui) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 22)).unwrap();
    term.draw(|f| screen.draw(f, f.area(), ui)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn laporan_from_fixed_rows_in_three_looks() {
    for (look, lang, theme) in looks() {
        let ui = Ui {
            lang,
            theme,
            jp: Default::default(),
            scoped: false,
        };
        let mut r = Report::new(rows(), Vec::new(), 2025, 0);
        insta::assert_snapshot!(format!("laporan_fixture__{look}"), text(&mut r, &ui));
    }
}

#[test]
fn laporan_year_keys_ask_for_the_year_around_the_one_shown() {
    let ui = Ui::default();
    let mut r = Report::new(rows(), Vec::new(), 2025, 0);
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(r.handle(key('['), &ui), Outcome::ReportYear(2024));
    assert_eq!(r.handle(key(']'), &ui), Outcome::ReportYear(2026));
    assert_eq!(r.handle(key('x'), &ui), Outcome::ExportReport(2025));
}

/// At 100,000 staff a unit has thousands of people: every digit of every count shows (the
/// columns were three wide, and 7,851 showed as 785).
#[test]
fn laporan_shows_every_digit_of_a_unit_of_thousands() {
    let ui = Ui::default();
    let mut big = unit(
        "kec",
        "Kecamatan Medan Belawan",
        [961, 4962, 1360, 480, 87],
        Some(UnitRating::Baik),
    );
    big.staff = 7851;
    let mut rows = rows();
    rows.insert(0, big);
    let mut r = Report::new(rows, Vec::new(), 2025, 0);
    let shown = text(&mut r, &ui);
    let line = shown
        .lines()
        .find(|l| l.contains("Kec"))
        .unwrap_or_else(|| panic!("the unit's row: {shown}"));
    for figure in ["7851", "961", "4962", "1360", "480", "87"] {
        assert!(
            line.split_whitespace().any(|w| w == figure),
            "{figure} in {line:?}"
        );
    }
    // The smaller units' rows keep theirs too.
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("Pkm Belawan") && l.split_whitespace().nth(2) == Some("16")),
        "{shown}"
    );
}
