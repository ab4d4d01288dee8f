//! Recording trainings on the screens: the form, hours into JP, dates as officers type
//! them, a partner picked by type-ahead, and one form for a whole group.

mod common;

use common::session::{Session, demo};
use crossterm::event::{KeyCode, KeyModifiers};
use kinerja::domain::{OrganiserKind, TrainingKind, TrainingStatus};

fn fill(s: &mut Session, title: &str, start: &str, end: &str, hours: &str) {
    s.type_text(title).key(KeyCode::Tab);
    s.type_text("bimtek").key(KeyCode::Tab);
    // Right takes the known partner; its kind is the partner's own (skipped).
    s.type_text("PT Sol").key(KeyCode::Right).key(KeyCode::Tab);
    s.type_text(start).key(KeyCode::Tab);
    s.type_text(end).key(KeyCode::Tab);
    s.key(KeyCode::Tab);
    s.type_text(hours);
}

#[test]
fn a_training_from_hours_counts_whole_jp_and_fills_the_gauge() {
    let mut s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    let before = s.app.store().summary(&nip).unwrap().unwrap().jp_in(2026);
    s.key(KeyCode::Enter).key(KeyCode::Char('t'));
    assert!(s.shows("Pelatihan baru"), "{}", s.text());
    fill(
        &mut s,
        "Bimtek Aplikasi Kepegawaian",
        "14/03/2026",
        "15-03-2026",
        "8",
    );
    assert!(s.shows("= 10 JP"), "{}", s.text());
    assert!(
        s.shows("PT Solusi Digital Pesisir"),
        "a known partner is taken:\n{}",
        s.text()
    );
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let t = s
        .app
        .store()
        .trainings_of(&nip)
        .unwrap()
        .into_iter()
        .find(|t| t.judul == "Bimtek Aplikasi Kepegawaian")
        .unwrap();
    assert_eq!(
        (t.jp, t.jenis, t.status),
        (10, TrainingKind::Bimtek, TrainingStatus::Selesai)
    );
    assert_eq!(t.jenis_penyelenggara, OrganiserKind::Swasta);
    assert_eq!(t.mulai, jiff::civil::date(2026, 3, 14));
    assert_eq!(
        s.app.store().summary(&nip).unwrap().unwrap().jp_in(2026),
        before + 10
    );
    s.key(KeyCode::Tab);
    assert!(
        s.shows(&format!("JP tahun ini 2026: {} / 20 JP", before + 10)),
        "{}",
        s.text()
    );
}

#[test]
fn a_training_that_ends_before_it_starts_is_refused() {
    let mut s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    let before = s.app.store().trainings_of(&nip).unwrap().len();
    s.key(KeyCode::Enter).key(KeyCode::Char('t'));
    fill(&mut s, "Seminar Gizi", "2026-03-15", "2026-03-14", "");
    s.key(KeyCode::Tab).key(KeyCode::Tab);
    s.type_text("6");
    s.key(KeyCode::F(2));
    assert!(s.shows("selesai sebelum mulai"), "{}", s.text());
    assert!(s.shows("Pelatihan baru"), "the form stays open");
    assert_eq!(s.app.store().trainings_of(&nip).unwrap().len(), before);
}

#[test]
fn group_entry_makes_one_record_for_each_marked_person() {
    let mut s = demo();
    let nips: Vec<String> = (3..6)
        .map(|y| s.lines()[y].split_whitespace().take(4).collect())
        .collect();
    let counts = |s: &Session| -> Vec<usize> {
        nips.iter()
            .map(|n| s.app.store().trainings_of(n).unwrap().len())
            .collect()
    };
    let before = counts(&s);
    s.key(KeyCode::Char(' '))
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char(' '));
    assert!(s.lines()[1].contains("3 ditandai"), "{}", s.lines()[1]);
    s.key(KeyCode::Char('t'));
    assert!(
        s.shows("3 pegawai ditandai: satu catatan untuk setiap orang"),
        "{}",
        s.text()
    );
    fill(
        &mut s,
        "Seminar Pelayanan Publik",
        "2026-05-02",
        "2026-05-02",
        "6",
    );
    s.key(KeyCode::F(2));
    assert!(s.lines()[23].contains("tersimpan (3)"), "{}", s.text());
    let after = counts(&s);
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(*a, b + 1);
    }
    // Marks are cleared only by their own key.
    assert!(s.lines()[1].contains("3 ditandai"), "{}", s.lines()[1]);
}

#[test]
fn needs_coaching_names_who_was_rated_poorly_or_is_behind_on_jp() {
    use kinerja::domain::JpTargets;
    use kinerja::domain::training::jp_in_year;
    let s = demo();
    let today = jiff::civil::date(2026, 11, 28);
    // Each person against their own kind's target due by today (DOMAIN.md: PNS 20 JP a
    // year, PPPK no floor).
    let targets = JpTargets::default();
    // Computed here from the records themselves, not from the list's summaries.
    let mut expected = std::collections::BTreeMap::new();
    for staff in s.app.store().iter_staff() {
        let staff = staff.unwrap();
        if !staff.aktif {
            continue;
        }
        let nip = staff.nip.as_str().to_string();
        let mut evaluations = s.app.store().evaluations_of(&nip).unwrap();
        evaluations.sort_by_key(|e| e.period.sort_key());
        let poor = evaluations
            .last()
            .is_some_and(|e| e.predikat().needs_coaching());
        let jp = jp_in_year(&s.app.store().trainings_of(&nip).unwrap(), 2026);
        let target = targets.pro_rata(staff.golongan.is_pppk(), today);
        if poor || jp < target {
            expected.insert(nip, (poor, jp, target));
        }
    }
    let data = s.app.training_data(2026, None).unwrap();
    let listed: std::collections::BTreeMap<String, (bool, u32)> = data
        .coaching
        .iter()
        .map(|c| {
            let poor = c
                .reasons
                .iter()
                .any(|r| matches!(r, kinerja::views::coaching::Reason::Predikat(_)));
            let jp = c
                .reasons
                .iter()
                .find_map(|r| match r {
                    kinerja::views::coaching::Reason::BelowJp { jp, .. } => Some(*jp),
                    _ => None,
                })
                .unwrap_or(u32::MAX);
            (c.nip.clone(), (poor, jp))
        })
        .collect();
    assert_eq!(
        listed.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (nip, (poor, jp, target)) in &expected {
        let (lp, ljp) = listed[nip];
        assert_eq!(lp, *poor, "{nip}");
        if *jp < *target {
            assert_eq!(ljp, *jp, "{nip}");
        }
    }
    assert!(expected.values().any(|(poor, _, _)| *poor));
    // No PPPK is flagged for JP alone with the default targets.
    for c in data.coaching.iter() {
        let staff = s.app.store().get_staff(&c.nip).unwrap().unwrap();
        if staff.golongan.is_pppk() {
            assert!(
                c.reasons
                    .iter()
                    .all(|r| !matches!(r, kinerja::views::coaching::Reason::BelowJp { .. })),
                "{}",
                c.nip
            );
        }
    }
    // Poor ratings come first, and notes naming a training kind become suggestions.
    assert!(matches!(
        data.coaching[0].reasons[0],
        kinerja::views::coaching::Reason::Predikat(_)
    ));
    assert!(data.coaching.iter().any(|c| !c.suggested.is_empty()));
}

#[test]
fn the_training_tab_shows_compliance_and_partners_side_by_side() {
    let mut s = demo();
    s.key(KeyCode::Char('3'));
    let text = s.text();
    assert!(text.contains("3 Pelatihan"), "{text}");
    assert!(
        text.contains("mencapai target JP (PNS 20 JP, PPPK -)"),
        "{text}"
    );
    let data = s.app.training_data(2026, None).unwrap();
    assert!(
        text.contains(&format!("{} / {}", data.reached, data.staff)),
        "{text}"
    );
    assert_eq!(data.spread.iter().sum::<u32>(), data.staff);
    for _ in 0..3 {
        s.key(KeyCode::Tab);
    }
    assert!(
        s.shows("Pemerintah:") && s.shows("Swasta dan BUMN/BUMD:"),
        "{}",
        s.text()
    );
}

#[test]
fn the_report_export_reads_back_with_the_numbers_on_the_screen() {
    let mut s = demo();
    s.key(KeyCode::Char('4')).key(KeyCode::Char('x'));
    let status = s.lines()[23].clone();
    let path = status
        .split("ditulis ke ")
        .nth(1)
        .expect("where it was written")
        .trim()
        .to_string();
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, kinerja::views::report::COLUMNS);
    // The screen's table rows are in the same order as the file's: by unit name.
    let lines = s.lines();
    let mut rows = 0;
    // The table's rows end where the selected unit's details begin (its name, then
    // `N dinilai:`); the retiring list follows below them.
    let table_rows = lines[4..]
        .iter()
        .take_while(|l| !l.contains(" dinilai: "))
        .count();
    for (record, line) in reader.records().zip(lines[4..].iter().take(table_rows)) {
        let r = record.unwrap();
        let ui = kinerja::ui::Ui {
            lang: kinerja::ui::lang::Lang::Id,
            theme: kinerja::ui::theme::Theme::default(),
            jp: Default::default(),
            scoped: false,
        };
        // The screen shows the unit's name shortened to its column.
        let shown: String = line.chars().take(19).collect();
        assert_eq!(
            shown.trim_end(),
            kinerja::ui::short_name(&ui, &r[0], 19),
            "{line}"
        );
        let rest: String = line.chars().skip(20).collect();
        let numbers: Vec<&str> = rest.split_whitespace().take(7).collect();
        let evaluated_pct = format!("{:.0}", r[4].parse::<f64>().unwrap());
        assert_eq!(
            numbers,
            [
                &r[2],
                evaluated_pct.as_str(),
                &r[5],
                &r[6],
                &r[7],
                &r[8],
                &r[9]
            ],
            "{line}"
        );
        rows += 1;
    }
    assert!(rows >= 10);
    // The retiring list's count on screen is the sum of the file's pensiun_12_bulan.
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let col = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "pensiun_12_bulan")
        .expect("the column pensiun_12_bulan");
    let retiring: u32 = reader
        .records()
        .map(|r| r.unwrap()[col].parse::<u32>().unwrap())
        .sum();
    assert_eq!(retiring, 5);
    assert!(s.shows("Pensiun dalam 12 bulan (4 dari 5)"), "{}", s.text());
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_training_form_left_unsaved_is_offered_back_as_a_draft() {
    let mut s = demo();
    s.key(KeyCode::Enter).key(KeyCode::Char('t'));
    s.type_text("Workshop Arsip Digital");
    // The session ends without saving (a dropped link), then comes back.
    let mut s = s.reopen();
    s.key(KeyCode::Enter).key(KeyCode::Char('t'));
    assert!(s.shows("Ada draf yang belum disimpan"), "{}", s.text());
    s.key(KeyCode::Char('y'));
    assert!(s.shows("Workshop Arsip Digital"), "{}", s.text());
}

#[test]
fn f_narrows_pelatihan_and_beranda_to_one_unit() {
    let mut s = demo();
    let all = s.app.training_data(2026, None).unwrap();
    let first_unit = all.all_units[0].clone();
    // f opens the unit picker; typing narrows it, Enter chooses.
    s.key(KeyCode::Char('3')).key(KeyCode::Char('f'));
    assert!(s.shows("Pilih unit"), "{}", s.text());
    s.type_text(&first_unit.1).key(KeyCode::Enter);
    assert!(s.shows(&first_unit.1), "{}", s.text());
    let one = s
        .app
        .training_data(2026, Some(first_unit.0.clone()))
        .unwrap();
    assert!(one.staff < all.staff && one.staff > 0);
    assert!(
        s.shows(&format!("{} / {}", one.reached, one.staff)),
        "{}",
        s.text()
    );
    s.key(KeyCode::Char('1')).key(KeyCode::Char('f'));
    s.type_text(&first_unit.1).key(KeyCode::Enter);
    assert!(
        s.shows(&format!(
            "Cakupan penilaian: tahunan 2025  {}",
            first_unit.1
        )),
        "{}",
        s.text()
    );
}

#[test]
fn picking_a_unit_on_pelatihan_keeps_the_section_and_esc_leaves_the_picker() {
    let mut s = demo();
    s.key(KeyCode::Char('3')).key(KeyCode::Tab);
    assert!(!s.app.coaching_list_shown().is_empty());
    let coaching_title = s.lines()[1].clone();
    s.key(KeyCode::Char('f')).key(KeyCode::Esc);
    assert!(!s.shows("Pilih unit"), "{}", s.text());
    assert_eq!(s.lines()[1], coaching_title, "Esc changes nothing");
    // Down from "all units" to the first unit, Enter: the coaching list of that unit.
    s.key(KeyCode::Char('f'))
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert_eq!(
        s.lines()[1],
        coaching_title,
        "still on the coaching section: {}",
        s.text()
    );
}

/// One training for five marked people, counted in keys: the non-typing keys and the
/// characters typed apart.
#[test]
fn one_training_for_five_marked_people_takes_few_keys() {
    let mut s = demo();
    let mut keys = 0;
    let mut typed = 0;
    for _ in 0..5 {
        s.key(KeyCode::Char(' '));
        keys += 1;
    }
    s.key(KeyCode::Char('t'));
    keys += 1;
    assert!(s.shows("5 pegawai ditandai"), "{}", s.text());
    for (text, then) in [
        ("Bimtek SKP", KeyCode::Tab),
        ("bim", KeyCode::Tab),
        ("PT Sol", KeyCode::Enter),
        ("2026-03-14", KeyCode::Tab),
        ("2026-03-14", KeyCode::Tab),
        ("6", KeyCode::F(2)),
    ] {
        s.type_text(text).key(then);
        typed += text.chars().count();
        keys += 1;
    }
    assert!(s.lines()[23].contains("tersimpan (5)"), "{}", s.text());
    assert_eq!((keys, typed), (12, 40));
}

#[test]
fn the_status_follows_the_dates_and_a_future_end_is_never_done() {
    let mut s = demo();
    s.key(KeyCode::Enter).key(KeyCode::Char('t'));
    fill(&mut s, "Diklat PIM", "2026-11-20", "2026-12-20", "");
    s.key(KeyCode::Tab).key(KeyCode::Tab);
    s.type_text("30");
    let status = |s: &Session| {
        s.lines()
            .into_iter()
            .find(|l| l.contains("Status"))
            .unwrap_or_default()
    };
    // Today is 2026-11-28 in the tests: running.
    assert!(status(&s).contains("berlangsung"), "{}", s.text());
    // Chosen as done anyway: refused on save, nothing written.
    while !status(&s).contains('▶') {
        s.key(KeyCode::Tab);
    }
    while !status(&s).contains("selesai") {
        s.key(KeyCode::Right);
    }
    s.key(KeyCode::F(2));
    assert!(s.shows("belum bisa selesai"), "{}", s.text());
    assert!(s.shows("Pelatihan baru"), "the form stays open");
}

#[test]
fn enter_never_swaps_a_new_organiser_for_a_loosely_similar_partner() {
    let mut s = demo();
    s.key(KeyCode::Enter).key(KeyCode::Char('t'));
    s.type_text("Pelatihan Baru").key(KeyCode::Tab);
    s.type_text("bimtek").key(KeyCode::Tab);
    s.type_text("Yayasan Baru Sejahtera");
    assert!(s.shows("belum dikenal"), "{}", s.text());
    s.key_mod(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert!(
        s.shows("mitra baru: Yayasan Baru Sejahtera"),
        "{}",
        s.text()
    );
    s.key(KeyCode::Enter);
    let organiser = s
        .lines()
        .into_iter()
        .find(|l| l.contains("Penyelenggara "))
        .unwrap_or_default();
    assert!(
        organiser.contains("Yayasan Baru Sejahtera"),
        "Enter kept what was typed: {organiser}"
    );
}

#[test]
fn the_same_training_twice_for_one_person_is_refused_by_the_store() {
    let s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    let store = s.app.store();
    let t = common::training("Bimtek Dua Kali", 8);
    store.save_training(&nip, &t, "t").unwrap();
    let again = store.save_training(&nip, &t, "t");
    assert!(
        matches!(again, Err(kinerja::store::StoreError::AlreadyExists { .. })),
        "{again:?}"
    );
}

#[test]
fn on_the_demo_a_pppk_below_20_jp_is_not_listed_for_jp_and_one_above_24_jp_is_warned() {
    // DOMAIN.md, "Competency development": PPPK no floor by default, a warning above
    // 24 JP in a contract year (PP 49/2018 Pasal 40); the demo's PPPK all have contracts
    // (issue 21), so the ceiling counts the contract year in force on the session's day.
    use kinerja::domain::training::{jp_between, jp_in_year};
    let mut s = demo();
    let mut below = Vec::new();
    let mut above = Vec::new();
    let today = jiff::civil::date(2026, 11, 28);
    for staff in s.app.store().iter_staff() {
        let staff = staff.unwrap();
        if !staff.aktif || !staff.golongan.is_pppk() {
            continue;
        }
        let nip = staff.nip.as_str().to_string();
        let trainings = s.app.store().trainings_of(&nip).unwrap();
        let span = s
            .app
            .store()
            .contracts_of(&nip)
            .unwrap()
            .ceiling_span(today);
        if jp_in_year(&trainings, 2026) < 20 {
            below.push(nip.clone());
        }
        let jp = jp_between(&trainings, span.start, span.end);
        if span.contract && jp > 24 {
            above.push((nip, jp));
        }
    }
    assert!(
        !below.is_empty() && !above.is_empty(),
        "{below:?} {above:?}"
    );
    let data = s.app.training_data(2026, None).unwrap();
    for nip in &below {
        let listed_for_jp = data.coaching.iter().any(|c| {
            c.nip == *nip
                && c.reasons
                    .iter()
                    .any(|r| matches!(r, kinerja::views::coaching::Reason::BelowJp { .. }))
        });
        assert!(!listed_for_jp, "PPPK {nip} listed for JP");
    }
    // The record of one above 24 JP says so.
    let (nip, jp) = &above[0];
    s.key(KeyCode::Char('2')).key(KeyCode::Char('/'));
    s.type_text(nip);
    s.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(s.shows(&nip[..8]), "{}", s.text());
    s.key(KeyCode::Tab);
    assert!(
        s.shows("⚠ JP tahun kontrak") && s.shows(&format!(": {jp} JP (paling lama 24)")),
        "{jp} JP:\n{}",
        s.text()
    );
}

/// Issue 13 / DOMAIN.md (AKPK): the record's Kompetensi section lists each competency the
/// position requires with the person's state. The session's day is 28 November 2026: a
/// PPGD that ended on 28 November 2023 with 36 months' validity expires on that very day;
/// a requirement by jenjang (Ahli Muda) applies to this Dokter; one competency is missing.
#[test]
fn the_record_shows_each_required_competency_with_its_state() {
    use jiff::civil::date;
    use kinerja::domain::{Competency, CompetencyKind, JenisJabatan, Requirement};
    let dir = tempfile::tempdir().unwrap();
    let store = kinerja::store::Store::open(&dir.path().join("db")).unwrap();
    store.save_unit(&common::unit(), "tester").unwrap();
    let nip = "198503302010012002";
    store.save_staff(&common::staff(nip), "tester").unwrap();
    let mut ppgd = common::training("Pelatihan PPGD Angkatan III", 30);
    ppgd.mulai = date(2023, 11, 20);
    ppgd.selesai = date(2023, 11, 28);
    store.save_training(nip, &ppgd, "tester").unwrap();
    let mut skp = common::training("Workshop Penyusunan SKP", 16);
    skp.jenis = TrainingKind::Workshop;
    store.save_training(nip, &skp, "tester").unwrap();
    for c in [
        Competency::new(
            "PPGD / BTCLS",
            CompetencyKind::Teknis,
            vec![],
            vec!["PPGD".into(), "BTCLS".into()],
            Some(36),
        ),
        Competency::new(
            "Penyusunan SKP",
            CompetencyKind::Manajerial,
            vec![],
            vec!["penyusunan skp".into()],
            None,
        ),
        Competency::new(
            "Etika Profesi",
            CompetencyKind::SosialKultural,
            vec![],
            vec!["Etika".into()],
            Some(24),
        ),
        Competency::new(
            "Kurikulum Merdeka",
            CompetencyKind::Teknis,
            vec![],
            vec!["Kurikulum Merdeka".into()],
            None,
        ),
    ] {
        store.save_competency(&c, "tester").unwrap();
    }
    for (jabatan, jenis, competency) in [
        ("DOKTER", None, "ppgd-btcls"),
        ("", Some(JenisJabatan::AhliMuda), "penyusunan-skp"),
        ("Dokter Ahli Muda", None, "etika-profesi"),
        // Another position's need, not this person's.
        ("Guru", None, "kurikulum-merdeka"),
    ] {
        let r = Requirement {
            jabatan: jabatan.into(),
            jenis,
            competency: competency.into(),
        };
        store.save_requirement(&r, "tester").unwrap();
    }
    store.close().unwrap();

    let mut s = common::session::open_at(dir.path());
    // Kompetensi comes before SKP and Karier, the last two.
    s.key(KeyCode::Enter)
        .key_mod(KeyCode::BackTab, KeyModifiers::SHIFT)
        .key_mod(KeyCode::BackTab, KeyModifiers::SHIFT)
        .key_mod(KeyCode::BackTab, KeyModifiers::SHIFT);
    let lines = s.lines();
    let line = |needle: &str| {
        lines
            .iter()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?}:\n{}", s.text()))
            .clone()
    };
    assert!(line("Dokter Ahli Muda:").contains("1 ada, 1 kedaluwarsa, 1 belum ada"));
    assert!(line("PPGD / BTCLS").contains("kedaluwarsa 2026-11-28"));
    assert!(line("PPGD / BTCLS").contains("36 bulan"));
    let skp = line("Penyusunan SKP");
    assert!(skp.contains("seterusnya") && skp.contains("ada"), "{skp}");
    assert!(line("Etika Profesi").contains("belum ada"));
    assert!(!s.shows("Kurikulum Merdeka"), "{}", s.text());
    insta::assert_snapshot!("record_competencies__id", s.text());
}

/// Pelatihan's and Laporan's figures come from the staff rows in memory once the list is
/// loaded; before that from the summaries in the store. Both give the same tab (coaching
/// list and suggestions included) and the same report, for this year and the last.
#[test]
fn pelatihan_and_laporan_from_the_rows_in_memory_equal_the_ones_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    let store = kinerja::store::Store::open(&dir.path().join("db")).unwrap();
    let opts = common::session::options(
        kinerja::ui::lang::Lang::Id,
        kinerja::ui::theme::Theme::default(),
    );
    let mut app = kinerja::app::App::new(store, opts).unwrap();
    // Not loaded yet: the store's summaries.
    let from_store = app.training_data(2026, None).unwrap();
    let last_year = app.training_data(2025, None).unwrap();
    app.finish_loading().unwrap();
    let from_rows = app.training_data(2026, None).unwrap();
    assert!(!from_store.coaching.is_empty() && from_store.staff > 0);
    assert_eq!(format!("{from_store:?}"), format!("{from_rows:?}"));
    // Another year too: the rows keep every year's JP.
    let rows_last_year = app.training_data(2025, None).unwrap();
    assert_eq!(format!("{last_year:?}"), format!("{rows_last_year:?}"));
    assert_ne!(format!("{last_year:?}"), format!("{from_store:?}"));
    // Laporan the same way, for both years.
    let index = kinerja::model::staff_index::StaffIndex::build(
        app.store().iter_summaries(),
        std::collections::HashMap::new(),
        2026,
    )
    .unwrap();
    for year in [2025, 2026] {
        let today = jiff::civil::date(2026, 11, 28);
        let targets = Default::default();
        let a = kinerja::views::report::report_with_retiring(app.store(), year, &targets, today)
            .unwrap();
        let b = kinerja::views::report::report_with_retiring_from_index(
            app.store(),
            &index,
            year,
            &targets,
            today,
        )
        .unwrap();
        assert!(a.0.iter().any(|r| r.staff > 0 && r.reached > 0), "{year}");
        assert_eq!(a, b, "{year}");
    }
    // One unit too.
    let unit = from_store.all_units[0].0.clone();
    let a = app.training_data(2026, Some(unit.clone())).unwrap();
    assert!(a.staff > 0 && a.staff < from_store.staff);
}
