//! The staff rows in memory (issue 23: "memory of the rows per person, measured"): every
//! summary of a database built into the rows the screens share, with the heap they hold
//! counted by this benchmark's own allocator, and the passes the tabs make over them.
//!
//! The summaries are read once from `KINERJA_BENCH_DB` (default `target/bench-db-100k`,
//! made by the demo generator at 100,000 staff as the `tui` benchmark makes it); the rows
//! are then built from copies of them, so the bytes counted are the rows' alone.
//!
//! Printed before the timings: bytes of heap per row (what the program asked for, and what
//! the allocator holds for it) and the heap allocations each row keeps.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use kinerja::domain::StaffSummary;
use kinerja::model::staff_index::{SharedStaff, StaffIndex};
use kinerja::store::Store;
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

/// The system allocator, counting the bytes live, the allocator's footprint of them (the
/// usable size of each block plus its 8-byte header, as glibc lays them out) and the
/// allocations made.
struct Counting;

static LIVE: AtomicI64 = AtomicI64::new(0);
static FOOTPRINT: AtomicI64 = AtomicI64::new(0);
static MADE: AtomicU64 = AtomicU64::new(0);

/// The bytes the allocator holds for the block at `ptr`.
fn footprint(ptr: *mut u8) -> i64 {
    if ptr.is_null() {
        return 0;
    }
    // SAFETY: `ptr` is a live block of the system allocator (glibc's malloc).
    unsafe { libc::malloc_usable_size(ptr.cast()) as i64 + 8 }
}

// SAFETY: every call goes to the system allocator with the caller's own arguments; the
// counters only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as i64, Ordering::Relaxed);
        MADE.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as the caller promised for `layout`.
        let ptr = unsafe { System.alloc(layout) };
        FOOTPRINT.fetch_add(footprint(ptr), Ordering::Relaxed);
        ptr
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as i64, Ordering::Relaxed);
        FOOTPRINT.fetch_sub(footprint(ptr), Ordering::Relaxed);
        // SAFETY: as the caller promised for `ptr` and `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as i64 - layout.size() as i64, Ordering::Relaxed);
        MADE.fetch_add(1, Ordering::Relaxed);
        let before = footprint(ptr);
        // SAFETY: as the caller promised for `ptr`, `layout` and `new_size`.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            FOOTPRINT.fetch_add(footprint(moved) - before, Ordering::Relaxed);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const STAFF: usize = 100_000;

fn db_path() -> PathBuf {
    std::env::var_os("KINERJA_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-db-100k"))
}

/// Every summary of the benchmark database (made once, as the `tui` benchmark makes it)
/// and its unit names.
fn summaries() -> (Vec<StaffSummary>, HashMap<String, String>) {
    let path = db_path();
    let store = Store::open(&path).expect("open the benchmark database");
    if store.is_empty() {
        eprintln!("making {} staff in {} (once)...", STAFF, path.display());
        kinerja::demo::fill(&store, STAFF, 1, date(2026, 11, 28), "bench", &|_| {})
            .expect("demo data");
    }
    let all: Vec<StaffSummary> = store
        .iter_summaries()
        .map(|s| s.expect("a summary"))
        .collect();
    let units = store
        .units()
        .expect("units")
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    store.close().expect("close");
    (all, units)
}

fn rows(c: &mut Criterion) {
    let (all, units) = summaries();
    let n = all.len().max(1) as i64;

    let (live, held, made) = (
        LIVE.load(Ordering::Relaxed),
        FOOTPRINT.load(Ordering::Relaxed),
        MADE.load(Ordering::Relaxed),
    );
    let shared = SharedStaff::build_sized(
        all.iter().cloned().map(Ok::<_, ()>),
        units.clone(),
        2026,
        all.len(),
    )
    .expect("rows");
    let (live2, held2, made2) = (
        LIVE.load(Ordering::Relaxed),
        FOOTPRINT.load(Ordering::Relaxed),
        MADE.load(Ordering::Relaxed),
    );
    // The copies of the summaries the build takes make allocations of their own (about
    // eight each), freed or kept by the rows: counted apart by making the copies alone.
    let before_copies = MADE.load(Ordering::Relaxed);
    let copies: Vec<StaffSummary> = all.to_vec();
    let copy_allocations = MADE.load(Ordering::Relaxed) - before_copies;
    drop(copies);
    let mib = |b: i64| b as f64 / (1024.0 * 1024.0);
    eprintln!(
        "rows of {} people: {:.1} bytes of heap a row asked for ({:.2} MiB), {:.1} held by \
         the allocator ({:.2} MiB); {:.2} allocations a row made besides the copies'",
        all.len(),
        (live2 - live) as f64 / n as f64,
        mib(live2 - live),
        (held2 - held) as f64 / n as f64,
        mib(held2 - held),
        (made2 - made) as f64 / n as f64 - copy_allocations as f64 / n as f64,
    );

    let mut group = c.benchmark_group("rows");
    group.sample_size(10);
    group.bench_function("build_from_summaries", |b| {
        b.iter(|| {
            SharedStaff::build_sized(
                all.iter().cloned().map(Ok::<_, ()>),
                units.clone(),
                2026,
                all.len(),
            )
            .expect("rows")
        })
    });
    let index = StaffIndex::view(shared.clone());
    group.bench_function("for_each_summary", |b| {
        b.iter(|| {
            let mut jp = 0u64;
            index.for_each_summary(|s| jp += s.jp.iter().map(|(_, j)| u64::from(*j)).sum::<u64>());
            jp
        })
    });
    group.bench_function("for_each_by_name", |b| {
        b.iter(|| {
            let mut jp = 0u64;
            index.for_each_by_name(|s| {
                jp +=
                    s.jp_years.iter().map(|(_, j)| u64::from(*j)).sum::<u64>() + s.name.len() as u64
            });
            jp
        })
    });
    let mut view = Vec::new();
    shared.write_view(&mut view).expect("encode");
    group.bench_function("read_view", |b| {
        b.iter(|| SharedStaff::from_view(&view).expect("decode"))
    });
    group.finish();
}

criterion_group!(benches, rows);
criterion_main!(benches);
