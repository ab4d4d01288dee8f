//! The Kompetensi view (issue 13): the matrix of position x competency with gap counts,
//! the urgency list of one competency, and a group training prefilled from it that closes
//! the gap for every marked person; driven by keys on a demo database.

mod common;

use common::session::{Session, demo};
use crossterm::event::KeyCode;
use kinerja::domain::CompetencyState;

/// The column whose total of gaps is largest: moves the cursor there, returns its total.
fn to_widest_gap(s: &mut Session) -> u32 {
    let total = |s: &Session| -> u32 {
        s.lines()
            .iter()
            .find_map(|l| l.strip_prefix("Celah pada kompetensi ini: "))
            .and_then(|t| t.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let columns = s
        .lines()
        .iter()
        .find(|l| l.starts_with("Jabatan (orang)"))
        .map_or(0, |l| l.matches(" K").count());
    let mut best = (0, 0);
    for i in 0..columns {
        let t = total(s);
        if t > best.1 {
            best = (i, t);
        }
        s.key(KeyCode::Right);
    }
    // Right wraps around: back at column 0, then to the best one.
    for _ in 0..best.0 {
        s.key(KeyCode::Right);
    }
    assert_eq!(total(s), best.1, "{}", s.text());
    best.1
}

fn open_view(s: &mut Session) {
    s.key(KeyCode::Char('3')).key(KeyCode::Char('K'));
    assert!(s.shows("Kompetensi "), "{}", s.text());
}

#[test]
fn the_matrix_shows_positions_and_gap_counts_and_fits_80x24() {
    let mut s = demo();
    open_view(&mut s);
    assert!(s.shows("Jabatan (orang)"), "{}", s.text());
    assert!(s.shows("K1"), "{}", s.text());
    assert!(s.shows("Jumlah"), "{}", s.text());
    assert!(
        s.shows("(demo)"),
        "the demo catalogue is marked: {}",
        s.text()
    );
    insta::assert_snapshot!("kompetensi_matrix", s.text());
    // f: the unit picker; the first unit chosen, the title names it.
    s.key(KeyCode::Char('f'))
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert!(!s.shows("semua unit"), "{}", s.text());
    // Esc goes back to Pelatihan.
    s.key(KeyCode::Esc);
    assert!(s.shows("Pelatihan"), "{}", s.text());
}

#[test]
fn a_group_training_prefilled_from_the_gap_list_closes_the_gap_for_every_marked_person() {
    let mut s = demo();
    open_view(&mut s);
    let total = to_widest_gap(&mut s);
    assert!(total >= 3, "the demo has gaps: {}", s.text());
    // Tab: the list of this competency for every position, most urgent first.
    s.key(KeyCode::Tab);
    assert!(s.shows("semua jabatan"), "{}", s.text());
    insta::assert_snapshot!("kompetensi_list", s.text());
    let competency_line = s.lines()[2].clone();
    let name = competency_line
        .split(": ")
        .nth(1)
        .and_then(|t| t.split(" · ").next())
        .unwrap()
        .to_string();
    // Mark the first two (Space moves down after marking).
    s.key(KeyCode::Char(' ')).key(KeyCode::Char(' '));
    assert!(s.shows("2 ditandai"), "{}", s.text());
    let store_catalogue = s.app.store().competencies().unwrap();
    let competency = store_catalogue
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("{name} is in the catalogue"))
        .clone();
    // The list rows hold names; the store tells their NIPs through the gap list the
    // screen was built from: take every listed person with a gap now.
    // The name column ends where the header's `Jabatan` begins (a name that fills its
    // column is followed by one space only).
    let lines = s.lines();
    let name_end = lines
        .iter()
        .find(|l| l.contains("Nama") && l.contains("Jabatan"))
        .and_then(|l| l.find("Jabatan"))
        .unwrap();
    let listed: Vec<String> = lines
        .iter()
        .filter(|l| l.starts_with('■'))
        .map(|l| {
            l.chars()
                .skip(2)
                .take(name_end - 2)
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect();
    assert_eq!(listed.len(), 2, "{}", s.text());
    let marked: Vec<String> = {
        let all = s.app.store().iter_summaries().map(|r| r.unwrap());
        all.filter(|p| {
            listed
                .iter()
                .any(|n| p.name.starts_with(n.trim_end_matches('…')))
        })
        .map(|p| p.nip)
        .collect()
    };
    assert!(marked.len() >= 2, "{marked:?}");
    // t: the group training form, with the competency chosen and its name as the title.
    s.key(KeyCode::Char('t'));
    assert!(s.shows("Pelatihan baru"), "{}", s.text());
    assert!(s.shows("pegawai ditandai"), "a group form: {}", s.text());
    assert!(
        s.lines()
            .iter()
            .any(|l| l.contains("Kompetensi") && l.contains(&name[..name.len().min(20)])),
        "{}",
        s.text()
    );
    insta::assert_snapshot!("kompetensi_group_training_form", s.text());
    // The competency's only kind is Latsar CPNS, which is never offered for people who
    // are no CPNS: the kind is focused, empty. Then a known partner, dates and JP.
    s.type_text("bimtek").key(KeyCode::Tab);
    s.type_text("PT Sol").key(KeyCode::Right).key(KeyCode::Tab);
    s.type_text("2026-11-02").key(KeyCode::Tab);
    s.type_text("2026-11-04").key(KeyCode::Tab);
    s.type_text("16");
    s.key(KeyCode::F(2));
    assert!(s.shows("tersimpan (2)"), "{}", s.text());
    // Back on the list: the two are gone from it, and the store holds the competency.
    assert!(s.shows("0 ditandai"), "{}", s.text());
    for name in &listed {
        let name = name.trim_end_matches('…');
        assert!(
            !s.lines().iter().skip(5).any(|l| l.contains(name)),
            "{name} is still listed: {}",
            s.text()
        );
    }
    let today = jiff::civil::date(2026, 11, 28);
    for nip in &marked {
        let trainings = s.app.store().trainings_of(nip).unwrap();
        let t = trainings
            .iter()
            .find(|t| t.judul == name)
            .unwrap_or_else(|| panic!("{nip} has the training"));
        assert_eq!(t.kompetensi.as_deref(), Some(competency.id.as_str()));
        assert!(
            matches!(
                competency.state(&trainings, today),
                CompetencyState::Ada { .. }
            ),
            "{nip}"
        );
        let summary = s.app.store().summary(nip).unwrap().unwrap();
        assert_eq!(
            summary.held_until(&competency.id),
            Some(jiff::civil::date(2026, 11, 4))
        );
    }
    let after: u32 = s
        .lines()
        .iter()
        .find_map(|l| l.split(" · ").nth(1).map(str::to_string))
        .and_then(|t| t.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(u32::MAX);
    let _ = after;
    // Esc: back to the matrix, whose column total fell by two.
    s.key(KeyCode::Esc);
    let now: u32 = s
        .lines()
        .iter()
        .find_map(|l| l.strip_prefix("Celah pada kompetensi ini: "))
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert_eq!(now, total - 2, "{}", s.text());
}
