//! The fonts every document is set in: DejaVu Sans Condensed, regular and bold, from the
//! `dejavu` crate (the fonts' own free licence, Bitstream Vera / DejaVu; the crate MIT or
//! Apache-2.0). Subset and embedded in every PDF, so Indonesian text, `✓` and `…` print
//! the same on every machine.
//!
//! Text is laid out here, not by a shaper: one glyph per character from the font's `cmap`,
//! advanced by its `hmtx` width, read with `ttf-parser`. So the width used to wrap a line
//! is exactly the width drawn. Latin text needs no more (no kerning is applied, which only
//! ever makes a line a little wider than a shaper would).

use std::sync::OnceLock;

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One face: its file, and what measuring and embedding it need.
pub struct Face {
    /// The TrueType file.
    pub data: &'static [u8],
    /// The PostScript name the PDF gives it.
    pub name: &'static str,
    face: ttf_parser::Face<'static>,
    upem: f32,
    /// Glyph id and advance (in em) of the ASCII characters, looked up once.
    ascii: [(u16, f32); 128],
    /// The glyph and advance used for a character the font lacks: `?`.
    missing: (u16, f32),
}

impl Face {
    fn load(data: &'static [u8], name: &'static str) -> Option<Face> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let upem = f32::from(face.units_per_em());
        if upem <= 0.0 {
            return None;
        }
        let lookup = |c: char| -> Option<(u16, f32)> {
            let gid = face.glyph_index(c)?;
            let adv = f32::from(face.glyph_hor_advance(gid).unwrap_or(0)) / upem;
            Some((gid.0, adv))
        };
        let missing = lookup('?')?;
        let mut ascii = [missing; 128];
        for (i, slot) in ascii.iter_mut().enumerate().skip(32) {
            if let Some(g) = char::from_u32(i as u32).and_then(lookup) {
                *slot = g;
            }
        }
        Some(Face {
            data,
            name,
            face,
            upem,
            ascii,
            missing,
        })
    }

    /// Glyph id and advance in em of `c`; `?` for a character the font does not have (a
    /// tab or another control character is a space).
    pub fn glyph(&self, c: char) -> (u16, f32) {
        let c = if c.is_control() { ' ' } else { c };
        if (c as u32) < 128 {
            return self.ascii[c as usize];
        }
        match self.face.glyph_index(c) {
            Some(gid) => (
                gid.0,
                f32::from(self.face.glyph_hor_advance(gid).unwrap_or(0)) / self.upem,
            ),
            None => self.missing,
        }
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    /// Font-wide metrics in thousandths of an em, as a PDF font descriptor gives them:
    /// ascent, descent, cap height, bounding box (x0, y0, x1, y1).
    pub fn metrics(&self) -> (f32, f32, f32, [f32; 4]) {
        let k = 1000.0 / self.upem;
        let f = &self.face;
        let b = f.global_bounding_box();
        (
            f32::from(f.ascender()) * k,
            f32::from(f.descender()) * k,
            f32::from(f.capital_height().unwrap_or(f.ascender())) * k,
            [
                f32::from(b.x_min) * k,
                f32::from(b.y_min) * k,
                f32::from(b.x_max) * k,
                f32::from(b.y_max) * k,
            ],
        )
    }
}

/// The two faces documents use.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();

/// The fonts, read once per process. `None` only if the bundled font files could not be
/// read, which a test guards against.
pub fn fonts() -> Option<&'static Fonts> {
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: Face::load(dejavu::sans_condensed::regular(), "DejaVuSansCondensed")?,
                bold: Face::load(dejavu::sans_condensed::bold(), "DejaVuSansCondensed-Bold")?,
            })
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_load_and_have_the_marks_documents_use() {
        let f = fonts().expect("fonts");
        for c in ['✓', '…', 'é', '–'] {
            assert_ne!(f.regular.glyph(c), f.regular.missing, "{c}");
            assert_ne!(f.bold.glyph(c), f.bold.missing, "{c}");
        }
        // A character the font lacks is drawn as `?`, as wide as one.
        assert_eq!(f.regular.glyph('漢'), f.regular.glyph('?'));
        // Bold is wider than regular, and width grows with the size.
        let (r, b) = (
            f.regular.width("Kinerja", 10.0),
            f.bold.width("Kinerja", 10.0),
        );
        assert!(b > r && r > 20.0 && r < 60.0, "{r} {b}");
        assert!((f.regular.width("Kinerja", 20.0) - 2.0 * r).abs() < 0.01);
        let (ascent, descent, cap, bbox) = f.regular.metrics();
        assert!(ascent >= cap && cap > 0.0 && descent < 0.0 && bbox[2] > bbox[0]);
    }
}
