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
    s.key(KeyCode::Char('R'));
    s.type_text("330").key(KeyCode::Enter);
    // 330 of 300 pasien: 110%.
    assert!(s.shows("330 pasien"), "{}", s.text());
    assert!(s.shows("110%"), "{}", s.text());
    // A sentence for the second person (the save moved on to them), from Enter.
    s.key(KeyCode::Esc).key(KeyCode::Enter);
    s.type_text("belum dilaporkan").key(KeyCode::Enter);
    let budi = PEOPLE[1].0;
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
