//! Logins and logouts over SSH are in the audit trail (issue 22): under `officers/NAME`,
//! by that officer, with the address and the key's fingerprint; `kinerja export audit`
//! shows them. A refused key writes no login.

mod common;

use kinerja::domain::{Officer, Role};
use kinerja::serve::{Settings, hostkey};
use kinerja::store::Store;
use kinerja::store::records::AuditAction;
use russh::client;
use russh::keys::{HashAlg, PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
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

#[test]
fn a_login_and_its_logout_are_audited_with_address_and_fingerprint() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("db");
    let store = Store::open(&db).expect("open");
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
    let settings = Settings {
        listen: "127.0.0.1:0".parse().expect("addr"),
        max_sessions: 5,
        idle: Duration::from_secs(120),
        limits: Default::default(),
        base: common::session::options(
            kinerja::ui::lang::Lang::Id,
            kinerja::ui::theme::Theme::default(),
        ),
    };
    let host = hostkey::load_or_create(&dir.path().join("host")).expect("host key");
    let authorize = kinerja::serve::officers_of(store.clone());
    let running = kinerja::serve::start(store.clone(), settings, host, authorize).expect("start");
    let addr = running.addr;
    let fingerprint = good.public_key().fingerprint(HashAlg::Sha256).to_string();
    let logins = |s: &Store| -> Vec<(AuditAction, String, String)> {
        s.audit_of("officers/ani")
            .expect("audit")
            .into_iter()
            .filter(|e| matches!(e.action, AuditAction::Login | AuditAction::Logout))
            .map(|e| (e.action, e.actor, e.summary))
            .collect()
    };
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        // A refused key: no login entry.
        let config = Arc::new(client::Config::default());
        let mut h = client::connect(config.clone(), addr, Client)
            .await
            .expect("connect");
        let refused = h
            .authenticate_publickey("ani", PrivateKeyWithHashAlg::new(Arc::new(key()), None))
            .await
            .expect("auth");
        assert!(!refused.success());
        drop(h);

        let mut h = client::connect(config, addr, Client)
            .await
            .expect("connect");
        let auth = h
            .authenticate_publickey(
                "ani",
                PrivateKeyWithHashAlg::new(Arc::new(good.clone()), None),
            )
            .await
            .expect("auth");
        assert!(auth.success());
        let mut ch = h.channel_open_session().await.expect("channel");
        ch.request_pty(true, "xterm", 80, 24, 0, 0, &[])
            .await
            .expect("pty");
        ch.request_shell(true).await.expect("shell");
        // The first frame.
        loop {
            match tokio::time::timeout(Duration::from_secs(10), ch.wait()).await {
                Ok(Some(russh::ChannelMsg::Data { .. })) => break,
                Ok(Some(_)) => {}
                other => panic!("no first frame: {other:?}"),
            }
        }
        let during = logins(&store);
        assert_eq!(during.len(), 1, "{during:?}");
        assert_eq!(during[0].0, AuditAction::Login);
        assert_eq!(during[0].1, "ani");
        assert_eq!(
            during[0].2,
            format!("from 127.0.0.1 with key {fingerprint}")
        );
        h.disconnect(russh::Disconnect::ByApplication, "bye", "en")
            .await
            .expect("disconnect");
    });
    // The logout is written when the server has seen the connection end.
    let deadline = Instant::now() + Duration::from_secs(10);
    while logins(&store).len() < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let after = logins(&store);
    assert_eq!(after.len(), 2, "{after:?}");
    assert_eq!(after[1].0, AuditAction::Logout);
    assert!(
        after[1]
            .2
            .starts_with(&format!("from 127.0.0.1 with key {fingerprint}, after ")),
        "{after:?}"
    );
    // The newest login, for the officers' list.
    let last = store.last_login("ani").expect("read").expect("a login");
    assert_eq!(
        last.summary,
        format!("from 127.0.0.1 with key {fingerprint}")
    );
    assert!(store.last_login("budi").expect("read").is_none());
    running.stop().expect("stop");
    store.close().expect("close");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(&db)
        .args(["export", "audit", "--officer", "ani"])
        .output()
        .expect("export");
    assert!(out.status.success(), "{out:?}");
    let csv = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = csv.lines().filter(|l| l.contains("officers/ani")).collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(
        lines[0].contains(",ani,login,officers/ani,from 127.0.0.1 with key SHA256:"),
        "{csv}"
    );
    assert!(lines[1].contains(",ani,logout,officers/ani,"), "{csv}");
}
