//! The SKP cycle at 100,000 staff with a full year of SKPs (5 RHK with 2 indicators each
//! per person, realisations for three quarters), in `target/bench-db-skp` (made once):
//! opening a person's SKP read for a period, saving one realisation (flushed, as the
//! screen's save is), and the store's growth per SKP, printed when the database is made.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use kinerja::domain::{
    Aspek, Indikator, Intervensi, JenisRhk, Nilai, Period, PeriodKind, PersonAtTime, Rhk, Skp,
};
use kinerja::store::{AuditAction, SkpGroup, Store, bulk::BulkWriter, records};
use kinerja::views::skp::SkpReading;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const STAFF: usize = 100_000;
const YEAR: i16 = 2026;

fn db_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-db-skp")
}

/// A whole-year plan of 5 RHK with 2 indicators each and realisations for Q1-Q3.
fn plan(nip: &str, name: &str) -> Skp {
    let pegawai = PersonAtTime {
        nip: kinerja::domain::Nip::parse(nip).ok(),
        nama: name.to_string(),
        jabatan: "Pelaksana".into(),
        unit: "Unit".into(),
        ..Default::default()
    };
    let mut s = Skp::new_year(YEAR, pegawai, PersonAtTime::named("Kepala Unit", None));
    for r in 1..=5 {
        let mut rhk = Rhk::new(
            JenisRhk::Utama,
            &format!("Terlaksananya layanan bidang {r} sesuai standar"),
            Intervensi::Atasan {
                link: None,
                teks: format!("Meningkatnya kualitas layanan unit {r}"),
            },
        );
        for (aspek, target) in [(Aspek::Kuantitas, "12 laporan"), (Aspek::Waktu, "5 hari")] {
            rhk.indikator.push(Indikator {
                id: 0,
                aspek,
                teks: format!("Jumlah dokumen layanan bidang {r} yang diselesaikan"),
                target: Nilai::parse(target).expect("target"),
                realisasi: Vec::new(),
            });
        }
        s.rhk.push(rhk);
    }
    s.number();
    let ids: Vec<u32> = s.indicators().map(|(_, i)| i.id).collect();
    for q in 1..=3u8 {
        let period = Period::new(YEAR, PeriodKind::Triwulan(q)).expect("quarter");
        for id in &ids {
            if let Some(i) = s.indikator_mut(*id) {
                let v = if i.aspek == Aspek::Waktu {
                    "4 hari"
                } else {
                    "3 laporan"
                };
                i.set_realisasi(period, Nilai::parse(v), "");
            }
        }
    }
    s
}

fn dir_bytes(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_bytes(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Makes the database once: the demo's 100,000 staff, then this year's SKP of everyone
/// replaced by the plan above. Prints the growth per SKP.
fn ensure_db() -> PathBuf {
    let path = db_path();
    let store = Store::open(&path).expect("open the benchmark database");
    if store.is_empty() {
        eprintln!(
            "making {STAFF} staff with SKPs in {} (once)...",
            path.display()
        );
        kinerja::demo::fill(&store, STAFF, 1, date(2026, 11, 28), "bench", &|_| {})
            .expect("demo data");
        store.close().expect("close");
        let before = dir_bytes(&path);
        let store = Store::open(&path).expect("reopen");
        let people: Vec<(String, String)> = store
            .iter_staff()
            .map(|s| {
                let s = s.expect("staff");
                (s.nip.as_str().to_string(), s.nama.clone())
            })
            .collect();
        let mut encoded = 0usize;
        let mut w = BulkWriter::new(&store);
        for (nip, name) in &people {
            let mut group = store.skp_group(nip).expect("group");
            group.items.retain(|s| s.year() != YEAR);
            let id = group.next_id.max(1);
            group.next_id = id + 1;
            let mut s = plan(nip, name);
            s.id = id;
            s.revision = 1;
            encoded += records::encode_skp(&SkpGroup {
                next_id: 2,
                items: vec![s.clone()],
            })
            .expect("encode")
            .len();
            group.items.push(s);
            w.put_skp(nip, &group).expect("skp");
        }
        w.finish("bench", AuditAction::Demo, "bench SKPs")
            .expect("finish");
        store.close().expect("close");
        let after = dir_bytes(&path);
        eprintln!(
            "SKP growth: {} bytes encoded per SKP (5 RHK x 2 indicators, 3 quarters realised); \
             database {} MB -> {} MB on disk, {} bytes per SKP",
            encoded / people.len().max(1),
            before / 1_000_000,
            after / 1_000_000,
            after.saturating_sub(before) / people.len().max(1) as u64
        );
        return path;
    }
    store.close().expect("close");
    path
}

fn skp_at_scale(c: &mut Criterion) {
    let path = ensure_db();
    let store = Store::open(&path).expect("open");
    let nips: Vec<String> = store
        .iter_staff()
        .step_by(997)
        .map(|s| s.expect("staff").nip.as_str().to_string())
        .collect();
    let q3 = Period::new(YEAR, PeriodKind::Triwulan(3)).expect("q3");
    let mut group = c.benchmark_group("skp_100k");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));
    let mut n = 0usize;
    group.bench_function("open_person_skp", |b| {
        b.iter(|| {
            n = (n + 1) % nips.len();
            let skps = store.skp_of(&nips[n]).expect("skp");
            let s = kinerja::domain::skp::skp_for(&skps, q3).expect("plan");
            SkpReading::of(s, q3)
        })
    });
    let mut m = 0usize;
    let mut value = 0u32;
    group.bench_function("save_one_realisation", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                m = (m + 1) % nips.len();
                value = (value + 1) % 40;
                let nip = &nips[m];
                let skps = store.skp_of(nip).expect("skp");
                let s = kinerja::domain::skp::skp_for(&skps, q3).expect("plan");
                let indikator = s.indicators().next().expect("indicator").1.id;
                let started = Instant::now();
                store
                    .save_realisasi(
                        nip,
                        s.id,
                        s.revision,
                        indikator,
                        q3,
                        Nilai::parse(&format!("{value} laporan")),
                        "",
                        "bench",
                    )
                    .expect("save");
                total += started.elapsed();
            }
            total
        })
    });
    unit_realisation_screen(&mut group, &store, q3);
    group.finish();
}

/// The realisation screen of the biggest unit: its people from the staff rows in memory,
/// the first screenful's SKPs read and chosen for the quarter and the first page drawn at
/// 80x24; then one step of the rest, and all of it.
fn unit_realisation_screen(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    store: &Store,
    period: Period,
) {
    use kinerja::model::staff_index::StaffIndex;
    use kinerja::screens::Screen;
    use kinerja::screens::realisation::RealisationScreen;
    use kinerja::views::realisation::unit_realisation;
    let index = StaffIndex::build(
        store.iter_summaries(),
        std::collections::HashMap::new(),
        YEAR,
    )
    .expect("rows");
    let mut sizes: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for s in store.iter_summaries() {
        *sizes.entry(s.expect("summary").unit_id).or_default() += 1;
    }
    let (biggest, people) = sizes.into_iter().max_by_key(|(_, n)| *n).expect("units");
    eprintln!("the biggest unit has {people} people");
    let ui = kinerja::ui::Ui {
        lang: Default::default(),
        theme: Default::default(),
        jp: Default::default(),
        scoped: false,
    };
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    // What the officer waits for: the screen drawn with its first page (the rest of the
    // plans are read after this frame, in steps between keys).
    group.bench_function("unit_realisation_biggest_unit", |b| {
        b.iter(|| {
            let data = unit_realisation(store, &index, &biggest, period).expect("plans");
            let mut screen = RealisationScreen::new(data, date(2026, 11, 28));
            term.draw(|f| screen.draw(f, f.area(), &ui)).expect("draw");
        })
    });
    // One step of the reading after the first frame: how long a key may wait.
    group.bench_function("unit_realisation_read_step", |b| {
        b.iter_batched(
            || unit_realisation(store, &index, &biggest, period).expect("plans"),
            |mut data| {
                data.read_more(store, kinerja::views::realisation::READ_STEP)
                    .expect("step")
            },
            criterion::BatchSize::LargeInput,
        )
    });
    // Every plan of the unit read and the page drawn again: when the counts are whole.
    group.bench_function("unit_realisation_biggest_unit_all_read", |b| {
        b.iter(|| {
            let mut data = unit_realisation(store, &index, &biggest, period).expect("plans");
            data.read_all(store).expect("rest");
            let mut screen = RealisationScreen::new(data, date(2026, 11, 28));
            term.draw(|f| screen.draw(f, f.area(), &ui)).expect("draw");
        })
    });
}

criterion_group!(benches, skp_at_scale);
criterion_main!(benches);
