//! The russh test client `tests/serve.rs` and `tests/control.rs` log in with: an officer's
//! key, the login, and a terminal (the channel and what it shows, through vt100).
#![allow(dead_code)]

use kinerja::domain::{Officer, Role};
use russh::client;
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{ChannelMsg, client::Handle};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

pub fn key() -> PrivateKey {
    PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519).unwrap()
}

pub fn officer(name: &str, role: Role, units: &[&str], key: &PrivateKey) -> Officer {
    Officer {
        name: name.into(),
        role,
        units: units.iter().map(|u| u.to_string()).collect(),
        keys: vec![key.public_key().to_openssh().unwrap()],
        lang: String::new(),
        revision: 0,
    }
}

pub async fn login(
    addr: std::net::SocketAddr,
    user: &str,
    key: &PrivateKey,
) -> Option<Handle<Client>> {
    let config = Arc::new(client::Config::default());
    let mut handle = client::connect(config, addr, Client).await.ok()?;
    let auth = handle
        .authenticate_publickey(
            user,
            PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None),
        )
        .await
        .ok()?;
    auth.success().then_some(handle)
}

/// One officer's terminal: the channel and what it shows.
pub struct Term {
    _handle: Handle<Client>,
    pub channel: russh::Channel<client::Msg>,
    pub screen: vt100::Parser,
    /// How long [`Term::wait_for`] waits.
    patience: Duration,
}

impl Term {
    /// Logs in and opens a shell on an 80x24 terminal; `wait_for` waits 10 s at most.
    pub async fn open(addr: std::net::SocketAddr, user: &str, key: &PrivateKey) -> Term {
        Term::open_for(addr, user, key, Duration::from_secs(10)).await
    }

    /// As [`Term::open`], `wait_for` waiting `patience` at most.
    pub async fn open_for(
        addr: std::net::SocketAddr,
        user: &str,
        key: &PrivateKey,
        patience: Duration,
    ) -> Term {
        let handle = login(addr, user, key).await.expect("login");
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(true, "xterm-256color", 80, 24, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        Term {
            _handle: handle,
            channel,
            screen: vt100::Parser::new(24, 80, 0),
            patience,
        }
    }

    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads output until the screen shows `what` (its patience at most).
    pub async fn wait_for(&mut self, what: &str) {
        let deadline = Instant::now() + self.patience;
        while !self.text().contains(what) {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => self.screen.process(&data),
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => panic!("waiting for {what:?}; the screen:\n{}", self.text()),
            }
        }
    }

    pub async fn send(&mut self, bytes: &[u8]) {
        self.channel.data_bytes(bytes.to_vec()).await.unwrap();
    }

    pub fn line_with(&self, needle: &str) -> String {
        self.text()
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or("")
            .to_string()
    }
}
