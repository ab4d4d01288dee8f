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

pub mod hostkey;
pub mod session;

use crate::app::{Options, Shared};
use crate::domain::Officer;
use crate::store::Store;
use crate::ui::lang::T;
use crate::ui::theme::Theme;
use russh::keys::{HashAlg, PrivateKey, PublicKey};
use russh::server::{Auth, Msg, PublicKeyOffer, Server as _, Session, VerifiedPublicKey};
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

/// Failed logins from one address within [`FAILURE_WINDOW`] before it is refused.
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
    /// Per-session options before the officer and terminal are known.
    pub base: Options,
}

struct Failures {
    count: u32,
    since: Instant,
}

/// What every connection shares.
struct State {
    store: Store,
    shared: Shared,
    settings: Settings,
    authorize: Box<Authorize>,
    sessions: Mutex<HashMap<u64, SyncSender<Event>>>,
    /// Set when stopping: no new session starts.
    stopping: std::sync::atomic::AtomicBool,
    threads: Mutex<Vec<std::thread::JoinHandle<session::End>>>,
    next_id: AtomicU64,
    failures: Mutex<HashMap<IpAddr, Failures>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl State {
    fn blocked(&self, ip: Option<IpAddr>) -> bool {
        let Some(ip) = ip else { return false };
        let mut failures = lock(&self.failures);
        match failures.get(&ip) {
            Some(f) if f.since.elapsed() > FAILURE_WINDOW => {
                failures.remove(&ip);
                false
            }
            Some(f) if f.count >= MAX_FAILURES => {
                tell!(
                    "kinerja serve: {ip} is held off for the rest of the minute after {MAX_FAILURES} refused connections"
                );
                true
            }
            Some(_) => false,
            None => false,
        }
    }

    /// Counts one connection that ended without a login, and logs it (address and key
    /// fingerprint only).
    fn failed(&self, ip: Option<IpAddr>, fingerprint: &str) {
        let Some(ip) = ip else {
            tell!("kinerja serve: refused key {fingerprint}");
            return;
        };
        let mut failures = lock(&self.failures);
        failures.retain(|_, f| f.since.elapsed() <= FAILURE_WINDOW);
        let f = failures.entry(ip).or_insert(Failures {
            count: 0,
            since: Instant::now(),
        });
        if f.since.elapsed() > FAILURE_WINDOW {
            *f = Failures {
                count: 0,
                since: Instant::now(),
            };
        }
        f.count += 1;
        tell!(
            "kinerja serve: refused key {fingerprint} from {ip} ({} of {MAX_FAILURES} allowed per minute)",
            f.count
        );
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
    /// The fingerprint of a key refused on this connection, counted once when it ends
    /// without a login (an agent offering several keys is one failure, not several).
    refused: Option<String>,
}

impl Drop for Conn {
    fn drop(&mut self) {
        if let Some((_, tx)) = &self.session {
            let _ = tx.try_send(Event::Closed);
        }
        if self.officer.is_none()
            && let Some(fingerprint) = self.refused.take()
        {
            self.state.failed(self.ip(), &fingerprint);
        }
    }
}

struct Listener {
    state: Arc<State>,
}

impl russh::server::Server for Listener {
    type Handler = Conn;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> Conn {
        Conn {
            state: Arc::clone(&self.state),
            peer,
            officer: None,
            channel: None,
            term: String::new(),
            size: None,
            env: HashMap::new(),
            session: None,
            refused: None,
        }
    }
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

/// Events queued for one session before its client's keystrokes are dropped: a client
/// that types faster than its session can handle them cannot fill the server's memory.
pub const EVENT_QUEUE: usize = 1024;

impl Conn {
    fn ip(&self) -> Option<IpAddr> {
        self.peer.map(|p| p.ip())
    }

    fn check(&mut self, user: &str, key: &PublicKey) -> Option<Officer> {
        if self.state.blocked(self.ip()) {
            return None;
        }
        let found = (self.state.authorize)(user, key);
        if found.is_none() {
            self.refused = Some(key.fingerprint(HashAlg::Sha256).to_string());
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
        tokio::spawn(async move {
            loop {
                out.ready.notified().await;
                if let Some(bytes) = out.take()
                    && handle.data(channel, bytes).await.is_err()
                {
                    break;
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
                self.officer = Some(officer);
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
    stop: tokio::sync::watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<Result<(), String>>>,
}

impl Running {
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
        ..Default::default()
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
    });
    let (stop, mut stopped) = tokio::sync::watch::channel(false);
    let thread = std::thread::Builder::new()
        .name("serve".into())
        .spawn(move || -> Result<(), String> {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .map_err(|e| format!("cannot start: {e}"))?;
            runtime.block_on(async {
                let listener = tokio::net::TcpListener::from_std(std_listener)
                    .map_err(|e| format!("cannot listen: {e}"))?;
                let mut server = Listener {
                    state: Arc::clone(&state),
                };
                let mut running = server.run_on_socket(config, &listener);
                let handle = running.handle();
                tokio::select! {
                    result = &mut running => {
                        return result.map_err(|e| format!("the server stopped: {e}"));
                    }
                    _ = stopped.wait_for(|s| *s) => {}
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
                handle.shutdown("kinerja serve stopped".into());
                let _ = running.await;
                Ok::<(), String>(())
            })?;
            state
                .store
                .flush()
                .map_err(|e| format!("cannot flush the database: {e}"))
        })
        .map_err(|e| format!("cannot start: {e}"))?;
    Ok(Running {
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

    #[test]
    fn a_client_gets_a_sane_screen_size_whatever_it_asks() {
        assert_eq!(size_of(100, 30), (100, 30));
        assert_eq!(size_of(0, 0), (80, 24));
        assert_eq!(size_of(80, 0), (80, 24));
        assert_eq!(size_of(u32::MAX, u32::MAX), (MAX_COLS, MAX_ROWS));
        assert_eq!(size_of(65535, 10), (MAX_COLS, 10));
    }
}
