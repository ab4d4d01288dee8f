//! The rows as the screens' view file keeps them (issue 23, `store::view_file`): the
//! entries as they are in memory, their interned texts, the unit names and the moves, so
//! the next screens take them back without reading a summary. The sorted orders are not
//! kept: each is built the first time it is asked for, as after a read.

#[cfg(test)]
use super::rows::EntryIn;
use super::rows::{Entry, EntryOut, Heap, Interner};
use super::shared::{SharedStaff, StaffData, read};
use jiff::civil::Date;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// One moved person's unit entries, as `shared::Moves` holds them.
type MoveList = [(Option<Date>, u16)];

/// One person's open objections, as `shared::Objections` holds them.
type ObjectionList = [(crate::domain::Period, crate::domain::KeberatanStatus, Date)];

/// The layout written; a reader of another refuses the bytes.
const LAYOUT: u8 = 3;

/// What is written, borrowed from the rows in memory.
#[derive(serde::Serialize)]
struct RowsOut<'a> {
    layout: u8,
    year: i16,
    jabatan: &'a [String],
    unit_ids: &'a [String],
    unit_names: Vec<(&'a str, &'a str)>,
    items: ItemsOut<'a>,
    moves: Vec<(&'a [u8; 18], &'a MoveList)>,
    keberatan: Vec<(&'a [u8; 18], &'a ObjectionList)>,
}

/// What is read back: the same fields, owned, through serde: kept as the tests' check of
/// the rows' own decoder ([`super::view_rows`]), which [`SharedStaff::read_view`] uses.
#[cfg(test)]
#[derive(serde::Deserialize)]
struct RowsIn {
    layout: u8,
    year: i16,
    jabatan: Vec<String>,
    unit_ids: Vec<String>,
    unit_names: Vec<(String, String)>,
    items: ItemsIn,
    moves: Vec<([u8; 18], Box<MoveList>)>,
    keberatan: Vec<([u8; 18], Box<ObjectionList>)>,
}

/// The rows written one by one, each with its name and lists from the heap.
struct ItemsOut<'a> {
    items: &'a [Entry],
    heap: &'a Heap,
}

impl serde::Serialize for ItemsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.items.iter().map(|e| EntryOut::of(e, self.heap)))
    }
}

/// The rows read back one by one through serde, each one's name and lists appended to one
/// heap as it is read (the tests' check of [`super::view_rows`]).
#[cfg(test)]
struct ItemsIn {
    items: Vec<Entry>,
    heap: Heap,
}

#[cfg(test)]
impl<'de> serde::Deserialize<'de> for ItemsIn {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ItemsIn, D::Error> {
        struct Rows;
        impl<'de> serde::de::Visitor<'de> for Rows {
            type Value = ItemsIn;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the rows")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ItemsIn, A::Error> {
                // Room for the count the file gives, within reason: a damaged count
                // grows the rows as they come instead.
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 18));
                let mut heap = Heap::default();
                while let Some(row) = seq.next_element::<EntryIn>()? {
                    let entry = row
                        .into_entry(&mut heap)
                        .ok_or_else(|| serde::de::Error::custom("rows past 4 GiB"))?;
                    items.push(entry);
                }
                heap.shrink();
                Ok(ItemsIn { items, heap })
            }
        }
        d.deserialize_seq(Rows)
    }
}

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

/// Decodes a `T` from the start of `bytes` (a part of the screens' view), with how many
/// bytes it took; `None` when the bytes are not one.
///
/// Bounded: bincode allocates a text's bytes from its length prefix before reading them,
/// so a damaged or hostile view saying "a name of 2^60 bytes" would abort the program (or
/// panic) at the start. Its limit caps what a decode may claim at 16 times the bytes given
/// (a length or number claims at most 8 bytes for each byte it takes in the file), rounded
/// up to a power of two: never more than the view could honestly hold.
pub fn decode_bounded<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<(T, usize)> {
    let need = bytes.len().saturating_mul(16);
    macro_rules! within {
        ($($shift:literal)*) => {$(
            if need <= 1usize << $shift {
                return bincode::serde::decode_from_slice(
                    bytes,
                    config().with_limit::<{ 1usize << $shift }>(),
                )
                .ok();
            }
        )*};
    }
    within!(16 18 20 22 24 26 28 30 32 34);
    None
}

/// [`decode_bounded`] from a buffered reader (the view file, decoded as it is read) of at
/// most `len` bytes: the decode may claim at most 16 times `len`, rounded up to a power of
/// two. Reads only the bytes of one `T`; `None` when they are not one. Decoded through
/// the buffer itself (bincode reads small values in place), not a read call per field.
pub fn decode_bounded_read<T: serde::de::DeserializeOwned, R: std::io::Read>(
    reader: &mut std::io::BufReader<R>,
    len: u64,
) -> Option<T> {
    let need = usize::try_from(len).ok()?.saturating_mul(16);
    macro_rules! within {
        ($($shift:literal)*) => {$(
            if need <= 1usize << $shift {
                return bincode::serde::decode_from_reader(
                    reader,
                    config().with_limit::<{ 1usize << $shift }>(),
                )
                .ok();
            }
        )*};
    }
    within!(16 18 20 22 24 26 28 30 32 34);
    None
}

impl Interner {
    fn from_texts(texts: Vec<String>) -> Option<Interner> {
        if texts.len() > usize::from(u16::MAX) + 1 {
            return None;
        }
        let numbers = texts
            .iter()
            .enumerate()
            .map(|(n, t)| (t.clone(), n as u16))
            .collect();
        Some(Interner { texts, numbers })
    }
}

impl SharedStaff {
    /// Writes the rows to `out` (the view file, as they are encoded: no copy of the whole
    /// is made in memory), as [`SharedStaff::read_view`] reads them.
    pub fn write_view<W: std::io::Write>(
        &self,
        out: &mut W,
    ) -> Result<(), bincode::error::EncodeError> {
        let data = read(&self.0);
        let mut unit_names: Vec<(&str, &str)> = data
            .unit_names
            .iter()
            .map(|(id, name)| (id.as_str(), name.as_str()))
            .collect();
        unit_names.sort_unstable();
        let mut moves: Vec<(&[u8; 18], &MoveList)> =
            data.moves.iter().map(|(nip, m)| (nip, &m[..])).collect();
        moves.sort_unstable_by_key(|(nip, _)| *nip);
        let mut keberatan: Vec<(&[u8; 18], &ObjectionList)> = data
            .keberatan
            .iter()
            .map(|(nip, k)| (nip, &k[..]))
            .collect();
        keberatan.sort_unstable_by_key(|(nip, _)| *nip);
        let rows = RowsOut {
            layout: LAYOUT,
            year: data.year,
            jabatan: data.jabatan.texts(),
            unit_ids: data.unit_ids.texts(),
            unit_names,
            items: ItemsOut {
                items: &data.items,
                heap: &data.heap,
            },
            moves,
            keberatan,
        };
        bincode::serde::encode_into_std_write(&rows, out, config())?;
        Ok(())
    }

    /// The rows [`SharedStaff::write_view`] wrote at the start of `bytes`, and how many
    /// bytes they took; `None` when the bytes are not such rows (another layout, damage:
    /// an interned number with no text).
    pub fn from_view(bytes: &[u8]) -> Option<(SharedStaff, usize)> {
        let mut reader = std::io::BufReader::new(bytes);
        let staff = Self::read_view(&mut reader, bytes.len() as u64)?;
        let left = reader.buffer().len() + reader.get_ref().len();
        Some((staff, bytes.len() - left))
    }

    /// [`SharedStaff::from_view`] from a reader holding at most `len` bytes (the view
    /// file): the rows are built as the bytes are read, so a start from the view never
    /// holds the file's bytes and the rows at once. Reads only the rows' bytes.
    pub fn read_view<R: std::io::Read>(
        reader: &mut std::io::BufReader<R>,
        len: u64,
    ) -> Option<SharedStaff> {
        // `RowsOut`'s fields one after the other (bincode writes a struct as its fields in
        // order), the rows by their own decoder.
        let layout: u8 = decode_bounded_read(reader, len)?;
        if layout != LAYOUT {
            return None;
        }
        let year: i16 = decode_bounded_read(reader, len)?;
        let jabatan: Vec<String> = decode_bounded_read(reader, len)?;
        let unit_ids: Vec<String> = decode_bounded_read(reader, len)?;
        let unit_names: Vec<(String, String)> = decode_bounded_read(reader, len)?;
        let (items, heap) = super::view_rows::read_rows(reader)?;
        let moves: Vec<([u8; 18], Box<MoveList>)> = decode_bounded_read(reader, len)?;
        let keberatan: Vec<([u8; 18], Box<ObjectionList>)> = decode_bounded_read(reader, len)?;
        Self::from_parts(
            year, jabatan, unit_ids, unit_names, items, heap, moves, keberatan,
        )
    }

    /// The rows from a view's decoded parts; `None` when a row or move names an interned
    /// number with no text.
    #[allow(clippy::too_many_arguments)]
    fn from_parts(
        year: i16,
        jabatan: Vec<String>,
        unit_ids: Vec<String>,
        unit_names: Vec<(String, String)>,
        items: Vec<Entry>,
        heap: Heap,
        moves: Vec<([u8; 18], Box<MoveList>)>,
        keberatan: Vec<([u8; 18], Box<ObjectionList>)>,
    ) -> Option<SharedStaff> {
        let known = |n: u16, texts: &[String]| usize::from(n) < texts.len();
        if !items
            .iter()
            .all(|e| known(e.jabatan, &jabatan) && known(e.unit, &unit_ids))
            || !moves
                .iter()
                .all(|(_, m)| m.iter().all(|(_, u)| known(*u, &unit_ids)))
        {
            return None;
        }
        let data = StaffData {
            items,
            heap,
            jabatan: Interner::from_texts(jabatan)?,
            unit_ids: Interner::from_texts(unit_ids)?,
            unit_names: unit_names.into_iter().collect(),
            year,
            orders: HashMap::new(),
            moves: moves.into_iter().collect(),
            keberatan: keberatan.into_iter().collect(),
            generation: 0,
        };
        Some(SharedStaff(Arc::new(RwLock::new(data))))
    }

    /// [`SharedStaff::read_view`] through serde's decoder (the tests' check of the rows'
    /// own decoder).
    #[cfg(test)]
    fn read_view_serde<R: std::io::Read>(
        reader: &mut std::io::BufReader<R>,
        len: u64,
    ) -> Option<SharedStaff> {
        let rows: RowsIn = decode_bounded_read(reader, len)?;
        if rows.layout != LAYOUT {
            return None;
        }
        Self::from_parts(
            rows.year,
            rows.jabatan,
            rows.unit_ids,
            rows.unit_names,
            rows.items.items,
            rows.items.heap,
            rows.moves,
            rows.keberatan,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Golongan, Period, Predikat, StaffSummary};
    use jiff::civil::date;

    fn person(nip: &str, name: &str, unit: &str) -> StaffSummary {
        StaffSummary {
            nip: nip.into(),
            name: name.into(),
            golongan: Golongan::parse("III/b", false).expect("rank"),
            jabatan: "Perawat Ahli Pertama".into(),
            jenis: None,
            unit_id: unit.into(),
            aktif: true,
            last: Some((Period::annual(2025), Predikat::SangatBaik)),
            jp: vec![(2025, 24), (2026, 12)],
            annual: vec![(2024, Predikat::Baik), (2025, Predikat::SangatBaik)],
            annual_hasil: Vec::new(),
            held: vec![(7, date(2026, 3, 14))],
            keberatan: vec![(
                Period::annual(2025),
                crate::domain::KeberatanStatus::Diajukan,
                date(2026, 1, 20),
            )],
            pendidikan: None,
            tmt_golongan: None,
            moves: vec![(Some(date(2024, 1, 2)), "sd".into()), (None, unit.into())],
        }
    }

    #[test]
    fn the_rows_come_back_from_the_view_as_they_were() {
        let names = HashMap::from([
            ("pkm".to_string(), "Puskesmas Belawan".to_string()),
            ("sd".to_string(), "SD Negeri 1".to_string()),
        ]);
        let staff = SharedStaff::new(
            vec![
                person("198503302010012001", "Siti Lubis", "pkm"),
                person("199001012015031002", "Budi Nasution", "sd"),
            ],
            names,
            2026,
        );
        let mut bytes = b"before".to_vec();
        let at = bytes.len();
        staff.write_view(&mut bytes).expect("write");
        bytes.extend_from_slice(b"after");
        let (back, used) = SharedStaff::from_view(&bytes[at..]).expect("read");
        assert_eq!(&bytes[at + used..], b"after", "the rows end where they say");
        assert_same_rows(&staff, &back);
        let b = read(&back.0);
        for y in &b.items {
            assert_eq!(b.keberatan_of(y).len(), 1, "the open objection comes back");
        }
        // A new text after the read gets the next number, not one already taken.
        let mut jabatan = Interner::from_texts(b.jabatan.texts().to_vec()).expect("texts");
        let n = jabatan.number("Bidan Terampil");
        assert_eq!(usize::from(n), b.jabatan.texts().len());
    }

    /// Every field of every row, and what the rows share, equal in `a` and `b`.
    fn assert_same_rows(a: &SharedStaff, b: &SharedStaff) {
        let (a, b) = (read(&a.0), read(&b.0));
        assert_eq!(a.items.len(), b.items.len());
        for (x, y) in a.items.iter().zip(&b.items) {
            assert_eq!(x.nip, y.nip);
            assert_eq!(a.heap.name(x), b.heap.name(y));
            assert_eq!(x.golongan, y.golongan);
            assert_eq!(a.jabatan.text(x.jabatan), b.jabatan.text(y.jabatan));
            assert_eq!(a.unit_id_of(x), b.unit_id_of(y));
            assert_eq!((x.aktif, x.last, x.jp), (y.aktif, y.last, y.jp));
            assert_eq!(a.heap.jp_years(x), b.heap.jp_years(y));
            assert_eq!(a.heap.annual(x), b.heap.annual(y));
            assert_eq!(x.jenis, y.jenis);
            assert_eq!(a.heap.held(x), b.heap.held(y));
            assert_eq!(x.keberatan, y.keberatan);
            assert_eq!(a.moves_of(x), b.moves_of(y));
            assert_eq!(a.keberatan_of(x), b.keberatan_of(y));
        }
        assert_eq!(a.unit_names, b.unit_names);
        assert_eq!(a.year, b.year);
    }

    fn any_summary() -> impl proptest::strategy::Strategy<Value = StaffSummary> {
        use crate::domain::{JenisJabatan, KeberatanStatus, PeriodKind};
        use proptest::prelude::*;
        let golongan = prop_oneof![
            Just(Golongan::Unstated),
            any::<u8>().prop_map(Golongan::Pns),
            any::<u8>().prop_map(Golongan::Pppk),
        ];
        let kind = prop_oneof![
            Just(PeriodKind::Tahunan),
            any::<u8>().prop_map(PeriodKind::Triwulan),
            any::<u8>().prop_map(PeriodKind::Bulanan),
            (any::<u8>(), any::<u8>()).prop_map(|(a, b)| PeriodKind::Rentang(a, b)),
        ];
        let period = (any::<i16>(), kind).prop_map(|(year, kind)| Period { year, kind });
        let predikat = (0usize..5).prop_map(|n| Predikat::ALL[n]);
        let jenis = proptest::option::of((0usize..14).prop_map(|n| JenisJabatan::ALL[n]));
        let day = (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d));
        // Names past the reader's buffer too (its slow path), numbers across every
        // varint width.
        let name = prop_oneof!["[a-zA-Z .,'é]{0,40}", "[a-z]{9000,9100}"];
        let number = prop_oneof![0u32..251, 251u32..65_536, any::<u32>()];
        (
            "[0-9]{18}",
            name,
            golongan,
            (
                any::<bool>(),
                proptest::option::of((period, predikat.clone())),
            ),
            (number.clone(), jenis),
            proptest::collection::vec((any::<i16>(), number.clone()), 0..4),
            proptest::collection::vec((any::<i16>(), predikat), 0..4),
            proptest::collection::vec((number, day), 0..4),
            any::<bool>(),
        )
            .prop_map(
                |(nip, name, golongan, (aktif, last), (jp_now, jenis), jp, annual, held, open)| {
                    let mut jp = jp;
                    jp.push((2026, jp_now));
                    StaffSummary {
                        nip,
                        name,
                        golongan,
                        jabatan: "Perawat Ahli Pertama".into(),
                        jenis,
                        unit_id: "pkm".into(),
                        aktif,
                        last,
                        jp,
                        annual,
                        annual_hasil: Vec::new(),
                        held,
                        keberatan: if open {
                            vec![(
                                Period::annual(2025),
                                KeberatanStatus::Diajukan,
                                date(2026, 1, 20),
                            )]
                        } else {
                            Vec::new()
                        },
                        pendidikan: None,
                        tmt_golongan: None,
                        moves: Vec::new(),
                    }
                },
            )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// The rows' own decoder reads exactly what serde's does from the same view
        /// (`view_rows`), through a buffer of any size, and refuses the same cut views.
        #[test]
        fn the_rows_own_decoder_reads_what_serde_reads(
            people in proptest::collection::vec(any_summary(), 1..12),
            buffer in proptest::prop_oneof![1usize..16, 8192usize..8193],
        ) {
            let staff = SharedStaff::new(people, HashMap::new(), 2026);
            let mut bytes = Vec::new();
            staff.write_view(&mut bytes).expect("write");
            let len = bytes.len() as u64;
            let mut own = std::io::BufReader::with_capacity(buffer, &bytes[..]);
            let mut serde = std::io::BufReader::with_capacity(buffer, &bytes[..]);
            let a = SharedStaff::read_view(&mut own, len).expect("own decoder");
            let b = SharedStaff::read_view_serde(&mut serde, len).expect("serde");
            assert_same_rows(&a, &staff);
            assert_same_rows(&a, &b);
            // Cut anywhere: neither takes it.
            let step = (bytes.len() / 40).max(1);
            for cut in (0..bytes.len()).step_by(step) {
                let part = &bytes[..cut];
                let mut r = std::io::BufReader::with_capacity(buffer, part);
                proptest::prop_assert!(SharedStaff::read_view(&mut r, cut as u64).is_none());
            }
        }
    }

    /// A view saying a text is 2^63 bytes long: bincode would make room for it before
    /// reading (a panic; at 2^40 the allocation fails and the program aborts).
    #[test]
    fn a_huge_length_in_a_damaged_view_is_refused_without_making_room_for_it() {
        for huge in [(1u64 << 63) + 1, 1 << 40, u64::MAX] {
            let mut bytes = vec![LAYOUT];
            // The year (2026, zigzag 4052: a u16 after its marker), one position...
            bytes.extend([251, 0xd4, 0x0f, 1]);
            // ...whose text says it is `huge` bytes long (a u64 after its marker).
            bytes.push(253);
            bytes.extend(huge.to_le_bytes());
            bytes.extend(b"Perawat");
            assert!(SharedStaff::from_view(&bytes).is_none(), "{huge}");
            let home: Option<(String, usize)> = decode_bounded(&bytes[5..]);
            assert!(home.is_none(), "{huge}");
        }
        // What a whole view holds still decodes under the bound.
        let staff = SharedStaff::new(
            vec![person("198503302010012001", "Siti Lubis", "pkm")],
            HashMap::new(),
            2026,
        );
        let mut bytes = Vec::new();
        staff.write_view(&mut bytes).expect("write");
        assert!(SharedStaff::from_view(&bytes).is_some());
    }

    #[test]
    fn rows_of_another_layout_or_with_unknown_texts_are_refused() {
        let staff = SharedStaff::new(
            vec![person("198503302010012001", "Siti Lubis", "pkm")],
            HashMap::new(),
            2026,
        );
        let mut bytes = Vec::new();
        staff.write_view(&mut bytes).expect("write");
        assert!(SharedStaff::from_view(&bytes).is_some());
        let mut other = bytes.clone();
        other[0] = LAYOUT + 1;
        assert!(SharedStaff::from_view(&other).is_none(), "another layout");
        assert!(
            SharedStaff::from_view(&bytes[..bytes.len() / 2]).is_none(),
            "cut short"
        );
        // The unit table emptied: the row's unit number has no text.
        let data = read(&staff.0);
        let rows = RowsOut {
            layout: LAYOUT,
            year: 2026,
            jabatan: &["Perawat".to_string()],
            unit_ids: &[],
            unit_names: Vec::new(),
            items: ItemsOut {
                items: &data.items,
                heap: &data.heap,
            },
            moves: Vec::new(),
            keberatan: Vec::new(),
        };
        let bad = bincode::serde::encode_to_vec(&rows, config()).expect("encode");
        assert!(
            SharedStaff::from_view(&bad).is_none(),
            "a unit number with no text"
        );
    }
}
