//! Career history (riwayat pangkat, jabatan, unit; DOMAIN.md "After the evaluation"):
//! dated entries of a person's rank (TMT golongan), position (jabatan and jenjang) and
//! unit, so a past year is judged with what people were then and a promotion is counted
//! from the TMT of the rank.
//!
//! The rule that ties it to the staff record: the record's golongan, jabatan and unit are
//! always the newest entry of each kind. Saving an entry that becomes the newest changes
//! the record in the same transaction; a change of one of the three on the record itself
//! (the staff form, `import staff`) is a new entry dated the day it was recorded
//! ([`Career::follow`]), or corrects the newest entry when that one is dated that day or
//! later. A person without a stored history has the one [`Career::implied`] gives: today's
//! values, one entry each, dated when known.

use super::jabatan::Jabatan;
use super::nip::{EmploymentKind, Nip};
use super::rank::Golongan;
use super::staff::Staff;
use super::text::clean_line;
use jiff::civil::Date;

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CareerKind {
    /// Riwayat pangkat/golongan.
    Pangkat,
    /// Riwayat jabatan (the position and its jenjang).
    Jabatan,
    /// Riwayat unit kerja.
    Unit,
}

impl CareerKind {
    pub const ALL: [CareerKind; 3] = [CareerKind::Pangkat, CareerKind::Jabatan, CareerKind::Unit];

    /// The CSV value and the audit's word.
    pub fn code(self) -> &'static str {
        match self {
            CareerKind::Pangkat => "pangkat",
            CareerKind::Jabatan => "jabatan",
            CareerKind::Unit => "unit",
        }
    }

    /// `pangkat` (or `golongan`), `jabatan`, `unit` (or `unit kerja`, `unor`), any case.
    pub fn parse(s: &str) -> Option<CareerKind> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "pangkat" | "golongan" | "pangkatgolongan" | "rank" => Some(CareerKind::Pangkat),
            "jabatan" | "position" => Some(CareerKind::Jabatan),
            "unit" | "unitkerja" | "unor" => Some(CareerKind::Unit),
            _ => None,
        }
    }
}

/// The value an entry records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CareerValue {
    Pangkat(Golongan),
    Jabatan(Jabatan),
    /// The unit's id (`unit::unit_id`).
    Unit(String),
}

impl CareerValue {
    pub fn kind(&self) -> CareerKind {
        match self {
            CareerValue::Pangkat(_) => CareerKind::Pangkat,
            CareerValue::Jabatan(_) => CareerKind::Jabatan,
            CareerValue::Unit(_) => CareerKind::Unit,
        }
    }

    /// The value as the audit trail writes it: `III/b`, `Perawat Ahli Muda`, a unit id.
    pub fn text(&self) -> String {
        match self {
            CareerValue::Pangkat(g) => g.to_string(),
            CareerValue::Jabatan(j) => j.title(),
            CareerValue::Unit(u) => u.clone(),
        }
    }
}

/// One dated change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CareerEntry {
    /// Unique within the person, 1 or more; 0 for an entry not saved yet.
    pub id: u32,
    /// TMT (terhitung mulai tanggal): the day it took effect; `None` when not known (only
    /// the oldest entry of a kind may lack it).
    pub tmt: Option<Date>,
    pub value: CareerValue,
    /// The number of the decree (nomor SK), may be empty.
    pub nomor_sk: String,
}

impl CareerEntry {
    pub fn new(tmt: Option<Date>, value: CareerValue) -> CareerEntry {
        CareerEntry {
            id: 0,
            tmt,
            value,
            nomor_sk: String::new(),
        }
    }

    pub fn kind(&self) -> CareerKind {
        self.value.kind()
    }

    fn cleaned(mut self) -> CareerEntry {
        self.nomor_sk = clean_line(&self.nomor_sk);
        match &mut self.value {
            CareerValue::Jabatan(j) => j.nama = clean_line(&j.nama),
            CareerValue::Unit(u) => *u = clean_line(u),
            CareerValue::Pangkat(_) => {}
        }
        self
    }

    /// Where the entry sorts within its kind: an unknown TMT first, then by TMT.
    fn order_key(&self) -> (CareerKind, Option<Date>, u32) {
        (self.kind(), self.tmt, self.id)
    }
}

/// Why a career history cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CareerError {
    #[error("there is no {} entry: every history keeps at least one of each kind", .0.code())]
    Missing(CareerKind),
    #[error(
        "two {} entries have no TMT: only the oldest may lack it; give the other its TMT",
        .0.code()
    )]
    TwoUnknown(CareerKind),
    #[error("two {} entries have the same TMT {}", .0.code(), super::format_date(*.1))]
    SameTmt(CareerKind, Date),
    #[error(
        "TMT {} is before the appointment ({}): check the date",
        super::format_date(*.0),
        super::format_date(*.1)
    )]
    BeforeAppointment(Date, Date),
    #[error("golongan {golongan} does not fit a {kind} employee")]
    RankKindMismatch {
        golongan: Golongan,
        kind: &'static str,
    },
    #[error("the position name is empty")]
    EmptyJabatan,
    #[error("the unit is empty")]
    EmptyUnit,
    #[error("no entry {0} in this history")]
    NoEntry(u32),
    #[error("the last {} entry cannot be removed: the record needs one", .0.code())]
    LastOfKind(CareerKind),
}

/// A person's career history: the entries of every kind, each kind in TMT order (an
/// unknown TMT first), pangkat first, then jabatan, then unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Career {
    /// The next id to give out; ids are never reused.
    pub next_id: u32,
    pub entries: Vec<CareerEntry>,
    /// Raised by each save; a save from an older one is refused as stale. 0: not stored
    /// yet (the history [`Career::implied`] gives).
    pub revision: u64,
}

/// The first day of the month of `(year, month)`, if it is a real month.
fn first_of(ym: (i16, i8)) -> Option<Date> {
    Date::new(ym.0, ym.1, 1).ok()
}

impl Career {
    /// The history of a person who has none stored (a database made before career
    /// histories, or a record just created): today's golongan, jabatan and unit, one entry
    /// each. The rank is dated TMT CPNS (the NIP's month) when it is the entry rank of the
    /// person's education, so it is their first rank; every other TMT is unknown.
    pub fn implied(staff: &Staff) -> Career {
        let first_rank = staff.nip.kind() == EmploymentKind::Pns
            && staff.golongan == staff.pendidikan.entry_golongan();
        let tmt = if first_rank {
            staff.nip.tmt_cpns().and_then(first_of)
        } else {
            None
        };
        let entries = vec![
            CareerEntry {
                id: 1,
                tmt,
                value: CareerValue::Pangkat(staff.golongan),
                nomor_sk: String::new(),
            },
            CareerEntry {
                id: 2,
                tmt: None,
                value: CareerValue::Jabatan(staff.jabatan.clone()),
                nomor_sk: String::new(),
            },
            CareerEntry {
                id: 3,
                tmt: None,
                value: CareerValue::Unit(staff.unit_id.clone()),
                nomor_sk: String::new(),
            },
        ];
        Career {
            next_id: 4,
            entries,
            revision: 0,
        }
    }

    /// Puts the entries in their order (kind, then TMT with an unknown one first).
    pub fn sort(&mut self) {
        self.entries.sort_by_key(|e| e.order_key());
    }

    /// The entries of one kind, oldest first.
    pub fn of_kind(&self, kind: CareerKind) -> impl DoubleEndedIterator<Item = &CareerEntry> {
        self.entries.iter().filter(move |e| e.kind() == kind)
    }

    /// The newest entry of a kind: what the staff record holds.
    pub fn latest(&self, kind: CareerKind) -> Option<&CareerEntry> {
        self.of_kind(kind).last()
    }

    pub fn entry(&self, id: u32) -> Option<&CareerEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The entry of `kind` in effect on `day`: the newest one whose TMT is on or before
    /// it (an unknown TMT counts as before everything); when every entry starts later,
    /// the oldest (the person was not yet in service: the first known value stands).
    pub fn on(&self, kind: CareerKind, day: Date) -> Option<&CareerEntry> {
        self.of_kind(kind)
            .rfind(|e| e.tmt.is_none_or(|t| t <= day))
            .or_else(|| self.of_kind(kind).next())
    }

    /// The TMT of the current rank: what a promotion is counted from.
    pub fn tmt_golongan(&self) -> Option<Date> {
        self.latest(CareerKind::Pangkat).and_then(|e| e.tmt)
    }

    /// The unit entries as (TMT, unit id) when the person was in more than one unit,
    /// else nothing: the staff list keeps only the people who moved (issue 21).
    pub fn unit_moves(&self) -> Vec<(Option<Date>, String)> {
        let units: Vec<(Option<Date>, String)> = self
            .of_kind(CareerKind::Unit)
            .filter_map(|e| match &e.value {
                CareerValue::Unit(u) => Some((e.tmt, u.clone())),
                _ => None,
            })
            .collect();
        if units.windows(2).any(|w| w[0].1 != w[1].1) {
            units
        } else {
            Vec::new()
        }
    }

    /// `staff` with the golongan, jabatan and unit of the newest entries.
    pub fn apply(&self, staff: &Staff) -> Staff {
        let mut s = staff.clone();
        for kind in CareerKind::ALL {
            match self.latest(kind).map(|e| &e.value) {
                Some(CareerValue::Pangkat(g)) => s.golongan = *g,
                Some(CareerValue::Jabatan(j)) => s.jabatan = j.clone(),
                Some(CareerValue::Unit(u)) => s.unit_id = u.clone(),
                None => {}
            }
        }
        s
    }

    /// Follows a change made on the staff record (the form, `import staff`) recorded on
    /// `on`: for each of golongan, jabatan and unit that `staff` holds differently from
    /// the newest entry, a new entry with TMT `on`; or, when the newest entry's TMT is
    /// `on` or later, that entry corrected. True when anything changed.
    pub fn follow(&mut self, staff: &Staff, on: Date) -> bool {
        let wanted = [
            CareerValue::Pangkat(staff.golongan),
            CareerValue::Jabatan(staff.jabatan.clone()),
            CareerValue::Unit(staff.unit_id.clone()),
        ];
        let mut changed = false;
        for value in wanted {
            let kind = value.kind();
            let latest = self
                .entries
                .iter()
                .rposition(|e| e.kind() == kind)
                .map(|i| (i, self.entries[i].tmt));
            match latest {
                Some((i, _)) if self.entries[i].value == value => {}
                Some((i, Some(tmt))) if tmt >= on => {
                    self.entries[i].value = value;
                    changed = true;
                }
                _ => {
                    let id = self.next_id.max(1);
                    self.next_id = id + 1;
                    self.entries.push(CareerEntry {
                        id,
                        tmt: Some(on),
                        value,
                        nomor_sk: String::new(),
                    });
                    changed = true;
                }
            }
        }
        if changed {
            self.sort();
        }
        changed
    }

    /// Adds (id 0: the next id) or replaces (by id) one entry, cleaned, and keeps the
    /// order. Returns the entry as placed and the one it replaced. The caller validates.
    pub fn put(
        &mut self,
        entry: CareerEntry,
    ) -> Result<(CareerEntry, Option<CareerEntry>), CareerError> {
        let mut entry = entry.cleaned();
        let previous = if entry.id == 0 {
            let id = self.next_id.max(1);
            self.next_id = id + 1;
            entry.id = id;
            self.entries.push(entry.clone());
            None
        } else {
            let Some(slot) = self.entries.iter_mut().find(|e| e.id == entry.id) else {
                return Err(CareerError::NoEntry(entry.id));
            };
            Some(std::mem::replace(slot, entry.clone()))
        };
        if entry.id >= self.next_id {
            self.next_id = entry.id + 1;
        }
        self.sort();
        Ok((entry, previous))
    }

    /// Removes one entry; the last of its kind stays (the record needs a value).
    pub fn remove(&mut self, id: u32) -> Result<CareerEntry, CareerError> {
        let Some(pos) = self.entries.iter().position(|e| e.id == id) else {
            return Err(CareerError::NoEntry(id));
        };
        let kind = self.entries[pos].kind();
        if self.of_kind(kind).count() == 1 {
            return Err(CareerError::LastOfKind(kind));
        }
        Ok(self.entries.remove(pos))
    }

    /// The rules a history keeps (issue 21): at least one entry of each kind; within a
    /// kind, at most one unknown TMT (the oldest) and no two entries on one TMT; no TMT
    /// before the appointment (TMT CPNS of a PNS, the first of its month; the January of
    /// an NI PPPK's year); a golongan that fits the employment kind; no empty position or
    /// unit.
    pub fn validate(&self, nip: &Nip) -> Result<(), CareerError> {
        let appointed = first_of(nip.appointed());
        for kind in CareerKind::ALL {
            let mut previous: Option<Option<Date>> = None;
            for e in self.of_kind(kind) {
                match (previous, e.tmt) {
                    (Some(None), None) => return Err(CareerError::TwoUnknown(kind)),
                    (Some(Some(a)), Some(b)) if a == b => {
                        return Err(CareerError::SameTmt(kind, b));
                    }
                    _ => {}
                }
                previous = Some(e.tmt);
            }
            if previous.is_none() {
                return Err(CareerError::Missing(kind));
            }
        }
        for e in &self.entries {
            if let (Some(tmt), Some(start)) = (e.tmt, appointed)
                && tmt < start
            {
                return Err(CareerError::BeforeAppointment(tmt, start));
            }
            match &e.value {
                CareerValue::Pangkat(g) => {
                    let kind = nip.kind();
                    if !g.fits(kind) {
                        return Err(CareerError::RankKindMismatch {
                            golongan: *g,
                            kind: kind.code(),
                        });
                    }
                }
                CareerValue::Jabatan(j) if j.nama.trim().is_empty() => {
                    return Err(CareerError::EmptyJabatan);
                }
                CareerValue::Unit(u) if u.trim().is_empty() => return Err(CareerError::EmptyUnit),
                _ => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{JenisJabatan, Pendidikan};
    use jiff::civil::date;

    /// A PPPK paruh waktu's NI PPPK, the one the demo's round trip failed on.
    const PARUH_WAKTU: &str = "198912072025212346";

    fn staff(gol: &str, pendidikan: Pendidikan) -> Staff {
        Staff {
            nip: Nip::parse("198503302010012002").unwrap(),
            nama: "Rina".into(),
            gelar_depan: String::new(),
            gelar_belakang: String::new(),
            golongan: Golongan::parse(gol, false).unwrap(),
            pendidikan,
            jabatan: Jabatan {
                nama: "Perawat".into(),
                jenis: JenisJabatan::AhliPertama,
            },
            unit_id: "puskesmas-belawan".into(),
            aktif: true,
            revision: 3,
        }
    }

    fn pangkat(tmt: Option<Date>, g: &str) -> CareerEntry {
        CareerEntry::new(
            tmt,
            CareerValue::Pangkat(Golongan::parse(g, false).unwrap()),
        )
    }

    #[test]
    fn an_older_record_becomes_one_entry_each_with_tmt_cpns_for_a_first_rank() {
        // The NIP's TMT CPNS is January 2010; III/a is the entry rank of S-1.
        let c = Career::implied(&staff("III/a", Pendidikan::S1));
        assert_eq!(c.entries.len(), 3);
        assert_eq!(c.tmt_golongan(), Some(date(2010, 1, 1)));
        assert_eq!(c.validate(&staff("III/a", Pendidikan::S1).nip), Ok(()));
        assert_eq!(
            c.apply(&staff("III/a", Pendidikan::S1)),
            staff("III/a", Pendidikan::S1)
        );
        // III/c is not an S-1's first rank: when it began is not known.
        let later = Career::implied(&staff("III/c", Pendidikan::S1));
        assert_eq!(later.tmt_golongan(), None);
        assert!(later.of_kind(CareerKind::Unit).all(|e| e.tmt.is_none()));
        assert!(later.unit_moves().is_empty());
    }

    #[test]
    fn the_newest_entry_of_each_kind_is_the_record() {
        let s = staff("III/a", Pendidikan::S1);
        let mut c = Career::implied(&s);
        c.put(pangkat(Some(date(2014, 4, 1)), "III/b")).unwrap();
        c.put(pangkat(Some(date(2018, 4, 1)), "III/c")).unwrap();
        c.put(CareerEntry::new(
            Some(date(2020, 1, 6)),
            CareerValue::Unit("puskesmas-sicanang".into()),
        ))
        .unwrap();
        assert_eq!(c.validate(&s.nip), Ok(()));
        let now = c.apply(&s);
        assert_eq!(now.golongan.to_string(), "III/c");
        assert_eq!(now.unit_id, "puskesmas-sicanang");
        assert_eq!(c.tmt_golongan(), Some(date(2018, 4, 1)));
        // Entered out of order, kept in TMT order.
        c.put(pangkat(Some(date(2016, 1, 1)), "III/b")).unwrap();
        let tmts: Vec<_> = c.of_kind(CareerKind::Pangkat).map(|e| e.tmt).collect();
        assert!(tmts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_past_day_reads_the_entry_then_in_effect() {
        let s = staff("III/a", Pendidikan::S1);
        let mut c = Career::implied(&s);
        c.put(CareerEntry::new(
            Some(date(2024, 7, 1)),
            CareerValue::Unit("kelurahan-belawan-i".into()),
        ))
        .unwrap();
        let unit = |d| match &c.on(CareerKind::Unit, d).unwrap().value {
            CareerValue::Unit(u) => u.clone(),
            _ => String::new(),
        };
        assert_eq!(unit(date(2023, 12, 31)), "puskesmas-belawan");
        assert_eq!(unit(date(2024, 6, 30)), "puskesmas-belawan");
        assert_eq!(unit(date(2024, 7, 1)), "kelurahan-belawan-i");
        assert_eq!(
            c.unit_moves(),
            vec![
                (None, "puskesmas-belawan".to_string()),
                (Some(date(2024, 7, 1)), "kelurahan-belawan-i".to_string())
            ]
        );
        // Before the first dated entry with no undated one: the oldest value stands.
        let mut only_dated = Career::default();
        only_dated
            .put(CareerEntry::new(
                Some(date(2015, 1, 1)),
                CareerValue::Unit("a".into()),
            ))
            .unwrap();
        let first = only_dated.on(CareerKind::Unit, date(2010, 1, 1)).unwrap();
        assert_eq!(first.value, CareerValue::Unit("a".into()));
    }

    #[test]
    fn tmt_order_and_kinds_are_checked() {
        let s = staff("III/a", Pendidikan::S1);
        let mut two_unknown = Career::implied(&staff("III/c", Pendidikan::S1));
        two_unknown.put(pangkat(None, "III/b")).unwrap();
        assert_eq!(
            two_unknown.validate(&s.nip),
            Err(CareerError::TwoUnknown(CareerKind::Pangkat))
        );
        let mut same = Career::implied(&s);
        same.put(pangkat(Some(date(2014, 4, 1)), "III/b")).unwrap();
        same.put(pangkat(Some(date(2014, 4, 1)), "III/c")).unwrap();
        assert_eq!(
            same.validate(&s.nip),
            Err(CareerError::SameTmt(CareerKind::Pangkat, date(2014, 4, 1)))
        );
        let mut pppk_rank = Career::implied(&s);
        pppk_rank
            .put(CareerEntry::new(
                Some(date(2020, 1, 1)),
                CareerValue::Pangkat(Golongan::Pppk(9)),
            ))
            .unwrap();
        assert!(matches!(
            pppk_rank.validate(&s.nip),
            Err(CareerError::RankKindMismatch { .. })
        ));
        // A PPPK paruh waktu may have a PPPK golongan or none stated (`-`), never a PNS
        // rank; the export writes `-` and the import must take it back.
        let pw = Nip::parse_as(PARUH_WAKTU, EmploymentKind::PppkParuhWaktu).unwrap();
        assert_eq!(pw.kind(), EmploymentKind::PppkParuhWaktu);
        for (g, ok) in [
            (Golongan::Unstated, true),
            (Golongan::Pppk(9), true),
            (Golongan::parse("III/a", false).unwrap(), false),
        ] {
            let c = Career {
                entries: vec![
                    CareerEntry::new(None, CareerValue::Pangkat(g)),
                    CareerEntry::new(None, CareerValue::Unit("sd-1".into())),
                    CareerEntry::new(
                        None,
                        CareerValue::Jabatan(Jabatan {
                            nama: "Guru".into(),
                            jenis: JenisJabatan::AhliPertama,
                        }),
                    ),
                ],
                next_id: 4,
                revision: 0,
            };
            assert_eq!(c.validate(&pw).is_ok(), ok, "{g}");
        }
        // The day before TMT CPNS (1 January 2010) is refused; the day itself is not.
        let mut early = Career::implied(&staff("III/c", Pendidikan::S1));
        early
            .put(pangkat(Some(date(2009, 12, 31)), "III/a"))
            .unwrap();
        assert_eq!(
            early.validate(&s.nip),
            Err(CareerError::BeforeAppointment(
                date(2009, 12, 31),
                date(2010, 1, 1)
            ))
        );
        let mut on_the_day = Career::implied(&staff("III/c", Pendidikan::S1));
        on_the_day
            .put(pangkat(Some(date(2010, 1, 1)), "III/a"))
            .unwrap();
        assert_eq!(on_the_day.validate(&s.nip), Ok(()));
        // The last entry of a kind stays.
        let mut c = Career::implied(&s);
        assert_eq!(c.remove(3), Err(CareerError::LastOfKind(CareerKind::Unit)));
        assert_eq!(c.remove(99), Err(CareerError::NoEntry(99)));
    }

    #[test]
    fn a_change_on_the_record_is_an_entry_of_that_day_or_corrects_a_newer_one() {
        let s = staff("III/a", Pendidikan::S1);
        let mut c = Career::implied(&s);
        let moved = Staff {
            unit_id: "puskesmas-sicanang".into(),
            ..s.clone()
        };
        assert!(c.follow(&moved, date(2026, 3, 2)));
        assert_eq!(
            c.latest(CareerKind::Unit).map(|e| e.tmt),
            Some(Some(date(2026, 3, 2)))
        );
        assert_eq!(c.apply(&s), moved);
        // Nothing differs: nothing changes.
        assert!(!c.follow(&moved, date(2026, 3, 2)));
        // A second change the same day corrects that entry instead of adding one.
        let again = Staff {
            unit_id: "puskesmas-belawan-bahari".into(),
            ..s.clone()
        };
        assert!(c.follow(&again, date(2026, 3, 2)));
        assert_eq!(c.of_kind(CareerKind::Unit).count(), 2);
        assert_eq!(c.apply(&s).unit_id, "puskesmas-belawan-bahari");
        assert_eq!(c.validate(&s.nip), Ok(()));
    }

    #[test]
    fn kinds_parse_from_siasn_words() {
        assert_eq!(CareerKind::parse("Golongan"), Some(CareerKind::Pangkat));
        assert_eq!(CareerKind::parse("unit kerja"), Some(CareerKind::Unit));
        assert_eq!(CareerKind::parse("JABATAN"), Some(CareerKind::Jabatan));
        assert_eq!(CareerKind::parse("gaji"), None);
    }
}
