//! Units (unit kerja): puskesmas, schools, kelurahan and kecamatan offices.

use super::distribution::UnitRating;
use super::evaluation::{Period, PeriodKind};
use super::nip::Nip;
use std::collections::BTreeMap;

/// What a unit does, for grouping and for the demo's choice of positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    Kesehatan,
    Pendidikan,
    Pemerintahan,
    Lainnya,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::Kesehatan,
        UnitKind::Pendidikan,
        UnitKind::Pemerintahan,
        UnitKind::Lainnya,
    ];

    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Kesehatan => "kesehatan",
            UnitKind::Pendidikan => "pendidikan",
            UnitKind::Pemerintahan => "pemerintahan",
            UnitKind::Lainnya => "lainnya",
        }
    }

    pub fn parse(s: &str) -> Option<UnitKind> {
        let t = s.trim().to_lowercase();
        Self::ALL.into_iter().find(|k| k.code() == t)
    }

    /// A guess from the unit's name, used when an import names a unit not yet known.
    pub fn guess_from_name(name: &str) -> UnitKind {
        let n = name.to_lowercase();
        let starts = |p: &str| n.starts_with(p) || n.contains(&format!(" {p}"));
        let any = |prefixes: &[&str]| prefixes.iter().any(|p| starts(p));
        if any(&["puskesmas", "pustu", "rumah sakit", "rsud"]) {
            UnitKind::Kesehatan
        } else if any(&[
            "sd ", "sdn ", "smp ", "smpn ", "sma ", "sman ", "smk ", "smkn ", "sekolah",
        ]) {
            UnitKind::Pendidikan
        } else if any(&["kelurahan", "kecamatan", "kantor"]) {
            UnitKind::Pemerintahan
        } else {
            UnitKind::Lainnya
        }
    }
}

/// A unit kerja. Its id is a stable slug of the name, which is the key in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// The id of the unit above it, if any.
    pub parent: Option<String>,
    pub kind: UnitKind,
    /// The unit's own yearly rating (its annual period), which the distribution guide reads.
    pub ratings: BTreeMap<i16, UnitRating>,
    /// Ratings of periods within a year (triwulan or bulanan), keyed by (year, period);
    /// SE MenPANRB 3/2023 allows a unit to be rated per period as well as per year.
    pub period_ratings: BTreeMap<(i16, PeriodKind), UnitRating>,
    /// The head (pimpinan unit kerja), whose Hasil Kerja follows the unit's rating and who
    /// is not counted in the distribution of the unit's own staff (SE MenPANRB 3/2023).
    pub head: Option<Nip>,
    /// Earlier heads (issue 21): each change of head as (the day it changed, the head
    /// before it), oldest first, so a past year is judged with the head it had. Empty for a
    /// unit whose head never changed since kinerja kept them: `head` stands for every year.
    pub former_heads: Vec<(jiff::civil::Date, Option<Nip>)>,
}

impl Unit {
    /// A unit named `name`, its id derived from the name.
    pub fn new(name: &str, kind: UnitKind, parent: Option<String>) -> Unit {
        let name = super::text::clean_line(name);
        Unit {
            id: unit_id(&name),
            name,
            parent,
            kind,
            ratings: BTreeMap::new(),
            period_ratings: BTreeMap::new(),
            head: None,
            former_heads: Vec::new(),
        }
    }

    /// The head on `day`: the head before the first change after that day, else today's.
    pub fn head_on(&self, day: jiff::civil::Date) -> Option<&Nip> {
        match self.former_heads.iter().find(|(changed, _)| day < *changed) {
            Some((_, before)) => before.as_ref(),
            None => self.head.as_ref(),
        }
    }

    /// Makes `head` the head from `on` (today), keeping the one it replaces as a former
    /// head. Two changes on one day keep the head before the first; a change back to that
    /// head leaves no trace.
    pub fn set_head(&mut self, head: Option<Nip>, on: jiff::civil::Date) {
        if self.head == head {
            return;
        }
        match self.former_heads.last() {
            Some((day, before)) if *day == on => {
                if *before == head {
                    self.former_heads.pop();
                }
            }
            _ => self.former_heads.push((on, self.head.clone())),
        }
        self.head = head;
    }

    /// The unit's rating for `period`: the yearly one for the annual period, otherwise the
    /// period's own. `None` when not recorded (a period does not fall back to its year).
    pub fn rating_of(&self, period: Period) -> Option<UnitRating> {
        match period.kind {
            PeriodKind::Tahunan => self.ratings.get(&period.year).copied(),
            kind => self.period_ratings.get(&(period.year, kind)).copied(),
        }
    }

    /// Records (`Some`) or removes (`None`) the unit's rating for `period`.
    pub fn set_rating(&mut self, period: Period, rating: Option<UnitRating>) {
        match (period.kind, rating) {
            (PeriodKind::Tahunan, Some(r)) => {
                self.ratings.insert(period.year, r);
            }
            (PeriodKind::Tahunan, None) => {
                self.ratings.remove(&period.year);
            }
            (kind, Some(r)) => {
                self.period_ratings.insert((period.year, kind), r);
            }
            (kind, None) => {
                self.period_ratings.remove(&(period.year, kind));
            }
        }
    }

    /// Every recorded rating as (period, rating), in timeline order.
    pub fn all_ratings(&self) -> Vec<(Period, UnitRating)> {
        let mut out: Vec<(Period, UnitRating)> = self
            .ratings
            .iter()
            .map(|(y, r)| (Period::annual(*y), *r))
            .chain(self.period_ratings.iter().map(|((year, kind), r)| {
                (
                    Period {
                        year: *year,
                        kind: *kind,
                    },
                    *r,
                )
            }))
            .collect();
        out.sort_by_key(|(p, _)| p.sort_key());
        out
    }

    /// Whether `nip` is the unit's head.
    pub fn is_head(&self, nip: &str) -> bool {
        self.head.as_ref().is_some_and(|h| h.as_str() == nip)
    }

    /// Whether this is a pustu (puskesmas pembantu) under another unit: part of its
    /// puskesmas, with no capaian organisasi of its own (issue 21, PMK 43/2019), so its
    /// people are counted in the puskesmas's row of Laporan. Told by the name (`Pustu ...`
    /// or `Puskesmas Pembantu ...`) and a parent.
    pub fn is_pustu(&self) -> bool {
        let n = self.name.to_lowercase();
        self.parent.is_some() && (n.starts_with("pustu") || n.starts_with("puskesmas pembantu"))
    }
}

/// Each pustu's unit id mapped to the unit its people are counted in: the nearest unit
/// above it that is not a pustu.
pub fn pustu_fold(units: &[Unit]) -> std::collections::HashMap<String, String> {
    let by_id: std::collections::HashMap<&str, &Unit> =
        units.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut out = std::collections::HashMap::new();
    for u in units.iter().filter(|u| u.is_pustu()) {
        let mut at = u;
        // At most as many steps as there are units: a parent cycle ends.
        for _ in 0..units.len() {
            match at.parent.as_deref().and_then(|p| by_id.get(p)) {
                Some(up) if up.is_pustu() => at = up,
                Some(up) => {
                    out.insert(u.id.clone(), up.id.clone());
                    break;
                }
                None => break,
            }
        }
    }
    out
}

/// The id for a unit name: lowercase ASCII letters and digits joined by '-'.
pub fn unit_id(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_rating_is_its_own_and_does_not_fall_back_to_the_year() {
        // SE MenPANRB 3/2023 (DOMAIN.md, distribution): ratings per period as well as per year.
        let mut u = Unit::new("Puskesmas Belawan", UnitKind::Kesehatan, None);
        let q2 = Period::new(2025, PeriodKind::Triwulan(2)).unwrap();
        u.set_rating(Period::annual(2025), Some(UnitRating::Baik));
        assert_eq!(u.rating_of(Period::annual(2025)), Some(UnitRating::Baik));
        assert_eq!(u.rating_of(q2), None);
        u.set_rating(q2, Some(UnitRating::Istimewa));
        assert_eq!(u.rating_of(q2), Some(UnitRating::Istimewa));
        assert_eq!(u.rating_of(Period::annual(2025)), Some(UnitRating::Baik));
        assert_eq!(
            u.all_ratings(),
            vec![
                (q2, UnitRating::Istimewa),
                (Period::annual(2025), UnitRating::Baik)
            ]
        );
        u.set_rating(q2, None);
        assert_eq!(u.rating_of(q2), None);
        assert_eq!(u.period_ratings.len(), 0);
    }

    #[test]
    fn a_past_day_reads_the_head_the_unit_had_then() {
        use jiff::civil::date;
        let a = Nip::parse("197001012000031001").unwrap();
        let b = Nip::parse("198503302010012002").unwrap();
        let mut u = Unit::new("Kelurahan Belawan I", UnitKind::Pemerintahan, None);
        u.head = Some(a.clone());
        // Kept since before kinerja knew of changes: every year.
        assert_eq!(u.head_on(date(2020, 1, 1)), Some(&a));
        u.set_head(Some(b.clone()), date(2025, 7, 1));
        assert_eq!(u.head_on(date(2025, 6, 30)), Some(&a));
        assert_eq!(u.head_on(date(2025, 7, 1)), Some(&b));
        assert_eq!(u.head_on(date(2024, 12, 31)), Some(&a));
        // Undone the same day: no trace.
        u.set_head(Some(a.clone()), date(2025, 7, 1));
        assert!(u.former_heads.is_empty());
        u.set_head(None, date(2026, 1, 2));
        assert_eq!(u.head_on(date(2025, 12, 31)), Some(&a));
        assert_eq!(u.head_on(date(2026, 1, 2)), None);
    }

    #[test]
    fn unit_ids_ignore_case_and_punctuation() {
        assert_eq!(unit_id("SD Negeri 065005"), "sd-negeri-065005");
        assert_eq!(unit_id("  Puskesmas  Belawan "), "puskesmas-belawan");
        assert_eq!(
            unit_id("Kelurahan Belawan I"),
            unit_id("kelurahan belawan i")
        );
    }

    #[test]
    fn kinds_are_guessed_from_names() {
        assert_eq!(
            UnitKind::guess_from_name("Puskesmas Sicanang"),
            UnitKind::Kesehatan
        );
        assert_eq!(
            UnitKind::guess_from_name("Pustu Bahari"),
            UnitKind::Kesehatan
        );
        assert_eq!(
            UnitKind::guess_from_name("SMP Negeri 26 Medan"),
            UnitKind::Pendidikan
        );
        assert_eq!(
            UnitKind::guess_from_name("Kelurahan Bagan Deli"),
            UnitKind::Pemerintahan
        );
        assert_eq!(
            UnitKind::guess_from_name("SDN 060968"),
            UnitKind::Pendidikan
        );
        assert_eq!(UnitKind::guess_from_name("Dinas Lain"), UnitKind::Lainnya);
    }
}
