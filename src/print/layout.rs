//! A small A4 layout engine: pages with margins for binding, text that wraps by the font's
//! own widths, tables that break across pages repeating their header row, signature blocks
//! kept whole, lines and boxes for charts. It only places things: [`super::pdf`] draws the
//! result, adding the running header and the footer (document, period, NIP, page i of n)
//! once the number of pages is known.
//!
//! Coordinates are points (1/72 inch) from the top-left corner of the page; a text's `y`
//! is its baseline.

use super::fonts::{Fonts, Weight};

/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.22;
/// Baseline below the top of a line, as a multiple of the font size (DejaVu's ascent).
const ASCENT: f32 = 0.93;
/// Padding inside a table cell.
const PAD: f32 = 3.0;
/// Room left to sign in, between the role and the name.
const SIGN_ROOM: f32 = 56.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// The page and the area inside its margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Orientation {
    /// A4 with the margins of an office file (Tata Naskah Dinas: 2 cm, 3 cm where it is
    /// bound). A portrait page is bound on its left; a landscape page in the same file is
    /// read turned, so its top edge is the bound one.
    pub fn geometry(self) -> Geometry {
        let (w, h) = (210.0 * MM, 297.0 * MM);
        match self {
            Orientation::Portrait => Geometry {
                width: w,
                height: h,
                left: 30.0 * MM,
                right: 20.0 * MM,
                top: 20.0 * MM,
                bottom: 20.0 * MM,
            },
            Orientation::Landscape => Geometry {
                width: h,
                height: w,
                left: 20.0 * MM,
                right: 20.0 * MM,
                top: 30.0 * MM,
                bottom: 18.0 * MM,
            },
        }
    }
}

impl Geometry {
    pub fn content_width(&self) -> f32 {
        self.width - self.left - self.right
    }

    /// The lowest y content may reach.
    pub fn floor(&self) -> f32 {
        self.height - self.bottom
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        /// Grey level 0 (black) to 255; dashed when `dash`.
        grey: u8,
        dash: bool,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        /// Grey level of the fill, if filled.
        fill: Option<u8>,
        /// Width of a black outline, if outlined.
        stroke: Option<f32>,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub ops: Vec<Op>,
}

/// One document of one person (or unit): its pages are numbered on their own, so a unit's
/// file of 30 people numbers each person's pages from 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub orientation: Orientation,
    pub pages: Vec<Page>,
    /// The footer's left part: which document, whose, which period.
    pub footer: String,
    /// The running header of the pages after the first.
    pub header: String,
}

/// Text style: size and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
}

impl Style {
    pub const BODY: Style = Style {
        size: 9.5,
        weight: Weight::Regular,
    };
    pub const BODY_BOLD: Style = Style {
        size: 9.5,
        weight: Weight::Bold,
    };
    pub const SMALL: Style = Style {
        size: 8.0,
        weight: Weight::Regular,
    };
    pub const TITLE: Style = Style {
        size: 12.5,
        weight: Weight::Bold,
    };
    pub const HEADING: Style = Style {
        size: 10.0,
        weight: Weight::Bold,
    };

    pub fn line_height(self) -> f32 {
        self.size * LEADING
    }
}

/// A table column: its header text, its share of the width and how its cells align.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub share: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, share: f32, align: Align) -> Column {
        Column {
            title: title.to_string(),
            share,
            align,
        }
    }
}

/// A cell: text (may hold line breaks), bold or not, spanning `span` columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// A bold first part on lines of its own (a value's name over its guide).
    pub head: String,
    pub text: String,
    pub weight: Weight,
    pub span: usize,
    pub align: Option<Align>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            head: String::new(),
            text: text.into(),
            weight: Weight::Regular,
            span: 1,
            align: None,
        }
    }

    pub fn bold(text: impl Into<String>) -> Cell {
        Cell {
            weight: Weight::Bold,
            ..Cell::new(text)
        }
    }

    /// The cell with `head` in bold on its own lines before the text.
    pub fn with_head(mut self, head: impl Into<String>) -> Cell {
        self.head = head.into();
        self
    }

    pub fn span(mut self, n: usize) -> Cell {
        self.span = n.max(1);
        self
    }

    pub fn align(mut self, a: Align) -> Cell {
        self.align = Some(a);
        self
    }
}

/// Rows of a table that belong together.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A full-width shaded row (`A. UTAMA`), kept with the block after it.
    Group(String),
    /// Rows; the `spans` columns hold one cell over all of them (the RHK over its
    /// indicators), and each row fills the other columns. A block is kept on one page
    /// when it fits on one; a longer one breaks between rows (a row taller than a page
    /// between its lines), and its spanning cells are printed again on the next page.
    Rows {
        spans: Vec<(usize, Cell)>,
        rows: Vec<Vec<Cell>>,
    },
}

impl Block {
    /// A block of one plain row.
    pub fn row(cells: Vec<Cell>) -> Block {
        Block::Rows {
            spans: Vec::new(),
            rows: vec![cells],
        }
    }
}

/// A table's columns and look.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A heading over the table, kept on the page with its header and first rows.
    pub caption: String,
    pub columns: Vec<Column>,
    pub style: Style,
    /// Whether a header row is drawn (and repeated on each page).
    pub header: bool,
    /// The official forms number the columns under their titles: (1), (2), ...
    pub numbered: bool,
    /// Whether cell borders are drawn (a label/value list has none).
    pub borders: bool,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            caption: String::new(),
            columns,
            style: Style::BODY,
            header: true,
            numbered: false,
            borders: true,
        }
    }
}

/// Who signs, printed under the place and date.
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    /// What they sign as, e.g. "Pejabat Penilai Kinerja" (may hold line breaks).
    pub role: String,
    pub nama: String,
    /// "NIP. ..." line; empty for a signer without one.
    pub nip: String,
}

/// Builds the pages of one [`Section`], top to bottom.
pub struct Sheet<'f> {
    fonts: &'f Fonts,
    pub geo: Geometry,
    section: Section,
    y: f32,
}

/// A row split into its cells' wrapped lines, placed on the columns.
struct LaidRow {
    cells: Vec<LaidCell>,
}

/// A cell's wrapped lines on its columns.
#[derive(Clone)]
struct LaidCell {
    first: usize,
    span: usize,
    align: Align,
    weight: Weight,
    /// How many of the first lines are the bold head.
    bold: usize,
    lines: Vec<String>,
}

impl LaidRow {
    fn lines(&self) -> usize {
        self.cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(1)
            .max(1)
    }

    /// Lines `from..to` of every cell.
    fn slice(&self, from: usize, to: usize) -> LaidRow {
        LaidRow {
            cells: self
                .cells
                .iter()
                .map(|c| {
                    let l = &c.lines;
                    let lines = l
                        .get(from.min(l.len())..to.min(l.len()))
                        .unwrap_or(&[])
                        .to_vec();
                    LaidCell {
                        bold: c.bold.saturating_sub(from).min(lines.len()),
                        lines,
                        ..c.clone()
                    }
                })
                .collect(),
        }
    }
}

impl<'f> Sheet<'f> {
    pub fn new(fonts: &'f Fonts, orientation: Orientation, header: &str, footer: &str) -> Self {
        let geo = orientation.geometry();
        Sheet {
            fonts,
            geo,
            section: Section {
                orientation,
                pages: vec![Page::default()],
                footer: footer.to_string(),
                header: header.to_string(),
            },
            y: geo.top,
        }
    }

    pub fn finish(self) -> Section {
        self.section
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    pub fn left(&self) -> f32 {
        self.geo.left
    }

    pub fn width(&self) -> f32 {
        self.geo.content_width()
    }

    /// Space left on the page below the cursor.
    pub fn remaining(&self) -> f32 {
        self.geo.floor() - self.y
    }

    /// The height of the page's content area.
    pub fn body_height(&self) -> f32 {
        self.geo.floor() - self.geo.top
    }

    pub fn push(&mut self, op: Op) {
        if let Some(p) = self.section.pages.last_mut() {
            p.ops.push(op);
        }
    }

    pub fn new_page(&mut self) {
        self.section.pages.push(Page::default());
        self.y = self.geo.top;
    }

    /// Starts a new page unless `h` points fit below the cursor. True when it did.
    pub fn ensure(&mut self, h: f32) -> bool {
        if self.y + h > self.geo.floor() && self.y > self.geo.top {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// Vertical space; none at the top of a page.
    pub fn gap(&mut self, h: f32) {
        if self.y > self.geo.top {
            self.y = (self.y + h).min(self.geo.floor());
        }
    }

    pub fn text_width(&self, text: &str, style: Style) -> f32 {
        self.fonts.face(style.weight).width(text, style.size)
    }

    /// `text` broken into lines no wider than `width`: at spaces, and inside a word only
    /// when the word alone is wider. Line breaks in the text are kept; an empty text is
    /// one empty line.
    pub fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        let face = self.fonts.face(style.weight);
        let size = style.size;
        let space = face.width(" ", size);
        let mut out = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in para.split_whitespace() {
                let w = face.width(word, size);
                if !line.is_empty() && line_w + space + w <= width {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + w;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                if w <= width {
                    line.push_str(word);
                    line_w = w;
                    continue;
                }
                // A word wider than the line: break it between characters.
                line_w = 0.0;
                for c in word.chars() {
                    let cw = face.width(c.encode_utf8(&mut [0; 4]), size);
                    if !line.is_empty() && line_w + cw > width {
                        out.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            }
            out.push(line);
        }
        out
    }

    /// Draws one line of text with its top at `top`.
    pub fn text_at(&mut self, x: f32, top: f32, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        self.push(Op::Text {
            x,
            y: top + style.size * ASCENT,
            size: style.size,
            weight: style.weight,
            text: text.to_string(),
        });
    }

    /// Draws `text` aligned in the band `x..x + width`, with its top at `top`.
    pub fn text_in(&mut self, x: f32, width: f32, top: f32, text: &str, style: Style, a: Align) {
        let w = self.text_width(text, style);
        let x = match a {
            Align::Left => x,
            Align::Center => x + (width - w) / 2.0,
            Align::Right => x + width - w,
        };
        self.text_at(x, top, text, style);
    }

    /// A paragraph across the content width (less `indent`), breaking across pages
    /// between lines.
    pub fn paragraph(&mut self, text: &str, style: Style, align: Align, indent: f32) {
        let width = self.width() - indent;
        let lh = style.line_height();
        for line in self.wrap(text, style, width) {
            self.ensure(lh);
            let x = self.left() + indent;
            let top = self.y;
            self.text_in(x, width, top, &line, style, align);
            self.y += lh;
        }
    }

    /// A horizontal rule across the content width.
    pub fn rule(&mut self, width: f32) {
        let (x1, x2, y) = (self.left(), self.left() + self.width(), self.y);
        self.push(Op::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            grey: 0,
            dash: false,
        });
    }

    pub fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), width: f32, grey: u8) {
        self.push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            grey,
            dash: false,
        });
    }

    pub fn dashed(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), width: f32) {
        self.push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            grey: 0,
            dash: true,
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<u8>, stroke: Option<f32>) {
        if w > 0.0 && h > 0.0 {
            self.push(Op::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            });
        }
    }

    fn column_x(&self, table: &Table) -> Vec<f32> {
        let total: f32 = table.columns.iter().map(|c| c.share).sum::<f32>().max(1e-3);
        let mut xs = Vec::with_capacity(table.columns.len() + 1);
        let mut x = self.left();
        xs.push(x);
        for c in &table.columns {
            x += c.share / total * self.width();
            xs.push(x);
        }
        xs
    }

    /// Lays `cells` on the columns `free` (those a spanning cell does not hold).
    fn lay_row(&self, table: &Table, xs: &[f32], free: &[usize], cells: &[Cell]) -> LaidRow {
        let mut out = Vec::new();
        let mut k = 0;
        for cell in cells {
            let Some(&first) = free.get(k) else { break };
            let n = cell.span.min(free.len() - k);
            let last = free[k + n - 1];
            let width = xs[last + 1] - xs[first] - 2.0 * PAD;
            let style = Style {
                size: table.style.size,
                weight: cell.weight,
            };
            let align = cell.align.unwrap_or(table.columns[first].align);
            let mut lines = Vec::new();
            if !cell.head.is_empty() {
                let bold = Style {
                    weight: Weight::Bold,
                    ..style
                };
                lines = self.wrap(&cell.head, bold, width);
            }
            let heads = lines.len();
            lines.extend(self.wrap(&cell.text, style, width));
            out.push(LaidCell {
                first,
                span: last + 1 - first,
                align,
                weight: cell.weight,
                bold: heads,
                lines,
            });
            k += n;
        }
        LaidRow { cells: out }
    }

    fn header_rows(&self, table: &Table, xs: &[f32]) -> Vec<LaidRow> {
        let mut rows = Vec::new();
        if !table.header {
            return rows;
        }
        let all: Vec<usize> = (0..table.columns.len()).collect();
        let titles: Vec<Cell> = table
            .columns
            .iter()
            .map(|c| Cell::bold(c.title.clone()).align(Align::Center))
            .collect();
        rows.push(self.lay_row(table, xs, &all, &titles));
        if table.numbered {
            let numbers: Vec<Cell> = (1..=table.columns.len())
                .map(|i| Cell::new(format!("({i})")).align(Align::Center))
                .collect();
            rows.push(self.lay_row(table, xs, &all, &numbers));
        }
        rows
    }

    fn row_height(&self, table: &Table, lines: usize) -> f32 {
        lines.max(1) as f32 * table.style.line_height() + 2.0 * PAD
    }

    fn draw_header(&mut self, table: &Table, xs: &[f32], header: &[LaidRow]) {
        for (i, row) in header.iter().enumerate() {
            let h = self.row_height(table, row.lines());
            let (x0, x1) = (xs[0], xs[xs.len() - 1]);
            let fill = if i == 0 { Some(225) } else { Some(242) };
            let top = self.y;
            self.rect(x0, top, x1 - x0, h, fill, None);
            self.draw_laid(table, xs, row, top, h, true);
            self.y += h;
        }
    }

    /// Draws a laid row's text and (with borders) its cell outlines, in the band
    /// `top..top + h`.
    fn draw_laid(
        &mut self,
        table: &Table,
        xs: &[f32],
        row: &LaidRow,
        top: f32,
        h: f32,
        boxes: bool,
    ) {
        let lh = table.style.line_height();
        for cell in &row.cells {
            let (x0, x1) = (xs[cell.first], xs[cell.first + cell.span]);
            if boxes && table.borders {
                self.rect(x0, top, x1 - x0, h, None, Some(0.5));
            }
            for (i, line) in cell.lines.iter().enumerate() {
                let style = Style {
                    size: table.style.size,
                    weight: if i < cell.bold {
                        Weight::Bold
                    } else {
                        cell.weight
                    },
                };
                let t = top + PAD + i as f32 * lh;
                self.text_in(x0 + PAD, x1 - x0 - 2.0 * PAD, t, line, style, cell.align);
            }
        }
    }

    /// The group row of `text`, laid over all columns, left-aligned.
    fn lay_group(&self, table: &Table, xs: &[f32], text: &str) -> LaidRow {
        let all: Vec<usize> = (0..table.columns.len()).collect();
        let cell = Cell::bold(text)
            .span(table.columns.len())
            .align(Align::Left);
        self.lay_row(table, xs, &all, &[cell])
    }

    /// The height `block` takes when kept on one page.
    fn block_height(&self, table: &Table, xs: &[f32], block: &Block) -> f32 {
        match block {
            Block::Group(text) => self.row_height(table, self.lay_group(table, xs, text).lines()),
            Block::Rows { spans, rows } => {
                let span_cols: Vec<usize> = spans.iter().map(|(c, _)| *c).collect();
                let free: Vec<usize> = (0..table.columns.len())
                    .filter(|c| !span_cols.contains(c))
                    .collect();
                let rows_h: f32 = rows
                    .iter()
                    .map(|r| self.row_height(table, self.lay_row(table, xs, &free, r).lines()))
                    .sum();
                let span_h = spans
                    .iter()
                    .map(|(c, cell)| {
                        let l = self.lay_row(table, xs, &[*c], std::slice::from_ref(cell));
                        self.row_height(table, l.lines())
                    })
                    .fold(0.0, f32::max);
                rows_h.max(span_h)
            }
        }
    }

    /// How much of `blocks[i..]` must follow on the same page as what comes before it: the
    /// next block when it fits on a page (a group with the block after it), else one row.
    fn lead(&self, table: &Table, xs: &[f32], blocks: &[Block], fresh: f32) -> f32 {
        let min_row = self.row_height(table, 1);
        let Some(first) = blocks.first() else {
            return 0.0;
        };
        let mut h = self.block_height(table, xs, first);
        if matches!(first, Block::Group(_)) {
            let next = blocks
                .get(1)
                .map_or(0.0, |b| self.block_height(table, xs, b));
            h += if h + next <= fresh { next } else { min_row };
        }
        if h <= fresh { h } else { min_row }
    }

    /// Draws a table, breaking it across pages with its header repeated.
    pub fn table(&mut self, table: &Table, blocks: &[Block]) {
        self.table_then(table, blocks, 0.0);
    }

    /// Draws a table whose last block stays on one page with the `tail` points that come
    /// after it (the ratings and the signatures: a signature never stands on a page of
    /// its own).
    pub fn table_then(&mut self, table: &Table, blocks: &[Block], tail: f32) {
        let xs = self.column_x(table);
        let header = self.header_rows(table, &xs);
        let header_h: f32 = header
            .iter()
            .map(|r| self.row_height(table, r.lines()))
            .sum();
        let fresh = self.body_height() - header_h;
        let caption = if table.caption.is_empty() {
            Vec::new()
        } else {
            self.wrap(&table.caption, Style::HEADING, self.width())
        };
        let caption_h = if caption.is_empty() {
            0.0
        } else {
            caption.len() as f32 * Style::HEADING.line_height() + 8.0
        };
        // The caption and header never stand alone at the foot of a page: they keep what
        // follows them.
        let lead = self.lead(table, &xs, blocks, fresh);
        self.ensure(caption_h + header_h + lead);
        if !caption.is_empty() {
            self.gap(6.0);
            for line in &caption {
                let (x, top) = (self.left(), self.y);
                self.text_at(x, top, line, Style::HEADING);
                self.y += Style::HEADING.line_height();
            }
            self.y += 2.0;
        }
        self.draw_header(table, &xs, &header);
        for (i, block) in blocks.iter().enumerate() {
            match block {
                Block::Group(text) => {
                    let laid = self.lay_group(table, &xs, text);
                    // Kept with the block after it.
                    let lead = self.lead(table, &xs, &blocks[i..], fresh);
                    if self.y + lead > self.geo.floor() {
                        self.new_page();
                        self.draw_header(table, &xs, &header);
                    }
                    let h = self.row_height(table, laid.lines());
                    let top = self.y;
                    self.rect(xs[0], top, xs[xs.len() - 1] - xs[0], h, Some(242), None);
                    self.draw_laid(table, &xs, &laid, top, h, true);
                    self.y += h;
                }
                Block::Rows { spans, rows } => {
                    if i + 1 == blocks.len() && tail > 0.0 {
                        let h = self.block_height(table, &xs, block) + tail;
                        if self.y + h > self.geo.floor() && h <= fresh {
                            self.new_page();
                            self.draw_header(table, &xs, &header);
                        }
                    }
                    self.rows_block(table, &xs, &header, header_h, spans, rows);
                }
            }
        }
        self.y = (self.y + 3.0).min(self.geo.floor());
    }

    fn rows_block(
        &mut self,
        table: &Table,
        xs: &[f32],
        header: &[LaidRow],
        header_h: f32,
        spans: &[(usize, Cell)],
        rows: &[Vec<Cell>],
    ) {
        let ncols = table.columns.len();
        let span_cols: Vec<usize> = spans.iter().map(|(c, _)| *c).collect();
        let free: Vec<usize> = (0..ncols).filter(|c| !span_cols.contains(c)).collect();
        let laid_rows: Vec<LaidRow> = rows
            .iter()
            .map(|r| self.lay_row(table, xs, &free, r))
            .collect();
        let span_laid: Vec<LaidRow> = spans
            .iter()
            .map(|(c, cell)| self.lay_row(table, xs, &[*c], std::slice::from_ref(cell)))
            .collect();
        let span_lines = span_laid.iter().map(|r| r.lines()).max().unwrap_or(0);
        let lh = table.style.line_height();
        let total_rows: f32 = laid_rows
            .iter()
            .map(|r| self.row_height(table, r.lines()))
            .sum();
        let span_h = if spans.is_empty() {
            0.0
        } else {
            self.row_height(table, span_lines)
        };
        let total = total_rows.max(span_h);
        let fresh = self.body_height() - header_h;
        if total > self.remaining() && total <= fresh {
            self.new_page();
            self.draw_header(table, xs, header);
        }
        // The rows still to draw (a row split between pages comes back with its rest).
        let mut queue: std::collections::VecDeque<LaidRow> = laid_rows.into();
        let mut span_from = 0usize;
        loop {
            let avail = self.remaining();
            let max_lines = ((avail - 2.0 * PAD) / lh).floor().max(0.0) as usize;
            if max_lines == 0 {
                self.new_page();
                self.draw_header(table, xs, header);
                continue;
            }
            // Whole rows that fit; else as many lines of the first as fit.
            let mut part: Vec<LaidRow> = Vec::new();
            let mut used = 0.0;
            while let Some(r) = queue.front() {
                let h = self.row_height(table, r.lines());
                if used + h <= avail {
                    used += h;
                    if let Some(r) = queue.pop_front() {
                        part.push(r);
                    }
                } else {
                    break;
                }
            }
            if part.is_empty()
                && let Some(r) = queue.pop_front()
            {
                let head = r.slice(0, max_lines);
                let rest = r.slice(max_lines, r.lines());
                used = self.row_height(table, head.lines());
                part.push(head);
                queue.push_front(rest);
            }
            // The spanning cells: what is left of them, as far as the part can grow.
            let span_left = span_lines.saturating_sub(span_from);
            let span_part: Vec<LaidRow>;
            let mut part_h = used;
            if spans.is_empty() {
                span_part = Vec::new();
            } else if span_left > 0 {
                let n = span_left.min(max_lines);
                span_part = span_laid
                    .iter()
                    .map(|r| r.slice(span_from, span_from + n))
                    .collect();
                span_from += n;
                part_h = part_h.max(self.row_height(table, n));
            } else {
                // Printed in full on an earlier page: again as far as the rows' height
                // allows, ending with `…` when it does not all fit.
                let room = ((part_h - 2.0 * PAD) / lh).floor().max(1.0) as usize;
                span_part = span_laid
                    .iter()
                    .map(|r| {
                        let mut s = r.slice(0, room);
                        if r.lines() > room {
                            for cell in &mut s.cells {
                                if let Some(last) = cell.lines.last_mut() {
                                    last.push_str(" …");
                                }
                            }
                        }
                        s
                    })
                    .collect();
            }
            // Draw the part: rows stacked, the last one stretched to the part's height.
            let top = self.y;
            let mut y = top;
            let count = part.len();
            for (k, r) in part.iter().enumerate() {
                let mut h = self.row_height(table, r.lines());
                if k + 1 == count {
                    h = (top + part_h) - y;
                }
                self.draw_laid(table, xs, r, y, h, true);
                y += h;
            }
            for c in &span_part {
                self.draw_laid(table, xs, c, top, part_h, true);
            }
            self.y = top + part_h;
            let more_spans = !spans.is_empty() && span_from < span_lines;
            if queue.is_empty() && !more_spans {
                break;
            }
            if queue.is_empty() {
                // Only spanning text is left: an empty row under it carries it on.
                queue.push_back(LaidRow { cells: Vec::new() });
            }
            self.new_page();
            self.draw_header(table, xs, header);
        }
    }

    /// The place and date, then each signer's role, room to sign, name and NIP, side by
    /// side; kept on one page.
    /// Each signer's role, name and NIP lines, the columns' width and the block's height.
    #[allow(clippy::type_complexity)]
    fn lay_signers(
        &self,
        signers: &[Signer],
    ) -> (
        Vec<(Vec<String>, Vec<String>, Vec<String>)>,
        f32,
        f32,
        usize,
    ) {
        let style = Style::BODY;
        let lh = style.line_height();
        // At least two columns: a lone signer signs on the right, as letters do.
        let cols = signers.len().max(2);
        let col_w = self.width() / cols as f32;
        let inner = col_w - 12.0;
        let laid: Vec<(Vec<String>, Vec<String>, Vec<String>)> = signers
            .iter()
            .map(|s| {
                (
                    self.wrap(&s.role, style, inner),
                    self.wrap(&s.nama, Style::BODY_BOLD, inner),
                    if s.nip.is_empty() {
                        Vec::new()
                    } else {
                        self.wrap(&s.nip, style, inner)
                    },
                )
            })
            .collect();
        let role_lines = laid.iter().map(|l| l.0.len()).max().unwrap_or(1);
        let name_lines = laid
            .iter()
            .map(|l| l.1.len() + l.2.len())
            .max()
            .unwrap_or(1);
        let height = lh * (1 + role_lines + name_lines) as f32 + SIGN_ROOM + 12.0;
        (laid, col_w, height, role_lines)
    }

    /// The height [`Self::signatures`] takes, with the gap before it: for what must stay
    /// on the page with them.
    pub fn signatures_height(&self, signers: &[Signer]) -> f32 {
        self.lay_signers(signers).2 + 10.0
    }

    pub fn signatures(&mut self, place_date: &str, signers: &[Signer]) {
        if signers.is_empty() {
            return;
        }
        let style = Style::BODY;
        let lh = style.line_height();
        let n = signers.len();
        let cols = n.max(2);
        let first = cols - n;
        let (laid, col_w, height, role_lines) = self.lay_signers(signers);
        let sign_room = SIGN_ROOM;
        self.gap(10.0);
        self.ensure(height);
        let top = self.y;
        // The place and date sit over the last signer, as on the forms.
        let last_x = self.left() + col_w * (cols - 1) as f32;
        self.text_in(last_x, col_w, top, place_date, style, Align::Center);
        for (i, (role, nama, nip)) in laid.iter().enumerate() {
            let x = self.left() + col_w * (first + i) as f32;
            let mut y = top + lh;
            for l in role {
                self.text_in(x, col_w, y, l, style, Align::Center);
                y += lh;
            }
            y = top + lh * (1 + role_lines) as f32 + sign_room;
            for l in nama {
                self.text_in(x, col_w, y, l, Style::BODY_BOLD, Align::Center);
                let w = self.text_width(l, Style::BODY_BOLD);
                let x0 = x + (col_w - w) / 2.0;
                let base = y + Style::BODY_BOLD.size * ASCENT + 1.5;
                self.line((x0, base), (x0 + w, base), 0.6, 0);
                y += lh;
            }
            for l in nip {
                self.text_in(x, col_w, y, l, style, Align::Center);
                y += lh;
            }
        }
        self.y = top + height;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::fonts::fonts;

    fn sheet() -> Sheet<'static> {
        Sheet::new(fonts().expect("fonts"), Orientation::Portrait, "h", "f")
    }

    #[test]
    fn wrapped_lines_are_never_wider_than_asked_and_keep_every_word() {
        let s = sheet();
        let text = "Tersusunnya laporan kinerja Puskesmas Belawan yang tepat waktu dan \
                    Supercalifragilisticexpialidociouslylongwordwithoutanyspaces ✓ …";
        for width in [40.0, 80.0, 150.0] {
            let lines = s.wrap(text, Style::BODY, width);
            for l in &lines {
                assert!(
                    s.text_width(l, Style::BODY) <= width + 0.01,
                    "{l:?} > {width}"
                );
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            assert_eq!(joined, original, "nothing lost at {width}");
        }
        assert_eq!(s.wrap("a\nb", Style::BODY, 100.0), vec!["a", "b"]);
        assert_eq!(s.wrap("", Style::BODY, 100.0), vec![""]);
    }

    fn texts(section: &Section, page: usize) -> Vec<String> {
        section.pages[page]
            .ops
            .iter()
            .filter_map(|o| match o {
                Op::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_long_table_repeats_its_header_and_stays_inside_the_margins() {
        let mut s = sheet();
        let table = Table::new(vec![
            Column::new("No", 1.0, Align::Center),
            Column::new("Uraian", 6.0, Align::Left),
        ]);
        let blocks: Vec<Block> = (1..=120)
            .map(|i| {
                Block::row(vec![
                    Cell::new(i.to_string()),
                    Cell::new(format!("baris {i}")),
                ])
            })
            .collect();
        s.table(&table, &blocks);
        let geo = s.geo;
        let sec = s.finish();
        assert!(sec.pages.len() >= 3, "{}", sec.pages.len());
        for p in 0..sec.pages.len() {
            assert_eq!(texts(&sec, p)[0], "No", "header first on page {}", p + 1);
            for op in &sec.pages[p].ops {
                if let Op::Rect { y, h, .. } = op {
                    assert!(*y + *h <= geo.floor() + 0.01, "inside the bottom margin");
                }
            }
        }
        let all: Vec<String> = (0..sec.pages.len()).flat_map(|p| texts(&sec, p)).collect();
        for i in 1..=120 {
            assert!(all.contains(&format!("baris {i}")), "row {i}");
        }
    }

    #[test]
    fn a_row_taller_than_a_page_breaks_between_its_lines_and_loses_none() {
        let mut s = sheet();
        let table = Table::new(vec![
            Column::new("No", 1.0, Align::Center),
            Column::new("Uraian", 6.0, Align::Left),
        ]);
        let long: Vec<String> = (1..=150).map(|i| format!("kalimat{i}")).collect();
        let block = Block::Rows {
            spans: vec![(0, Cell::new("1"))],
            rows: vec![vec![Cell::new(long.join("\n"))]],
        };
        s.table(&table, &[block]);
        let sec = s.finish();
        assert!(sec.pages.len() >= 2);
        let all: Vec<String> = (0..sec.pages.len()).flat_map(|p| texts(&sec, p)).collect();
        for w in &long {
            assert_eq!(all.iter().filter(|t| *t == w).count(), 1, "{w}");
        }
    }
}
