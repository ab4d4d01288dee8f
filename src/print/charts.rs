//! Small charts drawn with lines and boxes: a unit's spread of predikat against the pattern
//! its capaian organisasi sets, a person's predikat over periods, JP per year against the
//! target. Grey only, so they print the same on any printer.

use super::layout::{Align, Sheet, Style};
use crate::domain::{Predikat, PredikatCounts, UnitRating};

/// The share of each predikat the distribution guide allows for a unit rated `r` (SE
/// MenPANRB 3/2023; the same rules as `domain::check_distribution`, drawn): the least and
/// the most percent per predikat, in `Predikat::ALL` order.
pub fn pattern_bounds(r: UnitRating) -> [(Option<u32>, Option<u32>); 5] {
    let mut b = [(None, None); 5];
    let i = |p: Predikat| p.index();
    match r {
        UnitRating::Istimewa => b[i(Predikat::SangatBaik)].1 = Some(70),
        UnitRating::Baik => b[i(Predikat::Baik)].1 = Some(70),
        UnitRating::ButuhPerbaikan => {
            b[i(Predikat::ButuhPerbaikan)].0 = Some(60);
            b[i(Predikat::SangatBaik)].1 = Some(10);
        }
        UnitRating::Kurang => {
            b[i(Predikat::Kurang)].0 = Some(60);
            b[i(Predikat::ButuhPerbaikan)].0 = Some(10);
            b[i(Predikat::SangatBaik)].1 = Some(10);
        }
        UnitRating::SangatKurang => {
            b[i(Predikat::SangatKurang)].0 = Some(60);
            b[i(Predikat::SangatBaik)].1 = Some(0);
        }
    }
    b
}

/// The pattern in words, as the forms describe it.
pub fn pattern_text(r: UnitRating) -> &'static str {
    match r {
        UnitRating::Istimewa => {
            "Sangat Baik kelompok terbesar, paling banyak 70%; predikat lain sesuai capaian."
        }
        UnitRating::Baik => {
            "Baik kelompok terbesar, paling banyak 70%; ada pegawai Butuh Perbaikan dan/atau Kurang."
        }
        UnitRating::ButuhPerbaikan => {
            "Butuh Perbaikan paling sedikit 60%; Sangat Baik paling banyak 10%."
        }
        UnitRating::Kurang => {
            "Kurang paling sedikit 60%; Butuh Perbaikan paling sedikit 10%; Sangat Baik paling banyak 10%."
        }
        UnitRating::SangatKurang => {
            "Sangat Kurang paling sedikit 60%; Kurang dan Butuh Perbaikan bersama paling sedikit 10%; tidak ada Sangat Baik."
        }
    }
}

/// Short names under the bars.
fn short(p: Predikat) -> &'static str {
    match p {
        Predikat::SangatBaik => "Sangat Baik",
        Predikat::Baik => "Baik",
        Predikat::ButuhPerbaikan => "Butuh Perb.",
        Predikat::Kurang => "Kurang",
        Predikat::SangatKurang => "Sangat Kurang",
    }
}

/// A bar chart of `counts` in percent of their total, `width` × `height` points at the
/// cursor, with the pattern's least (solid) and most (dashed) share marked on each bar
/// when `rating` is known. The cursor moves below it.
pub fn distribution(
    sheet: &mut Sheet,
    x: f32,
    width: f32,
    height: f32,
    counts: &PredikatCounts,
    rating: Option<UnitRating>,
) {
    let small = Style::SMALL;
    let lh = small.line_height();
    sheet.ensure(height + 3.5 * lh + 8.0);
    let top = sheet.y();
    // The plot area leaves room for the axis labels on the left and the names below.
    let axis_w = sheet.text_width("100%", small) + 4.0;
    let (px, pw) = (x + axis_w, width - axis_w);
    let (py, ph) = (top + lh * 1.5, height);
    let base = py + ph;
    for pct in [0u32, 50, 100] {
        let y = base - ph * pct as f32 / 100.0;
        sheet.line((px, y), (px + pw, y), 0.3, 170);
        sheet.text_in(
            x,
            axis_w - 3.0,
            y - small.size * 0.5,
            &format!("{pct}%"),
            small,
            Align::Right,
        );
    }
    let total = counts.total();
    let slot = pw / 5.0;
    let bar = slot * 0.5;
    let bounds = rating.map(pattern_bounds);
    for (k, p) in Predikat::ALL.iter().enumerate() {
        let share = counts.percent(*p) as f32;
        let bx = px + slot * k as f32 + (slot - bar) / 2.0;
        let h = ph * share / 100.0;
        sheet.rect(bx, base - h, bar, h, Some(150), Some(0.4));
        // The count sits over the bar and over the pattern's marks on it.
        let mut label_top = base - h;
        if let Some(b) = bounds {
            let (min, max) = b[k];
            let mark = |pct: u32| base - ph * pct as f32 / 100.0;
            if let Some(m) = min {
                let y = mark(m);
                sheet.line((bx - 4.0, y), (bx + bar + 4.0, y), 1.2, 0);
                label_top = label_top.min(y);
            }
            if let Some(m) = max {
                let y = mark(m);
                sheet.dashed((bx - 4.0, y), (bx + bar + 4.0, y), 1.2);
                label_top = label_top.min(y);
            }
        }
        let label = format!("{} ({:.0}%)", counts.get(*p), share);
        sheet.text_in(
            px + slot * k as f32,
            slot,
            label_top - lh - 1.0,
            &label,
            small,
            Align::Center,
        );
        sheet.text_in(
            px + slot * k as f32,
            slot,
            base + 2.0,
            short(*p),
            small,
            Align::Center,
        );
    }
    sheet.line((px, base), (px + pw, base), 0.6, 0);
    let legend = if total == 0 {
        "Belum ada pegawai yang dinilai pada periode ini.".to_string()
    } else if rating.is_some() {
        format!(
            "{total} pegawai dinilai (pimpinan unit tidak dihitung). Garis penuh: paling sedikit menurut pola; garis putus: paling banyak."
        )
    } else {
        format!("{total} pegawai dinilai (pimpinan unit tidak dihitung).")
    };
    sheet.set_y(base + lh + 4.0);
    let y = sheet.y();
    sheet.text_in(x, width, y, &legend, small, Align::Left);
    sheet.set_y(y + lh + 4.0);
}

/// A person's predikat over periods: one point per period, Sangat Baik at the top, joined
/// by a line; a provisional one drawn hollow.
pub fn trend(
    sheet: &mut Sheet,
    x: f32,
    top: f32,
    width: f32,
    height: f32,
    points: &[(String, Predikat, bool)],
) {
    let small = Style::SMALL;
    let lh = small.line_height();
    let axis_w = Predikat::ALL
        .iter()
        .map(|p| sheet.text_width(short(*p), small))
        .fold(0.0, f32::max)
        + 6.0;
    let (px, pw) = (x + axis_w, width - axis_w);
    let (py, ph) = (top + 4.0, height - lh * 2.0 - 8.0);
    let level = |p: Predikat| py + ph * p.index() as f32 / 4.0;
    for p in Predikat::ALL {
        let y = level(p);
        sheet.line((px, y), (px + pw, y), 0.3, 190);
        sheet.text_in(
            x,
            axis_w - 4.0,
            y - small.size * 0.5,
            short(p),
            small,
            Align::Right,
        );
    }
    if points.is_empty() {
        sheet.text_in(
            px,
            pw,
            py + ph / 2.0 - small.size,
            "Belum ada penilaian.",
            small,
            Align::Center,
        );
        return;
    }
    let slot = pw / points.len() as f32;
    let at = |k: usize, p: Predikat| (px + slot * (k as f32 + 0.5), level(p));
    for k in 1..points.len() {
        sheet.line(at(k - 1, points[k - 1].1), at(k, points[k].1), 1.0, 0);
    }
    for (k, (label, p, provisional)) in points.iter().enumerate() {
        let (cx, cy) = at(k, *p);
        let fill = if *provisional { Some(255) } else { Some(0) };
        sheet.rect(cx - 2.5, cy - 2.5, 5.0, 5.0, fill, Some(0.6));
        // Two lines under each point: the kind and the year.
        let mut parts = label.rsplitn(2, ' ');
        let year = parts.next().unwrap_or("");
        let kind = parts.next().unwrap_or("");
        let ly = py + ph + 4.0;
        sheet.text_in(px + slot * k as f32, slot, ly, kind, small, Align::Center);
        sheet.text_in(
            px + slot * k as f32,
            slot,
            ly + lh,
            year,
            small,
            Align::Center,
        );
    }
}

/// JP per year as bars against each year's target (a dashed line).
pub fn jp_bars(
    sheet: &mut Sheet,
    x: f32,
    top: f32,
    width: f32,
    height: f32,
    years: &[(i16, u32, u32)],
) {
    let small = Style::SMALL;
    let lh = small.line_height();
    let max = years
        .iter()
        .map(|(_, jp, t)| (*jp).max(*t))
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let (px, pw) = (x + 6.0, width - 12.0);
    let (py, ph) = (top + lh + 4.0, height - lh * 3.0 - 8.0);
    let base = py + ph;
    let slot = pw / years.len().max(1) as f32;
    let bar = slot * 0.45;
    for (k, (year, jp, target)) in years.iter().enumerate() {
        let bx = px + slot * k as f32 + (slot - bar) / 2.0;
        let h = ph * *jp as f32 / max;
        sheet.rect(bx, base - h, bar, h, Some(150), Some(0.4));
        sheet.text_in(
            px + slot * k as f32,
            slot,
            base - h - lh,
            &format!("{jp} JP"),
            small,
            Align::Center,
        );
        if *target > 0 {
            let y = base - ph * *target as f32 / max;
            sheet.dashed((bx - 5.0, y), (bx + bar + 5.0, y), 1.0);
        }
        sheet.text_in(
            px + slot * k as f32,
            slot,
            base + 2.0,
            &year.to_string(),
            small,
            Align::Center,
        );
    }
    sheet.line((px, base), (px + pw, base), 0.6, 0);
    let target = years.iter().map(|y| y.2).max().unwrap_or(0);
    let note = if target > 0 {
        format!("Garis putus: target {target} JP per tahun.")
    } else {
        "Tanpa target JP (PPPK).".to_string()
    };
    sheet.text_in(x, width, base + lh + 4.0, &note, small, Align::Left);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check_distribution;

    /// The drawn bounds say what `check_distribution` checks: a spread outside a drawn
    /// bound is a breach, for every rating.
    #[test]
    fn the_drawn_pattern_agrees_with_the_distribution_check() {
        for r in UnitRating::ALL {
            let b = pattern_bounds(r);
            for (k, p) in Predikat::ALL.iter().enumerate() {
                if let Some(max) = b[k].1 {
                    // Everyone in this predikat (over any max below 100%).
                    let mut c = PredikatCounts::default();
                    for _ in 0..10 {
                        c.add(*p);
                    }
                    if max < 100 {
                        assert!(!check_distribution(r, &c).is_empty(), "{r:?} {p:?} max");
                    }
                }
                if let Some(min) = b[k].0 {
                    // Nobody in this predikat: below any min above 0.
                    let mut c = PredikatCounts::default();
                    let other = Predikat::ALL[(k + 1) % 5];
                    for _ in 0..10 {
                        c.add(other);
                    }
                    assert!(min > 0);
                    assert!(!check_distribution(r, &c).is_empty(), "{r:?} {p:?} min");
                }
            }
        }
    }
}
