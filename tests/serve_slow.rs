//! A slow client gets the latest screen, not every frame (issue 22). An officer on a
//! link that carries at most 1000 B/s from the server holds the Down key on the staff list
//! for 5 s (150 repeats, scrolling it). The session draws a frame only once the link has
//! carried the one before, so after the key's release it draws at most the latest screen
//! (a difference from what the client shows), the link carries that and the frame that was
//! on its way, and the screen ends on the row the last key chose. Before, the frames drawn
//! while the key was held queued in the server's socket.

mod common;

use kinerja::domain::{Officer, Role};
use kinerja::serve::{Settings, hostkey};
use kinerja::store::Store;
use russh::ChannelMsg;
use russh::client;
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// Bytes a second the link carries from the server to the client.
const RATE: usize = 1000;

/// A TCP proxy in front of `server` whose server-to-client direction carries [`RATE`]
/// bytes a second, with a small receive buffer so that the server, not the proxy, holds
/// what the link has not carried yet (as on a real slow link).
/// Bytes the link has taken from the server so far.
static FROM_SERVER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn slow_link(server: SocketAddr) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        let Ok((client, _)) = listener.accept() else {
            return;
        };
        let upstream = TcpStream::connect(server).expect("connect");
        let small: libc::c_int = 1;
        // SAFETY: SO_RCVBUF reads one int from the pointer given.
        unsafe {
            libc::setsockopt(
                upstream.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_RCVBUF,
                (&small as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
        let (mut up_read, mut up_write) = (upstream.try_clone().expect("clone"), upstream);
        let (mut down_read, mut down_write) = (client.try_clone().expect("clone"), client);
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut down_read, &mut up_write);
        });
        // Up to half a second's bytes at a time, then as long a pause as they take at
        // RATE: the link never carries more than RATE, and reads large enough for the
        // small window to open again at once (smaller ones stall it, and the link then
        // carries far less than RATE).
        let mut buf = vec![0u8; RATE / 2];
        loop {
            match up_read.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    FROM_SERVER.fetch_add(n, std::sync::atomic::Ordering::SeqCst);
                    if down_write.write_all(&buf[..n]).is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_secs_f64(n as f64 / RATE as f64));
                }
            }
        }
    });
    addr
}

#[test]
fn a_held_key_on_a_slow_link_settles_within_one_screen_of_its_release() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    store.save_unit(&common::unit(), "t").expect("unit");
    for n in 0..300 {
        let mut st = common::staff(&format!("198503302010011{:03}", n + 1));
        st.nama = format!("Pegawai {n:03}");
        store.save_staff(&st, "t").expect("staff");
    }
    let key = PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519).expect("key");
    let officer = Officer {
        name: "ani".into(),
        role: Role::Admin,
        units: Vec::new(),
        keys: vec![key.public_key().to_openssh().expect("openssh")],
        lang: String::new(),
        revision: 0,
    };
    store.save_officer(&officer, true, "t").expect("officer");
    let authorize = kinerja::serve::officers_of(store.clone());
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
    let host = hostkey::load_or_create(&dir.path().join("host")).expect("host");
    let running = kinerja::serve::start(store, settings, host, authorize).expect("start");
    let link = slow_link(running.addr);
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let config = Arc::new(client::Config::default());
        let mut handle = client::connect(config, link, Client).await.expect("connect");
        let auth = handle
            .authenticate_publickey("ani", PrivateKeyWithHashAlg::new(Arc::new(key), None))
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
        // Reads until the screen shows `what`; the bytes read.
        async fn until(
            channel: &mut russh::Channel<client::Msg>,
            screen: &mut vt100::Parser,
            what: &str,
        ) -> usize {
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut bytes = 0;
            while !screen.screen().contents().contains(what) {
                let left = deadline.saturating_duration_since(Instant::now());
                match tokio::time::timeout(left, channel.wait()).await {
                    Ok(Some(ChannelMsg::Data { data })) => {
                        bytes += data.len();
                        screen.process(&data);
                    }
                    Ok(Some(_)) => {}
                    _ => panic!("waiting for {what}:\n{}", screen.screen().contents()),
                }
            }
            bytes
        }
        // The first screen, drawn whole: the size of one screen on this link.
        let whole = until(&mut channel, &mut screen, "Beranda").await;
        channel.data(&b"2"[..]).await.expect("key");
        until(&mut channel, &mut screen, "Pegawai 001").await;
        // Hold Down for 5 s (30 repeats a second, as a keyboard does), reading meanwhile.
        let mut presses = 0;
        while presses < 150 {
            channel.data(&b"\x1b[B"[..]).await.expect("key");
            presses += 1;
            let next = Instant::now() + Duration::from_millis(33);
            while let Ok(Some(msg)) =
                tokio::time::timeout_at(next.into(), channel.wait()).await
            {
                if let ChannelMsg::Data { data } = msg {
                    screen.process(&data);
                }
            }
        }
        // Released: read until the screen shows the row the last key chose (a slow link
        // pauses for seconds while its window is closed), then until it is quiet for 1 s.
        let taken_at_release = FROM_SERVER.load(std::sync::atomic::Ordering::SeqCst);
        let given_at_release = running.frame_bytes();

        let released = Instant::now();
        let chosen = format!("Pegawai {:03}", presses.min(299));
        let mut after = 0;
        let mut settled = None;
        loop {
            let wait = if settled.is_some() { 1 } else { 60 };
            let Ok(Some(msg)) =
                tokio::time::timeout(Duration::from_secs(wait), channel.wait()).await
            else {
                break;
            };
            if let ChannelMsg::Data { data } = msg {
                after += data.len();
                screen.process(&data);
                if settled.is_none() && highlighted(&screen).contains(&chosen) {
                    settled = Some(released.elapsed());
                }
            }
        }
        let sent_after =
            FROM_SERVER.load(std::sync::atomic::Ordering::SeqCst) - taken_at_release;
        let drawn_after = running.frame_bytes() - given_at_release;
        eprintln!(
            "one screen {whole} bytes; {presses} presses; after the release: {drawn_after} bytes drawn, {sent_after} left the server, {after} reached the client, settled in {settled:?}"
        );
        assert!(
            settled.is_some(),
            "{chosen} is never shown chosen:\n{}",
            screen.screen().contents()
        );
        // After the release the session draws at most the latest screen, as a difference
        // from what the client shows: under one whole screen.
        assert!(
            drawn_after < whole as u64,
            "after the release the session drew {drawn_after} bytes, a whole screen is {whole}"
        );
        // What the link still carries: the frame on its way at the release and that one,
        // never a queue of the frames drawn while the key was held.
        assert!(
            sent_after <= 2 * whole,
            "after the release {sent_after} bytes left the server, more than two screens ({whole} each)"
        );
    });
    running.stop().expect("stop");
}

/// The text of the row drawn highlighted (the chosen one) below the tab bar.
fn highlighted(screen: &vt100::Parser) -> String {
    let shown = screen.screen();
    (2..23u16)
        .find(|&row| {
            shown
                .cell(row, 30)
                .is_some_and(|c| c.inverse() || c.bgcolor() != vt100::Color::Default)
        })
        .and_then(|row| shown.rows(0, 80).nth(row as usize))
        .unwrap_or_default()
}
