//! A terminal backend that moves rows instead of rewriting them (issue 22: a slow link).
//!
//! ratatui draws a frame as the cells that differ from the last one. When a list scrolls
//! by a row, every visible row differs, so the whole list is written again: about 650
//! bytes for a page of the staff list, most of a second on a 1000 B/s link. Terminals can
//! move a band of rows themselves (VT100 scrolling regions), as curses does. [`Scrolling`]
//! wraps the crossterm backend: it keeps what the terminal shows, and when the cells of a
//! frame make a band of rows equal to the band `k` rows below (or above) it on screen, it
//! scrolls that band by `k` rows (`DECSTBM`, then line feeds at its bottom margin, or
//! reverse index at its top, then the whole screen as the region again) and writes only
//! the cells that still differ. The bytes sent are the same screen: a test feeds them to a
//! terminal emulator and compares.
//!
//! Only plain VT100 sequences are used (`ESC [ t ; b r`, `LF`, `ESC M`), which PuTTY,
//! OpenSSH's clients on Windows, xterm, tmux and the Linux console all know.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use std::io::{self, Write};

/// The fewest rows a scroll must save before it is used: moving a band costs about 20
/// bytes, a row of text about 40 to 100.
const MIN_GAIN: u16 = 3;

/// The largest move looked for, in rows (a held arrow key on a slow link scrolls a few
/// rows a frame; a page key replaces the page, and nothing can be moved then).
const MAX_SHIFT: u16 = 12;

/// The crossterm backend, scrolling bands of rows where that saves writing them (see the
/// module's notes).
pub struct Scrolling<W: Write> {
    inner: CrosstermBackend<W>,
    /// What the terminal shows, as ratatui's last frame left it.
    shown: Buffer,
    /// Cells of the frame being drawn, written out at the next flush or cursor change.
    pending: Vec<(u16, u16, Cell)>,
}

/// A band of rows to move: rows `top..bottom` (0-based, `bottom` exclusive) scroll by
/// `shift` rows, up (`true`: each row takes the one `shift` below it) or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub shift: u16,
    pub up: bool,
}

impl<W: Write> Scrolling<W> {
    /// Over `writer`, for a screen of `area` that shows nothing yet (blank).
    pub fn new(writer: W, area: Rect) -> Scrolling<W> {
        Scrolling {
            inner: CrosstermBackend::new(writer),
            shown: Buffer::empty(area),
            pending: Vec::new(),
        }
    }

    /// Over `writer`, for the size the terminal says it has (nothing shown yet).
    pub fn over(writer: W) -> Scrolling<W> {
        let inner = CrosstermBackend::new(writer);
        let size = inner.size().unwrap_or(Size::new(0, 0));
        Scrolling {
            inner,
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            pending: Vec::new(),
        }
    }

    /// Writes the cells drawn since the last time: a band moved first where that saves
    /// rows, then every cell that still differs.
    fn settle(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut next = self.shown.clone();
        for (x, y, cell) in self.pending.drain(..) {
            if let Some(c) = next.cell_mut(Position { x, y }) {
                *c = cell;
            }
        }
        if let Some(s) = find_scroll(&self.shown, &next) {
            write_scroll(&mut self.inner, s)?;
            shift_rows(&mut self.shown, s);
        }
        let diff = self.shown.diff(&next);
        self.inner.draw(diff.into_iter())?;
        self.shown = next;
        Ok(())
    }
}

/// The band whose move saves the most rows between `old` (on screen) and `new`, if it
/// saves at least [`MIN_GAIN`] rows.
pub fn find_scroll(old: &Buffer, new: &Buffer) -> Option<Scroll> {
    if old.area != new.area || old.area.width == 0 {
        return None;
    }
    let height = old.area.height;
    let hash = |b: &Buffer| -> Vec<u64> {
        use std::hash::{Hash, Hasher};
        b.content
            .chunks(usize::from(b.area.width))
            .map(|row| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                row.hash(&mut h);
                h.finish()
            })
            .collect()
    };
    let (before, after) = (hash(old), hash(new));
    fn row(b: &Buffer, y: u16) -> &[Cell] {
        let w = usize::from(b.area.width);
        &b.content[usize::from(y) * w..(usize::from(y) + 1) * w]
    }
    let same = |ny: u16, oy: u16| {
        after[usize::from(ny)] == before[usize::from(oy)] && row(new, ny) == row(old, oy)
    };
    // Rows already right where they are: a move gives up those inside its band.
    let in_place: Vec<bool> = (0..height).map(|y| same(y, y)).collect();
    let kept = |from: u16, to: u16| (from..to).filter(|y| in_place[usize::from(*y)]).count();
    let mut best: Option<(usize, Scroll)> = None;
    let mut consider = |gain: usize, s: Scroll| {
        if gain >= usize::from(MIN_GAIN) && best.is_none_or(|(g, _)| gain > g) {
            best = Some((gain, s));
        }
    };
    for shift in 1..=MAX_SHIFT.min(height.saturating_sub(1)) {
        // Up: new row y is old row y + shift, for a run of rows a..b.
        let mut y = 0;
        while y + shift < height {
            if !same(y, y + shift) {
                y += 1;
                continue;
            }
            let a = y;
            while y + shift < height && same(y, y + shift) {
                y += 1;
            }
            let band = Scroll {
                top: a,
                bottom: y + shift,
                shift,
                up: true,
            };
            let gain = usize::from(y - a).saturating_sub(kept(a, y + shift));
            consider(gain, band);
        }
        // Down: new row y is old row y - shift, for a run of rows a..b.
        let mut y = shift;
        while y < height {
            if !same(y, y - shift) {
                y += 1;
                continue;
            }
            let a = y;
            while y < height && same(y, y - shift) {
                y += 1;
            }
            let band = Scroll {
                top: a - shift,
                bottom: y,
                shift,
                up: false,
            };
            let gain = usize::from(y - a).saturating_sub(kept(a - shift, y));
            consider(gain, band);
        }
    }
    best.map(|(_, s)| s)
}

/// Moves the band on the terminal: the region set to it, line feeds at its bottom margin
/// (up) or reverse index at its top margin (down), the region reset. The colours are
/// reset first, so the rows that come in are blank in the terminal's own colours.
fn write_scroll<W: Write>(out: &mut W, s: Scroll) -> io::Result<()> {
    let (top, bottom) = (s.top + 1, s.bottom);
    write!(out, "\x1b[0m\x1b[{top};{bottom}r")?;
    if s.up {
        write!(out, "\x1b[{bottom};1H")?;
        for _ in 0..s.shift {
            out.write_all(b"\n")?;
        }
    } else {
        write!(out, "\x1b[{top};1H")?;
        for _ in 0..s.shift {
            out.write_all(b"\x1bM")?;
        }
    }
    out.write_all(b"\x1b[r")
}

/// What the terminal shows after [`write_scroll`]: the band's rows moved, the rows that
/// came in blank.
pub fn shift_rows(b: &mut Buffer, s: Scroll) {
    let w = usize::from(b.area.width);
    let (top, bottom, shift) = (
        usize::from(s.top),
        usize::from(s.bottom),
        usize::from(s.shift),
    );
    let band = &mut b.content[top * w..bottom * w];
    let moved = (shift * w).min(band.len());
    if s.up {
        band.rotate_left(moved);
        let len = band.len();
        band[len - moved..].fill(Cell::EMPTY);
    } else {
        band.rotate_right(moved);
        band[..moved].fill(Cell::EMPTY);
    }
}

impl<W: Write> Write for Scrolling<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.settle()?;
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.settle()?;
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for Scrolling<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.pending
            .extend(content.map(|(x, y, c)| (x, y, c.clone())));
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.settle()?;
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.settle()?;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.settle()?;
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.settle()?;
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.pending.clear();
        self.inner.clear()?;
        if let Ok(size) = self.inner.size() {
            self.shown = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        } else {
            self.shown.reset();
        }
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.settle()?;
        self.inner.clear_region(clear_type)?;
        // ratatui forgets its last frame after any clear; so does this.
        self.shown.reset();
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.settle()?;
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Style};

    fn screen(rows: &[&str], width: u16) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, width, rows.len() as u16));
        for (y, text) in rows.iter().enumerate() {
            b.set_string(0, y as u16, text, Style::default());
        }
        b
    }

    #[test]
    fn a_list_moved_up_one_row_is_one_band() {
        let old = screen(&["head", "a", "b", "c", "d", "e", "foot"], 10);
        let new = screen(&["head", "b", "c", "d", "e", "f", "foot"], 10);
        assert_eq!(
            find_scroll(&old, &new),
            Some(Scroll {
                top: 1,
                bottom: 6,
                shift: 1,
                up: true
            })
        );
        let mut moved = old.clone();
        shift_rows(&mut moved, find_scroll(&old, &new).expect("a band"));
        assert_eq!(
            moved.diff(&new).len(),
            1,
            "only the row that came in: {moved:?}"
        );
    }

    #[test]
    fn a_list_moved_down_two_rows_is_one_band() {
        let old = screen(&["head", "c", "d", "e", "f", "g", "h", "foot"], 10);
        let new = screen(&["head", "a", "b", "c", "d", "e", "f", "foot"], 10);
        let s = find_scroll(&old, &new).expect("a band");
        assert_eq!((s.top, s.bottom, s.shift, s.up), (1, 7, 2, false));
    }

    #[test]
    fn nothing_moves_when_too_few_rows_would_be_saved_or_the_screen_changed() {
        let old = screen(&["a", "b", "c", "d"], 4);
        assert_eq!(find_scroll(&old, &old), None, "nothing changed");
        let new = screen(&["b", "c", "x", "y"], 4);
        assert_eq!(
            find_scroll(&old, &new),
            None,
            "two rows saved are not enough"
        );
        let mut styled = screen(&["h", "b", "c", "d", "e", "f"], 4);
        styled.set_style(Rect::new(0, 2, 4, 1), Style::default().bg(Color::Blue));
        let plain = screen(&["h", "a", "b", "c", "d", "e"], 4);
        // Row 2 differs in its colour from the row it would move to: the band breaks there.
        let s = find_scroll(&plain, &styled);
        assert!(s.is_none_or(|s| s.bottom - s.top < 5), "{s:?}");
    }
}
