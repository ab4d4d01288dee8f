//! The scrolling backend (`tui::scroll`, issue 22): the bytes it writes, fed to a terminal
//! emulator, show exactly the frames drawn, and a list moved by a row costs a fraction of
//! the bytes of writing it again.

use kinerja::tui::scroll::Scrolling;
use proptest::prelude::*;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

#[derive(Clone, Default)]
struct Bytes(Rc<RefCell<Vec<u8>>>);

impl Write for Bytes {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Bytes {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// One row of a frame: its text and background colour (`None`: the default).
type Row = (String, Option<u8>);

fn options(w: u16, h: u16) -> TerminalOptions {
    TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    }
}

fn paint(buf: &mut Buffer, rows: &[Row]) {
    for (y, (text, bg)) in rows.iter().enumerate() {
        let style = match bg {
            Some(c) => Style::default().bg(Color::Indexed(*c)),
            None => Style::default(),
        };
        let area = Rect::new(0, y as u16, buf.area.width, 1);
        buf.set_style(area, style);
        buf.set_string(0, y as u16, text, style);
    }
}

/// Checks the emulator's screen against the rows: every character and background.
fn assert_shows(parser: &vt100::Parser, rows: &[Row], w: u16, step: usize) {
    let screen = parser.screen();
    for (y, (text, bg)) in rows.iter().enumerate() {
        let shown: String = (0..w)
            .map(|x| {
                screen
                    .cell(y as u16, x)
                    .map_or(" ".to_string(), |c| match c.contents() {
                        "" => " ".to_string(),
                        s => s.to_string(),
                    })
            })
            .collect();
        let want: String = format!("{text:<width$}", width = usize::from(w))
            .chars()
            .take(usize::from(w))
            .collect();
        assert_eq!(shown, want, "step {step}, row {y}");
        let want_bg = bg.map_or(vt100::Color::Default, vt100::Color::Idx);
        for x in 0..w {
            let got = screen.cell(y as u16, x).map(|c| c.bgcolor());
            assert_eq!(got, Some(want_bg), "step {step}, row {y}, column {x}");
        }
    }
}

/// The staff list as it scrolls: a header, 20 rows from `offset`, the chosen one shown
/// reversed, a footer.
fn list(offset: usize, chosen: usize) -> Vec<Row> {
    let mut rows = vec![(
        "NIP                 Nama                 Unit".to_string(),
        None,
    )];
    const FIRST: [&str; 7] = [
        "Siti", "Budi", "Rahmat", "Juliana", "Dedi", "Mutiara", "Ani",
    ];
    const LAST: [&str; 5] = ["Lubis", "Nasution", "Siregar", "Sembiring", "Hutapea"];
    const UNIT: [&str; 3] = ["Pkm Belawan", "SD Negeri 065005", "Kel. Bagan Deli"];
    for i in offset..offset + 20 {
        let text = format!(
            "{:04}{:014}  {:<8} {:<10} {:<17} {}",
            1960 + i % 37,
            i * 7_919 % 99_991,
            FIRST[i * 3 % 7],
            LAST[i * 2 % 5],
            UNIT[i % 3],
            ["Baik", "Sangat Baik", "Butuh Perbaikan"][i % 3]
        );
        rows.push((text, (i == chosen).then_some(4)));
    }
    rows.push(("↑↓ pindah  Enter buka  q keluar".to_string(), None));
    rows
}

#[test]
fn a_scrolled_list_is_shown_exactly_and_costs_a_fraction_of_writing_it_again() {
    let (w, h) = (80u16, 22u16);
    let out = Bytes::default();
    let mut term = Terminal::with_options(
        Scrolling::new(out.clone(), Rect::new(0, 0, w, h)),
        options(w, h),
    )
    .expect("terminal");
    let plain_out = Bytes::default();
    let mut plain = Terminal::with_options(CrosstermBackend::new(plain_out.clone()), options(w, h))
        .expect("terminal");
    let mut parser = vt100::Parser::new(h, w, 0);
    // Down a row at a time past the page, back up, a page down, a jump.
    let steps: Vec<(usize, usize)> = (0usize..30)
        .map(|c| (c.saturating_sub(19), c))
        .chain((0..12).rev().map(|c| (c.min(10), c)))
        .chain([(20, 20), (21, 21), (60, 75), (59, 59)])
        .collect();
    let (mut ours, mut theirs) = (0, 0);
    for (n, (offset, chosen)) in steps.iter().enumerate() {
        let rows = list(*offset, *chosen);
        term.draw(|f| paint(f.buffer_mut(), &rows)).expect("draw");
        plain.draw(|f| paint(f.buffer_mut(), &rows)).expect("draw");
        let bytes = out.take();
        let theirs_now = plain_out.take().len();
        if n > 0 && n < 30 && *offset > 0 {
            // A step that scrolled the list by one row.
            ours += bytes.len();
            theirs += theirs_now;
        }
        parser.process(&bytes);
        assert_shows(&parser, &rows, w, n);
    }
    eprintln!("a row at a time: {ours} bytes scrolling, {theirs} writing the rows again");
    assert!(
        ours * 3 < theirs,
        "scrolling a row at a time: {ours} bytes with the scrolling backend, {theirs} without"
    );
}

/// A frame made from the last one: a band of rows moved, some rows rewritten, some
/// recoloured.
#[derive(Debug, Clone)]
struct Change {
    top: usize,
    len: usize,
    shift: usize,
    up: bool,
    rewrite: Vec<(usize, u32)>,
    colour: Vec<(usize, Option<u8>)>,
}

fn change() -> impl Strategy<Value = Change> {
    (
        0usize..12,
        1usize..12,
        0usize..5,
        any::<bool>(),
        prop::collection::vec((0usize..12, any::<u32>()), 0..4),
        prop::collection::vec((0usize..12, prop::option::of(1u8..8)), 0..3),
    )
        .prop_map(|(top, len, shift, up, rewrite, colour)| Change {
            top,
            len,
            shift,
            up,
            rewrite,
            colour,
        })
}

fn apply(rows: &[Row], c: &Change) -> Vec<Row> {
    let h = rows.len();
    let mut next = rows.to_vec();
    let top = c.top.min(h - 1);
    let bottom = (top + c.len).min(h);
    #[allow(clippy::needless_range_loop)] // `y` is also the row the band takes from.
    for y in top..bottom {
        let from = if c.up {
            y + c.shift
        } else {
            y.wrapping_sub(c.shift)
        };
        next[y] = if (top..bottom).contains(&from) {
            rows[from].clone()
        } else {
            (String::new(), None)
        };
    }
    for (y, n) in &c.rewrite {
        next[y % h] = (format!("row {n}"), next[y % h].1);
    }
    for (y, bg) in &c.colour {
        next[y % h].1 = *bg;
    }
    next
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_sequence_of_frames_is_shown_exactly(changes in prop::collection::vec(change(), 1..12)) {
        let (w, h) = (24u16, 12u16);
        let out = Bytes::default();
        let mut term = Terminal::with_options(Scrolling::new(out.clone(), Rect::new(0, 0, w, h)), options(w, h))
            .expect("terminal");
        let mut parser = vt100::Parser::new(h, w, 0);
        let mut rows: Vec<Row> = (0..h).map(|y| (format!("line {y} {}", "x".repeat(y as usize)), None)).collect();
        for (n, c) in changes.iter().enumerate() {
            rows = apply(&rows, c);
            term.draw(|f| paint(f.buffer_mut(), &rows)).expect("draw");
            parser.process(&out.take());
            assert_shows(&parser, &rows, w, n);
        }
    }
}

#[test]
fn a_modifier_on_a_moved_row_moves_with_it() {
    let (w, h) = (20u16, 8u16);
    let out = Bytes::default();
    let mut term = Terminal::with_options(
        Scrolling::new(out.clone(), Rect::new(0, 0, w, h)),
        options(w, h),
    )
    .expect("terminal");
    let mut parser = vt100::Parser::new(h, w, 0);
    let bold_rows = |first: usize| {
        move |buf: &mut Buffer| {
            for y in 0..h {
                let style = if (first + y as usize).is_multiple_of(3) {
                    Style::default().add_modifier(Modifier::BOLD)
                } else {
                    Style::default()
                };
                buf.set_string(0, y, format!("item {}", first + y as usize), style);
            }
        }
    };
    for first in [0, 1, 2, 3] {
        let draw = bold_rows(first);
        term.draw(|f| draw(f.buffer_mut())).expect("draw");
        parser.process(&out.take());
        for y in 0..h {
            let bold = parser.screen().cell(y, 0).is_some_and(|c| c.bold());
            assert_eq!(
                bold,
                (first + y as usize).is_multiple_of(3),
                "first {first}, row {y}"
            );
        }
    }
}
