//! `kinerja serve` with the real OpenSSH client, as an officer would use it: one session
//! reaches the staff list, saves an evaluation and quits; the evaluation is in the export.
//! Needs `ssh` and `ssh-keygen` (Debian: openssh-client); `.ci/run` installs them and sets
//! KINERJA_REQUIRE_SSH=1, so there a missing client fails instead of skipping.

mod common;

use kinerja::domain::{PeriodKind, Rating};
use kinerja::store::Store;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

#[test]
fn an_officer_saves_an_evaluation_through_openssh() {
    if !have("ssh") || !have("ssh-keygen") {
        assert!(
            std::env::var_os("KINERJA_REQUIRE_SSH").is_none(),
            "the OpenSSH client is missing: install openssh-client"
        );
        eprintln!("skipped: no OpenSSH client (install openssh-client)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let nip = "198503302010012002";
    {
        let store = Store::open(&db).unwrap();
        store.save_unit(&common::unit(), "t").unwrap();
        store.save_staff(&common::staff(nip), "t").unwrap();
        let e = common::evaluation(2024, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
        store.save_evaluation(nip, &e, "t").unwrap();
        store.close().unwrap();
    }
    let key = dir.path().join("id_ed25519");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(made.success());
    let bin = env!("CARGO_BIN_EXE_kinerja");
    let added = Command::new(bin)
        .arg("--db")
        .arg(&db)
        .args(["officer", "add", "ani", "--role", "admin", "--key"])
        .arg(key.with_extension("pub"))
        .output()
        .unwrap();
    assert!(added.status.success(), "{added:?}");

    let server = Command::new(bin)
        .arg("--db")
        .arg(&db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("HOME", dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Stopped (and waited for) on every way out, a failed assertion included.
    struct Server(std::process::Child);
    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut server = Server(server);
    let mut lines = BufReader::new(server.0.stderr.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve says where it listens").unwrap();
        if let Some(rest) = line.split("listening on 127.0.0.1:").nth(1) {
            break rest
                .split(';')
                .next()
                .unwrap()
                .trim()
                .parse::<u16>()
                .unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});

    let mut ssh = Command::new("ssh")
        .args(["-tt", "-p", &port.to_string(), "-i"])
        .arg(&key)
        .args([
            "-o",
            "StrictHostKeyChecking=accept-new",
            "-o",
            "BatchMode=yes",
            "-o",
        ])
        .arg(format!(
            "UserKnownHostsFile={}",
            dir.path().join("known_hosts").display()
        ))
        .arg("ani@127.0.0.1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(
            std::fs::File::create(dir.path().join("ssh.log")).unwrap(),
        ))
        .spawn()
        .unwrap();
    let ssh_log = || std::fs::read_to_string(dir.path().join("ssh.log")).unwrap_or_default();
    let mut input = ssh.stdin.take().unwrap();
    let mut output = ssh.stdout.take().unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = std::io::Read::read(&mut output, &mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let shows = |what: &str| {
        for _ in 0..100 {
            let bytes = seen.lock().unwrap().clone();
            let mut screen = vt100::Parser::new(24, 80, 0);
            screen.process(&bytes);
            if screen.screen().contents().contains(what) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    };
    let mut keys = |bytes: &[u8]| {
        input.write_all(bytes).unwrap();
        input.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    };
    assert!(shows("Beranda"), "no first screen over ssh: {}", ssh_log());
    keys(b"2");
    assert!(shows("1 / 1 ditampilkan"), "the staff list");
    keys(b"\r");
    keys(b"e");
    assert!(shows("Budi Nasution"), "the evaluation form");
    for k in [&b"\r"[..], b"1", b"2222222", &[0x13]] {
        keys(k);
    }
    assert!(shows("tersimpan"), "saved");
    // Back from the record to the list, then quit: the server closes the channel.
    keys(b"\x1b");
    keys(b"q");
    let mut status = None;
    for _ in 0..100 {
        status = ssh.try_wait().unwrap();
        if status.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let Some(status) = status else {
        let _ = ssh.kill();
        let bytes = seen.lock().unwrap().clone();
        let mut screen = vt100::Parser::new(24, 80, 0);
        screen.process(&bytes);
        panic!(
            "ssh did not end after quitting: {}\n{}",
            ssh_log(),
            screen.screen().contents()
        );
    };
    assert!(status.success(), "ssh ended with {status}");
    let _ = reader.join();

    // SIGTERM: the server closes cleanly and exits 0.
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(server.0.id() as i32, libc::SIGTERM) };
    assert!(server.0.wait().unwrap().success());
    let export = Command::new(bin)
        .arg("--db")
        .arg(&db)
        .args(["export", "evaluations"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&export.stdout);
    assert!(
        csv.lines()
            .any(|l| l.starts_with(&format!("{nip},2025,tahunan,1,"))),
        "{csv}"
    );
}
