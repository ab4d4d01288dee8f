//! Issue 19, end to end on a demo: the exports of SKPs, realisations and evaluations
//! recompute to the capaian the screens show (`views::skp::SkpReading`), and after an
//! objection is decided (changed) through the store, the distribution recomputed from the
//! exports is the one the report shows (`views::report`).
//!
//! The recomputation reads only the CSV files and DOMAIN.md's reading of capaian:
//! realisation against target in percent where both are numbers; for waktu and biaya
//! (lower is better) target against realisation; for the annual (and a span) the latest
//! realisation inside it.

mod cli_support;

use cli_support::{Csv, Db};
use kinerja::domain::{
    HasilKeputusan, Keputusan, Period, Predikat, PredikatCounts, Rating, UnitRating,
    check_distribution,
};
use kinerja::store::Store;
use kinerja::views::report::unit_report;
use kinerja::views::skp::SkpReading;
use std::collections::{BTreeMap, HashMap};

/// A number as the exports write it (`1.234,5` never; `12,5` and `12`), before its satuan.
fn number(text: &str) -> Option<f64> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(text.len());
    let n = &text[..end];
    if n.is_empty() {
        return None;
    }
    n.replace(',', ".").parse().ok()
}

/// One indicator of the SKP file, with the realisation file's values by (tahun, periode).
struct Indicator {
    aspek: String,
    target: String,
    realised: HashMap<(String, String), String>,
}

/// One plan of the SKP file: its span and its indicators in plan order, with their
/// realisations by (year, periode code).
struct Plan {
    mulai: String,
    selesai: String,
    indicators: Vec<Indicator>,
}

/// The months a period code covers (`tahunan`, `triwulan-2`, `bulan-03`, `bulan-06-12`).
fn months(code: &str) -> (u32, u32) {
    let nums: Vec<u32> = code.split('-').filter_map(|p| p.parse().ok()).collect();
    match (code, nums.as_slice()) {
        ("tahunan", _) => (1, 12),
        (c, [q]) if c.starts_with("triwulan") => (q * 3 - 2, q * 3),
        (_, [m]) => (*m, *m),
        (_, [a, b]) => (*a, *b),
        _ => panic!("period {code}"),
    }
}

/// The capaian of every indicator of the person's plan for (year, periode), recomputed
/// from the files; `None` when the period has no plan.
fn recompute(
    plans: &[Plan],
    year: &str,
    periode: &str,
) -> Option<Vec<(Option<String>, Option<f64>)>> {
    let (from, to) = months(periode);
    let first = format!("{year}-{from:02}-01");
    let last = format!("{year}-{to:02}-31");
    // The plan whose span overlaps the period; the later one when two do.
    let plan = plans
        .iter()
        .filter(|p| p.mulai <= last && p.selesai >= first)
        .max_by_key(|p| p.selesai.clone())?;
    // The annual and a span read the latest realisation inside them.
    let spans = periode == "tahunan" || periode.matches('-').count() == 2;
    Some(
        plan.indicators
            .iter()
            .map(|ind| {
                let real = &ind.realised;
                let value = real
                    .get(&(year.to_string(), periode.to_string()))
                    .cloned()
                    .or_else(|| {
                        if !spans {
                            return None;
                        }
                        real.iter()
                            .filter(|((y, p), _)| {
                                let (a, b) = months(p);
                                y == year && a >= from && b <= to
                            })
                            // The latest: by last month, then the longer period.
                            .max_by_key(|((_, p), _)| {
                                let (a, b) = months(p);
                                (b, b - a)
                            })
                            .map(|(_, v)| v.clone())
                    });
                let capaian = value.as_deref().and_then(|v| {
                    let (t, r) = (number(&ind.target)?, number(v)?);
                    if matches!(ind.aspek.as_str(), "waktu" | "biaya") {
                        Some(if r == 0.0 { 100.0 } else { t * 100.0 / r })
                    } else {
                        (t > 0.0).then(|| r * 100.0 / t)
                    }
                });
                (value, capaian)
            })
            .collect(),
    )
}

#[test]
fn the_exports_recompute_the_capaian_and_the_distribution_the_screens_show() {
    let db = Db::new();
    db.demo(120);
    let skp = db.export("skp");
    let realisasi = db.export("realisasi");
    let evaluations = db.export("evaluations");

    // The plans of the SKP file, by NIP, with the realisation file's values.
    let mut plans: BTreeMap<String, Vec<Plan>> = BTreeMap::new();
    let mut where_is: HashMap<(String, String, String, String), (usize, usize)> = HashMap::new();
    for r in &skp.rows {
        let nip = skp.get(r, "nip").to_string();
        let list = plans.entry(nip.clone()).or_default();
        if list.last().is_none_or(|p| p.mulai != skp.get(r, "mulai")) {
            list.push(Plan {
                mulai: skp.get(r, "mulai").to_string(),
                selesai: skp.get(r, "selesai").to_string(),
                indicators: Vec::new(),
            });
        }
        let (k, plan) = (list.len() - 1, list.last_mut().expect("a plan"));
        where_is.insert(
            (
                nip,
                plan.mulai.clone(),
                skp.get(r, "rhk_no").to_string(),
                skp.get(r, "indikator_no").to_string(),
            ),
            (k, plan.indicators.len()),
        );
        plan.indicators.push(Indicator {
            aspek: skp.get(r, "aspek").to_string(),
            target: skp.get(r, "target").to_string(),
            realised: HashMap::new(),
        });
    }
    for r in &realisasi.rows {
        let nip = realisasi.get(r, "nip").to_string();
        let key = (
            nip.clone(),
            realisasi.get(r, "skp_mulai").to_string(),
            realisasi.get(r, "rhk_no").to_string(),
            realisasi.get(r, "indikator_no").to_string(),
        );
        let (k, i) = where_is[&key];
        let slot = plans.get_mut(&nip).expect("the plan")[k].indicators[i]
            .realised
            .insert(
                (
                    realisasi.get(r, "tahun").to_string(),
                    realisasi.get(r, "periode").to_string(),
                ),
                realisasi.get(r, "realisasi").to_string(),
            );
        assert!(slot.is_none(), "one realisation per indicator and period");
    }

    // Every evaluated period with a plan: the files' capaian is the screen's.
    let store = Store::open(&db.path).expect("the demo database opens");
    let (mut compared, mut with_capaian) = (0usize, 0usize);
    for r in &evaluations.rows {
        let (nip, year, periode) = (
            evaluations.get(r, "nip"),
            evaluations.get(r, "tahun"),
            evaluations.get(r, "periode"),
        );
        let Some(expected) = plans.get(nip).and_then(|p| recompute(p, year, periode)) else {
            continue;
        };
        let period = Period::new(
            year.parse().expect("year"),
            Period::parse_kind(periode).expect("period"),
        )
        .expect("a period");
        let skps = store.skp_of(nip).expect("the SKPs");
        let plan = kinerja::domain::skp::skp_for(&skps, period).expect("the store has the plan");
        let shown = SkpReading::of(plan, period);
        assert_eq!(shown.rows.len(), expected.len(), "{nip} {period}");
        for (row, (value, capaian)) in shown.rows.iter().zip(&expected) {
            assert_eq!(
                row.realisasi.as_ref().map(|v| v.to_string()),
                *value,
                "{nip} {period} RHK {}",
                row.rhk_no
            );
            match (row.capaian, capaian) {
                (Some(a), Some(b)) => {
                    assert!((a - b).abs() < 1e-9, "{nip} {period}: {a} against {b}");
                    assert_eq!(
                        kinerja::views::skp::capaian_text(Some(a)),
                        kinerja::views::skp::capaian_text(Some(*b))
                    );
                    with_capaian += 1;
                }
                (a, b) => assert_eq!(a, *b, "{nip} {period}"),
            }
            compared += 1;
        }
    }
    assert!(
        compared > 1000 && with_capaian > 500,
        "{compared} {with_capaian}"
    );

    // Decide an open objection through the store: the atasan changes it to Baik.
    let last_year = kinerja::cli::today().year() - 1;
    let (nip, mut e) = store
        .iter_evaluations()
        .filter_map(Result::ok)
        .find_map(|(nip, g)| {
            let e = g.items.into_iter().find(|e| {
                e.period == Period::annual(last_year)
                    && e.keberatan.as_ref().is_some_and(|k| k.is_open())
                    && e.predikat() != Predikat::Baik
            })?;
            Some((nip, e))
        })
        .expect("the demo has an open objection");
    let before = e.predikat();
    let mut k = e.keberatan.clone().expect("the objection");
    k.keputusan = Some(Keputusan {
        tanggal: k.diajukan,
        oleh: e.atasan_penilai.clone().expect("the atasan"),
        hasil: HasilKeputusan::Diubah {
            hasil_kerja: Rating::Sesuai,
            perilaku: Rating::Sesuai,
        },
        catatan: "Diubah setelah klarifikasi".into(),
    });
    e.keberatan = Some(k);
    let saved = store.save_evaluation(&nip, &e, "test").expect("saved");
    assert_eq!(saved.predikat(), Predikat::Baik);
    assert_eq!(
        saved.keberatan.as_ref().map(|k| k.asal_predikat()),
        Some(before),
        "the original stays in the objection"
    );
    let units = store.units().expect("units");
    let report = unit_report(
        &store,
        last_year,
        &kinerja::domain::JpTargets::default(),
        kinerja::cli::today(),
    )
    .expect("the report");
    drop(store);

    // The distribution recomputed from the exports: last year's annual predikat per unit
    // (the staff file's unit), the head left out and counted in the unit above (issue 21),
    // against the unit-ratings file.
    let staff = db.export("staff");
    let after = db.export("evaluations");
    let ratings = db.export("unit-ratings");
    let unit_of: HashMap<&str, &str> = staff
        .rows
        .iter()
        .map(|r| (staff.get(r, "nip"), staff.get(r, "unit")))
        .collect();
    let heads: HashMap<&str, String> = units
        .iter()
        .filter_map(|u| Some((u.name.as_str(), u.head.as_ref()?.as_str().to_string())))
        .collect();
    // A head's unit name to the name of the unit above it.
    let parent_of: HashMap<&str, &str> = units
        .iter()
        .filter_map(|u| {
            let up = u.parent.as_ref()?;
            let up = units.iter().find(|x| x.id == *up)?;
            Some((u.name.as_str(), up.name.as_str()))
        })
        .collect();
    // A pustu is part of its puskesmas (issue 21): counted in the puskesmas's row.
    let folded = |unit: &str| -> String {
        match parent_of.get(unit) {
            Some(up) if unit.starts_with("Pustu") => up.to_string(),
            _ => unit.to_string(),
        }
    };
    let count = |csv: &Csv| {
        let mut out: BTreeMap<String, PredikatCounts> = BTreeMap::new();
        for r in &csv.rows {
            let nip = csv.get(r, "nip");
            if csv.get(r, "tahun") != last_year.to_string() || csv.get(r, "periode") != "tahunan" {
                continue;
            }
            let unit = unit_of[nip];
            let p = Predikat::parse(csv.get(r, "predikat")).expect("a predikat");
            if heads.get(unit).is_some_and(|h| h == nip) {
                if let Some(up) = parent_of.get(unit) {
                    out.entry(up.to_string()).or_default().add(p);
                }
                continue;
            }
            out.entry(folded(unit)).or_default().add(p);
        }
        out
    };
    let (was, now) = (count(&evaluations), count(&after));
    let unit = folded(unit_of[nip.as_str()]);
    let unit = unit.as_str();
    assert_eq!(
        now[unit].get(Predikat::Baik),
        was[unit].get(Predikat::Baik) + 1
    );
    assert_eq!(now[unit].get(before), was[unit].get(before) - 1);
    let rating_of: HashMap<&str, UnitRating> = ratings
        .rows
        .iter()
        .filter(|r| {
            ratings.get(r, "tahun") == last_year.to_string()
                && ratings.get(r, "periode") == "tahunan"
        })
        .map(|r| {
            (
                ratings.get(r, "unit"),
                UnitRating::parse(ratings.get(r, "capaian_organisasi")).expect("a unit rating"),
            )
        })
        .collect();
    let pustu = units.iter().filter(|u| u.is_pustu()).count();
    assert!(pustu > 0, "the demo has pustu");
    assert_eq!(report.len(), units.len() - pustu);
    for row in &report {
        let counts = now.get(&row.name).cloned().unwrap_or_default();
        assert_eq!(row.counts, counts, "{}", row.name);
        let breaches = rating_of
            .get(row.name.as_str())
            .map(|r| check_distribution(*r, &counts));
        assert_eq!(row.breaches, breaches, "{}", row.name);
    }
}
