//! The terminal: raw mode, the alternate screen and bracketed paste, the event loop, the
//! signals that end a session, and restoring the terminal on every way out (including a
//! panic, through a chained hook).
//!
//! The loop blocks on the terminal and on a signal pipe (no timer ticks: an idle session
//! writes nothing), reads every byte waiting, turns them into events with
//! [`InputParser`], handles them all and draws once, inside synchronized-output
//! markers.

pub mod scroll;
use crate::app::App;
use crate::ui::event::{ESC_WAIT, InputParser, PASTE_WAIT};
use crate::ui::theme::Theme;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Picks the theme from the environment: `NO_COLOR` turns colour off; `TERM=linux`,
/// `vt100`, `vt220`, `dumb` or a non-UTF-8 locale turn on ASCII borders and symbols.
pub fn theme_from_env(force_ascii: bool, no_color_config: bool) -> Theme {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let no_color = var("NO_COLOR").is_some() || no_color_config;
    let term = var("TERM").unwrap_or_default();
    // The first of LC_ALL, LC_CTYPE, LANG that is set decides the character set; none set
    // at all is the C locale here (unlike an SSH client that sends none).
    let locale = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"))
        .unwrap_or_else(|| "C".into());
    Theme::for_terminal(&term, no_color, &locale, force_ascii)
}

fn draw(terminal: &mut Term, app: &mut App) -> io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|f| app.draw(f))?;
    crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    app.after_frame();
    Ok(())
}

type Term = Terminal<scroll::Scrolling<io::Stdout>>;

/// Puts the terminal back: bracketed paste off, the main screen back, the cursor shown, raw
/// mode off. Safe to call more than once (the panic hook and the normal exit both call it).
pub fn restore_terminal() {
    let mut out = io::stdout();
    let _ = crossterm::execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Signals that end the session cleanly, and the one that resizes it.
struct Signals {
    /// Woken by every signal below: polled beside the terminal.
    wake: UnixStream,
    stop: Arc<AtomicBool>,
    resized: Arc<AtomicBool>,
    /// Every registration, to undo them when the screens do not open after all.
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        use signal_hook::consts::{
            SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGWINCH,
            SIGXCPU,
        };
        let (wake, write) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let stop = Arc::new(AtomicBool::new(false));
        let resized = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        // Besides the usual four, the signals whose default would end the process on the
        // spot and leave the terminal raw (issue 24: SIGUSR1, SIGALRM) end it cleanly.
        for sig in [
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU,
        ] {
            ids.push(signal_hook::flag::register(sig, Arc::clone(&stop))?);
            ids.push(signal_hook::low_level::pipe::register(
                sig,
                write.try_clone()?,
            )?);
        }
        ids.push(signal_hook::flag::register(SIGWINCH, Arc::clone(&resized))?);
        ids.push(signal_hook::low_level::pipe::register(SIGWINCH, write)?);
        Ok(Signals {
            wake,
            stop,
            resized,
            ids,
        })
    }

    fn drain(&self) {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
    }
}

/// Runs the app until it quits or a signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT, and SIGUSR1,
/// SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU, which would otherwise kill it raw) ends the
/// session, or the terminal goes away. Drafts are written as forms change, so a signal
/// loses nothing typed; the caller closes (flushes) the store. The terminal is restored before this returns, whatever
/// happened, and by the panic hook on a panic.
///
/// `earlier` is what an opening given back before the screens read
/// ([`Opening::take_typed`]); an opening given here hands over its own after it.
pub fn run(app: &mut App, opening: Option<Opening>, earlier: Typed) -> Result<(), String> {
    let (mut terminal, signals, typed) = match opening {
        Some(mut o) => match (o.terminal.take(), o.signals.take()) {
            (Some(t), Some(s)) => {
                let own = o.take_typed();
                let typed = if earlier.inputs.is_empty() {
                    own
                } else {
                    let mut inputs = earlier.inputs;
                    inputs.extend(own.inputs);
                    Typed {
                        parser: own.parser,
                        inputs,
                    }
                };
                (t, s, typed)
            }
            _ => return Err("the terminal was already given back".into()),
        },
        None => {
            let signals =
                Signals::register().map_err(|e| format!("cannot watch for signals: {e}"))?;
            (take_terminal()?, signals, earlier)
        }
    };
    let result = event_loop(&mut terminal, app, &signals, typed);
    restore_terminal();
    // Before ratatui's Terminal is dropped: its drop prints to stderr when it cannot show
    // the cursor again, which on a closed terminal would panic.
    quiet_if_terminal_gone();
    drop(terminal);
    result
}

/// What was typed while the database opened, and the parser that read it
/// ([`Opening::read_keys`]): handed to the screens' loop ([`run`]), which handles those
/// inputs first and goes on reading with the same parser, so nothing typed is lost or
/// read twice, even a sequence cut in two.
#[derive(Debug, Default)]
pub struct Typed {
    parser: InputParser,
    inputs: Vec<crate::ui::event::Input>,
}

/// The terminal taken before the database is open, with its first frame drawn (issue 23:
/// draw before the work). [`run`] goes on with it, so its first frame changes only what
/// differs; [`Opening::leave`] gives the terminal back when the screens do not open.
pub struct Opening {
    terminal: Option<Term>,
    /// Watched from the start: a signal while the database opens ends the session as soon
    /// as the loop starts, with the terminal put back (the default would leave it raw).
    signals: Option<Signals>,
    /// What was typed while the database opened ([`Opening::read_keys`]), in order, and
    /// the parser that read it: [`run`] hands both to the screens, which handle the
    /// inputs first, so nothing typed early is lost or read twice.
    typed: Typed,
    /// The terminal went away or failed while being read: nothing more is read here (the
    /// loop meets the same and ends the session).
    unreadable: bool,
}

impl Opening {
    /// Takes the terminal (raw mode, the alternate screen; the panic hook puts it back)
    /// and draws `paint` at once. Errors: the terminal cannot be used.
    pub fn start(paint: impl FnOnce(&mut ratatui::Frame)) -> Result<Opening, String> {
        let signals = Signals::register().map_err(|e| format!("cannot watch for signals: {e}"))?;
        let mut terminal = take_terminal()?;
        let drawn = (|| -> io::Result<()> {
            crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
            terminal.draw(paint)?;
            crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)
        })();
        if let Err(e) = drawn {
            restore_terminal();
            quiet_if_terminal_gone();
            return Err(format!("cannot use this terminal: {e}"));
        }
        Ok(Opening {
            terminal: Some(terminal),
            signals: Some(signals),
            typed: Typed::default(),
            unreadable: false,
        })
    }

    /// Waits up to `wait` for keys while the database still opens, and reads every byte
    /// waiting through the loop's own parser ([`InputParser`]). Returns whether inputs
    /// were added to [`Opening::typed`]. Only the terminal is watched: a signal meanwhile
    /// is left for the loop (which ends the session on a stop, or resizes), and after a
    /// stop nothing more is read; a terminal that went away is not read again.
    pub fn read_keys(&mut self, wait: Duration) -> bool {
        let stopped = self
            .signals
            .as_ref()
            .is_none_or(|s| s.stop.load(Ordering::Relaxed));
        if self.unreadable || stopped {
            std::thread::sleep(wait);
            return false;
        }
        let tty = io::stdin().as_raw_fd();
        let before = self.typed.inputs.len();
        let mut buf = [0u8; 1024];
        let mut timeout = wait;
        loop {
            match poll_in(tty, timeout) {
                Ok(true) => match read_tty(tty, &mut buf) {
                    Ok(n) if n > 0 => self.typed.parser.feed(&buf[..n], &mut self.typed.inputs),
                    _ => {
                        self.unreadable = true;
                        break;
                    }
                },
                Ok(false) => break,
                Err(_) => {
                    self.unreadable = true;
                    break;
                }
            }
            // Everything already waiting, without waiting again.
            timeout = Duration::ZERO;
        }
        self.typed.inputs.len() > before
    }

    /// What was typed while the database opened, taken out (when the opening is given
    /// back before the screens, for [`run`] to handle all the same).
    pub fn take_typed(&mut self) -> Typed {
        std::mem::take(&mut self.typed)
    }

    /// The inputs read while the database opened, oldest first.
    pub fn typed(&self) -> &[crate::ui::event::Input] {
        &self.typed.inputs
    }

    /// Draws `paint` in place of what is shown (only what differs is written), as one
    /// synchronized update. Errors: the terminal cannot be used.
    pub fn redraw(&mut self, paint: impl FnOnce(&mut ratatui::Frame)) -> Result<(), String> {
        let Some(terminal) = self.terminal.as_mut() else {
            return Ok(());
        };
        (|| -> io::Result<()> {
            crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
            terminal.draw(paint)?;
            crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)
        })()
        .map_err(|e| format!("cannot use this terminal: {e}"))
    }

    /// Gives the terminal back (what follows is said on the main screen); dropping it
    /// does the same.
    pub fn leave(self) {
        drop(self);
    }
}

impl Drop for Opening {
    fn drop(&mut self) {
        let Some(terminal) = self.terminal.take() else {
            return;
        };
        restore_terminal();
        quiet_if_terminal_gone();
        drop(terminal);
        let Some(signals) = self.signals.take() else {
            return;
        };
        // What follows (a check after an unclean close) is stopped by a signal as any
        // command is; one that came while the database opened ends the process now, as
        // its default would have, with the terminal already back.
        let stopped = signals.stop.load(Ordering::Relaxed);
        for id in signals.ids {
            signal_hook::low_level::unregister(id);
        }
        if stopped {
            let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTERM);
        }
    }
}

/// Raw mode, the alternate screen and bracketed paste, with a panic hook that restores the
/// terminal before the panic's message.
fn take_terminal() -> Result<Term, String> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    init().map_err(|e| {
        restore_terminal();
        format!("cannot use this terminal: {e}")
    })
}

/// A terminal that went away (its window closed, its SSH link dropped) fails every later
/// write, and Rust's print macros panic on a failed write ("failed printing to stderr",
/// exit 101; issue 24). Each of standard input, output and error that reports the hang-up
/// is pointed at /dev/null, so what is said after the screens (the automatic backup, an
/// error, ratatui's own last words) is dropped quietly and kinerja exits 0, drafts kept.
pub fn quiet_if_terminal_gone() {
    let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    else {
        return;
    };
    for fd in [0, 1, 2] {
        let mut p = [libc::pollfd {
            fd,
            events: libc::POLLOUT,
            revents: 0,
        }];
        // SAFETY: one valid pollfd for the duration of the call; no wait.
        let n = unsafe { libc::poll(p.as_mut_ptr(), 1, 0) };
        if n > 0 && p[0].revents & (libc::POLLHUP | libc::POLLERR) != 0 {
            // SAFETY: dup2 of a descriptor we own onto a standard one.
            unsafe {
                libc::dup2(null.as_raw_fd(), fd);
            }
        }
    }
}

/// Whether an error of the terminal means it went away (a hung-up terminal answers EIO).
fn gone(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::EIO)
}

fn init() -> io::Result<Term> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(scroll::Scrolling::over(io::stdout()))
}

/// Waits up to `timeout` for input on the terminal alone; true when it is readable (or
/// hung up, which the read then says).
fn poll_in(tty: RawFd, timeout: Duration) -> io::Result<bool> {
    let mut fd = [libc::pollfd {
        fd: tty,
        events: libc::POLLIN,
        revents: 0,
    }];
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: `fd` is a valid array of one pollfd for the duration of the call.
    let n = unsafe { libc::poll(fd.as_mut_ptr(), 1, ms) };
    if n < 0 {
        let e = io::Error::last_os_error();
        return if e.kind() == io::ErrorKind::Interrupted {
            Ok(false)
        } else {
            Err(e)
        };
    }
    Ok(fd[0].revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0)
}

/// Waits for input or a signal; `None` waits for ever. Returns (terminal readable, signal).
fn wait_for(tty: RawFd, signals: &Signals, timeout: Option<Duration>) -> io::Result<(bool, bool)> {
    let mut fds = [
        libc::pollfd {
            fd: tty,
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: signals.wake.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    let ms = timeout.map_or(-1, |d| d.as_millis().min(i32::MAX as u128) as i32);
    // SAFETY: `fds` is a valid array of two pollfd for the duration of the call.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, ms) };
    if n < 0 {
        let e = io::Error::last_os_error();
        if e.kind() == io::ErrorKind::Interrupted {
            return Ok((false, true));
        }
        return Err(e);
    }
    let readable = libc::POLLIN | libc::POLLHUP | libc::POLLERR;
    Ok((
        fds[0].revents & readable != 0,
        fds[1].revents & readable != 0,
    ))
}

/// The loop of [`run`]; `typed` is what was read while the database opened (the parser
/// and its inputs, [`Opening::read_keys`]), handled first.
fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    signals: &Signals,
    typed: Typed,
) -> Result<(), String> {
    let io_err = |e: io::Error| format!("terminal error: {e}");
    // A terminal that went away ends the session as SIGHUP does (drafts are kept).
    macro_rules! or_gone {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(e) if gone(&e) => return Ok(()),
                Err(e) => return Err(io_err(e)),
            }
        };
    }
    let Typed {
        mut parser,
        mut inputs,
    } = typed;
    // Keys typed while the database opened: over rows already whole (from the view) they
    // are handled before the first frame, which then shows what the opening drew from
    // them (`app::draw_opening_list`); over the first page only, after every row is read,
    // as keys typed meanwhile always were. A terminal too small for the screens takes no
    // keys, as in the loop.
    if let Ok(size) = terminal.size() {
        app.note_size(size.width, size.height);
    }
    let early = !app.loading();
    if early && handle_inputs(app, &mut inputs) {
        return Ok(());
    }
    or_gone!(draw(terminal, app));
    // The first frame shows the first page; now read the rest of the list.
    if app.finish_loading().map_err(|e| e.to_string())? {
        or_gone!(draw(terminal, app));
    }
    if !early && !inputs.is_empty() {
        if handle_inputs(app, &mut inputs) {
            return Ok(());
        }
        or_gone!(draw(terminal, app));
    }
    let tty = io::stdin().as_raw_fd();
    let mut buf = vec![0u8; 8192];
    while !app.should_quit() {
        let timeout = if parser.in_paste() {
            Some(PASTE_WAIT)
        } else if parser.has_pending() {
            Some(ESC_WAIT)
        } else if app.busy() {
            // Work waits after the frame: look for keys, then go on with it.
            Some(Duration::ZERO)
        } else {
            None
        };
        let (readable, signalled) = or_gone!(wait_for(tty, signals, timeout));
        if signalled {
            signals.drain();
        }
        if signals.stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut changed = false;
        if signals.resized.swap(false, Ordering::Relaxed) {
            or_gone!(terminal.autoresize());
            changed = true;
        }
        if readable {
            // Everything waiting is read and handled before the next frame, so a burst of
            // keys (a held arrow on a slow link) costs one frame.
            loop {
                let n = or_gone!(read_tty(tty, &mut buf));
                if n == 0 {
                    // The terminal went away: end as on SIGHUP.
                    return Ok(());
                }
                parser.feed(&buf[..n], &mut inputs);
                if !or_gone!(wait_for(tty, signals, Some(Duration::ZERO))).0 {
                    break;
                }
            }
        } else if !signalled && parser.has_pending() {
            parser.flush_pending(&mut inputs);
        }
        for input in inputs.drain(..) {
            changed |= app.handle_input(input);
            if app.should_quit() {
                return Ok(());
            }
        }
        if changed {
            or_gone!(draw(terminal, app));
        }
        // Slow work a key asked for runs once its screen is on the terminal.
        if app.run_deferred() {
            or_gone!(draw(terminal, app));
        }
    }
    Ok(())
}

/// Handles `inputs` (emptied) in order; true when one of them quit the screens.
fn handle_inputs(app: &mut App, inputs: &mut Vec<crate::ui::event::Input>) -> bool {
    for input in inputs.drain(..) {
        app.handle_input(input);
        if app.should_quit() {
            return true;
        }
    }
    false
}

fn read_tty(tty: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        // SAFETY: `buf` is valid for `buf.len()` bytes of writes.
        let n = unsafe { libc::read(tty, buf.as_mut_ptr().cast(), buf.len()) };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}
