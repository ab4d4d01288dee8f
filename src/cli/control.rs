//! The control socket (issue 22): while `kinerja serve` holds a database, `kinerja backup
//! FILE`, `export`, `check`, `officer`, `print` and `profile` on it are carried out by the
//! server on its open store, for the CLI that asked, with the same output and exit status
//! as when nothing serves.
//!
//! - The socket is `kinerja.control` in the database directory (0700), itself 0600, made by
//!   the server after it took the database's lock (so a stale one left by a crash is
//!   replaced, never a live one). It is a Unix socket: nothing from the network reaches it.
//! - A peer whose uid is not the server's is refused (`SO_PEERCRED`), whatever the file's
//!   mode says.
//! - The CLI sends one request: its arguments, its working directory (relative paths are
//!   taken from it; files are written by the server process, on the same machine) and its
//!   user (the audit's officer, as for a local command). The server parses the arguments
//!   as the CLI did and runs the command with this thread's [`console`] forwarding its
//!   output in frames: `o` standard output, `e` standard error, `x` the exit status.
//! - Sizes are bounded both ways; a CLI that goes away mid-command ends that command as a
//!   closed pipe would (an export stops; a backup finishes); one command runs at a time.

use super::console::{self, Console};
use super::{Cli, Command, Failure};
use crate::store::Store;
use clap::Parser;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The socket's name in the database directory.
pub const SOCKET: &str = "kinerja.control";
/// The first bytes of a request: the protocol and its version.
const MAGIC: &[u8; 4] = b"KNC1";
/// The largest request (arguments, directory, user) a server reads.
pub const MAX_REQUEST: usize = 64 * 1024;
/// The most arguments a request may carry.
const MAX_ARGS: usize = 256;
/// The largest output frame either side sends or accepts.
pub const MAX_FRAME: usize = 64 * 1024;
/// How long the server waits for a request once a CLI connected.
const REQUEST_TIME: Duration = Duration::from_secs(10);
/// How long the server waits for a CLI that does not read its output.
const WRITE_TIME: Duration = Duration::from_secs(60);

const OUT: u8 = b'o';
const ERR: u8 = b'e';
const EXIT: u8 = b'x';

pub fn socket_path(db: &Path) -> PathBuf {
    db.join(SOCKET)
}

/// What a request carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub user: String,
    pub cwd: PathBuf,
    pub args: Vec<OsString>,
    /// The command's small input files (public keys), read by the CLI: the server may not
    /// see the CLI's directories (a service with `ProtectHome=yes`).
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

impl Request {
    pub fn encode(&self) -> Vec<u8> {
        let mut body = Vec::new();
        let mut field = |b: &[u8]| {
            body.extend_from_slice(&(b.len() as u32).to_be_bytes());
            body.extend_from_slice(b);
        };
        field(self.user.as_bytes());
        field(self.cwd.as_os_str().as_bytes());
        field(self.args.len().to_string().as_bytes());
        for a in &self.args {
            field(a.as_bytes());
        }
        for (path, bytes) in &self.files {
            field(path.as_os_str().as_bytes());
            field(bytes);
        }
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Reads one request; refuses another protocol, a size past [`MAX_REQUEST`], too
    /// many arguments, a cut one.
    pub fn read(r: &mut impl Read) -> Result<Request, String> {
        let mut head = [0u8; 8];
        r.read_exact(&mut head)
            .map_err(|e| format!("no request: {e}"))?;
        if &head[..4] != MAGIC {
            return Err("not a kinerja control request (another version of kinerja?)".into());
        }
        let len = u32::from_be_bytes([head[4], head[5], head[6], head[7]]) as usize;
        if len > MAX_REQUEST {
            return Err(format!(
                "a request of {len} bytes; at most {MAX_REQUEST} are read"
            ));
        }
        let mut body = vec![0u8; len];
        r.read_exact(&mut body)
            .map_err(|e| format!("a cut request: {e}"))?;
        let mut fields = Vec::new();
        let mut rest = &body[..];
        while !rest.is_empty() {
            let (n, tail) = rest.split_first_chunk::<4>().ok_or("a cut request field")?;
            let n = u32::from_be_bytes(*n) as usize;
            if n > tail.len() {
                return Err("a cut request field".into());
            }
            fields.push(tail[..n].to_vec());
            rest = &tail[n..];
            if fields.len() > 2 * MAX_ARGS + 3 {
                return Err(format!("more than {MAX_ARGS} arguments"));
            }
        }
        let mut fields = fields.into_iter();
        let user = fields.next().ok_or("no user in the request")?;
        let cwd = fields.next().ok_or("no directory in the request")?;
        let count = fields
            .next()
            .and_then(|n| String::from_utf8(n).ok())
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=MAX_ARGS).contains(n))
            .ok_or("no command in the request")?;
        let args: Vec<OsString> = fields
            .by_ref()
            .take(count)
            .map(OsString::from_vec)
            .collect();
        if args.len() != count {
            return Err("a cut request".into());
        }
        let rest: Vec<Vec<u8>> = fields.collect();
        if !rest.len().is_multiple_of(2) {
            return Err("a cut request".into());
        }
        let files = rest
            .chunks(2)
            .map(|pair| {
                (
                    PathBuf::from(OsString::from_vec(pair[0].clone())),
                    pair[1].clone(),
                )
            })
            .collect();
        Ok(Request {
            user: crate::domain::text::clean_line(&String::from_utf8_lossy(&user)),
            cwd: PathBuf::from(OsString::from_vec(cwd)),
            args,
            files,
        })
    }
}

/// Why a peer is refused: its uid is not the server's (or unknown).
pub fn check_peer(peer_uid: Option<u32>, own_uid: u32) -> Result<(), String> {
    match peer_uid {
        Some(uid) if uid == own_uid => Ok(()),
        Some(uid) => Err(format!(
            "refused a control connection from uid {uid}: only the server's user (uid {own_uid}) may use it"
        )),
        None => Err("refused a control connection: its user cannot be told".into()),
    }
}

/// The uid of the process at the other end of `stream` (`SO_PEERCRED`).
pub fn peer_uid(stream: &UnixStream) -> Option<u32> {
    use std::os::fd::AsRawFd;
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: getsockopt writes at most `len` bytes into `cred`, a ucred we own, on a
    // descriptor we own.
    let rc = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut cred as *mut libc::ucred).cast(),
            &mut len,
        )
    };
    (rc == 0 && len as usize == std::mem::size_of::<libc::ucred>()).then_some(cred.uid)
}

fn own_uid() -> u32 {
    // SAFETY: getuid cannot fail.
    unsafe { libc::getuid() }
}

/// One frame: kind, length, bytes.
fn frame(w: &mut impl Write, kind: u8, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = Vec::with_capacity(5 + bytes.len());
    f.push(kind);
    f.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
    f.extend_from_slice(bytes);
    w.write_all(&f)
}

/// The server's writer of frames to one CLI: output is gathered per stream and sent when
/// the stream changes, at [`MAX_FRAME`], and at a flush.
struct Frames {
    stream: UnixStream,
    kind: u8,
    buf: Vec<u8>,
    /// Set at the first failed write: the CLI went away; later writes fail at once.
    gone: bool,
}

impl Frames {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        if self.gone {
            self.buf.clear();
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        let result = frame(&mut self.stream, self.kind, &self.buf);
        self.buf.clear();
        result.map_err(|e| {
            self.gone = true;
            // A CLI that stopped reading (timed out) is as gone as a closed one.
            if e.kind() == std::io::ErrorKind::WouldBlock
                || e.kind() == std::io::ErrorKind::TimedOut
            {
                std::io::ErrorKind::BrokenPipe.into()
            } else {
                e
            }
        })
    }

    fn write(&mut self, kind: u8, bytes: &[u8]) -> std::io::Result<usize> {
        if self.gone {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        if kind != self.kind {
            self.send()?;
            self.kind = kind;
        }
        let room = MAX_FRAME - self.buf.len();
        let n = bytes.len().min(room);
        self.buf.extend_from_slice(&bytes[..n]);
        if self.buf.len() >= MAX_FRAME {
            self.send()?;
        }
        Ok(n)
    }
}

/// One of the two streams of a [`Frames`].
struct Forward {
    frames: Arc<std::sync::Mutex<Frames>>,
    kind: u8,
}

impl Write for Forward {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut f = self.frames.lock().unwrap_or_else(|p| p.into_inner());
        f.write(self.kind, buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let mut f = self.frames.lock().unwrap_or_else(|p| p.into_inner());
        if f.kind == self.kind {
            f.send()
        } else {
            Ok(())
        }
    }
}

/// Whether the command can be run by the server on its store; otherwise why not.
fn served_refusal(command: &Command) -> Option<&'static str> {
    match command {
        Command::Backup { file: Some(_), .. }
        | Command::Export { .. }
        | Command::Check { .. }
        | Command::Officer { .. }
        | Command::Print { .. }
        | Command::Profile { .. } => None,
        Command::Backup { file: None, .. } => Some("`backup --list` needs no server"),
        Command::Restore { .. } => Some("restore"),
        Command::Compact => Some("compact"),
        Command::Demo { .. } => Some("demo"),
        Command::Import { .. } => Some("import"),
        Command::Serve { .. } => Some("serve"),
    }
}

/// For a command the server does not carry out: what to do instead (stop the service).
pub fn stop_first(command: &Command, db: &Path) -> Option<String> {
    let what = match command {
        Command::Restore { .. } => "restore",
        Command::Compact => "compact",
        Command::Demo { .. } => "demo",
        Command::Import { .. } => "import",
        Command::Serve { .. } => {
            return Some(format!(
                "the database at {} is already served by `kinerja serve`; one server per database: stop it first (e.g. `systemctl stop kinerja`) to start another",
                db.display()
            ));
        }
        _ => return None,
    };
    Some(format!(
        "the database at {} is served by `kinerja serve`, and `{what}` cannot run on a served database: stop the service first (e.g. `systemctl stop kinerja`), run it, then start the service again",
        db.display()
    ))
}

/// Whether the CLI should hand `command` to a running server.
pub fn forwarded(command: &Command) -> bool {
    served_refusal(command).is_none()
}

/// The input files of `command` the CLI sends along (public keys), as given.
fn inputs(command: &Command) -> Vec<&Path> {
    match command {
        Command::Officer {
            action: super::officer::Action::Add { key, .. },
        } => vec![key.as_path()],
        Command::Officer {
            action:
                super::officer::Action::Key {
                    action: super::officer::KeyAction::Add { file, .. },
                },
        } => vec![file.as_path()],
        _ => Vec::new(),
    }
}

/// The largest input file the CLI sends; a larger one is left for the server to read
/// (and refuse: no public key file is that long).
const MAX_INPUT: u64 = 16 * 1024;

/// The input files of `command`, read by the CLI and named as the server will look them
/// up (relative to `cwd`, the CLI's directory). Each is read as given: a relative path is
/// opened from this directory, which works where the absolute one may not (`sudo -u
/// kinerja` run in `/root/setup` may read `budi.pub` there, but not search `/root`).
fn read_inputs(command: &Command, cwd: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    inputs(command)
        .into_iter()
        .filter_map(|p| {
            let small = std::fs::metadata(p).ok()?.len() <= MAX_INPUT;
            small.then(|| std::fs::read(p).ok().map(|b| (cwd.join(p), b)))?
        })
        .collect()
}

/// Makes every relative path of `command` relative to `cwd` (the CLI's directory).
fn absolutize(command: &mut Command, cwd: &Path) {
    let fix = |p: &mut PathBuf| {
        if p.is_relative() {
            *p = cwd.join(&*p);
        }
    };
    match command {
        Command::Export { output, .. }
        | Command::Profile { output, .. }
        | Command::Print { output, .. } => {
            if let Some(p) = output {
                fix(p)
            }
        }
        Command::Backup { file: Some(p), .. } => fix(p),
        Command::Officer { action } => match action {
            super::officer::Action::Add { key, .. } => fix(key),
            super::officer::Action::Key {
                action: super::officer::KeyAction::Add { file, .. },
            } => fix(file),
            _ => {}
        },
        _ => {}
    }
}

/// The control socket of a running server; dropped or [`Control::stop`]ped, it stops
/// listening and its file goes.
pub struct Control {
    path: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Control {
    /// Makes the socket of the database at `db` (held open as `store`) and serves it on a
    /// thread of its own.
    ///
    /// # Errors
    /// The socket cannot be made (a path too long for a Unix socket, no permission).
    pub fn start(store: Store, db: &Path) -> Result<Control, String> {
        let path = socket_path(db);
        // Left by a server that did not stop cleanly: this process holds the database's
        // lock, so no other server uses it.
        if let Ok(meta) = std::fs::symlink_metadata(&path) {
            use std::os::unix::fs::FileTypeExt;
            if meta.file_type().is_socket() {
                let _ = std::fs::remove_file(&path);
            }
        }
        let listener = UnixListener::bind(&path)
            .map_err(|e| format!("cannot make the control socket {}: {e}", path.display()))?;
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| format!("cannot set the mode of {}: {e}", path.display()))?;
        }
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("cannot use the control socket {}: {e}", path.display()))?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let db = db.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("control".into())
            .spawn(move || serve(&listener, &store, &db, &stopping))
            .map_err(|e| format!("cannot start the control socket: {e}"))?;
        Ok(Control {
            path,
            stop,
            thread: Some(thread),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stops listening (after the command running, if any) and removes the socket.
    pub fn stop(mut self) {
        self.end();
    }

    fn end(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Drop for Control {
    fn drop(&mut self) {
        self.end();
    }
}

/// How often an idle control thread looks whether the server stops.
const POLL: Duration = Duration::from_millis(100);

fn serve(listener: &UnixListener, store: &Store, db: &Path, stop: &AtomicBool) {
    while !stop.load(Ordering::Acquire) {
        match listener.accept() {
            Ok((stream, _)) => {
                // A panic in a command ends that command, never the control socket.
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    one(stream, store, db)
                }));
                if outcome.is_err() {
                    tell!("kinerja serve: a command from the control socket failed unexpectedly");
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => std::thread::sleep(POLL),
            Err(e) => {
                tell!("kinerja serve: the control socket: {e}");
                std::thread::sleep(POLL);
            }
        }
    }
}

/// One CLI's command.
fn one(mut stream: UnixStream, store: &Store, db: &Path) {
    if let Err(why) = check_peer(peer_uid(&stream), own_uid()) {
        tell!("kinerja serve: {why}");
        let _ = frame(&mut stream, ERR, format!("kinerja: {why}\n").as_bytes());
        let _ = frame(&mut stream, EXIT, &[super::EXIT_CANNOT_RUN]);
        return;
    }
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(REQUEST_TIME));
    let _ = stream.set_write_timeout(Some(WRITE_TIME));
    let request = match Request::read(&mut stream) {
        Ok(r) => r,
        Err(why) => {
            tell!("kinerja serve: the control socket: {why}");
            let _ = frame(&mut stream, ERR, format!("kinerja: {why}\n").as_bytes());
            let _ = frame(&mut stream, EXIT, &[super::EXIT_CANNOT_RUN]);
            // Closed with unread bytes, the socket would be reset and the answer lost:
            // what the client still sends is read (a little, for a moment) first.
            let _ = stream.shutdown(std::net::Shutdown::Write);
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let _ = std::io::copy(
                &mut (&mut stream).take(MAX_REQUEST as u64),
                &mut std::io::sink(),
            );
            return;
        }
    };
    let Ok(writer) = stream.try_clone() else {
        return;
    };
    let frames = Arc::new(std::sync::Mutex::new(Frames {
        stream: writer,
        kind: OUT,
        buf: Vec::new(),
        gone: false,
    }));
    let console = Console {
        out: Box::new(Forward {
            frames: Arc::clone(&frames),
            kind: OUT,
        }),
        err: Box::new(Forward {
            frames: Arc::clone(&frames),
            kind: ERR,
        }),
        user: request.user.clone(),
        cwd: request.cwd.clone(),
        files: request.files.iter().cloned().collect(),
    };
    let code = console::with(console, || match run_request(&request, store, db) {
        Ok(()) => super::EXIT_OK,
        Err(f) => {
            if !f.message.is_empty() {
                tell!("kinerja: {}", f.message);
            }
            f.code
        }
    });
    let mut f = frames.lock().unwrap_or_else(|p| p.into_inner());
    let _ = f.send();
    if !f.gone {
        let _ = frame(&mut f.stream, EXIT, &[code]);
    }
    // The server's log: which command, for whom, how it ended (its arguments may name a
    // person, so only the command's name).
    tell!(
        "kinerja serve: carried out `{}` for {} (exit {code}{})",
        command_name(&request.args),
        request.user,
        if f.gone {
            ", the command line went away"
        } else {
            ""
        }
    );
}

/// The command's name in `args` (after the program and the global options), for the log.
fn command_name(args: &[OsString]) -> String {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(w) = words.next() {
        match w.as_ref() {
            "--db" | "--lang" => {
                words.next();
            }
            w if w.starts_with('-') => {}
            w => return crate::domain::text::clean_line(w),
        }
    }
    "?".into()
}

/// Parses the CLI's arguments as it did and runs its command on `store`.
fn run_request(request: &Request, store: &Store, db: &Path) -> Result<(), Failure> {
    let cli = Cli::try_parse_from(&request.args).map_err(|e| {
        Failure::cannot_run(format!(
            "the server's kinerja reads these arguments otherwise (another version?): {}",
            e.to_string().trim()
        ))
    })?;
    let lang = super::parse_lang(cli.lang.as_deref())?;
    let Some(mut command) = cli.command else {
        return Err(Failure::cannot_run(
            "the screens of a served database are reached over SSH, not through the control socket",
        ));
    };
    if let Some(refusal) = served_refusal(&command) {
        return Err(stop_first(&command, db).map_or_else(
            || Failure::cannot_run(format!("{refusal}: not through the control socket")),
            Failure::cannot_run,
        ));
    }
    absolutize(&mut command, &request.cwd);
    let before = store.last_change()?;
    let result = super::run_on(store, command, db, lang);
    if result.is_ok() {
        super::backup_if_changed(store, db, before.as_deref());
    }
    result.map_err(|f| f.with_way_back(db))
}

/// The CLI's side: when a server answers on the database's control socket, hands it
/// `args` and relays its output. `None` when no server answers (nothing serves, or the
/// lock is someone else's): the command runs here as usual.
///
/// # Errors
/// The command's exit status when it is not 0 (its message already relayed), or a
/// connection lost before the server said how the command ended.
pub fn forward(db: &Path, command: &Command, args: &[OsString]) -> Option<Result<(), Failure>> {
    let mut stream = UnixStream::connect(socket_path(db)).ok()?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let files = read_inputs(command, &cwd);
    let request = Request {
        user: super::os_user(),
        cwd,
        args: args.to_vec(),
        files,
    };
    let lost = |e: std::io::Error| {
        Failure::cannot_run(format!(
            "the server holding {} stopped answering its control socket ({e}); see its log",
            db.display()
        ))
    };
    if let Err(e) = stream.write_all(&request.encode()) {
        return Some(Err(lost(e)));
    }
    Some(
        relay(&mut stream, &mut std::io::stdout(), &mut std::io::stderr())
            .map_err(lost)
            .and_then(|code| match code {
                super::EXIT_OK => Ok(()),
                code => Err(Failure {
                    code,
                    message: String::new(),
                    way_back_due: false,
                }),
            }),
    )
}

/// Copies the server's frames to `out` and `err` until its exit status, which it returns.
/// A reader of `out` gone (`| head`) ends it quietly with 0, as locally.
pub fn relay(
    stream: &mut impl Read,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<u8> {
    let mut head = [0u8; 5];
    let mut buf = Vec::new();
    loop {
        stream.read_exact(&mut head)?;
        let len = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
        if len > MAX_FRAME {
            return Err(std::io::Error::other(format!(
                "a frame of {len} bytes; at most {MAX_FRAME}"
            )));
        }
        buf.resize(len, 0);
        stream.read_exact(&mut buf)?;
        match head[0] {
            OUT => {
                if let Err(e) = out.write_all(&buf).and_then(|()| out.flush()) {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        return Ok(super::EXIT_OK);
                    }
                    return Err(e);
                }
            }
            ERR => {
                let _ = err.write_all(&buf);
            }
            EXIT => return Ok(buf.first().copied().unwrap_or(super::EXIT_CANNOT_RUN)),
            other => {
                return Err(std::io::Error::other(format!(
                    "an unknown frame {other:#04x}"
                )));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_servers_own_user_is_let_in() {
        assert!(check_peer(Some(1000), 1000).is_ok());
        let why = check_peer(Some(1001), 1000).unwrap_err();
        assert!(
            why.contains("uid 1001") && why.contains("uid 1000"),
            "{why}"
        );
        assert!(check_peer(None, 1000).is_err());
        // A real pair of sockets tells its own uid.
        let (a, _b) = UnixStream::pair().unwrap();
        assert_eq!(peer_uid(&a), Some(own_uid()));
        assert!(check_peer(peer_uid(&a), own_uid()).is_ok());
    }

    #[test]
    fn a_request_reads_back_and_bad_ones_are_refused() {
        let r = Request {
            user: "ani".into(),
            cwd: PathBuf::from("/home/ani"),
            args: vec!["kinerja".into(), "officer".into(), "add".into()],
            files: vec![(
                PathBuf::from("/home/ani/ani.pub"),
                b"ssh-ed25519 A".to_vec(),
            )],
        };
        let bytes = r.encode();
        assert_eq!(Request::read(&mut &bytes[..]).unwrap(), r);
        // Cut anywhere: refused, never a panic.
        for n in 0..bytes.len() {
            assert!(Request::read(&mut &bytes[..n]).is_err(), "cut at {n}");
        }
        let mut big = MAGIC.to_vec();
        big.extend_from_slice(&((MAX_REQUEST + 1) as u32).to_be_bytes());
        let why = Request::read(&mut &big[..]).unwrap_err();
        assert!(why.contains("at most"), "{why}");
        assert!(Request::read(&mut &b"GET / HTTP/1.1\r\n"[..]).is_err());
        let many = Request {
            args: vec![OsString::from("x"); MAX_ARGS + 1],
            ..r
        };
        assert!(Request::read(&mut &many.encode()[..]).is_err());
    }

    #[test]
    fn frames_relay_in_order_and_a_gone_reader_is_quiet() {
        let mut wire = Vec::new();
        frame(&mut wire, OUT, b"nip,nama\n").unwrap();
        frame(&mut wire, ERR, b"note\n").unwrap();
        frame(&mut wire, EXIT, &[1]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(relay(&mut &wire[..], &mut out, &mut err).unwrap(), 1);
        assert_eq!(out, b"nip,nama\n");
        assert_eq!(err, b"note\n");
        // Cut before the exit status: an error, not a success.
        assert!(
            relay(
                &mut &wire[..wire.len() - 2],
                &mut Vec::new(),
                &mut Vec::new()
            )
            .is_err()
        );
        struct Gone;
        impl Write for Gone {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        assert_eq!(
            relay(&mut &wire[..], &mut Gone, &mut Vec::new()).unwrap(),
            0
        );
    }

    #[test]
    fn the_log_names_the_command_only() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            command_name(&args(&[
                "kinerja", "--db", "/x", "--lang", "en", "profile", "1985"
            ])),
            "profile"
        );
        assert_eq!(
            command_name(&args(&["kinerja", "--db=/x", "check"])),
            "check"
        );
        assert_eq!(command_name(&args(&["kinerja"])), "?");
    }

    #[test]
    fn a_key_file_is_read_as_given_and_named_from_the_clis_directory() {
        // A relative key file is opened from the process's directory, not through the
        // absolute path (whose parents the service user may not search): the test runs in
        // the crate's directory, and "/nowhere" stands for such a parent.
        let cli = Cli::try_parse_from([
            "kinerja",
            "officer",
            "add",
            "budi",
            "--role",
            "viewer",
            "--key",
            "contrib/kinerja.service",
        ])
        .unwrap();
        let command = cli.command.unwrap();
        let files = read_inputs(&command, Path::new("/nowhere"));
        let on_disk = std::fs::read("contrib/kinerja.service").unwrap();
        assert_eq!(
            files,
            vec![(PathBuf::from("/nowhere/contrib/kinerja.service"), on_disk)]
        );
    }

    #[test]
    fn relative_paths_are_the_clis() {
        let cli = Cli::try_parse_from(["kinerja", "backup", "b.bak"]).unwrap();
        let mut command = cli.command.unwrap();
        absolutize(&mut command, Path::new("/home/ani"));
        match command {
            Command::Backup { file: Some(f), .. } => assert_eq!(f, Path::new("/home/ani/b.bak")),
            other => panic!("{other:?}"),
        }
        let cli = Cli::try_parse_from(["kinerja", "restore", "b.bak"]).unwrap();
        let command = cli.command.unwrap();
        assert!(!forwarded(&command));
        let why = stop_first(&command, Path::new("/var/lib/kinerja/db")).unwrap();
        assert!(why.contains("stop the service first"), "{why}");
    }
}
