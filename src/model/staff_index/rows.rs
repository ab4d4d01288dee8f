//! One person as the list keeps them in memory, the rows copied out for drawing and for the
//! talent view, and the table that stores repeated texts once.

use crate::domain::{JenisJabatan, Predikat};
use jiff::civil::Date;
use std::collections::HashMap;

/// One person as the list keeps it in memory: small, with repeated texts (position,
/// unit) stored once in the index's tables, and the name and lists (JP per year, annual
/// ratings, competencies held) in the rows' shared buffers ([`Heap`]), so a row makes no
/// allocation of its own. Measured at 100,000 rows of the full demo (`cargo bench --bench
/// rows`): see docs/performance.md. Never stored in a record; the screens' view file keeps
/// it as [`EntryOut`] writes it.
#[derive(Clone, Copy)]
pub(super) struct Entry {
    pub(super) nip: [u8; 18],
    /// The name, in [`Heap::names`].
    pub(super) name: Span,
    pub(super) golongan: crate::domain::Golongan,
    pub(super) jabatan: u16,
    pub(super) unit: u16,
    pub(super) aktif: bool,
    pub(super) last: Option<(crate::domain::Period, Predikat)>,
    /// JP of the index's year.
    pub(super) jp: u32,
    /// JP of every year with any, oldest first (as the summary keeps them), in
    /// [`Heap::jp_years`].
    pub(super) jp_years: Span,
    /// Each year's annual (year, predikat), oldest first: the talent view's (the 9-box's
    /// kinerja and berprestasi come from the predikat alone). In [`Heap::annual`].
    pub(super) annual: Span,
    /// The position's kind and jenjang (`None` in a summary of the first layout).
    pub(super) jenis: Option<JenisJabatan>,
    /// Each competency held (`competency_key` of its id) with the end of the latest
    /// training that gave it: the Kompetensi view's. In [`Heap::held`].
    pub(super) held: Span,
    /// Whether the person has open objections (kept in `StaffData::keberatan`): most have
    /// none, and a pass over 100,000 rows then looks nothing up. In the row's padding.
    pub(super) keberatan: bool,
}

/// One row's name, JP per year, annual ratings and competencies held, as given to
/// [`Heap::push_parts`].
pub(super) type Parts<'a> = (
    &'a str,
    &'a [(i16, u32)],
    &'a [(i16, Predikat)],
    &'a [(u32, Date)],
);

/// Where one row's name or list sits in its [`Heap`] buffer: the first element and how
/// many, in that buffer's elements (bytes for the names).
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(super) struct Span {
    start: u32,
    len: u32,
}

impl Span {
    fn range(self) -> std::ops::Range<usize> {
        let start = self.start as usize;
        start..start + self.len as usize
    }
}

/// The names and lists of every row, each kind in one buffer: four allocations for all the
/// rows instead of up to four per row (issue 23: at 100,000 staff the allocator's own
/// bookkeeping and rounding cost more than the data). A save appends the person's new parts
/// and leaves the old ones unused; [`Heap::pack`] drops the unused once they are as many as
/// the used.
#[derive(Default, Clone)]
pub(super) struct Heap {
    names: String,
    jp_years: Vec<(i16, u32)>,
    annual: Vec<(i16, Predikat)>,
    held: Vec<(u32, Date)>,
    /// Elements of the four buffers no row points to any more.
    unused: usize,
}

impl Heap {
    pub(super) fn name(&self, e: &Entry) -> &str {
        self.names.get(e.name.range()).unwrap_or("")
    }

    pub(super) fn jp_years(&self, e: &Entry) -> &[(i16, u32)] {
        self.jp_years.get(e.jp_years.range()).unwrap_or(&[])
    }

    pub(super) fn annual(&self, e: &Entry) -> &[(i16, Predikat)] {
        self.annual.get(e.annual.range()).unwrap_or(&[])
    }

    pub(super) fn held(&self, e: &Entry) -> &[(u32, Date)] {
        self.held.get(e.held.range()).unwrap_or(&[])
    }

    /// Asks the processor to bring the first element of a row's name, JP per year and
    /// annual ratings into its cache (what the name-order passes read first), without
    /// waiting for them: for a pass out of the rows' order.
    pub(super) fn prefetch(&self, e: &Entry) {
        prefetch(self.names.as_bytes().get(e.name.start as usize));
        prefetch(self.jp_years.get(e.jp_years.start as usize));
        prefetch(self.annual.get(e.annual.start as usize));
    }

    fn push_name(&mut self, name: &str) -> Span {
        let span = Span {
            start: len_u32(self.names.len()),
            len: len_u32(name.len()),
        };
        self.names.push_str(name);
        span
    }

    /// Appends one row's name and lists, their spans in that order; `None`, appending
    /// nothing, when they would not fit (spans count in `u32`: only past 4 GiB of names or
    /// 4 billion list elements; the caller then packs the rows, or refuses them).
    pub(super) fn push_parts(&mut self, parts: Parts<'_>) -> Option<[Span; 4]> {
        let (name, jp_years, annual, held) = parts;
        let longest = self
            .names
            .len()
            .max(self.jp_years.len())
            .max(self.annual.len())
            .max(self.held.len());
        let more = name
            .len()
            .max(jp_years.len())
            .max(annual.len())
            .max(held.len());
        if longest.saturating_add(more) > u32::MAX as usize {
            return None;
        }
        Some([
            self.push_name(name),
            push(&mut self.jp_years, jp_years),
            push(&mut self.annual, annual),
            push(&mut self.held, held),
        ])
    }

    /// Marks a row's parts unused (the row was replaced or removed).
    pub(super) fn release(&mut self, e: &Entry) {
        self.unused += [e.name, e.jp_years, e.annual, e.held]
            .iter()
            .map(|s| s.len as usize)
            .sum::<usize>();
    }

    /// Whether the unused parts are as many as the used, and worth a pack.
    pub(super) fn worth_packing(&self) -> bool {
        let total = self.names.len() + self.jp_years.len() + self.annual.len() + self.held.len();
        self.unused >= PACK_AT && self.unused * 2 >= total
    }

    /// Copies the parts `items` point to into fresh buffers, in the rows' order, and points
    /// the rows at them: the unused parts are gone.
    pub(super) fn pack(&mut self, items: &mut [Entry]) {
        let mut fresh = Heap::default();
        fresh
            .names
            .reserve(items.iter().map(|e| e.name.len as usize).sum());
        for e in items.iter_mut() {
            // Fewer parts than fit before: they fit (else the row is kept without them).
            let parts = (self.name(e), self.jp_years(e), self.annual(e), self.held(e));
            [e.name, e.jp_years, e.annual, e.held] = fresh.push_parts(parts).unwrap_or_default();
        }
        fresh.shrink();
        *self = fresh;
    }

    /// Gives back the room the buffers grew into beyond their contents.
    pub(super) fn shrink(&mut self) {
        self.names.shrink_to_fit();
        self.jp_years.shrink_to_fit();
        self.annual.shrink_to_fit();
        self.held.shrink_to_fit();
    }

    /// Elements the four buffers hold, used or not.
    #[cfg(test)]
    pub(super) fn elements(&self) -> usize {
        self.names.len() + self.jp_years.len() + self.annual.len() + self.held.len()
    }

    /// Bytes of the four buffers' contents.
    #[cfg(test)]
    pub(super) fn bytes(&self) -> usize {
        use std::mem::size_of_val;
        self.names.len()
            + size_of_val(&self.jp_years[..])
            + size_of_val(&self.annual[..])
            + size_of_val(&self.held[..])
    }
}

/// Asks the processor to bring the memory at `at` into its cache and goes on: a hint, which
/// changes nothing but the time (nothing on processors other than x86-64).
pub(super) fn prefetch<T>(at: Option<&T>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(at) = at {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: SSE is part of every x86-64 processor, and a prefetch reads nothing the
        // program sees: it cannot fault, whatever the address (here a live reference).
        unsafe { _mm_prefetch::<_MM_HINT_T0>((at as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// The fewest unused elements worth a pack: a pack copies every row's parts (a few
/// milliseconds at 100,000 staff). Small under test, so the tests' few rows pack too.
const PACK_AT: usize = if cfg!(test) { 8 } else { 64 * 1024 };

fn len_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn push<T: Copy>(buf: &mut Vec<T>, items: &[T]) -> Span {
    let span = Span {
        start: len_u32(buf.len()),
        len: len_u32(items.len()),
    };
    buf.extend_from_slice(items);
    span
}

/// A row as the screens' view file writes it, its name and lists taken from the heap:
/// field for field what the view's layout 3 holds.
#[derive(serde::Serialize)]
pub(super) struct EntryOut<'a> {
    #[serde(with = "packed_nip")]
    nip: [u8; 18],
    name: &'a str,
    golongan: crate::domain::Golongan,
    jabatan: u16,
    unit: u16,
    aktif: bool,
    last: Option<(crate::domain::Period, Predikat)>,
    jp: u32,
    jp_years: &'a [(i16, u32)],
    annual: &'a [(i16, Predikat)],
    jenis: Option<JenisJabatan>,
    #[serde(serialize_with = "packed_held::serialize")]
    held: &'a [(u32, Date)],
    keberatan: bool,
}

impl<'a> EntryOut<'a> {
    pub(super) fn of(e: &Entry, heap: &'a Heap) -> EntryOut<'a> {
        EntryOut {
            nip: e.nip,
            name: heap.name(e),
            golongan: e.golongan,
            jabatan: e.jabatan,
            unit: e.unit,
            aktif: e.aktif,
            last: e.last,
            jp: e.jp,
            jp_years: heap.jp_years(e),
            annual: heap.annual(e),
            jenis: e.jenis,
            held: heap.held(e),
            keberatan: e.keberatan,
        }
    }
}

/// A row as the view file holds it, read back through serde ([`EntryOut`]'s fields,
/// owned) before its parts go into the heap: the tests' check of the rows' own decoder
/// (`view_rows`).
#[cfg(test)]
#[derive(serde::Deserialize)]
pub(super) struct EntryIn {
    #[serde(with = "packed_nip")]
    nip: [u8; 18],
    name: String,
    golongan: crate::domain::Golongan,
    jabatan: u16,
    unit: u16,
    aktif: bool,
    last: Option<(crate::domain::Period, Predikat)>,
    jp: u32,
    jp_years: Vec<(i16, u32)>,
    annual: Vec<(i16, Predikat)>,
    jenis: Option<JenisJabatan>,
    #[serde(deserialize_with = "packed_held::deserialize")]
    held: Box<[(u32, Date)]>,
    keberatan: bool,
}

/// A row's own fields as the view's rows decoder reads them ([`Entry`] without its
/// spans, which [`Heap::push_parts`] gives).
pub(super) struct Fixed {
    pub(super) nip: [u8; 18],
    pub(super) golongan: crate::domain::Golongan,
    pub(super) jabatan: u16,
    pub(super) unit: u16,
    pub(super) aktif: bool,
    pub(super) last: Option<(crate::domain::Period, Predikat)>,
    pub(super) jp: u32,
    pub(super) jenis: Option<JenisJabatan>,
    pub(super) keberatan: bool,
}

impl Fixed {
    /// The row, its parts appended to `heap`; `None` when they do not fit.
    pub(super) fn into_entry(self, heap: &mut Heap, parts: Parts<'_>) -> Option<Entry> {
        let [name, jp_years, annual, held] = heap.push_parts(parts)?;
        Some(Entry {
            nip: self.nip,
            name,
            golongan: self.golongan,
            jabatan: self.jabatan,
            unit: self.unit,
            aktif: self.aktif,
            last: self.last,
            jp: self.jp,
            jp_years,
            annual,
            jenis: self.jenis,
            held,
            keberatan: self.keberatan,
        })
    }
}

#[cfg(test)]
impl EntryIn {
    /// The row, its parts appended to `heap`; `None` when they do not fit
    /// ([`Heap::push_parts`]).
    pub(super) fn into_entry(self, heap: &mut Heap) -> Option<Entry> {
        let fixed = Fixed {
            nip: self.nip,
            golongan: self.golongan,
            jabatan: self.jabatan,
            unit: self.unit,
            aktif: self.aktif,
            last: self.last,
            jp: self.jp,
            jenis: self.jenis,
            keberatan: self.keberatan,
        };
        fixed.into_entry(heap, (&self.name, &self.jp_years, &self.annual, &self.held))
    }
}

/// The NIP's 18 bytes in the view as three numbers (8, 8 and 2 bytes, little-endian): a
/// few reads each instead of eighteen (serde writes an array element by element).
mod packed_nip {
    #[cfg(test)]
    use serde::{Deserialize, Deserializer};
    use serde::{Serialize, Serializer};

    pub fn serialize<S: Serializer>(nip: &[u8; 18], s: S) -> Result<S::Ok, S::Error> {
        let (mut a, mut b) = ([0u8; 8], [0u8; 8]);
        a.copy_from_slice(&nip[..8]);
        b.copy_from_slice(&nip[8..16]);
        (
            u64::from_le_bytes(a),
            u64::from_le_bytes(b),
            u16::from_le_bytes([nip[16], nip[17]]),
        )
            .serialize(s)
    }

    #[cfg(test)]
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 18], D::Error> {
        let (a, b, c): (u64, u64, u16) = Deserialize::deserialize(d)?;
        let mut nip = [0u8; 18];
        nip[..8].copy_from_slice(&a.to_le_bytes());
        nip[8..16].copy_from_slice(&b.to_le_bytes());
        nip[16..].copy_from_slice(&c.to_le_bytes());
        Ok(nip)
    }
}

/// The competencies held in the view with each date as one number (year * 512 + month *
/// 32 + day), not the text serde gives a date (parsed back on every read).
pub(super) mod packed_held {
    use jiff::civil::Date;
    use serde::Serializer;
    #[cfg(test)]
    use serde::{Deserialize, Deserializer, de::Error};

    pub fn serialize<S: Serializer>(held: &&[(u32, Date)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(held.iter().map(|(k, d)| (*k, pack(*d))))
    }

    #[cfg(test)]
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Box<[(u32, Date)]>, D::Error> {
        let packed: Vec<(u32, i32)> = Deserialize::deserialize(d)?;
        packed
            .into_iter()
            .map(|(k, p)| {
                unpack(p)
                    .map(|d| (k, d))
                    .ok_or_else(|| D::Error::custom("a date"))
            })
            .collect()
    }

    fn pack(d: Date) -> i32 {
        i32::from(d.year()) * 512 + i32::from(d.month()) * 32 + i32::from(d.day())
    }

    pub(in crate::model::staff_index) fn unpack(p: i32) -> Option<Date> {
        let year = i16::try_from(p.div_euclid(512)).ok()?;
        let rest = p.rem_euclid(512);
        Date::new(
            year,
            i8::try_from(rest / 32).ok()?,
            i8::try_from(rest % 32).ok()?,
        )
        .ok()
    }

    #[cfg(test)]
    #[test]
    fn dates_come_back_as_they_were() {
        for d in [
            jiff::civil::date(2026, 12, 31),
            jiff::civil::date(1970, 1, 1),
            jiff::civil::date(-9999, 1, 1),
            jiff::civil::date(9999, 12, 31),
        ] {
            assert_eq!(unpack(pack(d)), Some(d));
        }
        assert_eq!(unpack(2026 * 512 + 2 * 32 + 30), None, "30 February");
    }
}

/// One person as the talent view reads them, borrowed from the shared rows.
pub struct TalentSource<'a> {
    pub nip: &'a str,
    pub name: &'a str,
    pub unit_id: &'a str,
    /// The position's name (without its jenjang).
    pub jabatan: &'a str,
    pub aktif: bool,
    /// JP of the index's year (this year).
    pub jp: u32,
    /// Each year's JP as (year, JP), oldest first.
    pub jp_years: &'a [(i16, u32)],
    /// Each year's annual (year, predikat), oldest first.
    pub annual: &'a [(i16, Predikat)],
    /// The position's name as a number, the same for every person with that name (for
    /// caching what a position requires).
    pub jabatan_no: u16,
    /// The position's kind and jenjang.
    pub jenis: Option<JenisJabatan>,
    /// Competencies held: (`competency_key` of the id, end of the latest training that
    /// gave it).
    pub held: &'a [(u32, Date)],
    /// The unit entries (TMT, unit id) of a person who moved between units, else empty
    /// (issue 21): see [`TalentSource::unit_in`].
    pub moves: Vec<(Option<Date>, &'a str)>,
}

impl TalentSource<'_> {
    /// The unit the person was in on the last day of `year` (`StaffSummary::unit_in`).
    pub fn unit_in(&self, year: i16) -> &str {
        let Ok(day) = Date::new(year, 12, 31) else {
            return self.unit_id;
        };
        self.moves
            .iter()
            .rfind(|(tmt, _)| tmt.is_none_or(|t| t <= day))
            .or_else(|| self.moves.first())
            .map_or(self.unit_id, |(_, u)| u)
    }
}

impl Entry {
    pub(super) fn nip(&self) -> &str {
        std::str::from_utf8(&self.nip).unwrap_or("")
    }

    /// The pension date (BUP, DOMAIN.md) from the NIP's birth date and the position named
    /// `jabatan`, as [`crate::domain::StaffSummary::pension`] gives it; `None` when the
    /// position's kind is not known or the NIP is unreadable.
    pub(super) fn pension_date(&self, jabatan: &str) -> Option<Date> {
        use crate::domain::{EmploymentKind, Jabatan, Nip, Pension};
        let jenis = self.jenis?;
        let kind = if self.golongan.is_pppk() {
            EmploymentKind::Pppk
        } else {
            EmploymentKind::Pns
        };
        let nip = Nip::from_stored(self.nip(), kind).ok()?;
        let position = Jabatan {
            nama: jabatan.to_string(),
            jenis,
        };
        Some(Pension::of(nip.birth_date(), &position).date)
    }
}

/// One row of the view, copied out for drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub nip: String,
    pub name: String,
    pub golongan: crate::domain::Golongan,
    pub jabatan: String,
    pub unit_id: String,
    pub aktif: bool,
    pub last: Option<(crate::domain::Period, Predikat)>,
    pub jp: u32,
    /// The pension date (BUP), `None` when it cannot be told.
    pub pension: Option<Date>,
}

impl StaffRow {
    /// The NIP with the spaces of its layout: an NI PPPK's own (`19931228 2025 21 2 001`).
    pub fn nip_spaced(&self) -> String {
        crate::domain::summary::spaced_nip_of(&self.nip, self.golongan.is_pppk())
    }
}

/// Texts stored once, referred to by number.
#[derive(Default)]
pub(super) struct Interner {
    pub(super) texts: Vec<String>,
    pub(super) numbers: HashMap<String, u16>,
}

impl Interner {
    pub(super) fn number(&mut self, text: &str) -> u16 {
        if let Some(n) = self.numbers.get(text) {
            return *n;
        }
        let n = self.texts.len().min(u16::MAX as usize) as u16;
        self.texts.push(text.to_string());
        self.numbers.insert(text.to_string(), n);
        n
    }

    /// Every text, by number.
    pub(super) fn texts(&self) -> &[String] {
        &self.texts
    }

    pub(super) fn text(&self, n: u16) -> &str {
        self.texts.get(usize::from(n)).map_or("", |s| s.as_str())
    }
}
