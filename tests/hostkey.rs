//! The host key travels with the database (issue 22): a backup carries it, a restore into
//! another path keeps it, a database of an older version has its side file taken in, and
//! the real OpenSSH client with `StrictHostKeyChecking=yes` still connects after a restore.

mod common;

use kinerja::serve::hostkey;
use kinerja::store::Store;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

fn small_db(path: &Path) -> Store {
    let store = Store::open(path).unwrap();
    store.save_unit(&common::unit(), "t").unwrap();
    store
        .save_staff(&common::staff("198503302010012002"), "t")
        .unwrap();
    store
}

#[test]
fn a_restore_into_another_path_keeps_the_host_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let store = small_db(&db);
    let side = hostkey::path_for(&db);
    let made = hostkey::for_store(&store, &side, "t").unwrap();
    // Kept inside the database, not beside it; read back the same.
    assert!(!side.exists());
    assert!(store.host_key().unwrap().is_some());
    let again = hostkey::for_store(&store, &side, "t").unwrap();
    assert_eq!(hostkey::fingerprint(&made), hostkey::fingerprint(&again));
    // Audited by fingerprint, never the key.
    let entries = store.audit_of("meta/host_key").unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(
        entries[0].summary.contains(&hostkey::fingerprint(&made)),
        "{entries:?}"
    );
    assert!(!entries[0].summary.contains("PRIVATE"), "{entries:?}");
    let file = dir.path().join("b.kbak");
    store.backup(&file).unwrap();
    store.close().unwrap();

    let moved = dir.path().join("elsewhere").join("db2");
    let restored = Store::open(&moved).unwrap();
    restored.restore(&file, "t", false).unwrap();
    let key = hostkey::for_store(&restored, &hostkey::path_for(&moved), "t").unwrap();
    assert_eq!(hostkey::fingerprint(&key), hostkey::fingerprint(&made));
    assert!(restored.check().unwrap().is_sound());
}

#[test]
fn an_older_databases_side_key_is_taken_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let store = small_db(&db);
    let side = hostkey::path_for(&db);
    let old = hostkey::load_or_create(&side).unwrap();
    let key = hostkey::for_store(&store, &side, "t").unwrap();
    assert_eq!(hostkey::fingerprint(&key), hostkey::fingerprint(&old));
    let entries = store.audit_of("meta/host_key").unwrap();
    assert!(entries[0].summary.contains("taken in"), "{entries:?}");
    // Inside now: the side file is no longer needed.
    std::fs::remove_file(&side).unwrap();
    let again = hostkey::for_store(&store, &side, "t").unwrap();
    assert_eq!(hostkey::fingerprint(&again), hostkey::fingerprint(&old));
}

#[test]
fn a_damaged_host_key_in_a_backup_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = small_db(&dir.path().join("db"));
    store.keep_host_key(b"not a key", "t", "crafted").unwrap();
    assert!(!store.check().unwrap().is_sound());
    let file = dir.path().join("b.kbak");
    store.backup(&file).unwrap();
    let other = Store::open(&dir.path().join("db2")).unwrap();
    let e = other.restore(&file, "t", false).unwrap_err().to_string();
    assert!(e.contains("host key"), "{e}");
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

struct Server(std::process::Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(db: &Path, home: &Path) -> (Server, u16) {
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("--db")
            .arg(db)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("HOME", home)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut lines = BufReader::new(server.0.stderr.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve says where it listens").unwrap();
        if let Some(rest) = line.split("listening on 127.0.0.1:").nth(1) {
            break rest.split(';').next().unwrap().trim().parse().unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (server, port)
}

/// Connects with OpenSSH under one host alias (ports differ between servers) and asks
/// for a command, which the server refuses after authentication; returns ssh's log.
fn connect(dir: &Path, key: &Path, port: u16, strict: &str) -> String {
    let out = Command::new("ssh")
        .args(["-v", "-p", &port.to_string(), "-i"])
        .arg(key)
        .args(["-o", "BatchMode=yes", "-o", "HostKeyAlias=kinerja-office"])
        .arg("-o")
        .arg(format!("StrictHostKeyChecking={strict}"))
        .arg("-o")
        .arg(format!(
            "UserKnownHostsFile={}",
            dir.join("known_hosts").display()
        ))
        .args(["ani@127.0.0.1", "true"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn kinerja(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn openssh_with_strict_host_key_checking_connects_after_a_restore() {
    if !have("ssh") || !have("ssh-keygen") {
        assert!(
            std::env::var_os("KINERJA_REQUIRE_SSH").is_none(),
            "the OpenSSH client is missing: install openssh-client"
        );
        eprintln!("skipped: no OpenSSH client (install openssh-client)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("db");
    small_db(&db).close().unwrap();
    let key = home.join("id_ed25519");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(made.success());
    let pubkey = key.with_extension("pub");
    let added = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(&db)
        .args(["officer", "add", "ani", "--role", "admin", "--key"])
        .arg(&pubkey)
        .output()
        .unwrap();
    assert!(added.status.success(), "{added:?}");
    // A backup from before the server ever ran holds no host key.
    let keyless = home.join("keyless.kbak");
    assert!(
        kinerja(&db, &["backup", keyless.to_str().unwrap()])
            .status
            .success()
    );

    let printed = kinerja(&db, &["serve", "--fingerprint"]);
    assert!(printed.status.success(), "{printed:?}");
    let printed = String::from_utf8_lossy(&printed.stdout).into_owned();
    {
        let (server, port) = serve(&db, home);
        // While it runs, --fingerprint reads the public half it wrote.
        let held = kinerja(&db, &["serve", "--fingerprint"]);
        assert_eq!(String::from_utf8_lossy(&held.stdout), printed, "{held:?}");
        let log = connect(home, &key, port, "accept-new");
        assert!(log.contains("Authenticated to"), "{log}");
        drop(server);
    }
    let backup = home.join("with-key.kbak");
    assert!(
        kinerja(&db, &["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    // The office moves: the old directory and everything beside it gone.
    std::fs::remove_dir_all(&db).unwrap();
    for p in [hostkey::path_for(&db), hostkey::public_path_for(&db)] {
        let _ = std::fs::remove_file(p);
    }
    let restored = home.join("new").join("db");
    let r = kinerja(&restored, &["restore", backup.to_str().unwrap()]);
    assert!(r.status.success(), "{r:?}");
    let after = kinerja(&restored, &["serve", "--fingerprint"]);
    assert_eq!(String::from_utf8_lossy(&after.stdout), printed);
    {
        let (_server, port) = serve(&restored, home);
        let log = connect(home, &key, port, "yes");
        assert!(log.contains("Authenticated to"), "{log}");
        assert!(!log.contains("verification failed"), "{log}");
    }
    // The check is real: a database restored from the keyless backup has a new key,
    // which the same client refuses.
    let other = home.join("other");
    assert!(
        kinerja(&other, &["restore", keyless.to_str().unwrap()])
            .status
            .success()
    );
    let (_server, port) = serve(&other, home);
    let log = connect(home, &key, port, "yes");
    assert!(log.contains("Host key verification failed"), "{log}");
    assert!(!log.contains("Authenticated to"), "{log}");
}
