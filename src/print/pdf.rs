//! Writes laid-out sections as one PDF with `pdf-writer`: each page's operations, then the
//! running header (pages after a section's first) and the footer: the section's document,
//! person and period on the left, "Halaman i dari n" on the right, n counting the
//! section's own pages. Page labels restart with each section, so a viewer shows "1" on
//! each person's first page too.
//!
//! Text is drawn as glyph ids (Identity-H) of the two faces, each embedded once as a
//! TrueType subset (`subsetter`: the glyphs used, their ids unchanged) with its widths and
//! a ToUnicode map, so the text can be selected, searched and extracted.

use super::fonts::{Face, Fonts, Weight};
use super::layout::{Op, Section};
use pdf_writer::types::{CidFontType, FontFlags, NumberingStyle, SystemInfo};
use pdf_writer::writers::PageLabel;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::BTreeMap;

const FOOTER_SIZE: f32 = 7.5;
const FONT_NAMES: [&[u8]; 2] = [b"F1", b"F2"];

/// The glyphs each face drew, with the character each stands for.
#[derive(Default)]
struct Used {
    glyphs: [BTreeMap<u16, char>; 2],
}

fn index(w: Weight) -> usize {
    match w {
        Weight::Regular => 0,
        Weight::Bold => 1,
    }
}

/// One page's content stream under construction; y counts from the top, as in layout.
struct Page<'a> {
    fonts: &'a Fonts,
    used: &'a mut Used,
    content: Content,
    height: f32,
}

impl Page<'_> {
    fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, t: &str) {
        let face = self.fonts.face(weight);
        let mut bytes = Vec::with_capacity(t.len() * 2);
        for c in t.chars() {
            let (gid, _) = face.glyph(c);
            bytes.extend_from_slice(&gid.to_be_bytes());
            self.used.glyphs[index(weight)].entry(gid).or_insert(c);
        }
        self.content
            .begin_text()
            .set_font(Name(FONT_NAMES[index(weight)]), size)
            .set_fill_gray(0.0)
            .next_line(x, self.height - y)
            .show(Str(&bytes))
            .end_text();
    }

    fn op(&mut self, op: &Op) {
        let h = self.height;
        match op {
            Op::Text {
                x,
                y,
                size,
                weight,
                text,
            } => self.text(*x, *y, *size, *weight, text),
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                grey,
                dash,
            } => {
                let c = &mut self.content;
                c.save_state()
                    .set_stroke_gray(f32::from(*grey) / 255.0)
                    .set_line_width(*width);
                if *dash {
                    c.set_dash_pattern([3.0, 2.0], 0.0);
                }
                c.move_to(*x1, h - y1)
                    .line_to(*x2, h - y2)
                    .stroke()
                    .restore_state();
            }
            Op::Rect {
                x,
                y,
                w,
                h: rh,
                fill,
                stroke,
            } => {
                let c = &mut self.content;
                c.save_state();
                if let Some(g) = fill {
                    c.set_fill_gray(f32::from(*g) / 255.0);
                }
                if let Some(w) = stroke {
                    c.set_stroke_gray(0.0).set_line_width(*w);
                }
                c.rect(*x, h - y - rh, *w, *rh);
                match (fill.is_some(), stroke.is_some()) {
                    (true, true) => c.fill_nonzero_and_stroke(),
                    (true, false) => c.fill_nonzero(),
                    (false, true) => c.stroke(),
                    (false, false) => c.end_path(),
                };
                c.restore_state();
            }
        }
    }
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// `t` cut to fit `width` at `size`, ending in `…` when cut.
fn fit(face: &Face, t: &str, size: f32, width: f32) -> String {
    if face.width(t, size) <= width {
        return t.to_string();
    }
    let ell = face.width("…", size);
    let mut out = String::new();
    let mut w = 0.0;
    for c in t.chars() {
        let cw = face.glyph(c).1 * size;
        if w + cw + ell > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A subset tag (six capitals) from the glyphs kept: the same glyphs give the same tag.
fn subset_tag(glyphs: &BTreeMap<u16, char>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for g in glyphs.keys() {
        for b in g.to_be_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
        .collect()
}

/// Writes one face as a Type 0 font with its subset, widths and ToUnicode map.
fn write_font(
    pdf: &mut Pdf,
    next: &mut Ref,
    face: &Face,
    bold: bool,
    glyphs: &BTreeMap<u16, char>,
    type0: Ref,
) -> Result<(), String> {
    let (cid, descriptor, file, cmap) = (next.bump(), next.bump(), next.bump(), next.bump());
    let name = format!("{}+{}", subset_tag(glyphs), face.name);
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(Name(name.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let mut font = pdf.cid_font(cid);
    font.subtype(CidFontType::Type2)
        .base_font(Name(name.as_bytes()))
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    {
        let mut widths = font.widths();
        for (gid, c) in glyphs {
            widths.consecutive(*gid, [face.glyph(*c).1 * 1000.0]);
        }
    }
    font.finish();
    let (ascent, descent, cap, bbox) = face.metrics();
    pdf.font_descriptor(descriptor)
        .name(Name(name.as_bytes()))
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(bbox[0], bbox[1], bbox[2], bbox[3]))
        .italic_angle(0.0)
        .ascent(ascent)
        .descent(descent)
        .cap_height(cap)
        .stem_v(if bold { 140.0 } else { 80.0 })
        .font_file2(file);
    let mut ids: Vec<u16> = glyphs.keys().copied().collect();
    ids.push(0);
    let subset = subsetter::subset(face.data, 0, subsetter::Profile::pdf(&ids))
        .map_err(|e| format!("font subset of {}: {e:?}", face.name))?;
    pdf.stream(file, &deflate(&subset))
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), subset.len() as i32);
    let mut map = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system);
    for (gid, c) in glyphs {
        map.pair(*gid, *c);
    }
    pdf.stream(cmap, &deflate(&map.finish()))
        .filter(Filter::FlateDecode);
    Ok(())
}

/// The PDF of `sections`, titled `title`. Deterministic: the same sections give the same
/// bytes (no date or random id is written).
pub fn render(fonts: &Fonts, sections: &[Section], title: &str) -> Result<Vec<u8>, String> {
    let mut used = Used::default();
    // First every page's content, so that the fonts are known when the pages are written.
    let mut pages: Vec<(f32, f32, Vec<u8>)> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for section in sections {
        let geo = section.orientation.geometry();
        let n = section.pages.len();
        starts.push(pages.len());
        for (i, ops) in section.pages.iter().enumerate() {
            let mut page = Page {
                fonts,
                used: &mut used,
                content: Content::new(),
                height: geo.height,
            };
            for op in &ops.ops {
                page.op(op);
            }
            let (x0, x1) = (geo.left, geo.width - geo.right);
            let regular = fonts.face(Weight::Regular);
            if i > 0 && !section.header.is_empty() {
                let header = fit(regular, &section.header, FOOTER_SIZE, x1 - x0);
                page.text(x0, geo.top - 10.0, FOOTER_SIZE, Weight::Regular, &header);
            }
            // The footer sits in the bottom margin under a thin rule.
            let rule_y = geo.height - geo.bottom + 8.0;
            page.op(&Op::Line {
                x1: x0,
                y1: rule_y,
                x2: x1,
                y2: rule_y,
                width: 0.4,
                grey: 120,
                dash: false,
            });
            let y = rule_y + 10.0;
            let right = format!("Halaman {} dari {n}", i + 1);
            let right_w = regular.width(&right, FOOTER_SIZE);
            // The left part is shortened with `…` rather than run into the page number.
            let left = fit(
                regular,
                &section.footer,
                FOOTER_SIZE,
                x1 - x0 - right_w - 12.0,
            );
            page.text(x0, y, FOOTER_SIZE, Weight::Regular, &left);
            page.text(x1 - right_w, y, FOOTER_SIZE, Weight::Regular, &right);
            let content = page.content.finish();
            pages.push((geo.width, geo.height, deflate(&content)));
        }
    }

    let mut pdf = Pdf::new();
    let mut next = Ref::new(1);
    let (catalog, tree, info) = (next.bump(), next.bump(), next.bump());
    let font_refs = [next.bump(), next.bump()];
    let mut page_ids = Vec::with_capacity(pages.len());
    for (w, h, content) in &pages {
        let (page_id, content_id) = (next.bump(), next.bump());
        page_ids.push(page_id);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, *w, *h))
            .parent(tree)
            .contents(content_id);
        {
            let mut resources = page.resources();
            let mut fonts_dict = resources.fonts();
            for (k, r) in font_refs.iter().enumerate() {
                if !used.glyphs[k].is_empty() {
                    fonts_dict.pair(Name(FONT_NAMES[k]), *r);
                }
            }
        }
        page.finish();
        pdf.stream(content_id, content).filter(Filter::FlateDecode);
    }
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    let label_ids: Vec<Ref> = starts.iter().map(|_| next.bump()).collect();
    {
        let mut cat = pdf.catalog(catalog);
        cat.pages(tree).lang(TextStr("id"));
        let mut labels = cat.page_labels();
        let mut nums = labels.nums();
        for (start, id) in starts.iter().zip(&label_ids) {
            nums.insert(*start as i32, *id);
        }
    }
    for id in &label_ids {
        pdf.indirect(*id)
            .start::<PageLabel>()
            .style(NumberingStyle::Arabic)
            .offset(1);
    }
    pdf.document_info(info)
        .title(TextStr(title))
        .creator(TextStr("kinerja"))
        .producer(TextStr("kinerja"));
    for (k, weight) in [Weight::Regular, Weight::Bold].into_iter().enumerate() {
        if !used.glyphs[k].is_empty() {
            write_font(
                &mut pdf,
                &mut next,
                fonts.face(weight),
                weight == Weight::Bold,
                &used.glyphs[k],
                font_refs[k],
            )?;
        }
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::fonts::fonts;
    use crate::print::layout::{Align, Orientation, Sheet, Style};

    #[test]
    fn a_page_is_a_pdf_with_its_text_and_a_subset_font() {
        let f = fonts().expect("fonts");
        let mut s = Sheet::new(f, Orientation::Portrait, "kepala", "NIP 1 · kaki");
        s.paragraph("Sasaran Kinerja Pegawai ✓ …", Style::BODY, Align::Left, 0.0);
        let bytes = render(f, &[s.finish()], "Uji").expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"));
        // The subset is much smaller than the font file.
        assert!(bytes.len() < f.regular.data.len() / 4, "{}", bytes.len());
        assert_eq!(render(f, &[], "Uji").map(|b| b.is_empty()), Ok(false));
    }

    #[test]
    fn a_footer_too_long_is_shortened_with_an_ellipsis() {
        let f = fonts().expect("fonts");
        let t = fit(
            &f.regular,
            "NIP 19850330 201001 2 002 · Tahunan 2025",
            7.5,
            60.0,
        );
        assert!(t.ends_with('…') && t.starts_with("NIP"), "{t}");
        assert!(f.regular.width(&t, 7.5) <= 60.0);
        assert_eq!(fit(&f.regular, "NIP", 7.5, 60.0), "NIP");
    }
}
