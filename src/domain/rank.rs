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

/// Golongan/ruang. Ordered lowest first: no golongan stated, all PNS ranks, then PPPK I to
/// XVII.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Golongan {
    /// No golongan stated: a PPPK paruh waktu (KepmenPANRB 16/2025; whether they carry one
    /// is not known, DOMAIN.md "After the evaluation", so none is required). Stored as
    /// code 34, after the others; sorted below every rank.
    Unstated,
    /// PNS rank, 0 = I/a ... 16 = IV/e.
    Pns(u8),
    /// PPPK golongan, 1 ..= 17.
    Pppk(u8),
}

impl Golongan {
    /// Every rank in the order of their stored codes: PNS first, then PPPK, then no
    /// golongan stated (code 34, appended when paruh waktu came, issue 21).
    pub fn all() -> impl Iterator<Item = Golongan> {
        (0..17)
            .map(Golongan::Pns)
            .chain((1..=17).map(Golongan::Pppk))
            .chain(std::iter::once(Golongan::Unstated))
    }

    /// The golongan of a person of `kind`, as a form or a file writes it: a PNS rank, a
    /// PPPK golongan, and for a PPPK paruh waktu also none (empty or `-`).
    pub fn parse_for(s: &str, kind: super::EmploymentKind) -> Option<Golongan> {
        use super::EmploymentKind as K;
        match kind {
            K::Pns => Golongan::parse(s, false),
            K::Pppk => Golongan::parse(s, true),
            K::PppkParuhWaktu if matches!(s.trim(), "" | "-") => Some(Golongan::Unstated),
            K::PppkParuhWaktu => Golongan::parse(s, true),
        }
    }

    /// A rank written where the person's kind is not known (an evaluator, a person as they
    /// were): a PNS rank, a PPPK golongan, or `-`, a paruh waktu's none stated, as the
    /// exports write it.
    pub fn parse_any(s: &str) -> Option<Golongan> {
        if s.trim() == "-" {
            return Some(Golongan::Unstated);
        }
        Golongan::parse(s, false).or_else(|| Golongan::parse(s, true))
    }

    /// Whether a person of `kind` may hold this golongan: a PNS a PNS rank, a PPPK a PPPK
    /// golongan, a PPPK paruh waktu a PPPK golongan or none.
    pub fn fits(self, kind: super::EmploymentKind) -> bool {
        use super::EmploymentKind as K;
        match self {
            Golongan::Pns(_) => kind == K::Pns,
            Golongan::Pppk(_) => kind.is_pppk(),
            Golongan::Unstated => kind == K::PppkParuhWaktu,
        }
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
            Golongan::Pppk(_) | Golongan::Unstated => None,
        }
    }

    /// Held only by a PPPK (full-time or paruh waktu): a PPPK golongan, or none stated.
    pub fn is_pppk(self) -> bool {
        matches!(self, Golongan::Pppk(_) | Golongan::Unstated)
    }

    /// A position in the total order, for compact storage and sorting.
    pub fn ordinal(self) -> u8 {
        match self {
            Golongan::Pns(i) => i,
            Golongan::Pppk(n) => 16 + n,
            Golongan::Unstated => 34,
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
            Golongan::Unstated => f.write_str("-"),
        }
    }
}

/// Highest education, which sets a PNS's entry rank: the levels as SIASN writes them
/// (DOMAIN.md, "Rank: golongan/ruang and pangkat").
///
/// The variants, and `ALL`, are in level order, so education sorts by level, not by name:
/// the order of the KKNI levels (D-IV beside S-1, Profesi after S-1, Sp-1 beside S-2, Sp-2
/// beside S-3), which keeps the entry rank rising along the list. Stored records code a
/// level as its position in `ALL` (`StaffV2`); `store::records` keeps the older list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pendidikan {
    Sd,
    Sltp,
    Slta,
    D1,
    D2,
    D3,
    D4,
    S1,
    Profesi,
    S2,
    Sp1,
    S3,
    Sp2,
}

impl Pendidikan {
    pub const ALL: [Pendidikan; 13] = [
        Pendidikan::Sd,
        Pendidikan::Sltp,
        Pendidikan::Slta,
        Pendidikan::D1,
        Pendidikan::D2,
        Pendidikan::D3,
        Pendidikan::D4,
        Pendidikan::S1,
        Pendidikan::Profesi,
        Pendidikan::S2,
        Pendidikan::Sp1,
        Pendidikan::S3,
        Pendidikan::Sp2,
    ];

    /// The short SIASN spelling: `SLTA`, `D-III`, `S-1`, `Sp-1`.
    pub fn code(self) -> &'static str {
        match self {
            Pendidikan::Sd => "SD",
            Pendidikan::Sltp => "SLTP",
            Pendidikan::Slta => "SLTA",
            Pendidikan::D1 => "D-I",
            Pendidikan::D2 => "D-II",
            Pendidikan::D3 => "D-III",
            Pendidikan::D4 => "D-IV",
            Pendidikan::S1 => "S-1",
            Pendidikan::Profesi => "Profesi",
            Pendidikan::S2 => "S-2",
            Pendidikan::Sp1 => "Sp-1",
            Pendidikan::S3 => "S-3",
            Pendidikan::Sp2 => "Sp-2",
        }
    }

    /// The level in full, as SIASN writes it (`S-1/Sarjana`; the others as `code`): what
    /// the forms, the record and the CSV export show.
    pub fn label(self) -> &'static str {
        match self {
            Pendidikan::S1 => "S-1/Sarjana",
            other => other.code(),
        }
    }

    /// Accepts the SIASN spellings (`S-1/Sarjana`, `D-III`, `Diploma IV`, `SLTA`, `Sp-1`)
    /// and the old codes (`SMP`, `SMA`, `SMK`, `D3`, `S1`), ignoring case, spaces and
    /// punctuation. D-I, D-II and D-IV are levels of their own (D-IV is not S-1).
    pub fn parse(s: &str) -> Option<Pendidikan> {
        let fold = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_uppercase()
        };
        if let Some(p) = Pendidikan::parse_folded(&fold(s)) {
            return Some(p);
        }
        // SIASN and SIMPEG write both forms: "S-1/Sarjana", "S-2/Magister", "SLTA/SMA".
        let (first, second) = s.split_once('/')?;
        Pendidikan::parse_folded(&fold(first)).or_else(|| Pendidikan::parse_folded(&fold(second)))
    }

    fn parse_folded(t: &str) -> Option<Pendidikan> {
        Some(match t {
            "SD" | "SEKOLAHDASAR" => Pendidikan::Sd,
            "SLTP" | "SMP" | "MTS" => Pendidikan::Sltp,
            "SLTA" | "SMA" | "SMK" | "SMU" | "MA" => Pendidikan::Slta,
            "D1" | "DI" | "DIPLOMA1" | "DIPLOMAI" => Pendidikan::D1,
            "D2" | "DII" | "DIPLOMA2" | "DIPLOMAII" => Pendidikan::D2,
            "D3" | "DIII" | "DIPLOMA3" | "DIPLOMAIII" => Pendidikan::D3,
            "D4" | "DIV" | "DIPLOMA4" | "DIPLOMAIV" => Pendidikan::D4,
            "S1" | "SARJANA" | "STRATA1" | "STRATAI" => Pendidikan::S1,
            "PROFESI" | "PENDIDIKANPROFESI" => Pendidikan::Profesi,
            "S2" | "MAGISTER" | "STRATA2" | "STRATAII" => Pendidikan::S2,
            "SP1" | "SPI" | "SPESIALIS" | "SPESIALIS1" | "SPESIALISI" => Pendidikan::Sp1,
            "S3" | "DOKTOR" | "STRATA3" | "STRATAIII" => Pendidikan::S3,
            "SP2" | "SPII" | "SPESIALIS2" | "SPESIALISII" | "SUBSPESIALIS" => Pendidikan::Sp2,
            _ => return None,
        })
    }

    /// Entry rank of a PNS with this education (DOMAIN.md, "Rank": PP 99/2000 as amended
    /// by PP 12/2002): SD I/a, SLTP I/c, SLTA and D-I II/a, D-II II/b, D-III II/c, D-IV and
    /// S-1 III/a, S-2 and Profesi (dokter, apoteker) III/b, S-3 III/c.
    ///
    /// Sp-1 III/b and Sp-2 III/c are this program's assumption, not the regulation's:
    /// DOMAIN.md gives no entry rank for them, so they are put with the degree of the same
    /// KKNI level (S-2, S-3). The entry rank is used only for a warning.
    pub fn entry_golongan(self) -> Golongan {
        Golongan::Pns(match self {
            Pendidikan::Sd => 0,
            Pendidikan::Sltp => 2,
            Pendidikan::Slta | Pendidikan::D1 => 4,
            Pendidikan::D2 => 5,
            Pendidikan::D3 => 6,
            Pendidikan::D4 | Pendidikan::S1 => 8,
            Pendidikan::Profesi | Pendidikan::S2 | Pendidikan::Sp1 => 9,
            Pendidikan::S3 | Pendidikan::Sp2 => 10,
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
    fn a_pppk_paruh_waktu_may_have_no_golongan_and_nobody_else() {
        use crate::domain::EmploymentKind as K;
        assert_eq!(
            Golongan::parse_for("", K::PppkParuhWaktu),
            Some(Golongan::Unstated)
        );
        assert_eq!(
            Golongan::parse_for("-", K::PppkParuhWaktu),
            Some(Golongan::Unstated)
        );
        assert_eq!(
            Golongan::parse_for("V", K::PppkParuhWaktu),
            Some(Golongan::Pppk(5))
        );
        assert_eq!(Golongan::parse_for("", K::Pppk), None);
        assert_eq!(Golongan::parse_for("", K::Pns), None);
        assert!(Golongan::Unstated.fits(K::PppkParuhWaktu));
        assert!(!Golongan::Unstated.fits(K::Pppk) && !Golongan::Unstated.fits(K::Pns));
        assert!(Golongan::Pppk(5).fits(K::PppkParuhWaktu) && Golongan::Pppk(5).fits(K::Pppk));
        assert!(!Golongan::Pns(8).fits(K::PppkParuhWaktu));
        assert_eq!(Golongan::Unstated.to_string(), "-");
        assert_eq!(Golongan::parse_any("-"), Some(Golongan::Unstated));
        assert_eq!(Golongan::parse_any("IX"), Some(Golongan::Pppk(9)));
        assert_eq!(Golongan::parse_any("III/c"), Some(Golongan::Pns(10)));
        assert_eq!(Golongan::Unstated.pangkat(), None);
        assert!(Golongan::Unstated.is_pppk());
    }

    #[test]
    fn entry_rank_follows_education() {
        // DOMAIN.md, "Rank": entry rank by education (PP 99/2000 as amended by PP 12/2002):
        // SD I/a, SMP I/c, SMA II/a, D1 II/a, D2 II/b, D3 II/c, S1 and D4 III/a, S2 and the
        // professions dokter/apoteker III/b, S3 III/c. Sp-1 III/b and Sp-2 III/c are the
        // program's assumption (no entry rank in DOMAIN.md).
        let table = [
            (Pendidikan::Sd, "I/a"),
            (Pendidikan::Sltp, "I/c"),
            (Pendidikan::Slta, "II/a"),
            (Pendidikan::D1, "II/a"),
            (Pendidikan::D2, "II/b"),
            (Pendidikan::D3, "II/c"),
            (Pendidikan::D4, "III/a"),
            (Pendidikan::S1, "III/a"),
            (Pendidikan::Profesi, "III/b"),
            (Pendidikan::S2, "III/b"),
            (Pendidikan::Sp1, "III/b"),
            (Pendidikan::S3, "III/c"),
            (Pendidikan::Sp2, "III/c"),
        ];
        assert_eq!(table.len(), Pendidikan::ALL.len());
        for (edu, code) in table {
            assert_eq!(edu.entry_golongan().to_string(), code, "{edu:?}");
        }
    }

    #[test]
    fn education_levels_are_the_siasn_ones_in_level_order() {
        // DOMAIN.md, "Rank": "Education levels as SIASN writes them: SD, SLTP, SLTA, D-I,
        // D-II, D-III, D-IV, S-1/Sarjana, S-2, S-3 (and Profesi, Sp-1, Sp-2 ...)".
        let labels: Vec<&str> = Pendidikan::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(
            labels,
            [
                "SD",
                "SLTP",
                "SLTA",
                "D-I",
                "D-II",
                "D-III",
                "D-IV",
                "S-1/Sarjana",
                "Profesi",
                "S-2",
                "Sp-1",
                "S-3",
                "Sp-2"
            ]
        );
        // Sorting follows the level, not the name ("D-IV" < "SD" alphabetically).
        let mut shuffled = [
            Pendidikan::S3,
            Pendidikan::Sd,
            Pendidikan::D4,
            Pendidikan::Slta,
            Pendidikan::S1,
            Pendidikan::D1,
        ];
        shuffled.sort();
        assert_eq!(
            shuffled,
            [
                Pendidikan::Sd,
                Pendidikan::Slta,
                Pendidikan::D1,
                Pendidikan::D4,
                Pendidikan::S1,
                Pendidikan::S3
            ]
        );
        assert!(Pendidikan::ALL.windows(2).all(|w| w[0] < w[1]));
        // The entry rank never falls as the level rises.
        assert!(
            Pendidikan::ALL
                .windows(2)
                .all(|w| w[0].entry_golongan() <= w[1].entry_golongan())
        );
    }

    #[test]
    fn every_siasn_spelling_and_old_code_parses() {
        // DOMAIN.md, "Rank": the SIASN spellings; the old codes stay accepted.
        use Pendidikan as P;
        let table = [
            ("SD", P::Sd),
            ("SLTP", P::Sltp),
            ("SMP", P::Sltp),
            ("SLTA", P::Slta),
            ("SMA", P::Slta),
            ("SMK", P::Slta),
            ("SLTA/SMA", P::Slta),
            ("D-I", P::D1),
            ("D1", P::D1),
            ("Diploma I", P::D1),
            ("D-II", P::D2),
            ("D2", P::D2),
            ("Diploma II", P::D2),
            ("D-III", P::D3),
            ("D3", P::D3),
            ("Diploma III", P::D3),
            ("D-IV", P::D4),
            ("D4", P::D4),
            ("Diploma IV", P::D4),
            ("d.iv", P::D4),
            ("S-1/Sarjana", P::S1),
            ("S-1", P::S1),
            ("S1", P::S1),
            ("Sarjana", P::S1),
            ("s 1", P::S1),
            ("S-2", P::S2),
            ("S2", P::S2),
            ("S-2/Magister", P::S2),
            ("S-3", P::S3),
            ("S3", P::S3),
            ("S-3/Doktor", P::S3),
            ("Profesi", P::Profesi),
            ("PROFESI", P::Profesi),
            ("Sp-1", P::Sp1),
            ("SP1", P::Sp1),
            ("Sp-2", P::Sp2),
            ("sp 2", P::Sp2),
        ];
        for (text, level) in table {
            assert_eq!(Pendidikan::parse(text), Some(level), "{text:?}");
        }
        for level in Pendidikan::ALL {
            assert_eq!(Pendidikan::parse(level.code()), Some(level));
            assert_eq!(Pendidikan::parse(level.label()), Some(level));
        }
        assert_eq!(Pendidikan::parse("D5"), None);
        assert_eq!(Pendidikan::parse(""), None);
        assert_eq!(Pendidikan::parse("S-4/Lain"), None);
    }

    #[test]
    fn all_lists_thirty_four_ranks_in_order_then_none_stated() {
        let all: Vec<Golongan> = Golongan::all().collect();
        assert_eq!(all.len(), 35);
        assert!(all[..34].windows(2).all(|w| w[0] < w[1]));
        // Code 34, appended: the codes of the ranks before it never moved.
        assert_eq!(all[34], Golongan::Unstated);
        assert_eq!(Golongan::Unstated.ordinal(), 34);
        assert!(
            Golongan::Unstated < Golongan::Pns(0),
            "sorted below every rank"
        );
        assert!(
            all.iter()
                .all(|r| Golongan::all().nth(r.ordinal() as usize) == Some(*r))
        );
    }
}
