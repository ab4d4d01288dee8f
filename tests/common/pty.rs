//! The real binary on a pseudo-terminal: bytes in as a terminal sends them, bytes out as a
//! terminal receives them.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Pty {
    pub child: Child,
    /// None once [`Pty::hang_up`] closed it.
    master: Option<std::fs::File>,
    out: Arc<Mutex<Vec<u8>>>,
    /// Tells the reader to stop and let go of its copy of the master.
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Pty {
    /// Starts `kinerja ARGS` on an 80x24 terminal with `TERM=xterm-256color`, a UTF-8
    /// locale and a HOME of its own (no config file).
    pub fn spawn(args: &[&str], home: &std::path::Path) -> Pty {
        let mut master: libc::c_int = 0;
        let mut slave: libc::c_int = 0;
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors; the other pointers may be null / valid.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty failed");
        // The master stays in this process only: a child holding a copy would keep the
        // terminal open after `hang_up`. (openpty does not set close-on-exec.)
        // SAFETY: fcntl on a descriptor just opened here.
        unsafe {
            libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        }
        // SAFETY: both descriptors were just opened and are owned here.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let slave_fd = slave.as_raw_fd();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kinerja"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env("USER", "tester")
            .stdin(Stdio::from(slave.try_clone().expect("dup")))
            .stdout(Stdio::from(slave.try_clone().expect("dup")))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(slave_fd, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn kinerja");
        let master = std::fs::File::from(master);
        let out = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().expect("dup master");
        let sink = Arc::clone(&out);
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Ends with EIO once the child and every copy of the slave are gone, or when
            // told to stop (it looks every 20 ms).
            while !stopping.load(Ordering::Relaxed) {
                let mut fds = [libc::pollfd {
                    fd: reader.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                }];
                // SAFETY: one valid pollfd for the duration of the call.
                let rc = unsafe { libc::poll(fds.as_mut_ptr(), 1, 20) };
                if rc <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(n) if n > 0 => sink
                        .lock()
                        .expect("output lock")
                        .extend_from_slice(&buf[..n]),
                    _ => break,
                }
            }
        });
        Pty {
            child,
            master: Some(master),
            out,
            stop,
            reader: Some(reader),
        }
    }

    /// Writes bytes as the terminal would, in one write.
    pub fn send(&mut self, bytes: &[u8]) {
        self.master
            .as_mut()
            .expect("the terminal is open")
            .write_all(bytes)
            .expect("write to pty");
    }

    /// Closes the terminal as a terminal window does when it is closed: every copy of the
    /// master is closed, so the program gets SIGHUP and its reads and writes fail.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.master = None;
    }

    /// Everything the program wrote so far.
    pub fn output(&self) -> Vec<u8> {
        self.out.lock().expect("output lock").clone()
    }

    pub fn output_len(&self) -> usize {
        self.out.lock().expect("output lock").len()
    }

    /// Waits until the output after `from` contains `needle`; panics after 20 s.
    pub fn wait_for(&self, from: usize, needle: &str) {
        let start = Instant::now();
        loop {
            let out = self.output();
            let tail = String::from_utf8_lossy(&out[from.min(out.len())..]).into_owned();
            if tail.contains(needle) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {needle:?}; screen output was:\n{tail}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until no output has come for `quiet`.
    pub fn settle(&self, quiet: Duration) {
        let mut last = self.output_len();
        let start = Instant::now();
        loop {
            std::thread::sleep(quiet);
            let now = self.output_len();
            if now == last || start.elapsed() > Duration::from_secs(20) {
                return;
            }
            last = now;
        }
    }

    pub fn signal(&self, sig: libc::c_int) {
        // SAFETY: kill with a pid of our own child.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, sig);
        }
    }

    /// Waits for the child to exit; panics after 20 s.
    pub fn wait_exit(&mut self) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Let the reader thread take the last bytes.
                if self.reader.is_some() {
                    std::thread::sleep(Duration::from_millis(100));
                }
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "kinerja did not exit"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Counts the frames in `bytes`: each is wrapped in a synchronized-update start.
pub fn frames(bytes: &[u8]) -> usize {
    bytes.windows(8).filter(|w| w == b"\x1b[?2026h").count()
}
