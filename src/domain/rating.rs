//! Ratings and the predikat matrix of PermenPANRB 6/2022.

/// One level of the three-level scale used for Hasil Kerja and Perilaku Kerja.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    /// Di Atas Ekspektasi.
    DiAtas,
    /// Sesuai Ekspektasi.
    Sesuai,
    /// Di Bawah Ekspektasi.
    DiBawah,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::DiAtas, Rating::Sesuai, Rating::DiBawah];

    /// The key officers press in forms: 1 above, 2 as expected, 3 below.
    pub fn code(self) -> u8 {
        match self {
            Rating::DiAtas => 1,
            Rating::Sesuai => 2,
            Rating::DiBawah => 3,
        }
    }

    pub fn from_code(code: u8) -> Option<Rating> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Rating::DiAtas => "Di Atas Ekspektasi",
            Rating::Sesuai => "Sesuai Ekspektasi",
            Rating::DiBawah => "Di Bawah Ekspektasi",
        }
    }

    /// Accepts the label, a short form (`atas`, `sesuai`, `bawah`, `di atas`) or the code.
    pub fn parse(s: &str) -> Option<Rating> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "1" | "atas" | "diatas" | "diatasekspektasi" | "above" => Some(Rating::DiAtas),
            "2" | "sesuai" | "sesuaiekspektasi" | "asexpected" => Some(Rating::Sesuai),
            "3" | "bawah" | "dibawah" | "dibawahekspektasi" | "below" => Some(Rating::DiBawah),
            _ => None,
        }
    }
}

/// Predikat Kinerja Pegawai, best first; the national system codes them 1 to 5.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Predikat {
    SangatBaik,
    Baik,
    ButuhPerbaikan,
    /// Written "Kurang/Misconduct" in the matrix, "Kurang" by the national system.
    Kurang,
    SangatKurang,
}

impl Predikat {
    pub const ALL: [Predikat; 5] = [
        Predikat::SangatBaik,
        Predikat::Baik,
        Predikat::ButuhPerbaikan,
        Predikat::Kurang,
        Predikat::SangatKurang,
    ];

    pub fn code(self) -> u8 {
        self as u8 + 1
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "Sangat Baik",
            Predikat::Baik => "Baik",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Kurang => "Kurang/Misconduct",
            Predikat::SangatKurang => "Sangat Kurang",
        }
    }

    pub fn parse(s: &str) -> Option<Predikat> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "1" | "sangatbaik" => Some(Predikat::SangatBaik),
            "2" | "baik" => Some(Predikat::Baik),
            "3" | "butuhperbaikan" => Some(Predikat::ButuhPerbaikan),
            "4" | "kurang" | "kurangmisconduct" | "misconduct" => Some(Predikat::Kurang),
            "5" | "sangatkurang" => Some(Predikat::SangatKurang),
            _ => None,
        }
    }

    /// Butuh Perbaikan or worse: a reason for coaching (pembinaan).
    pub fn needs_coaching(self) -> bool {
        self >= Predikat::ButuhPerbaikan
    }
}

/// The predikat from Hasil Kerja (rows) and Perilaku Kerja (columns), as the regulation's matrix.
pub fn predikat(hasil_kerja: Rating, perilaku: Rating) -> Predikat {
    use Predikat::*;
    use Rating::*;
    match (hasil_kerja, perilaku) {
        (DiAtas, DiAtas) => SangatBaik,
        (DiAtas, Sesuai) => Baik,
        (DiAtas, DiBawah) => Kurang,
        (Sesuai, DiAtas) => Baik,
        (Sesuai, Sesuai) => Baik,
        (Sesuai, DiBawah) => Kurang,
        (DiBawah, DiAtas) => ButuhPerbaikan,
        (DiBawah, Sesuai) => ButuhPerbaikan,
        (DiBawah, DiBawah) => SangatKurang,
    }
}

/// Predikat of a legacy score (PP 46/2011: 60% SKP + 40% behaviour, 0-100).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyPredikat {
    SangatBaik,
    Baik,
    Cukup,
    Kurang,
    Buruk,
}

/// 91+ Sangat Baik, 76-90 Baik, 61-75 Cukup, 51-60 Kurang, 50 and below Buruk.
/// Scores between the whole-number bands (90.5) fall to the lower band.
pub fn legacy_predikat(score: f64) -> LegacyPredikat {
    if score >= 91.0 {
        LegacyPredikat::SangatBaik
    } else if score >= 76.0 {
        LegacyPredikat::Baik
    } else if score >= 61.0 {
        LegacyPredikat::Cukup
    } else if score >= 51.0 {
        LegacyPredikat::Kurang
    } else {
        LegacyPredikat::Buruk
    }
}

/// The legacy weighted score: 60% SKP and 40% behaviour.
pub fn legacy_score(skp: f64, perilaku: f64) -> f64 {
    skp * 0.6 + perilaku * 0.4
}

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat::*;
    use Rating::*;

    #[test]
    fn all_nine_cells_of_the_predikat_matrix() {
        // DOMAIN.md, rows Hasil Kerja, columns Perilaku Kerja.
        assert_eq!(predikat(DiAtas, DiAtas), SangatBaik);
        assert_eq!(predikat(DiAtas, Sesuai), Baik);
        assert_eq!(predikat(DiAtas, DiBawah), Kurang);
        assert_eq!(predikat(Sesuai, DiAtas), Baik);
        assert_eq!(predikat(Sesuai, Sesuai), Baik);
        assert_eq!(predikat(Sesuai, DiBawah), Kurang);
        assert_eq!(predikat(DiBawah, DiAtas), ButuhPerbaikan);
        assert_eq!(predikat(DiBawah, Sesuai), ButuhPerbaikan);
        assert_eq!(predikat(DiBawah, DiBawah), SangatKurang);
    }

    #[test]
    fn predikat_codes_one_to_five_best_first() {
        let codes: Vec<u8> = Predikat::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(codes, [1, 2, 3, 4, 5]);
        assert!(SangatBaik < SangatKurang);
        assert_eq!(Predikat::parse("Kurang"), Some(Kurang));
        assert_eq!(Predikat::parse("Kurang/Misconduct"), Some(Kurang));
        assert!(ButuhPerbaikan.needs_coaching() && !Baik.needs_coaching());
    }

    #[test]
    fn rating_keys_are_one_two_three() {
        assert_eq!(Rating::from_code(1), Some(DiAtas));
        assert_eq!(Rating::from_code(2), Some(Sesuai));
        assert_eq!(Rating::from_code(3), Some(DiBawah));
        assert_eq!(Rating::parse("Di Bawah Ekspektasi"), Some(DiBawah));
        assert_eq!(Rating::parse("sedang"), None);
    }

    #[test]
    fn legacy_bands_of_pp_46_2011() {
        assert_eq!(legacy_predikat(91.0), LegacyPredikat::SangatBaik);
        assert_eq!(legacy_predikat(90.0), LegacyPredikat::Baik);
        assert_eq!(legacy_predikat(76.0), LegacyPredikat::Baik);
        assert_eq!(legacy_predikat(75.0), LegacyPredikat::Cukup);
        assert_eq!(legacy_predikat(61.0), LegacyPredikat::Cukup);
        assert_eq!(legacy_predikat(60.0), LegacyPredikat::Kurang);
        assert_eq!(legacy_predikat(51.0), LegacyPredikat::Kurang);
        assert_eq!(legacy_predikat(50.0), LegacyPredikat::Buruk);
        assert!((legacy_score(80.0, 90.0) - 84.0).abs() < 1e-9);
    }
}
