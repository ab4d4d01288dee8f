//! The crash campaign: SIGKILL at random moments (a fixed seed, so a failure repeats) of
//! the demo, an import, a restore, a compact and of saves from the screens. After each kill the
//! database opens (or, for a restore cut short, is refused as damaged), `check` finds no
//! damage, and every save reported before the kill is there. The counts are printed
//! (`cargo test --test crash_loop -- --nocapture`).

mod common;

use kinerja::store::{Store, StoreError};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const KILLS_PER_KIND: u64 = 13;
const CHILD: &str = "KINERJA_CRASH_LOOP_CHILD";

/// A small deterministic generator for the delays (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn kinerja(db: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("kinerja starts")
}

/// Opens after a kill: sound (no damage found), or refused for an unfinished restore.
fn after_kill(db: &Path, restore: bool) -> &'static str {
    match Store::open(db) {
        Ok(store) => {
            let report = store.check().expect("check runs");
            assert!(
                report.damage.is_empty(),
                "damage after a kill of {}: {:?}",
                db.display(),
                report.damage
            );
            if store.open_notes().is_empty() {
                "sound"
            } else {
                "sound, cut short and said so"
            }
        }
        Err(StoreError::Damaged { detail, .. }) if restore && detail.contains("restore") => {
            "refused: restore unfinished"
        }
        Err(e) => panic!("after a kill the database does not open: {e}"),
    }
}

fn kill_after(mut child: std::process::Child, ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn sigkill_at_random_moments_loses_nothing_reported_saved() {
    if let Ok(db) = std::env::var(CHILD) {
        child_saves(&db);
    }
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let mut outcomes: std::collections::BTreeMap<String, u64> = Default::default();
    let mut found_saves = 0usize;
    let mut count = |kind: &str, outcome: &str| {
        *outcomes.entry(format!("{kind}: {outcome}")).or_default() += 1;
    };

    // A source for import and restore.
    let source = dir.path().join("source");
    let status = kinerja(&source, &["demo", "--staff", "300"])
        .wait()
        .unwrap();
    assert!(status.success());
    let staff_csv = dir.path().join("staff.csv");
    let evaluations_csv = dir.path().join("evaluations.csv");
    let backup = dir.path().join("source.bak");
    for (args, file) in [
        (vec!["export", "staff", "-o"], &staff_csv),
        (vec!["export", "evaluations", "-o"], &evaluations_csv),
        (vec!["backup"], &backup),
    ] {
        let mut args: Vec<&str> = args;
        args.push(file.to_str().unwrap());
        assert!(kinerja(&source, &args).wait().unwrap().success());
    }

    let source_counts = {
        let store = Store::open(&source).unwrap();
        let counts = store.counts().unwrap();
        store.close().unwrap();
        counts
    };
    for i in 0..KILLS_PER_KIND {
        // The demo, killed somewhere in its ~0.3 s.
        let db = dir.path().join(format!("demo-{i}"));
        kill_after(kinerja(&db, &["demo", "--staff", "300"]), rng.below(300));
        count("demo", after_kill(&db, false));

        // An import of staff then evaluations into a database that has the units.
        let db = dir.path().join(format!("import-{i}"));
        let child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("--db")
            .arg(&db)
            .args(["import", "staff"])
            .arg(&staff_csv)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        kill_after(child, rng.below(250));
        count("import", after_kill(&db, false));

        // A restore.
        let db = dir.path().join(format!("restore-{i}"));
        let mut args = vec!["restore"];
        args.push(backup.to_str().unwrap());
        kill_after(kinerja(&db, &args), rng.below(200));
        count("restore", after_kill(&db, true));

        // A compact of a copy of the source, which must come out whole, old or new.
        let db = dir.path().join(format!("compact-{i}"));
        common::copy_dir(&source, &db);
        kill_after(kinerja(&db, &["compact"]), rng.below(300));
        count("compact", after_kill(&db, false));
        let store = Store::open(&db).unwrap();
        assert_eq!(
            store.counts().unwrap().evaluations,
            source_counts.evaluations,
            "a compact cut short lost evaluations"
        );
        assert_eq!(store.counts().unwrap().staff, source_counts.staff);
        drop(store);

        // Saves from the screens' store calls, each announced when it returned.
        let db = dir.path().join(format!("saves-{i}"));
        common::session::make_demo_at(&db);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "sigkill_at_random_moments_loses_nothing_reported_saved",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, db.join("db"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let wait = rng.below(400);
        let reader = std::thread::spawn(move || {
            BufReader::new(out)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("saved ").map(str::to_string))
                .collect::<Vec<String>>()
        });
        std::thread::sleep(Duration::from_millis(wait));
        let _ = child.kill();
        let _ = child.wait();
        let reported = reader.join().unwrap();
        count("saves", after_kill(&db.join("db"), false));
        let store = Store::open(&db.join("db")).unwrap();
        for nip in &reported {
            let has = store
                .evaluations_of(nip)
                .unwrap()
                .iter()
                .any(|e| e.catatan == "crash loop");
            assert!(has, "a save reported before the kill is gone: {nip}");
        }
        found_saves += reported.len();
    }
    let kills = KILLS_PER_KIND * 5;
    eprintln!(
        "crash loop: {kills} kills, 0 losses; {found_saves} saves reported before a kill, all found"
    );
    for (what, n) in &outcomes {
        eprintln!("  {what}: {n}");
    }
}

/// In the child: saves a new evaluation for one person after another, announcing each
/// after its save returned, until killed.
fn child_saves(db: &str) -> ! {
    let store = Store::open(Path::new(db)).expect("child opens");
    let nips: Vec<String> = store
        .iter_staff()
        .filter_map(Result::ok)
        .map(|s| s.nip.as_str().to_string())
        .collect();
    for nip in nips {
        let mut e = common::evaluation(
            2026,
            // A month the demo never evaluates.
            kinerja::domain::PeriodKind::Bulanan(1),
            kinerja::domain::Rating::Sesuai,
            kinerja::domain::Rating::Sesuai,
        );
        e.catatan = "crash loop".into();
        if store.save_evaluation(&nip, &e, "crash").is_ok() {
            println!("saved {nip}");
        }
    }
    loop {
        std::thread::sleep(Duration::from_secs(60));
    }
}
