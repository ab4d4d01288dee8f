//! Talent (issue 12): potensial per person and year, the 9-box of PermenPANRB 3/2020 on the
//! Talenta tab and in `kinerja export talent`, staff without a box counted by reason, and
//! the berprestasi, against DOMAIN.md's table and an independent computation.

mod common;

use common::session::{demo, session_with};
use crossterm::event::KeyCode;
use kinerja::domain::{Potensial, PotentialEntry};
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

/// Runs the binary on a database; returns (exit code, stdout, stderr).
fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("kinerja runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A CSV with a header: rows as maps from column name to value.
fn rows(csv_text: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn this_year() -> i16 {
    kinerja::cli::today().year()
}

#[test]
fn the_boxes_and_berprestasi_of_the_demo_equal_an_independent_computation_from_the_exports() {
    // DOMAIN.md "Talent" (issue 21): the kinerja row is the annual predikat on three levels
    // (Sangat Baik above; Baik as expected; the rest below); berprestasi is Sangat Baik in
    // the year and the year before. Nobody rated Kurang/Misconduct is in boxes 7-9 or
    // berprestasi.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    assert_eq!(run(&db, &["demo", "--staff", "300"]).0, 0);
    let year = this_year() - 1;
    let (_, staff, _) = run(&db, &["export", "staff"]);
    let (_, evaluations, _) = run(&db, &["export", "evaluations"]);
    let (_, potentials, _) = run(&db, &["export", "potentials"]);
    let active: BTreeSet<String> = rows(&staff)
        .into_iter()
        .filter(|r| r["aktif"] == "ya")
        .map(|r| r["nip"].clone())
        .collect();
    // (nip, year) -> predikat
    let mut annual: HashMap<(String, i16), String> = HashMap::new();
    for r in rows(&evaluations) {
        if r["periode"] == "tahunan" {
            let y: i16 = r["tahun"].parse().unwrap();
            annual.insert((r["nip"].clone(), y), r["predikat"].clone());
        }
    }
    let pot: HashMap<String, String> = rows(&potentials)
        .into_iter()
        .filter(|r| r["tahun"] == year.to_string())
        .map(|r| (r["nip"].clone(), r["potensial"].clone()))
        .collect();
    let mut expected_berprestasi = BTreeSet::new();
    let mut expected_box: HashMap<String, String> = HashMap::new();
    for nip in &active {
        let this = annual.get(&(nip.clone(), year));
        if let (Some(p), Some(potensial)) = (this, pot.get(nip)) {
            let row = match p.as_str() {
                "Sangat Baik" => 0,
                "Baik" => 1,
                _ => 2,
            };
            let col = ["rendah", "menengah", "tinggi"]
                .iter()
                .position(|x| x == potensial)
                .unwrap();
            let grid = [[4, 7, 9], [2, 5, 8], [1, 3, 6]];
            expected_box.insert(nip.clone(), grid[row][col].to_string());
        }
        let sb = |y: i16| annual.get(&(nip.clone(), y)).map(String::as_str) == Some("Sangat Baik");
        if sb(year) && sb(year - 1) {
            expected_berprestasi.insert(nip.clone());
        }
    }
    let (code, talent, err) = run(&db, &["export", "talent", "--year", &year.to_string()]);
    assert_eq!(code, 0, "{err}");
    let talent = rows(&talent);
    assert_eq!(talent.len(), active.len(), "one row per active person");
    let listed: BTreeSet<String> = talent
        .iter()
        .filter(|r| r["berprestasi"] == "ya")
        .map(|r| r["nip"].clone())
        .collect();
    assert!(
        expected_berprestasi.len() >= 3,
        "the demo has berprestasi: {}",
        expected_berprestasi.len()
    );
    assert_eq!(listed, expected_berprestasi);
    let mut kurang_placed = 0;
    for r in &talent {
        let want = expected_box.get(&r["nip"]).cloned().unwrap_or_default();
        assert_eq!(r["kotak"], want, "{r:?}");
        assert_eq!(
            r["predikat_tahunan"],
            annual
                .get(&(r["nip"].clone(), year))
                .cloned()
                .unwrap_or_default(),
            "{r:?}"
        );
        // The review's finding: Kurang/Misconduct never in 7-9, never berprestasi.
        if r["predikat_tahunan"] == "Kurang/Misconduct" {
            assert!(!["7", "8", "9"].contains(&r["kotak"].as_str()), "{r:?}");
            assert_eq!(r["berprestasi"], "tidak", "{r:?}");
            kurang_placed += usize::from(!r["kotak"].is_empty());
        }
        // Every box row names its follow-up; every row without a box its reason.
        assert_eq!(r["kotak"].is_empty(), !r["alasan"].is_empty(), "{r:?}");
        assert_eq!(
            r["kotak"].is_empty(),
            r["tindak_lanjut"].is_empty(),
            "{r:?}"
        );
    }
    assert!(
        kurang_placed >= 1,
        "the demo places someone rated Kurang/Misconduct"
    );
    // `jp_tahun` is the JP of the trainings completed in the year exported (last year
    // here), not this year's: recomputed from the trainings' export.
    let (_, trainings, _) = run(&db, &["export", "trainings"]);
    let mut jp: HashMap<(String, i16), u32> = HashMap::new();
    for r in rows(&trainings) {
        if r["status"] == "selesai" {
            let y: i16 = r["selesai"][..4].parse().unwrap();
            *jp.entry((r["nip"].clone(), y)).or_default() += r["jp"].parse::<u32>().unwrap();
        }
    }
    let mut differs = 0;
    for r in &talent {
        let of = |y: i16| jp.get(&(r["nip"].clone(), y)).copied().unwrap_or(0);
        assert_eq!(r["jp_tahun"], of(year).to_string(), "{r:?}");
        differs += usize::from(of(year) != of(this_year()));
    }
    assert!(
        differs > 0,
        "last year's JP differs from this year's for someone"
    );
}

const STAFF_HEADER: &str = "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif";

#[test]
fn staff_without_a_box_are_counted_apart_by_reason_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let nips = [
        "198503302010011002",
        "198503302010011003",
        "198503302010011004",
        "198503302010011005",
    ];
    let mut staff = format!("{STAFF_HEADER}\n");
    for (i, nip) in nips.iter().enumerate() {
        staff.push_str(&format!(
            "{nip},PNS,Orang {i},,,III/a,S1,Perawat,Ahli Pertama,Puskesmas Belawan,kesehatan,,ya\n"
        ));
    }
    std::fs::write(dir.path().join("s.csv"), staff).unwrap();
    let year = this_year() - 1;
    // A and B evaluated; A and C with a potensial; D neither.
    let ev = format!(
        "nip,tahun,periode,hasil_kerja,perilaku,penilai_nama\n{a},{year},tahunan,1,2,Kepala\n{b},{year},tahunan,2,2,Kepala\n",
        a = nips[0],
        b = nips[1]
    );
    std::fs::write(dir.path().join("e.csv"), ev).unwrap();
    let pot = format!(
        "nip,tahun,potensial,sumber,tanggal\n{a},{year},tinggi,ukom,{year}-12-01\n{c},{year},rendah,atasan,{year}-12-01\n",
        a = nips[0],
        c = nips[2]
    );
    std::fs::write(dir.path().join("p.csv"), pot).unwrap();
    for (kind, f) in [
        ("staff", "s.csv"),
        ("evaluations", "e.csv"),
        ("potentials", "p.csv"),
    ] {
        let path = dir.path().join(f);
        let (code, _, err) = run(&db, &["import", kind, path.to_str().unwrap()]);
        assert_eq!(code, 0, "{kind}: {err}");
    }
    let (code, out, err) = run(&db, &["export", "talent", "--year", &year.to_string()]);
    assert_eq!(code, 0, "{err}");
    let by_nip: HashMap<String, HashMap<String, String>> = rows(&out)
        .into_iter()
        .map(|r| (r["nip"].clone(), r))
        .collect();
    // Hasil Kerja Di Atas with Perilaku Sesuai is Baik: as expected, and with tinggi box 8
    // (not 9, which Hasil Kerja alone gave before issue 21).
    assert_eq!(by_nip[nips[0]]["predikat_tahunan"], "Baik");
    assert_eq!(by_nip[nips[0]]["kinerja"], "2");
    assert_eq!(by_nip[nips[0]]["kotak"], "8");
    assert_eq!(
        by_nip[nips[0]]["tindak_lanjut"],
        "pertahankan, rotasi, pengayaan jabatan"
    );
    assert_eq!(by_nip[nips[1]]["kotak"], "");
    assert_eq!(by_nip[nips[1]]["alasan"], "belum ada potensial");
    assert_eq!(by_nip[nips[2]]["alasan"], "belum ada evaluasi tahunan");
    assert_eq!(
        by_nip[nips[3]]["alasan"],
        "belum ada evaluasi tahunan dan potensial"
    );
    // The potentials export imports back unchanged; a clash in one file is refused.
    let (_, exported, _) = run(&db, &["export", "potentials"]);
    std::fs::write(dir.path().join("back.csv"), &exported).unwrap();
    let back = dir.path().join("back.csv");
    let (code, _, err) = run(&db, &["import", "potentials", back.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(err.contains("0 new, 0 updated, 2 unchanged"), "{err}");
    let clash = format!(
        "nip,tahun,potensial,sumber,tanggal\n{a},{year},rendah,ukom,{year}-12-01\n{a},{year},tinggi,ukom,{year}-12-01\n",
        a = nips[0]
    );
    std::fs::write(dir.path().join("clash.csv"), clash).unwrap();
    let clash = dir.path().join("clash.csv");
    let (code, _, err) = run(&db, &["import", "potentials", clash.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(":3: line 2 gives"), "{err}");
    let (_, after, _) = run(&db, &["export", "potentials"]);
    assert_eq!(after, exported, "a refused file wrote nothing");
    // --unit takes a unit's name; an unknown one cannot run.
    let (code, _, err) = run(&db, &["export", "talent", "--unit", "Tidak Ada"]);
    assert_eq!(code, 2, "{err}");
    let (code, out, _) = run(&db, &["export", "talent", "--unit", "puskesmas belawan"]);
    assert_eq!(code, 0);
    assert_eq!(rows(&out).len(), 4);
}

#[test]
fn a_stale_potential_save_is_refused_and_each_save_is_audited() {
    let s = demo();
    let store = s.app.store();
    let nip = store
        .iter_staff()
        .next()
        .unwrap()
        .unwrap()
        .nip
        .as_str()
        .to_string();
    let today = jiff::civil::date(2026, 11, 28);
    let before = store.potentials_of(&nip).unwrap();
    let entry = common::potential(2026, Potensial::Tinggi);
    let saved = store
        .save_potential(&nip, &entry, before.revision, today, "siti")
        .unwrap();
    assert_eq!(saved.revision, before.revision + 1);
    assert_eq!(saved.of_year(2026), Some(&entry));
    let again = store.save_potential(&nip, &entry, before.revision, today, "budi");
    assert!(
        matches!(again, Err(kinerja::store::StoreError::Stale { .. })),
        "{again:?}"
    );
    let audit = store.audit_of(&format!("potentials/{nip}")).unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.summary.contains("potensial 2026: - -> tinggi")),
        "{audit:?}"
    );
    let future = PotentialEntry {
        date: jiff::civil::date(2027, 1, 1),
        ..entry
    };
    assert!(
        store
            .save_potential(&nip, &future, saved.revision, today, "siti")
            .is_err()
    );
    assert!(store.check().unwrap().damage.is_empty());
}

#[test]
fn the_talenta_tab_moves_through_the_boxes_and_opens_a_person() {
    let mut s = demo();
    s.key(KeyCode::Char('5'));
    assert!(s.shows("Talenta (9-box)"), "{}", s.text());
    assert!(
        s.shows("Kotak 9: promosi, kandidat suksesor"),
        "{}",
        s.text()
    );
    // Down twice and left twice: from box 9 to box 1 (Di Bawah, rendah).
    for k in [KeyCode::Down, KeyCode::Down, KeyCode::Left, KeyCode::Left] {
        s.key(k);
    }
    assert!(
        s.shows("Kotak 1: pembinaan sesuai ketentuan"),
        "{}",
        s.text()
    );
    // The list: Tab, then Enter opens its first person.
    let first = s
        .lines()
        .into_iter()
        .skip_while(|l| !l.starts_with("Kotak 1"))
        .nth(1)
        .unwrap();
    let name: String = first.split("  ").next().unwrap().trim().to_string();
    s.key(KeyCode::Tab).key(KeyCode::Enter);
    assert!(s.shows("Evaluasi │ Pelatihan"), "{}", s.text());
    assert!(
        s.lines()[1].contains(&name[..name.len().min(12)]),
        "{name}\n{}",
        s.text()
    );
    // Back, the year before, all years keep the box; B lists the berprestasi.
    s.key(KeyCode::Esc);
    assert!(s.shows("Kotak 1:"), "{}", s.text());
    s.key(KeyCode::Char('['));
    assert!(s.shows("◀ 2024 ▶"), "{}", s.text());
    assert!(s.shows("Kotak 1:"), "the box is kept: {}", s.text());
    s.key(KeyCode::Char('B'));
    assert!(
        s.shows("Berprestasi: Sangat Baik dua tahun berturut-turut"),
        "{}",
        s.text()
    );
    // f: the unit picker; the first unit chosen.
    s.key(KeyCode::Char('f'))
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert!(!s.shows("semua unit"), "{}", s.text());
}

#[test]
fn p_on_a_record_enters_a_potensial_that_the_record_and_the_tab_then_show() {
    let mut s = demo();
    s.key(KeyCode::Enter).key(KeyCode::Char('T'));
    assert!(s.shows("Potensial:"), "{}", s.text());
    // Year 2025 (the person's newest annual evaluation), tinggi, penilaian atasan, a date.
    let focus = |s: &mut common::session::Session, label: &str| {
        for _ in 0..10 {
            if s.lines()
                .iter()
                .any(|l| l.contains(label) && l.contains('▶'))
            {
                return;
            }
            s.key(KeyCode::Tab);
        }
        panic!("no field {label}: {}", s.text());
    };
    focus(&mut s, "Tahun");
    for _ in 0..4 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("2025");
    assert!(s.shows("mengganti"), "2025 has a potensial: {}", s.text());
    focus(&mut s, "Potensial ");
    s.type_text("t");
    focus(&mut s, "Sumber");
    s.type_text("p");
    focus(&mut s, "Tanggal");
    for _ in 0..10 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("2026-11-20");
    s.key(KeyCode::F(2));
    assert!(s.shows("tersimpan"), "{}", s.text());
    assert!(
        s.shows("Potensial 2025: tinggi (penilaian atasan, 2026-11-20)"),
        "{}",
        s.text()
    );
    // A date in the future is refused on the form.
    s.key(KeyCode::Char('T'));
    focus(&mut s, "Tanggal");
    for _ in 0..10 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("2027-01-01");
    s.key(KeyCode::F(2));
    assert!(s.shows("tanggal di masa depan"), "{}", s.text());
    // An empty date is required, not "write it as ...": and the label is said once.
    for _ in 0..10 {
        s.key(KeyCode::Backspace);
    }
    s.key(KeyCode::F(2));
    assert!(s.shows("Tanggal: wajib diisi"), "{}", s.text());
    s.type_text("kemarin");
    s.key(KeyCode::F(2));
    assert!(
        s.shows("Tanggal: tulis 2025-03-14, 14-03-2025 atau 14/03/2025"),
        "{}",
        s.text()
    );
}

#[test]
fn laporan_and_talenta_stop_at_this_year_and_talenta_marks_it_provisional() {
    // Nothing is evaluated after this year: `]` stops there (the demo's today is 2026-11-28).
    let mut s = demo();
    s.key(KeyCode::Char('4'));
    for _ in 0..3 {
        s.key(KeyCode::Char(']'));
    }
    assert!(s.shows("◀ 2026 ▶"), "{}", s.text());
    s.key(KeyCode::Char('5'));
    assert!(!s.shows("sementara"), "2025 has ended: {}", s.text());
    for _ in 0..3 {
        s.key(KeyCode::Char(']'));
    }
    assert!(s.shows("◀ 2026 ▶  semua unit  sementara"), "{}", s.text());
}

#[test]
fn under_lang_en_talentas_axes_and_mitras_partner_kinds_are_english() {
    let mut s = session_with(300, Lang::En, Theme::default(), 80, 24);
    s.key(KeyCode::Char('5'));
    let lines = s.lines();
    let head = lines
        .iter()
        .find(|l| l.starts_with("Rating "))
        .unwrap_or_else(|| panic!("{}", s.text()));
    for column in ["low potential", "medium potential", "high potential"] {
        assert!(head.contains(column), "{head}");
    }
    for row in ["Above ", "Expected ", "Below "] {
        assert!(lines.iter().any(|l| l.starts_with(row)), "{}", s.text());
    }
    assert!(!s.shows("potensial") && !s.shows("Di Atas"), "{}", s.text());

    s.key(KeyCode::Char('3')).key(KeyCode::Char('m'));
    let row = |name: &str| {
        s.lines()
            .into_iter()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{}", s.text()))
    };
    assert!(row("BKPSDM Kota Medan").contains(" Government "));
    assert!(row("PT Solusi Digital").contains(" Private "));
    assert!(!s.shows("Pemerintah") && !s.shows("Swasta"), "{}", s.text());
}

#[test]
fn a_potensial_save_shows_in_the_persons_history() {
    // The guide says the save reads `potensial 2025: rendah -> tinggi (...)` in the
    // history: the record's Riwayat (history_of_person), not only the audit screen.
    let s = demo();
    let store = s.app.store();
    let nip = store
        .iter_staff()
        .next()
        .unwrap()
        .unwrap()
        .nip
        .as_str()
        .to_string();
    let before = store.potentials_of(&nip).unwrap();
    let entry = common::potential(2026, Potensial::Tinggi);
    store
        .save_potential(
            &nip,
            &entry,
            before.revision,
            jiff::civil::date(2026, 11, 28),
            "siti",
        )
        .unwrap();
    let history = store.history_of_person(&nip).unwrap();
    let newest = history.first().expect("a history");
    assert_eq!(newest.record, format!("potentials/{nip}"));
    assert!(
        newest.summary.starts_with("potensial 2026: "),
        "{}",
        newest.summary
    );
}

/// The Talenta tab builds its view from the rows in memory; the export from the store. For
/// a past year, both give that year's JP (the rows keep every year's), and the same view.
#[test]
fn the_tabs_view_from_the_rows_equals_the_exports_from_the_store_for_every_year() {
    use kinerja::views::talent::{potensial_of_year, talent_data, talent_data_from_index};
    let s = demo();
    let store = s.app.store();
    let summaries: Vec<_> = store.iter_summaries().map(|x| x.unwrap()).collect();
    let units: HashMap<String, String> = store
        .units()
        .unwrap()
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let index = kinerja::model::staff_index::StaffIndex::new(summaries, units, this_year());
    let mut jp_differs = false;
    for year in [this_year() - 2, this_year() - 1, this_year()] {
        let potensial = potensial_of_year(store, year).unwrap();
        let from_rows =
            talent_data_from_index(store, &index, &potensial, year, None, &|_| true).unwrap();
        let from_store = talent_data(store, year, None, &|_| true).unwrap();
        assert!(!from_rows.people.is_empty());
        // The tab lists people in the rows' name order, the export by name as written:
        // the same people with the same places, predikat, JP and positions.
        let by_nip = |d: &kinerja::views::talent::TalentData| {
            let mut v: Vec<_> = d
                .people
                .iter()
                .map(|p| {
                    let mut p = p.clone();
                    p.name = Default::default();
                    p
                })
                .collect();
            v.sort_by(|a, b| a.nip().cmp(b.nip()));
            v
        };
        assert_eq!(by_nip(&from_rows), by_nip(&from_store), "{year}");
        // And each person's name, which the views keep in one text each.
        let names = |d: &kinerja::views::talent::TalentData| {
            let mut v: Vec<(String, String)> = d
                .people
                .iter()
                .map(|p| (p.nip().to_string(), d.name(p).to_string()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(names(&from_rows), names(&from_store), "{year}");
        assert!(names(&from_rows).iter().all(|(_, n)| !n.is_empty()));
        assert_eq!(from_rows.berprestasi.len(), from_store.berprestasi.len());
        for b in 0..9 {
            assert_eq!(
                from_rows.boxes[b].len(),
                from_store.boxes[b].len(),
                "box {b}"
            );
        }
        if year < this_year() {
            let now = talent_data(store, this_year(), None, &|_| true).unwrap();
            let now: HashMap<&str, u32> = now.people.iter().map(|p| (p.nip(), p.jp)).collect();
            jp_differs |= from_rows
                .people
                .iter()
                .any(|p| now.get(p.nip()).is_some_and(|jp| *jp != p.jp));
        }
    }
    assert!(jp_differs, "a past year shows its own JP, not this year's");
}

/// The year's potentials read in two halves at once are those read in one pass, wherever
/// the split falls: before everyone, on a NIP held, between two, after everyone.
#[test]
fn the_potentials_read_in_two_halves_are_those_read_in_one() {
    use kinerja::views::talent::{potensial_of_year, potensial_of_year_split};
    let s = demo();
    let store = s.app.store();
    let nips: Vec<String> = store.iter_potentials().map(|p| p.unwrap().0).collect();
    assert!(nips.len() > 2, "the demo has potentials");
    let held = nips[nips.len() / 2].clone();
    let between = format!("{}5", &held[..17]);
    let mut read = 0;
    for year in [this_year() - 2, this_year() - 1, this_year()] {
        let whole = potensial_of_year(store, year).unwrap();
        read += whole.len();
        for middle in ["", held.as_str(), between.as_str(), "999999999999999999"] {
            let split = potensial_of_year_split(store, year, middle).unwrap();
            assert_eq!(split, whole, "{year}, split at {middle:?}");
        }
    }
    assert!(read > 2, "the demo assessed some potensial in these years");
}
