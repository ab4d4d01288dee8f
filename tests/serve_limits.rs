//! `kinerja serve` against connections that never log in (issue 24): a handshake
//! deadline, caps per address and in all, and a listener that outlives running out of
//! file descriptors. In its own test binary: one test lowers the process's descriptor
//! limit, which would upset tests running beside it.

mod common;

use kinerja::domain::{Officer, Role};
use kinerja::serve::{Limits, Running, Settings, hostkey};
use kinerja::store::Store;
use russh::client;
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use std::io::Read;
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn key() -> PrivateKey {
    PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519).expect("key")
}

fn start(limits: Limits) -> (tempfile::TempDir, Running, PrivateKey) {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    store.save_unit(&common::unit(), "t").expect("unit");
    let good = key();
    let officer = Officer {
        name: "ani".into(),
        role: Role::Admin,
        units: Vec::new(),
        keys: vec![good.public_key().to_openssh().expect("openssh")],
        lang: String::new(),
        revision: 0,
    };
    store.save_officer(&officer, true, "t").expect("officer");
    let authorize = kinerja::serve::officers_of(store.clone());
    let settings = Settings {
        listen: "127.0.0.1:0".parse().expect("addr"),
        max_sessions: 5,
        idle: Duration::from_secs(120),
        limits,
        base: common::session::options(
            kinerja::ui::lang::Lang::Id,
            kinerja::ui::theme::Theme::default(),
        ),
    };
    let host = hostkey::load_or_create(&dir.path().join("host")).expect("host key");
    let running = kinerja::serve::start(store, settings, host, authorize).expect("start");
    (dir, running, good)
}

fn logs_in(addr: SocketAddr, key: &PrivateKey) -> bool {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let config = Arc::new(client::Config::default());
        let r = tokio::time::timeout(
            Duration::from_secs(10),
            client::connect(config, addr, Client),
        )
        .await
        .unwrap_or_else(|_| Err(russh::Error::ConnectionTimeout));
        let Ok(mut handle) = r else {
            return false;
        };
        handle
            .authenticate_publickey(
                "ani",
                PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None),
            )
            .await
            .is_ok_and(|a| a.success())
    })
}

/// Reads until the server closes the connection; the time it took, or `None` when it was
/// still open after `wait`. What came first (the server's SSH banner, or nothing) too.
fn closed_within(mut s: &TcpStream, wait: Duration) -> (Option<Duration>, Vec<u8>) {
    let started = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 256];
    loop {
        let left = wait.saturating_sub(started.elapsed());
        if left.is_zero() {
            return (None, got);
        }
        s.set_read_timeout(Some(left)).expect("timeout");
        match s.read(&mut buf) {
            Ok(0) => return (Some(started.elapsed()), got),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return (None, got);
            }
            // Reset by the server: closed.
            Err(_) => return (Some(started.elapsed()), got),
        }
    }
}

/// The two cases run one after the other: the second lowers this process's descriptor
/// limit, which the first (or any test beside it) must not meet.
#[test]
fn the_listener_outlives_silent_connections_and_running_out_of_descriptors() {
    connections_that_never_log_in_are_capped_and_closed_at_the_deadline();
    running_out_of_descriptors_does_not_stop_the_listener();
}

fn connections_that_never_log_in_are_capped_and_closed_at_the_deadline() {
    let limits = Limits {
        handshake: Duration::from_secs(1),
        per_address: 4,
        total: 8,
    };
    let (_dir, running, good) = start(limits);
    let addr = running.addr;
    // Four silent connections: each gets the banner, then nothing.
    let held: Vec<TcpStream> = (0..4)
        .map(|_| TcpStream::connect(addr).expect("connect"))
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    // A fifth from the same address is closed at once, before any SSH byte.
    let fifth = TcpStream::connect(addr).expect("connect");
    let (closed, got) = closed_within(&fifth, Duration::from_secs(5));
    assert!(closed.is_some(), "the fifth stays open");
    assert!(got.is_empty(), "the fifth got {got:?}");
    // The held ones are closed at the deadline (1 s), not kept forever.
    for s in &held {
        let (closed, got) = closed_within(s, Duration::from_secs(5));
        assert!(
            closed.is_some(),
            "a silent connection is still open after 5 s"
        );
        assert!(got.starts_with(b"SSH-2.0-"), "{got:?}");
    }
    // Their places are free again: a good key logs in.
    assert!(logs_in(addr, &good), "a good key after the silent ones");
    running.stop().expect("stop");
}

fn running_out_of_descriptors_does_not_stop_the_listener() {
    let limits = Limits {
        handshake: Duration::from_secs(2),
        per_address: 1000,
        total: 1000,
    };
    let (_dir, running, good) = start(limits);
    let addr = running.addr;
    let open_now = std::fs::read_dir("/proc/self/fd").expect("fds").count() as u64;
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit write or read only the struct given.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut old), 0);
        let low = libc::rlimit {
            rlim_cur: open_now + 24,
            rlim_max: old.rlim_max,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &low), 0);
    }
    // Connections until this process (client and server alike) has no descriptor left:
    // the server's accept fails with EMFILE for the ones still in the backlog.
    let mut held = Vec::new();
    for _ in 0..200 {
        match TcpStream::connect(addr) {
            Ok(s) => held.push(s),
            Err(_) => break,
        }
    }
    assert!(held.len() > 5, "{} connections", held.len());
    // Let the server meet the empty table a few times.
    std::thread::sleep(Duration::from_millis(800));
    drop(held);
    // SAFETY: as above.
    unsafe {
        assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &old), 0);
    }
    std::thread::sleep(Duration::from_millis(600));
    assert!(
        logs_in(addr, &good),
        "the server stopped listening after running out of descriptors"
    );
    running.stop().expect("stop");
}
