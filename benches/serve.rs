//! `kinerja serve` at 100,000 staff (the database of `benches/tui.rs`): the time from an
//! SSH connection to the first frame of a new session (criterion), and the server's
//! resident memory with 20 sessions open, printed with the memory per extra session.
//!
//! `cargo bench --bench serve`

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use kinerja::app::Options;
use kinerja::domain::{Officer, Role};
use kinerja::serve::Settings;
use kinerja::store::Store;
use russh::ChannelMsg;
use russh::client;
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

const STAFF: usize = 100_000;
const SESSIONS: usize = 20;

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn db_path() -> PathBuf {
    std::env::var_os("KINERJA_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-db-100k"))
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// Connects, opens a shell and reads until the first frame shows; returns the session's
/// handle and channel (kept open by the caller).
async fn session(
    addr: std::net::SocketAddr,
    key: &PrivateKey,
) -> (client::Handle<Client>, russh::Channel<client::Msg>) {
    let mut handle = client::connect(Arc::new(client::Config::default()), addr, Client)
        .await
        .expect("connect");
    let auth = handle
        .authenticate_publickey(
            "bench",
            PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None),
        )
        .await
        .expect("auth");
    assert!(auth.success());
    let mut channel = handle.channel_open_session().await.expect("channel");
    channel
        .request_pty(true, "xterm-256color", 80, 24, 0, 0, &[])
        .await
        .expect("pty");
    channel.request_shell(true).await.expect("shell");
    let mut screen = vt100::Parser::new(24, 80, 0);
    while !screen.screen().contents().contains("Beranda") {
        match channel.wait().await {
            Some(ChannelMsg::Data { data }) => screen.process(&data),
            Some(_) => {}
            None => panic!("the session closed before its first frame"),
        }
    }
    (handle, channel)
}

fn serve(c: &mut Criterion) {
    let path = db_path();
    let store = Store::open(&path).expect("open the benchmark database");
    if store.is_empty() {
        eprintln!("making {STAFF} staff in {} (once)...", path.display());
        kinerja::demo::fill(&store, STAFF, 1, date(2026, 11, 28), "bench", &|_| {})
            .expect("demo data");
    }
    let key = PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519).unwrap();
    let mut officer = store
        .officer("bench")
        .expect("read officers")
        .unwrap_or(Officer {
            name: "bench".into(),
            role: Role::Admin,
            units: Vec::new(),
            keys: Vec::new(),
            lang: String::new(),
            revision: 0,
        });
    let creating = officer.keys.is_empty() && store.officer("bench").ok().flatten().is_none();
    officer.keys = vec![key.public_key().to_openssh().unwrap()];
    store
        .save_officer(&officer, creating, "bench")
        .expect("the bench officer");
    let before_server = rss_kib();
    let authorize = kinerja::serve::officers_of(store.clone());
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        max_sessions: SESSIONS + 10,
        idle: Duration::from_secs(3600),
        limits: Default::default(),
        base: Options {
            lang: Default::default(),
            theme: Default::default(),
            today: date(2026, 11, 28),
            tz: jiff::tz::TimeZone::UTC,
            actor: "bench".into(),
            db_label: "bench".into(),
            export_dir: std::env::temp_dir(),
            officer: None,
            jp: Default::default(),
            remote: false,
            instansi: None,
            tempat: None,
        },
    };
    let host = PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519).unwrap();
    let running = kinerja::serve::start(store, settings, host, authorize).expect("serve");
    let addr = running.addr;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let first = rt.block_on(session(addr, &key));
    let with_one = rss_kib();
    let mut open = vec![first];
    rt.block_on(async {
        for _ in 1..SESSIONS {
            open.push(session(addr, &key).await);
        }
    });
    let with_all = rss_kib();
    eprintln!(
        "serve at {STAFF} staff: resident {:.1} MiB before the server, {:.1} MiB with 1 session, {:.1} MiB with {SESSIONS}; {:.2} MiB per extra session (client side included)",
        before_server as f64 / 1024.0,
        with_one as f64 / 1024.0,
        with_all as f64 / 1024.0,
        (with_all.saturating_sub(with_one)) as f64 / 1024.0 / (SESSIONS - 1) as f64
    );
    let mut group = c.benchmark_group("serve");
    group.sample_size(20);
    group.bench_function("connect_to_first_frame", |b| {
        b.iter(|| {
            rt.block_on(async {
                let (handle, channel) = session(addr, &key).await;
                let _ = channel.close().await;
                drop(handle);
            })
        })
    });
    group.finish();
    drop(open);
    running.stop().expect("stop");
}

criterion_group!(benches, serve);
criterion_main!(benches);
