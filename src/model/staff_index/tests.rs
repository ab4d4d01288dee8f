//! Tests of the staff list's data: sort orders, search, updates, shared views and scope.

use super::search::is_subsequence;
use super::*;
use crate::domain::{Golongan, StaffSummary};
use std::collections::HashMap;

fn person(nip: &str, name: &str, gol: &str, unit: &str, jp: u32) -> StaffSummary {
    StaffSummary {
        nip: nip.into(),
        name: name.into(),
        golongan: Golongan::parse(gol, false).unwrap(),
        jabatan: "Perawat".into(),
        jenis: None,
        unit_id: unit.into(),
        aktif: true,
        last: None,
        jp: vec![(2026, jp)],
        annual: Vec::new(),
        annual_hasil: Vec::new(),
        held: Vec::new(),
        keberatan: Vec::new(),
        pendidikan: None,
        tmt_golongan: None,
        moves: Vec::new(),
    }
}

fn index() -> StaffIndex {
    let units = HashMap::from([
        ("a".to_string(), "Puskesmas Belawan".to_string()),
        ("b".to_string(), "SD Negeri 065005".to_string()),
    ]);
    StaffIndex::new(
        vec![
            person("198503302010012002", "dr. Rina Siregar", "III/c", "a", 4),
            person(
                "199001152015031001",
                "Budi Nasution, S.Pd.",
                "IV/a",
                "b",
                30,
            ),
            person("197712312002122003", "Hj. Ani Lubis", "II/d", "a", 12),
        ],
        units,
        2026,
    )
}

fn names(ix: &StaffIndex) -> Vec<String> {
    (0..ix.len())
        .map(|i| ix.row(i).unwrap().name.clone())
        .collect()
}

#[test]
fn name_order_ignores_front_titles() {
    let mut ix = index();
    ix.set_sort(SortKey::Name);
    assert_eq!(
        names(&ix),
        ["Hj. Ani Lubis", "Budi Nasution, S.Pd.", "dr. Rina Siregar"]
    );
}

#[test]
fn rank_order_follows_the_ranks_not_the_alphabet() {
    let mut ix = index();
    ix.set_sort(SortKey::Rank);
    assert_eq!(
        names(&ix),
        ["Budi Nasution, S.Pd.", "dr. Rina Siregar", "Hj. Ani Lubis"]
    );
}

#[test]
fn jp_order_puts_the_least_trained_first() {
    let mut ix = index();
    ix.set_sort(SortKey::Jp);
    assert_eq!(ix.row(0).unwrap().name, "dr. Rina Siregar");
}

/// Sorted by pension (BUP, DOMAIN.md): the nearest date first, then whoever's date cannot
/// be told, then the inactive. A guru born 1967-09-20 retires at 60 on 2027-10-01, a
/// Pelaksana born 1969-01-20 at 58 on 2027-02-01, an Ahli Madya born 1970-05-05 at 60 on
/// 2030-06-01.
#[test]
fn pension_order_puts_the_nearest_date_first() {
    use crate::domain::JenisJabatan;
    let with = |nip: &str, name: &str, jabatan: &str, jenis: Option<JenisJabatan>| {
        let mut p = person(nip, name, "III/a", "a", 0);
        p.jabatan = jabatan.into();
        p.jenis = jenis;
        p
    };
    let mut gone = with(
        "196501012000031001",
        "Gone Early",
        "Perawat",
        Some(JenisJabatan::Pelaksana),
    );
    gone.aktif = false;
    let mut ix = StaffIndex::new(
        vec![
            with(
                "197005052000031001",
                "Madya",
                "Dokter",
                Some(JenisJabatan::AhliMadya),
            ),
            gone,
            with("196001012000031001", "Unknown Kind", "Perawat", None),
            with(
                "196709202000032001",
                "Guru Ani",
                "Guru",
                Some(JenisJabatan::AhliPertama),
            ),
            with(
                "196901202000031001",
                "Pelaksana Budi",
                "Pengadministrasi Umum",
                Some(JenisJabatan::Pelaksana),
            ),
        ],
        HashMap::from([("a".to_string(), "Puskesmas Belawan".to_string())]),
        2026,
    );
    ix.set_sort(SortKey::Pension);
    assert_eq!(
        names(&ix),
        [
            "Pelaksana Budi",
            "Guru Ani",
            "Madya",
            "Unknown Kind",
            "Gone Early"
        ]
    );
    let dates: Vec<Option<String>> = (0..ix.len())
        .map(|i| ix.row(i).unwrap().pension.map(crate::domain::format_date))
        .collect();
    assert_eq!(dates[0].as_deref(), Some("2027-02-01"));
    assert_eq!(dates[1].as_deref(), Some("2027-10-01"));
    assert_eq!(dates[2].as_deref(), Some("2030-06-01"));
    assert_eq!(dates[3], None);
    assert_eq!(SortKey::Jp.next(), SortKey::Pension);
    assert_eq!(SortKey::Pension.next(), SortKey::Nip);
}

#[test]
fn search_matches_names_and_nips_and_narrows() {
    let mut ix = index();
    ix.set_query("sir");
    assert_eq!(names(&ix), ["dr. Rina Siregar"]);
    ix.set_query("");
    ix.set_query("19900115");
    assert_eq!(names(&ix), ["Budi Nasution, S.Pd."]);
    ix.set_query("zzz");
    assert!(ix.is_empty());
    assert_eq!(ix.total(), 3);
}

#[test]
fn an_update_keeps_every_order_right() {
    let mut ix = index();
    ix.set_sort(SortKey::Jp);
    assert_eq!(ix.row(0).unwrap().name, "dr. Rina Siregar");
    let mut rina = person("198503302010012002", "dr. Rina Siregar", "III/c", "a", 40);
    rina.jabatan = "Dokter".into();
    ix.upsert(rina);
    assert_eq!(ix.row(0).unwrap().name, "Hj. Ani Lubis");
    assert_eq!(ix.row(2).unwrap().name, "dr. Rina Siregar");
    ix.set_sort(SortKey::Name);
    assert_eq!(
        names(&ix),
        ["Hj. Ani Lubis", "Budi Nasution, S.Pd.", "dr. Rina Siregar"]
    );
}

#[test]
fn words_match_in_any_order() {
    let mut ix = index();
    ix.set_query("siregar rina");
    assert_eq!(names(&ix), ["dr. Rina Siregar"]);
    ix.set_query("!budi");
    assert_eq!(ix.len(), 2);
}

#[test]
fn the_byte_prefilter_agrees_with_fuzzy_matching() {
    assert!(is_subsequence(b"sir", b"Rina Siregar"));
    assert!(is_subsequence(b"rsg", b"Rina Siregar"));
    assert!(!is_subsequence(b"zr", b"Rina Siregar"));
    assert!(is_subsequence(b"", b"x"));
}

#[test]
fn an_index_built_from_a_stream_lists_everyone() {
    let rows = index().people().len();
    let streamed = StaffIndex::build::<()>(
        vec![
            Ok(person(
                "198503302010012002",
                "dr. Rina Siregar",
                "III/c",
                "a",
                4,
            )),
            Ok(person(
                "199001152015031001",
                "Budi Nasution, S.Pd.",
                "IV/a",
                "b",
                30,
            )),
        ],
        HashMap::new(),
        2026,
    )
    .unwrap();
    assert_eq!((rows, streamed.len()), (3, 2));
}

#[test]
fn the_unit_filter_keeps_one_unit() {
    let mut ix = index();
    ix.set_sort(SortKey::Name);
    ix.set_unit(Some("a".into()));
    assert_eq!(names(&ix), ["Hj. Ani Lubis", "dr. Rina Siregar"]);
    ix.set_unit(None);
    assert_eq!(ix.len(), 3);
}

#[test]
fn matched_positions_are_reported_for_highlighting() {
    let mut ix = index();
    ix.set_query("rina");
    assert_eq!(ix.match_positions("dr. Rina Siregar"), vec![4, 5, 6, 7]);
}

#[test]
fn two_views_share_the_rows_and_see_each_others_saves() {
    let mut a = index();
    let mut b = StaffIndex::view(a.shared().clone());
    b.set_sort(SortKey::Name);
    assert!(!b.sync(), "nothing changed yet");
    a.upsert(person("200001012022011001", "Zaki Harahap", "II/a", "b", 0));
    // `b` keeps its own order and sees the new person at its next sync.
    assert_eq!(b.len(), 3);
    assert!(b.sync());
    assert_eq!(b.len(), 4);
    assert_eq!(b.row(3).unwrap().name, "Zaki Harahap");
    assert_eq!(a.sort(), SortKey::Nip);
    // A remove in one is seen by the other too.
    b.remove("200001012022011001");
    assert!(a.sync());
    assert_eq!(a.len(), 3);
}

#[test]
fn a_scoped_view_shows_only_its_units() {
    let mut ix = index();
    ix.set_scope(Some(vec!["b".into()]));
    assert_eq!(names(&ix), ["Budi Nasution, S.Pd."]);
    assert_eq!(ix.total(), 1);
    assert_eq!(ix.people().len(), 1);
    assert_eq!(
        ix.units(),
        [("b".to_string(), "SD Negeri 065005".to_string())]
    );
    // A unit filter outside the scope shows nobody.
    ix.set_unit(Some("a".into()));
    assert!(ix.is_empty());
    ix.set_unit(None);
    ix.set_query("rina");
    assert!(ix.is_empty());
}

#[test]
fn only_people_who_moved_are_kept_beside_the_rows_and_come_back_in_their_summaries() {
    use jiff::civil::date;
    let mut ix = index();
    let moved = StaffSummary {
        moves: vec![
            (None, "b".to_string()),
            (Some(date(2025, 7, 1)), "a".to_string()),
        ],
        ..person("198503302010012002", "dr. Rina Siregar", "III/c", "a", 4)
    };
    ix.upsert(moved);
    let find = |ix: &StaffIndex, nip: &str| {
        let mut found = None;
        ix.for_each_summary(|s| {
            if s.nip == nip {
                found = Some(s.clone());
            }
        });
        found.expect("in the index")
    };
    let s = find(&ix, "198503302010012002");
    assert_eq!(s.unit_in(2024), "b");
    assert_eq!(s.unit_in(2025), "a");
    assert!(find(&ix, "197712312002122003").moves.is_empty());
    // The person after the one who moved (the summary is refilled row by row): no moves.
    assert!(find(&ix, "199001152015031001").moves.is_empty());
    assert_eq!(ix.shared().0.read().unwrap().moves.len(), 1);
    // Saved again without moves (an entry removed): gone from the side map.
    ix.upsert(person(
        "198503302010012002",
        "dr. Rina Siregar",
        "III/c",
        "a",
        4,
    ));
    assert_eq!(find(&ix, "198503302010012002").unit_in(2024), "a");
    assert!(ix.shared().0.read().unwrap().moves.is_empty());
}

#[test]
fn a_row_in_memory_keeps_its_size() {
    // Issue 23's deterministic guard: the row's fixed part, and the heap parts of one
    // fixed person (a 21-character name, three years of JP, two annual ratings, two
    // competencies held). A field added to `Entry` shows up here first.
    use jiff::civil::date;
    assert_eq!(std::mem::size_of::<rows::Entry>(), 72);
    let p = StaffSummary {
        jp: vec![(2024, 12), (2025, 20), (2026, 6)],
        annual: vec![
            (2024, crate::domain::Predikat::Baik),
            (2025, crate::domain::Predikat::SangatBaik),
        ],
        held: vec![(3, date(2025, 3, 1)), (7, date(2026, 5, 2))],
        ..person(
            "198503302010012002",
            "dr. Rina Siregar, M.K",
            "III/c",
            "a",
            6,
        )
    };
    let shared = SharedStaff::new(vec![p], HashMap::new(), 2026);
    let data = shared::read(&shared.0);
    // 21 (name) + 3 x 8 (year, JP) + 2 x 4 (year, predikat) + 2 x 8 (key, date), all in
    // the rows' shared buffers: the row itself allocates nothing.
    assert_eq!(data.heap.bytes(), 21 + 24 + 8 + 16);
}

#[test]
fn the_summaries_of_a_pass_over_the_rows_are_the_ones_the_rows_were_built_from() {
    // `for_each_summary` refills one summary row after row: every field must be the
    // row's own, not left over from the row before (longer names, more JP years).
    use jiff::civil::date;
    let given = vec![
        StaffSummary {
            jp: vec![(2024, 12), (2025, 20), (2026, 6)],
            held: vec![(1, date(2025, 3, 1)), (4, date(2026, 2, 1))],
            moves: vec![
                (None, "b".to_string()),
                (Some(date(2025, 7, 1)), "a".to_string()),
            ],
            // Two open objections: the next row (none) must not inherit them.
            keberatan: vec![
                (
                    crate::domain::Period::annual(2025),
                    crate::domain::KeberatanStatus::Dijelaskan,
                    date(2026, 1, 20),
                ),
                (
                    crate::domain::Period::annual(2024),
                    crate::domain::KeberatanStatus::Diajukan,
                    date(2026, 2, 2),
                ),
            ],
            ..person(
                "197712312002122003",
                "Hj. Ani Lubis binti Haji Abdullah",
                "II/d",
                "a",
                12,
            )
        },
        person("198503302010012002", "Rina", "III/c", "b", 4),
        StaffSummary {
            aktif: false,
            ..person(
                "199001152015031001",
                "Budi Nasution, S.Pd.",
                "IV/a",
                "a",
                30,
            )
        },
    ];
    let units = HashMap::from([
        ("a".to_string(), "Puskesmas Belawan".to_string()),
        ("b".to_string(), "SD Negeri 065005".to_string()),
    ]);
    let ix = StaffIndex::new(given.clone(), units, 2026);
    let mut seen = Vec::new();
    ix.for_each_summary(|s| seen.push(s.clone()));
    let expected: Vec<StaffSummary> = given
        .into_iter()
        .map(|s| StaffSummary {
            // What the rows do not keep.
            annual_hasil: Vec::new(),
            pendidikan: None,
            tmt_golongan: None,
            ..s
        })
        .collect();
    assert_eq!(seen, expected);
}

proptest::proptest! {
    /// Saves and deletes in any order leave every row's name and lists as last given,
    /// whatever packs of the shared buffers happened in between, and the buffers never hold
    /// more than twice what the rows use (plus the pack threshold).
    #[test]
    fn rows_keep_their_parts_through_saves_deletes_and_packs(
        ops in proptest::collection::vec(
            (0usize..6, proptest::option::of(("[a-z]{0,12}", 0usize..4, 0usize..3, 0usize..3))),
            1..60,
        )
    ) {
        use jiff::civil::date;
        let nips: Vec<String> = (0..6).map(|i| format!("19850330201001200{i}")).collect();
        let shared = SharedStaff::new(Vec::new(), HashMap::new(), 2026);
        let mut model: HashMap<String, StaffSummary> = HashMap::new();
        for (who, change) in ops {
            let nip = &nips[who];
            match change {
                Some((name, jp, annual, held)) => {
                    let s = StaffSummary {
                        jp: (0..jp).map(|y| (2020 + y as i16, 3 * y as u32 + 1)).collect(),
                        annual: (0..annual)
                            .map(|y| (2020 + y as i16, crate::domain::Predikat::Baik))
                            .collect(),
                        held: (0..held).map(|k| (k as u32, date(2025, 1, 1 + k as i8))).collect(),
                        ..person(nip, &name, "III/a", "a", 0)
                    };
                    shared.upsert(s.clone());
                    model.insert(nip.clone(), s);
                }
                None => {
                    proptest::prop_assert_eq!(shared.remove(nip), model.remove(nip).is_some());
                }
            }
            let data = shared::read(&shared.0);
            proptest::prop_assert_eq!(data.items.len(), model.len());
            for e in &data.items {
                let want = &model[e.nip()];
                proptest::prop_assert_eq!(data.heap.name(e), want.name.as_str());
                proptest::prop_assert_eq!(data.heap.jp_years(e), &want.jp[..]);
                proptest::prop_assert_eq!(data.heap.annual(e), &want.annual[..]);
                proptest::prop_assert_eq!(data.heap.held(e), &want.held[..]);
            }
            let used: usize = model
                .values()
                .map(|s| s.name.len() + s.jp.len() + s.annual.len() + s.held.len())
                .sum();
            proptest::prop_assert!(data.heap.elements() <= 2 * used + 2 * 8 + 64);
        }
    }
}

/// Each order as the comparators before issue 23's sort keys made it: a stable sort by the
/// key, then the lowercased name without front titles, then the NIP.
fn order_by_comparison(data: &shared::StaffData, sort: SortKey) -> Vec<u32> {
    use super::sort::sort_name;
    let items = &data.items;
    let by_name = |a: &rows::Entry, b: &rows::Entry| {
        sort_name(data.heap.name(a))
            .to_lowercase()
            .cmp(&sort_name(data.heap.name(b)).to_lowercase())
            .then_with(|| a.nip.cmp(&b.nip))
    };
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by(|a, b| {
        let (x, y) = (&items[*a as usize], &items[*b as usize]);
        let unit = |e: &rows::Entry| {
            let id = data.unit_ids.text(e.unit);
            data.unit_names.get(id).map_or(id, |s| s.as_str())
        };
        let pension = |e: &rows::Entry| {
            let date = e.pension_date(data.jabatan.text(e.jabatan));
            (!e.aktif, date.is_none(), date)
        };
        let first = match sort {
            SortKey::Name => std::cmp::Ordering::Equal,
            SortKey::Nip => x.nip.cmp(&y.nip),
            SortKey::Rank => (x.golongan.is_pppk(), std::cmp::Reverse(x.golongan))
                .cmp(&(y.golongan.is_pppk(), std::cmp::Reverse(y.golongan))),
            SortKey::Unit => unit(x).cmp(unit(y)),
            SortKey::Predikat => {
                let p = |s: &rows::Entry| s.last.map_or(6, |(_, p)| p.code());
                p(x).cmp(&p(y))
            }
            SortKey::Jp => x.jp.cmp(&y.jp),
            SortKey::Pension => pension(x).cmp(&pension(y)),
        };
        first.then_with(|| by_name(x, y))
    });
    order
}

proptest::proptest! {
    /// Every order the sort keys build is the one the comparisons built: names sharing
    /// long beginnings, front titles, capitals and letters beyond ASCII, equal names.
    #[test]
    fn each_sort_order_is_the_one_the_comparisons_gave(
        people in proptest::collection::vec(
            (
                proptest::sample::select(vec!["", "dr. ", "Hj. ", "H. "]),
                proptest::sample::select(vec![
                    "Muhammad Rizki Pratama",
                    "muhammad rizki pratam",
                    "MUHAMMAD RIZKI PRATAMA",
                    "Muhammad Rizki Prayoga",
                    "Siti",
                    "Siti Aisyah",
                    "Élia Sitorus",
                    "Ani",
                    "Ani\u{0}",
                    "Muhammad Rizki Pratama Siregar Lubis",
                    "Muhammad Rizki Pratama Siregar Lubis Nasution",
                    "muhammad rizki pratama siregar lubiS",
                ]),
                "[a-c]{0,3}",
                proptest::sample::select(vec![("II/a", false), ("III/c", false), ("IV/a", false), ("IX", true)]),
                proptest::sample::select(vec!["a", "b", "c"]),
                0u32..40,
                proptest::bool::ANY,
            ),
            0..40,
        )
    ) {
        let summaries: Vec<StaffSummary> = people
            .iter()
            .enumerate()
            .map(|(i, (title, name, tail, (gol, pppk), unit, jp, aktif))| StaffSummary {
                aktif: *aktif,
                jenis: Some(crate::domain::JenisJabatan::Pelaksana),
                golongan: Golongan::parse(gol, *pppk).expect("a golongan"),
                ..person(
                    &format!("1985033020100120{i:02}"),
                    &format!("{title}{name}{tail}"),
                    "II/a",
                    unit,
                    *jp,
                )
            })
            .collect();
        let units = HashMap::from([
            ("a".to_string(), "Puskesmas Belawan".to_string()),
            ("b".to_string(), "SD Negeri 065005".to_string()),
        ]);
        let shared = SharedStaff::new(summaries, units, 2026);
        let data = shared::read(&shared.0);
        for sort in SortKey::ALL {
            proptest::prop_assert_eq!(
                data.build_order(sort),
                order_by_comparison(&data, sort),
                "{:?}",
                sort
            );
        }
    }
}
