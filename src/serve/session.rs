//! One officer's session: an [`App`] on its own thread, fed the client's bytes through the
//! same [`InputParser`] as the local loop, drawing into a buffer whose frames go to the SSH
//! channel through an [`Outbox`] that holds at most one frame. A client that cannot keep up
//! gets the latest screen, redrawn whole, instead of every frame; no session ever waits on
//! another's client.

use crate::app::{App, Options, Shared};
use crate::store::Store;
use crate::tui::scroll::Scrolling;
use crate::ui::event::{ESC_WAIT, Input, InputParser, PASTE_WAIT};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the connection tells a session.
#[derive(Debug)]
pub enum Event {
    /// Bytes the client typed or pasted, as they came.
    Data(Vec<u8>),
    /// The client's window changed (columns, rows).
    Resize(u16, u16),
    /// Another session saved: bring the lists up to date at the next frame.
    Refresh,
    /// The client closed the channel or the connection dropped.
    Closed,
    /// The server is stopping (SIGTERM, Ctrl-C).
    Shutdown,
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Quit,
    Closed,
    Idle,
    Shutdown,
    /// The app could not be opened or drawn; the text went to the client.
    Failed,
}

/// The frames of one session on their way to its client: the newest frame not yet taken,
/// and whether the session is over (then the connection closes the channel once the last
/// frame is sent).
#[derive(Default)]
pub struct Outbox {
    slot: Mutex<Option<Vec<u8>>>,
    done: AtomicBool,
    /// Set by the connection's writer from taking a frame until the link has carried it
    /// (see [`Outbox::sending`]): meanwhile the session draws nothing, so a slow client
    /// gets the latest screen when the link is free, not every frame (issue 22).
    in_flight: AtomicBool,
    /// The bytes of the frames given to the connection, for the log and the tests.
    sent: AtomicU64,
    pub ready: tokio::sync::Notify,
}

impl Outbox {
    /// The frame waiting to be sent, if any.
    pub fn take(&self) -> Option<Vec<u8>> {
        let slot = &mut *self.slot.lock().unwrap_or_else(|p| p.into_inner());
        let taken = slot.take();
        if let Some(bytes) = &taken {
            // Marked under the lock: the session never sees an empty slot and nothing
            // on its way while a frame is between the two.
            self.in_flight.store(true, Ordering::Release);
            self.sent.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        }
        taken
    }

    /// The writer says the link has carried the frame it took (see [`Outbox::take`]).
    pub fn carried(&self) {
        self.in_flight.store(false, Ordering::Release);
    }

    /// Bytes of the frames the connection has taken so far.
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Whether a frame is still waiting or on its way: drawing now would only queue
    /// behind it.
    fn busy(&self) -> bool {
        self.in_flight.load(Ordering::Acquire) || self.is_waiting()
    }

    /// Whether the session has ended (its last bytes are in the slot or sent).
    pub fn is_done(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }

    fn is_waiting(&self) -> bool {
        self.slot
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    /// Puts a frame in the slot. `replace`: a whole-screen frame that stands alone, so a
    /// frame still waiting is dropped; otherwise the bytes are appended to it.
    fn put(&self, bytes: Vec<u8>, replace: bool) {
        {
            let mut slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
            match slot.as_mut() {
                Some(waiting) if !replace => waiting.extend_from_slice(&bytes),
                _ => *slot = Some(bytes),
            }
        }
        self.ready.notify_one();
    }

    /// Marks the session over and wakes the writer, which closes the channel.
    pub(crate) fn finish(&self) {
        self.done.store(true, Ordering::Release);
        self.ready.notify_one();
    }
}

/// The backend's output: collected, then handed to the outbox as one frame. The session
/// keeps a second handle on the same bytes to take them after each draw.
#[derive(Default, Clone)]
struct FrameBuffer(Rc<RefCell<Vec<u8>>>);

impl FrameBuffer {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }

    fn extend(&self, bytes: &[u8]) {
        self.0.borrow_mut().extend_from_slice(bytes);
    }
}

impl Write for FrameBuffer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

type Term = Terminal<Scrolling<FrameBuffer>>;

/// Everything a session starts from.
pub struct Start {
    pub store: Store,
    pub shared: Shared,
    pub opts: Options,
    /// Columns and rows from the pty request.
    pub size: (u16, u16),
    /// The session ends after this long without a key.
    pub idle: Duration,
    /// Called after a save, to tell the other sessions.
    pub changed: Box<dyn Fn() + Send>,
    /// Shown to the client when the session ends for the server's reasons: (idle,
    /// shutting down), in the session's language.
    pub goodbyes: (String, String),
}

fn rect(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0.max(1), size.1.max(1))
}

/// Bytes that put the client's terminal in the state the screens need.
fn preamble() -> Vec<u8> {
    let mut out = Vec::new();
    let _ = crossterm::queue!(out, EnterAlternateScreen, EnableBracketedPaste);
    out
}

/// Bytes that give the client's terminal back, then `message` on its own line.
fn epilogue(message: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = crossterm::queue!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    if !message.is_empty() {
        out.extend_from_slice(message.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// A terminal of `size` drawing into `buffer`, with nothing drawn yet: its next frame is
/// the whole screen. (ratatui's own `clear` and `resize` ask the backend for the cursor and
/// the size, which here would be the server's terminal, not the client's.)
fn fresh_terminal(buffer: &FrameBuffer, size: (u16, u16)) -> io::Result<Term> {
    Terminal::with_options(
        Scrolling::new(buffer.clone(), rect(size)),
        TerminalOptions {
            viewport: Viewport::Fixed(rect(size)),
        },
    )
}

/// Bytes that blank the client's whole screen, before a frame drawn whole.
fn blank() -> Vec<u8> {
    let mut out = Vec::new();
    let _ = crossterm::queue!(
        out,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        crossterm::cursor::MoveTo(0, 0)
    );
    out
}

/// Draws one frame. When the client has not taken the previous one yet, or `whole` is
/// asked (after a resize), the screen is blanked and drawn whole, and replaces it.
fn publish(
    terminal: &mut Term,
    buffer: &FrameBuffer,
    size: (u16, u16),
    whole: bool,
    app: &mut App,
    out: &Outbox,
) -> io::Result<()> {
    let behind = out.is_waiting();
    buffer.take();
    if behind || whole {
        *terminal = fresh_terminal(buffer, size)?;
        buffer.extend(&preamble());
        buffer.extend(&blank());
    }
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|f| app.draw(f))?;
    crossterm::queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    out.put(buffer.take(), behind);
    Ok(())
}

/// How often a session with no key and no news looks at the database for changes made
/// outside the sessions (issue 22): a few microseconds when nothing changed.
const LOOK_AGAIN: Duration = Duration::from_secs(2);

/// How often a session with a frame to draw looks whether the link took the last one.
const PACE: Duration = Duration::from_millis(10);

/// Runs one session until the officer quits, the client goes, it idles out or the server
/// stops. Drafts are written as forms change, so every way out keeps what was typed.
pub fn run(start: Start, events: Receiver<Event>, out: Arc<Outbox>) -> End {
    let Start {
        store,
        shared,
        opts,
        size,
        idle,
        changed,
        goodbyes,
    } = start;
    let mut size = size;
    let buffer = FrameBuffer::default();
    buffer.extend(&preamble());
    let mut terminal = match fresh_terminal(&buffer, size) {
        Ok(t) => t,
        Err(e) => {
            out.put(epilogue(&format!("kinerja: {e}")), true);
            out.finish();
            return End::Failed;
        }
    };
    let mut app = match App::with_shared(store, shared.clone(), opts) {
        Ok(app) => app,
        Err(e) => {
            out.put(epilogue(&format!("kinerja: {e}")), true);
            out.finish();
            return End::Failed;
        }
    };
    // The preamble is already in the buffer: the first frame carries it.
    let first = {
        crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)
            .and_then(|_| terminal.draw(|f| app.draw(f)).map(|_| ()))
            .and_then(|_| crossterm::queue!(terminal.backend_mut(), EndSynchronizedUpdate))
    };
    if first.is_err() {
        out.finish();
        return End::Failed;
    }
    out.put(buffer.take(), true);

    let mut parser = InputParser::new();
    let mut inputs: Vec<Input> = Vec::new();
    let mut last_key = Instant::now();
    // An event taken while draining keystrokes, handled next.
    let mut held: Option<Event> = None;
    // Something changed on screen since the last frame, and whether it must be drawn
    // whole (after a resize): drawn as soon as the link has carried the frame before.
    let mut dirty = false;
    let mut whole = false;
    // When the session last looked for changes made outside the sessions.
    let mut looked = Instant::now();
    let end = loop {
        let idle_left = idle.saturating_sub(last_key.elapsed());
        let wait = if parser.in_paste() {
            PASTE_WAIT.min(idle_left)
        } else if parser.has_pending() {
            ESC_WAIT
        } else if app.busy() {
            // Work waits after the frame: look for keys, then go on with it.
            Duration::ZERO
        } else {
            // Changes made outside the sessions (`kinerja officer ...`, an import, through
            // the control socket) tell no session: each looks again this often.
            idle_left.min(LOOK_AGAIN)
        };
        // A frame drawn but not sent yet: look again soon whether the link took the last.
        let wait = if dirty { wait.min(PACE) } else { wait };
        let mut redraw = false;
        let generation = shared.staff.generation();
        let next = match held.take() {
            Some(event) => Ok(event),
            None => events.recv_timeout(wait),
        };
        match next {
            Ok(Event::Data(bytes)) => {
                last_key = Instant::now();
                parser.feed(&bytes, &mut inputs);
                // Every keystroke already waiting is handled before one frame; any other
                // event met on the way is kept for the next turn.
                while let Ok(event) = events.try_recv() {
                    match event {
                        Event::Data(more) => parser.feed(&more, &mut inputs),
                        other => {
                            held = Some(other);
                            break;
                        }
                    }
                }
            }
            Ok(Event::Resize(w, h)) => {
                size = (w, h);
                whole = true;
                redraw = true;
            }
            Ok(Event::Refresh) => {
                redraw |= app.sync_shared();
                // Its officer removed: the session ends (drafts kept, the officer told).
                if app.should_quit() {
                    break End::Quit;
                }
            }
            Ok(Event::Closed) | Err(RecvTimeoutError::Disconnected) => break End::Closed,
            Ok(Event::Shutdown) => break End::Shutdown,
            Err(RecvTimeoutError::Timeout) => {
                if parser.has_pending() {
                    parser.flush_pending(&mut inputs);
                } else if last_key.elapsed() >= idle {
                    break End::Idle;
                } else if !dirty || looked.elapsed() >= LOOK_AGAIN {
                    // A session waiting for its link (every PACE) looks at the database
                    // no more often than an idle one.
                    looked = Instant::now();
                    redraw |= app.sync_shared();
                    if app.should_quit() {
                        break End::Quit;
                    }
                }
            }
        }
        if !inputs.is_empty() {
            // Keys act on the rows as they are now, not as another session left them.
            redraw |= app.sync_shared();
        }
        // A save by one of these keys moves the mark: the other sessions are told.
        let mark = app.change_mark().map(<[u8]>::to_vec);
        for input in inputs.drain(..) {
            redraw |= app.handle_input(input);
            if app.should_quit() {
                break;
            }
        }
        if shared.staff.generation() != generation || app.change_mark() != mark.as_deref() {
            changed();
        }
        if app.should_quit() {
            break End::Quit;
        }
        dirty |= redraw;
        // A frame goes out only when the link has carried the one before: a slow or
        // stalled client gets the latest screen, drawn against what it shows, never a
        // queue of every frame (issue 22).
        if dirty && !out.busy() {
            if publish(&mut terminal, &buffer, size, whole, &mut app, &out).is_err() {
                break End::Failed;
            }
            (dirty, whole) = (false, false);
        }
        // Slow work a key asked for runs once its screen is drawn.
        let mark = app.change_mark().map(<[u8]>::to_vec);
        if app.run_deferred() {
            dirty = true;
            if !out.busy() {
                if publish(&mut terminal, &buffer, size, whole, &mut app, &out).is_err() {
                    break End::Failed;
                }
                (dirty, whole) = (false, false);
            }
        }
        if app.change_mark() != mark.as_deref() {
            changed();
        }
    };
    let message = match end {
        End::Idle => goodbyes.0.as_str(),
        End::Shutdown => goodbyes.1.as_str(),
        _ => app.goodbye().unwrap_or(""),
    };
    if end != End::Closed {
        out.put(epilogue(message), false);
    }
    drop(app);
    out.finish();
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole-screen frame starts by blanking the client's screen, so nothing of an
    /// earlier, larger frame stays (what a resize over SSH showed before).
    #[test]
    fn a_frame_drawn_whole_blanks_the_screen_first() {
        let buffer = FrameBuffer::default();
        let mut terminal = fresh_terminal(&buffer, (80, 24)).unwrap();
        terminal
            .draw(|f| f.render_widget(ratatui::widgets::Paragraph::new("x".repeat(80)), f.area()))
            .unwrap();
        buffer.take();
        terminal = fresh_terminal(&buffer, (100, 30)).unwrap();
        buffer.extend(&blank());
        terminal
            .draw(|f| f.render_widget(ratatui::widgets::Paragraph::new("y"), f.area()))
            .unwrap();
        let bytes = buffer.take();
        let mut screen = vt100::Parser::new(30, 100, 0);
        screen.process(&"x".repeat(80).into_bytes());
        screen.process(&bytes);
        let text = screen.screen().contents();
        assert!(!text.contains('x'), "{text}");
        assert!(text.starts_with('y'), "{text}");
    }
}
