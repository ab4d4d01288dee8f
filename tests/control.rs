//! The control socket (issue 22): while a server holds the database, the command line's
//! `backup FILE`, `export`, `check`, `officer` and `print` are carried out by it, with the
//! output and exit status of a direct run. The server runs in this process (the SSH
//! server, the control socket and the automatic backups, as `kinerja serve` starts them);
//! the command line is the real binary, as an officer's shell runs it.

mod common;
#[path = "common/ssh.rs"]
mod ssh;

use kinerja::cli::autobackup;
use kinerja::cli::control::{self, Control};
use kinerja::domain::{PeriodKind, Rating, Role, Unit, UnitKind};
use kinerja::serve::{Settings, hostkey};
use kinerja::store::Store;
use russh::keys::PrivateKey;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ssh::{Term, key, login, officer};

/// How long a terminal waits for what it expects (the server also runs commands here).
const WAIT: Duration = Duration::from_secs(20);

const RINA: &str = "198503302010012002";

/// A served database: the SSH server, the control socket and the automatic backups over
/// one store, as `kinerja serve` runs them.
struct Served {
    dir: tempfile::TempDir,
    db: PathBuf,
    store: Store,
    running: Option<kinerja::serve::Running>,
    control: Option<Control>,
    backups: Option<autobackup::Timer>,
    keys: (PrivateKey, PrivateKey),
}

impl Served {
    fn start() -> Served {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        let store = Store::open(&db).unwrap();
        let pkm = common::unit();
        store.save_unit(&pkm, "t").unwrap();
        store.save_staff(&common::staff(RINA), "t").unwrap();
        let last_year =
            common::evaluation(2024, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
        store.save_evaluation(RINA, &last_year, "t").unwrap();
        let (ka, kb) = (key(), key());
        store
            .save_officer(&officer("ani", Role::Admin, &[], &ka), true, "t")
            .unwrap();
        store
            .save_officer(&officer("budi", Role::Penilai, &[&pkm.id], &kb), true, "t")
            .unwrap();
        let settings = Settings {
            listen: "127.0.0.1:0".parse().unwrap(),
            max_sessions: 5,
            idle: Duration::from_secs(120),
            limits: Default::default(),
            base: common::session::options(
                kinerja::ui::lang::Lang::Id,
                kinerja::ui::theme::Theme::default(),
            ),
        };
        let host = hostkey::load_or_create(&dir.path().join("host")).unwrap();
        let authorize = kinerja::serve::officers_of(store.clone());
        let running = kinerja::serve::start(store.clone(), settings, host, authorize).unwrap();
        let backups = autobackup::Timer::start(
            store.clone(),
            db.clone(),
            autobackup::DEFAULT_KEPT,
            kinerja::cli::today,
        )
        .unwrap();
        let control = Control::start(store.clone(), &db).unwrap();
        Served {
            dir,
            db,
            store,
            running: Some(running),
            control: Some(control),
            backups: Some(backups),
            keys: (ka, kb),
        }
    }

    fn addr(&self) -> std::net::SocketAddr {
        self.running.as_ref().unwrap().addr
    }

    /// `kinerja --db DB ARGS` as user `tester`, in the temporary directory.
    fn cli(&self, args: &[&str]) -> Output {
        cli(self.dir.path(), &self.db, args)
    }

    /// Stops the server: the store is closed and the database free for direct runs.
    fn stop(mut self) -> (tempfile::TempDir, PathBuf) {
        self.running.take().unwrap().stop().unwrap();
        drop(self.control.take());
        drop(self.backups.take());
        self.store.close().unwrap();
        (self.dir, self.db)
    }
}

fn cli(dir: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("USER", "tester")
        .env_remove("KINERJA_DB")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn said(o: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_backup_taken_while_two_sessions_work_restores_to_the_same_exports() {
    let served = Served::start();
    // The server's own automatic backup of today, taken at its start.
    assert_eq!(autobackup::list(&served.db).len(), 1, "the start's backup");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(control::socket_path(&served.db))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "the socket is the server user's only");

    // While the sessions work, another writer saves staff and the CLI takes backups.
    let working = Arc::new(AtomicBool::new(true));
    let writer = {
        let store = served.store.clone();
        let working = Arc::clone(&working);
        // In a unit of their own: the penilai's list keeps only Rina.
        let sd = Unit::new("SD Negeri 060968", UnitKind::Pendidikan, None);
        served.store.save_unit(&sd, "t").unwrap();
        std::thread::spawn(move || {
            let mut n = 0u32;
            while working.load(Ordering::Acquire) && n < 500 {
                let mut s = common::staff(&format!("19850330201001{}", 2100 + n));
                s.nama = format!("Pegawai {n}");
                s.unit_id = sd.id.clone();
                store.save_staff(&s, "writer").unwrap();
                n += 1;
            }
            n
        })
    };
    let backups = {
        let (dir, db) = (served.dir.path().to_path_buf(), served.db.clone());
        let working = Arc::clone(&working);
        std::thread::spawn(move || {
            let mut taken = Vec::new();
            while (working.load(Ordering::Acquire) && taken.len() < 20) || taken.is_empty() {
                let name = format!("during-{}.bak", taken.len());
                let out = cli(&dir, &db, &["backup", &name]);
                assert_eq!(code(&out), 0, "{}", said(&out));
                // check walks one state too: a save between two trees is no damage.
                let out = cli(&dir, &db, &["check"]);
                assert_eq!(code(&out), 0, "{}", said(&out));
                taken.push(dir.join(name));
            }
            taken
        })
    };
    let (ka, kb) = served.keys.clone();
    let addr = served.addr();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let mut a = Term::open_for(addr, "ani", &ka, WAIT).await;
        let mut b = Term::open_for(addr, "budi", &kb, WAIT).await;
        a.wait_for("Beranda").await;
        b.wait_for("Beranda").await;
        // The admin reads the list and Rina's record; the penilai evaluates her.
        a.send(b"2").await;
        b.send(b"2").await;
        b.wait_for("Rina Siregar").await;
        b.send(b"\r").await;
        b.wait_for("Evaluasi").await;
        b.send(b"e").await;
        b.wait_for("Budi Nasution").await;
        for k in [&b"\r"[..], b"1", b"2222222", &[0x13]] {
            b.send(k).await;
        }
        b.wait_for("tersimpan").await;
        a.wait_for("Rina Siregar").await;
        a.send(b"\r").await;
        a.wait_for("Evaluasi").await;
        a.send(b"q").await;
        b.send(b"q").await;
    });
    working.store(false, Ordering::Release);
    let written = writer.join().unwrap();
    let during = backups.join().unwrap();
    assert!(written > 0);

    // Every backup taken meanwhile restores (restore judges every record first) and
    // passes check: none caught a change half written.
    for (i, file) in during.iter().enumerate() {
        let new = served.dir.path().join(format!("restored-{i}"));
        let out = cli(
            served.dir.path(),
            &new,
            &["restore", file.to_str().unwrap()],
        );
        assert_eq!(code(&out), 0, "{}: {}", file.display(), said(&out));
        let out = cli(served.dir.path(), &new, &["check"]);
        assert_eq!(code(&out), 0, "{}: {}", file.display(), said(&out));
    }

    // Taken now, a backup restores to the exports the live database gives.
    let out = served.cli(&["backup", "now.bak"]);
    assert_eq!(code(&out), 0, "{}", said(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("now.bak"),
        "{}",
        said(&out)
    );
    let file = served.dir.path().join("now.bak");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "written by the server, private");
    let restored = served.dir.path().join("restored");
    let out = cli(served.dir.path(), &restored, &["restore", "now.bak"]);
    assert_eq!(code(&out), 0, "{}", said(&out));
    for kind in ["staff", "evaluations"] {
        let live = served.cli(&["export", kind]);
        assert_eq!(code(&live), 0, "{}", said(&live));
        let back = cli(served.dir.path(), &restored, &["export", kind]);
        assert_eq!(code(&back), 0, "{}", said(&back));
        assert!(live.stdout.len() > 100, "{}", said(&live));
        assert_eq!(
            String::from_utf8_lossy(&live.stdout),
            String::from_utf8_lossy(&back.stdout),
            "export {kind}"
        );
    }
    // The penilai's save is in it.
    let evaluations = served.cli(&["export", "evaluations"]);
    assert!(
        String::from_utf8_lossy(&evaluations.stdout).contains("2025"),
        "{}",
        said(&evaluations)
    );
    served.stop();
}

#[test]
fn exports_and_exit_statuses_through_the_server_are_those_of_a_direct_run() {
    let served = Served::start();
    let ok = served.cli(&["check"]);
    assert_eq!(code(&ok), 0, "{}", said(&ok));
    assert!(String::from_utf8_lossy(&ok.stdout).starts_with("ok: 1 staff"));
    // Each command as (arguments, expected status), run served and then directly.
    let cases: &[(&[&str], i32)] = &[
        (&["export", "staff"], 0),
        (&["export", "evaluations", "--year", "2024"], 0),
        (&["export", "audit", "--officer", "t"], 0),
        (&["export", "staff", "--year", "2024"], 2),
        (&["print", "profil", "199001152015032001"], 1),
        (&["--lang", "en", "profile", RINA, "--format", "txt"], 0),
        (&["officer", "list"], 0),
    ];
    let served_out: Vec<Output> = cases.iter().map(|(args, _)| served.cli(args)).collect();
    // A CLI that sends garbage, or goes away before its output, does not harm the
    // server: the next command runs.
    use std::io::Write;
    let socket = control::socket_path(&served.db);
    let mut junk = std::os::unix::net::UnixStream::connect(&socket).unwrap();
    junk.write_all(b"GET / HTTP/1.1\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    std::io::Read::read_to_end(&mut junk, &mut answer).unwrap();
    assert!(
        String::from_utf8_lossy(&answer).contains("not a kinerja control request"),
        "{answer:?}"
    );
    let request = control::Request {
        user: "tester".into(),
        cwd: served.dir.path().to_path_buf(),
        args: ["kinerja", "export", "evaluations"]
            .iter()
            .map(Into::into)
            .collect(),
        files: Vec::new(),
    };
    for _ in 0..3 {
        let mut gone = std::os::unix::net::UnixStream::connect(&socket).unwrap();
        gone.write_all(&request.encode()).unwrap();
        drop(gone);
    }
    // Restore cannot run on a served database: exit 2 saying to stop the service.
    let restore = served.cli(&["restore", "x.bak"]);
    assert_eq!(code(&restore), 2, "{}", said(&restore));
    assert!(
        String::from_utf8_lossy(&restore.stderr).contains("stop the service first"),
        "{}",
        said(&restore)
    );
    let (dir, db) = served.stop();
    assert!(
        !control::socket_path(&db).exists(),
        "the socket goes with the server"
    );
    for ((args, want), live) in cases.iter().zip(&served_out) {
        let direct = cli(dir.path(), &db, args);
        assert_eq!(code(live), *want, "served {args:?}: {}", said(live));
        assert_eq!(code(&direct), *want, "direct {args:?}: {}", said(&direct));
        assert_eq!(
            String::from_utf8_lossy(&live.stdout),
            String::from_utf8_lossy(&direct.stdout),
            "stdout of {args:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&live.stderr),
            String::from_utf8_lossy(&direct.stderr),
            "stderr of {args:?}"
        );
    }
}

#[test]
fn an_officer_added_while_serving_logs_in_without_a_restart() {
    let served = Served::start();
    let kc = key();
    // A relative key path: the CLI's directory, not the server's.
    std::fs::write(
        served.dir.path().join("cici.pub"),
        kc.public_key().to_openssh().unwrap(),
    )
    .unwrap();
    let addr = served.addr();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        assert!(
            login(addr, "cici", &kc).await.is_none(),
            "not an officer yet"
        );
    });
    let out = served.cli(&[
        "officer", "add", "cici", "--role", "viewer", "--key", "cici.pub",
    ]);
    assert_eq!(code(&out), 0, "{}", said(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cici added as viewer"),
        "{}",
        said(&out)
    );
    rt.block_on(async {
        let mut c = Term::open_for(addr, "cici", &kc, WAIT).await;
        c.wait_for("Beranda").await;
        c.wait_for("cici").await;
        c.send(b"q").await;
    });
    // Files are written by the server where the command was run, private.
    use std::os::unix::fs::PermissionsExt;
    let out = served.cli(&["export", "staff", "-o", "staff.csv"]);
    assert_eq!(code(&out), 0, "{}", said(&out));
    let file = served.dir.path().join("staff.csv");
    let stdout = served.cli(&["export", "staff"]);
    assert_eq!(std::fs::read(&file).unwrap(), stdout.stdout);
    let out = served.cli(&["print", "profil", RINA]);
    assert_eq!(code(&out), 0, "{}", said(&out));
    let pdf = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert_eq!(pdf.parent(), Some(served.dir.path()), "{}", said(&out));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    for f in [&file, &pdf] {
        let mode = std::fs::metadata(f).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{}", f.display());
    }
    // The audit names the user who ran the command, as for a local one.
    let audit = served.store.audit_recent(10).unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.actor == "tester" && e.record == "officers/cici"),
        "{audit:?}"
    );
    served.stop();
}

/// `kinerja serve` itself: the control socket and the backups start with it and go with it.
#[test]
fn kinerja_serve_carries_out_commands_and_backs_itself_up() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    {
        let store = Store::open(&db).unwrap();
        store.save_unit(&common::unit(), "t").unwrap();
        store.save_staff(&common::staff(RINA), "t").unwrap();
        store
            .save_officer(&officer("ani", Role::Admin, &[], &key()), true, "t")
            .unwrap();
        store.close().unwrap();
    }
    assert!(autobackup::list(&db).is_empty());
    let server = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(&db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("HOME", dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    struct Server(std::process::Child);
    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut server = Server(server);
    let log = Arc::new(std::sync::Mutex::new(String::new()));
    let mut lines = std::io::BufReader::new(server.0.stderr.take().unwrap()).lines();
    loop {
        let line = lines.next().expect("serve starts").unwrap();
        log.lock().unwrap().push_str(&line);
        log.lock().unwrap().push('\n');
        if line.contains("carried out here through") {
            break;
        }
    }
    let sink = Arc::clone(&log);
    let reader = std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let mut log = sink.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
    assert_eq!(autobackup::list(&db).len(), 1, "the start's backup");
    let out = cli(dir.path(), &db, &["check"]);
    assert_eq!(code(&out), 0, "{}", said(&out));
    let out = cli(dir.path(), &db, &["compact"]);
    assert_eq!(code(&out), 2, "{}", said(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("stop the service first"),
        "{}",
        said(&out)
    );
    let out = cli(dir.path(), &db, &["serve", "--listen", "127.0.0.1:0"]);
    assert_eq!(code(&out), 2, "{}", said(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("already served"),
        "{}",
        said(&out)
    );
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(server.0.id() as i32, libc::SIGTERM) };
    assert!(server.0.wait().unwrap().success());
    reader.join().unwrap();
    let log = log.lock().unwrap().clone();
    assert!(log.contains("automatic backup written to"), "{log}");
    assert!(
        log.contains("carried out `check` for tester (exit 0)"),
        "{log}"
    );
    assert!(
        !control::socket_path(&db).exists(),
        "the socket goes with the server"
    );
    // The stop kept the screens' view (issue 23): the next local start reads its one row
    // from it, not from the summaries.
    let today = jiff::Zoned::now().date();
    let fingerprint = kinerja::store::view_file::sound_fingerprint(&db).expect("closed sound");
    let key = kinerja::app::view_key_of(
        std::path::Path::new(env!("CARGO_BIN_EXE_kinerja")),
        today.year(),
        Default::default(),
    )
    .expect("the binary's key");
    let shared = kinerja::app::Shared::read_view(&db, fingerprint, &key, today, |_| {})
        .expect("a whole view kept at the stop");
    assert_eq!(shared.staff.total(), 1);
    // Stopped, the database is the command line's again.
    let out = cli(dir.path(), &db, &["check"]);
    assert_eq!(code(&out), 0, "{}", said(&out));
}
