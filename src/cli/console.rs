//! Where a command's output goes: the process's standard output and error, or, for a
//! command the running server carries out for a CLI on its control socket
//! ([`super::control`]), that CLI's. The choice is per thread: the server's sessions and
//! log lines on other threads keep the server's own streams.
//!
//! `say!`, `tell!`, `cli::say`, the CSV [`super::csvio::Output`], `profile` and `check
//! --warnings` all write through [`Stdout`] and [`Stderr`]; a command run for a CLI also
//! sees that CLI's user (the audit's officer) and working directory.

use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;

/// A command's streams and who runs it, for the commands of one thread.
pub struct Console {
    /// Standard output: every write goes here.
    pub out: Box<dyn Write>,
    /// Standard error.
    pub err: Box<dyn Write>,
    /// The operating-system user the audit names.
    pub user: String,
    /// The directory relative paths are taken from.
    pub cwd: PathBuf,
    /// Input files the CLI sent with its command (public keys), by their full path: a
    /// service cannot see its users' homes (`ProtectHome=yes`).
    pub files: std::collections::HashMap<PathBuf, Vec<u8>>,
}

thread_local! {
    static CONSOLE: RefCell<Option<Console>> = const { RefCell::new(None) };
}

/// Runs `f` with `console` as this thread's streams, user and directory; flushes them
/// and drops the console when `f` returns (or panics).
pub fn with<T>(console: Console, f: impl FnOnce() -> T) -> T {
    struct Restore;
    impl Drop for Restore {
        fn drop(&mut self) {
            let _ = Stdout.flush();
            let _ = Stderr.flush();
            // On a panic too: the thread's next command must not write to a gone client.
            CONSOLE.with(|c| {
                if let Ok(mut c) = c.try_borrow_mut() {
                    c.take();
                }
            });
        }
    }
    CONSOLE.with(|c| *c.borrow_mut() = Some(console));
    let _restore = Restore;
    f()
}

fn with_stream<T>(
    pick: impl FnOnce(&mut Console) -> &mut Box<dyn Write>,
    own: impl FnOnce() -> std::io::Result<T>,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> std::io::Result<T> {
    CONSOLE.with(|c| match c.try_borrow_mut() {
        Ok(mut c) => match c.as_mut() {
            Some(console) => f(pick(console).as_mut()),
            None => own(),
        },
        // Written to while writing (a Display impl that logs): dropped, never a panic.
        Err(_) => Err(std::io::Error::other("the console is busy")),
    })
}

/// Standard output of the command running on this thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stdout;

/// Standard error of the command running on this thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stderr;

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        with_stream(
            |c| &mut c.out,
            || std::io::stdout().write(buf),
            |w| w.write(buf),
        )
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        with_stream(
            |c| &mut c.out,
            || std::io::stdout().write_all(buf),
            |w| w.write_all(buf),
        )
    }

    fn flush(&mut self) -> std::io::Result<()> {
        with_stream(|c| &mut c.out, || std::io::stdout().flush(), |w| w.flush())
    }
}

impl Write for Stderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        with_stream(
            |c| &mut c.err,
            || std::io::stderr().write(buf),
            |w| w.write(buf),
        )
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        with_stream(
            |c| &mut c.err,
            || std::io::stderr().write_all(buf),
            |w| w.write_all(buf),
        )
    }

    fn flush(&mut self) -> std::io::Result<()> {
        with_stream(|c| &mut c.err, || std::io::stderr().flush(), |w| w.flush())
    }
}

/// The user of the command running on this thread, when a CLI gave one.
pub fn user() -> Option<String> {
    CONSOLE.with(|c| {
        c.try_borrow()
            .ok()
            .and_then(|c| c.as_ref().map(|c| c.user.clone()))
    })
}

/// Reads a small input file: the copy the CLI sent, if it sent one, else the file.
pub fn read_to_string(path: &std::path::Path) -> std::io::Result<String> {
    let sent = CONSOLE.with(|c| {
        c.try_borrow()
            .ok()
            .and_then(|c| c.as_ref().and_then(|c| c.files.get(path).cloned()))
    });
    match sent {
        Some(bytes) => String::from_utf8(bytes)
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text")),
        None => std::fs::read_to_string(path),
    }
}

/// The working directory of the command running on this thread: the CLI's for a command
/// the server runs for it, else the process's.
pub fn current_dir() -> std::io::Result<PathBuf> {
    let given = CONSOLE.with(|c| {
        c.try_borrow()
            .ok()
            .and_then(|c| c.as_ref().map(|c| c.cwd.clone()))
    });
    match given {
        Some(dir) => Ok(dir),
        None => std::env::current_dir(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_console_takes_this_threads_output_and_only_while_it_runs() {
        let (out, err) = (Shared::default(), Shared::default());
        let console = Console {
            out: Box::new(out.clone()),
            err: Box::new(err.clone()),
            user: "ani".into(),
            cwd: PathBuf::from("/somewhere"),
            files: [(
                PathBuf::from("/home/ani/ani.pub"),
                b"ssh-ed25519 AAAA".to_vec(),
            )]
            .into(),
        };
        with(console, || {
            say!("to the client");
            tell!("also to the client");
            assert_eq!(user().as_deref(), Some("ani"));
            assert_eq!(current_dir().unwrap(), PathBuf::from("/somewhere"));
            let sent = read_to_string(std::path::Path::new("/home/ani/ani.pub")).unwrap();
            assert_eq!(sent, "ssh-ed25519 AAAA");
            // Another thread keeps the process's streams.
            std::thread::spawn(|| assert_eq!(user(), None))
                .join()
                .unwrap();
        });
        assert_eq!(&*out.0.lock().unwrap(), b"to the client\n");
        assert_eq!(&*err.0.lock().unwrap(), b"also to the client\n");
        assert_eq!(user(), None, "given back after the command");
    }
}
