//! SKP planning (issue 19) driven by keys: the record's SKP section, a new SKP and its RHK
//! on the SKP screen, evidence and feedback, the store round trip (save, reopen, a stale
//! save refused), the template for a marked unit (with its key count) and the cascade from
//! the unit head's plan; snapshots at 80x24 in three looks.

mod common;

use common::session::{Session, looks, session_with};
use crossterm::event::{KeyCode, KeyModifiers};
use kinerja::domain::*;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

const HEAD: &str = "197001012000031001";
const RINA: &str = "198503302010012001";

fn staff_nip(i: usize) -> String {
    format!("198503302010012{i:03}")
}

/// A puskesmas with its head and 20 staff (Rina Siregar first); the head has an SKP for
/// 2026 with two RHK.
fn unit_session(lang: Lang, theme: Theme) -> Session {
    let s = session_with(0, lang, theme, 80, 24);
    let store = s.app.store();
    let mut unit = common::unit();
    unit.head = Some(Nip::parse(HEAD).unwrap());
    store.save_unit(&unit, "t").unwrap();
    let mut head = common::staff(HEAD);
    head.nama = "Budi Nasution".into();
    head.gelar_depan = "H.".into();
    head.gelar_belakang = "S.Sos.".into();
    head.golongan = Golongan::parse("IV/a", false).unwrap();
    store.save_staff(&head, "t").unwrap();
    for i in 1..=20 {
        let mut p = common::staff(&staff_nip(i));
        if i > 1 {
            p.nama = format!("Perawat {i:02}");
            p.gelar_depan.clear();
            p.gelar_belakang = "A.Md.Kep.".into();
        }
        store.save_staff(&p, "t").unwrap();
    }
    let mut plan = Skp::new_year(
        2026,
        PersonAtTime::named("H. Budi Nasution, S.Sos.", Nip::parse(HEAD).ok()),
        PersonAtTime::named("dr. Kepala Dinas", None),
    );
    for (jenis, teks) in [
        (
            JenisRhk::Utama,
            "Meningkatnya cakupan imunisasi dasar lengkap",
        ),
        (
            JenisRhk::Tambahan,
            "Terlaksananya pelayanan rawat jalan sesuai standar",
        ),
    ] {
        plan.rhk.push(Rhk::new(
            jenis,
            teks,
            Intervensi::PerjanjianKinerja("PK Puskesmas 2026".into()),
        ));
    }
    store.save_skp(HEAD, &plan, "t").unwrap();
    s.reopen_as(lang, theme)
}

fn snap(s: &Session, look: &str, screen: &str) {
    insta::assert_snapshot!(format!("{screen}__{look}"), s.text());
}

fn ctrl(s: &mut Session, c: char) {
    s.key_mod(KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// From the staff list to Rina's record, on its SKP section.
fn rina_skp_section(s: &mut Session) {
    s.key(KeyCode::Char('/')).type_text("rina");
    s.key(KeyCode::Enter).key(KeyCode::Enter);
    for _ in 0..5 {
        s.key(KeyCode::Tab);
    }
}

/// A new SKP for Rina and one RHK linked to the head's second RHK, with one indicator.
fn plan_one_rhk(s: &mut Session) {
    rina_skp_section(s);
    s.key(KeyCode::Char('n'));
    ctrl(s, 's');
    s.key(KeyCode::Char('n'))
        .type_text("Pasien rawat jalan dilayani sesuai standar")
        .key(KeyCode::Tab)
        .key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .type_text("Pasien dilayani")
        .key(KeyCode::Tab)
        .type_text("1200 pasien");
}

#[test]
fn a_new_skp_and_its_rhk_are_planned_with_keys_and_drawn_in_three_looks() {
    for (look, lang, theme) in looks() {
        let mut s = unit_session(lang, theme);
        rina_skp_section(&mut s);
        snap(&s, look, "record_skp_empty");
        s.key(KeyCode::Char('n'));
        snap(&s, look, "skp_data_form");
        ctrl(&mut s, 's');
        // The new SKP opens: this year, Rina as she is now, the unit head evaluates.
        let skp = s.app.skp_shown().expect("the SKP screen").clone();
        assert_eq!(skp.year(), 2026);
        assert!(skp.whole_year());
        assert_eq!(skp.pegawai.jabatan, "Dokter Ahli Muda");
        assert_eq!(skp.penilai.nip.as_ref().map(|n| n.as_str()), Some(HEAD));
        assert_eq!(
            skp.penilai.golongan.map(|g| g.to_string()).as_deref(),
            Some("IV/a")
        );
        s.key(KeyCode::Char('n'))
            .type_text("Pasien rawat jalan dilayani sesuai standar")
            .key(KeyCode::Tab)
            .key(KeyCode::Right)
            .key(KeyCode::Right)
            .key(KeyCode::Tab)
            .key(KeyCode::Tab)
            .type_text("Pasien dilayani")
            .key(KeyCode::Tab)
            .type_text("1200 pasien");
        snap(&s, look, "skp_rhk_form");
        ctrl(&mut s, 's');
        snap(&s, look, "skp_screen");
        // The status word of the interface language: Indonesian writes `Draf`.
        let period = s.lines()[2].clone();
        match lang {
            Lang::Id => assert!(period.contains("Draf ") && !period.contains("Draft")),
            Lang::En => assert!(period.contains("Draft "), "{period}"),
        }
        let skp = s.app.skp_shown().expect("back on the SKP screen");
        assert_eq!(skp.rhk.len(), 1);
        let rhk = &skp.rhk[0];
        assert_eq!(
            rhk.indikator[0].target,
            Nilai::parse("1200 pasien").unwrap()
        );
        match &rhk.intervensi {
            Intervensi::Atasan {
                link: Some((nip, _, _)),
                teks,
            } => {
                assert_eq!(nip, HEAD);
                assert_eq!(teks, "Terlaksananya pelayanan rawat jalan sesuai standar");
            }
            other => panic!("linked to the head's RHK: {other:?}"),
        }
        // Evidence on the indicator, feedback on the RHK: counted on their lines.
        s.key(KeyCode::Down).key(KeyCode::Char('b'));
        s.type_text("Register rawat jalan Mei")
            .key(KeyCode::Tab)
            .type_text("Lemari arsip poli");
        ctrl(&mut s, 's');
        s.key(KeyCode::Up).key(KeyCode::Char('m'));
        s.type_text("Antrean pagi perlu dipercepat");
        ctrl(&mut s, 's');
        assert!(s.shows("1b"), "{}", s.text());
        assert!(s.shows("1b 1u"), "{}", s.text());
        s.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
        snap(&s, look, "skp_notes");
        let skp = s.app.skp_shown().expect("the SKP");
        let ind = skp.rhk[0].indikator[0].id;
        assert_eq!(skp.rhk[0].bukti[0].indikator, Some(ind));
        assert_eq!(skp.rhk[0].umpan_balik[0].indikator, None);
        assert_eq!(skp.rhk[0].umpan_balik[0].dari, "H. Budi Nasution, S.Sos.");
        // Back on the record, the SKP is listed with its counts.
        s.key(KeyCode::Esc);
        snap(&s, look, "record_skp");
    }
}

#[test]
fn the_expectations_and_the_lampiran_are_edited_on_their_sections() {
    let mut s = unit_session(Lang::Id, Theme::default());
    plan_one_rhk(&mut s);
    ctrl(&mut s, 's');
    s.key(KeyCode::Tab).key(KeyCode::Char('u'));
    assert!(s.shows("Ekspektasi khusus pimpinan"), "{}", s.text());
    s.type_text("Melayani pasien dengan ramah");
    ctrl(&mut s, 's');
    assert!(s.shows("Melayani pasien dengan ramah"), "{}", s.text());
    s.key(KeyCode::Tab).key(KeyCode::Enter);
    s.type_text("Ruang poli umum")
        .key(KeyCode::Enter)
        .type_text("Komputer SIMPUS");
    ctrl(&mut s, 's');
    assert!(s.shows("Komputer SIMPUS"), "{}", s.text());
    let skp = s.app.skp_shown().expect("the SKP");
    assert_eq!(skp.ekspektasi[0], "Melayani pasien dengan ramah");
    assert_eq!(
        skp.lampiran.sumber_daya,
        vec!["Ruang poli umum", "Komputer SIMPUS"]
    );
}

#[test]
fn an_skp_is_kept_across_a_restart_and_a_stale_save_is_refused() {
    let mut s = unit_session(Lang::Id, Theme::default());
    plan_one_rhk(&mut s);
    ctrl(&mut s, 's');
    let saved = s.app.skp_shown().expect("saved").clone();
    let mut s = s.reopen();
    rina_skp_section(&mut s);
    assert!(s.shows("0/1"), "{}", s.text());
    s.key(KeyCode::Enter);
    assert_eq!(s.app.skp_shown(), Some(&saved), "the same SKP, read back");
    assert!(s.shows("Pasien rawat jalan dilayani"), "{}", s.text());
    // Another session changes the SKP while its RHK form is open here.
    s.key(KeyCode::Enter);
    assert!(s.shows("Ubah RHK 1"), "{}", s.text());
    let mut other = saved.clone();
    other.lampiran.konsekuensi.push("Teguran".into());
    s.app.store().save_skp(RINA, &other, "lain").unwrap();
    s.key(KeyCode::Down).type_text(" poli umum");
    ctrl(&mut s, 's');
    assert!(s.shows("lain menyimpan data ini pukul"), "{}", s.text());
    let stored = &s.app.store().skp_of(RINA).unwrap()[0];
    assert_eq!(stored.lampiran.konsekuensi, vec!["Teguran"]);
    assert_eq!(
        stored.rhk[0].teks, saved.rhk[0].teks,
        "nothing written over it"
    );
    // The same span twice is refused on the record's `n`.
    s.key(KeyCode::Esc)
        .key(KeyCode::Char('y'))
        .key(KeyCode::Esc);
    s.key(KeyCode::Char('n'));
    ctrl(&mut s, 's');
    assert!(s.shows("sudah ada SKP untuk periode ini"), "{}", s.text());
}

#[test]
fn a_draft_of_an_rhk_is_offered_back() {
    let mut s = unit_session(Lang::Id, Theme::default());
    plan_one_rhk(&mut s);
    // Closed with Esc and `y`: the draft is kept and offered when the form opens again.
    s.key(KeyCode::Esc).key(KeyCode::Char('y'));
    assert!(s.app.skp_shown().is_some(), "{}", s.text());
    s.key(KeyCode::Char('n'));
    assert!(s.shows("draf yang belum disimpan"), "{}", s.text());
    s.key(KeyCode::Char('y'));
    ctrl(&mut s, 's');
    assert_eq!(s.app.skp_shown().map(|k| k.rhk.len()), Some(1));
}

/// The speed target: the SKPs of a 20-person unit from a template in under 60
/// keys plus the typed text. From the staff list: pick the unit, mark everyone, open the
/// template, two RHK with one indicator each (the first linked to the head's RHK), save.
#[test]
fn a_units_skps_from_a_template_take_few_keys() {
    let mut s = unit_session(Lang::Id, Theme::default());
    let keys = std::cell::Cell::new(0usize);
    let typed = std::cell::Cell::new(0usize);
    let press = |s: &mut Session, code: KeyCode| {
        keys.set(keys.get() + 1);
        s.key(code);
    };
    let write = |s: &mut Session, text: &str| {
        typed.set(typed.get() + text.chars().count());
        s.type_text(text);
    };
    press(&mut s, KeyCode::Char('f'));
    write(&mut s, "belawan");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('a'));
    press(&mut s, KeyCode::Char('S'));
    assert!(s.shows("SKP untuk 21 pegawai"), "{}", s.text());
    // RHK 1: text, the head's first RHK, one indicator.
    write(&mut s, "Bayi di wilayah kerja diimunisasi lengkap");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    write(&mut s, "Bayi diimunisasi");
    press(&mut s, KeyCode::Tab);
    write(&mut s, "30 bayi");
    // RHK 2: past the second indicator row, tambahan, text, typed intervensi skipped.
    for _ in 0..4 {
        press(&mut s, KeyCode::Tab);
    }
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Tab);
    write(&mut s, "Laporan kunjungan rumah tersusun");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    write(&mut s, "Laporan kunjungan");
    press(&mut s, KeyCode::Tab);
    write(&mut s, "12 laporan");
    keys.set(keys.get() + 1);
    // The save takes a moment: the frame after Ctrl-S says so before the work is done.
    s.app.handle_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    ));
    s.draw();
    assert!(s.lines()[23].contains("menyimpan 21 SKP…"), "{}", s.text());
    assert!(
        s.app.store().skp_of(&staff_nip(1)).unwrap().is_empty(),
        "not saved before that frame"
    );
    assert!(s.app.run_deferred());
    s.draw();
    let count = keys.get();
    println!(
        "template for a 20-person unit: {count} keys plus {} typed characters",
        typed.get()
    );
    // The head has their own SKP for the year: skipped, and said.
    assert!(s.shows("20 SKP dibuat; 1 dilewati"), "{}", s.text());
    assert_eq!(count, 20, "keys besides the typed text");
    assert!(count < 60);
    for i in 1..=20 {
        let skps = s.app.store().skp_of(&staff_nip(i)).unwrap();
        assert_eq!(skps.len(), 1, "{i}");
        let k = &skps[0];
        assert_eq!(k.rhk.len(), 2);
        assert_eq!(k.rhk[1].jenis, JenisRhk::Tambahan);
        assert_eq!(k.penilai.nip.as_ref().map(|n| n.as_str()), Some(HEAD));
        assert!(matches!(
            &k.rhk[0].intervensi,
            Intervensi::Atasan { link: Some((n, _, _)), .. } if n == HEAD
        ));
        assert_eq!(
            k.pegawai.nip.as_ref().map(|n| n.as_str()),
            Some(staff_nip(i).as_str())
        );
    }
    // The marks stay (as after a group training): a second time, everyone has an SKP
    // for 2026 already, and is skipped.
    assert!(s.shows("21 ditandai"), "{}", s.text());
    s.key(KeyCode::Char('S'));
    // Whole at 80 columns, the count before the verb.
    assert!(
        s.shows("semua 21 orang sudah punya SKP beririsan "),
        "{}",
        s.text()
    );
    s.type_text("Lagi");
    ctrl(&mut s, 's');
    assert!(s.shows("0 SKP dibuat; 21 dilewati"), "{}", s.text());
}

#[test]
fn the_template_form_in_three_looks() {
    for (look, lang, theme) in looks() {
        let mut s = unit_session(lang, theme);
        s.key(KeyCode::Char('f')).type_text("belawan");
        s.key(KeyCode::Enter).key(KeyCode::Char('a'));
        s.key(KeyCode::Char('S'));
        s.type_text("Bayi diimunisasi lengkap").key(KeyCode::Tab);
        s.key(KeyCode::Right);
        snap(&s, look, "skp_template_form");
    }
}

#[test]
fn a_heads_plan_cascades_to_the_units_staff() {
    let mut s = unit_session(Lang::Id, Theme::default());
    s.key(KeyCode::Char('/')).type_text("budi");
    s.key(KeyCode::Enter).key(KeyCode::Enter);
    for _ in 0..5 {
        s.key(KeyCode::Tab);
    }
    s.key(KeyCode::Enter);
    assert!(s.shows("PK Puskesmas 2026"), "{}", s.text());
    s.key(KeyCode::Char('C'));
    assert!(s.shows("Turunkan RHK ke staf (20)"), "{}", s.text());
    assert!(
        s.shows("Meningkatnya cakupan imunisasi dasar"),
        "{}",
        s.text()
    );
    ctrl(&mut s, 's');
    assert!(s.shows("20 SKP dibuat"), "{}", s.text());
    let head_plan = &s.app.store().skp_of(HEAD).unwrap()[0];
    let k = &s.app.store().skp_of(RINA).unwrap()[0];
    assert_eq!(k.rhk.len(), 2);
    // Each RHK keeps the kind of the head's it supports: the Tambahan one stays Tambahan.
    let kinds: Vec<_> = k.rhk.iter().map(|r| r.jenis).collect();
    assert_eq!(kinds, vec![JenisRhk::Utama, JenisRhk::Tambahan]);
    assert_eq!(k.status, SkpStatus::Draft);
    for (mine, theirs) in k.rhk.iter().zip(&head_plan.rhk) {
        assert_eq!(
            mine.intervensi,
            Intervensi::Atasan {
                link: Some((HEAD.into(), head_plan.id, theirs.id)),
                teks: theirs.teks.clone()
            }
        );
    }
}

#[test]
fn a_viewer_reads_an_skp_and_a_penilai_plans_only_in_its_units() {
    let s = unit_session(Lang::Id, Theme::default());
    let dir = s.dir;
    s.app.into_store().close().unwrap();
    let open_as = |role: Role, units: &[&str]| {
        let store = kinerja::store::Store::open(&dir.path().join("db")).unwrap();
        let mut opts = common::session::options(Lang::Id, Theme::default());
        opts.officer = Some(Officer {
            name: "petugas".into(),
            role,
            units: units.iter().map(|u| u.to_string()).collect(),
            keys: Vec::new(),
            lang: String::new(),
            revision: 0,
        });
        let mut app = kinerja::app::App::new(store, opts).unwrap();
        app.finish_loading().unwrap();
        let mut s = Session {
            dir: tempfile::tempdir().unwrap(),
            app,
            term: ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap(),
        };
        s.draw();
        s.key(KeyCode::Char('2'));
        s
    };
    let unit = common::unit().id;
    let mut viewer = open_as(Role::Viewer, &[]);
    viewer.key(KeyCode::Char('/')).type_text("budi");
    viewer.key(KeyCode::Enter).key(KeyCode::Enter);
    for _ in 0..5 {
        viewer.key(KeyCode::Tab);
    }
    viewer.key(KeyCode::Enter);
    assert!(viewer.app.skp_shown().is_some(), "a viewer reads");
    viewer.key(KeyCode::Char('n'));
    assert!(viewer.shows("hanya membaca"), "{}", viewer.text());
    viewer.key(KeyCode::Char('C'));
    assert!(viewer.shows("hanya membaca"), "{}", viewer.text());
    viewer.app.into_store().close().unwrap();
    let mut own = open_as(Role::Penilai, &[&unit]);
    own.key(KeyCode::Char('a')).key(KeyCode::Char('S'));
    assert!(own.shows("SKP untuk 21 pegawai"), "{}", own.text());
    own.app.into_store().close().unwrap();
    // A penilai of another unit sees nobody here: nothing to plan, no SKP shown.
    let mut other = open_as(Role::Penilai, &["sdn-1"]);
    other.key(KeyCode::Char('a')).key(KeyCode::Char('S'));
    assert!(!other.shows("SKP untuk"), "{}", other.text());
    assert!(other.app.skp_shown().is_none());
}

#[test]
fn a_template_refuses_whom_it_cannot_plan_for_and_says_why() {
    let mut s = unit_session(Lang::Id, Theme::default());
    s.key(KeyCode::Down)
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char('S'));
    assert!(s.shows("SKP untuk 2 pegawai"), "{}", s.text());
    s.type_text("Asuhan keperawatan terdokumentasi");
    // Rina as everyone's evaluator: not for her own SKP.
    s.key(KeyCode::BackTab)
        .key(KeyCode::BackTab)
        .type_text(RINA);
    s.key(KeyCode::BackTab).type_text("dr. Rina Siregar");
    ctrl(&mut s, 's');
    assert!(
        s.shows("1 SKP dibuat; 1 tidak dibuat: penilai tidak boleh pegawai yang dinilai"),
        "{}",
        s.text()
    );
    assert!(s.app.store().skp_of(RINA).unwrap().is_empty());
    let theirs = &s.app.store().skp_of(&staff_nip(2)).unwrap()[0];
    assert_eq!(theirs.penilai.nip.as_ref().map(|n| n.as_str()), Some(RINA));
}

/// Ditetapkan with no date yet offers today (not a refusal); the SKP screen's header then
/// shows the status with its whole date, and the evaluator's position and unit whole (on a
/// second line when the first is full).
#[test]
fn setting_an_skp_offers_today_and_the_header_shows_the_date_whole() {
    for (look, lang, theme) in looks() {
        let mut s = unit_session(lang, theme);
        plan_one_rhk(&mut s);
        ctrl(&mut s, 's');
        s.key(KeyCode::Char('d'));
        for _ in 0..4 {
            s.key(KeyCode::Tab);
        }
        s.key(KeyCode::Right);
        let set_on = match lang {
            Lang::Id => "Tanggal ditetapkan",
            Lang::En => "Set on",
        };
        let field = s.lines().into_iter().find(|l| l.contains(set_on));
        assert!(
            field.as_deref().is_some_and(|l| l.contains("2026-11-28")),
            "today offered: {}",
            s.text()
        );
        ctrl(&mut s, 's');
        let skp = s.app.skp_shown().expect("saved, back on the SKP screen");
        assert_eq!(
            skp.status,
            SkpStatus::Ditetapkan(jiff::civil::date(2026, 11, 28))
        );
        let set = match lang {
            Lang::Id => "Ditetapkan 2026-11-28",
            Lang::En => "Set 2026-11-28",
        };
        assert!(s.shows(set), "{}", s.text());
        assert!(s.shows("Puskesmas Belawan"), "{}", s.text());
        let penilai = s
            .lines()
            .into_iter()
            .skip_while(|l| !l.contains("H. Budi Nasution"))
            .take(2)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            penilai.contains("Dokter Ahli Muda") && !penilai.contains('…'),
            "{penilai}"
        );
        snap(&s, look, "skp_screen_set");
    }
}
