//! Rank: golongan/ruang with pangkat (PNS) and golongan I-XVII (PPPK).

use std::fmt;

const PNS_CODES: [&str; 17] = [
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
];

const PANGKAT: [&str; 17] = [
    "Juru Muda",
    "Juru Muda Tingkat I",
    "Juru",
    "Juru Tingkat I",
    "Pengatur Muda",
    "Pengatur Muda Tingkat I",
    "Pengatur",
    "Pengatur Tingkat I",
    "Penata Muda",
    "Penata Muda Tingkat I",
    "Penata",
    "Penata Tingkat I",
    "Pembina",
    "Pembina Tingkat I",
    "Pembina Utama Muda",
    "Pembina Utama Madya",
    "Pembina Utama",
];

const ROMAN: [&str; 17] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

/// Golongan/ruang. Ordered lowest first: all PNS ranks, then PPPK I to XVII.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Golongan {
    /// PNS rank, 0 = I/a ... 16 = IV/e.
    Pns(u8),
    /// PPPK golongan, 1 ..= 17.
    Pppk(u8),
}

impl Golongan {
    /// Every rank in order, PNS first.
    pub fn all() -> impl Iterator<Item = Golongan> {
        (0..17)
            .map(Golongan::Pns)
            .chain((1..=17).map(Golongan::Pppk))
    }

    pub fn pns(index: u8) -> Option<Golongan> {
        (index < 17).then_some(Golongan::Pns(index))
    }

    pub fn pppk(number: u8) -> Option<Golongan> {
        (1..=17).contains(&number).then_some(Golongan::Pppk(number))
    }

    /// Parses `III/a`, `III a`, `IIIa` or `3a` (PNS) and `PPPK IX`, `IX` or `9` when `pppk`.
    pub fn parse(s: &str, pppk: bool) -> Option<Golongan> {
        // SIASN writes the pangkat with the golongan in brackets: "Penata (III/c)".
        if let Some((_, inner)) = s.split_once('(')
            && let Some((inner, _)) = inner.split_once(')')
        {
            return Golongan::parse(inner, pppk);
        }
        let t: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '/' | '.' | '-'))
            .collect::<String>()
            .to_ascii_uppercase();
        if pppk {
            let t = t.strip_prefix("PPPK").unwrap_or(&t);
            if let Ok(n) = t.parse::<u8>() {
                return Golongan::pppk(n);
            }
            return ROMAN
                .iter()
                .position(|r| *r == t)
                .and_then(|i| Golongan::pppk(i as u8 + 1));
        }
        let split = t.len().checked_sub(1)?;
        let (major, ruang) = t.split_at(split);
        let major = match major {
            "I" | "1" => 0,
            "II" | "2" => 1,
            "III" | "3" => 2,
            "IV" | "4" => 3,
            _ => return None,
        };
        let ruang = match ruang {
            "A" => 0,
            "B" => 1,
            "C" => 2,
            "D" => 3,
            "E" if major == 3 => 4,
            _ => return None,
        };
        Golongan::pns(major * 4 + ruang)
    }

    /// The pangkat name (PNS only).
    pub fn pangkat(self) -> Option<&'static str> {
        match self {
            Golongan::Pns(i) => PANGKAT.get(usize::from(i)).copied(),
            Golongan::Pppk(_) => None,
        }
    }

    pub fn is_pppk(self) -> bool {
        matches!(self, Golongan::Pppk(_))
    }

    /// A position in the total order, for compact storage and sorting.
    pub fn ordinal(self) -> u8 {
        match self {
            Golongan::Pns(i) => i,
            Golongan::Pppk(n) => 16 + n,
        }
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Golongan::Pns(i) => f.write_str(PNS_CODES.get(usize::from(i)).unwrap_or(&"?")),
            Golongan::Pppk(n) => write!(
                f,
                "{}",
                ROMAN.get(usize::from(n).wrapping_sub(1)).unwrap_or(&"?")
            ),
        }
    }
}

/// Highest education, which sets a PNS's entry rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pendidikan {
    Sd,
    Smp,
    Sma,
    D3,
    S1,
    S2,
    S3,
}

impl Pendidikan {
    pub const ALL: [Pendidikan; 7] = [
        Pendidikan::Sd,
        Pendidikan::Smp,
        Pendidikan::Sma,
        Pendidikan::D3,
        Pendidikan::S1,
        Pendidikan::S2,
        Pendidikan::S3,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Pendidikan::Sd => "SD",
            Pendidikan::Smp => "SMP",
            Pendidikan::Sma => "SMA",
            Pendidikan::D3 => "D3",
            Pendidikan::S1 => "S1",
            Pendidikan::S2 => "S2",
            Pendidikan::S3 => "S3",
        }
    }

    /// Accepts the codes and a few common spellings (`SLTA`, `D-III`, `D4` as S1).
    pub fn parse(s: &str) -> Option<Pendidikan> {
        // SIASN and SIMPEG write both forms: "S-1/Sarjana", "S-2/Magister", "D-III".
        if let Some((first, second)) = s.split_once('/') {
            return Pendidikan::parse(first).or_else(|| Pendidikan::parse(second));
        }
        let t: String = s
            .trim()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_uppercase();
        Some(match t.as_str() {
            "SD" => Pendidikan::Sd,
            "SMP" | "SLTP" => Pendidikan::Smp,
            "SMA" | "SLTA" | "SMK" => Pendidikan::Sma,
            "D3" | "DIII" => Pendidikan::D3,
            "DIPLOMAIII" => Pendidikan::D3,
            "S1" | "D4" | "DIV" | "SARJANA" | "DIPLOMAIV" => Pendidikan::S1,
            "S2" | "MAGISTER" => Pendidikan::S2,
            "S3" | "DOKTOR" => Pendidikan::S3,
            _ => return None,
        })
    }

    /// Entry rank of a PNS with this education (DOMAIN.md).
    pub fn entry_golongan(self) -> Golongan {
        Golongan::Pns(match self {
            Pendidikan::Sd => 0,
            Pendidikan::Smp => 2,
            Pendidikan::Sma => 4,
            Pendidikan::D3 => 6,
            Pendidikan::S1 => 8,
            Pendidikan::S2 => 9,
            Pendidikan::S3 => 10,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(s: &str) -> Golongan {
        Golongan::parse(s, false).unwrap()
    }

    #[test]
    fn every_pns_rank_has_the_pangkat_of_the_table() {
        let table = [
            ("I/a", "Juru Muda"),
            ("I/b", "Juru Muda Tingkat I"),
            ("I/c", "Juru"),
            ("I/d", "Juru Tingkat I"),
            ("II/a", "Pengatur Muda"),
            ("II/b", "Pengatur Muda Tingkat I"),
            ("II/c", "Pengatur"),
            ("II/d", "Pengatur Tingkat I"),
            ("III/a", "Penata Muda"),
            ("III/b", "Penata Muda Tingkat I"),
            ("III/c", "Penata"),
            ("III/d", "Penata Tingkat I"),
            ("IV/a", "Pembina"),
            ("IV/b", "Pembina Tingkat I"),
            ("IV/c", "Pembina Utama Muda"),
            ("IV/d", "Pembina Utama Madya"),
            ("IV/e", "Pembina Utama"),
        ];
        for (code, pangkat) in table {
            let rank = g(code);
            assert_eq!(rank.to_string(), code);
            assert_eq!(rank.pangkat(), Some(pangkat), "{code}");
        }
    }

    #[test]
    fn ranks_sort_in_rank_order_not_alphabetically() {
        let mut ranks = [
            g("IV/a"),
            g("II/d"),
            g("III/a"),
            g("I/a"),
            g("IV/e"),
            g("II/a"),
        ];
        ranks.sort();
        let shown: Vec<String> = ranks.iter().map(|r| r.to_string()).collect();
        assert_eq!(shown, ["I/a", "II/a", "II/d", "III/a", "IV/a", "IV/e"]);
        // Alphabetically "IV/a" < "I/a" would not hold; by rank it is above.
        assert!(g("IV/a") > g("III/d"));
    }

    #[test]
    fn spellings_of_a_rank_are_accepted() {
        assert_eq!(g("III a"), g("III/a"));
        assert_eq!(g("3a"), g("III/a"));
        assert_eq!(g("iii/A"), g("III/a"));
        assert_eq!(Golongan::parse("III/e", false), None);
        assert_eq!(Golongan::parse("V/a", false), None);
        assert_eq!(Golongan::parse("PPPK III/a", false), None);
    }

    #[test]
    fn pppk_has_golongan_one_to_seventeen_without_pangkat() {
        let ix = Golongan::parse("IX", true).unwrap();
        assert_eq!(ix, Golongan::Pppk(9));
        assert_eq!(ix.pangkat(), None);
        assert_eq!(ix.to_string(), "IX");
        assert_eq!(Golongan::parse("PPPK XVII", true), Some(Golongan::Pppk(17)));
        assert_eq!(Golongan::parse("18", true), None);
        assert!(Golongan::Pppk(1) < Golongan::Pppk(17));
    }

    #[test]
    fn entry_rank_follows_education() {
        let table = [
            (Pendidikan::Sd, "I/a"),
            (Pendidikan::Smp, "I/c"),
            (Pendidikan::Sma, "II/a"),
            (Pendidikan::D3, "II/c"),
            (Pendidikan::S1, "III/a"),
            (Pendidikan::S2, "III/b"),
            (Pendidikan::S3, "III/c"),
        ];
        for (edu, code) in table {
            assert_eq!(edu.entry_golongan().to_string(), code);
        }
    }

    #[test]
    fn all_lists_thirty_four_ranks_in_order() {
        let all: Vec<Golongan> = Golongan::all().collect();
        assert_eq!(all.len(), 34);
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert!(
            all.iter()
                .all(|r| Golongan::all().nth(r.ordinal() as usize) == Some(*r))
        );
    }
}
