//! `kinerja serve`: one process owns the database and serves the screens to several
//! officers over SSH (russh), one session per connection.
//!
//! - Public-key login only, for keys of known officers whose name is the SSH user name;
//!   failed attempts are counted per address and an address with too many is refused for a
//!   while. Logs name the address and the key's fingerprint, never a person.
//! - Only a pty + shell channel is served: exec, subsystems (SFTP), port, agent and X11
//!   forwarding are refused.
//! - Every session reads the same staff rows ([`Shared`]); a save in one is shown by the
//!   others at their next frame. Each session runs on its own thread ([`session`]) and its
//!   output is bounded to one pending frame.
//! - SIGTERM, SIGINT or SIGHUP: every session is told and closed (drafts are kept: forms
//!   write them as they change), the database is flushed, and the process exits 0.

pub mod accept;
pub mod hostkey;
pub mod session;

pub use accept::Limits;

use crate::app::{Options, Shared};
use crate::domain::Officer;
use crate::store::Store;
use crate::store::records::AuditAction;
use crate::ui::lang::T;
use crate::ui::theme::Theme;
use russh::keys::{HashAlg, PrivateKey, PublicKey};
use russh::server::{Auth, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, Pty};
use session::{Event, Outbox};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The default address: this machine only; others only when given.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:2222";

/// Refused logins of one officer name from one address within [`FAILURE_WINDOW`] before
/// that name is held at that address (others behind the same office NAT are not).
pub const MAX_FAILURES: u32 = 5;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(60);

/// Finds the officer a login is for: the SSH user name and a verified key.
pub type Authorize = dyn Fn(&str, &PublicKey) -> Option<Officer> + Send + Sync;

/// The officers of `store` as the login check: the key must be one of an officer's, and
/// the SSH user name that officer's name.
pub fn officers_of(store: Store) -> Box<Authorize> {
    Box::new(move |user: &str, key: &PublicKey| {
        store
            .officer_for_key(key)
            .ok()
            .flatten()
            .filter(|o| o.name == user)
    })
}

/// What the server runs with.
pub struct Settings {
    pub listen: SocketAddr,
    pub max_sessions: usize,
    pub idle: Duration,
    /// Connections that have not logged in: deadline and caps ([`Limits::default`]).
    pub limits: Limits,
    /// Per-session options before the officer and terminal are known.
    pub base: Options,
}

struct Failures {
    count: u32,
    since: Instant,
}

/// What every connection shares.
struct State {
    /// The bytes of every frame given to the sessions' connections since the start.
    sent: Arc<AtomicU64>,
    store: Store,
    shared: Shared,
    settings: Settings,
    authorize: Box<Authorize>,
    sessions: Mutex<HashMap<u64, SyncSender<Event>>>,
    /// Set when stopping: no new session starts.
    stopping: std::sync::atomic::AtomicBool,
    threads: Mutex<Vec<std::thread::JoinHandle<session::End>>>,
    next_id: AtomicU64,
    /// Refused logins per (officer name, address).
    failures: Mutex<HashMap<(String, IpAddr), Failures>>,
    /// Connections not logged in yet.
    gate: Arc<accept::Gate>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl State {
    /// Seconds left of the hold on officer name `user` at address `ip`, if it is held.
    fn held(&self, user: &str, ip: Option<IpAddr>) -> Option<u64> {
        let ip = ip?;
        let mut failures = lock(&self.failures);
        let key = (user.to_string(), ip);
        match failures.get(&key) {
            Some(f) if f.since.elapsed() > FAILURE_WINDOW => {
                failures.remove(&key);
                None
            }
            Some(f) if f.count >= MAX_FAILURES => {
                Some(FAILURE_WINDOW.saturating_sub(f.since.elapsed()).as_secs() + 1)
            }
            _ => None,
        }
    }

    /// Counts one connection that ended without a login for officer name `user`, and logs
    /// it (address, a count and the key's fingerprint; the name typed is not logged).
    fn failed(&self, user: &str, ip: Option<IpAddr>, fingerprint: &str) {
        let Some(ip) = ip else {
            tell!("kinerja serve: refused key {fingerprint}");
            return;
        };
        let mut failures = lock(&self.failures);
        failures.retain(|_, f| f.since.elapsed() <= FAILURE_WINDOW);
        // Bounded: an address trying many names cannot grow the map without end.
        if failures.len() >= MAX_HOLDS {
            return;
        }
        let f = failures.entry((user.to_string(), ip)).or_insert(Failures {
            count: 0,
            since: Instant::now(),
        });
        f.count += 1;
        tell!(
            "kinerja serve: refused key {fingerprint} from {ip} ({} of {MAX_FAILURES} allowed per minute for that user name)",
            f.count
        );
        if f.count == MAX_FAILURES {
            tell!(
                "kinerja serve: that user name is held at {ip} for the rest of the minute; other officers from {ip} are not"
            );
        }
    }

    /// Tells every session but `except` that the rows changed.
    fn broadcast_refresh(&self, except: u64) {
        for (id, tx) in lock(&self.sessions).iter() {
            if *id != except {
                // A full queue will redraw anyway once it drains.
                let _ = tx.try_send(Event::Refresh);
            }
        }
    }
}

/// One SSH connection.
struct Conn {
    state: Arc<State>,
    peer: Option<SocketAddr>,
    officer: Option<Officer>,
    channel: Option<ChannelId>,
    term: String,
    size: Option<(u16, u16)>,
    env: HashMap<String, String>,
    session: Option<(u64, SyncSender<Event>)>,
    /// The user name and fingerprint of a key refused on this connection, counted once
    /// when it ends without a login (an agent offering several keys is one failure).
    refused: Option<(String, String)>,
    /// A good key for an officer name held at this address: seconds left of the hold (the
    /// shell says so and ends).
    held: Option<u64>,
    /// Its place among the connections not logged in yet, given back at the login.
    ticket: Option<accept::Ticket>,
    /// Set at the login: the stream's login deadline no longer applies.
    logged_in: Arc<std::sync::atomic::AtomicBool>,
    /// The login's audit text (address and key fingerprint) and when, for the logout's
    /// audit entry.
    audited_login: Option<(String, std::time::Instant)>,
    /// The connection's socket, asked how much it still holds (see [`carried`]); not
    /// owned: the stream russh holds closes it.
    socket: Socket,
}

impl Drop for Conn {
    fn drop(&mut self) {
        if let Some((_, tx)) = &self.session {
            let _ = tx.try_send(Event::Closed);
        }
        if self.officer.is_none()
            && let Some((user, fingerprint)) = self.refused.take()
        {
            self.state.failed(&user, self.ip(), &fingerprint);
        }
        if let (Some(officer), Some((from, at))) = (&self.officer, self.audited_login.take()) {
            let minutes = at.elapsed().as_secs() / 60;
            self.audit(
                officer,
                AuditAction::Logout,
                &format!("{from}, after {minutes} min"),
            );
        }
    }
}

impl Conn {
    fn new(
        state: &Arc<State>,
        peer: SocketAddr,
        ticket: accept::Ticket,
        logged_in: Arc<std::sync::atomic::AtomicBool>,
        socket: Socket,
    ) -> Conn {
        Conn {
            socket,
            state: Arc::clone(state),
            peer: Some(peer),
            officer: None,
            channel: None,
            term: String::new(),
            size: None,
            env: HashMap::new(),
            session: None,
            refused: None,
            held: None,
            ticket: Some(ticket),
            logged_in,
            audited_login: None,
        }
    }
}

/// What a link may still hold of a session's frames when the next one is drawn: about a
/// screen line's worth, so a held key on a slow link never queues frames (issue 22).
const LINK_SLACK: usize = 256;

/// A connection's socket as the writer asks it (see [`carried`]): its descriptor number,
/// and which socket that number named when the connection was accepted. Once russh
/// closes the stream the number may be given to another connection's socket or a file:
/// the writer must not wait on that one's link.
#[derive(Debug, Clone, Copy)]
struct Socket {
    fd: std::os::fd::RawFd,
    id: Option<(u64, u64)>,
}

impl Socket {
    fn of(fd: std::os::fd::RawFd) -> Socket {
        Socket {
            fd,
            id: file_id(fd),
        }
    }

    /// Whether the descriptor still names the socket it named at the accept.
    fn same(&self) -> bool {
        self.id.is_some() && file_id(self.fd) == self.id
    }
}

/// The device and inode of what `fd` names now; `None` when it names nothing.
fn file_id(fd: std::os::fd::RawFd) -> Option<(u64, u64)> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: fstat writes one `stat` through the pointer given, read only on success.
    if unsafe { libc::fstat(fd, st.as_mut_ptr()) } != 0 {
        return None;
    }
    // SAFETY: fstat succeeded, so it filled the struct.
    let st = unsafe { st.assume_init() };
    #[allow(clippy::unnecessary_cast)]
    Some((st.st_dev as u64, st.st_ino as u64))
}

/// Waits until the socket holds at most [`LINK_SLACK`] bytes not yet acknowledged by the
/// client (Linux `SIOCOUTQ`): the link carried the frame. Returns at once when the socket
/// cannot be asked (it closed, or its number now names something else) or the session
/// has ended (`out` done): a writer never waits for good on a link that is not its own.
async fn carried(socket: Socket, out: &session::Outbox) {
    // russh writes the frame to the socket on its own task: give it a moment first.
    tokio::time::sleep(Duration::from_millis(2)).await;
    loop {
        if out.is_done() || !socket.same() {
            return;
        }
        let mut held: libc::c_int = 0;
        // SAFETY: TIOCOUTQ writes one int through the pointer given; on a descriptor that
        // is not a socket any more it fails and nothing is read.
        let rc = unsafe { libc::ioctl(socket.fd, libc::TIOCOUTQ, &mut held) };
        if rc != 0 || usize::try_from(held).unwrap_or(0) <= LINK_SLACK {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Serves one accepted connection on its own task: the SSH session over the stream with
/// the login deadline, ended with a goodbye when the server stops.
fn spawn_connection(
    state: &Arc<State>,
    config: &Arc<russh::server::Config>,
    socket: tokio::net::TcpStream,
    peer: SocketAddr,
    ticket: accept::Ticket,
    mut shutdown: tokio::sync::broadcast::Receiver<()>,
) {
    let logged_in = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let expired = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let _ = socket.set_nodelay(true);
    let limit = state.settings.limits.handshake;
    let fd = Socket::of(std::os::fd::AsRawFd::as_raw_fd(&socket));
    let stream = accept::Deadline::new(socket, limit, Arc::clone(&logged_in), Arc::clone(&expired));
    let handler = Conn::new(state, peer, ticket, logged_in, fd);
    let config = Arc::clone(config);
    let gate = Arc::clone(&state.gate);
    tokio::spawn(async move {
        if let Ok(session) = russh::server::run_stream(config, stream, handler).await {
            let handle = session.handle();
            tokio::select! {
                _ = shutdown.recv() => {
                    let _ = handle
                        .disconnect(
                            russh::Disconnect::ByApplication,
                            "kinerja serve stopped".into(),
                            String::new(),
                        )
                        .await;
                }
                _ = session => {}
            }
        }
        if expired.load(Ordering::Acquire) {
            gate.log(
                accept::LOG_DEADLINE,
                &format!(
                    "closed a connection from {}: no login within {} s",
                    peer.ip(),
                    limit.as_secs()
                ),
            );
        }
    });
}

/// The largest screen a session draws: a client asking for more gets this much (a huge
/// size would make every frame allocate gigabytes).
pub const MAX_COLS: u16 = 500;
pub const MAX_ROWS: u16 = 200;

/// The size a client asks for, within [`MAX_COLS`] x [`MAX_ROWS`]; a client that does not
/// know its own (0 columns or rows, as `ssh -tt` from a pipe sends) gets 80x24, the size
/// every screen fits.
fn size_of(cols: u32, rows: u32) -> (u16, u16) {
    if cols == 0 || rows == 0 {
        (crate::app::MIN_WIDTH, crate::app::MIN_HEIGHT)
    } else {
        (
            cols.min(u32::from(MAX_COLS)) as u16,
            rows.min(u32::from(MAX_ROWS)) as u16,
        )
    }
}

/// (Officer name, address) pairs whose refusals are counted at once; past it, refusals
/// are logged but not counted (the map stays small under a flood of names).
pub const MAX_HOLDS: usize = 4096;

/// Events queued for one session before its client's keystrokes are dropped: a client
/// that types faster than its session can handle them cannot fill the server's memory.
pub const EVENT_QUEUE: usize = 1024;

impl Conn {
    fn ip(&self) -> Option<IpAddr> {
        self.peer.map(|p| p.ip())
    }

    /// Writes a login or logout to the audit trail under `officers/NAME`; a failure to
    /// write it is logged, not fatal.
    fn audit(&self, officer: &Officer, action: AuditAction, summary: &str) {
        let record = format!("officers/{}", officer.name);
        if let Err(e) = self
            .state
            .store
            .audit_event(&officer.name, action, &record, summary)
        {
            tell!(
                "kinerja serve: cannot write the {} of {record} to the audit trail: {e}",
                action.label()
            );
        }
    }

    /// The officer `key` logs in as under `user`. A refused key is remembered (counted
    /// when the connection ends without a login); a good one for a name held at this
    /// address still logs in, so that its shell can say how long the hold lasts.
    fn check(&mut self, user: &str, key: &PublicKey) -> Option<Officer> {
        let held = self.state.held(user, self.ip());
        let found = (self.state.authorize)(user, key);
        match &found {
            None => {
                if held.is_none() {
                    self.refused = Some((
                        user.to_string(),
                        key.fingerprint(HashAlg::Sha256).to_string(),
                    ));
                }
            }
            Some(_) => self.held = held,
        }
        found
    }

    /// The session's options: language and theme from the officer and the client's
    /// terminal (TERM from the pty request, NO_COLOR and the locale sent as env).
    fn options(&self, officer: &Officer) -> Options {
        let mut opts = self.state.settings.base.clone();
        let env = |k: &str| self.env.get(k).map(String::as_str).unwrap_or("");
        let locale = [env("LC_ALL"), env("LC_CTYPE"), env("LANG")]
            .into_iter()
            .find(|v| !v.is_empty())
            .unwrap_or("");
        opts.theme = Theme::for_terminal(
            &self.term,
            !env("NO_COLOR").is_empty() || !opts.theme.color,
            locale,
            opts.theme.ascii,
        );
        if let Some(lang) = crate::ui::lang::Lang::parse(&officer.lang) {
            opts.lang = lang;
        }
        opts.actor = officer.name.clone();
        opts.remote = true;
        opts.officer = Some(officer.clone());
        opts
    }

    fn say(&self, text: &str, channel: ChannelId, session: &mut Session) {
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        let _ = session.data(channel, bytes);
        let _ = session.exit_status_request(channel, 1);
        let _ = session.eof(channel);
        let _ = session.close(channel);
    }

    fn start(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), russh::Error> {
        let Some(officer) = self.officer.clone() else {
            return session.channel_failure(channel);
        };
        // Messages before the screens are in the officer's language too.
        let lang =
            crate::ui::lang::Lang::parse(&officer.lang).unwrap_or(self.state.settings.base.lang);
        if let Some(secs) = self.held {
            session.channel_success(channel)?;
            let text = T::ServeHeld
                .get(lang)
                .replace("{name}", &officer.name)
                .replace("{n}", &MAX_FAILURES.to_string())
                .replace("{s}", &secs.to_string());
            self.say(&text, channel, session);
            return Ok(());
        }
        let Some(size) = self.size else {
            session.channel_success(channel)?;
            self.say(T::ServeNeedsPty.get(lang), channel, session);
            return Ok(());
        };
        if self.state.stopping.load(Ordering::Acquire) {
            session.channel_success(channel)?;
            self.say(T::ServeStopping.get(lang), channel, session);
            return Ok(());
        }
        let id = self.state.next_id.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = std::sync::mpsc::sync_channel(EVENT_QUEUE);
        {
            // Checked and taken under one lock: simultaneous logins cannot overshoot.
            let mut sessions = lock(&self.state.sessions);
            if sessions.len() >= self.state.settings.max_sessions {
                drop(sessions);
                session.channel_success(channel)?;
                self.say(T::ServeFull.get(lang), channel, session);
                tell!(
                    "kinerja serve: refused a session: {} sessions open (max_sessions)",
                    self.state.settings.max_sessions
                );
                return Ok(());
            }
            sessions.insert(id, tx.clone());
        }
        session.channel_success(channel)?;
        self.session = Some((id, tx));
        let out = Arc::new(Outbox::default());
        let opts = self.options(&officer);
        let ui_lang = opts.lang;
        let state = Arc::clone(&self.state);
        let notify = Arc::clone(&self.state);
        let start = session::Start {
            store: self.state.store.clone(),
            shared: self.state.shared.clone(),
            opts,
            size,
            idle: self.state.settings.idle,
            changed: Box::new(move || notify.broadcast_refresh(id)),
            goodbyes: (
                T::ServeIdle.get(ui_lang).to_string(),
                T::ServeStopping.get(ui_lang).to_string(),
            ),
        };
        let thread_out = Arc::clone(&out);
        let thread = std::thread::Builder::new()
            .name(format!("session-{id}"))
            .spawn(move || {
                // Whatever way the session ends, a panic included, its slot is freed and
                // its client's channel is closed.
                struct Ended {
                    state: Arc<State>,
                    out: Arc<Outbox>,
                    id: u64,
                }
                impl Drop for Ended {
                    fn drop(&mut self) {
                        lock(&self.state.sessions).remove(&self.id);
                        self.out.finish();
                    }
                }
                let _ended = Ended {
                    state,
                    out: Arc::clone(&thread_out),
                    id,
                };
                session::run(start, rx, thread_out)
            });
        match thread {
            Ok(t) => {
                let mut threads = lock(&self.state.threads);
                threads.retain(|t| !t.is_finished());
                threads.push(t);
            }
            Err(e) => {
                lock(&self.state.sessions).remove(&id);
                self.say(&format!("kinerja: {e}"), channel, session);
                return Ok(());
            }
        }
        let handle = session.handle();
        let socket = self.socket;
        let sent = Arc::clone(&self.state.sent);
        tokio::spawn(async move {
            loop {
                out.ready.notified().await;
                if let Some(bytes) = out.take() {
                    sent.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                    if handle.data(channel, bytes).await.is_err() {
                        out.carried();
                        break;
                    }
                    carried(socket, &out).await;
                    out.carried();
                }
                if out.is_done() {
                    if let Some(bytes) = out.take() {
                        let _ = handle.data(channel, bytes).await;
                    }
                    let _ = handle.exit_status_request(channel, 0).await;
                    let _ = handle.eof(channel).await;
                    let _ = handle.close(channel).await;
                    break;
                }
            }
        });
        Ok(())
    }
}

impl russh::server::Handler for Conn {
    type Error = russh::Error;

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(match self.check(user, offer.public_key) {
            Some(_) => Auth::Accept,
            None => Auth::reject(),
        })
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        match self.check(user, key.public_key) {
            Some(officer) => {
                // A held name's connection only hears how long the hold lasts: no login.
                if self.held.is_none() && self.audited_login.is_none() {
                    let from = format!(
                        "from {} with key {}",
                        self.ip().map_or("?".into(), |ip| ip.to_string()),
                        key.public_key.fingerprint(HashAlg::Sha256)
                    );
                    self.audit(&officer, AuditAction::Login, &from);
                    self.audited_login = Some((from, std::time::Instant::now()));
                }
                self.officer = Some(officer);
                // Logged in: no longer counted among the connections that have not, and
                // the login deadline is over.
                self.ticket = None;
                self.logged_in.store(true, Ordering::Release);
                Ok(Auth::Accept)
            }
            None => Ok(Auth::reject()),
        }
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One session per connection.
        if self.channel.is_none() && self.officer.is_some() {
            self.channel = Some(channel.id());
            reply.accept().await;
        }
        // A dropped reply refuses the channel.
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) != self.channel || self.session.is_some() {
            return session.channel_failure(channel);
        }
        self.term = term.to_string();
        self.size = Some(size_of(col_width, row_height));
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if matches!(name, "NO_COLOR" | "LANG" | "LC_ALL" | "LC_CTYPE") && value.len() < 100 {
            self.env.insert(name.to_string(), value.to_string());
            return session.channel_success(channel);
        }
        session.channel_failure(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) != self.channel || self.session.is_some() {
            return session.channel_failure(channel);
        }
        self.start(channel, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        tell!(
            "kinerja serve: refused a command request from {}",
            self.ip().map_or("?".into(), |ip| ip.to_string())
        );
        session.channel_failure(channel)?;
        if self.session.is_none() {
            self.say(
                T::ServeOnlyScreens.get(self.state.settings.base.lang),
                channel,
                session,
            );
        }
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        if self.session.is_none() {
            let _ = session.close(channel);
        }
        Ok(())
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel
            && let Some((_, tx)) = &self.session
        {
            // A full queue drops these keys rather than grow without bound.
            let _ = tx.try_send(Event::Data(data.to_vec()));
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel {
            let size = size_of(col_width, row_height);
            self.size = Some(size);
            if let Some((_, tx)) = &self.session {
                let _ = tx.try_send(Event::Resize(size.0, size.1));
            }
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel
            && let Some((_, tx)) = &self.session
        {
            let _ = tx.try_send(Event::Closed);
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channel_eof(channel, session).await
    }
}

/// A running server, for tests: where it listens, and how to stop it.
pub struct Running {
    pub addr: SocketAddr,
    sent: Arc<AtomicU64>,
    stop: tokio::sync::watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<Result<(), String>>>,
}

impl Running {
    /// The bytes of every frame the sessions have given to their connections so far (the
    /// slow-link test counts what leaves after a key's release).
    pub fn frame_bytes(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Stops as SIGTERM does and waits for the end; the store is flushed.
    pub fn stop(mut self) -> Result<(), String> {
        let _ = self.stop.send(true);
        self.thread.take().map_or(Ok(()), |t| {
            t.join().unwrap_or(Err("server panicked".into()))
        })
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn russh_config(key: PrivateKey, idle: Duration) -> russh::server::Config {
    russh::server::Config {
        keys: vec![key],
        methods: russh::MethodSet::from(&[russh::MethodKind::PublicKey][..]),
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        // Sessions end themselves when idle; a connection that never opens one goes too.
        inactivity_timeout: Some(idle + Duration::from_secs(60)),
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 4,
        nodelay: true,
        preferred: preferred(),
        ..Default::default()
    }
}

/// The algorithms offered: russh's safe defaults without the 2048-bit Diffie-Hellman group
/// (group14) and without encrypt-and-MAC HMACs (only their encrypt-then-MAC forms), which
/// ssh-audit warns about (issue 24). Every client kinerja is tried with (OpenSSH, PuTTY's
/// plink, Dropbear) still agrees on curve25519 and chacha20-poly1305 or AES-GCM.
fn preferred() -> russh::Preferred {
    use russh::{kex, mac};
    const KEX: &[kex::Name] = &[
        kex::MLKEM768X25519_SHA256,
        kex::CURVE25519,
        kex::CURVE25519_PRE_RFC_8731,
        kex::DH_GEX_SHA256,
        kex::DH_G18_SHA512,
        kex::DH_G17_SHA512,
        kex::DH_G16_SHA512,
        kex::DH_G15_SHA512,
        kex::EXTENSION_SUPPORT_AS_SERVER,
        kex::EXTENSION_OPENSSH_STRICT_KEX_AS_SERVER,
    ];
    const MAC: &[mac::Name] = &[mac::HMAC_SHA512_ETM, mac::HMAC_SHA256_ETM];
    russh::Preferred {
        kex: std::borrow::Cow::Borrowed(KEX),
        mac: std::borrow::Cow::Borrowed(MAC),
        ..russh::Preferred::DEFAULT
    }
}

/// Starts the server on its own thread (with its own runtime) and returns once it listens.
pub fn start(
    store: Store,
    settings: Settings,
    key: PrivateKey,
    authorize: Box<Authorize>,
) -> Result<Running, String> {
    let shared = Shared::load(&store, settings.base.today)
        .map_err(|e| format!("cannot read the staff list: {e}"))?;
    let std_listener = std::net::TcpListener::bind(settings.listen)
        .map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
    std_listener
        .set_nonblocking(true)
        .map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
    let addr = std_listener
        .local_addr()
        .map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
    let config = Arc::new(russh_config(key, settings.idle));
    let state = Arc::new(State {
        store,
        shared,
        settings,
        authorize,
        sessions: Mutex::new(HashMap::new()),
        threads: Mutex::new(Vec::new()),
        next_id: AtomicU64::new(1),
        failures: Mutex::new(HashMap::new()),
        stopping: std::sync::atomic::AtomicBool::new(false),
        gate: Arc::new(accept::Gate::default()),
        sent: Arc::new(AtomicU64::new(0)),
    });
    let sent = Arc::clone(&state.sent);
    let (stop, mut stopped) = tokio::sync::watch::channel(false);
    // The runtime and the listener are made here, so that once this returns the server
    // listens (a failure to start is this function's error, not a silent thread's).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start: {e}"))?;
    let listener = {
        let _inside = runtime.enter();
        tokio::net::TcpListener::from_std(std_listener)
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?
    };
    let thread = std::thread::Builder::new()
        .name("serve".into())
        .spawn(move || -> Result<(), String> {
            runtime.block_on(async {
                let (shutdown, _) = tokio::sync::broadcast::channel::<()>(1);
                // Accepting never ends while the server lives: a failed accept (out of
                // descriptors) is logged and tried again a moment later.
                loop {
                    tokio::select! {
                        _ = stopped.wait_for(|s| *s) => break,
                        accepted = listener.accept() => match accepted {
                            Ok((socket, peer)) => {
                                match state.gate.admit(peer.ip(), &state.settings.limits) {
                                    Ok(ticket) => spawn_connection(
                                        &state,
                                        &config,
                                        socket,
                                        peer,
                                        ticket,
                                        shutdown.subscribe(),
                                    ),
                                    Err(why) => {
                                        drop(socket);
                                        state.gate.log(accept::LOG_REFUSED, &why);
                                    }
                                }
                            }
                            Err(e) => {
                                let why = if accept::out_of_descriptors(&e) {
                                    "out of file descriptors"
                                } else {
                                    "the system refused"
                                };
                                state.gate.log(
                                    accept::LOG_ACCEPT,
                                    &format!(
                                        "cannot accept a connection ({why}: {e}); trying again in {} ms",
                                        accept::ACCEPT_RETRY.as_millis()
                                    ),
                                );
                                tokio::time::sleep(accept::ACCEPT_RETRY).await;
                            }
                        }
                    }
                }
                // No new session starts from here; every open one is told, closes its
                // screen and keeps its drafts.
                state.stopping.store(true, Ordering::Release);
                let open: Vec<SyncSender<Event>> =
                    lock(&state.sessions).values().cloned().collect();
                for tx in open {
                    // A full queue is drained by its session within moments.
                    for _ in 0..100 {
                        match tx.try_send(Event::Shutdown) {
                            Err(std::sync::mpsc::TrySendError::Full(_)) => {
                                tokio::time::sleep(Duration::from_millis(10)).await
                            }
                            _ => break,
                        }
                    }
                }
                let threads: Vec<_> = lock(&state.threads).drain(..).collect();
                for t in threads {
                    let _ = tokio::task::spawn_blocking(move || t.join()).await;
                }
                // Give the last frames and goodbyes a moment to reach the clients.
                tokio::time::sleep(Duration::from_millis(200)).await;
                let _ = shutdown.send(());
                tokio::time::sleep(Duration::from_millis(50)).await;
                Ok::<(), String>(())
            })?;
            state
                .store
                .flush()
                .map_err(|e| format!("cannot flush the database: {e}"))
        })
        .map_err(|e| format!("cannot start: {e}"))?;
    Ok(Running {
        sent,
        addr,
        stop,
        thread: Some(thread),
    })
}

/// Runs until SIGTERM, SIGINT or SIGHUP; then stops as [`Running::stop`].
pub fn run_until_signalled(running: Running) -> Result<(), String> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])
        .map_err(|e| format!("cannot watch for signals: {e}"))?;
    if let Some(sig) = signals.forever().next() {
        tell!("kinerja serve: signal {sig}: closing every session, keeping drafts");
    }
    running.stop()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TCP connection on loopback whose reader never reads, its writer's socket filled
    /// until the kernel holds far more than [`LINK_SLACK`] unacknowledged: a stalled link.
    fn stalled() -> (std::net::TcpStream, std::net::TcpStream) {
        use std::io::Write;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let mut writer =
            std::net::TcpStream::connect(listener.local_addr().expect("addr")).expect("connect");
        let (reader, _) = listener.accept().expect("accept");
        writer.set_nonblocking(true).expect("nonblocking");
        let chunk = [0u8; 65536];
        while writer.write(&chunk).is_ok() {}
        (writer, reader)
    }

    /// The writer of a connection russh has closed asks its socket's number, which the
    /// kernel may have given to another connection stalled behind a full link: it must not
    /// wait on that one (before, it polled it every 10 ms for as long as it stayed full).
    #[test]
    fn a_writer_never_waits_on_a_socket_that_took_its_number() {
        use std::os::fd::AsRawFd;
        let (full, _reader) = stalled();
        let mut held: libc::c_int = 0;
        // SAFETY: as in `carried`.
        unsafe { libc::ioctl(full.as_raw_fd(), libc::TIOCOUTQ, &mut held) };
        assert!(
            usize::try_from(held).unwrap_or(0) > LINK_SLACK,
            "stalled: {held}"
        );
        let ours = std::net::UdpSocket::bind("127.0.0.1:0").expect("socket");
        let socket = Socket::of(ours.as_raw_fd());
        // The connection closes and its number goes to the stalled one.
        // SAFETY: dup2 makes `ours`' number name the stalled socket; `ours` closes it.
        assert_eq!(
            unsafe { libc::dup2(full.as_raw_fd(), ours.as_raw_fd()) },
            ours.as_raw_fd()
        );
        let out = session::Outbox::default();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("runtime");
        // A guard, not a measure: it returns at once, and waited for ever before.
        let waited = runtime.block_on(async {
            tokio::time::timeout(Duration::from_secs(60), carried(socket, &out)).await
        });
        assert!(
            waited.is_ok(),
            "the writer waited on another connection's link"
        );
        // Its own stalled link it does wait on, until the session ends.
        let own = Socket::of(full.as_raw_fd());
        assert!(own.same());
        out.finish();
        let ended = runtime.block_on(async {
            tokio::time::timeout(Duration::from_secs(60), carried(own, &out)).await
        });
        assert!(ended.is_ok(), "the session ended: the writer stops waiting");
    }

    #[test]
    fn a_client_gets_a_sane_screen_size_whatever_it_asks() {
        assert_eq!(size_of(100, 30), (100, 30));
        assert_eq!(size_of(0, 0), (80, 24));
        assert_eq!(size_of(80, 0), (80, 24));
        assert_eq!(size_of(u32::MAX, u32::MAX), (MAX_COLS, MAX_ROWS));
        assert_eq!(size_of(65535, 10), (MAX_COLS, 10));
    }
}
