//! A damaged or loosely kept database directory: never a panic, a message that names the
//! fault; loose modes tightened; an incomplete snapshot set aside.

mod common;

use kinerja::store::{Store, StoreError};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A closed demo database (60 staff) in `dir/db`.
fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("db");
    let store = Store::open(&db).unwrap();
    kinerja::demo::fill(&store, 60, 1, jiff::civil::date(2026, 11, 28), "t", &|_| {}).unwrap();
    store.close().unwrap();
    db
}

#[test]
fn loose_file_modes_are_tightened_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    for e in std::fs::read_dir(&db).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
    }
    // Files sled writes itself follow the process umask, which the binary sets to 077.
    // SAFETY: umask only sets the process's file-creation mask.
    unsafe {
        libc::umask(0o077);
    }
    let store = Store::open(&db).unwrap();
    for e in std::fs::read_dir(&db).unwrap() {
        let e = e.unwrap();
        let mode = e.metadata().unwrap().permissions().mode() & 0o777;
        if e.path().is_file() {
            assert_eq!(mode, 0o600, "{:?}", e.file_name());
        }
    }
    store.close().unwrap();
}

#[test]
fn an_incomplete_snapshot_is_set_aside_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    std::fs::write(
        db.join("snap.00000000DEADBEEF.generating"),
        b"half a snapshot",
    )
    .unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(store.open_notes().len(), 1, "{:?}", store.open_notes());
    assert!(store.open_notes()[0].contains("moved aside"));
    assert!(
        db.join("set-aside.snap.00000000DEADBEEF.generating")
            .exists()
    );
    assert!(!db.join("snap.00000000DEADBEEF.generating").exists());
    assert!(store.check().unwrap().damage.is_empty());
}

/// Every file of a demo database truncated, overwritten in the middle, 64 KiB of it zeroed
/// from the middle, or removed, one at a time, in a fresh copy: opening never panics nor
/// hangs; it opens with every staff record (and `check` then runs to its end) or says the
/// files are damaged. Never an empty database that looks sound.
#[test]
fn damaged_copies_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let files: Vec<PathBuf> = std::fs::read_dir(&db)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.ends_with("kinerja.lock"))
        .collect();
    assert!(files.len() >= 2, "{files:?}");
    let mut variants = 0;
    let mut refused = 0;
    for (i, file) in files.iter().enumerate() {
        for how in ["truncate", "overwrite", "zero", "remove"] {
            let copy = dir.path().join(format!("copy-{i}-{how}"));
            common::copy_dir(&db, &copy);
            let target = copy.join(file.file_name().unwrap());
            let len = std::fs::metadata(&target).unwrap().len();
            match how {
                "truncate" => {
                    let f = std::fs::OpenOptions::new()
                        .write(true)
                        .open(&target)
                        .unwrap();
                    f.set_len(len / 2).unwrap();
                }
                "overwrite" => {
                    let mut bytes = std::fs::read(&target).unwrap();
                    let mid = bytes.len() / 2;
                    let end = (mid + 64).min(bytes.len());
                    bytes[mid..end].fill(0xFF);
                    std::fs::write(&target, bytes).unwrap();
                }
                "zero" => {
                    let mut bytes = std::fs::read(&target).unwrap();
                    let mid = bytes.len() / 2;
                    bytes.resize(bytes.len().max(mid + 65536), 0);
                    bytes[mid..mid + 65536].fill(0);
                    std::fs::write(&target, bytes).unwrap();
                }
                _ => std::fs::remove_file(&target).unwrap(),
            }
            variants += 1;
            match Store::open(&copy) {
                Ok(store) => {
                    assert_eq!(store.iter_staff().count(), 60, "{how} {target:?}");
                    // Whatever it finds, check reports it rather than crashing.
                    let _ = store.check();
                }
                Err(StoreError::Damaged { detail, .. }) => {
                    refused += 1;
                    let _ = detail;
                }
                Err(other) => {
                    refused += 1;
                    assert!(!other.to_string().is_empty());
                }
            }
        }
    }
    eprintln!("damaged copies: {variants} variants, {refused} refused with a message");
    assert_eq!(variants, files.len() * 4);
}

/// The way back end to end: a command that changed data leaves an automatic backup;
/// `backup --list` shows it even when the database cannot be opened; the damage message
/// names it with the exact restore command, which brings every record back.
#[test]
fn a_damaged_database_names_its_newest_automatic_backup_and_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .output()
            .unwrap()
    };
    let out = run(&["demo", "--staff", "40"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("automatic backup written"));
    let listed = String::from_utf8_lossy(&run(&["backup", "--list"]).stdout).into_owned();
    assert!(listed.contains("db-backups/kinerja-"), "{listed}");
    // The data file lost: sled would open an empty database.
    std::fs::remove_file(db.join("db")).unwrap();
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(message.contains("damaged"), "{message}");
    assert!(message.contains("newest automatic backup"), "{message}");
    let listed = String::from_utf8_lossy(&run(&["backup", "--list"]).stdout).into_owned();
    assert!(
        listed.contains("kinerja-"),
        "the list works on a damaged database: {listed}"
    );
    // The command the message gives, as given.
    let command = message
        .split('`')
        .find(|s| s.starts_with("kinerja --db"))
        .expect("the restore command in backquotes")
        .to_string();
    let words: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(words[0], "kinerja");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(&words[1..])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let restored = Store::open(Path::new(words[2])).unwrap();
    assert_eq!(restored.iter_staff().count(), 40);
}

/// How long one command on a damaged copy may take before it counts as hung: a debug
/// `check` of the demo below takes about 0.3 s on the 2-core build machine.
const HANG: std::time::Duration = std::time::Duration::from_secs(5);

/// A command on a damaged copy: its exit code (None: killed after [`HANG`]) and stderr.
fn run_bounded(db: &Path, args: &[&str], config: &Path) -> (Option<i32>, String) {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let text = reader.join().unwrap();
    match status {
        Some(s) => (s.code(), text),
        None => (None, text),
    }
}

/// Every 64 KiB of every file of a fresh demo database zeroed in turn (issue 24: some
/// offsets of `db` made sled's iterators return the same error forever, and `check`,
/// `export` and the screens spun at 100% CPU): `check` and `export staff` each end within
/// [`HANG`], never panic, and either succeed (the range held nothing live) or say the
/// files are damaged with the newest automatic backup and the command that restores it.
#[test]
fn zeroed_ranges_in_every_file_end_with_the_damage_message_and_the_way_back() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let db = dir.path().join("db");
    // 150 staff: before the fix, two offsets of its `db` file hung every read.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(&db)
        .args(["demo", "--staff", "150"])
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut files = Vec::new();
    let mut stack = vec![db.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p.strip_prefix(&db).unwrap().to_path_buf());
            }
        }
    }
    files.sort();
    const RANGE: u64 = 64 * 1024;
    let (mut runs, mut sound, mut refused) = (0, 0, 0);
    let mut faults = Vec::new();
    let copy = dir.path().join("copy");
    // The copy sits beside the original, so its backups directory is another one: give it
    // the original's, as an officer's damaged database would have.
    let copy_backups = dir.path().join("copy-backups");
    common::copy_dir(&dir.path().join("db-backups"), &copy_backups);
    for file in &files {
        let len = std::fs::metadata(db.join(file)).unwrap().len();
        for start in (0..len.max(1)).step_by(RANGE as usize) {
            for args in [&["check"][..], &["export", "staff"][..]] {
                let _ = std::fs::remove_dir_all(&copy);
                common::copy_dir(&db, &copy);
                {
                    use std::io::{Seek, Write};
                    let mut f = std::fs::OpenOptions::new()
                        .write(true)
                        .open(copy.join(file))
                        .unwrap();
                    f.seek(std::io::SeekFrom::Start(start)).unwrap();
                    f.write_all(&[0u8; RANGE as usize]).unwrap();
                }
                runs += 1;
                let what = format!("{args:?} with {} zeroed from {start}", file.display());
                match run_bounded(&copy, args, &config) {
                    (None, _) => faults.push(format!("{what}: still running after {HANG:?}")),
                    (Some(0), _) => sound += 1,
                    (Some(code), text) => {
                        let way_back = text.contains("damaged")
                            && text.contains("kinerja-")
                            && text.contains("restore");
                        if (code == 1 || code == 2) && way_back {
                            refused += 1;
                        } else {
                            faults.push(format!("{what}: exit {code}: {text}"));
                        }
                    }
                }
            }
        }
    }
    eprintln!(
        "zeroed ranges: {} files, {runs} runs: {sound} ended sound, {refused} refused naming the backup, {} faults",
        files.len(),
        faults.len()
    );
    assert!(faults.is_empty(), "{faults:#?}");
}

/// A closed database whose files nobody touched since is known sound; any write to its
/// files (a copy, damage, a kill) makes it unknown until `check` finds it sound again, and
/// a `check` that finds damage keeps it unknown across closes.
#[test]
fn a_database_is_known_sound_only_while_its_files_are_as_a_sound_close_left_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let store = Store::open(&db).unwrap();
    assert!(store.known_sound(), "a new database");
    kinerja::demo::fill(&store, 20, 1, jiff::civil::date(2026, 11, 28), "t", &|_| {}).unwrap();
    store.close().unwrap();
    let store = Store::open(&db).unwrap();
    assert!(store.known_sound(), "closed cleanly, untouched since");
    store.close().unwrap();
    // The same bytes written again: the file was touched, so it is not known any more.
    let bytes = std::fs::read(db.join("conf")).unwrap();
    std::fs::write(db.join("conf"), bytes).unwrap();
    let store = Store::open(&db).unwrap();
    assert!(!store.known_sound());
    assert!(store.check().unwrap().is_sound());
    assert!(store.known_sound(), "check found it sound");
    store.close().unwrap();
    let store = Store::open(&db).unwrap();
    assert!(store.known_sound());
    let nip = store.iter_staff().next().unwrap().unwrap().nip.to_string();
    store.close().unwrap();
    // A record damaged behind kinerja's back: check finds it, and it stays unknown.
    {
        let raw = sled::open(&db).unwrap();
        raw.open_tree("evaluations")
            .unwrap()
            .insert(nip.as_bytes(), &[1u8, 99, 99][..])
            .unwrap();
        raw.flush().unwrap();
    }
    let store = Store::open(&db).unwrap();
    assert!(!store.known_sound());
    assert!(!store.check().unwrap().is_sound());
    assert!(!store.known_sound());
    store.close().unwrap();
    assert!(!Store::open(&db).unwrap().known_sound());
}

/// The screens run `check` on a database not known sound and refuse a damaged one, naming
/// the damage, the newest automatic backup and the restore command (issue 24: they opened
/// it as if nothing were wrong).
#[test]
fn the_screens_refuse_a_database_check_calls_damaged_naming_the_way_back() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(&db)
        .args(["demo", "--staff", "20"])
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let nip = {
        let store = Store::open(&db).unwrap();
        let nip = store.iter_staff().next().unwrap().unwrap().nip.to_string();
        store.close().unwrap();
        nip
    };
    {
        let raw = sled::open(&db).unwrap();
        raw.open_tree("evaluations")
            .unwrap()
            .insert(nip.as_bytes(), &[1u8, 99, 99][..])
            .unwrap();
        raw.flush().unwrap();
    }
    let mut pty = common::pty::Pty::spawn(&["--db", db.to_str().unwrap()], home.path());
    let status = pty.wait_exit();
    let text = String::from_utf8_lossy(&pty.output()).into_owned();
    assert_eq!(status.code(), Some(2), "{text}");
    assert!(text.contains(&format!("evaluations/{nip}")), "{text}");
    assert!(
        text.contains("the screens do not open a damaged database"),
        "{text}"
    );
    assert!(
        text.contains("The newest automatic backup is") && text.contains("restore"),
        "{text}"
    );
    assert!(!text.contains("Beranda"), "no screen was drawn: {text}");
}
