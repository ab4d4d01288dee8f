//! A save that has returned survives the process being killed with SIGKILL right after.
//!
//! As sled's own crash tests do, the test re-runs its own binary as a child process: the
//! child saves records and prints each one as it is saved; the parent kills it with
//! SIGKILL (`Child::kill` on Unix) as soon as it reads the line, then reopens the database.

mod common;

use common::{evaluation, staff, unit};
use kinerja::domain::{PeriodKind, Rating};
use kinerja::store::Store;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const CHILD_ENV: &str = "KINERJA_CRASH_CHILD_DB";
const NIPS: [&str; 3] = [
    "198503302010012002",
    "199001152015031001",
    "197712312002122003",
];

/// In the child: save, announce, then wait to be killed.
fn child(db: &str, round: usize) -> ! {
    let store = Store::open(std::path::Path::new(db)).expect("child opens the database");
    if round == 0 {
        store.save_unit(&unit(), "crash-test").expect("unit");
    }
    let nip = NIPS[round];
    store.save_staff(&staff(nip), "crash-test").expect("staff");
    let e = evaluation(2025, PeriodKind::Tahunan, Rating::DiAtas, Rating::DiAtas);
    store
        .save_evaluation(nip, &e, "crash-test")
        .expect("evaluation");
    println!("saved {nip}");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}

#[test]
fn saved_records_survive_sigkill_right_after_the_save() {
    if let Ok(db) = std::env::var(CHILD_ENV) {
        let round = std::env::var("KINERJA_CRASH_ROUND")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(0);
        child(&db, round);
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    for round in 0..NIPS.len() {
        let mut kid = Command::new(std::env::current_exe().unwrap())
            .args([
                "saved_records_survive_sigkill_right_after_the_save",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &db)
            .env("KINERJA_CRASH_ROUND", round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = kid.stdout.take().unwrap();
        // The harness prints its own text on the same line, so look for the marker inside.
        // If the child fails before saving, it exits and the stream ends.
        let saved = BufReader::new(out)
            .lines()
            .map_while(Result::ok)
            .find_map(|l| {
                l.split_once("saved ")
                    .map(|(_, nip)| nip.trim().to_string())
            });
        kid.kill().unwrap();
        let status = kid.wait().unwrap();
        assert_eq!(saved.as_deref(), Some(NIPS[round]));
        assert!(!status.success(), "the child was killed, not finished");

        let store = Store::open(&db).expect("reopen after SIGKILL");
        for nip in &NIPS[..=round] {
            let s = store.get_staff(nip).unwrap();
            assert!(s.is_some(), "staff {nip} lost after SIGKILL");
            let evals = store.evaluations_of(nip).unwrap();
            assert_eq!(evals.len(), 1, "evaluation of {nip} lost after SIGKILL");
        }
        assert!(store.check().unwrap().is_sound());
        store.close().unwrap();
    }
}
