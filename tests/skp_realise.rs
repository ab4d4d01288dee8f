//! Issue 19, realisation and evaluation against the SKP, driven by keys: a unit's
//! realisations entered indicator by indicator (`R` on the staff list), what the store
//! keeps of them, the stale refusal, and the key count.

mod common;

use common::session::{Session, looks, session_with};
use crossterm::event::KeyCode;
use kinerja::domain::*;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

/// The unit's people (NIP, name, titles before and after): all but the last get an SKP
/// for 2026.
const PEOPLE: [(&str, &str, &str, &str); 6] = [
    ("198503302010012002", "Rina Siregar", "dr.", "Sp.PD"),
    ("199001152015031001", "Budi Lubis", "", "S.Kep., Ns."),
    ("198712082012122003", "Sari Pohan", "", "A.Md.Keb."),
    ("199204202019031004", "Andi Tarigan", "", "SKM"),
    ("198910112014022005", "Dewi Nasution", "", "A.Md.Kep."),
    ("199305052020122006", "Maya Siagian", "", "S.Farm."),
];

fn q(n: u8) -> Period {
    Period::new(2026, PeriodKind::Triwulan(n)).expect("quarter")
}

fn indikator(aspek: Aspek, teks: &str, target: &str) -> Indikator {
    Indikator {
        id: 0,
        aspek,
        teks: teks.into(),
        target: Nilai::parse(target).expect("target"),
        realisasi: Vec::new(),
    }
}

/// A 2026 plan: two RHK, three indicators.
pub fn plan(nip: &str, name: &str) -> Skp {
    let pegawai = PersonAtTime::named(name, Nip::parse(nip).ok());
    let penilai = PersonAtTime::named(
        "H. Budi Nasution, S.Sos.",
        Nip::parse("197001012000031001").ok(),
    );
    let mut s = Skp::new_year(2026, pegawai, penilai);
    s.status = SkpStatus::Ditetapkan(jiff::civil::date(2026, 1, 10));
    let mut r1 = Rhk::new(
        JenisRhk::Utama,
        "Meningkatnya mutu pelayanan kesehatan dasar",
        Intervensi::Atasan {
            link: None,
            teks: "Meningkatnya derajat kesehatan masyarakat".into(),
        },
    );
    r1.indikator.push(indikator(
        Aspek::Kuantitas,
        "Jumlah pasien dilayani sesuai SOP",
        "300 pasien",
    ));
    r1.indikator.push(indikator(
        Aspek::Waktu,
        "Rata-rata waktu tunggu layanan",
        "30 menit",
    ));
    let mut r2 = Rhk::new(
        JenisRhk::Tambahan,
        "Tersusunnya laporan bulanan program",
        Intervensi::None,
    );
    r2.indikator.push(indikator(
        Aspek::Kualitas,
        "Laporan diterima tanpa revisi",
        "100 %",
    ));
    s.rhk = vec![r1, r2];
    s
}

/// A session on a database holding the unit, its six people and five plans, on the staff
/// list.
fn unit_session(lang: Lang, theme: Theme) -> Session {
    let s = session_with(0, lang, theme, 80, 24);
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").expect("unit");
    for (i, (nip, name, front, back)) in PEOPLE.iter().enumerate() {
        let mut st = common::staff(nip);
        st.nama = name.to_string();
        st.gelar_depan = front.to_string();
        st.gelar_belakang = back.to_string();
        store.save_staff(&st, "t").expect("staff");
        if i + 1 < PEOPLE.len() {
            store
                .save_skp(nip, &plan(nip, &st.display_name()), "t")
                .expect("skp");
        }
    }
    s.reopen_as(lang, theme)
}

fn snap(s: &Session, look: &str, screen: &str) {
    insta::assert_snapshot!(format!("{screen}__{look}"), s.text());
}

/// The realisation of `nip`'s indicator number `k` (plan order) for `period`.
fn realised(s: &Session, nip: &str, k: usize, period: Period) -> Option<Nilai> {
    let skps = s.app.store().skp_of(nip).expect("read");
    let skp = skps.first()?;
    let (_, i) = skp.indicators().nth(k)?;
    i.realisasi_of(period).map(|r| r.nilai.clone())
}

#[test]
fn the_unit_realisation_screen_in_three_looks() {
    for (look, lang, theme) in looks() {
        let mut s = unit_session(lang, theme);
        s.key(KeyCode::Char('R'));
        snap(&s, look, "realisation_open");
        let column = match lang {
            Lang::Id => "Realisasi     Capaian",
            Lang::En => "Realisation   Attainment",
        };
        assert!(s.shows(column), "{}", s.text());
        // The first person's realisation, typed and saved; the second typed.
        s.type_text("320").key(KeyCode::Enter).type_text("28");
        snap(&s, look, "realisation_typing");
        s.key(KeyCode::F(1));
        snap(&s, look, "realisation_help");
    }
}

#[test]
fn a_quarter_of_a_unit_is_entered_with_one_enter_a_person_per_indicator() {
    let mut s = unit_session(Lang::Id, Theme::default());
    let count = std::cell::Cell::new(0usize);
    let press = |s: &mut Session, code: KeyCode| {
        count.set(count.get() + 1);
        s.key(code);
    };
    press(&mut s, KeyCode::Char('R'));
    assert!(s.shows("Realisasi SKP: Puskesmas Belawan"), "{}", s.text());
    assert!(s.shows("Triwulan III"), "{}", s.text());
    assert!(
        s.shows("1 pegawai unit ini belum punya SKP"),
        "{}",
        s.text()
    );
    // Three indicators for five people: the numbers and one Enter each; after a page's
    // last person the next indicator follows by itself.
    let numbers = [
        ["320", "280", "300", "150", "310"],
        ["25", "35", "30", "20", "28"],
        ["100", "90", "100", "100", "95"],
    ];
    let mut digits = 0;
    for page in numbers {
        for n in page {
            for c in n.chars() {
                s.key(KeyCode::Char(c));
                digits += 1;
            }
            press(&mut s, KeyCode::Enter);
        }
    }
    let keys = count.get();
    assert!(s.shows("semua indikator sudah dilalui"), "{}", s.text());
    // `R`, then 15 Enters: one key per realisation besides its digits, 3.2 keys a person
    // for the quarter's three indicators.
    assert_eq!(keys, 16, "keys besides the {digits} digits");
    // The people are listed by name: Andi, Budi, Dewi, Rina, Sari.
    let by_name = [3usize, 1, 4, 0, 2];
    for (k, page) in numbers.iter().enumerate() {
        for (row, person) in by_name.iter().enumerate() {
            let nip = PEOPLE[*person].0;
            let got = realised(&s, nip, k, q(3)).expect("saved");
            assert_eq!(
                got.amount().map(|a| a.to_string()),
                Some(page[row].to_string()),
                "{nip} indicator {k}"
            );
        }
    }
    // The satuan is the target's: `320` typed is `320 pasien`.
    assert_eq!(
        realised(&s, PEOPLE[3].0, 0, q(3)),
        Nilai::parse("320 pasien")
    );
    // One audited save per realisation.
    let history = s
        .app
        .store()
        .audit_of(&format!("skp/{}/1", PEOPLE[3].0))
        .expect("audit");
    assert_eq!(history.len(), 1 + 3, "{history:?}");
}

#[test]
fn capaian_shows_beside_each_realisation_and_text_is_kept_as_typed() {
    let mut s = unit_session(Lang::Id, Theme::default());
    // Budi's plan is Kualitatif: a sentence is a realisation there.
    let budi = PEOPLE[1].0;
    let mut plan = s.app.store().skp_of(budi).expect("read").remove(0);
    plan.pendekatan = Pendekatan::Kualitatif;
    s.app
        .store()
        .save_skp(budi, &plan, "t")
        .expect("kualitatif");
    s.key(KeyCode::Char('R'));
    s.type_text("330").key(KeyCode::Enter);
    // 330 of 300 pasien: 110%.
    assert!(s.shows("330 pasien"), "{}", s.text());
    assert!(s.shows("110%"), "{}", s.text());
    // A sentence for the second person (the save moved on to them), from Enter.
    s.key(KeyCode::Esc).key(KeyCode::Enter);
    s.type_text("belum dilaporkan").key(KeyCode::Enter);
    assert_eq!(
        realised(&s, budi, 0, q(3)),
        Some(Nilai::Teks("belum dilaporkan".into()))
    );
    // Del clears one, after `y`; another key keeps it.
    s.key(KeyCode::Esc).key(KeyCode::Up);
    s.key(KeyCode::Delete).key(KeyCode::Char('n'));
    assert!(realised(&s, budi, 0, q(3)).is_some());
    s.key(KeyCode::Delete);
    assert!(s.shows("Hapus realisasi ini?"), "{}", s.text());
    s.key(KeyCode::Char('y'));
    assert_eq!(realised(&s, budi, 0, q(3)), None);
}

#[test]
fn periods_and_years_move_with_arrows_b_and_brackets() {
    let mut s = unit_session(Lang::Id, Theme::default());
    s.key(KeyCode::Char('R')).key(KeyCode::Left);
    assert!(s.shows("Triwulan II"), "{}", s.text());
    s.type_text("5").key(KeyCode::Enter);
    assert_eq!(realised(&s, PEOPLE[3].0, 0, q(2)), Nilai::parse("5 pasien"));
    assert_eq!(realised(&s, PEOPLE[3].0, 0, q(3)), None);
    s.key(KeyCode::Esc).key(KeyCode::Char('b'));
    assert!(s.shows("Bulan 06"), "{}", s.text());
    // The page (indicator) stays when the period changes.
    s.key(KeyCode::Tab).key(KeyCode::Right);
    assert!(s.shows("Bulan 07"), "{}", s.text());
    assert!(s.shows("Indikator 2 / 3"), "{}", s.text());
    s.key(KeyCode::Char('['));
    assert!(s.shows("◀ 2025 ▶"), "{}", s.text());
    assert!(s.shows("Tidak ada SKP di unit ini"), "{}", s.text());
    // No year after this one: nothing to realise there yet.
    s.key(KeyCode::Char(']')).key(KeyCode::Char(']'));
    assert!(s.shows("◀ 2026 ▶"), "{}", s.text());
}

#[test]
fn a_save_over_an_skp_changed_elsewhere_is_refused_then_goes_from_the_new_revision() {
    let mut s = unit_session(Lang::Id, Theme::default());
    s.key(KeyCode::Char('R'));
    // Another session saves Andi's plan meanwhile.
    let andi = PEOPLE[3].0;
    let skp = s.app.store().skp_of(andi).expect("read").remove(0);
    let id = skp.rhk[1].indikator[0].id;
    s.app
        .store()
        .save_realisasi(
            andi,
            skp.id,
            skp.revision,
            id,
            q(3),
            Nilai::parse("90 %"),
            "",
            "other",
        )
        .expect("the other save");
    s.type_text("310").key(KeyCode::Enter);
    assert!(s.shows("diubah di tempat lain"), "{}", s.text());
    assert_eq!(realised(&s, andi, 0, q(3)), None, "nothing saved");
    // What was typed stays; Enter again saves over the newer revision, keeping the other.
    assert!(s.shows("310▏"), "{}", s.text());
    s.key(KeyCode::Enter);
    assert_eq!(realised(&s, andi, 0, q(3)), Nilai::parse("310 pasien"));
    assert_eq!(realised(&s, andi, 2, q(3)), Nilai::parse("90 %"));
}

#[test]
fn a_period_not_started_is_never_shown_and_digits_open_no_tab() {
    let mut s = unit_session(Lang::Id, Theme::default());
    s.key(KeyCode::Char('R')).key(KeyCode::Right);
    // Triwulan IV 2026 has started (today is 28 November): it is offered; its months are
    // offered up to November.
    assert!(s.shows("Triwulan IV"), "{}", s.text());
    s.key(KeyCode::Char('b'));
    assert!(s.shows("Bulan 11"), "{}", s.text());
    s.key(KeyCode::Right);
    assert!(
        s.shows("Bulan 11"),
        "December has not started: {}",
        s.text()
    );
    s.key(KeyCode::Char(']'));
    assert!(s.shows("◀ 2026 ▶"), "{}", s.text());
    // A digit starts a realisation; it never opens tab 3.
    s.key(KeyCode::Char('3'));
    assert!(s.shows("Realisasi SKP") && s.shows("3▏"), "{}", s.text());
    s.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(s.shows("NIP"), "back on the list: {}", s.text());
}

#[test]
fn a_viewer_may_not_open_it() {
    let s = unit_session(Lang::Id, Theme::default());
    let common::session::Session { dir, app, term } = s;
    app.into_store().close().expect("close");
    let store = kinerja::store::Store::open(&dir.path().join("db")).expect("open");
    let mut opts = common::session::options(Lang::Id, Theme::default());
    opts.officer = Some(Officer {
        name: "tamu".into(),
        role: Role::Viewer,
        units: Vec::new(),
        keys: Vec::new(),
        lang: String::new(),
        revision: 0,
    });
    let mut app = kinerja::app::App::new(store, opts).expect("app");
    app.finish_loading().expect("load");
    let mut s = Session { dir, app, term };
    s.draw();
    s.key(KeyCode::Char('2')).key(KeyCode::Char('R'));
    assert!(!s.shows("Realisasi SKP"), "{}", s.text());
}

/// Rina's (the first row's) 2026 plan with the third quarter's realisations, every one
/// below its target, and her record open with a new evaluation form.
fn evaluation_session(lang: Lang, theme: Theme) -> Session {
    let mut s = unit_session(lang, theme);
    let rina = PEOPLE[0].0;
    let store = s.app.store();
    let mut skp = store.skp_of(rina).expect("read").remove(0);
    for (k, v) in ["200 pasien", "40 menit", "80 %"].iter().enumerate() {
        let id = skp
            .indicators()
            .nth(k)
            .map(|(_, i)| i.id)
            .expect("indicator");
        skp = store
            .save_realisasi(
                rina,
                skp.id,
                skp.revision,
                id,
                q(3),
                Nilai::parse(v),
                "",
                "t",
            )
            .expect("realisation");
    }
    // Evidence and feedback on the first RHK.
    skp.rhk[0].bukti.push(Bukti {
        id: 0,
        indikator: None,
        tanggal: jiff::civil::date(2026, 9, 30),
        uraian: "Register pasien".into(),
        lokasi: "Lemari arsip 2".into(),
    });
    skp.rhk[0].umpan_balik.push(UmpanBalik {
        id: 0,
        indikator: None,
        tanggal: jiff::civil::date(2026, 8, 15),
        dari: "H. Budi Nasution, S.Sos.".into(),
        teks: "Antrean pagi perlu dipercepat".into(),
    });
    store.save_skp(rina, &skp, "t").expect("evidence");
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    assert!(s.shows("Rina Siregar"), "{}", s.text());
    s
}

/// Moves the form's focus to a field by its label (Tab until the marker is on its line).
fn focus(s: &mut Session, label: &str) {
    for _ in 0..40 {
        let on = s
            .lines()
            .iter()
            .any(|l| l.contains(label) && (l.contains("▶") || l.contains("> ")));
        if on {
            return;
        }
        s.key(KeyCode::Tab);
    }
    panic!("no field {label}:\n{}", s.text());
}

/// Sets the form's period: the year typed over, then the kind `right` steps after Tahunan.
fn choose_period(s: &mut Session, year: &str, right: usize) {
    let english = s.shows("New evaluation") || s.shows("Quick evaluation");
    focus(s, if english { "Year" } else { "Tahun" });
    for _ in 0..4 {
        s.key(KeyCode::Backspace);
    }
    s.type_text(year).key(KeyCode::Tab);
    for _ in 0..right {
        s.key(KeyCode::Right);
    }
}

#[test]
fn the_evaluation_form_shows_the_skp_with_capaian_and_warns_in_three_looks() {
    for (look, lang, theme) in looks() {
        let mut s = evaluation_session(lang, theme);
        // Last year's annual is offered first: 2025 has no SKP.
        let no_skp = match lang {
            Lang::Id => "periode ini belum punya SKP",
            Lang::En => "this period has no SKP",
        };
        assert!(s.shows(no_skp), "{}", s.text());
        snap(&s, look, "evaluation_no_skp");
        choose_period(&mut s, "2026", 3);
        assert!(!s.shows(no_skp), "{}", s.text());
        focus(
            &mut s,
            if lang == Lang::En {
                "Work result"
            } else {
                "Hasil"
            },
        );
        s.key(KeyCode::Char('1'));
        snap(&s, look, "evaluation_skp_pane");
    }
}

#[test]
fn a_long_plan_scrolls_in_its_pane() {
    let s = unit_session(Lang::Id, Theme::default());
    let rina = PEOPLE[0].0;
    let store = s.app.store();
    let mut skp = store.skp_of(rina).expect("read").remove(0);
    for n in 3..=6 {
        let mut r = Rhk::new(
            JenisRhk::Tambahan,
            &format!("Kegiatan ke-{n}"),
            Intervensi::None,
        );
        r.indikator.push(indikator(
            Aspek::Kuantitas,
            &format!("Keluaran ke-{n}"),
            "4 kegiatan",
        ));
        r.indikator
            .push(indikator(Aspek::Waktu, "Tepat waktu", "12 bulan"));
        skp.rhk.push(r);
    }
    store.save_skp(rina, &skp, "t").expect("longer plan");
    let mut s = s.reopen();
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    choose_period(&mut s, "2026", 3);
    assert!(s.shows("▼ PgDn"), "{}", s.text());
    assert!(!s.shows("Kegiatan ke-6"), "{}", s.text());
    for _ in 0..4 {
        s.key(KeyCode::PageDown);
    }
    assert!(
        s.shows("Kegiatan ke-6") && s.shows("▲ PgUp"),
        "{}",
        s.text()
    );
    assert!(!s.shows("▼ PgDn"), "at the end: {}", s.text());
    // The fields are where they were: PgDn moved only the pane.
    assert!(s.shows("▶ Periode"), "{}", s.text());
    s.key(KeyCode::PageUp)
        .key(KeyCode::PageUp)
        .key(KeyCode::PageUp)
        .key(KeyCode::PageUp);
    assert!(s.shows("RHK 1 Utama") && !s.shows("▲ PgUp"), "{}", s.text());
}

#[test]
fn the_pane_shows_capaian_evidence_feedback_and_the_warnings_follow_the_rating() {
    let mut s = evaluation_session(Lang::Id, Theme::default());
    choose_period(&mut s, "2026", 3);
    assert!(s.shows("SKP Tahunan 2026"), "{}", s.text());
    // 200 of 300 pasien: 66,7%; 40 minutes for 30: 75% (time: target against realisation).
    assert!(s.shows("200/300 pasien 66,7%"), "{}", s.text());
    assert!(s.shows("40/30 menit 75%"), "{}", s.text());
    assert!(s.shows("bukti 1, umpan balik 1"), "{}", s.text());
    assert!(s.shows("Antrean pagi"), "{}", s.text());
    assert!(s.shows("terisi 3 / 3"), "{}", s.text());
    let warning = "Di Atas, padahal semua indikator di bawah target";
    focus(&mut s, "Hasil");
    s.key(KeyCode::Char('2'));
    assert!(!s.text().contains("padahal"), "{}", s.text());
    focus(&mut s, "Hasil");
    s.key(KeyCode::Char('1'));
    assert!(
        s.text().replace('│', " ").contains("! Di Atas, padahal"),
        "{}",
        s.text()
    );
    // Beside Hasil Kerja the warning is the field's note: the message line says it whole.
    focus(&mut s, "Hasil");
    // The message area, left of the pane, over two lines.
    let message: Vec<String> = s.lines()[20..22]
        .iter()
        .map(|l| {
            l.split("││")
                .next()
                .unwrap_or("")
                .trim_matches(['│', ' '])
                .to_string()
        })
        .collect();
    assert_eq!(
        message.join(" "),
        format!("Hasil kerja: ! {warning}"),
        "{}",
        s.text()
    );
    // A warning, not a refusal: the evaluation saves.
    focus(&mut s, "Pejabat penilai");
    s.type_text("Kepala Dinas Kesehatan");
    focus(&mut s, "Perilaku ");
    s.key(KeyCode::Char('2'));
    s.key_mod(KeyCode::Char('s'), crossterm::event::KeyModifiers::CONTROL);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let saved = s.app.store().evaluations_of(PEOPLE[0].0).expect("read");
    assert!(
        saved
            .iter()
            .any(|e| e.period == q(3) && e.hasil_kerja == Rating::DiAtas)
    );
}

#[test]
fn an_indicator_without_realisation_is_warned_about() {
    let mut s = evaluation_session(Lang::Id, Theme::default());
    // Triwulan II: nothing was realised.
    choose_period(&mut s, "2026", 2);
    focus(&mut s, "Hasil");
    s.key(KeyCode::Char('2'));
    assert!(s.shows("3 indikator belum ada"), "{}", s.text());
    assert!(s.shows("terisi 0 / 3"), "{}", s.text());
}

#[test]
fn saving_keeps_who_the_people_were_and_the_date_received() {
    let mut s = evaluation_session(Lang::Id, Theme::default());
    choose_period(&mut s, "2026", 3);
    // The evaluator is staff of the unit: Budi Lubis, taken from the suggestion.
    focus(&mut s, "Pejabat penilai");
    s.type_text("Budi L").key(KeyCode::Enter);
    focus(&mut s, "Hasil");
    s.key(KeyCode::Char('3'));
    focus(&mut s, "Perilaku ");
    s.key(KeyCode::Char('2'));
    focus(&mut s, "Diterima pegawai");
    s.type_text("2026-12-01");
    assert!(s.shows("setelah hari ini"), "{}", s.text());
    for _ in 0..5 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("11-20");
    s.key_mod(KeyCode::Char('s'), crossterm::event::KeyModifiers::CONTROL);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let e = s
        .app
        .store()
        .evaluations_of(PEOPLE[0].0)
        .expect("read")
        .into_iter()
        .find(|e| e.period == q(3))
        .expect("saved");
    assert_eq!(e.diterima, Some(jiff::civil::date(2026, 11, 20)));
    let pegawai = e.pegawai.expect("the pegawai then");
    assert_eq!(pegawai.nama, "dr. Rina Siregar, Sp.PD");
    assert_eq!(
        pegawai.golongan.map(|g| g.to_string()),
        Some("III/c".into())
    );
    assert_eq!(pegawai.jabatan, "Dokter Ahli Muda");
    assert_eq!(pegawai.unit, "Puskesmas Belawan");
    let penilai = e.penilai.expect("evaluator");
    assert_eq!(
        penilai.nip.map(|n| n.as_str().to_string()),
        Some(PEOPLE[1].0.into())
    );
    assert_eq!(penilai.unit, "Puskesmas Belawan");
    assert_eq!(penilai.jabatan, "Dokter Ahli Muda");
}

#[test]
fn an_annual_that_differs_from_the_last_periodic_one_is_warned_in_the_form_and_on_save() {
    let s = unit_session(Lang::Id, Theme::default());
    let rina = PEOPLE[0].0;
    let store = s.app.store();
    let y = |k| common::evaluation(2025, k, Rating::DiAtas, Rating::DiAtas);
    store
        .save_evaluation(rina, &y(PeriodKind::Triwulan(3)), "t")
        .expect("q3");
    let q4 = common::evaluation(
        2025,
        PeriodKind::Triwulan(4),
        Rating::Sesuai,
        Rating::Sesuai,
    );
    store.save_evaluation(rina, &q4, "t").expect("q4");
    let mut s = s.reopen();
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    assert!(s.shows("Tahunan"), "{}", s.text());
    focus(&mut s, "Pejabat penilai");
    s.key(KeyCode::Enter);
    focus(&mut s, "Hasil");
    s.key(KeyCode::Char('1'));
    focus(&mut s, "Perilaku ");
    s.key(KeyCode::Char('1'));
    // Sangat Baik is within the periodic ones (SB, B), but not the last one (B).
    assert!(
        s.shows("Sangat Baik  ! beda dari Triwulan IV (B)"),
        "{}",
        s.text()
    );
    s.key_mod(KeyCode::Char('s'), crossterm::event::KeyModifiers::CONTROL);
    assert!(
        s.lines()[23].contains(
            "tersimpan; ! tahunan SB berbeda dari periodik terakhir Triwulan IV 2025 (B)"
        ),
        "{}",
        s.text()
    );
}

#[test]
fn a_part_year_skp_offers_its_span_as_a_period() {
    let s = unit_session(Lang::Id, Theme::default());
    let rina = PEOPLE[0].0;
    let store = s.app.store();
    // A second plan from June: a new position.
    let mut second = plan(rina, "dr. Rina Siregar, Sp.PD");
    second.mulai = jiff::civil::date(2026, 6, 1);
    second.rhk.truncate(1);
    second.rhk[0].teks = "Terlaksananya pelayanan poli umum".into();
    store.save_skp(rina, &second, "t").expect("second plan");
    let mut s = s.reopen();
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    choose_period(&mut s, "2026", 0);
    focus(&mut s, "Periode");
    s.type_text("06-12");
    assert!(s.shows("Bulan 06-12"), "{}", s.text());
    assert!(s.shows("SKP Bulan 06-12/2026"), "{}", s.text());
    assert!(s.shows("Terlaksananya pelayanan"), "{}", s.text());
    focus(&mut s, "Pejabat penilai");
    s.type_text("Kepala Dinas");
    focus(&mut s, "Hasil");
    s.key(KeyCode::Char('2'));
    focus(&mut s, "Perilaku ");
    s.key(KeyCode::Char('2'));
    s.save_confirming(crossterm::event::KeyEvent::new(
        KeyCode::Char('s'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    let saved = s.app.store().evaluations_of(rina).expect("read");
    let span = Period::new(2026, PeriodKind::Rentang(6, 12)).expect("span");
    assert!(saved.iter().any(|e| e.period == span), "{saved:?}");
}

#[test]
fn quick_entry_says_when_a_period_has_no_skp_and_rates_all_the_same() {
    let mut s = unit_session(Lang::Id, Theme::default());
    s.key(KeyCode::Char('E'));
    focus(&mut s, "Pejabat penilai");
    s.type_text("Kepala Dinas Kesehatan");
    // Tahunan 2025 (the default): nobody has an SKP for it.
    s.key(KeyCode::Enter);
    assert!(s.shows("Rina Siregar"), "{}", s.text());
    assert!(s.shows("periode ini belum punya SKP"), "{}", s.text());
    s.type_text("22").key(KeyCode::Enter);
    let saved = s.app.store().evaluations_of(PEOPLE[0].0).expect("read");
    assert_eq!(saved.len(), 1, "rated without an SKP");
    s.key(KeyCode::Esc);
    // Triwulan III 2026: the planned have no note; Maya (no plan) has.
    s.key(KeyCode::Char('E'));
    choose_period(&mut s, "2026", 3);
    focus(&mut s, "Pejabat penilai");
    s.key(KeyCode::Enter);
    assert!(s.shows("Rina Siregar"), "{}", s.text());
    assert!(!s.shows("belum punya SKP"), "{}", s.text());
}

#[test]
fn retyping_a_realisation_keeps_its_note_and_enter_on_nothing_moves_on() {
    let mut s = unit_session(Lang::Id, Theme::default());
    let andi = PEOPLE[3].0;
    let skp = s.app.store().skp_of(andi).expect("read").remove(0);
    let id = skp.rhk[0].indikator[0].id;
    s.app
        .store()
        .save_realisasi(
            andi,
            skp.id,
            skp.revision,
            id,
            q(3),
            Nilai::parse("10 pasien"),
            "dari laporan puskesmas",
            "import",
        )
        .expect("imported");
    s.key(KeyCode::Char('R'));
    // Andi is first by name: his value is retyped, Budi's left as it is with Enter.
    s.type_text("12").key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(s.shows("▶ Dewi"), "{}", s.text());
    let skp = s.app.store().skp_of(andi).expect("read").remove(0);
    let r = skp.rhk[0].indikator[0].realisasi_of(q(3)).expect("kept");
    assert_eq!(r.nilai, Nilai::parse("12 pasien").expect("value"));
    assert_eq!(r.catatan, "dari laporan puskesmas");
    assert_eq!(realised(&s, PEOPLE[1].0, 0, q(3)), None, "Budi untouched");
}

#[test]
fn f_picks_the_unit_with_the_shared_picker() {
    let mut s = unit_session(Lang::Id, Theme::default());
    s.key(KeyCode::Char('R'))
        .key(KeyCode::Tab)
        .key(KeyCode::Char('f'));
    assert!(s.shows("semua unit"), "the picker: {}", s.text());
    s.type_text("belawan").key(KeyCode::Enter);
    assert!(s.shows("Realisasi SKP: Puskesmas Belawan"), "{}", s.text());
    // The page stays when the unit is shown again.
    assert!(s.shows("Indikator 2 / 3"), "{}", s.text());
}

/// Under a Kuantitatif SKP a sentence is refused with the form expected; a satuan other
/// than the target's is said while typed and saved only by a second Enter.
#[test]
fn a_quantitative_realisation_is_a_number_in_the_targets_satuan() {
    let mut s = unit_session(Lang::Id, Theme::default());
    let andi = PEOPLE[3].0;
    s.key(KeyCode::Char('R')).key(KeyCode::Enter);
    s.type_text("dua ratus").key(KeyCode::Enter);
    assert!(
        s.shows("SKP kuantitatif: isi angka dan satuan, mis. 300 pasien"),
        "{}",
        s.text()
    );
    assert_eq!(realised(&s, andi, 0, q(3)), None, "not counted as filled");
    assert!(s.shows("dua ratus▏"), "what was typed stays: {}", s.text());
    // Another satuan: said before Enter, asked at the first, saved at the second.
    for _ in 0.."dua ratus".len() {
        s.key(KeyCode::Backspace);
    }
    s.type_text("280 orang");
    let warning = "satuan orang bukan satuan target (pasien): capaian tidak dihitung";
    assert!(s.shows(warning), "{}", s.text());
    s.key(KeyCode::Enter);
    assert!(
        s.shows("satuan orang bukan pasien: Enter sekali lagi untuk tetap menyimpan"),
        "{}",
        s.text()
    );
    assert_eq!(realised(&s, andi, 0, q(3)), None, "asked first");
    s.key(KeyCode::Enter);
    assert_eq!(realised(&s, andi, 0, q(3)), Nilai::parse("280 orang"));
    // `12abc` is 12 of "abc": the same question; a case difference is the same satuan.
    s.type_text("12abc");
    assert!(s.shows("satuan abc bukan satuan target"), "{}", s.text());
    for _ in 0..3 {
        s.key(KeyCode::Backspace);
    }
    s.type_text(" Pasien").key(KeyCode::Enter);
    assert_eq!(
        realised(&s, PEOPLE[1].0, 0, q(3)),
        Nilai::parse("12 Pasien"),
        "saved at once"
    );
}

/// A letter on the realisation screen says why it does nothing; carrying on to a row that
/// has a value keeps that value in sight; with no SKP for the period, no key offers to fill.
#[test]
fn the_screen_says_what_a_letter_does_and_shows_the_value_being_replaced() {
    let mut s = unit_session(Lang::Id, Theme::default());
    let budi = PEOPLE[1].0;
    let skp = s.app.store().skp_of(budi).expect("read").remove(0);
    let id = skp.rhk[0].indikator[0].id;
    s.app
        .store()
        .save_realisasi(
            budi,
            skp.id,
            skp.revision,
            id,
            q(3),
            Nilai::parse("250 pasien"),
            "",
            "t",
        )
        .expect("Budi's value");
    s.key(KeyCode::Char('R')).key(KeyCode::Char('x'));
    assert!(
        s.shows("x tidak memulai isian: ketik angka, atau Enter lalu ketik"),
        "{}",
        s.text()
    );
    // Andi's value typed: the typing carries on to Budi, whose value stays in sight.
    s.type_text("320").key(KeyCode::Enter);
    let budi_row = s
        .lines()
        .into_iter()
        .find(|l| l.contains("Budi Lubis"))
        .unwrap_or_default();
    assert!(budi_row.contains("▏250 pasien"), "{}", s.text());
    // And said under the table once the save's message is gone (here: Enter again on it).
    s.key(KeyCode::Esc).key(KeyCode::Enter);
    assert!(
        s.shows("ketik untuk mengganti 250 pasien; Enter membiarkannya"),
        "{}",
        s.text()
    );
    // Typing replaces it.
    s.type_text("26");
    let budi_row = s
        .lines()
        .into_iter()
        .find(|l| l.contains("Budi Lubis"))
        .unwrap_or_default();
    assert!(
        budi_row.contains("26▏") && !budi_row.contains("250"),
        "{budi_row}"
    );
    // 2025 has no SKP: the footer offers no key to fill in.
    s.key(KeyCode::Esc);
    assert!(s.lines()[23].contains("isi realisasi"), "{}", s.text());
    s.key(KeyCode::Char('['));
    assert!(s.shows("Tidak ada SKP di unit ini"), "{}", s.text());
    assert!(
        !s.lines()[23].contains("isi realisasi"),
        "{}",
        s.lines()[23]
    );
    assert!(!s.lines()[23].contains("indikator"), "{}", s.lines()[23]);
}

/// An RHK's text takes as many lines of the evaluation form's pane as it needs: its last
/// words are never dropped (the pane scrolls).
#[test]
fn the_pane_shows_an_rhks_whole_text() {
    let s = unit_session(Lang::Id, Theme::default());
    let rina = PEOPLE[0].0;
    let store = s.app.store();
    let mut skp = store.skp_of(rina).expect("read").remove(0);
    skp.rhk[0].teks =
        "Terlaksananya pelayanan kesehatan dasar bagi seluruh pasien rawat jalan puskesmas tepat"
            .into();
    store.save_skp(rina, &skp, "t").expect("long RHK");
    let mut s = s.reopen();
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    choose_period(&mut s, "2026", 3);
    // The pane is the right column: its lines joined in order read the whole RHK.
    let pane: Vec<String> = s
        .lines()
        .iter()
        .filter_map(|l| {
            l.rsplit_once("││")
                .map(|(_, p)| p.trim_end_matches('│').trim().to_string())
        })
        .collect();
    let joined = pane.join(" ");
    assert!(
        joined.contains("rawat jalan puskesmas tepat"),
        "{}",
        s.text()
    );
}

/// A unit bigger than the first read: the screen is drawn after a screenful of plans is
/// read, says how many it has read, and reads the rest after that frame, in steps the
/// loop runs between keys; a key pressed meanwhile is answered.
#[test]
fn a_big_unit_is_drawn_before_all_its_plans_are_read() {
    use kinerja::views::realisation::FIRST_READ;
    let s = session_with(0, Lang::Id, Theme::default(), 80, 24);
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").expect("unit");
    let people = FIRST_READ * 2 + 7;
    for n in 0..people {
        let nip = format!("19850330201001{}{:03}", 1 + n % 2, n + 1);
        let mut st = common::staff(&nip);
        st.nama = format!("Pegawai {n:04}");
        store.save_staff(&st, "t").expect("staff");
        // Every third person has no plan.
        if n % 3 != 2 {
            store
                .save_skp(&nip, &plan(&nip, &st.display_name()), "t")
                .expect("skp");
        }
    }
    let mut s = s.reopen_as(Lang::Id, Theme::default());
    s.app
        .handle_key(crossterm::event::KeyEvent::from(KeyCode::Char('R')));
    s.draw();
    assert!(s.app.busy(), "plans still to read");
    let first = format!("membaca SKP {FIRST_READ} / {people} orang");
    assert!(s.shows(&first), "{}", s.text());
    assert!(s.shows("Pegawai 0000"), "{}", s.text());
    // A key while reading: the next person is chosen, then the rest is read.
    s.app
        .handle_key(crossterm::event::KeyEvent::from(KeyCode::Down));
    s.deferred();
    assert!(!s.app.busy());
    assert!(!s.shows("membaca SKP"), "{}", s.text());
    let with_plan = (0..people).filter(|n| n % 3 != 2).count();
    let without = people - with_plan;
    assert!(s.shows(&format!("terisi 0 / {with_plan}")), "{}", s.text());
    assert!(
        s.shows(&format!("{without} pegawai unit ini belum punya SKP")),
        "{}",
        s.text()
    );
    // The second person stays chosen: typing saves for them.
    s.type_text("77").key(KeyCode::Enter);
    let second = format!("19850330201001{}{:03}", 2, 2);
    assert_eq!(
        realised(&s, &second, 0, q(3)).map(|n| n.to_string()),
        Some("77 pasien".to_string())
    );
}
