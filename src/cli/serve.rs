//! `kinerja serve`: the host key, the settings from the config file, a marker beside the
//! database saying how to connect, and the server run until a signal.

use super::{Failure, config, os_user, today};
use crate::serve::{self, Settings, hostkey};
use crate::store::Store;
use crate::ui::lang::Lang;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The marker `serve` keeps in the database directory while it runs: how to connect.
const MARKER: &str = "kinerja.serve";

fn marker_path(db: &Path) -> PathBuf {
    db.join(MARKER)
}

/// For a database held by `kinerja serve`: the line that says how to connect instead.
pub fn connect_hint(db: &Path) -> Option<String> {
    let text = std::fs::read_to_string(marker_path(db)).ok()?;
    let port = text
        .lines()
        .find_map(|l| l.strip_prefix("port "))?
        .trim()
        .parse::<u16>()
        .ok()?;
    Some(format!(
        "It is served by `kinerja serve`: connect with `ssh -p {port} NAME@HOST` (NAME: your officer name, HOST: this server)"
    ))
}

fn no_database(db: &Path) -> Failure {
    Failure::cannot_run(format!(
        "there is no database at {}; check --db, or create one with `kinerja demo` or `kinerja import staff FILE`",
        db.display()
    ))
}

pub fn run(
    db: &Path,
    db_given: bool,
    listen: Option<&str>,
    fingerprint: bool,
    lang: Option<Lang>,
    ascii: bool,
) -> Result<(), Failure> {
    // Beside the real directory (not inside it when --db is `.` or a symlink).
    let real = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    let (key_path, public_path) = (hostkey::path_for(&real), hostkey::public_path_for(&real));
    if fingerprint {
        if !db.exists() {
            return Err(no_database(db));
        }
        match Store::open(db) {
            Ok(store) => {
                let key = hostkey::for_store(&store, &key_path, &os_user())
                    .map_err(Failure::cannot_run)?;
                let _ = hostkey::write_public(&public_path, &key);
                store.close()?;
                say!("{}", hostkey::fingerprint_for_officers(&key));
            }
            // The server holds it: the public half it wrote at its start.
            Err(held @ crate::store::StoreError::Locked { .. }) => {
                let public = hostkey::read_public(&public_path).map_err(|_| Failure::from(held))?;
                say!("{}", hostkey::officers_form(&public));
            }
            Err(e) => return Err(e.into()),
        }
        return Ok(());
    }
    let listen = listen.unwrap_or(serve::DEFAULT_LISTEN);
    let addr: std::net::SocketAddr = listen.parse().map_err(|_| {
        Failure::cannot_run(format!(
            "--listen {listen:?}: give an address and port, e.g. 127.0.0.1:2222 or 0.0.0.0:2222"
        ))
    })?;
    let (config, warnings) = config::default_path()
        .map(|p| config::load(&p))
        .unwrap_or_default();
    for w in warnings {
        tell!("kinerja: {w}");
    }
    if !db.exists() {
        return Err(no_database(db));
    }
    let store = match Store::open(db) {
        Ok(store) => store,
        Err(e @ crate::store::StoreError::Locked { .. }) => {
            return Err(match connect_hint(db) {
                Some(hint) => super::control::stop_first(
                    &super::Command::Serve {
                        listen: None,
                        fingerprint: false,
                    },
                    db,
                )
                .map_or_else(
                    || Failure::from(e),
                    |why| Failure::cannot_run(format!("{why}\n{hint}")),
                ),
                None => Failure::from(e),
            });
        }
        Err(e) => return Err(e.into()),
    };
    for note in store.open_notes() {
        tell!("kinerja: {note}");
    }
    super::check_before_screens(&store)?;
    if !store.has_officers()? {
        return Err(Failure::data(
            "no officer may log in yet: add one first, e.g. `kinerja officer add NAME --role admin --key ~/.ssh/id_ed25519.pub`",
        ));
    }
    let key = hostkey::for_store(&store, &key_path, &os_user()).map_err(Failure::cannot_run)?;
    if let Err(e) = hostkey::write_public(&public_path, &key) {
        tell!("kinerja serve: {e}");
    }
    let base = super::local_options(
        db,
        &config,
        lang.or(config.lang).unwrap_or_default(),
        crate::ui::theme::Theme {
            color: !config.no_color,
            ascii: ascii || config.ascii,
        },
        today(),
    );
    let settings = Settings {
        listen: addr,
        max_sessions: config
            .serve_max_sessions
            .unwrap_or(config::DEFAULT_MAX_SESSIONS),
        idle: Duration::from_secs(
            60 * u64::from(
                config
                    .serve_idle_minutes
                    .unwrap_or(config::DEFAULT_IDLE_MINUTES),
            ),
        ),
        limits: serve::Limits::default(),
        base,
    };
    let authorize = serve::officers_of(store.clone());
    let flusher = store.clone();
    let kept = config
        .backups_kept
        .unwrap_or(super::autobackup::DEFAULT_KEPT);
    let for_control = store.clone();
    let for_backups = store.clone();
    let running =
        serve::start(store, settings, key.clone(), authorize).map_err(Failure::cannot_run)?;
    let marker = marker_path(db);
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&marker)
            .and_then(|mut f| {
                writeln!(
                    f,
                    "port {}\npid {}",
                    running.addr.port(),
                    std::process::id()
                )
            });
    }
    // Which database: without --db it is the per-user default, which a service user may
    // not expect.
    tell!(
        "kinerja serve: database {}{}",
        db.display(),
        if db_given {
            ""
        } else {
            " (the default; name another with --db)"
        }
    );
    tell!(
        "kinerja serve: listening on {}; host key {}",
        running.addr,
        hostkey::fingerprint(&key)
    );
    tell!(
        "kinerja serve: connect with `ssh -p {} NAME@HOST`; stop with Ctrl-C or SIGTERM",
        running.addr.port()
    );
    // The running server's own automatic backups: at its start and each new day (issue 22).
    let backups = super::autobackup::Timer::start(for_backups, db.to_path_buf(), kept, today)
        .map_err(|e| tell!("kinerja serve: cannot start the automatic backups: {e}"))
        .ok();
    // backup FILE, export, check, officer, print and profile on this database are carried
    // out here, for the CLI of this machine's same user (issue 22).
    let control = match super::control::Control::start(for_control, db) {
        Ok(c) => {
            tell!(
                "kinerja serve: commands on this database (backup, export, check, officer, print) are carried out here through {}",
                c.path().display()
            );
            Some(c)
        }
        Err(e) => {
            tell!("kinerja serve: {e}; commands on this database wait until it stops");
            None
        }
    };
    let result = serve::run_until_signalled(running);
    // The command running, if any, ends first.
    drop(control);
    drop(backups);
    let _ = std::fs::remove_file(&marker);
    result.map_err(Failure::cannot_run)?;
    flusher.close()?;
    tell!("kinerja serve: stopped; the database is flushed");
    // The sessions keep no view (their rows are shared and never all the store's at a
    // close of one): keep the screens' view now, so the next local start after a day of
    // serving reads the rows and Beranda from it instead of every summary (issue 23).
    // The database is saved whatever happens here: a failure is said, not returned.
    if let Err(e) = super::keep_screens_view(db) {
        tell!(
            "kinerja serve: keeping the screens' view of {} failed ({e}), so the next start reads every summary",
            db.display()
        );
    }
    Ok(())
}
