//! Issue 21 end to end on a demo, through the binary: the promotions export equals a list
//! recomputed here, independently, from the staff, riwayat, evaluations and objections
//! exports; and a person who moved between units is counted in the unit of each past year
//! (the talent export per person, the report's counts per unit).

mod cli_support;

use cli_support::{Csv, Db};
use jiff::ToSpan;
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Today as the binary sees it (the demo and the exports read the clock).
fn today() -> Date {
    jiff::Zoned::now().date()
}

fn date(s: &str) -> Option<Date> {
    if s.is_empty() {
        None
    } else {
        Some(s.parse().expect("an ISO date"))
    }
}

/// The promotion period on or after `day`: the first of February, April, ..., December.
fn next_period(day: Date) -> Date {
    for m in [2, 4, 6, 8, 10, 12] {
        let d = Date::new(day.year(), m, 1).unwrap();
        if d >= day {
            return d;
        }
    }
    Date::new(day.year() + 1, 2, 1).unwrap()
}

/// A person's entries of one kind: (TMT, value), in the file's order.
type Entries = Vec<(Option<Date>, String)>;

/// Each person's entries of one kind from the riwayat export, in the file's order
/// (TMT order, an unknown TMT first): (TMT, value).
fn entries(riwayat: &Csv, kind: &str, value: &str) -> HashMap<String, Entries> {
    let mut out: HashMap<String, Entries> = HashMap::new();
    for r in &riwayat.rows {
        if riwayat.get(r, "jenis") == kind {
            out.entry(riwayat.get(r, "nip").to_string())
                .or_default()
                .push((
                    date(riwayat.get(r, "tmt")),
                    riwayat.get(r, value).to_string(),
                ));
        }
    }
    out
}

/// The value in effect on `day`: the last entry dated on or before it (an unknown TMT
/// counts as before everything), else the first.
fn on(list: &[(Option<Date>, String)], day: Date) -> &str {
    list.iter()
        .rev()
        .find(|(t, _)| t.is_none_or(|t| t <= day))
        .or(list.first())
        .map_or("", |(_, v)| v.as_str())
}

struct Exports {
    db: Db,
    staff: Csv,
    riwayat: Csv,
    evaluations: Csv,
    keberatan: Csv,
}

fn demo() -> Exports {
    let db = Db::new();
    db.demo(300);
    Exports {
        staff: db.export("staff"),
        riwayat: db.export("riwayat"),
        evaluations: db.export("evaluations"),
        keberatan: db.export("keberatan"),
        db,
    }
}

#[test]
fn the_promotions_export_equals_a_list_recomputed_from_the_other_exports() {
    let x = demo();
    let ranks = entries(&x.riwayat, "pangkat", "golongan");
    // (NIP, year) -> annual predikat, and the annual evaluations under an open objection.
    let mut annual: HashMap<(String, i16), String> = HashMap::new();
    for r in &x.evaluations.rows {
        if x.evaluations.get(r, "periode") == "tahunan" {
            annual.insert(
                (
                    x.evaluations.get(r, "nip").to_string(),
                    x.evaluations.get(r, "tahun").parse().unwrap(),
                ),
                x.evaluations.get(r, "predikat").to_string(),
            );
        }
    }
    let open: BTreeSet<(String, i16)> = x
        .keberatan
        .rows
        .iter()
        .filter(|r| {
            x.keberatan.get(r, "periode") == "tahunan" && x.keberatan.get(r, "keputusan").is_empty()
        })
        .map(|r| {
            (
                x.keberatan.get(r, "nip").to_string(),
                x.keberatan.get(r, "tahun").parse().unwrap(),
            )
        })
        .collect();
    // The latest period (its two years evaluated) and the next two (the year before them
    // may not be evaluated yet: due, and held back by it).
    let next = next_period(today());
    let latest = if next == today() {
        next
    } else {
        let back = next.checked_sub(2.months()).unwrap();
        Date::new(back.year(), back.month(), 1).unwrap()
    };
    let mut periods = vec![latest];
    for _ in 0..2 {
        let last = *periods.last().unwrap();
        periods.push(next_period(last.checked_add(1.day()).unwrap()));
    }
    let mut listed_eligible = 0;
    for period in periods {
        let arg = format!("{:04}-{:02}", period.year(), period.month());
        let run = x.db.run(&["export", "promotions", "--period", &arg]);
        run.expect(0);
        let export = Csv::parse(&run.stdout_text());
        let got: BTreeMap<String, (String, String)> = export
            .rows
            .iter()
            .map(|r| {
                (
                    export.get(r, "nip").to_string(),
                    (
                        export.get(r, "memenuhi").to_string(),
                        export.get(r, "empat_tahun").to_string(),
                    ),
                )
            })
            .collect();
        // Recomputed: an active PNS below IV/e whose newest rank's TMT plus 4 years is on or
        // before the period's day; eligible when both years before the period's year are
        // Sangat Baik or Baik and neither is under an open objection.
        let mut want: BTreeMap<String, (String, String)> = BTreeMap::new();
        for r in &x.staff.rows {
            let nip = x.staff.get(r, "nip");
            if x.staff.get(r, "status") != "PNS"
                || x.staff.get(r, "aktif") != "ya"
                || x.staff.get(r, "golongan") == "IV/e"
            {
                continue;
            }
            let Some((Some(tmt), _)) = ranks.get(nip).and_then(|l| l.last()) else {
                continue;
            };
            let due = tmt.checked_add(4.years()).unwrap();
            if due > period {
                continue;
            }
            let good = [period.year() - 2, period.year() - 1].iter().all(|y| {
                let key = (nip.to_string(), *y);
                !open.contains(&key)
                    && annual
                        .get(&key)
                        .is_some_and(|p| p == "Sangat Baik" || p == "Baik")
            });
            want.insert(
                nip.to_string(),
                (
                    if good { "ya" } else { "tidak" }.to_string(),
                    due.to_string(),
                ),
            );
        }
        assert!(!want.is_empty(), "{arg}: the demo has people due");
        assert_eq!(got, want, "{arg}");
        listed_eligible += want.values().filter(|(e, _)| e == "ya").count();
    }
    assert!(
        listed_eligible > 0,
        "someone is eligible at one of the periods"
    );
}

#[test]
fn a_moved_person_counts_in_the_unit_of_each_past_year() {
    let x = demo();
    let units = entries(&x.riwayat, "unit", "unit");
    let movers: Vec<(&String, &Entries)> = units
        .iter()
        .filter(|(_, l)| l.iter().any(|(_, u)| *u != l[0].1))
        .collect();
    assert!(movers.len() >= 10, "{} people moved", movers.len());
    let parent: HashMap<String, String> = x
        .staff
        .rows
        .iter()
        .filter(|r| !x.staff.get(r, "unit_induk").is_empty())
        .map(|r| {
            (
                x.staff.get(r, "unit").to_string(),
                x.staff.get(r, "unit_induk").to_string(),
            )
        })
        .collect();
    let mut moved_years = 0;
    for year in (today().year() - 3)..today().year() {
        let last_day = Date::new(year, 12, 31).unwrap();
        let y = year.to_string();
        // Per person: the talent export names the unit of that year.
        let talent = Csv::parse(
            &x.db
                .run(&["export", "talent", "--year", &y])
                .expect(0)
                .stdout_text(),
        );
        let unit_of: HashMap<&str, &str> = talent
            .rows
            .iter()
            .map(|r| (talent.get(r, "nip"), talent.get(r, "unit")))
            .collect();
        for (nip, list) in &movers {
            let then = on(list, last_day);
            if let Some(shown) = unit_of.get(nip.as_str()) {
                assert_eq!(*shown, then, "{nip} in {year}");
                if then != list.last().unwrap().1 {
                    moved_years += 1;
                }
            }
        }
        // Per unit: the report counts each evaluated person in the unit of that year, the
        // head in the unit above.
        let mut counted: HashMap<String, u32> = HashMap::new();
        for r in &x.evaluations.rows {
            if x.evaluations.get(r, "periode") == "tahunan" && x.evaluations.get(r, "tahun") == y {
                let nip = x.evaluations.get(r, "nip");
                // A pustu is part of its puskesmas: counted in the puskesmas's row.
                let unit = on(&units[nip], last_day);
                let unit = match parent.get(unit) {
                    Some(up) if unit.starts_with("Pustu") => up.as_str(),
                    _ => unit,
                };
                *counted.entry(unit.to_string()).or_default() += 1;
            }
        }
        let report = Csv::parse(
            &x.db
                .run(&["export", "report", "--year", &y])
                .expect(0)
                .stdout_text(),
        );
        let headed: Vec<&str> = report
            .rows
            .iter()
            .filter(|r| !report.get(r, "predikat_pimpinan").is_empty())
            .map(|r| report.get(r, "unit"))
            .collect();
        assert!(
            report
                .rows
                .iter()
                .all(|r| !report.get(r, "unit").starts_with("Pustu")),
            "a pustu has no row of its own"
        );
        for r in &report.rows {
            let unit = report.get(r, "unit");
            let total: u32 = [
                "sangat_baik",
                "baik",
                "butuh_perbaikan",
                "kurang",
                "sangat_kurang",
            ]
            .iter()
            .map(|c| report.get(r, c).parse::<u32>().unwrap())
            .sum();
            let own_head = u32::from(headed.contains(&unit));
            let heads_below = headed
                .iter()
                .filter(|h| parent.get(**h).is_some_and(|p| p == unit))
                .count() as u32;
            let expected = counted.get(unit).copied().unwrap_or(0) - own_head + heads_below;
            assert_eq!(total, expected, "{unit} in {year}");
        }
    }
    assert!(
        moved_years > 0,
        "some past year counts a mover in their old unit"
    );
}
