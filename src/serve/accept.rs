//! Taking connections (issue 24, "half-open connections kill `serve`"): the server's own
//! accept loop instead of russh's `run_on_socket`, so that
//! - a connection has [`Limits::handshake`] from its first byte to a login; one that has
//!   not logged in by then is closed (its reads and writes fail), whatever it sends;
//! - connections not logged in yet are capped per address and in all; more are closed at
//!   once, before any SSH byte;
//! - a failed `accept` (out of descriptors: `EMFILE`, `ENFILE`) is logged and tried again
//!   a moment later: the server never stops listening while it lives.
//!
//! The log names addresses and counts, never a person.

use std::collections::HashMap;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Limits on connections that have not logged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// From the connection to a login (the SSH handshake and authentication).
    pub handshake: Duration,
    /// Connections not logged in yet from one address.
    pub per_address: usize,
    /// Connections not logged in yet from all addresses.
    pub total: usize,
}

impl Default for Limits {
    /// 20 s, 10 per address, 64 in all: an office behind one NAT address logs in a few
    /// officers at a time, each in well under a second.
    fn default() -> Limits {
        Limits {
            handshake: Duration::from_secs(20),
            per_address: 10,
            total: 64,
        }
    }
}

/// How long the loop waits before accepting again after `accept` failed.
pub const ACCEPT_RETRY: Duration = Duration::from_millis(250);

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The connections not logged in yet, by address.
#[derive(Default)]
pub(super) struct Gate {
    waiting: Mutex<HashMap<IpAddr, usize>>,
    /// One log line a second at most for each kind of refusal; the rest are counted.
    log: Log,
}

impl Gate {
    /// A place for a new connection from `ip`, or why not.
    pub(super) fn admit(self: &Arc<Gate>, ip: IpAddr, limits: &Limits) -> Result<Ticket, String> {
        let mut waiting = lock(&self.waiting);
        let total: usize = waiting.values().sum();
        let here = waiting.get(&ip).copied().unwrap_or(0);
        if here >= limits.per_address {
            return Err(format!(
                "closed a connection from {ip}: {here} of its connections have not logged in yet (at most {})",
                limits.per_address
            ));
        }
        if total >= limits.total {
            return Err(format!(
                "closed a connection from {ip}: {total} connections have not logged in yet (at most {})",
                limits.total
            ));
        }
        *waiting.entry(ip).or_default() += 1;
        Ok(Ticket {
            gate: Arc::clone(self),
            ip,
        })
    }

    pub(super) fn log(&self, kind: usize, line: &str) {
        self.log.line(kind, line);
    }

    /// Connections not logged in yet (all addresses).
    #[cfg(test)]
    fn waiting(&self) -> usize {
        lock(&self.waiting).values().sum()
    }
}

/// A connection's place among those not logged in: given back when it logs in or ends.
pub(super) struct Ticket {
    gate: Arc<Gate>,
    ip: IpAddr,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut waiting = lock(&self.gate.waiting);
        if let Some(n) = waiting.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                waiting.remove(&self.ip);
            }
        }
    }
}

/// Kinds of log line, each limited to one a second.
pub(super) const LOG_REFUSED: usize = 0;
pub(super) const LOG_ACCEPT: usize = 1;
pub(super) const LOG_DEADLINE: usize = 2;

#[derive(Default)]
struct Log {
    last: Mutex<[Option<Instant>; 3]>,
    skipped: [AtomicU64; 3],
}

impl Log {
    fn line(&self, kind: usize, line: &str) {
        let mut last = lock(&self.last);
        let now = Instant::now();
        if last[kind].is_some_and(|t| now.duration_since(t) < Duration::from_secs(1)) {
            self.skipped[kind].fetch_add(1, Ordering::Relaxed);
            return;
        }
        last[kind] = Some(now);
        let skipped = self.skipped[kind].swap(0, Ordering::Relaxed);
        if skipped > 0 {
            tell!("kinerja serve: {line} (and {skipped} more like it in the last second)");
        } else {
            tell!("kinerja serve: {line}");
        }
    }
}

/// Whether an `accept` error is the process or system running out of descriptors.
pub(super) fn out_of_descriptors(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::EMFILE) | Some(libc::ENFILE))
}

/// A connection's stream with the login deadline: until `logged_in` is set, reads and
/// writes fail once the deadline has passed, which ends the SSH session and closes the
/// socket whatever the client does (or does not) send.
pub(super) struct Deadline<S> {
    inner: S,
    sleep: Pin<Box<tokio::time::Sleep>>,
    logged_in: Arc<AtomicBool>,
    expired: Option<Arc<AtomicBool>>,
}

impl<S> Deadline<S> {
    /// `expired` is set when the deadline closes the connection (for the log).
    pub(super) fn new(
        inner: S,
        limit: Duration,
        logged_in: Arc<AtomicBool>,
        expired: Arc<AtomicBool>,
    ) -> Deadline<S> {
        Deadline {
            inner,
            sleep: Box::pin(tokio::time::sleep(limit)),
            logged_in,
            expired: Some(expired),
        }
    }

    fn check(&mut self, cx: &mut Context<'_>) -> io::Result<()> {
        if self.logged_in.load(Ordering::Acquire) {
            return Ok(());
        }
        if self.sleep.as_mut().poll(cx).is_ready() {
            if let Some(flag) = self.expired.take() {
                flag.store(true, Ordering::Release);
            }
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "no login before the deadline",
            ));
        }
        Ok(())
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Deadline<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if let Err(e) = self.check(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Deadline<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Err(e) = self.check(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Err(e) = self.check(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_capped_per_address_and_in_all_and_given_back() {
        let gate = Arc::new(Gate::default());
        let limits = Limits {
            handshake: Duration::from_secs(1),
            per_address: 2,
            total: 3,
        };
        let a: IpAddr = "10.0.0.1".parse().expect("ip");
        let b: IpAddr = "10.0.0.2".parse().expect("ip");
        let c: IpAddr = "10.0.0.3".parse().expect("ip");
        let t1 = gate.admit(a, &limits).expect("first");
        let _t2 = gate.admit(a, &limits).expect("second");
        let refused = gate.admit(a, &limits).err().expect("third from a");
        assert!(refused.contains("10.0.0.1") && refused.contains("at most 2"));
        let _t3 = gate.admit(b, &limits).expect("b");
        let all = gate.admit(c, &limits).err().expect("fourth in all");
        assert!(all.contains("at most 3"), "{all}");
        drop(t1);
        assert_eq!(gate.waiting(), 2);
        assert!(gate.admit(c, &limits).is_ok(), "a place given back is free");
    }

    #[tokio::test]
    async fn the_deadline_fails_reads_until_a_login() {
        use tokio::io::AsyncReadExt;
        let (client, server) = tokio::io::duplex(64);
        let logged_in = Arc::new(AtomicBool::new(false));
        let expired = Arc::new(AtomicBool::new(false));
        let mut s = Deadline::new(
            server,
            Duration::from_millis(50),
            Arc::clone(&logged_in),
            Arc::clone(&expired),
        );
        let mut buf = [0u8; 8];
        // Nothing is sent: the read ends at the deadline instead of waiting forever.
        let e = s.read(&mut buf).await.expect_err("deadline");
        assert_eq!(e.kind(), io::ErrorKind::TimedOut);
        assert!(expired.load(Ordering::Acquire));
        // Logged in: the deadline no longer applies.
        logged_in.store(true, Ordering::Release);
        let mut c = client;
        tokio::io::AsyncWriteExt::write_all(&mut c, b"hi")
            .await
            .expect("write");
        let n = s.read(&mut buf).await.expect("read after login");
        assert_eq!(&buf[..n], b"hi");
    }
}
