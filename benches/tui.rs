//! The staff screens at 100,000 staff (a database made by the demo generator, kept in
//! `target/bench-db-100k`, or `KINERJA_BENCH_DB`): start to first drawn list, reading the
//! whole list after it, one search keystroke (filter + draw), and moving one row.
//!
//! Bytes written to a real terminal and resident memory are measured by
//! `scripts/pty_measure.py`, which runs the binary in a pseudo-terminal.

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use kinerja::app::{App, Options};
use kinerja::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const STAFF: usize = 100_000;

fn db_path() -> PathBuf {
    std::env::var_os("KINERJA_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-db-100k"))
}

/// Makes the 100,000-staff database once; later runs reuse it.
fn ensure_db() -> PathBuf {
    let path = db_path();
    let store = Store::open(&path).expect("open the benchmark database");
    if store.is_empty() {
        eprintln!("making {} staff in {} (once)...", STAFF, path.display());
        kinerja::demo::fill(&store, STAFF, 1, date(2026, 11, 28), "bench", &|_| {})
            .expect("demo data");
    }
    store.close().expect("close");
    path
}

fn options() -> Options {
    Options {
        lang: Default::default(),
        theme: Default::default(),
        today: date(2026, 11, 28),
        tz: jiff::tz::TimeZone::UTC,
        actor: "bench".into(),
        db_label: "bench".into(),
        export_dir: std::env::temp_dir(),
        officer: None,
        jp: Default::default(),
        remote: false,
        instansi: None,
        tempat: None,
    }
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn draw(term: &mut Terminal<TestBackend>, app: &mut App) {
    term.draw(|f| app.draw(f)).expect("draw");
}

fn screens(c: &mut Criterion) {
    let path = ensure_db();
    let mut group = c.benchmark_group("staff_100k");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));

    // Issue 23: the first frame is drawn before the store opens (`app::draw_opening`); this
    // is everything between the start of the screens and that frame, without a terminal.
    group.bench_function("opening_frame_before_the_store", |b| {
        let ui = kinerja::ui::Ui {
            lang: Default::default(),
            theme: Default::default(),
            jp: Default::default(),
            scoped: false,
        };
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        b.iter(|| {
            term.draw(|f| kinerja::app::draw_opening(f, &ui, date(2026, 11, 28), "/data/db"))
                .expect("draw");
        })
    });

    // The store opened and the app's own first frame (the first page of the list): what
    // follows the opening frame.
    group.bench_function("start_to_first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
                let started = Instant::now();
                let store = Store::open(&path).expect("open");
                let mut app = App::new(store, options()).expect("app");
                draw(&mut term, &mut app);
                total += started.elapsed();
                app.into_store().close().expect("close");
            }
            total
        })
    });

    group.bench_function("read_whole_list_after_first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let store = Store::open(&path).expect("open");
                let mut app = App::new(store, options()).expect("app");
                let started = Instant::now();
                app.finish_loading().expect("load");
                total += started.elapsed();
                app.into_store().close().expect("close");
            }
            total
        })
    });

    let store = Store::open(&path).expect("open");
    let mut app = App::new(store, options()).expect("app");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    app.finish_loading().expect("load");
    // From Beranda to the staff list.
    key(&mut app, KeyCode::Char('2'));
    draw(&mut term, &mut app);

    group.bench_function("move_one_row", |b| {
        let mut down = true;
        b.iter(|| {
            key(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            down = !down;
            draw(&mut term, &mut app);
        })
    });

    group.bench_function("search_first_keystroke_all_staff", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                key(&mut app, KeyCode::Char('/'));
                let started = Instant::now();
                key(&mut app, KeyCode::Char('s'));
                draw(&mut term, &mut app);
                total += started.elapsed();
                key(&mut app, KeyCode::Esc);
            }
            total
        })
    });

    group.bench_function("search_third_keystroke_narrowing", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                key(&mut app, KeyCode::Char('/'));
                key(&mut app, KeyCode::Char('s'));
                key(&mut app, KeyCode::Char('i'));
                let started = Instant::now();
                key(&mut app, KeyCode::Char('r'));
                draw(&mut term, &mut app);
                total += started.elapsed();
                key(&mut app, KeyCode::Esc);
            }
            total
        })
    });
    group.finish();
}

/// 100,000 staff with about 1,300,000 evaluations and, topped up beyond the demo, about
/// 2,000,000 trainings: the scale the Beranda, Pelatihan and Laporan targets name.
fn scale_db() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-db-scale");
    let store = Store::open(&path).expect("open the scale database");
    if store.is_empty() {
        eprintln!(
            "making the 2,000,000-training database in {} (once)...",
            path.display()
        );
        kinerja::demo::fill(&store, STAFF, 2, date(2026, 11, 28), "bench", &|_| {}).expect("demo");
        let nips: Vec<String> = store
            .iter_staff()
            .map(|s| s.expect("staff").nip.as_str().to_string())
            .collect();
        let mut w = kinerja::store::bulk::BulkWriter::new(&store);
        for nip in &nips {
            let mut group = store.training_group(nip).expect("group");
            let base = group.items.first().cloned();
            let Some(base) = base else { continue };
            while group.items.len() < 20 {
                let id = group.next_id.max(1);
                group.next_id = id + 1;
                group
                    .items
                    .push(kinerja::domain::Training { id, ..base.clone() });
            }
            w.put_trainings(nip, &group).expect("trainings");
        }
        w.finish("bench", kinerja::store::AuditAction::Demo, "bench top-up")
            .expect("finish");
    }
    store.close().expect("close");
    path
}

fn tabs_at_scale(c: &mut Criterion) {
    let path = scale_db();
    let mut group = c.benchmark_group("tabs_scale");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("beranda_filled", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
                let started = Instant::now();
                let store = Store::open(&path).expect("open");
                let mut app = App::new(store, options()).expect("app");
                draw(&mut term, &mut app);
                app.finish_loading().expect("load");
                draw(&mut term, &mut app);
                total += started.elapsed();
                app.into_store().close().expect("close");
            }
            total
        })
    });
    // Issue 23: the start the screens make when the last close kept their view
    // (`kinerja.view`): sled opens on a second thread while the view is read, as
    // `cli::screens_on` does; then Beranda's first frame, filled.
    {
        let store = Store::open(&path).expect("open");
        // A view is kept only for files a sound close left (the screens run `check` on
        // a database not known sound; so does this, once).
        if !store.known_sound() {
            store.check().expect("check");
        }
        let mut app = App::new(store, options()).expect("app");
        app.finish_loading().expect("load");
        let kept = app.view_to_keep();
        assert!(
            kept.is_some(),
            "a session that changed nothing keeps a view"
        );
        app.into_store().close_with_view(kept).expect("close");
    }
    // Read on the day it was kept (Beranda's counts from the view), and on another day
    // (the counts made again from the rows: the first start of each day, and every start
    // after a session that saved people's records). Each read of the second kind is a day
    // after the one before it, so no read finds counts of its own day.
    let mut day = 0i64;
    for (name, another_day) in [
        ("beranda_filled_from_the_view", false),
        ("beranda_filled_from_the_view_another_day", true),
    ] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let mut opts = options();
                    if another_day {
                        day = day % 30 + 1;
                        opts.today = opts
                            .today
                            .checked_add(jiff::Span::new().days(day))
                            .expect("date");
                    }
                    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
                    let started = Instant::now();
                    let fingerprint =
                        kinerja::store::view_file::sound_fingerprint(&path).expect("closed sound");
                    let (store, shared) = std::thread::scope(|scope| {
                        let opened = scope.spawn(|| Store::open(&path));
                        let key = kinerja::app::view_key(opts.today.year(), opts.jp)
                            .expect("the bench's own file");
                        let shared = kinerja::app::Shared::read_view(
                            &path,
                            fingerprint,
                            &key,
                            opts.today,
                            |_| {},
                        )
                        .expect("the view kept at the last close");
                        (opened.join().expect("thread").expect("open"), shared)
                    });
                    let mut app = App::from_view(store, shared, opts).expect("app");
                    draw(&mut term, &mut app);
                    total += started.elapsed();
                    let kept = app.view_to_keep();
                    app.into_store().close_with_view(kept).expect("close");
                }
                total
            })
        });
    }
    // What `cli::screens_on` draws while sled opens when the view holds the counts of the
    // day: the view's head read and checked, Beranda drawn on the terminal (the rows and
    // the store are not waited for).
    // The last close above was on another day: a session of the bench's day keeps its
    // counts.
    {
        let mut app = App::new(Store::open(&path).expect("open"), options()).expect("app");
        app.finish_loading().expect("load");
        let kept = app.view_to_keep();
        assert!(
            kept.is_some(),
            "a session that changed nothing keeps a view"
        );
        app.into_store().close_with_view(kept).expect("close");
    }
    group.bench_function("beranda_drawn_from_the_view_before_the_store_opens", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let opts = options();
            let ui = opts.ui();
            for _ in 0..iters {
                let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
                let started = Instant::now();
                let mut drawn = None;
                let fingerprint =
                    kinerja::store::view_file::sound_fingerprint(&path).expect("closed sound");
                let key = kinerja::app::view_key(opts.today.year(), opts.jp)
                    .expect("the bench's own file");
                kinerja::app::Shared::read_view(&path, fingerprint, &key, opts.today, |home| {
                    term.draw(|f| kinerja::app::draw_opening_home(f, &ui, opts.today, home))
                        .expect("draw");
                    drawn = Some(started.elapsed());
                })
                .expect("the view kept at the last close");
                total += drawn.expect("the counts of the day were drawn");
            }
            total
        })
    });
    let store = Store::open(&path).expect("open");
    let mut app = App::new(store, options()).expect("app");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    app.finish_loading().expect("load");
    // A switch back to the tab last built, nothing changed since: its data is kept
    // (`app/kept.rs`), the switch is a draw. Then a switch that builds the tab's data:
    // another tab was built in between (one slot is kept), untimed. Talenta's potentials
    // of the year are read once before (the app keeps them until a save): the first
    // Talenta of a session also reads them.
    for (name, tab, between) in [
        ("switch_to_pelatihan", '3', None),
        ("switch_to_laporan", '4', None),
        ("switch_to_talenta", '5', None),
        ("switch_to_pelatihan_built", '3', Some('4')),
        ("switch_to_laporan_built", '4', Some('3')),
        ("switch_to_talenta_built", '5', Some('4')),
    ] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    if let Some(other) = between {
                        key(&mut app, KeyCode::Char('2'));
                        key(&mut app, KeyCode::Char(other));
                    }
                    key(&mut app, KeyCode::Char('2'));
                    let started = Instant::now();
                    key(&mut app, KeyCode::Char(tab));
                    draw(&mut term, &mut app);
                    total += started.elapsed();
                    // As the loop does once the frame is out: the data replaced is let go.
                    app.after_frame();
                }
                total
            })
        });
    }
    // Kompetensi (issue 13): `K` from Pelatihan draws the matrix of every unit (the
    // catalogue and units read, one pass over the rows in memory); Esc goes back untimed.
    key(&mut app, KeyCode::Char('3'));
    group.bench_function("kompetensi_all_units", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                key(&mut app, KeyCode::Char('K'));
                draw(&mut term, &mut app);
                total += started.elapsed();
                key(&mut app, KeyCode::Esc);
            }
            total
        })
    });
    group.finish();
    drop(app);
    competency_at_scale(c, &path);
}

/// The Kompetensi view's computations on the scale database's rows: the matrix and the
/// urgency list of the widest gap, for all units and for the biggest unit.
fn competency_at_scale(c: &mut Criterion, path: &std::path::Path) {
    use kinerja::model::staff_index::StaffIndex;
    use kinerja::views::competency_view::{CompetencyData, gap_list, matrix};
    let store = Store::open(path).expect("open");
    let index = StaffIndex::build(
        store.iter_summaries(),
        std::collections::HashMap::new(),
        2026,
    )
    .expect("rows");
    let data = CompetencyData {
        catalogue: store.competencies().expect("catalogue"),
        requirements: store.requirements().expect("requirements"),
    };
    let on = date(2026, 11, 28);
    let mut sizes: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for s in store.iter_summaries() {
        *sizes.entry(s.expect("summary").unit_id).or_default() += 1;
    }
    let biggest = sizes
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(u, _)| u)
        .expect("units");
    let all = matrix(&index, None, &data, on);
    let widest = all
        .totals
        .iter()
        .enumerate()
        .max_by_key(|(_, t)| **t)
        .and_then(|(i, _)| all.columns.get(i).copied())
        .unwrap_or(0);
    let mut group = c.benchmark_group("kompetensi_scale");
    group.sample_size(10);
    group.bench_function("matrix_all_units", |b| {
        b.iter(|| matrix(&index, None, &data, on))
    });
    group.bench_function("matrix_one_unit", |b| {
        b.iter(|| matrix(&index, Some(&biggest), &data, on))
    });
    group.bench_function("list_all_units", |b| {
        b.iter(|| gap_list(&index, None, None, &data, widest, on))
    });
    group.bench_function("list_one_unit", |b| {
        b.iter(|| gap_list(&index, Some(&biggest), None, &data, widest, on))
    });
    // Mitra: the competencies one partner closed in a year, for the private partner with
    // the most participants: the count kept per partner and year (issue 23), and the
    // same figure read from the trainings of everyone the people index names (before).
    let (_, partners) = store.training_stats(2026).expect("stats");
    let busiest = partners
        .iter()
        .filter(|p| p.kind != kinerja::domain::OrganiserKind::Pemerintah)
        .max_by_key(|p| p.participants)
        .map(|p| p.name.clone())
        .expect("a private partner");
    let partner = store
        .partners()
        .expect("partners")
        .into_iter()
        .find(|p| p.name == busiest)
        .expect("the partner is recorded");
    group.bench_function("partner_competencies_closed", |b| {
        b.iter(|| {
            kinerja::views::partners::competencies_closed(&store, &partner, 2026).expect("count")
        })
    });
    group.bench_function("partner_competencies_closed_by_reading", |b| {
        b.iter(|| {
            kinerja::views::partners::competencies_closed_by_reading(&store, &partner, 2026)
                .expect("count")
        })
    });
    // A requirement saved again: its transaction marks the kept counts stale and the save
    // recounts them for every partner and year (a pass over every person's trainings).
    let requirement = store
        .requirements()
        .expect("requirements")
        .into_iter()
        .next()
        .expect("a requirement");
    group.bench_function("requirement_save_recounts_closed", |b| {
        b.iter(|| {
            store
                .save_requirement(&requirement, "bench")
                .expect("requirement")
        })
    });
    group.finish();
}

criterion_group!(benches, screens, tabs_at_scale);
criterion_main!(benches);
