//! The crash campaign: SIGKILL at random moments (a fixed seed, so a failure repeats) of
//! the demo, an import, a restore, a compact and of saves from the screens. After each kill the
//! database opens (or, for a restore cut short, is refused as damaged), `check` finds no
//! damage, and every save reported before the kill is there. The counts are printed
//! (`cargo test --test crash_loop -- --nocapture`).
//!
//! Issue 24 added three kinds: a restore of a crafted backup (its last entry damaged)
//! killed while it is judged, which writes nothing; the screens killed with a form open,
//! whose database the next screens check and open; and a copy of the source with 64 KiB of
//! zeros at a random offset of a random file, where `check` ends within [`HANG`] with the
//! database sound or the damage message and the way back.

mod common;

use kinerja::store::{Store, StoreError};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const KILLS_PER_KIND: u64 = 13;
/// The kinds of kill, for the total.
const KINDS: u64 = 8;
/// How long `check` on a damaged copy may run before it counts as hung.
const HANG: Duration = Duration::from_secs(5);
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

/// `backup` with one more tree at its end whose only entry cannot be read, and a valid
/// checksum: a crafted backup that restore must refuse after reading all the rest.
fn crafted_from(backup: &Path, crafted: &Path) {
    let mut bytes = std::fs::read(backup).unwrap();
    // Drop the end marker and the checksum, add the bad entry, end again.
    bytes.truncate(bytes.len() - 5);
    bytes.push(b'T');
    bytes.push(b"potentials".len() as u8);
    bytes.extend_from_slice(b"potentials");
    bytes.push(b'E');
    let key = b"198503302010011002";
    bytes.extend_from_slice(&(key.len() as u32).to_be_bytes());
    bytes.extend_from_slice(key);
    bytes.extend_from_slice(&3u32.to_be_bytes());
    bytes.extend_from_slice(&[1, 2, 3]);
    bytes.push(b'Z');
    let crc = crc32fast::hash(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    std::fs::write(crafted, bytes).unwrap();
}

/// `check` on a damaged copy, killed after [`HANG`]: its exit code (None: it hung) and
/// what it said.
fn check_bounded(db: &Path) -> (Option<i32>, String) {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .arg("check")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let started = std::time::Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (code, reader.join().unwrap())
}

/// Every regular file under `dir`, relative to it.
fn files_of(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
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
    let crafted = dir.path().join("crafted.bak");
    crafted_from(&backup, &crafted);
    {
        // Not killed, it is refused, and writes nothing.
        let db = dir.path().join("crafted-whole");
        let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("--db")
            .arg(&db)
            .arg("restore")
            .arg(&crafted)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(Store::open(&db).unwrap().is_empty());
    }
    let source_files = files_of(&source);
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
        kill_after(kinerja(&db, &args), rng.below(600));
        count("restore", after_kill(&db, true));

        // A restore of a crafted backup, killed while the backup is judged or after it
        // was refused: the database is sound and empty either way.
        let db = dir.path().join(format!("crafted-{i}"));
        kill_after(
            kinerja(&db, &["restore", crafted.to_str().unwrap()]),
            rng.below(600),
        );
        count("crafted restore", after_kill(&db, false));
        if db.exists() {
            let store = Store::open(&db).unwrap();
            assert!(store.is_empty(), "a crafted backup wrote records");
            assert!(store.audit_recent(1).unwrap().is_empty());
        }

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

        // The screens, killed with a form open and a note typed; then the screens again,
        // which check the database (not closed cleanly) and open it.
        let db = dir.path().join(format!("screens-{i}"));
        common::copy_dir(&source, &db);
        let home = tempfile::tempdir().unwrap();
        let arg = ["--db", db.to_str().unwrap()];
        let mut pty = common::pty::Pty::spawn(&arg, home.path());
        pty.wait_for(0, "Beranda");
        for keys in [&b"2"[..], b"\r", b"e", b"1"] {
            pty.send(keys);
            pty.settle(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_millis(rng.below(400)));
        let _ = pty.child.kill();
        let _ = pty.child.wait();
        drop(pty);
        count("screens", after_kill(&db, false));
        let mut pty = common::pty::Pty::spawn(&arg, home.path());
        pty.wait_for(0, "Beranda");
        pty.send(b"q");
        assert!(pty.wait_exit().success(), "the screens after a kill");

        // A damaged copy: check ends, sound or naming the damage and the way back.
        let db = dir.path().join(format!("zeroed-{i}"));
        common::copy_dir(&source, &db);
        let file = &source_files[rng.below(source_files.len() as u64) as usize];
        let len = std::fs::metadata(db.join(file)).unwrap().len();
        let start = rng.below(len / 65536 + 1) * 65536;
        {
            use std::io::{Seek, Write};
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(db.join(file))
                .unwrap();
            f.seek(std::io::SeekFrom::Start(start)).unwrap();
            f.write_all(&[0u8; 65536]).unwrap();
        }
        let what = format!("{} zeroed from {start}", file.display());
        match check_bounded(&db) {
            (None, _) => panic!("check hung on {what}"),
            (Some(0), _) => count("zeroed", "sound"),
            (Some(1 | 2), err) if err.contains("damaged") && err.contains("restore") => {
                count("zeroed", "refused, the way back named")
            }
            (code, err) => panic!("check on {what}: exit {code:?}: {err}"),
        }
    }
    let kills = KILLS_PER_KIND * (KINDS - 1);
    eprintln!(
        "crash loop: {kills} kills and {KILLS_PER_KIND} damaged copies, 0 losses; {found_saves} saves reported before a kill, all found"
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
