//! The rows of the screens' view read by hand (issue 23): the same bytes the view's layout
//! 3 holds (bincode's standard encoding of [`super::rows::EntryOut`], as `write_view`
//! writes them through serde), decoded field by field from the reader's buffer into the
//! rows' shared buffers, with no allocation per row. Through serde the same read cost
//! about a microsecond a row (a generic call per field, a name and three lists allocated
//! and freed per row), which at 100,000 rows made the view's rows, not sled's open, the
//! last thing a start from the view waited for.
//!
//! The encoding: integers of 16 bits and more as bincode's varint (a byte below 251 is the
//! value; 251, 252 and 253 are followed by 2, 4 or 8 little-endian bytes), signed ones
//! zigzagged first; `u8` and `bool` as one byte; `Option` as a byte 0 or 1 before the
//! value; an enum as its variant's number (varint) before its fields; a text or list as its
//! length (varint) before its bytes or elements. The serde decoder stays, in the tests, to
//! check this one against it.

use super::rows::{Entry, Fixed, Heap, packed_held};
use crate::domain::{Golongan, JenisJabatan, Period, PeriodKind, Predikat};
use jiff::civil::Date;
use std::io::{BufRead, BufReader, Read};

/// Reads bincode's standard encoding from a buffered reader, from its buffer when the
/// bytes are there (the common case), else through it. Every read is `None` at the end of
/// the bytes or on a value the encoding cannot hold.
struct Decoder<'a, R> {
    r: &'a mut BufReader<R>,
}

impl<R: Read> Decoder<'_, R> {
    #[inline]
    fn byte(&mut self) -> Option<u8> {
        if let Some(&b) = self.r.buffer().first() {
            self.r.consume(1);
            return Some(b);
        }
        let b = *self.r.fill_buf().ok()?.first()?;
        self.r.consume(1);
        Some(b)
    }

    #[inline]
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let mut out = [0u8; N];
        if let Some(bytes) = self.r.buffer().get(..N) {
            out.copy_from_slice(bytes);
            self.r.consume(N);
        } else {
            self.r.read_exact(&mut out).ok()?;
        }
        Some(out)
    }

    #[inline]
    fn unsigned(&mut self) -> Option<u64> {
        match self.byte()? {
            b @ 0..=250 => Some(u64::from(b)),
            251 => Some(u64::from(u16::from_le_bytes(self.array()?))),
            252 => Some(u64::from(u32::from_le_bytes(self.array()?))),
            253 => Some(u64::from_le_bytes(self.array()?)),
            // 254 (128 bits) fits no field of a row; 255 marks nothing.
            _ => None,
        }
    }

    fn u16(&mut self) -> Option<u16> {
        u16::try_from(self.unsigned()?).ok()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.unsigned()?).ok()
    }

    fn i16(&mut self) -> Option<i16> {
        let u = self.u16()?;
        Some((u >> 1) as i16 ^ -((u & 1) as i16))
    }

    fn i32(&mut self) -> Option<i32> {
        let u = self.u32()?;
        Some((u >> 1) as i32 ^ -((u & 1) as i32))
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// Whether an `Option`'s value follows.
    fn some(&mut self) -> Option<bool> {
        self.bool()
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.unsigned()?).ok()
    }

    fn predikat(&mut self) -> Option<Predikat> {
        Predikat::ALL
            .get(usize::try_from(self.u32()?).ok()?)
            .copied()
    }

    fn period(&mut self) -> Option<Period> {
        let year = self.i16()?;
        let kind = match self.u32()? {
            0 => PeriodKind::Tahunan,
            1 => PeriodKind::Triwulan(self.byte()?),
            2 => PeriodKind::Bulanan(self.byte()?),
            3 => PeriodKind::Rentang(self.byte()?, self.byte()?),
            _ => return None,
        };
        Some(Period { year, kind })
    }

    /// A text's bytes into `out` (emptied first); checked as UTF-8 by the caller.
    fn text_into(&mut self, out: &mut Vec<u8>) -> Option<()> {
        let n = self.len()?;
        out.clear();
        if let Some(bytes) = self.r.buffer().get(..n) {
            out.extend_from_slice(bytes);
            self.r.consume(n);
            return Some(());
        }
        // Longer than what is buffered: read through, growing with what comes (a damaged
        // length reserves nothing).
        (&mut *self.r).take(n as u64).read_to_end(out).ok()?;
        (out.len() == n).then_some(())
    }

    /// One row: its own fields, and its name and lists into `s`.
    fn row(&mut self, s: &mut Scratch) -> Option<Fixed> {
        let (a, b, c) = (self.unsigned()?, self.unsigned()?, self.u16()?);
        let mut nip = [0u8; 18];
        nip[..8].copy_from_slice(&a.to_le_bytes());
        nip[8..16].copy_from_slice(&b.to_le_bytes());
        nip[16..].copy_from_slice(&c.to_le_bytes());
        self.text_into(&mut s.name)?;
        let golongan = match self.u32()? {
            0 => Golongan::Unstated,
            1 => Golongan::Pns(self.byte()?),
            2 => Golongan::Pppk(self.byte()?),
            _ => return None,
        };
        let (jabatan, unit, aktif) = (self.u16()?, self.u16()?, self.bool()?);
        let last = match self.some()? {
            true => Some((self.period()?, self.predikat()?)),
            false => None,
        };
        let jp = self.u32()?;
        s.jp_years.clear();
        for _ in 0..self.len()? {
            s.jp_years.push((self.i16()?, self.u32()?));
        }
        s.annual.clear();
        for _ in 0..self.len()? {
            s.annual.push((self.i16()?, self.predikat()?));
        }
        let jenis = match self.some()? {
            true => Some(*JenisJabatan::ALL.get(usize::try_from(self.u32()?).ok()?)?),
            false => None,
        };
        s.held.clear();
        for _ in 0..self.len()? {
            let key = self.u32()?;
            s.held.push((key, packed_held::unpack(self.i32()?)?));
        }
        let keberatan = self.bool()?;
        Some(Fixed {
            nip,
            golongan,
            jabatan,
            unit,
            aktif,
            last,
            jp,
            jenis,
            keberatan,
        })
    }
}

/// One row's name and lists as read, reused from row to row.
#[derive(Default)]
struct Scratch {
    name: Vec<u8>,
    jp_years: Vec<(i16, u32)>,
    annual: Vec<(i16, Predikat)>,
    held: Vec<(u32, Date)>,
}

/// The rows' sequence (its length, then each row) at the reader's position, as layout 3
/// writes it; `None` when the bytes are not such rows (damage: a name not UTF-8, a
/// variant no enum has, a date that is none, the end too soon).
pub(super) fn read_rows<R: Read>(reader: &mut BufReader<R>) -> Option<(Vec<Entry>, Heap)> {
    let mut d = Decoder { r: reader };
    let count = d.len()?;
    // Room for the count the file gives, within reason: a damaged count grows the rows
    // as they come instead.
    let mut items = Vec::with_capacity(count.min(1 << 18));
    let mut heap = Heap::default();
    let mut s = Scratch::default();
    for _ in 0..count {
        let fixed = d.row(&mut s)?;
        let name = std::str::from_utf8(&s.name).ok()?;
        items.push(fixed.into_entry(&mut heap, (name, &s.jp_years, &s.annual, &s.held))?);
    }
    heap.shrink();
    Some((items, heap))
}
