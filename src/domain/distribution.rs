//! The distribution guide of SE MenPANRB 3/2023: a unit's own rating limits how its staff's
//! predikat may be spread. The program warns; it never changes anyone's rating.

use super::rating::{Predikat, Rating};

/// The unit's own yearly rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitRating {
    Istimewa,
    Baik,
    /// Also called Cukup.
    ButuhPerbaikan,
    Kurang,
    SangatKurang,
}

impl UnitRating {
    pub const ALL: [UnitRating; 5] = [
        UnitRating::Istimewa,
        UnitRating::Baik,
        UnitRating::ButuhPerbaikan,
        UnitRating::Kurang,
        UnitRating::SangatKurang,
    ];

    pub fn label(self) -> &'static str {
        match self {
            UnitRating::Istimewa => "Istimewa",
            UnitRating::Baik => "Baik",
            UnitRating::ButuhPerbaikan => "Butuh Perbaikan",
            UnitRating::Kurang => "Kurang",
            UnitRating::SangatKurang => "Sangat Kurang",
        }
    }

    pub fn parse(s: &str) -> Option<UnitRating> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "istimewa" => Some(UnitRating::Istimewa),
            "baik" => Some(UnitRating::Baik),
            "butuhperbaikan" | "cukup" => Some(UnitRating::ButuhPerbaikan),
            "kurang" => Some(UnitRating::Kurang),
            "sangatkurang" => Some(UnitRating::SangatKurang),
            _ => None,
        }
    }
}

/// How many of a unit's evaluated staff got each predikat (index = `Predikat::index`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PredikatCounts(pub [u32; 5]);

impl PredikatCounts {
    pub fn add(&mut self, p: Predikat) {
        self.0[p.index()] += 1;
    }

    pub fn get(&self, p: Predikat) -> u32 {
        self.0[p.index()]
    }

    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    /// Share of one predikat in percent, for display.
    pub fn percent(&self, p: Predikat) -> f64 {
        match self.total() {
            0 => 0.0,
            t => f64::from(self.get(p)) * 100.0 / f64::from(t),
        }
    }

    /// True when no other predikat has more staff: "most" reads as the largest group.
    fn is_largest(&self, p: Predikat) -> bool {
        let n = self.get(p);
        n > 0 && Predikat::ALL.iter().all(|q| self.get(*q) <= n)
    }

    fn share_at_most(&self, n: u32, percent: u32) -> bool {
        u64::from(n) * 100 <= u64::from(percent) * u64::from(self.total())
    }

    fn share_at_least(&self, n: u32, percent: u32) -> bool {
        u64::from(n) * 100 >= u64::from(percent) * u64::from(self.total())
    }
}

/// One rule of the guide that a unit's spread breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breach {
    /// This predikat should be the largest group and is not.
    NotLargest(Predikat),
    /// This group is above the most the guide allows (percent).
    AboveMax(Predikat, u32),
    /// This group is below the least the guide asks (percent).
    BelowMin(Predikat, u32),
    /// These groups together are below the least the guide asks (percent).
    CombinedBelowMin([Predikat; 2], u32),
    /// The guide asks for at least one person in one of these groups.
    NoneOf([Predikat; 2]),
    /// The guide allows nobody with this predikat.
    NotAllowed(Predikat),
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Breach::NotLargest(p) => write!(f, "{} should be the largest group", p.label()),
            Breach::AboveMax(p, n) => write!(f, "{} is above {n}%", p.label()),
            Breach::BelowMin(p, n) => write!(f, "{} is below {n}%", p.label()),
            Breach::CombinedBelowMin([a, b], n) => {
                write!(f, "{} and {} together are below {n}%", a.label(), b.label())
            }
            Breach::NoneOf([a, b]) => {
                write!(
                    f,
                    "there must be staff with {} and/or {}",
                    a.label(),
                    b.label()
                )
            }
            Breach::NotAllowed(p) => write!(f, "no staff may be {}", p.label()),
        }
    }
}

/// The rules of the guide that `counts` breaks for a unit rated `unit`. Empty when the
/// spread fits, or when nobody was evaluated.
pub fn check_distribution(unit: UnitRating, counts: &PredikatCounts) -> Vec<Breach> {
    use Predikat::*;
    let mut out = Vec::new();
    if counts.total() == 0 {
        return out;
    }
    let largest_at_most_70 = |p: Predikat, out: &mut Vec<Breach>| {
        if !counts.is_largest(p) {
            out.push(Breach::NotLargest(p));
        }
        if !counts.share_at_most(counts.get(p), 70) {
            out.push(Breach::AboveMax(p, 70));
        }
    };
    let at_least = |p: Predikat, pct: u32, out: &mut Vec<Breach>| {
        if !counts.share_at_least(counts.get(p), pct) {
            out.push(Breach::BelowMin(p, pct));
        }
    };
    let at_most = |p: Predikat, pct: u32, out: &mut Vec<Breach>| {
        if !counts.share_at_most(counts.get(p), pct) {
            out.push(Breach::AboveMax(p, pct));
        }
    };
    match unit {
        UnitRating::Istimewa => largest_at_most_70(SangatBaik, &mut out),
        UnitRating::Baik => {
            largest_at_most_70(Baik, &mut out);
            if counts.get(ButuhPerbaikan) + counts.get(Kurang) == 0 {
                out.push(Breach::NoneOf([ButuhPerbaikan, Kurang]));
            }
        }
        UnitRating::ButuhPerbaikan => {
            at_least(ButuhPerbaikan, 60, &mut out);
            at_most(SangatBaik, 10, &mut out);
        }
        UnitRating::Kurang => {
            at_least(Kurang, 60, &mut out);
            at_least(ButuhPerbaikan, 10, &mut out);
            at_most(SangatBaik, 10, &mut out);
        }
        UnitRating::SangatKurang => {
            at_least(SangatKurang, 60, &mut out);
            let both = counts.get(Kurang) + counts.get(ButuhPerbaikan);
            if !counts.share_at_least(both, 10) {
                out.push(Breach::CombinedBelowMin([Kurang, ButuhPerbaikan], 10));
            }
            if counts.get(SangatBaik) > 0 {
                out.push(Breach::NotAllowed(SangatBaik));
            }
        }
    }
    out
}

/// The Hasil Kerja that a unit's head (pimpinan unit kerja) gets from the unit's own
/// rating, SE MenPANRB 3/2023 (DOMAIN.md, distribution): Istimewa gives Di Atas Ekspektasi,
/// Baik gives Sesuai, and Butuh Perbaikan, Kurang and Sangat Kurang give Di Bawah. The
/// program proposes it on the head's evaluation and warns when the officer chose another.
pub fn head_hasil_kerja(unit: UnitRating) -> Rating {
    match unit {
        UnitRating::Istimewa => Rating::DiAtas,
        UnitRating::Baik => Rating::Sesuai,
        UnitRating::ButuhPerbaikan | UnitRating::Kurang | UnitRating::SangatKurang => {
            Rating::DiBawah
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat::*;

    #[test]
    fn a_heads_hasil_kerja_follows_the_unit_rating_as_domain_md_says() {
        // DOMAIN.md, "The head of a unit": Istimewa: Di Atas; Baik: Sesuai; Butuh
        // Perbaikan, Kurang, Sangat Kurang: Di Bawah.
        let table = [
            (UnitRating::Istimewa, Rating::DiAtas),
            (UnitRating::Baik, Rating::Sesuai),
            (UnitRating::ButuhPerbaikan, Rating::DiBawah),
            (UnitRating::Kurang, Rating::DiBawah),
            (UnitRating::SangatKurang, Rating::DiBawah),
        ];
        for (unit, hasil) in table {
            assert_eq!(head_hasil_kerja(unit), hasil, "{unit:?}");
        }
        assert_eq!(table.len(), UnitRating::ALL.len());
    }

    /// Counts in the order Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang.
    fn c(sb: u32, b: u32, bp: u32, k: u32, sk: u32) -> PredikatCounts {
        PredikatCounts([sb, b, bp, k, sk])
    }

    #[test]
    fn istimewa_allows_exactly_70_percent_sangat_baik() {
        assert_eq!(
            check_distribution(UnitRating::Istimewa, &c(70, 20, 10, 0, 0)),
            vec![]
        );
    }

    #[test]
    fn istimewa_refuses_71_percent_sangat_baik() {
        assert_eq!(
            check_distribution(UnitRating::Istimewa, &c(71, 19, 10, 0, 0)),
            vec![Breach::AboveMax(SangatBaik, 70)]
        );
    }

    #[test]
    fn istimewa_needs_sangat_baik_as_the_largest_group() {
        assert_eq!(
            check_distribution(UnitRating::Istimewa, &c(30, 50, 20, 0, 0)),
            vec![Breach::NotLargest(SangatBaik)]
        );
    }

    #[test]
    fn baik_allows_exactly_70_percent_baik_with_some_butuh_perbaikan() {
        assert_eq!(
            check_distribution(UnitRating::Baik, &c(20, 70, 10, 0, 0)),
            vec![]
        );
        // Kurang alone also satisfies "Butuh Perbaikan and/or Kurang".
        assert_eq!(
            check_distribution(UnitRating::Baik, &c(20, 70, 0, 5, 5)),
            vec![]
        );
    }

    #[test]
    fn baik_refuses_71_percent_baik() {
        assert_eq!(
            check_distribution(UnitRating::Baik, &c(19, 71, 10, 0, 0)),
            vec![Breach::AboveMax(Baik, 70)]
        );
    }

    #[test]
    fn baik_requires_someone_below_expectations() {
        assert_eq!(
            check_distribution(UnitRating::Baik, &c(40, 60, 0, 0, 0)),
            vec![Breach::NoneOf([ButuhPerbaikan, Kurang])]
        );
    }

    #[test]
    fn butuh_perbaikan_unit_needs_60_percent_butuh_perbaikan() {
        assert_eq!(
            check_distribution(UnitRating::ButuhPerbaikan, &c(10, 30, 60, 0, 0)),
            vec![]
        );
        assert_eq!(
            check_distribution(UnitRating::ButuhPerbaikan, &c(10, 31, 59, 0, 0)),
            vec![Breach::BelowMin(ButuhPerbaikan, 60)]
        );
    }

    #[test]
    fn butuh_perbaikan_unit_allows_at_most_10_percent_sangat_baik() {
        assert_eq!(
            check_distribution(UnitRating::ButuhPerbaikan, &c(10, 20, 70, 0, 0)),
            vec![]
        );
        assert_eq!(
            check_distribution(UnitRating::ButuhPerbaikan, &c(11, 19, 70, 0, 0)),
            vec![Breach::AboveMax(SangatBaik, 10)]
        );
    }

    #[test]
    fn kurang_unit_boundaries() {
        assert_eq!(
            check_distribution(UnitRating::Kurang, &c(10, 20, 10, 60, 0)),
            vec![]
        );
        assert_eq!(
            check_distribution(UnitRating::Kurang, &c(10, 21, 10, 59, 0)),
            vec![Breach::BelowMin(Kurang, 60)]
        );
        assert_eq!(
            check_distribution(UnitRating::Kurang, &c(10, 21, 9, 60, 0)),
            vec![Breach::BelowMin(ButuhPerbaikan, 10)]
        );
        assert_eq!(
            check_distribution(UnitRating::Kurang, &c(11, 19, 10, 60, 0)),
            vec![Breach::AboveMax(SangatBaik, 10)]
        );
    }

    #[test]
    fn sangat_kurang_unit_boundaries() {
        assert_eq!(
            check_distribution(UnitRating::SangatKurang, &c(0, 30, 5, 5, 60)),
            vec![]
        );
        assert_eq!(
            check_distribution(UnitRating::SangatKurang, &c(0, 31, 5, 5, 59)),
            vec![Breach::BelowMin(SangatKurang, 60)]
        );
        assert_eq!(
            check_distribution(UnitRating::SangatKurang, &c(0, 31, 5, 4, 60)),
            vec![Breach::CombinedBelowMin([Kurang, ButuhPerbaikan], 10)]
        );
        assert_eq!(
            check_distribution(UnitRating::SangatKurang, &c(1, 29, 5, 5, 60)),
            vec![Breach::NotAllowed(SangatBaik)]
        );
    }

    #[test]
    fn an_unevaluated_unit_breaks_nothing() {
        for unit in UnitRating::ALL {
            assert!(check_distribution(unit, &PredikatCounts::default()).is_empty());
        }
    }

    #[test]
    fn several_breaches_are_all_listed() {
        let broken = check_distribution(UnitRating::Baik, &c(90, 10, 0, 0, 0));
        assert_eq!(
            broken,
            vec![
                Breach::NotLargest(Baik),
                Breach::NoneOf([ButuhPerbaikan, Kurang])
            ]
        );
    }
}
