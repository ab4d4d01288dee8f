//! Career histories at 100,000 staff (issue 21), in `target/bench-db-career` (or
//! `KINERJA_CAREER_BENCH_DB`; made once): the demo topped up to 5 career entries a person,
//! every fifth person moved to another unit in July 2024. Times the Laporan rows of this
//! year and of a past year from the staff rows in memory (the tab's way: a past year reads
//! the side map of the people who moved), the staff rows' load with that side map, and the
//! promotions list of one period.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use kinerja::domain::{Career, CareerEntry, CareerKind, CareerValue, JpTargets};
use kinerja::model::staff_index::StaffIndex;
use kinerja::store::{AuditAction, Store, bulk::BulkWriter};
use std::path::PathBuf;
use std::time::Duration;

const STAFF: usize = 100_000;
const TODAY: jiff::civil::Date = date(2026, 11, 28);

fn db_path() -> PathBuf {
    std::env::var_os("KINERJA_CAREER_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-db-career"))
}

/// The history topped up to 5 entries: a unit entry of July 2024 or later (another unit
/// for every fifth person), then jabatan entries of the same position a month apart, all
/// after the appointment and the entries already there.
fn topped_up(mut career: Career, nip: &kinerja::domain::Nip, i: usize, units: &[String]) -> Career {
    use jiff::ToSpan;
    let (y, m) = nip.appointed();
    let appointed = date(y, m, 1);
    let after = |d: Option<jiff::civil::Date>| {
        d.map_or(appointed, |d| d.max(appointed))
            .checked_add(1.month())
            .expect("a date")
    };
    let latest_unit = career
        .latest(CareerKind::Unit)
        .and_then(|e| match &e.value {
            CareerValue::Unit(u) => Some((e.tmt, u.clone())),
            _ => None,
        });
    if let Some((tmt, unit)) = latest_unit
        && career.entries.len() < 5
    {
        let to = if i.is_multiple_of(5) {
            let at = units.iter().position(|u| *u == unit).unwrap_or(0);
            units[(at + 1) % units.len()].clone()
        } else {
            unit
        };
        let day = after(tmt).max(date(2024, 7, 1));
        career
            .put(CareerEntry::new(Some(day), CareerValue::Unit(to)))
            .expect("a unit entry");
    }
    while career.entries.len() < 5 {
        let Some(latest) = career.latest(CareerKind::Jabatan).cloned() else {
            break;
        };
        career
            .put(CareerEntry::new(Some(after(latest.tmt)), latest.value))
            .expect("a jabatan entry");
    }
    career.revision += 1;
    career
}

/// Makes the database once; later runs reuse it.
fn ensure_db() -> PathBuf {
    let path = db_path();
    let store = Store::open(&path).expect("open the benchmark database");
    if store.is_empty() {
        eprintln!(
            "making {STAFF} staff with careers in {} (once)...",
            path.display()
        );
        kinerja::demo::fill(&store, STAFF, 1, TODAY, "bench", &|_| {}).expect("demo data");
        let units: Vec<String> = store
            .units()
            .expect("units")
            .into_iter()
            .map(|u| u.id)
            .collect();
        let staff: Vec<_> = store.iter_staff().map(|s| s.expect("staff")).collect();
        let mut w = BulkWriter::new(&store);
        for (i, s) in staff.iter().enumerate() {
            let nip = s.nip.as_str();
            let career = store
                .stored_career(nip)
                .expect("career")
                .unwrap_or_else(|| Career::implied(s));
            let career = topped_up(career, &s.nip, i, &units);
            career.validate(&s.nip).expect("a valid history");
            let now = career.apply(s);
            if now != *s {
                let next = kinerja::domain::Staff {
                    revision: s.revision + 1,
                    ..now
                };
                w.put_staff(&next, Some(s)).expect("staff");
            }
            w.put_career(nip, &career).expect("career");
        }
        w.finish("bench", AuditAction::Demo, "bench careers")
            .expect("finish");
        let entries: usize = store
            .iter_careers()
            .map(|c| c.expect("career").1.entries.len())
            .sum();
        eprintln!("{entries} career entries");
    }
    store.close().expect("close");
    path
}

fn career(c: &mut Criterion) {
    let path = ensure_db();
    let store = Store::open(&path).expect("open");
    let names: std::collections::HashMap<String, String> = store
        .units()
        .expect("units")
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mut group = c.benchmark_group("career_100k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("load_rows_with_moves", |b| {
        b.iter(|| {
            StaffIndex::build(store.iter_summaries(), names.clone(), TODAY.year()).expect("rows")
        })
    });
    let index =
        StaffIndex::build(store.iter_summaries(), names.clone(), TODAY.year()).expect("rows");
    let targets = JpTargets::default();
    for (name, year) in [
        ("laporan_this_year", 2026),
        ("laporan_past_year_2023", 2023),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                kinerja::views::report::report_with_retiring_from_index(
                    &store, &index, year, &targets, TODAY,
                )
                .expect("report")
            })
        });
    }
    // The promotions list of one period: a pass over the summaries in the store (target
    // under 200 ms).
    let period = kinerja::domain::PromotionPeriod::new(2027, 4).expect("period");
    let list = kinerja::views::promotions::promotions(&store, period, &|_| true).expect("list");
    eprintln!(
        "promotions {period}: {} due, {} eligible, {} without TMT golongan",
        list.rows.len(),
        list.eligible(),
        list.unknown_tmt
    );
    group.bench_function("promotions_2027_04", |b| {
        b.iter(|| kinerja::views::promotions::promotions(&store, period, &|_| true).expect("list"))
    });
    group.finish();
}

criterion_group!(benches, career);
criterion_main!(benches);
